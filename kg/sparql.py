"""SPARQL over a build: locally with pyoxigraph, or on a SPARQL 1.1 server (Protocol + Graph Store Protocol).

Both paths return the same strings (IRIs and literal values, "" for unbound), so a query gives the same
rows locally and remotely. Every query gets the kg prefixes prepended, so ``kg:attacked`` works as is.
Remote queries see pushed builds when the server unions its named graphs into the default graph
(``oxigraph serve --union-default-graph``); otherwise wrap the pattern in ``GRAPH ?g { ... }``.
"""

from __future__ import annotations

import hashlib
import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.graph import BASE
from kg.rdf import PREFIXES

BUILD_NS = BASE + "build/"
FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD}
MEDIA_TYPES = {".ttl": "text/turtle", ".nt": "application/n-triples", ".jsonld": "application/ld+json"}
TIMEOUT = 60

AUTHORIZED = """\
# Who authorized what (and when, if the event is dated).
SELECT ?agent ?action ?date WHERE {
  ?a kg:authorized ?x .
  ?a rdfs:label ?agent .
  ?x rdfs:label ?action .
  OPTIONAL { ?x kg:date ?date }
} ORDER BY ?agent ?action ?date
"""

ATTACKED = """\
# Who attacked whom, from plain kg:attacked triples and from Attack events with both roles;
# where and when, when an Attack event with those roles says so (kg:locatedIn, kg:date).
SELECT DISTINCT ?attacker ?target ?attack ?place ?date WHERE {
  { ?a kg:attacked ?t } UNION { ?event kg:hasAttacker ?a ; kg:hasTarget ?t }
  ?a rdfs:label ?attacker .
  ?t rdfs:label ?target .
  OPTIONAL {
    ?e kg:hasAttacker ?a ; kg:hasTarget ?t ; rdfs:label ?attack .
    OPTIONAL { ?e kg:locatedIn/rdfs:label ?place }
    OPTIONAL { ?e kg:date ?date }
  }
} ORDER BY ?attacker ?target ?attack ?place ?date
"""

SPOKESPERSONS = """\
# Who speaks for whom, with each piece of evidence: the sentence and its document.
SELECT ?person ?for ?doc ?sentence WHERE {
  ?p kg:spokespersonFor ?o .
  ?st rdf:subject ?p ; rdf:predicate kg:spokespersonFor ; rdf:object ?o ;
      kg:sentence ?sentence ; prov:wasDerivedFrom/dcterms:identifier ?doc .
  ?p rdfs:label ?person .
  ?o rdfs:label ?for .
} ORDER BY ?person ?for ?doc ?sentence
"""

EVIDENCE = """\
# For every relation triple, the sentences that support it, with their document, offsets and scores.
SELECT ?subject ?relation ?object ?factuality ?confidence ?doc ?start ?sentence WHERE {
  ?s ?p ?o .
  ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:sentence ?sentence ; kg:start ?start ;
      kg:factuality ?factuality ; kg:confidence ?confidence ; prov:wasDerivedFrom/dcterms:identifier ?doc .
  ?s rdfs:label ?subject .
  ?o rdfs:label ?object .
  BIND(STRAFTER(STR(?p), "#") AS ?relation)
} ORDER BY ?subject ?relation ?object ?doc ?start
"""


EXAMPLES = ("AUTHORIZED", "ATTACKED", "SPOKESPERSONS", "EVIDENCE")


