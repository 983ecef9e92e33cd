"""KnowledgeGraph: the one in-memory model every exporter reads (a networkx MultiDiGraph)."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

import networkx as nx

BASE = "https://w3id.org/kg-news/"
ONTOLOGY_NS = BASE + "ontology#"
RESOURCE_NS = BASE + "id/"
DOCUMENT_NS = BASE + "doc/"

RELATIONS = ("authorized", "attacked", "locatedIn", "spokespersonFor")
FACTS = ("asserted", "attributed")
FACTUALITY = ("asserted", "attributed", "negated", "hedged")


def slug(text: str) -> str:
    """A readable, stable IRI segment: ASCII, lowercase, hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def entity_iri(type_: str, key: str) -> str:
    """IRI of an entity from its type and a stable key (its canonical name, or doc-scoped name for events)."""
    return f"{RESOURCE_NS}{slug(type_)}/{slug(key)}"


def document_iri(doc_id: str) -> str:
    return DOCUMENT_NS + slug(doc_id)


def edge_key(predicate: str, subject: str, obj: str, doc: str, start: int) -> str:
    """Stable key of one piece of evidence for one triple; also names its provenance record."""
    digest = hashlib.sha1(f"{subject}|{predicate}|{obj}|{doc}|{start}".encode()).hexdigest()[:16]
    return f"{predicate}-{digest}"


