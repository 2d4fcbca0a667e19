"""Recall-first candidates: every clause and every event noun of a sentence.

A candidate is a finite or non-finite clause head (a verb, or a copula heading a clause), an
event noun of the trigger lexicon, or any noun that a calendar expression modifies ("the 2020
war", "the bombings in September 2022", "the 2024 budget"). The lexicon *types* candidates
(meeting, refusal, …); it does not decide whether they exist: that is the selector's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cstotimeline.events import syntax

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from cstotimeline.events.view import DocView
    from cstotimeline.lexicon import Lexicon

_HAPPENING_NOUNS = frozenset(
    {"refusal", "meeting", "military_action", "exercise", "deployment", "membership_change"}
)


@dataclass(frozen=True)
class Trigger:
    """A candidate's head word, with the words that share its happening."""

    token: Token
    kind: str  # verb | noun
    etype: str | None  # the lexicon's type, None when the word is not in the lexicon
    extra: tuple[Token, ...] = ()  # a light verb's noun ("held a summit"), a particle

    @property
    def owners(self) -> tuple[Token, ...]:
        return (self.token, *self.extra)


def verb_type(tok: Token, lex: Lexicon) -> str | None:
    """The lexicon type of a verb: phrasal verbs ("pull out"), "take part", verbs that are
    events only with a military force as object or subject, then the plain lemma."""
    lemma = tok.lemma_.lower()
    if lemma in lex.phrasal_heads:
        has_object = any(c.dep_ == "dobj" for c in tok.children)
        for c in tok.children:
            if c.i > tok.i and (
                c.dep_ == "prt" or (c.dep_ in ("prep", "advmod") and not has_object)
            ):
                phrasal = lex.verb_type(f"{lemma} {c.lower_}")
                if phrasal:
                    return phrasal
    if lemma == "take" and any(
        c.lower_ == "part" and c.dep_ in ("dobj", "npadvmod") for c in tok.children
    ):
        return "meeting"
    typ = lex.verb_type(lemma) or (lex.verb_type(tok.lower_) if tok.tag_ in ("VBN", "JJ") else None)
    if typ is None and tok.pos_ == "VERB":
        typ = _force_type(tok, lemma, lex)
    return typ


def _force_type(tok: Token, lemma: str, lex: Lexicon) -> str | None:
    forces = lex.force_nouns
    typ = lex.force_object_verbs.get(lemma)
    if typ is not None and any(
        c.dep_ == "dobj" and c.lemma_.lower() in forces for c in tok.children
    ):
        return typ
    typ = lex.force_subject_verbs.get(lemma)
    if typ is None:
        return None
    subj = syntax.subject(tok)
    if subj is not None and subj.lemma_.lower() in forces:
        return typ
    return None


def noun_type(tok: Token, lex: Lexicon) -> str | None:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    return lex.noun_type(tok.lemma_, tok.text)


def light_noun(verb: Token, lex: Lexicon) -> Token | None:
    """The event noun a verb's happening is named by: its object or subject ("held a
    summit", "the summit took place"), for a participle the noun it modifies ("the summit
    held on 28 October"), a compound's head ("the Indestructible Brotherhood exercises")."""
    args = [c for c in verb.children if c.dep_ in syntax.ARG_DEPS]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "for"):
            args.extend(c for c in prep.children if c.dep_ == "pobj")
    if verb.dep_ in ("acl", "relcl"):
        h = verb.head
        args.append(h)
        for _ in range(2):
            if h.dep_ == "pobj" and h.head.dep_ == "prep":
                h = h.head.head
                args.append(h)
    for a in args:
        if noun_type(a, lex) is not None:
            return a
        for c in a.children:
            if c.dep_ == "compound" and noun_type(c, lex) is not None:
                return a
    return None


def _is_clause_head(tok: Token) -> bool:
    if tok.pos_ == "VERB":
        return tok.dep_ not in ("aux", "auxpass", "amod", "compound")
    if tok.pos_ in ("ADJ", "NOUN", "PROPN", "ADV") and tok.dep_ in ("ROOT", "ccomp", "conj"):
        # a verb the tagger took for another word ("has “frozen” its participation"): it has
        # an auxiliary of its own and an object or subject
        return any(c.dep_ in ("aux", "auxpass") for c in tok.children) and any(
            c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in tok.children
        )
    if tok.pos_ == "AUX":
        # a copula heading its own clause ("Armenia was absent", "the summit was in Minsk")
        return tok.dep_ in ("ROOT", "ccomp", "conj", "advcl", "relcl", "parataxis") and not any(
            c.pos_ == "VERB" and c.dep_ in ("xcomp", "ccomp") for c in tok.children
        )
    return False


def triggers(view: DocView, sent: Span, dated_heads: set[int]) -> list[Trigger]:
    """The candidates of a sentence. ``dated_heads`` holds the indices of the nouns that a
    calendar expression of the sentence modifies."""
    lex = view.lex
    out: list[Trigger] = []
    for tok in sent:
        if _is_clause_head(tok):
            typ = verb_type(tok, lex)
            extra: tuple[Token, ...] = ()
            noun = light_noun(tok, lex)
            if noun is not None and (typ in (None, "light") or tok.dep_ == "ROOT"):
                extra = (noun,)
                if typ in (None, "light"):
                    ntype = noun_type(noun, lex)
                    typ = ntype if typ == "light" or ntype in _HAPPENING_NOUNS else typ
            if typ == "light":
                typ = None
            if tok.pos_ == "AUX":
                for c in tok.children:
                    if c.dep_ in ("acomp", "attr") and (
                        lex.noun_type(c.lemma_) or lex.verb_type(c.lemma_)
                    ):
                        typ = lex.noun_type(c.lemma_) or lex.verb_type(c.lemma_)
                        extra = (c,)
                        break
            out.append(Trigger(tok, "verb", typ, extra))
        elif tok.pos_ in ("NOUN", "PROPN"):
            typ = noun_type(tok, lex)
            if (typ is not None or tok.i in dated_heads) and not view.in_actor_name(tok):
                out.append(Trigger(tok, "noun", typ))
    return out


def dated_heads(view: DocView, sent: Span) -> set[int]:
    """Nouns that a calendar expression of the sentence modifies directly or through a
    preposition ("the 2020 war", "the war in 2020", "the May 2021 incursion")."""
    out: set[int] = set()
    for t in view.calendar_in(sent):
        r = t.root
        inside = {tok.i for tok in t.span}
        h = r.head
        if r.dep_ == "pobj" and h.dep_ == "prep":
            h = h.head
        if h.i in inside or h.i == r.i:
            continue
        if h.pos_ == "NOUN" and r.dep_ in ("compound", "nummod", "amod", "nmod", "poss", "pobj"):
            out.add(h.i)
    return out
