"""One-sentence event summaries built from the dependency parse.

A summary is one short sentence in the past tense: the doer, the verb group, the object or
complement and at most one phrase naming a participant or a place ("Armenia refused to sign
the CSTO declaration", "The CSTO summit was held in Minsk"). It is composed from the trigger's
clause, not cut out of the sentence:

- **Subject.** The clause's subject (a relative pronoun stands for the noun it modifies, a
  pronoun for the subject of the clause it reports or completes, or for the doer the
  participants found); names the gazetteer knows are written canonically ("Pashinián" →
  "Nikol Pashinyan", "the Collective Security Treaty Organization (CSTO)" → "the CSTO"), in
  the object too.
- **Verb group.** Simple past ("has frozen" → "froze", "refuses" → "refused"), "did not"
  before a negated verb, a modal in its past form ("will" → "would", "can" → "could"), the
  passive as "was/were" + participle ("was held"), or as the active when its agent is named
  ("hosted by Belarus" → "Belarus hosted …"). A verb completing another ("decided to send",
  "is going to attend") keeps its governor ("decided to send", "would attend").
- **Complements.** The object, an infinitive complement, a reported clause (after "that",
  in the past: "said that Armenia would not host the drills") and one prepositional phrase
  (to, with, from, against, in, at, …). Dates, quotation marks, relative clauses and
  parentheticals are left out.
- **Nouns.** An event noun is summarised through the clause it is the subject or object
  of ("the breach began", "Armenia boycotted the summit"); else as "<the noun phrase> took
  place" (or "was signed", "was adopted", or "<its agent> made an appeal").

A summary longer than :data:`MAX_WORDS` words is rebuilt with shorter phrases; no word is
ever cut. :func:`fragment_reasons` is the check that a summary is a sentence
(``scripts/fragments.py`` measures it over a corpus).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from cstotimeline.records import Timex

MAX_WORDS = 22
_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})
# Children kept inside a noun phrase.
_NP_KEEP = frozenset(
    {
        "det",
        "amod",
        "compound",
        "poss",
        "nummod",
        "case",
        "nmod",
        "prep",
        "pobj",
        "quantmod",
        "cc",
        "conj",
        "flat",
        "hmod",
        "hyph",
        "punct",
        "appos",
    }
)
_QUOTES = frozenset({"“", "”", '"', "«", "»", "‘", "’", "``", "''", "„"})
# Prepositions whose phrase names a participant or a place.
_PREPS = (
    "to",
    "with",
    "from",
    "against",
    "in",
    "at",
    "into",
    "onto",
    "on",
    "for",
    "over",
    "about",
    "between",
    "among",
    "under",
    "within",
    "along",
    "across",
    "near",
    "through",
    "toward",
    "towards",
    "beyond",
    "outside",
    "inside",
)
# Adverbs a verb needs to say what happened ("went further", "stayed away from").
_ADVERB_PARTICLES = frozenset(
    {"away", "further", "back", "ahead", "abroad", "home", "together", "forward", "aside"}
)
# Determiners and pronouns whose "of" phrase is their content ("any of the drills").
_QUANTIFIERS = frozenset({"any", "some", "one", "all", "none", "each", "most", "many", "part"})
_NP_PREPS = ("of", "between", "with", "to", "from", "against", "in", "on", "for", "at")
_MODAL_PAST = {
    "will": "would",
    "'ll": "would",
    "wo": "would",
    "shall": "would",
    "can": "could",
    "ca": "could",
    "may": "might",
    "would": "would",
    "could": "could",
    "might": "might",
    "should": "should",
    "must": "had to",
    "'d": "would",
}
_REPORTING = frozenset(
    {
        "say",
        "tell",
        "announce",
        "state",
        "declare",
        "claim",
        "warn",
        "note",
        "stress",
        "add",
        "confirm",
        "assure",
        "suggest",
        "report",
        "deny",
        "admit",
        "insist",
        "explain",
        "argue",
        "emphasize",
        "emphasise",
        "write",
        "reiterate",
        "accuse",
        "believe",
        "think",
        "hope",
        "promise",
        "threaten",
        "predict",
        "indicate",
        "acknowledge",
        "reply",
        "respond",
    }
)
_PERSONAL = frozenset({"he", "she", "it", "they", "we", "i", "him", "her", "them", "us"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
# Nouns of set phrases that name no place or participant ("in order to", "for her part").
_SET_PHRASES = frozenset(
    {"order", "part", "turn", "addition", "response", "particular", "fact", "general", "total"}
)
# Event nouns said as their verb when their doer is named ("Armenia's withdrawal from …").
# The verb, and what it needs of the noun's phrase: its infinitive ("refusal to sign") or its
# "from" phrase ("withdrawal from the CSTO").
_NOMINAL_VERBS = {
    "withdrawal": ("withdrew", "from"),
    "exit": ("withdrew", "from"),
    "departure": ("withdrew", "from"),
    "refusal": ("refused", "to"),
    "decision": ("decided", "to"),
    "intention": ("intended", "to"),
}
_DEMONSTRATIVES = frozenset({"this", "that", "it", "so", "these", "those"})
_DOER_KINDS = frozenset({"person", "state", "organisation", "body"})
_SIGNED_NOUNS = frozenset(
    {"agreement", "treaty", "deal", "accord", "memorandum", "contract", "pact", "charter"}
)

# Irregular English verbs: lemma → (simple past, past participle).
_IRREGULAR: dict[str, tuple[str, str]] = {
    "arise": ("arose", "arisen"),
    "be": ("was", "been"),
    "bear": ("bore", "borne"),
    "beat": ("beat", "beaten"),
    "become": ("became", "become"),
    "begin": ("began", "begun"),
    "bend": ("bent", "bent"),
    "bind": ("bound", "bound"),
    "bite": ("bit", "bitten"),
    "blow": ("blew", "blown"),
    "break": ("broke", "broken"),
    "bring": ("brought", "brought"),
    "build": ("built", "built"),
    "burn": ("burned", "burned"),
    "buy": ("bought", "bought"),
    "cast": ("cast", "cast"),
    "catch": ("caught", "caught"),
    "choose": ("chose", "chosen"),
    "come": ("came", "come"),
    "cost": ("cost", "cost"),
    "cut": ("cut", "cut"),
    "deal": ("dealt", "dealt"),
    "do": ("did", "done"),
    "draw": ("drew", "drawn"),
    "drink": ("drank", "drunk"),
    "drive": ("drove", "driven"),
    "eat": ("ate", "eaten"),
    "fall": ("fell", "fallen"),
    "feel": ("felt", "felt"),
    "fight": ("fought", "fought"),
    "find": ("found", "found"),
    "flee": ("fled", "fled"),
    "fly": ("flew", "flown"),
    "forbid": ("forbade", "forbidden"),
    "forecast": ("forecast", "forecast"),
    "foresee": ("foresaw", "foreseen"),
    "forget": ("forgot", "forgotten"),
    "forgive": ("forgave", "forgiven"),
    "freeze": ("froze", "frozen"),
    "get": ("got", "got"),
    "give": ("gave", "given"),
    "go": ("went", "gone"),
    "grow": ("grew", "grown"),
    "hang": ("hung", "hung"),
    "have": ("had", "had"),
    "hear": ("heard", "heard"),
    "hide": ("hid", "hidden"),
    "hit": ("hit", "hit"),
    "hold": ("held", "held"),
    "hurt": ("hurt", "hurt"),
    "keep": ("kept", "kept"),
    "know": ("knew", "known"),
    "lay": ("laid", "laid"),
    "lead": ("led", "led"),
    "leave": ("left", "left"),
    "lend": ("lent", "lent"),
    "let": ("let", "let"),
    "lie": ("lay", "lain"),
    "lose": ("lost", "lost"),
    "make": ("made", "made"),
    "mean": ("meant", "meant"),
    "meet": ("met", "met"),
    "mislead": ("misled", "misled"),
    "overcome": ("overcame", "overcome"),
    "oversee": ("oversaw", "overseen"),
    "overtake": ("overtook", "overtaken"),
    "overthrow": ("overthrew", "overthrown"),
    "pay": ("paid", "paid"),
    "put": ("put", "put"),
    "quit": ("quit", "quit"),
    "read": ("read", "read"),
    "rebuild": ("rebuilt", "rebuilt"),
    "rewrite": ("rewrote", "rewritten"),
    "ride": ("rode", "ridden"),
    "ring": ("rang", "rung"),
    "rise": ("rose", "risen"),
    "run": ("ran", "run"),
    "say": ("said", "said"),
    "see": ("saw", "seen"),
    "seek": ("sought", "sought"),
    "sell": ("sold", "sold"),
    "send": ("sent", "sent"),
    "set": ("set", "set"),
    "shake": ("shook", "shaken"),
    "shoot": ("shot", "shot"),
    "show": ("showed", "shown"),
    "shut": ("shut", "shut"),
    "sing": ("sang", "sung"),
    "sink": ("sank", "sunk"),
    "sit": ("sat", "sat"),
    "sleep": ("slept", "slept"),
    "speak": ("spoke", "spoken"),
    "spend": ("spent", "spent"),
    "split": ("split", "split"),
    "spread": ("spread", "spread"),
    "stand": ("stood", "stood"),
    "steal": ("stole", "stolen"),
    "stick": ("stuck", "stuck"),
    "strike": ("struck", "struck"),
    "swear": ("swore", "sworn"),
    "sweep": ("swept", "swept"),
    "take": ("took", "taken"),
    "teach": ("taught", "taught"),
    "tear": ("tore", "torn"),
    "tell": ("told", "told"),
    "think": ("thought", "thought"),
    "throw": ("threw", "thrown"),
    "undergo": ("underwent", "undergone"),
    "understand": ("understood", "understood"),
    "undertake": ("undertook", "undertaken"),
    "uphold": ("upheld", "upheld"),
    "upset": ("upset", "upset"),
    "wake": ("woke", "woken"),
    "wear": ("wore", "worn"),
    "win": ("won", "won"),
    "withdraw": ("withdrew", "withdrawn"),
    "withhold": ("withheld", "withheld"),
    "write": ("wrote", "written"),
}
_PAST_OF_PARTICIPLE = {pp: p for p, pp in _IRREGULAR.values() if p != pp}
# Regular verbs of more than one syllable that double their last consonant ("admitted").
_DOUBLING = frozenset(
    {
        "admit",
        "commit",
        "submit",
        "omit",
        "permit",
        "transmit",
        "refer",
        "prefer",
        "confer",
        "defer",
        "occur",
        "recur",
        "incur",
        "deter",
        "transfer",
        "regret",
        "compel",
        "expel",
        "propel",
        "repel",
        "control",
        "patrol",
        "acquit",
        "equip",
        "abet",
    }
)
_VOWELS = "aeiou"


def past(lemma: str, surface: str = "", tag: str = "") -> str:
    """The simple past of a verb: its own form when it is one (``VBD``), else from the table
    of irregular verbs or by the spelling rules ("plan" → "planned", "try" → "tried")."""
    lemma = lemma.lower()
    if lemma in _IRREGULAR and lemma != "be":  # also when the tagger says VBD of "frozen"
        return _IRREGULAR[lemma][0]
    if tag == "VBD" and surface and surface.isalpha():
        return surface.lower()
    if tag == "VBN" and surface.lower().endswith("ed"):
        return surface.lower()
    low = surface.lower()
    if low in _PAST_OF_PARTICIPLE and lemma == low:  # "has “frozen”" tagged an adjective
        return _PAST_OF_PARTICIPLE[low]
    return _regular(lemma)


def participle(lemma: str, surface: str = "", tag: str = "") -> str:
    """The past participle of a verb ("held", "frozen", "signed")."""
    lemma = lemma.lower()
    if tag == "VBN" and surface and surface.isalpha():
        return surface.lower()
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma][1]
    return _regular(lemma)


def _regular(lemma: str) -> str:
    if not lemma.isalpha():
        return lemma
    if lemma.endswith("e"):
        return lemma + "d"
    if len(lemma) > 1 and lemma.endswith("y") and lemma[-2] not in _VOWELS:
        return lemma[:-1] + "ied"
    cvc = (
        len(lemma) >= 3
        and lemma[-1] not in _VOWELS + "wxy"
        and lemma[-2] in _VOWELS
        and lemma[-3] not in _VOWELS
    )
    syllables = sum(
        1 for a, b in zip(" " + lemma, lemma, strict=False) if b in _VOWELS and a not in _VOWELS
    )
    if cvc and (syllables == 1 or lemma in _DOUBLING):
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


Names = dict[int, tuple[int, int, str, str]]

# -- names ----------------------------------------------------------------------------------------


def _names(sent: Span) -> dict[int, tuple[int, int, str, str]]:
    """Token index → (first token, last token, canonical name, kind) for every name of the
    gazetteer in ``sent`` (names only: not metonyms such as "Minsk" nor bare offices), found
    once per sentence."""
    doc = sent.doc
    key = f"cstotimeline.summary.names:{sent.start}"
    cached: Names | None = doc.user_data.get(key)
    if cached is not None:
        return cached
    from cstotimeline.actors import default_gazetteer

    gaz = default_gazetteer()
    out: dict[int, tuple[int, int, str, str]] = {}
    base = sent.start_char
    for m in gaz.find(sent.text):
        if m.origin != "gazetteer" or m.kind == "region":
            continue
        span = doc.char_span(base + m.start, base + m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        for tok in span:
            out[tok.i] = (span.start, span.end - 1, m.canonical, m.kind)
    doc.user_data[key] = out
    return out


# -- rendering ------------------------------------------------------------------------------------


def _render(tokens: Iterable[Token], names: dict[int, tuple[int, int, str, str]]) -> str:
    """Tokens in text order as words: names written canonically (once per name, a repeated
    name dropped: "the Collective Security Treaty Organization (CSTO)" → "the CSTO"),
    quotation marks dropped, a sentence's first word lower-cased unless it is a name."""
    words: list[str] = []
    prev: Token | None = None
    last_name: str | None = None
    done: set[int] = set()
    for t in sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i):
        piece = t.text
        if (piece in _QUOTES and not _possessive_mark(t)) or not piece.strip() or piece in "()[]":
            continue
        hit = names.get(t.i)
        if hit is not None:
            first, _last, canonical, kind = hit
            if first in done:
                continue
            done.add(first)
            if canonical == last_name:
                continue
            if kind == "person" and words and words[-1].lower() in ("the", "a", "an"):
                words.pop()
            if prev is not None and prev.i == t.i - 1 and prev.text in ("-", "–") and words:
                words[-1] += canonical
            else:
                words.append(canonical)
            last_name = canonical
            prev = t.doc[_last]
            continue
        if t.pos_ != "PROPN" and piece != "I" and _opens_sentence(t):
            piece = piece.lower()
        glue = (
            prev is not None
            and prev.i == t.i - 1
            and (piece in ("-", "–", "'s", "’s", "'", "’", "n't", ",") or prev.text in ("-", "–"))
        )
        if glue and words:
            words[-1] += piece
        elif piece == "," and (not words or words[-1].endswith(",")):
            continue
        else:
            words.append(piece)
        if piece not in (",", "'s", "’s"):
            last_name = None
        prev = t
    return " ".join(" ".join(words).split()).strip(" ,;:-–")


