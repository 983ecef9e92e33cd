"""Benchmark: load and two-hop query time of rdflib's in-memory store vs pyoxigraph on ~1M kg-shaped triples.

Why: it decides which store `kg query` uses and which serializer `kg build` writes with.
The graph is synthesized as a KnowledgeGraph and exported by kg.rdf.write_rdf, so its shape
(entities, plain triples, one PROV record per edge) is exactly kg's.

    .venv/bin/python bench/rdf_store.py [--triples 1000000] [--repeat 3]
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

import pyoxigraph as ox  # noqa: E402
import rdflib  # noqa: E402

from kg.graph import KnowledgeGraph  # noqa: E402
from kg.rdf import write_rdf  # noqa: E402
from kg.sparql import with_prefixes  # noqa: E402

TWO_HOP = "SELECT ?attacker ?place WHERE { ?attacker kg:attacked ?target . ?target kg:locatedIn ?place }"
TRIPLES_PER_EDGE, TRIPLES_PER_ENTITY = 12.5, 5.5  # measured shape of kg output
TYPES = ("Person", "Organization", "Group", "Country", "City", "Facility", "Attack")


def synthesize(triples: int, seed: int = 0) -> KnowledgeGraph:
    """A kg-shaped graph of about `triples` triples: ~10% of them about entities, the rest about edges."""
    rng = random.Random(seed)
    n_entities = int(triples * 0.09 / TRIPLES_PER_ENTITY)
    n_edges = int(triples * 0.91 / TRIPLES_PER_EDGE)
    n_docs = max(1, n_edges // 15)
    g = KnowledgeGraph()
    for d in range(n_docs):
        g.add_document({"id": f"doc{d}", "title": f"Article {d}", "date": "2024-01-01"})
    nodes = [g.add_entity(rng.choice(TYPES), f"entity {i}", aliases=[f"E{i}"],
                          docs=[f"doc{rng.randrange(n_docs)}" for _ in range(rng.randint(1, 2))])
             for i in range(n_entities)]
    agents = [n for n in nodes if g.graph.nodes[n]["type"] in TYPES[:4]]
    places = [n for n in nodes if g.graph.nodes[n]["type"] in TYPES[3:6]]
    for i in range(n_edges):
        predicate = rng.choice(("authorized", "attacked", "locatedIn", "spokespersonFor"))
        s, o = (rng.choice(places), rng.choice(places)) if predicate == "locatedIn" else \
            (rng.choice(agents), rng.choice(nodes))
        g.add_relation(s, predicate, o, doc=f"doc{rng.randrange(n_docs)}", sentence=f"Sentence number {i} of the bench.",
                       start=i * 40, end=i * 40 + 39, confidence=rng.random(),
                       factuality=rng.choice(("asserted",) * 8 + ("attributed", "negated")), rule="bench")
    return g


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        seconds, graph = timed(lambda: synthesize(args.triples))
        print(f"synthesized {graph.graph.number_of_nodes():,} entities, {graph.graph.number_of_edges():,} edges "
              f"in {seconds:.1f} s")
        seconds, _ = timed(lambda: write_rdf(graph, Path(tmp)))
        nt = Path(tmp) / "graph.nt"
        print(f"kg.rdf.write_rdf (ttl+nt+jsonld via pyoxigraph): {seconds:.1f} s")

        load = {"rdflib": lambda: rdflib.Graph().parse(nt, format="nt"),
                "pyoxigraph": lambda: _ox_store(nt)}
        results: dict[str, dict[str, float]] = {}
        for name in load:
            loads, queries = [], []
            for _ in range(args.repeat):
                seconds, store = timed(load[name])
                loads.append(seconds)
                seconds, rows = timed(lambda: sum(1 for _ in store.query(with_prefixes(TWO_HOP))))
                queries.append(seconds)
                store = None  # free the store before the next load
            results[name] = {"load": statistics.median(loads), "query": statistics.median(queries), "rows": rows}
            print(f"{name:>10}: load {results[name]['load']:7.2f} s   two-hop query {results[name]['query']:7.3f} s "
                  f"({rows:,} rows), medians of {args.repeat}")
        triples = sum(1 for _ in open(nt, "rb"))
        r, o = results["rdflib"], results["pyoxigraph"]
        print(f"{triples:,} triples; rdflib / pyoxigraph: load x{r['load'] / o['load']:.1f}, "
              f"query x{r['query'] / o['query']:.1f}")


def _ox_store(path: Path) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=path, format=ox.RdfFormat.N_TRIPLES)
    return store


if __name__ == "__main__":
    main()
