"""Measured every run, with floors so a regression shows: the shared dev set (issue 3's bar),
bench/challenge to bench/challenge5 and bench/located_probes, sets written for kg by helpers that had
not read the extractor."""

import sys

from kg import build
from kg.evaluate import evaluate, load_gold

from conftest import DEV_GOLD, ROOT

CHALLENGE = ROOT / "bench" / "challenge"
CHALLENGE2 = ROOT / "bench" / "challenge2"
CHALLENGE3 = ROOT / "bench" / "challenge3"
CHALLENGE4 = ROOT / "bench" / "challenge4"
CHALLENGE5 = ROOT / "bench" / "challenge5"


def test_dev_scores(dev_graph):
    report = evaluate(dev_graph, load_gold(DEV_GOLD))
    print(report.format())
    assert report.forbidden == []
    assert report.scores["overall"].f1 >= 0.85
    for relation in report.relations:
        assert report.scores[relation].f1 >= 0.75, relation


def test_challenge_scores():
    report = evaluate(build([CHALLENGE / "docs"]), load_gold(CHALLENGE / "gold.json"))
    print(report.format())
    assert report.scores["overall"].f1 >= 0.92
    assert len(report.forbidden) <= 1


def test_second_challenge_scores():
    """Scored F1 0.725 on arrival; the floor keeps what was gained since."""
    report = evaluate(build([CHALLENGE2 / "docs"]), load_gold(CHALLENGE2 / "gold.json"))
    print(report.format())
    assert report.scores["overall"].f1 >= 0.86
    assert report.forbidden == []


def test_third_challenge_scores():
    """Scored F1 0.801 on arrival; the floor keeps what was gained since."""
    report = evaluate(build([CHALLENGE3 / "docs"]), load_gold(CHALLENGE3 / "gold.json"))
    print(report.format())
    assert report.scores["overall"].f1 >= 0.88
    assert report.forbidden == []


def test_fourth_challenge_scores():
    """Scored F1 0.674 on arrival; the floor keeps what was gained since."""
    report = evaluate(build([CHALLENGE4 / "docs"]), load_gold(CHALLENGE4 / "gold.json"))
    print(report.format())
    assert report.scores["overall"].f1 >= 0.79
    assert report.forbidden == []


def test_fifth_challenge_scores():
    """Scored F1 0.811 on arrival (0.807 for session 5's starting code); the floor keeps what was gained since."""
    report = evaluate(build([CHALLENGE5 / "docs"]), load_gold(CHALLENGE5 / "gold.json"))
    print(report.format())
    assert report.scores["overall"].f1 >= 0.83
    assert len(report.forbidden) <= 2


def test_located_probe_scores():
    """Wire-copy probes with the entities given: sets 1-3 scored 0.860-0.877 at session 4's start
    and were used since; set4, harder by design, arrived blind at 0.826 and was not. Sets 5-8,
    realistic AP and foreign-desk copy, arrived blind at 0.900, 0.786, 0.907 and 0.867 in session 5;
    set9, mixed, arrived at 0.893 and was never read."""
    sys.path.insert(0, str(ROOT / "bench"))
    from located_probes import PROBES, score

    floors = {"set1.txt": 0.92, "set2.txt": 0.92, "set3.txt": 0.92, "set4.txt": 0.81,
              "set5.txt": 0.91, "set6.txt": 0.83, "set7.txt": 0.92, "set8.txt": 0.89, "set9.txt": 0.87}
    for path in sorted(PROBES.glob("*.txt")):
        report = score(path)
        assert report["f1"] >= floors[path.name], (path.name, report)
