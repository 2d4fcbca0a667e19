"""Relevance to CSTO–Armenia relations: of an event, from its participants, and of an
article, from what it is about.

``core``: the CSTO (or one of its bodies or officials) takes part; ``context``: Armenia (or
its officials, or Nagorno-Karabakh) does; ``other`` otherwise. An event whose participants
name neither, told in an article about the CSTO or Armenia ("the gradual withdrawal of the
peacekeepers started on January 13" in a story on the CSTO mission), takes the article's
relevance as ``context``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cstotimeline.actors import Gazetteer

CSTO = "CSTO"
ARMENIA = "Armenia"
_ARMENIAN = frozenset({ARMENIA, "Nagorno-Karabakh Republic"})
RELEVANCES = ("core", "context", "other")


def touches_csto(actors: Collection[str], gaz: Gazetteer) -> bool:
    return any(a == CSTO or gaz.parent(a) == CSTO for a in actors)


def touches_armenia(actors: Collection[str], gaz: Gazetteer) -> bool:
    return any(a in _ARMENIAN or gaz.country(a) in _ARMENIAN for a in actors)


def relevance_of(actors: Sequence[str], gaz: Gazetteer, *, article: str = "other") -> str:
    """``core`` / ``context`` / ``other`` from an event's actors; ``article`` is the relevance
    of the article the event is told in (``article_relevance``), used when the event names no
    actor at all ("the gradual withdrawal of the peacekeepers started on January 13")."""
    if touches_csto(actors, gaz):
        return "core"
    if touches_armenia(actors, gaz):
        return "context"
    return "context" if article in ("core", "context") else "other"


def article_relevance(csto_share: float, armenia_share: float) -> str:
    """An article is about the CSTO when at least one sentence in five names it, about Armenia
    likewise; else it is about something else."""
    if csto_share >= 0.2:
        return "core"
    if armenia_share >= 0.2:
        return "context"
    return "other"
