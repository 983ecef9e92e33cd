"""The kg ontology as an rdflib DefinedNamespace, so a misspelt term is an error, not a new IRI.

Keep in step with ontology/kg.ttl (tests/test_rdf.py checks both ways).
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

from kg.graph import ONTOLOGY_NS


class KG(DefinedNamespace):
    """Classes and properties of https://w3id.org/kg-news/ontology#."""

    _NS = Namespace(ONTOLOGY_NS)
    _fail = True

    # classes
    Entity: URIRef  # anything the news talks about
    Agent: URIRef
    Person: URIRef
    Organization: URIRef
    Group: URIRef
    Location: URIRef
    Country: URIRef
    City: URIRef
    Region: URIRef
    Facility: URIRef
    Event: URIRef
    Attack: URIRef
    Artifact: URIRef

    # relations between entities
    authorized: URIRef
    attacked: URIRef
    locatedIn: URIRef
    spokespersonFor: URIRef
    hasAttacker: URIRef
    hasTarget: URIRef

    # entity and provenance details
    mentionedIn: URIRef
    mentions: URIRef
    date: URIRef
    sentence: URIRef
    start: URIRef
    end: URIRef
    confidence: URIRef
    factuality: URIRef
    rule: URIRef
    attributedTo: URIRef
