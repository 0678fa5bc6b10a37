"""Issue #19, the fidelity pass: each finding of the expert review, as a test that fails if it comes back.

The paper's map says only what the paper and its cited works say, and every standing is earned. The
generic checks on tours (what a step cites, what it names in bold) run over every map in the repository.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from components import evidence, load, mni, view_data
from components.model import ConceptMap
from components.vocabulary import RELATIONS, RelationType, Standing

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def paper() -> ConceptMap:
    return load.load_concepts(ROOT / "concepts.yaml")


@pytest.fixture(scope="module")
def edges(paper: ConceptMap) -> dict[str, dict[str, object]]:
    """The map's lines as the view draws them, by relation id."""
    return {edge["id"]: edge for edge in view_data.network(paper, {})["edges"]}


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


def test_affective_sharing_engages_the_acc_on_the_review_as_well_as_the_study(paper: ConceptMap):
    """One of the field's best replicated findings, cited as its parallel relations are, stands established."""
    relation = "affective_sharing|engages|acc"
    assert {"singer2004", "lamm2010"} <= set(paper.relation_by_id[relation].refs)
    assert standing(paper, relation) == Standing.ESTABLISHED


def test_mentalizing_engages_the_temporal_poles_states_the_tentative_standing_its_note_gives(paper: ConceptMap):
    """Spreng and colleagues' abstract names lateral temporal cortex, not the temporal poles."""
    relation = paper.relation_by_id["mentalizing|engages|temporal_pole"]
    assert relation.standing == Standing.TENTATIVE
    assert "does not name the temporal poles" in relation.note


@pytest.mark.parametrize("region", ["premotor_cortex", "ipl", "mpfc", "sts"])
def test_regions_correlate_with_empathic_accuracy_as_judged_nothing_was_forecast(paper: ConceptMap, region: str):
    """Zaki 2009 compared accurate with inaccurate judgments within perceivers, as they happened."""
    assert f"{region}|predicts|empathic_accuracy" not in paper.relation_by_id
    relation = paper.relation_by_id[f"{region}|correlates_with|empathic_accuracy"]
    assert "accurate" in relation.note
    assert "judgment" in relation.note
    assert "contribute" not in relation.note  # a correlation shows no contribution


def test_the_broken_mirror_account_of_autism_is_tentative_and_said_to_be_contested(paper: ConceptMap):
    relation = paper.relation_by_id["mirror_system|impaired_in|autism"]
    assert standing(paper, relation.id) == Standing.TENTATIVE
    assert "contested" in relation.note
    assert "contested" in paper.concept_by_id["mirror_neuron_autism"].summary


@pytest.mark.parametrize(
    ("relation", "reads"),
    [
        ("ventral_striatum|predicts|costly_helping", "predicts less"),  # less helping of a rival (Hein 2010)
        ("ifg|correlates_with|social_symptom_severity", "correlates negatively with"),  # Dapretto 2006
        ("extreme_outgroups|modulates|mpfc", "reduces"),  # Harris & Fiske 2006
        ("dehumanization|modulates|mentalizing", "reduces"),
        ("empathy_for_pain_paradigm|modulates|motor_evoked_potentials", "reduces"),  # Avenanti 2005
    ],
)
def test_a_relation_whose_direction_is_negative_says_so_in_its_line(
    paper: ConceptMap, edges: dict[str, dict[str, object]], relation: str, reads: str
):
    assert paper.relation_by_id[relation].phrase == reads
    assert edges[relation]["relation"] == reads
    assert f" {reads} " in str(edges[relation]["tip"]).split("\n")[0]


def test_the_commentary_is_theory_and_the_target_articles_kind_is_explained_in_the_file(paper: ConceptMap):
    references = paper.reference_by_key
    assert references["keysers2007"].evidence == "theory"  # a three-page commentary pools no data
    assert references["zaki2011a"].evidence == "review"
    text = (ROOT / "concepts.yaml").read_text(encoding="utf-8")
    before = text.split('key: "zaki2011a"', 1)[0].rsplit("  - n: 37", 1)[1]
    assert "# evidence: review. A Psychological Inquiry target article" in before
