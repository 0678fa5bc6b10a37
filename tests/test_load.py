"""load.py: YAML files to a ConceptMap, every problem as file:line:col, and reading that stays safe and bounded."""

from __future__ import annotations

import datetime
import itertools
import os
import re
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from components.model import concepts as model
from components.model import load
from components.model.errors import MapError, Problem

DATA = Path(__file__).parent / "data"
INVALID_FILES = sorted((DATA / "invalid").glob("*.yaml"))
VALID_FILES = sorted((DATA / "valid").glob("*.yaml"))
EXPECT = re.compile(r"# expect: (?P<line>\d+):(?P<col>\d+|\*): (?P<text>.+)")
HEAD = 'meta: {title: T, description: D., source: {citation: C.}, version: "1"}\n'


@dataclass(frozen=True)
class Expected:
    """One `# expect: LINE:COL: text` line of an invalid file (col None: any column)."""

    line: int
    col: int | None
    text: str

    def __str__(self) -> str:
        return f"{self.line}:{self.col or '*'}: {self.text}"


def expectations(path: Path) -> list[Expected]:
    """The `# expect:` lines that open an invalid file."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = EXPECT.fullmatch(line.rstrip())
        if match is None:
            break
        col = None if match["col"] == "*" else int(match["col"])
        found.append(Expected(int(match["line"]), col, match["text"]))
    return found


def matches(problem: Problem, expected: Expected, file: str) -> bool:
    return (
        problem.line == expected.line
        and (expected.col is None or problem.col == expected.col)
        and str(problem).startswith(f"{file}:{expected.line}:")
        and expected.text in str(problem)
    )


def problems_of(path: str | Path) -> list[Problem]:
    with pytest.raises(MapError) as caught:
        load.load_concepts(path)
    return caught.value.problems


def listing(problems: list[Problem]) -> str:
    return "\n".join(f"  {problem}" for problem in problems)


# --- valid files ---------------------------------------------------------------------------------------------


def test_minimal_map_loads(minimal_path):
    concept_map = load.load_concepts(minimal_path)

    assert [c.id for c in concept_map.concepts] == ["empathy", "experience_sharing", "anterior_insula", "pain_task"]
    assert len(concept_map.relations) == 3
    assert [r.key for r in concept_map.references] == ["singer_2004", "decety_2004"]


def test_minimal_map_keeps_region_coordinates(minimal_path):
    insula = load.load_concepts(minimal_path).concept_by_id["anterior_insula"]

    assert insula.mni == (-36.0, 20.0, 2.0)
    assert insula.mni_source


@pytest.mark.parametrize("path", VALID_FILES, ids=lambda path: path.stem)
def test_every_valid_file_loads(path):
    assert load.load_concepts(path).concepts


def test_doi_prefixes_are_stripped_when_loading(valid_dir):
    concept_map = load.load_concepts(valid_dir / "doi_prefix.yaml")

    assert concept_map.reference_by_key["singer_2004"].doi == "10.1126/science.1093535"
    assert concept_map.meta.source.doi == "10.1000/test.2020"


def test_load_concepts_accepts_a_str_path(minimal_path):
    assert load.load_concepts(str(minimal_path)) == load.load_concepts(minimal_path)


def test_parse_reads_bytes_and_text_alike(valid_text):
    assert load.parse(valid_text.encode("utf-8")) == load.parse(valid_text)


def test_utf8_byte_order_mark_is_accepted(valid_text):
    assert load.parse(b"\xef\xbb\xbf" + valid_text.encode("utf-8")) == load.parse(valid_text)


def test_small_anchors_and_aliases_are_allowed(valid_text):
    text = valid_text.replace("refs: [decety_2004]", "refs: &shared [decety_2004]", 1)
    text = text.replace("refs: [decety_2004]", "refs: *shared")

    concept_map = load.parse(text)

    assert concept_map.concept_by_id["experience_sharing"].refs == ("decety_2004",)


# --- one invalid file per rule --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", INVALID_FILES, ids=lambda path: path.stem)
def test_invalid_file_reports_each_expected_problem(path):
    expected = expectations(path)
    assert expected, f"{path.name} must open with '# expect: LINE:COL: <part of the message>'"

    problems = problems_of(str(path))

    for want in expected:
        assert any(matches(problem, want, str(path)) for problem in problems), (
            f"expected '{want}' in {path.name}; got:\n{listing(problems)}"
        )


@pytest.mark.parametrize("path", INVALID_FILES, ids=lambda path: path.stem)
def test_invalid_file_reports_no_other_problem(path):
    problems = problems_of(str(path))

    assert len(problems) == len(expectations(path)), f"{path.name} gave:\n{listing(problems)}"


def test_several_problems_are_all_listed_in_line_order(invalid_dir):
    problems = problems_of(invalid_dir / "several_problems.yaml")

    assert [(p.line, p.path) for p in problems] == [
        (8, ("concepts", 0, "kind")),
        (14, ("concepts", 1, "refs", 0)),
        (16, ("relations", 0)),
    ]


def test_duplicate_yaml_key_is_listed_with_the_model_problems(tmp_path):
    path = tmp_path / "map.yaml"
    path.write_text(
        HEAD + "concepts:\n  - id: a\n    id: b\n    label: A\n    kind: regoin\n    summary: S.\n"
        "  - {id: c, label: C, kind: facet, summary: S.}\n"
    )

    problems = problems_of(path)

    assert [(p.line, p.message.split(" ")[0]) for p in problems] == [(4, "duplicate"), (6, "'regoin'")]


def test_problem_names_the_filename_given_to_parse():
    with pytest.raises(MapError) as caught:
        load.parse(HEAD + "concepts: []\n", "my-map.yaml")

    assert str(caught.value.problems[0]).startswith("my-map.yaml:2:")


def test_invalid_utf8_is_reported_at_its_line_and_column(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(HEAD.encode() + b"concepts:\n  - id: caf\xe9\n")

    [problem] = problems_of(path)

    assert (problem.line, problem.col) == (3, 12)
    assert "invalid UTF-8 (byte 0xe9)" in problem.message
    assert str(problem).startswith(f"{path}:3:12: ")


def test_zero_byte_file_is_reported_as_empty(tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_bytes(b"")

    [problem] = problems_of(path)

    assert str(problem).startswith(f"{path}:1:1: the file is empty")


def test_missing_file_is_reported_with_its_name(tmp_path):
    path = tmp_path / "nowhere.yaml"

    [problem] = problems_of(path)

    assert str(problem).startswith(f"{path}: cannot read the file")


def test_alias_to_an_undefined_anchor_is_reported():
    with pytest.raises(MapError, match=r"alias \*nothing refers to no anchor"):
        load.parse(HEAD + "concepts: *nothing\n")


@pytest.mark.parametrize(
    "value",
    ["!!int abc", "!!bool maybe", '!!int ""', '!!float ""', "!!timestamp soon", "!!int _"],
)
def test_value_its_tag_cannot_read_gives_map_error(value):
    with pytest.raises(MapError) as caught:
        load.parse(f"meta: {value}\nother: 1\n")

    assert caught.value.problems[0].line == 1


# --- resource safety ----------------------------------------------------------------------------------------


def billion_laughs(levels: int = 9, width: int = 9) -> str:
    names = "abcdefghijklmnopqrstuvwxyz"[:levels]
    lines = [f"a: &a [{', '.join(['lol'] * width)}]"]
    lines += [f"{name}: &{name} [{', '.join(['*' + before] * width)}]" for before, name in itertools.pairwise(names)]
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused():
    with pytest.raises(MapError) as caught:
        load.parse(billion_laughs())

    [problem] = caught.value.problems
    assert "alias" in problem.message
    assert problem.line is not None


def test_deep_flow_nesting_is_refused():
    with pytest.raises(MapError) as caught:
        load.parse("[" * 10_000 + "]" * 10_000)

    assert re.search(r"nest|deep", str(caught.value))


def test_deep_block_nesting_is_refused():
    text = "".join(f"{'  ' * level}k{level}:\n" for level in range(100)) + "  " * 100 + "leaf\n"

    with pytest.raises(MapError) as caught:
        load.parse(text)

    assert re.search(r"nest|deep", str(caught.value))


def test_nesting_up_to_the_depth_limit_is_read():
    inner = load.MAX_DEPTH - 1  # the top-level mapping is one level
    document = load.read_yaml("k: " + "[" * inner + "1" + "]" * inner)

    value = document.data["k"]
    for _ in range(inner - 1):
        value = value[0]
    assert value == [1]


def test_nesting_one_past_the_depth_limit_is_refused():
    inner = load.MAX_DEPTH
    with pytest.raises(MapError, match=f"nested more than {load.MAX_DEPTH} levels"):
        load.read_yaml("k: " + "[" * inner + "1" + "]" * inner)


def test_a_file_one_byte_over_the_cap_is_refused_as_over_it(tmp_path):
    path = tmp_path / "big.yaml"
    with path.open("wb") as file:
        file.truncate(load.MAX_BYTES + 1)  # sparse: no disk used

    [problem] = problems_of(path)

    assert "over 16 MiB" in problem.message
    assert "16.0" not in problem.message
    assert str(problem).startswith(str(path))


def test_a_file_at_the_cap_is_read(tmp_path):
    path = tmp_path / "full.yaml"
    path.write_bytes(b"# x\n" * (load.MAX_BYTES // 4))

    assert len(load.read_file(path)) == load.MAX_BYTES


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    """A 1 GiB file once cost the server 2.1 GB: the size is checked first, and no read asks for more than
    the cap and a byte (which also stops a file growing while it is read)."""
    path = tmp_path / "huge.yaml"
    with path.open("wb") as file:
        file.truncate(1024**3)
    asked: list[int] = []
    real_open = open

    class CountingFile:
        def __init__(self, file):
            self.file = file

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.file.close()

        def fileno(self):
            return self.file.fileno()

        def read(self, size=-1):
            asked.append(size)
            return self.file.read(size)

    monkeypatch.setattr("builtins.open", lambda *args, **kwargs: CountingFile(real_open(*args, **kwargs)))

    with pytest.raises(MapError, match="over 16 MiB"):
        load.read_file(path)
    assert asked == []


def test_a_file_that_grows_past_the_cap_while_read_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "growing.yaml"
    path.write_bytes(b"meta: {}\n")
    monkeypatch.setattr(load.os, "fstat", lambda fd: type("Stat", (), {"st_size": 10, "st_mode": 0o100644})())
    with path.open("ab") as file:
        file.truncate(load.MAX_BYTES + 100)

    with pytest.raises(MapError, match="over 16 MiB"):
        load.read_file(path)


@pytest.mark.parametrize("kind", [str, bytes])
def test_parse_over_the_size_cap_is_refused(kind, monkeypatch):
    monkeypatch.setattr(load, "MAX_BYTES", 1024 * 1024)
    text = "# padding\n" * 115_000

    with pytest.raises(MapError, match="over 1 MiB"):
        load.parse(text if kind is str else text.encode())


def test_a_very_broken_file_lists_its_first_problems_and_counts_the_rest():
    """A 500 KB file, inside every limit, whose 100,000 aliased concepts are each invalid (four problems each):
    listing all 400,000 took 9-18 s and a 45 MB message, so only the first ones are listed."""
    text = HEAD + "concepts:\n  - &bad {id: Bad}\n" + "  - *bad\n" * 100_000

    with pytest.raises(MapError) as caught:
        load.parse(text)

    error = caught.value
    assert len(error.problems) <= 2 * model.MAX_PROBLEMS
    assert error.problems[0].path[:2] == ("concepts", 0)
    assert error.omitted > 300_000
    assert str(error).endswith("more problems; fix these first")


# --- bounded in time and memory, not only in bytes ---------------------------------------------------------


def measured(read) -> tuple[float, int, MapError]:
    """Seconds and peak bytes (Python's allocations) of `read()`, and the MapError it must raise."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(MapError) as caught:
            read()
    finally:
        seconds, peak = time.perf_counter() - start, tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return seconds, peak, caught.value


def test_a_map_of_a_million_plain_keys_is_refused_at_once():
    """A 14 MB file of plain keys took 46 s and 2.4 GB: no part of a map has more than a few dozen keys."""
    text = "".join(f"k{number}: \n" for number in range(1_373_738)).encode()
    assert len(text) > 14_000_000

    seconds, peak, error = measured(lambda: load.parse(text, "keys.yaml"))

    [problem] = error.problems
    assert f"more than {load.MAX_KEYS} keys" in problem.message
    assert (problem.line, problem.col) == (load.MAX_KEYS + 1, 1)
    assert seconds < 5
    assert peak < 64 * 2**20


def test_a_flow_list_of_16_mib_is_refused_at_its_first_bracket():
    """A 16 MiB flow list took 63 s and 940 MB in `validate`: the top level is a list, known at once."""
    text = ("[" + "a," * (8_388_607 - 1) + "a]\n").encode()
    assert len(text) == load.MAX_BYTES

    seconds, peak, error = measured(lambda: load.parse(text, "flow.yaml"))

    [problem] = error.problems
    assert problem.message.startswith("the file holds a list;")
    assert (problem.line, problem.col) == (1, 1)
    assert seconds < 5
    assert peak < 64 * 2**20


def test_every_value_counts_against_the_node_budget_not_only_aliases(monkeypatch):
    monkeypatch.setattr(load, "MAX_NODES", 1_000)
    text = HEAD + "concepts: [" + ", ".join(["x"] * 1_000) + "]\n"

    with pytest.raises(MapError, match="more than 1,000 values") as caught:
        load.read_yaml(text)

    assert caught.value.problems[0].line == 2


def test_a_list_of_values_up_to_the_node_budget_is_read(monkeypatch):
    monkeypatch.setattr(load, "MAX_NODES", 1_000)
    values = ", ".join(["x"] * (1_000 - 3))  # the top-level mapping, its key and the list are values too

    assert len(load.read_yaml(f"k: [{values}]\n").data["k"]) == 997


def test_the_largest_generated_map_is_well_within_the_budgets():
    """The budgets leave room for the maps the app is made for: 10,000 concepts is 340,000 values."""
    from components.model.generate import generated_map

    text = yaml.safe_dump(generated_map(10_000), sort_keys=False)
    assert len(load.parse(text).concepts) == 10_000
    assert load.MAX_NODES > 5 * 340_000


@pytest.mark.parametrize(
    "content", ["root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n", "- secret\n"]
)
def test_a_file_that_is_not_a_mapping_is_refused_without_showing_its_content(content):
    """A map symlinked to /etc/passwd showed its first line to every session."""
    with pytest.raises(MapError) as caught:
        load.parse(content, "concepts.yaml")

    [problem] = caught.value.problems
    assert "root" not in str(problem)
    assert "secret" not in str(problem)
    assert problem.message.endswith(load.TOP_LEVEL_HINT)


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    """A served map replaced by a FIFO hung every session: only regular files are opened, without blocking."""
    fifo = tmp_path / "concepts.yaml"
    os.mkfifo(fifo)
    start = time.perf_counter()

    [problem] = problems_of(fifo)

    assert time.perf_counter() - start < 5
    assert "not a regular file" in problem.message


@pytest.mark.parametrize("path", ["/dev/zero", "/"])
def test_a_device_or_a_folder_is_refused(path):
    [problem] = problems_of(path)
    assert "not a regular file" in problem.message or "folder" in problem.message


def test_a_record_holding_a_list_of_wrong_values_lists_its_first_problems_in_bounded_memory():
    """A 3.8 MB map whose one concept has 1.9 million aliases, each a number, took 61 s and 3.4 GB: every
    list is cut short while its first problems are sought. (Here 100,000 of them: 95 MiB before, 10 after.)"""
    text = HEAD + "concepts:\n- {id: a, label: b, kind: facet, summary: c, aliases: [" + "1," * 100_000 + "1]}\n"

    _seconds, peak, error = measured(lambda: load.parse(text, "aliases.yaml"))

    assert len(error.problems) == model.MAX_PROBLEMS
    assert error.problems[0].path == ("concepts", 0, "aliases", 0)
    assert error.omitted > 99_000
    assert peak < 40 * 2**20


# --- plain data as PyYAML reads it ---------------------------------------------------------------------------

SCALARS = """\
int: 42
octal: 007
hex: 0x1F
sexagesimal: 1:30
float: 3.14
exponent: 1.0e+3
infinity: -.inf
yes_plain: yes
yes_quoted: "yes"
off_plain: OFF
true_plain: true
null_plain: null
tilde: ~
empty:
date: 2004-02-29
datetime: 2001-12-14 21:59:43.10
number_quoted: "12"
number_single_quoted: '12'
str_tag: !!str 12
int_tag: !!int "12"
version: 1.2.3
colon: a:b
on: the key is a bool
list: [1, "1", one, 1.5, no]
nested: {a: [x, {b: ~}]}
block: |
  line one
  line two
"""


def test_read_yaml_reads_scalars_as_safe_load_does():
    expected = yaml.safe_load(SCALARS)

    data = load.read_yaml(SCALARS).data

    assert data == expected
    assert [type(value) for value in data.values()] == [type(value) for value in expected.values()]


def test_read_yaml_keeps_quoted_words_as_strings():
    data = load.read_yaml('quoted: "yes"\nplain: yes\nnumber: "007"\nday: 2004-02-29\n').data

    assert data == {"quoted": "yes", "plain": True, "number": "007", "day": datetime.date(2004, 2, 29)}


# --- a student's map: what a file that is not one is told ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("Empathy is the ability to share another's feelings.", "the file holds a single value; "),
        ("Empathy: feeling with others\nTheory of mind: thinking about them\n", ""),
        ("- Empathy\n- Theory of mind\n", "the file holds a list; "),
        ("# nothing yet\n", "the file is empty; "),
    ],
    ids=["prose", "notes", "list", "empty"],
)
def test_plain_text_pasted_as_a_students_map_is_told_what_one_looks_like(text, opening):
    with pytest.raises(MapError) as raised:
        load.parse(text, "pasted map", student=True)

    assert [str(problem) for problem in raised.value.problems] == [f"pasted map:1:1: {opening}{load.STUDENT_HINT}"]
    assert load.STUDENT_HINT.startswith("this is not a map: a student's map is YAML with concepts:")


def test_a_map_file_that_is_not_a_mapping_still_gets_the_maps_own_hint():
    with pytest.raises(MapError) as raised:
        load.parse("Just a sentence.", "concepts.yaml")

    assert str(raised.value.problems[0]) == f"concepts.yaml:1:1: the file holds a single value; {load.TOP_LEVEL_HINT}"