def with_prefixes(sparql: str) -> str:
    """The query with the kg prefixes declared in front (a query may redeclare them)."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()) + sparql


def _file_format(path: Path) -> ox.RdfFormat:
    if path.suffix not in FORMATS:
        raise KgError(f"unsupported RDF file (want {', '.join(FORMATS)}): {path}")
    if not path.is_file():
        raise KgError(f"no such file: {path}")
    return FORMATS[path.suffix]


def load_store(graph_file: Path) -> ox.Store:
    """An in-memory pyoxigraph store holding one RDF file."""
    graph_file = Path(graph_file)
    fmt = _file_format(graph_file)
    store = ox.Store()
    try:
        store.bulk_load(path=graph_file, format=fmt)
    except (SyntaxError, ValueError, OSError) as err:
        raise KgError(f"cannot parse {graph_file}: {str(err).splitlines()[0]}") from None
    return store


def _term(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def _local(sparql: str, graph_file: Path) -> tuple[list[str], list[list[str]]]:
    store = load_store(graph_file)
    try:
        result = store.query(with_prefixes(sparql))
    except (SyntaxError, ValueError) as err:
        raise KgError(f"bad SPARQL: {str(err).splitlines()[0]}") from None
    if isinstance(result, ox.QueryBoolean):
        return ["ask"], [[str(bool(result)).lower()]]
    if isinstance(result, ox.QueryTriples):
        return ["subject", "predicate", "object"], [[_term(t.subject), _term(t.predicate), _term(t.object)]
                                                    for t in result]
    variables = [v.value for v in result.variables]
    return variables, [[_term(row[v]) for v in variables] for row in result]


def _http(request: urllib.request.Request) -> tuple[str, bytes]:
    """Send a request; unreachable servers and HTTP errors become one KgError line."""
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as err:
        body = err.read().decode("utf-8", "replace").strip().splitlines()
        raise KgError(f"{request.full_url} answered {err.code} {err.reason}"
                      + (f": {body[0]}" if body else "")) from None
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise KgError(f"cannot reach {request.full_url}: {reason}") from None


def _remote(sparql: str, endpoint: str) -> tuple[list[str], list[list[str]]]:
    request = urllib.request.Request(
        endpoint, data=with_prefixes(sparql).encode("utf-8"), method="POST",
        headers={"Content-Type": "application/sparql-query",
                 "Accept": "application/sparql-results+json, application/n-triples;q=0.9"})
    media_type, body = _http(request)
    if media_type == "application/n-triples":
        triples = ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
        return ["subject", "predicate", "object"], [[_term(t.subject), _term(t.predicate), _term(t.object)]
                                                    for t in triples]
    try:
        data = json.loads(body)
    except ValueError:
        raise KgError(f"{endpoint} did not answer with SPARQL JSON results ({media_type})") from None
    if "boolean" in data:
        return ["ask"], [[str(data["boolean"]).lower()]]
    variables = data["head"]["vars"]
    rows = [[_json_term(binding.get(v)) for v in variables] for binding in data["results"]["bindings"]]
    return variables, rows


def _json_term(value: dict | None) -> str:
    if value is None:
        return ""
    return f"_:{value['value']}" if value["type"] == "bnode" else value["value"]


def query(sparql: str, *, graph_file: Path | None = None,
          endpoint: str | None = None) -> tuple[list[str], list[list[str]]]:
    """Run a SPARQL query on a local RDF file or a SPARQL 1.1 query endpoint; (variables, rows)."""
    if (graph_file is None) == (endpoint is None):
        raise KgError("give either a graph file or an endpoint to query")
    if graph_file is not None:
        return _local(sparql, Path(graph_file))
    return _remote(sparql, endpoint)


def build_iri(data: bytes) -> str:
    """Default named graph of a build, https://w3id.org/kg-news/build/ + 16 hex digits of the file's SHA-256:
    the same build pushed twice replaces itself, a different build gets its own graph."""
    return BUILD_NS + hashlib.sha256(data).hexdigest()[:16]


def push(graph_file: Path, endpoint: str, graph_iri: str | None = None) -> str:
    """PUT the file into one named graph of a Graph Store Protocol endpoint (replacing it); returns the IRI."""
    graph_file = Path(graph_file)
    load_store(graph_file)  # refuse a file that does not parse before touching the server
    data = graph_file.read_bytes()
    graph_iri = graph_iri or build_iri(data)
    url = f"{endpoint}{'&' if '?' in endpoint else '?'}{urllib.parse.urlencode({'graph': graph_iri})}"
    _http(urllib.request.Request(url, data=data, method="PUT",
                                 headers={"Content-Type": MEDIA_TYPES[graph_file.suffix]}))
    return graph_iri


def format_table(variables: list[str], rows: list[list[str]]) -> str:
    """A plain-text table with a header and a row count, one line per row."""
    cells = [[c.replace("\n", " ") for c in row] for row in rows]
    widths = [max([len(v), *(len(row[i]) for row in cells)]) for i, v in enumerate(variables)]

    def line(values: list[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()

    body = [line(variables), line(["-" * w for w in widths]), *(line(row) for row in cells)]
    return "\n".join(body + [f"({len(rows)} row{'s' if len(rows) != 1 else ''})"])
