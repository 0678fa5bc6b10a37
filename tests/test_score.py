"""Scoring a student's map against the expert's, on hand-made student maps whose answers are known."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from components import load, score
from components.errors import MapError

ROOT = Path(__file__).parents[1]
EXPERT = load.load_concepts(ROOT / "concepts.yaml")


def student(text: str):
    return load.parse("meta: {title: Mine}\n" + text, "student.yaml", student=True)


def test_concepts_match_by_id_name_older_name_abbreviation_and_close_name():
    mine = student(
        "concepts:\n"
        "  - {id: tpj, label: Something}\n"  # the same id
        "  - {id: a, label: anterior insula}\n"  # the same name, in other case
        "  - {id: b, label: Theory of Mind}\n"  # an older name
        "  - {id: c, label: VS}\n"  # an abbreviation
        "  - {id: d, label: Temporoparietal juncton}\n"  # a close name
        "  - {id: e, label: Quantum entanglement}\n"  # nothing like it
    )
    found = {m.student.id: (m.expert.id if m.expert else None, m.how) for m in score.match(mine, EXPERT)}
    assert found["tpj"] == ("tpj", "id")
    assert found["a"] == ("anterior_insula", "name")
    assert found["b"] == ("mentalizing", "older name")
    assert found["c"] == ("ventral_striatum", "abbreviation")
    assert found["d"][0] == "tpj"
    assert found["d"][1].startswith("close name")
    assert found["e"] == (None, "none")


def test_a_teacher_can_correct_a_match():
    mine = student("concepts:\n  - {id: x, label: Quantum entanglement}\n  - {id: tpj, label: TPJ}\n")
    found = {m.student.id: m for m in score.match(mine, EXPERT, {"x": "mpfc", "tpj": None})}
    assert found["x"].expert.id == "mpfc"
    assert found["x"].how == "chosen"
    assert found["tpj"].expert is None


MINE = student(
    "concepts:\n"
    "  - {id: m, label: Mentalizing}\n"
    "  - {id: t, label: TPJ}\n"
    "  - {id: p, label: MPFC}\n"
    "  - {id: x, label: Experience sharing}\n"
    "  - {id: q, label: Quantum entanglement}\n"
    "relations:\n"
    "  - {source: m, type: engages, target: t}\n"  # correct
    "  - {source: p, type: engages, target: m}\n"  # wrong: the other direction
    "  - {source: m, type: predicts, target: x}\n"  # wrong: another type (the expert map says they dissociate)
    "  - {source: t, type: engages, target: x}\n"  # extra: the expert map does not join them
    "  - {source: q, type: engages, target: t}\n"  # extra: one end is not in the expert map
)


def test_each_link_is_judged_against_the_expert_map():
    result = score.score(MINE, EXPERT)
    verdicts = {
        (link.student.source, link.student.type, link.student.target): link.verdict
        for link in result.links
        if link.student
    }
    assert verdicts == {
        ("m", "engages", "t"): "correct",
        ("p", "engages", "m"): "wrong",
        ("m", "predicts", "x"): "wrong",
        ("t", "engages", "x"): "extra",
        ("q", "engages", "t"): "extra",
    }
    wrong = next(link for link in result.of("wrong") if link.student.source == "p")
    assert wrong.expert.id == "mentalizing|engages|mpfc"  # what the expert map says instead
    assert wrong.citations  # and the work behind it


def test_missing_links_are_the_expert_links_between_the_students_concepts():
    result = score.score(MINE, EXPERT)
    missing = {link.expert.id for link in result.of("missing")}
    had = {"mentalizing", "tpj", "mpfc", "experience_sharing"}
    expected = {r.id for r in EXPERT.relations if r.source in had and r.target in had} - {
        "mentalizing|engages|tpj", "mentalizing|engages|mpfc", "experience_sharing|dissociates_from|mentalizing"
    }  # fmt: skip
    assert missing == expected


def test_precision_and_recall():
    result = score.score(MINE, EXPERT)
    assert result.precision == pytest.approx(1 / 5)
    expected = len(result.of("missing")) + 1 + 2  # missing, correct, and the two the student drew wrong
    assert result.recall == pytest.approx(1 / expected)


def test_a_symmetric_link_counts_either_way():
    mine = student(
        "concepts:\n  - {id: m, label: Mentalizing}\n  - {id: x, label: Experience sharing}\n"
        "relations:\n  - {source: m, type: dissociates_from, target: x}\n"
    )
    assert score.score(mine, EXPERT).of("correct")


def test_a_partial_map_without_references_is_accepted_but_not_a_broken_one():
    assert student("concepts:\n  - {id: a, label: A}\n").concepts[0].label == "A"
    with pytest.raises(MapError) as caught:
        student("concepts:\n  - {id: a, label: A}\nrelations:\n  - {source: a, type: engages, target: zz}\n")
    assert "student.yaml:5:" in str(caught.value)  # a line-numbered problem, like any map
    assert "unknown concept 'zz'" in str(caught.value)


def test_the_report_says_what_to_fix_with_the_expert_maps_works():
    result = score.score(MINE, EXPERT)
    text = score.report(result, MINE, EXPERT)
    assert text.startswith("# Feedback: Mine")
    assert "**Precision** 20%" in text
    assert "## Links the expert map draws differently (2)" in text
    assert "The expert map: Mentalizing engages Medial prefrontal cortex" in text
    assert r"Van Overwalle \& Baetens 2009" in text  # map text escaped as the page escapes it


def test_the_example_students_map_scores_as_expected():
    mine = load.parse(load.read_file(ROOT / "examples" / "student_empathy.yaml"), "student", student=True)
    result = score.score(mine, EXPERT)
    assert all(m.expert for m in result.matches)
    assert len(result.of("correct")) == 4
    assert len(result.of("wrong")) == 1


def test_the_feedback_download_shows_the_students_markdown_and_html_as_text():
    """feedback.md carried a student's raw Markdown and HTML, remote images included."""
    from markdown_it import MarkdownIt

    hostile = load.parse(
        'meta: {title: "Mine <script>alert(1)</script>"}\n'
        "concepts:\n"
        '  - {id: tpj, label: "![x](https://evil.example/p.png) <img src=https://evil.example/q.png>"}\n'
        '  - {id: mine, label: "[click](https://evil.example/) **bold**\\t    code"}\n'
        "relations:\n"
        "  - {source: mine, type: engages, target: tpj}\n",
        "student.yaml",
        student=True,
    )
    page = MarkdownIt("commonmark").render(score.report(score.score(hostile, EXPERT), hostile, EXPERT))
    page = page.replace("\u2060", "")  # the invisible word joiners that break up bare addresses
    assert "<img" not in page
    assert "<script" not in page
    assert "evil.example" not in " ".join(re.findall(r"<a [^>]*>", page))
    assert "&lt;img src=https://evil.example/q.png&gt;" in page  # shown as the text it is
    assert "![x](https://evil.example/p.png)" in page