def _possessive_mark(tok: Token) -> bool:
    """The apostrophe of a possessive ("the states’ offer"), not a quotation mark."""
    if tok.dep_ == "case":
        return True
    return (
        tok.text in ("’", "'") and tok.i > 0 and tok.head.i == tok.i - 1 and tok.head.dep_ == "poss"
    )


def _opens_sentence(tok: Token) -> bool:
    """The first word of its sentence (after any quotation marks or punctuation)."""
    t = tok
    while not t.is_sent_start:
        t = t.doc[t.i - 1]
        if not (t.is_punct or t.text in _QUOTES):
            return False
    return True


def _np(
    tok: Token, skip: set[int], limit: int = 10, *, pp: bool = True, names: Names | None = None
) -> list[Token]:
    """A compact noun phrase: the head with modifiers and one level of prepositional phrase
    ("the war between Armenia and Azerbaijan"); commas only between coordinated names."""
    out: list[Token] = []

    def walk(t: Token, depth: int) -> None:
        if t.i in skip or (t.text in _QUOTES and not _possessive_mark(t)):
            return
        out.append(t)
        for ch in t.children:
            if ch.dep_ == "npadvmod" and t.dep_ == "amod" and ch.i not in skip:
                walk(ch, depth + 1)  # "Russian-dominated"
                continue
            if ch.dep_ not in _NP_KEEP or ch.i in skip:
                continue
            if ch.dep_ == "punct":
                if (
                    ch.text in ("-", "–")
                    or _possessive_mark(ch)
                    or (ch.text == "," and any(c.dep_ == "conj" and c.i > ch.i for c in t.children))
                ):
                    out.append(ch)
                continue
            if ch.dep_ == "appos" and (ch.pos_ != "PROPN" or t.pos_ != "PROPN" or depth >= 1):
                continue
            if (
                ch.dep_ == "prep"
                and not (ch.lower_ == "of" and t.lower_ in _QUANTIFIERS)
                and (
                    not pp
                    or ch.lower_ not in _NP_PREPS
                    or ch.i < t.i
                    or (depth >= 2 and not (ch.lower_ == "of" and depth < 4))
                    or (depth == 1 and t.dep_ != "conj" and ch.lower_ != "of")
                )
            ):
                continue
            if ch.dep_ == "conj" and ch.pos_ not in ("PROPN", "NOUN", "PRON"):
                continue
            walk(ch, depth + 1)

    walk(tok, 0)
    kept = {t.i for t in out}
    out = [
        t
        for t in out
        if not (t.dep_ == "prep" and t.i != tok.i and not any(c.i in kept for c in t.children))
    ]
    kept = {t.i for t in out}
    out = [
        t
        for t in out
        if not (
            t.dep_ == "cc" and not any(c.dep_ == "conj" and c.i in kept for c in t.head.children)
        )
        and not (t.text in ("-", "–") and not (t.i - 1 in kept and t.i + 1 in kept))
    ]
    out.sort(key=lambda t: t.i)
    return _trim(out, tok, limit, names or {})


