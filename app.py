"""Empathy Atlas: explore a paper, and the works it cites, as an interactive concept map.

    streamlit run app.py -- --concepts FILE     (or EMPATHY_ATLAS_CONCEPTS=FILE; default concepts.yaml)

The page: one line of controls (title, search, filters, About, Present), then the map filling the
window beside a side panel (details, path, compare, evidence, references, outline). `?present=1` shows
the map and panel alone, in large type.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import streamlit as st

from components.model.concepts import ConceptMap
from components.model.errors import MapError
from components.ui import cache, header, map_view, page, problems, state, watch
from components.ui.panels import brain, compare, details, evidence, outline, path, quiz, references, score, tour
from components.view import drawing

DEFAULT_MAP = Path(__file__).parent / "concepts.yaml"


def map_file() -> tuple[Path, str]:
    """The map to open, and the name its problems are reported under: its path from where the app was
    started (every session sees it; an absolute path would tell them about the machine)."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--concepts")
    given = parser.parse_known_args(sys.argv[1:])[0].concepts or os.environ.get("EMPATHY_ATLAS_CONCEPTS")
    return (Path(given), os.path.relpath(given)) if given else (DEFAULT_MAP, DEFAULT_MAP.name)


st.set_page_config(page_title="Empathy Atlas", layout="wide")
state.init()
file_path, name = map_file()
opened = st.session_state[state.OPENED]  # a map opened from the page, for this session only
if opened is None:
    watch.reload_on_change(file_path, cache.signature(file_path))

# The file's map; if it has problems, the last valid map under a warning, or the problems alone.
try:
    file = opened or cache.read(file_path, name)
    concept_map = cache.concept_map(file)
    st.session_state[state.LAST_VALID] = file
except MapError as error:
    problems.show(error, keeping_last_valid=st.session_state[state.LAST_VALID] is not None)
    if st.session_state[state.LAST_VALID] is None:
        page.icon()
        st.stop()
    file = st.session_state[state.LAST_VALID]
    concept_map = cache.concept_map(file)

options = cache.derived(file, state.allowed)
state.settle(options)
presenting = state.presenting()
drawn = cache.packed_map(file)  # what the view draws, packed once per content
page.frame(concept_map, presenting)
if not presenting:
    header.bar(concept_map, options, drawn, header.current(concept_map)[0], file.name)
state.header_drawn()  # a click reruns only the explorer below; it reruns the page if the header must change


@st.fragment
def explorer(file: cache.MapFile, concept_map: ConceptMap, drawn: drawing.Blob) -> None:
    """The map and the side panel: what a click changes. A click reruns this alone, so that the header (the
    title, the search box, the menus) is not sent again with every click."""
    presenting = state.presenting()
    selection, filters = header.current(concept_map)
    visible = filters.apply(cache.map_graph(file))
    reference = references.chosen(concept_map)
    shown = st.session_state[state.PANEL]
    routes = path.routes(concept_map) if shown == state.PATHS else []
    step = tour.shown(concept_map)  # the concepts and relations of the tour's step, in the Tour view
    scored = score.result(concept_map) if shown == state.SCORES else None
    state.write_url()  # the view is settled: nothing below changes it in this run
    if state.header_changed():
        st.rerun()  # presentation mode, or the count of filters, changed from the panel: the whole page again

    highlight = (
        {"nodes": step[0], "edges": step[1]}
        if step
        else path.highlight(routes) or references.highlight(concept_map, reference)
    )

    # The panel widens for its tables (references, comparisons, evidence); otherwise the map takes the most.
    wide = shown in (state.REFERENCES, state.COMPARE_PANEL, state.EVIDENCE, state.SCORES) or (
        shown == state.BRAIN and not state.staged()
    )
    map_column, side_column = st.columns([3, 2] if wide else [7, 2] if presenting else [5, 2], gap="medium")
    staged = state.staged()
    lit = set(highlight["nodes"] if highlight else ()) | set(selection.centres if selection else ())
    shown_nodes = visible.nodes if filters.active else None
    with map_column:
        if staged:  # the brain in the map's place; the map stays loaded, out of sight (page.css)
            brain.stage(concept_map, file, lit, shown_nodes)
        if not visible.nodes:
            st.info("No concepts match these filters. Loosen them, or use *Reset view* under Filters.")
        elif filters.focus_depth and not filters.focus:
            st.info("Select a concept to focus on its neighbourhood.")
        map_view.show(
            drawn,
            title=concept_map.meta.title,
            visible=drawing.shown(concept_map, visible.nodes, visible.edges) if filters.active else None,
            selection=selection,
            highlight=highlight,
            frame=step[0] if step else route.concepts if (route := path.chosen(routes)) else (),
            touring=step is not None,
            overlay=score.overlay(scored),
            presenting=presenting,
            high_contrast=state.high_contrast(),
            on_select=state.on_network_select,
            on_tour=state.on_network_tour,
            key=state.MAP_VIEW,
        )
    with side_column, st.container(key="side_panel"):
        page.panel_choice(presenting)
        if shown == state.TOURS:
            tour.view(concept_map, presenting)
        elif shown == state.PATHS:
            path.view(concept_map, cache.derived(file, drawing.search_labels), routes)
        elif shown == state.COMPARE_PANEL:
            compare.view(concept_map)
        elif shown == state.BRAIN:
            brain.view(concept_map, file, lit, shown_nodes)
        elif shown == state.EVIDENCE:
            evidence.view(concept_map)
        elif shown == state.REFERENCES:
            references.view(concept_map, reference)
        elif shown == state.QUIZZES:
            quiz.view(concept_map)
        elif shown == state.SCORES:
            score.view(concept_map, scored)
        elif shown == state.OUTLINE:
            outline.view(concept_map, selection.id if selection else None)
        else:
            details.panel(concept_map, selection, hidden=selection is not None and not visible.shows(selection))


explorer(file, concept_map, drawn)
page.icon()
