"""Sentence boundaries the text itself marks: a blank line ends a sentence.

Headlines, datelines and bylines carry no full stop, so the statistical parser runs them into
the first sentence of the body ("Plane crash drives relations to a new low BAKU — Aliyev on
Sunday accused ..."), and the clause then gets the headline's verb and tense. A spaCy
component placed before the parser marks the first token after a blank line as a sentence
start; the parser keeps boundaries set before it. This module imports spaCy, so only
:func:`cstotimeline.nlp.load` imports it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "cstotimeline_paragraphs"


@Language.component(NAME, assigns=["token.is_sent_start"])
def paragraph_starts(doc: Doc) -> Doc:
    """Mark the first token after each blank line (a space token with two line breaks) as
    the start of a sentence."""
    after_blank = False
    for tok in doc:
        if tok.is_space:
            after_blank = after_blank or tok.text.count("\n") >= 2
        elif after_blank:
            tok.is_sent_start = True
            after_blank = False
    return doc