def _words(tokens: Sequence[Token], names: Names) -> int:
    """How many words ``tokens`` render as (a name of several tokens is one word)."""
    groups = {names[t.i][0] for t in tokens if t.i in names}
    return len(groups) + sum(1 for t in tokens if t.i not in names and not t.is_punct)


def _trim(tokens: list[Token], head: Token, limit: int, names: Names) -> list[Token]:
    """At most ``limit`` words: the head's own phrase first, then what follows it, so that
    a phrase is never left ending in a preposition or a determiner."""
    if _words(tokens, names) <= limit:
        return _untail(tokens, head)
    before = [t for t in tokens if t.i <= head.i]
    after = [t for t in tokens if t.i > head.i]
    keep: list[Token] = []
    for t in reversed(before):
        same = t.i in names and keep and keep[0].i in names and names[keep[0].i] == names[t.i]
        if _words([*keep, t], names) > limit and not same:
            break
        keep.insert(0, t)
    for t in after:
        if _words([*keep, t], names) > limit and not (
            t.i in names and keep and keep[-1].i in names and names[keep[-1].i] == names[t.i]
        ):
            break
        keep.append(t)
    return _untail(keep, head)


def _untail(tokens: list[Token], head: Token) -> list[Token]:
    """``tokens`` without the function words left at their end ("the role in", "X and")."""
    keep = list(tokens)
    while (
        keep
        and keep[-1].i > head.i
        and (keep[-1].pos_ in ("ADP", "DET", "CCONJ", "PUNCT", "PART") or keep[-1].dep_ == "poss")
    ):
        keep.pop()
    return keep


