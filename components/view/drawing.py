"""Map -> what the network view draws: nodes, edges, their styles and vis-network's options, plus a legend.

All text stays text: labels and tooltips are plain strings that the view puts on the canvas or into
text nodes, never into HTML. Colours are the Okabe-Ito palette, safe for colour-blind readers and
legible on light and dark backgrounds; kinds that share a colour differ in shape.
"""

from __future__ import annotations

import copy
import gzip
import hashlib
import json
from collections import Counter
from collections.abc import Collection
from dataclasses import asdict, dataclass
from typing import Any

from components.analysis import evidence
from components.analysis import graph as graphs
from components.model.concepts import ConceptMap
from components.model.vocabulary import KINDS, RELATIONS, STANDINGS, Kind, Standing
from components.view import layout


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
STYLES: dict[Kind, KindStyle] = {  # sizes in px at zoom 1, the zoom a laptop shows the whole map at
    Kind.FACET: KindStyle(VERMILLION, "hexagon", 22, font=20, landmark=18),
    Kind.PROCESS: KindStyle(ORANGE, "dot", 8, font=12),
    Kind.REGION: KindStyle(BLUE, "dot", 8, font=12),
    Kind.SYSTEM: KindStyle(SKY, "hexagon", 12, font=14, landmark=13),
    Kind.METHOD: KindStyle(GREEN, "square", 7, font=12),
    Kind.PARADIGM: KindStyle(GREEN, "triangle", 8, font=12),
    Kind.POPULATION: KindStyle(PURPLE, "diamond", 9, font=12),
    Kind.BEHAVIOR: KindStyle(YELLOW, "star", 10, font=12),
    Kind.MEASURE: KindStyle(YELLOW, "diamond", 8, font=12),
    Kind.PITFALL: KindStyle(GREY, "triangleDown", 13, font=14, landmark=13),
    Kind.TREND: KindStyle(SKY, "star", 14, font=14, landmark=13),
    Kind.DIRECTION: KindStyle(SKY, "triangle", 10, font=13),
    Kind.THEORY: KindStyle(PURPLE, "square", 7, font=12),
    Kind.CONSTRUCT: KindStyle(GREY, "dot", 8, font=12),
}
BORDER = "#333333"
# A relation's line says how firmly it stands: solid, dashed, dotted (an arrow says it has a direction).
LINES: dict[Standing, bool | list[int]] = {
    Standing.ESTABLISHED: False,
    Standing.TENTATIVE: [8, 5],
    Standing.INTERPRETIVE: [2, 4],
}
# A scored student's map drawn on the map: each verdict on a link in its own colour and line, with its name in
# the legend (ui.score.overlay sends those it uses); "extra" is the student's links the map lacks.
VERDICT_LINES: dict[str, tuple[str, bool | list[int], str]] = {
    "correct": ("#1a7f37", False, "Drawn right"),
    "reversed": ("#c2185b", [14, 4, 3, 4], "Drawn the other way round"),
    "misplaced": ("#1565c0", [6, 4], "Where the map joins it"),
    "wrong": ("#c62828", False, "Drawn differently"),
    "missing": ("#b45309", [10, 6], "Missing"),
    "extra": ("#7b3fa0", [2, 6], "Not in this map"),
}
LABEL_THRESHOLD = 11  # on-screen px under which a name that is not promised is not drawn: zoom in to read it
# The names on the canvas (the view draws them; these numbers are sent to it with the map).
READABLE = 12  # px on screen: the smallest promised name
TOP_RANKED = 30  # the most connected concepts whose names are promised readable at the whole-map zoom
LINE_EM = 10  # a name wraps at this many font sizes wide, between words only
CHAR_EM = 0.56  # a character's width in font sizes, generously (Source Sans Pro averages about 0.5)
ROOM_MAX = 300  # concepts: above this no room is made for names (the whole map is dots at its fit; making
# room is quadratic in crowding: 0.9 s at 300 concepts, 5 s at 500, 85 s at 1,000)
LANDMARKS_MAX = 12  # concepts of a kind: a kind more numerous has no landmarks (700 "systems" orient no one)
LABEL_WIDTH = 160  # canvas pixels a label may take before it wraps (the view widens landmarks' with their font)

