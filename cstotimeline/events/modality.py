"""Modality of a clause, from its own auxiliaries and negators only.

"Armenia could leave …, a member of the ruling party said": *leave* is hypothetical (its own
*could*), *said* is asserted. What governs a clause ("plans to leave", "denied that it would
leave", "did not rule out leaving") is not folded into the clause's modality: it is described by
``Embedding`` and left to the selector, so a negation or a modal never leaks across clauses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cstotimeline.events import syntax

if TYPE_CHECKING:
    from spacy.tokens import Token

    from cstotimeline.lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool = False
    future: bool = False
    modal: bool = False  # would / could / may / might / should / can / must
    conditional: bool = False  # "if", "unless"

    @property
    def label(self) -> str:
        """asserted | negated | hypothetical | planned (the first that applies)."""
        if self.negated:
            return "negated"
        if self.conditional or self.modal:
            return "hypothetical"
        if self.future:
            return "planned"
        return "asserted"


@dataclass(frozen=True, slots=True)
class Embedding:
    """The clause that governs this one, as the selector sees it."""

    relation: str  # the dependency linking the two (ccomp, xcomp, advcl, …) or "none"
    head_class: str  # reporting | planning | negating | participation | opinion | event | other
    head_negated: bool = False
    head_modal: bool = False
    head_future: bool = False


def own_modality(tok: Token, lex: Lexicon) -> Modality:
    """Modality from ``tok``'s own auxiliaries, negators and subordinators."""
    negated = future = modal = conditional = False
    for c in tok.children:
        low = c.lower_
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det", "npadvmod") and low == "never"):
            negated = True
        elif c.dep_ in ("aux", "auxpass"):
            if low in lex.hypothetical_aux or low in syntax.MODAL_AUX:
                modal = True
            elif low in lex.future_aux or low in syntax.FUTURE_AUX:
                future = True
        elif c.dep_ == "mark" and low in syntax.CONDITIONAL_MARKS:
            conditional = True
    if tok.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        head = own_modality(tok.head, lex) if tok.head.i != tok.i else Modality()
        future = future or head.future
        modal = modal or head.modal
    if tok.dep_ == "xcomp" and tok.head.lower_ == "going":
        future = True  # "is going to leave"
    return Modality(negated, future, modal, conditional)


def word_class(tok: Token, lex: Lexicon) -> str:
    """The class of a governing word, for ``Embedding.head_class``."""
    lemma = tok.lemma_.lower()
    if lemma in lex.reporting:
        return "reporting"
    if lemma in lex.negating or (
        lemma == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)
    ):
        return "negating"
    if lemma in lex.planning or tok.lower_ == "going":
        return "planning"
    if lemma in lex.opinion:
        return "opinion"
    if lemma in lex.participation:
        return "participation"
    if lex.verb_type(lemma) is not None or lex.noun_type(lemma) is not None:
        return "event"
    return "other"


def embedding(tok: Token, lex: Lexicon) -> Embedding:
    """What governs the clause headed by ``tok`` (through a preposition for "pcomp")."""
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i and syntax.is_verbal(t.head):
        t = t.head  # a coordinated clause is governed by what governs the first one
    if t.head.i == t.i:
        return Embedding("none", "none")
    head = t.head
    relation = t.dep_
    if relation == "pcomp" and head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
    if relation not in syntax.CLAUSE_DEPS and relation not in ("pobj", "dobj", "nsubj"):
        relation = "other"
    m = own_modality(head, lex) if syntax.is_verbal(head) else Modality()
    return Embedding(relation, word_class(head, lex), m.negated, m.modal, m.future)
