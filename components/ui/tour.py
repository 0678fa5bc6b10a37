"""The Tour view: a guided sequence through the map, a step at a time; the map frames and lights each
step's concepts, and the arrow keys (or the buttons) turn the pages. The step is in the URL."""

from __future__ import annotations

import streamlit as st

from components import markdown as md
from components import tours
from components.details import citations_of
from components.model import ConceptMap, Tour

from . import state


def current(concept_map: ConceptMap) -> tuple[Tour | None, int]:
    """The tour being given (None if none) and its step, from 1, kept within the tour."""
    tour = tours.find(concept_map, st.session_state[state.TOUR])
    if tour is None:
        return None, 1
    st.session_state[state.STEP] = min(st.session_state[state.STEP], len(tour.steps))
    return tour, st.session_state[state.STEP]


def shown(concept_map: ConceptMap) -> tuple[list[str], list[str]] | None:
    """The concepts and relations the current step shows, if a tour is being given in the Tour view."""
    tour, step = current(concept_map)
    if tour is None or st.session_state[state.PANEL] != state.TOURS:
        return None
    return tours.shown(concept_map, tour.steps[step - 1])


def view(concept_map: ConceptMap) -> None:
    tour, number = current(concept_map)
    if tour is None:
        chooser(concept_map)
        return
    step = tour.steps[number - 1]
    st.caption(f"{md.text(tour.title)} · step {number} of {len(tour.steps)}")
    st.progress(number / len(tour.steps))
    st.subheader(md.text(step.title), anchor=False)
    st.markdown(md.emphasis(step.text))
    cited = citations_of(concept_map, step.refs)
    if cited:
        links = " · ".join(md.link(citation.short, citation.url) for citation in cited)
        st.caption(f"Cites: {links}")
    with st.container(horizontal=True, gap="small"):
        st.button("Previous", icon=":material/arrow_back:", on_click=state.turn, args=(-1, len(tour.steps)),
                  disabled=number == 1, key="tour-previous")  # fmt: skip
        st.button("Next", icon=":material/arrow_forward:", on_click=state.turn, args=(1, len(tour.steps)),
                  disabled=number == len(tour.steps), type="primary", key="tour-next")  # fmt: skip
        st.button("End", icon=":material/close:", on_click=state.end_tour, key="tour-end")
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
