"""The map's derived data, cached by the file's content: parsing, the graph and the network payload."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import streamlit as st

from components import graph, layout, load, view_data
from components.errors import MapError, Problem
from components.model import ConceptMap


def read(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise MapError([Problem(f"cannot read the file: {error.strerror or error}", file=name)]) from None


def signature(path: Path) -> tuple[int, int] | None:
    """Changes when the file is saved (modification time and size)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


@st.cache_data(max_entries=8, show_spinner=False)
def concept_map(content: bytes, name: str) -> ConceptMap:
    return load.parse(content, name)


@st.cache_data(max_entries=8, show_spinner=False)
def map_graph(content: bytes, name: str) -> nx.MultiDiGraph:
    return graph.build(concept_map(content, name))


@st.cache_data(max_entries=8, show_spinner=False)
def network_payload(content: bytes, name: str) -> dict[str, Any]:
    the_map = concept_map(content, name)
    return view_data.network(the_map, layout.positions(map_graph(content, name)))
