"""Actor gazetteer and actor recognition.

The gazetteer (``data/gazetteer.toml``) lists states, organisations and their bodies, regions,
people with their offices, and how offices are written. :class:`Gazetteer` compiles it once into
a token trie over *folded* text (accents dropped, Cyrillic look-alike letters mapped to Latin,
curly quotes and dashes normalised, zero-width characters ignored) and finds, in raw text, every
name, alias, transliteration, capital or metonym ("Yerevan", "the Kremlin", "Azerbaijani
forces"), demonym ("Armenian") and role phrase ("the Belarusian president", "CSTO Secretary
General") — roles resolved to the office holder on a given date. Offsets always index the
original text.

:func:`find_actors` adds the named entities of a spaCy parse that the gazetteer does not know,
and :func:`is_agentive` tells whether a metonym or demonym is used as an agent ("Baku said",
"Minsk's position", "Azerbaijani troops") rather than as a place ("the summit in Minsk").

spaCy is not imported here: the functions taking a parse only use the objects they are given.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cstotimeline.records import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Gazetteer", "default_gazetteer", "find_actors", "fold", "is_agentive"]

KINDS = ("person", "state", "organisation", "body", "region", "document", "unknown")

# ---------------------------------------------------------------------------------------------
# Folding
# ---------------------------------------------------------------------------------------------

# Cyrillic and Greek letters that look like Latin ones (used to defeat look-alike spellings and
# OCR/keyboard mix-ups such as "Pаshinyan" with a Cyrillic "а").
_CONFUSABLES = {
    # Cyrillic
    "А": "A", "В": "B", "Е": "E", "Ё": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ї": "I", "Ј": "J", "Ѕ": "S", "Ԁ": "D",
    "Ԛ": "Q", "Ԝ": "W", "Ү": "Y",
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "х": "x", "у": "y", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
    "ԛ": "q", "ԝ": "w", "һ": "h", "ү": "y",
    # Greek
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ι": "i", "κ": "k", "ν": "v",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "α": "a",
    # Latin letters NFKD leaves alone
    "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ə": "a", "Ə": "A",
    "ɑ": "a", "ß": "s", "æ": "a", "Æ": "A", "œ": "o", "Œ": "O", "ħ": "h", "ŀ": "l",
}  # fmt: skip
_PUNCT_FOLD = {
    "’": "'", "‘": "'", "‚": "'", "‛": "'", "ʼ": "'", "ʻ": "'", "´": "'", "`": "'", "′": "'",
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "″": '"',
    "‐": "-", "‑": "-", "‒": "-", "−": "-", "﹣": "-", "－": "-",
}  # fmt: skip
# Characters dropped entirely (they must not break a name apart).
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f\u2061\u2062\u2063")


def _fold_char(c: str) -> str:
    """The folded form of one character: one character, or "" when it is to be ignored.

    Never more than one character, so that folded text maps back to the original simply.
    """
    if c in _ZERO_WIDTH:
        return ""
    special = _CONFUSABLES.get(c) or _PUNCT_FOLD.get(c)
    if special is not None:
        return special
    if unicodedata.combining(c):
        return ""
    decomposed = "".join(
        ch for ch in unicodedata.normalize("NFKD", c) if not unicodedata.combining(ch)
    )
    if len(decomposed) == 1:
        return _CONFUSABLES.get(decomposed) or _PUNCT_FOLD.get(decomposed) or decomposed
    if not decomposed:
        return ""
    return c  # multi-character compatibility forms ("ﬁ", "…") are left alone


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table filled lazily, one character at a time."""

    def __missing__(self, key: int) -> str:
        value = _fold_char(chr(key))
        self[key] = value
        return value


_FOLD = _FoldTable()


def fold(text: str) -> tuple[str, list[int] | None]:
    """Fold ``text`` for matching: ``(folded, index)``.

    ``index[k]`` is the offset in ``text`` of the ``k``-th folded character, or ``index`` is
    None when the two strings align one to one (nothing was dropped).
    """
    if text.isascii():
        return text, None
    folded = text.translate(_FOLD)
    if len(folded) == len(text):
        return folded, None
    chars: list[str] = []
    index: list[int] = []
    for i, c in enumerate(text):
        f = _FOLD[ord(c)]
        if f:
            chars.append(f)
            index.append(i)
    return "".join(chars), index


