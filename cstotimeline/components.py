"""spaCy components: cstotimeline's actors, temporal expressions and events on a ``Doc``.

Registered with spaCy through the ``spacy_factories`` entry points of the package, so any
pipeline can add them by name once cstotimeline is installed::

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("cstotimeline_paragraphs", before="parser")  # optional: the CLI's sentences
    nlp.add_pipe("cstotimeline_events", config={"published": "2023-11-24"})
    doc = nlp(text)
    doc._.events  # list[Event]

- ``cstotimeline_actors`` → ``doc.spans["actors"]``: every actor found (gazetteer names,
  aliases, metonyms, role phrases resolved to the office holder on the publication date, and
  the parse's unknown named entities), each span's ``kb_id_`` the canonical name, its
  ``label_`` the kind (``person``, ``state``, ``organisation``, ``body``, ``region``,
  ``unknown``) and ``span._.actor_country`` the state it belongs to.
- ``cstotimeline_timex`` → ``doc.spans["timex"]``: the TIMEX3 expressions, ``label_`` the
  type, ``span._.timex_value``, ``span._.timex_type``, ``span._.timex_mod`` and the record
  itself in ``span._.timex``.
- ``cstotimeline_events`` → ``doc._.events``: the events of the text, by
  ``events.extract_events`` (what the command line runs on each parse), with ``source`` as
  their mentions' source.

The publication date is ``doc._.published`` (a date or ``YYYY-MM-DD``) when set, else the
component's ``published`` setting; without either, relative dates stay unresolved. A
:class:`~cstotimeline.records.Document` in ``doc._.document`` (its text the Doc's) gives the
source, publication date, address and outlet, and the offset of the text in its file, as the
command line reads them: with it the events are those ``cstotimeline extract`` gives. The
gazetteer is the packaged one unless ``gazetteer`` names a TOML file. spaCy loads this module
for every pipeline it creates (that is how entry points work): it imports only spaCy, and the
rest of cstotimeline when a component is made.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Span

if TYPE_CHECKING:
    from cstotimeline.actors import Gazetteer

ACTORS = "cstotimeline_actors"
TIMEX = "cstotimeline_timex"
EVENTS = "cstotimeline_events"

_DOC_EXTENSIONS = ("published", "document", "events")
_SPAN_EXTENSIONS = ("actor_country", "timex", "timex_value", "timex_type", "timex_mod")


def register_extensions() -> None:
    """The ``Doc`` and ``Span`` extensions the components read and write (once)."""
    for name in _DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in _SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register_extensions()


def _published(doc: Doc, default: str | None) -> dt.date | None:
    from cstotimeline.api import _date

    if doc._.document is not None:
        published: dt.date | None = doc._.document.published
        return published
    return _date(doc._.published if doc._.published is not None else default)


def _gazetteer(path: str | None) -> Gazetteer:
    from cstotimeline.actors import Gazetteer, default_gazetteer

    return Gazetteer.load(Path(path)) if path else default_gazetteer()


class ActorsComponent:
    """Adds ``doc.spans[spans_key]``: the actors of the text."""

    def __init__(self, published: str | None, gazetteer: str | None, spans_key: str) -> None:
        self.published = published
        self.gaz = _gazetteer(gazetteer)
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        from cstotimeline.actors import find_actors

        spans = []
        for m in find_actors(doc, self.gaz, _published(doc, self.published)):
            span = doc.char_span(
                m.start, m.end, label=m.kind, kb_id=m.canonical, alignment_mode="expand"
            )
            if span is not None and len(span):
                span._.actor_country = m.country
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


class TimexComponent:
    """Adds ``doc.spans[spans_key]``: the temporal expressions with their TIMEX3 values."""

    def __init__(self, published: str | None, spans_key: str) -> None:
        self.published = published
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        from cstotimeline.timex import tag

        parsed = doc.has_annotation("DEP")
        spans = []
        for t in tag(doc.text, _published(doc, self.published), doc=doc if parsed else None):
            span = doc.char_span(t.start, t.end, label=t.type, alignment_mode="expand")
            if span is not None and len(span):
                span._.timex = t
                span._.timex_value = t.value
                span._.timex_type = t.type
                span._.timex_mod = t.mod
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


class EventsComponent:
    """Sets ``doc._.events``: the events of the text (``events.extract_events``)."""

    def __init__(
        self, published: str | None, gazetteer: str | None, keep_all: bool, source: str
    ) -> None:
        self.published = published
        self.gaz = _gazetteer(gazetteer)
        self.keep_all = keep_all
        self.source = source

    def __call__(self, doc: Doc) -> Doc:
        from cstotimeline.events import extract_events
        from cstotimeline.pipeline import with_source
        from cstotimeline.records import Document

        document = doc._.document
        if document is None:
            when = _published(doc, self.published)
            basis = "option" if when is not None else "unknown"
            document = Document(self.source, doc.text, when, basis)
        elif document.text != doc.text:
            raise ValueError(f"doc._.document is not the document of this Doc ({document.source})")
        events = extract_events(document, doc, gazetteer=self.gaz, keep_all=self.keep_all)
        doc._.events = with_source(document, events)
        return doc


_PARSE = ["doc.ents", "token.dep", "token.lemma", "token.tag", "token.is_sent_start"]


@Language.factory(
    ACTORS,
    requires=["doc.ents"],
    assigns=["doc.spans"],
    default_config={"published": None, "gazetteer": None, "spans_key": "actors"},
)
def make_actors(
    nlp: Language, name: str, published: str | None, gazetteer: str | None, spans_key: str
) -> ActorsComponent:
    return ActorsComponent(published, gazetteer, spans_key)


@Language.factory(
    TIMEX,
    requires=["token.dep", "token.tag"],
    assigns=["doc.spans"],
    default_config={"published": None, "spans_key": "timex"},
)
def make_timex(nlp: Language, name: str, published: str | None, spans_key: str) -> TimexComponent:
    return TimexComponent(published, spans_key)


@Language.factory(
    EVENTS,
    requires=_PARSE,
    assigns=["doc._.events"],
    default_config={"published": None, "gazetteer": None, "keep_all": False, "source": "-"},
)
def make_events(
    nlp: Language,
    name: str,
    published: str | None,
    gazetteer: str | None,
    keep_all: bool,
    source: str,
) -> EventsComponent:
    return EventsComponent(published, gazetteer, keep_all, source)


__all__ = [
    "ACTORS",
    "EVENTS",
    "TIMEX",
    "ActorsComponent",
    "EventsComponent",
    "TimexComponent",
    "make_actors",
    "make_events",
    "make_timex",
    "register_extensions",
]
