"""One parsed document as the extractors read it: sentences, temporal expressions, actors,
layout, and what the whole article is about. Built once per document and never changed."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar, cast

from cstotimeline import dates
from cstotimeline.events.layout import Layout, in_dateline
from cstotimeline.records import ActorMention, Document, Timex
from cstotimeline.relevance import ARMENIA, CSTO, touches_armenia, touches_csto

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from cstotimeline.actors import Gazetteer
    from cstotimeline.lexicon import Lexicon

T = TypeVar("T")
_OFFSET = re.compile(r"^P(\d+)([YMWD])$")


@dataclass(frozen=True, slots=True)
class TimexSpan:
    """A temporal expression with its tokens (its root and reading computed once)."""

    timex: Timex
    span: Span
    root: Token
    # a year that modifies a noun ("the 2024 budget", "Eagle Partner 2023"): it names or
    # describes a thing rather than dating a clause
    nominal_year: bool

    @classmethod
    def of(cls, timex: Timex, span: Span) -> TimexSpan:
        r = span.root
        nominal = (
            len(span) == 1
            and r.like_num
            and r.dep_ in ("compound", "nummod", "amod", "nmod", "poss")
            and r.head.pos_ in ("NOUN", "PROPN")
        )
        return cls(timex, span, r, nominal)


class DocView:
    def __init__(
        self,
        document: Document,
        doc: Doc,
        gaz: Gazetteer,
        lex: Lexicon,
        timexes: list[Timex],
        mentions: list[ActorMention],
        base: int = 0,
    ) -> None:
        self.document = document
        self.doc = doc
        self.text = doc.text  # spaCy rebuilds doc.text from the tokens on every access
        self.gaz = gaz
        self.lex = lex
        self.base = base
        self.published = document.published.isoformat() if document.published else None
        self.layout = Layout.of(self.text)
        self.sentences = list(doc.sents)
        self._sentence_starts = [s.start_char for s in self.sentences]
        self.calendar: list[TimexSpan] = []
        self.offsets: list[TimexSpan] = []
        self.sets: list[TimexSpan] = []
        for t in timexes:
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            if dates.event_date(t.value) is not None and t.type in ("DATE", "TIME"):
                if not in_dateline(self.text, t.start, t.end):
                    self.calendar.append(TimexSpan.of(t, span))
            elif t.type == "DURATION" and _OFFSET.match(t.value):
                self.offsets.append(TimexSpan.of(t, span))
            elif t.type == "SET":
                self.sets.append(TimexSpan.of(t, span))
        self.mentions = with_head_coreference(with_body_coreference(self.text, mentions))
        self._mention_starts = [m.start for m in self.mentions]
        self._calendar_starts = [t.span.start_char for t in self.calendar]
        self._memo: dict[tuple[object, ...], Any] = {}

    def memo(self, key: tuple[object, ...], compute: Callable[[], T]) -> T:
        """``compute()``, computed once per ``key`` for this document (facts of the parse that
        several candidates of a sentence ask for: its attributions, an actor's reading)."""
        try:
            return cast(T, self._memo[key])
        except KeyError:
            value = self._memo[key] = compute()
            return value

    # -- lookups ------------------------------------------------------------------------------

    def sentence_text(self, sent: Span) -> str:
        return self.text[sent.start_char : sent.end_char]

    def mentions_between(self, start: int, end: int) -> list[ActorMention]:
        lo = bisect.bisect_left(self._mention_starts, start)
        hi = bisect.bisect_left(self._mention_starts, end, lo)
        return self.mentions[lo:hi]

    def mentions_in(self, sent: Span) -> list[ActorMention]:
        return self.mentions_between(sent.start_char, sent.end_char)

    def calendar_in(self, sent: Span) -> list[TimexSpan]:
        lo = bisect.bisect_left(self._calendar_starts, sent.start_char)
        hi = bisect.bisect_left(self._calendar_starts, sent.end_char, lo)
        return [t for t in self.calendar[lo:hi] if t.span.end <= sent.end]

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)

    def is_heading(self, sent: Span) -> bool:
        """A sentence that lies in a heading line (headline, standfirst, byline, subheading)."""
        line = self.layout.line_at(sent.start_char + _lead_space(self.sentence_text(sent)))
        return line is not None and line.heading

    def paragraph(self, sent: Span) -> int:
        line = self.layout.line_at(sent.start_char + _lead_space(self.sentence_text(sent)))
        return line.paragraph if line is not None else -1

    def in_quote(self, offset: int) -> bool:
        return self.layout.in_quote(offset)

    def in_actor_name(self, tok: Token) -> bool:
        """True inside a multi-word gazetteer name ("Collective Security Treaty Organization");
        a region's name may be an event's ("the Karabakh war")."""
        return any(
            m.start <= tok.idx < m.end and m.end - m.start > len(tok.text)
            for m in self.mentions_between(tok.idx - 200, tok.idx + 1)
            if m.origin != "ner" and m.kind != "region"
        )

    def is_person(self, m: ActorMention) -> bool:
        def person() -> bool:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            return span is not None and span.root.ent_type_ == "PERSON"

        return self.memo(("person", m.start, m.end), person)

    def last_mention_before(self, offset: int, kinds: tuple[str, ...]) -> ActorMention | None:
        """The last gazetteer actor of one of ``kinds`` named before ``offset``."""
        k = bisect.bisect_left(self._mention_starts, offset)
        for m in reversed(self.mentions[:k]):
            if m.origin != "ner" and self.gaz.kind(m.canonical) in kinds:
                return m
        return None

    # -- the article as a whole -----------------------------------------------------------------

    @functools.cached_property
    def topic(self) -> dict[str, float]:
        """What the article is about: the share of its body sentences that name the CSTO (or
        one of its bodies), Armenia (or its officials), and whether its first body sentences
        or its headline do."""
        body = [s for s in self.sentences if not self.is_heading(s)]
        heads = [s for s in self.sentences if self.is_heading(s)]
        n = max(1, len(body))

        def names(sents: list[Span], pred: Callable[[set[str], Gazetteer], bool]) -> list[bool]:
            return [pred({m.canonical for m in self.mentions_in(s)}, self.gaz) for s in sents]

        csto = names(body, touches_csto)
        armenia = names(body, touches_armenia)
        return {
            "csto_share": sum(csto) / n,
            "armenia_share": sum(armenia) / n,
            "lead_csto": float(any(csto[:2])),
            "lead_armenia": float(any(armenia[:2])),
            "head_csto": float(any(names(heads, touches_csto))),
            "head_armenia": float(any(names(heads, touches_armenia))),
            "sentences": float(len(body)),
        }

    @functools.cached_property
    def same_day_share(self) -> float:
        """The share of the article's calendar expressions that fall within a week before its
        publication date: high in a same-day report, low in a retrospective."""
        if not self.published or not self.calendar:
            return 0.0
        pub = self.document.published
        assert pub is not None
        from cstotimeline.chronology import period

        near = 0
        for t in self.calendar:
            d = dates.event_date(t.timex.value)
            if d is None:
                continue
            lo, hi = period(d[0])
            if 0 <= (pub - hi).days <= 7 or lo <= pub <= hi:
                near += 1
        return near / len(self.calendar)


