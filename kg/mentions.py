"""Entity and event mentions in a spaCy Doc: named entities repaired and typed from context,
plus common-noun mentions that relation patterns need as arguments.

The ``kg_mentions`` component sets ``doc._.kg_mentions`` (a :class:`MentionTable`). Relation
patterns ask the table for the mention at a token; common nouns become mentions on demand.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg import gazetteer
from kg.dates import MONTHS, WEEKDAYS
from kg.vocabulary import vocabulary, words

NAME_LABELS = frozenset(vocabulary()["types"])
QUANTITY_HEADS = frozenset({"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score",
                            "scores", "number", "some", "many", "several", "most", "all", "one", "two",
                            "three", "part", "rest", "members", "member", "handful"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "npadvmod", "quantmod", "poss", "case"})
NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
PRONOUNS = frozenset({"he", "him", "his", "she", "her", "it", "its", "they", "them", "their", "who",
                      "which", "that", "whom", "whose"})


@dataclass
class Mention:
    """A span that names or describes one thing; ``names`` are its surface forms, longest first."""

    index: int
    start: int
    end: int
    head: int
    type: str
    kind: str  # "name", "nominal" or "pronoun"
    names: tuple[str, ...]
    demonym_of: str = ""  # country a demonym modifier points at ("Syrian site" -> Syria)
    ref: int | None = None  # antecedent mention index, set by coreference
    attrs: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.names[0]


def _clean(tokens: list[Token]) -> list[Token]:
    """Drop leading determiners/punctuation and a trailing possessive marker."""
    while tokens and (tokens[0].dep_ == "det" or tokens[0].is_punct or tokens[0].lower_ in {"the", "'s", "’s"}):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].tag_ == "POS" or tokens[-1].lower_ in {"'s", "’s", "'"}):
        tokens = tokens[:-1]
    return tokens


def span_text(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def compound_lemma(token: Token) -> str:
    """A noun's lemma with its compounds before it: "air base", "ice storm"."""
    return " ".join([c.lemma_.lower() for c in token.lefts if c.dep_ == "compound"] + [token.lemma_.lower()])


def noun_type(token: Token) -> str:
    """Class of a common noun from its head lemma (or compound + head, e.g. "air base")."""
    lemma = token.lemma_.lower()
    compound = compound_lemma(token)
    common = " ".join([c.lemma_.lower() for c in token.lefts if c.dep_ == "compound" and c.pos_ != "PROPN"] + [lemma])
    for key in (compound, common, lemma):  # "the Masai Mara game reserve" is a game reserve
        if key in words("nouns", "attack"):
            mods = {c.lemma_.lower() for c in token.lefts if c.dep_ in ("compound", "amod", "nmod", "nummod")}
            mods |= {w.lower_ for c in token.lefts if c.dep_ in ("compound", "amod", "nummod") for w in c.subtree}
            if lemma == "strike" and (mods & words("nouns", "labour_modifiers") or any(m.endswith("hour") for m in mods)):
                return "Event"
            if key in {"operation", "mission", "campaign", "action", "air war", "war", "explosion", "blast"}:
                return "Event"
            return "Attack"
        for noun_class, name in (("event", "Event"), ("facility", "Facility"), ("artifact", "Artifact"),
                                 ("organization", "Organization"), ("group", "Group"), ("place", "Location")):
            if key in words("nouns", noun_class):
                return name
    return "Entity"


# Endings of an adjective of nationality: Karsov-ian, Calvar-an, Marenn-ese, Toll-ish.
DEMONYM_ENDINGS = ("ian", "ean", "an", "ese", "ish", "i")


