"""The Python API: ``cstotimeline.extract`` and ``cstotimeline.tag``.

Both are plain functions over the pipeline the command line runs (``pipeline.extract`` and
``timex.tag``), so ``extract(text, published=...)`` gives the events ``cstotimeline extract
--published ...`` gives for the same text. Nothing heavy is imported until they are called:
``import cstotimeline`` imports neither spaCy nor numpy.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from cstotimeline.records import Document, Event, Timex

if TYPE_CHECKING:
    from spacy.language import Language

    from cstotimeline.actors import Gazetteer

Texts = str | Document | Iterable[str | Document]
Published = dt.date | str | None


class CstoTimelineWarning(UserWarning):
    """A text had to be read with less than it needs (no publication date found, for one)."""


def _date(published: Published) -> dt.date | None:
    if published is None or isinstance(published, dt.date):
        return published
    from cstotimeline import errors
    from cstotimeline.ingest import parse_date

    parsed = parse_date(str(published), strict=True)
    if parsed is None:
        raise ValueError(errors.E_BAD_DATE.format(value=published))
    return parsed


def documents(text_or_texts: Texts, *, published: Published = None) -> list[Document]:
    """The documents ``extract`` reads: a :class:`Document` as it is; a string as the command
    line reads a file (a header block such as ``published: 2023-11-24`` is not article text),
    named ``<text>``, or ``<text 1>``, ``<text 2>``… in a list. Its publication date is
    ``published``, else the header's, a dateline's, or the latest full date in the text (with a
    :class:`CstoTimelineWarning`, as the command line warns)."""
    from cstotimeline import errors
    from cstotimeline.ingest import find_published

    items = [text_or_texts] if isinstance(text_or_texts, str | Document) else list(text_or_texts)
    given = _date(published)
    out: list[Document] = []
    for i, item in enumerate(items, 1):
        if isinstance(item, Document):
            out.append(item)
            continue
        if not isinstance(item, str):
            raise TypeError(f"expected a str or a Document, not {type(item).__name__}")
        source = "<text>" if len(items) == 1 else f"<text {i}>"
        found, basis, offset = find_published(item, "")
        if given is not None:
            found, basis = given, "option"
        elif basis == "inferred":
            message = errors.E_PUBLISHED_INFERRED.format(path=source, date=found)
            warnings.warn(message, CstoTimelineWarning, stacklevel=3)
        elif basis == "unknown":
            message = errors.E_PUBLISHED_UNKNOWN.format(path=source)
            warnings.warn(message, CstoTimelineWarning, stacklevel=3)
        out.append(Document(source, item[offset:], found, basis, offset=offset))
    return out


def _pipeline(nlp: Language | str | None) -> Language:
    if nlp is None or isinstance(nlp, str):
        from cstotimeline import nlp as nlp_mod

        return nlp_mod.load(nlp or None)
    return nlp


def _gazetteer(gazetteer: Gazetteer | str | Path | None) -> Gazetteer:
    from cstotimeline.actors import Gazetteer, default_gazetteer

    if gazetteer is None:
        return default_gazetteer()
    if isinstance(gazetteer, str | Path):
        return Gazetteer.load(Path(gazetteer))
    return gazetteer


def extract(
    text_or_texts: Texts,
    *,
    published: Published = None,
    nlp: Language | str | None = None,
    gazetteer: Gazetteer | str | Path | None = None,
    keep_all: bool = False,
) -> list[Event]:
    """The chronology of one text or several: their events, merged and sorted by date.

    ``published`` (a date or ``YYYY-MM-DD``) dates every string; without it each string's
    date is found as for a file (see :func:`documents`). ``nlp`` is a loaded spaCy pipeline or
    the name of an installed one (default: the command line's, with its paragraph component);
    a pipeline passed in is used as it is. ``gazetteer`` is a :class:`Gazetteer` or the path
    of a gazetteer TOML file (default: the packaged one). ``keep_all`` keeps every dated event,
    not only those bearing on CSTO–Armenia relations (``--all``).
    """
    from cstotimeline import pipeline

    docs = documents(text_or_texts, published=published)
    pipe = _pipeline(nlp)
    gaz = _gazetteer(gazetteer)
    per_document = [
        events for _doc, events in pipeline.extract(docs, pipe, gazetteer=gaz, keep_all=keep_all)
    ]
    return pipeline.chronology(per_document)


def tag(text: str, *, published: Published, nlp: Language | str | None = None) -> list[Timex]:
    """The temporal expressions of ``text`` with their TIMEX3 values, relative ones resolved
    against ``published`` (a date, ``YYYY-MM-DD``, or None to leave them unresolved: ``XXXX-
    XX``). Offsets index ``text``. With ``nlp`` (a pipeline or its name) the parse gives each
    clause's tense, as ``cstotimeline timex`` does; without it the tense is read from nearby
    words and spaCy is not imported (``cstotimeline timex --no-model``)."""
    from cstotimeline.timex import tag as tag_text

    dct = _date(published)
    if nlp is None:
        return tag_text(text, dct)
    from cstotimeline.app import parse_chunks, tag_parsed

    document = Document("<text>", text, dct, "option")
    return tag_parsed(document, parse_chunks(document, _pipeline(nlp)))


__all__ = ["CstoTimelineWarning", "documents", "extract", "tag"]
