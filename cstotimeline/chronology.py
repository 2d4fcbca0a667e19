"""The chronology: merging reports of one happening, sorting and filtering.

An event is derived from its mentions (``aggregate``). Merging groups mentions into connected
components of the "same happening" relation (``same_happening``), so the result depends only on
the set of mentions: ``merge_events(a + b) == merge_events(merge_events(a) + merge_events(b))``
in any order, which lets documents be processed in separate processes and merged afterwards.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from cstotimeline import dates
from cstotimeline.records import Event, Mention

# Within one article, reports of a singular happening this close are one happening.
NEAR_CHARS = 600
# Within one article, a speaker's undated statement this close after another of theirs on the
# same date continues it.
STATEMENT_CHARS = 600
# Actors too common in this domain to show, on their own, that two reports are one happening.
GENERIC_ACTORS = frozenset({"CSTO", "Armenia", "Russia"})
# Event types for which one actor's happening on one date is usually a single thing.
_SINGULAR_TYPES = frozenset(
    {"meeting", "refusal", "membership_change", "exercise", "deployment", "military_action"}
)


def _mention_key(m: Mention) -> tuple[str, int, int, str, str, tuple[str, ...]]:
    return (m.source, m.start, m.end, m.event_type, m.trigger, m.source_actors)


def same_happening(a: Mention, b: Mention) -> bool:
    """True when two mentions report the same happening (a symmetric relation)."""
    if a.modality != b.modality or a.event_type != b.event_type:
        return False  # (a statement continuing an act is linked by ``continues``)
    if not dates.compatible(a.date, b.date):
        return False
    if a.source == b.source and a.start == b.start:
        return False  # two events of one sentence are different happenings
    shared = set(a.actors) & set(b.actors)
    if not shared:
        return False
    speakers = set(a.source_actors) & set(b.source_actors)
    if a.source == b.source:
        if a.event_type in ("statement", "accusation"):
            return False  # statements continue each other only by ``continues``
        if a.event_type == "meeting" and not _same_partners(a, b):
            return False
        # Within one article: the same doer's act of one type on one day told twice (the lede
        # and the detail), or a happening told across neighbouring sentences.
        if a.date == b.date and a.date_precision == "day" and _same_doer(a, b):
            return True
        first, then = (a, b) if a.start <= b.start else (b, a)
        near = then.start - first.end <= NEAR_CHARS
        # A doer-less retelling ("the troops sent to the border") of an act
        # of the same type on the same day.
        if (
            a.event_type in _SINGULAR_TYPES
            and a.date == b.date
            and not (a.source_actors and b.source_actors)
            and len(shared) >= 2
        ):
            return True
        if a.event_type in _SINGULAR_TYPES and a.event_type != "refusal":
            return near and a.date == b.date
        return near and (bool(speakers) or a.trigger == b.trigger) and a.date == b.date
    # Across articles.
    coarse = a.date_precision == "year" or b.date_precision == "year"
    if coarse and (a.date != b.date or a.trigger != b.trigger):
        return False
    if a.event_type == "statement":
        return bool(speakers) and a.date == b.date and a.date_precision == "day"
    if a.event_type in _SINGULAR_TYPES:
        specific = shared - GENERIC_ACTORS
        return bool(speakers) or bool(specific) or len(shared) >= 2
    return bool(speakers) and a.trigger == b.trigger


def _same_doer(a: Mention, b: Mention) -> bool:
    """The same doer, or a state and someone acting for it (two officials of one state are
    not one doer)."""
    sa, sb = set(a.source_actors), set(b.source_actors)
    return bool(sa & sb or sa & set(b.source_states) or sb & set(a.source_states))


def _same_partners(a: Mention, b: Mention) -> bool:
    """Two meetings of one doer on one day are one when they have a partner in common, or
    when one names no partner and both are told with the same word ("a session was convened
    …; the session, chaired by …"): a phone call with Putin and a session of the Security
    Council are two."""
    doers = set(a.source_actors) | set(a.source_states) | set(b.source_actors)
    doers |= set(b.source_states)
    pa, pb = set(a.actors) - doers, set(b.actors) - doers
    if pa and pb:
        return bool(pa & pb)
    return a.trigger == b.trigger


def _undated(m: Mention) -> bool:
    """True when the mention's sentence has no date of its own ("…, he said then")."""
    return m.date_basis in ("context", "publication")


def _match_keys(m: Mention) -> set[tuple[str, ...]]:
    """Keys that any two mentions of different articles that ``same_happening`` joins share at
    least one of: the type and modality; a shared speaker, or for a singular happening a
    shared actor; the date as far as both must agree: the same date for statements, else the
    same month (a date of a year matches only that year: ``coarse``). Statements and other
    non-singular happenings need a shared speaker, the latter also the same trigger."""
    base = (m.event_type, m.modality)
    if m.event_type == "statement":
        return {(*base, m.date, speaker) for speaker in m.source_actors}
    month = m.date[:7]  # compatible dates of a month or a day share it
    if m.event_type in _SINGULAR_TYPES:
        return {(*base, month, actor) for actor in m.actors}
    return {(*base, month, m.trigger, speaker) for speaker in m.source_actors}


def continues(mention: Mention, antecedent: Mention) -> bool:
    """True when ``mention`` carries on the mention just before it in the same article: a
    speaker's further words on the same occasion ("Armenia has asked for help, Pashinyan said.
    'We asked …,' he said then"; "The Kremlin regretted it. This Thursday Peskov said …")."""
    if mention.source != antecedent.source or mention.modality != antecedent.modality:
        return False
    if mention.event_type not in ("statement", "accusation"):
        return False
    if mention.date != antecedent.date or mention.start - antecedent.end > STATEMENT_CHARS:
        return False
    if not _same_doer(mention, antecedent):
        return False
    if _undated(mention):
        return True
    # A dated remark after an undated one of the same speaker ("This Thursday he said"),
    # unless its date moves the story on ("A few days later, he said").
    return antecedent.event_type == "statement" and _undated(antecedent) and not mention.shifted


_RELEVANCE_RANK = {"core": 0, "context": 1, "other": 2}


def aggregate(mentions: Sequence[Mention]) -> Event:
    """The event reported by ``mentions`` (which must be non-empty)."""
    ms = tuple(sorted(mentions, key=_mention_key))
    finest = dates.finest([m.date for m in ms])
    at_finest = [m for m in ms if m.date == finest]
    best = max(at_finest, key=lambda m: (m.confidence, -ms.index(m)))
    actors = _ordered_union(m.actors for m in ms)
    sources = _ordered_union(m.source_actors for m in ms)
    targets = tuple(t for t in _ordered_union(m.target_actors for m in ms) if t not in sources)
    conf = 1.0
    for m in {(m.source): m for m in ms}.values():
        conf *= 1.0 - m.confidence
    confidence = round(min(0.99, max(best.confidence, 1.0 - conf)), 2)
    first = ms[0]
    key = "\x1f".join(map(str, (best.event_type, *_mention_key(first))))
    return Event(
        id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:12],
        date=finest,
        date_precision=best.date_precision,
        date_basis=best.date_basis,
        event_type=best.event_type,
        actors=actors,
        summary=best.summary,
        confidence=confidence,
        mentions=ms,
        trigger=best.trigger,
        source_actors=sources,
        target_actors=targets,
        modality=best.modality,
        relevance=min((m.relevance for m in ms), key=lambda r: _RELEVANCE_RANK.get(r, 3)),
        date_mod=best.date_mod,
    )


