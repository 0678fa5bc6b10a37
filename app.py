"""Empathy Atlas: explore a paper, and the works it cites, as an interactive concept map.

    streamlit run app.py -- --concepts FILE     (or EMPATHY_ATLAS_CONCEPTS=FILE; default concepts.yaml)

The page, top to bottom: header, sidebar controls, the map beside the details panel, the references.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import streamlit as st

from components.errors import MapError
from components.ui import data, details, header, problems, references, sidebar, state, watch
from components.ui.network import network

DEFAULT_MAP = Path(__file__).parent / "concepts.yaml"
ICON = Path(__file__).parent / "components/ui/icon.svg"  # a local file: a :material/: page icon loads from Google


def map_file() -> tuple[Path, str]:
    """The map to open, and the name its problems are reported under."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--concepts")
    given = parser.parse_known_args(sys.argv[1:])[0].concepts or os.environ.get("EMPATHY_ATLAS_CONCEPTS")
    return (Path(given), given) if given else (DEFAULT_MAP, DEFAULT_MAP.name)


st.set_page_config(page_title="Empathy Atlas", page_icon=str(ICON), layout="wide")
state.init()
path, name = map_file()
watch.reload_on_change(path, data.signature(path))

# The file's map; if it has problems, the last valid map under a warning, or the problems alone.
try:
    file = data.read(path, name)
    concept_map = data.concept_map(file)
    st.session_state[state.LAST_VALID] = file
except MapError as error:
    problems.show(error, keeping_last_valid=st.session_state[state.LAST_VALID] is not None)
    if st.session_state[state.LAST_VALID] is None:
        st.stop()
    file = st.session_state[state.LAST_VALID]
    concept_map = data.concept_map(file)

st.set_page_config(page_title=concept_map.meta.title)
header.header(concept_map)
selection, filters = sidebar.controls(concept_map)
visible = filters.apply(data.map_graph(file))
chosen_reference = references.chosen(concept_map)
state.write_url()  # the view is settled: nothing below changes it in this run

map_column, details_column = st.columns([5, 3], gap="medium")
with map_column:
    if not visible.nodes:
        st.info("No concepts match these filters. Loosen them, or use *Reset view* in the sidebar.")
    elif filters.focus_depth and not filters.focus:
        st.info("Select a concept to focus on its neighbourhood.")
    network(
        data.network_payload(file),
        title=concept_map.meta.title,
        visible={"nodes": sorted(visible.nodes), "edges": sorted(visible.edges)} if filters.active else None,
        selection=selection,
        highlight=references.highlight(concept_map, chosen_reference),
        on_select=state.on_network_select,
        key=state.NETWORK,
    )
with details_column, st.container(height=700, border=False):
    details.panel(concept_map, selection, hidden=selection is not None and not visible.shows(selection))

st.subheader("References", anchor=False)
table_column, supported_column = st.columns([3, 2], gap="medium")
with table_column:
    references.table(concept_map)
with supported_column:
    if chosen_reference:
        references.supported(concept_map, chosen_reference)
    else:
        st.caption("Choose a reference in the table to see, and light up on the map, all that it supports.")