def _number(tokens: Sequence[Token], head: Token | None) -> str:
    if head is None:
        return "singular"
    if head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children):
        return "plural"
    if head.lower_ in ("they", "we", "you"):
        return "plural"
    return "singular"


# -- clauses --------------------------------------------------------------------------------------


def _date_tokens(trigger: Token, timex_spans: Sequence[tuple[Timex, Span]]) -> set[int]:
    skip: set[int] = set()
    sent = trigger.sent
    for _t, span in timex_spans:
        if span.start < sent.start or span.end > sent.end:
            continue
        skip.update(tok.i for tok in span)
        head = span.root.head
        # the preposition or adverb that introduced the date ("in 1992", "two months later")
        if head.dep_ == "prep" and all(c.i in skip for c in head.children):
            skip.add(head.i)
        if head.lower_ in ("later", "earlier", "ago") and head.i not in skip:
            skip.add(head.i)
    return skip


def misparsed_subject(verb: Token) -> Token | None:
    """The subject the small model hangs under a subordinator: in "after Azerbaijan launched
    an offensive" it reads "Azerbaijan" as the object of "after"."""
    for mark in verb.children:
        if mark.dep_ == "mark" and mark.i < verb.i:
            pobj = next((c for c in mark.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _own_subject(verb: Token) -> Token | None:
    subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    return subj if subj is not None else misparsed_subject(verb)


def _subject(verb: Token) -> Token | None:
    """The subject of a verb's clause, or of the clauses it completes or is coordinated with
    ("Armenia decided to leave": "Armenia" for "leave")."""
    t = verb
    for _ in range(4):
        subj = _own_subject(t)
        if subj is not None:
            return subj
        if t.dep_ not in ("xcomp", "conj", "advcl", "pcomp", "prep") or t.head.i == t.i:
            return None
        t = t.head
    return None


def _governing_subject(verb: Token) -> Token | None:
    """The subject of the clause that reports or governs ``verb``'s clause."""
    t = verb
    for _ in range(3):
        if t.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or t.head.i == t.i:
            return None
        t = t.head
        subj = _own_subject(t)
        if subj is not None and subj.lower_ not in _PERSONAL | _RELATIVE:
            return subj
    return None


class _Builder:
    """Summaries of the candidates of one sentence (its names found once)."""

    def __init__(
        self, trigger: Token, skip: set[int], sources: Sequence[str], extra: Sequence[Token]
    ) -> None:
        self.trigger = trigger
        self.skip = skip
        self.sources = list(sources)
        self.extra = [x for x in extra if x.pos_ in ("NOUN", "PROPN") and x.i != trigger.i]
        self.names = _names(trigger.sent)
        self.np_limit = 8
        self.with_pp = True

    def text(self, tokens: Iterable[Token]) -> str:
        return _render(tokens, self.names)

    def np(self, tok: Token, skip: set[int], limit: int = 10, *, pp: bool = True) -> list[Token]:
        return _np(tok, skip, limit, pp=pp, names=self.names)

    # -- subjects --

    def subject(
        self, subj: Token | None, verb: Token, *, resolve: bool = True
    ) -> tuple[str, str, set[int]]:
        """The subject as words, its number, and the tokens it covers. With ``resolve`` a
        pronoun is replaced by whom it stands for (in a reported clause it stays: "Pashinyan
        said that he would not attend")."""
        if subj is None:
            if self.sources and resolve:
                return self._sources(), "singular", set()
            return "", "singular", set()
        inside = verb.i != subj.i and any(t.i == verb.i for t in subj.subtree)
        inner = {t.i for t in verb.subtree} if inside else set()  # "the summit held in …"
        covered = {t.i for t in subj.subtree} - inner
        low = subj.lower_
        if low in _RELATIVE and subj.head.dep_ in ("relcl", "acl"):
            noun = subj.head.head
            return self.text(self.np(noun, self.skip, 6, pp=False)), _number([], noun), covered
        if low in _PERSONAL:
            if resolve:
                governing = _governing_subject(verb)
                if governing is not None:
                    words = self.text(self.np(governing, self.skip, 6, pp=False))
                    return words, _number([], governing), covered
                if self.sources and low not in ("we", "i", "us"):
                    return self._sources(), "singular", covered
            word = {"i": "I", "him": "he", "them": "they", "us": "we"}.get(low, low)
            return word, _number([], subj), covered
        appos = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if appos is not None and subj.pos_ == "NOUN" and appos.i in self.names:
            return self.text(self.np(appos, self.skip, 4, pp=False)), "singular", covered
        if resolve and self.sources and subj.i not in self.names:
            # A metonym ("Yerevan requested"), "the alliance": the doer the participants found.
            if subj.pos_ == "PROPN" and len(list(subj.children)) == 0:
                from cstotimeline.actors import default_gazetteer

                if default_gazetteer().canonical(subj.text) in self.sources:
                    return self._sources(), "singular", covered
            if subj.pos_ == "NOUN" and _is_organisation_noun(subj):
                return self._sources(), "singular", covered
        if subj.i in self.names:
            tokens = self.np(subj, self.skip | _pp_tokens(subj), self.np_limit + 2)
        else:
            tokens = self.np(subj, self.skip | inner, self.np_limit + 2, pp=self.with_pp)
        return self.text(tokens), _number(tokens, subj), covered

    def _sources(self) -> str:
        return " and ".join(self.sources[:2])

    # -- verb groups --

    def verb_group(self, verb: Token, number: str) -> list[str]:
        """The verb with its negation, modal and particle, in the past."""
        children = list(verb.children)
        neg = any(c.dep_ == "neg" for c in children)
        modal = next((c for c in children if c.dep_ == "aux" and c.lower_ in _MODAL_PAST), None)
        passive = any(c.dep_ == "auxpass" for c in children)
        lemma = verb.lemma_.lower()
        be = "were" if number == "plural" else "was"
        if _going_to(verb) is not None:
            return ["would", "not"] if neg else ["would"]
        if verb.pos_ == "AUX" and lemma == "be":
            words = [_MODAL_PAST[modal.lower_], "be"] if modal is not None else [be]
            if neg:
                words.insert(1, "not")
            return words
        if modal is not None:
            words = [_MODAL_PAST[modal.lower_], *(["not"] if neg else [])]
            words += ["be", participle(lemma, verb.text, verb.tag_)] if passive else [lemma]
        elif passive:
            words = [be, "not"] if neg else [be]
            words.append(participle(lemma, verb.text, verb.tag_))
        elif neg:
            words = ["did", "not", lemma]
        else:
            words = [past(lemma, verb.text, verb.tag_)]
        for c in children:
            if (
                (c.dep_ == "prt" and c.i > verb.i)
                or (c.dep_ == "advmod" and c.i > verb.i and c.lower_ in _ADVERB_PARTICLES)
            ) or (
                lemma == "take"
                and c.dep_ in ("dobj", "npadvmod")
                and c.lower_ in ("place", "part")
                and not any(x.dep_ == "det" for x in c.children)
            ):
                words.append(c.lower_)
        return words

    # -- complements --

    def complements(self, verb: Token, covered: set[int], depth: int = 0) -> list[str]:
        """The object, infinitive complement, reported clause and one phrase of a verb."""
        parts: list[str] = []
        skip = self.skip | covered | {verb.i}
        has_object = False
        lemma = verb.lemma_.lower()
        going = _going_to(verb) is not None
        reported = False
        for ch in sorted(verb.children, key=lambda c: c.i):
            if ch.i in skip:
                continue
            if ch.dep_ in ("dobj", "dative", "attr", "oprd", "acomp") or (
                ch.dep_ == "xcomp" and ch.pos_ in ("NOUN", "PROPN", "ADJ")
            ):
                if lemma == "take" and ch.lower_ in ("place", "part"):
                    continue
                if lemma in _REPORTING and ch.dep_ == "dobj" and ch.lower_ in _DEMONSTRATIVES:
                    continue  # "told this reporters": what "this" is, is the report
                if has_object and any(
                    t.text == "," for t in verb.doc[verb.i : ch.left_edge.i] if t.i > verb.i
                ):
                    continue  # a second "object" after a comma: an apposition misread
                if ch.tag_ == "VBG":  # "ruled out participating in …"
                    parts.append(
                        " ".join([*self._gerund(ch), *self.complements(ch, covered, depth + 1)])
                    )
                    has_object = True
                    continue
                parts.append(self.text(self.np(ch, skip, self.np_limit, pp=self.with_pp)))
                has_object = True
                parts.extend(self._noun_infinitive(ch, covered, depth))
            elif (
                ch.dep_ == "advcl"
                and ch.tag_ == "VBG"
                and not has_object
                and lemma not in _REPORTING
                and not any(c.dep_ in ("mark", "nsubj", "aux") for c in ch.children)
                and ch.i <= verb.right_edge.i
                and all(t.dep_ in ("prt", "neg", "advmod") for t in verb.doc[verb.i + 1 : ch.i])
            ):
                # "ruled out participating in …"
                parts.append(
                    " ".join([*self._gerund(ch), *self.complements(ch, covered, depth + 1)])
                )
                has_object = True
            elif (
                ch.dep_ == "advcl"
                and ch.tag_ == "VB"
                and not has_object
                and ch.i > verb.i
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in ch.children)
                and depth < 3
            ):
                # "had offered to deploy an observer mission"
                parts.append(" ".join(["to", *self._infinitive(ch)]))
                parts.extend(self.complements(ch, covered, depth + 1))
                has_object = True
            elif ch.dep_ == "xcomp" and depth < 3 and ch.pos_ in ("VERB", "AUX"):
                if ch.tag_ == "VBG":
                    parts.append(
                        " ".join([*self._gerund(ch), *self.complements(ch, covered, depth + 1)])
                    )
                else:
                    head = self._infinitive(ch)
                    parts.append(" ".join(head if going else ["to", *head]))
                    parts.extend(self.complements(ch, covered, depth + 1))
                has_object = True
            elif ch.dep_ == "ccomp" and depth < 2 and (lemma in _REPORTING or ch.i > verb.i):
                clause = self.reported(ch, covered | {verb.i}, depth)
                if clause:
                    parts.append("that " + clause)
                    has_object = reported = True
        if lemma in _REPORTING and not reported and depth < 2:
            clause = self._loose_report(verb, covered)
            if clause:
                parts.append("that " + clause)
                has_object = True
        if self.with_pp or not has_object:
            phrase = self.place(verb, skip, require=not has_object)
            if phrase:
                report = next((i for i, p in enumerate(parts) if p.startswith("that ")), None)
                # "said in an interview that …": the phrase before the report
                parts.insert(len(parts) if report is None else report, phrase)
        return [p for p in parts if p]

    def _loose_report(self, verb: Token, covered: set[int]) -> str:
        """What a reporting verb reports when the parse did not make it the verb's clausal
        complement: a fronted main clause ("Armenia has frozen …, Pashinyan told France 24")
        or a clause hung on a word of the verb's phrase ("said for her part that …")."""
        own = {t.i for t in verb.subtree}
        if (
            verb.dep_ in ("parataxis", "ccomp", "conj")
            and verb.head.i < verb.i
            and verb.head.lemma_.lower() not in _REPORTING
        ):
            head = verb.head
            clausal = head.pos_ in ("VERB", "AUX") or any(
                c.dep_ in ("aux", "auxpass", "dobj") for c in head.children
            )
            if clausal and _own_subject(head) is not None:
                return self.reported(head, covered | own, 1)
        for t in verb.subtree:
            if (
                t.i != verb.i
                and t.head.i != verb.i
                and t.pos_ in ("VERB", "AUX")
                and (
                    t.dep_ == "ccomp"
                    or (t.dep_ == "acl" and any(c.lower_ == "that" for c in t.children))
                )
            ):
                return self.reported(t, covered, 1)
        return ""

    def _noun_infinitive(self, noun: Token, covered: set[int], depth: int) -> list[str]:
        """ "its intention to withdraw from the CSTO": the infinitive a noun governs."""
        for ch in noun.children:
            if ch.dep_ == "acl" and ch.tag_ == "VB" and any(c.lower_ == "to" for c in ch.children):
                return [
                    " ".join(["to", *self._infinitive(ch)]),
                    *self.complements(ch, covered, depth + 1),
                ]
        return []

    def _gerund(self, verb: Token) -> list[str]:
        """ "taking part", "pulling out": the gerund with its particle."""
        words = [verb.lower_]
        for c in verb.children:
            if (c.dep_ == "prt" and c.i > verb.i) or (
                verb.lemma_.lower() == "take" and c.dep_ == "dobj" and c.lower_ in ("part", "place")
            ):
                words.append(c.lower_)
        return words

    def _infinitive(self, verb: Token) -> list[str]:
        words = [verb.lemma_.lower()]
        if words[0] == "take":
            words += [
                c.lower_
                for c in verb.children
                if c.dep_ == "dobj" and c.lower_ in ("part", "place")
            ]
        if any(c.dep_ == "auxpass" for c in verb.children):
            words = ["be", participle(verb.lemma_, verb.text, verb.tag_)]
        if any(c.dep_ == "neg" for c in verb.children):
            words.insert(0, "not")
        words += [c.lower_ for c in verb.children if c.dep_ == "prt" and c.i > verb.i]
        return words

    def place(self, verb: Token, skip: set[int], *, require: bool) -> str:
        """The first phrase after the verb naming a participant or place ("in Minsk"); also
        after an adverb of the verb group ("stayed away from the summit")."""
        for adv in verb.children:
            if adv.dep_ == "advmod" and adv.i > verb.i and adv.lower_ in _ADVERB_PARTICLES:
                found = self.place(adv, skip, require=require)
                if found:
                    return found
        for ch in verb.children:
            if ch.dep_ != "prep" or ch.i < verb.i or ch.i in skip:
                continue
            gerund = next(
                (
                    c
                    for c in ch.children
                    if c.dep_ == "pcomp"
                    and c.tag_ == "VBG"
                    and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
                ),
                None,
            )
            if gerund is not None and gerund.i not in skip:
                # "accused Azerbaijan of shelling the villages"
                rest = self.complements(gerund, skip - {gerund.i}, 2)
                return " ".join([ch.lower_, *self._gerund(gerund), *rest])
            if ch.lower_ not in _PREPS and not (require and ch.lower_ == "of"):
                continue
            pobj = next((c for c in ch.children if c.dep_ == "pobj"), None)
            if pobj is None or pobj.i in skip or pobj.lower_ in _SET_PHRASES:
                continue
            return self.text([ch, *self.np(pobj, skip, 6, pp=False)])
        return ""

    def reported(self, clause: Token, covered: set[int], depth: int) -> str:
        """A reported clause in the past: "Armenia would not host the drills"."""
        if clause.pos_ not in ("VERB", "AUX") and not any(
            c.dep_ in ("aux", "auxpass") for c in clause.children
        ):
            return ""
        if _is_passive(clause):
            return self.passive(clause, covered)
        subj = _own_subject(clause)
        if subj is None:
            return ""
        words, number, subj_covered = self.subject(subj, clause, resolve=False)
        if not words:
            return ""
        verb = self.verb_group(clause, number)
        rest = self.complements(clause, covered | subj_covered, depth + 1)
        return " ".join([words, *verb, *rest])

    # -- clauses --

    def clause(self, verb: Token) -> str:
        """The verb's clause as a sentence, or "" when it has no subject to say."""
        reporter = self._reporter(verb)
        if reporter is not None:
            return self.clause(reporter)
        if verb.dep_ == "acl" and verb.tag_ == "VB" and verb.head.dep_ in ("dobj", "attr"):
            # "declared its intention to withdraw": the clause of the verb that has the noun
            governing = verb.head.head
            if governing.pos_ in ("VERB", "AUX"):
                return self.clause(governing)
        if _is_passive(verb):
            return self.passive(verb, set())
        governor = verb.head if verb.dep_ == "xcomp" and verb.head.i != verb.i else None
        head = governor if governor is not None and governor.pos_ in ("VERB", "AUX") else verb
        subj = _own_subject(head) or _subject(head) or self._stray_subject(head)
        words, number, covered = self.subject(subj, head)
        if not words:
            return ""
        if head is not verb:
            # "decided to send …", "is going to attend …": the governor's clause
            return " ".join(
                [words, *self.verb_group(head, number), *self.complements(head, covered)]
            )
        return " ".join([words, *self.verb_group(verb, number), *self.complements(verb, covered)])

    def _stray_subject(self, verb: Token) -> Token | None:
        """A subject the parse put elsewhere: after a reporting verb (" “…,” added the
        ministry"), or as the object of a preposition before the verb ("in September Armenia
        and the United States carried out …")."""
        children = list(verb.children)
        if verb.lemma_.lower() in _REPORTING and any(
            c.dep_ == "ccomp" and c.i < verb.i for c in children
        ):
            after = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i), None)
            if after is not None:
                return after
        for c in children:
            if c.dep_ == "prep" and c.i < verb.i:
                pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
                hit = self.names.get(pobj.i) if pobj is not None else None
                if pobj is not None and hit is not None and hit[3] in _DOER_KINDS:
                    return pobj
        return None

    def _reporter(self, verb: Token) -> Token | None:
        """The reporting verb of a clause whose subject is a pronoun or "his country": the
        report names who ("Pashinyan announced that his country would not host …")."""
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in _REPORTING:
            return None
        subj = _own_subject(verb)
        if subj is None:
            return None
        pronominal = subj.lower_ in _PERSONAL or any(
            c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children
        )
        reporter = verb.head
        named = _own_subject(reporter)
        if pronominal and named is not None and named.lower_ not in _PERSONAL | _RELATIVE:
            return reporter
        return None

    def passive(self, verb: Token, covered: set[int]) -> str:
        theme = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if theme is not None and theme.lower_ in _RELATIVE and verb.dep_ in ("relcl", "acl"):
            theme = verb.head
        if theme is None and verb.dep_ in ("acl", "relcl"):
            theme = self.extra[0] if self.extra else verb.head
            if theme.dep_ == "appos" and theme.head.pos_ == "PROPN":
                theme = theme.head
        if theme is None:
            theme = _subject(verb)
            if theme is not None and theme.lower_ in _RELATIVE and theme.head.dep_ == "relcl":
                theme = theme.head.head
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        covered = covered | {verb.i}
        if by is not None and theme is not None:
            # The active: "Belarus hosted the summit".
            doer, _n, doer_covered = self.subject(by, verb)
            obj = self.text(self.np(theme, self.skip | covered, self.np_limit, pp=self.with_pp))
            if doer and obj:
                neg = any(c.dep_ == "neg" for c in verb.children)
                lemma = verb.lemma_.lower()
                group = ["did", "not", lemma] if neg else [past(lemma, verb.text, "VBN")]
                by_word = {agent.i} if agent is not None else set()
                place = self.place(verb, self.skip | doer_covered | by_word, require=False)
                return " ".join(p for p in (doer, *group, obj, place) if p)
        if theme is None:
            return ""
        words, number, theme_covered = self.subject(theme, verb)
        if not words:
            return ""
        children = list(verb.children)
        neg = any(c.dep_ == "neg" for c in children)
        modal = next((c for c in children if c.dep_ == "aux" and c.lower_ in _MODAL_PAST), None)
        part = participle(verb.lemma_, verb.text, verb.tag_)
        if modal is not None:
            group = [_MODAL_PAST[modal.lower_], *(["not"] if neg else []), "be", part]
        else:
            group = ["were" if number == "plural" else "was", *(["not"] if neg else []), part]
        group += [c.lower_ for c in children if c.dep_ == "prt" and c.i > verb.i]
        rest = self.complements(verb, theme_covered | covered | ({agent.i} if agent else set()))
        if by is not None:
            rest.append("by " + self.subject(by, verb)[0])
        return " ".join([words, *group, *rest])

    def noun(self, noun: Token, etype: str) -> str:
        """An event noun as a sentence: the clause it is an argument of, else "<the noun
        phrase> took place" (or was signed, was adopted, or its agent made it)."""
        lemma = noun.lemma_.lower()
        agent = _agent_of(noun, self.names)
        if agent is not None and agent.i in self.skip:
            agent = None
        if lemma == "absence" and agent is not None:
            marks = {c.i for c in agent.children if c.dep_ == "case"}
            doer = self.text(self.np(agent, self.skip | marks, 5, pp=False))
            where = next(
                (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"), None
            )
            pobj = next((c for c in where.children if c.dep_ == "pobj"), None) if where else None
            tail = ""
            if where is not None and pobj is not None:
                tail = self.text([where, *self.np(pobj, self.skip, 5, pp=False)])
            return " ".join(p for p in (doer, "was absent", tail) if p)
        head = noun.head
        if (
            noun.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")
            and head.pos_ in ("VERB", "AUX")
            and head.lemma_.lower() not in _REPORTING
        ):
            found = self.clause(head)
            if found:
                return found
        phrase = self.text(self.np(noun, self.skip, self.np_limit, pp=True))
        if not phrase:
            return ""
        nominal = _NOMINAL_VERBS.get(lemma)
        if nominal is not None and agent is not None:
            # "the country's withdrawal from the CSTO": "The country withdrew from the CSTO"
            verb, needs = nominal
            marks = {c.i for c in agent.children if c.dep_ == "case"}
            doer = self.text(self.np(agent, self.skip | marks, 5, pp=False))
            if needs == "to":
                rest = self._noun_infinitive(noun, {agent.i}, 0)
            else:
                where = next(
                    (c for c in noun.children if c.dep_ == "prep" and c.lower_ == needs), None
                )
                pobj = (
                    next((c for c in where.children if c.dep_ == "pobj"), None) if where else None
                )
                rest = []
                if where is not None and pobj is not None and pobj.i not in self.skip:
                    rest = [self.text([where, *self.np(pobj, self.skip, 6, pp=False)])]
            if doer and rest:
                return " ".join([doer, verb, *rest])
        if etype in ("request", "statement", "accusation") and agent is not None:
            mods = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i]
            words = self.text([*mods, noun])
            article = "an" if words[:1].lower() in _VOWELS else "a"
            if noun.tag_ in ("NNS", "NNPS"):
                article = ""
            pp = next(
                (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("to", "for")),
                None,
            )
            tail = ""
            if pp is not None:
                pobj = next((c for c in pp.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    tail = self.text([pp, *self.np(pobj, self.skip, 5, pp=False)])
            marks = {c.i for c in agent.children if c.dep_ == "case"}
            doer = self.text(self.np(agent, self.skip | marks, 5, pp=False))
            if doer:
                return " ".join(p for p in (doer, "made", article, words, tail) if p)
        be = "were" if noun.tag_ in ("NNS", "NNPS") else "was"
        if etype == "agreement":
            verb = "signed" if lemma in _SIGNED_NOUNS else "adopted"
            return f"{phrase} {be} {verb}"
        if etype in ("request", "statement", "accusation"):
            return f"{phrase} {be} made"
        return f"{phrase} took place"

    def agentless(self, verb: Token) -> str:
        """A clause whose doer the parse does not give, in the passive: "the only road to
        Armenia was blocked" (its object as the subject), or "" without an object."""
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i not in self.skip), None)
        if obj is None or verb.pos_ != "VERB":
            return ""
        tokens = self.np(obj, self.skip, self.np_limit, pp=self.with_pp)
        words = self.text(tokens)
        if not words:
            return ""
        neg = any(c.dep_ == "neg" for c in verb.children)
        be = "were" if _number(tokens, obj) == "plural" else "was"
        group = [be, *(["not"] if neg else []), participle(verb.lemma_, verb.text, verb.tag_)]
        group += [c.lower_ for c in verb.children if c.dep_ == "prt" and c.i > verb.i]
        rest = self.place(verb, self.skip | {t.i for t in obj.subtree}, require=False)
        return " ".join(p for p in (words, *group, rest) if p)