def _ordered_union(groups: Iterable[Sequence[str]]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for g in groups:
        for x in g:
            seen.setdefault(x, None)
    return tuple(seen)


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Merge events that report the same happening; the result is sorted (``sort_events``)."""
    events = list(events)
    unique = {_mention_key(m): m for e in events for m in e.mentions}
    mentions = sorted(unique.values(), key=_mention_key)
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(idx: list[int], *, across: bool) -> None:
        for x, i in enumerate(idx):
            a = mentions[i]
            for j in idx[x + 1 :]:
                b = mentions[j]
                if across and a.source == b.source:
                    continue  # compared with the rest of its article
                if find(i) != find(j) and same_happening(a, b):
                    parent[find(i)] = find(j)

    # Candidate pairs: every pair within an article; across articles, only the pairs that
    # share a key of ``_match_keys`` (no other pair can be the same happening).
    by_source: dict[str, list[int]] = defaultdict(list)
    by_key: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        by_source[m.source].append(i)
        for key in _match_keys(m):
            by_key[key].append(i)
    for idx in by_source.values():
        join(idx, across=False)
    for idx in by_key.values():
        join(idx, across=True)
    # Within an article, a statement may continue the mention just before it.
    for idx in by_source.values():
        starts = sorted({mentions[i].start for i in idx})
        at: dict[int, list[int]] = defaultdict(list)
        for i in idx:
            at[mentions[i].start].append(i)
        for k, start in enumerate(starts[1:], 1):
            # The antecedents: the mentions of the closest earlier sentence.
            for cur in at[start]:
                for prev in at[starts[k - 1]]:
                    if continues(mentions[cur], mentions[prev]):
                        parent[find(prev)] = find(cur)
    groups: dict[int, list[Mention]] = defaultdict(list)
    for i, m in enumerate(mentions):
        groups[find(i)].append(m)
    return sort_events(aggregate(g) for g in groups.values())


def sort_events(events: Iterable[Event]) -> list[Event]:
    """Chronological order; a coarser date sorts at the start of its period."""
    return sorted(
        events,
        key=lambda e: (
            dates.sort_key(e.date),
            len(e.date),
            e.mentions[0].source,
            e.mentions[0].start,
            e.id,
        ),
    )


def filter_events(
    events: Iterable[Event],
    *,
    since: date | None = None,
    until: date | None = None,
    actors: Sequence[str] = (),
    types: Sequence[str] = (),
) -> list[Event]:
    """Keep events overlapping [since, until], involving any of ``actors``, of any of ``types``.

    A coarse date is kept when its period overlaps the range (``2023-11`` is kept by
    ``--since 2023-11-20``).
    """
    out: list[Event] = []
    wanted_actors = set(actors)
    wanted_types = set(types)
    for e in events:
        lo, hi = period(e.date)
        if since is not None and hi < since:
            continue
        if until is not None and lo > until:
            continue
        if wanted_actors and not wanted_actors & set(e.actors):
            continue
        if wanted_types and e.event_type not in wanted_types:
            continue
        out.append(e)
    return out


def period(value: str) -> tuple[date, date]:
    """First and last day of a YYYY, YYYY-MM or YYYY-MM-DD date."""
    y, m, d = dates.sort_key(value)
    if d:
        day = date(y, m, d)
        return day, day
    if m:
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return date(y, m, 1), date.fromordinal(nxt.toordinal() - 1)
    return date(y, 1, 1), date(y, 12, 31)
