"""The gazetteer confirms places, merges spelling variants and links them to GeoNames."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from kg import gazetteer
from kg.gazetteer import contains, country_of_demonym, lookup


def gid(name: str) -> int:
    place = lookup(name)
    assert place is not None, name
    return place.geonameid


@pytest.mark.parametrize(
    "variants",
    [
        ["Erbil", "Irbil", "Arbil", "Hawler"],
        ["Abu Kamal", "Albu Kamal", "Al-Bukamal", "Al Bukamal", "Bukamal", "Boukamal", "Bou Kamal"],
        ["Al Qa'im", "Al-Qaim", "al-Qaim", "Al Qā’im", "Qaim"],
        ["Raqqa", "Ar Raqqah", "Al-Raqqa"],
        ["Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr"],
        ["Kyiv", "Kiev"],
        ["São Paulo", "Sao Paulo", "SAO PAULO"],
    ],
)
def test_spelling_variants_share_one_identity(variants):
    assert len({gid(v) for v in variants}) == 1, variants


@pytest.mark.parametrize(
    ("surface", "iso"),
    [
        ("US", "US"), ("U.S.", "US"), ("USA", "US"), ("United States", "US"), ("America", "US"),
        ("UK", "GB"), ("U.K.", "GB"), ("Britain", "GB"), ("Great Britain", "GB"),
        ("Russia", "RU"), ("Russian Federation", "RU"), ("Iran", "IR"), ("Syria", "SY"),
        ("South Korea", "KR"), ("North Korea", "KP"), ("the Netherlands", "NL"), ("Holland", "NL"),
        ("Côte d'Ivoire", "CI"), ("Burma", "MM"), ("UAE", "AE"), ("Macau", "MO"),
        ("Grenada", "GD"),  # not Granada, Spain, which GeoNames also spells "Grenada"
        ("Singapore", "SG"),  # the city record has a slightly larger population
    ],
)
def test_short_forms_and_abbreviations_name_countries(surface, iso):
    place = lookup(surface)
    assert place is not None and place.kind == "Country" and place.country == iso


@pytest.mark.parametrize(
    ("word", "iso"),
    [
        ("Syrian", "SY"), ("Iraqi", "IQ"), ("Pakistani", "PK"), ("Afghan", "AF"), ("Afghans", "AF"),
        ("Azerbaijani", "AZ"), ("American", "US"), ("Americans", "US"), ("British", "GB"),
        ("syrian", "SY"), ("North Korean", "KP"), ("Filipinos", "PH"), ("Swiss", "CH"),
    ],
)
def test_demonyms_map_to_countries(word, iso):
    place = country_of_demonym(word)
    assert place is not None and place.kind == "Country" and place.country == iso


@pytest.mark.parametrize("word", ["Kurdish", "Congolese", "Korean", "Reuters", "Syria"])
def test_ambiguous_or_non_demonyms_give_none(word):
    assert country_of_demonym(word) is None


@pytest.mark.parametrize(
    ("name", "kind", "iso"),
    [
        ("Syria", "Country", "SY"),
        ("Kabul", "City", "AF"),
        ("Abbottabad", "City", "PK"),
        ("Texas", "Region", "US"),
        ("Florida", "Region", "US"),  # not Florida, Cuba (pop. 63k)
        ("Europe", "Region", ""),
        ("Georgia", "Country", "GE"),  # the country, not the US state or a town
        ("Armenia", "Country", "AM"),  # not Armenia, Colombia
        ("Washington", "City", "US"),  # the capital outranks the state
        ("Islamabad", "City", "PK"),  # not Chittagong, whose old name it was
    ],
)
def test_kinds(name, kind, iso):
    place = lookup(name)
    assert place is not None and (place.kind, place.country) == (kind, iso)


def test_place_links_to_geonames():
    place = lookup("Damascus")
    assert place is not None
    assert place.iri == f"https://sws.geonames.org/{place.geonameid}/"
    assert place.name == "Damascus" and place.population > 1_000_000


@pytest.mark.parametrize(
    "text",
    [
        "Of", "Man", "Union", "Storm", "Gate", "Us", "kabul", "turkey", "syria", "the Gulf", "Reuters", "Biden", "",
        "KBL", "BGW",  # airport codes, all-caps alternates in GeoNames
        "Ka Bu Er",  # a lowercase machine romanization of Kabul
        "Sinai",  # only loosely like Sinnai, a small Sardinian town
        "Stenli",  # only an alternate name of Stanley, Falklands (pop. 2k)
    ],
)
def test_common_words_lowercase_and_non_places_give_none(text):
    assert lookup(text) is None


@pytest.mark.parametrize(
    "region",
    [
        "West Yorkshire",  # a second-level division
        "Punjab",  # a province of Pakistan and a state of India
    ],
)
def test_regions_neither_source_names_give_none(region):
    assert lookup(region) is None


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("British Columbia", "CA-BC"),
        ("Khyber Pakhtunkhwa", "PK-KP"),
        ("Himachal Pradesh", "IN-HP"),
        ("Queensland", "AU-QLD"),
        ("Helmand", "AF-HEL"),
        ("Nangarhar", "AF-NAN"),  # ISO "Nangarhār": diacritics fold
        ("Badghis", "AF-BDG"),  # "Bādghīs"
        ("Al-Anbar", "IQ-AN"),  # "Al Anbār"
        ("Borno", "NG-BO"),  # an alternate name of Borna, Germany, is no claim on it
        ("Anhui", "CN-AH"),  # "Anhui Sheng" without its word for province
        ("Xinjiang", "CN-XJ"),  # "Xinjiang Uygur Zizhiqu"
        ("Adygeya", "RU-AD"),  # "Adygeya, Respublika"
        ("Donetska oblast", "UA-14"),
        ("Gyeonggi", "KR-41"),  # "Gyeonggi-do"
        ("Kurdistan", "IQ-KR"),  # "Iqlīm Kūrdistān"
    ],
)
def test_iso_subdivisions_are_regions_without_a_geonames_link(name, code):
    place = lookup(name)
    assert place is not None and (place.kind, place.country, place.id) == ("Region", code[:2], code)
    assert place.geonameid is None and place.iri is None


@pytest.mark.parametrize(
    "text",
    [
        "Central", "Lakes", "Gulf", "Meta", "Red Sea", "Central Region",  # common words, alone or together
        "IMO", "URI",  # acronyms as short as Imo, Nigeria, and Uri, Switzerland
        "Somali",  # a demonym, also Ethiopia's Somali region
        "Zhuangzu", "Respublika",  # type words left over
    ],
)
def test_iso_names_that_are_words_give_none(text):
    assert lookup(text) is None


def test_iso_subdivisions_never_shadow_known_places(monkeypatch):
    """ISO 3166-2 also names "Idlib", "Delhi", "Madrid" ("Madrid, Comunidad de"), "Montana"
    (Bulgaria), "Dayr az Zawr" and "Dimashq" (Syrian provinces named like their cities): each
    resolves as it did without ISO."""
    names = ["Idlib", "Paris", "Delhi", "Madrid", "Beijing", "Montana", "Maryland", "Wales", "Georgia", "Kabul",
             "Victoria", "Dayr az Zawr", "Dimashq", "Moskva", "Bamyan", "Kandahar"]
    with_iso = [lookup(name) for name in names]
    monkeypatch.setattr(gazetteer._Index, "add_subdivisions", lambda self, exonyms: None)
    gazetteer._index.cache_clear()
    gazetteer._loose_index.cache_clear()
    try:
        assert [lookup(name) for name in names] == with_iso
    finally:  # the next lookup builds the index with ISO again
        gazetteer._index.cache_clear()
        gazetteer._loose_index.cache_clear()
    assert all(place is not None and place.geonameid for place in with_iso)


def test_iso_region_identity_is_its_code():
    assert {lookup(n).id for n in ["Nangarhar", "Nangarhār", "NANGARHAR"]} == {"AF-NAN"}
    assert lookup("Donetska oblast") == lookup("Donetska")


def test_contains_follows_geonames_codes():
    syria, iraq, damascus = lookup("Syria"), lookup("Iraq"), lookup("Damascus")
    assert contains(syria, damascus)
    assert not contains(iraq, damascus)
    assert not contains(damascus, syria)
    assert not contains(syria, syria)
    assert contains(lookup("Texas"), lookup("Houston"))
    assert not contains(lookup("Texas"), lookup("Chicago"))
    assert contains(lookup("Asia"), iraq)
    assert not contains(lookup("Europe"), iraq)
    assert not contains(lookup("England"), damascus)  # a curated region GeoNames has no divisions for
    assert contains(lookup("Canada"), lookup("British Columbia"))
    assert not contains(lookup("Pakistan"), lookup("British Columbia"))
    assert contains(lookup("Asia"), lookup("Helmand"))


def test_a_name_is_placed_elsewhere_only_when_it_surely_means_a_known_place():
    """GeoNames lists cities of 15,000 people and more: Marietta, Ohio is missing, so "Marietta"
    in Ohio may be meant; Moscow is famous enough to be the Russian one, and Moscow, Idaho is listed."""
    assert gazetteer.named_elsewhere(lookup("Alaska"), "Moscow")
    assert not gazetteer.named_elsewhere(lookup("Idaho"), "Moscow")
    assert not gazetteer.named_elsewhere(lookup("Ohio"), "Marietta")
    assert gazetteer.named_elsewhere(lookup("Ohio"), "Texas")


def test_lies_outside_only_when_geonames_can_judge():
    assert gazetteer.lies_outside(lookup("Ukraine"), lookup("Belgorod"))
    assert gazetteer.lies_outside(lookup("Idaho"), lookup("Denver"))
    assert not gazetteer.lies_outside(lookup("Idaho"), lookup("Boise"))
    assert not gazetteer.lies_outside(lookup("Kyiv"), lookup("Brovary"))  # what a city holds is unknown
    assert not gazetteer.lies_outside(lookup("England"), lookup("Leeds"))
    assert not gazetteer.lies_outside(lookup("British Columbia"), lookup("Kelowna"))  # ISO lists no towns
    assert gazetteer.lies_outside(lookup("Pakistan"), lookup("British Columbia"))


def test_curated_table_is_consistent():
    data = tomllib.loads(gazetteer.PLACES_TOML.read_text(encoding="utf-8"))
    demonyms = [d.casefold() for c in data["countries"].values() for d in c["demonyms"]]
    assert len(demonyms) == len(set(demonyms)) >= 120
    for iso, table in data["countries"].items():
        assert set(table) == {"aliases", "demonyms"}, iso
        for alias in table["aliases"]:
            place = lookup(alias)
            assert place is not None and place.country == iso, alias


def test_a_kept_full_stop_does_not_hide_a_place():
    assert lookup("Texas.") == lookup("Texas")
    assert lookup("Beirut.") == lookup("Beirut")


def test_own_name_only_for_rereading_organizations():
    assert gazetteer.by_own_name("Erbil").kind == "City"
    assert gazetteer.by_own_name("Hamas") is None  # an alternate name of Hamm, Germany
    assert gazetteer.by_own_name("Google") is None  # once an alternate name of Topeka


def test_iso_region_entity_has_no_same_as(nlp):
    """One node for the region across mentions, and owl:sameAs only where GeoNames has an IRI."""
    from rdflib import OWL, URIRef

    from kg.ingest import Document
    from kg.pipeline import analyse, assemble
    from kg.rdf import to_rdf

    text = "Wildfires forced evacuations in Kelowna, British Columbia. Officials in British Columbia asked for help."
    kg = assemble([analyse(Document(id="t", text=text), nlp(text))])
    nodes = {d["label"]: (node, d) for node, d in kg.graph.nodes(data=True)}
    assert nodes["British Columbia"][1]["type"] == "Region" and "geonames" not in nodes["British Columbia"][1]
    assert sum(d["label"] == "British Columbia" for _, d in kg.graph.nodes(data=True)) == 1
    rdf = to_rdf(kg)
    assert list(rdf.objects(URIRef(nodes["British Columbia"][0]), OWL.sameAs)) == []
    assert list(rdf.objects(URIRef(nodes["Kelowna"][0]), OWL.sameAs)) == [URIRef(lookup("Kelowna").iri)]


@pytest.mark.parametrize("name, country", [
    ("Yugoslav Republic of Serbia", "Serbia"), ("State of Israel", "Israel"), ("Federal Republic of Germany", "Germany"),
])
def test_a_states_formal_name_is_the_state(name, country):
    assert gazetteer.lookup(name).name == country


def test_a_formal_name_is_one_entity_not_a_part_of_the_state(nlp):
    table = nlp("Envoys of the Islamic Republic of Iran met in Geneva.")._.kg_mentions
    assert "Islamic Republic of Iran" in {m.text for m in table.mentions}


@pytest.mark.parametrize("name, kind, country", [
    ("Ontario", "Region", "CA"), ("Quebec", "Region", "CA"), ("Washington", "Region", "US"), ("Texas", "Region", "US"),
    ("Georgia", "Country", "GE"), ("Lyon", "City", "FR"),
])
def test_after_a_comma_a_name_reads_as_the_wider_place(name, kind, country):
    place = gazetteer.container(name)
    assert (place.kind, place.country) == (kind, country)


def test_a_town_is_read_inside_the_place_after_its_comma():
    assert lookup("London").country == "GB"
    assert gazetteer.lookup_in("London", gazetteer.container("Ontario")).country == "CA"
    assert gazetteer.lookup_in("Paris", gazetteer.container("Texas")).country == "US"


def test_the_graph_links_a_town_to_its_namesake_in_the_place_named_after_it(nlp):
    from kg.ingest import Document
    from kg.pipeline import analyse, assemble

    text = "She lives in London, Ontario, and works in Toronto, Ontario."
    kg = assemble([analyse(Document(id="t", text=text), nlp(text))])
    nodes = {d["label"]: d for _, d in kg.graph.nodes(data=True)}
    assert nodes["London"]["geonames"] == f"https://sws.geonames.org/{gazetteer.lookup_in('London', gazetteer.container('Ontario')).geonameid}/"
    assert nodes["Ontario"]["type"] == "Region"


@pytest.mark.parametrize("name, canonical", [
    ("USSR", "Soviet Union"), ("U.S.S.R.", "Soviet Union"), ("Yugoslavia", "Yugoslavia"), ("Czechoslovakia", "Czechoslovakia"),
    ("Byelorussia", "Belarus"), ("Zaire", "Democratic Republic of the Congo"), ("West Germany", "Germany"), ("Persia", "Iran"),
])
def test_former_names_and_states_of_the_news_archive(name, canonical):
    assert lookup(name).name == canonical and lookup(name).kind == "Country"


def test_a_historical_state_holds_the_countries_it_held():
    soviet = lookup("Soviet Union")
    assert contains(soviet, lookup("Latvia")) and contains(soviet, lookup("Riga"))
    assert gazetteer.lies_outside(soviet, lookup("Paris"))
    assert country_of_demonym("Soviet") == soviet


def test_every_exonym_names_an_iso_region():
    import pycountry

    data = tomllib.loads((Path(gazetteer.__file__).parent.parent / "ontology" / "places.toml").read_text(encoding="utf-8"))
    missing = [code for code in data["exonyms"] if pycountry.subdivisions.get(code=code) is None]
    assert not missing


@pytest.mark.parametrize("english, local", [
    ("Bavaria", "Bayern"), ("Lombardy", "Lombardia"), ("Donetsk Oblast", "Donetska oblast"),
    ("Crimea", "Avtonomna Respublika Krym"),
])
def test_an_english_region_name_is_the_iso_region(english, local):
    assert lookup(english) == lookup(local) and lookup(english).kind == "Region"
