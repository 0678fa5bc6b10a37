"""The map's brain regions on a brain: nilearn's glass brain (sagittal, coronal and axial), or its
interactive 3D view, each region at its MNI coordinates, coloured by the facet it serves. nilearn is
imported only when a figure is asked for (it takes about two seconds)."""

from __future__ import annotations

import io
import re
from collections.abc import Collection
from dataclasses import dataclass

from components.analysis import graph as graphs
from components.model.concepts import ConceptMap
from components.model.mni import Point, points
from components.model.vocabulary import Kind
from components.text import xml_text

# Okabe & Ito again, in an order that keeps neighbouring facets apart; a region serves its nearest facet.
PALETTE = ["#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#999999"]
# The nearest of Streamlit's named colours, for the dot beside each group's name in the page.
NAMED = dict(zip(PALETTE, ["red", "blue", "green", "violet", "orange", "blue", "yellow", "gray"], strict=True))
UNSERVED = "#777777"


@dataclass(frozen=True)
class Placed:
    """A region to draw: where, under which name, in which colour (the facet it serves), and from where."""

    id: str
    label: str
    name: str  # the abbreviation, or the label: what the figure writes beside it
    points: tuple[Point, ...]  # one, or one per hemisphere
    group: str  # the facet it serves, by name
    colour: str
    source: str


def placed(concept_map: ConceptMap) -> list[Placed]:
    """The regions that have coordinates, each coloured by the facet it serves."""
    homes = graphs.home_facets(graphs.build(concept_map))
    facets = [concept.id for concept in concept_map.concepts if concept.kind == Kind.FACET]
    colours = {facet: PALETTE[index % len(PALETTE)] for index, facet in enumerate(facets)}
    labels = {concept.id: concept.label for concept in concept_map.concepts}
    found = []
    for concept in concept_map.concepts:
        if concept.kind != Kind.REGION or concept.mni is None:
            continue
        home = homes.get(concept.id)
        found.append(
            Placed(
                concept.id,
                concept.label,
                concept.abbrev or concept.label,
                points(concept.mni),
                labels[home] if home else "no facet",
                colours.get(home, UNSERVED) if home else UNSERVED,
                concept.mni_source or "",
            )
        )
    return found


def unplaced(concept_map: ConceptMap) -> list[str]:
    """The ids of regions without coordinates: listed, not drawn."""
    return [c.id for c in concept_map.concepts if c.kind == Kind.REGION and c.mni is None]


# --- drawing -----------------------------------------------------------------------------------------------------

FIGURE_SIZE = (13.0, 4.6)  # inches at 120 dpi: about 1560 x 550 px, three views side by side
# On the stage (the map's place, in front of a room): drawn at the size it is shown, about 1000 px across,
# so that names in 11-point type at 100 dpi are 15 px on screen; a legend of the facets' colours below.
STAGE_SIZE = (10.0, 4.4)
STAGE_DPI = 100


def figure(
    concept_map: ConceptMap,
    lit: Collection[str] = (),
    shown: Collection[str] | None = None,
    kind: str = "png",
    stage: bool = False,
) -> bytes | None:
    """The glass brain with the regions `shown` (all by default), those `lit` large and named, the others
    small (and faded when some are lit); None if no region has coordinates. On the `stage`: larger, every
    region named, and a legend of the facets' colours."""
    regions = [region for region in placed(concept_map) if shown is None or region.id in shown]
    if not regions:
        return None
    import matplotlib

    matplotlib.use("Agg")
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "atlas"}):
        return _draw(regions, set(lit), kind, stage)


def legend(regions: list[Placed]) -> list[tuple[str, str]]:
    """The facets the regions serve and their colours, in the map's order (each once)."""
    return list(dict.fromkeys((region.group, region.colour) for region in regions))


def _draw(regions: list[Placed], lit: set[str], kind: str, stage: bool = False) -> bytes:
    import numpy as np
    from matplotlib import pyplot
    from nilearn import plotting

    coords, colours, sizes = [], [], []
    for region in regions:
        for point in region.points:
            coords.append(point)
            on = region.id in lit
            colours.append(region.colour if on or not lit else _faded(region.colour))
            sizes.append(150 if on else 55)
    dpi = STAGE_DPI if stage else 120
    figure = pyplot.figure(figsize=STAGE_SIZE if stage else FIGURE_SIZE, dpi=dpi)
    try:
        display = plotting.plot_connectome(
            np.zeros((len(coords), len(coords))), coords, node_color=colours, node_size=sizes,
            display_mode="ortho", colorbar=False, annotate=True, figure=figure,
            axes=(0, 0.12, 1, 0.88) if stage else None,
        )  # fmt: skip
        named = [region for region in regions if region.id in lit] if lit else regions
        small, large = (11, 12) if stage else (8, 11)
        for axis, view in display.axes.items():
            for region in named:
                for x, y, z in region.points:
                    across, up = {"x": (y, z), "y": (x, z), "z": (x, y)}[axis]
                    view.ax.annotate(_plain(region.name), (across, up), xytext=(5, 4), textcoords="offset points",
                                     fontsize=large if region.id in lit else small, color="#111111",
                                     fontweight="bold" if region.id in lit else "normal")  # fmt: skip
        if stage:
            from matplotlib.lines import Line2D

            handles = [
                Line2D([], [], marker="o", linestyle="", markersize=11, color=colour, label=_plain(group))
                for group, colour in legend(regions)
            ]
            figure.legend(handles=handles, loc="lower center", ncol=len(handles), fontsize=12, frameon=False)
        out = io.BytesIO()
        figure.savefig(out, format=kind, dpi=dpi, facecolor="white", metadata={"Date": None} if kind == "svg" else None)
    finally:
        pyplot.close(figure)
    return out.getvalue()


def view_3d(concept_map: ConceptMap, lit: Collection[str] = ()) -> str | None:
    """nilearn's interactive 3D view of the regions, as one HTML document with its scripts inline."""
    regions = placed(concept_map)
    if not regions:
        return None
    from nilearn import plotting

    coords, colours, sizes, names = [], [], [], []
    for region in regions:
        for point in region.points:
            coords.append(point)
            colours.append(region.colour)
            sizes.append(12 if region.id in lit else 7)
            names.append(_safe(region.name))
    view = plotting.view_markers(coords, marker_color=colours, marker_size=sizes, marker_labels=names)
    return offline(str(view.get_standalone()))


# What nilearn's page would fetch: its favicon from GitHub. Plotly is inline; its CDN addresses are only
# defaults for features the view does not use (maps, MathJax). The policy forbids any request anyway.
_FAVICON = re.compile(r"<link\b[^>]*rel=[\"']icon[\"'][^>]*>", re.IGNORECASE | re.DOTALL)
POLICY = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
    "img-src data: blob:; worker-src blob:"
)


def offline(page: str) -> str:
    """nilearn's HTML view, made to ask no host for anything."""
    page = _FAVICON.sub("", page)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
    return re.sub(r"<head>", f"<head>\n{meta}", page, count=1, flags=re.IGNORECASE)


def _faded(colour: str) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(round(c + (255 - c) * 0.65) for c in (red, green, blue)))


def _plain(text: str) -> str:
    """A name as matplotlib draws it literally and SVG carries it (see export._plain)."""
    return xml_text.drawn(text).replace("$", r"\$")


def _safe(text: str) -> str:
    """A name for the 3D view's labels: no character that could end its script or start markup."""
    return re.sub(r"[<>&\"'`\\]", "", text)
