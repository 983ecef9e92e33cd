"""Time until graph.html is interactive for a synthetic ~5,000-node graph (figure for the release notes).

Builds a random news-like graph, writes it with kg.html.write_html, opens it several times in
headless Chromium and reports the median time from navigation start to `window.kgReady` (set once
the layout has stabilized and physics is frozen).

    .venv/bin/python bench/html_interactive.py [--nodes 5000] [--runs 5] [--max-nodes 1500]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from kg.graph import KnowledgeGraph  # noqa: E402
from kg.html import write_html  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
TYPES = ("Person", "Organization", "Group", "Country", "City", "Facility", "Event", "Attack", "Artifact")
PREDICATES = ("authorized", "attacked", "locatedIn", "spokespersonFor", "hasAttacker")
FACTUALITY = ("asserted", "asserted", "asserted", "attributed", "hedged", "negated")


def synthetic_graph(n_nodes: int, edges_per_node: float = 1.6, seed: int = 1) -> KnowledgeGraph:
    """A skewed random graph: a few hubs, many leaves, several evidence sentences per hub edge."""
    rng = random.Random(seed)
    kg = KnowledgeGraph()
    docs = [f"doc{i:04d}" for i in range(max(1, n_nodes // 10))]
    for d in docs:
        kg.add_document({"id": d, "title": f"Article {d}", "source": "synthetic"})
    nodes = [kg.add_entity(rng.choice(TYPES), f"Entity {i}", aliases=[f"E{i}", f"entity-{i}"],
                           docs=rng.sample(docs, 2)) for i in range(n_nodes)]
    for i in range(int(n_nodes * edges_per_node)):
        s = nodes[int(rng.paretovariate(1.2)) % n_nodes] if i % 3 == 0 else rng.choice(nodes)
        o = nodes[int(rng.paretovariate(1.2) * 7) % n_nodes]
        if s != o:
            doc = rng.choice(docs)
            kg.add_relation(s, rng.choice(PREDICATES), o, doc=doc, sentence=f"Sentence {i} of {doc}.",
                            start=i, end=i + 20, confidence=rng.uniform(0.3, 1.0),
                            factuality=rng.choice(FACTUALITY))
    return kg


def time_to_interactive(path: Path, runs: int) -> list[float]:
    """Seconds from navigation start to window.kgReady, one fresh page per run."""
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(path.as_uri())
            page.wait_for_selector("body[data-ready]", state="attached", timeout=120_000)
            times.append(page.evaluate("window.kgReadyAt") / 1000)
            page.close()
        browser.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--max-nodes", type=int, default=1500)
    args = parser.parse_args()
    kg = synthetic_graph(args.nodes)
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        path = write_html(kg, Path(tmp) / "graph.html", max_nodes=args.max_nodes)
        written = time.perf_counter() - started
        size = path.stat().st_size
        times = time_to_interactive(path, args.runs)
    print(f"graph: {kg.graph.number_of_nodes():,} nodes, {kg.graph.number_of_edges():,} evidence edges; "
          f"max_nodes={args.max_nodes:,}")
    print(f"write_html: {written:.2f} s, {size / 1e6:.1f} MB")
    print("runs (s): " + ", ".join(f"{t:.2f}" for t in times))
    print(f"median time to interactive: {statistics.median(times):.2f} s over {len(times)} runs")


if __name__ == "__main__":
    main()
