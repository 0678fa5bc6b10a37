"""Explaining the connections, in the pure core: routes between concepts in words, facets compared, and how
firmly each claim stands. On the paper's map and on the second example map."""

from __future__ import annotations

from pathlib import Path

import pytest

from components.analysis import compare, evidence, paths
from components.model import concepts as model
from components.model import load
from components.model.vocabulary import FINDINGS, Kind, RelationType, Standing

ROOT = Path(__file__).parents[1]
PAPER = ROOT / "concepts.yaml"
EXAMPLE = ROOT / "examples" / "working_memory.yaml"


@pytest.fixture(scope="module")
def paper() -> model.ConceptMap:
    return load.load_concepts(PAPER)


@pytest.fixture(scope="module")
def example() -> model.ConceptMap:
    return load.load_concepts(EXAMPLE)


# --- paths ------------------------------------------------------------------------------------------------


def test_tpj_reaches_prosocial_concern_by_three_short_routes(paper):
    routes = paths.between(paper, "tpj", "prosocial_concern")
    assert len(routes) == 3
    assert {len(route.steps) for route in routes} == {3}  # the measured distance
    for route in routes:
        assert route.concepts[0] == "tpj"
        assert route.concepts[-1] == "prosocial_concern"
        for step, (a, b) in zip(route.steps, zip(route.concepts, route.concepts[1:], strict=False), strict=True):
            assert {step.relation.source, step.relation.target} == {a, b}


def test_each_step_is_worded_in_the_direction_it_is_walked(paper):
    route = next(r for r in paths.between(paper, "tpj", "prosocial_concern") if r.concepts[1] == "mentalizing")
    first = route.steps[0]
    assert first.relation.id == "mentalizing|engages|tpj"  # points back at the start
    assert first.sentence.startswith("Temporoparietal junction is engaged by Mentalizing [Van Overwalle & Baetens 2009")


def test_routes_come_shortest_first_and_differ(paper):
    routes = paths.between(paper, "ventral_striatum", "sts", limit=3)
    lengths = [len(route.steps) for route in routes]
    assert lengths == sorted(lengths)
    assert len({route.concepts for route in routes}) == len(routes)


def test_a_route_through_hubs_only_is_flagged(paper):
    routes = paths.between(paper, "tpj", "prosocial_concern")
    through = next(r for r in routes if r.concepts[1:3] == ("mentalizing", "empathy"))
    assert [hub.id for hub in through.hubs] == ["mentalizing", "empathy"]
    assert through.loose
    assert through.why_loose == (
        "It passes only through Mentalizing and Empathy, which connect to much of the map: a loose link."
    )


def test_a_route_through_a_shared_method_is_flagged_as_loose():
    """Two concepts both studied with one method say little about each other."""
    concepts = [("a", "construct"), ("b", "construct"), ("c", "construct"), ("fmri", "method")]
    the_map = model.validate(
        {
            "meta": {"title": "T", "description": "D.", "source": {"citation": "C."}, "version": "1"},
            "concepts": [{"id": i, "label": i.upper(), "kind": k, "summary": "S."} for i, k in concepts],
            "relations": [
                {"source": "a", "type": "studied_with", "target": "fmri", "refs": ["r"], "note": "N."},
                {"source": "b", "type": "studied_with", "target": "fmri", "refs": ["r"], "note": "N."},
                {"source": "a", "type": "part_of", "target": "c", "refs": ["r"], "note": "N."},
            ],
            "references": [{"n": 1, "key": "r", "type": "book", "authors": ["A"], "year": 2000, "title": "T"}],
        }
    )
    (route,) = paths.between(the_map, "a", "b")
    assert route.concepts == ("a", "fmri", "b")
    assert route.loose
    assert route.why_loose == "It passes only through FMRI, a method used across the map: a loose link."
    (plain,) = paths.between(the_map, "c", "a")
    assert not plain.loose  # one step: nothing between


def test_a_route_through_a_specific_concept_is_not_loose(paper):
    routes = paths.between(paper, "tpj", "prosocial_concern")
    direct = next(r for r in routes if "social_exclusion_observation" in r.concepts)
    assert not direct.loose
    assert direct.why_loose is None


def test_no_route_says_so():
    the_map = model.validate(
        {
            "meta": {"title": "T", "description": "D.", "source": {"citation": "C."}, "version": "1"},
            "concepts": [{"id": i, "label": i.upper(), "kind": "construct", "summary": "S."} for i in "abc"],
            "relations": [{"source": "a", "type": "part_of", "target": "b", "refs": ["r"], "note": "N."}],
            "references": [{"n": 1, "key": "r", "type": "book", "authors": ["A"], "year": 2000, "title": "T"}],
        }
    )
    assert paths.between(the_map, "a", "c") == []
    assert paths.between(the_map, "a", "a") == []
    assert paths.between(the_map, "a", "nowhere") == []


def test_routes_on_another_map(example):
    routes = paths.between(example, "left_smg", "capacity_limit")
    assert routes
    assert all(step.citations for route in routes for step in route.steps)


# --- facets compared --------------------------------------------------------------------------------------


