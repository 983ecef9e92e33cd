"""CoNLL04 (SpERT split): kg's locatedIn against Located_In, and spokespersonFor against Work_For.

Matching is strict, as SpERT's "with named entity classification": a predicted relation counts
when its subject and object mentions cover exactly the gold head and tail token spans (kg reads
CoNLL04's tokens, with a glued full stop split off as spaCy would, and its spans are mapped back
to CoNLL04's), in the gold direction, and when kg's types of
both arguments are the gold types (kg's Location, City, Country, Region and Facility are Loc; Person
is Peop; Organization and Group are Org). A kg locatedIn whose subject is an Org is CoNLL04's
OrgBased_In ("McGill University locatedIn Montreal"); it is not scored as Located_In, and its
precision against OrgBased_In is printed beside. Micro P/R/F1 over the sentences of a split,
printed twice: matched on token spans, and on entity text (the issue's "strict on entity text"),
where an argument is compared by its text and type, so a relation read from one repeat of a name
in a sentence counts for another.

Two settings:
- end to end: kg's own entities. A relation between parts of one gold entity, such as "Kinderhook"
  and "N.Y." inside CoNLL04's single entity "Kinderhook , N.Y.", is a false positive.
- entities given (Roth & Yih's task): the gold entity spans replace spaCy's NER, labelled GPE,
  PERSON, ORG or MISC after their CoNLL04 type; kg types and relates them as it would NER output.
  A kg Facility takes the given type, since CoNLL04 marks some facilities Loc ("Marshall Space
  Flight Center") and some Org ("McGill University").

Tune on train/dev; report test.  Usage: python bench/conll04.py [--split test|dev|train] [--show N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from spacy.tokens import Doc, Span

from kg import gazetteer
from kg.nlp import COMPONENTS, load_pipeline
from kg.vocabulary import words

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "conll04"
PAIRS = {"locatedIn": "Located_In", "orgBasedIn": "OrgBased_In", "spokespersonFor": "Work_For"}
PREDICATES = {"locatedIn", "spokespersonFor"}
NER_LABEL = {"Loc": "GPE", "Peop": "PERSON", "Org": "ORG", "Other": "MISC"}
CONLL_TYPE = {"Location": "Loc", "City": "Loc", "Country": "Loc", "Region": "Loc", "Facility": "Loc",
              "Person": "Peop", "Organization": "Org", "Group": "Org"}

Relation = tuple[str, tuple[int, int, str], tuple[int, int, str]]


def name_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The proper-name part of a mention, as CoNLL04 marks entities: kg's "Lazio province" and
    "Rocky Flats plutonium processing plant" are CoNLL04's "Lazio" and "Rocky Flats"; but the
    "U.S." of "the U.S. naval base" is its owner, not its name."""
    proper = [t.i for t in doc[start:end] if t.pos_ == "PROPN"]
    if proper and doc[end - 1].pos_ == "NOUN" and proper == list(range(proper[0], proper[-1] + 1)):
        owner = gazetteer.lookup(doc[proper[0]:proper[-1] + 1].text)
        if owner is None or owner.kind != "Country" or doc[end - 1].lemma_.lower() in words("nouns", "place"):
            return proper[0], proper[-1] + 1
    return start, end


def given_part(doc: Doc, span: tuple[int, int], given: dict) -> tuple[int, int] | None:
    """The given entity a kg mention names with a place noun or a bearing more, or an article less:
    kg's "San Diego County" is the given "San Diego", as "northern Lazio province" is "Lazio";
    kg's "Philippines" is the given "the Philippines"."""
    start, end = span
    if start > 0 and doc[start - 1].lower_ == "the" and (start - 1, end) in given:
        return start - 1, end
    while end - start > 1 and doc[start].lower_ in words("relations", "locatedIn", "directions"):
        start += 1  # kg's "northern Gilan province" is the given "Gilan"
        if (start, end) in given:
            return start, end
    while end - start > 1 and doc[end - 1].lemma_.lower() in words("nouns", "place"):
        end -= 1
        if (start, end) in given:
            return start, end
    return None


