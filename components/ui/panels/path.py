"""The Path view: choose two concepts (or shift-click the second on the map); the shortest routes between
them are lit on the map and told in words, step by step, each with the works behind it."""

from __future__ import annotations

import streamlit as st

from components.analysis import paths
from components.text import markdown as md
from components.ui import cache, state
from components.ui.panels.panel import Panel, Run
from components.view import drawing, highlight


def view(run: Run) -> None:
    """The two ends, then the routes between them (found by the core's rule: highlight.routes), the chosen
    one told step by step; the map lights it, and the others faintly."""
    concept_map, found = run.concept_map, run.routes
    labels = cache.derived(run.file, drawing.search_labels)
    concepts = sorted(concept_map.concept_by_id, key=lambda concept: labels[concept].lower())
    start, end = run.view.ends
    for position, (title, value) in enumerate((("From", start), ("To", end))):
        key = f"path_{position}_widget"
        st.session_state[key] = value or None
        st.selectbox(
            title,
            options=concepts,
            format_func=labels.__getitem__,
            filter_mode="contains",
            placeholder="A concept",
            key=key,
            on_change=state.path_end_from_widget,
            args=(position, key),
        )
    selected = st.session_state[state.SELECTED]
    if selected in concept_map.concept_by_id and selected not in (start, end):
        st.button(
            f"From the selection: {md.text(concept_map.concept_by_id[selected].label)}",
            on_click=state.set_path,
            args=(selected, end or None),
            icon=":material/my_location:",
            type="tertiary",
        )
    st.caption("Or select a concept on the map, then shift-click another to find the way between them.")
    if not (start and end):
        return
    by_id = concept_map.concept_by_id
    if not found:
        st.info(f"No route joins {md.text(by_id[start].label)} and {md.text(by_id[end].label)} in this map.")
        return
    if len(found) > 1:
        st.segmented_control(
            "Routes",
            options=list(range(1, len(found) + 1)),
            format_func=lambda n: _route_name(n, found[n - 1]),
            required=True,
            help="One route is lit on the map at a time; the others show faintly.",
            **state.widget(state.ROUTE, range(1, len(found) + 1)),
        )
    route = highlight.chosen(found, run.view)
    assert route is not None
    steps = len(route.steps)
    st.markdown(f"**Route {found.index(route) + 1}** · {steps} step{'s' if steps > 1 else ''}")
    for index, step in enumerate(route.steps):
        st.button(
            md.text(step.sentence),
            key=f"path:{index}",
            on_click=state.select,
            args=(step.relation.id,),
            type="tertiary",
            icon=":material/arrow_forward:",
            help="Select this relation on the map",
        )
    if route.why_loose:
        st.caption(md.text(route.why_loose), help="Hubs and methods join much of the map to much of the rest.")


def _route_name(number: int, route: paths.Path) -> str:
    steps = len(route.steps)
    return f"Route {number} · {steps} step{'s' if steps > 1 else ''}" + (" · loose" if route.loose else "")


PANEL = Panel("path", "Path", view, keeps_selection=True)
