"""The Tour view: a guided sequence through the map, a step at a time; the map frames and lights each
step's concepts, and the arrow keys (or the buttons) turn the pages. The step is in the URL."""

from __future__ import annotations

import streamlit as st

from components.analysis.details import citations_of
from components.model.concepts import ConceptMap, Tour
from components.teaching import tours
from components.text import markdown as md
from components.ui import state
from components.ui.panels.panel import Panel, Run
from components.view import highlight


def settle(run: Run) -> None:
    """The step kept within the tour being given, and its length known to the arrow keys (state.on_map_tour)."""
    given = highlight.tour_step(run.concept_map, run.view)
    if given is not None:
        tour, number = given
        st.session_state[state.STEP] = number
        st.session_state[state.TOUR_STEPS] = len(tour.steps)


def current(concept_map: ConceptMap) -> tuple[Tour | None, int]:
    """The tour being given (None if none) and its step, from 1, kept within the tour."""
    tour = tours.find(concept_map, st.session_state[state.TOUR])
    if tour is None:
        return None, 1
    return tour, min(max(st.session_state[state.STEP], 1), len(tour.steps))


def view(concept_map: ConceptMap, presenting: bool = False) -> None:
    """The step: where it is in the tour, its title, its text (which scrolls by itself when long, see
    page.css), the works it cites and the ways on, so that these stay on screen at 1280×720 however long
    the text. On the last step, Next gives way to "End the tour". In front of a room the panel is narrow
    (the map takes the width): the title is smaller (page.css), and leaving is a quiet line at the top."""
    tour, number = current(concept_map)
    if tour is None:
        chooser(concept_map)
        return
    step = tour.steps[number - 1]
    last = number == len(tour.steps)
    where = f"Step {number} of {len(tour.steps)}"
    if presenting:
        with st.container(horizontal=True, vertical_alignment="center", gap="small", key="tour_top"):
            st.caption(where)
            st.button("End", icon=":material/close:", on_click=state.end_tour, key="tour-end", type="tertiary",
                      help="Leave the tour and presentation mode")  # fmt: skip
            st.button("Exit presentation", icon=":material/close_fullscreen:", on_click=state.present,
                      args=(False,), key="tour-unpresent", type="tertiary",
                      help="Back to the page (the tour goes on)")  # fmt: skip
    else:
        st.caption(f"{where} · {md.text(tour.title)}")
        st.progress(number / len(tour.steps))
    st.subheader(md.text(step.title), anchor=False)  # smaller in front of a room, where the panel is narrow
    with st.container(key="tour_text"):
        st.markdown(md.emphasis(step.text))
    cited = citations_of(concept_map, step.refs)
    if cited:
        links = " · ".join(md.link(citation.short, citation.url) for citation in cited)
        st.caption(f"Cites: {links}")
    with st.container(horizontal=True, gap="small", key="tour_nav"):
        st.button("Previous", icon=":material/arrow_back:", on_click=state.turn, args=(-1, len(tour.steps)),
                  disabled=number == 1, key="tour-previous")  # fmt: skip
        if last:
            st.button("End the tour", icon=":material/flag:", on_click=state.end_tour, type="primary",
                      key="tour-finish")  # fmt: skip
        else:
            st.button("Next", icon=":material/arrow_forward:", on_click=state.turn, args=(1, len(tour.steps)),
                      type="primary", key="tour-next")  # fmt: skip
        if not presenting:
            st.button("End", icon=":material/close:", on_click=state.end_tour, key="tour-end",
                      help="Leave the tour")  # fmt: skip
    if not presenting:
        st.caption("On the map, the ← and → keys turn the pages too.")


def chooser(concept_map: ConceptMap) -> None:
    if not concept_map.tours:
        st.info("This map has no tours yet. A map file's `tours:` section lists them, step by step.")
        return
    st.markdown("Guided tours of the map, a step at a time, in presentation mode.")
    for tour in concept_map.tours:
        with st.container(border=True):
            st.markdown(f"**{md.text(tour.title)}** · {len(tour.steps)} steps")
            if tour.description:
                st.caption(md.text(tour.description))
            st.button("Start", key=f"tour-start:{tour.id}", on_click=state.start_tour, args=(tour.id,),
                      icon=":material/play_arrow:", type="primary")  # fmt: skip


PANEL = Panel("tour", "Tour", lambda run: view(run.concept_map, run.presenting), settle=settle)
