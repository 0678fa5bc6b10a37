"""The interactive network view and its search box: one custom component (v2), mounted three ways.

- The map's data goes as a hidden element of its own whose data is bytes (`drawing.packed`: gzipped
  JSON tagged with its version); so does what the filters show (`drawing.shown`). The browser keeps each
  blob by its tag (store.js) and says so (the element's state `held`); from then on the element carries
  only the blob's name and tag, so a click or a filter sends neither, however large the map: the map
  crosses the wire once per content. (Not Streamlit's own cache of unchanged elements: its references
  race overlapping reruns, and a burst of clicks ended in "Cached ForwardMsg MISS" and a dead page; it is
  off, see .streamlit/config.toml.) If the browser has lost a blob it is told to hold, it says so
  (`held` None) and the next run sends it again.
- The map itself, whose data is small: which blobs to draw, the selection, highlights, the mode.
- The search box, which searches the same blob in the browser (no list of every name on each run).
Every mount's data is bytes: a blob (a line with its name, a line with its tag, then its body), or a
JSON object (see `_json`).

The frontend (network.js, the entry, and the ES modules it imports, each named for its job; network.css;
the vis-network copy pyvis ships) is served from this package's asset folder, declared in pyproject.toml,
so the browser fetches each file once and caches it. The standalone explorer inlines the same modules.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from components.analysis.selection import Selection
from components.view.drawing import Blob

# No HTML here: each mount builds what it shows (a blob mount, nothing), so no run sends markup again.
_MAP_VIEW = st.components.v2.component("components.map_view", js="network.js", css="network.css")

_RUNS = "map_view_runs"  # session key: the last number given by _run_number
MIN_HEIGHT = 420  # px: the canvas fills the window down to its bottom edge, but never less


def show(
    graph: Blob,
    *,
    title: str,
    visible: Blob | None,
    selection: Selection | None,
    highlight: dict[str, list[str]] | None,
    on_select: Callable[[], None],
    on_tour: Callable[[], None],
    key: str,
    presenting: bool = False,
    high_contrast: bool = False,
    frame: Sequence[str] = (),
    touring: bool = False,
    overlay: dict[str, Any] | None = None,
    linking: bool = False,
    on_link: Callable[[], None] | None = None,
) -> None:
    """Draw the map `graph` (`drawing.packed`), showing only `visible` (`drawing.shown`) if given;
    a click on a concept, a relation or the background calls `on_select`.

    In the callback, `st.session_state[key].select` is {"kind": "concept"|"relation"|"none", "id": ...}, or
    {"kind": "path_end", "id": ...} for a shift-click on a concept.
    `frame` asks the view to fit these concepts once (a tour step, a path). While `touring`, the left and
    right arrow keys call `on_tour`, with `st.session_state[key].tour` = {"go": "next"|"previous"}.
    `overlay` draws a scored student's map: the map's relations as judged (`ui.score.overlay`: {"correct"|
    "reversed"|"misplaced"|"wrong"|"missing": [relation ids]}), the student's extra links ({"extra": [...]}) and
    how each verdict is drawn ({"lines": drawing.verdict_lines(...)}).
    While `linking`, the map offers "Draw a relation" (a drag from one concept to another, or R and the keys):
    its two ends call `on_link`, with `st.session_state[key].link` = {"from": id, "to": id}. Nothing is drawn
    on the map by it; without `linking` the map offers nothing of the kind and `on_link` is never called.
    """
    _blob(graph_key(key), graph)
    if visible is not None:
        _blob(f"{key}_visible", visible)
    _MAP_VIEW(
        key=key,
        data=_json(
            {
                "role": "map",
                "run": _run_number(),
                "graph": {"blob": graph_key(key), "tag": graph.tag},
                "title": title,
                "visible": {"blob": f"{key}_visible", "tag": visible.tag} if visible is not None else None,
                "selected": selection.to_view() if selection else None,
                "highlight": highlight,
                "present": presenting,
                "contrast": "high" if high_contrast else "normal",
                "frame": list(frame),
                "touring": touring,
                "overlay": overlay,
                "minHeight": MIN_HEIGHT,
                "linking": linking,
            }
        ),
        on_select_change=on_select,
        on_tour_change=on_tour,
        on_link_change=on_link if linking and on_link is not None else _nothing,
    )


def search(
    graph: Blob, *, map_key: str, selection: Selection | None, hint: str, on_select: Callable[[], None], key: str
) -> None:
    """The search box over the map drawn by `show(graph, key=map_key)`. Choosing an entry calls
    `on_select`, with `st.session_state[key].select` = {"kind": "concept"|"relation", "id": ...}."""
    _MAP_VIEW(
        key=key,
        data=_json(
            {
                "role": "search",
                "run": _run_number(),
                "graph": {"blob": graph_key(map_key), "tag": graph.tag},
                "selected": selection.to_view() if selection else None,
                "placeholder": "Search: a name, abbreviation or older term",
                "help": hint,
            }
        ),
        on_select_change=on_select,
    )


def build(
    graph: Blob,
    *,
    map_key: str,
    key: str,
    storage: str,
    phrases: Sequence[str],
    offered: Sequence[dict[str, str]] = (),
    start: dict[str, Any] | None = None,
    load: dict[str, Any] | None = None,
    checked: dict[str, Any] | None = None,
) -> None:
    """The Build panel's board over the map drawn by `show(graph, key=map_key)` (its search box adds the map's
    concepts): the student's drawing, kept in the browser under `storage` (the map's title and version) and
    sent back as `st.session_state[key].drawing` = {"concepts": [{"id", "label", "x", "y"}], "links": [{"id",
    "from", "to", "words"}], "rev"} after every edit. `phrases` are offered as a link's words, `offered` as
    buttons (an exercise's concepts); `start` is drawn when the browser keeps nothing; `load` = {"token",
    "drawing"} replaces the drawing once per token (a file opened); `checked` = {"verdicts": {"from's
    name|words|to's name": verdict}, "missing": [{"from", "to", "words"}], "lines": drawing.verdict_lines(...)}
    lights the links as the last check judged them."""
    _blob(graph_key(map_key), graph)
    _MAP_VIEW(
        key=key,
        data=_json(
            {
                "role": "build",
                "run": _run_number(),
                "graph": {"blob": graph_key(map_key), "tag": graph.tag},
                "storage": storage,
                "phrases": list(phrases),
                "offered": list(offered),
                "start": start,
                "load": load,
                "known": _known(key),
                "checked": checked,
                "minHeight": MIN_HEIGHT,
            }
        ),
        on_drawing_change=_nothing,
    )


def _known(key: str) -> str | None:
    """The revision of the drawing the board mounted as `key` last sent (None: none yet this session)."""
    held = st.session_state.get(key)
    drawing = held.get("drawing") if held is not None else None
    return drawing.get("rev") if isinstance(drawing, dict) else None


def _run_number() -> int:
    """A number that grows with every mount of the session: under rapid reruns the browser may render an
    overtaken run's data after a newer one's, and drops what is older than what it shows."""
    number = int(st.session_state.get(_RUNS, 0)) + 1
    st.session_state[_RUNS] = number
    return number


def _json(data: dict[str, Any]) -> bytes:
    """A mount's data as JSON in bytes: Streamlit sends bytes as they are, where it would first look
    through a dict for dataframes (importing pandas on the first page, a quarter of a second)."""
    return json.dumps(data, separators=(",", ":")).encode()


def _blob(name: str, blob: Blob) -> None:
    """A hidden element carrying `blob`: its name and tag on a line each, then its bytes (see store.js); once
    the browser holds this tag, only its name and tag (no line break after the tag)."""
    header = f"{name}\n{blob.tag}".encode()
    data = header if held(name) == blob.tag else header + b"\n" + blob.body
    _MAP_VIEW(key=name, data=data, on_held_change=_nothing)


def held(name: str) -> str | None:
    """The tag of blob `name` the browser says it holds (None: none, or it has lost it)."""
    state = st.session_state.get(name)
    tag = state.get("held") if state is not None else None
    return tag if isinstance(tag, str) else None


def _nothing() -> None:
    """The blob's state is read where it is drawn (see `held`); its change needs no callback of its own."""


def graph_key(map_key: str) -> str:
    """The key of the hidden element that carries the map's data."""
    return f"{map_key}_graph"
