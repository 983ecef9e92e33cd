"""Generate ontology/README.md from ontology/kg.ttl, so the documentation cannot drift from the ontology.

Run ``python -m kg.ontology_doc`` after editing kg.ttl; a test fails while the page is out of date.
"""

from __future__ import annotations

from pathlib import Path

import rdflib
from rdflib import OWL, RDF, RDFS, BNode, Graph
from rdflib.collection import Collection

from kg.rdf import PREFIXES, compact
from kg.validate import ONTOLOGY, ONTOLOGY_DIR

README = ONTOLOGY_DIR / "README.md"
ALIGNMENT_NAMESPACES = ("schema", "prov", "dcterms")


def _name(graph: Graph, term: rdflib.term.Node) -> str:
    """A class expression as text: a prefixed name, or A ∪ B for an owl:unionOf."""
    if isinstance(term, BNode):
        members = graph.value(term, OWL.unionOf)
        if members is not None:
            return " ∪ ".join(_name(graph, m) for m in Collection(graph, members))
    return f"`{compact(str(term))}`"


def _names(graph: Graph, subject: rdflib.term.Node, predicate: rdflib.URIRef) -> str:
    return ", ".join(sorted(_name(graph, o) for o in graph.objects(subject, predicate))) or "–"


def _cell(text: object) -> str:
    return str(text or "").replace("|", "\\|").replace("\n", " ")


def _properties(graph: Graph, kind: rdflib.URIRef) -> list[str]:
    rows = ["| Property | Label | Domain | Range | Sub-property of | Comment |", "|---|---|---|---|---|---|"]
    for p in sorted(graph.subjects(RDF.type, kind)):
        rows.append(f"| `{compact(str(p))}` | {_cell(graph.value(p, RDFS.label))} | {_names(graph, p, RDFS.domain)} "
                    f"| {_names(graph, p, RDFS.range)} | {_names(graph, p, RDFS.subPropertyOf)} "
                    f"| {_cell(graph.value(p, RDFS.comment))} |")
    return rows


def render(ontology: Path = ONTOLOGY) -> str:
    """The Markdown page for an ontology file."""
    graph = Graph().parse(ontology, format="turtle")
    onto = next(graph.subjects(RDF.type, OWL.Ontology))
    lines = [
        f"# {graph.value(onto, RDFS.label)}",
        "",
        "<!-- Generated from kg.ttl by `python -m kg.ontology_doc`; do not edit by hand. -->",
        "",
        f"- Ontology IRI: `{onto}`",
        f"- Namespace: `{PREFIXES['kg']}` (prefix `kg:`)",
        f"- Version: {graph.value(onto, OWL.versionInfo)}",
        "",
        str(graph.value(onto, RDFS.comment)),
        "",
        "## Classes",
        "",
        "| Class | Label | Sub-class of | Comment |",
        "|---|---|---|---|",
    ]
    classes = sorted(c for c in graph.subjects(RDF.type, OWL.Class) if not isinstance(c, BNode))
    for c in classes:
        lines.append(f"| `{compact(str(c))}` | {_cell(graph.value(c, RDFS.label))} "
                     f"| {_names(graph, c, RDFS.subClassOf)} | {_cell(graph.value(c, RDFS.comment))} |")
    lines += ["", "## Object properties", "", *_properties(graph, OWL.ObjectProperty),
              "", "## Datatype properties", "", *_properties(graph, OWL.DatatypeProperty),
              "", "## Alignments", "",
              "Terms of other vocabularies that kg terms specialize (`rdfs:subClassOf`, `rdfs:subPropertyOf`):", ""]
    for kg_term, relation, other in sorted(graph.triples((None, None, None))):
        if (relation in (RDFS.subClassOf, RDFS.subPropertyOf) and not isinstance(other, BNode)
                and compact(str(other)).split(":")[0] in ALIGNMENT_NAMESPACES):
            lines.append(f"- `{compact(str(kg_term))}` {compact(str(relation))} `{compact(str(other))}`")
    return "\n".join(lines) + "\n"


def main() -> None:
    README.write_text(render(), encoding="utf-8")
    print(f"wrote {README}")


if __name__ == "__main__":
    main()
