"""Issue #19, the fidelity pass: each finding of the expert review, as a test that fails if it comes back.

The paper's map says only what the paper and its cited works say, and every standing is earned. The
generic checks on tours (what a step cites, what it names in bold) run over every map in the repository.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from components import evidence, load, mni
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


def test_the_ifg_is_not_called_brocas_area_at_a_right_hemisphere_point(paper: ConceptMap):
    """Broca's area is the left IFG; the map's IFG point is on the right, so it may only be its homologue."""
    ifg = paper.concept_by_id["ifg"]
    assert mni.points(ifg.mni)[0][0] > 0
    assert mni.hemisphere([ifg.label, *ifg.aliases]) == "right"
