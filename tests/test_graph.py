"""The map as a graph: building it, neighbourhoods, facets, layout, and the filters over it."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest

from components.analysis import graph
from components.analysis.filters import Filters
from components.model import concepts as model
from components.model import load
from components.model.concepts import ConceptMap
from components.model.generate import generated_map
from components.view import drawing, layout

SMALL = Path(__file__).parent / "data" / "app" / "small.yaml"
PAPER = Path(__file__).parents[1] / "concepts.yaml"


@pytest.fixture(scope="module")
def small() -> ConceptMap:
    return load.load_concepts(SMALL)


@pytest.fixture(scope="module")
def small_graph(small: ConceptMap):
    return graph.build(small)


def test_build_has_a_node_per_concept_and_an_edge_per_relation(small: ConceptMap, small_graph):
    assert set(small_graph.nodes) == {c.id for c in small.concepts}
    assert small_graph.number_of_edges() == len(small.relations)
    assert small_graph.nodes["tpj"]["kind"] == "region"
    assert ("mentalizing", "tpj", "mentalizing|engages|tpj") in small_graph.edges(keys=True)


@pytest.mark.parametrize(
    ("depth", "expected"),
    [(0, {"tpj"}), (1, {"tpj", "mentalizing"}), (2, {"tpj", "mentalizing", "mpfc", "empathy", "sharing",
                                                     "false_belief", "autism"})],
)  # fmt: skip
def test_neighbourhood_goes_both_ways_up_to_depth(small_graph, depth, expected):
    assert graph.neighbourhood(small_graph, ["tpj"], depth) == expected


def test_neighbourhood_ignores_unknown_centres(small_graph):
    assert graph.neighbourhood(small_graph, ["nowhere"], 2) == set()


def test_home_facet_is_the_nearest_facet(small_graph):
    home = graph.home_facets(small_graph)
    assert home["ai"] == "sharing"
    assert home["tpj"] == "mentalizing"
    assert home["sharing"] == "sharing"


def test_most_connected_comes_first(small_graph):
    assert graph.most_connected(small_graph, 1) == [("mentalizing", 6)]


def test_paper_regions_sit_with_their_facet():
    home = graph.home_facets(graph.build(load.load_concepts(PAPER)))
    assert home["anterior_insula"] == "experience_sharing"
    assert home["tpj"] == "mentalizing"
    assert home["ventral_striatum"] == "prosocial_concern"


def test_layout_is_deterministic_and_spreads_the_facets(small_graph):
    first = layout.positions(small_graph)
    assert first == layout.positions(small_graph)
    assert set(first) == set(small_graph.nodes)
    (x1, y1), (x2, y2) = first["sharing"], first["mentalizing"]
    assert math.dist((x1, y1), (x2, y2)) > 2 * layout.EDGE_LENGTH


def test_a_map_of_two_thousand_concepts_is_laid_out_without_scipy(monkeypatch):
    """Maps of 500 concepts or more once crashed: networkx's spring layout needs scipy at that size."""
    monkeypatch.setitem(sys.modules, "scipy", None)  # importing it now fails, as on a fresh install
    big = graph.build(model.validate(generated_map(2_000)))

    placed = layout.positions(big)

    assert set(placed) == set(big.nodes)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in placed.values())
    # a force layout of a large map piles a hub's leaves on the hub: almost none may sit on another concept
    cells: dict[tuple[int, int], int] = {}
    for x, y in placed.values():
        cells[(int(x // 5), int(y // 5))] = cells.get((int(x // 5), int(y // 5)), 0) + 1
    assert sum(count - 1 for count in cells.values()) < 0.02 * len(placed)


def test_leaves_hang_round_their_concept():
    big = graph.build(model.validate(generated_map(300)))
    placed = layout.positions(big)
    undirected = big.to_undirected(as_view=True)
    leaves = [node for node in big if len(undirected[node]) == 1]
    assert leaves
    for leaf in leaves:
        (hub,) = undirected[leaf]
        assert layout.LEAF_GAP * 0.99 <= math.dist(placed[leaf], placed[hub]) <= layout.LEAF_GAP * math.sqrt(len(big))


def test_no_filters_keep_everything(small_graph):
    visible = Filters().apply(small_graph)
    assert visible.nodes == set(small_graph.nodes)
    assert len(visible.edges) == small_graph.number_of_edges()
    assert not Filters().active


def test_kind_filter_keeps_relations_between_kept_concepts_only(small_graph):
    visible = Filters(kinds=frozenset({"facet", "region"})).apply(small_graph)
    assert visible.nodes == {"sharing", "mentalizing", "ai", "tpj", "mpfc"}
    assert visible.edges == {"mentalizing|engages|tpj", "mentalizing|engages|mpfc",
                             "sharing|dissociates_from|mentalizing"}  # fmt: skip


def test_facet_filter_keeps_k_steps_around_the_facet(small_graph):
    visible = Filters(facets=frozenset({"sharing"}), facet_depth=1).apply(small_graph)
    assert visible.nodes == {"sharing", "empathy", "affective_sharing", "mentalizing"}


def test_relation_type_filter_keeps_the_ends_of_those_relations(small_graph):
    visible = Filters(relation_types=frozenset({"part_of"})).apply(small_graph)
    assert visible.nodes == {"sharing", "mentalizing", "empathy", "affective_sharing"}
    assert all("|part_of|" in edge for edge in visible.edges)


def test_focus_applies_after_the_other_filters(small_graph):
    visible = Filters(kinds=frozenset({"facet", "region"}), focus=("tpj",), focus_depth=2).apply(small_graph)
    assert visible.nodes == {"tpj", "mentalizing", "mpfc", "sharing"}


def test_focus_on_a_relation_keeps_both_ends(small_graph):
    visible = Filters(focus=("affective_sharing", "ai"), focus_depth=1).apply(small_graph)
    assert visible.nodes == {"affective_sharing", "ai", "sharing"}


def test_filters_are_hashable_values():
    assert hash(Filters(kinds=frozenset({"region"}))) == hash(Filters(kinds=frozenset({"region"})))


def _overlapping(placed: dict, rooms: dict) -> int:
    ids = list(placed)
    count = 0
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            ra, rb = rooms[a], rooms[b]
            dx = placed[b][0] - placed[a][0]
            dy = (placed[b][1] + rb.below / 2) - (placed[a][1] + ra.below / 2)
            if (ra.width + rb.width) / 2 - abs(dx) > 0.5 and (ra.height + rb.height) / 2 - abs(dy) > 0.5:
                count += 1
    return count


def test_room_is_made_for_every_promised_name_on_the_papers_map():
    paper = load.load_concepts(PAPER)
    rooms = drawing.rooms(paper, drawing.ranks(paper))
    loose = layout.positions(graph.build(paper))
    assert _overlapping(loose, rooms) > 10  # a force layout crowds its middle
    placed = layout.make_room(loose, rooms)
    assert _overlapping(placed, rooms) == 0
    assert placed == layout.make_room(loose, rooms)  # the same map, the same picture


def test_making_room_keeps_the_facets_where_they_were_relative_to_each_other():
    paper = load.load_concepts(PAPER)
    loose = layout.positions(graph.build(paper))
    placed = layout.make_room(loose, drawing.rooms(paper, drawing.ranks(paper)))
    facets = ["experience_sharing", "mentalizing", "prosocial_concern"]
    for a in facets:
        for b in facets:
            before = (loose[b][0] - loose[a][0], loose[b][1] - loose[a][1])
            after = (placed[b][0] - placed[a][0], placed[b][1] - placed[a][1])
            assert before[0] * after[0] >= 0  # on the same side of each other
            assert before[1] * after[1] >= 0


def test_a_name_box_wraps_between_words_like_the_view():
    width, height = drawing.name_box("Posterior cingulate cortex / precuneus", 12)
    assert height >= 2 * 12 * 1.15  # more than one line at ten font sizes wide
    assert width <= 12 * drawing.LINE_EM
    assert drawing.name_box("Empathy", 12)[1] == pytest.approx(12 * 1.15)
    long_word, _ = drawing.name_box("Pneumonoultramicroscopicsilicovolcanoconiosis", 12)
    assert long_word > 12 * drawing.LINE_EM  # a word longer than a line stands whole, never split


def test_the_layout_loads_without_matplotlib_which_stays_importable():
    """igraph looks for matplotlib on import (half a second of a cold start); the layout spares it that."""
    code = (
        "import sys; import components.view.layout as layout; assert 'matplotlib' not in sys.modules; "
        "layout.igraph.Graph(n=2, edges=[(0, 1)]).layout_fruchterman_reingold(); "
        "import matplotlib.pyplot; print('ok')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.strip() == "ok", done.stderr
