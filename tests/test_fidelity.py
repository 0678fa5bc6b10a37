"""Issue #19, the fidelity pass: each finding of the expert review, as a test that fails if it comes back.

The paper's map says only what the paper and its cited works say, and every standing is earned. The
generic checks on tours (what a step cites, what it names in bold) run over every map in the repository.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from components.analysis import evidence
from components.model import load, mni
from components.model.concepts import ConceptMap, TourStep
from components.model.vocabulary import RELATIONS, Kind, RelationType, Standing
from components.teaching import tours
from components.view import drawing

ROOT = Path(__file__).parents[1]
# Every map in the repository (the student's map too: a map that has tours must keep them true).
MAP_FILES = [ROOT / "concepts.yaml", *sorted((ROOT / "examples").glob("*.yaml"))]
FIGURE = re.compile(r"\(Figure (\d+)\)")


@pytest.fixture(scope="module")
def paper() -> ConceptMap:
    return load.load_concepts(ROOT / "concepts.yaml")


@pytest.fixture(scope="module")
def edges(paper: ConceptMap) -> dict[str, dict[str, object]]:
    """The map's lines as the view draws them, by relation id."""
    return {edge["id"]: edge for edge in drawing.payload(paper, {})["edges"]}


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


REASONS = re.compile(r"map's|map reads|authors'|uncertain|contested|tentative|one study", re.IGNORECASE)


@pytest.mark.parametrize("path", MAP_FILES, ids=lambda path: path.name)
def test_a_relation_that_states_its_own_standing_says_why_in_its_note(path: Path):
    """A stated standing overrides the rule: its note names the reading or the doubt behind it."""
    concept_map = load.parse(path.read_text(encoding="utf-8"), path.name, student=True)
    for relation in concept_map.relations:
        if relation.standing is not None:
            assert REASONS.search(relation.note), relation.id


# --- every tour, in every map -----------------------------------------------------------------------------


def maps_with_tours() -> list[tuple[str, ConceptMap]]:
    found = []
    for path in MAP_FILES:
        concept_map = load.parse(path.read_text(encoding="utf-8"), path.name, student=True)
        if concept_map.tours:
            found.append((path.name, concept_map))
    return found


def steps_of_every_tour() -> list[tuple[ConceptMap, TourStep]]:
    return [(m, step) for _, m in maps_with_tours() for tour in m.tours for step in tour.steps]


def step_id(value: object) -> str:
    return value.title if isinstance(value, TourStep) else ""


def test_the_repositorys_maps_with_tours_include_the_paper_and_the_example():
    assert {name for name, _ in maps_with_tours()} >= {"concepts.yaml", "working_memory.yaml"}


@pytest.mark.parametrize(("concept_map", "step"), steps_of_every_tour(), ids=step_id)
def test_every_tour_step_cites_the_works_it_rests_on_and_each_exists(concept_map: ConceptMap, step: TourStep):
    assert step.refs, f"'{step.title}' cites no work"
    known = set(concept_map.reference_by_key) | ({concept_map.meta.source.key} if concept_map.meta.source else set())
    assert set(step.refs) <= known


@pytest.mark.parametrize(("concept_map", "step"), steps_of_every_tour(), ids=step_id)
def test_every_concept_a_tour_step_names_in_bold_is_among_its_concepts(concept_map: ConceptMap, step: TourStep):
    """A name in bold is one the reader is asked to find on the map: the step must show it."""
    assert tours.unshown(concept_map, step) == []


def test_a_bold_name_the_step_does_not_show_is_caught(paper: ConceptMap):
    sample = TourStep(title="T", text="The **somatosensory cortex** and **TPJ**.", concepts=("tpj",), refs=("x",))
    assert tours.bold(sample.text) == ["somatosensory cortex", "TPJ"]
    assert tours.unshown(paper, sample) == ["somatosensory cortex"]


def sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", text.replace("**", "").replace("*", ""))


def names_in(concept_map: ConceptMap, concept: str, text: str) -> bool:
    """Whether the text names the concept, by a whole name (so 'SI' is not found in 'sharing')."""
    names = tours.names(concept_map.concept_by_id[concept])
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE) for name in names)


def regions_reached(concept_map: ConceptMap, facet: str) -> set[str]:
    """The regions a facet engages, itself or through its processes."""
    parts = {r.source for r in concept_map.relations if r.type == RelationType.PART_OF and r.target == facet}
    return {r.target for r in concept_map.relations if r.type == RelationType.ENGAGES and r.source in {facet, *parts}}


def figure_steps() -> list[tuple[ConceptMap, TourStep]]:
    return [(m, step) for m, step in steps_of_every_tour() if FIGURE.search(step.title)]


