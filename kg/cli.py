"""The kg command line: each command parses its arguments and calls one library function."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.errors import KgError
from kg.nlp import DEFAULT_MODEL


def _summary(kg, written: list[Path]) -> str:
    info = kg.summary()
    lines = [f"documents: {info['documents']}",
             "entities:  " + (", ".join(f"{k} {v}" for k, v in info["entities"].items()) or "none"),
             "relations: " + (", ".join(f"{k} {v}" for k, v in info["relations"].items()) or "none")]
    if info["claims"]:
        lines.append("claims (not facts): " + ", ".join(f"{k} {v}" for k, v in info["claims"].items()))
    lines.append("wrote:     " + " ".join(str(p) for p in written))
    return "\n".join(lines)


def cmd_build(args: argparse.Namespace) -> int:
    from kg.pipeline import build, build_append

    kg = build_append(args.inputs, args.out, model=args.model) if args.append else build(args.inputs, model=args.model)
    print(_summary(kg, kg.write(args.out)))
    return 0


def _sparql_text(text: str) -> str:
    """A query string, a .rq file, or the name of an example query (authorized, attacked, ...)."""
    from kg import sparql

    example = getattr(sparql, text.upper(), None) if text.upper() in sparql.EXAMPLES else None
    if example:
        return example
    path = Path(text)
    if len(text) < 4096 and path.suffix in (".rq", ".sparql") and path.is_file():
        return path.read_text(encoding="utf-8")
    return text


def cmd_query(args: argparse.Namespace) -> int:
    from kg.sparql import format_table, query

    if args.endpoint:
        if len(args.args) != 1:
            raise KgError("usage: kg query --endpoint URL SPARQL")
        variables, rows = query(_sparql_text(args.args[0]), endpoint=args.endpoint)
    else:
        if len(args.args) != 2:
            raise KgError("usage: kg query GRAPH.ttl SPARQL (a query string or a .rq file)")
        variables, rows = query(_sparql_text(args.args[1]), graph_file=Path(args.args[0]))
    print(format_table(variables, rows))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from kg.evaluate import evaluate, load_gold
    from kg.pipeline import build

    gold = load_gold(Path(args.gold))
    print(evaluate(build(args.inputs, model=args.model), gold).format())
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from kg.validate import validate

    conforms, report = validate(Path(args.graph))
    print(report)
    return 0 if conforms else 1


def cmd_push(args: argparse.Namespace) -> int:
    from kg.sparql import push

    print(push(Path(args.graph), args.endpoint, args.graph_iri))
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="kg", description="Build a knowledge graph from English news articles.")
    sub = top.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", help="build the graph from files and folders into DIR",
                       description="Example: kg build seeds/ --out out/")
    p.add_argument("inputs", nargs="+", help=".txt, .md or .jsonl files, or folders of them")
    p.add_argument("--out", required=True, help="output folder (created if missing)")
    p.add_argument("--model", default=DEFAULT_MODEL, help=f"installed spaCy pipeline (default {DEFAULT_MODEL})")
    p.add_argument("--append", action="store_true", help="add the inputs to the build already in --out, keeping its IRIs")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("query", help="run SPARQL on a build's graph.ttl or on an endpoint",
                       description="Examples: kg query out/graph.ttl authorized   kg query out/graph.ttl q.rq   "
                                   "kg query --endpoint http://127.0.0.1:7878/query attacked. Example queries: "
                                   "authorized, attacked, spokespersons, evidence. The kg, rdf, rdfs, skos, prov "
                                   "and owl prefixes are predeclared.")
    p.add_argument("args", nargs="+", metavar="GRAPH_OR_SPARQL")
    p.add_argument("--endpoint", help="SPARQL 1.1 query endpoint URL instead of a local file")
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("eval", help="build from INPUT and score it against a gold file",
                       description="Example: kg eval ../shared/dev/gold.json ../shared/dev/docs")
    p.add_argument("gold")
    p.add_argument("inputs", nargs="+")
    p.add_argument("--model", default=DEFAULT_MODEL)
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("validate", help="check a graph against the SHACL shapes",
                       description="Example: kg validate out/graph.ttl")
    p.add_argument("graph")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("push", help="load a build into a SPARQL Graph Store endpoint (one named graph)",
                       description="Example: kg push out/graph.ttl --endpoint http://127.0.0.1:7878/store")
    p.add_argument("graph")
    p.add_argument("--endpoint", required=True, help="Graph Store Protocol URL, e.g. http://HOST:7878/store")
    p.add_argument("--graph-iri", help="named graph IRI (default: derived from the file's contents)")
    p.set_defaults(func=cmd_push)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KgError as err:
        print(f"kg: error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
