"""Issue #19, the fidelity pass: each finding of the expert review, as a test that fails if it comes back.

The paper's map says only what the paper and its cited works say, and every standing is earned. The
generic checks on tours (what a step cites, what it names in bold) run over every map in the repository.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from components import evidence, load
from components.model import ConceptMap
from components.vocabulary import RELATIONS, RelationType, Standing

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def paper() -> ConceptMap:
    return load.load_concepts(ROOT / "concepts.yaml")


def standing(paper: ConceptMap, relation_id: str) -> Standing:
    return evidence.standing(paper, paper.relation_by_id[relation_id])


# --- relations and standings ------------------------------------------------------------------------------


def test_perceiver_and_target_are_roles_in_empathy_not_parts_of_it(paper: ConceptMap):
    assert RELATIONS[RelationType.ROLE_IN].label == "is a role in"
    for role in ("perceiver", "target"):
        assert f"{role}|part_of|empathy" not in paper.relation_by_id
        assert standing(paper, f"{role}|role_in|empathy") == Standing.INTERPRETIVE
