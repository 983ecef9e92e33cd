"""The build: documents -> spaCy Docs (streamed) -> mentions and relations -> entities -> graph."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from spacy.tokens import Doc

from kg.dates import normalize, parse_reference
from kg.entities import resolve, root
from kg.errors import KgError
from kg.graph import KnowledgeGraph
from kg.ingest import Document, read_inputs
from kg.mentions import Mention
from kg.nlp import DEFAULT_MODEL, load_pipeline
from kg.relations import OBJECT_TYPES, SUBJECT_TYPES, RelationMention


@dataclass
class DocResult:
    """What kg keeps of one parsed document once its spaCy Doc is dropped."""

    document: Document
    mentions: list[Mention]
    relations: list[RelationMention]


def analyse(document: Document, doc: Doc) -> DocResult:
    """Keep the records of a parsed document; event dates are normalized against its date."""
    reference = parse_reference(document.date)
    for mention in doc._.kg_mentions.mentions:
        if mention.attrs.get("when"):
            mention.attrs["date"] = normalize(mention.attrs["when"], reference)
    return DocResult(document, doc._.kg_mentions.mentions, doc._.kg_relations)


def analyse_all(documents: list[Document], model: str = DEFAULT_MODEL, batch_size: int = 32) -> list[DocResult]:
    """Run spaCy over the documents as a stream; only the extracted records are kept."""
    nlp = load_pipeline(model)
    texts = (d.text for d in documents)
    return [analyse(document, doc) for document, doc in zip(documents, nlp.pipe(texts, batch_size=batch_size))]


def assemble(results: list[DocResult]) -> KnowledgeGraph:
    """Resolve mentions to entities and lay entities and relations into a KnowledgeGraph."""
    entities, by_mention = resolve(results)
    kg = KnowledgeGraph()
    for result in results:
        kg.add_document(result.document.info())
    for entity in entities:
        kg.add_entity(entity.type, entity.label, label=entity.label, iri=entity.iri, aliases=sorted(entity.names),
                      docs=sorted(entity.docs), mentions=entity.mentions, geonames=entity.geonames, date=entity.date)
    for result in results:
        doc_id, text = result.document.id, result.document.text
        for rel in result.relations:
            subj = by_mention.get((doc_id, root(result.mentions, rel.subject).index))
            obj = by_mention.get((doc_id, root(result.mentions, rel.object).index))
            if subj is None or obj is None or subj.iri == obj.iri or not fits(rel.predicate, subj.type, obj.type):
                continue  # resolution can retype an argument ("Vastmoor" was an organization in most mentions)
            source = by_mention.get((doc_id, root(result.mentions, rel.source).index)) if rel.source is not None else None
            start, end = rel.sentence
            kg.add_relation(subj.iri, rel.predicate, obj.iri, doc=doc_id, sentence=text[start:end].strip(),
                            start=start, end=end, confidence=rel.confidence, factuality=rel.factuality,
                            attributed_to=source.iri if source else "", rule=rel.rule)
    infer_attacks(kg)
    infer_event_places(kg)
    # Common-noun nodes that no relation touches were only argument candidates.
    sources = {d["attributed_to"] for _, _, d in kg.graph.edges(data=True)}
    kg.graph.remove_nodes_from([e.iri for e in entities if not e.named and kg.graph.degree(e.iri) == 0
                                and e.iri not in sources])
    return kg


def fits(predicate: str, subject_type: str, object_type: str) -> bool:
    """Do the resolved entities still have classes the relation allows (kg.ttl domains and ranges)?"""
    return subject_type in SUBJECT_TYPES[predicate] and object_type in OBJECT_TYPES[predicate]


def evidence(edge: dict) -> dict:
    """The sentence an inferred edge rests on: that of the edge it was inferred from."""
    return {k: edge[k] for k in ("doc", "sentence", "start", "end")}


def unreal(kg: KnowledgeGraph, event: str) -> bool:
    """An event known only as something not authorized, or maybe authorized ("did not authorize
    a strike on Iran"), did not happen as far as the text says."""
    orders = [d["factuality"] for _, _, d in kg.graph.in_edges(event, data=True) if d["predicate"] == "authorized"]
    return bool(orders) and not any(f in ("asserted", "attributed") for f in orders)


def infer_attacks(kg: KnowledgeGraph) -> None:
    """An attack event with a known attacker and a known target gives attacked(attacker, target),
    even when the two are named in different sentences ("A US air strike hit X. ... The strikes
    destroyed Y" gives US attacked Y). The weaker factuality of the two roles wins."""
    rank = {"asserted": 0, "attributed": 1, "hedged": 2, "negated": 3}
    for event, data in list(kg.graph.nodes(data=True)):
        if data["type"] != "Attack" or unreal(kg, event):
            continue
        roles = [(o, d) for _, o, d in kg.graph.out_edges(event, data=True)]
        attackers = [(o, d) for o, d in roles if d["predicate"] == "hasAttacker"]
        targets = [(o, d) for o, d in roles if d["predicate"] == "hasTarget"]
        for attacker, a in attackers:
            for target, t in targets:
                if attacker == target:
                    continue
                status = max(a["factuality"], t["factuality"], key=rank.__getitem__)
                source = t["attributed_to"] or a["attributed_to"]
                kg.add_relation(attacker, "attacked", target, **evidence(t), confidence=round(a["confidence"] * t["confidence"], 3),
                                factuality=status, attributed_to=source, rule="event_roles")


def infer_event_places(kg: KnowledgeGraph) -> None:
    """An attack on a target in a place took place there ("the raid on the compound in Marivel"),
    unless the text places the attack itself."""
    places = ("City", "Region", "Country", "Location")
    for event, data in list(kg.graph.nodes(data=True)):
        out = [(o, d) for _, o, d in kg.graph.out_edges(event, data=True)]
        if data["type"] != "Attack" or unreal(kg, event) or any(d["predicate"] == "locatedIn" for _, d in out):
            continue
        for target, t in out:
            if t["predicate"] != "hasTarget" or t["factuality"] not in ("asserted", "attributed"):
                continue
            if kg.graph.nodes[target]["type"] in places:  # "the attack on Khan Shaykhun" took place there
                kg.add_relation(event, "locatedIn", target, **evidence(t), confidence=round(t["confidence"] * 0.9, 3),
                                factuality=t["factuality"], attributed_to=t["attributed_to"], rule="event_target_place")
                continue
            for _, place, p in kg.graph.out_edges(target, data=True):
                if p["predicate"] == "locatedIn" and p["doc"] == t["doc"] and kg.graph.nodes[place]["type"] in places \
                        and p["factuality"] in ("asserted", "attributed"):
                    kg.add_relation(event, "locatedIn", place, **evidence(p), confidence=round(t["confidence"] * p["confidence"], 3),
                                    factuality=p["factuality"], attributed_to=p["attributed_to"], rule="event_target_place")


def build(inputs: Iterable[str | Path], *, model: str = DEFAULT_MODEL) -> KnowledgeGraph:
    """Build a knowledge graph from text files and folders (.txt, .md, .jsonl).

    >>> kg = build(["seeds"])                                   # doctest: +SKIP
    >>> sorted(kg.label(s) for s, p, o, _ in kg.triples(["authorized"]))  # doctest: +SKIP
    ['Joe Biden', 'Joe Biden']
    """
    documents = read_inputs(inputs)
    return assemble(analyse_all(documents, model))


def build_append(inputs: Iterable[str | Path], out_dir: str | Path, *, model: str = DEFAULT_MODEL) -> KnowledgeGraph:
    """The build already in ``out_dir`` plus new documents; every IRI it published stays the same."""
    previous = Path(out_dir) / "graph.json"
    if not previous.is_file():
        raise KgError(f"nothing to append to: {previous} does not exist (run kg build without --append first)")
    try:
        kg = KnowledgeGraph.load(previous)
    except (ValueError, KeyError) as err:
        raise KgError(f"cannot read the previous build {previous}: {err}") from None
    documents = read_inputs(inputs)
    known = sorted({d.id for d in documents} & set(kg.documents))
    if known:
        raise KgError(f"already in the build: {', '.join(known)}")
    kg.merge(assemble(analyse_all(documents, model)))
    return kg
