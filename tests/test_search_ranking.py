"""The search box's ranking (ranking.js), run by node on the maps' own view data: plurals, small typos and
word order forgiven, what is meant first. The browser test (tests/browser/test_search.py) types the same
in the page."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

import pytest

from components.analysis import graph
from components.model import load
from components.model.concepts import ConceptMap
from components.model.generate import generated_map
from components.view import drawing, layout

ROOT = Path(__file__).parents[1]
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed; the browser test covers the ranking")


@cache
def payload(which: str) -> str:
    """The view data the page gets for a map, as JSON."""
    if which == "generated":
        concept_map = ConceptMap.model_validate(generated_map(2_000))
    else:
        concept_map = load.load_concepts(ROOT / which)
    return json.dumps(drawing.payload(concept_map, layout.positions(graph.build(concept_map))))


def found(which: str, *queries: str) -> list[list[str]]:
    """The ids the search box lists for each query, best first."""
    assert NODE is not None
    with tempfile.NamedTemporaryFile("w", suffix=".json") as data:
        data.write(payload(which))
        data.flush()
        run = subprocess.run(
            [NODE, str(ROOT / "tests" / "js" / "rank.mjs"), data.name],
            input="\n".join(queries) + "\n", capture_output=True, text=True, check=True, timeout=60,
        )  # fmt: skip
    return [json.loads(line) for line in run.stdout.splitlines()]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("mirror neurons", "mirror_system"),  # a plural, and the start of the name
        ("theory of mind", "mentalizing"),  # its older name, typed exactly
        ("insula", "anterior_insula"),  # a word of the name
        ("temporoparietl junction", "tpj"),  # a typo
        ("junction temporoparietal", "tpj"),  # the words in another order
        ("mentalising", "mentalizing"),  # British spelling: one letter off
        ("TPJ", "tpj"),  # an abbreviation
        ("Théory-of-mind", "mentalizing"),  # accents, hyphens and capitals folded
        ("temporal pole", "temporal_pole"),  # the name says "poles"
        ("lesion study", "lesion_studies"),  # -ies
        ("anterior insular cortex", "anterior_insula"),  # its older name, made plural-free and typed exactly
    ],
)
def test_what_is_meant_comes_first_on_the_papers_map(query, first):
    (ids,) = found("concepts.yaml", query)
    assert ids[:1] == [first], ids[:5]


def test_an_older_name_typed_exactly_ranks_over_a_name_that_contains_the_words():
    (ids,) = found("concepts.yaml", "theory of mind")
    assert ids.index("mentalizing") < ids.index("theory_theory")


def test_concepts_come_before_relations_and_unrelated_words_find_nothing():
    insula, nothing, short_typo = found("concepts.yaml", "insula", "zzzz qqqq", "tpk")
    kinds = ["relation" if "|" in found_id else "concept" for found_id in insula]
    assert kinds == sorted(kinds)  # "concept" < "relation"
    assert "experience_sharing|engages|anterior_insula" in insula
    assert nothing == []
    assert short_typo == []  # three letters are too few to forgive a typo


def test_another_topics_map():
    loop, broca, typo = found("examples/working_memory.yaml", "phonological loops", "brocas area", "sketchpd")
    assert loop[0] == "phonological_loop"
    assert broca[0] == "brocas_area"
    assert typo[0] == "visuospatial_sketchpad"


def test_on_a_large_map_the_name_typed_exactly_comes_first():
    exact, start = found("generated", "Method 5", "method 5")
    assert exact[0] == start[0] == "c5"


def test_a_concepts_other_names_ride_beside_its_search_text():
    """The abbreviation and older names, apart, so that one typed exactly can rank its concept first; only
    on concepts that have any (a generated map of thousands has none, and sends not a byte more)."""
    nodes = {node["id"]: node for node in json.loads(payload("concepts.yaml"))["nodes"]}
    assert nodes["tpj"]["also"][0] == "TPJ"
    assert "theory of mind" in nodes["mentalizing"]["also"]
    example = {node["id"]: node for node in json.loads(payload("examples/working_memory.yaml"))["nodes"]}
    assert "also" not in example["central_executive"]  # a concept with neither
    assert not any("also" in node for node in json.loads(payload("generated"))["nodes"])