class KnowledgeGraph:
    """Entities as nodes (keyed by IRI), relation evidence as edges, plus document metadata.

    Node attributes: ``label``, ``type`` (ontology class local name), ``aliases`` (sorted other
    surface forms), ``docs`` (sorted document ids), ``mentions`` (count), optional ``geonames``
    (IRI) and ``date`` (ISO date, events).
    Edge attributes: ``predicate``, ``doc``, ``sentence``, ``start``/``end`` (sentence offsets in
    the document text), ``confidence``, ``factuality`` (asserted, attributed, negated, hedged),
    ``attributed_to`` (node IRI or ""), ``rule`` (the pattern that produced it).

    >>> g = KnowledgeGraph()
    >>> a = g.add_entity("Person", "Joe Biden", aliases=["Biden"], docs=["d1"])
    >>> b = g.add_entity("Event", "d1 strike", label="strike", docs=["d1"])
    >>> _ = g.add_relation(a, "authorized", b, doc="d1", sentence="Biden authorized the strike.",
    ...                    start=0, end=28, confidence=0.9)
    >>> [(g.label(s), p, g.label(o)) for s, p, o, _ in g.triples()]
    [('Joe Biden', 'authorized', 'strike')]
    """

    def __init__(self, graph: nx.MultiDiGraph | None = None, documents: dict[str, dict] | None = None):
        self.graph = graph if graph is not None else nx.MultiDiGraph()
        self.documents: dict[str, dict] = dict(documents or {})

    # -- building -----------------------------------------------------------------------------
    def add_document(self, info: dict) -> None:
        self.documents[info["id"]] = dict(info)

    def add_entity(self, type_: str, key: str, *, label: str | None = None, aliases=(), docs=(),
                   mentions: int = 1, iri: str | None = None, **extra: Any) -> str:
        """Add (or merge into) a node; returns its IRI."""
        node = iri or entity_iri(type_, key)
        label = label or key
        if node in self.graph:
            data = self.graph.nodes[node]
            names = set(data["aliases"]) | set(aliases) | {label}
            data["aliases"] = sorted(names - {data["label"]})
            data["docs"] = sorted(set(data["docs"]) | set(docs))
            data["mentions"] += mentions
            data.update({k: v for k, v in extra.items() if v is not None})
        else:
            self.graph.add_node(node, label=label, type=type_, aliases=sorted(set(aliases) - {label}),
                                docs=sorted(set(docs)), mentions=mentions,
                                **{k: v for k, v in extra.items() if v is not None})
        return node

    def add_relation(self, subject: str, predicate: str, obj: str, *, doc: str, sentence: str,
                     start: int, end: int, confidence: float, factuality: str = "asserted",
                     attributed_to: str = "", rule: str = "") -> str:
        """Add one piece of evidence for a triple; the same evidence twice is kept once."""
        if factuality not in FACTUALITY:
            raise ValueError(f"unknown factuality {factuality!r}")
        key = edge_key(predicate, subject, obj, doc, start)
        if not self.graph.has_edge(subject, obj, key):
            self.graph.add_edge(subject, obj, key=key, predicate=predicate, doc=doc, sentence=sentence,
                                start=start, end=end, confidence=round(float(confidence), 3),
                                factuality=factuality, attributed_to=attributed_to, rule=rule)
        return key

    def merge(self, other: "KnowledgeGraph") -> dict[str, str]:
        """Add another build's documents, nodes and edges without changing any IRI already here.

        A new node joins an existing one with the same IRI, the same GeoNames link, or a shared
        name and the same type; returns the mapping of the other graph's IRIs to IRIs here.
        """
        clash = sorted(set(self.documents) & set(other.documents))
        if clash:
            raise ValueError(f"documents already in the graph: {', '.join(clash)}")
        by_geo = {d["geonames"]: n for n, d in self.graph.nodes(data=True) if d.get("geonames")}
        by_name: dict[tuple[str, str], str] = {}
        for node, data in sorted(self.graph.nodes(data=True)):
            for name in self.names(node):
                by_name.setdefault((data["type"], name.casefold()), node)
        mapping: dict[str, str] = {}
        for node, data in sorted(other.graph.nodes(data=True)):
            target = node if node in self.graph else by_geo.get(data.get("geonames") or "")
            if target is None:
                target = next((by_name[(data["type"], n.casefold())] for n in other.names(node)
                               if (data["type"], n.casefold()) in by_name), None)
            if target is None:
                target = node
            mapping[node] = target
            extra = {k: v for k, v in data.items() if k not in ("label", "type", "aliases", "docs", "mentions")}
            self.add_entity(data["type"], data["label"], label=data["label"], aliases=data["aliases"],
                            docs=data["docs"], mentions=data["mentions"], iri=target, **extra)
        for s, o, data in other.graph.edges(data=True):
            attrs = {k: v for k, v in data.items() if k != "predicate"}
            attrs["attributed_to"] = mapping.get(attrs.get("attributed_to", ""), attrs.get("attributed_to", ""))
            self.add_relation(mapping[s], data["predicate"], mapping[o], **attrs)
        self.documents.update(other.documents)
        return mapping

    # -- reading ------------------------------------------------------------------------------
    def label(self, node: str) -> str:
        return self.graph.nodes[node]["label"]

    def names(self, node: str) -> list[str]:
        """Every surface form of a node: its label first, then its aliases."""
        data = self.graph.nodes[node]
        return [data["label"], *data["aliases"]]

    def triples(self, predicates=RELATIONS, factuality=FACTS) -> Iterator[tuple[str, str, str, dict]]:
        """Relation edges as (subject, predicate, object, attributes), in a stable order."""
        rows = [(s, d["predicate"], o, d) for s, o, d in self.graph.edges(data=True)
                if d["predicate"] in predicates and d["factuality"] in factuality]
        yield from sorted(rows, key=lambda r: (r[3]["doc"], r[3]["start"], r[0], r[1], r[2]))

    def find(self, name: str) -> list[str]:
        """Nodes with this label or alias (case-insensitive)."""
        want = name.casefold()
        return sorted(n for n in self.graph if any(x.casefold() == want for x in self.names(n)))

    def summary(self) -> dict:
        """Counts for the end-of-build report."""
        types = Counter(d["type"] for _, d in self.graph.nodes(data=True))
        facts = Counter(d["predicate"] for _, _, d in self.graph.edges(data=True) if d["factuality"] in FACTS)
        claims = Counter(d["factuality"] for _, _, d in self.graph.edges(data=True) if d["factuality"] not in FACTS)
        return {"documents": len(self.documents), "entities": dict(sorted(types.items())),
                "relations": dict(sorted(facts.items())), "claims": dict(sorted(claims.items()))}

    # -- exports ------------------------------------------------------------------------------
    def to_rdf(self):
        """The graph as an rdflib Graph (see kg.rdf)."""
        from kg.rdf import to_rdf

        return to_rdf(self)

    def write(self, out_dir: str | Path) -> list[Path]:
        """Write graph.ttl, .nt, .jsonld, .html, .graphml and .json into ``out_dir``, all or nothing."""
        from kg.export import write_all

        return write_all(self, out_dir)

    # -- networkx interchange -----------------------------------------------------------------
    def to_node_link(self) -> dict:
        """node-link JSON (networkx) with the documents alongside; stable order."""
        data = nx.node_link_data(self._sorted(), edges="edges")
        data["graph"] = {"documents": [self.documents[k] for k in sorted(self.documents)]}
        return data

    @classmethod
    def from_node_link(cls, data: dict) -> "KnowledgeGraph":
        graph = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
        docs = {d["id"]: d for d in graph.graph.pop("documents", [])}
        return cls(nx.MultiDiGraph(graph), docs)

    @classmethod
    def load(cls, path: Path) -> "KnowledgeGraph":
        """Read a build's graph.json back."""
        return cls.from_node_link(json.loads(Path(path).read_text(encoding="utf-8")))

    def to_graphml_graph(self) -> nx.MultiDiGraph:
        """A copy with list attributes joined by ' | ', since GraphML holds scalars only."""
        graph = self._sorted()
        for _, data in graph.nodes(data=True):
            for k, v in list(data.items()):
                if isinstance(v, (list, tuple)):
                    data[k] = " | ".join(map(str, v))
        return graph

    def _sorted(self) -> nx.MultiDiGraph:
        """A copy with nodes and edges in a stable order, so outputs are byte-identical run to run."""
        graph = nx.MultiDiGraph()
        for node in sorted(self.graph):
            graph.add_node(node, **self.graph.nodes[node])
        for s, o, k, d in sorted(self.graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
            graph.add_edge(s, o, key=k, **d)
        return graph
