"""Where each concept starts on the canvas: facets spread apart, the rest near their nearest facet."""

from __future__ import annotations

import math

import networkx as nx

from . import graph as graphs

SCALE = 420  # the facets' distance from the centre, in canvas pixels


def positions(graph: nx.MultiDiGraph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Deterministic (x, y) for every concept: a spring layout with the facets pinned on a circle."""
    if graph.number_of_nodes() == 0:
        return {}
    facets = graphs.facets(graph)
    home = graphs.home_facets(graph)
    anchors = {
        facet: (math.cos(angle), math.sin(angle)) for facet, angle in zip(facets, _angles(len(facets)), strict=False)
    }
    start = {}
    for index, node in enumerate(graph.nodes):
        ax, ay = anchors.get(home.get(node, ""), (0.0, 0.0))
        angle = 2.399963 * index  # the golden angle spreads the starting points evenly
        start[node] = (0.55 * ax + 0.25 * math.cos(angle), 0.55 * ay + 0.25 * math.sin(angle))
    start.update(anchors)
    simple = nx.Graph(graph.to_undirected(as_view=True))
    placed = nx.spring_layout(
        simple,
        pos=start,
        fixed=list(anchors) or None,
        k=0.9 / math.sqrt(len(simple)),
        iterations=80,
        seed=seed,
    )
    return {node: (round(float(x) * SCALE, 1), round(float(y) * SCALE, 1)) for node, (x, y) in placed.items()}


def _angles(count: int) -> list[float]:
    """Facet directions: the first at the top, the rest evenly round the circle."""
    return [-math.pi / 2 + 2 * math.pi * index / count for index in range(count)]