def _is_organisation_noun(tok: Token) -> bool:
    """ "the alliance", "the bloc": a noun that stands for an organisation named earlier."""
    from cstotimeline.lexicon import default_lexicon

    return tok.lemma_.lower() in default_lexicon().organisation_nouns and any(
        c.dep_ == "det" and c.lower_ == "the" for c in tok.children
    )


def _pp_tokens(tok: Token) -> set[int]:
    """The tokens of a name's prepositional phrases ("Lukashenko of Belarus" → "of Belarus")."""
    out: set[int] = set()
    for ch in tok.children:
        if ch.dep_ == "prep" and ch.i > tok.i:
            out.update(t.i for t in ch.subtree)
    return out


def _agent_of(noun: Token, names: Names) -> Token | None:
    """Who a noun's act is by: its possessor, or a name after "of" or "by"."""
    for ch in noun.children:
        if ch.dep_ == "poss" and ch.lower_ not in ("its", "his", "her", "their", "our", "my"):
            return ch
    for ch in noun.children:
        if ch.dep_ == "prep" and ch.lower_ in ("of", "by"):
            pobj = next((c for c in ch.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            if pobj.i in names or pobj.pos_ == "PROPN":
                return pobj
            named = next((t for t in pobj.subtree if t.i in names and t.pos_ == "PROPN"), None)
            if named is not None:
                return named
    return None


def _is_passive(verb: Token) -> bool:
    """A passive verb: with "be" ("was held"), or a participle modifying a noun without a
    subject or auxiliary of its own ("the summit held in Minsk", "an offensive launched on
    …"), or a participle heading a clause without an auxiliary ("The bill, adopted in …")."""
    children = list(verb.children)
    if any(ch.dep_ == "auxpass" for ch in children):
        return True
    own = any(ch.dep_ in ("nsubj", "aux", "dobj", "ccomp", "xcomp") for ch in children)
    if verb.dep_ in ("acl", "relcl") and verb.tag_ in ("VBN", "VBD") and not own:
        return verb.tag_ == "VBN" or verb.head.pos_ in ("NOUN", "PROPN")
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("ROOT", "conj", "ccomp")
        and not any(ch.dep_ in ("aux", "dobj", "ccomp", "xcomp") for ch in children)
    )


def _going_to(verb: Token) -> Token | None:
    """``verb`` when it is the "going" of "is (not) going to …"."""
    if verb.lower_ != "going" or not any(
        c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children
    ):
        return None
    return verb


def build_summary(
    trigger: Token,
    kind: str,
    etype: str,
    extra: Sequence[Token],
    sources: Sequence[str],
    timex_spans: Sequence[tuple[Timex, Span]],
    reporter: Token | None = None,
    speaker: str | None = None,
) -> str:
    """The summary of the candidate whose trigger is ``trigger`` (see the module's docstring).

    ``sources`` are the doers the participants found (canonical names), used for a subject
    the clause does not name (a pronoun, a metonym, none at all); ``extra`` the event noun of
    a light verb ("the summit … held in Minsk"). ``reporter`` and ``speaker`` are accepted
    for the extractor's call and not needed: the reporting clause comes from the parse."""
    skip = _date_tokens(trigger, timex_spans)
    builder = _Builder(trigger, skip, sources, extra)
    best = ""
    for np_limit, with_pp in ((8, True), (6, True), (5, False), (3, False)):
        builder.np_limit, builder.with_pp = np_limit, with_pp
        text = _compose(builder, trigger, kind, etype)
        if not best or len(text.split()) < len(best.split()):
            best = text
        if len(best.split()) <= MAX_WORDS:
            break
    return _finish(best)


def _compose(builder: _Builder, trigger: Token, kind: str, etype: str) -> str:
    if kind == "noun":
        return builder.noun(trigger, etype)
    text = builder.clause(trigger)
    if text:
        return text
    # No subject: the clause this one hangs from ("after being captured": who was).
    text = builder.agentless(trigger)
    if text:
        return text
    root = trigger.sent.root
    if root.i != trigger.i and root.pos_ in ("VERB", "AUX"):
        text = builder.clause(root)
    return text


def _finish(text: str) -> str:
    text = " ".join(text.split()).strip(" ,;:")
    return text[:1].upper() + text[1:] if text else text


# -- the fragment check ---------------------------------------------------------------------------

# Verbs that make a sentence without an object ("The leaders met", "Talks collapsed"): a
# summary may end with one of these; any other verb at the end is a transitive verb left
# without its object ("Its leaders held").
INTRANSITIVE = frozenset(
    {
        "meet",
        "gather",
        "convene",
        "talk",
        "speak",
        "arrive",
        "resign",
        "die",
        "happen",
        "occur",
        "fail",
        "collapse",
        "continue",
        "begin",
        "end",
        "start",
        "escalate",
        "erupt",
        "clash",
        "fight",
        "vote",
        "agree",
        "withdraw",
        "return",
        "retreat",
        "abstain",
        "participate",
        "spike",
        "rise",
        "fall",
        "grow",
        "increase",
        "decline",
        "worsen",
        "ease",
        "succeed",
        "advance",
        "surface",
        "stay",
        "remain",
        "react",
        "respond",
        "protest",
        "leave",
        "attend",
    }
)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Words a sentence cannot end with: determiners, prepositions, conjunctions, auxiliaries,
# the infinitive marker, possessives.
_DANGLING_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "AUX", "PART"})
_DANGLING_TAGS = frozenset({"PRP$", "WP$", "POS", "TO", "IN", "DT", "CC", "MD"})


