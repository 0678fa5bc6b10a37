"""The controls above the map, on one line: the map's title, search, filters, About and Present.
(No sidebar: the map takes the width; filters open in a popover.)"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from functools import partial
from pathlib import Path
from typing import Any

import streamlit as st

from components.analysis.selection import Selection
from components.model.concepts import ConceptMap
from components.model.vocabulary import KINDS, RELATIONS, Kind, RelationType
from components.text import markdown as md
from components.ui import exchange, map_view, page, state
from components.view.drawing import Blob


def bar(
    concept_map: ConceptMap,
    options: Mapping[str, Collection[Any]],
    graph: Blob,
    selection: Selection | None,
    file_name: str,
) -> None:
    """The header line: title, search (over the map `graph`, in the browser), a Filters popover, Export and
    Open popovers, About and Present."""
    with st.container(key="atlas_header", horizontal=True, vertical_alignment="center", gap="small"):
        st.title(md.text(concept_map.meta.title), anchor=False, width="content")
        with st.container(key="atlas_search", width="stretch"):
            map_view.search(
                graph,
                map_key=state.MAP_VIEW,
                selection=selection,
                hint="Type part of a concept's name, abbreviation or older name, or of a relation; choose "
                "one with the arrow keys and Enter, or a click, to select it on the map." + _examples(concept_map),
                on_select=partial(state.on_map_select, state.SEARCH),
                key=state.SEARCH,
            )
        # The menu's label stays the same: a popover whose label changes is drawn anew, closed (choosing a
        # kind closed the menu). How many filters are on shows beside it, as the way to clear them.
        _menu("Filters", ":material/filter_list:", "filters_menu", "",
              lambda: filters_form(concept_map, options))  # fmt: skip
        active = state.active_filters()
        if active:
            hint = "1 filter is on: clear it" if active == 1 else f"{active} filters are on: clear them"
            st.button(f"{active} on", icon=":material/filter_alt_off:", on_click=state.clear_filters,
                      key="filters_clear", type="tertiary", help=hint)  # fmt: skip
        _menu("Export", ":material/ios_share:", "export_menu", "Take the map, or this view of it, anywhere",
              lambda: exchange.export_menu(concept_map, Path(file_name).stem or "map"))  # fmt: skip
        _menu("Open", ":material/folder_open:", "open_menu", "Open another map, or start one",
              lambda: exchange.open_menu(file_name))  # fmt: skip
        _menu("About", ":material/info:", "about_menu", "What this map is, and how to use it",
              lambda: page.about(concept_map))  # fmt: skip
        st.button(
            "Present",
            icon=":material/co_present:",
            on_click=state.present,
            args=(True,),
            help="Large type for a projector. On the map: arrows move, Enter opens, Esc clears, F fits.",
        )


def _menu(label: str, icon: str, key: str, hint: str, draw: Callable[[], None]) -> None:
    """A header popover whose contents are drawn only while it is open: a click on the map sends none of
    their widgets and text. Opening it runs the app again, to draw them."""
    with st.popover(label, icon=icon, help=hint or None, key=key, on_change="rerun") as menu:
        if menu.open:
            draw()


def filters_form(concept_map: ConceptMap, options: Mapping[str, Collection[Any]]) -> None:
    by_id = concept_map.concept_by_id
    st.multiselect(
        "Kinds",
        options=options[state.KINDS],
        format_func=lambda kind: KINDS[Kind(kind)].plural,
        placeholder="All kinds",
        **state.widget(state.KINDS, options[state.KINDS]),
    )
    st.multiselect(
        "Facets",
        options=options[state.FACETS],
        format_func=lambda facet: by_id[facet].label,
        placeholder="All facets",
        help="Show a facet and what lies within a few relations of it.",
        **state.widget(state.FACETS, options[state.FACETS]),
    )
    if st.session_state[state.FACETS]:
        st.slider(
            "Steps from the facet",
            min_value=state.FACET_DEPTHS.start,
            max_value=state.FACET_DEPTHS.stop - 1,
            **state.widget(state.FACET_DEPTH, state.FACET_DEPTHS),
        )
    st.multiselect(
        "Relation types",
        options=options[state.RELATION_TYPES],
        format_func=lambda kind: RELATIONS[RelationType(kind)].label,
        placeholder="All relations",
        **state.widget(state.RELATION_TYPES, options[state.RELATION_TYPES]),
    )
    st.multiselect(
        "Standing",
        options=options[state.STANDINGS],
        format_func=str.capitalize,
        placeholder="All relations, however firm",
        help="Keep only relations that stand this firmly: established (several studies, a meta-analysis or a "
        "review), tentative (one study) or interpretive (the map's authors' reading).",
        **state.widget(state.STANDINGS, options[state.STANDINGS]),
    )
    st.slider(
        "Focus: steps around the selection",
        min_value=state.FOCUS_DEPTHS.start,
        max_value=state.FOCUS_DEPTHS.stop - 1,
        help="0 shows the whole map; 1 shows the selection and its direct neighbours, and so on.",
        **state.widget(state.DEPTH, state.FOCUS_DEPTHS),
    )
    st.toggle(
        "High contrast",
        help="Darker lines and text, thicker outlines: for projectors and bright rooms.",
        **state.widget(state.CONTRAST, options[state.CONTRAST]),
    )
    st.button("Reset view", on_click=state.reset, icon=":material/restart_alt:", width="stretch")


def _examples(concept_map: ConceptMap) -> str:
    examples = " or ".join(concept_map.search_examples)  # plain text: the box shows it as text
    return f" For example: {examples}." if examples else ""
