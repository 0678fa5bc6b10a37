"""The side panel's views: each is one module with its `PANEL` (name, label, what it draws); the registry
below lists them in the order of their tabs. Adding a panel is a new module and one line here."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

import streamlit as st

from components.model.concepts import ConceptMap
from components.ui import state
from components.ui.panels import (
    brain,
    build,
    compare,
    details,
    edit,
    editing,
    evidence,
    outline,
    path,
    quiz,
    references,
    score,
    tour,
)
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
EDITING: dict[str, Panel] = {**PANELS, edit.PANEL.name: edit.PANEL}  # only when started for editing (--edit)
state.keep_selection_in(name for name, panel in EDITING.items() if panel.keeps_selection)


def listed() -> dict[str, Panel]:
    """The panels this app offers: the Edit panel only if it was started for editing."""
    return EDITING if editing.enabled() else PANELS


def allowed(concept_map: ConceptMap) -> dict[str, Collection[Any]]:
    """The values the view may take on this map, these panels among them (computed once per map)."""
    return address.allowed(concept_map, PANELS)


def allowed_editing(concept_map: ConceptMap) -> dict[str, Collection[Any]]:
    """The same, the Edit panel among them."""
    return address.allowed(concept_map, EDITING)


def options() -> Callable[[ConceptMap], dict[str, Collection[Any]]]:
    """What computes the values the view may take (cached by the map's content and this function's name)."""
    return allowed_editing if editing.enabled() else allowed


def shown(view: address.View) -> Panel:
    panels = listed()
    return panels.get(view.panel, panels[address.DETAILS])


def tabs(presenting: bool) -> None:
    """The side panel's tabs (and, when presenting, the way out). A tour in front of a class has none: its way
    out is in the tour's own panel."""
    view = state.current()
    if presenting and view.panel == address.TOUR and view.tour:
        return
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.segmented_control(
            "Show",
            options=list(listed()),
            format_func=lambda name: EDITING[name].label,
            required=True,
            label_visibility="collapsed",
            wrap=True,
            **state.widget(state.PANEL, listed()),
        )
        if presenting:
            st.button("Exit presentation", icon=":material/close_fullscreen:", on_click=state.present, args=(False,))


__all__ = ["EDITING", "PANELS", "Panel", "Run", "allowed", "allowed_editing", "listed", "options", "shown", "tabs"]
