"""Pure helpers over the dependency parse: tense, clauses, subjects, names, tree distances.

Nothing here holds state or knows the domain: every function reads a spaCy ``Token`` (or
``Span``) and returns a value. Word lists are grammar words only (auxiliaries, pronouns,
prepositions, subordinators); content words live in ``data/triggers.toml``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Dependencies that open a clause of their own below their head.
CLAUSE_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj", "csubjpass", "parataxis"}
)
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
ARG_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd", "dative"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "it", "this", "that", "who", "which"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
MODAL_AUX = frozenset({"would", "could", "may", "might", "can", "should", "must", "ought", "'d"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
_NAME_DEPS = frozenset({"compound", "flat", "amod", "det", "poss", "nmod", "nummod", "case"})


def auxiliaries(tok: Token) -> list[Token]:
    """The auxiliaries of a verb; a coordinated verb without its own shares its head's
    ("has met and agreed")."""
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if not auxes and tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
        auxes = [c for c in tok.head.children if c.dep_ in ("aux", "auxpass")]
    return auxes


def tense(tok: Token) -> str:
    """past | perfect | present | future | infinitive | other, of a verb with its auxiliaries."""
    auxes = auxiliaries(tok)
    tag = tok.tag_
    if tok.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        tag = tok.head.tag_ if tag == "VBN" else tag
    lowers = [a.lower_ for a in auxes]
    if any(a in FUTURE_AUX for a in lowers) or (
        "going" in lowers and any(a == "to" for a in lowers)
    ):
        return "future"
    if any(a in ("has", "have", "'ve", "'s", "had", "'d") for a in lowers) and tag == "VBN":
        return "past" if any(a in ("had",) for a in lowers) else "perfect"
    if any(a.tag_ == "VBD" for a in auxes) or tag == "VBD":
        return "past"
    if any(a.tag_ in ("VBZ", "VBP") for a in auxes) or tag in ("VBZ", "VBP"):
        return "present"
    if tag == "VB" and any(a.lower_ == "to" for a in auxes):
        return "infinitive"
    if tag == "VBN":
        return "past"
    if tag == "VBG":
        return "gerund"
    return "other"


def is_passive(tok: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in tok.children) or (
        tok.dep_ in ("acl", "relcl") and tok.tag_ == "VBN"
    )


def is_verbal(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass")


def clause_depth(tok: Token) -> int:
    """How many clause boundaries lie between ``tok`` and the root of its sentence."""
    depth = 0
    t = tok
    while t.head.i != t.i:
        if t.dep_ in CLAUSE_DEPS or (t.dep_ == "conj" and is_verbal(t)):
            depth += 1
        t = t.head
    return depth


def ancestors_to(tok: Token, stop: Token) -> bool:
    """True when ``stop`` is ``tok`` or one of its ancestors."""
    t = tok
    while True:
        if t.i == stop.i:
            return True
        if t.head.i == t.i:
            return False
        t = t.head


def path_length(a: Token, b: Token) -> int:
    """Number of arcs between two tokens of one sentence (a large number across sentences)."""
    if a.sent.start != b.sent.start:
        return 99
    up: dict[int, int] = {}
    t, n = a, 0
    while True:
        up[t.i] = n
        if t.head.i == t.i:
            break
        t, n = t.head, n + 1
    t, n = b, 0
    while t.i not in up:
        if t.head.i == t.i:
            return 99
        t, n = t.head, n + 1
    return n + up[t.i]


def attached(tok: Token, trigger: Token) -> bool:
    """True when ``tok`` hangs under ``trigger`` through phrases only, crossing no clause
    boundary (a participial adjunct without subject or subordinator does not count as one)."""
    t = tok
    while t.head.i != t.i:
        if t.i == trigger.i:
            return True
        participial = t.dep_ == "advcl" and not any(
            c.dep_ in SUBJ_DEPS or c.dep_ == "mark" for c in t.children
        )
        if (t.dep_ in CLAUSE_DEPS or (t.dep_ == "conj" and is_verbal(t))) and not participial:
            return False
        t = t.head
    return t.i == trigger.i


def subject(verb: Token) -> Token | None:
    """The subject of a verb; a coordinated verb or an infinitive complement without one takes
    its head's ("Armenia refused and walked out", "Armenia decided to leave")."""
    t = verb
    for _ in range(4):
        subj = next((c for c in t.children if c.dep_ in SUBJ_DEPS), None)
        if subj is not None:
            return subj
        if t.dep_ in ("conj", "xcomp") and t.head.i != t.i:
            t = t.head
            continue
        return None
    return None


def name_spans(tok: Token) -> list[tuple[int, int]]:
    """Character ranges naming who a subject is: its head with its name modifiers, and its
    appositions ("the spokesman for the Presidency, Dmitry Peskov"); not its clauses or
    prepositional phrases ("adviser to the president")."""
    out: list[tuple[int, int]] = []
    if tok.dep_ == "agent":  # "by X"
        tok = next((c for c in tok.children if c.dep_ == "pobj"), tok)
    heads = [tok, *(c for c in tok.children if c.dep_ in ("appos", "conj"))]
    for h in heads:
        toks = [h]
        stack = [h]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in _NAME_DEPS:
                    toks.append(c)
                    stack.append(c)
        lo = min(t.idx for t in toks)
        hi = max(t.idx + len(t) for t in toks)
        out.append((lo, hi))
    return out


def extent(tok: Token) -> tuple[int, int]:
    """Character range of a token's subtree."""
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)


def when_clause(tok: Token) -> bool:
    """A clause that happens at the time of its head ("… spiked this week when troops
    clashed")."""
    return tok.dep_ == "advcl" and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as", "while") for c in tok.children
    )


def preposition_of(tok: Token) -> str | None:
    """The preposition governing a noun phrase ("in" for "in May"), if any."""
    t = tok
    if t.dep_ in ("pobj", "pcomp") and t.head.dep_ in ("prep", "agent", "dative"):
        return t.head.lower_
    if t.dep_ == "npadvmod":
        return "np"
    return None


def unique(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for x in items:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


__all__ = [
    "ARG_DEPS",
    "CLAUSE_DEPS",
    "PERSON_PRONOUNS",
    "SUBJ_DEPS",
    "ancestors_to",
    "attached",
    "clause_depth",
    "extent",
    "is_passive",
    "name_spans",
    "path_length",
    "subject",
    "tense",
    "unique",
    "when_clause",
]
