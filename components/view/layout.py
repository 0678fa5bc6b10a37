"""Where each concept starts on the canvas: facets spread apart, the rest near their nearest facet.

igraph's Fruchterman-Reingold layout (C code; a grid of cells makes it near-linear above 1,000
concepts) places the concepts, with the facets pinned on a circle so the map keeps one shape.
Concepts with a single relation (leaves) are then set round the concept they hang on, like seeds in
a sunflower: a force layout of a large map piles a hub's leaves on top of it. Nothing here needs
more than igraph: networkx's spring layout needs scipy from 500 concepts and takes minutes at 5,000.
"""

from __future__ import annotations

import importlib
import math
import random
import statistics
import sys
import threading
from dataclasses import dataclass
from types import ModuleType

from components.analysis import graph as graphs
from components.analysis.graph import Graph


def _igraph_without_plotting() -> ModuleType:
    """igraph, imported without looking for matplotlib: on import it loads matplotlib (half a second,
    on a cold start's first page) for plotting, which the map never asks of it. If matplotlib is loaded
    already, or something else has it in hand, igraph is imported as usual."""
    if "igraph" in sys.modules or "matplotlib" in sys.modules:
        return importlib.import_module("igraph")
    sys.modules["matplotlib"] = None  # type: ignore[assignment]  # its import fails at once: igraph plots without
    try:
        return importlib.import_module("igraph")
    finally:
        if sys.modules.get("matplotlib", ...) is None:
            del sys.modules["matplotlib"]


igraph = _igraph_without_plotting()

EDGE_LENGTH = 110.0  # canvas pixels between related concepts, as vis-layout_graph's springLength
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
    layout_graph = igraph.Graph(n=len(nodes), edges=sorted(pairs))
    with _RANDOM:
        igraph.set_random_number_generator(random.Random(seed))
        try:
            coords = layout_graph.layout_fruchterman_reingold(
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


# --- room for the names ---------------------------------------------------------------------------------

FRAME = (960.0, 640.0)  # px: the canvas a map is laid out for at zoom 1 (a laptop's map, give or take)


@dataclass(frozen=True)
class Room:
    """What a concept needs on the canvas at zoom 1: its shape, and its name hanging below it."""

    width: float
    height: float  # shape and name
    below: float  # of which the name


def make_room(
    placed: dict[str, tuple[float, float]], rooms: dict[str, Room], frame: tuple[float, float] = FRAME
) -> dict[str, tuple[float, float]]:
    """Loosen a layout until no concept's room overlaps another's (Gephi's "noverlap", with the names'
    sizes on screen in mind).

    The layout is first scaled to `frame`, the canvas it is made for, then overlapping rooms are pushed
    apart until none overlap; the map grows only where it is crowded. On a canvas smaller than the
    frame the view zooms out to fit, so names take a little more room than was made for them, and it
    sets the few that collide a little apart.
    """
    points = {node: list(point) for node, point in placed.items()}
    _fit(points, rooms, frame)
    for _ in range(ROOM_ROUNDS):
        if not _separate(points, rooms, frame[0] / frame[1]):
            break
    return {node: (round(x, 1), round(y, 1)) for node, (x, y) in points.items()}


ROOM_ROUNDS = 20
ROOM_STEPS = 300


def _fit(points: dict[str, list[float]], rooms: dict[str, Room], frame: tuple[float, float]) -> None:
    """Scale the positions about their centre so the rooms' bounding box fits the frame."""
    if len(points) < 2:
        return
    left = min(x - rooms[n].width / 2 for n, (x, _) in points.items())
    right = max(x + rooms[n].width / 2 for n, (x, _) in points.items())
    top = min(y - (rooms[n].height - rooms[n].below) / 2 for n, (_, y) in points.items())
    bottom = max(y + (rooms[n].height + rooms[n].below) / 2 for n, (_, y) in points.items())
    spread_x = max(right - left - max(r.width for r in rooms.values()), 1.0)
    spread_y = max(bottom - top - max(r.height for r in rooms.values()), 1.0)
    factor = min(
        (frame[0] - max(r.width for r in rooms.values())) / spread_x,
        (frame[1] - max(r.height for r in rooms.values())) / spread_y,
    )
    cx = (left + right) / 2
    cy = (top + bottom) / 2
    for point in points.values():
        point[0] = (point[0] - cx) * factor
        point[1] = (point[1] - cy) * factor


def _separate(points: dict[str, list[float]], rooms: dict[str, Room], aspect: float) -> bool:
    """Push overlapping rooms apart, along the axis that needs the shorter move (sideways preferred on
    a wide frame). Returns whether any overlapped. Pairs are found by sweeping across the map from left
    to right: a room is compared only with those that start before it could end."""
    widest = max(room.width for room in rooms.values())
    moved = False
    for _ in range(ROOM_STEPS):
        order = sorted(points, key=lambda node: points[node][0])
        overlapping = False
        for index, a in enumerate(order):
            pa, ra = points[a], rooms[a]
            reach = (ra.width + widest) / 2
            for b in order[index + 1 :]:
                pb, rb = points[b], rooms[b]
                dx = pb[0] - pa[0]
                if dx >= reach:
                    break
                dy = (pb[1] + rb.below / 2) - (pa[1] + ra.below / 2)
                overlap_x = (ra.width + rb.width) / 2 - abs(dx)
                overlap_y = (ra.height + rb.height) / 2 - abs(dy)
                if overlap_x <= 0 or overlap_y <= 0:
                    continue
                overlapping = True
                if overlap_x < overlap_y * aspect:
                    push = (overlap_x / 2 + 0.5) * (1 if dx >= 0 else -1)
                    pa[0] -= push
                    pb[0] += push
                else:
                    push = (overlap_y / 2 + 0.5) * (1 if dy >= 0 else -1)
                    pa[1] -= push
                    pb[1] += push
        if not overlapping:
            return moved
        moved = True
    return moved