# Words, and single punctuation marks; hyphens count as spaces ("Kassym-Jomart").
_TOKEN_RE = re.compile(r"\w+|[^\w\s-]")
# Case-folded key of a phrase, for lookups by name.
_SPACES = re.compile(r"\s+")


def _key(name: str) -> str:
    folded, _ = fold(name)
    toks = _TOKEN_RE.findall(folded.lower())
    if toks and toks[0] == "the" and len(toks) > 1:
        toks = toks[1:]
    return " ".join(toks)


# ---------------------------------------------------------------------------------------------
# Compiled entries
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Target:
    """What a gazetteer phrase stands for."""

    canonical: str
    kind: str
    country: str | None
    origin: str  # gazetteer | metonym | demonym | ignore (matched, never reported)
    surname: bool = False  # a bare surname: checked against the neighbouring words


@dataclass(frozen=True, slots=True)
class _Role:
    """An office phrase: resolved to its holder by date; ``of`` None for bare titles."""

    role: str
    of: str | None


@dataclass(frozen=True, slots=True)
class _Pattern:
    target: _Target | _Role
    exact: tuple[tuple[int, str], ...]  # (token index, exact text) of acronyms
    single: int  # index of the only word (it needs a capital initial), or -1
    caps: tuple[int, ...]  # capitalised words: one of them must be capitalised in the text


@dataclass(slots=True)
class _Entry:
    canonical: str
    kind: str
    country: str | None = None
    parent: str | None = None
    leader: str | None = None
    names: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Office:
    person: str
    start: datetime.date | None
    end: datetime.date | None


def _words(text: str) -> list[str]:
    return text.split()


# Words before a role that make it refer to someone other than the current holder.
_NOT_CURRENT = frozenset(
    _words("former ex then late previous outgoing erstwhile onetime next future incoming would")
)
# Hyphenated prefixes that stop a demonym or metonym from standing for its state.
_PREFIXES = frozenset({"post", "pro", "anti", "non", "pan", "neo", "ex"})
# Capitalised words that are not (parts of) names.
_NOT_NAMES = frozenset(
    _words(
        """the a an and but or nor on in at by for from to of with as if when while after before
    since then this that these those he she it they we i you his her their our its my your
    mr mrs ms dr president minister premier prime general speaker secretary chairman chancellor
    spokesman spokesperson spokeswoman ambassador envoy head chief deputy acting
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december meanwhile however according also both
    earlier later last next yesterday today tomorrow tonight here there who what where why how
    not no yes all some many most other another such only even still yet so thus"""
    )
)
_SENTENCE_END = frozenset('.!?:;"')

# Nouns whose modifier stands for a state as an agent ("Azerbaijani troops").
_AGENT_NOUNS = frozenset(
    _words(
        """forces force troops army military soldiers servicemen units unit government authorities
    leadership officials official side delegation diplomats diplomat ministry ministries cabinet
    administration regime president leader leaders premier minister presidency parliament
    command border guards peacekeepers contingent navy aviation drones artillery spokesman
    spokesperson spokeswoman envoy ambassador embassy mfa mod police security service"""
    )
)
_AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "poss"})
_COPULAS = frozenset({"is", "was", "are", "were", "be", "been", "being", "'s", "’s"})

_ROLE_SYNONYMS = {"defense minister": "defence minister", "general secretary": "secretary general"}

_NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


_OfficeRow = tuple[str, str | None, datetime.date | None, datetime.date | None]


def _as_date(value: Any) -> datetime.date | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


