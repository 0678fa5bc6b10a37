"""Empathy Atlas: explore a paper, and the works it cites, as an interactive concept map.

    streamlit run app.py -- --concepts FILE     (or EMPATHY_ATLAS_CONCEPTS=FILE; default concepts.yaml)
    streamlit run app.py -- --edit              (or EMPATHY_ATLAS_EDIT=1): an author edits the map in the page

The page: one line of controls (title, search, filters, Export, Open, About, Present), then the map filling
the window beside a side panel (ui/explorer.py; the panels are listed in ui/panels). `?present=1` shows the
map and panel alone, in large type.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import streamlit as st

from components.model.errors import MapError
from components.ui import cache, header, page, panels, problems, state, watch
from components.ui.explorer import explorer
from components.ui.panels import editing

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
file_path, name = editing.serve(*map_file())  # with --edit, a starter map the author made may take its place
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

options = cache.derived(file, panels.options())
state.settle(options)
presenting = state.presenting()
drawn = cache.packed_map(file)  # what the view draws, packed once per content
page.frame(concept_map, presenting)
if not presenting:
    header.bar(concept_map, options, drawn, state.current().selection(concept_map), file.name)
state.header_drawn()  # a click reruns only the explorer below; it reruns the page if the header must change
explorer(file, concept_map, drawn)
page.icon()
