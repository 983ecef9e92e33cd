"""Interactive HTML view of a KnowledgeGraph: one offline file, vis-network and data inlined.

The page must work from a laptop with no network and must not trust entity names, so every
script and style is inlined, a Content-Security-Policy forbids any fetch, and the graph travels
as escaped JSON that page code only ever renders with textContent.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections import defaultdict
from pathlib import Path

import numpy as np
import pyvis
from scipy.spatial import cKDTree

from kg.graph import KnowledgeGraph

ASSETS = Path(__file__).resolve().parent / "assets"
VIS = Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2"

# (colour, vis-network shape); shapes that scale with `value` so size can show degree.
TYPE_STYLES = {
    "Person": ("#4e79a7", "dot"),
    "Organization": ("#f28e2b", "square"),
    "Group": ("#e15759", "hexagon"),
    "Location": ("#59a14f", "triangle"),
    "Country": ("#2f7d32", "triangle"),
    "City": ("#8cd17d", "triangle"),
    "Region": ("#76b7b2", "triangle"),
    "Facility": ("#9c755f", "triangleDown"),
    "Event": ("#b07aa1", "diamond"),
    "Attack": ("#c62828", "star"),
    "Artifact": ("#d4a017", "square"),
}
UNKNOWN_TYPE = ("#9e9e9e", "dot")
RELATION_COLORS = {
    "authorized": "#6a3d9a",
    "attacked": "#d62728",
    "locatedIn": "#2ca02c",
    "spokespersonFor": "#1f77b4",
    "hasAttacker": "#ff7f0e",
    "hasTarget": "#8c564b",
}
SPARE_COLORS = ("#17becf", "#bcbd22", "#e377c2", "#7f7f7f", "#393b79", "#637939", "#843c39")
_SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                                "\u2028": "\\u2028", "\u2029": "\\u2029"})


def write_html(kg: KnowledgeGraph, path: Path, *, max_nodes: int = 1500) -> Path:
    """Write the interactive page; above `max_nodes` only the most connected entities are drawn."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(graph_payload(kg, max_nodes)), encoding="utf-8")
    return path


def graph_payload(kg: KnowledgeGraph, max_nodes: int) -> dict:
    """What the page draws: kept nodes, one edge per (subject, object, predicate, factuality)
    carrying all its evidence, and counts of what was left out."""
    g = kg.graph
    keep = _most_connected(kg, max_nodes)
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for s, o, d in g.edges(data=True):
        groups[(s, o, d.get("predicate", "related"), d.get("factuality", "asserted"))].append(d)
    shown = sorted(k for k in groups if k[0] in keep and k[1] in keep)
    pair_seen: dict[frozenset, int] = defaultdict(int)
    edges = []
    for i, (s, o, predicate, factuality) in enumerate(shown):
        evidence = sorted(groups[s, o, predicate, factuality],
                          key=lambda d: (-d.get("confidence", 0), d.get("doc", ""), d.get("start", 0)))
        pair = frozenset((s, o))
        edges.append({
            "id": f"e{i}", "from": s, "to": o, "predicate": predicate, "factuality": factuality,
            "confidence": max(d.get("confidence", 0.0) for d in evidence),
            "curve": pair_seen[pair],
            "evidence": [{"doc": d.get("doc", ""), "sentence": d.get("sentence", ""),
                          "confidence": d.get("confidence", 0.0),
                          "attributedTo": _label(kg, d.get("attributed_to", ""))} for d in evidence],
        })
        pair_seen[pair] += 1
    multi = {p for p, n in pair_seen.items() if n > 1}
    for e in edges:
        e["curve"] = e["curve"] + 1 if frozenset((e["from"], e["to"])) in multi else 0
    types = sorted({g.nodes[n].get("type", "Thing") for n in keep})
    predicates = sorted({k[2] for k in groups})
    spare = iter(SPARE_COLORS * (len(predicates) // len(SPARE_COLORS) + 1))
    omitted_evidence = sum(len(groups[k]) for k in groups) - sum(len(e["evidence"]) for e in edges)
    nodes = sorted(keep)
    positions = layout(nodes, [(e["from"], e["to"]) for e in edges])
    return {
        "nodes": [_node(kg, n, positions[n]) for n in nodes],
        "edges": edges,
        "types": {t: dict(zip(("color", "shape"), TYPE_STYLES.get(t, UNKNOWN_TYPE))) for t in types},
        "relations": {p: RELATION_COLORS.get(p) or next(spare) for p in predicates},
        "docs": {k: v.get("title") or "" for k, v in sorted(kg.documents.items())},
        "total": {"nodes": g.number_of_nodes(), "edges": len(groups), "evidence": g.number_of_edges()},
        "omitted": {"nodes": g.number_of_nodes() - len(keep), "edges": len(groups) - len(edges),
                    "evidence": omitted_evidence},
    }


def render_html(payload: dict) -> str:
    """Fill the template; scripts are allowed by hash, so nothing else can run or load."""
    vis_js, app_js = (VIS / "vis-network.min.js").read_text("utf-8"), (ASSETS / "graph.js").read_text("utf-8")
    if "</script" in (vis_js + app_js).lower():
        raise ValueError("an inlined script contains '</script'")
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
                      for s in (vis_js, app_js))
    total = payload["total"]
    parts = {
        "CSP": (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
                "img-src data:; base-uri 'none'; form-action 'none'"),
        "TITLE": html.escape(f"Knowledge graph: {_count(total['nodes'], 'entity', 'entities')}, "
                             f"{_count(total['edges'], 'relation')}, {_count(len(payload['docs']), 'document')}"),
        "VIS_CSS": (VIS / "vis-network.css").read_text("utf-8"),
        "APP_CSS": (ASSETS / "graph.css").read_text("utf-8"),
        "DATA": json.dumps(payload, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_UNSAFE),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
    }
    template = (ASSETS / "graph.html").read_text("utf-8")
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], template)


