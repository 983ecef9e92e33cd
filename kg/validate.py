"""Check an RDF export against the SHACL shapes in ontology/shapes.ttl, with the ontology mixed in."""

from __future__ import annotations

from pathlib import Path

import rdflib
from pyshacl import validate as shacl_validate
from rdflib.namespace import SH

from kg.errors import KgError
from kg.rdf import NAMES, compact

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
ONTOLOGY = ONTOLOGY_DIR / "kg.ttl"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"
FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld"}


def load(path: Path) -> rdflib.Graph:
    """Parse an RDF file named by its suffix, turning every failure into one KgError line."""
    path = Path(path)
    if path.suffix not in FORMATS:
        raise KgError(f"unsupported RDF file (want {', '.join(FORMATS)}): {path}")
    if not path.is_file():
        raise KgError(f"no such file: {path}")
    try:
        return rdflib.Graph().parse(path, format=FORMATS[path.suffix])
    except Exception as err:  # rdflib raises many types for bad syntax
        raise KgError(f"cannot parse {path}: {str(err).splitlines()[0] if str(err) else type(err).__name__}") from None


def _report(results: rdflib.Graph, names: dict[str, str]) -> str:
    """One sorted line per violation: focus node, property path, message (IRIs with the data's prefixes)."""
    lines = set()
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage) or results.value(result, SH.sourceConstraintComponent)
        where = compact(str(focus), names) + (f" {compact(str(path), names)}" if isinstance(path, rdflib.URIRef) else "")
        lines.add(f"{where}: {message}")
    return "\n".join(sorted(lines))


def validate(source: Path | rdflib.Graph) -> tuple[bool, str]:
    """(conforms, readable report) of a graph or RDF file against ontology/shapes.ttl."""
    data = source if isinstance(source, rdflib.Graph) else load(source)
    shapes = rdflib.Graph().parse(SHAPES, format="turtle")
    ontology = rdflib.Graph().parse(ONTOLOGY, format="turtle")
    conforms, results, _ = shacl_validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                          allow_warnings=False)
    if conforms:
        return True, f"conforms to {SHAPES.name} ({len(data)} triples)"
    report = _report(results, {**NAMES, **{str(ns): p for p, ns in data.namespaces()}})
    return False, f"does not conform to {SHAPES.name} ({report.count(chr(10)) + 1} problems):\n{report}"