class Gazetteer:
    """Actors known by name, compiled for fast matching in raw text."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._entries: dict[str, _Entry] = {}
        self._lookup: dict[str, tuple[int, str | None]] = {}  # key → (priority, canonical)
        self._trie: dict[str, Any] = {}
        self._seen: set[tuple[tuple[str, ...], object]] = set()
        self._offices: dict[tuple[str, str | None], list[_Office]] = {}
        self._forms: dict[str, set[str]] = {}  # role phrase key → roles
        self._role_forms: dict[str, list[str]] = {}
        self._role_templates: dict[str, list[str]] = {}
        self._generic: set[str] = set()
        self.n_patterns = 0
        self._build(data)

    # -- loading ------------------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        """Read a gazetteer TOML file; the packaged one by default."""
        if path is None:
            raw = resources.files("cstotimeline").joinpath("data/gazetteer.toml").read_bytes()
        else:
            raw = Path(path).read_bytes()
        return cls(tomllib.loads(raw.decode("utf-8")))

    def _build(self, data: dict[str, Any]) -> None:
        states = list(data.get("state", []))
        orgs = list(data.get("organisation", []))
        bodies = list(data.get("body", []))
        regions = list(data.get("region", []))
        people = list(data.get("person", []))

        # 1. Entries, so that every canonical name is known before patterns are built.
        for s in states:
            kind = s.get("kind", "state")
            self._entry(
                s["name"],
                kind,
                country=s["name"] if kind == "state" else None,
                leader=s.get("leader", "president"),
                names=[s["name"], *s.get("aliases", [])],
                demonyms=list(s.get("demonyms", [])),
            )
        for o in orgs:
            self._entry(
                o["name"],
                o.get("kind", "organisation"),
                leader=o.get("leader", "secretary-general"),
                names=[o["name"], *o.get("aliases", [])],
            )
        for b in bodies:
            self._entry(
                b["name"],
                b.get("kind", "body"),
                country=b.get("country"),
                parent=b.get("parent"),
                names=[b["name"], *b.get("aliases", [])],
            )
        for r in regions:
            self._entry(
                r["name"],
                "region",
                country=r.get("country"),
                names=[r["name"], *r.get("aliases", [])],
            )
        surname_owners: dict[str, set[str]] = {}
        for p in people:
            given = list(p.get("given", []))
            surnames = list(p.get("surnames", []))
            full = [p["name"], *p.get("aliases", [])]
            full += [f"{g} {s}" for g in given for s in surnames]
            parent = None
            for off in p.get("offices", []):
                of = off.get("of")
                e = self._entries.get(of) if of else None
                if e is not None and e.kind == "organisation":
                    parent = of
                role = self._norm_role(off["role"])
                self._offices.setdefault((role, of), []).append(
                    _Office(p["name"], _as_date(off.get("start")), _as_date(off.get("end")))
                )
            self._entry(p["name"], "person", country=p.get("country"), parent=parent, names=full)
            if p.get("surname_alone", True):
                for s in surnames:
                    surname_owners.setdefault(_key(s), set()).add(p["name"])
        for offices in self._offices.values():
            offices.sort(key=lambda o: o.start or datetime.date.min)

        # 2. Names (highest priority first: a phrase keeps its first target).
        for e in list(self._entries.values()):
            target = _Target(e.canonical, e.kind, self._mention_country(e), "gazetteer")
            for name in e.names:
                self._add(name, target)
                self._register(name, e.canonical, 0 if name == e.canonical else 1)
        for key, owners in surname_owners.items():
            if len(owners) != 1 or key in self._lookup:
                continue
            (owner,) = owners
            e = self._entries[owner]
            target = _Target(owner, "person", e.country, "gazetteer", surname=True)
            for p in people:
                if p["name"] == owner:
                    for s in p.get("surnames", []):
                        if _key(s) == key:
                            self._add(s, target)
                            self._register(s, owner, 4)

        # 3. Roles: fixed phrases, then phrases generated for each office that has holders.
        for name, spec in data.get("role", {}).items():
            role = self._norm_role(name)
            self._role_forms[role] = list(spec.get("forms", []))
            self._role_templates[role] = list(spec.get("templates", []))
            for form in self._role_forms[role]:
                self._forms.setdefault(_key(form), set()).add(role)
        for rp in data.get("role_phrase", []):
            self._add(rp["text"], _Role(self._norm_role(rp["role"]), rp["of"]))
        leaders = {e.canonical: e.leader for e in self._entries.values() if e.leader}
        for role, of in list(self._offices):
            ent = self._entries.get(of) if of else None
            if ent is None:
                continue
            forms = list(self._role_forms.get(role, []))
            if of is not None and leaders.get(of) == role:
                forms.append("leader")
            self._add_role_phrases(_Role(role, of), ent, forms, self._role_templates.get(role, []))
        titles = list(data.get("titles", {}).get("forms", []))
        for forms in self._role_forms.values():
            titles.extend(forms)
        for t in titles:
            self._add(t, _Role("", None))
            self._generic.add(_key(t))

        # 4. Metonyms: capitals, other stand-ins, state + noun ("Azerbaijani forces").
        nouns = data.get("state_nouns", {})
        for noun in [*nouns.get("forms", []), *nouns.get("of_forms", [])]:
            self._generic.add(_key(noun))
        for s in states:
            e = self._entries[s["name"]]
            target = _Target(e.canonical, e.kind, self._mention_country(e), "metonym")
            capitals = list(s.get("capitals", []))
            for c in capitals:
                self._add(c, target)
                self._register(c, e.canonical, 2)
                self._add(f"official {c}", target)
                for noun in nouns.get("capital_forms", []):
                    self._add(f"{c} {noun}", target)
            for m in s.get("metonyms", []):
                self._add(m, target)
                self._register(m, e.canonical, 2)
            for d in e.demonyms:
                for noun in nouns.get("forms", []):
                    self._add(f"{d} {noun}", target)
            for n in self._short_names(e):
                for noun in nouns.get("of_forms", []):
                    for phrase in self._of_phrases(noun, n):
                        self._add(phrase, target)

        # 5. National bodies generated for every state ("Armenia's Defense Ministry").
        for inst in data.get("institution", []):
            for s in states:
                e = self._entries[s["name"]]
                if e.kind != "state" or not e.demonyms:
                    continue
                canonical = inst["name"].format(dem=e.demonyms[0])
                body = self._entries.get(canonical)
                if body is None:
                    body = self._entry(
                        canonical, "body", country=e.canonical, parent=e.canonical, names=[]
                    )
                target = _Target(body.canonical, body.kind, body.country, "gazetteer")
                self._add(canonical, target)
                self._register(canonical, body.canonical, 0)
                for form in inst.get("forms", []):
                    self._generic.add(_key(form))
                    for d in e.demonyms:
                        self._add(f"{d} {form}", target)
                        self._register(f"{d} {form}", body.canonical, 1)
                    for n in self._short_names(e):
                        self._add(f"{n} {form}", target)
                        for phrase in self._of_phrases(form, n):
                            self._add(phrase, target)
                    if not form.isupper():
                        for c in s.get("capitals", []):
                            self._add(f"{form} in {c}", target)  # "the Foreign Ministry in Baku"

        # 6. Phrases that contain a name but are no actor ("France 24"): matched and dropped.
        ignored = _Target("", "unknown", None, "ignore")
        for phrase in data.get("ignore", {}).get("phrases", []):
            self._add(phrase, ignored)

        # 7. Demonyms, last: they only fill in where nothing longer matched.
        for s in states:
            e = self._entries[s["name"]]
            target = _Target(e.canonical, e.kind, self._mention_country(e), "demonym")
            for d in [*e.demonyms, *s.get("plurals", [])]:
                self._add(d, target)
                self._register(d, e.canonical, 3)
        self._seen.clear()

    def _entry(
        self,
        canonical: str,
        kind: str,
        *,
        country: str | None = None,
        parent: str | None = None,
        leader: str | None = None,
        names: list[str],
        demonyms: list[str] | None = None,
    ) -> _Entry:
        if canonical in self._entries:
            raise ValueError(f"gazetteer: duplicate entry {canonical!r}")
        if kind not in KINDS:
            raise ValueError(f"gazetteer: {canonical!r} has unknown kind {kind!r}")
        if leader is not None:
            leader = self._norm_role(leader)
        e = _Entry(canonical, kind, country, parent, leader, names, demonyms or [])
        self._entries[canonical] = e
        return e

    def _mention_country(self, e: _Entry) -> str | None:
        if e.kind == "state":
            return e.canonical
        return e.country

    @staticmethod
    def _short_names(e: _Entry) -> list[str]:
        """Names short enough to be combined with other words (not "self-proclaimed ...")."""
        return [n for n in e.names if len(n.split()) <= 3 and not n.lower().startswith("the ")]

    @staticmethod
    def _of_phrases(noun: str, name: str) -> Iterator[str]:
        """'{noun} of {name}', '{noun} of the {name}', "{name}'s {noun}"."""
        yield f"{name}'s {noun}"
        if name.endswith("s"):
            yield f"{name}' {noun}"
        if not name.lower().startswith("the "):
            yield f"{noun} of {name}"
            yield f"{noun} of the {name}"

    def _add_role_phrases(
        self, role: _Role, of: _Entry, forms: Iterable[str], templates: Iterable[str]
    ) -> None:
        names = [n for n in of.names if not n.lower().startswith("the ")]
        for form in forms:
            for d in of.demonyms:
                self._add(f"{d} {form}", role)
            for n in names:
                self._add(f"{n} {form}", role)
                for phrase in self._of_phrases(form, n):
                    self._add(phrase, role)
                self._add(f"{form} for the {n}", role)
        for tpl in templates:
            fills: list[dict[str, str]] = []
            if "{dem}" in tpl:
                fills = [{"dem": d} for d in of.demonyms]
            elif "{state}" in tpl or "{org}" in tpl:
                fills = [{"state": n, "org": n} for n in names]
            else:
                fills = [{}]
            for fill in fills:
                self._add(tpl.format(**fill), role)

    def _register(self, name: str, canonical: str, priority: int) -> None:
        """Make ``name`` resolvable by :meth:`canonical` (lower priority number wins)."""
        key = _key(name)
        if not key:
            return
        old = self._lookup.get(key)
        if old is None or priority < old[0]:
            self._lookup[key] = (priority, canonical)
        elif priority == old[0] and old[1] != canonical:
            self._lookup[key] = (priority, None)  # ambiguous

    def _add(self, phrase: str, target: _Target | _Role) -> None:
        folded, _ = fold(phrase)
        toks = _TOKEN_RE.findall(folded)
        if not toks:
            return
        keys = tuple(map(str.lower, toks))
        ident = (keys, target.canonical if isinstance(target, _Target) else target)
        if ident in self._seen:
            return
        self._seen.add(ident)
        words: list[int] = []  # words, not punctuation
        exact: list[tuple[int, str]] = []  # acronyms
        caps: list[int] = []  # capitalised words
        for i, t in enumerate(toks):
            upper = t.isupper()
            if upper and len(t) <= 8:
                exact.append((i, t))
            if t[0].isalnum():
                words.append(i)
                if not upper and t[0].isupper():
                    caps.append(i)
        bare_title = isinstance(target, _Role) and target.of is None
        single = words[0] if len(words) == 1 and not bare_title else -1
        pat = _Pattern(target, tuple(exact), single, tuple(caps))
        node = self._trie
        for k in keys:
            child = node.get(k)
            if child is None:
                child = node[k] = {}
            node = child
        if "" in node:
            node[""].append(pat)
        else:
            node[""] = [pat]
        self.n_patterns += 1

    # -- queries ------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._entries)

    def entries(self, kind: str | None = None) -> list[str]:
        """Canonical names, optionally of one kind."""
        return [c for c, e in self._entries.items() if kind is None or e.kind == kind]

    def is_generic(self, phrase: str) -> bool:
        """Whether ``phrase`` is a bare office or institution ("Defense Ministry", "Prime
        Minister", "the Armed Forces"): no actor without a country."""
        return _key(phrase) in self._generic

    def canonical(self, name: str) -> str | None:
        """The canonical name for any name, alias, transliteration, metonym or demonym."""
        if name in self._entries:
            return name
        hit = self._lookup.get(_key(name))
        return hit[1] if hit else None

    def _resolve(self, name: str) -> _Entry | None:
        e = self._entries.get(name)
        if e is None:
            c = self.canonical(name)
            e = self._entries.get(c) if c else None
        return e

    def kind(self, canonical: str) -> str | None:
        e = self._resolve(canonical)
        return e.kind if e else None

    def country(self, canonical: str) -> str | None:
        """The state an actor belongs to or represents (a state is its own country)."""
        e = self._resolve(canonical)
        return self._mention_country(e) if e else None

    def parent(self, canonical: str) -> str | None:
        """The organisation (or state) a body belongs to, or an official serves."""
        e = self._resolve(canonical)
        return e.parent if e else None

    def offices(self, person: str) -> list[_OfficeRow]:
        """(role, of, start, end) of every office a person held."""
        out: list[_OfficeRow] = []
        for (role, of), offices in self._offices.items():
            out.extend((role, of, o.start, o.end) for o in offices if o.person == person)
        return sorted(out, key=lambda t: t[2] or datetime.date.min)

    @staticmethod
    def _norm_role(role: str) -> str:
        key = _key(role)
        return _ROLE_SYNONYMS.get(key, key)

    def _roles_for(self, role: str) -> list[str]:
        key = self._norm_role(role)
        if key in self._role_forms or any(r == key for r, _ in self._offices):
            return [key]
        return sorted(self._forms.get(_key(role), ()))

    def holder(self, role: str, country: str | None, when: datetime.date | None) -> str | None:
        """Who held ``role`` ("Prime Minister", "foreign minister", "leader") of ``country``
        (a state or organisation, any alias) on ``when``; None if unknown or ambiguous."""
        if isinstance(when, datetime.datetime):
            when = when.date()
        of: str | None = None
        if country is not None:
            of = self.canonical(country)
            if of is None:
                return None
        roles = self._roles_for(role)
        if _key(role) == "leader" and of is not None:
            leader = self._entries[of].leader
            roles = [leader] if leader else []
        found: set[str] = set()
        for r in roles:
            keys = [(r, of)] if of is not None else [k for k in self._offices if k[0] == r]
            for k in keys:
                h = self._holder(k, when)
                if h:
                    found.add(h)
        return found.pop() if len(found) == 1 else None

    def _holder(self, key: tuple[str, str | None], when: datetime.date | None) -> str | None:
        offices = self._offices.get(key)
        if not offices:
            return None
        if when is None:
            people = {o.person for o in offices}
            return people.pop() if len(people) == 1 else None
        best: _Office | None = None
        for o in offices:
            if (o.start is None or o.start <= when) and (o.end is None or when <= o.end):
                best = o  # sorted by start: the latest start wins on a handover day
        return best.person if best else None

    # -- matching -----------------------------------------------------------------------------

    def find(self, text: str, when: datetime.date | None = None) -> list[ActorMention]:
        """Every gazetteer actor in ``text``: non-overlapping, longest first, in text order.

        Roles are resolved to their holder on ``when``; unresolvable ones are dropped (a role
        followed by a name becomes one mention of the named person).
        """
        if isinstance(when, datetime.datetime):
            when = when.date()
        return _Scan(self, text, when).run()


class _Scan:
    """One pass of the trie over a text."""

    def __init__(self, gaz: Gazetteer, text: str, when: datetime.date | None) -> None:
        self.gaz = gaz
        self.text = text
        self.when = when
        folded, index = fold(text)
        self.folded = folded
        self.index = index
        lowered = folded.lower()
        if len(lowered) != len(folded):  # pragma: no cover - folding removes such characters
            lowered = folded
        keys: list[str] = _TOKEN_RE.findall(lowered)
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        find = lowered.find
        for k in keys:
            # Only spaces and hyphens separate tokens, so the next occurrence is the token.
            pos = find(k, pos)
            starts.append(pos)
            pos += len(k)
            ends.append(pos)
        if lowered is folded:  # pragma: no cover
            keys = [k.lower() for k in keys]
        self.keys = keys
        self.starts = starts
        self.ends = ends
        self.n = len(self.keys)

    # -- candidates ---------------------------------------------------------------------------

    def candidates(self, i: int) -> list[tuple[int, list[_Pattern]]]:
        """Patterns matching at token ``i`` that pass the case rules, longest first."""
        node = self.gaz._trie.get(self.keys[i])
        out: list[tuple[int, list[_Pattern]]] = []
        j = i
        keys = self.keys
        while node is not None:
            j += 1
            pats = node.get("")
            if pats:
                ok = [p for p in pats if self._case_ok(p, i)]
                if ok:
                    out.append((j, ok))
            if j >= self.n:
                break
            node = node.get(keys[j])
        out.reverse()
        return out

    def _tok(self, k: int) -> str:
        return self.folded[self.starts[k] : self.ends[k]]

    def _case_ok(self, p: _Pattern, i: int) -> bool:
        for k, exact in p.exact:
            if self._tok(i + k) != exact:
                return False
        if p.single >= 0:
            return bool(p.exact) or self.folded[self.starts[i + p.single]].isupper()
        if p.caps:
            return any(self.folded[self.starts[i + k]].isupper() for k in p.caps)
        return True

    def _gap(self, a: int, b: int) -> str:
        """Folded text between the end of token ``a`` and the start of token ``b``."""
        return self.folded[self.ends[a] : self.starts[b]]

    def _namelike(self, k: int) -> bool:
        if not (0 <= k < self.n):
            return False
        t = self._tok(k)
        return t[0].isupper() and t.isalpha() and not t.isupper() and self.keys[k] not in _NOT_NAMES

    def _surname_ok(self, i: int, j: int) -> bool:
        """A bare surname is not part of someone else's name ("Tigran Sargsyan")."""
        if j < self.n and self._gap(j - 1, j) == " " and self._namelike(j):
            return False
        if i > 0 and self._gap(i - 1, i) == " " and self._namelike(i - 1):
            before = i - 2
            sentence_initial = before < 0 or (
                self.keys[before] in _SENTENCE_END or "\n" in self._gap(before, i - 1)
            )
            if not sentence_initial:
                return False
        return True

    def _person_after(self, j: int) -> tuple[int, _Target, bool] | None:
        """A person's name right after token ``j - 1`` (or after a comma)."""
        if j >= self.n:
            return None
        comma = False
        k = j
        if self.keys[k] == ",":
            comma = True
            k += 1
            if k >= self.n:
                return None
        gap = self.folded[self.ends[j - 1] : self.starts[k]]
        if "\n\n" in gap or gap.strip(" ,\n\t\xa0"):
            return None
        for end, pats in self.candidates(k):
            for p in pats:
                t = p.target
                if isinstance(t, _Target) and t.kind == "person":
                    if (
                        t.surname
                        and end < self.n
                        and self._gap(end - 1, end) == " "
                        and self._namelike(end)
                    ):
                        continue
                    return end, t, comma
        return None

    # -- the pass -----------------------------------------------------------------------------

    def run(self) -> list[ActorMention]:
        out: list[ActorMention] = []
        i = 0
        trie = self.gaz._trie
        keys = self.keys
        while i < self.n:
            if keys[i] not in trie:
                i += 1
                continue
            nxt = self._match_at(i, out)
            i = nxt if nxt > i else i + 1
        return out

    def _match_at(self, i: int, out: list[ActorMention]) -> int:
        not_current = i > 0 and self.keys[i - 1] in _NOT_CURRENT
        prefixed = i > 0 and self.keys[i - 1] in _PREFIXES and self._gap(i - 1, i) == "-"
        for j, pats in self.candidates(i):
            targets = [p.target for p in pats if isinstance(p.target, _Target)]
            for t in targets:
                if t.surname and not self._surname_ok(i, j):
                    continue
                if prefixed and t.origin != "gazetteer":
                    continue  # "post-Soviet", "pro-Russian", "anti-Armenian"
                if t.origin == "ignore":
                    return j
                out.append(self._mention(i, j, t.canonical, t.kind, t.country, t.origin))
                return j
            roles = [p.target for p in pats if isinstance(p.target, _Role)]
            if not roles:
                continue
            resolved: str | None = None
            if not not_current:
                for r in roles:
                    if r.of is not None:
                        resolved = self.gaz._holder((r.role, r.of), self.when)
                        if resolved:
                            break
            after = self._person_after(j)
            if after is not None:
                end, person, comma = after
                if not comma or resolved is None or resolved == person.canonical:
                    out.append(
                        self._mention(
                            i, end, person.canonical, "person", person.country, "gazetteer"
                        )
                    )
                    return end
            if resolved is not None:
                if (
                    after is None
                    and j < self.n
                    and self._gap(j - 1, j) == " "
                    and self._namelike(j)
                ):
                    return j  # a role before a name we do not know: leave it to NER
                e = self.gaz._entries[resolved]
                out.append(self._mention(i, j, resolved, "person", e.country, "role"))
                return j
        return i

    def _mention(
        self, i: int, j: int, canonical: str, kind: str, country: str | None, origin: str
    ) -> ActorMention:
        s, e = self.starts[i], self.ends[j - 1]
        if self.index is not None:
            start = self.index[s]
            end = self.index[e - 1] + 1
            text = self.text
            while end < len(text) and unicodedata.combining(text[end]):
                end += 1
        else:
            start, end = s, e
        return ActorMention(start, end, self.text[start:end], canonical, kind, country, origin)


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process."""
    return Gazetteer.load()


# ---------------------------------------------------------------------------------------------
# With a parse
# ---------------------------------------------------------------------------------------------


def _clean_surface(text: str) -> str:
    s = _SPACES.sub(" ", text).strip()
    for prefix in ("the ", "The "):
        if s.startswith(prefix):
            s = s[len(prefix) :]
    for suffix in ("'s", "’s", "'", "’"):
        if s.endswith(suffix):
            s = s[: -len(suffix)]
    return s.strip(" \"'“”‘’«»()[],.;:")


def _junk(surface: str) -> bool:
    if len(surface) < 2 or not any(c.isalpha() for c in surface):
        return True
    words = surface.split()
    if len(words) == 1 and surface.islower():
        return True
    return all(w.isdigit() for w in words)


def find_actors(
    doc: Doc,
    gaz: Gazetteer,
    when: datetime.date | None,
    offset: int = 0,
    *,
    text: str | None = None,
) -> list[ActorMention]:
    """Gazetteer actors in ``doc.text`` plus the unknown PERSON/ORG/GPE/NORP entities of the
    parse (kind ``unknown``, origin ``ner``, canonical = cleaned surface form). Gazetteer
    matches win on overlap. Sorted by start; ``offset`` is added to every offset.

    ``text`` is ``doc.text`` when the caller has it already (spaCy rebuilds ``Doc.text`` from
    the tokens on every access)."""
    found = gaz.find(doc.text if text is None else text, when)
    starts = [m.start for m in found]
    out = list(found)
    for ent in doc.ents:
        if ent.label_ not in _NER_LABELS:
            continue
        s, e = ent.start_char, ent.end_char
        k = bisect.bisect_left(starts, e)
        if k > 0 and found[k - 1].end > s:
            continue  # overlaps a gazetteer match
        surface = _clean_surface(ent.text)
        if _junk(surface) or gaz.is_generic(surface):
            continue
        out.append(ActorMention(s, e, ent.text, surface, "unknown", None, "ner"))
    out.sort(key=lambda m: (m.start, m.end))
    if offset:
        out = [
            ActorMention(
                m.start + offset, m.end + offset, m.text, m.canonical, m.kind, m.country, m.origin
            )
            for m in out
        ]
    return out


def _is_state_phrase_head(tok: Any) -> bool:
    """A military or government noun modified by a proper name or demonym."""
    if tok.lower_ not in _AGENT_NOUNS:
        return False
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod", "poss") and c.text[:1].isupper():
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ == "of"
            and any(g.dep_ == "pobj" and g.text[:1].isupper() for g in c.children)
        ):
            return True
    return False


def is_agentive(token: Token | Span) -> bool:
    """Whether a metonym or demonym token acts: subject ("Baku said"), possessor ("Minsk's
    position"), passive agent ("rejected by Yerevan"), or modifier of a military or
    government noun ("Azerbaijani troops"); conjuncts and appositions inherit from their head.

    The head noun of such a phrase counts too, wherever it stands ("a demand to the Azerbaijani
    side", "the leadership of Armenia", "Armenia's government"): the phrase names the state
    explicitly. A span is judged by its root."""
    tok: Any = getattr(token, "root", token)
    if _is_state_phrase_head(tok):
        return True
    for _ in range(6):
        dep = tok.dep_
        head = tok.head
        if dep in _AGENT_DEPS:
            # "Minsk is the capital": a predicate nominal, not an action.
            return not (
                dep == "nsubj"
                and head.lower_ in _COPULAS
                and any(c.dep_ == "attr" for c in head.children)
            )
        if dep == "pobj" and head.lower_ == "between":
            return True  # the parties to a relation ("talks between Minsk and Astana")
        if dep == "pobj" and head.lower_ == "by":
            return head.dep_ == "agent" or head.head.tag_ == "VBN"
        if dep in ("compound", "amod", "nmod", "npadvmod") and head.lower_ in _AGENT_NOUNS:
            return True
        if dep in ("conj", "appos") and head.i != tok.i:
            tok = head
            continue
        return False
    return False
