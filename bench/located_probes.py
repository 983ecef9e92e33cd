"""kg's locatedIn on sentences written to probe it, with the entities given as CoNLL04 gives them.

Each file in bench/located_probes/ holds one sentence per line in CoNLL04's tokenization, every
entity in brackets with its type ("[Loc Bangor] , [Loc Maine]"), then " => " and the pairs the
wording states ("Bangor < Maine", separated by " ; "); lines starting with # are comments. The
sets were written by helpers who never saw kg's code, CoNLL04 or each other's sets; each set's
line in bench/located_probes/README.md says when it arrived and what kg scored on it then. Pairs compare as in
bench/conll04.py with entities given (strict spans, the graph's transitive entailments count),
except that every given entity counts, whatever its type.

Usage: python bench/located_probes.py [--show N] [file ...]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conll04 import kg_relations, parsed  # noqa: E402

PROBES = Path(__file__).resolve().parent / "located_probes"


def parse(line: str) -> tuple[list[str], list[tuple[int, int, str]], set[tuple[str, str]]]:
    """Tokens, entities (start, end, type) and the wanted (inner, outer) pairs of a probe line."""
    sentence, _, wanted = line.partition(" => ")
    tokens: list[str] = []
    entities, open_at = [], None
    for word in sentence.split():
        if word.startswith("[") and open_at is None:
            open_at = (word[1:], len(tokens))
        elif word.endswith("]") and open_at is not None:
            tokens.append(word[:-1])
            entities.append((open_at[1], len(tokens), open_at[0]))
            open_at = None
        else:
            tokens.append(word)
    pairs = {tuple(p.strip() for p in pair.split(" < ")) for pair in wanted.split(";") if "<" in pair}
    return tokens, entities, pairs


def score(path: Path, show: int = 0) -> dict:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    probes = [parse(line) for line in lines]
    records = [{"tokens": tokens, "entities": [{"start": s, "end": e, "type": t} for s, e, t in entities]}
               for tokens, entities, _ in probes]
    counts = {"gold": 0, "pred": 0, "correct": 0}
    for (tokens, _, want), record, doc in zip(probes, records, parsed(records, given_entities=True)):
        got = {(" ".join(tokens[s[0]:s[1]]), " ".join(tokens[o[0]:o[1]])) for p, s, o in kg_relations(record, doc, True)
               if p == "locatedIn"}
        counts["gold"] += len(want)
        counts["pred"] += len(got)
        counts["correct"] += len(want & got)
        if want != got and show > 0:
            show -= 1
            print(f"{' '.join(tokens)}\n  missed: {sorted(want - got)}\n  wrong:  {sorted(got - want)}")
    p = counts["correct"] / counts["pred"] if counts["pred"] else 0.0
    r = counts["correct"] / counts["gold"] if counts["gold"] else 0.0
    return {**counts, "sentences": len(lines), "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--show", type=int, default=0, help="print this many sentences with errors")
    args = parser.parse_args()
    for path in args.files or sorted(PROBES.glob("*.txt")):
        report = score(path, args.show)
        print(f"{path.name}: {report['sentences']} sentences  P {report['precision']:.3f}  R {report['recall']:.3f}  "
              f"F1 {report['f1']:.3f}  ({report['correct']}/{report['pred']} predicted, {report['gold']} wanted)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