def _most_connected(kg: KnowledgeGraph, max_nodes: int) -> set[str]:
    """All nodes, or the `max_nodes` with the highest degree (ties: more mentions, then IRI)."""
    g = kg.graph
    if g.number_of_nodes() <= max_nodes:
        return set(g)
    ranked = sorted(g, key=lambda n: (-g.degree(n), -g.nodes[n].get("mentions", 0), n))
    return set(ranked[:max_nodes])


def layout(nodes: list[str], edges: list[tuple[str, str]], *, iterations: int = 80,
           seed: int = 7) -> dict[str, tuple[int, int]]:
    """Starting positions (pixels) from Fruchterman-Reingold with repulsion limited to near
    neighbours (KD-tree), O(n) per step: the browser then only polishes the layout briefly,
    which is what keeps a 1,500-node page interactive within seconds on a small machine."""
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    links = np.array([(index[s], index[o]) for s, o in edges if s != o], dtype=np.intp).reshape(-1, 2)
    side = 1.5 * np.sqrt(max(n, 1))  # ideal edge length is 1
    pos = np.random.default_rng(seed).uniform(0, side, (n, 2))
    step = side / 10
    for _ in range(iterations if n > 1 else 0):
        disp = (side / 2 - pos) * 0.02  # weak gravity keeps components together
        near = cKDTree(pos).query_pairs(2.0, output_type="ndarray")
        for pairs, force in ((near, lambda d, d2: d / d2), (links, lambda d, d2: -d * np.sqrt(d2))):
            if len(pairs):
                d = pos[pairs[:, 0]] - pos[pairs[:, 1]]
                f = force(d, np.maximum((d * d).sum(1), 1e-4)[:, None])
                for axis in (0, 1):
                    disp[:, axis] += (np.bincount(pairs[:, 0], f[:, axis], n)
                                      - np.bincount(pairs[:, 1], f[:, axis], n))
        length = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)[:, None]
        pos += disp / length * np.minimum(length, step)
        step *= 0.96
    pos = (pos - pos.mean(axis=0)) * 110  # vis-network's spring length is ~110 px
    return {v: (int(x), int(y)) for v, (x, y) in zip(nodes, pos)}


def _node(kg: KnowledgeGraph, node: str, xy: tuple[int, int]) -> dict:
    d = kg.graph.nodes[node]
    out = {"id": node, "label": d.get("label") or node, "type": d.get("type", "Thing"),
           "aliases": list(d.get("aliases", [])), "docs": list(d.get("docs", [])),
           "mentions": d.get("mentions", 0), "degree": kg.graph.degree(node), "x": xy[0], "y": xy[1]}
    out.update({k: d[k] for k in ("date", "geonames") if d.get(k)})
    return out


def _label(kg: KnowledgeGraph, node: str) -> str:
    return kg.graph.nodes[node].get("label", node) if node in kg.graph else node


def _count(n: int, one: str, many: str = "") -> str:
    return f"{n:,} {one if n == 1 else many or one + 's'}"
