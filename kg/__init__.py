"""kg: build a knowledge graph from English news articles."""

from kg.graph import KnowledgeGraph
from kg.pipeline import build

__all__ = ["KnowledgeGraph", "build"]
