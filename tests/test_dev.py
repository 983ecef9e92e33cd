"""Measured every run, with floors so a regression shows: the shared dev set (issue 3's bar) and
bench/challenge, a second set written for kg by someone who had not read the extractor."""

from kg import build
from kg.evaluate import evaluate, load_gold

from conftest import DEV_GOLD, ROOT

CHALLENGE = ROOT / "bench" / "challenge"


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
    assert report.scores["overall"].f1 >= 0.85
    assert len(report.forbidden) <= 1
