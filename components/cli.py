"""`python -m components VERB`: every capability of the map from the command line; no Streamlit.

    validate [MAP]            check a map; a one-line summary, or every problem
    stats [MAP]               counts, most connected concepts, references by year, evidence
    path MAP FROM TO          the shortest routes between two concepts, in words, with their references
    compare MAP [--kind K]    the facets side by side: which regions (methods, populations...) each reaches
    quiz MAP [--seed S] [--n N]   a question set drawn from the map, with the answers and their references
    score STUDENT [--against MAP] a student's map (YAML, CmapTools .cxl or GraphML) scored against the
                              expert's: matches, scores, links
    import FILE [-o OUT.yaml] a map drawn in CmapTools (.cxl) or yEd/Gephi (GraphML) as a student's map file
    schema                    the JSON Schema of map files
    generate N -o FILE        a generated map of N concepts, for benchmarks
    brain MAP -o FILE.png|FILE.svg [--view QUERY] [--html FILE.html]   the regions on a glass brain
    new --from FILE -o MAP    a starter map from a bibliography (.bib, .ris, or .txt with one DOI per line)
    edit MAP WHAT ...         change the map file in place, the rest of it byte for byte: add-concept,
                              add-relation, delete-concept ID [--with-relations], delete-relation ID,
                              add-reference --doi DOI | --bibtex FILE (see `edit MAP WHAT --help`)
    export MAP --format F -o OUT [--view QUERY]   the map (or a view of it) as html, graphml, gexf, json,
                              csv, cxl, bibtex, ris, png or svg

A map's problems go to stderr, one per line as file:line:col: message, and the exit status is 1. Text from
a file is printed with its control characters made visible (components/text/terminal.py). An output that is
also an input is refused unless --force; files are written whole (files.write_atomic), with the umask.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

import yaml

from components.analysis import brain, compare, evidence, paths, stats
from components.exchange import export, imports, starter, yaml_edit
from components.exchange.files import overwritten, write_atomic
from components.model import json_schema, load
from components.model.concepts import ConceptMap
from components.model.errors import MapError
from components.model.generate import generated_map
from components.model.vocabulary import EVIDENCE, KINDS, Kind, RelationType, Standing
from components.teaching import quiz, score, student_maps
from components.text.terminal import visible
from components.view import address, scope

DEFAULT_MAP = "concepts.yaml"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m components", description=__doc__.splitlines()[0], formatter_class=argparse.RawTextHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="VERB")
    for name, help_text in (
        ("validate", "check a map; print a one-line summary or every problem"),
        ("stats", "counts, most connected concepts, references by year, evidence"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("map", nargs="?", default=DEFAULT_MAP, help=f"map file (default: {DEFAULT_MAP})")
    routes = commands.add_parser("path", help="the shortest routes between two concepts, in words")
    routes.add_argument("map", help="map file")
    routes.add_argument("start", metavar="FROM", help="a concept id")
    routes.add_argument("end", metavar="TO", help="a concept id")
    routes.add_argument("--alternatives", type=int, default=paths.ALTERNATIVES, help="at most this many routes")
    facets = commands.add_parser("compare", help="the facets side by side")
    facets.add_argument("map", help="map file")
    facets.add_argument("--kind", default="region", choices=[str(kind) for kind in compare.COMPARED])
    asking = commands.add_parser("quiz", help="a question set drawn from the map, with the answers")
    asking.add_argument("map", help="map file")
    asking.add_argument("--seed", type=int, default=1, help="the same seed gives the same questions")
    asking.add_argument("--n", type=int, default=8, help="how many questions")
    scoring = commands.add_parser("score", help="a student's map scored against the expert's")
    scoring.add_argument("student", help="the student's map: YAML (references and notes optional), .cxl or .graphml")
    scoring.add_argument("--against", default=DEFAULT_MAP, help=f"the expert map (default: {DEFAULT_MAP})")
    scoring.add_argument("--report", help="also write the feedback, in Markdown, to this file")
    importing = commands.add_parser("import", help="a CmapTools (.cxl) or GraphML map as a student's map file")
    importing.add_argument("file", help="the .cxl, .graphml (or YAML) file")
    importing.add_argument("-o", "--output", help="the YAML file to write (default: print it)")
    commands.add_parser("schema", help="print the JSON Schema of map files")
    generating = commands.add_parser("generate", help="write a generated map of N concepts, for benchmarks")
    generating.add_argument("concepts", type=int, help="how many concepts")
    generating.add_argument("-o", "--output", required=True, help="the YAML file to write")
    generating.add_argument("--seed", type=int, default=1)
    drawing = commands.add_parser("brain", help="the map's regions on a glass brain, as PNG or SVG")
    drawing.add_argument("map", help="map file")
    drawing.add_argument("-o", "--output", required=True, help="FILE.png or FILE.svg")
    drawing.add_argument("--view", default="", metavar="QUERY", help="light what this view shows ('selected=tpj')")
    drawing.add_argument("--html", help="also write nilearn's interactive 3D view, offline, to this file")
    starting = commands.add_parser("new", help="a starter map from a bibliography (.bib, .ris or DOIs in .txt)")
    starting.add_argument("--from", required=True, dest="source", help="the bibliography file")
    starting.add_argument("-o", "--output", required=True, help="the map file to write")
    _edit_parser(commands.add_parser("edit", help="change a map file in place (the rest of it byte for byte)"))
    exporting = commands.add_parser("export", help="the map, or a view of it, in another tool's format")
    exporting.add_argument("map", help="map file")
    exporting.add_argument("--format", required=True, choices=list(export.FORMATS), dest="format_name")
    exporting.add_argument("-o", "--output", required=True, help="the file to write (CSV: two files beside it)")
    exporting.add_argument("--view", default="", metavar="QUERY",
                           help="a view's address or query, e.g. 'kinds=region&selected=tpj&depth=1'")  # fmt: skip
    for command in (scoring, drawing, starting, exporting):
        command.add_argument("--force", action="store_true", help="write over a file that is also an input")
    importing.add_argument("--force", action="store_true", help="write over a file that exists")
    args = parser.parse_args(argv)

    if args.command == "schema":
        sys.stdout.write(json_schema.to_json())
        return 0
    if args.command == "generate":
        data = generated_map(args.concepts, seed=args.seed)
        write_atomic(args.output, yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
        say(f"{args.output}: {len(data['concepts']):,} concepts, {len(data['relations']):,} relations")
        return 0
    if args.command == "score":
        return _score(args)
    if args.command == "new":
        return _new(args)
    if args.command == "edit":
        return _edit(args)
    if args.command == "import":
        return _import(args)
    try:
        concept_map = load.load_concepts(args.map)
    except MapError as error:
        return _problems(args.map, error)
    verbs: dict[str, Callable[[ConceptMap, argparse.Namespace], int]] = {
        "validate": _validate,
        "stats": _stats,
        "path": _path,
        "compare": _compare,
        "quiz": _quiz,
        "export": _export,
        "brain": _brain,
    }
    return verbs[args.command](concept_map, args)


def _brain(concept_map: ConceptMap, args: argparse.Namespace) -> int:
    kind = Path(args.output).suffix.lower().lstrip(".")
    if kind not in ("png", "svg"):
        say(f"{args.output}: write a .png or an .svg file", file=sys.stderr)
        return 2
    if _overwrites([args.output, args.html], [args.map], args):
        return 1
    view = address.read(concept_map, args.view)
    shown = scope.of(concept_map, view)
    lit = {view.selected} if view.selected else set()
    lit |= set() if shown.whole else set(shown.concepts)
    picture = brain.figure(concept_map, lit, None if shown.whole else shown.concepts, kind)
    missing = brain.unplaced(concept_map)
    if picture is None:
        say(f"{args.map}: no region has MNI coordinates; nothing to draw", file=sys.stderr)
        return 1
    write_atomic(args.output, picture)
    if args.html:
        write_atomic(args.html, brain.view_3d(concept_map, lit) or "")
    drawn = len(brain.placed(concept_map))
    say(f"{args.output}: {drawn} regions" + (f"; without coordinates: {', '.join(missing)}" if missing else ""))
    return 0


def _new(args: argparse.Namespace) -> int:
    if _overwrites([args.output], [args.source], args):
        return 1
    try:
        made = starter.from_file(args.source, load.read_file(args.source, limit=starter.MAX_BYTES))
    except MapError as error:
        return _problems(args.source, error)
    write_atomic(args.output, made.yaml)
    for note in made.notes:
        say(f"{args.source}: {note}", file=sys.stderr)
    data = made.data
    counts = f"{len(data['references'])} references, {len(data['concepts'])} stub concepts"
    say(f"{args.output}: {counts} to rename and link")
    say(f"Edit it in the page: make run EDIT=1 CONCEPTS={args.output}", file=sys.stderr)
    return 0


def _edit_parser(editing: argparse.ArgumentParser) -> None:
    editing.add_argument("map", help="the map file to change")
    what = editing.add_subparsers(dest="what", required=True, metavar="WHAT")
    concept = what.add_parser("add-concept", help="a new concept")
    concept.add_argument("--id", required=True)
    concept.add_argument("--label", required=True)
    concept.add_argument("--kind", required=True, choices=[str(kind) for kind in Kind])
    concept.add_argument("--summary", required=True)
    concept.add_argument("--abbrev")
    concept.add_argument("--alias", action="append", default=[], dest="aliases", help="repeat for each")
    concept.add_argument("--ref", action="append", default=[], dest="refs", help="a reference key; repeat for each")
    concept.add_argument("--mni", help="x,y,z in mm (regions)")
    relation = what.add_parser("add-relation", help="a new relation")
    relation.add_argument("--source", required=True)
    relation.add_argument("--type", required=True, choices=[str(kind) for kind in RelationType])
    relation.add_argument("--target", required=True)
    relation.add_argument("--ref", action="append", required=True, dest="refs", help="a reference key; repeat")
    relation.add_argument("--note", required=True)
    relation.add_argument("--standing", choices=[str(standing) for standing in Standing])
    gone = what.add_parser("delete-concept", help="a concept (refused while relations need it)")
    gone.add_argument("id")
    gone.add_argument("--with-relations", action="store_true", help="delete its relations with it")
    what.add_parser("delete-relation", help="a relation, by SOURCE|TYPE|TARGET").add_argument("id")
    reference = what.add_parser("add-reference", help="a reference from a DOI or a BibTeX entry")
    given = reference.add_mutually_exclusive_group(required=True)
    given.add_argument("--doi")
    given.add_argument("--bibtex", help="a .bib file")


def _edit(args: argparse.Namespace) -> int:
    """One edit to the map file, checked by the loader before it is written (yaml_edit)."""
    try:
        content = load.read_file(args.map)
        text = content.decode("utf-8")
        fields = {key: value for key, value in vars(args).items() if key not in ("command", "map", "what")}
        notes: list[str] = []
        if args.what == "add-concept":
            mni = [float(part) for part in args.mni.split(",")] if args.mni else None
            edited = yaml_edit.add(text, "concepts", {**fields, "mni": mni})
        elif args.what == "add-relation":
            edited = yaml_edit.add(text, "relations", fields)
        elif args.what == "delete-concept":
            edited = yaml_edit.delete_concept(text, args.id, args.with_relations)
        elif args.what == "delete-relation":
            edited = yaml_edit.delete(text, "relations", args.id)
        else:
            data = load.parse(text, args.map)
            source = args.doi or load.read_file(args.bibtex, limit=starter.MAX_BYTES).decode("utf-8", "replace")
            first = max((reference.n for reference in data.references), default=0) + 1
            found, notes = yaml_edit.references_from(source, data.reference_by_key, first)
            for reference in found:
                text = edited = yaml_edit.add(text, "references", reference)
        outcome = yaml_edit.save(args.map, args.map, edited, yaml_edit.digest(content))
    except MapError as error:
        return _problems(args.map, error)
    except (yaml_edit.EditRefused, ValueError) as error:
        say(f"{args.map}: {error}", file=sys.stderr)
        return 1
    if isinstance(outcome, yaml_edit.Conflict):
        say(f"{args.map}: the file changed while it was being edited; nothing written, try again", file=sys.stderr)
        return 1
    for note in notes:
        say(f"{args.map}: {note}", file=sys.stderr)
    say(f"{args.map}: {args.what.replace('-', ' ')}: done")
    return 0


def _import(args: argparse.Namespace) -> int:
    if args.output and not args.force and (Path(args.output).exists() or overwritten([args.output], [args.file])):
        say(f"{args.output}: the file exists; write to another file, or add --force to write over it", file=sys.stderr)
        return 1
    try:
        student = imports.read(load.read_file(args.file, limit=imports.MAX_BYTES), args.file)
    except MapError as error:
        return _problems(args.file, error)
    text = student_maps.to_yaml(student)
    counts = f"{len(student.concepts)} concepts, {len(student.relations)} links"
    if not args.output:
        sys.stdout.write(text)
        say(f"{args.file}: {counts}", file=sys.stderr)
        return 0
    write_atomic(args.output, text)
    say(f"{args.output}: {counts}")
    return 0


def _export(concept_map: ConceptMap, args: argparse.Namespace) -> int:
    shown = scope.of(concept_map, address.read(concept_map, args.view))
    output = Path(args.output)
    stem = output.name.removesuffix(output.suffix) if output.suffix else output.name
    written = export.export(shown.part(concept_map), args.format_name, stem)
    targets = [output if len(written) == 1 else output.with_name(file.name) for file in written]
    if _overwrites(targets, [args.map], args):
        return 1
    for file, target in zip(written, targets, strict=True):
        write_atomic(target, file.data)
        say(f"{target}: {len(file.data):,} bytes")
    size = f"{len(shown.concepts):,} concepts, {len(shown.relations):,} relations"
    part = "the whole map" if shown.whole else f"a view of {size}"
    say(f"{export.FORMATS[args.format_name].label} of {part}", file=sys.stderr)
    return 0


def say(line: object, file: TextIO | None = None) -> None:
    """Print one line, its control characters (from a file's text) made visible."""
    print(visible(str(line)), file=file or sys.stdout)


def _overwrites(outputs: Sequence[str | Path | None], inputs: Sequence[str], args: argparse.Namespace) -> bool:
    """Whether an output is also an input (and, without --force, refused: stderr says what to do)."""
    same = None if args.force else overwritten(outputs, inputs)
    if same is not None:
        output, source = same
        say(f"{output}: this is also an input ({source}); write to another file, or add --force to write over it",
            file=sys.stderr)  # fmt: skip
    return same is not None


def _problems(name: str, error: MapError) -> int:
    for problem in error.problems:
        say(problem, file=sys.stderr)
    say(f"{name}: {error.counted}", file=sys.stderr)
    return 1


def _quiz(concept_map: ConceptMap, args: argparse.Namespace) -> int:
    letters = "ABCD"
    asked = quiz.questions(concept_map, args.seed, args.n)
    say(f"{len(asked)} questions from {args.map} (seed {args.seed})")
    for number, question in enumerate(asked, 1):
        say("")
        say(f"{number}. {question.prompt}")
        for letter, option in zip(letters, question.options, strict=False):
            say(f"   {letter}. {option}")
        sources = "; ".join(citation.short for citation in question.citations)
        say(f"   Answer: {letters[question.answer]}. {question.note} [{sources}]")
    return 0


def _score(args: argparse.Namespace) -> int:
    if _overwrites([args.report], [args.student, args.against], args):
        return 1
    try:
        expert = load.load_concepts(args.against)
    except MapError as error:
        return _problems(args.against, error)
    try:
        student = imports.read(load.read_file(args.student, limit=imports.MAX_BYTES), args.student)
    except MapError as error:
        return _problems(args.student, error)
    result = score.score(student, expert)
    matched = sum(1 for m in result.matches if m.expert)
    say(f"{args.student} against {args.against}: {matched} of {len(result.matches)} concepts matched")
    say(f"Precision {result.precision:.0%}, recall {result.recall:.0%}")
    say(" ".join(score.in_words(result)))
    for m in result.matches:
        say(f"  {m.student.label} -> {m.expert.label if m.expert else '(none)'} [{m.how}]")
    for verdict in score.VERDICTS:
        found = result.of(verdict)
        say(f"\n{score.TITLES[verdict]} ({len(found)}):")
        for link in found:
            mine = score.sentence(student, link.student) if link.student else ""
            theirs = score.sentence(expert, link.expert) if link.expert else ""
            said = {"correct": mine, "missing": theirs, "extra": mine}.get(verdict)
            sources = "; ".join(citation.short for citation in link.citations)
            line = said or f"{mine}. {score.explain(link, student, expert)}"
            say(f"  {line}" + (f" [{sources}]" if sources else ""))
    if args.report:
        write_atomic(args.report, score.report(result, student, expert))
        say("")
        say(f"Feedback written to {args.report}")
    return 0


def _validate(concept_map: ConceptMap, args: argparse.Namespace) -> int:
    say(f"{args.map}: valid: {stats.summary_line(stats.compute(concept_map))}")
    return 0


def _stats(concept_map: ConceptMap, args: argparse.Namespace) -> int:
    numbers = stats.compute(concept_map)
    lines = [f"{args.map}: {stats.summary_line(numbers)}", "", "Concepts by kind:"]
    lines += [f"  {kind:<12} {count:>4}" for kind, count in numbers.concepts_by_kind.items()]
    lines += ["", "Relations by type:"]
    lines += [f"  {kind:<17} {count:>4}" for kind, count in numbers.relations_by_type.items()]
    summary = evidence.summary(concept_map)
    lines += ["", "Relations by standing:"]
    lines += [f"  {standing:<17} {summary.standings[standing]:>4}" for standing in Standing]
    lines += [f"  resting on one reference: {len(summary.single_reference)} findings"]
    lines += ["", "Most connected concepts (relations, betweenness):"]
    lines += [
        f"  {c.degree:>4}  {c.betweenness:.3f}  {c.concept.label} ({c.concept.id})" for c in summary.most_connected
    ]
    lines += ["", "Most cited references (relations and concepts citing them):"]
    lines += [
        f"  {count:>4}  {reference.key} ({EVIDENCE[reference.evidence] if reference.evidence else 'kind not said'})"
        for reference, count in summary.most_cited
    ]
    lines += ["", "References by year:"]
    lines += [f"  {year}  {'#' * count} {count}" for year, count in numbers.references_by_year.items()]
    if numbers.unused_references:
        lines += ["", f"References cited by nothing in the map: {', '.join(numbers.unused_references)}"]
    for line in lines:
        say(line)
    return 0


def _path(concept_map: ConceptMap, args: argparse.Namespace) -> int:
    for given in (args.start, args.end):
        if given not in concept_map.concept_by_id:
            close = difflib.get_close_matches(given, list(concept_map.concept_by_id), n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            say(f"{args.map}: no concept '{given}'{hint}", file=sys.stderr)
            return 1
    by_id = concept_map.concept_by_id
    start, end = by_id[args.start].label, by_id[args.end].label
    routes = paths.between(concept_map, args.start, args.end, args.alternatives)
    if not routes:
        say(f"No route joins {start} and {end} in this map.")
        return 0
    say(f"{start} to {end}: {len(routes)} shortest route{'s' if len(routes) > 1 else ''}")
    for number, route in enumerate(routes, 1):
        say("")
        say(f"Route {number} ({len(route.steps)} step{'s' if len(route.steps) > 1 else ''}):")
        for step in route.steps:
            say(f"  {step.sentence}")
        if route.why_loose:
            say(f"  ({route.why_loose})")
    return 0


def _compare(concept_map: ConceptMap, args: argparse.Namespace) -> int:
    result = compare.matrix(concept_map, Kind(args.kind))
    if not result.facets:
        say("This map has no facets to compare.")
        return 0
    width = max((len(row.label) for row in result.rows), default=10) + 2
    heads = [facet.label for facet in result.facets]
    say(f"{KINDS[result.kind].plural} by facet (references behind each link; * joined to more than one facet)")
    say("".ljust(width) + "".join(head[:18].ljust(20) for head in heads))
    shared = {row.id for row in result.shared()}
    for row in result.rows:
        cells = [result.cells.get((facet.id, row.id)) for facet in result.facets]
        shown = [f"{cell.references} ref{'s' if cell.references != 1 else ''}" if cell else "-" for cell in cells]
        mark = "*" if row.id in shared else " "
        say((mark + row.label).ljust(width) + "".join(text.ljust(20) for text in shown))
    return 0
