"""cstotimeline: dated, sourced chronologies of CSTO–Armenia relations from news text.

``extract(text_or_texts, published=...)`` gives the chronology of one text or several, and
``tag(text, published=...)`` their temporal expressions; the records they return are
importable from here. Nothing heavy is imported with the package: spaCy is loaded when a text
is first parsed.
"""

__version__ = "0.1.0"

from cstotimeline.api import CstoTimelineWarning, extract, tag
from cstotimeline.records import ActorMention, Document, Event, Mention, Timex

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