class MentionTable:
    """The mentions of one Doc, indexed by token."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.mentions: list[Mention] = []
        self.by_token: dict[int, int] = {}
        self.extra: dict[tuple, Mention] = {}
        self.sentence_number: dict[int, int] | None = None

    def add(self, tokens: list[Token], type_: str, kind: str, names: list[str] | None = None,
            head: Token | None = None, demonym_of: str = "") -> Mention:
        head = head or tokens[-1]
        surface = [span_text(tokens)] + [n for n in (names or []) if n]
        mention = Mention(len(self.mentions), tokens[0].i, tokens[-1].i + 1, head.i, type_, kind,
                          tuple(dict.fromkeys(n for n in surface if n)), demonym_of)
        self.mentions.append(mention)
        for t in tokens:
            self.by_token.setdefault(t.i, mention.index)
        return mention

    def demonym(self, token: Token) -> Mention | None:
        """The country a demonym stands for ("the *Syrian* site of Boukamal" -> Syria); for a
        country GeoNames lacks, the one the article names ("the *Karsovian* capital" -> Karsovia)."""
        place = gazetteer.country_of_demonym(token.text) if token.text[:1].isupper() else None
        if place is None:
            return self._named_country(token)
        key = ("demonym", token.i)
        if key not in self.extra:
            self.extra[key] = self.add([token], "Country", "name", [place.name])
            self.by_token.pop(token.i, None)
        return self.extra[key]

    def _named_country(self, token: Token) -> Mention | None:
        """The article's one-word name that an adjective of nationality derives from, read as a
        country whatever NER said: "Dalvaria" for "a Dalvarian town", "Marenna" for "Marennese"."""
        if not token.text[:1].isupper() or token.pos_ not in ("ADJ", "PROPN"):
            return None
        stems = {token.lower_[:-len(s)] for s in DEMONYM_ENDINGS if token.lower_.endswith(s)} - {""}
        for word in self.doc:
            name = word.lower_
            if word.pos_ == "PROPN" and len(name) > 4 and word.i != token.i \
                    and stems & {name, name[:-2] if name.endswith("ia") else name[:-1]}:
                mention = self.at(word)
                if mention is None or mention.start != word.i or mention.end != word.i + 1:
                    return None
                if mention.type not in ("Country", "Location", "Region"):
                    mention.type, mention.kind = "Country", "name"
                return mention
        return None

    def at(self, token: Token) -> Mention | None:
        """The mention a token belongs to, creating a common-noun or pronoun mention if needed."""
        if token.i in self.by_token:
            return self.mentions[self.by_token[token.i]]
        if token.lower_ in PRONOUNS and token.pos_ == "PRON":
            return self.add([token], "Entity", "pronoun")
        if token.pos_ not in ("NOUN", "PROPN", "NUM", "PRON") and not (
                token.pos_ == "ADJ" and token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass")):  # "an offensive"
            return None
        if token.lemma_.lower() in QUANTITY_HEADS:
            of = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
            inner = [c for o in of for c in o.children if c.dep_ == "pobj"]
            if inner:
                return self.at(inner[0])
            if token.pos_ == "NUM":
                return None
        if token.pos_ == "PRON" or token.ent_type_ in NOT_NAMES:
            return None
        named = {self.by_token[c.i] for c in token.lefts if c.dep_ == "compound" and c.i in self.by_token}
        if len(named) == 1 and noun_type(token) in ("Group", "Organization"):
            mention = self.mentions[named.pop()]
            if mention.type in ("Group", "Organization") and mention.kind == "name":
                # "the Kataeb Hezbollah militia" is Kataeb Hezbollah
                mention.names = (*mention.names, span_text(_clean(list(token.doc[mention.start:token.i + 1]))))
                self.by_token[token.i] = mention.index
                return mention
        return self._nominal(token)

    def _nominal(self, token: Token) -> Mention:
        left = [t for t in token.subtree if t.i < token.i]
        # Keep only the modifiers directly before the head, without clauses or determiners.
        mods = [c for c in token.lefts if c.dep_ in MODIFIER_DEPS and c.dep_ != "poss"]
        owner = max((c.right_edge.i for c in token.lefts if c.dep_ == "poss"), default=-1)
        start = max(min([m.left_edge.i for m in mods], default=token.i), owner + 1)  # "western Georgia's Mingrelia region"
        tokens = _clean([t for t in left if t.i >= start] + [token]) or [token]
        names = []
        for i in range(1, len(tokens)):
            rest = _clean(tokens[i:])
            if rest and not rest[0].is_punct and rest[0].dep_ != "case":
                names.append(span_text(rest))
        of = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
        if of and (token.lemma_.lower() in words("nouns", "event") or token.lemma_.lower() in words("nouns", "organization")
                   and any(o.pos_ == "PROPN" for o in of[0].children)):
            names.insert(0, span_text(_clean(tokens + list(of[0].subtree))))  # "the board of Ferrovani"
        demonym = ""
        for mod in (c for c in token.lefts if c.dep_ in ("amod", "compound")):
            place = gazetteer.country_of_demonym(mod.text) if mod.text[:1].isupper() else None
            if place:
                demonym = place.name
        proper = token.pos_ == "PROPN" and all(t.pos_ == "PROPN" or t.text == "-" for t in tokens)
        place = gazetteer.lookup(span_text(tokens)) if proper else None
        if place is not None:  # a name NER missed, known to the gazetteer
            return self.add(tokens, place.kind, "name", head=token)
        if proper and token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS and token.text[:1].isupper() \
                and not (len(tokens) == 1 and (token.lower_.rstrip(".") in MONTHS or token.lower_ in WEEKDAYS)):
            return self.add(tokens, "Location", "name", head=token)  # "rescued 2,000 people in Bugesera", not "in June"
        if proper and len(tokens) > 1 and token.text[:1].isupper() and token.lower_ in words("nouns", "terrain"):
            return self.add(tokens, "Location", "name", head=token)  # "the Jordan River", "the Ombor Valley"
        described = [noun_type(c) for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if proper and token.text[:1].isupper() and described and described[0] in ("Location", "Facility"):
            return self.add(tokens, described[0], "name", head=token)  # "Estrany, a mountainous province of X"
        type_ = noun_type(token)
        if token.lemma_.lower() in words("nouns", "bodies") and any(t.pos_ == "PROPN" for t in tokens[:-1]):
            type_ = "Organization"  # "the UN peacekeeping mission", "the Bouches-du-Rhone fire service"
        if type_ == "Organization" and token.lemma_.lower() in words("nouns", "place") and any(
                c.dep_ == "compound" and c.i in self.by_token and self.mentions[self.by_token[c.i]].type in ("Country", "City", "Region", "Location")
                for c in token.children):
            type_ = "Location"  # "the Loiret department" is a place; "the Justice department" a ministry
        mention = self.add(tokens, type_, "nominal", names, head=token, demonym_of=demonym)
        dets = [c.lower_ if c.dep_ == "det" else "poss" for c in token.lefts if c.dep_ in ("det", "poss")]
        if self.sentence_number is None:
            self.sentence_number = {s.start: k for k, s in enumerate(self.doc.sents)}
        mention.attrs.update(lemma=token.lemma_.lower(), det=dets[0] if dets else "", plural=token.tag_ in ("NNS", "NNPS"),
                             sentence=self.sentence_number[token.sent.start],
                             proper=any(c.pos_ == "PROPN" for c in token.lefts if c.dep_ in ("compound", "nmod")))
        if mention.type in ("Attack", "Event"):
            when = event_date(token)
            if when:
                mention.attrs["when"] = when
        return mention


def _date_text(token: Token) -> str:
    """The DATE entity at a token, looking through "the night of X" and "the early hours of X"."""
    for candidate in (token, *[o for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                               for o in p.children if o.dep_ == "pobj"]):
        ent = next((e for e in candidate.doc.ents if e.start <= candidate.i < e.end and e.label_ == "DATE"), None)
        if ent is not None:
            return ent.text
    return ""


def event_date(noun: Token) -> str:
    """The date expression attached to an event noun ("the Feb. 15 attack", "a drone strike in
    Kabul on July 31, 2022", "launched airstrikes on Thursday", "killed him in a raid in the early
    hours of May 2, 2011"), as text; "" when there is none."""
    for child in noun.children:
        if child.dep_ in ("nmod", "compound", "npadvmod", "amod") and (found := _date_text(child)):
            return found
    holders = [noun]
    if noun.dep_ in ("dobj", "nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        holders.append(noun.head)  # "launched airstrikes on Thursday"
    if noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX"):
        holders.append(noun.head.head)  # "was killed by a drone strike ... on July 31"
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "npadvmod" and (found := _date_text(child)):
                return found
            if child.dep_ == "prep" and child.lower_ in ("on", "in", "during"):
                for obj in child.children:
                    if obj.dep_ == "pobj" and (found := _date_text(obj)):
                        return found
    return ""


def _split_of(tokens: list[Token], label: str) -> list[tuple[list[Token], str]]:
    """ "the Eastern Province of Saudi Arabia" read as one entity is a province and a country;
    "the Islamic Republic of Iran" is one country."""
    for k, token in enumerate(tokens):
        noun = tokens[k - 1].lemma_.lower() if k > 0 else ""
        if token.lower_ == "of" and 0 < k < len(tokens) - 1 and noun in words("nouns", "place") - words("nouns", "polity"):
            outer = tokens[k + 1:]
            place = gazetteer.lookup(span_text(outer))
            if place is not None and place.kind in ("Country", "Region"):
                return [(tokens[:k], label), (outer, label)]
    return [(tokens, label)]


def _misdated_place(ent) -> bool:
    """A one-word "date" that is no day or month but a place by its context: NER's "Linderhae"
    in "near Linderhae, a fishing village in Sabrelle"."""
    word = ent[0]
    return len(ent) == 1 and word.pos_ == "PROPN" and not any(c.isdigit() for c in word.text) \
        and word.lower_.rstrip(".") not in MONTHS and word.lower_ not in WEEKDAYS and _in_place_context([word])


def _merge_split_names(doc: Doc) -> list[tuple[list[Token], str]]:
    """NER spans, with adjacent proper-noun pieces of one compound name joined
    ("Kataeb" NORP + "Hezbollah" ORG before "militia" -> "Kataeb Hezbollah", an organization)."""
    spans: list[tuple[list[Token], str]] = []
    pieces = []
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME") and _misdated_place(ent):
            pieces.append(([ent[0]], "GPE"))
            continue
        if ent.label_ not in NAME_LABELS or ent.text.lower() in words("nouns", "eras"):
            continue  # "in 79 A.D." names no place
        # "DAYTON, Ohio" read as one entity is two places
        cut = [t.i for t in ent if t.text == ","]
        bounds = [ent.start, *[c + 1 for c in cut]]
        ends = [*cut, ent.end]
        pieces += [(_clean(list(doc[a:b])), ent.label_) for a, b in zip(bounds, ends)]
    for tokens, label in [p for tokens, label in pieces for p in _split_of(tokens, label)]:
        if not tokens:
            continue
        if spans:
            prev, prev_label = spans[-1]
            if (prev[-1].i + 1 == tokens[0].i and all(t.pos_ == "PROPN" for t in prev + tokens)
                    and prev[-1].dep_ == "compound" and prev[-1].head.i >= tokens[0].i
                    and not (prev_label in ("GPE", "LOC") and label == "PERSON")  # "near Belen, N.M. Ms. Calico ..."
                    and not (len(prev) == 1 and gazetteer.country_of_demonym(prev[0].text))):  # "Soviet" "Armenia"
                spans[-1] = (prev + tokens, label)
                continue
        spans.append((tokens, label))
    return spans


LOCATIVE_PREPS = frozenset({"in", "near", "inside", "outside", "across", "throughout", "toward", "towards", "into"})


def _in_place_context(tokens: list[Token], places: set[int] = frozenset()) -> bool:
    """Context that makes a name a place whatever NER said: "the site of X", "X, a town in Y",
    "Yemen's capital, X", or a locative "in X" when the gazetteer knows X as a place."""
    head = tokens[-1]
    place_nouns = words("nouns", "place")
    if head.dep_ == "appos" and head.head.lemma_.lower() in place_nouns:
        return True
    if head.dep_ == "conj" and head.head.i in places:
        return True  # "Boukamal and Qaim"
    doc = head.doc
    if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS and head.i + 2 < len(doc) \
            and doc[head.i + 1].lower_ in ("in", "inside") and not _titled(tokens):
        # "rescued people in Bugesera in the south of Rwanda": a name placed inside a place is one
        outer = [t for t in doc[head.i + 2: min(len(doc), head.i + 8)] if t.ent_type_ in ("GPE", "LOC")]
        if outer and gazetteer.lookup(outer[0].text) is not None:
            return True
    if head.i + 2 < len(doc) and doc[head.i + 1].text == "," and doc[head.i + 2].ent_type_ in ("GPE", "LOC") \
            and not _titled(tokens):
        outer = gazetteer.lookup(doc[head.i + 2].text) or gazetteer.lookup(doc[head.i + 2].text + ".")
        after = doc[head.i + 3] if head.i + 3 < len(doc) else None
        if outer is not None and outer.kind in ("Country", "Region") and (after is None or after.is_punct):
            return True  # "DAYTON, Ohio (AP)", "Camp Butner, N.C.;" but not "Zakharova, Russia's spokeswoman"
    if head.dep_ in ("pobj", "conj", "compound") and (head.head.lower_ in LOCATIVE_PREPS or head.dep_ != "pobj") \
            and not _titled(tokens) and gazetteer.lookup(span_text(tokens)) is not None:
        return head.dep_ == "pobj" or head.head.ent_type_ in ("GPE", "LOC") or head.head.dep_ == "pobj" \
            and head.head.head.lower_ in LOCATIVE_PREPS
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in place_nouns \
            and head.head.head.lemma_.lower() not in words("nouns", "personal_places"):
        return True
    first = head  # the first of a list the name ends
    while first.dep_ == "conj":
        first = first.head
    if first.dep_ == "pobj" and first.head.lower_ in ("as", "like", "including") and first.head.head.tag_ == "NNS" \
            and first.head.head.lemma_.lower() in words("nouns", "settlement") and not _titled(tokens):
        return True  # "Montana towns such as Libby and Troy"
    if first.dep_ == "pobj" and first.head.lower_ == "including" and first.head.i >= 2 and doc[first.head.i - 1].text == "," \
            and doc[first.head.i - 2].ent_type_ in ("GPE", "LOC") and gazetteer.lookup(span_text(tokens)) is not None:
        return True  # "towns in Ohio, including Marietta": a place the gazetteer knows, among a place's parts
    if head.dep_ == "appos" and head.head.dep_ == "pobj" and head.head.head.lower_ == "of" \
            and head.head.head.head.lemma_.lower() in words("nouns", "settlement"):
        return True  # "the capital of Vastmoor, Brisk": the parser hangs the capital's name on Vastmoor
    if head.dep_ == "compound" and head.head.pos_ == "NOUN" and head.head.lemma_.lower() in words("nouns", "terrain"):
        return True  # "the Kessal hills"
    if head.dep_ in ("compound", "poss") and _named_subdivision(head.head):
        return True  # "Calvaro's southern Alta Verde province": the province and its owner
    if first.dep_ in ("compound", "nmod") and _named_subdivision(first.head, ("compound", "nmod")):
        return True  # "the Gilan and Zanjan provinces"
    if _bearing_follows(head) and not _titled(tokens):
        return True  # "Chase, about 20 miles northeast of Baltimore"
    if head.dep_ == "pobj" and head.head.lower_ in ("in", "inside") and head.head.head.pos_ == "NOUN" \
            and head.head.head.lemma_.lower() in place_nouns and not _titled(tokens):
        return True  # "Axum, an ancient town in central Tigray"
    if any(c.dep_ == "appos" and (c.lemma_.lower() in place_nouns or noun_type(c) == "Location") and not _nearer_place(head, c)
           for c in head.children):
        return True  # "X, a town in Y", "the Sambisa Forest, a vast former game reserve"
    if head.dep_ == "nsubj" and head.head.lemma_ == "be" and not _titled(tokens) \
            and any(c.dep_ == "attr" and c.lemma_.lower() in words("nouns", "settlement") for c in head.head.children):
        return True  # "Marietta is a small Ohio town", "Eugene is a city in Oregon", whatever NER said
    position_verbs = words("relations", "locatedIn", "position_verbs")
    for clause in head.children:  # "Sinjar, which is in northern Iraq", "Tilburg, located in Brabant"
        if clause.dep_ in ("relcl", "acl") and clause.lemma_.lower() in position_verbs and any(
                o.ent_type_ in ("GPE", "LOC") or o.lemma_.lower() in place_nouns  # "which lies in the Dutch province of X"
                for p in clause.children if p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPS
                for o in p.children if o.dep_ == "pobj"):
            return True
    if head.dep_ == "conj" and head.head.dep_ == "pobj" and head.head.head.lower_ == "of" \
            and head.head.head.head.lemma_.lower() in place_nouns:
        return True
    return False


DISTANCE_UNITS = frozenset({"mile", "miles", "kilometer", "kilometers", "kilometre", "kilometres", "km", "yards"})


def _bearing_follows(head: Token) -> bool:
    """ "X, (about) 20 miles north of Y": only a place lies at a distance and bearing from a place."""
    doc, i = head.doc, head.i + 1
    if i >= len(doc) or doc[i].text != ",":
        return False
    i += 1
    if i < len(doc) and (doc[i].pos_ == "ADV" or doc[i].lower_ == "some"):
        i += 1  # "about", "some", "nearly"
    if not (i + 3 < len(doc) and doc[i].like_num and doc[i + 1].lower_ in DISTANCE_UNITS):
        return False
    bearing = doc[i + 2].lower_.replace("-", "")
    return bearing in {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"} \
        and doc[i + 3].lower_ == "of"


def _named_subdivision(noun: Token, deps: tuple[str, ...] = ("compound",)) -> bool:
    """A province, district or the like with a proper name of its own ("the Dallen province")."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in words("nouns", "subdivision") \
        and any(c.dep_ in deps and c.pos_ == "PROPN" for c in noun.children)


def _nearer_place(head: Token, appos: Token) -> bool:
    """An organization's name whose apposition the parser took from the place just before the comma:
    in "the Interior Ministry in Riga, the capital of Latvia" the capital is Riga, not the ministry."""
    before = appos.left_edge.i - 2
    return head.lemma_.lower() in words("nouns", "organization") and before > head.i \
        and head.doc[before + 1].text == "," and head.doc[before].ent_type_ in ("GPE", "LOC")


def _titled(tokens: list[Token]) -> bool:
    return bool(_with_titles(tokens)) or len(tokens) > 1 and tokens[0].ent_type_ == "PERSON" and tokens[0].i > 0 \
        and tokens[0].nbor(-1).lower_ in ("mr", "mrs", "ms", "dr")


def _described_as_person(head: Token) -> bool:
    """ "Ines Varga, a spokeswoman for the ministry", "X, the defence minister": a title noun in
    apposition says the name is a person's, whatever NER said."""
    titles = words("relations", "spokespersonFor", "titles") | words("titles", "appositive")
    if head.dep_ == "appos" and head.head.pos_ == "NOUN" and head.head.lemma_.lower() in titles:
        return True  # "whose spokeswoman, Nadia Ferro"
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in titles for c in head.children)


def _type_of_name(tokens: list[Token], label: str, places: set[int] = frozenset()) -> str:
    type_ = vocabulary()["types"][label]
    head = tokens[-1]
    if label in ("PERSON", "ORG", "GPE", "NORP", "FAC", "PRODUCT") and _described_as_person(head):
        return "Person"
    if len(tokens) > 2 and tokens[0].lower_ in words("titles", "person") and tokens[1].lower_ == "of":
        return "Person"  # "the Duchess of York", "the Prince of Wales": a title of a place is a person's
    if label in ("PERSON", "ORG", "NORP", "PRODUCT") and _in_place_context(tokens, places):
        return "Location"
    if label == "PERSON" and head.tag_ == "NNPS" and any(c.lower_ == "the" for c in head.children):
        return "Group"  # "the Houthis"
    if label in ("ORG", "FAC", "EVENT", "GPE", "PRODUCT", "WORK_OF_ART") and head.lemma_.lower() in words("nouns", "facility") \
            and len(tokens) > 1:
        return "Facility"  # "Toussaint Louverture International Airport", which NER may call an event
    if label == "PERSON" and len(tokens) > 1 and head.lemma_.lower() in words("nouns", "facility") - words("nouns", "surname_facilities"):
        return "Facility"  # "Mulago Hospital", "Yerwada Jail"
    if label in ("ORG", "PERSON") and any(c.dep_ == "appos" and c.lemma_.lower() in words("nouns", "facility") for c in head.children):
        return "Facility"  # "Abqaiq, the world's largest crude processing plant"
    if label in ("ORG", "NORP", "GPE") and head.lemma_.lower() in words("nouns", "group") | words("nouns", "organization") \
            and not (label == "GPE" and gazetteer.lookup(span_text(_clean(tokens))) is not None) \
            and not (label == "GPE" and head.lemma_.lower() in words("nouns", "place")):  # "the Soviet Union", "Huanuco Department"
        return "Organization" if label != "NORP" else "Group"
    if label == "NORP" and len(tokens) == 1 and gazetteer.country_of_demonym(head.text) and head.dep_ in ("amod", "compound"):
        return "Group"
    return type_


def _with_titles(tokens: list[Token]) -> list[Token]:
    """The name with the titles before it ("President Joe Biden", "Mr Biden"), or [] if none."""
    doc, start = tokens[0].doc, tokens[0].i
    titles = words("titles", "person")
    while start > 0:
        prev = doc[start - 1]
        word = prev.lower_.rstrip(".")
        if prev.is_punct or not (word in titles or prev.pos_ == "PROPN" and gazetteer.country_of_demonym(prev.text)):
            break
        start -= 1
    while start < tokens[0].i and doc[start].lower_ in ("the", "of"):
        start += 1
    return list(doc[start:tokens[-1].i + 1]) if start < tokens[0].i else []


def find_mentions(doc: Doc) -> MentionTable:
    """Named mentions of a Doc, typed from NER, context and the gazetteer."""
    table = MentionTable(doc)
    places: set[int] = set()
    for tokens, label in _merge_split_names(doc):
        if label == "NORP" and tokens[-1].dep_ in ("amod", "compound", "npadvmod") and tokens[-1].head.pos_ in ("NOUN", "VERB", "ADJ"):
            continue  # "Iranian-backed", "Syrian site": an adjective, not a thing of its own
        type_ = _type_of_name(tokens, label, places)
        if (river := _river_after(tokens)) is not None:
            tokens, type_ = tokens + [river], "Location"
        names = []
        head = tokens[-1]
        possessor = [c for c in head.children if c.dep_ == "poss" and c.ent_type_ in ("GPE", "NORP")]
        if not possessor and head.dep_ == "compound":
            # "Russia's Foreign Ministry spokeswoman": the parser hangs the owner on the title
            possessor = [c for c in head.head.children if c.dep_ == "poss" and c.ent_type_ in ("GPE", "NORP")
                         and c.i < tokens[0].i]
        if possessor and label == "ORG" and type_ == "Organization" and possessor[0].i < tokens[0].i:
            names.append(span_text(tokens))  # "Foreign Ministry" as an alias of "Russia's Foreign Ministry"
            tokens = list(possessor[0].subtree) + [t for t in doc[possessor[0].right_edge.i + 1: tokens[0].i]
                                                   if t.tag_ == "POS"] + tokens
            tokens = [t for t in tokens if not t.is_punct or t.tag_ == "POS"]
        if type_ == "Person":
            titled = _with_titles(tokens)
            if titled:
                names.append(span_text(titled))
        if type_ == "Location":
            place = gazetteer.lookup(span_text(_clean(tokens)))
            if place:
                type_ = place.kind
        table.add(_clean(tokens), type_, "name", names, head=head)
        if type_ in ("Location", "Country", "City", "Region"):
            places.add(head.i)
    _dateline_places(table)
    _surnames_of_people(table)
    return table


def _river_after(tokens: list[Token]) -> Token | None:
    """The "River" that NER left off a river named like a country: "the Jordan River", "the Congo River"."""
    head = tokens[-1]
    after = head.nbor(1) if head.i + 1 < len(head.doc) else None
    if after is not None and head.dep_ == "compound" and head.head == after and after.pos_ == "PROPN" \
            and after.ent_type_ == "" and after.lower_ in words("nouns", "watercourses"):
        return after
    return None


def _surnames_of_people(table: MentionTable) -> None:
    """A later bare surname is the person named in full earlier ("General John Campbell ...
    Campbell said"), though NER often calls it an organization; never a country or region."""
    surnames: set[str] = set()
    for mention in sorted(table.mentions, key=lambda m: m.start):
        if mention.kind != "name":
            continue
        if mention.type == "Person" and len(mention.text.split()) > 1:
            surnames.add(mention.text.split()[-1])
        elif mention.type != "Person" and mention.text in surnames:
            place = gazetteer.lookup(mention.text)
            if place is None or place.kind == "City":
                mention.type = "Person"


def _dateline_places(table: MentionTable) -> None:
    """The names of a dateline ("VELKA, Norland —", "KHARKIV, Ukraine (AP) —") are places,
    whatever NER said, except the news agency in brackets."""
    doc = table.doc
    for sent in doc.sents:
        if _dateline_dash(doc, sent.start) != sent.end - 1:
            continue
        runs: list[list[Token]] = [[]]
        bracket = False
        for token in sent[:-1]:
            bracket = (bracket or token.text == "(") and token.text != ")"
            joined = token.text == "-" and runs[-1] and not runs[-1][-1].whitespace_  # "PORT-AU-PRINCE"
            if not bracket and (token.pos_ == "PROPN" or token.is_upper and token.is_alpha or joined):
                runs[-1].append(token)
            elif runs[-1]:
                runs.append([])
        for run in filter(None, runs):
            place = gazetteer.lookup(span_text(run))
            kind = place.kind if place is not None else "Location"
            known = {table.by_token[t.i] for t in run if t.i in table.by_token}
            if not known:
                table.add(run, kind, "name")
            for index in known:
                mention = table.mentions[index]
                if mention.type not in ("Location", "Country", "City", "Region"):
                    mention.type, mention.kind = kind, "name"


if not Doc.has_extension("kg_mentions"):
    Doc.set_extension("kg_mentions", default=None)


@Language.factory("kg_paragraphs")
def make_paragraphs(nlp: Language, name: str):
    """spaCy component (before the parser): a line break ends a sentence, so headlines and
    captions without a full stop do not run into the next paragraph; so does a dateline's dash,
    so "ESSEMA, Dalvaria — Dalvarian warplanes bombed" does not make the town the bomber."""

    def component(doc: Doc) -> Doc:
        starts = [0]
        for token in doc[1:]:
            prev = token.nbor(-1)
            if "\n" in prev.whitespace_ or prev.is_space and "\n" in prev.text:
                token.is_sent_start = True
                starts.append(token.i)
        for start in starts:
            if (dash := _dateline_dash(doc, start)) is not None:
                doc[dash + 1].is_sent_start = True
        return doc

    return component


DASHES = frozenset({"—", "–", "-", "--"})


def _dateline_dash(doc: Doc, start: int) -> int | None:
    """The dash ending a dateline at a paragraph start: an upper-case place ("KHARKIV, Ukraine
    (AP) —", "WASHINGTON --"), at most a few words before the dash."""
    first = doc[start] if start < len(doc) else None
    if first is None or not (first.is_upper and first.is_alpha and len(first) > 1):
        return None
    for token in doc[start + 1: min(len(doc) - 1, start + 12)]:
        if token.text in DASHES and token.nbor(-1).whitespace_:  # not the hyphens of "PORT-AU-PRINCE"
            return token.i
        if not (token.tag_ in ("NNP", "NNPS") or token.is_upper or token.is_punct and token.text not in (".", "!", "?")
                or token.lower_ in ("of", "de", "del", "la") and token.nbor(1).tag_ == "NNP"):  # "Territory of Hawaii"
            return None  # "NATO said on Monday - a day late -" is a sentence, not a dateline
    return None


@Language.factory("kg_mentions")
def make_mentions(nlp: Language, name: str):
    """spaCy component: sets ``doc._.kg_mentions``."""

    def component(doc: Doc) -> Doc:
        doc._.kg_mentions = find_mentions(doc)
        return doc

    return component
