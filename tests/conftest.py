"""Shared fixtures: one build of the seeds and one of the dev set per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
DEV_DOCS = SHARED / "dev" / "docs"
DEV_GOLD = SHARED / "dev" / "gold.json"
SEED_GOLD = SHARED / "gold" / "seeds.json"


@pytest.fixture(scope="session")
def seed_graph():
    from kg import build

    return build([SEEDS])


@pytest.fixture(scope="session")
def dev_graph():
    if not DEV_DOCS.exists():
        pytest.skip("../shared/dev is not beside this checkout")
    from kg import build

    return build([DEV_DOCS])


@pytest.fixture(scope="session")
def seed_out(seed_graph, tmp_path_factory) -> Path:
    """The seeds written to a folder, as `kg build seeds --out DIR` would."""
    out = tmp_path_factory.mktemp("seed-out")
    seed_graph.write(out)
    return out


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extract(nlp):
    """Text in, {(subject label, predicate, object label): factuality} out, for pattern tests."""
    from kg.ingest import Document
    from kg.pipeline import analyse, assemble

    def run(text: str, predicates=("authorized", "attacked", "locatedIn", "spokespersonFor")) -> dict:
        kg = assemble([analyse(Document(id="t", text=text), nlp(text))])
        every = ("asserted", "attributed", "negated", "hedged")
        return {(kg.label(s), p, kg.label(o)): d["factuality"] for s, p, o, d in kg.triples(predicates, every)}

    return run
