"""The scoring rule of shared/dev/README.md on a hand-made graph."""

from kg.evaluate import evaluate, norm
from kg.graph import KnowledgeGraph


def graph() -> KnowledgeGraph:
    kg = KnowledgeGraph()
    a = kg.add_entity("Person", "Ana Silva", aliases=["Silva", "Governor Ana Silva"], docs=["d1"])
    raid = kg.add_entity("Attack", "d1 raid", label="the raid", docs=["d1"])
    town = kg.add_entity("City", "Marivel", docs=["d1"])
    land = kg.add_entity("Country", "Norland", docs=["d1"])
    ev = dict(doc="d1", sentence="x", start=0, end=1, confidence=0.9)
    kg.add_relation(a, "authorized", raid, **ev)
    kg.add_relation(town, "locatedIn", land, **ev)
    kg.add_relation(land, "locatedIn", town, doc="d1", sentence="y", start=5, end=6, confidence=0.5)
    kg.add_relation(land, "attacked", town, doc="d1", sentence="z", start=9, end=10, confidence=0.5, factuality="hedged")
    return kg


GOLD = {"relations": ["authorized", "attacked", "locatedIn", "spokespersonFor"],
        "triples": [{"doc": "d1", "s": ["Silva"], "p": "authorized", "o": ["raid"]},
                    {"doc": "d1", "s": ["Marivel"], "p": "locatedIn", "o": ["Norland"]},
                    {"doc": "d1", "s": ["Norland"], "p": "attacked", "o": ["Marivel"]}],
        "optional": [], "forbidden": [{"doc": "d1", "s": ["Norland"], "p": "locatedIn", "o": ["Marivel"]}]}


def test_normalization():
    assert norm("  The  Raid's ") == "raid"


def test_scores_and_lists():
    report = evaluate(graph(), GOLD)
    overall = report.scores["overall"]
    assert (overall.predicted, overall.correct, overall.required, overall.found) == (3, 2, 3, 2)
    assert [r["p"] for r in report.missed] == ["attacked"]  # hedged claims are not predictions
    assert [(r["s"], r["o"]) for r in report.forbidden] == [("Norland", "Marivel")]
    assert round(overall.f1, 3) == round(2 * (2 / 3) * (2 / 3) / (4 / 3), 3)


def test_optional_counts_for_precision_only():
    gold = dict(GOLD, optional=[{"doc": "d1", "s": ["Norland"], "p": "locatedIn", "o": ["Marivel"]}], forbidden=[])
    overall = evaluate(graph(), gold).scores["overall"]
    assert (overall.correct, overall.found) == (3, 2)
