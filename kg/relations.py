"""Relation patterns over the dependency parse, one small generator per English construction.

Each pattern takes a sentence and yields :class:`Candidate` tuples of tokens; the ``kg_relations``
component maps their tokens to mentions, checks argument types, and attaches factuality
(:mod:`kg.factuality`). In the style of textacy's ``extract.triples``: every rule says what it
catches. Trigger and title words come from ``ontology/vocabulary.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg import gazetteer
from kg.factuality import factuality, local_cue
from kg.mentions import DASHES, DEMONYM_ENDINGS, LOCATIVE_PREPS, QUANTITY_HEADS, Mention, MentionTable, compound_lemma, noun_type
from kg.vocabulary import words


class Candidate(NamedTuple):
    subject: Token
    predicate: str
    object: Token
    trigger: Token
    rule: str
    confidence: float


@dataclass
class RelationMention:
    """A relation between two mentions of one Doc, with its evidence and factuality."""

    subject: int
    predicate: str
    object: int
    sentence: tuple[int, int]
    trigger: int
    rule: str
    confidence: float
    factuality: str
    source: int | None


Pattern = Callable[[Span, MentionTable], Iterator[Candidate]]
PATTERNS: list[Pattern] = []


def pattern(func: Pattern) -> Pattern:
    PATTERNS.append(func)
    return func


# -- small parse helpers ------------------------------------------------------------------------

def lemma(token: Token) -> str:
    """The lower-case lemma; a capitalized plural place noun the lemmatizer leaves plural ("the Wallowa
    *Mountains*", "the Black *Hills*") is made singular."""
    if token.pos_ == "PROPN" and token.lower_.endswith("s") \
            and (singular := token.lower_[:-1]) in words("nouns", "place") | words("nouns", "terrain"):
        return singular
    return token.lemma_.lower()


def kids(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def prep_objects(token: Token, preps: frozenset[str] | set[str]) -> list[Token]:
    """Objects of the given prepositions attached to a token ("strike *on* Saada")."""
    return [o for p in kids(token, "prep") if p.lower_ in preps for o in kids(p, "pobj", "pcomp")]


def conjuncts(token: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("Kyiv and other Ukrainian cities")."""
    return [token, *[c for c in token.conjuncts if c.i > token.i]]


def listed(token: Token) -> list[Token]:
    """A token and its conjuncts up to the one "and" or "or" joins: "the states of Sabah and
    Sarawak, Brunei, and ..." lists two states, whatever else the parser coordinated."""
    items = [token]
    for conj in conjuncts(token)[1:]:
        items.append(conj)
        if conj.i > 0 and conj.nbor(-1).lower_ in ("and", "or"):
            break
    return items


def members(token: Token) -> list[Token]:
    """Named members of a group: "militant groups, including Kataeb Hezbollah and X", "Montana towns
    such as Libby and Troy"; of places named after a plural place noun: "the villages of Petrovo,
    Lisna and Gorye", "the republics of Serbia and Montenegro"."""
    named = [m for p in kids(token, "prep") if p.lower_ in ("including", "like") or p.lower_ == "as" and p.i > 0
             and p.nbor(-1).lower_ == "such" for o in kids(p, "pobj") for m in conjuncts(o)]  # "towns such as Libby and Troy"
    if not named and token.tag_ == "NNS" and lemma(token) in words("nouns", "place") | words("nouns", "polity"):
        named = [m for o in prep_objects(token, {"of"}) if o.pos_ == "PROPN" for m in listed(o)]
        if lemma(token) not in words("nouns", "settlement") and not named[1:]:
            named = []  # "the residential districts of Kharkiv" are districts, not Kharkiv
    return named


def _address_tail(noun: Token, appos: Token) -> bool:
    """ "his home on Dogwood Lane in Belwood Springs, N.C.", "people in Kumya-ri, South Hamgyong
    Province": the parser hangs the state on "home", which it does not name. Only a noun for a
    state or country is named by one ("the country, Iran")."""
    if lemma(noun) in words("nouns", "region"):
        return False
    text = appos.text
    place = gazetteer.abbreviation(text) or gazetteer.abbreviation(text + ".") or gazetteer.lookup(text)  # "Ark ."
    return place is not None and place.kind in ("Country", "Region") or lemma(appos) in words("nouns", "subdivision")


def phrase(token: Token) -> str:
    """Lemma plus particle, e.g. "sign off", "shoot down", "blow up"."""
    prt = kids(token, "prt")
    return f"{lemma(token)} {prt[0].lower_}" if prt else lemma(token)


def antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for ("Dnipro, *which* Russian troops shelled")."""
    if token.lower_ in {"which", "that", "who", "whom"}:
        verb = token.head
        while verb.dep_ not in ("relcl", "acl") and verb.head.i != verb.i and verb.dep_ in ("conj", "ccomp", "xcomp"):
            verb = verb.head
        if verb.dep_ in ("relcl", "acl"):
            return verb.head
    return token


def named(token: Token) -> Token:
    """Look through a title or description to the name it describes:
    "a team of Navy SEALs" -> SEALs; "the defense minister, Prince Mohammed" -> Mohammed."""
    token = place_of(antecedent(token), parts=False)
    if token.lemma_.lower() in QUANTITY_HEADS and prep_objects(token, {"of"}):
        token = prep_objects(token, {"of"})[0]  # "dozens of cruise missiles"
    if token.lower_ in DIRECTIONS and kids(token, "compound"):
        token = kids(token, "compound")[0]  # "a base west of Homs" read as "(base) west"
    if token.pos_ == "NOUN":
        appos = [a for a in kids(token, "appos") if a.pos_ == "PROPN" and not _address_tail(token, a)]
        # "Acapulco, the Pacific resort in ...", which the parser may hang on the description as a "dep"
        appos += [d for d in kids(token, "dep") if d.pos_ == "PROPN" and d.right_edge.i + 1 < token.i
                  and token.doc[d.right_edge.i + 1].text == ","]
        if appos:
            return appos[0]
        if token.dep_ == "appos" and token.head.pos_ == "PROPN":
            left = token.left_edge.i
            if noun_type(token) in ("Location", "Facility") and left > 1 and token.doc[left - 1].text == "," \
                    and token.doc[left - 2].pos_ == "PROPN":
                return token.doc[left - 2]  # "found Livingstone at Ujiji, a trading post": the place the comma follows
            return token.head
        if lemma(token) in words("nouns", "collective"):
            inner = prep_objects(token, {"of"})
            if inner:
                return inner[0]
    if token.pos_ in ("NOUN", "PROPN") and lemma(token) in words("nouns", "members"):
        owners = [o for o in prep_objects(token, {"of", "from"}) if o.pos_ == "PROPN" and o.ent_type_ in ("ORG", "NORP", "GPE")]
        if owners:
            return owners[0]  # "fighters of the Rapid Support Forces", "Aircraft of the Air Force"
    if token.pos_ == "NOUN":
        return _surface_apposition(token) or token
    return token


def _surface_apposition(noun: Token) -> Token | None:
    """Appositions the parser lost, read off the token sequence: "its commander, General X"
    (a person named after a title noun) and "Benghazi, the rebel stronghold" (a place named before
    a place noun)."""
    doc, titles = noun.doc, words("titles", "person")
    j = noun.i + 1
    if j < len(doc) and doc[j].text == "," and lemma(noun) in words("nouns", "person") | titles:
        # only a noun for a person names the person after the comma: not "attacked the convoy, Smith said"
        j += 1
        while j < len(doc) and doc[j].lower_.rstrip(".") in titles and doc[j].ent_type_ != "PERSON":
            j += 1
        if j < len(doc) and doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "B":
            while j + 1 < len(doc) and doc[j + 1].ent_iob_ == "I":
                j += 1
            return doc[j]
    own_name = any(c.pos_ == "PROPN" for c in kids(noun, "compound"))  # "Madagascar, the Sahara desert" lists two
    if lemma(noun) in words("nouns", "place") | words("nouns", "facility") and noun.dep_ not in ("nsubj", "nsubjpass") \
            and not own_name:
        start = min([c.left_edge.i for c in noun.lefts], default=noun.i)
        if start >= 2 and doc[start - 1].text == "," and doc[start - 2].pos_ == "PROPN" and doc[start - 2].ent_type_ in ("GPE", "LOC", "FAC"):
            return doc[start - 2]
    return None


def subject_of(verb: Token) -> Token | None:
    """The acting subject of a verb, inherited through xcomp/advcl/conj/relative clauses and
    "accused X of V-ing"."""
    seen = 0
    while seen < 6:
        seen += 1
        subj = kids(verb, "nsubj", "csubj")
        if subj:
            return named(subj[0])
        if verb.dep_ == "relcl" and not kids(verb, "nsubjpass"):
            return verb.head
        if verb.dep_ == "ccomp" and lemma(verb.head) in words("factuality", "report_verbs"):
            # "He added the airstrikes destroyed X": a small parser reads the subject as an object
            objs = [o for o in kids(verb.head, "dobj") if o.i < verb.i]
            return named(objs[0]) if objs else None
        if verb.dep_ == "pcomp" and verb.head.lower_ == "of" and lemma(verb.head.head) in {"accuse", "suspect", "blame", "charge"}:
            obj = kids(verb.head.head, "dobj")
            return named(obj[0]) if obj else None
        if verb in _infinitives(verb.head) and (controller := [o for o in kids(verb.head, "dobj")
                                                                if o.i < verb.i and o.pos_ in ("NOUN", "PROPN", "PRON")]):
            return named(controller[0])  # "Biden ordered the Pentagon to carry out strikes": the Pentagon acts
        if verb.dep_ in ("xcomp", "advcl", "conj", "acl") and verb.head.i != verb.i:
            if verb.dep_ == "acl" and verb.tag_ in ("VBG",):
                return verb.head
            if verb.dep_ == "acl":
                return None
            verb = verb.head
            continue
        return None
    return None


def _controlled(verb: Token, obj: Token) -> bool:
    """Whether the object of a verb is the subject of its infinitive: "authorized management to open
    talks", not "approved a renovation, to begin in June"."""
    doc = verb.doc
    return any(x.left_edge.i == obj.right_edge.i + 1 for x in _infinitives(verb) if doc[x.left_edge.i].lower_ == "to")


def _infinitives(verb: Token) -> list[Token]:
    """The to-infinitive clauses of a verb, which the parser labels xcomp or advcl: "ordered X *to launch* Y"."""
    return kids(verb, "xcomp") + [c for c in kids(verb, "advcl") if any(a.lower_ == "to" for a in kids(c, "aux"))]


def agent_of(verb: Token) -> Token | None:
    agents = [o for a in kids(verb, "agent") for o in kids(a, "pobj")]
    return named(agents[0]) if agents else None


def is_passive(verb: Token) -> bool:
    """ "was stormed", "the strikes, ordered by", but not "which Biden had ordered"."""
    if kids(verb, "auxpass", "nsubjpass"):
        return True
    if verb.tag_ != "VBN" or kids(verb, "nsubj") or any(a.lemma_ == "have" for a in kids(verb, "aux")):
        return False
    return verb.dep_ in ("acl", "relcl") or verb.dep_ == "conj" and is_passive(verb.head)


def passive_object(verb: Token) -> Token | None:
    """What a passive verb or participle is about: "*the compound* was stormed", "the strikes, ordered by"."""
    subj = kids(verb, "nsubjpass")
    if subj:
        return named(subj[0])
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
        return named(verb.head)
    if verb.dep_ == "conj" and verb.tag_ == "VBN":
        return passive_object(verb.head)
    return None


def _reduced_relative_object(verb: Token) -> Token | None:
    """An attack verb takes no clause: in "a jet bombed a crowd gathered for the opening", parsed
    as "bombed [a crowd gathered ...]", the crowd is the object."""
    for clause in kids(verb, "ccomp"):
        subj = kids(clause, "nsubj")
        if subj and clause.tag_ in ("VBD", "VBN") and subj[0].left_edge.i == verb.i + 1:
            return named(subj[0])
    return None


def direct_object(verb: Token) -> Token | None:
    objs = kids(verb, "dobj")
    if objs:
        return named(objs[0])
    if verb.dep_ == "relcl" and kids(verb, "nsubj") and not any(a.lower_ in ("where", "when", "why") for a in kids(verb, "advmod")):
        return named(verb.head)  # "the withdrawal, which Biden had ordered"; not "Ford Island, where the Arizona blew up"
    return None


# -- authorized ---------------------------------------------------------------------------------

@pattern
def authorized_verb(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """Active, passive and relative forms of an authorizing verb:
    "Obama ordered the raid"; "The strikes, ordered by Putin"; "the withdrawal, which Biden had
    ordered"; "Aliyev signed off on a mobilization"."""
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        obj = None
        if phrase(verb) + " on" in words("relations", "authorized", "phrasal") or \
                phrase(verb) + " to" in words("relations", "authorized", "phrasal"):
            objs = prep_objects(verb, {"on", "to"})
            obj = named(objs[0]) if objs else None
        elif lemma(verb) in words("relations", "authorized", "verbs"):
            obj = direct_object(verb)
            if obj is not None and verb.dep_ == "relcl" and noun_type(obj) not in ("Attack", "Event") and obj.dep_ == "pobj" \
                    and obj.head.lower_ == "of" and noun_type(obj.head.head) in ("Attack", "Event"):
                obj = obj.head.head  # "Russia's invasion of Ukraine, which Putin ordered": one orders an act, not a country
            if obj is not None and obj.dep_ == "dobj" and (kids(verb, "ccomp") or _infinitives(verb)) and \
                    (obj.ent_type_ in ("PERSON", "NORP", "ORG") or lemma(obj) in words("nouns", "group") | words("nouns", "person")
                     or noun_type(obj) == "Organization" or _controlled(verb, obj) and noun_type(obj) not in ("Attack", "Event")):
                # "ordered troops to withdraw": the order is the clause, not the troops; "directed the
                # commander to launch the air campaign" ordered the campaign; "authorized management to
                # open talks" authorized no management
                acts = [e for x in _infinitives(verb) if lemma(x) in words("relations", "authorized", "execute")
                        for e in kids(x, "dobj") if noun_type(e) in ("Attack", "Event")]
                subj = subject_of(verb)
                if subj is not None:
                    for act in acts:
                        yield Candidate(subj, "authorized", act, verb, "authorized_active", 0.85)
                continue
        else:
            continue
        passive = passive_object(verb) if is_passive(verb) else None
        if passive is not None:
            agent = agent_of(verb)
            if agent is not None:
                yield Candidate(agent, "authorized", passive, verb, "authorized_passive", 0.85)
            continue
        subj = subject_of(verb)
        if subj is not None and obj is not None:
            yield Candidate(subj, "authorized", obj, verb, "authorized_active", 0.9)


@pattern
def authorized_order_noun(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """An action done on someone's order: "launched on Khamenei's order", "carried out at the
    direction of Panetta", "made at Biden's direction", "on the orders of X"."""
    for noun in sent:
        if lemma(noun) not in words("relations", "authorized", "nouns") or noun.dep_ != "pobj":
            continue
        if noun.head.lower_ not in {"on", "at", "under", "by", "upon"}:
            continue
        givers = kids(noun, "poss") or prep_objects(noun, {"of"})
        if not givers:
            continue
        anchor = noun.head.head
        if anchor.pos_ in ("VERB", "AUX"):
            action = passive_object(anchor) or direct_object(anchor)
        else:
            action = anchor
        if action is not None:
            yield Candidate(named(givers[0]), "authorized", action, noun, "authorized_by_order", 0.8)


@pattern
def authorized_decision(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """A decision to carry out an action: "Biden's decision to launch an attack",
    "Trump decided to launch the raid"."""
    for word in sent:
        if lemma(word) not in words("relations", "authorized", "decide") | {"decision"}:
            continue
        giver = kids(word, "poss") if word.pos_ == "NOUN" else [subject_of(word)] if subject_of(word) else []
        for verb in kids(word, "acl", "xcomp"):
            if lemma(verb) in words("relations", "authorized", "execute"):
                obj = direct_object(verb)
                if giver and obj is not None:
                    yield Candidate(named(giver[0]), "authorized", obj, word, "authorized_decision", 0.75)


@pattern
def authorized_go_ahead(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """Giving the go-ahead or green light for an action: "Biden gave the go-ahead for the strike"."""
    for verb in sent:
        if lemma(verb) != "give":
            continue
        for noun in kids(verb, "dobj"):
            keys = set()
            for deps in (("compound", "punct", "amod"), ("compound", "punct")):  # "the green light", "the final go-ahead"
                start = min([c.i for c in noun.lefts if c.dep_ in deps], default=noun.i)
                head = re.sub(r"\s*-\s*", "-", noun.doc[start:noun.i + 1].text.lower())  # "go - ahead" -> "go-ahead"
                keys.add(f"give {head} ")
            for prep in kids(noun, "prep") + kids(verb, "prep", "dative"):  # "gave the green light for"
                if any(key + prep.lower_ in words("relations", "authorized", "phrasal") for key in keys):
                    subj = subject_of(verb)
                    for obj in kids(prep, "pobj"):
                        if subj is not None:
                            yield Candidate(subj, "authorized", named(obj), noun, "authorized_go_ahead", 0.8)


# -- attacked -----------------------------------------------------------------------------------

def _at_targets(verb: Token) -> list[Token]:
    """Targets after "at/on/against", on the verb or on its weapon object ("fired missiles at Kyiv")."""
    preps = words("relations", "attacked", "at_preps")
    found = prep_objects(verb, preps)
    others = [o for o in prep_objects(verb, preps - {"at"}) if not _is_time(o)]
    if others:
        found = others  # "opened fire on worshippers at a church": "at" is where
    for obj in kids(verb, "dobj"):
        found += prep_objects(obj, preps)
    # "fired missiles at X, and at Y": the second phrase is parsed as a conjunct of the verb or the first
    extra = [c for c in kids(verb, "conj") if c.pos_ == "ADP" and c.lower_ in preps]
    extra += [c for p in kids(verb, "prep") if p.lower_ in preps for c in p.conjuncts if c.pos_ == "ADP" and c.lower_ in preps]
    return found + [o for p in extra for o in kids(p, "pobj")]


@pattern
def attacked_verb(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """Active, passive and relative forms of an attack verb: "American aircraft bombed the
    compound"; "Stepanakert was shelled by Azerbaijani forces"; "Dnipro, which Russian troops had
    shelled"; "Russia fired missiles at Kyiv"; "the helicopters were fired on by gunmen"."""
    for verb in sent:
        if verb.pos_ != "VERB":
            continue
        name = phrase(verb)
        if name in words("relations", "attacked", "not_attacks"):
            continue
        armed = lemma(verb) in words("relations", "attacked", "armed_verbs")
        direct = armed or name in words("relations", "attacked", "verbs") or lemma(verb) in words("relations", "attacked", "verbs")
        opened_fire = [o for o in kids(verb, "dobj") if f"{lemma(verb)} {lemma(o)}" in words("relations", "attacked", "at_verbs")]
        at_verb = lemma(verb) in words("relations", "attacked", "at_verbs") or bool(opened_fire)
        if not (direct or at_verb):
            continue
        passive = passive_object(verb) if is_passive(verb) else None
        if passive is not None:
            agent = agent_of(verb)
            if armed and not (_armed(agent, table) and _named_person(passive, table)):
                continue
            at_preps = words("relations", "attacked", "at_preps")
            if agent is not None and (direct or prep_objects(verb, at_preps) or any(p.lower_ in at_preps for p in kids(verb, "prt"))):
                yield Candidate(agent, "attacked", passive, verb, "attacked_passive", 0.85)
            continue
        subj = subject_of(verb)
        if subj is None or armed and not _armed(subj, table):
            continue
        weapon = opened_fire or all(noun_type(named(o)) == "Artifact" for o in kids(verb, "dobj"))
        targets = _at_targets(verb) if at_verb and weapon else []  # "fired missiles at", not "fired questions at"
        if direct and not targets and lemma(verb) not in {"launch"}:
            obj = direct_object(verb) or _reduced_relative_object(verb)
            targets = [obj] if obj is not None else []
            objs = kids(verb, "dobj")  # "bombed Clark Field, as well as the islands of X": the parser gives two objects
            targets += [named(o) for o in objs[1:] if any(c.dep_ == "cc" and objs[0].i < c.i < o.i for c in verb.children)]
        for target in targets:
            if not armed or _named_person(named(target), table):
                yield Candidate(subj, "attacked", named(target), verb, "attacked_active", 0.9)


def _armed(agent: Token | None, table: MentionTable) -> bool:
    """Who can kill in an attack: a strike, a weapon, or a force ("killed by troops"), not "the
    crash" or "the earthquake"."""
    mention = table.at(agent) if agent is not None else None
    return mention is not None and mention.type in ("Attack", "Artifact", "Group", "Organization", "Country", "Person")


def _named_person(token: Token, table: MentionTable) -> bool:
    """Killing is an attack on someone the news names ("killed Abu Baqir al-Saadi"); a count of
    victims ("killed four officers") is a casualty figure, not a target."""
    mention = table.at(token)
    return mention is not None and mention.kind == "name" and mention.type == "Person"


def event_attacker(noun: Token) -> Token | None:
    """Who carried out an attack noun: "the attack *by ISIS-K*", "*the coalition's* strikes",
    "a *US* air strike", "*Israeli* strike", or the subject of "carried out a strike"."""
    by = prep_objects(noun, {"by"})
    if by:
        return named(by[0])
    poss = kids(noun, "poss")
    if poss:
        return poss[0]
    for mod in kids(noun, "compound", "amod", "nmod"):
        if mod.ent_type_ in ("GPE", "NORP", "ORG") or gazetteer.country_of_demonym(mod.text):
            return mod
    head = noun.head
    if noun.dep_ == "dobj" and lemma(head) in words("relations", "attacked", "light"):
        return subject_of(head)
    if noun.dep_ == "nsubjpass" and lemma(head) in words("relations", "attacked", "light"):
        return agent_of(head)  # "the raid was carried out by the army"
    if noun.dep_ == "pobj" and head.lower_ in {"in", "during", "with"} and head.head.pos_ == "VERB":
        return subject_of(head.head)
    return None


def event_targets(noun: Token) -> list[Token]:
    """What an attack noun hit: "strikes *on Saada*", "a drone strike *against ISIS-K*", "the
    invasion *of Ukraine*"."""
    preps = words("relations", "attacked", "noun_target_preps")
    if lemma(noun) in words("relations", "attacked", "of_target_nouns"):
        preps = preps | {"of"}  # "Russia's invasion of Ukraine", "the shelling of Kharkiv"
    targets = prep_objects(noun, preps) + [t for by in prep_objects(noun, {"by"}) for t in prep_objects(by, preps)]
    if not targets and noun.dep_ == "dobj" and lemma(noun.head) in words("relations", "attacked", "light"):
        targets = prep_objects(noun.head, {"against", "on"})
    for acl in kids(noun, "acl"):
        if lemma(acl) in words("relations", "attacked", "intent"):
            targets += kids(acl, "dobj")
    # "a dawn raid on its rival(,) X" is no attack on X; "a raid on rival militias" is
    return [named(t) for t in targets if not _is_abstract(t)
            and not (kids(t, "poss") and any(_is_abstract(c) for c in kids(t, "compound", "amod")))]


@pattern
def attacked_event_noun(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """Nominal attacks: "the attack by ISIS-K on the airport", "the coalition's strikes on
    Saada", "carried out a drone strike against ISIS-K", "killed him in a raid on a compound".
    Also yields the event's own roles (hasAttacker, hasTarget)."""
    for noun in sent:
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        mention = table.at(noun)
        if mention is None or mention.type != "Attack":
            continue
        attacker = event_attacker(noun)
        targets = event_targets(noun)
        if attacker is not None:
            yield Candidate(noun, "hasAttacker", attacker, noun, "event_attacker", 0.8)
        for target in targets:
            yield Candidate(noun, "hasTarget", target, noun, "event_target", 0.8)
            if attacker is not None:
                yield Candidate(attacker, "attacked", target, noun, "attacked_nominal", 0.8)


# -- locatedIn ----------------------------------------------------------------------------------
DIRECTIONS = words("relations", "locatedIn", "directions")


def place_of(token: Token, parts: bool = True) -> Token:
    """Look through "the city of X" (and, with ``parts``, "the far north of X") to the place meant.
    "the residential districts of Kharkiv" are districts, not Kharkiv: only a singular place noun
    names its "of"-object."""
    for _ in range(3):
        if (now := _what_is_now(token)) is not None:
            token = now  # "a trading post in what is now Tanzania"
            continue
        # a part noun is a common noun: "the center of X", not "Goddard Space Flight Center"
        part = parts and lemma(token) in words("relations", "locatedIn", "part_nouns") and token.text.islower()
        unnamed = part or lemma(token) in ("region", "area", "country") and not any(c.pos_ == "PROPN" for c in kids(token, "compound"))
        owner = [p for p in kids(token, "poss") if p.pos_ == "PROPN"]
        if parts and unnamed and owner and not prep_objects(token, {"of"}):
            token = owner[0]  # "in Malawi's northern region", "in Iraq's oil-rich north", "Kentucky's bluegrass country"
            continue
        if part or lemma(token) in words("nouns", "place") and (token.tag_ == "NN" or token.tag_ == "NNP" and token.text.islower()):
            inner = prep_objects(token, {"of"})
            # "the Somerset town of Castlebridge" is Castlebridge; "the Idlib province of Syria" is not Syria
            own_name = not _named_by_of(token) and any(
                c.pos_ == "PROPN" and c.dep_ == "compound" or _proper_adjective(c) for c in kids(token, "compound", "amod"))
            if inner and not own_name and (inner[0].pos_ == "PROPN" or part):
                token = inner[0]
                continue
        break
    return token


def _named_by_of(noun: Token) -> bool:
    """Whether a place noun takes its name from its "of"-phrase: "the Somerset town of Castlebridge",
    "the Chicago suburb of Skokie". A city's part may be named either way; the bigger place holds
    the other: "the Polish Hill neighborhood of Pittsburgh" is Polish Hill, in Pittsburgh."""
    if lemma(noun) not in words("nouns", "settlement"):
        return False
    if lemma(noun) not in words("nouns", "city_parts"):
        return True
    modifier = [c for c in kids(noun, "compound") if c.pos_ == "PROPN"]
    outer = prep_objects(noun, {"of"})
    if not modifier:
        return False
    name = _compound_name(modifier[-1])  # "the New York City borough of Queens"
    if name.split()[-1].lower() in words("nouns", "subdivision") | words("nouns", "islands"):
        return True  # "the Westchester County suburb of Scarsdale", "the Long Island suburb of Levittown"
    big = gazetteer.lookup(name) or gazetteer.lookup(modifier[-1].text)
    small = gazetteer.lookup(_compound_name(outer[0])) if outer else None  # "the Queens borough of New York"
    # a city holds its boroughs whatever GeoNames calls them: New York City over Queens County
    if big is None or small is None:
        return big is not None
    if big.kind == small.kind == "City":
        return big.population > small.population
    return (_size(big), big.population) > (_size(small), small.population)


def _compound_name(token: Token) -> str:
    """A proper name with the proper nouns compounded before its last word: "New York City"."""
    doc, start = token.doc, token.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
        start -= 1
    return doc[start:token.i + 1].text


def _too_big(place: Mention, desc: Token) -> bool:
    """A country or region that a town's or a building's description cannot fit ("Mosul in Iraq,
    the country's second city" describes Mosul)."""
    known = gazetteer.lookup(place.text)
    return known is not None and known.kind in ("Country", "Region") and lemma(desc) not in words("nouns", "region") \
        and lemma(desc) != "part"  # "Kaunas, Lithuania, now part of the Soviet Union" describes Lithuania


def _what_is_now(token: Token) -> Token | None:
    """The place "what is now X" names ("in what is now Tanzania"), from "what" or from the clause."""
    clause = token.head if token.lower_ == "what" and token.dep_ == "nsubj" else token
    if lemma(clause) == "be" and any(s.lower_ == "what" for s in kids(clause, "nsubj")) \
            and any(a.lower_ in ("now", "today") for a in kids(clause, "advmod")) and kids(clause, "attr"):
        return kids(clause, "attr")[0]
    return None


def _national(adjective: Token, table: MentionTable) -> bool:
    """Whether an adjective of nationality says whose a place is ("an Azerbaijani town"), not who
    lives there ("a mostly Armenian enclave", "ethnic Albanian villages")."""
    population = words("nouns", "population")
    if any(c.lower_ in population for c in adjective.children) or adjective.i > 0 and adjective.nbor(-1).lower_ in population:
        return False
    return table.demonym(adjective) is not None


def _proper_adjective(token: Token) -> bool:
    """A capitalized modifier inside a sentence that names no nation: a name the tagger took for an
    adjective ("the *Lemva* region of Eskaria"), not "the *Dutch* province of South Holland"."""
    return token.dep_ == "amod" and token.text[:1].isupper() and not token.is_sent_start \
        and token.lower_ not in DIRECTIONS and gazetteer.country_of_demonym(token.text) is None \
        and not any(token.lower_.endswith(e) for e in DEMONYM_ENDINGS)


@pattern
def located_in_prep(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """A place or facility followed by "in/inside/within" a place: "the compound in Abbottabad",
    "near Isfahan in central Iran", "the Taman Peninsula in Russia's Krasnodar region". When the
    parser hangs the phrase on the verb, the noun right before "in" is still the one placed."""
    for prep in sent:
        if not (prep.dep_ == "prep" or prep.dep_ == "conj" and prep.tag_ == "IN" and prep.nbor(-1).text == ",") \
                or prep.lower_ not in words("relations", "locatedIn", "preps") | {"at"} \
                and not (prep.lower_ == "into" and _position_verb(prep.head)):  # "Andorra, tucked into the Pyrenees"
            continue  # ("from Fairfield County, in southwestern Connecticut" may be parsed as two conjoined prepositions)
        inner, positioned = prep.head, False
        if prep.lower_ == "at" and not (prep.i > sent.start and noun_type(prep.nbor(-1)) == "Facility" and any(
                o.pos_ == "PROPN" or any(c.pos_ == "PROPN" for c in kids(o, "compound")) for o in kids(prep, "pobj"))):
            continue  # "the garrison at Ardamata", "the terminal at Entebbe airport"; "at" places only a facility, at a named place
        gap = 2 if prep.i > sent.start + 1 and prep.nbor(-1).text == "," else 1  # "the Palace of Fine Arts, in San Francisco"
        if prep.i > sent.start + 2 and prep.nbor(-2).text in (",", "--", "-") \
                and prep.nbor(-1).lower_ in {"both", "all", "each"} | words("relations", "locatedIn", "reach_adverbs"):
            gap = 3  # "Lugano, Locarno and Bellinzona, all in Ticino", "Gary and Hammond -- all in Indiana", "Vedeno, deep in X"
        left = prep.doc[prep.i - gap] if prep.i - gap >= sent.start else None
        before = table.at(left) if left is not None else None
        if before is not None and (before.kind == "name" or before.attrs.get("proper")) and before.type in PLACE_LIKE \
                and before.end == left.i + 1:
            inner = _shore(before, left, table)  # "Gosforth in northeast England", whatever the parser attached "in" to
        elif inner.pos_ in ("VERB", "AUX") and prep.i > sent.start and prep.nbor(-1).pos_ in ("NOUN", "PROPN"):
            inner = prep.nbor(-1)
        elif lemma(inner) in words("relations", "locatedIn", "position_verbs"):
            # "Rome is in Lazio", "Abqaiq, which lies in X", "the museum, located in Toledo"
            inner = _positioned(inner, table)
            if inner is None:
                continue
            positioned = True
        if inner.pos_ not in ("NOUN", "PROPN") and before is None:
            if (inner := _described_from(inner, table)) is None:  # "Tucson, 120 miles away in southern Arizona"
                continue  # a named place stays one when the parser made it a verb ("flew on to Tamanrasset in X")
        if inner.dep_ == "pobj" and inner.head.lower_ in ("for", "of") and noun_type(inner) not in PLACE_LIKE \
                and noun_type(inner.head.head) in ("Facility", "Location") and (m := table.at(inner)) and m.kind == "nominal":
            inner = inner.head.head  # "a camp for displaced people in Ardamata" places the camp
        inner = _run_by(inner, table)
        copula = (subj := _described_subject(inner)) is not None and _named_place(table, subj) is not None
        if copula:
            inner = subj  # "Rotterdam is the largest port in Europe" places Rotterdam, not "the largest port"
        outers = [o for o in kids(prep, "pobj", "pcomp") if o.dep_ == "pobj" or _what_is_now(o) is not None]
        named_place = _place_after(prep, table)
        if named_place is not None and not any((m := table.at(place_of(o))) and m.type in PLACE_LIKE for o in outers):
            outers = [named_place]  # "in southern Indiana playing basketball" parsed as one noun
        # "the Army post in North Carolina's sandhills", "in Kentucky's coal country": the owner is the place
        outers = [next((p for p in kids(o, "poss") if _named_place(table, p) is not None), o) if _unnamed_ground(o, table) else o
                  for o in outers]
        outer_name = _named_place(table, place_of(outers[0])) if outers else None
        outer_place = gazetteer.lookup(outer_name.text) if outer_name is not None else None
        inners = _place_list(inner, table, outer_place, prep) if inner.i == prep.i - gap else \
            conjuncts(inner) if copula or positioned else [inner]  # "Lagos and Kano are among the cities in Nigeria"
        # "Umbria and Lazio provinces", "small towns in Nebraska such as Broken Bow and Ord"
        inners = [n for each in inners for n in _named_modifiers(each) or (members(each) if each.tag_ == "NNS" else []) or [each]]
        if inner.dep_ == "pobj" and inner.head.lower_ in ("near", "outside"):
            # "the Wakulla cave near Tallahassee in northern Florida" is in Florida too, as are "Aranyaprathet,
            # near the Cambodian border in eastern Thailand" and "Fort Bragg, outside Fayetteville in North Carolina"
            near = inner.head
            beside = _before_comma(near, table) or (near.nbor(-1) if near.head.pos_ in ("VERB", "AUX") and near.i > sent.start
                                                    else near.head)
            if (m := table.at(beside)) is not None and m.type in PLACE_LIKE and m.kind != "pronoun":
                inners.append(beside)
        elif (described := _described_from(inner, table)) is not None:
            inners.append(described)  # "Spitak, 60 miles north of Yerevan in Armenia" is in Armenia too
        if outers and _respectively(outers[0]):  # "Tulsa and Wichita, in Oklahoma and Kansas respectively"
            first = inner
            while first.dep_ == "conj":
                first = first.head
            for each, outer in _respective(conjuncts(first), outers[0]):
                yield Candidate(named(place_of(each)), "locatedIn", place_of(outer), prep, "located_in_prep", 0.8)
            continue
        for outer in outers:
            if gap == 2 and before is not None and lemma(outer) in words("nouns", "settlement") and place_of(outer) is not outer \
                    and (known := gazetteer.lookup(before.text)) is not None and known.kind in ("Region", "Country"):
                # "grew up in northern Minnesota, in the mining town of Chisholm": the town is in the state
                yield Candidate(place_of(outer), "locatedIn", sent.doc[before.head], prep, "located_in_prep", 0.7)
                continue
            for each in inners:
                if lemma(each) in words("relations", "locatedIn", "lines") and _named_place(table, each) is None:
                    continue  # "near the Cambodian border in eastern Thailand": a line is no place in the country
                yield Candidate(named(place_of(each)), "locatedIn", place_of(outer), prep, "located_in_prep", 0.8)


def _salient_region(desc: Token, table: MentionTable) -> Token | None:
    """The region "the regional/provincial/state capital" or "the county seat" belongs to: the
    nearest one named before it ("Ethiopia's northern Tigray region ... Mekelle, the regional capital")."""
    seat_of = words("relations", "locatedIn", "seat_of")
    kinds = {seat_of[m.lower_] for m in kids(desc, "amod", "compound") if m.lower_ in seat_of}
    if lemma(desc) not in words("relations", "locatedIn", "seats") or not kinds:
        return None
    before = [m for m in table.mentions if m.end <= desc.left_edge.i and m.kind != "pronoun" and m.type in PLACE_LIKE
              and (m.text.lower().split()[-1] in kinds or m.kind == "name" and (p := gazetteer.lookup(m.text)) is not None
                   and p.kind == "Region" and p.country)]
    return desc.doc[max(before, key=lambda m: m.end).head] if before else None


def _left_of(phrase: Token) -> int:
    """Where a phrase starts, past a comma the parser hung on it ("Bhaktapur and Patan, towns in X")."""
    left = phrase.left_edge.i
    return left + 1 if phrase.doc[left].text == "," and left < phrase.i else left


def _fronted_one(sent: Span) -> int | None:
    """The comma that closes a sentence's opening "One of ... ," phrase, which describes the name
    after it: "One of Italy's poorest regions, Calabria, has lost ..."."""
    if len(sent) < 4 or sent[0].lower_ != "one" or sent[1].lower_ != "of":
        return None
    return next((t.i for t in sent[2:] if t.text == ","), None)


def _name_after_comma(desc: Token, table: MentionTable) -> list[Token]:
    """The named place a comma sets after a singular description, however the parser hung it:
    "in Colombia's second-largest city, Medellin, the fourth such killing"."""
    doc, i = desc.doc, desc.i + 2
    if desc.tag_ != "NN" or i >= len(doc) or doc[desc.i + 1].text != "," or (m := _named_place(table, doc[i])) is None:
        return []
    return [doc[m.head]] if m.start == i and (m.end >= len(doc) or doc[m.end].is_punct) else []


def _positioned(verb: Token, table: MentionTable) -> Token | None:
    """What a verb of position places: "Rome *is* in Lazio", "Kisumu, which *lies* in X", "the
    museum, *located* in Toledo", "Camp Hill, a state prison *located* in X" (the prison is Camp
    Hill); "Hadassah Hospital, *located* in X" however the parser hung the participle."""
    doc = verb.doc
    if verb.tag_ == "VBN" and verb.dep_ != "ROOT" and verb.i > 1 and doc[verb.i - 1].text == "," \
            and (m := table.at(doc[verb.i - 2])) is not None and m.kind == "name" and m.end == verb.i - 1:
        return doc[m.head]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        thing = verb.head
        if thing.dep_ == "appos" and table.at(thing.head) is not None:
            return thing.head
        left = thing.left_edge.i
        if left > 1 and doc[left - 1].text == "," and (m := _named_place(table, doc[left - 2])) is not None \
                and noun_type(thing) in PLACE_LIKE:
            return doc[m.head]  # the same, when the parser did not see the apposition
        return named(thing)
    subjects = kids(verb, "nsubj", "nsubjpass") or (kids(verb.head, "nsubj", "nsubjpass") if verb.dep_ == "conj" else [])
    if not subjects:
        return None  # ("X is bordered by Y and lies within Z": the second verb shares the first's subject)
    return _subject_named(subjects[0], table)


def _subject_named(subject: Token, table: MentionTable) -> Token:
    """The name a subject stands for, read through a relative pronoun to the named place before its
    comma: "Villagers in Kisumu, which lies in X" (the parser took the villagers), "the desert resort
    of Palm Springs, which is part of X"."""
    if subject.lower_ in ("which", "that") and (before := _before_comma(subject, table)) is not None:
        return before
    opening = _named_place(table, subject.left_edge)
    if opening is not None and opening.head != subject.i and opening.end < subject.i and subject.doc[opening.end].text == ",":
        return subject.doc[opening.head]  # "Bhopal, scene of the world's worst industrial disaster, is in central India"
    return named(subject)


def _described_from(inner: Token, table: MentionTable) -> Token | None:
    """The place a phrase that ends in ``inner`` describes, which an "in" phrase after ``inner``
    places too: the named place before the phrase's comma ("Spitak, some 60 miles north of Yerevan
    in Armenia", "Dauphin Island, at the mouth of Mobile Bay in Alabama", "Fort Ord, on Monterey
    Bay in California", "Tucson, 120 miles away in southern Arizona", "Vedeno, deep in the
    mountains of Chechnya"), what a verb of position places ("the abbey, which stands on a hilltop
    in central Italy") or a named area at a facility ("the Rancho Nuevo area at the military base in
    X"). The phrase may climb only through landmarks, their parts and bearings; None when none
    leads to a place."""
    doc, token = inner.doc, inner
    parts = words("relations", "locatedIn", "landmark_parts") | DIRECTIONS | words("relations", "locatedIn", "reach_adverbs")
    for _ in range(4):
        part = lemma(token) in parts and token.text.islower()  # not "Production Center"
        if part and token.dep_ == "advmod" and _position_verb(token.head):
            return _positioned(token.head, table)  # "Cuzco, situated high in the Andes"
        bearing = token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in DIRECTIONS
        stands = token.dep_ == "pobj" and _position_verb(token.head.head)  # "which stands on a ridge in X"
        landmark = _own_name(token, table) is not None  # "the Nevado del Ruiz volcano"
        if not part and not bearing and not stands and not landmark and _named_place(table, token) is None:
            return None  # ("20 km north of the Iraqi border in Hakkari province" is a bearing from anything)
        if part and (before := _before_comma(token, table)) is not None:
            return before  # "Spitak, some 60 miles north of", "Tucson, 120 miles away"
        if token.dep_ != "pobj" or token.head.dep_ != "prep":
            break
        prep = token.head
        if prep.lower_ == "in" and _position_verb(prep.head):
            return _positioned(prep.head, table)  # "Ravenscliff, nestled in a hollow in McDowell County"
        if prep.lower_ in ("at", "on", "off", "along", "atop"):
            if _position_verb(prep.head):
                return _positioned(prep.head, table)
            area = prep.head if prep.head.pos_ in ("NOUN", "PROPN") else doc[prep.i - 1]  # the parser may hang "at" on the verb
            name = area if _named_place(table, area) is not None else _own_name(area, table)
            if prep.lower_ == "at" and lemma(area) in words("nouns", "place") and name is not None:
                return name  # "in the Rancho Nuevo area at the military base in Chiapas State"
            if (before := _before_comma(prep, table)) is not None:
                return before
            # "Richmond, a refinery town on the eastern shore of San Francisco Bay in Contra Costa County"
            return _before_comma(prep.head, table) if lemma(prep.head) in words("nouns", "place") else None
        if prep.lower_ != "of":
            return None
        token = prep.head
    # "the army post at Spitak, north of Yerevan": the parser hung the bearing on the place
    return token.head if token.lower_ in DIRECTIONS and _named_place(table, token.head) is not None else None


def _position_verb(token: Token) -> bool:
    """A verb that says only where its subject is: "lies", "is located", "perched"."""
    return lemma(token) in words("relations", "locatedIn", "position_verbs") and token.pos_ in ("VERB", "AUX")


def _before_comma(phrase: Token, table: MentionTable) -> Token | None:
    """The named place right before the comma that opens a phrase, however the parser hung it."""
    doc, left = phrase.doc, _left_of(phrase)
    if left >= 2 and doc[left - 1].text == "," and (m := _named_place(table, doc[left - 2])) is not None:
        return doc[m.head]
    return None


def _run_by(inner: Token, table: MentionTable) -> Token:
    """ "a hospital run by Doctors Without Borders in Kunduz" places the hospital, not its operator."""
    if (m := table.at(inner)) is not None and m.type in PLACE_LIKE:
        return inner
    climb = inner
    for _ in range(3):
        if climb.dep_ != "pobj" or climb.head.dep_ not in ("prep", "agent"):
            break
        agent = climb.head.dep_ == "agent"
        climb = climb.head.head
        if agent and climb.dep_ == "acl" and climb.tag_ == "VBN" and noun_type(climb.head) in ("Facility", "Location"):
            return climb.head
    return inner


def _named_modifiers(noun: Token) -> list[Token]:
    """The named places a plural place noun is made of: "Umbria and Lazio provinces"."""
    if noun.tag_ != "NNS" or lemma(noun) not in words("nouns", "place"):
        return []
    named = [n for c in kids(noun, "compound", "nmod") if c.pos_ == "PROPN" for n in conjuncts(c)]
    return named or _names_before(noun)


def _names_before(noun: Token) -> list[Token]:
    """The last words of a list of two or more names right before a noun, read off the tokens when
    the parser did not hang them on it: "police in Andalusia and Extremadura regions"."""
    doc, i, names = noun.doc, noun.i - 1, []
    name = lambda t: t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "LOC")  # the tagger's "Baden-Wuerttemberg/ADJ"
    while i >= noun.sent.start and name(doc[i]):
        names.append(doc[i])
        while i >= noun.sent.start and name(doc[i]):
            i -= 1
        if i < noun.sent.start or doc[i].lower_ not in ("and", ","):
            break
        i -= 1
    return names[::-1] if len(names) > 1 else []


def _shore(water: Mention, token: Token, table: MentionTable) -> Token:
    """A sea is in no province: "Mariupol, a port city on the Sea of Azov in Ukraine's Donetsk
    region" places the city on the shore, so the phrase after the sea belongs to what lies on it,
    or to the place its comma follows ("the prison in Lompoc, on the Santa Ynez River in California")."""
    doc = token.doc
    for word in doc[water.start:water.end]:
        if word.lower_ in words("nouns", "water") and word.dep_ == "pobj" and word.head.lower_ in ("on", "off", "along"):
            on = word.head  # "Hannibal, which sits on the Mississippi River in northeastern Missouri"
            return _before_comma(on, table) or (_positioned(on.head, table) if _position_verb(on.head) else None) or on.head
    return token


@pattern
def located_on(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """ "on" places a thing on an island, a named street, a place's edge or a region a place owns:
    "a camp on Hollow Island", "a province on the southern island of Mindanao", "the compound on
    Lindenova Street", "the steel plant on the city's eastern edge", "Prudhoe Bay on Alaska's
    North Slope". The place right before "on" is the one placed, whatever the parser attached
    "on" to ("a market in Zamboanga city on the island of Mindanao")."""
    for prep in sent:
        if prep.dep_ != "prep" or prep.lower_ != "on":
            continue
        thing = prep.head
        before = table.at(prep.nbor(-1)) if prep.i > sent.start else None
        if prep.i > sent.start + 1 and prep.nbor(-1).text == "," and (m := _named_place(table, prep.nbor(-2))) is not None:
            thing = sent.doc[m.head]  # "at Wrigley Field, on Chicago's North Side"
        elif before is not None and before.end == prep.i and before.type in PLACE_LIKE \
                and (before.kind == "name" or before.attrs.get("proper")):
            thing = sent.doc[before.head]
        elif _position_verb(thing) and (placed := _positioned(thing, table)) is not None:
            thing = placed  # "Gander, which is on the island of Newfoundland", "whose headquarters stand on the X"
        elif thing.pos_ in ("VERB", "AUX") and prep.i > sent.start and prep.nbor(-1).pos_ in ("NOUN", "PROPN"):
            thing = prep.nbor(-1)  # "surrounded the compound on Lindenova Street"
        if thing.pos_ not in ("NOUN", "PROPN") and _named_place(table, thing) is None:
            continue  # ("Hilo, on the island of Hawaii, received ...": the tagger's interjection is still a place)
        positioned = _position_verb(prep.head)
        for obj in kids(prep, "pobj"):
            if lemma(obj) in words("nouns", "edges"):
                outers = kids(obj, "poss") + prep_objects(obj, {"of"})
                if outers and _named_place(table, obj) is not None:
                    outers.append(obj)  # "on Chicago's North Side": in the named side, and in Chicago
            else:
                place = place_of(obj)
                mention = _named_place(table, place)
                island = lemma(obj) in words("nouns", "islands") or mention is not None and any(
                    w.lower() in words("nouns", "islands") for w in mention.text.split())
                street = (m := table.at(place)) is not None and m.kind == "name" and len(m.text.split()) > 1 \
                    and m.text.split()[-1].lower() in words("nouns", "streets")  # "the compound on Lindenova Street"
                if street and m.type not in PLACE_LIKE:
                    m.type = "Location"  # NER: "Grenville Place" an organization
                owner = [o for o in kids(obj, "poss") if _named_place(table, o) is not None]
                # a verb of position puts its subject on named land ("Jerome, perched on Cleopatra Hill"), not on a
                # river ("Albuquerque, which lies on the Rio Grande")
                setoff = prep.i - 2 >= sent.start and prep.nbor(-1).text == ","  # "Hibbing, on the Mesabi Range of X"
                land = (positioned or setoff) and mention is not None and bool(
                    {w.rstrip("s") for w in mention.text.lower().split()} & words("nouns", "terrain") - words("nouns", "water"))
                # "a bank in Ajaccio on Corsica": land GeoNames knows as a region (rivers it does not know)
                regional = mention is not None and (k := gazetteer.lookup(mention.text)) is not None and k.kind == "Region" \
                    and k.country and before is not None and before.kind == "name"
                outers = [place] if island or street or land or regional else []
                if mention is not None and owner:
                    outers = [place, *owner]  # "on Zambia's Copperbelt"
            inner = table.at(named(thing))
            for outer in outers:
                if lemma(obj) in words("nouns", "edges") and inner is not None \
                        and (whole := _named_place(table, place_of(outer))) is not None and _known_elsewhere(inner, whole, same_size=True):
                    continue  # "the Prigorodny district of North Ossetia, on the outskirts of Vladikavkaz"
                yield Candidate(named(thing), "locatedIn", place_of(outer), prep, "located_on", 0.75)


def _unnamed_ground(token: Token, table: MentionTable) -> bool:
    """A stretch of land with no name of its own, which its owner places: "sandhills", "wine country"."""
    mention = table.at(place_of(token))
    named = any(c.pos_ == "PROPN" for c in token.children if c.dep_ in ("compound", "nmod", "amod", "appos")) \
        or lemma(token) in words("nouns", "settlement") or kids(token, "appos")  # "India's Punjab state", "Iran's capital, Tehran"
    return not named and (mention is None or mention.type == "Entity" or mention.kind == "nominal" and mention.type == "Location")


def _described_subject(noun: Token) -> Token | None:
    """The subject a copula describes by a noun: "Rotterdam is the largest port", "Salem is among the
    fastest-growing cities"."""
    copula = noun.head if noun.dep_ == "attr" else noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "among" \
        and lemma(noun) in words("nouns", "place") else None
    if copula is None or lemma(copula) != "be":
        return None
    if not kids(copula, "nsubj") and copula.dep_ == "conj":
        copula = copula.head  # "Crete was held until 1945 and was among the last territories in Europe to be freed"
    subjects = kids(copula, "nsubj", "nsubjpass")
    return subjects[0] if subjects else None


def _place_list(last: Token, table: MentionTable, outer: gazetteer.Place | None = None,
                phrase: Token | None = None) -> list[Token]:
    """ "Kosovo, Sandzak and Vojvodina in Serbia": a phrase right after a list of named places
    places all of them. The list must be nothing but bare named places, none a country or state
    unless the phrase names something bigger ("Estonia, Latvia and Lithuania in the Soviet Union").
    The parser may hang the ``phrase`` on the first ("Both Kirkuk and Mosul, in Iraq's north",
    "including Cheyenne and Casper in Wyoming"), unless that one is itself placed: "Rome is in Lazio
    province and Naples in Campania" puts only Naples in Campania."""
    if last.dep_ != "conj":
        return [last]
    first = last
    while first.dep_ == "conj":
        first = first.head
    if first.dep_ == "pobj" and first.head.lower_ in ("between", "from"):
        return [last]  # "a ranch between Terlingua Wells and Presidio, in the Big Bend region" places the ranch
    items = [t for t in [first, *first.conjuncts] if t.i <= last.i]  # "Lusk and Medicine Bow in Wyoming and Broken Bow in X"
    if first.dep_ == "pobj" and lemma(first.head.head) in words("relations", "locatedIn", "position_verbs"):
        return [last]  # "Rome is in Lazio province and Naples in Campania": the first is a container already
    if first.dep_ == "pobj" and first.head.lower_ in words("relations", "locatedIn", "preps") \
            and _named_place(table, first.head.head) is not None:
        return [last]  # "Pai District in Mae Hong Son Province and Chiang Dao District in Chiang Mai Province"
    doc = last.doc
    for item in items:
        mention = _named_place(table, item)
        place = gazetteer.lookup(mention.text) if mention is not None else None
        if mention is None or place is not None and place.kind in ("Country", "Region") \
                and (outer is None or _size(place) >= _size(outer)):
            return [last]  # "... in New Jersey and Dutchess County in New York" lists places of both sizes
        if item.i != last.i and ([c for c in kids(item, "prep", "appos", "acl", "relcl") if c != phrase and c.i < last.i]
                                 or doc[mention.end].lower_ not in (",", "and", "or")):
            return [last]  # "the Hanford Site near Richland, ... and the Mound Plant in Ohio": items of their own
    return items


def _named_place(table: MentionTable, token: Token) -> Mention | None:
    mention = table.at(token)
    return mention if mention is not None and mention.kind == "name" and mention.type in PLACE_LIKE else None


def _place_after(prep: Token, table: MentionTable) -> Token | None:
    """The named place right after a preposition, read off the tokens when the parse is wrong:
    "in *east* Beirut", "in southern Indiana playing basketball"."""
    doc = prep.doc
    i = prep.i + 1
    while i < min(len(doc), prep.i + 4) and (doc[i].lower_ == "the" or doc[i].lower_ in DIRECTIONS):
        i += 1
    mention = _named_place(table, doc[i]) if i < len(doc) else None
    return doc[mention.head] if mention is not None and mention.start == i else None


@pattern
def located_in_frame(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """A frame sets the scene for a smaller named place inside it: a sentence that opens with
    "In X," ("In central Kyiv, a missile landed in the Shevchenkivskyi district", "In Idaho, smoke
    hung over Boise"), or a "where" clause on a place ("flew to Morocco, where he visited a mosque
    in Casablanca"). The gazetteer vetoes a town it knows to lie elsewhere."""
    # "Elsewhere in Texas," and "Across Iowa," frame the sentence as "In Texas," does
    first = sent[1] if len(sent) > 2 and sent[0].lower_ in ("elsewhere", "meanwhile", "also") else sent[0]
    preps = words("relations", "locatedIn", "frame_preps")
    frames, acts = [], []  # acts: what a frame's own clause does there, its events and the facility it names
    if first.lower_ in ("in", "inside", "within", "across", "throughout") and first.dep_ == "prep" and kids(first, "pobj"):
        frame = place_of(kids(first, "pobj")[0])
        if _named_place(table, frame) is None:  # "In Kentucky coal country, towns such as"
            frame = _own_name(frame, table) or frame
        scope = list(sent[1:])
        if lemma(first.head) in words("factuality", "report_verbs") and (m := table.at(frame)) is not None \
                and (known := gazetteer.lookup(m.text)) is not None and known.kind == "City":
            # "In Guatemala City, army spokesmen said ... clashes near Nebaj": the city is where it was said,
            # not where it happened ("In Idaho, officials said smoke hung over Boise" still frames Boise)
            reported = {t.i for c in kids(first.head, "ccomp") for t in c.subtree}
            scope = [t for t in scope if t.i not in reported]
        frames.append((frame, scope, preps))
        if first.head.pos_ in ("VERB", "AUX"):  # "In Mosul, rockets destroyed a cement factory"
            acts.append((frame, [o for o in kids(first.head, "dobj") if noun_type(o) == "Facility" and not kids(o, "prep")]))
    header = table.at(first)
    if header is not None and header.end < sent.end and sent.doc[header.end].text == ":" and header.type in ("Region", "Country"):
        # a roundup's "Oregon: Fires east of the Cascade Mountains ...": the whole item is in the state
        frames.append((sent.doc[header.head], sent[header.end:], preps | {"of", "near", "to", "from", "on"}))
    for clause in sent:
        if clause.dep_ in ("relcl", "advcl") and any(c.lower_ == "where" for c in kids(clause, "advmod")):
            place = _where_place(clause.head, table)
            if _named_place(table, place) is None:
                place = _before_comma(place, table) or place  # "Beijing, the capital of China, where troops ..."
            mention = table.at(place)
            if mention is not None and mention.start >= 2 and place.doc[mention.start - 1].text == ",":
                before = table.at(place.doc[mention.start - 2])
                if before is not None and before.type in PLACE_LIKE:
                    place = place.doc[before.head]  # "Plattsburgh, New York, where ...": the town, not the state
            frames.append((place, clause.subtree, preps))
            acts.append((place, [o for o in kids(clause, "dobj", "nsubj", "nsubjpass") if noun_type(o) in ("Attack", "Event")]))
    for token, objects in acts:
        frame = table.at(token)
        if frame is not None and frame.kind == "name" and frame.type in ("City", "Region", "Country", "Location"):
            for obj in objects:
                yield Candidate(obj, "locatedIn", token, obj, "located_in_frame", 0.6)
    for token, scope, preps in frames:
        frame = table.at(token)
        if frame is None or frame.kind == "pronoun" or frame.type not in ("City", "Region", "Country", "Location"):
            continue
        outer = gazetteer.lookup(frame.text)
        # what describes the frame is no place inside it: "In Mostar, the main town in western
        # Hercegovina, ..." and "In the town of Staroselye, in the Zhitomir oblast, ..."
        own = {t.i for a in kids(token, "appos") if lemma(a) in words("nouns", "place") or noun_type(a) == "Location"
               for t in a.subtree}  # not "In Ventura County, a fire near ...", an apposition the parser made up
        doc = sent.doc
        if frame.end + 1 < sent.end and doc[frame.end].text == "," and doc[frame.end + 1].lower_ not in ("at", "on") \
                and not any(members(o) for o in kids(doc[frame.end + 1], "pobj")):  # not "Across Iowa, in towns such as Ames"
            own.add(frame.end + 1)
            close = next((t.i for t in doc[frame.end + 1:sent.end] if t.text == ","), None)
            if close is not None and doc[frame.end + 1].lower_ in ("a", "an", "the") \
                    and any(lemma(t) in words("nouns", "place") for t in doc[frame.end + 1:close]) \
                    and not any(t.pos_ in ("VERB", "AUX") for t in doc[frame.end + 1:close]):
                own.update(range(frame.end + 1, close))  # an apposition the parser lost
        for prep in scope:
            if prep.dep_ in ("nsubj", "nsubjpass") and prep.i not in own and place_of(prep) is not prep:
                inners = [place_of(prep)]  # "in southern Florida, where the town of Homestead was destroyed"
            elif prep.dep_ in ("nsubj", "nsubjpass") and prep.i not in own and prep.tag_ == "NNS" and members(prep)[1:]:
                inners = members(prep)  # "In Yugoslavia, the republics of Serbia and Montenegro voted"
            elif prep.dep_ in ("nsubj", "nsubjpass") and prep.i not in own and _named_place(table, prep) is not None \
                    and any(c.lower_ == "where" for c in kids(prep.head, "advmod")):
                inners = conjuncts(prep)  # "In Naples, where the Spanish Quarter is a warren of alleys"
            elif prep.dep_ in ("nsubj", "nsubjpass") and prep.i not in own and _where_positioned(prep.head):
                inners = [named(prep)]  # "Wake County, where the state capital, Raleigh, is located"
            elif prep.lower_ == "near" and prep.i not in own and frame.type != "City" and (outer is None or outer.kind != "City"):
                # "In Ventura County, a fire near the town of Ojai": a named settlement near the scene of a
                # region's story is in the region (not "In Waco, near the hometown of Abbott")
                inners = [place_of(o) for o in kids(prep, "pobj") if lemma(o) in words("nouns", "settlement") and _named_by_of(o)]
            elif prep.lower_ not in preps or frame.start <= prep.i < frame.end or prep.i in own:
                continue
            else:  # "In Japan, where it was shot in Tokyo and Kyoto", "Across Iowa, in towns such as Ames"
                inners = [place_of(c) for o in kids(prep, "pobj") for c in members(o) or conjuncts(o) + _names_after(o, table)]
            # "In Burundi, shooting in the Kamenge district of Bujumbura": the city is in the frame too
            inners += [n for i in inners if lemma(i) in words("nouns", "place") for n in prep_objects(i, {"of"})
                       if _named_place(table, n) is not None]
            for inner in inners:
                mention = table.at(inner)
                known = gazetteer.lookup(mention.text) if mention is not None else None
                if outer is not None and known is not None and known.kind == "City" and gazetteer.named_elsewhere(outer, mention.text):
                    continue  # "In Ukraine, ... near Belgorod": GeoNames puts Belgorod elsewhere
                if outer is not None and known is not None and _size(known) > _size(outer):
                    continue  # "Pittsburgh, where the rivers meet in western Pennsylvania": no state in a city
                union = mention is not None and mention.type == "Country" and outer is not None and gazetteer.holds_countries(outer)
                facility = mention is not None and mention.kind == "name" and mention.type == "Facility"  # "In Virginia, at the Norfolk Naval Station"
                small = mention is not None and mention.kind in ("name", "nominal") and (
                    mention.type in ("Location", "City", "Region") or union or facility) \
                    and (mention.kind == "name" or any(c.pos_ == "PROPN" for c in kids(inner, "compound"))) \
                    and (facility or not set(mention.text.lower().split()) & words("nouns", "water"))  # the Red Sea is in no city
                if small and mention.index != frame.index and not _bearing_after(mention, doc):
                    yield Candidate(inner, "locatedIn", token, prep, "located_in_frame", 0.65)


def _respectively(outer: Token) -> bool:
    """Whether a list of containers is paired one by one with a list of places: "in Oklahoma and
    Kansas respectively"."""
    doc = outer.doc
    return len(conjuncts(outer)) > 1 and any(t.lower_ == "respectively" for t in doc[outer.i:min(outer.right_edge.i + 3, len(doc))])


def _respective(inners: list[Token], outer: Token) -> list[tuple[Token, Token]]:
    """The places and containers of a "respectively" paired in order; none when the lists differ in length."""
    outers = conjuncts(outer)
    return list(zip(inners, outers)) if len(inners) == len(outers) else []


def _bearing_after(mention: Mention, doc: Doc) -> bool:
    """A place set off by a bearing, which puts it outside what the bearing is from: "In Tripoli, ...
    a naval commando school at Sidi Bilal, west of the capital", "at Ras Lanuf, 20 miles east of"."""
    words_after = [t.lower_ for t in doc[mention.end:mention.end + 6]]
    if words_after[:1] != [","]:
        return False
    rest = [w for w in words_after[1:] if not (w[:1].isdigit() or w in words("relations", "locatedIn", "distance_words"))]
    return len(rest) >= 2 and rest[0] in DIRECTIONS and rest[1] == "of"


def _names_after(token: Token, table: MentionTable) -> list[Token]:
    """Named places listed after a named place's token, read off the tokens when the parser joined
    them to something else: "shot in Tokyo and Kyoto", "dealers in Frankfurt and Duesseldorf"."""
    doc, names = token.doc, []
    mention = _named_place(table, token)
    while mention is not None and mention.end + 1 < token.sent.end and doc[mention.end].lower_ in (",", "and", "or"):
        after = doc[mention.end + 1]
        mention = _named_place(table, after)
        if mention is None or mention.start != after.i:
            break
        names.append(doc[mention.head])
    return names


def _where_positioned(verb: Token) -> bool:
    """A "where" clause that says only what lies there: "where the plant is located", "where Raleigh lies"."""
    return lemma(verb) in words("relations", "locatedIn", "position_verbs") and lemma(verb) != "be" \
        and verb.dep_ in ("relcl", "advcl") and any(c.lower_ == "where" for c in kids(verb, "advmod"))


def _where_place(head: Token, table: MentionTable) -> Token:
    """What a "where" clause is about: its head, or the named place before a phrase that is no place,
    as in "left for Morocco on an unofficial visit, where he will visit a mosque in Casablanca"."""
    if (m := table.at(head)) is not None and m.type in PLACE_LIKE or head.dep_ != "pobj" or head.head.head.pos_ not in ("VERB", "AUX"):
        return head
    before = [o for p in kids(head.head.head, "prep") if p.i < head.head.i and p.lower_ != "of" for o in kids(p, "pobj")
              if _named_place(table, o) is not None]
    return before[-1] if before else head


@pattern
def located_with_others(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """A named place joined to others of its kind in a region is in the region too: "Marathon and
    other towns in the Florida Keys", "San Cristobal and three other towns in Chiapas", "Donja
    Lipnica and neighboring villages in the Kalesija municipality", "in Gagra and elsewhere in Abkhazia",
    "in Fort Lauderdale and the rest of Broward County"."""
    others = words("relations", "locatedIn", "others")
    for token in sent:
        kind_of = token.tag_ == "NNS" and lemma(token) in words("nouns", "place") | {"part"} \
            and any(c.lower_ in others for c in kids(token, "amod", "compound"))  # "other towns"
        elsewhere = token.lower_ in others and token.pos_ == "ADV"  # "in Gagra and elsewhere in Abkhazia"
        rest = lemma(token) in words("relations", "locatedIn", "rest")  # "Fort Lauderdale and the rest of Broward County"
        if token.dep_ != "conj" or not (elsewhere or kind_of or rest):
            continue
        first = token.head
        if first.dep_ == "prep" and elsewhere:
            first = next(iter(kids(first, "pobj")), first)  # "in Gagra and elsewhere in X"
        listed_places = [n for n in [first, *first.conjuncts] if n.i < token.i and _named_place(table, n) is not None]
        left = token.left_edge.i
        if not listed_places and left >= 2 and sent.doc[left - 1].lower_ == "and" \
                and (before := _named_place(table, sent.doc[left - 2])) is not None:
            listed_places = [sent.doc[before.head]]  # "Schools in Tampa and the rest of X": the parser joined the schools
        if not listed_places:
            continue
        # "Uzgen and other towns of the Osh region", "Ariel, Efrat and other settlements in the West Bank"
        outers = prep_objects(token, {"in", "inside", "within", "across", "throughout"} | ({"of"} if token.tag_ == "NNS" or rest else set()))
        if not outers and token.i + 1 < sent.end and token.nbor().lower_ in ("in", "inside", "within", "across", "throughout") \
                and token.nbor().head.pos_ in ("VERB", "AUX"):
            outers = kids(token.nbor(), "pobj")  # the parser hung "in" on the verb
        for outer in outers:
            if _named_place(table, place_of(outer)) is not None or (m := table.at(place_of(outer))) and m.attrs.get("proper"):
                for each in listed_places:
                    yield Candidate(each, "locatedIn", place_of(outer), token, "located_with_others", 0.75)


@pattern
def located_by_parts(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """A place said to be made of places, or listed with its parts: "Yugoslavia now consists of
    Serbia and Montenegro", "the Donbas comprises Donetsk and Luhansk", "Serbia, one of six
    republics that make up Yugoslavia", "southern Lebanon,
    including Tyre", "Allegheny County, which includes Pittsburgh", "Cook County, home to
    Chicago". A country's acts are not: "Russia included Crimea in its census". The gazetteer
    vetoes a part it knows to lie elsewhere, or a part bigger than the whole."""
    for token in sent:
        if lemma(token) in words("relations", "locatedIn", "contain_verbs") and token.pos_ in ("VERB", "AUX"):
            wholes = [_subject_named(s, table) for s in kids(token, "nsubj")]  # "Yosemite, which contains Half Dome"
            parts = kids(token, "dobj") + prep_objects(token, {"of"})
        elif lemma(token) == "include" and token.tag_ in ("VBZ", "VBP") and token.dep_ == "relcl":
            whole = token.head  # "Allegheny County, which includes Pittsburgh", which the parser may hang further off
            if _named_place(table, whole) is None and (left := token.left_edge.i) >= 2 and sent.doc[left - 1].text == ",":
                whole = sent.doc[left - 2]
            wholes, parts = [_address_head(whole, table)], kids(token, "dobj")
        elif lemma(token) == "include" and (subject := kids(token, "nsubj")) and subject[0].pos_ == "NOUN" \
                and lemma(subject[0]) in words("nouns", "place") and (name := _own_name(subject[0], table)) is not None:
            wholes, parts = [name], kids(token, "dobj")  # "The Research Triangle region of North Carolina includes Raleigh"
        elif phrase(token) == "make up" and kids(token, "dobj"):
            wholes, parts = kids(token, "dobj"), [_one_of(antecedent(s), table) for s in kids(token, "nsubj")]
        elif lemma(token) == "home" and token.dep_ == "attr" and lemma(token.head) == "be" and kids(token.head, "nsubj"):
            wholes, parts = [_subject_named(kids(token.head, "nsubj")[0], table)], prep_objects(token, {"to", "of"})  # "X is home to Y"
        elif lemma(token) == "home" and token.i - 2 >= sent.start and token.nbor(-1).text == "," \
                and (before := _named_place(table, token.nbor(-2))) is not None:
            # "Cook County, home to Chicago", "Killeen, home of Fort Hood", "Huntsville, Ala., home to the Redstone Arsenal"
            wholes, parts = [_address_head(sent.doc[before.head], table)], prep_objects(token, {"to", "of"})
        elif token.lower_ == "including" and token.dep_ == "prep":
            before = token.doc[token.i - 2] if token.i - 2 >= sent.start and token.nbor(-1).text == "," else token.head
            wholes, parts = [before], kids(token, "pobj")  # the parser may hang "including" far off
        else:
            continue
        for whole in wholes:
            outer = _named_place(table, place_of(whole))
            if outer is None or whole.dep_ == "conj" or kids(whole, "conj"):
                continue  # "Iran and Iraq, including Basra" lists two wholes
            for part in [p for first in parts for p in conjuncts(first)]:
                if _named_place(table, place_of(part)) is None and lemma(part) in words("nouns", "place") | words("nouns", "facility"):
                    part = next((c for c in kids(part, "compound") if _named_place(table, c) is not None), part)
                inner = _named_place(table, place_of(part))  # "including the Boyle Heights neighborhood"
                if inner is None or _known_elsewhere(inner, outer, same_size=True):
                    continue
                yield Candidate(place_of(part), "locatedIn", place_of(whole), token, "located_by_parts", 0.7)


@pattern
def located_across(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """A named place that covers part of a place lies in it: "Coconino County, which covers most of
    northern Arizona", "the Bob Marshall Wilderness spans a million acres of Montana", "the Sahara,
    which covers a third of Africa", "the plant sprawls across 300 square miles of South Carolina"."""
    spread = words("relations", "locatedIn", "part_nouns") | words("relations", "locatedIn", "areas")
    for verb in sent:
        if lemma(verb) not in words("relations", "locatedIn", "cover_verbs") or verb.pos_ != "VERB" or not kids(verb, "nsubj"):
            continue
        thing = _subject_named(kids(verb, "nsubj")[0], table)
        if _named_place(table, thing) is None:
            continue  # "the storm covered most of Ohio"
        for part in kids(verb, "dobj") + prep_objects(verb, {"across", "over"}):  # "sprawls across 300 square miles of X"
            if lemma(part) not in spread:
                continue
            for outer in [o for first in prep_objects(part, {"of"}) for o in conjuncts(first)]:
                if _named_place(table, place_of(outer)) is not None:
                    yield Candidate(thing, "locatedIn", place_of(outer), verb, "located_across", 0.7)


def _own_name(noun: Token, table: MentionTable) -> Token | None:
    """The named place a place noun's compound makes it: "the Research Triangle region"."""
    return next((c for c in kids(noun, "compound") if _named_place(table, c) is not None), None)


def _one_of(noun: Token, table: MentionTable) -> Token:
    """The place "one of" the noun's kind names: "Serbia, one of six republics that make up X"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        one = noun.head.head
        return one.head if one.dep_ == "appos" else _before_comma(one, table) or noun
    return noun


def _whose(owner: Token, table: MentionTable) -> Token:
    """The place a "whose" stands for: "Colombia's Antioquia province, whose biggest city, Medellin",
    "Szczecin, whose Warski Shipyard"; any other owner is itself."""
    if owner.lower_ != "whose":
        return owner
    doc = owner.doc
    if owner.i >= 2 and doc[owner.i - 1].text == ",":  # the place before the comma, however the parser hung the clause
        before = doc[owner.i - 2]
        if _named_place(table, before) is not None:
            return before
        if lemma(before) in words("nouns", "place") and (name := _own_name(before, table) or next(
                (c for c in kids(before, "amod") if _named_place(table, c) is not None), None)) is not None:
            return name  # "Bolivia's Beni province, whose biggest city"
    clause = owner.head
    while clause.dep_ not in ("relcl", "acl") and clause.head.i != clause.i:
        clause = clause.head
    return place_of(clause.head)


def _address_head(token: Token, table: MentionTable) -> Token:
    """The place an address names before its state or country: "Huntsville, Ala., home to X" and
    "Ingham County, Mich., which includes X" speak of Huntsville and Ingham County."""
    doc, mention = token.doc, table.at(token)
    if mention is None or mention.start < 2 or doc[mention.start - 1].text != ",":
        return token
    before = _named_place(table, doc[mention.start - 2])
    state = gazetteer.abbreviation(mention.text) or gazetteer.lookup(mention.text)
    if before is None or state is None or state.kind not in ("Country", "Region"):
        return token
    return doc[before.head]


@pattern
def located_by_belonging(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """A named place that belongs to a place lies in it: "Bornholm belongs to Denmark",
    "Heligoland, which belongs to the state of Schleswig-Holstein". Not a person or a club, and
    GeoNames vetoes a sovereign country ("Kuwait belongs to Iraq" is a claim, not a place)."""
    for verb in sent:
        if lemma(verb) != "belong" or not kids(verb, "nsubj"):
            continue
        thing = _subject_named(kids(verb, "nsubj")[0], table)
        if _named_place(table, thing) is None:
            continue
        for outer in prep_objects(verb, {"to"}):
            # "the state of Schleswig-Holstein", whose name the tagger may take for a common noun
            whole = next((o for o in [place_of(outer), *prep_objects(outer, {"of"})] if _named_place(table, o) is not None), None)
            if whole is not None:
                yield Candidate(thing, "locatedIn", whole, verb, "located_by_belonging", 0.7)


@pattern
def located_singled_out(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """A place singled out of the place before it: "the drought has hurt the Midwest, and
    particularly Iowa and Illinois", "tourism in the Ozarks, and especially in Branson", "fighting
    in Bosnia, mainly in Sarajevo". GeoNames vetoes a part it knows elsewhere or bigger."""
    doc = sent.doc
    for adverb in sent:
        if adverb.lower_ not in words("relations", "locatedIn", "singling") or adverb.i - 2 < sent.start:
            continue
        comma = adverb.i - 2 if doc[adverb.i - 1].lower_ == "and" else adverb.i - 1
        whole = _named_place(table, doc[comma - 1]) if doc[comma].text == "," and comma > sent.start else None
        j = adverb.i + 1
        while j < sent.end - 1 and doc[j].lower_ in ("in", "at", "the", "its", "their"):
            j += 1  # "and especially in its Copacabana district"
        first = _named_place(table, doc[j]) if j < sent.end else None
        if whole is None or first is None or first.start != j:
            continue
        for part in [doc[first.head], *_names_after(doc[first.head], table)]:
            if (inner := table.at(part)) is not None and not _known_elsewhere(inner, whole, same_size=True):
                yield Candidate(part, "locatedIn", doc[whole.head], adverb, "located_singled_out", 0.7)


@pattern
def located_along(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """A named river lies in each place it runs through: "the Jordan River flows through Israel",
    "the Akagera River, which runs through Tanzania and Uganda", "the Nile course through Sudan"
    (a place the gazetteer does not know, whose course it is). A person or an army that passes
    through a place is not placed by it."""
    for token in sent:
        if lemma(token) not in words("relations", "locatedIn", "course_verbs"):
            continue
        if token.pos_ in ("VERB", "AUX"):
            rivers = [token.head] if token.dep_ == "relcl" else kids(token, "nsubj")
        else:
            rivers = kids(token, "compound")  # "the Akagera River course"
        for river in rivers:
            mention = _named_place(table, river)
            if mention is None or mention.text.split()[-1].lower() not in words("nouns", "watercourses") and not (
                    token.pos_ == "NOUN" and gazetteer.lookup(mention.text) is None):  # "the Nile course through Sudan"
                continue
            through = [p for p in kids(token, "prep") if p.lower_ == "through"] \
                or [n for n in sent.doc[token.i + 1:token.i + 2] if n.lower_ == "through" and n.dep_ == "prep"]  # "the River course through Y"
            for place in [p for prep in through for o in kids(prep, "pobj") for p in conjuncts(o)]:
                if _named_place(table, place_of(place)) is not None:
                    yield Candidate(river, "locatedIn", place_of(place), token, "located_along", 0.7)


@pattern
def located_at_extremity(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """A place "at the tip/end/edge of" a place lies in it: "Reggio Calabria, at the southern tip of
    Calabria", "Bakersfield, at the southern end of California's San Joaquin Valley". The place is
    the one the phrase follows, after its comma."""
    doc = sent.doc
    for prep in sent:
        if prep.lower_ != "at" or prep.dep_ != "prep" or prep.i < sent.start + 2 or doc[prep.i - 1].text != ",":
            continue
        thing = _named_place(table, doc[prep.i - 2])
        for part in kids(prep, "pobj"):
            if thing is None or lemma(part) not in words("relations", "locatedIn", "extremities"):
                continue
            for outer in prep_objects(part, {"of"}):
                whole = _named_place(table, place_of(outer))
                if whole is not None and whole.index != thing.index:
                    yield Candidate(doc[thing.head], "locatedIn", place_of(outer), prep, "located_at_extremity", 0.7)


@pattern
def located_near_coast(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """A town near a named land's coast lies in that land: "sank off the Texas coast, near Port
    Arthur", "the Louisiana coast near Morgan City". The gazetteer vetoes a town it knows elsewhere
    or bigger than the land ("off the Lebanese coast near Cyprus")."""
    doc = sent.doc
    for prep in sent:
        if prep.lower_ != "near" or prep.dep_ != "prep" or prep.i < sent.start + 2:
            continue
        coast = doc[prep.i - 2] if doc[prep.i - 1].text == "," else doc[prep.i - 1]
        if lemma(coast) not in words("relations", "locatedIn", "shore_nouns"):
            continue
        for land in kids(coast, "compound", "poss"):
            outer = _named_place(table, land)
            for town in [t for o in kids(prep, "pobj") for t in conjuncts(o)]:
                inner = _named_place(table, place_of(town))
                if outer is None or inner is None or _known_elsewhere(inner, outer, same_size=False):
                    continue
                yield Candidate(place_of(town), "locatedIn", land, prep, "located_near_coast", 0.65)


def _known_elsewhere(inner: Mention, outer: Mention, same_size: bool) -> bool:
    """The gazetteer's veto on a part: a place it knows to lie outside the whole, or one bigger
    than the whole (of the same size too, unless ``same_size`` may nest, as regions in a region)."""
    known, known_outer = gazetteer.lookup(inner.text), gazetteer.lookup(outer.text)
    if known is None or known_outer is None:
        return False
    bigger = _size(known) > _size(known_outer) if same_size else _size(known) >= _size(known_outer)
    return gazetteer.named_elsewhere(known_outer, inner.text) or bigger


def _size(place: gazetteer.Place) -> int:
    """City < region < country < a state of countries (the Soviet Union) < continent (a region in no country)."""
    if place.kind == "Region" and not place.country:
        return 4
    return 3 if gazetteer.holds_countries(place) else {"City": 0, "Region": 1, "Country": 2}[place.kind]


@pattern
def located_event(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """An event placed by its clause: "launched airstrikes in eastern Syria", "an explosion
    ripped through the Crimean Bridge", "the raid took place in Barisha"."""
    for prep in sent:
        if prep.dep_ != "prep" or prep.lower_ not in words("relations", "locatedIn", "event_preps"):
            continue
        verb = prep.head
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        for arg in kids(verb, "dobj", "nsubj", "nsubjpass"):
            mention = table.at(arg)
            if mention is not None and mention.type in ("Event", "Attack"):
                for outer in kids(prep, "pobj"):
                    yield Candidate(arg, "locatedIn", place_of(outer), prep, "located_event", 0.7)


@pattern
def located_in_apposition(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """A place described by an apposition: "Abbottabad, a city in northern Pakistan",
    "Kabul, the capital of Afghanistan", "Stepanakert, the region's largest city",
    "Yemen's capital, Sanaa", "Tartar, an Azerbaijani town"."""
    place_nouns = words("nouns", "place") | words("nouns", "facility")
    for desc in sent:
        group = desc.dep_ == "pobj" and desc.head.lower_ == "of" and _named_place(table, desc) is not None \
            and (desc.head.head.tag_ == "JJS" or desc.head.head.lower_.endswith("most"))  # "the southernmost of the Florida Keys"
        if lemma(desc) not in place_nouns | words("relations", "locatedIn", "seats") and noun_type(desc) not in ("Location", "Facility") \
                and lemma(desc) != "part" and not group:  # "a former game reserve", "the county seat"
            continue  # ("Sarajevo, then part of Austria-Hungary")
        fronted = desc.dep_ == "pobj" and desc.head.head.i == sent.start and _fronted_one(sent) is not None
        one = desc.head.head if desc.dep_ == "pobj" and desc.head.lower_ == "of" else None
        if one is not None and one.lower_ in ("handful", "number", "dozen", "couple", "few") and one.dep_ == "pobj" \
                and one.head.lower_ == "of":
            one = one.head.head  # "Pine Ridge is one of a handful of villages in Shannon County"
        superlative = one is not None and (one.tag_ == "JJS" or one.lower_.endswith("most"))  # "the westernmost of"
        if one is not None and (one.pos_ in ("ADJ", "NUM", "PRON") or superlative) and (
                one.dep_ in ("attr", "appos") or one.i >= 2 and one.nbor(-1).text == ","
                or one.i >= 3 and one.nbor(-1).lower_ in ("once", "now", "then", "formerly", "still") and one.nbor(-2).text == ","):
            desc_of = one  # "Serbia is the largest of Yugoslavia's republics", "X, one of the towns in Y"
        else:
            desc_of = desc
        if desc_of.dep_ == "appos":
            name = desc_of.head
            left = desc_of.left_edge.i
            if any(c.pos_ == "PROPN" and _named_place(table, c) for c in kids(desc, "compound")) and _named_place(table, name) is None \
                    and lemma(desc) not in words("nouns", "settlement") | words("relations", "locatedIn", "seats"):
                continue  # "Kenya and Madagascar, the Sahara desert in Africa": a place of its own, in a list
            if left >= 2 and desc.doc[left - 1].text == "," and (before := _named_place(table, desc.doc[left - 2])) is not None \
                    and before.end - 1 != name.i and (_named_place(table, name) is None or not _too_big(before, desc)):
                # "Residents of Tyre, a city in Lebanon", "found Livingstone at Ujiji, a trading post", "Police in
                # Decatur, the Morgan County seat": the parser hung the description on a word before the place the comma follows
                name = desc.doc[before.head]
        elif desc_of.dep_ == "attr" and lemma(desc_of.head) == "be" and kids(desc_of.head, "nsubj"):
            name = _subject_named(kids(desc_of.head, "nsubj")[0], table)  # "Saudi Arabia is a Gulf state"
            whole = [_before_comma(p, table) for p in kids(desc_of.head, "prep") if p.lower_ == "of" and p.i + 1 < len(p.doc)
                     and p.nbor().lower_ == "which"]
            if whole and whole[0] is not None and _named_place(table, name) is not None:
                # "Jefferson County, of which Birmingham is the seat"
                yield Candidate(name, "locatedIn", whole[0], desc, "located_in_apposition", 0.75)
                continue
        elif desc_of.dep_ == "pobj" and desc_of.head.lower_ == "among" and (subject := _described_subject(desc_of)) is not None:
            name = _subject_named(subject, table)  # "Fresno was among the California cities that ..."
        elif desc_of.dep_ == "pobj" and desc_of.head.lower_ == "among" and (before := _before_comma(desc_of.head, table)) is not None:
            name = before  # "Tunica County, among the poorest counties in Mississippi"
        elif desc_of.dep_ == "pobj" and desc_of.head.lower_ == "as" and lemma(desc_of.head.head) in ("serve", "act") \
                and kids(desc_of.head.head, "nsubj"):
            name = _subject_named(kids(desc_of.head.head, "nsubj")[0], table)  # "the town that serves as seat of X"
        elif (desc.dep_ not in ("pobj", "compound") or desc_of is not desc) and (left := _left_of(desc_of)) >= 2 \
                and desc.doc[left - 1].text == "," and (desc.doc[left].lower_ in ("the", "a", "an", "then", "now", "once", "formerly")
                                                        or desc.doc[left].like_num or left == desc_of.i) \
                and (before := _named_place(table, desc.doc[left - 2])) is not None and _closed(desc_of):
            # "bombed targets in Tripoli and Benghazi, the two largest cities in Libya, in ...": the parser
            # made the apposition an object or a subject; the comma, article and closing punctuation say what it is
            name = desc.doc[before.head]
        elif fronted and (after := _named_place(table, sent.doc[_fronted_one(sent) + 1])) is not None:
            name = sent.doc[after.head]  # "One of the largest cities in Siberia, Omsk, was ..."
        else:
            appos = [a for a in kids(desc, "appos") if a.pos_ == "PROPN"] or _name_after_comma(desc, table)
            if not appos:
                continue
            name = appos[0]
            own = [o for o in prep_objects(desc, {"of"}) if o.pos_ == "PROPN"]
            if own and _named_by_of(desc) and _named_place(table, name) is not None \
                    and not (lemma(desc) in words("relations", "locatedIn", "seats") and not kids(desc, "compound", "amod")):
                # "the port of Okpare, Bendel State": the port has its name; the apposition says where it is
                yield Candidate(own[0], "locatedIn", name, desc, "located_in_apposition", 0.75)
                continue
            known = gazetteer.lookup(m.text) if (m := _named_place(table, name)) is not None else None
            if known is not None and known.kind in ("Country", "Region") and lemma(desc) not in words("nouns", "settlement") \
                    and any(c.pos_ == "PROPN" for c in kids(desc, "compound")):
                # "Kovilpatti, Tirunelveli district, Tamil Nadu": an address, the named district in the state
                yield Candidate(desc, "locatedIn", name, desc, "located_in_apposition", 0.75)
                continue
        # "a town of 8,000 about 40 miles south of Wooster Falls": an "of" after a bearing is no container
        containing = {"in", "inside", "within"} | ({"of"} if lemma(desc) not in words("nouns", "personal_places") else set())
        outers = [o for o in prep_objects(desc, containing)  # not "Littlefield, hometown of Waylon Jennings"
                  if o.head.nbor(-1).lower_ not in DIRECTIONS and not (o.head.lower_ == "of" and o.lower_ in DIRECTIONS)] \
            + [_whose(p, table) for p in kids(desc, "poss")]
        if desc_of is not desc and _named_place(table, desc) is not None:
            outers.append(desc)  # "Attu, the westernmost of the Aleutian Islands"
        island = lemma(desc) in words("nouns", "islands") or (m := table.at(name)) is not None \
            and m.text.split()[-1].lower() in words("nouns", "islands")
        outers += [c for o in prep_objects(desc, {"off"}) if island and lemma(o) in words("relations", "locatedIn", "shore_nouns")
                   for c in kids(o, "compound") if _named_place(table, c) is not None]  # "Dauphin Island, a barrier island off the Alabama coast"
        outers += [o for o in prep_objects(desc, {"on"}) if (m := _named_place(table, place_of(o))) is not None
                   and set(m.text.lower().split()) & words("nouns", "islands")]  # "Avalon, the only city on Santa Catalina Island"
        # "the Taj Mahal, a hotel he is building in Atlantic City"
        outers += [o for clause in kids(desc, "relcl", "acl") for o in prep_objects(clause, {"in", "inside", "within"})
                   if _named_place(table, o) is not None]  # "Camp Hill, a state prison located in Cumberland County"
        # "Grand Isle, a Louisiana resort", "the Michoacan state capital, Morelia", "Kiruna, a Lapland
        # mining town"; not "a Red Sea port", which is on the sea
        if desc.pos_ == "NOUN":
            modifiers = [m for c in [desc, *kids(desc, "compound")] for m in kids(c, "compound", "amod")]
            # a modifier GeoNames does not know places only a kind of place ("a Kashmir ski resort", "the Kashmir
            # summer capital"), not a named one ("the Taj Mahal Palace hotel") or an address ("the X state farm (Y Oblast)")
            kind = any(d.lower_ in ("a", "an") for d in kids(desc, "det")) or lemma(desc) in words("relations", "locatedIn", "seats")
            address = (n := _named_place(table, name)) is not None and _named_region(n)
            outers += [c for c in modifiers if c.text[:1].isupper() and (m := _named_place(table, c))
                       and (gazetteer.lookup(m.text) is not None or _named_region(m)
                            or kind and not address and not set(m.text.lower().split()) & words("nouns", "water")
                            or lemma(desc) in words("nouns", "polity") | {"country", "nation"})]
            # ("Kuwait is a small Gulf state": a state of the region the sea names; "Simi Valley, a Ventura County suburb")
            outers += [c for o in prep_objects(desc, {"on"}) if lemma(o) in words("relations", "locatedIn", "shore_nouns")
                       for c in kids(o, "compound", "poss") if (m := _named_place(table, c)) is not None
                       and (c.dep_ == "poss" or (k := gazetteer.lookup(m.text)) is not None and k.kind != "City" and k.country)]
            # "Eureka, a port on the California coast", "on Ecuador's Pacific coast" (not in the Pacific)
        if not outers and (region := _salient_region(desc, table)) is not None:
            outers = [region]  # "Mekelle, the regional capital": the region the story is about
        listed_before = _names_before(desc.doc[left - 1]) if desc.tag_ == "NNS" and (left := _left_of(desc_of)) >= 2 \
            and desc.doc[left - 1].text == "," else []  # "Tuscany and Emilia-Romagna, two regions of Italy", however parsed
        described = listed_before or ([name, *name.conjuncts] if desc.tag_ == "NNS" else [name])  # "Passau and Straubing, two cities in X"
        for outer in outers:
            for each, container in _respective(described, outer) if _respectively(outer) else [(d, outer) for d in described]:
                # "Akron and Toledo, the largest cities in Ohio and Michigan, respectively"
                yield Candidate(each, "locatedIn", place_of(container), desc, "located_in_apposition", 0.8)
        for mod in kids(desc, "amod", "compound") if lemma(desc) in words("nouns", "place") else []:
            if _national(mod, table):  # "Tartar, an Azerbaijani town", "Dren, the Karsovian capital"; not "a Georgian mansion"
                yield Candidate(name, "locatedIn", mod, desc, "located_in_demonym", 0.75)


@pattern
def located_in_national_name(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """A place named with the adjective of the country it lies in: "Iraqi Kurdistan", "in
    earthquake-devastated Soviet Armenia". Only when the gazetteer knows the place, puts it in that
    country, and does not know the whole as a name of its own ("British Columbia", "Spanish Town")."""
    doc = sent.doc
    for mention in table.mentions:
        if mention.kind != "name" or mention.type not in PLACE_LIKE or not sent.start <= mention.start < sent.end:
            continue
        if mention.end - mention.start > 1 and doc[mention.start].text[:1].isupper():
            adjective, rest = doc[mention.start], doc[mention.start + 1:mention.end].text  # NER's "Iraqi Kurdistan"
        elif mention.start > sent.start and doc[mention.start - 1].dep_ in ("amod", "compound") \
                and doc[mention.start - 1].head.i == mention.head and doc[mention.start - 1].text[:1].isupper():
            adjective, rest = doc[mention.start - 1], mention.text  # "Soviet Armenia", NER's two names
        else:
            continue
        country = gazetteer.country_of_demonym(adjective.text)
        place = gazetteer.lookup(rest)
        if country is None or place is None or gazetteer.lookup(f"{adjective.text} {rest}") is not None \
                or not gazetteer.contains(country, place) or not _national(adjective, table):
            continue
        yield Candidate(doc[mention.head], "locatedIn", adjective, adjective, "located_in_demonym", 0.75)


@pattern
def located_in_possessive(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """A place owned by a place: "Syria's northwestern Idlib province", "Russia's Krasnodar
    region", "Serbia's province of Kosovo", "the airport's Abbey Gate"."""
    for owner in sent:
        if owner.dep_ != "poss":
            continue
        thing, owner = owner.head, _whose(owner, table)
        if thing.dep_ == "appos" or kids(thing, "appos") and lemma(thing) in words("nouns", "place") and thing.pos_ == "NOUN":
            continue  # handled as an apposition
        if thing.dep_ in ("nmod", "compound") and thing.head.tag_ == "NNS" and (thing.conjuncts or len(_named_modifiers(thing.head)) > 1):
            thing = thing.head  # "Iran's Gilan and Zanjan provinces", the owner hung on the first name
        parts = _named_modifiers(thing) or [m for o in prep_objects(thing, {"of"}) if o.pos_ == "PROPN" for m in listed(o)] \
            if thing.tag_ == "NNS" and lemma(thing) in words("nouns", "place") else []
        if len(parts) > 1:  # "Malawi's southern districts of Nsanje and Mwanza", "Karachi's Liaquatabad and Orangi districts"
            for part in parts:
                yield Candidate(part, "locatedIn", owner, owner, "located_in_possessive", 0.75)
            continue
        thing = place_of(thing, parts=False)  # "Serbia's southern province of Kosovo" is Kosovo
        # a name before a modifier ("the Gaza Strip's Jabaliya refugee camp"), unless it names the modifier ("Amazon river port")
        deep = [m for c in kids(thing, "compound") if c.pos_ != "PROPN" and lemma(c) not in words("nouns", "terrain")
                for m in kids(c, "compound") if _named_place(table, m)]
        if thing.pos_ != "PROPN" and deep:
            thing = deep[0]  # "the Gaza Strip's Jabaliya refugee camp"
        if thing.pos_ != "PROPN" and not any(c.pos_ == "PROPN" for c in kids(thing, "compound")) \
                and not (lemma(thing) in words("nouns", "place") and any(_proper_adjective(c) for c in kids(thing, "amod"))):
            continue  # "Bolivia's border" is no place in Bolivia; "Syria's Idlib province", "Tajikistan's Kurgan-Tyube region" are
        yield Candidate(thing, "locatedIn", owner, owner, "located_in_possessive", 0.75)


@pattern
def located_in_of(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """A named subdivision "of" a place: "the Idlib province of Syria", "the Pakistani city of
    Abbottabad" (the demonym gives the country)."""
    for noun in sent:
        if lemma(noun) not in words("nouns", "place"):
            continue
        # "the Indian Ocean island nation of Madagascar" is Madagascar, as "the Somerset town of Castlebridge" is Castlebridge
        # "the island nation of X", not "the Bihar state of India" or "the Karakalpak Autonomous Republic of Uzbekistan"
        polity = lemma(noun) in words("nouns", "polity") - {"state"} | {"nation", "country"} and noun.text.islower()
        settlement = _named_by_of(noun) or polity
        # "the Idlib province", not "the English county": an adjective is no name
        # "the Ruhr steel town of Duisburg": a name may modify the noun's own modifier
        modifiers = kids(noun, "compound", "nmod", "amod") + [m for c in kids(noun, "compound") for m in kids(c, "compound")]
        names = [c for c in modifiers if c.pos_ == "PROPN" and c.dep_ != "amod" and not gazetteer.country_of_demonym(c.text)
                 or _proper_adjective(c)  # "the Lemva region of Eskaria"
                 or c.dep_ == "amod" and _named_place(table, c) is not None and not gazetteer.country_of_demonym(c.text)]
        # ("the Aegean island of Lesbos": a place NER named, which the tagger took for an adjective)
        outers = prep_objects(noun, {"of"})
        # "the Mindanao islands of the Philippines": a country holds the islands, it is not one of them
        # ("the Caribbean island of Montserrat" is one)
        of_place = _named_place(table, outers[0]) if outers else None
        container = of_place is not None and (known := gazetteer.lookup(of_place.text)) is not None and known.kind == "Country"
        water = names and (m := table.at(names[0])) is not None and set(m.text.lower().split()) & words("nouns", "water")
        if names and settlement and outers and noun.tag_ != "NNS" and (not container or polity or lemma(noun) == "island"):
            # "the Somerset town of Castlebridge": the town is the "of"-name, the modifier contains it;
            # "the Red Sea port of Massawa" lies on the sea, not in it
            if not water:
                yield Candidate(outers[0], "locatedIn", names[0], noun, "located_in_of", 0.75)
        elif names and settlement and len(towns := members(noun)) > 1:
            # "the Texas Panhandle towns of Pampa, Borger and Dumas"
            for town in towns:
                yield Candidate(town, "locatedIn", names[0], noun, "located_in_of", 0.75)
        elif outers and len(parts := _named_modifiers(noun)) > 1:
            # "the Gilan and Zanjan provinces of northwestern Iran"
            for part in parts:
                yield Candidate(part, "locatedIn", place_of(outers[0]), noun, "located_in_of", 0.8)
        elif (names or noun.pos_ == "PROPN" or noun.tag_ == "NNS" and not members(noun)[1:]) and outers and not polity:
            # "the Idlib province of Syria", "the Eastern Province of Saudi Arabia", "districts of Kharkiv";
            # but "the villages of Brezan and Tulko" are the villages named
            yield Candidate(noun, "locatedIn", place_of(outers[0]), noun, "located_in_of", 0.8)
        elif of_place is not None and lemma(noun) == "capital":
            # "the capital of Somalia, Mogadishu": the parser hangs the name on Somalia; the noun describes it
            # (a capital is "of" its country, where "the port of Okpare" is named Okpare)
            for name in kids(outers[0], "appos"):
                if (m := _named_place(table, name)) is not None and m.start > 0 and sent.doc[m.start - 1].text == "," \
                        and not _address_tail(noun, name):
                    yield Candidate(name, "locatedIn", outers[0], noun, "located_in_of", 0.75)
        for mod in kids(noun, "amod", "compound"):
            inner = prep_objects(noun, {"of"})
            if noun.text[:1].isupper() and lemma(noun) in words("nouns", "polity"):
                break  # "the Croatian Republic of Herceg-Bosna" names a polity; "the Soviet republic of Armenia" places one
            if inner and _national(mod, table):
                for place in listed(inner[0]) if noun.tag_ == "NNS" else inner[:1]:  # "the Libyan cities of A and B"
                    yield Candidate(place, "locatedIn", mod, noun, "located_in_demonym", 0.8)


@pattern
def located_in_land_of(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """A named land "of" a state or country lies in it: "the Highlands of Scotland", "the Ozarks
    of northern Arkansas", "the Ardennes of Belgium"; so does a named part of a city that GeoNames
    does not know as a town of its own ("the Kasbah of Algiers"). Not water ("the Gulf of Mexico"
    split by NER) and not a famous city held up as a model ("the Paris of the Middle East")."""
    doc = sent.doc
    for mention in list(table.mentions):  # looking a token up may add a mention
        if not sent.start < mention.start < mention.end < sent.end or mention.kind != "name" or mention.type not in PLACE_LIKE \
                or doc[mention.start - 1].lower_ != "the" or doc[mention.end].lower_ != "of" \
                or mention.type == "Facility" or noun_type(doc[mention.head]) in ("Organization", "Facility"):  # "the University of X"
            continue
        outer = _place_after(doc[mention.end], table)
        whole = gazetteer.lookup(m.text) if outer is not None and (m := table.at(outer)) is not None else None
        known = gazetteer.lookup(mention.text)
        if whole is None or whole.kind == "City" and known is not None or set(mention.text.lower().split()) & words("nouns", "water") \
                or known is not None and known.kind == "City" and known.population >= gazetteer.FAMOUS_CITY_POPULATION:
            continue
        yield Candidate(doc[mention.head], "locatedIn", outer, doc[mention.end], "located_in_land_of", 0.7)


def _comma_place(table: MentionTable, token: Token, after_place: bool = True) -> tuple[Mention, gazetteer.Place | None] | None:
    """The proper-name place mention starting at a token, with what the gazetteer knows of it
    ("Tenn" before a split-off full stop is "Tenn."). An organization NER found is read as an
    ISO-only region ("Shimla, Himachal Pradesh") only ``after_place``, not in a list of
    names ("Aloha, Orion, Piedmont": Piedmont the airline, not the Italian region)."""
    mention = table.at(token)
    if mention is None or mention.start != token.i or not token.text[:1].isupper() or mention.kind == "pronoun":
        return None
    doc = token.doc
    if mention.end < len(doc) and doc[mention.end].lower_ in words("nouns", "subdivision") \
            and (region := table.at(doc[mention.end])) is not None and region.start == mention.start:
        mention = region  # "Novoaleksandrovka, Kherson oblast": the oblast, not the city of Kherson
    split = mention.text.endswith(" .")  # extended by an earlier call
    text = mention.text[:-2] + "." if split else mention.text
    place = gazetteer.abbreviation(text) or gazetteer.container(text)
    if not split and (dotted := gazetteer.abbreviation(text + ".")) is not None:
        place = dotted  # "Holliston, Mass": an AP abbreviation without its full stop
        if mention.end < len(doc) and doc[mention.end].text == ".":
            mention.names = (f"{mention.text} .", *mention.names)  # "Mich ." split by the tokenizer
            mention.end += 1
    if place is not None and place.iri is None and mention.type == "Organization" and not after_place:
        place = None
    if place is not None and place.kind in ("Country", "Region") and mention.type not in PLACE_LIKE:
        mention.type, mention.kind = place.kind, "name"  # NER called "Tenn" a person; the gazetteer knows better
    if mention.type not in PLACE_LIKE and mention.type not in ("Entity", "Organization"):
        return None
    return mention, place




@pattern
def located_in_comma(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """"X, Y" with Y a country or region: "Langley, Virginia", "Ganja, Azerbaijan", "Chattanooga,
    Tenn.", datelines such as "CARACAS, Venezuela (AP)"; a chain "X, Y, Z" gives X in Y, Y in Z
    and X in Z. And "X, on the Iraqi side". A list of countries ("France, Germany and Italy")
    is no containment."""
    doc = sent.doc
    for i in range(sent.start, sent.end - 2):
        comma = doc[i + 1]
        named_here = doc[i].i in table.by_token and table.mentions[table.by_token[doc[i].i]].kind == "name"
        region = doc[i].lower_ in words("nouns", "subdivision") and (m := table.at(doc[i])) is not None and _named_region(m)
        if comma.text != "," or not (doc[i].ent_type_ or doc[i].pos_ == "PROPN" or named_here or region):  # "VELKA" is a NOUN
            continue  # "Dongliu township, Jianhe County" starts at the township
        first = table.at(doc[i])
        if first is None or first.end != i + 1 or first.kind == "pronoun" or first.type in ("Person", "Group"):
            continue
        if doc[i + 2].lower_ == "on" and i + 5 < sent.end and doc[i + 3].lower_ == "the" and doc[i + 5].lower_ == "side":
            if gazetteer.country_of_demonym(doc[i + 4].text):
                yield Candidate(doc[i], "locatedIn", doc[i + 4], comma, "located_on_side", 0.7)
            continue
        if first.start > sent.start + 1 and doc[first.start - 1].text == "," \
                and not _descends(table.at(doc[first.start - 2]), gazetteer.lookup(first.text)):
            continue  # the chain was read from its first member
        if comma.i == _fronted_one(sent):
            continue  # "One of the largest cities in Siberia, Omsk, ...": Omsk is described, not a container
        chain = [(first, gazetteer.lookup(first.text))]
        j = i + 2
        while j < sent.end:
            while j < sent.end - 1 and doc[j].lower_ in DIRECTIONS and not doc[j].text[:1].isupper():
                j += 1  # "Mohammadia, south-east Algeria"
            if doc[j].lower_ == "the" and j + 1 < sent.end and (m := table.at(doc[j + 1])) is not None and m.start == j + 1 \
                    and (country := gazetteer.lookup(m.text)) is not None and country.kind == "Country" \
                    and (m.end >= sent.end or doc[m.end].is_punct and doc[m.end].text != "-"):
                j += 1  # "Maastricht, the Netherlands", not "Kowloon Holdings, the Hong Kong-based group"
            found = _comma_place(table, doc[j], chain[-1][1] is not None and chain[-1][0].type in PLACE_LIKE)
            if found is None or _descends(chain[-1][0], found[1]):
                break  # "Hinsdale, Ill., Rochester, N.Y.": a state closes an address; a town after it starts the next
            if found[1] is not None and found[1].kind == "Country" and chain[-1][1] is not None and chain[-1][1].kind == "Region" \
                    and gazetteer.named_elsewhere(found[1], chain[-1][0].text):
                break  # "the states of Sabah and Sarawak, Brunei, and ...": a list, for GeoNames puts Sarawak elsewhere
            owned = doc[found[0].head].head if doc[found[0].head].dep_ == "poss" else None
            if found[0].end < sent.end and doc[found[0].end].tag_ == "POS" and (chain[0][0].type not in PLACE_LIKE or (
                    owned is not None and lemma(owned) in words("nouns", "person") | words("titles", "person"))):
                # "Gecamines, Zaire's state mining company", "the embassy in London, Argentina's diplomatic
                # representative there": an owner, not an address ("Lyon, France's second city" is one)
                break
            chain.append(found)
            end = found[0].end + (1 if found[0].end < len(doc) and doc[found[0].end].text == "." and found[1] else 0)
            if end >= sent.end or doc[end].text != ",":
                break
            j = end + 1
        outer = next((p for _, p in chain[2:] if p is not None and p.kind in ("Country", "Region")), None)
        if outer is not None and chain[0][1] is not None and gazetteer.named_elsewhere(outer, first.text):
            chain, first = chain[1:], chain[1][0]  # "In Cincinnati, Louisville, Ky., and Hammond, Ind.": a list of towns
        # The chain ends at its last known country or region, or at one its name calls a region
        # ("Jianhe County", "Kherson oblast"); everything before it lies inside.
        last = max((k for k, (m, place) in enumerate(chain) if place and place.kind in ("Country", "Region")
                    or k and _holds_by_name(doc, chain, k)), default=0)
        if not last and len(chain) == 2 and _town_in_town(chain) \
                and (doc[chain[1][0].start].ent_type_ == "GPE" or chain[1][0].type in PLACE_LIKE) \
                and _framed(doc, first, chain[1][0]):
            last = 1  # "in Brisk, Vastmoor", "BELGRADE, Yugoslavia (AP)": places GeoNames lacks; "in Ipero, Sao Paulo"
        chain = chain[:last + 1]
        held = chain[-1][1]
        if len(chain) < 2 or any(place and place.kind == "Country" and not (held and gazetteer.holds_countries(held)
                                                                            and gazetteer.contains(held, place))
                                 for _, place in chain[:-1]):
            continue  # "France, Germany" is a list; "Bled, Slovenia, Yugoslavia" a chain
        wide, outer = gazetteer.container(first.text), chain[1][1]
        if wide is not None and outer is not None and wide.kind == outer.kind == "Region" and wide.country == outer.country \
                and gazetteer.abbreviation(chain[1][0].text) is None:
            continue  # "Ontario, Quebec and New York": provinces in a list, not one in the other ("Washington, D.C." is)
        after = chain[-1][0].end
        if after + 1 < sent.end and doc[after].pos_ == "CCONJ" and (nxt := _comma_place(table, doc[after + 1])) is not None \
                and nxt[1] is not None and (len(chain) > 2 or chain[0][1] is not None and chain[0][1].kind == nxt[1].kind):
            continue  # "Veracruz, Durango and Monterrey", "Athens, Toronto, Melbourne, Manchester and Belgrade": a list
        if after < sent.end and doc[after].pos_ == "CCONJ":
            while after + 1 < sent.end - 1 and doc[after + 1].lower_ in DIRECTIONS:
                after += 1
            nxt = _comma_place(table, doc[after + 1]) if after + 1 < sent.end else None
            if nxt and nxt[1] and chain[-1][1] and nxt[1].kind == chain[-1][1].kind:
                continue  # "... Britain and Jordan", "Louisiana and eastern Texas": a list
        for mention, place in chain[:-1]:
            _retype_as_place(mention, place)
            if chain[-1][1] is not None:
                mention.attrs["within"] = chain[-1][1].id  # "London, Ontario" is the Canadian London
        for mention, _ in chain[1:]:
            mention.attrs["container"] = True  # "Toronto, Ontario" is the province
        for a in range(len(chain) - 1):
            for b in range(a + 1, len(chain)):
                yield Candidate(doc[chain[a][0].head], "locatedIn", doc[chain[b][0].head], comma, "located_in_comma", 0.8)
        known_end = chain[-1][1] is not None or _named_region(chain[-1][0])  # "A and B, Chalatenango province"
        if (partner := _coordinated_place(doc, table, first)) is not None and known_end \
                and not (chain[-1][1] is not None and gazetteer.named_elsewhere(chain[-1][1], partner.text)):
            # "near Grande Isle and St. Albans, Vt.": the state covers both towns (not Moscow in "between
            # Moscow and Anchorage, Alaska", which GeoNames puts elsewhere)
            yield Candidate(doc[partner.head], "locatedIn", doc[chain[-1][0].head], comma, "located_in_comma", 0.7)


@pattern
def located_in_parenthesis(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """A region or country in brackets after a place, as wire copy writes it: "Tuzla (Bosnia-
    Hercegovina)", "near Knin (Croatia)", "the Uzunbulak state farm (Semipalatinsk Oblast)"."""
    doc = sent.doc
    for bracket in sent:
        if bracket.text != "(" or bracket.i == sent.start or bracket.i + 2 >= sent.end:
            continue
        inner, outer = table.at(doc[bracket.i - 1]), _named_place(table, doc[bracket.i + 1])
        if inner is None or inner.end != bracket.i or inner.type not in PLACE_LIKE or inner.kind == "pronoun" \
                or outer is None or outer.start != bracket.i + 1 or outer.end >= sent.end or doc[outer.end].text != ")":
            continue
        known = gazetteer.container(outer.text)
        if known is not None and known.kind in ("Country", "Region") \
                or outer.text.split()[-1].lower() in words("nouns", "subdivision") | {"ssr", "oblast", "krai"}:
            yield Candidate(doc[inner.head], "locatedIn", doc[outer.head], bracket, "located_in_parenthesis", 0.75)


def _coordinated_place(doc: Doc, table: MentionTable, first: Mention) -> Mention | None:
    """The town named right before "and/or" in "X and Y, Z", if it is no country or region itself
    and no list runs into it ("France, Germany and Y, Z")."""
    if first.start < 2 or doc[first.start - 1].lower_ not in ("and", "or"):
        return None
    partner = table.at(doc[first.start - 2])
    if partner is None or partner.kind != "name" or partner.end != first.start - 1 or partner.type not in PLACE_LIKE:
        return None
    place = gazetteer.lookup(partner.text)
    if place is not None and place.kind in ("Country", "Region") or partner.start > 0 and doc[partner.start - 1].text == ",":
        return None
    return partner


def _descends(before: Mention | None, place: gazetteer.Place | None) -> bool:
    """Whether a known town follows a known state or country, as the next address of a list does."""
    known = gazetteer.abbreviation(before.text) or gazetteer.lookup(before.text) if before is not None else None
    return known is not None and known.kind in ("Country", "Region") and place is not None and place.kind == "City"


def _named_region(mention: Mention) -> bool:
    """A proper name followed by a subdivision noun, which says it is a region whatever GeoNames
    knows: "Jianhe County", "Guizhou Province", "Kherson oblast"."""
    words_ = mention.text.split()
    return len(words_) > 1 and words_[-1].lower() in words("nouns", "subdivision") and words_[-2][:1].isupper()


def _region_rank(mention: Mention) -> int:
    """0 for a township or the like, 1 for a district or county, 2 for a province, state or oblast."""
    noun = mention.text.split()[-1].lower()
    return 0 if noun in words("nouns", "local_subdivision") else 1 if noun in words("nouns", "middle_subdivision") else 2


def _holds_by_name(doc: Doc, chain: list[tuple[Mention, gazetteer.Place | None]], k: int) -> bool:
    """Whether the k-th place of an "X, Y" chain is a container by its name alone: a named region
    that closes its phrase ("Penwick County sheriff's deputies" is a modifier) and outranks the
    region before it ("Loei Province, Nakhon Thai District" is a list)."""
    mention, inner = chain[k][0], chain[k - 1][0]
    closed = mention.end >= len(doc) or doc[mention.end].is_punct
    return _named_region(mention) and closed and not (_named_region(inner) and _region_rank(inner) >= _region_rank(mention))


def _town_in_town(chain: list[tuple[Mention, gazetteer.Place | None]]) -> bool:
    """Whether "X, Y" may put a town in a place the gazetteer does not call a region: Y unknown, or a
    city while X is unknown or a smaller city of the same country ("Ipero, Sao Paulo")."""
    (_, inner), (_, outer) = chain
    if outer is None:
        return True
    if outer.kind != "City":
        return False
    return inner is None or inner.kind == "City" and inner.country == outer.country and inner.population < outer.population


def _framed(doc: Doc, first: Mention, outer: Mention) -> bool:
    """An "X, Y" pair set up as a location: the object of "in/near/from/at" ("in Brisk, Vastmoor",
    "at State House, Nairobi, when"), a dateline ("BELGRADE, Yugoslavia (AP)") or an address
    that modifies a noun ("a Flatbush, Brooklyn, man")."""
    before = doc[first.start - 1] if first.start > 0 else None
    after = doc[outer.end] if outer.end < len(doc) else None
    dateline = (before is None or before.is_space) and after is not None and (after.text == "(" or after.text in DASHES)
    closed = after is None or after.is_punct and after.text != "," \
        or after.text == "," and outer.end + 1 < len(doc) and doc[outer.end + 1].is_lower
    modifier = before is not None and before.lower_ in ("a", "an", "the") and after is not None and after.text == "," \
        and outer.end + 1 < len(doc) and doc[outer.end + 1].is_lower and doc[outer.end + 1].pos_ in ("NOUN", "ADJ")
    return dateline or modifier or before is not None and before.lower_ in ("in", "near", "from", "outside", "at") and closed


def _retype_as_place(mention: Mention, place: gazetteer.Place | None) -> None:
    """A name inside a confirmed "X, Y" chain is a place: "MEMPHIS, Tenn." (NER: organization),
    "Fort Hamilton, Brooklyn, N.Y." (NER: person)."""
    if mention.type in PLACE_LIKE:
        return
    first = mention.text.split()[0].lower()
    if place is not None and mention.type in ("Organization", "Entity"):
        mention.type = place.kind
    elif mention.type == "Entity" and mention.kind == "name" or mention.start == 0 and mention.type == "Organization":
        mention.type = "Location"  # an unknown name, or a dateline ("HAUPPAUGE, N.Y.")
    elif mention.type in ("Organization", "Entity", "Person") and first in words("nouns", "place_name_prefixes"):
        mention.type = "Facility" if first in ("fort", "camp") else "Location"


# -- spokespersonFor ----------------------------------------------------------------------------

def _title_tokens(sent: Span) -> Iterator[Token]:
    """Head tokens of spokesperson titles ("spokesman", "press *secretary*")."""
    titles = words("relations", "spokespersonFor", "titles")
    for token in sent:
        if lemma(token) in titles or token.lower_ in titles:
            yield token
        elif any(f"{c.lower_} {token.lower_}" in titles for c in kids(token, "compound", "amod")):
            yield token


def _title_org(title: Token) -> Token | None:
    """The organization a title names: "*Pentagon* spokesman", "*the coalition's* spokesman",
    "a spokesman *for the Taliban*", "*Russia's Foreign Ministry* spokeswoman"."""
    found = prep_objects(title, words("relations", "spokespersonFor", "preps"))
    for conj in kids(title, "conj"):
        found += prep_objects(conj, words("relations", "spokespersonFor", "preps"))  # "spokesman and chief negotiator of Y"
    if found:
        org = found[0]  # "the charity Clearwater Relief": a close apposition names the organization
        close = [a for a in kids(org, "appos") if a.pos_ == "PROPN" and a.left_edge.i == org.i + 1]
        return close[0] if org.pos_ == "NOUN" and close else org
    mods = kids(title, "compound", "amod", "nmod")
    for mod in sorted(mods, key=lambda m: not m.ent_type_):  # "Deputy Pentagon press secretary": Pentagon
        if mod.pos_ == "PROPN" or mod.ent_type_:
            return mod
    for mod in mods:  # "Kenyan government spokesman X"; a bare "government spokesman" names no one
        if mod.pos_ == "NOUN" and noun_type(mod) in ("Organization", "Group") and (kids(mod, "amod", "poss", "compound")):
            return mod
    poss = kids(title, "poss")
    if poss and poss[0].lower_ == "whose" and title.head.dep_ == "relcl":
        return title.head.head  # "the Red Lantern Society, whose spokeswoman, X"
    return poss[0] if poss else None


def _title_person(title: Token) -> Token | None:
    """The person holding a title: "spokesman *John Kirby*", "*Bali*, a spokesman",
    "a spokesman for the Taliban, *Zabihullah Mujahid*", "*X* is a spokesman"."""
    if title.dep_ == "compound" and title.head.pos_ == "PROPN":
        person = title.head
        while person.ent_type_ != "PERSON" and person.dep_ == "compound" and person.head.pos_ == "PROPN":
            person = person.head  # "press secretary Major General Pat Ryder"
        return person
    if title.dep_ == "appos" and title.head.pos_ in ("PROPN", "PRON"):
        return title.head
    appos = [a for a in kids(title, "appos") if a.pos_ == "PROPN"]
    if appos:
        return appos[0]
    for org in prep_objects(title, words("relations", "spokespersonFor", "preps")):
        # "a spokesman for the Taliban, Zabihullah Mujahid": the parser hangs the name on the group
        appos = [a for a in kids(org, "appos") if a.ent_type_ == "PERSON"]
        if appos:
            return appos[0]
    if title.dep_ == "attr" and lemma(title.head) == "be":
        subj = kids(title.head, "nsubj")
        return subj[0] if subj else None
    return None


@pattern
def spokesperson_title(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """Named spokespeople: "Pentagon spokesman John Kirby", "Mustafa Bali, a spokesman for the
    SDF", "Northgate's spokesman, David Oyelaran", "X is a spokeswoman for Y". An unnamed
    "a spokesman for the group said" yields nothing."""
    for title in _title_tokens(sent):
        person, org = _title_person(title), _title_org(title)
        if person is not None and org is not None:
            yield Candidate(person, "spokespersonFor", org, title, "spokesperson_title", 0.9)


@pattern
def spokesperson_verb(sent: Span, table: MentionTable) -> Iterator[Candidate]:
    """A named person who speaks for a named body: "Nadia Ferrowe, who speaks for the Sable
    Crescent Front". Speaking for voters or a cause is no office: the body must be a named
    organization or group."""
    for verb in sent:
        if lemma(verb) not in words("relations", "spokespersonFor", "verbs") or verb.pos_ != "VERB":
            continue
        subj = subject_of(verb)
        person = table.at(antecedent(subj)) if subj is not None else None
        for body in prep_objects(verb, {"for"}):
            org = table.at(body)
            if person is not None and person.kind == "name" and person.type == "Person" \
                    and org is not None and (org.kind == "name" or org.attrs.get("proper")) and org.type in ("Organization", "Group"):
                yield Candidate(antecedent(subj), "spokespersonFor", body, verb, "spokesperson_verb", 0.8)


# -- the component ------------------------------------------------------------------------------

SUBJECT_TYPES = {
    "authorized": {"Person", "Organization", "Group", "Country", "Location", "Entity"},
    "attacked": {"Person", "Organization", "Group", "Country", "Location", "City", "Region", "Artifact", "Entity"},
    "locatedIn": {"Location", "Country", "City", "Region", "Facility", "Event", "Attack"},
    "spokespersonFor": {"Person"},
    "hasAttacker": {"Attack"},
    "hasTarget": {"Attack"},
}
OBJECT_TYPES = {
    "authorized": {"Event", "Attack", "Entity"},
    "attacked": {"Person", "Organization", "Group", "Country", "Location", "City", "Region", "Facility", "Artifact", "Entity"},
    "locatedIn": {"Location", "Country", "City", "Region", "Facility"},
    "spokespersonFor": {"Organization", "Group", "Country", "Location", "Facility", "Person"},
    "hasAttacker": {"Person", "Organization", "Group", "Country", "Location", "Artifact", "Entity"},
    "hasTarget": {"Person", "Organization", "Group", "Country", "Location", "City", "Region", "Facility", "Artifact", "Entity"},
}


PLACE_LIKE = frozenset({"Location", "Country", "City", "Region", "Facility"})
DEMONYM_RULES = frozenset({"located_in_demonym", "located_on_side"})


def _generic_target(token: Token) -> bool:
    """ "only military targets", "positions": a target with no owner and no name is no node; "a
    coalition facility" and "an army checkpoint" have an owner."""
    if lemma(token) not in words("nouns", "owned_targets"):
        return False
    if token.tag_ == "NN" and any(o.ent_type_ in ("GPE", "LOC", "FAC") for o in prep_objects(token, LOCATIVE_PREPS)):
        return False  # "an oil facility in Jizan" is one place
    return not any(c.pos_ == "PROPN" or c.ent_type_ or c.dep_ == "compound" and noun_type(c) in ("Group", "Organization")
                   for c in token.lefts if c.dep_ in ("compound", "amod", "poss"))


def _ownerless_weapon(token: Token, table: MentionTable) -> bool:
    """ "The missiles hit X": a weapon with no owner in sight says nothing about who attacked. "The
    helicopters" that refer back to "army helicopters" have one."""
    mention = table.at(token)
    if mention is None or mention.type != "Artifact" or mention.kind != "nominal":
        return False
    if _owned(token):
        return False
    definite = any(c.lower_ == "the" for c in token.lefts)
    earlier = [token.doc[m.head] for m in table.mentions if m.kind == "nominal" and m.type == "Artifact" and m.end <= token.i
               and token.doc[m.head].lemma_ == token.lemma_]
    return not (definite and any(_owned(head, sides_only=True) for head in earlier))


def _owned(weapon: Token, sides_only: bool = False) -> bool:
    """A weapon whose modifiers name its side: "Azerbaijani drones", "army helicopters", "Iran's
    missiles"; ``sides_only`` does not take a model's name for a side ("Tomahawk cruise missiles")."""
    return any((c.pos_ == "PROPN" or c.ent_type_) and (not sides_only or c.ent_type_ in ("GPE", "NORP", "ORG"))
               or gazetteer.country_of_demonym(c.text) or noun_type(c) in ("Group", "Organization")
               or c.lower_ in words("nouns", "owner_modifiers") for c in weapon.lefts if c.dep_ in ("compound", "amod", "poss", "nmod"))


def _is_time(token: Token) -> bool:
    """Dates and amounts are never arguments ("fired on August 29")."""
    if token.ent_type_ == "CARDINAL" and prep_objects(token, {"of"}):
        return False  # "dozens of tanks"
    return token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY") or \
        lemma(token) in words("nouns", "time")


def _is_abstract(token: Token) -> bool:
    """Criticism's objects ("the plan") and nature's subjects ("an ice storm struck Quebec") are no sides of an attack."""
    natural = words("nouns", "natural")
    return lemma(token) in words("nouns", "abstract") or lemma(token) in natural or compound_lemma(token) in natural


def _military(sent: Span) -> bool:
    """Whether a sentence speaks of arms, and not of a game: "Okafor struck twice, and Ferrando
    raided the defense" is football."""
    vocab, games = words("relations", "attacked", "military"), words("relations", "attacked", "games")
    found = {lemma(t) for t in sent} | {t.lower_ for t in sent}
    return bool(found & vocab) and not found & games


def _owner(token: Token, depth: int = 0) -> Token:
    """Generic targets stand for their owner: "facilities belonging to Kataeb Hezbollah",
    "facilities at a border post used by militant groups"."""
    if lemma(token) not in words("nouns", "owned_targets") and depth == 0:
        return token
    links = words("nouns", "owner_links")
    if depth == 0:
        places = prep_objects(token, {"at", "in", "near"}) + (prep_objects(token.head, {"at"}) if token.dep_ == "dobj" else [])
        for place in places:
            owner = _owner(place, 1)
            if owner is not place:
                return owner
    for child in token.children:
        if child.dep_ in ("acl", "relcl") or child.dep_ == "prep" and child.lower_ == "of":
            verb = lemma(child)
            for prep in ([child] if child.dep_ == "prep" else kids(child, "prep", "agent")):
                key = verb if child.dep_ == "prep" else f"{verb} {prep.lower_}"
                if key in links:
                    objs = kids(prep, "pobj")
                    if objs:
                        return named(objs[0])
    return token


def _resolve_agent(token: Token, table: MentionTable) -> Token:
    """An attack event or weapon acting as subject stands for whoever used it: "a US air strike
    targeted X" -> the US; "missiles fired by Iran hit X" -> Iran; "Azerbaijan's drones" -> Azerbaijan."""
    mention = table.at(token)
    if mention is None:
        return token
    if mention.type == "Attack":
        return event_attacker(token) or token
    if mention.type == "Artifact":
        poss = kids(token, "poss")
        if poss:
            return poss[0]
        for acl in kids(token, "acl"):
            agent = agent_of(acl)
            if agent is not None:
                return agent
    return token


def extract(doc: Doc, table: MentionTable) -> list[RelationMention]:
    """All relation mentions of a Doc, typed, de-duplicated, with factuality."""
    found: dict[tuple, RelationMention] = {}
    for sent in doc.sents:
        military = None
        for func in PATTERNS:
            for cand in func(sent, table):
                subjects, objects = conjuncts(cand.subject), conjuncts(cand.object)
                if cand.predicate == "locatedIn":
                    subjects, objects = subjects[:1], objects[:1]
                if cand.predicate in ("attacked", "hasTarget"):
                    # "groups, including X and Y": the named members are the targets worth a node
                    objects = [m for o in objects for m in (members(_owner(o)) or [_owner(o)])]
                for subj_tok in subjects:
                    for obj_tok in objects:
                        predicate = cand.predicate
                        if predicate == "attacked":
                            subj_tok = _resolve_agent(subj_tok, table)
                            if (event := table.at(subj_tok)) is not None and event.type == "Attack":
                                predicate = "hasTarget"  # the attacker may be known elsewhere (kg.pipeline)
                            if _is_abstract(subj_tok) or _ownerless_weapon(subj_tok, table):
                                continue
                        if predicate in ("attacked", "hasTarget") and (_is_abstract(obj_tok) or _generic_target(obj_tok)):
                            continue
                        if predicate == "attacked":
                            ambiguous = words("relations", "attacked", "ambiguous")
                            if cand.rule != "attacked_nominal" and (phrase(cand.trigger) in ambiguous or lemma(cand.trigger) in ambiguous):
                                military = _military(sent) if military is None else military
                                if not military:
                                    continue
                        if any(_is_time(t) and not _named_place(table, t) for t in (subj_tok, obj_tok)):
                            continue  # a date, unless NER took a place for one
                        # "an Israeli strike" was carried out by Israel
                        subj = (table.demonym(subj_tok) if subj_tok.dep_ in ("amod", "compound") and predicate != "hasTarget"
                                else None) or table.at(subj_tok)  # "Turkish" inside "a Turkish drone strike" is the event
                        obj = (table.demonym(obj_tok) if cand.rule in DEMONYM_RULES or predicate == "hasAttacker"
                               and obj_tok.dep_ in ("amod", "compound") else None) or table.at(obj_tok)
                        if subj is None or obj is None or subj.index == obj.index:
                            continue
                        if not _types_ok(predicate, subj, obj) or predicate == "locatedIn" and _contradicted(subj, obj):
                            continue
                        status, source = factuality(cand.trigger, table)
                        if predicate == "locatedIn" and subj.type in ("Event", "Attack") and status in ("asserted", "attributed"):
                            # "possible airstrikes in Bosnia": the event itself is not asserted
                            status = local_cue(sent.doc[subj.head]) or status
                        elif predicate == "locatedIn" and (_presupposed(cand.trigger) or _geography(subj, obj, cand.trigger)):
                            status, source = "asserted", None
                        key = (subj.index, predicate, obj.index, sent.start)
                        if key not in found:
                            found[key] = RelationMention(
                                subj.index, predicate, obj.index, (sent.start_char, sent.end_char),
                                cand.trigger.i, cand.rule, cand.confidence, status,
                                source.index if source is not None else None)
    return list(found.values())


def _contradicted(inner: Mention, outer: Mention) -> bool:
    """GeoNames knows better: no sovereign country lies in another place, unless that one is a
    continent or was a union of countries (Latvia in the Soviet Union): not Indonesia in "the
    Malaysian states". The gazetteer only vetoes; it never adds a containment."""
    if inner.kind == "pronoun" or outer.kind == "pronoun":
        return False
    place = gazetteer.lookup(inner.text) or gazetteer.country_of_demonym(inner.text)
    if place is not None and gazetteer.sovereign(place) and outer.kind == "nominal" and outer.type == "Facility":
        return True  # "sworn in as president of Nicaragua in a baseball stadium"
    container = gazetteer.lookup(outer.text) or gazetteer.country_of_demonym(outer.text)
    return place is not None and container is not None and gazetteer.sovereign(place) \
        and not gazetteer.holds_countries(container) and (container.kind == "Country" or bool(container.country))


def _closed(phrase: Token) -> bool:
    """A phrase that punctuation or the sentence's end closes, as an apposition is ("X, the two
    largest cities in Y, in ..."); the closing comma may hang inside the phrase's subtree, and a
    relative clause may follow it ("Harare, capital of Zimbabwe, where ...")."""
    clauses = {t.i for c in phrase.subtree if c.dep_ in ("relcl", "acl") for t in c.subtree}
    doc = phrase.doc
    ends = {phrase.right_edge.i, max(t.i for t in phrase.subtree if t.i not in clauses)}
    return any(doc[end].is_punct or end + 1 >= len(doc) or doc[end + 1].is_punct for end in ends)


def _presupposed(trigger: Token) -> bool:
    """A place described inside a noun phrase ("training at the center in Huntsville", "Boise,
    Idaho", "Iraq's Anbar province") is presupposed: the clause's modal, negation or speaker
    ("will train", "did not visit", "X said") does not touch where the place is. Only a locative
    that is itself the predicate ("Sinjar is not in Iraq") takes the clause's factuality."""
    doc = trigger.doc
    if trigger.dep_ == "prep" and trigger.i > 1 and doc[trigger.i - 1].text == "," and doc[trigger.i - 2].pos_ == "PROPN":
        return True  # "a plant it would build in Villa Ercilia, in the province of Santa Fe": a place set off and described
    anchor = trigger.head if trigger.dep_ == "prep" else trigger
    return anchor.pos_ in ("NOUN", "PROPN", "PUNCT") and anchor.dep_ not in ("attr", "acomp", "ROOT")


def _geography(inner: Mention, outer: Mention, trigger: Token) -> bool:
    """Where one named place or facility lies is no part of what a clause asserts about something
    else: "the palace seems to float on Lake Pichola in Udaipur", "troops will not enter Tuzla in
    Bosnia" and "will move its wing to Plattsburgh Air Force Base in New York" leave them where
    they are. Only a clause whose predicate is the position ("Sinjar is not in Iraq", "Tuzla may
    lie in Bosnia") takes its own factuality."""
    places = ("Location", "City", "Region", "Country")
    if not (inner.kind == "name" and inner.type in (*places, "Facility") and outer.kind == "name" and outer.type in places):
        return False  # a named facility stands where it stands; "a plant it would build in X" may never
    verb = trigger.head if trigger.dep_ in ("prep", "attr") else trigger  # "Quebec would no longer be part of Canada"
    return lemma(verb) not in words("relations", "locatedIn", "position_verbs")


def _types_ok(predicate: str, subj: Mention, obj: Mention) -> bool:
    if subj.kind == "pronoun" and predicate in ("locatedIn", "spokespersonFor") and obj.kind == "pronoun":
        return False
    subj_type = "Entity" if subj.kind == "pronoun" else subj.type
    obj_type = "Entity" if obj.kind == "pronoun" else obj.type
    if predicate == "locatedIn":
        if obj.kind == "nominal" and obj.type not in ("Location", "Facility"):
            return False
        if any(m.kind == "nominal" and m.attrs.get("plural") and (m.type == "Location" and not m.attrs.get("proper")
                                                                  or m.attrs.get("lemma") in words("nouns", "owned_targets"))
               for m in (subj, obj)):
            return False  # "civilian areas", "targets in Yemen" are no one place; "training camps in Afghanistan", "the Kessal hills" are
        if subj.kind == "nominal" and subj.type == "Organization":
            return False
    if predicate == "spokespersonFor" and subj.kind == "nominal":
        return False
    if predicate == "spokespersonFor" and obj.kind == "pronoun":
        return subj.type == "Person"  # "their spokesman, X": kg.pipeline checks the antecedent's class
    if predicate == "authorized" and obj.kind == "name" and obj.type not in ("Event", "Attack"):
        return False
    return subj_type in SUBJECT_TYPES[predicate] and obj_type in OBJECT_TYPES[predicate]


if not Doc.has_extension("kg_relations"):
    Doc.set_extension("kg_relations", default=None)


@Language.factory("kg_relations", requires=["doc._.kg_mentions"], assigns=["doc._.kg_relations"])
def make_relations(nlp: Language, name: str):
    """spaCy component: sets ``doc._.kg_relations`` from ``doc._.kg_mentions``."""

    def component(doc: Doc) -> Doc:
        doc._.kg_relations = extract(doc, doc._.kg_mentions)
        return doc

    return component
