"""The view as one typed object (components/view/address.py): one decoder and one encoder of its address, used
by the page, the export's scope and the command line; and the one rule for what a view lights (highlight.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components.model import load
from components.view import address, highlight
from components.view.address import View

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def paper():
    return load.load_concepts(ROOT / "concepts.yaml")


@pytest.fixture(scope="module")
def options(paper):
    return address.allowed(paper, ["details", "path", "tour", "references", "brain"])


def test_the_default_view_has_an_empty_address():
    assert address.encode(View()) == {}
    assert address.decode({}, {}) == View()


def test_an_address_names_its_view_and_back(paper, options):
    view = address.read(paper, "?selected=tpj&kinds=region&kinds=method&depth=2&panel=brain&present=1&quiz=42")
    assert view == View(selected="tpj", kinds=("region", "method"), depth=2, panel="brain", present=1, quiz=42)
    assert address.decode(address.encode(view), options) == view


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_every_view_the_map_allows_survives_its_address(paper, options, data):
    """decode(encode(view)) is the view, for any values the map allows."""
    values = {}
    for key in address.KEYS:
        allowed = list(options[key])
        default = getattr(address.DEFAULT, key)
        if not allowed or data.draw(st.booleans()):
            continue
        if isinstance(default, tuple):
            chosen = data.draw(st.lists(st.sampled_from(allowed), max_size=2 if key == "path" else 4, unique=True))
            values[key] = tuple(chosen)
        else:
            values[key] = data.draw(st.sampled_from(allowed[:50]))
    view = View(**values)
    assert address.decode(address.encode(view), options) == view


@pytest.mark.parametrize("text", ["²", "⑨", "٣", "9" * 5000, "-1", "1e3", " 1", ""])
def test_a_number_no_map_has_is_left_at_its_default(paper, text):
    view = address.read(paper, f"step={text}&quiz={text}&depth={text}&route={text}")
    assert (view.step, view.quiz, view.depth, view.route) == (1, 0, 0, 1)


def test_a_value_the_map_lacks_is_left_out(paper, options):
    view = address.decode(
        {"kinds": ["region", "nonsense"], "selected": ["<b>"], "panel": ["nowhere"], "path": ["tpj", "x", "acc"]},
        options,
    )
    assert view == View(kinds=("region",), path=("tpj", "acc"))


def test_the_command_line_reads_any_panel_name_the_core_has_no_rule_for(paper):
    """The export's scope knows only the panels the core gives a meaning to (path, tour); the rest pass."""
    assert address.read(paper, "panel=evidence").panel == "evidence"


def test_the_filters_of_a_view_are_what_the_page_applies(paper):
    named = paper.views[-1]
    view = address.read(paper, f"kinds=region&view={named.id}&standing=established&selected=tpj&depth=1")
    filters = view.filters(paper)
    assert filters.kinds == {"region"}
    assert filters.standings == {"established"}
    assert filters.only == set(named.concepts)
    assert filters.focus == ("tpj",)
    assert filters.focus_depth == 1
    assert view.active_filters == 4


def test_a_tour_step_is_lit_before_a_path_and_a_path_before_a_reference(paper):
    tour = paper.tours[0]
    reference = paper.references[0].key
    both = f"tour={tour.id}&step=2&path=tpj&path=prosocial_concern&ref={reference}"

    touring = highlight.lit(paper, address.read(paper, f"panel=tour&{both}"))
    assert touring is not None
    assert touring.touring
    assert set(touring.frame) == set(tour.steps[1].concepts) | set(touring.concepts)

    routing = highlight.lit(paper, address.read(paper, f"panel=path&{both}"))
    assert routing is not None
    assert not routing.touring
    assert {"tpj", "prosocial_concern"} <= set(routing.concepts)
    assert routing.frame == routing.concepts

    citing = highlight.lit(paper, address.read(paper, f"panel=references&{both}"))
    assert citing is not None
    assert citing.frame == ()
    assert all(reference in paper.relation_by_id[r].refs for r in citing.relations)

    assert highlight.lit(paper, address.read(paper, "panel=path&path=tpj")) is None


def test_the_routes_not_chosen_are_faint_and_a_step_past_the_end_is_the_last(paper):
    view = address.read(paper, "panel=path&path=tpj&path=prosocial_concern&route=2")
    found = highlight.routes(paper, view)
    lit = highlight.lit(paper, view, found)
    assert lit is not None
    if len(found) > 1:
        assert lit.concepts == found[1].concepts
        assert set(lit.faint).isdisjoint(lit.relations)
    tour = paper.tours[0]
    last = highlight.tour_step(paper, address.read(paper, f"panel=tour&tour={tour.id}&step={len(tour.steps)}"))
    beyond = View(panel="tour", tour=tour.id, step=len(tour.steps) + 5)
    assert highlight.tour_step(paper, beyond) == last


def test_build_mode_has_its_address_and_takes_no_other_value(paper, options):
    assert address.encode(View(build=1, panel="build")) == {"panel": ["build"], "build": ["1"]}
    assert address.read(paper, "?build=1").panel == "build"  # the link a class is given opens the Build panel
    assert address.read(paper, "?build=1&panel=quiz").panel == "quiz"
    assert address.decode(address.encode(View(build=1)), options) == View(build=1)
    assert address.read(paper, "?build=1").build == 1
    assert address.read(paper, "?build=2").build == 0
    assert address.KEYS[-2:] == ("build", "use")


def test_the_address_can_set_the_exercise_concepts_one_link_hands_a_class(paper):
    view = address.read(paper, "?build=1&use=tpj&use=acc&use=nonsense")
    assert view.use == ("tpj", "acc")  # what the map lacks is left out
    assert address.encode(view)["use"] == ["tpj", "acc"]