def test_facets_by_regions_matches_the_papers_figure(paper):
    regions = compare.matrix(paper, Kind.REGION)
    assert [facet.id for facet in regions.facets] == ["experience_sharing", "mentalizing", "prosocial_concern"]
    joined = {(facet, row) for facet, row in regions.cells}
    assert {("experience_sharing", "anterior_insula"), ("experience_sharing", "acc"), ("mentalizing", "tpj"),
            ("mentalizing", "mpfc"), ("prosocial_concern", "ventral_striatum")} <= joined  # fmt: skip
    assert "vmpfc" in {row.id for row in regions.shared()}  # joined to mentalizing and prosocial concern
    assert all(cell.references >= 1 for cell in regions.cells.values())


def test_a_cell_holds_the_relations_through_a_facets_parts(paper):
    regions = compare.matrix(paper, Kind.REGION)
    cell = regions.cells[("experience_sharing", "anterior_insula")]
    ends = {(relation.source, relation.target) for relation in cell.relations}
    assert ("affective_sharing", "anterior_insula") in ends  # affective sharing is part of experience sharing


@pytest.mark.parametrize("kind", compare.COMPARED)
def test_every_compared_kind_has_rows_only_of_that_kind(paper, kind):
    result = compare.matrix(paper, kind)
    assert all(row.kind == kind for row in result.rows)


def test_the_example_maps_facets_compared(example):
    result = compare.matrix(example, Kind.REGION)
    assert {(f, r) for f, r in result.cells} == {
        ("phonological_loop", "left_smg"),
        ("phonological_loop", "brocas_area"),
    }


# --- evidence ---------------------------------------------------------------------------------------------


def test_a_finding_from_a_meta_analysis_is_established(paper):
    relation = paper.relation_by_id["mentalizing|engages|tpj"]
    assert evidence.standing(paper, relation) == Standing.ESTABLISHED


def test_a_finding_from_one_study_is_tentative(paper):
    relation = paper.relation_by_id["prosocial_concern|engages|vmpfc"]
    assert evidence.standing(paper, relation) == Standing.TENTATIVE


def test_a_place_in_the_argument_is_interpretive(paper):
    relation = paper.relation_by_id["experience_sharing|part_of|empathy"]
    assert evidence.standing(paper, relation) == Standing.INTERPRETIVE


@pytest.mark.parametrize(
    "relation",
    [
        "pitfall_artificial_stimuli|leads_to|simulation_vs_theory_debate",
        "mentalizing|engages|sts",
        "domain_general_control|modulates|mentalizing_system",
        "reverse_inference|overlaps_with|pitfall_brain_behavior_gap",
        "subjective_valuation|part_of|prosocial_concern",
    ],
)
def test_the_overstated_relations_are_marked_as_the_maps_reading(paper, relation):
    assert evidence.standing(paper, paper.relation_by_id[relation]) == Standing.INTERPRETIVE


def test_the_review_found_no_longer_stands_as_it_did(paper):
    assert "somatosensory_sharing|studied_with|tms" not in paper.relation_by_id  # TMS measured motor responses
    assert "motor_resonance|studied_with|tms" in paper.relation_by_id
    lumped = {"insula": "anterior_insula", "MCC": "acc", "caudate": "ventral_striatum"}
    for alias, region in lumped.items():
        assert alias not in paper.concept_by_id[region].aliases  # said in the summary, not offered to search
        assert alias in paper.concept_by_id[region].summary


def test_the_paper_cites_itself_for_its_own_definitions(paper):
    for role in ("perceiver", "target"):
        relation = paper.relation_by_id[f"{role}|role_in|empathy"]
        assert relation.refs == (paper.meta.source.key,)


def test_every_reference_says_what_kind_of_work_it_is(paper):
    assert all(reference.evidence is not None for reference in paper.references)


def test_the_summary_counts_the_maps_evidence(paper):
    summary = evidence.summary(paper)
    assert sum(summary.standings.values()) == len(paper.relations)
    assert sum(summary.references_per_relation.values()) == len(paper.relations)
    assert all(len(r.refs) == 1 for r in summary.single_reference)
    assert summary.most_cited[0][0].key == "vanoverwalle2009"
    assert summary.most_connected[0].concept.id == "mentalizing"
    assert 0 < summary.most_connected[0].betweenness < 1
    assert sum(summary.by_year.values()) == len(paper.references)


def test_a_relation_may_say_its_own_standing(minimal_data):
    minimal_data["relations"][0]["standing"] = "tentative"
    the_map = model.validate(minimal_data)
    assert evidence.standing(the_map, the_map.relations[0]) == Standing.TENTATIVE


def test_an_unknown_standing_or_evidence_kind_is_refused(minimal_data):
    minimal_data["relations"][0]["standing"] = "certain"
    minimal_data["references"][0]["evidence"] = "anecdote"
    with pytest.raises(model.MapError) as caught:
        model.validate(minimal_data)
    text = str(caught.value)
    assert "'certain' is not allowed here" in text
    assert "'anecdote' is not allowed here" in text


def test_a_named_view_must_name_concepts_of_the_map(minimal_data):
    minimal_data["views"] = [{"id": "fig", "title": "F", "concepts": ["nope"]}]
    with pytest.raises(model.MapError, match="unknown concept 'nope'"):
        model.validate(minimal_data)


def test_relation_types_that_are_findings_are_not_all(paper):
    assert RelationType.PART_OF not in FINDINGS
