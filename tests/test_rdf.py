"""RDF export, ontology, vocabulary, SHACL validation and the generated ontology page."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, SKOS, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV

from kg.errors import KgError
from kg.graph import RELATIONS, KnowledgeGraph, document_iri
from kg.ontology_doc import README, render
from kg.rdf import statement_iri, to_rdf, write_rdf
from kg.validate import ONTOLOGY, validate
from kg.vocab import KG

ROOT = Path(__file__).resolve().parent.parent


def small_graph(reverse: bool = False) -> KnowledgeGraph:
    """Two documents' worth of every kind of fact kg emits; reverse=True adds each kind backwards."""
    g = KnowledgeGraph()
    docs = [{"id": "d1", "title": "US strikes Syria", "date": "2021-02-25", "url": "https://example.com/d1",
             "source": "/somewhere/d1.txt"}, {"id": "d2", "source": "/elsewhere/d2.txt"}]
    order = reversed if reverse else list
    for d in order(docs):
        g.add_document(d)
    ents = [("Person", "Joe Biden", {"aliases": ["Biden", "President Biden"], "docs": ["d1"], "mentions": 3}),
            ("Person", "John Kirby", {"aliases": ["Kirby"], "docs": ["d1", "d2"], "mentions": 2}),
            ("Organization", "Pentagon", {"docs": ["d1"]}),
            ("Country", "United States", {"aliases": ["US", "U.S."], "docs": ["d1"],
                                          "geonames": "https://sws.geonames.org/6252001/"}),
            ("Country", "Syria", {"docs": ["d1"], "geonames": "https://sws.geonames.org/163843/"}),
            ("Group", "Kataib Hezbollah", {"docs": ["d1"]}),
            ("Attack", "d1 airstrikes", {"label": "airstrikes", "docs": ["d1"], "date": "2021-02-25"})]
    for type_, key, extra in order(ents):
        g.add_entity(type_, key, **extra)
    iri = {key: f"https://w3id.org/kg-news/id/{t.lower()}/{slug}" for t, key, slug in [
        ("Person", "biden", "joe-biden"), ("Person", "kirby", "john-kirby"), ("Organization", "pentagon", "pentagon"),
        ("Country", "us", "united-states"), ("Country", "syria", "syria"), ("Group", "kh", "kataib-hezbollah"),
        ("Attack", "strike", "d1-airstrikes")]}
    s1 = "Biden authorized the airstrikes on Kataib Hezbollah in Syria."
    s2 = "Pentagon spokesman John Kirby said the US attacked Kataib Hezbollah."
    s3 = "The US did not attack Syrian forces, Kirby said."
    rels = [("biden", "authorized", "strike", "d1", s1, 0, 61, 0.9, "asserted", "", "active_authorize"),
            ("strike", "hasAttacker", "us", "d1", s1, 0, 61, 0.8, "asserted", "", "event_roles"),
            ("strike", "hasTarget", "kh", "d1", s1, 0, 61, 0.8, "asserted", "", "event_roles"),
            ("strike", "locatedIn", "syria", "d1", s1, 0, 61, 0.7, "asserted", "", "event_location"),
            ("kirby", "spokespersonFor", "pentagon", "d1", s2, 62, 130, 0.95, "asserted", "", "title_apposition"),
            ("kirby", "spokespersonFor", "pentagon", "d2", "Kirby speaks for the Pentagon.", 0, 30, 0.6,
             "asserted", "", "copula_title"),
            ("us", "attacked", "kh", "d1", s2, 62, 130, 0.75, "attributed", "kirby", "active_attack"),
            ("us", "attacked", "syria", "d1", s3, 131, 179, 0.7, "negated", "kirby", "active_attack")]
    for s, p, o, doc, sentence, start, end, confidence, factuality, source, rule in order(rels):
        g.add_relation(iri[s], p, iri[o], doc=doc, sentence=sentence, start=start, end=end, confidence=confidence,
                       factuality=factuality, attributed_to=iri[source] if source else "", rule=rule)
    return g


@pytest.fixture(scope="module")
def small() -> rdflib.Graph:
    return to_rdf(small_graph())


def ttl_objects(graph: rdflib.Graph, s: str, p: URIRef) -> list:
    return sorted(graph.objects(URIRef(s), p))


# -- ontology and vocabulary --------------------------------------------------------------------

