"""The map's derived data, shared by every session: read once per change of the file, parsed, built
into a graph and a network payload once per content (immutable objects behind st.cache_resource,
so a rerun neither reads nor unpickles them)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

import streamlit as st

from components import graph, layout, load, view_data
from components.graph import Graph
from components.model import ConceptMap

T = TypeVar("T")


@dataclass(frozen=True)
class MapFile:
    """A map file's content as read, with the digest that names it in the caches."""

    name: str  # what its problems are reported under
    digest: str
    content: bytes


def signature(path: Path) -> tuple[int, int] | None:
    """Changes when the file is saved (modification time and size); None if it cannot be read."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def read(path: Path, name: str) -> MapFile:
    """The file's content, read again only when it changes; MapError if it cannot be read."""
    return _read(str(path), name, signature(path))


@st.cache_resource(max_entries=8, show_spinner=False)  # `signature` is part of the key: a save reads again
def _read(path: str, name: str, signature: tuple[int, int] | None) -> MapFile:
    content = load.read_file(path, name)
    return MapFile(name, hashlib.sha256(content).hexdigest(), content)


def concept_map(file: MapFile) -> ConceptMap:
    return _concept_map(file.digest, file.name, file)


def map_graph(file: MapFile) -> Graph[str]:
    return _graph(file.digest, file.name, file)


def network_data(file: MapFile) -> view_data.Blob:
    """What the network view draws, packed to cross the wire once per content (see ui/network)."""
    return _network_data(file.digest, file.name, file)


def derived(file: MapFile, make: Callable[[ConceptMap], T]) -> T:
    """`make(the file's map)`, computed once per content and shared by every session (for what depends only
    on the map, so that a rerun does not compute it again)."""
    return cast("T", _derived(file.digest, file.name, f"{make.__module__}.{make.__qualname__}", file, make))


# Keyed by digest and name; the file itself (underscored) is not hashed again on every rerun.
@st.cache_resource(max_entries=8, show_spinner=False)
def _concept_map(digest: str, name: str, _file: MapFile) -> ConceptMap:
    return load.parse(_file.content, name)


@st.cache_resource(max_entries=8, show_spinner=False)
def _graph(digest: str, name: str, _file: MapFile) -> Graph[str]:
    return graph.build(concept_map(_file))


@st.cache_resource(max_entries=8, show_spinner=False)
def _network_data(digest: str, name: str, _file: MapFile) -> view_data.Blob:
    return view_data.packed(view_data.network(concept_map(_file), layout.positions(map_graph(_file))))


@st.cache_resource(max_entries=64, show_spinner=False)
def _derived(digest: str, name: str, what: str, _file: MapFile, _make: Callable[[ConceptMap], Any]) -> Any:
    return _make(concept_map(_file))