def fragment_reasons(summary: str, nlp: object) -> list[str]:
    """Why ``summary`` is not a sentence (empty when it is one), read from its parse by ``nlp``.

    The check: a summary is a fragment when it is empty; when it has a cut token (an
    ellipsis, ``...`` or a word ending in a hyphen); when no token is a finite verb (tag VBD,
    VBZ, VBP or MD, or VBN with a subject and no auxiliary: the small tagger's reading of
    many a past tense); when no token is the subject of a clause (``nsubj``, ``nsubjpass``,
    ``csubj``, ``csubjpass`` or ``expl``); or when it dangles: its last word is a determiner,
    preposition, conjunction, auxiliary, "to" or a possessive (a particle of a passive
    verb is fine: "were called off"; a demonstrative standing alone is fine: "knew
    this"), or an active verb that needs an
    object and has none (any verb but those of :data:`INTRANSITIVE`; a passive participle
    needs none: "The treaty was signed").
    """
    text = " ".join(summary.split())
    if not text:
        return ["empty"]
    reasons: list[str] = []
    if "…" in text or "..." in text or any(w.endswith("-") for w in text.split()):
        reasons.append("cut")
    doc = nlp(text if text[-1] in ".!?" else text + ".")  # type: ignore[operator]
    words = [t for t in doc if not t.is_punct and not t.is_space]
    if not any(
        t.tag_ in _FINITE_TAGS
        or (
            t.tag_ == "VBN"  # the tagger's participle for a past tense with its own subject
            and any(c.dep_ == "nsubj" for c in t.children)
            and not any(c.dep_ in ("aux", "auxpass") for c in t.children)
        )
        for t in words
    ):
        reasons.append("no finite verb")
    if not any(t.dep_ in _SUBJECT_DEPS for t in words):
        reasons.append("no subject")
    if words:
        last = words[-1]
        objects = ("dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative", "prt", "prep")
        passive = any(c.dep_ == "auxpass" for c in last.head.children)
        if last.lower_ in ("the", "a", "an"):
            reasons.append(f"dangling {last.text!r}")
        elif last.dep_ == "prt" and passive:
            pass  # "The drills were called off"
        elif (
            (last.pos_ in _DANGLING_POS and last.pos_ != "DET")
            or (last.pos_ == "DET" and last.dep_ in ("det", "predet"))
            or (last.tag_ in _DANGLING_TAGS and last.tag_ != "DT")
            or (
                last.pos_ == "VERB"
                and last.lemma_.lower() not in INTRANSITIVE
                and not any(c.dep_ in objects for c in last.children)
                and not any(c.dep_ == "auxpass" for c in last.children)
            )
        ):
            reasons.append(f"dangling {last.text!r}")
    return reasons
