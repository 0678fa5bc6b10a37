"""The teaching views' words in AppTest: a scored student's map names each misconception with what the map
says instead and its work, and says precision and recall in plain words; the quiz's questions read right."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_app import map_view_data, open_app, plain, texts

from components.model import load
from components.teaching import quiz

ROOT = Path(__file__).parents[1]
PAPER = ROOT / "concepts.yaml"
STUDENT = ROOT / "examples" / "student_empathy.yaml"


@pytest.fixture
def scored(monkeypatch: pytest.MonkeyPatch):
    at = open_app(monkeypatch, PAPER, panel="score")
    at.text_area(key="student_text").set_value(STUDENT.read_text())
    next(b for b in at.button if b.key == "score-pasted").click().run()
    assert not at.exception
    return at


def seen(markdown: str) -> str:
    """Markdown as the reader sees it: escapes and invisible word joiners removed."""
    return plain(markdown).replace("\u2060", "")


def markdown_with(at, text: str) -> str:
    """The one Markdown element (as the reader sees it) that says `text`."""
    (found,) = [seen(m.value) for m in at.markdown if text in seen(m.value)]
    return found


def test_the_score_says_precision_and_recall_in_plain_words(scored):
    shown = seen(texts(scored))
    assert "precision **50%** · recall **44%**" in shown
    assert (
        "Half of your 8 links are in the expert map as you drew them. "
        "You found 4 of the 9 links the expert map draws between your concepts." in shown
    )


def test_a_reversed_link_is_named_with_what_the_map_says_and_its_work(scored):
    said = markdown_with(scored, "Reversed:")
    assert "**Student:** Medial prefrontal cortex engages Theory of mind" in said
    assert "the map draws it the other way round, Mentalizing engages Medial prefrontal cortex." in said
    assert "[Van Overwalle & Baetens 2009](<https://doi.org/" in said
    assert any(e.label == "Reversed (1)" for e in scored.expander)


def test_a_link_to_the_wrong_system_says_where_the_map_puts_it(scored):
    said = markdown_with(scored, "TPJ is part of Mirror neuron system")
    assert "**Map:** The map says: Temporoparietal junction is part of Mentalizing system" in said
    assert "Van Overwalle & Baetens 2009" in said
    assert any(e.label == "Wrong concept (2)" for e in scored.expander)


def test_the_map_draws_where_a_misplaced_link_belongs_and_the_students_line(scored):
    overlay = map_view_data(scored)["overlay"]
    assert "tpj|part_of|mentalizing_system" in overlay["misplaced"]
    assert "mentalizing|engages|mpfc" in overlay["reversed"]
    assert {"from": "tpj", "to": "mirror_system", "type": "part_of"} in overlay["extra"]


def test_the_quiz_asks_nothing_the_map_doubts_and_reads_right(monkeypatch):
    at = open_app(monkeypatch, PAPER, panel="quiz", quiz="7")
    assert not at.exception
    asked = quiz.questions(load.load_concepts(PAPER), 7, 8)
    assert [seen(radio.label) for radio in at.radio] == [f"{n}. {q.prompt}" for n, q in enumerate(asked, 1)]
    for radio, question in zip(at.radio, asked, strict=True):
        assert len(radio.options) >= 3
        assert not quiz.doubted(question.relation)