OPTIONS: dict[str, Any] = {
    "autoResize": True,
    "layout": {"improvedLayout": False},
    "physics": {
        "enabled": False,  # the server's layout is the map; *Re-layout* lets the physics loosen it
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {
            "gravitationalConstant": -260,
            "centralGravity": 0.004,
            "springLength": 150,
            "springConstant": 0.05,
            "damping": 0.6,
            "avoidOverlap": 1,
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
    # How thick lines and outlines are drawn is the view's alone (theme.js, normal or high contrast).
    "nodes": {
        "borderWidthSelected": 4,
        "font": {"size": 15, "face": "Source Sans Pro, Helvetica, Arial, sans-serif", "strokeWidth": 4},
        "widthConstraint": {"maximum": LABEL_WIDTH},
        "scaling": {"label": {"enabled": False, "drawThreshold": LABEL_THRESHOLD}},
    },
    "edges": {
        "selectionWidth": 2,
        "smooth": {"enabled": True, "type": "continuous", "roundness": 0.4},
        "arrows": {"to": {"enabled": False, "scaleFactor": 0.55}},
        "font": {"size": 12, "align": "horizontal", "strokeWidth": 4},
    },
}


LARGE = 2_000  # concepts: from here on lines are straight and hidden while the map moves (to keep it fluid)


def laid_out(concept_map: ConceptMap) -> dict[str, Any]:
    """What the map view draws of this map, laid out as the page lays it out (the exports' and the standalone
    explorer's drawing; the page packs the same, once per content: ui/cache.py)."""
    return payload(concept_map, layout.positions(graphs.build(concept_map)))


def payload(concept_map: ConceptMap, positions: dict[str, tuple[float, float]]) -> dict[str, Any]:
    """Nodes, edges, styles, options and legend for the view, with a version that changes when any of them does.

    A node or edge carries only what is its own (id, words, place, kind, standing); how a kind looks is
    sent once, in `styles`, so that a large map stays small on the wire.
    """
    labels = {concept.id: concept.label for concept in concept_map.concepts}
    rank = ranks(concept_map)
    standing = evidence.standings(concept_map)
    search = search_labels(concept_map)
    aliases = search_aliases(concept_map)
    if len(concept_map.concepts) <= ROOM_MAX:
        positions = layout.make_room(positions, rooms(concept_map, rank))
    nodes = []
    for concept in concept_map.concepts:
        x, y = positions.get(concept.id, (0.0, 0.0))
        nodes.append({
            "id": concept.id,
            "label": concept.label,
            "search": search[concept.id],
            **({"also": aliases[concept.id]} if concept.id in aliases else {}),
            "tip": f"{concept.name}\n{KINDS[concept.kind].label}\n\n{concept.summary}",
            "kind": str(concept.kind),
            "rank": rank[concept.id],
            "x": x,
            "y": y,
        })  # fmt: skip
    edges = []
    for relation in concept_map.relations:
        edges.append({
            "id": relation.id,
            "from": relation.source,
            "to": relation.target,
            "search": search[relation.id],
            "tip": f"{labels[relation.source]} {relation.phrase} {labels[relation.target]}\n\n{relation.note}",
            "relation": relation.phrase,
            "type": str(relation.type),
            "directed": not RELATIONS[relation.type].symmetric,
            "standing": str(standing[relation.id]),
        })  # fmt: skip
    kinds = Counter(concept.kind for concept in concept_map.concepts)
    payload = {
        "nodes": nodes,
        "edges": edges,
        "styles": {
            str(kind): {
                **asdict(style),
                "landmark": landmark(kind, kinds[kind]),
                "border": BORDER,
                "pinned": kind == Kind.FACET,
            }
            for kind, style in STYLES.items()
            if kind in kinds
        },  # facets hold their places while the physics of *Re-layout* settles
        "options": options(len(nodes)),
        "legend": legend(set(kinds)),
        "names": {"readable": READABLE, "topRanked": TOP_RANKED, "lineEm": LINE_EM, "smallest": LABEL_THRESHOLD},
        "lines": [
            {"standing": str(kind), "label": str(kind).capitalize(), "dashes": LINES[kind], "help": STANDINGS[kind]}
            for kind in Standing
            if kind in set(standing.values())
        ],
    }
    payload["version"] = hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]
    return payload


def verdict_lines(verdicts: Collection[str]) -> list[dict[str, Any]]:
    """The lines a scored student's map is drawn with, for these verdicts, in the legend's order."""
    return [
        {"standing": verdict, "label": label, "dashes": dashes, "color": color, "help": label}
        for verdict, (color, dashes, label) in VERDICT_LINES.items()
        if verdict in verdicts
    ]


def options(concepts: int) -> dict[str, Any]:
    """vis-network's options for a map of this many concepts."""
    chosen = copy.deepcopy(OPTIONS)
    if concepts >= LARGE:
        chosen["edges"]["smooth"] = {"enabled": False}
        chosen["interaction"].update(hideEdgesOnDrag=True, hideEdgesOnZoom=True)
    return chosen


def search_labels(concept_map: ConceptMap) -> dict[str, str]:
    """What the search box shows (and matches on) for each concept and relation id: concepts by name
    (with their kind and older names), then relations as they read."""
    labels: dict[str, str] = {}
    for concept in sorted(concept_map.concepts, key=lambda c: c.label.lower()):
        aliases = f" · also {', '.join(concept.aliases)}" if concept.aliases else ""
        labels[concept.id] = f"{concept.name} · {KINDS[concept.kind].label.lower()}{aliases}"
    by_id = concept_map.concept_by_id
    for relation in concept_map.relations:
        labels[relation.id] = f"{by_id[relation.source].label} → {relation.phrase} → {by_id[relation.target].label}"
    return labels


def search_aliases(concept_map: ConceptMap) -> dict[str, list[str]]:
    """The other names the search box knows each concept by, apart from its label, so that one typed
    exactly ranks that concept first: its abbreviation, then its older names (only concepts that have any;
    a node's `also`, beside its `search`, where gzip finds them again for a few bytes)."""
    return {
        concept.id: [*([concept.abbrev] if concept.abbrev else []), *concept.aliases]
        for concept in concept_map.concepts
        if concept.abbrev or concept.aliases
    }


def landmark(kind: Kind, count: int) -> int:
    """The least on-screen size of the names of a kind's concepts, if they are landmarks (0: they are not)."""
    return STYLES[kind].landmark if count <= LANDMARKS_MAX else 0


def rooms(concept_map: ConceptMap, rank: dict[str, int]) -> dict[str, layout.Room]:
    """The room each concept needs at zoom 1: its shape, and for a promised name (a landmark's, or one of
    the most connected) that name below it, at the size the view will draw it."""
    needed = {}
    kinds = Counter(concept.kind for concept in concept_map.concepts)
    for concept in concept_map.concepts:
        style = STYLES[concept.kind]
        side = 2.0 * style.size
        least = landmark(concept.kind, kinds[concept.kind])
        if not (least or rank[concept.id] < TOP_RANKED):
            needed[concept.id] = layout.Room(side + 6, side + 6, 0.0)
            continue
        size = max(least, READABLE)
        width, height = name_box(concept.label, size)
        needed[concept.id] = layout.Room(max(side, width + 12), side + height + 10, height + 10)
    return needed


def name_box(label: str, size: float) -> tuple[float, float]:
    """About how wide and tall the view draws a name at `size` px, wrapped between words as it does."""
    most = size * LINE_EM
    lines: list[str] = []
    for word in label.split():
        if lines and len(f"{lines[-1]} {word}") * size * CHAR_EM <= most:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    width = max((len(line) for line in lines), default=0) * size * CHAR_EM
    return width, max(len(lines), 1) * size * 1.15


def ranks(concept_map: ConceptMap) -> dict[str, int]:
    """Each concept's place among the most connected (0 has the most relations; ties by label)."""
    degree: Counter[str] = Counter()
    for relation in concept_map.relations:
        degree.update((relation.source, relation.target))
    ordered = sorted(concept_map.concepts, key=lambda c: (-degree[c.id], c.label.lower()))
    return {concept.id: position for position, concept in enumerate(ordered)}


def legend(kinds: set[Kind]) -> list[dict[str, str]]:
    """One entry per kind present, in vocabulary order."""
    return [
        {
            "kind": str(kind),
            "label": KINDS[kind].plural,
            "singular": KINDS[kind].label.lower(),
            "color": STYLES[kind].color,
            "shape": STYLES[kind].shape,
        }
        for kind in Kind
        if kind in kinds
    ]


@dataclass(frozen=True)
class Blob:
    """Bytes the view receives in an element of their own, named by a 16-character tag of their content:
    an element that has not changed since the last run is sent as a reference to the browser's copy."""

    tag: str
    body: bytes

    @classmethod
    def named(cls, body: bytes) -> Blob:
        return cls(hashlib.sha256(body).hexdigest()[:16], body)


def packed(payload: dict[str, Any]) -> Blob:
    """The network payload as gzipped JSON, tagged with its version (the view unzips it once per version)."""
    text = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    return Blob(payload["version"], gzip.compress(text, compresslevel=6, mtime=0))


def unpacked(blob: Blob) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(gzip.decompress(blob.body))
    return result


def shown(concept_map: ConceptMap, nodes: Collection[str], edges: Collection[str]) -> Blob:
    """What the filters keep, as bits: one per concept, then one per relation, in the map's order (the
    order of the payload's nodes and edges); each part is padded to whole bytes."""
    return Blob.named(
        _bits([c.id in nodes for c in concept_map.concepts]) + _bits([r.id in edges for r in concept_map.relations])
    )


def _bits(flags: list[bool]) -> bytes:
    packed = bytearray(-(-len(flags) // 8))
    for index, on in enumerate(flags):
        if on:
            packed[index >> 3] |= 1 << (index & 7)
    return bytes(packed)
