"""The dev set: measured every run, with a floor so a regression shows (issue 3's bar)."""

from kg.evaluate import evaluate, load_gold

from conftest import DEV_GOLD


def test_dev_scores(dev_graph):
    report = evaluate(dev_graph, load_gold(DEV_GOLD))
    print(report.format())
    assert report.forbidden == []
    assert report.scores["overall"].f1 >= 0.85
    for relation in report.relations:
        assert report.scores[relation].f1 >= 0.75, relation