def predictions(doc: Doc, given: dict[tuple[int, int], str] | None = None) -> set[Relation]:
    """(predicate, subject, object) of the asserted or attributed relations of a Doc, each
    argument as (start, end, CoNLL04 type); a mention that is a ``given`` entity keeps its span,
    and a Facility takes the given type (CoNLL04 marks "Marshall Space Flight Center" Loc and
    "McGill University" Org). A locatedIn from an Org is CoNLL04's OrgBased_In."""
    given = given or {}
    table, found = doc._.kg_mentions, set()
    for rel in doc._.kg_relations:
        if rel.predicate in PREDICATES and rel.factuality in ("asserted", "attributed"):
            args = []
            for mention in (table.mentions[rel.subject], table.mentions[rel.object]):
                while mention.ref is not None:  # the graph's edge is the referent's: "it" is the place named before
                    mention = table.mentions[mention.ref]
                span = (mention.start, mention.end)
                if (span[0], span[1] - 1) in given and doc[span[1] - 1].text == ".":
                    span = (span[0], span[1] - 1)  # kg took the split-off full stop of a given "Mass" along
                elif span not in given:
                    span = given_part(doc, span, given) or name_span(doc, *span)
                type_ = CONLL_TYPE.get(mention.type, "Other")
                args.append((*span, given.get(span, type_) if mention.type == "Facility" else type_))
            predicate = "orgBasedIn" if rel.predicate == "locatedIn" and args[0][2] == "Org" else rel.predicate
            found.add((predicate, *args))
    return closed(found)


def closed(relations: set) -> set:
    """kg:locatedIn is transitive: the graph entails "A in C" from "A in B" and "B in C"."""
    located = {(s, o) for p, s, o in relations if p == "locatedIn"}
    while True:
        more = {(a, c) for a, b in located for b2, c in located if b == b2 and a != c} - located
        if not more:
            return relations | {("locatedIn", a, c) for a, c in located}
        located |= more


def by_text(relations: set, words: list[str]) -> set:
    """The relations with each argument as its text and type: the issue's "strict on entity text".
    A graph has one node for a name however often a sentence repeats it, and CoNLL04's annotators
    pick either repeat ("the Center at Fernald, Ohio, and the Mound Plant in Ohio" has the Center in
    the second Ohio and the Plant in the first), so which repeat a relation was read from is no error."""
    text = lambda a: (" ".join(words[a[0]:a[1]]), a[2])
    return closed({(p, text(s), text(o)) for p, s, o in relations})


def gold(record: dict) -> set[Relation]:
    ents = record["entities"]
    arg = lambda e: (ents[e]["start"], ents[e]["end"], ents[e]["type"])
    return {(rel["type"], arg(rel["head"]), arg(rel["tail"])) for rel in record["relations"]}


def split_words(tokenizer, tokens: list[str]) -> tuple[list[str], list[int]]:
    """The words kg reads and, for each, the CoNLL04 token it comes from. CoNLL04 glues many a full
    stop to the word before it ("Soviet Armenia.", "six republics."), which spaCy's tokenizer, reading
    the text, splits off unless the word is an abbreviation ("Calif."); kg is fed what spaCy would read.
    A word of four letters or fewer keeps its stop, which may be its own ("Tex.", "Wyo.")."""
    words, origin = [], []
    for k, token in enumerate(tokens):
        pieces = [t.text for t in tokenizer(token)] if len(token) > 5 and token.endswith(".") else [token]
        pieces = pieces if pieces == [token[:-1], "."] else [token]
        words += pieces
        origin += [k] * len(pieces)
    return words, origin


