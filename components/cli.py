"""`python -m components validate|stats|schema|generate`: the map from the command line; no Streamlit.

Problems go to stderr, one per line as file:line:col: message, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import yaml

from . import load, schema, stats
from .errors import MapError
from .files import write_atomic
from .generate import generated_map

DEFAULT_MAP = "concepts.yaml"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m components", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("validate", "check a map; print a one-line summary or every problem"),
        ("stats", "counts, most connected concepts and references by year"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("path", nargs="?", default=DEFAULT_MAP, help=f"map file (default: {DEFAULT_MAP})")
    commands.add_parser("schema", help="print the JSON Schema of map files")
    generating = commands.add_parser("generate", help="write a generated map of N concepts, for benchmarks")
    generating.add_argument("concepts", type=int, help="how many concepts")
    generating.add_argument("-o", "--output", required=True, help="the YAML file to write")
    generating.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    if args.command == "schema":
        sys.stdout.write(schema.to_json())
        return 0
    if args.command == "generate":
        data = generated_map(args.concepts, seed=args.seed)
        write_atomic(args.output, yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
        print(f"{args.output}: {len(data['concepts']):,} concepts, {len(data['relations']):,} relations")
        return 0
    try:
        concept_map = load.load_concepts(args.path)
    except MapError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{args.path}: {error.counted}", file=sys.stderr)
        return 1
    numbers = stats.compute(concept_map)
    if args.command == "validate":
        print(f"{args.path}: valid: {stats.summary_line(numbers)}")
    else:
        print(_stats_report(args.path, numbers))
    return 0


def _stats_report(path: str, numbers: stats.Stats) -> str:
    lines = [f"{path}: {stats.summary_line(numbers)}", "", "Concepts by kind:"]
    lines += [f"  {kind:<12} {count:>4}" for kind, count in numbers.concepts_by_kind.items()]
    lines += ["", "Relations by type:"]
    lines += [f"  {kind:<17} {count:>4}" for kind, count in numbers.relations_by_type.items()]
    lines += ["", "Most connected concepts:"]
    lines += [f"  {degree:>4}  {label} ({node})" for node, label, degree in numbers.most_connected]
    lines += ["", "References by year:"]
    lines += [f"  {year}  {'#' * count} {count}" for year, count in numbers.references_by_year.items()]
    if numbers.unused_references:
        lines += ["", f"References cited by nothing in the map: {', '.join(numbers.unused_references)}"]
    return "\n".join(lines)
