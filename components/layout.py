"""Where each concept starts on the canvas: facets spread apart, the rest near their nearest facet.

igraph's Fruchterman-Reingold layout (C code; a grid of cells makes it near-linear above 1,000
concepts) places the concepts, with the facets pinned on a circle so the map keeps one shape.
Concepts with a single relation (leaves) are then set round the concept they hang on, like seeds in
a sunflower: a force layout of a large map piles a hub's leaves on top of it. Nothing here needs
more than igraph: networkx's spring layout needs scipy from 500 concepts and takes minutes at 5,000.
"""

from __future__ import annotations

import math
import random
import statistics
import threading

import igraph

from . import graph as graphs
from .graph import Graph

EDGE_LENGTH = 110.0  # canvas pixels between related concepts, as vis-network's springLength
LEAF_GAP = 0.6 * EDGE_LENGTH  # from a concept to its first leaf
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))  # spreads points on a spiral evenly
ITERATIONS = 500
_UNBOUNDED = 1e12
# igraph draws its random numbers from one generator for the whole process; a layout seeds it and
# puts it back, one layout at a time, so the same map always gets the same picture.
_RANDOM = threading.Lock()


def positions(graph: Graph[str], seed: int = 7) -> dict[str, tuple[float, float]]:
    """Deterministic (x, y) in canvas pixels for every concept."""
    if graph.number_of_nodes() == 0:
        return {}
    undirected = graph.to_undirected(as_view=True)
    facets = graphs.facets(graph)
    hubs = {node: next(iter(undirected[node])) for node in graph.nodes if len(undirected[node]) == 1}
    leaves = {leaf: hub for leaf, hub in hubs.items() if leaf not in facets and hub not in hubs}
    placed = _force_layout(graph, [node for node in graph.nodes if node not in leaves], facets, seed)
    hung: dict[str, list[str]] = {}
    for leaf, hub in leaves.items():
        hung.setdefault(hub, []).append(leaf)
    for hub, its_leaves in hung.items():
        hx, hy = placed[hub]
        turn = math.atan2(hy, hx)  # the first leaf points away from the map's centre
        for order, leaf in enumerate(its_leaves):
            radius = LEAF_GAP * math.sqrt(order + 1)
            angle = turn + GOLDEN_ANGLE * order
            placed[leaf] = (hx + radius * math.cos(angle), hy + radius * math.sin(angle))
    return {node: (round(x, 1), round(y, 1)) for node, (x, y) in placed.items()}


def _force_layout(graph: Graph[str], nodes: list[str], facets: list[str], seed: int) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold over `nodes`, facets pinned, scaled so a typical relation is EDGE_LENGTH long."""
    index = {node: position for position, node in enumerate(nodes)}
    pairs = {tuple(sorted((index[a], index[b]))) for a, b in graph.edges() if a != b and a in index and b in index}
    radius = math.sqrt(len(nodes)) * 0.6  # the facets' circle, in the layout's own units
    anchors = _facet_anchors(facets, radius)
    home = graphs.home_facets(graph)
    start = []
    for position, node in enumerate(nodes):
        ax, ay = anchors.get(home.get(node, ""), (0.0, 0.0))
        spread = radius * 0.45 * math.sqrt((position + 1) / len(nodes))
        angle = GOLDEN_ANGLE * position
        start.append(anchors.get(node, (0.55 * ax + spread * math.cos(angle), 0.55 * ay + spread * math.sin(angle))))
    low = [anchors[node][axis] if node in anchors else -_UNBOUNDED for node in nodes for axis in (0, 1)]
    high = [anchors[node][axis] if node in anchors else _UNBOUNDED for node in nodes for axis in (0, 1)]
    network = igraph.Graph(n=len(nodes), edges=sorted(pairs))
    with _RANDOM:
        igraph.set_random_number_generator(random.Random(seed))
        try:
            coords = network.layout_fruchterman_reingold(
                seed=start, niter=ITERATIONS, grid="auto",
                minx=low[0::2], maxx=high[0::2], miny=low[1::2], maxy=high[1::2],
            ).coords  # fmt: skip
        finally:
            igraph.set_random_number_generator(random)
    scale = EDGE_LENGTH / _spacing(coords, [math.dist(coords[a], coords[b]) for a, b in pairs])
    return {node: (x * scale, y * scale) for node, (x, y) in zip(nodes, coords, strict=True)}


def _spacing(coords: list[list[float]], lengths: list[float]) -> float:
    """The typical distance between neighbouring concepts: the length of a relation in a small map, the
    side of each concept's share of the area in a large one (whose long relations cross the map)."""
    typical = statistics.median(lengths) if lengths else 1.0
    if len(coords) > 2:
        xs, ys = sorted(x for x, _ in coords), sorted(y for _, y in coords)
        low, high = len(coords) // 20, len(coords) - 1 - len(coords) // 20  # the middle 90%
        share = math.sqrt((xs[high] - xs[low]) * (ys[high] - ys[low]) * 0.81 / len(coords))
        typical = min(typical, share) if share > 0 else typical
    return max(typical, 1e-6)


def _facet_anchors(facets: list[str], radius: float) -> dict[str, tuple[float, float]]:
    """Facets evenly round a circle, the first at the top."""
    count = len(facets)
    return {
        facet: (radius * math.cos(angle), radius * math.sin(angle))
        for facet, angle in ((f, -math.pi / 2 + 2 * math.pi * i / count) for i, f in enumerate(facets))
    }
