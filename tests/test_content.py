"""The paper's map, concepts.yaml: complete, cited and faithful to the shape the issues ask for."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
import yaml

from components.analysis import graph
from components.model import load
from components.model.concepts import ConceptMap, reference_use
from components.model.vocabulary import Kind, RelationType

ROOT = Path(__file__).parents[1]
REFERENCES_COPY = Path(__file__).parent / "data" / "shared_references.yaml"
SHARED_REFERENCES = ROOT.parent / "shared" / "data" / "references.yaml"  # the original, beside the workspace
FACET_REGIONS = {
    "experience_sharing": {"anterior_insula", "acc", "premotor_cortex", "ipl", "somatosensory_cortex"},
    "mentalizing": {"mpfc", "tpj", "pcc_precuneus", "sts", "temporal_pole"},
    "prosocial_concern": {"ventral_striatum", "vmpfc"},
}


@pytest.fixture(scope="module")
def paper() -> ConceptMap:
    return load.load_concepts(ROOT / "concepts.yaml")


def test_the_file_points_editors_at_the_schema():
    assert (ROOT / "concepts.yaml").read_text().startswith("# yaml-language-server: $schema=concepts.schema.json")


def test_it_models_the_paper(paper: ConceptMap):
    assert paper.meta.source.doi == "10.1038/nn.3085"
    assert 60 <= len(paper.concepts) <= 120
    assert 120 <= len(paper.relations) <= 250


def test_the_three_facets_are_parts_of_empathy_with_their_older_names(paper: ConceptMap):
    facets = {c.id for c in paper.concepts if c.kind == Kind.FACET}
    assert facets == set(FACET_REGIONS)
    parts = {(r.source, r.target) for r in paper.relations if r.type == RelationType.PART_OF}
    assert {(facet, "empathy") for facet in facets} <= parts
    aliases = {alias.lower() for facet in facets for alias in paper.concept_by_id[facet].aliases}
    assert {"theory of mind", "emotional contagion", "empathic concern"} <= aliases


def test_perceiver_and_target_are_in_the_map(paper: ConceptMap):
    assert {"perceiver", "target"} <= set(paper.concept_by_id)


@pytest.mark.parametrize("facet", sorted(FACET_REGIONS))
def test_each_facet_reaches_its_regions_directly_or_through_a_process(paper: ConceptMap, facet: str):
    """A region belongs to a facet through `engages`, from the facet or from one of its processes."""
    processes = {r.source for r in paper.relations if r.type == RelationType.PART_OF and r.target == facet}
    engaged = {r.target for r in paper.relations if r.type == RelationType.ENGAGES and r.source in {facet, *processes}}
    assert FACET_REGIONS[facet] <= engaged


def test_the_lesion_double_dissociation_has_ifg_and_vmpfc(paper: ConceptMap):
    cited = {(r.source, r.target) for r in paper.relations if "shamaytsoory2009" in r.refs}
    ends = {end for pair in cited for end in pair}
    assert {"ifg", "vmpfc"} <= ends


def test_every_region_has_coordinates_and_their_source(paper: ConceptMap):
    regions = [c for c in paper.concepts if c.kind == Kind.REGION]
    assert len(regions) >= 12
    for region in regions:
        assert region.mni is not None, region.id
        assert region.mni_source, region.id


def test_all_fifty_references_are_there_and_each_is_cited(paper: ConceptMap):
    assert [r.n for r in paper.references] == list(range(1, 51))
    use = reference_use(paper)
    assert [key for key, count in use.items() if count == 0] == []


def test_references_match_the_shared_reference_list(paper: ConceptMap):
    listed = yaml.safe_load(REFERENCES_COPY.read_text())
    if SHARED_REFERENCES.exists():  # in the workspace, the copy must still be the original's
        assert listed == yaml.safe_load(SHARED_REFERENCES.read_text())
    shared = {entry["key"]: entry for entry in listed}
    for reference in paper.references:
        source = shared[reference.key]
        assert (reference.n, reference.title, reference.year) == (source["n"], source["title"], source["year"])
        assert reference.doi == source.get("doi"), reference.key  # only DOIs the research confirmed


def test_every_relation_has_references_and_a_note(paper: ConceptMap):
    for relation in paper.relations:
        assert relation.refs, relation
        assert len(relation.note.split()) >= 5, relation


def test_the_map_is_one_connected_whole(paper: ConceptMap):
    assert nx.is_weakly_connected(graph.build(paper))


def test_pitfalls_are_addressed_by_trends_that_lead_somewhere(paper: ConceptMap):
    pitfalls = {c.id for c in paper.concepts if c.kind == Kind.PITFALL}
    trends = {c.id for c in paper.concepts if c.kind == Kind.TREND}
    assert len(pitfalls) == 2
    assert len(trends) == 2
    addressed = {r.target for r in paper.relations if r.type == RelationType.ADDRESSES and r.source in trends}
    assert addressed == pitfalls
    assert trends <= {r.source for r in paper.relations if r.type == RelationType.LEADS_TO}  # each opens a direction
