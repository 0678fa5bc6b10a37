"""Scoring a student's map against the expert's, on hand-made student maps whose answers are known."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from components.model import load
from components.model.errors import MapError
from components.teaching import score

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
    "  - {source: p, type: engages, target: m}\n"  # reversed: the other direction
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
        ("p", "engages", "m"): "reversed",
        ("m", "predicts", "x"): "wrong",
        ("t", "engages", "x"): "extra",
        ("q", "engages", "t"): "extra",
    }
    wrong = next(link for link in result.of("wrong"))
    assert wrong.expert.id == "experience_sharing|dissociates_from|mentalizing"  # what the expert map says instead
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
    assert (result.found, result.expected, result.drawn) == (1, expected, 5)


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
    plain = re.sub(r"\\(.)", r"\1", text).replace("\u2060", "")  # as the reader sees it
    assert text.startswith("# Feedback: Mine")
    assert "**Precision** 20%: 1 of your 5 links is in the expert map as you drew them." in plain
    assert "## Links drawn the wrong way round (1)" in plain
    assert (
        "- MPFC engages Mentalizing. Reversed: the map draws it the other way round, Mentalizing engages Medial "
        "prefrontal cortex." in plain
    )
    assert "## Links the expert map draws differently (1)" in plain
    assert "The map joins them another way: Experience sharing dissociates from Mentalizing." in plain
    assert "Van Overwalle & Baetens 2009" in plain
    assert r"Van Overwalle \& Baetens 2009" in text  # map text escaped as the page escapes it


def test_the_example_students_map_scores_as_expected():
    mine = load.parse(load.read_file(ROOT / "examples" / "student_empathy.yaml"), "student", student=True)
    result = score.score(mine, EXPERT)
    assert all(m.expert for m in result.matches)
    assert {verdict: len(result.of(verdict)) for verdict in score.VERDICTS} == {
        "correct": 4, "reversed": 1, "misplaced": 2, "wrong": 0, "extra": 1, "missing": 4
    }  # fmt: skip
    assert score.in_words(result) == (
        "Half of your 8 links are in the expert map as you drew them.",
        "You found 4 of the 9 links the expert map draws between your concepts.",
    )


# --- the misconceptions, one at a time ---------------------------------------------------------------------------


def judged(text: str) -> tuple[score.Link, str]:
    """The one link of a student's map (concepts named as the paper's map names them), and what is said of it."""
    mine = student(text)
    (link,) = [link for link in score.score(mine, EXPERT).links if link.student]
    return link, score.explain(link, mine, EXPERT)


def test_a_link_drawn_the_wrong_way_round_is_reversed():
    link, said = judged(
        "concepts:\n  - {id: a, label: Anterior insula}\n  - {id: e, label: Experience sharing}\n"
        "relations:\n  - {source: a, type: engages, target: e}\n"
    )
    assert link.verdict == "reversed"
    assert link.expert.id == "experience_sharing|engages|anterior_insula"
    assert said == "Reversed: the map draws it the other way round, Experience sharing engages Anterior insula."
    assert "Lamm & Singer 2010" in {citation.short for citation in link.citations}


def test_a_symmetric_link_is_never_reversed():
    link, _ = judged(
        "concepts:\n  - {id: m, label: Mentalizing}\n  - {id: x, label: Experience sharing}\n"
        "relations:\n  - {source: x, type: dissociates_from, target: m}\n"
    )
    assert link.verdict == "correct"


def test_a_link_to_the_wrong_system_says_what_the_map_says_with_its_reference():
    link, said = judged(
        "concepts:\n  - {id: t, label: TPJ}\n  - {id: s, label: Mirror neuron system}\n"
        "relations:\n  - {source: t, type: part_of, target: s}\n"
    )
    assert link.verdict == "misplaced"
    assert "tpj|part_of|mentalizing_system" in {relation.id for relation in link.instead}
    assert said.startswith("The map says: Temporoparietal junction is part of Mentalizing system")
    assert "Van Overwalle & Baetens 2009" in {citation.short for citation in link.citations}


def test_a_link_from_the_wrong_facet_names_the_facet_the_map_joins():
    link, said = judged(
        "concepts:\n  - {id: e, label: Experience sharing}\n  - {id: t, label: TPJ}\n"
        "relations:\n  - {source: e, type: engages, target: t}\n"
    )
    assert link.verdict == "misplaced"  # the map joins the TPJ to mentalizing, of the facets
    assert said == "The map says: Mentalizing engages Temporoparietal junction."


def test_a_link_to_one_of_many_is_extra_not_misplaced():
    made = load.parse(
        "meta: {title: Expert}\nconcepts:\n"
        + "".join(f"  - {{id: r{i}, label: Region {i}, kind: region}}\n" for i in range(6))
        + "  - {id: f, label: Facet, kind: facet}\n  - {id: g, label: Other facet, kind: facet}\n"
        "relations:\n" + "".join(f"  - {{source: f, type: engages, target: r{i}}}\n" for i in range(5)),
        "expert.yaml",
        student=True,
    )
    mine = student(
        "concepts:\n  - {id: f, label: Facet}\n  - {id: r5, label: Region 5}\n  - {id: g, label: Other facet}\n"
        "  - {id: r0, label: Region 0}\n"
        "relations:\n  - {source: f, type: engages, target: r5}\n  - {source: g, type: engages, target: r0}\n"
    )
    verdicts = {link.student.id: link.verdict for link in score.score(mine, made).links if link.student}
    assert verdicts["f|engages|r5"] == "extra"  # the facet engages five regions: one more is not a misconception
    assert verdicts["g|engages|r0"] == "misplaced"  # region 0 is engaged by one facet only, another one


@pytest.mark.parametrize(
    ("right", "drawn", "said"),
    [(4, 8, "Half of your 8 links are in the expert map as you drew them."),
     (3, 9, "A third of your 9 links are in the expert map as you drew them."),
     (3, 4, "Three quarters of your 4 links are in the expert map as you drew them."),
     (3, 7, "3 of your 7 links are in the expert map as you drew them."),
     (1, 6, "1 of your 6 links is in the expert map as you drew them."),
     (5, 5, "All of your 5 links are in the expert map as you drew them."),
     (0, 5, "None of your 5 links is in the expert map as you drew them."),
     (1, 1, "Your one link is in the expert map as you drew it."),
     (0, 0, "You have drawn no links yet.")],
)  # fmt: skip
def test_precision_in_plain_words(right, drawn, said):
    assert score.precision_in_words(right, drawn) == said


@pytest.mark.parametrize(
    ("found", "expected", "said"),
    [(4, 9, "You found 4 of the 9 links the expert map draws between your concepts."),
     (0, 1, "You did not find the one link the expert map draws between your concepts."),
     (0, 0, "The expert map draws no links between your concepts.")],
)  # fmt: skip
def test_recall_in_plain_words(found, expected, said):
    assert score.recall_in_words(found, expected) == said


def test_any_map_can_be_scored_against_itself_all_correct():
    for path in (ROOT / "concepts.yaml", ROOT / "examples" / "working_memory.yaml"):
        expert = load.load_concepts(path)
        result = score.score(expert, expert)
        assert {link.verdict for link in result.links} == {"correct"}
        assert score.in_words(result)[0].startswith("All of your")


def test_the_misconceptions_are_named_on_another_topics_map():
    expert = load.load_concepts(ROOT / "examples" / "working_memory.yaml")
    mine = student(
        "concepts:\n  - {id: s, label: Phonological store}\n  - {id: v, label: Visuospatial sketchpad}\n"
        "relations:\n  - {source: s, type: part_of, target: v}\n"
    )
    (link,) = score.score(mine, expert).links
    assert link.verdict == "misplaced"
    assert score.explain(link, mine, expert) == "The map says: Phonological store is part of Phonological loop."


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
