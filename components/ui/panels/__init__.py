"""The side panel's views: each is one module with its `PANEL` (name, label, what it draws); the registry
below lists them in the order of their tabs. Adding a panel is a new module and one line here."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import streamlit as st

from components.model.concepts import ConceptMap
from components.ui import state
from components.ui.panels import brain, build, compare, details, evidence, outline, path, quiz, references, score, tour
from components.ui.panels.panel import Panel, Run
from components.view import address

PANELS: dict[str, Panel] = {
    panel.name: panel
    for panel in (
        tour.PANEL,
        details.PANEL,
        path.PANEL,
        compare.PANEL,
        brain.PANEL,
        evidence.PANEL,
        references.PANEL,
        outline.PANEL,
        quiz.PANEL,
        score.PANEL,
        build.PANEL,
    )
}
state.keep_selection_in(name for name, panel in PANELS.items() if panel.keeps_selection)


def allowed(concept_map: ConceptMap) -> dict[str, Collection[Any]]:
    """The values the view may take on this map, these panels among them (computed once per map)."""
    return address.allowed(concept_map, PANELS)


def shown(view: address.View) -> Panel:
    return PANELS.get(view.panel, PANELS[address.DETAILS])


def tabs(presenting: bool) -> None:
    """The side panel's tabs (and, when presenting, the way out). A tour in front of a class has none: its way
    out is in the tour's own panel."""
    view = state.current()
    if presenting and view.panel == address.TOUR and view.tour:
        return
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.segmented_control(
            "Show",
            options=list(PANELS),
            format_func=lambda name: PANELS[name].label,
            required=True,
            label_visibility="collapsed",
            wrap=True,
            **state.widget(state.PANEL, PANELS),
        )
        if presenting:
            st.button("Exit presentation", icon=":material/close_fullscreen:", on_click=state.present, args=(False,))


__all__ = ["PANELS", "Panel", "Run", "allowed", "shown", "tabs"]
