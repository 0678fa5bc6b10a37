"""cli.py: `python -m components validate|stats|schema`, its output and exit status."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from components import cli
from components.exchange.files import write_atomic
from components.model import load

ROOT = Path(__file__).parents[1]


def test_validate_of_a_valid_map_exits_0(minimal_path):
    assert cli.main(["validate", str(minimal_path)]) == 0


def test_validate_prints_one_line_with_counts_by_kind(minimal_path, capsys):
    cli.main(["validate", str(minimal_path)])
    out, err = capsys.readouterr()

    assert out.splitlines() == [
        f"{minimal_path}: valid: 4 concepts (1 construct, 1 facet, 1 region, 1 paradigm), 3 relations, 2 references"
    ]
    assert err == ""


def test_validate_of_an_invalid_map_exits_1(invalid_dir):
    assert cli.main(["validate", str(invalid_dir / "several_problems.yaml")]) == 1


def test_validate_prints_each_problem_on_its_own_line_on_stderr(invalid_dir, capsys):
    path = str(invalid_dir / "several_problems.yaml")

    cli.main(["validate", path])
    out, err = capsys.readouterr()

    *problems, total = err.splitlines()
    assert [line.split(": ")[0] for line in problems] == [f"{path}:8:11", f"{path}:14:12", f"{path}:16:5"]
    assert total == f"{path}: 3 problems"
    assert out == ""


def test_validate_of_a_missing_file_exits_1(tmp_path, capsys):
    path = tmp_path / "nowhere.yaml"

    assert cli.main(["validate", str(path)]) == 1
    assert capsys.readouterr().err.startswith(f"{path}: cannot read the file")


def test_validate_reads_concepts_yaml_by_default(tmp_path, monkeypatch, minimal_path, capsys):
    (tmp_path / "concepts.yaml").write_bytes(minimal_path.read_bytes())
    monkeypatch.chdir(tmp_path)

    assert cli.main(["validate"]) == 0
    assert capsys.readouterr().out.startswith("concepts.yaml: valid: 4 concepts")


def test_stats_prints_counts_connections_and_years(minimal_path, capsys):
    assert cli.main(["stats", str(minimal_path)]) == 0
    out = capsys.readouterr().out

    assert "4 concepts (1 construct, 1 facet, 1 region, 1 paradigm), 3 relations, 2 references" in out
    assert re.search(r"^\s+region\s+1$", out, re.MULTILINE)
    assert "Most connected concepts (relations, betweenness):" in out
    assert re.search(r"^\s+3\s+\d\.\d{3}\s+Experience sharing \(experience_sharing\)$", out, re.MULTILINE)
    assert "Relations by standing:" in out
    assert "References by year:" in out
    assert re.search(r"^\s+2004\s+## 2$", out, re.MULTILINE)


def test_stats_lists_references_cited_by_nothing(minimal_path, tmp_path, capsys):
    path = tmp_path / "map.yaml"
    extra = "  - {n: 3, key: unused_1999, type: book, authors: [Nobody N], year: 1999, title: Unused.}\n"
    path.write_text(minimal_path.read_text() + extra)

    cli.main(["stats", str(path)])

    assert "References cited by nothing in the map: unused_1999" in capsys.readouterr().out


def test_stats_of_an_invalid_map_exits_1(invalid_dir, capsys):
    assert cli.main(["stats", str(invalid_dir / "self_loop.yaml")]) == 1
    assert "to itself" in capsys.readouterr().err


def test_schema_prints_json_with_the_concept_definition(capsys):
    assert cli.main(["schema"]) == 0

    parsed = json.loads(capsys.readouterr().out)
    assert "Concept" in parsed["$defs"]
    assert parsed["$defs"]["Concept"]["additionalProperties"] is False


def test_unknown_command_exits_2(capsys):
    with pytest.raises(SystemExit) as caught:
        cli.main(["draw"])

    assert caught.value.code == 2


def test_module_entry_point_validates(minimal_path):
    result = subprocess.run(
        [sys.executable, "-m", "components", "validate", str(minimal_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert ": valid: 4 concepts" in result.stdout


def test_module_entry_point_exits_1_on_problems(invalid_dir):
    result = subprocess.run(
        [sys.executable, "-m", "components", "validate", str(invalid_dir / "self_loop.yaml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 1
    assert re.match(r".*self_loop\.yaml:6:5: relations\[0\]: ", result.stderr)


def test_generate_writes_a_valid_map_of_that_size(tmp_path, capsys):
    out = tmp_path / "big.yaml"
    assert cli.main(["generate", "600", "-o", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"{out}: 600 concepts")
    generated = load.load_concepts(out)
    assert len(generated.concepts) == 600
    assert len(generated.relations) == 1200
    assert [path.name for path in tmp_path.iterdir()] == ["big.yaml"]  # no temporary file left behind


def test_a_failed_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    out = tmp_path / "map.yaml"
    out.write_text("the old content")
    monkeypatch.setattr("os.fsync", lambda fd: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError, match="disk full"):
        write_atomic(out, "new content")
    assert out.read_text() == "the old content"
    assert [path.name for path in tmp_path.iterdir()] == ["map.yaml"]


def test_path_tells_the_routes_in_words_with_their_references(capsys):
    assert cli.main(["path", str(ROOT / "concepts.yaml"), "tpj", "prosocial_concern"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Temporoparietal junction to Prosocial concern: 3 shortest routes")
    assert "Temporoparietal junction is engaged by Mentalizing [Van Overwalle & Baetens 2009" in out
    assert "a loose link" in out  # the route through Mentalizing and Empathy


def test_path_to_an_unknown_concept_suggests_one_and_exits_1(capsys):
    assert cli.main(["path", str(ROOT / "concepts.yaml"), "tpjj", "vmpfc"]) == 1
    assert "no concept 'tpjj' (did you mean 'tpj'?)" in capsys.readouterr().err


def test_path_between_unjoined_concepts_says_so(tmp_path, minimal_path, capsys):
    alone = tmp_path / "alone.yaml"
    alone.write_text(
        minimal_path.read_text().replace(
            "concepts:\n", "concepts:\n  - {id: alone, label: Alone, kind: construct, summary: S.}\n", 1
        )
    )
    assert cli.main(["path", str(alone), "alone", "empathy"]) == 0
    assert capsys.readouterr().out.strip() == "No route joins Alone and Empathy in this map."


def test_compare_prints_the_facets_side_by_side(capsys):
    assert cli.main(["compare", str(ROOT / "concepts.yaml")]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1].split() == ["Experience", "sharing", "Mentalizing", "Prosocial", "concern"]
    assert re.search(r"^\*Ventromedial prefrontal cortex\s+-\s+2 refs\s+1 ref", out, re.MULTILINE)
    assert re.search(r"^ Temporoparietal junction\s+-\s+2 refs", out, re.MULTILINE)


def test_quiz_prints_a_question_set_with_answers_and_references(capsys):
    assert cli.main(["quiz", str(ROOT / "concepts.yaml"), "--seed", "3", "--n", "5"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("5 questions from")
    assert out.count("   Answer: ") == 5
    assert re.search(r"Answer: [A-D]\. .+ \[.+\d{4}\]", out)
    assert out == (
        cli.main(["quiz", str(ROOT / "concepts.yaml"), "--seed", "3", "--n", "5"]) or capsys.readouterr().out
    )


def test_score_prints_the_scores_and_the_links(tmp_path, capsys):
    report = tmp_path / "feedback.md"
    code = cli.main(["score", str(ROOT / "examples" / "student_empathy.yaml"), "--against", str(ROOT / "concepts.yaml"),
                     "--report", str(report)])  # fmt: skip
    assert code == 0
    out = capsys.readouterr().out
    assert "8 of 8 concepts matched" in out
    assert "Precision 50%" in out
    assert "Half of your 8 links are in the expert map as you drew them. You found 4 of the 9 links" in out
    assert "Links drawn the wrong way round (1):" in out
    assert "TPJ is part of Mirror neuron system. The map says: Temporoparietal junction is part of Mentalizing" in out
    assert report.read_text().startswith("# Feedback:")


def test_score_of_an_unreadable_student_map_exits_1(tmp_path, capsys):
    broken = tmp_path / "broken.yaml"
    broken.write_text("concepts:\n  - {id: a, label: A\n")
    assert cli.main(["score", str(broken)]) == 1
    assert f"{broken}:" in capsys.readouterr().err


CMAPTOOLS = ROOT / "tests" / "data" / "imports" / "cmaptools.cxl"


def test_score_takes_a_students_map_drawn_in_cmaptools(capsys):
    assert cli.main(["score", str(CMAPTOOLS), "--against", str(ROOT / "concepts.yaml")]) == 0
    out = capsys.readouterr().out
    assert "6 of 6 concepts matched" in out
    assert "Experience sharing activates Anterior insula" in out


def test_score_of_plain_text_says_what_a_students_map_is(tmp_path, capsys):
    pasted = tmp_path / "notes.txt"
    pasted.write_text("The TPJ is involved in theory of mind.\n")

    assert cli.main(["score", str(pasted)]) == 1
    assert capsys.readouterr().err.startswith(f"{pasted}:1:1: the file holds a single value; this is not a map: ")


def test_import_writes_a_students_map_that_scores_as_the_drawing_does(tmp_path, capsys):
    written = tmp_path / "student.yaml"

    assert cli.main(["import", str(CMAPTOOLS), "-o", str(written)]) == 0
    assert capsys.readouterr().out == f"{written}: 6 concepts, 6 links\n"
    assert load.parse(written.read_bytes(), str(written), student=True) == load.parse(
        (ROOT / "tests" / "data" / "imports" / "cmaptools.yaml").read_bytes(), "expected.yaml", student=True
    )


def test_import_without_an_output_prints_the_yaml(capsys):
    assert cli.main(["import", str(CMAPTOOLS)]) == 0
    out, err = capsys.readouterr()
    assert load.parse(out, "out.yaml", student=True).concepts[0].label == "Theory of mind"
    assert err == f"{CMAPTOOLS}: 6 concepts, 6 links\n"


def test_import_refuses_to_write_over_a_file_unless_forced(tmp_path, capsys):
    existing = tmp_path / "student.yaml"
    existing.write_text("mine")

    assert cli.main(["import", str(CMAPTOOLS), "-o", str(existing)]) == 1
    assert existing.read_text() == "mine"
    assert "add --force to write over it" in capsys.readouterr().err
    assert cli.main(["import", str(CMAPTOOLS), "-o", str(existing), "--force"]) == 0
    assert "Theory of mind" in existing.read_text()


def test_import_of_a_broken_file_names_its_line_and_exits_1(tmp_path, capsys):
    broken = tmp_path / "broken.cxl"
    broken.write_text("<cmap><map>\n<concept-list>\n</cmap>")

    assert cli.main(["import", str(broken), "-o", str(tmp_path / "out.yaml")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{broken}:3:3: this is not well-formed XML (mismatched tag)")
    assert not (tmp_path / "out.yaml").exists()


# --- nothing lost, nothing surprising at the terminal ---------------------------------------------------------

BIBLIOGRAPHY = ROOT / "tests" / "data" / "bib" / "messy.bib"
STUDENT = ROOT / "examples" / "student_empathy.yaml"


def overwriting(tmp_path: Path) -> dict[str, tuple[list[str], Path]]:
    """Each command that writes a file, told to write over its own input: (arguments, that input)."""
    the_map, bibliography, student = tmp_path / "map.yaml", tmp_path / "refs.bib", tmp_path / "student.yaml"
    the_map.write_bytes((ROOT / "tests" / "data" / "valid" / "minimal.yaml").read_bytes())
    bibliography.write_bytes(BIBLIOGRAPHY.read_bytes())
    student.write_bytes(STUDENT.read_bytes())
    return {
        "export": (["export", str(the_map), "--format", "html", "-o", str(the_map)], the_map),
        "new": (["new", "--from", str(bibliography), "-o", str(bibliography)], bibliography),
        "score": (["score", str(student), "--report", str(student)], student),
        "brain": (["brain", str(the_map), "-o", str(tmp_path / "x.png"), "--html", str(the_map)], the_map),
    }


@pytest.mark.parametrize("command", ["export", "new", "score", "brain"])
def test_an_output_that_is_an_input_is_refused(tmp_path, capsys, command):
    """`export M --format html -o M` and the like overwrote their own input without a word."""
    arguments, source = overwriting(tmp_path)[command]
    before = source.read_bytes()

    assert cli.main(arguments) == 1

    assert source.read_bytes() == before
    assert "is also an input" in capsys.readouterr().err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["map.yaml", "refs.bib", "student.yaml"]


def test_an_output_that_is_an_input_says_what_to_do(tmp_path, capsys):
    arguments, _ = overwriting(tmp_path)["export"]
    cli.main(arguments)
    assert re.fullmatch(r".*map\.yaml: this is also an input \(.*map\.yaml\); write to another file, "
                        r"or add --force to write over it\n", capsys.readouterr().err)  # fmt: skip


def test_a_link_to_an_input_is_the_input(tmp_path, capsys):
    arguments, source = overwriting(tmp_path)["export"]
    (tmp_path / "link.html").symlink_to(source)
    assert cli.main([*arguments[:-1], str(tmp_path / "link.html")]) == 1
    assert source.read_bytes() == (ROOT / "tests" / "data" / "valid" / "minimal.yaml").read_bytes()


def test_force_writes_over_an_input(tmp_path):
    arguments, source = overwriting(tmp_path)["export"]
    assert cli.main([*arguments, "--force"]) == 0
    assert source.read_text().startswith("<!doctype html>")


def test_outputs_are_written_with_the_umask_or_the_mode_of_the_file_they_replace(tmp_path):
    """Outputs were written 0600, whatever the umask."""
    old = os.umask(0o022)
    try:
        assert cli.main(["generate", "20", "-o", str(tmp_path / "new.yaml")]) == 0
        kept = tmp_path / "kept.yaml"
        kept.write_text("old")
        kept.chmod(0o640)
        assert cli.main(["generate", "20", "-o", str(kept)]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.yaml").stat().st_mode) == 0o644
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def test_map_text_reaches_the_terminal_with_its_controls_made_visible(tmp_path, capsys, minimal_data):
    """A label `\\e]0;…\\a\\e[2J` set the terminal's title and cleared it through `validate`."""
    import yaml

    minimal_data["relations"][0]["target"] = "x\x1b]0;owned\x07\x1b[2J\x9b2K\u2028y"
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(minimal_data, allow_unicode=False))

    assert cli.main(["validate", str(broken)]) == 1

    err = capsys.readouterr().err
    assert not CONTROL.search(err)
    assert r"x\x1b]0;owned\x07\x1b[2J\x9b2K\u2028y" in err


@pytest.mark.parametrize(
    "arguments",
    [
        ["stats", "tests/data/app/hostile_exports.yaml"],
        ["path", "tests/data/app/hostile_exports.yaml", "xml_hostile", "second"],
        ["compare", "tests/data/app/hostile_exports.yaml"],
        ["quiz", "tests/data/app/hostile_exports.yaml"],
        ["score", "tests/data/app/hostile_exports.yaml", "--against", "tests/data/app/hostile_exports.yaml"],
    ],
    ids=lambda arguments: arguments[0],
)
def test_no_command_prints_a_control_character_from_the_map(capsys, monkeypatch, arguments):
    monkeypatch.chdir(ROOT)
    cli.main(arguments)
    out, err = capsys.readouterr()
    assert out
    assert not CONTROL.search(out + err)