def to_doc(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A CoNLL04 token span in the Doc's words, without a full stop split off its last token."""
    origin = doc.user_data["origin"]
    last = max(j for j, k in enumerate(origin) if k == end - 1)
    if last > 0 and origin[last - 1] == end - 1:
        last -= 1
    return origin.index(start), last + 1


def to_record(doc: Doc, start: int, end: int) -> tuple[int, int]:
    origin = doc.user_data["origin"]
    return origin[start], origin[end - 1] + 1


def parsed(records: list[dict], given_entities: bool) -> list[Doc]:
    """kg's Docs for the sentences; with ``given_entities`` the gold spans replace spaCy's NER."""
    nlp = load_pipeline()
    docs = []
    for record in records:
        words, origin = split_words(nlp.tokenizer, record["tokens"])
        docs.append(Doc(nlp.vocab, words=words))
        docs[-1].user_data["origin"] = origin
    if not given_entities:
        return list(nlp.pipe(docs, batch_size=64))
    with nlp.select_pipes(disable=list(COMPONENTS)):
        docs = list(nlp.pipe(docs, batch_size=64))
    kg_components = [proc for name, proc in nlp.pipeline if name in COMPONENTS]
    for i, (record, doc) in enumerate(zip(records, docs)):
        doc.ents = [Span(doc, *to_doc(doc, e["start"], e["end"]), label=NER_LABEL[e["type"]]) for e in record["entities"]]
        for proc in kg_components:
            doc = proc(doc)
        docs[i] = doc
    return docs


def kg_relations(record: dict, doc: Doc, given_entities: bool) -> set[Relation]:
    """kg's relations in the record's own tokens; with ``given_entities`` only those between them."""
    spans = {(e["start"], e["end"]): e["type"] for e in record["entities"]} if given_entities else {}
    given = {to_doc(doc, *span): type_ for span, type_ in spans.items()}
    relations = {(p, (*to_record(doc, *s[:2]), s[2]), (*to_record(doc, *o[:2]), o[2])) for p, s, o in predictions(doc, given)}
    if given_entities:  # the task relates the given entities only
        relations = {(p, s, o) for p, s, o in relations if s[:2] in spans and o[:2] in spans}
    return relations


MATCHES = ("text", "span")  # the "strict on entity text"; and SpERT's, on token spans


def run(split: str, show: int = 0, given_entities: bool = False) -> dict:
    """Micro P/R/F1 of each pair of PAIRS under each of MATCHES; ``show`` prints text-matched errors."""
    records = json.loads((DATA / f"conll04_{split}.json").read_text(encoding="utf-8"))
    counts = {m: {p: {"pred": 0, "correct": 0, "gold": 0} for p in PAIRS} for m in MATCHES}
    errors = []
    started = time.perf_counter()
    docs = parsed(records, given_entities)
    elapsed = time.perf_counter() - started
    for record, doc in zip(records, docs):
        truth, guess = gold(record), kg_relations(record, doc, given_entities)
        words = record["tokens"]
        for match in MATCHES:
            wanted, found = (by_text(truth, words), by_text(guess, words)) if match == "text" else (truth, guess)
            for predicate, label in PAIRS.items():
                want = {(s, o) for t, s, o in wanted if t == label}
                got = {(s, o) for p, s, o in found if p == predicate}
                counts[match][predicate]["gold"] += len(want)
                counts[match][predicate]["pred"] += len(got)
                counts[match][predicate]["correct"] += len(want & got)
                if match == "text" and predicate == "locatedIn" and want != got:
                    shown = lambda pairs: [f"{s[0]}/{s[1]} < {o[0]}/{o[1]}" for s, o in sorted(pairs)]
                    errors.append((" ".join(words), shown(want - got), shown(got - want)))
    for sentence, missed, wrong in errors[:show]:
        print(f"\n{sentence}\n  missed: {missed}\n  wrong:  {wrong}")
    report = {"split": split, "sentences": len(records), "seconds": round(elapsed, 1)}
    for match in MATCHES:
        report[match] = {}
        for predicate, c in counts[match].items():
            p = c["correct"] / c["pred"] if c["pred"] else 0.0
            r = c["correct"] / c["gold"] if c["gold"] else 0.0
            report[match][predicate] = {**c, "precision": round(p, 3), "recall": round(r, 3),
                                        "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=("train", "dev", "test"))
    parser.add_argument("--show", type=int, default=0, help="print this many sentences with locatedIn errors")
    parser.add_argument("--setting", choices=("both", "end-to-end", "given"), default="both")
    args = parser.parse_args()
    settings = [(False, "end to end (kg finds the entities)"), (True, "entities given (Roth & Yih 2004)")]
    for given, setting in settings:
        if args.setting != "both" and given != (args.setting == "given"):
            continue
        report = run(args.split, args.show, given)
        print(f"CoNLL04 {args.split}, {setting}: {report['sentences']} sentences in {report['seconds']} s")
        for match in MATCHES:
            located = report[match]["locatedIn"]
            print(f"  locatedIn vs Located_In, {match:>4} match   P {located['precision']:.3f}  R {located['recall']:.3f}  "
                  f"F1 {located['f1']:.3f}  ({located['correct']}/{located['pred']} predicted, {located['gold']} gold)")
        based, spokes = report["text"]["orgBasedIn"], report["text"]["spokespersonFor"]
        print(f"  locatedIn from an Org vs OrgBased_In precision {based['precision']:.3f} ({based['correct']}/{based['pred']})")
        print(f"  spokespersonFor vs Work_For precision {spokes['precision']:.3f} ({spokes['correct']}/{spokes['pred']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
