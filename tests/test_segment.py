"""Blank lines end sentences (cstotimeline.segment), before the parser runs."""

from __future__ import annotations

import pytest


def test_first_token_after_a_blank_line_starts_a_sentence() -> None:
    import spacy

    from cstotimeline import segment

    nlp = spacy.blank("en")
    nlp.add_pipe(segment.NAME)
    doc = nlp("Plane crash drives ties to a new low\n\nBAKU - Aliyev spoke.\nHe left.")
    starts = [t.text for t in doc if t.is_sent_start]
    # The blank line marks "BAKU"; a single line break ("He") is left to the parser.
    assert "BAKU" in starts
    assert "He" not in starts


@pytest.mark.model
def test_headline_is_not_run_into_the_first_sentence() -> None:
    from cstotimeline import nlp

    text = (
        "Plane crash drives Russia-Azerbaijan relations to a new low\n\n"
        "BAKU - Azerbaijan's President Ilham Aliyev on Sunday accused Russia of shooting down "
        "a passenger jet."
    )
    blank = text.index("\n\n")
    for sent in nlp.load()(text).sents:
        # no sentence runs across the blank line
        assert sent.end_char <= blank + 2 or sent.start_char >= blank, sent.text
