"""Write every export of a KnowledgeGraph into a folder, all or nothing."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import networkx as nx

from kg.errors import KgError
from kg.graph import KnowledgeGraph
from kg.html import write_html
from kg.rdf import write_rdf

OUTPUTS = ("graph.ttl", "graph.nt", "graph.jsonld", "graph.html", "graph.graphml", "graph.json")


def write_networkx(kg: KnowledgeGraph, out_dir: Path) -> list[Path]:
    """graph.graphml and graph.json (networkx node-link), both in a stable order."""
    graphml, node_link = out_dir / "graph.graphml", out_dir / "graph.json"
    nx.write_graphml(kg.to_graphml_graph(), graphml)
    node_link.write_text(json.dumps(kg.to_node_link(), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                         encoding="utf-8")
    return [graphml, node_link]


def write_all(kg: KnowledgeGraph, out_dir: str | Path) -> list[Path]:
    """Write all six outputs into a scratch folder, then move them into ``out_dir``, so a failure
    never leaves a half-written build behind."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise KgError(f"output path exists and is not a folder: {out_dir}")
    parent = out_dir.resolve().parent
    if not parent.exists():
        raise KgError(f"parent folder of the output does not exist: {parent}")
    scratch = Path(tempfile.mkdtemp(prefix=".kg-build-", dir=parent))
    try:
        write_rdf(kg, scratch)
        write_html(kg, scratch / "graph.html")
        write_networkx(kg, scratch)
        out_dir.mkdir(exist_ok=True)
        written = []
        for name in OUTPUTS:
            os.replace(scratch / name, out_dir / name)
            written.append(out_dir / name)
        return written
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
