"""SPARQL: the example queries, errors a user can cause, and a real Oxigraph server (push + remote query)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from kg import sparql
from kg.errors import KgError
from kg.rdf import write_rdf
from test_rdf import small_graph

EXAMPLES = ("AUTHORIZED", "ATTACKED", "SPOKESPERSONS", "EVIDENCE")
OXIGRAPH = Path(sys.executable).parent / "oxigraph"


@pytest.fixture(scope="module")
def small_ttl(tmp_path_factory) -> Path:
    return write_rdf(small_graph(), tmp_path_factory.mktemp("small"))[0]


def test_authorized(small_ttl):
    assert sparql.query(sparql.AUTHORIZED, graph_file=small_ttl) == (
        ["agent", "action", "date"], [["Joe Biden", "airstrikes", "2021-02-25"]])


def test_attacked_joins_plain_triples_and_attack_events(small_ttl):
    variables, rows = sparql.query(sparql.ATTACKED, graph_file=small_ttl)
    assert variables == ["attacker", "target", "attack", "place", "date"]
    # the negated "US attacked Syria" is not a fact; the attributed one and the event give one row
    assert rows == [["United States", "Kataib Hezbollah", "airstrikes", "Syria", "2021-02-25"]]


def test_spokespersons_with_evidence(small_ttl):
    variables, rows = sparql.query(sparql.SPOKESPERSONS, graph_file=small_ttl)
    assert variables == ["person", "for", "doc", "sentence"]
    assert rows == [
        ["John Kirby", "Pentagon", "d1", "Pentagon spokesman John Kirby said the US attacked Kataib Hezbollah."],
        ["John Kirby", "Pentagon", "d2", "Kirby speaks for the Pentagon."]]


def test_evidence_covers_every_fact(small_ttl):
    variables, rows = sparql.query(sparql.EVIDENCE, graph_file=small_ttl)
    assert variables[:3] == ["subject", "relation", "object"]
    facts = {tuple(r[:3]) for r in rows}
    assert ("United States", "attacked", "Kataib Hezbollah") in facts
    assert ("United States", "attacked", "Syria") not in facts
    assert len(rows) == 7  # 8 edges, one of them negated
    attributed = [r for r in rows if r[1] == "attacked"]
    assert attributed[0][3:6] == ["attributed", "0.75", "d1"]


def test_other_formats_and_query_forms(small_ttl):
    nt = small_ttl.with_suffix(".nt")
    assert sparql.query("ASK { ?s kg:attacked ?o }", graph_file=nt) == (["ask"], [["true"]])
    variables, rows = sparql.query("CONSTRUCT { ?s a kg:Person } WHERE { ?s a kg:Person }",
                                   graph_file=small_ttl.with_suffix(".jsonld"))
    assert variables == ["subject", "predicate", "object"] and len(rows) == 2


def test_user_errors_are_one_line_kg_errors(tmp_path, small_ttl):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .")
    cases = [(dict(graph_file=tmp_path / "missing.ttl"), "no such file"),
             (dict(graph_file=tmp_path / "graph.csv"), "unsupported RDF file"),
             (dict(graph_file=bad), "cannot parse"),
             (dict(), "either a graph file or an endpoint"),
             (dict(endpoint=f"http://127.0.0.1:{free_port()}/query"), "cannot reach")]
    for kwargs, message in cases:
        with pytest.raises(KgError, match=message) as err:
            sparql.query("SELECT * { ?s ?p ?o }", **kwargs)
        assert "\n" not in str(err.value)
    with pytest.raises(KgError, match="bad SPARQL"):
        sparql.query("SELEKT ?s", graph_file=small_ttl)


def test_format_table():
    table = sparql.format_table(["who", "what"], [["Joe Biden", "strike"], ["Kirby", "said\nso"]])
    assert table.splitlines() == ["who        what", "---------  -------", "Joe Biden  strike",
                                  "Kirby      said so", "(2 rows)"]


# -- a real Oxigraph server -----------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """An Oxigraph server that unions named graphs into the default graph; always stopped."""
    if not OXIGRAPH.exists():
        pytest.skip("the oxigraph server (PyPI package 'oxigraph') is not installed in this venv")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen([str(OXIGRAPH), "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")),
                                "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("oxigraph server did not start")
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.mark.server
def test_push_and_query_remote_like_local(server, small_ttl):
    graph_iri = sparql.push(small_ttl, f"{server}/store")
    assert graph_iri == sparql.build_iri(small_ttl.read_bytes())
    assert sparql.push(small_ttl, f"{server}/store") == graph_iri  # PUT again replaces, no duplicates
    for name in EXAMPLES:
        q = getattr(sparql, name)
        assert sparql.query(q, endpoint=f"{server}/query") == sparql.query(q, graph_file=small_ttl), name
    _, rows = sparql.query("SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }", endpoint=f"{server}/query")
    assert [graph_iri] in rows


@pytest.mark.server
def test_endpoint_errors_are_kg_errors(server, small_ttl):
    with pytest.raises(KgError, match="answered 400"):
        sparql.query("SELEKT ?s", endpoint=f"{server}/query")
    with pytest.raises(KgError, match="cannot reach"):
        sparql.push(small_ttl, f"http://127.0.0.1:{free_port()}/store")


@pytest.mark.server
def test_push_seed_build(server, seed_graph, tmp_path):
    ttl = write_rdf(seed_graph, tmp_path)[0]
    graph_iri = sparql.push(ttl, f"{server}/store", "https://w3id.org/kg-news/build/seeds")
    assert graph_iri == "https://w3id.org/kg-news/build/seeds"
    _, count = sparql.query(f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}",
                            endpoint=f"{server}/query")
    assert count == sparql.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", graph_file=ttl)[1]
    q = f"SELECT ?s ?o {{ GRAPH <{graph_iri}> {{ ?s kg:attacked ?o }} }} ORDER BY ?s ?o"
    assert sparql.query(q, endpoint=f"{server}/query")[1] == sparql.query(
        "SELECT ?s ?o { ?s kg:attacked ?o } ORDER BY ?s ?o", graph_file=ttl)[1]


def test_readme_queries_on_the_server_match_local(server, seed_graph, tmp_path):
    """The README's three queries, run through the Oxigraph server on the pushed seed build (inside
    its named graph, since other tests push other builds into the same store), give the local rows."""
    ttl = write_rdf(seed_graph, tmp_path)[0]
    graph_iri = sparql.push(ttl, f"{server}/store")
    for name in ("AUTHORIZED", "ATTACKED", "SPOKESPERSONS"):
        text = getattr(sparql, name)
        head, _, body = text.partition("WHERE {")
        body, _, tail = body.rpartition("} ORDER BY")
        remote = f"{head}WHERE {{ GRAPH <{graph_iri}> {{{body}}} }} ORDER BY{tail}"
        local_rows = sparql.query(text, graph_file=ttl)
        assert local_rows[1], name
        assert sparql.query(remote, endpoint=f"{server}/query") == local_rows, name
