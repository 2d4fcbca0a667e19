"""Hand-built spaCy Docs: a parse written out token by token, no model needed.

Each token is (text, tag, pos, dep, head index, lemma), heads absolute in the Doc. The text is
the tokens joined by single spaces, except before punctuation and after opening quotes, so
``doc.text`` reads naturally. Parses were copied from what en_core_web_sm 3.8 gives for the
sentence, so the tests check the rules on realistic trees.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date

Token = tuple[str, str, str, str, int, str]

_NO_SPACE_BEFORE = frozenset({".", ",", ";", ":", "!", "?", "”", "'s", "’s", ")", "%"})
_NO_SPACE_AFTER = frozenset({"“", "(", "$"})


@functools.cache
def _vocab():
    import spacy

    return spacy.blank("en").vocab


def build(tokens: Sequence[Token]):
    from spacy.tokens import Doc

    words = [t[0] for t in tokens]
    spaces = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        spaces.append(nxt is not None and nxt not in _NO_SPACE_BEFORE and w not in _NO_SPACE_AFTER)
    return Doc(
        _vocab(),
        words=words,
        spaces=spaces,
        tags=[t[1] for t in tokens],
        pos=[t[2] for t in tokens],
        deps=[t[3] for t in tokens],
        heads=[t[4] for t in tokens],
        lemmas=[t[5] for t in tokens],
    )


def propose(tokens: Sequence[Token], published: date):
    """The candidates of a hand-built document, as ``events.propose`` makes them."""
    from cstotimeline.events import propose as _propose
    from cstotimeline.records import Document

    doc = build(tokens)
    document = Document(
        source="t.txt", text=doc.text, published=published, published_basis="option"
    )
    return doc, _propose(document, doc).candidates


SAID_THAT = [
    ("Pashinyan", "NNP", "PROPN", "nsubj", 1, "Pashinyan"),
    ("said", "VBD", "VERB", "ROOT", 1, "say"),
    ("on", "IN", "ADP", "prep", 1, "on"),
    ("Thursday", "NNP", "PROPN", "pobj", 2, "Thursday"),
    ("that", "IN", "SCONJ", "mark", 7, "that"),
    ("Armenia", "NNP", "PROPN", "nsubj", 7, "Armenia"),
    ("had", "VBD", "AUX", "aux", 7, "have"),
    ("frozen", "VBN", "VERB", "ccomp", 1, "freeze"),
    ("its", "PRP$", "PRON", "poss", 9, "its"),
    ("participation", "NN", "NOUN", "dobj", 7, "participation"),
    (".", ".", "PUNCT", "punct", 1, "."),
]

COULD_LEAVE = [
    ("Armenia", "NNP", "PROPN", "nsubj", 2, "Armenia"),
    ("could", "MD", "AUX", "aux", 2, "could"),
    ("leave", "VB", "VERB", "ccomp", 13, "leave"),
    ("the", "DT", "DET", "det", 4, "the"),
    ("CSTO", "NNPS", "PROPN", "dobj", 2, "CSTO"),
    (",", ",", "PUNCT", "punct", 4, ","),
    ("a", "DT", "DET", "det", 8, "a"),
    ("leading", "VBG", "VERB", "amod", 8, "lead"),
    ("member", "NN", "NOUN", "appos", 4, "member"),
    ("of", "IN", "ADP", "prep", 8, "of"),
    ("the", "DT", "DET", "det", 12, "the"),
    ("ruling", "VBG", "VERB", "amod", 12, "rule"),
    ("party", "NN", "NOUN", "pobj", 9, "party"),
    ("said", "VBD", "VERB", "ROOT", 13, "say"),
    (".", ".", "PUNCT", "punct", 13, "."),
]

PLANS_TO = [
    ("Armenia", "NNP", "PROPN", "nsubj", 1, "Armenia"),
    ("plans", "VBZ", "VERB", "ROOT", 1, "plan"),
    ("to", "TO", "PART", "aux", 3, "to"),
    ("leave", "VB", "VERB", "xcomp", 1, "leave"),
    ("the", "DT", "DET", "det", 5, "the"),
    ("bloc", "NN", "NOUN", "dobj", 3, "bloc"),
    ("in", "IN", "ADP", "prep", 3, "in"),
    ("2025", "CD", "NUM", "pobj", 6, "2025"),
    (".", ".", "PUNCT", "punct", 1, "."),
]

TWO_REFUSALS = [
    ("Armenia", "NNP", "PROPN", "nsubj", 1, "Armenia"),
    ("refused", "VBD", "VERB", "ROOT", 1, "refuse"),
    ("to", "TO", "PART", "aux", 3, "to"),
    ("attend", "VB", "VERB", "xcomp", 1, "attend"),
    ("and", "CC", "CCONJ", "cc", 1, "and"),
    ("Belarus", "NNP", "PROPN", "nsubj", 6, "Belarus"),
    ("refused", "VBD", "VERB", "conj", 1, "refuse"),
    ("to", "TO", "PART", "aux", 8, "to"),
    ("sign", "VB", "VERB", "xcomp", 6, "sign"),
    (".", ".", "PUNCT", "punct", 6, "."),
]

FROZEN_TOLD = [
    ("Armenia", "NNP", "PROPN", "nsubj", 3, "Armenia"),
    ("has", "VBZ", "AUX", "aux", 3, "have"),
    ("“", "``", "PUNCT", "punct", 3, '"'),
    ("frozen", "JJ", "ADJ", "ccomp", 9, "frozen"),
    ("”", "''", "PUNCT", "punct", 3, '"'),
    ("its", "PRP$", "PRON", "poss", 6, "its"),
    ("participation", "NN", "NOUN", "dobj", 3, "participation"),
    (",", ",", "PUNCT", "punct", 9, ","),
    ("Pashinyan", "NNP", "PROPN", "nsubj", 9, "Pashinyan"),
    ("told", "VBD", "VERB", "ROOT", 9, "tell"),
    ("France", "NNP", "PROPN", "dobj", 9, "France"),
    ("24", "CD", "NUM", "nummod", 10, "24"),
    ("on", "IN", "ADP", "prep", 9, "on"),
    ("Thursday", "NNP", "PROPN", "pobj", 12, "Thursday"),
    (".", ".", "PUNCT", "punct", 9, "."),
]

WAR_ENDED = [
    ("The", "DT", "DET", "det", 2, "the"),
    ("2020", "CD", "NUM", "nummod", 2, "2020"),
    ("war", "NN", "NOUN", "ROOT", 2, "war"),
    ("ended", "VBD", "VERB", "acl", 2, "end"),
    ("in", "IN", "ADP", "prep", 3, "in"),
    ("November", "NNP", "PROPN", "pobj", 4, "November"),
    ("with", "IN", "ADP", "prep", 3, "with"),
    ("a", "DT", "DET", "det", 8, "a"),
    ("ceasefire", "NN", "NOUN", "pobj", 6, "ceasefire"),
    (".", ".", "PUNCT", "punct", 2, "."),
]

SUMMIT_THEN_A_YEAR_AFTER = [
    ("The", "DT", "DET", "det", 1, "the"),
    ("CSTO", "NNS", "NOUN", "nsubj", 2, "CSTO"),
    ("held", "VBD", "VERB", "ROOT", 2, "hold"),
    ("its", "PRP$", "PRON", "poss", 4, "its"),
    ("summit", "NN", "NOUN", "dobj", 2, "summit"),
    ("in", "IN", "ADP", "prep", 4, "in"),
    ("Yerevan", "NNP", "PROPN", "pobj", 5, "Yerevan"),
    ("on", "IN", "ADP", "prep", 2, "on"),
    ("23", "CD", "NUM", "nummod", 9, "23"),
    ("November", "NNP", "PROPN", "pobj", 7, "November"),
    ("2022", "CD", "NUM", "nummod", 9, "2022"),
    (".", ".", "PUNCT", "punct", 2, "."),
    ("A", "DT", "DET", "det", 13, "a"),
    ("year", "NN", "NOUN", "npadvmod", 20, "year"),
    ("after", "IN", "ADP", "prep", 13, "after"),
    ("the", "DT", "DET", "det", 17, "the"),
    ("Yerevan", "NNP", "PROPN", "compound", 17, "Yerevan"),
    ("summit", "NN", "NOUN", "pobj", 14, "summit"),
    (",", ",", "PUNCT", "punct", 20, ","),
    ("Pashinyan", "NNP", "PROPN", "nsubj", 20, "Pashinyan"),
    ("stayed", "VBD", "VERB", "ROOT", 20, "stay"),
    ("away", "RB", "ADV", "advmod", 20, "away"),
    ("from", "IN", "ADP", "prep", 21, "from"),
    ("the", "DT", "DET", "det", 24, "the"),
    ("one", "CD", "NUM", "pobj", 22, "one"),
    ("in", "IN", "ADP", "prep", 24, "in"),
    ("Minsk", "NNP", "PROPN", "pobj", 25, "Minsk"),
    (".", ".", "PUNCT", "punct", 20, "."),
]

TWO_MONTHS_AFTER = [
    ("The", "DT", "DET", "det", 1, "the"),
    ("move", "NN", "NOUN", "nsubj", 2, "move"),
    ("comes", "VBZ", "VERB", "ROOT", 2, "come"),
    ("two", "CD", "NUM", "nummod", 4, "two"),
    ("months", "NNS", "NOUN", "npadvmod", 7, "month"),
    ("after", "IN", "SCONJ", "mark", 7, "after"),
    ("Pashinyan", "NNP", "PROPN", "nsubj", 7, "Pashinyan"),
    ("refused", "VBD", "VERB", "advcl", 2, "refuse"),
    ("to", "TO", "PART", "aux", 9, "to"),
    ("host", "VB", "VERB", "xcomp", 7, "host"),
    ("the", "DT", "DET", "det", 11, "the"),
    ("drills", "NNS", "NOUN", "dobj", 9, "drill"),
    (".", ".", "PUNCT", "punct", 2, "."),
]

DID_NOT_ATTEND = [
    ("Armenia", "NNP", "PROPN", "nsubj", 3, "Armenia"),
    ("did", "VBD", "AUX", "aux", 3, "do"),
    ("not", "RB", "PART", "neg", 3, "not"),
    ("attend", "VB", "VERB", "ROOT", 3, "attend"),
    ("the", "DT", "DET", "det", 5, "the"),
    ("summit", "NN", "NOUN", "dobj", 3, "summit"),
    (".", ".", "PUNCT", "punct", 3, "."),
]
