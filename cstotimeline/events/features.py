"""Features of a candidate, for the selector.

Every feature names a linguistic property, never a word of an article: the trigger's class in
the lexicon, its clause (dependency, depth, tense, voice, own modality), what governs it
(reporting, planning, negating or opinion verbs and their modality), whether it is quoted,
who its doer is (a known person or state, an unknown named person, an unnamed description, a
pronoun), whom it involves (the CSTO, Armenia), what the article is about, and where the
sentence stands. The date options add their own (``anchoring``). The features are documented
in the README (Selector).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cstotimeline.events import syntax
from cstotimeline.events.modality import Embedding, Modality, word_class
from cstotimeline.relevance import touches_armenia, touches_csto

if TYPE_CHECKING:
    from spacy.tokens import Span

    from cstotimeline.events.candidates import Trigger
    from cstotimeline.events.participants import Participants
    from cstotimeline.events.view import DocView

_DEPS = frozenset(
    {"ROOT", "ccomp", "xcomp", "conj", "advcl", "relcl", "acl", "pcomp", "parataxis", "csubj"}
    | {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "compound", "attr"}
)
_TAGS = frozenset({"VBD", "VBN", "VBZ", "VBP", "VB", "VBG", "NN", "NNS", "NNP", "NNPS"})


def _cap(n: float, top: float) -> float:
    return float(min(n, top))


def candidate_features(
    view: DocView,
    trig: Trigger,
    sent: Span,
    sentence_index: int,
    body_index: int,
    depth: int,
    modality: Modality,
    emb: Embedding,
    who: Participants,
    n_candidates: int,
    dated_head: bool,
) -> dict[str, float]:
    tok = trig.token
    lex = view.lex
    topic = view.topic
    f: dict[str, float] = {
        f"kind={trig.kind}": 1,
        f"type={trig.etype or 'none'}": 1,
        f"class={word_class(tok, lex)}": 1,
        f"dep={tok.dep_ if tok.dep_ in _DEPS else 'other'}": 1,
        f"tag={tok.tag_ if tok.tag_ in _TAGS else 'other'}": 1,
        "depth": _cap(depth, 4),
        "neg": float(modality.negated),
        "future": float(modality.future),
        "modal": float(modality.modal),
        "conditional": float(modality.conditional),
        f"emb={emb.relation}": 1,
        f"emb_class={emb.head_class}": 1,
        "emb_neg": float(emb.head_negated),
        "emb_modal": float(emb.head_modal),
        "emb_future": float(emb.head_future),
        "in_quote": float(view.in_quote(tok.idx)),
        "sent_quote": float(any(view.in_quote(t.idx) for t in (sent[0], sent[-1]))),
        f"subj={who.subject_kind}": 1,
        "n_actors": _cap(len(who.actors), 6),
        "n_sources": _cap(len(who.sources), 3),
        "csto": float(touches_csto(who.actors, view.gaz)),
        "armenia": float(touches_armenia(who.actors, view.gaz)),
        "src_csto": float(touches_csto(who.sources, view.gaz)),
        "src_armenia": float(touches_armenia(who.sources, view.gaz)),
        "art_csto": round(topic["csto_share"], 3),
        "art_armenia": round(topic["armenia_share"], 3),
        "lead_csto": topic["lead_csto"],
        "head_csto": topic["head_csto"],
        "body_index": _cap(body_index, 30),
        "rel_position": round(body_index / max(1.0, topic["sentences"]), 3),
        "lead": float(body_index == 0),
        "paragraph": _cap(view.paragraph(sent), 20),
        "sent_tokens": _cap(len(sent), 80),
        "n_candidates": _cap(n_candidates, 20),
        "background": float(any(c.lower_ in lex.background for c in tok.children)),
        "habitual": float(
            any(
                t.span.sent.start == sent.start and syntax.ancestors_to(t.root, tok)
                for t in view.sets
            )
        ),
        "dated_head": float(dated_head),
        "light": float(bool(trig.extra)),
        "same_day_share": round(view.same_day_share, 3),
    }
    if trig.kind == "verb":
        f[f"tense={syntax.tense(tok)}"] = 1
        f["passive"] = float(syntax.is_passive(tok))
        f["has_ccomp"] = float(
            any(c.dep_ in ("ccomp", "xcomp") and syntax.is_verbal(c) for c in tok.children)
        )
        f["has_subject"] = float(syntax.subject(tok) is not None)
        f["has_object"] = float(any(c.dep_ in ("dobj", "attr", "dative") for c in tok.children))
        f["when_clause"] = float(syntax.when_clause(tok))
        # "Armenia refused to attend and Belarus refused to sign": a coordinated clause with a
        # subject of its own tells a happening of its own
        f["own_conjunct"] = float(
            tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        )
    return f
