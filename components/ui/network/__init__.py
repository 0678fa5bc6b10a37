"""The interactive network view: a custom component (v2) drawing the map with vis-network.

The frontend (network.js, network.css and the vis-network copy pyvis ships) is served from this
package's asset folder, declared in pyproject.toml, so the browser fetches each file once and caches it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from components.selection import Selection

_HTML = """
<div class="atlas-network">
  <div class="atlas-canvas" role="application" aria-roledescription="concept map"
       aria-describedby="atlas-keys">
    <div class="atlas-graph"></div>
    <div class="atlas-status"></div>
    <div class="atlas-toolbar">
      <button type="button" data-action="fit" title="Show all that is shown (F)">Fit</button>
      <button type="button" data-action="relayout" title="Arrange the map again">Re-layout</button>
      <button type="button" data-action="legend" aria-pressed="true" title="Show or hide the legend">Legend</button>
    </div>
    <div class="atlas-legend" role="list" aria-label="Kinds of concept on the map"></div>
    <div class="atlas-tip" role="tooltip" hidden></div>
  </div>
  <p class="atlas-hidden" id="atlas-keys">Arrow keys move between related concepts, Enter opens one,
    Escape clears the selection, F fits the map, plus and minus zoom.</p>
  <div class="atlas-hidden atlas-announce" aria-live="polite"></div>
  <button type="button" class="atlas-back" hidden>Back to the map</button>
</div>
"""

_NETWORK = st.components.v2.component("components.network", html=_HTML, js="network.js", css="network.css")

MIN_HEIGHT = 420  # px: the canvas fills the window down to its bottom edge, but never less


def network(
    graph: dict[str, Any],
    *,
    title: str,
    visible: dict[str, list[str]] | None,
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
) -> None:
    """Draw the map; a click on a concept, a relation or the background calls `on_select`.

    In the callback, `st.session_state[key].select` is {"kind": "concept"|"relation"|"none", "id": ...}, or
    {"kind": "path_end", "id": ...} for a shift-click on a concept.
    `frame` asks the view to fit these concepts once (a tour step, a path). While `touring`, the left and
    right arrow keys call `on_tour`, with `st.session_state[key].tour` = {"go": "next"|"previous"}.
    `overlay` draws a scored student's map: the map's relations the student drew right, wrong or not at
    all ({"correct"|"wrong"|"missing": [relation ids]}) and the student's extra links ({"extra": [...]}).
    """
    _NETWORK(
        key=key,
        data={
            "graph": graph,
            "title": title,
            "visible": visible,
            "selected": selection.to_view() if selection else None,
            "highlight": highlight,
            "present": presenting,
            "contrast": "high" if high_contrast else "normal",
            "frame": list(frame),
            "touring": touring,
            "overlay": overlay,
            "minHeight": MIN_HEIGHT,
        },
        on_select_change=on_select,
        on_tour_change=on_tour,
    )