__all__ = ["ARMENIA", "CSTO", "DocView", "TimexSpan"]


def _lead_space(text: str) -> int:
    return len(text) - len(text.lstrip())


def with_body_coreference(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """Bare names of national bodies ("the Defense Ministry") refer to the body of that name
    already named in full in the article ("Armenia's Defense Ministry"), when only one fits."""
    by_bare: dict[str, set[str]] = {}
    info: dict[str, ActorMention] = {}
    for m in mentions:
        if m.kind == "body" and m.country and " " in m.canonical:
            bare = m.canonical.split(" ", 1)[1]
            if len(bare.split()) >= 2 or bare[:1].isupper():
                by_bare.setdefault(bare, set()).add(m.canonical)
                info[m.canonical] = m
    if not by_bare:
        return mentions
    taken = [(m.start, m.end) for m in mentions]
    extra: list[ActorMention] = []
    for bare, canon in by_bare.items():
        if len(canon) != 1:
            continue
        (name,) = canon
        for mt in re.finditer(rf"\b{re.escape(bare)}\b", text):
            a, b = mt.span()
            if any(x < b and a < y for x, y in taken):
                continue
            ref = info[name]
            extra.append(
                ActorMention(a, b, mt.group(0), name, ref.kind, ref.country, origin="coref")
            )
    return sorted([*mentions, *extra], key=lambda m: (m.start, m.end))


def with_head_coreference(mentions: list[ActorMention]) -> list[ActorMention]:
    """A capitalised head noun alone ("the Organisation", "the Treaty", "the Council") that
    only the statistical NER found refers to the last organisation or body named in full
    with that head ("Collective Security Treaty Organisation", "Collective Security Council")."""
    out: list[ActorMention] = []
    named: list[ActorMention] = []
    for m in mentions:
        if m.origin == "ner" and m.kind == "unknown" and " " not in m.text and m.text.istitle():
            head = m.text.lower()
            ref = next(
                (
                    r
                    for r in reversed(named)
                    if r.text.lower().split()[-1] == head or r.canonical.lower().split()[-1] == head
                ),
                None,
            )
            if ref is not None:
                m = ActorMention(
                    m.start, m.end, m.text, ref.canonical, ref.kind, ref.country, origin="coref"
                )
        elif m.origin != "ner" and m.kind in ("organisation", "body", "document") and " " in m.text:
            named.append(m)
        out.append(m)
    return out
