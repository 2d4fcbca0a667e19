"""Anchoring: the dates a candidate could take, each with how it relates to the candidate.

Every calendar expression of the sentence is an option, described by its syntactic relation
to the candidate: ``own`` (the expression modifies the candidate, its light noun, its
infinitive complement, the meeting it happens at, or the verb it completes), ``coord`` (it
modifies a verb the candidate is coordinated with), ``ancestor`` (it dates a clause above the
candidate: "said on Thursday that Armenia had frozen …"), ``descendant`` (a clause below it),
``other``. Then the narrative's time (``narrative``), the publication date (``publication``),
and the time of an offset clause ("two months after Pashinyan refused …": the sentence's time
moved back by the offset). The selector chooses among them; the rest stay as alternatives.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cstotimeline import dates
from cstotimeline.events import syntax
from cstotimeline.events.candidates import noun_type
from cstotimeline.events.narrative import into_year

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from cstotimeline.events.candidates import Trigger
    from cstotimeline.events.narrative import Narrative, Times
    from cstotimeline.events.view import DocView, TimexSpan

_OFFSET = re.compile(r"^P(\d+)([YMWD])$")


@dataclass(frozen=True)
class DateOption:
    value: str
    precision: str
    basis: str  # explicit | explicit+pubyear | relative | vague | context | publication
    relation: str
    text: str | None = None
    mod: str | None = None
    shifted: bool = False
    features: dict[str, float] = field(default_factory=dict, compare=False, hash=False)


def governor(t: TimexSpan, candidates: dict[int, Trigger]) -> Token:
    """The clause head or candidate noun a temporal expression modifies."""
    inside = {tok.i for tok in t.span}
    tok = t.root
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.i in inside:
            continue
        if syntax.is_verbal(tok) or tok.i in candidates:
            return tok
    return tok


def owners(trig: Trigger, view: DocView) -> set[int]:
    """Tokens whose temporal modifiers date the candidate itself."""
    tok = trig.token
    out = {t.i for t in trig.owners}
    if trig.kind == "verb":
        h = tok.head
        # "chose on Monday not to go": the completed verb's date is the act's
        if tok.dep_ == "xcomp" and syntax.is_verbal(h):
            out.add(h.i)
        # "refused to attend the summit on 23 November": the infinitive's date is the act's
        for x in tok.children:
            if x.dep_ == "xcomp":
                out.add(x.i)
                out.update(y.i for y in x.children if y.dep_ == "xcomp")
        # "refused to sign the declaration at the summit held in November": at a meeting
        for h2 in [tok, *(x for x in tok.children if x.dep_ == "xcomp")]:
            for p in h2.children:
                if p.dep_ == "prep" and p.lower_ in ("at", "during"):
                    for n in p.children:
                        if n.dep_ == "pobj" and noun_type(n, view.lex) is not None:
                            out.add(n.i)
                            out.update(a.i for a in n.children if a.dep_ in ("acl", "relcl"))
    else:
        # "referring to the boycott in November": a noun governed by a verb shares its date
        h = tok.head
        if tok.dep_ == "pobj" and h.dep_ == "prep":
            h = h.head
        if syntax.is_verbal(h):
            out.add(h.i)
    return out


def _days_bucket(value: str, published: dt.date | None) -> str:
    if published is None:
        return "nopub"
    from cstotimeline.chronology import period

    lo, hi = period(value)
    if lo > published:
        return "future"
    if lo <= published <= hi:
        return "covers"
    days = (published - hi).days
    if days <= 7:
        return "week"
    if days <= 31:
        return "month"
    if days <= 366:
        return "year"
    return "older"


def _in_name(t: TimexSpan) -> bool:
    """A year inside a proper name ("Eagle Partner 2023", "Brotherhood-2023")."""
    if len(t.span) != 1 or not t.root.like_num:
        return False
    tok = t.root
    left = tok.nbor(-1) if tok.i > tok.sent.start else None
    if left is not None and left.text in ("-", "–") and left.i > tok.sent.start:
        left = left.nbor(-1)
    return left is not None and left.pos_ == "PROPN" and left.ent_type_ != "DATE"


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def timex_option(
    view: DocView,
    trig: Trigger,
    t: TimexSpan,
    gov: Token,
    own: set[int],
    candidates: dict[int, Trigger],
    rank: int,
) -> DateOption | None:
    d = dates.event_date(t.timex.value)
    if d is None:
        return None
    tok = trig.token
    if gov.i in own:
        relation = "own"
    elif (tok.dep_ == "conj" and gov.i == tok.head.i) or (
        gov.dep_ == "conj" and gov.head.i == tok.i
    ):
        relation = "coord"
    elif syntax.ancestors_to(tok, gov):
        relation = "ancestor"
    elif syntax.ancestors_to(gov, tok):
        relation = "descendant"
    else:
        relation = "other"
    basis = (
        t.timex.basis
        if t.timex.basis in ("explicit", "explicit+pubyear", "relative", "vague")
        else "relative"
    )
    f: dict[str, float] = {
        f"rel={relation}": 1,
        f"basis={basis}": 1,
        f"prec={d[1]}": 1,
        f"days={_days_bucket(d[0], view.document.published)}": 1,
        f"prep={syntax.preposition_of(t.root) or 'none'}": 1,
        "path": min(12, syntax.path_length(t.root, tok)),
        "tokdist": min(40, abs(t.root.i - tok.i)),
        "t_before": float(t.span.start < tok.i),
        "anaphoric": float(t.timex.anaphoric),
        "t_mod": float(t.timex.mod is not None),
        "t_quote": float(view.in_quote(t.span.start_char)),
        "nominal_year": float(t.nominal_year),
        "in_name": float(_in_name(t)),
        "attached": float(syntax.attached(t.root, tok)),
        "gov_verb": float(syntax.is_verbal(gov)),
        "gov_typed_other": float(
            gov.i != tok.i and gov.i in candidates and candidates[gov.i].etype is not None
        ),
        "gov_cand_other": float(gov.i != tok.i and gov.i in candidates and gov.i not in own),
        "timex_rank": float(min(rank, 4)),
        "t_time": float(t.timex.type == "TIME"),
    }
    return DateOption(d[0], d[1], basis, relation, t.timex.text, t.timex.mod, t.timex.anaphoric, f)


def sentence_options(
    view: DocView,
    trig: Trigger,
    sent: Span,
    times: Times,
    history: Narrative,
    candidates: dict[int, Trigger],
) -> list[DateOption]:
    """Every date ``trig`` could take, each described by its relation (see the module)."""
    narrative = times.narrative
    cal = view.calendar_in(sent)
    governors = view.memo(("governors", sent.start), lambda: [governor(t, candidates) for t in cal])
    own = owners(trig, view)
    out: list[DateOption] = []
    for rank, (t, gov) in enumerate(zip(cal, governors, strict=True)):
        opt = timex_option(view, trig, t, gov, own, candidates, rank)
        if opt is not None:
            out.append(opt)
    out = _in_section_year(out, times)
    out.extend(_in_story_year(out, times))
    common = {f"ncal={_bucket(len(cal), (0, 1, 2))}": 1.0}
    for relation, nt in (("narrative", narrative), ("story", times.story)):
        if nt is None or (
            relation == "story" and narrative is not None and nt.value == narrative.value
        ):
            continue
        f = {
            f"rel={relation}": 1.0,
            f"prec={nt.precision}": 1.0,
            f"days={_days_bucket(nt.value, view.document.published)}": 1.0,
            f"back={_bucket(nt.sentences_back, (1, 2, 4, 8))}": 1.0,
            f"paras_back={_bucket(nt.paragraphs_back, (0, 1, 2))}": 1.0,
            "from_heading": float(nt.from_heading),
            **common,
        }
        out.append(DateOption(nt.value, nt.precision, "context", relation, None, None, False, f))
    out.extend(told_options(view, trig, history))
    if view.published:
        f = {
            "rel=publication": 1.0,
            "same_day_share": round(view.same_day_share, 3),
            "has_narrative": float(narrative is not None),
            **common,
        }
        if narrative is not None:
            f[f"narr_days={_days_bucket(narrative.value, view.document.published)}"] = 1.0
        out.append(
            DateOption(view.published, "day", "publication", "publication", None, None, False, f)
        )
    out.extend(offset_options(view, trig, sent, out))
    return out


def _in_section_year(options: list[DateOption], times: Times) -> list[DateOption]:
    """Under a year heading (a timeline's "2022" over the paragraphs that tell that year) a
    day or month written without its year ("On 13 September", "In January") is in that year."""
    year = times.heading_year
    if year is None:
        return options
    out = []
    for o in options:
        moved = into_year(o.value, o.text, o.basis, o.precision, year)
        if moved is not None:
            o = DateOption(
                moved,
                o.precision,
                "context",
                o.relation,
                o.text,
                o.mod,
                False,
                {**o.features, "year_from_heading": 1.0},
            )
        out.append(o)
    return out


def _in_story_year(options: list[DateOption], times: Times) -> list[DateOption]:
    """A day or month written without its year may also belong to the year the story is in
    rather than the one the publication date suggests: after "In May 2021, ..." a later
    "In June" may be June 2021. Both readings are kept; the selector weighs them."""
    year = times.story_year
    if year is None or times.heading_year is not None:
        return []
    out: list[DateOption] = []
    for o in options:
        moved = into_year(o.value, o.text, o.basis, o.precision, year)
        if moved is None:
            continue
        f = dict(o.features)
        f["year_from_story"] = 1.0
        out.append(DateOption(moved, o.precision, "context", o.relation, o.text, o.mod, False, f))
    return out


# Modifiers that make a definite event noun another happening than the one told before.
_NOT_TOLD = frozenset(
    {"next", "following", "coming", "upcoming", "future", "previous", "last", "first", "new"}
    | {"another", "former", "earlier", "later", "annual", "regular"}
)
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_TOLD_PREPS = frozenset({"at", "during", "after", "before", "following", "since", "on", "ahead"})


def told_references(trig: Trigger, view: DocView) -> list[tuple[Token, str]]:
    """Definite event nouns of a candidate's clause that refer back to a happening ("the
    session was chaired by …", "speaking at the summit, …", "the walkout angered the hosts"),
    each with how it attaches (subject, object, a preposition, itself)."""
    tok = trig.token
    found: list[tuple[Token, str]] = []
    if trig.kind == "noun":
        found.append((tok, "self"))
    else:
        found.extend((x, "light") for x in trig.extra)
        # the clause, its participial adjuncts ("speaking at the summit, …") and its measure
        # phrases ("a year after the summit": "after" hangs under "year")
        heads = [tok] + [
            c
            for c in tok.children
            if (
                c.dep_ == "advcl"
                and not any(g.dep_ in syntax.SUBJ_DEPS or g.dep_ == "mark" for g in c.children)
            )
            or c.dep_ == "npadvmod"
        ]
        for h in heads:
            for ch in h.children:
                if ch.dep_ in ("nsubj", "nsubjpass", "dobj") and h is tok:
                    found.append((ch, ch.dep_))
                elif ch.dep_ == "prep" and ch.lower_ in _TOLD_PREPS:
                    found.extend((g, ch.lower_) for g in ch.children if g.dep_ == "pobj")
    out = []
    for n, how in found:
        if noun_type(n, view.lex) is None:
            continue
        if not any(
            (d.dep_ == "det" and d.lower_ in _DEFINITE) or d.dep_ == "poss" for d in n.children
        ):
            continue
        if any(d.dep_ in ("amod", "compound") and d.lower_ in _NOT_TOLD for d in n.children):
            continue
        out.append((n, how))
    return out


def _names(noun: Token) -> tuple[str, ...]:
    return tuple(
        c.text
        for c in noun.children
        if c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN"
    )


def told_options(view: DocView, trig: Trigger, history: Narrative) -> list[DateOption]:
    """The dates of happenings told earlier that the candidate's clause refers back to, and of
    "a year after the Dushanbe summit": the one told earlier moved by the offset."""
    out: list[DateOption] = []
    for noun, how in told_references(trig, view):
        etype = noun_type(noun, view.lex)
        assert etype is not None
        told = history.last_told(etype, _names(noun))
        if told is None:
            continue
        f = {
            "rel=told": 1.0,
            f"told_how={how}": 1.0,
            f"prec={told.precision}": 1.0,
            f"days={_days_bucket(told.value, view.document.published)}": 1.0,
            "told_named": float(bool(_names(noun))),
        }
        out.append(DateOption(told.value, told.precision, "context", "told", None, None, False, f))
        # "A year after the Dushanbe summit, the minister stayed home"
        prep = noun.head if noun.dep_ == "pobj" else None
        if prep is None or prep.lower_ not in ("after", "before"):
            continue
        for t in view.offsets:
            if t.span.end < len(view.doc) and view.doc[t.span.end].i == prep.i:
                moved = shift(told.value, t.timex.value, 1 if prep.lower_ == "after" else -1)
                if moved is None:
                    continue
                if moved[1] == "year" and told.precision != "year":
                    moved = (moved[0] + told.value[4:7], "month")  # a year after November
                g = {k: v for k, v in f.items() if k not in ("rel=told", f"prec={told.precision}")}
                g["rel=offset_told"] = 1.0
                g[f"prec={moved[1]}"] = 1.0
                out.append(
                    DateOption(
                        moved[0], moved[1], "relative", "offset_told", t.timex.text, None, True, g
                    )
                )
    return out


def _offsets_in(view: DocView, sent: Span) -> list[TimexSpan]:
    """The offsets of a sentence followed by a word ("two months" before "after")."""
    return [
        t for t in view.offsets if t.span.sent.start == sent.start and t.span.end < len(view.doc)
    ]


def offset_options(
    view: DocView, trig: Trigger, sent: Span, options: list[DateOption]
) -> list[DateOption]:
    """ "The step follows three weeks after the ministry cancelled the drills": a clause (or
    event noun) introduced by an offset and "after"/"before" happened that long before (or
    after) the time of the sentence's own main clause."""
    out: list[DateOption] = []
    for t in view.memo(("offsets", sent.start), lambda: _offsets_in(view, sent)):
        link = view.doc[t.span.end]
        if link.lower_ not in ("after", "before"):
            continue
        tok = trig.token
        introduced = (link.dep_ == "mark" and link.head.i == tok.i) or (
            link.dep_ == "prep" and syntax.ancestors_to(tok, link) and tok.i > link.i
        )
        if not introduced:
            continue
        # The time of the main clause: its own date in the sentence, else the narrative's.
        ref = (
            next((o for o in options if o.relation == "ancestor"), None)
            or next((o for o in options if o.relation == "narrative"), None)
            or next((o for o in options if o.relation == "publication"), None)
        )
        if ref is None:
            continue
        moved = shift(ref.value, t.timex.value, -1 if link.lower_ == "after" else 1)
        if moved is None:
            continue
        f = {
            "rel=offset": 1.0,
            f"prec={moved[1]}": 1.0,
            f"offset_ref={ref.relation}": 1.0,
            f"days={_days_bucket(moved[0], view.document.published)}": 1.0,
        }
        out.append(
            DateOption(moved[0], moved[1], "relative", "offset", t.timex.text, None, True, f)
        )
    return out


def shift(value: str, duration: str, sign: int) -> tuple[str, str] | None:
    """``value`` moved by ``sign`` × ``duration`` (P2Y, P1D, …), at the precision both allow:
    a year offset gives a year, a month offset at most a month."""
    m = _OFFSET.match(duration)
    if m is None:
        return None
    n, unit = int(m.group(1)) * sign, m.group(2)
    y, mo, d = dates.sort_key(value)
    precision = {4: "year", 7: "month", 10: "day"}.get(len(value))
    if precision is None:
        return None
    try:
        if unit == "Y":
            return f"{y + n:04d}", "year"
        if unit == "M":
            if precision == "year":
                return None
            total = y * 12 + (mo - 1) + n
            return f"{total // 12:04d}-{total % 12 + 1:02d}", "month"
        days = n * (7 if unit == "W" else 1)
        if precision != "day":
            return None
        moved = dt.date(y, mo, d) + dt.timedelta(days=days)
        return moved.isoformat(), "day"
    except (ValueError, OverflowError):
        return None
