"""The outline: the whole map as text, facet by facet; nothing the canvas shows is missing from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from components.analysis.outline import outline
from components.model import load

ROOT = Path(__file__).parents[1]


@pytest.mark.parametrize("path", [ROOT / "concepts.yaml", ROOT / "examples" / "working_memory.yaml"])
def test_every_concept_and_relation_is_in_the_outline(path):
    the_map = load.load_concepts(path)
    sections = outline(the_map)
    concepts = [entry.concept.id for section in sections for entry in section.entries]
    assert sorted(concepts) == sorted(c.id for c in the_map.concepts)  # each once
    relations = {line.relation_id for section in sections for entry in section.entries for line in entry.lines}
    assert relations == set(the_map.relation_by_id)


def test_sections_follow_the_facets_and_start_with_the_facet():
    paper = load.load_concepts(ROOT / "concepts.yaml")
    sections = outline(paper)
    assert [section.title for section in sections[:3]] == ["Experience sharing", "Mentalizing", "Prosocial concern"]
    for section in sections[:3]:
        assert section.entries[0].concept == section.facet


def test_a_line_says_the_relation_from_the_concepts_side_with_short_citations():
    paper = load.load_concepts(ROOT / "concepts.yaml")
    entries = {entry.concept.id: entry for section in outline(paper) for entry in section.entries}
    line = next(line for line in entries["tpj"].lines if line.other.id == "mentalizing")
    assert line.phrase == "is engaged by"
    assert "Van Overwalle & Baetens 2009" in line.sources
