"""CoNLL04 (SpERT split): kg's locatedIn against Located_In, and spokespersonFor against Work_For.

Matching is strict on entity text: a predicted relation counts when its subject and object
mentions cover exactly the gold head and tail token spans (CoNLL04's own tokens are kept, so
spans compare one to one), in the gold direction. Micro P/R/F1 over the sentences of a split.
Two settings: end to end (kg's own entities; a relation between parts of one gold entity, such
as "Kinderhook" and "N.Y." inside CoNLL04's single entity "Kinderhook , N.Y.", is a false
positive), and with entity boundaries given, as in Roth & Yih's original task (only predictions
whose two arguments are gold entities count).
Tune on train/dev; report test.  Usage: python bench/conll04.py [--split test|dev|train] [--show N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from spacy.tokens import Doc

from kg.nlp import load_pipeline

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "conll04"
PAIRS = {"locatedIn": "Located_In", "spokespersonFor": "Work_For"}


def name_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The proper-name part of a mention, as CoNLL04 marks entities: kg's "Lazio province" and
    "Rocky Flats plutonium processing plant" are CoNLL04's "Lazio" and "Rocky Flats"."""
    proper = [t.i for t in doc[start:end] if t.pos_ == "PROPN"]
    if proper and doc[end - 1].pos_ == "NOUN" and proper == list(range(proper[0], proper[-1] + 1)):
        return proper[0], proper[-1] + 1
    return start, end


def predictions(doc: Doc) -> set[tuple[str, tuple[int, int], tuple[int, int]]]:
    """(predicate, subject span, object span) of the asserted or attributed relations of a Doc."""
    table, found = doc._.kg_mentions, set()
    for rel in doc._.kg_relations:
        if rel.predicate in PAIRS and rel.factuality in ("asserted", "attributed"):
            s, o = table.mentions[rel.subject], table.mentions[rel.object]
            found.add((rel.predicate, name_span(doc, s.start, s.end), name_span(doc, o.start, o.end)))
    return found


def gold(record: dict) -> set[tuple[str, tuple[int, int], tuple[int, int]]]:
    ents = record["entities"]
    return {(rel["type"], (ents[rel["head"]]["start"], ents[rel["head"]]["end"]),
             (ents[rel["tail"]]["start"], ents[rel["tail"]]["end"])) for rel in record["relations"]}


def run(split: str, show: int = 0, given_entities: bool = False) -> dict:
    records = json.loads((DATA / f"conll04_{split}.json").read_text(encoding="utf-8"))
    nlp = load_pipeline()
    docs = (Doc(nlp.vocab, words=r["tokens"]) for r in records)
    counts = {p: {"pred": 0, "correct": 0, "gold": 0} for p in PAIRS}
    errors = []
    started = time.perf_counter()
    for record, doc in zip(records, nlp.pipe(docs, batch_size=64)):
        truth, guess = gold(record), predictions(doc)
        if given_entities:  # Roth & Yih's setting: entity boundaries are given, relations are not
            spans = {(e["start"], e["end"]) for e in record["entities"]}
            guess = {(p, s, o) for p, s, o in guess if s in spans and o in spans}
        for predicate, label in PAIRS.items():
            want = {(s, o) for t, s, o in truth if t == label}
            got = {(s, o) for p, s, o in guess if p == predicate}
            counts[predicate]["gold"] += len(want)
            counts[predicate]["pred"] += len(got)
            counts[predicate]["correct"] += len(want & got)
            if predicate == "locatedIn" and want != got:
                words = record["tokens"]
                span = lambda a: " ".join(words[a[0]:a[1]])
                errors.append((" ".join(words), [f"{span(s)} < {span(o)}" for s, o in sorted(want - got)],
                               [f"{span(s)} < {span(o)}" for s, o in sorted(got - want)]))
    elapsed = time.perf_counter() - started
    for sentence, missed, wrong in errors[:show]:
        print(f"\n{sentence}\n  missed: {missed}\n  wrong:  {wrong}")
    report = {"split": split, "sentences": len(records), "seconds": round(elapsed, 1)}
    for predicate, c in counts.items():
        p = c["correct"] / c["pred"] if c["pred"] else 0.0
        r = c["correct"] / c["gold"] if c["gold"] else 0.0
        report[predicate] = {**c, "precision": round(p, 3), "recall": round(r, 3),
                             "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=("train", "dev", "test"))
    parser.add_argument("--show", type=int, default=0, help="print this many sentences with locatedIn errors")
    args = parser.parse_args()
    for given, setting in ((False, "end to end (kg finds the entities)"),
                           (True, "entity boundaries given (Roth & Yih 2004)")):
        report = run(args.split, args.show if not given else 0, given)
        located, spokes = report["locatedIn"], report["spokespersonFor"]
        print(f"CoNLL04 {args.split}, {setting}: {report['sentences']} sentences in {report['seconds']} s")
        print(f"  locatedIn vs Located_In   P {located['precision']:.3f}  R {located['recall']:.3f}  "
              f"F1 {located['f1']:.3f}  ({located['correct']}/{located['pred']} predicted, {located['gold']} gold)")
        print(f"  spokespersonFor vs Work_For precision {spokes['precision']:.3f} ({spokes['correct']}/{spokes['pred']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
