"""The command line as a user drives it: outputs, summaries, and one clear line for every user error."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED_GOLD, SEEDS

OUTPUTS = {"graph.ttl", "graph.nt", "graph.jsonld", "graph.html", "graph.graphml", "graph.json"}


def kg(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=300)


def test_build_writes_every_output_and_a_summary(tmp_path):
    out = tmp_path / "out"
    result = kg("build", SEEDS, "--out", out)
    assert result.returncode == 0, result.stderr
    assert {p.name for p in out.iterdir()} == OUTPUTS
    assert "documents: 2" in result.stdout and "authorized" in result.stdout and "graph.html" in result.stdout


def test_same_input_gives_identical_files(seed_out, tmp_path):
    again = tmp_path / "again"
    assert kg("build", SEEDS, "--out", again).returncode == 0
    for name in OUTPUTS:
        assert (again / name).read_bytes() == (seed_out / name).read_bytes(), name


def test_append_keeps_published_iris(tmp_path):
    first, second = sorted(SEEDS.glob("*.txt"))
    out = tmp_path / "out"
    assert kg("build", first, "--out", out).returncode == 0
    before = {n["id"] for n in json.loads((out / "graph.json").read_text())["nodes"]}
    result = kg("build", second, "--out", out, "--append")
    assert result.returncode == 0, result.stderr
    after = json.loads((out / "graph.json").read_text())
    assert before <= {n["id"] for n in after["nodes"]}
    assert len(after["graph"]["documents"]) == 2
    again = kg("build", second, "--out", out, "--append")
    assert again.returncode == 1 and "already in the build" in again.stderr


def test_query_prints_a_table(seed_out):
    result = kg("query", seed_out / "graph.ttl",
                "PREFIX kg: <https://w3id.org/kg-news/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                "SELECT ?who WHERE { ?s kg:authorized ?o . ?s rdfs:label ?who }")
    assert result.returncode == 0, result.stderr
    assert "Joe Biden" in result.stdout


def test_eval_reports_scores():
    result = kg("eval", SEED_GOLD, SEEDS)
    assert result.returncode == 0, result.stderr
    assert "overall" in result.stdout and "missed (0)" in result.stdout


def _bad_inputs(tmp: Path) -> dict:
    (tmp / "empty.txt").write_text("   \n")
    (tmp / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp / "latin1.txt").write_bytes("caf\xe9 bomb\xe9".encode("latin-1"))
    (tmp / "emptydir").mkdir()
    (tmp / "bad.jsonl").write_text('{"text": "ok"}\nnot json\n')
    (tmp / "notext.jsonl").write_text('{"title": "no text"}\n')
    (tmp / "image.png").write_bytes(b"\x89PNG")
    return {"missing": tmp / "nope.txt", "empty": tmp / "empty.txt", "binary": tmp / "binary.txt",
            "not UTF-8": tmp / "latin1.txt", "empty folder": tmp / "emptydir", "bad jsonl": tmp / "bad.jsonl",
            "jsonl without text": tmp / "notext.jsonl", "unsupported": tmp / "image.png"}


@pytest.mark.parametrize("case", ["missing", "empty", "binary", "not UTF-8", "empty folder", "bad jsonl",
                                  "jsonl without text", "unsupported"])
def test_bad_input_is_one_line_and_writes_nothing(tmp_path, case):
    bad = _bad_inputs(tmp_path)[case]
    out = tmp_path / "out"
    result = kg("build", bad, "--out", out)
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("kg: error:"), result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_unknown_model_is_one_line(tmp_path):
    result = kg("build", SEEDS, "--out", tmp_path / "out", "--model", "en_no_such_model")
    assert result.returncode == 1 and "unknown spaCy model" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("content, message", [("{not json", "not valid JSON"), ('{"x": 1}', "triples"),
                                              ('{"triples": [{"doc": "d", "p": "attacked", "s": []}]}', "non-empty")])
def test_malformed_gold_is_one_line(tmp_path, content, message):
    gold = tmp_path / "gold.json"
    gold.write_text(content)
    result = kg("eval", gold, SEEDS)
    assert result.returncode == 1 and message in result.stderr and "Traceback" not in result.stderr


def test_missing_graph_for_query_is_one_line(tmp_path):
    result = kg("query", tmp_path / "none.ttl", "SELECT * WHERE { ?s ?p ?o }")
    assert result.returncode == 1 and "Traceback" not in result.stderr and result.stderr.count("\n") == 1
