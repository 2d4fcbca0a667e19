"""The event trigger lexicon (``data/triggers.toml``), loaded once."""

from __future__ import annotations

import dataclasses
import functools
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class EventType:
    name: str
    label: str
    plover: str
    cameo: str
    description: str


@dataclass(frozen=True)
class Lexicon:
    types: dict[str, EventType]
    verbs: dict[str, str]
    nouns: dict[str, str]
    reporting: frozenset[str]
    negating: frozenset[str]
    planning: frozenset[str]
    hypothetical_aux: frozenset[str]
    future_aux: frozenset[str]
    participation: frozenset[str]
    membership_needs_org: frozenset[str]
    opinion: frozenset[str] = frozenset()
    background: frozenset[str] = frozenset()
    membership_nouns: frozenset[str] = frozenset()
    organisation_nouns: frozenset[str] = frozenset()
    force_nouns: frozenset[str] = frozenset()
    force_object_verbs: dict[str, str] = dataclasses.field(default_factory=dict)
    force_subject_verbs: dict[str, str] = dataclasses.field(default_factory=dict)

    @functools.cached_property
    def phrasal_heads(self) -> frozenset[str]:
        """Every ``w`` such that some entry of ``verbs`` starts with ``w + " "``: only these can
        begin a phrasal verb ("pull out")."""
        return frozenset(verb[:i] for verb in self.verbs for i, ch in enumerate(verb) if ch == " ")

    def verb_type(self, lemma: str) -> str | None:
        return self.verbs.get(lemma.lower())

    def noun_type(self, lemma: str, text: str = "") -> str | None:
        return self.nouns.get(lemma.lower()) or (self.nouns.get(text.lower()) if text else None)


def parse_lexicon(data: dict[str, Any]) -> Lexicon:
    types = {
        name: EventType(
            name=name,
            label=str(t.get("label", name)),
            plover=str(t.get("plover", "")),
            cameo=str(t.get("cameo", "")),
            description=str(t.get("description", "")),
        )
        for name, t in data["types"].items()
    }
    verbs = {str(k): str(v) for k, v in data["verbs"].items()}
    nouns = {str(k): str(v) for k, v in data["nouns"].items()}
    for table, mapping in (("verbs", verbs), ("nouns", nouns)):
        for lemma, typ in mapping.items():
            if typ not in types and typ != "light":
                raise ValueError(f"triggers.toml: [{table}] {lemma} has unknown type {typ!r}")
    mod = data["modality"]
    forces = data.get("forces", {})
    force_object_verbs = {str(k): str(v) for k, v in forces.get("with_object", {}).items()}
    force_subject_verbs = {str(k): str(v) for k, v in forces.get("with_subject", {}).items()}
    for lemma, typ in (*force_object_verbs.items(), *force_subject_verbs.items()):
        if typ not in types:
            raise ValueError(f"triggers.toml: [forces] {lemma} has unknown type {typ!r}")
    classes = data.get("classes", {})
    reporting = frozenset(data["reporting"]["lemmas"])
    for lemma in reporting:
        verbs.setdefault(lemma, "statement")
    return Lexicon(
        types=types,
        verbs=verbs,
        nouns=nouns,
        reporting=reporting,
        negating=frozenset(mod["negating"]),
        planning=frozenset(mod["planning"]),
        hypothetical_aux=frozenset(mod["hypothetical_aux"]),
        future_aux=frozenset(mod["future_aux"]),
        participation=frozenset(mod["participation"]),
        membership_needs_org=frozenset(mod["membership_needs_org"]),
        opinion=frozenset(classes.get("opinion", [])),
        background=frozenset(classes.get("background", [])),
        membership_nouns=frozenset(classes.get("membership_nouns", [])),
        organisation_nouns=frozenset(classes.get("organisation_nouns", [])),
        force_nouns=frozenset(forces.get("nouns", [])),
        force_object_verbs=force_object_verbs,
        force_subject_verbs=force_subject_verbs,
    )


@functools.cache
def default_lexicon() -> Lexicon:
    text = resources.files("cstotimeline").joinpath("data/triggers.toml").read_text("utf-8")
    return parse_lexicon(tomllib.loads(text))
