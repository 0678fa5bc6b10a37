"""The map's derived data, shared by every session: read once per change of the file, parsed, built
into a graph and a network payload once per content (immutable objects behind st.cache_resource,
so a rerun neither reads nor unpickles them). A file sent from the page (a map opened, a student's map,
a bibliography) is read in a child process with limits (components/exchange/bounded.py); what it holds, a model
or its problems, is kept once per content too, so a rerun does not read a broken file again."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

import streamlit as st

from components.analysis import graph
from components.analysis.graph import Graph
from components.exchange import bounded, starter
from components.model import load
from components.model.concepts import ConceptMap
from components.model.errors import MapError
from components.view import drawing, layout

T = TypeVar("T")


@dataclass(frozen=True)
class MapFile:
    """A map file's content as read, with the digest that names it in the caches."""

    name: str  # what its problems are reported under
    digest: str
    content: bytes
    sent: bool = False  # sent from the page (not the served file or an example): read within limits


def sent(name: str, content: bytes) -> MapFile:
    """A file sent from the page, to be read within limits."""
    return MapFile(name, hashlib.sha256(content).hexdigest(), content, sent=True)


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
    """The file's map; MapError listing its problems."""
    return _held(_concept_map(file.digest, file.name, file.sent, file))


def student_map(name: str, content: bytes) -> ConceptMap:
    """A student's map sent from the page (read within limits, once per content); MapError if broken."""
    return _held(_student_map(hashlib.sha256(content).hexdigest(), name, content))


def starter_map(name: str, content: bytes) -> starter.Starter:
    """A starter map from a bibliography sent from the page (made within limits, once per content)."""
    return _held(_starter_map(hashlib.sha256(content).hexdigest(), name, content))


def _kept(error: MapError) -> MapError:
    """The problems alone: the error's traceback would keep alive all that was read to find them."""
    return MapError(error.problems, error.omitted)


def _held(outcome: T | MapError) -> T:
    if isinstance(outcome, MapError):
        raise MapError(outcome.problems, outcome.omitted)  # a copy: the kept one gathers no traceback
    return outcome


def map_graph(file: MapFile) -> Graph[str]:
    return _graph(file.digest, file.name, file)


def packed_map(file: MapFile) -> drawing.Blob:
    """What the network view draws, packed to cross the wire once per content (see ui/map_view)."""
    return _packed_map(file.digest, file.name, file)


def derived(file: MapFile, make: Callable[[ConceptMap], T]) -> T:
    """`make(the file's map)`, computed once per content and shared by every session (for what depends only
    on the map, so that a rerun does not compute it again)."""
    return cast("T", _derived(file.digest, file.name, f"{make.__module__}.{make.__qualname__}", file, make))


# Keyed by digest and name; the file itself (underscored) is not hashed again on every rerun. A file's
# problems are kept as well as its map: a broken file is not read again by every rerun of every session.
@st.cache_resource(max_entries=8, show_spinner=False)
def _concept_map(digest: str, name: str, sent: bool, _file: MapFile) -> ConceptMap | MapError:
    try:
        return bounded.parse(_file.content, name) if sent else load.parse(_file.content, name)
    except MapError as error:
        return _kept(error)


@st.cache_resource(max_entries=16, show_spinner=False)
def _student_map(digest: str, name: str, _content: bytes) -> ConceptMap | MapError:
    try:
        return bounded.parse(_content, name, student=True)
    except MapError as error:
        return _kept(error)


@st.cache_resource(max_entries=8, show_spinner=False)
def _starter_map(digest: str, name: str, _content: bytes) -> starter.Starter | MapError:
    try:
        return bounded.starter_map(name, _content)
    except MapError as error:
        return _kept(error)


@st.cache_resource(max_entries=8, show_spinner=False)
def _graph(digest: str, name: str, _file: MapFile) -> Graph[str]:
    return graph.build(concept_map(_file))


@st.cache_resource(max_entries=8, show_spinner=False)
def _packed_map(digest: str, name: str, _file: MapFile) -> drawing.Blob:
    return drawing.packed(drawing.payload(concept_map(_file), layout.positions(map_graph(_file))))


@st.cache_resource(max_entries=64, show_spinner=False)
def _derived(digest: str, name: str, what: str, _file: MapFile, _make: Callable[[ConceptMap], Any]) -> Any:
    return _make(concept_map(_file))
