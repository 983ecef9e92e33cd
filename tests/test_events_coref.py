"""Events as nodes, coreference and gazetteer identities, on texts written for these tests."""

import pytest

from kg.ingest import Document
from kg.pipeline import analyse, assemble


@pytest.fixture(scope="module")
def graph_of(nlp):
    def run(*texts: str, date: str | None = None):
        docs = [Document(id=f"t{i}", text=t, date=date) for i, t in enumerate(texts)]
        return assemble([analyse(d, nlp(d.text)) for d in docs])
    return run


def edges(kg, predicate: str) -> set:
    return {(kg.label(s), kg.label(o)) for s, p, o, _ in kg.triples([predicate], ("asserted", "attributed"))}


def test_mentions_of_one_attack_are_one_event_node(graph_of):
    kg = graph_of("Norland's air force launched an airstrike on the rebel base in Tarsen on Tuesday. "
                  "The strike destroyed three depots. Officials said the assault lasted an hour.")
    attacks = [n for n, d in kg.graph.nodes(data=True) if d["type"] == "Attack"]
    assert len(attacks) == 1, [kg.names(n) for n in attacks]
    names = set(kg.names(attacks[0]))
    assert {"airstrike", "strike", "assault"} <= names


def test_event_roles_place_and_authorizer(graph_of):
    kg = graph_of("President Ana Silva ordered the raid. The raid on the Red Hand compound in Marivel "
                  "was carried out by the army on May 2, 2021.")
    raid = [n for n, d in kg.graph.nodes(data=True) if d["type"] == "Attack"]
    assert len(raid) == 1
    data = kg.graph.nodes[raid[0]]
    assert data["date"] == "2021-05-02"
    assert ("Ana Silva", data["label"]) in edges(kg, "authorized")
    assert any(s == data["label"] and o == "Marivel" for s, o in edges(kg, "locatedIn"))


def test_weekday_is_dated_against_the_article_date(graph_of):
    kg = graph_of("Norland launched airstrikes in Tarsen on Thursday.", date="2021-02-26")
    dated = {d["date"] for _, d in kg.graph.nodes(data=True) if d["type"] == "Attack"}
    assert dated == {"2021-02-25"}


def test_distinct_attacks_stay_apart(graph_of):
    kg = graph_of("Rebels have carried out numerous rocket attacks on the airport. "
                  "The Feb. 15 attack on the base killed a guard.")
    attacks = [n for n, d in kg.graph.nodes(data=True) if d["type"] == "Attack"]
    assert len(attacks) == 2


@pytest.mark.parametrize("text, name, predicate", [
    ("Defense Minister Omar Haddad spoke on Monday. He authorized the raid on the port.", "Omar Haddad", "authorized"),
    ("The Red Hand militia seized the town in March. Later the group shelled Marivel.", "Red Hand", "attacked"),
    ("The Black Banner militia was formed in 2010. Last year the militia attacked the convoy.", "Black Banner", "attacked"),
    ("President Luis Ortega returned on Friday. Officials said the president approved the offensive.", "Luis Ortega", "authorized"),
    # a group a demonym describes is a name enough for "their"
    ("Croatian forces, meanwhile, stepped up their shelling of Serb villages.", "Croatian forces", "attacked"),
])
def test_coreference(graph_of, text, name, predicate):
    kg = graph_of(text)
    subjects = {s for s, _ in edges(kg, predicate)}
    assert any(s.startswith(name) for s in subjects), edges(kg, predicate)


@pytest.mark.parametrize("text, inner, outer", [
    ("Troops encircled Mariupol, a port city in Ukraine's Donetsk region. An airstrike hit a hospital in the city.",
     "hospital", "Mariupol"),  # the last city named, not the "Donetsk" of "Donetsk region"
    ("Rebels besieged Velka, a town on the coast of Norland, for weeks. Shells later hit the town's Grand Theater.",
     "Grand Theater", "Velka"),  # the town the text called a town, not a namesake GeoNames knows
])
def test_the_city_is_the_last_city_named(graph_of, text, inner, outer):
    kg = graph_of(text)
    assert (inner, outer) in edges(kg, "locatedIn"), edges(kg, "locatedIn")


def test_a_bare_surname_is_the_person_named_before(graph_of):
    # NER calls the bare "Campbell" an organization
    kg = graph_of("General John Campbell commands the coalition. Omar Haddad called Luis Ortega on Monday. "
                  "Campbell described the strike as a mistake, and he ordered an investigation.")
    assert ("John Campbell", "investigation") in edges(kg, "authorized"), edges(kg, "authorized")


def test_unclear_pronoun_is_left_alone(graph_of):
    kg = graph_of("Omar Haddad met Luis Ortega on Monday. He authorized the raid.")
    assert not edges(kg, "authorized")


def test_variant_spellings_are_one_place_linked_to_geonames(graph_of):
    kg = graph_of("A rocket hit an airport in Irbil, Iraq.", "Protests spread to Erbil on Sunday.")
    nodes = {n for name in ("Irbil", "Erbil") for n in kg.find(name)}
    assert len(nodes) == 1
    assert kg.graph.nodes[nodes.pop()]["geonames"].startswith("https://sws.geonames.org/")


def test_president_title_stays_with_the_right_person(graph_of):
    kg = graph_of("King Salman met Prince Mohammed bin Salman. Salman ordered the campaign.")
    assert kg.find("Salman") != kg.find("Mohammed bin Salman")


def test_a_town_the_dateline_names_stays_a_place_where_ner_calls_it_a_person(nlp):
    from kg.ingest import Document
    from kg.pipeline import analyse, assemble

    text = ("BRENNIK, Ostaria — Militants shelled Brennik on Monday. The shelling of Brennik killed four people. "
            "Brennik has been besieged since June.")
    kg = assemble([analyse(Document(id="x", text=text), nlp(text))])
    types = {d["label"]: d["type"] for _, d in kg.graph.nodes(data=True)}
    assert types["Brennik"] == "Location", types
    assert ("Brennik", "Ostaria") in {(kg.label(s), kg.label(o)) for s, _, o, _ in kg.triples(("locatedIn",), ("asserted",))}
