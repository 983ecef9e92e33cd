"""The README's query outputs: `python tests/readme_blocks.py out/graph.ttl` rewrites them from a
build; tests/test_readme.py checks them against a fresh build of the seeds."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from kg.sparql import EXAMPLES, format_table, query
import kg.sparql

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"(<!-- kg query out/graph\.ttl (\w+) -->\n```\n)(.*?)(```)", re.S)


def output(graph: Path, name: str) -> str:
    assert name.upper() in EXAMPLES, name
    return format_table(*query(getattr(kg.sparql, name.upper()), graph_file=graph)) + "\n"


def blocks(text: str) -> list[tuple[str, str]]:
    """(query name, shown output) for every query block of the README."""
    return [(m.group(2), m.group(3)) for m in BLOCK.finditer(text)]


def render(text: str, graph: Path) -> str:
    return BLOCK.sub(lambda m: m.group(1) + output(graph, m.group(2)) + m.group(4), text)


if __name__ == "__main__":
    README.write_text(render(README.read_text(encoding="utf-8"), Path(sys.argv[1])), encoding="utf-8")
