"""Score a graph against gold triples with the rule of shared/dev/README.md.

A predicted (subject, relation, object) of document d matches a gold triple of d when the
relations are equal and some surface form of the predicted subject and of the predicted object
equal, after normalization, one of the gold ``s`` and ``o`` strings. Precision counts predictions
that match a required or optional triple; recall counts required triples matched.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.graph import FACTS, KnowledgeGraph

PARTS = ("triples", "optional", "forbidden")


def norm(text: str) -> str:
    """lowercase, collapse whitespace, drop a leading "the " and a trailing "'s"."""
    text = re.sub(r"\s+", " ", text.strip().lower())
    text = re.sub(r"^the ", "", text)
    return re.sub(r"('s|’s)$", "", text).strip()


@dataclass
class Score:
    predicted: int = 0
    correct: int = 0
    required: int = 0
    found: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    relations: list[str]
    scores: dict[str, Score]
    missed: list[dict] = field(default_factory=list)
    wrong: list[dict] = field(default_factory=list)
    forbidden: list[dict] = field(default_factory=list)

    def format(self) -> str:
        lines = [f"{'relation':16} {'P':>6} {'R':>6} {'F1':>6} {'pred':>5} {'gold':>5}"]
        for name in [*self.relations, "overall"]:
            s = self.scores[name]
            lines.append(f"{name:16} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.predicted:5d} {s.required:5d}")
        for title, rows in (("missed", self.missed), ("wrong", self.wrong), ("forbidden produced", self.forbidden)):
            lines.append(f"\n{title} ({len(rows)}):")
            lines += [f"  {r['doc']}: {r['s']} {r['p']} {r['o']}" + (f"   [{r['note']}]" if r.get("note") else "")
                      for r in rows]
        return "\n".join(lines)


def load_gold(path: Path) -> dict:
    """Read and check a gold file; a malformed one is a user error, not a crash."""
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KgError(f"no such gold file: {path}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise KgError(f"gold file is not valid JSON: {path} ({err})") from None
    if not isinstance(gold, dict) or not isinstance(gold.get("triples"), list):
        raise KgError(f"gold file needs a \"triples\" list: {path}")
    for part in PARTS:
        for i, t in enumerate(gold.get(part, [])):
            if not (isinstance(t, dict) and isinstance(t.get("doc"), str) and isinstance(t.get("p"), str)
                    and all(isinstance(t.get(k), list) and t[k] and all(isinstance(x, str) for x in t[k]) for k in ("s", "o"))):
                raise KgError(f"gold file {path}: {part}[{i}] needs doc, p and non-empty s and o string lists")
    gold.setdefault("relations", sorted({t["p"] for t in gold["triples"]}))
    return gold


def _matches(names_s: set[str], names_o: set[str], gold: dict) -> bool:
    return bool(names_s & {norm(x) for x in gold["s"]}) and bool(names_o & {norm(x) for x in gold["o"]})


def evaluate(kg: KnowledgeGraph, gold: dict) -> Report:
    """Per-relation and overall precision, recall and F1, with missed, wrong and forbidden triples."""
    relations = list(gold["relations"])
    scores = {name: Score() for name in [*relations, "overall"]}
    predicted = {(d["doc"], s, p, o) for s, p, o, d in kg.triples(relations, FACTS)}
    docs = {t["doc"] for part in PARTS for t in gold.get(part, [])}
    names = {n: {norm(x) for x in kg.names(n)} for n in kg.graph}
    by_doc: dict[tuple[str, str], list[dict]] = {}
    for part in PARTS:
        for t in gold.get(part, []):
            by_doc.setdefault((t["doc"], t["p"]), []).append({**t, "part": part})
    report = Report(relations, scores)
    found: set[int] = set()
    for doc, s, p, o in sorted(predicted):
        if doc not in docs:
            continue
        candidates = [g for g in by_doc.get((doc, p), []) if _matches(names[s], names[o], g)]
        good = [g for g in candidates if g["part"] != "forbidden"]
        for name in (p, "overall"):
            scores[name].predicted += 1
            scores[name].correct += bool(good)
        found |= {id(g) for g in good if g["part"] == "triples"}
        if not good:
            row = {"doc": doc, "s": kg.label(s), "p": p, "o": kg.label(o)}
            report.wrong.append(row)
            if candidates:
                report.forbidden.append({**row, "note": candidates[0].get("note", "")})
    for (doc, p), gold_rows in sorted(by_doc.items()):
        for g in gold_rows:
            if g["part"] != "triples":
                continue
            for name in (p, "overall"):
                scores.setdefault(name, Score()).required += 1
                scores[name].found += id(g) in found
            if id(g) not in found:
                report.missed.append({"doc": doc, "s": g["s"][0], "p": p, "o": g["o"][0], "note": g.get("note", "")})
    return report
