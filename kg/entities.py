"""Resolve mentions to entities, within and across documents: one node per real-world thing.

Names merge on a normalized form (titles stripped, "U.S." = "US" = "United States" through the
gazetteer); a lone surname joins the one full name that ends with it; common-noun mentions and
events stay inside their document, where repeated descriptions of one event merge.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from kg import gazetteer
from kg.graph import entity_iri
from kg.mentions import Mention
from kg.vocabulary import words

PARTICLES = frozenset({"bin", "ibn", "bint", "al", "el", "abu", "de", "van", "von", "da", "del", "le", "la"})
PLACE_TYPES = ("Country", "City", "Region", "Location")
TYPE_PRIORITY = ("Country", "City", "Region", "Location", "Facility", "Organization", "Group", "Person",
                 "Attack", "Event", "Artifact", "Entity")
FAMILY = {"Person": "person", "Organization": "organization", "Group": "group", "Country": "place",
          "City": "place", "Region": "place", "Location": "place", "Facility": "place", "Event": "event",
          "Attack": "event", "Artifact": "thing", "Entity": "thing"}
EVENT_HEADS = {"airstrike": "strike", "air strike": "strike"}  # one head noun per kind of attack
EVENT_WINDOW = 3  # sentences within which "the assault" may refer back to an attack
GENERIC_EVENT_HEADS = frozenset({"assault", "action", "operation", "attack", "strike", "airstrike", "raid", "mission", "bombing"})


def normalize(text: str) -> str:
    """The comparison form of a name: lowercase, no leading "the", no possessive, no dots."""
    text = re.sub(r"\s+", " ", text.strip().lower().replace("’", "'"))
    text = re.sub(r"^the ", "", text)
    text = re.sub(r"'s?$", "", text)
    return text.replace(".", "").strip()


def strip_titles(name: str) -> str:
    """ "President Joe Biden" -> "Joe Biden"; "Mr Austin" -> "Austin"."""
    tokens = name.split()
    titles = words("titles", "person")
    while len(tokens) > 1 and (tokens[0].lower().rstrip(".") in titles or gazetteer.country_of_demonym(tokens[0])):
        tokens = tokens[1:]
    return " ".join(tokens)


@dataclass
class Entity:
    """One real-world thing: its IRI, canonical label, class and every surface form seen."""

    iri: str
    label: str
    type: str
    names: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    mentions: int = 0
    geonames: str | None = None
    named: bool = True
    date: str | None = None


class _UnionFind:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def root(mentions: list[Mention], index: int) -> Mention:
    """Follow coreference links to the mention that names the thing."""
    seen = set()
    mention = mentions[index]
    while mention.ref is not None and mention.index not in seen:
        seen.add(mention.index)
        mention = mentions[mention.ref]
    return mention


def _has_surname(name: str) -> bool:
    """ "Joe Biden" ends in a surname; "Mohammed bin Salman" ends in a patronym, not a surname."""
    tokens = name.split()
    return len(tokens) > 1 and tokens[-2].lower() not in PARTICLES


def _reading(mention: Mention) -> Callable[[str], gazetteer.Place | None]:
    """How the gazetteer reads a place name in its context: inside the place after its comma
    ("London, Ontario"), as a region after a comma ("Toronto, Ontario"), else its best reading."""
    if (outer := mention.attrs.get("within")) is not None and (place := gazetteer.by_id(str(outer))) is not None:
        return lambda name: gazetteer.lookup_in(name, place)
    return gazetteer.container if mention.attrs.get("container") else gazetteer.lookup


def _name_key(mention: Mention) -> str:
    if mention.type in PLACE_TYPES or mention.type == "Organization" and len(mention.text.split()) == 1:
        # a one-word "organization" the gazetteer knows by that very name is a place NER misread
        # ("spread to Erbil"); an alternate spelling is not enough ("Hamas" is also a name of Hamm)
        find = _reading(mention) if mention.type in PLACE_TYPES else gazetteer.by_own_name
        for name in mention.names:
            place = find(name)
            if place is not None:
                return f"geo:{place.id}"
    name = strip_titles(mention.text) if mention.type == "Person" else mention.text
    return "name:" + normalize(name)


def _event_keys(doc_id: str, mentions: list[Mention]) -> dict[int, str]:
    """Within a document, a definite or bare mention of an attack ("the strike", "the assault")
    is the most recent attack with the same head noun, else the most recent attack."""
    keys: dict[int, str] = {}
    recent: list[Mention] = []
    for mention in sorted((m for m in mentions if m.kind == "nominal" and m.type in ("Attack", "Event") and m.ref is None),
                          key=lambda m: m.start):
        lemma = EVENT_HEADS.get(mention.attrs.get("lemma", ""), mention.attrs.get("lemma", ""))
        definite = mention.attrs.get("det") in ("the", "this", "that", "these", "those", "poss")
        # A bare plural ("numerous rocket attacks") is a kind of event, not one a singular can refer to.
        usable = [m for m in recent if mention.attrs.get("plural") or not (m.attrs.get("plural") and m.attrs.get("det") == "")]
        # Far back, only a bare "the strikes" or a name the antecedent was already called by refers
        # to it; "the apparent Israeli strike" seven sentences later is a new one.
        bare = len(mention.text.split()) == 1  # "the strikes", with nothing to set it apart
        usable = [m for m in usable if mention.attrs.get("sentence", 0) - m.attrs.get("sentence", 0) <= EVENT_WINDOW
                  or bare or normalize(mention.text) in {normalize(n) for n in m.names}]
        same_head = [m for m in usable if EVENT_HEADS.get(m.attrs.get("lemma", ""), m.attrs.get("lemma")) == lemma]
        target = None
        if definite and mention.type == "Attack":
            if same_head:
                target = same_head[-1]
            elif lemma in GENERIC_EVENT_HEADS and mention.attrs.get("det") == "the":
                attacks = [m for m in usable if m.type == "Attack"]
                target = attacks[-1] if attacks else None
        keys[mention.index] = keys[target.index] if target is not None else f"doc:{doc_id}:event:{mention.index}"
        recent.append(mention)
    return keys


def resolve(results) -> tuple[list[Entity], dict[tuple[str, int], Entity]]:
    """Entities of all documents and the entity of every (doc id, mention index) that has one."""
    uf = _UnionFind()
    key_of: dict[tuple[str, int], str] = {}
    full_names: dict[str, set[str]] = defaultdict(set)  # surname -> full-name keys
    for result in results:
        doc_id, mentions = result.document.id, result.mentions
        events = _event_keys(doc_id, mentions)
        for mention in mentions:
            top = root(mentions, mention.index)
            if top.kind == "pronoun":
                continue
            if top.kind == "name":
                key = _name_key(top)
                if top.type == "Person":
                    if _has_surname(strip_titles(top.text)):
                        full_names[strip_titles(top.text).split()[-1].lower()].add(key)
            elif top.index in events:
                key = events[top.index]
            else:
                key = f"doc:{doc_id}:{top.type}:{normalize(top.text)}"
            key_of[(doc_id, mention.index)] = uf.find(key)
            uf.find(key)
    # A lone surname is the one full name that ends with it (in the same document if it has one).
    for result in results:
        doc_id, mentions = result.document.id, result.mentions
        local = {normalize(strip_titles(m.text)).split()[-1]: _name_key(m) for m in mentions
                 if m.kind == "name" and m.type == "Person" and _has_surname(strip_titles(m.text))}
        for mention in mentions:
            top = root(mentions, mention.index)
            if top.kind != "name" or top.type != "Person" or len(strip_titles(top.text).split()) != 1:
                continue
            surname = normalize(strip_titles(top.text))
            target = local.get(surname)
            if target is None and len(full_names.get(surname, ())) == 1:
                target = next(iter(full_names[surname]))
            if target is not None:
                uf.union(_name_key(top), target)

    clusters: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
    for result in results:
        for mention in result.mentions:
            key = key_of.get((result.document.id, mention.index))
            if key is not None:
                clusters[uf.find(key)].append((result.document.id, mention))

    entities: dict[str, Entity] = {}
    used: Counter = Counter()
    by_mention: dict[tuple[str, int], Entity] = {}
    for key in sorted(clusters):
        members = clusters[key]
        entity = _make_entity(key, members, used)
        entities[key] = entity
        for doc_id, mention in members:
            by_mention[(doc_id, mention.index)] = entity
    return list(entities.values()), by_mention


def _make_entity(key: str, members: list[tuple[str, Mention]], used: Counter) -> Entity:
    mentions = [m for _, m in members]
    types = Counter(m.type for m in mentions if m.kind != "pronoun")
    best = max(types.values())
    type_ = next(t for t in TYPE_PRIORITY if types.get(t) == best) if types else "Entity"
    if type_ in ("Organization", "Person") and any(m.type in PLACE_TYPES for m in mentions if m.kind == "name"):
        # NER often calls an unknown town an organization or a person ("DUNMARCH, Ellaria — ... at
        # Dunmarch"); the context that made one of its mentions a place rarely errs that way
        type_ = max((t for t in types if t in PLACE_TYPES), key=lambda t: (types[t], -TYPE_PRIORITY.index(t)))
    names = {n for m in mentions if m.kind != "pronoun" for n in m.names}
    place = None
    if key.startswith("geo:"):
        place = gazetteer.by_id(key[len("geo:"):])
        if place is not None:
            type_ = place.kind
    heads = [m for m in mentions if m.kind == "name"] or [m for m in mentions if m.kind == "nominal"]
    if place is not None and place.name.casefold() in {n.casefold() for n in names}:
        label = place.name  # "United States" rather than "US"; "Syria" rather than "Syrian"
    elif type_ == "Person":
        label = max((strip_titles(m.text) for m in heads), key=lambda n: (len(n), n))
    elif place is not None:  # a place has no titles to strip: "Russian Federation", not "Federation"
        label = max((m.text for m in heads), key=lambda n: (len(n), n))
    else:
        counts = Counter(strip_titles(m.text) if m.type == "Person" else m.text for m in heads)
        label = max(counts, key=lambda n: (counts[n], len(n), n))
    docs = {doc_id for doc_id, _ in members}
    scope = "" if key.startswith(("name:", "geo:")) else f"{sorted(docs)[0]} "
    base = entity_iri(FAMILY.get(type_, "thing"), scope + label)
    used[base] += 1
    iri = base if used[base] == 1 else f"{base}-{used[base]}"
    return Entity(iri=iri, label=label, type=type_, names=names | {label}, docs=docs,
                  mentions=len(mentions), geonames=place.iri if place else None,
                  named=any(m.kind == "name" for m in mentions),
                  date=next((m.attrs["date"] for m in sorted(mentions, key=lambda m: m.start) if m.attrs.get("date")), None))