def test_ontology_declares_the_vocabulary_and_nothing_else():
    onto = rdflib.Graph().parse(ONTOLOGY)
    declared = {str(s) for s in onto.subjects() if str(s).startswith(str(KG._NS))}
    assert declared == {str(KG[name]) for name in KG.__annotations__}
    header = next(onto.subjects(RDF.type, OWL.Ontology))
    assert all(onto.value(header, p) for p in (OWL.versionInfo, RDFS.label, RDFS.comment))


def test_relations_are_documented_object_properties():
    onto = rdflib.Graph().parse(ONTOLOGY)
    for name in (*RELATIONS, "hasAttacker", "hasTarget"):
        prop = KG[name]
        assert (prop, RDF.type, OWL.ObjectProperty) in onto
        assert all(onto.value(prop, p) is not None for p in (RDFS.domain, RDFS.range, RDFS.label, RDFS.comment))
    assert (KG.locatedIn, RDFS.subPropertyOf, URIRef("https://schema.org/containedInPlace")) in onto


def test_vocabulary_rejects_typos():
    with pytest.raises(AttributeError):
        KG.attacks  # noqa: B018


def test_ontology_page_is_up_to_date():
    assert README.read_text(encoding="utf-8") == render(), "run: python -m kg.ontology_doc"


# -- export ---------------------------------------------------------------------------------------

def test_entities_have_one_type_one_label_and_alt_labels(small):
    biden = "https://w3id.org/kg-news/id/person/joe-biden"
    assert ttl_objects(small, biden, RDF.type) == [KG.Person]
    assert ttl_objects(small, biden, RDFS.label) == [Literal("Joe Biden")]
    assert ttl_objects(small, biden, SKOS.altLabel) == [Literal("Biden"), Literal("President Biden")]
    us = "https://w3id.org/kg-news/id/country/united-states"
    assert ttl_objects(small, us, OWL.sameAs) == [URIRef("https://sws.geonames.org/6252001/")]
    strike = "https://w3id.org/kg-news/id/attack/d1-airstrikes"
    assert ttl_objects(small, strike, KG.date) == [Literal("2021-02-25", datatype=rdflib.XSD.date)]
    for node in set(small.subjects(KG.mentions, None)):
        assert len(list(small.objects(node, RDF.type))) == 1
        assert len(list(small.objects(node, RDFS.label))) == 1


def test_only_asserted_and_attributed_relations_are_plain_triples(small):
    us = URIRef("https://w3id.org/kg-news/id/country/united-states")
    assert (us, KG.attacked, URIRef("https://w3id.org/kg-news/id/group/kataib-hezbollah")) in small
    syria = URIRef("https://w3id.org/kg-news/id/country/syria")
    assert (us, KG.attacked, syria) not in small
    claim = [st for st in small.subjects(RDF.object, syria) if (st, RDF.subject, us) in small]
    assert len(claim) == 1 and small.value(claim[0], KG.factuality) == Literal("negated")


def test_every_edge_has_a_prov_record(small):
    g = small_graph()
    assert len(set(small.subjects(RDF.type, RDF.Statement))) == g.graph.number_of_edges()
    for s, o, key, data in g.graph.edges(keys=True, data=True):
        st = URIRef(statement_iri(key))
        assert small.value(st, RDF.subject) == URIRef(s) and small.value(st, RDF.object) == URIRef(o)
        assert small.value(st, RDF.predicate) == KG[data["predicate"]]
        assert small.value(st, PROV.wasDerivedFrom) == URIRef(document_iri(data["doc"]))
        assert str(small.value(st, KG.sentence)) == data["sentence"]
        assert (small.value(st, KG.start).toPython(), small.value(st, KG.end).toPython()) == (data["start"], data["end"])
        assert float(small.value(st, KG.confidence).toPython()) == data["confidence"]
        assert str(small.value(st, KG.rule)) == data["rule"]
        attributed = small.value(st, KG.attributedTo)
        assert (str(attributed) if attributed else "") == data["attributed_to"]
    d1 = URIRef(document_iri("d1"))
    assert (d1, RDF.type, PROV.Entity) in small
    assert str(small.value(d1, URIRef("http://purl.org/dc/terms/title"))) == "US strikes Syria"


