"""cstotimeline: dated, sourced chronologies of CSTO–Armenia relations from news text.

``extract(text_or_texts, published=...)`` gives the chronology of one text or several, and
``tag(text, published=...)`` their temporal expressions; the records they return are
importable from here. Nothing is imported with the package itself: each name is loaded when
it is first used (so ``cstotimeline --help`` stays instant), and spaCy when a text is first
parsed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from cstotimeline.api import CstoTimelineWarning, extract, tag
    from cstotimeline.records import ActorMention, Document, Event, Mention, Timex

# Public name → the module that defines it.
_LAZY = {
    "extract": "cstotimeline.api",
    "tag": "cstotimeline.api",
    "CstoTimelineWarning": "cstotimeline.api",
    "ActorMention": "cstotimeline.records",
    "Document": "cstotimeline.records",
    "Event": "cstotimeline.records",
    "Mention": "cstotimeline.records",
    "Timex": "cstotimeline.records",
}

__all__ = [
    "ActorMention",
    "CstoTimelineWarning",
    "Document",
    "Event",
    "Mention",
    "Timex",
    "__version__",
    "extract",
    "tag",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cstotimeline' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
