"""The map and the side panel: what a click changes. A click reruns this part alone (a fragment), so that the
header (the title, the search box, the menus) is not sent again with every click.

One run: the view as the session holds it (state.py) → what it shows and lights (the core's address,
highlight) → the address written → the map, then the panel the view names (panels/)."""

from __future__ import annotations

import streamlit as st

from components.model.concepts import ConceptMap
from components.ui import cache, map_view, state
from components.ui.panels import Run, editing, shown, tabs
from components.view import drawing, highlight

NO_CONCEPTS = "No concepts match these filters. Loosen them, or use *Reset view* under Filters."
NO_FOCUS = "Select a concept to focus on its neighbourhood."


@st.fragment
def explorer(file: cache.MapFile, concept_map: ConceptMap, drawn: drawing.Blob) -> None:
    view = state.current()
    filters = view.filters(concept_map)
    routes = highlight.routes(concept_map, view)
    lit = highlight.lit(concept_map, view, routes)
    selection = view.selection(concept_map)
    run = Run(
        file=file,
        concept_map=concept_map,
        view=view,
        panel=shown(view),
        selection=selection,
        visible=filters.apply(cache.map_graph(file)),
        filtered=filters.active,
        routes=routes,
        lit=frozenset(lit.concepts if lit else ()) | frozenset(selection.centres if selection else ()),
        presenting=state.presenting(),
    )
    if run.panel.settle:
        run.panel.settle(run)
    state.write_url()  # the view is settled: nothing below changes it in this run
    if state.header_changed():
        st.rerun()  # presentation mode, or the count of filters, changed from the panel: the whole page again

    staged = run.panel.staged(run)
    # The panel widens for its tables; otherwise the map takes the most (most of all in front of a room).
    wide = run.panel.wide and not staged
    map_column, side_column = st.columns([3, 2] if wide else [7, 2] if run.presenting else [5, 2], gap="medium")
    with map_column:
        board = run.panel.board(run) if run.panel.board else None
        if board is not None:  # the panel's drawing board in the map's place (Build); the map is not drawn
            map_view.build(drawn, map_key=state.MAP_VIEW, **board)
        else:
            if staged and run.panel.on_stage:  # the panel in the map's place; the map stays loaded, out of sight
                run.panel.on_stage(run)
            if not run.visible.nodes:
                st.info(NO_CONCEPTS)
            elif filters.focus_depth and not filters.focus:
                st.info(NO_FOCUS)
            map_view.show(
                drawn,
                title=concept_map.meta.title,
                visible=drawing.shown(concept_map, run.visible.nodes, run.visible.edges) if run.filtered else None,
                selection=selection,
                highlight=lit.as_view() if lit else None,
                frame=lit.frame if lit else (),
                touring=bool(lit and lit.touring),
                overlay=run.panel.overlay(run) if run.panel.overlay else None,
                presenting=run.presenting,
                high_contrast=state.high_contrast(),
                on_select=state.on_map_select,
                on_tour=state.on_map_tour,
                linking=run.panel.on_link is not None and editing.enabled(),
                on_link=run.panel.on_link,
                key=state.MAP_VIEW,
            )
    with side_column, st.container(key="side_panel"):
        tabs(run.presenting)
        run.panel.draw(run)
