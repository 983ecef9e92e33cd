"""The README's example queries return the rows it shows, and its commands exist."""

import re

from conftest import ROOT
from readme_blocks import README, blocks, output


def test_query_blocks_match_a_fresh_build(seed_out):
    shown = blocks(README.read_text(encoding="utf-8"))
    assert [name for name, _ in shown] == ["authorized", "attacked", "spokespersons"]
    for name, text in shown:
        assert text == output(seed_out / "graph.ttl", name), name


def test_readme_commands_are_the_makefile_targets():
    readme = README.read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
