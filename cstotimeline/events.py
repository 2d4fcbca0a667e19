"""Event extraction: one parsed document in, dated events out.

``extract_events`` is a pure function of the document text, its metadata and its spaCy parse.
It finds triggers (verbs and event nouns from the lexicon), decides which of them report
distinct happenings (reporting verbs are transparent, light verbs take their type from their
noun, a noun is its own event only when it carries its own date), works out the modality
(asserted, negated, planned, hypothetical), the date (the clause's own temporal expression, else
another date of the sentence, else the narrative's current date or the publication date) and the
actors (gazetteer first, metonyms and pronouns resolved), and builds a one-line summary.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from cstotimeline import dates
from cstotimeline.lexicon import Lexicon, default_lexicon
from cstotimeline.records import ActorMention, Document, Event, Mention, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from cstotimeline.actors import Gazetteer

CSTO = "CSTO"
ARMENIA = "Armenia"

_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj", "parataxis"})
_ARG_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd", "dative"})
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
_OPENING_QUOTES = frozenset('"“«„')
_CLOSING_QUOTES = frozenset('"”»“')
_QUOTE_MARKS = _OPENING_QUOTES | _CLOSING_QUOTES
_ONLY_CLOSING = _CLOSING_QUOTES - _OPENING_QUOTES
_PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his"})
_ORG_ANAPHOR = re.compile(
    r"\b(?:[Tt]he|[Aa]n?) (?:(?:[\w-]+|post-Soviet|Russian-led|Moscow-led) ){0,3}"
    r"(?:organi[sz]ation|bloc|alliance|summit)\b"
)
# A membership change told without its organisation ("suspended its membership", "froze its
# participation", "gave up its seat"): in an article about the CSTO, a change in the CSTO.
_MEMBERSHIP_WORDS = re.compile(r"\b(?:membership|participation|member|seat|post|quota)\b", re.I)
_TIME_UNITS = frozenset({"day", "week", "month", "year", "decade", "time", "while"})
# Adverbs that make a coordinated verb a later happening of its own.
_SEQUENCE_ADVERBS = frozenset({"later", "then", "afterwards", "afterward", "subsequently"})
# Event nouns that can stand for a happening as the subject or object of any verb.
_HAPPENINGS = frozenset(
    {"refusal", "meeting", "military_action", "exercise", "deployment", "membership_change"}
)
# Prepositions through which a main clause takes the date of an event noun it follows
# ("following the bombings in September 2022, Armenia …"); not "under the 1997 treaty".
_TEMPORAL_PREPS = frozenset({"following", "after", "during", "amid", "at", "in", "on", "since"})
# Prepositions that introduce a verb's argument rather than a circumstance.
_ARGUMENT_PREPS = frozenset({"to", "for", "on", "with", "against", "into", "from", "of"})
# A narrative date this many days before publication or later is still "the news".
RECENT_DAYS = 7
# Quotation marks around at most this many words are scare quotes, not reported speech.
_SCARE_QUOTE_WORDS = 3
# A quotation closed by a bare attribution spans at most this many sentences.
_MAX_QUOTED_SENTENCES = 12
# A "quotation" longer than this is a mismatched quote mark, not a quotation.
_MAX_QUOTE = 2000
_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}
# The place opening a dateline: "YEREVAN, ", "Astana, ", "MINSK (Reuters), ".
_DATELINE_HEAD = re.compile(r"[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,3}(?: \([\w .-]+\))?,\s*")
# "the next session": a definite description of a meeting not told yet.
_NOT_TOLD = frozenset(
    {"next", "following", "coming", "upcoming", "future", "previous", "last", "first"}
)
_ITS = re.compile(r"\b(?:[Ii]ts|[Tt]heir)\b")
# What "its" can only mean a state's ("its territory", "its borders").
_STATE_POSSESSIONS = frozenset(
    {"territory", "soil", "border", "sovereignty", "land", "village", "town", "province"}
    | {"airspace"}
)
# Undated clauses with these adverbs are background, not datable happenings.
_BACKGROUND_ADVERBS = frozenset(
    {"previously", "repeatedly", "often", "always", "long", "already", "traditionally", "usually"}
)


@dataclass
class _Candidate:
    trigger: Token
    etype: str
    kind: str  # verb | noun
    flags: set[str] = field(default_factory=set)
    extra_tokens: list[Token] = field(default_factory=list)  # absorbed reporting verb / light noun
    subordinate: bool = False
    in_quote: bool = False
    reporter: Token | None = None
    # A coordinated verb told as a happening of its own ("..., and later held a call with
    # Lukashenko"): its actors come from its own clause; the first verb's exclude that clause.
    own_clause: bool = False
    exclude: list[Token] = field(default_factory=list)

    @property
    def modality(self) -> str:
        for m in ("negated", "hypothetical", "planned"):
            if m in self.flags:
                return m
        return "asserted"


@dataclass
class _Narrative:
    """The narrative's current date: the last date a main clause gave explicitly."""

    value: str | None
    precision: str | None
    basis: str


@dataclass(frozen=True)
class _Dated:
    value: str
    precision: str
    basis: str
    text: str | None
    mod: str | None = None
    shifted: bool = False
    # dated by a meeting told earlier ("The session was chaired by …"): that meeting's actors
    told_actors: tuple[str, ...] = ()


class _Told(NamedTuple):
    """An event told earlier in the article."""

    etype: str
    value: str
    precision: str
    sentence: str
    actors: tuple[str, ...]


def extract_events(
    document: Document,
    doc: Doc,
    *,
    gazetteer: Gazetteer | None = None,
    lexicon: Lexicon | None = None,
    timexes: Sequence[Timex] | None = None,
    keep_all: bool = False,
    base: int = 0,
) -> list[Event]:
    """Events reported in ``doc`` (the parse of ``document.text[base:base+len(doc.text)]``).

    Offsets in the returned mentions index the file text as read (``document.offset`` added).
    With ``keep_all`` every dated event is returned; otherwise only those bearing on
    CSTO–Armenia relations (relevance ``core`` or ``context``).
    """
    from cstotimeline import actors as actors_mod
    from cstotimeline import timex as timex_mod

    gaz = gazetteer or actors_mod.default_gazetteer()
    lex = lexicon or default_lexicon()
    published = document.published
    text = doc.text
    if timexes is None:
        timexes = timex_mod.tag(text, published, doc=doc)
    mentions = actors_mod.find_actors(doc, gaz, published, text=text)
    ctx = _DocContext(document, doc, text, gaz, lex, list(timexes), mentions, base)
    events: list[Event] = []
    for sent in ctx.sentences:
        events.extend(ctx.sentence_events(sent))
    if not keep_all:
        # Filter before merging, so that merging again (across documents) changes nothing.
        events = [e for e in events if e.relevance in ("core", "context")]
    return merge_within_document(events)


