"""The extraction vocabulary from ontology/vocabulary.toml, loaded once and frozen."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return frozenset(value)
    return value


@cache
def vocabulary() -> MappingProxyType:
    """Nested read-only mapping; word lists become frozensets for fast membership tests."""
    with open(ONTOLOGY_DIR / "vocabulary.toml", "rb") as handle:
        return _freeze(tomllib.load(handle))


def words(*path: str) -> frozenset[str]:
    """One word list, e.g. ``words("relations", "attacked", "verbs")``."""
    node: Any = vocabulary()
    for key in path:
        node = node[key]
    return node