def test_statement_iris_are_pinned():
    """The IRI of a provenance record must not change between versions, runs or machines."""
    g = KnowledgeGraph()
    a, b = g.add_entity("Person", "Joe Biden"), g.add_entity("Event", "d1 strike")
    key = g.add_relation(a, "authorized", b, doc="d1", sentence="x", start=0, end=1, confidence=1)
    assert statement_iri(key) == "https://w3id.org/kg-news/id/statement/authorized-1b438fd73055b4d5"


def test_files_are_byte_identical_and_independent_of_insertion_order(tmp_path):
    first, second = write_rdf(small_graph(), tmp_path / "a"), write_rdf(small_graph(reverse=True), tmp_path / "b")
    assert [p.name for p in first] == ["graph.ttl", "graph.nt", "graph.jsonld"]
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name
    # another process, another hash seed: still the same bytes
    code = ("import sys; from pathlib import Path; sys.path[:0] = [sys.argv[1], sys.argv[1] + '/tests'];"
            "from test_rdf import small_graph; from kg.rdf import write_rdf; write_rdf(small_graph(), Path(sys.argv[2]))")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", code, str(ROOT), str(tmp_path / "c")], check=True, env=env)
    for a in first:
        assert a.read_bytes() == (tmp_path / "c" / a.name).read_bytes(), a.name


def test_files_parse_with_two_parsers_to_the_same_graph(tmp_path, small):
    paths = {p.suffix: p for p in write_rdf(small_graph(), tmp_path)}
    store = ox.Store()
    store.load(path=paths[".ttl"], format=ox.RdfFormat.TURTLE)
    assert len(store) == len(small)
    for suffix, fmt in ((".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld")):
        assert isomorphic(rdflib.Graph().parse(paths[suffix], format=fmt), small), suffix
    nt_from_oxigraph = ox.serialize(store, format=ox.RdfFormat.N_TRIPLES).decode()
    assert sorted(nt_from_oxigraph.splitlines()) == sorted(paths[".nt"].read_text().splitlines())


# -- SHACL ----------------------------------------------------------------------------------------

def test_hand_built_graph_conforms(small, tmp_path):
    conforms, report = validate(small)
    assert conforms, report
    ttl = write_rdf(small_graph(), tmp_path)[0]
    assert validate(ttl)[0]


BIDEN = URIRef("https://w3id.org/kg-news/id/person/joe-biden")


def _first_statement(g: rdflib.Graph) -> URIRef:
    return sorted(g.subjects(RDF.type, RDF.Statement))[0]


@pytest.mark.parametrize("breakage, expected", [
    (lambda g: g.add((BIDEN, RDFS.label, Literal("Another"))), "rdfs:label"),
    (lambda g: g.add((BIDEN, RDF.type, KG.Organization)), "rdf:type"),
    (lambda g: g.remove((BIDEN, RDF.type, None)), "rdf:type"),
    (lambda g: g.set((_first_statement(g), KG.confidence, Literal(2))), "kg:confidence"),
    (lambda g: g.set((_first_statement(g), KG.factuality, Literal("rumoured"))), "kg:factuality"),
    (lambda g: g.set((_first_statement(g), KG.start, Literal("0"))), "kg:start"),
    (lambda g: g.add((BIDEN, KG.attacked, URIRef("https://example.com/nothing"))), "kg:attacked"),
    (lambda g: g.add((URIRef("https://w3id.org/kg-news/id/group/kataib-hezbollah"), KG.spokespersonFor, BIDEN)),
     "kg:Person"),
], ids=["two-labels", "two-types", "no-type", "confidence-2", "unknown-factuality", "offset-string",
        "untyped-target", "group-spokesperson"])
def test_broken_graphs_do_not_conform(small, breakage, expected):
    broken = rdflib.Graph() + small
    breakage(broken)
    conforms, report = validate(broken)
    assert not conforms
    assert expected in report


def test_validate_refuses_bad_files(tmp_path):
    with pytest.raises(KgError, match="no such file"):
        validate(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .")
    with pytest.raises(KgError, match="cannot parse"):
        validate(bad)


def test_seed_build_conforms(seed_graph):
    conforms, report = validate(to_rdf(seed_graph))
    assert conforms, report


def test_dev_build_conforms(dev_graph):
    conforms, report = validate(to_rdf(dev_graph))
    assert conforms, report


def test_challenge_build_conforms():
    """Text nobody tuned on: entity types settled by resolution still fit every relation's shape."""
    from kg import build

    from conftest import ROOT

    conforms, report = validate(to_rdf(build([ROOT / "bench" / "challenge" / "docs"])))
    assert conforms, report