class _DocContext:
    def __init__(
        self,
        document: Document,
        doc: Doc,
        text: str,
        gaz: Gazetteer,
        lex: Lexicon,
        timexes: list[Timex],
        actor_mentions: list[ActorMention],
        base: int,
    ) -> None:
        self.document = document
        self.doc = doc
        self.text = text  # doc.text: spaCy rebuilds it from the tokens on every access
        self.sentences = list(doc.sents)  # and Doc.sents on every iteration
        self.gaz = gaz
        self.lex = lex
        self.base = base
        pub = document.published.isoformat() if document.published else None
        self.narrative = _Narrative(pub, "day" if pub else None, "publication")
        # The story's date is the narrative's, but survives paragraph breaks.
        self.story = self.narrative
        self.published = pub
        # Calendar timexes, each with its token span.
        self.timex_spans: list[tuple[Timex, Span]] = []
        for t in timexes:
            if dates.event_date(t.value) is None:
                continue
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None and len(span):
                self.timex_spans.append((t, span))
        self._set_spans: list[tuple[Timex, Span]] = []
        self._offset_spans: list[tuple[Timex, Span]] = []
        self._used_offsets: set[int] = set()  # offsets that dated a clause they introduce
        # Events told so far: "a year after the Yerevan summit" and "the session" refer back.
        self._history: list[_Told] = []
        for t in timexes:
            if t.type == "DURATION" and _OFFSET.match(t.value):
                span = doc.char_span(t.start, t.end, alignment_mode="expand")
                if span is not None and len(span) and span.end < len(doc):
                    self._offset_spans.append((t, span))
            if t.type == "SET":
                span = doc.char_span(t.start, t.end, alignment_mode="expand")
                if span is not None and len(span):
                    self._set_spans.append((t, span))
        self.actor_mentions = _with_head_coreference(
            _with_body_coreference(self.text, actor_mentions)
        )
        self.quote_spans = _quote_spans(self.text)
        self.last_person: str | None = None
        self.last_speaker: str | None = None
        self.previous_sources: list[str] = []
        self.orgs_seen: list[str] = []
        self._main_date: _Dated | None = None
        self._prev_end = 0
        self._ranges_cache: dict[int, list[tuple[int, int]]] = {}
        self._timex_cache: dict[int, list[tuple[Timex, Span]]] = {}
        self._mentions_cache: dict[int, list[ActorMention]] = {}
        self._verb_types: dict[int, str | None] = {}
        self._mention_starts = [m.start for m in self.actor_mentions]  # sorted by start
        self._sentence_starts = [s.start_char for s in self.sentences]
        self.has_csto = any(a.canonical == CSTO for a in actor_mentions) or any(
            gaz.parent(a.canonical) == CSTO for a in actor_mentions
        )

    # -- triggers ---------------------------------------------------------------------------

    def _verb_type(self, tok: Token) -> str | None:
        """The event type of a verb (computed once per token)."""
        try:
            return self._verb_types[tok.i]
        except KeyError:
            typ = self._verb_types[tok.i] = self._find_verb_type(tok)
            return typ

    def _find_verb_type(self, tok: Token) -> str | None:
        lemma = tok.lemma_.lower()
        if lemma in self.lex.phrasal_heads:
            has_object = any(c.dep_ == "dobj" for c in tok.children)
            for c in tok.children:
                if c.dep_ == "prt" or (c.dep_ in ("prep", "advmod") and not has_object):
                    if c.i < tok.i:
                        continue
                    phrasal = self.lex.verb_type(f"{lemma} {c.lower_}")
                    if phrasal:
                        return phrasal
        if lemma == "take" and any(
            c.lower_ == "part" and c.dep_ in ("dobj", "npadvmod") for c in tok.children
        ):
            return "meeting"
        typ = self.lex.verb_type(lemma) or (
            self.lex.verb_type(tok.lower_) if tok.tag_ in ("VBN", "JJ") else None
        )
        if typ is None and tok.pos_ == "VERB":
            typ = self._force_verb_type(tok, lemma)
        if typ == "membership_change" and lemma in self.lex.membership_needs_org:
            objs = [c for c in tok.children if c.dep_ in ("dobj",)]
            if objs and not any(self._is_org_phrase(o) for o in objs):
                return None
        return typ

    def _force_verb_type(self, tok: Token, lemma: str) -> str | None:
        """ "flew 100 soldiers to Kazakhstan", "Azerbaijani units crossed into Armenia and dug
        in": verbs that are events only with a military force as object or subject."""
        forces = self.lex.force_nouns
        typ = self.lex.force_object_verbs.get(lemma)
        if typ is not None and any(
            c.dep_ == "dobj" and c.lemma_.lower() in forces for c in tok.children
        ):
            return typ
        typ = self.lex.force_subject_verbs.get(lemma)
        if typ is None:
            return None
        doer = tok
        while doer.dep_ == "conj" and not any(c.dep_ in _SUBJ_DEPS for c in doer.children):
            doer = doer.head  # "crossed into Armenia and dug in": the subject of "crossed"
        subj = next((c for c in doer.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lemma_.lower() in forces:
            return typ
        return None

    def _is_org_phrase(self, tok: Token) -> bool:
        start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
        for m in self.actor_mentions:
            if (
                m.start >= start
                and m.end <= end
                and self.gaz.kind(m.canonical)
                in (
                    "organisation",
                    "body",
                )
            ):
                return True
        text = self.text[start:end]
        return bool(_ORG_ANAPHOR.search(text)) or tok.lower_ in ("organization", "alliance")

    def _noun_type(self, tok: Token) -> str | None:
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        return self.lex.noun_type(tok.lemma_, tok.text)

    def _flags(self, tok: Token) -> set[str]:
        """Modality flags of a verb, from its own auxiliaries and the verbs governing it."""
        flags: set[str] = set()
        t = tok
        while True:
            flags |= self._own_flags(t)
            dep = t.dep_
            head = t.head
            if head.i == t.i:
                break
            hl = head.lemma_.lower()
            if dep == "conj":
                t = head
                continue
            if dep == "xcomp" or (dep == "pcomp" and head.dep_ == "prep"):
                anchor = head if dep == "xcomp" else head.head
                al = anchor.lemma_.lower()
                prt = next((c.lower_ for c in anchor.children if c.dep_ == "prt"), "")
                if al in self.lex.negating or (al == "rule" and prt == "out"):
                    flags.add("negated-by-head")
                elif al in self.lex.planning or anchor.lower_ == "going":
                    flags.add("planned")
                t = anchor
                continue
            if dep == "ccomp":
                if hl == "deny":
                    flags.add("negated-by-head")
                if hl in ("if",):
                    flags.add("hypothetical")
                t = head
                continue
            if dep == "advcl":
                break
            if dep in ("aux", "auxpass") and t.lower_ == "going":
                t = head
                continue
            break
        if "negated-by-head" in flags:
            flags.discard("negated-by-head")
            flags.add("negated")
        return flags

    def _own_flags(self, tok: Token) -> set[str]:
        flags: set[str] = set()
        for c in tok.children:
            cl = c.lower_
            if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and cl in ("never",)):
                flags.add("negated")
            elif c.dep_ in ("aux", "auxpass"):
                if cl in self.lex.hypothetical_aux:
                    flags.add("hypothetical")
                elif cl in self.lex.future_aux or cl == "going":
                    flags.add("planned")
            elif c.dep_ == "mark" and cl in ("if", "unless"):
                flags.add("hypothetical")
        if tok.dep_ == "xcomp" and tok.head.lower_ == "going":
            flags.add("planned")
        if tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children
        ):
            flags.add("hypothetical")
        return flags

    def _candidates(self, sent: Span) -> list[_Candidate]:
        cands: list[_Candidate] = []
        for tok in sent:
            pos, tag = tok.pos_, tok.tag_
            participle = tag == "JJ" and self.lex.verb_type(tok.lower_) is not None
            if pos in ("VERB", "AUX") or tag.startswith("VB") or participle:
                if pos == "AUX" and tok.dep_ in ("aux", "auxpass"):
                    continue
                typ = self._verb_type(tok)
                if typ is None:
                    continue
                cand = _Candidate(tok, typ, "verb", self._flags(tok))
                if typ == "light" or tok.dep_ == "ROOT":
                    noun = self._light_noun(tok)
                    if noun is not None:
                        cand.extra_tokens.append(noun)
                        if typ == "light":
                            cand.etype = self._noun_type(noun) or "other"
                    elif typ == "light":
                        continue
                cands.append(cand)
            elif pos in ("NOUN", "PROPN"):  # as ``_noun_type``
                typ = self.lex.noun_type(tok.lemma_, tok.text)
                if typ is not None and not self._in_actor_name(tok):
                    cands.append(_Candidate(tok, typ, "noun"))
        # A non-trigger root whose subject or object is an event noun reports that event
        # ("the absence of Armenia has left the issues on the back burner").
        root = sent.root
        if not any(c.trigger.i == root.i for c in cands) and root.pos_ in ("VERB", "AUX"):
            noun = self._light_noun(root)
            ntype = self._noun_type(noun) if noun is not None else None
            if noun is not None and root.lemma_ not in ("be", "have") and ntype in _HAPPENINGS:
                cand = _Candidate(root, ntype or "other", "verb", self._flags(root))
                cand.extra_tokens.append(noun)
                # "the summit is scheduled to be held on 23 November"
                for x in root.children:
                    if x.dep_ == "xcomp":
                        cand.extra_tokens.append(x)
                        if root.lemma_.lower() in self.lex.planning:
                            cand.flags.add("planned")
                cands.append(cand)
        for c in cands:
            c.in_quote = self._in_quote(c.trigger)
        return cands

    def _light_noun(self, verb: Token) -> Token | None:
        args = [c for c in verb.children if c.dep_ in _ARG_DEPS]
        if self._verb_type(verb) == "light":
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "for"):
                    args.extend(c for c in prep.children if c.dep_ == "pobj")
        if verb.dep_ == "acl":
            # "the summit of its leaders held on 28 October": the noun may be above a PP
            h = verb.head
            args.append(h)
            for _ in range(2):
                if h.dep_ == "pobj" and h.head.dep_ == "prep":
                    h = h.head.head
                    args.append(h)
        for a in args:
            if self._noun_type(a) is not None:
                return a
            # "the CSTO Indestructible Brotherhood 2023 military exercises": head noun
            for c in a.children:
                if (
                    c.dep_ == "compound"
                    and self._noun_type(c) is not None
                    and not self._in_actor_name(c)
                ):
                    return a
        return None

    def _in_actor_name(self, tok: Token) -> bool:
        """True inside a gazetteer name ("Collective Security Treaty Organization")."""
        return any(
            m.start <= tok.idx < m.end and m.end - m.start > len(tok.text)
            for m in self.actor_mentions
            if m.origin != "ner" and m.kind != "region"  # "the Karabakh war" is an event
        )

    def _in_quote_span(self, span: Span) -> bool:
        return any(s <= span.start_char < e for s, e in self.quote_spans)

    def _in_quote(self, tok: Token) -> bool:
        return any(s <= tok.idx < e for s, e in self.quote_spans)

    # -- sentence -----------------------------------------------------------------------------

    def _new_paragraph(self, sent: Span) -> None:
        """At a paragraph break the narrative returns to the news of the day, unless its
        current date is itself recent (within a week before publication)."""
        start, end = sent.start_char, sent.end_char
        sent_text = self.text[start:end]  # sent.text, without rebuilding it from the tokens
        prev_end = self._prev_end
        gap = self.text[prev_end : start + 1]
        # spaCy keeps trailing white space (the paragraph break) in the previous sentence
        self._prev_end = start + len(sent_text.rstrip())
        if "\n" not in gap or self.published is None or self.narrative.value is None:
            return
        if self.narrative.basis == "publication":
            return
        prev_last = _last_char(self.text, prev_end)
        first = sent_text.lstrip()[:1]
        marks = [ch for ch in sent_text if ch in _OPENING_QUOTES or ch in _CLOSING_QUOTES]
        closes_earlier = bool(marks) and (
            marks[0] in "”»" or (marks[0] == '"' and marks.count('"') % 2 == 1)
        )
        if (
            first.islower()
            or first in _OPENING_QUOTES
            or prev_last in _CLOSING_QUOTES
            or closes_earlier
        ):
            return  # a quotation, or a paragraph break inside one, goes on in the same time
        from cstotimeline.chronology import period

        _lo, hi = period(self.narrative.value)
        pub = self.document.published
        if pub is not None and (pub - hi).days > RECENT_DAYS:
            self.narrative = _Narrative(self.published, "day", "publication")

    def sentence_events(self, sent: Span) -> list[Event]:
        self._new_paragraph(sent)
        cands = self._candidates(sent)
        if not cands:
            self._note_date(sent)
            self._note_actors(sent)
            return []
        by_tok = {c.trigger.i: c for c in cands}
        consumed: set[int] = set()
        # Nouns that are arguments of a verb candidate belong to that verb.
        for c in cands:
            if c.kind == "verb":
                for e in c.extra_tokens:
                    consumed.add(e.i)
                for child in c.trigger.children:
                    if child.dep_ in _ARG_DEPS:
                        consumed.add(child.i)
                    # "agreed to a ceasefire": an event noun that is the verb's prepositional
                    # object is part of the verb's happening (not "following the bombings").
                    if child.dep_ == "prep" and child.lower_ in _ARGUMENT_PREPS:
                        for obj in child.children:
                            if obj.dep_ == "pobj" and self._noun_type(obj) is not None:
                                consumed.add(obj.i)
                                c.extra_tokens.append(obj)
        # "the boycott of the summit in Minsk in November": the inner event noun is the
        # object of the outer one and shares its date.
        for c in cands:
            if c.kind != "noun":
                continue
            for prep in c.trigger.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "to"):
                    for obj in prep.children:
                        inner = by_tok.get(obj.i)
                        if obj.dep_ == "pobj" and inner is not None and inner.kind == "noun":
                            consumed.add(obj.i)
                            c.extra_tokens.append(obj)
        emitted: list[_Candidate] = []
        verbs = [c for c in cands if c.kind == "verb"]
        reporting = [c for c in verbs if c.trigger.lemma_.lower() in self.lex.reporting]
        absorbed: set[int] = set()
        # Reporting verbs are transparent to an accomplished event they report.
        for r in reporting:
            for c in verbs:
                if c is r or c.trigger.i in absorbed:
                    continue
                if not self._reports(r.trigger, c.trigger):
                    continue
                if r.in_quote and not c.in_quote:
                    continue  # a verb inside the quotation cannot report the attribution
                if c.in_quote and not r.in_quote:
                    if not self._embedded_report(c):
                        absorbed.add(c.trigger.i)  # quoted speech: the statement is the event
                    continue
                accomplished = c.modality == "asserted" and _clause_tense(c.trigger) in (
                    "past",
                    "perfect",
                )
                # "Armenia has frozen …, Pashinyan said" reports the speaker's own act;
                # "Pashinyan claimed that Azerbaijani troops seized …" reports a claim.
                own_act = self._same_doer(c.trigger, r.trigger)
                if accomplished and c.etype != "statement" and own_act:
                    c.reporter = r.trigger
                    c.extra_tokens.append(r.trigger)
                    absorbed.add(r.trigger.i)
                else:
                    if c.modality == "negated" and self._participation(c.trigger):
                        r.etype = "refusal"
                        r.extra_tokens.append(c.trigger)  # "did not attend ... last November"
                    elif c.etype == "statement" and c.modality == "asserted":
                        r.extra_tokens.append(c.trigger)
                    elif accomplished and self._dated_apart(c, r):
                        # "The Ministry informs that on 13 September the armed forces of
                        # Azerbaijan launched an attack": the report and, at its own date,
                        # the happening it tells.
                        continue
                    absorbed.add(c.trigger.i)
        for c in cands:
            if c.trigger.i in absorbed or (c.trigger.i in consumed and c.kind == "noun"):
                continue
            if c.kind == "verb" and c.modality == "negated":
                if self._participation(c.trigger) and not self._negated_by_head(c):
                    c.etype = "refusal"
                    c.flags.discard("negated")
                else:
                    continue
            if c.kind == "verb" and c.modality == "hypothetical":
                continue
            if c.in_quote and not self._embedded_report(c):
                continue  # quoted speech: the reporting verb outside the quote is the event
            c.subordinate = self._subordinate(c, by_tok, absorbed)
            if c.kind == "noun" and self._own_timex(c) is None and not self._recent(c.trigger):
                continue
            if self._habitual(c):
                continue
            # A happening told in a relative clause ("a summit that Armenia skipped") shares
            # the main clause's date; statements and other clauses there are background.
            if (
                c.subordinate
                and c.kind == "verb"
                and self._own_timex(c) is None
                and (
                    c.etype == "statement"
                    or not (c.trigger.dep_ in ("relcl", "acl") or _when_clause(c.trigger))
                    or _tense(c.trigger) not in ("past", "perfect")
                )
            ):
                continue
            emitted.append(c)
        # A relative clause of the main event's own type retells it ("the summit, hosted by").
        main_types = {c.etype for c in emitted if not c.subordinate}
        emitted = [
            c
            for c in emitted
            if not (c.subordinate and c.etype in main_types and self._own_timex(c) is None)
        ]
        # Coordinated verbs sharing a subject report one happening.
        emitted = self._collapse_conjuncts(emitted)
        claimed = {id(t) for c in emitted for t in [self._own_timex(c)] if t is not None}
        events: list[Event] = []
        main_dates: list[_Dated] = []
        sub_dates: list[_Dated] = []
        main_sources: list[str] = []
        self._main_date = None
        emitted.sort(key=lambda c: (c.subordinate, c.trigger.i))
        after_known = self._after_known_event(sent)
        for c in emitted:
            dated = self._date(c, sent, claimed)
            offset = self._offset_clause_date(c) if c.subordinate else None
            if offset is not None and (
                dated is None
                or dated.basis in ("context", "publication")
                or _PRECISION_RANK[dated.precision] < _PRECISION_RANK[offset.precision]
            ):
                dated = offset  # "two months after Pashinyan refused to host the drills this year"
            if (
                after_known is not None
                and not c.subordinate
                and c.trigger.i != after_known[1]
                and (dated is None or dated.basis in ("context", "publication"))
            ):
                dated = after_known[0]  # "A year after the Yerevan summit, Pashinyan stayed away"
            if dated is not None and not c.subordinate and self._main_date is None:
                self._main_date = _Dated(dated.value, dated.precision, "context", dated.text)
            if dated is None:
                continue
            if not c.subordinate and dated.basis not in ("context", "publication"):
                main_dates.append(dated)
            elif c.subordinate:
                sub_dates.append(dated)
            if after_known is not None and c.trigger.i == after_known[1]:
                continue  # the earlier happening, already told
            ev = self._event(c, sent, dated)
            if ev is not None:
                events.append(ev)
                self._history.append(
                    _Told(c.etype, dated.value, dated.precision, self._text_of(sent), ev.actors)
                )
                if not c.subordinate and not main_sources:
                    main_sources = list(ev.source_actors)
        if not any(not c.subordinate for c in emitted):
            main_dates = [
                d for d in sub_dates if d.basis not in ("context", "publication", "vague")
            ]
        taken = {c.trigger.i for c in emitted} | ({after_known[1]} if after_known else set())
        events.extend(self._offset_events(sent, taken))
        self.previous_sources = main_sources
        if main_dates:
            d = main_dates[0]
            self.narrative = _Narrative(d.value, d.precision, "context")
            self.story = self.narrative
        elif not events:
            self._note_date(sent)
        self._note_actors(sent)
        return events

    def _note_date(self, sent: Span) -> None:
        """A sentence that yields no event still moves the story to a day or month it names
        with its year ("The attack came in the early hours of 13 September 2022, when ...";
        "More than 200 soldiers were killed" then happened then)."""
        for t, span in self._sentence_timexes(sent):
            if t.type != "DATE" or t.basis not in ("explicit", "relative"):
                continue
            if t.basis == "relative" and self._in_quote_span(span):
                continue  # "today" in a quotation is the speaker's day, not the article's
            d = dates.event_date(t.value)
            # a season is a time the story moves to ("Then came last autumn."), a bare year
            # is often background
            season = t.value[4:7] in ("-SP", "-SU", "-FA", "-WI")
            if d is not None and (d[1] in ("day", "month") or season):
                self.narrative = _Narrative(d[0], d[1], "context")
                self.story = self.narrative
                return

    def _recent(self, tok: Token) -> bool:
        return any(ch.dep_ == "amod" and ch.lower_ in ("recent", "latest") for ch in tok.children)

    def _habitual(self, c: _Candidate) -> bool:
        """ "Skirmishes occur every day": a set expression makes a habit, not a happening; so
        does a state that lasts: "are still negotiating", "has not taken part in any meeting
        for more than a year", "has not paid since February"."""
        for t in self._set_spans:
            if t[1].sent.start == c.trigger.sent.start and self._governor(t[1]).i == c.trigger.i:
                return True
        if c.kind != "verb":
            return False
        verb = c.trigger
        tense = _tense(verb)
        if tense == "present" and any(ch.lower_ == "still" for ch in verb.children):
            return True
        if tense == "perfect" and any(ch.dep_ == "neg" for ch in verb.children):
            for tok in verb.subtree:
                if tok.lower_ in ("for", "since") and tok.dep_ == "prep":
                    objects = [o for o in tok.children if o.dep_ == "pobj"]
                    if any(
                        o.ent_type_ in ("DATE", "TIME") or o.lemma_ in _TIME_UNITS for o in objects
                    ):
                        return True  # "for more than a year", "since February"
        return False

    def _doers(self, verb: Token) -> set[str]:
        """Canonical names of a verb's subject, with their states."""
        subj = next((ch for ch in verb.children if ch.dep_ in _SUBJ_DEPS), None)
        if subj is None:
            return set()
        spans = _name_spans(subj)
        out: set[str] = set()
        for m in self.actor_mentions:
            if any(a <= m.start < b for a, b in spans):
                out.add(m.canonical)
                state = self.gaz.country(m.canonical) or self.gaz.parent(m.canonical)
                if state:
                    out.add(state)
        if subj.lower_ in _PRONOUNS_PERSON and self.last_speaker:
            out.add(self.last_speaker)
            state = self.gaz.country(self.last_speaker)
            if state:
                out.add(state)
        return out

    def _same_doer(self, content: Token, reporter: Token) -> bool:
        """True when the reported act's doer is the reporter or the reporter's state."""
        doers = self._doers(content)
        if not doers:
            return True
        # "…, a Foreign Ministry spokesman confirmed": a speaker of no known side attributes
        # the act, and does not claim it of another.
        reporters = self._doers(reporter)
        return not reporters or bool(doers & reporters)

    def _after_known_event(self, sent: Span) -> tuple[_Dated, int] | None:
        """The date of "a year after the Yerevan summit" when that summit was told, with its
        date, earlier in the article (and the index of the word naming it): the happening
        the sentence tells is then the earlier one's date moved by the offset."""
        for t, span in self._offset_spans:
            if span.sent.start != sent.start or span.end >= len(self.doc):
                continue
            link = self.doc[span.end]
            if link.lower_ not in ("after", "before") or link.dep_ == "mark":
                continue
            target = next(
                (tok for tok in link.subtree if tok.i > link.i and self._noun_type(tok)), None
            )
            if target is None:
                continue
            etype = self._noun_type(target)
            names = [
                ch.text
                for ch in target.children
                if ch.dep_ in ("compound", "amod", "nmod") and ch.pos_ == "PROPN"
            ]
            # "the Yerevan summit": a meeting told in a sentence naming Yerevan; "the
            # fighting": the last military action told, whatever its words
            told = self._last_told(etype, names)
            if told is None:
                continue
            shifted = _shift(told.value, t.value, 1 if link.lower_ == "after" else -1)
            if shifted is None:
                continue
            if shifted[1] == "year" and told.precision != "year" and t.value.endswith("Y"):
                shifted = (shifted[0] + told.value[4:7], "month")  # a year after November
            return _Dated(shifted[0], shifted[1], "relative", t.text), target.i
        return None

    def _last_told(self, etype: str | None, names: Sequence[str] = ()) -> _Told | None:
        """The last event of type ``etype`` told so far in a sentence naming all ``names``."""
        for told in reversed(self._history):
            if told.etype == etype and all(n in told.sentence for n in names):
                return told
        return None

    def _sentence_time(self) -> _Dated | None:
        """The time of the sentence being read: its main clause's date, else the story's."""
        n = self.narrative
        if self._main_date is not None:
            return self._main_date
        return _Dated(n.value, n.precision, "context", None) if n.value and n.precision else None

    def _offset_clause_date(self, c: _Candidate) -> _Dated | None:
        """The date of a clause introduced by an offset ("The move comes two months after
        Pashinyan refused …"): the sentence's own time moved back (or on) by the offset."""
        for t, span in self._offset_spans:
            if span.end >= len(self.doc) or span.sent.start != c.trigger.sent.start:
                continue
            link = self.doc[span.end]
            if link.dep_ != "mark" or link.head.i != c.trigger.i:
                continue
            if link.lower_ not in ("after", "before"):
                continue
            ref = self._sentence_time()
            if ref is None:
                return None
            shifted = _shift(ref.value, t.value, -1 if link.lower_ == "after" else 1)
            if shifted is None:
                return None
            self._used_offsets.add(span.start)
            return _Dated(shifted[0], shifted[1], "relative", t.text)
        return None

    def _offset_events(self, sent: Span, taken: set[int]) -> list[Event]:
        """Happenings dated by an offset from the sentence's own time: "two years after the
        end of the war" (the war ended two years before), "a day after the two countries
        announced a partnership", "three days before the summit"."""
        out: list[Event] = []
        for t, span in self._offset_spans:
            if span.sent.start != sent.start or span.start in self._used_offsets:
                continue
            link = self.doc[span.end]
            if link.lower_ not in ("after", "before"):
                continue
            phrase = list(link.head.subtree) if link.dep_ == "mark" else list(link.subtree)
            phrase = [tok for tok in phrase if tok.i > link.i]
            target = next(
                (
                    tok
                    for tok in phrase
                    if tok.i not in taken
                    and self._noun_type(tok) is not None
                    and not self._in_actor_name(tok)
                ),
                None,
            )
            ref = self._sentence_time()
            if target is None or ref is None:
                continue
            shifted = _shift(ref.value, t.value, -1 if link.lower_ == "after" else 1)
            if shifted is None:
                continue
            c = _Candidate(target, self._noun_type(target) or "other", "noun")
            c.subordinate = True
            ev = self._event(c, sent, _Dated(shifted[0], shifted[1], "relative", t.text))
            if ev is not None:
                out.append(ev)
        return out

    def _embedded_report(self, c: _Candidate) -> bool:
        """A report inside a quotation about what a known third person said ("“The Prime
        Minister of Armenia … said that …,” Peskov said") is an event of its own."""
        if c.kind != "verb" or c.trigger.lemma_.lower() not in self.lex.reporting:
            return False
        if any(
            t.lemma_.lower() in self.lex.reporting and not self._in_quote(t)
            for t in c.trigger.sent
            if t.pos_ == "VERB"
        ):
            return False  # the sentence's own attribution reports the quotation as a whole
        doers = self._doers(c.trigger)
        subj = next((ch for ch in c.trigger.children if ch.dep_ in _SUBJ_DEPS), None)
        if subj is None or subj.lower_ in ("i", "we", "you", "he", "she", "they", "it"):
            return False
        return any(self.gaz.kind(d) == "person" for d in doers)

    def _sentence_ranges(self, sent: Span) -> list[tuple[int, int]]:
        """Attribution and appositive-description ranges of a sentence (computed once)."""
        cached = self._ranges_cache.get(sent.start)
        if cached is None:
            cached = _attribution_ranges(sent) + _descriptor_ranges(sent)
            self._ranges_cache = {sent.start: cached}
        return cached

    def _text_of(self, sent: Span) -> str:
        """``sent.text``, sliced from the document's text instead of rebuilt from the tokens."""
        return self.text[sent.start_char : sent.end_char]

    def _mentions_in(self, sent: Span) -> list[ActorMention]:
        """The actor mentions that start inside a sentence, in order (computed once)."""
        cached = self._mentions_cache.get(sent.start)
        if cached is None:
            lo = bisect.bisect_left(self._mention_starts, sent.start_char)
            hi = bisect.bisect_left(self._mention_starts, sent.end_char, lo)
            cached = self.actor_mentions[lo:hi]
            self._mentions_cache = {sent.start: cached}
        return cached

    def _sentence_timexes(self, sent: Span) -> list[tuple[Timex, Span]]:
        """The calendar expressions of a sentence (computed once)."""
        cached = self._timex_cache.get(sent.start)
        if cached is None:
            cached = [
                (t, s)
                for t, s in self.timex_spans
                if s.start >= sent.start
                and s.end <= sent.end
                and not self._in_name(s)
                and not self._in_dateline(s)
            ]
            self._timex_cache = {sent.start: cached}
        return cached

    def _in_dateline(self, span: Span) -> bool:
        """ "ASTANA, 29.11.2024 — Armenia did not attend …": the date of the dispatch that opens
        a paragraph is when the story was filed, not when what it tells happened."""
        line_start = self.text.rfind("\n", 0, span.start_char) + 1
        head = self.text[line_start : span.start_char]
        tail = self.text[span.end_char : span.end_char + 4].lstrip(" ")
        return bool(_DATELINE_HEAD.fullmatch(head)) and tail[:1] in ("—", "–", "-", "(")

    def _summit_leaders(
        self, c: _Candidate, sent: Span, dated: _Dated, sources: Sequence[str]
    ) -> list[str]:
        """Summits are attended (or skipped) by leaders: a summit involves the leader of the
        state it meets in ("the CSTO summit in Minsk" on 2023-11-23 → Alexander Lukashenko),
        and a state that attends or skips one does so through its leader ("Armenia skipped
        the summit" → Nikol Pashinyan), by the gazetteer's dated offices."""
        if c.etype not in ("meeting", "refusal") or dated.precision == "year":
            return []
        words = {t.lemma_.lower() for t in (c.trigger, *c.extra_tokens)}
        words |= {t.lemma_.lower() for t in c.trigger.subtree if t.dep_ in ("dobj", "pobj")}
        if c.trigger.dep_ in ("relcl", "acl"):
            words.add(c.trigger.head.lemma_.lower())  # "a summit that Armenia skipped"
        if "summit" not in words:
            return []
        when = dates.iso_date(dated.value) or dates.iso_date(dated.value + "-01")
        if when is None:
            return []
        states = [a for a in sources if self.gaz.kind(a) == "state"]
        host = self._summit_host(c, sent) if c.etype == "meeting" else None
        if host is not None:
            states.append(host)
        leaders = (self.gaz.holder("leader", st, when) for st in states)
        return [lead for lead in leaders if lead is not None]

    def _summit_host(self, c: _Candidate, sent: Span) -> str | None:
        """The state a meeting is held in ("in Minsk" → Belarus)."""
        for m in self._mentions_in(sent):
            if m.origin != "metonym":
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ != "in":
                continue
            if self.gaz.kind(m.canonical) != "state":
                continue
            return m.canonical
        return None

    def _known(self, actor: str) -> bool:
        """A gazetteer actor, or an organisation found by the model (an agency, a ministry)."""
        if self.gaz.kind(actor) is not None:
            return True
        return any(
            m.canonical == actor and m.origin == "ner" and not self._is_person(m)
            for m in self.actor_mentions
        )

    def _quotation_before(self, sent: Span, trigger: Token) -> int | None:
        """Start of the quotation an attribution closes, when it opened in an earlier
        sentence: "“…!” (new sentence) Alexander Lukashenko said then." or "… field,” BelTA
        quotes X." — the preceding sentences back to the one that opens the quote."""
        text = self.text[sent.start_char : trigger.idx]
        curly = next((i for i, ch in enumerate(text) if ch in "”»"), -1)
        if curly >= 0:
            if any(ch in "“«" for ch in text[:curly]):
                return None  # the quotation opens and closes in this sentence
        elif text.count('"') % 2 == 1:
            pass  # a straight quote closing here (an odd one before the attribution)
        elif any(ch in _OPENING_QUOTES or ch in _CLOSING_QUOTES for ch in self._text_of(sent)):
            return None
        else:
            # A bare attribution ("Alexander Lukashenko said then.") right after a quotation.
            after = [t for t in sent if t.i > trigger.i and not (t.is_punct or t.is_space)]
            if len(after) > 3 or any(
                ch.dep_ in ("ccomp", "xcomp", "dobj") for ch in trigger.children
            ):
                return None
            before = _last_char(self.text, sent.start_char)
            if not before or before not in _CLOSING_QUOTES:
                return None
        sents = self._sentence_starts
        idx = bisect.bisect_left(sents, sent.start_char) - 1
        for k in range(idx, max(-1, idx - _MAX_QUOTED_SENTENCES), -1):
            start = sents[k]
            head = self.text[start : start + 3].lstrip()
            if head[:1] in _OPENING_QUOTES:
                return start + (len(self.text[start : start + 3]) - len(head))
        return None

    def _participation(self, tok: Token) -> bool:
        lemma = tok.lemma_.lower()
        if lemma == "take":
            return any(c.lower_ == "part" for c in tok.children)
        return lemma in self.lex.participation

    def _negated_by_head(self, c: _Candidate) -> bool:
        own = self._own_flags(c.trigger)
        return "negated" not in own and c.trigger.dep_ == "xcomp"

    def _dated_apart(self, c: _Candidate, r: _Candidate) -> bool:
        """True when the reported act has a full date of its own, told in its own clause, that
        the report does not share."""
        own = self._own_timex(c, inherit=False)
        if own is None or own.basis not in ("explicit", "explicit+pubyear"):
            return False
        return self._own_timex(r, inherit=False) is not own

    def _reports(self, reporter: Token, content: Token) -> bool:
        """True when ``content`` is the clause reported by ``reporter`` (either direction)."""
        t = content
        while t.head.i != t.i:
            if t.head.i == reporter.i:
                return t.dep_ in ("ccomp", "xcomp", "parataxis", "conj", "advcl", "dobj")
            if t.dep_ not in ("conj", "ccomp", "xcomp", "aux", "prep", "pcomp"):
                break
            t = t.head
        t = reporter
        while t.head.i != t.i:
            if t.head.i == content.i:
                if t.dep_ == "conj" and any(ch.dep_ == "ccomp" for ch in reporter.children):
                    return False  # "X refused …, and in 2024 he said that …": its own report
                return t.dep_ in ("ccomp", "parataxis", "advcl", "conj")
            if t.dep_ not in ("conj", "ccomp", "parataxis"):
                break
            t = t.head
        return False

    def _subordinate(
        self, c: _Candidate, by_tok: dict[int, _Candidate], absorbed: set[int]
    ) -> bool:
        """True for nouns and for verbs inside another trigger's clause (coordination with
        a clause of one's own is not subordination: "Russia attended, but Armenia stayed
        away")."""
        if c.kind == "noun":
            return True
        t = c.trigger
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        if t.dep_ in ("relcl", "acl", "advcl", "pcomp"):
            return True
        while t.head.i != t.i:
            t = t.head
            other = by_tok.get(t.i)
            if other is not None and t.i not in absorbed and other is not c:
                return True
        return False

    def _collapse_conjuncts(self, cands: list[_Candidate]) -> list[_Candidate]:
        keep: list[_Candidate] = []
        for c in cands:
            t = c.trigger
            head = next((k for k in keep if k.trigger.i == t.head.i), None)
            if (
                c.kind == "verb"
                and t.dep_ == "conj"
                and head is not None
                and not any(ch.dep_ in _SUBJ_DEPS for ch in t.children)
                and self._own_timex(c, inherit=False) is None
            ):
                # "discussed it with Putin, and later held a call with Lukashenko": a sequence
                # of two happenings; otherwise one happening told with two verbs.
                if any(ch.lower_ in _SEQUENCE_ADVERBS for ch in t.children) or head.etype not in (
                    c.etype,
                    "other",
                ):
                    c.own_clause = True
                    head.exclude.append(t)
                else:
                    head.extra_tokens.append(t)
                    continue
            keep.append(c)
        return keep

    # -- dates --------------------------------------------------------------------------------

    def _governor(self, span: Span) -> Token:
        """The verb or event noun a temporal expression modifies."""
        inside = {tok.i for tok in span}
        t = span.root
        while t.head.i != t.i:
            t = t.head
            if t.i in inside:
                continue
            if t.pos_ in ("VERB", "AUX") or self._noun_type(t) is not None:
                return t
        return t

    def _via_temporal_prep(self, noun: Token, trigger: Token) -> bool:
        """True when ``noun`` is the object of a temporal preposition of ``trigger``."""
        t = noun
        while t.head.i != t.i and t.i != trigger.i:
            if t.dep_ == "pobj" and t.head.lower_ in _TEMPORAL_PREPS:
                return True
            t = t.head
        return False

    def _attached(self, tok: Token, trigger: Token) -> bool:
        """True when ``tok`` hangs under ``trigger`` (or the root the trigger heads) through
        phrases only, crossing no clause boundary."""
        t = tok
        while t.head.i != t.i:
            participial = t.dep_ == "advcl" and not any(
                c.dep_ in _SUBJ_DEPS or c.dep_ == "mark" for c in t.children
            )
            if (t.dep_ in _CLAUSE_DEPS or t.dep_ in ("conj", "relcl")) and not participial:
                return False
            t = t.head
            if t.i == trigger.i:
                return True
        return t.i == trigger.i or (trigger.dep_ == "ROOT" and t.i == trigger.i)

    def _in_name(self, span: Span) -> bool:
        """A year inside a proper name ("Eagle Partner 2023 exercises") is not a date."""
        if len(span) != 1:
            return False
        tok = span[0]
        if not tok.like_num:
            return False
        left = tok.nbor(-1) if tok.i > 0 else None
        return left is not None and left.pos_ == "PROPN" and left.ent_type_ not in ("DATE",)

    def _own_timex(self, c: _Candidate, *, inherit: bool = True) -> Timex | None:
        owners = {c.trigger.i} | {t.i for t in c.extra_tokens}
        if (
            inherit
            and c.kind == "verb"
            and c.trigger.dep_ == "conj"
            and not (
                any(ch.dep_ in _SUBJ_DEPS for ch in c.trigger.children)
                and _tense(c.trigger) != _tense(c.trigger.head)
            )
        ):
            # coordinated verbs share their time ("crossed and dug in"), unless a clause of
            # its own tells another time ("froze in February, and he has said since")
            owners.add(c.trigger.head.i)
        if c.kind == "verb":
            # "decided on Wednesday not to attend": the deciding verb's date is the act's
            h = c.trigger.head
            if c.trigger.dep_ == "xcomp" and h.pos_ == "VERB" and self._verb_type(h) is None:
                owners.add(h.i)
            # "refused to attend the summit on 23 November": the infinitive's date is the act's
            for x in c.trigger.children:
                if x.dep_ == "xcomp":
                    owners.add(x.i)
                    owners.update(y.i for y in x.children if y.dep_ == "xcomp")
            # "refused to sign the declaration at the summit hosted by Yerevan in November
            # 2022": an act at a meeting takes the meeting's date
            for h in [c.trigger, *(x for x in c.trigger.children if x.dep_ == "xcomp")]:
                for p in h.children:
                    if p.dep_ != "prep" or p.lower_ not in ("at", "during"):
                        continue
                    for n in p.children:
                        if n.dep_ == "pobj" and self._noun_type(n) == "meeting":
                            owners.add(n.i)
                            owners.update(a.i for a in n.children if a.dep_ == "acl")
        sent = c.trigger.sent
        if c.kind == "noun":
            # An event noun governed by a verb that is no event ("referring to the boycott
            # in November") takes that verb's date.
            h = c.trigger.head
            if c.trigger.dep_ == "pobj" and h.dep_ == "prep":
                h = h.head
            if h.pos_ in ("VERB", "AUX") and self._verb_type(h) is None:
                owners.add(h.i)
        # "since February, when the prime minister announced …": a relative clause of a date
        # happens then.
        date_heads = {
            o.head.i for o in (c.trigger, *c.extra_tokens) if o.dep_ == "relcl" and o.head.i < o.i
        }
        best: tuple[int, int, Timex] | None = None
        for t, span in self._sentence_timexes(sent):
            if self._in_quote_span(span) and not c.in_quote:
                continue
            gov = self._governor(span)
            if gov.i in owners or (date_heads and span.root.i in date_heads):
                key = (-len(t.value), span.start)  # the finest; of a range, its start
                if best is None or key < best[:2]:
                    best = (key[0], key[1], t)
        return best[2] if best else None

    def _date(self, c: _Candidate, sent: Span, claimed: set[int]) -> _Dated | None:
        own = self._own_timex(c)
        if own is not None:
            d = dates.event_date(own.value)
            if d is not None:
                if d[1] == "year" and c.kind == "verb" and not c.subordinate:
                    told = self._told_meeting(c)  # "the session, in the current year, …"
                    if told is not None and told.value.startswith(d[0]):
                        return told
                return _Dated(d[0], d[1], _basis(own), own.text, own.mod, own.anaphoric)
        if c.kind == "noun":
            if self.published and any(
                ch.dep_ == "amod" and ch.lower_ in ("recent", "latest") for ch in c.trigger.children
            ):
                return _Dated(self.published[:4], "year", "vague", None)
            return None
        # Another date of the sentence that modifies no other verb: an adverbial of the main
        # clause, or the date of an event noun in an adjunct ("following the bombings in
        # September 2022, Armenia preferred ...").
        if not c.subordinate:
            for t, span in self._sentence_timexes(sent):
                if self._in_quote_span(span) and not c.in_quote:
                    continue
                gov = self._governor(span)
                owners = [c.trigger, *c.extra_tokens]
                if gov.i not in {o.i for o in owners} and not any(
                    self._attached(gov, o) for o in owners
                ):
                    continue
                if id(t) in claimed and (
                    self._noun_type(gov) is None or not self._via_temporal_prep(gov, c.trigger)
                ):
                    continue
                d = dates.event_date(t.value)
                if d is not None:
                    return _Dated(d[0], d[1], "context", t.text, t.mod)
        if c.subordinate and self._main_date is None:
            root = sent.root
            for t, span in self._sentence_timexes(sent):
                if self._governor(span).i == root.i and self._verb_type(root) is None:
                    d = dates.event_date(t.value)
                    if d is not None:
                        return _Dated(d[0], d[1], _basis(t), t.text, t.mod)
        clause = next(
            (tok for tok in (c.trigger, c.reporter) if tok is not None and _when_clause(tok)), None
        )
        if clause is not None:
            head = clause.head
            for t, span in self._sentence_timexes(sent):
                if self._governor(span).i == head.i:
                    d = dates.event_date(t.value)
                    if d is not None:
                        return _Dated(d[0], d[1], _basis(t), t.text, t.mod)
        if c.subordinate:
            return (
                self._main_date
                if c.etype != "statement"
                and _tense(c.trigger)
                in (
                    "past",
                    "perfect",
                )
                else None
            )
        if not c.subordinate:
            told = self._told_meeting(c)
            if told is not None:
                return told  # "Putin, speaking at the session, declared …"
        if any(ch.lower_ in _BACKGROUND_ADVERBS for ch in c.trigger.children):
            return None
        if any(ch.lower_ == "then" and ch.dep_ == "advmod" for ch in c.trigger.children) or (
            _at_that_time(c.trigger)
        ):
            n = self.story  # "…, he said then": the story's time, even across paragraphs
            if n.value and n.precision:
                self.narrative = n  # and what follows goes on in that time
                return _Dated(n.value, n.precision, "context", None)
        tense = _tense(c.trigger)
        if tense in ("present", "perfect") and self.published:
            return _Dated(self.published, "day", "publication", None)
        n = self.narrative
        if n.value and n.precision:
            return _Dated(n.value, n.precision, n.basis, None)
        return None

    def _told_meeting(self, c: _Candidate) -> _Dated | None:
        """The date of a meeting told earlier in the article that an undated clause refers to
        with a definite description: "The session was chaired by …", "speaking at the
        summit, Putin declared …", "during the talks, …"."""
        heads = [c.trigger]
        heads += [
            ch
            for ch in c.trigger.children
            if ch.dep_ == "advcl"
            and not any(g.dep_ in _SUBJ_DEPS or g.dep_ == "mark" for g in ch.children)
        ]
        nouns: list[Token] = []
        for h in heads:
            for ch in h.children:
                if ch.dep_ in ("nsubj", "nsubjpass") and h.i == c.trigger.i:
                    nouns.append(ch)
                elif ch.dep_ == "prep" and ch.lower_ in ("at", "during"):
                    nouns.extend(g for g in ch.children if g.dep_ == "pobj")
        for noun in nouns:
            if self._noun_type(noun) != "meeting" or not any(
                d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in noun.children
            ):
                continue
            if any(
                ch.dep_ in ("amod", "compound") and ch.lower_ in _NOT_TOLD for ch in noun.children
            ):
                continue  # "the next session" is another one
            told = self._last_told("meeting")
            if told is None:
                return None
            # told again as a meeting, the same happening: its participants too
            actors = told.actors if c.etype == "meeting" else ()
            return _Dated(told.value, told.precision, "context", None, told_actors=actors)
        return None

    # -- actors -------------------------------------------------------------------------------

    def _scope(self, c: _Candidate, sent: Span) -> list[tuple[int, int]]:
        """Character ranges whose actors belong to the event: the whole sentence for a main
        verb; for a subordinate event its own phrase, the noun it modifies and the subject
        of the verb it completes."""
        if c.kind == "verb" and not c.subordinate and c.own_clause:
            t = c.trigger
            subjects = [ch for ch in t.head.children if ch.dep_ in _SUBJ_DEPS]
            return [
                (t.left_edge.idx, t.right_edge.idx + len(t.right_edge)),
                *((s.left_edge.idx, s.right_edge.idx + len(s.right_edge)) for s in subjects),
            ]
        if c.kind == "verb" and not c.subordinate:
            if not c.exclude:
                return [(sent.start_char, sent.end_char)]
            cuts = sorted(
                (x.left_edge.idx, x.right_edge.idx + len(x.right_edge)) for x in c.exclude
            )
            out: list[tuple[int, int]] = []
            pos = sent.start_char
            for a, b in cuts:
                if a > pos:
                    out.append((pos, a))
                pos = max(pos, b)
            out.append((pos, sent.end_char))
            return out
        ranges: list[tuple[int, int]] = []
        for t in (c.trigger, *c.extra_tokens):
            ranges.append((t.left_edge.idx, t.right_edge.idx + len(t.right_edge)))
            if t.dep_ in ("acl", "relcl"):
                h = t.head
                ranges.append((h.left_edge.idx, h.right_edge.idx + len(h.right_edge)))
                if h.dep_ == "appos":  # "the CSTO, a defence alliance formed in 1992"
                    ranges.extend(_name_spans(h.head))
        t = c.trigger
        while t.dep_ in ("xcomp", "conj", "ccomp") and t.head.i != t.i:
            t = t.head
            for ch in t.children:
                if ch.dep_ in _SUBJ_DEPS:
                    ranges.append((ch.left_edge.idx, ch.right_edge.idx + len(ch.right_edge)))
        return ranges

    def _event_actors(self, c: _Candidate, sent: Span) -> tuple[list[str], list[str], list[str]]:
        ranges = self._scope(c, sent)
        subj_ranges: list[tuple[int, int]] = []
        obj_ranges: list[tuple[int, int]] = []
        heads = [c.trigger, *([c.reporter] if c.reporter is not None else [])]
        doer = c.trigger
        while not any(ch.dep_ in _SUBJ_DEPS for ch in doer.children) and doer.dep_ in (
            "xcomp",
            "conj",
        ):
            doer = doer.head
        if c.kind == "noun":
            doer = c.trigger
        quoting = c.trigger.lemma_.lower() in ("quote", "cite")
        for h in {doer.i: doer, c.trigger.i: c.trigger}.values():
            for ch in h.children:
                rng = (ch.left_edge.idx, ch.right_edge.idx + len(ch.right_edge))
                if quoting and (ch.dep_ == "dobj" or ch.dep_ in _SUBJ_DEPS):
                    # "BelTA quotes CSTO spokesman X": the person quoted is the speaker
                    subj_ranges.extend(_name_spans(ch))
                elif ch.dep_ in _SUBJ_DEPS or (
                    c.kind == "noun" and ch.dep_ in ("poss", "compound")
                ):
                    subj_ranges.extend(_name_spans(ch))
                elif ch.dep_ in ("dobj", "dative", "attr") or ch.dep_ == "prep":
                    obj_ranges.append(rng)
        if not subj_ranges and c.kind == "verb":
            from cstotimeline.summary import misparsed_subject

            hidden = misparsed_subject(doer)
            if hidden is not None:
                subj_ranges.extend(_name_spans(hidden))
            else:
                subj_ranges.extend(self._subject_after_date(doer))
        attrib = self._sentence_ranges(sent)
        dobj_ranges = [
            (ch.left_edge.idx, ch.right_edge.idx + len(ch.right_edge))
            for h in (c.trigger, *c.extra_tokens)
            for ch in h.children
            if ch.dep_ == "dobj"
        ]
        found: list[str] = []
        sources: list[str] = []
        targets: list[str] = []
        is_meeting = c.etype == "meeting"
        for m in self._mentions_in(sent):
            if not any(a <= m.start < b for a, b in ranges):
                continue
            if any(a <= m.start < b for a, b in attrib):
                continue
            canon = self._canonical_in_context(m, is_meeting)
            if (
                canon is None
                and m.origin == "demonym"
                and c.etype in _HAPPENINGS
                and any(a <= m.start < b for a, b in dobj_ranges)
            ):
                canon = m.canonical  # the target of an act: "attacked Armenian towns"
            if canon is None:
                continue
            found.append(canon)
            if any(a <= m.start < b for a, b in subj_ranges):
                sources.append(canon)
            elif any(a <= m.start < b for a, b in obj_ranges):
                targets.append(canon)
        if not found and c.subordinate:
            for m in self._mentions_in(sent):
                if not any(a <= m.start < b for a, b in attrib):
                    canon = self._canonical_in_context(m, is_meeting)
                    if canon:
                        found.append(canon)
        # Definite descriptions of an organisation ("the alliance") and pronouns.
        for mt in _ORG_ANAPHOR.finditer(self._text_of(sent)):
            start = sent.start_char + mt.start()
            if any(a <= start < b for a, b in ranges) and self.orgs_seen:
                found.append(self.orgs_seen[-1])
                if any(a <= start < b for a, b in subj_ranges):
                    sources.append(self.orgs_seen[-1])
            elif any(a <= start < b for a, b in ranges) and self.has_csto:
                found.append(CSTO)
        # "Yerevan accuses its allies of ignoring Azerbaijan's attack on its territory": the
        # state that owns the territory is the clause's subject.
        possessives = (
            [tok for tok in sent if tok.dep_ == "poss"] if _ITS.search(self._text_of(sent)) else []
        )
        for tok in possessives:
            if (
                tok.lower_ in ("its", "their")
                and tok.head.lemma_.lower() in _STATE_POSSESSIONS
                and any(a <= tok.idx < b for a, b in ranges)
            ):
                owner = self._subject_state(sent)
                if owner is not None:
                    found.append(owner)
                    if any(a <= tok.idx < b for a, b in obj_ranges) and owner not in sources:
                        targets.append(owner)
        for h in heads:
            for ch in h.children:
                if ch.dep_ in ("nsubj", "nsubjpass") and ch.lower_ in _PRONOUNS_PERSON:
                    person = self._previous_person(ch)
                    if person:
                        found.append(person)
                        if h.i == doer.i:
                            sources.append(person)
                elif (
                    ch.dep_ == "nsubjpass"
                    and ch.lower_ in ("this", "that", "it")
                    and h.i == doer.i
                    and self.previous_sources
                ):
                    # "This was communicated to Lukashenko": the previous sentence's act,
                    # told again by the same doer.
                    sources.extend(self.previous_sources)
                    found.extend(self.previous_sources)
        # Countries of people and parents of bodies.
        expanded: list[str] = []
        for a in found:
            kind = self.gaz.kind(a)
            if kind not in ("document", "body"):
                expanded.append(a)  # a body is listed as its state or organisation
            country = self.gaz.country(a)
            if country:
                expanded.append(country)
            parent = self.gaz.parent(a)
            if parent:
                expanded.append(parent)
        if quoting and any(self.gaz.kind(a) == "person" for a in sources):
            sources = [a for a in sources if self.gaz.kind(a) == "person"]
        return _unique(expanded), _unique(sources), _unique(t for t in targets if t not in sources)

    def _subject_state(self, sent: Span) -> str | None:
        """The state named as the subject of the sentence's main clause, if one is."""
        subj = next((ch for ch in sent.root.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return None
        spans = _name_spans(subj)
        for m in self._mentions_in(sent):
            if any(a <= m.start < b for a, b in spans):
                state = m.canonical if self.gaz.kind(m.canonical) == "state" else None
                state = state or self.gaz.country(m.canonical)
                if state:
                    return state
        return None

    def _subject_after_date(self, verb: Token) -> list[tuple[int, int]]:
        """Repair a common misparse of a fronted date without a comma: in "in September
        Armenia and the United States carried out …" the small model reads "September Armenia
        and the United States" as the object of "in"; the names after the date are the subject."""
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.i > verb.i:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                lo, hi = pobj.left_edge.idx, pobj.right_edge.idx + len(pobj.right_edge)
                for t, _span in self.timex_spans:
                    if lo <= t.start < hi and t.end < hi:
                        return [(t.end, hi)]
        return []

    def _canonical_in_context(self, m: ActorMention, is_meeting: bool) -> str | None:
        if m.kind == "region" or self.gaz.kind(m.canonical) == "region":
            # A place is not an actor, but a happening there involves its state.
            return self.gaz.country(m.canonical)
        if m.origin == "ner" and any(
            t.start < m.end and m.start < t.end for t, _s in self.timex_spans
        ):
            return None
        if m.origin in ("metonym", "demonym"):
            tok = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if tok is None:
                return None
            from cstotimeline.actors import is_agentive

            if is_agentive(tok.root):
                return m.canonical
            if (
                is_meeting
                and m.origin == "metonym"
                and tok.root.dep_ == "pobj"
                and self.gaz.kind(m.canonical) == "state"
            ):
                return m.canonical  # the host country of a meeting "in Minsk"
            return None
        if m.origin == "ner" and m.kind == "unknown":
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                return None
            if span.root.ent_type_ != "PERSON" and span.root.dep_ not in _SUBJ_DEPS:
                return None  # unknown organisations and places count only as doers
        return m.canonical

    def _unknown_speaker(self, c: _Candidate) -> bool:
        """True when the subject of a statement is a person the gazetteer does not know
        ("Yelena Sokolova, a specialist, said"), or a pronoun standing for the last such
        speaker. The speaker is remembered, so that "she said" after it is hers too."""
        verb = c.reporter if c.reporter is not None else c.trigger
        subj = next((ch for ch in verb.children if ch.dep_ in _SUBJ_DEPS), None)
        if subj is None:
            return False
        if subj.lower_ in _PRONOUNS_PERSON:
            return self.last_speaker is not None and not self._known(self.last_speaker)
        spans = _name_spans(subj)
        mentions = [
            m for m in self._mentions_in(verb.sent) if any(a <= m.start < b for a, b in spans)
        ]
        if any(m.kind == "person" for m in mentions):
            return False
        for m in mentions:
            if m.origin == "ner" and (self._is_person(m) or m.text in self._person_surnames):
                self.last_speaker = m.canonical
                return True
        return False

    @functools.cached_property
    def _person_surnames(self) -> frozenset[str]:
        """Last words of the full names of people the model found ("Tigran Avetisyan"): the
        bare surname later ("Avetisyan said") is that person, whatever the model calls it."""
        return frozenset(
            m.text.split()[-1]
            for m in self.actor_mentions
            if m.origin == "ner" and len(m.text.split()) > 1 and self._is_person(m)
        )

    def _previous_person(self, pron: Token) -> str | None:
        if self.last_speaker is not None and pron.head.lemma_.lower() in self.lex.reporting:
            return self.last_speaker
        best: str | None = None
        for m in self.actor_mentions:
            if m.start >= pron.idx:
                break
            if m.kind == "person" or (m.origin == "ner" and self._is_person(m)):
                best = m.canonical
        return best or self.last_person

    def _is_person(self, m: ActorMention) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and span.root.ent_type_ == "PERSON"

    def _note_actors(self, sent: Span) -> None:
        for m in self._mentions_in(sent):
            kind = self.gaz.kind(m.canonical)
            if kind in ("organisation",) and m.canonical not in ("European Union",):
                self.orgs_seen.append(m.canonical)
            if kind == "person":
                self.last_person = m.canonical

    # -- records ------------------------------------------------------------------------------

    def _event(self, c: _Candidate, sent: Span, dated: _Dated) -> Event | None:
        actors, sources, targets = self._event_actors(c, sent)
        if dated.told_actors:
            actors = _unique([*dated.told_actors, *actors])
        for leader in self._summit_leaders(c, sent, dated, sources):
            if leader not in actors:
                actors.append(leader)
        if c.etype == "statement" and self._unknown_speaker(c):
            return None  # an analyst or witness the gazetteer does not know, or "she" after one
        if c.etype == "statement" and not any(self._known(a) for a in sources):
            # A statement nobody is known to have made, or made only by people the gazetteer
            # does not know (commentators, analysts), is not an event of the chronology.
            return None
        persons = [a for a in sources if self.gaz.kind(a) == "person"]
        if persons:
            self.last_speaker = persons[0]
        if (
            c.etype == "membership_change"
            and self.has_csto
            and not any(self.gaz.kind(a) == "organisation" for a in actors)
            and _MEMBERSHIP_WORDS.search(self._text_of(sent))
        ):
            actors.append(CSTO)  # "Uzbekistan suspended its membership" in an article on the CSTO
        off = self.document.offset + self.base
        start_char = sent.start_char
        if c.etype == "statement" and c.trigger.lemma_.lower() in self.lex.reporting:
            quote_start = self._quotation_before(sent, c.trigger)
            if quote_start is not None:
                start_char = quote_start  # "“…!” Alexander Lukashenko said then."
                for m in self.actor_mentions:
                    if not quote_start <= m.start < sent.start_char:
                        continue
                    # names, and phrases that name a state ("the Armed Forces of Armenia");
                    # not bare capitals, which are places as often as actors
                    if m.origin == "gazetteer" or (m.origin == "metonym" and " " in m.text):
                        kind = self.gaz.kind(m.canonical)
                        if kind in ("state", "organisation", "person"):
                            actors.append(m.canonical)
                        elif kind == "body":  # "the Armed Forces of Armenia" → Armenia
                            owner = self.gaz.country(m.canonical) or self.gaz.parent(m.canonical)
                            if owner:
                                actors.append(owner)
                actors = _unique(actors)
        sent_text = self.text[start_char : sent.end_char]
        sent_text = sent_text[: len(sent_text.rstrip())] if sent_text.strip() else sent_text
        mention = Mention(
            source=self.document.source,
            published=self.published,
            published_basis=self.document.published_basis,
            sentence=sent_text,
            start=off + start_char,
            end=off + start_char + len(sent_text),
            date_text=dated.text,
            trigger=c.trigger.lemma_.lower(),
            date=dated.value,
            date_precision=dated.precision,
            date_basis=dated.basis,
            event_type=c.etype,
            actors=tuple(actors),
            source_actors=tuple(sources),
            target_actors=tuple(targets),
            modality=c.modality,
            summary=summarize(c, sent, self, sources),
            confidence=_confidence(c, dated, actors),
            date_mod=dated.mod,
            shifted=dated.shifted,
            source_states=tuple(
                dict.fromkeys(
                    st
                    for a in sources
                    if (st := self.gaz.country(a) or self.gaz.parent(a)) is not None
                )
            ),
        )
        return aggregate([mention], self.gaz)


# -- helpers ------------------------------------------------------------------------------------


def _basis(t: Timex) -> str:
    if t.basis in ("explicit", "explicit+pubyear", "relative", "vague"):
        return t.basis
    return "relative"


def _tense(tok: Token) -> str:
    """past | perfect | present | future | other, of a verb with its auxiliaries."""
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if tok.dep_ == "conj" and not auxes:
        auxes = [c for c in tok.head.children if c.dep_ in ("aux", "auxpass")]
        tag = tok.head.tag_ if tok.tag_ == "VBN" else tok.tag_
    else:
        tag = tok.tag_
    lowers = [a.lower_ for a in auxes]
    if any(a in ("will", "shall", "'ll") for a in lowers):
        return "future"
    if any(a in ("has", "have", "'ve", "'s") for a in lowers) and tag == "VBN":
        return "perfect"
    if any(a.tag_ == "VBD" for a in auxes) or tag == "VBD":
        return "past"
    if any(a.tag_ in ("VBZ", "VBP") for a in auxes) or tag in ("VBZ", "VBP"):
        return "present"
    if tag == "VBN":
        return "past"
    return "other"


_NAME_DEPS = frozenset({"compound", "flat", "amod", "det", "poss", "nmod", "nummod", "case"})


def _name_spans(tok: Token) -> list[tuple[int, int]]:
    """Character ranges naming who a subject is: its head with its name modifiers, and its
    appositions ("the spokesman for the Presidency, Dmitry Peskov"); not its clauses or
    prepositional phrases ("press secretary of Vladimir Putin", "saying goodbye to Putin")."""
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


def _with_body_coreference(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
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


def _with_head_coreference(mentions: list[ActorMention]) -> list[ActorMention]:
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


def _clause_tense(tok: Token) -> str:
    """The tense of a verb, or for an infinitive complement ("decided to send") the tense of
    the verb it completes."""
    t = tok
    while t.dep_ == "xcomp" and t.tag_ == "VB" and t.head.i != t.i:
        t = t.head
    return _tense(t)


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech. Curly and straight marks may be mixed; a quotation that is not
    closed ends with its paragraph (news style reopens a quote in each paragraph)."""
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        if text[i] not in _OPENING_QUOTES:
            i += 1
            continue
        para_end = text.find("\n", i)
        if para_end == -1:
            para_end = n
        j = i + 1
        while j < para_end and text[j] not in _CLOSING_QUOTES:
            j += 1
        end = min(j + 1, para_end)
        if j >= para_end:
            # A quotation over several paragraphs that are not reopened ends at the next
            # quotation mark when that mark can only close one.
            k = para_end
            while k < n and k - i <= _MAX_QUOTE and text[k] not in _QUOTE_MARKS:
                k += 1
            if k < n and k - i <= _MAX_QUOTE and text[k] in _ONLY_CLOSING:
                end = k + 1
        words = len(text[i + 1 : end - 1].split())
        if end - i <= _MAX_QUOTE and words > _SCARE_QUOTE_WORDS:
            spans.append((i, end))  # a quoted word or two ("frozen") is not speech
        i = end
    return spans


def _last_char(text: str, end: int) -> str:
    """The last character of ``text[:end]`` that is not white space ("" if none): as
    ``text[:end].rstrip()[-1:]``, without copying the text."""
    i = min(end, len(text)) - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


def _attribution_ranges(sent: Span) -> list[tuple[int, int]]:
    """Character ranges of "according to X", "quoted by X", "(Reuters)" attributions."""
    out: list[tuple[int, int]] = []
    end = sent.end
    for tok in sent:
        lower = tok.lower_
        if lower == "according" and tok.i + 1 < end:
            nxt = tok.nbor(1)
            if nxt.lower_ == "to":
                out.append((tok.idx, nxt.right_edge.idx + len(nxt.right_edge)))
        if lower in ("citing", "quoting") or (
            lower in ("quoted", "cited") and tok.i + 1 < end and tok.nbor(1).lower_ == "by"
        ):
            out.append((tok.idx, tok.right_edge.idx + len(tok.right_edge)))
    return out


_OFFSET = re.compile(r"^P(\d+)([YMWD])$")


def _shift(value: str, duration: str, sign: int) -> tuple[str, str] | None:
    """``value`` moved by ``sign`` × ``duration`` (P2Y, P1D, …), at the precision both allow:
    a year offset gives a year, a month offset at most a month."""
    import datetime as _dt

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
        moved = _dt.date(y, mo, d) + _dt.timedelta(days=days)
        return moved.isoformat(), "day"
    except (ValueError, OverflowError):
        return None


def _at_that_time(verb: Token) -> bool:
    """ "At the time, Azerbaijani troops had pushed into Armenia": the time just told."""
    for head in (verb, verb.head if verb.dep_ == "conj" else verb):
        for ch in head.children:
            if ch.dep_ == "prep" and ch.lower_ == "at":
                for obj in ch.children:
                    if (
                        obj.dep_ == "pobj"
                        and obj.lower_ == "time"
                        and any(d.lower_ in ("the", "that") for d in obj.children)
                    ):
                        return True
    return False


def _when_clause(tok: Token) -> bool:
    """A clause that happens at the time of its head ("… spiked this week when troops
    clashed")."""
    return tok.dep_ == "advcl" and any(
        ch.dep_ in ("mark", "advmod") and ch.lower_ in ("when", "as", "while")
        for ch in tok.children
    )


def _descriptor_ranges(sent: Span) -> list[tuple[int, int]]:
    """Appositive descriptions of a person ("Dmitry Peskov, press secretary of Vladimir
    Putin"): the people they mention are not participants."""
    out: list[tuple[int, int]] = []
    for tok in sent:
        if tok.dep_ == "appos" and tok.pos_ == "NOUN" and tok.head.pos_ == "PROPN":
            out.append((tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)))
    return out


def _unique(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for x in items:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def _confidence(c: _Candidate, dated: _Dated, actors: list[str]) -> float:
    score = {
        "explicit": 0.9,
        "explicit+pubyear": 0.85,
        "relative": 0.8,
        "vague": 0.6,
        "context": 0.65,
        "publication": 0.6,
    }.get(dated.basis, 0.5)
    if c.kind == "noun":
        score -= 0.05
    if c.etype == "other":
        score -= 0.1
    if not actors:
        score -= 0.15
    if c.modality != "asserted":
        score -= 0.1
    return round(max(0.05, min(score, 0.99)), 2)


def relevance_of(actors: Sequence[str], gaz: Gazetteer) -> str:
    """``core``: the CSTO (or one of its bodies or officials) is involved; ``context``: Armenia
    is involved; ``other`` otherwise."""
    for a in actors:
        if a == CSTO or gaz.parent(a) == CSTO:
            return "core"
    if ARMENIA in actors or "Nagorno-Karabakh Republic" in actors:
        return "context"
    return "other"


def summarize(c: _Candidate, sent: Span, ctx: _DocContext, sources: Sequence[str]) -> str:
    """A one-line summary from the parse: actor, (negation), trigger, object."""
    from cstotimeline.summary import build_summary

    speaker = None
    if c.reporter is not None:
        for ch in c.reporter.children:
            if ch.dep_ in _SUBJ_DEPS:
                spans = _name_spans(ch)
                for m in ctx.actor_mentions:
                    if any(a <= m.start < b for a, b in spans):
                        speaker = m.canonical
                        break
                if speaker is None and ch.lower_ in _PRONOUNS_PERSON:
                    speaker = ctx.last_speaker
    if c.kind == "verb" and ctx._verb_type(c.trigger) is None and c.extra_tokens:
        # "the absence of Armenia has left …": the happening is the noun
        noun = c.extra_tokens[0]
        return build_summary(noun, "noun", c.etype, [], sources, ctx._sentence_timexes(sent))
    return build_summary(
        c.trigger,
        c.kind,
        c.etype,
        [*c.extra_tokens],
        sources,
        ctx._sentence_timexes(sent),
        reporter=c.reporter,
        speaker=speaker,
    )


def merge_within_document(events: list[Event]) -> list[Event]:
    """Join reports of one happening within a document ("… said then")."""
    from cstotimeline.chronology import merge_events

    return merge_events(events, relevance=None)


def aggregate(mentions: Sequence[Mention], gaz: Gazetteer) -> Event:
    from cstotimeline.chronology import aggregate as _aggregate

    return _aggregate(mentions, lambda actors: relevance_of(actors, gaz))


__all__ = ["extract_events", "relevance_of"]
