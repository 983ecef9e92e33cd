"""Within-document coreference that a knowledge graph needs: aliases ("X, or Y", "X (Y)"),
pronouns and definite descriptions ("he", "the group", "the president") resolved to a named
mention when the evidence is clear, and left alone when it is not."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg import gazetteer
from kg.mentions import Mention, MentionTable
from kg.vocabulary import vocabulary

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
GROUP_PRONOUNS = frozenset({"they", "their", "them", "themselves"})
AGENT_TYPES = frozenset({"Organization", "Group", "Country", "Location"})


def _sentence_of(doc: Doc, token_index: int) -> int:
    return doc[token_index].sent.start


def _is_subject(doc: Doc, mention: Mention) -> bool:
    return doc[mention.head].dep_ in ("nsubj", "nsubjpass")


def link_aliases(doc: Doc, table: MentionTable) -> None:
    """ "the Kataeb Hezbollah militia, or Hezbollah Brigades" and "Syrian Democratic Forces (SDF)"
    name one thing: the second name points at the first."""
    for mention in table.mentions:
        if mention.kind != "name":
            continue
        head = doc[mention.head]
        if head.dep_ not in ("appos", "conj"):
            continue
        first = table.at(head.head)
        if first is None or first.kind not in ("name", "nominal") or first.index == mention.index:
            continue
        between = doc[first.end:mention.start]
        marker = {t.lower_ for t in between}
        if head.dep_ == "conj" and "or" in marker and "," in marker or head.dep_ == "appos" and "(" in marker:
            if first.type in ("Organization", "Group") or mention.type in ("Organization", "Group") or first.type == mention.type:
                mention.ref = first.index


def _candidates(doc: Doc, table: MentionTable, before: int, types: frozenset[str] | set[str],
                described: bool = False) -> list[Mention]:
    """Named mentions of the wanted types in this and the two previous sentences, nearest first;
    with ``described``, also groups a demonym or a name describes ("Serbian forces", "Houthi fighters")."""
    sent_starts = [sent.start for sent in doc.sents]  # in order; parsed once by spaCy
    here = _sentence_of(doc, before)
    window = [s for s in sent_starts if s <= here][-3:]
    low = window[0] if window else 0
    found = [m for m in table.mentions if low <= m.start < before and m.type in types and m.ref is None
             and (m.kind == "name" or described and m.kind == "nominal" and (m.demonym_of or m.attrs.get("proper")))]
    return sorted(found, key=lambda m: -m.start)


def _resolve_pronoun(doc: Doc, table: MentionTable, mention: Mention) -> Mention | None:
    word = doc[mention.head].lower_
    if word in PERSON_PRONOUNS:
        types = {"Person"}
    elif word in THING_PRONOUNS:
        types = AGENT_TYPES | {"City", "Region"}
    elif word in GROUP_PRONOUNS:
        types = {"Group", "Organization"}  # "their military spokesman": a group, never a person
    else:
        return None
    found = _candidates(doc, table, mention.start, types, described=word in GROUP_PRONOUNS)
    if not found:
        return None
    here = _sentence_of(doc, mention.head)
    same = [m for m in found if _sentence_of(doc, m.head) == here and _is_subject(doc, m)]
    if same:
        return same[0]
    # Otherwise only one candidate in the window is clear evidence; two people are not.
    distinct = {m.text.split()[-1] for m in found}
    return found[0] if len(distinct) == 1 else None


def _in_country(mention: Mention, country: str) -> bool:
    """ "the Afghan capital" can only be a place in Afghanistan."""
    place, outer = gazetteer.lookup(mention.text), gazetteer.lookup(country)
    return place is not None and outer is not None and place.country == outer.country


def _titled(doc: Doc, mention: Mention, title: str) -> bool:
    """Was this named person introduced with the title ("President Joe Biden")?"""
    words = title.split()
    start = mention.start
    before = [t.lower_ for t in doc[max(0, start - len(words) - 2):start]]
    return title in " ".join(before)


def _resolve_description(doc: Doc, table: MentionTable, mention: Mention) -> Mention | None:
    head = doc[mention.head]
    noun = head.lemma_.lower()
    types = vocabulary()["coref"].get(noun)
    if not types or not any(c.lower_ in ("the", "this", "that") or c.dep_ == "poss" for c in head.children):
        return None
    if any(c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" for c in head.children):
        return None
    # The antecedent of "the region" is in an earlier sentence: in its own sentence a definite
    # description is usually an apposition that introduces something new.
    here = head.sent.start
    found = [m for m in table.mentions if (m.kind == "name" or m.attrs.get("proper")) and m.start < here
             and m.type in set(types) and m.ref is None]
    if mention.demonym_of:
        found = [m for m in found if _in_country(m, mention.demonym_of)]
    found.sort(key=lambda m: m.start)
    if "Person" in types:
        found = [m for m in found if _titled(doc, m, noun)]
        people = {m.text.split()[-1] for m in found}
        return found[-1] if len(people) == 1 else None
    # "the city" is the last city named, before any vaguer place, and not the "Donetsk" of "Donetsk region"
    found = [m for m in found if not (doc[m.head].dep_ == "compound" and doc[m.head].head.pos_ == "NOUN")]
    described = [m for m in found if any(c.dep_ == "appos" and c.lemma_.lower() == noun for c in doc[m.head].children)]
    if described:
        return described[-1]  # "Velka, a town on the coast": "the town"
    for type_ in sorted(types, key=lambda t: (t == "Location", t)):
        same = [m for m in found if m.type == type_]
        if same:
            return same[-1]
    return None


def resolve(doc: Doc, table: MentionTable) -> None:
    """Set ``ref`` on alias, pronoun and definite-description mentions."""
    link_aliases(doc, table)
    for mention in list(table.mentions):
        if mention.ref is not None:
            continue
        if mention.kind == "pronoun":
            target = _resolve_pronoun(doc, table, mention)
        elif mention.kind == "nominal":
            target = _resolve_description(doc, table, mention)
        else:
            continue
        if target is not None:
            mention.ref = target.index


@Language.factory("kg_coref", requires=["doc._.kg_mentions"])
def make_coref(nlp: Language, name: str):
    """spaCy component: resolves the mentions in ``doc._.kg_mentions`` in place."""

    def component(doc: Doc) -> Doc:
        resolve(doc, doc._.kg_mentions)
        return doc

    return component