@pytest.mark.parametrize(("concept_map", "step"), figure_steps(), ids=step_id)
def test_a_tour_step_that_is_a_figure_agrees_with_the_figures_view(concept_map: ConceptMap, step: TourStep):
    """The view's regions for the step's facets are all shown; any other region the step shows is named in
    a sentence that says how it stands to the figure."""
    number = FIGURE.search(step.title).group(1)  # type: ignore[union-attr]
    view = next(v for v in concept_map.views if re.match(rf"Figure {number}\b", v.title))
    by_id = concept_map.concept_by_id
    facets = [c for c in step.concepts if by_id[c].kind == Kind.FACET]
    assert facets, f"'{step.title}' shows no facet of the figure"
    for facet in facets:
        assert regions_reached(concept_map, facet) & set(view.concepts) <= set(step.concepts), facet
    outside = [c for c in step.concepts if by_id[c].kind == Kind.REGION and c not in view.concepts]
    for region in outside:
        naming = [s for s in sentences(step.text) if names_in(concept_map, region, s)]
        assert naming, f"'{step.title}' shows {region}, which the figure's view leaves out, without naming it"
        assert all("figure" in s.lower() for s in naming), f"'{step.title}' does not say {region} is not the figure's"


def test_the_papers_figure_steps_say_which_figure_they_are(paper: ConceptMap):
    titles = [step.title for m, step in figure_steps() if m.meta.title == paper.meta.title]
    assert titles == [
        "Three facets of empathy (Figure 1)",
        "Experience sharing and its regions (Figure 2)",
        "Mentalizing and its regions (Figure 2)",
    ]


# --- the tour of the paper: the six steps the review found saying more than the paper or its works --------


def step(paper: ConceptMap, title: str) -> TourStep:
    return next(s for tour in paper.tours for s in tour.steps if s.title.startswith(title))


def plain(step: TourStep) -> str:
    return step.text.replace("**", "").replace("*", "")


def test_step_3_is_figure_2_and_agrees_with_its_view_on_somatosensory_cortex(paper: ConceptMap):
    """The figure's label for somatosensory cortex is uncertain: the view leaves it out, and the step says it
    comes from Keysers and colleagues' review, not the figure."""
    shared = step(paper, "Experience sharing and its regions")
    assert shared.title.endswith("(Figure 2)")
    figure = next(view for view in paper.views if view.id == "figure2")
    assert "somatosensory_cortex" not in figure.concepts
    assert "somatosensory_cortex" in shared.concepts
    (sentence,) = [s for s in sentences(shared.text) if names_in(paper, "somatosensory_cortex", s)]
    assert "Keysers" in sentence
    assert "leaves it out" in sentence
    assert "keysers2010" in shared.refs


def test_the_figure_2_view_has_the_figures_approaches_as_well_as_its_regions(paper: ConceptMap):
    """Figure 2 is 'Neuroscientific approaches to studying experience sharing and mentalizing, and the brain
    regions associated with each': each facet's paradigm is in the view."""
    figure = next(view for view in paper.views if view.id == "figure2")
    assert figure.title.startswith("Figure 2: approaches")
    for facet, paradigm in (("experience_sharing", "neural_resonance_paradigm"), ("mentalizing", "mentalizing_tasks")):
        assert f"{facet}|studied_with|{paradigm}" in paper.relation_by_id
        assert {facet, paradigm} <= set(figure.concepts)


def test_step_7_words_its_examples_and_its_reading_as_the_maps(paper: ConceptMap):
    text = plain(step(paper, "Pitfall 1"))
    assert "For instance (the map's examples, not the paper's)" in text
    assert "the map reads this as" in text
    assert "fostered the debate" not in text


def test_the_pitfall_leads_to_the_debate_as_the_maps_reading(paper: ConceptMap):
    relation = paper.relation_by_id["pitfall_artificial_stimuli|leads_to|simulation_vs_theory_debate"]
    assert "the map's reading" in relation.note
    assert standing(paper, relation.id) == Standing.INTERPRETIVE


def test_step_9_says_what_each_trend_1_work_showed_and_cites_only_those(paper: ConceptMap):
    """Lombardo 2010 used judgments, not rich cues; Zaki 2010 and Spunt 2012 sit with Pitfall 1 in the
    paper's citation order, so the trend does not cite them."""
    trend = step(paper, "Trend 1")
    text = plain(trend)
    assert "two systems connect" not in text
    assert not {"zaki2010", "spunt2012"} & set(trend.refs)
    assert set(trend.refs) == {"wolf2010", "redcay2010", "zaki2007", "lombardo2010"}
    for who in ("Wolf", "Redcay", "Zaki", "Lombardo"):
        assert who in text
    assert "rather than rich cues" in text
    assert "The map reads" in text
    assert {"zaki2010", "spunt2012"} <= set(step(paper, "Simulation against theory").refs)  # where they belong


def test_step_10_speaks_of_accurate_judgments_not_accurate_perceivers(paper: ConceptMap):
    text = plain(step(paper, "Trend 2"))
    assert "accurate perceivers" not in text
    assert "accurate judgments" in text
    assert "accurate with their inaccurate judgments" in text


def test_step_13_says_training_helped_only_on_tasks_close_to_it(paper: ConceptMap):
    clinical = step(paper, "The promise: clinical translation")
    assert "only on tasks close to the training" in plain(clinical)
    assert "golan2006" in clinical.refs
    assert "contested" in plain(clinical)  # the mirror-neuron account, as its relation says


def test_step_14_says_tms_read_out_motor_excitability_not_causal_tests(paper: ConceptMap):
    levels = step(paper, "The promise: many levels")
    text = plain(levels)
    assert "causal" not in text
    assert "single pulses over motor cortex to read out motor-evoked potentials" in text
    assert "motor_evoked_potentials" in levels.concepts
    assert "avenanti2005" in levels.refs
