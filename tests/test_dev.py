"""Measured every run, with floors so a regression shows: the shared dev set (issue 3's bar),
bench/challenge to bench/challenge5 and bench/located_probes, sets written for kg by helpers that had
not read the extractor."""

import sys

import pytest

from kg import build
from kg.evaluate import evaluate, load_gold

from conftest import DEV_GOLD, ROOT


def test_dev_scores(dev_graph):
    report = evaluate(dev_graph, load_gold(DEV_GOLD))
    print(report.format())
    assert report.forbidden == []
    assert report.scores["overall"].f1 >= 0.85
    for relation in report.relations:
        assert report.scores[relation].f1 >= 0.75, relation


@pytest.mark.parametrize("name, floor, forbidden", [
    ("challenge", 0.92, 1),    # 0.705 on arrival
    ("challenge2", 0.86, 0),   # F1 0.725 on arrival
    ("challenge3", 0.88, 0),   # 0.801 on arrival
    ("challenge4", 0.79, 0),   # 0.674 on arrival
    ("challenge5", 0.83, 2),   # 0.811 on arrival, 0.807 for session 5's starting code
])
def test_challenge_scores(name, floor, forbidden):
    """Each set's floor keeps what was gained since it arrived blind."""
    folder = ROOT / "bench" / name
    report = evaluate(build([folder / "docs"]), load_gold(folder / "gold.json"))
    print(report.format())
    assert report.scores["overall"].f1 >= floor
    assert len(report.forbidden) <= forbidden


def test_located_probe_scores():
    """Wire-copy probes with the entities given: sets 1-3 scored 0.860-0.877 at session 4's start
    and were used since; set4, harder by design, arrived blind at 0.826 and was not. Sets 5-8,
    realistic AP and foreign-desk copy, arrived blind at 0.900, 0.786, 0.907 and 0.867 in session 5;
    set9, mixed, arrived at 0.893 and was never read. Sets 10 and 11, paraphrases of CoNLL04 train
    sentences, arrived at 0.892 and 0.928 in session 6; set12 (dev paraphrases) at 0.909 and set13
    (train containments restated in other constructions) at 0.816; set14, its twin, at 0.847 and
    was never read. Set15 (dev restated) and set16 (a catalog of 83 constructions) arrived at
    0.876 and 0.880 and were used since. Set17 (rarer constructions) arrived at 0.711 and was used;
    set18 (a natural newswire mix) arrived at 0.960 and was never read; set19, its twin, at 0.977."""
    sys.path.insert(0, str(ROOT / "bench"))
    from located_probes import PROBES, score

    floors = {"set1.txt": 0.94, "set2.txt": 0.93, "set3.txt": 0.93, "set4.txt": 0.85,
              "set5.txt": 0.91, "set6.txt": 0.86, "set7.txt": 0.92, "set8.txt": 0.90, "set9.txt": 0.88,
              "set10.txt": 0.91, "set11.txt": 0.93, "set12.txt": 0.91, "set13.txt": 0.90,
              "set14.txt": 0.86, "set15.txt": 0.93, "set16.txt": 0.94, "set17.txt": 0.79, "set18.txt": 0.94,
              "set19.txt": 0.95}
    for path in sorted(PROBES.glob("*.txt")):
        report = score(path)
        assert report["f1"] >= floors[path.name], (path.name, report)


@pytest.mark.parametrize("name", ["challenge", "challenge2", "challenge3", "challenge4", "challenge5"])
def test_challenge_gold_is_valid(name):
    """Every alias of every gold triple occurs in its document, and no forbidden triple is matchable
    as a gold one: bench/validate_gold.py, the check each set's writer ran."""
    import subprocess

    run = subprocess.run([sys.executable, str(ROOT / "bench" / "validate_gold.py"), str(ROOT / "bench" / name)],
                         capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout.strip().endswith("OK"), run.stdout + run.stderr
