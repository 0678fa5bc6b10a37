"""Graph -> what the network view draws: nodes, edges and options built with pyvis, plus a legend.

All text stays text: labels and tooltips are plain strings that the view puts on the canvas or into
text nodes, never into HTML. Colours are the Okabe-Ito palette, safe for colour-blind readers and
legible on light and dark backgrounds; kinds that share a colour differ in shape.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from pyvis.network import Network

from .model import ConceptMap
from .vocabulary import KINDS, RELATIONS, Kind


@dataclass(frozen=True)
class KindStyle:
    color: str
    shape: str
    size: int
    font: int = 15  # label size; at low zoom only the larger labels are drawn (see LABEL_THRESHOLD)
    landmark: int = 0  # if set, the label stays at least this many pixels tall on screen at any zoom


# Okabe & Ito (2008) colours.
VERMILLION, ORANGE, BLUE, SKY, GREEN, YELLOW, PURPLE, GREY = (
    "#D55E00",
    "#E69F00",
    "#0072B2",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#CC79A7",
    "#999999",
)
STYLES: dict[Kind, KindStyle] = {
    Kind.FACET: KindStyle(VERMILLION, "hexagon", 40, font=30, landmark=18),
    Kind.PROCESS: KindStyle(ORANGE, "dot", 15),
    Kind.REGION: KindStyle(BLUE, "dot", 15),
    Kind.SYSTEM: KindStyle(SKY, "hexagon", 22, font=19, landmark=11),
    Kind.METHOD: KindStyle(GREEN, "square", 13),
    Kind.PARADIGM: KindStyle(GREEN, "triangle", 15),
    Kind.POPULATION: KindStyle(PURPLE, "diamond", 16),
    Kind.BEHAVIOR: KindStyle(YELLOW, "star", 17),
    Kind.MEASURE: KindStyle(YELLOW, "diamond", 15),
    Kind.PITFALL: KindStyle(GREY, "triangleDown", 24, font=19, landmark=11),
    Kind.TREND: KindStyle(SKY, "star", 24, font=19, landmark=11),
    Kind.DIRECTION: KindStyle(SKY, "triangle", 18, font=17),
    Kind.THEORY: KindStyle(PURPLE, "square", 14),
    Kind.CONSTRUCT: KindStyle(GREY, "dot", 15),
}
BORDER = "#333333"
LABEL_THRESHOLD = 8  # on-screen pixels under which a label is not drawn: zoom in to read the small ones
LABEL_WIDTH = 160  # canvas pixels a label may take before it wraps (the view widens landmarks' with their font)

OPTIONS: dict[str, Any] = {
    "autoResize": True,
    "layout": {"improvedLayout": False},
    "physics": {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {
            "gravitationalConstant": -90,
            "centralGravity": 0.008,
            "springLength": 110,
            "springConstant": 0.05,
            "damping": 0.6,
            "avoidOverlap": 0.7,
        },
        "stabilization": {"enabled": True, "iterations": 250, "updateInterval": 50, "fit": True},
    },
    "interaction": {
        "hover": True,
        "tooltipDelay": 120,
        "multiselect": False,
        "navigationButtons": False,
        "keyboard": False,
        "hideEdgesOnDrag": False,
    },
    "nodes": {
        "borderWidth": 1.5,
        "borderWidthSelected": 4,
        "font": {"size": 15, "face": "Source Sans Pro, Helvetica, Arial, sans-serif", "strokeWidth": 4},
        "widthConstraint": {"maximum": LABEL_WIDTH},
        "scaling": {"label": {"enabled": False, "drawThreshold": LABEL_THRESHOLD}},
    },
    "edges": {
        "width": 1.3,
        "selectionWidth": 2,
        "smooth": {"enabled": True, "type": "continuous", "roundness": 0.4},
        "arrows": {"to": {"enabled": False, "scaleFactor": 0.55}},
        "font": {"size": 12, "align": "horizontal", "strokeWidth": 4},
    },
}


def network(concept_map: ConceptMap, positions: dict[str, tuple[float, float]]) -> dict[str, Any]:
    """Nodes, edges, options and legend for the view, with a version that changes when any of them does."""
    net = Network(directed=True)
    labels = {concept.id: concept.label for concept in concept_map.concepts}
    for concept in concept_map.concepts:
        style = STYLES[concept.kind]
        x, y = positions.get(concept.id, (0.0, 0.0))
        net.add_node(
            concept.id,
            label=concept.label,
            title=f"{concept.name}\n{KINDS[concept.kind].label}\n\n{concept.summary}",
            shape=style.shape,
            size=style.size,
            color={
                "background": style.color,
                "border": BORDER,
                "highlight": {"background": style.color, "border": BORDER},
                "hover": {"background": style.color, "border": BORDER},
            },
            x=x,
            y=y,
            kind=str(concept.kind),
            font={"size": style.font},
            landmark=style.landmark,
            fixed=concept.kind == Kind.FACET,  # facets hold their places while the layout settles
        )
    for relation in concept_map.relations:
        info = RELATIONS[relation.type]
        net.add_edge(
            relation.source,
            relation.target,
            id=relation.id,
            title=f"{labels[relation.source]} {info.label} {labels[relation.target]}\n\n{relation.note}",
            relation=info.label,
            type=str(relation.type),
            arrows={"to": {"enabled": not info.symmetric}},
            dashes=info.symmetric,
        )
    net.options = OPTIONS
    nodes, edges, _, _, _, options = net.get_network_data()
    payload = {
        "nodes": [_clean(node) for node in nodes],
        "edges": [_clean(edge) for edge in edges],
        "options": json.loads(options),
        "legend": legend({concept.kind for concept in concept_map.concepts}),
    }
    payload["version"] = hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]
    return payload


def legend(kinds: set[Kind]) -> list[dict[str, str]]:
    """One entry per kind present, in vocabulary order."""
    return [
        {"kind": str(kind), "label": KINDS[kind].plural, "color": STYLES[kind].color, "shape": STYLES[kind].shape}
        for kind in Kind
        if kind in kinds
    ]


def _clean(item: dict[str, Any]) -> dict[str, Any]:
    """Drop pyvis's empty defaults (a font colour of None, empty fonts) so the view's theme applies."""
    return {key: value for key, value in item.items() if value not in (None, {}) and key != "font_color"}
