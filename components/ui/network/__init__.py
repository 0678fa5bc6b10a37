"""The interactive network view: a custom component (v2) drawing the map with vis-network.

The frontend (network.js, network.css and the vis-network copy pyvis ships) is served from this
package's asset folder, declared in pyproject.toml, so the browser fetches each file once and caches it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from components.selection import Selection

_HTML = """
<div class="atlas-network">
  <div class="atlas-toolbar">
    <button type="button" data-action="fit" title="Fit the whole map in view">Fit</button>
    <button type="button" data-action="relayout" title="Arrange the map again">Re-layout</button>
    <div class="atlas-legend" role="list" aria-label="Legend"></div>
  </div>
  <div class="atlas-canvas" role="img" aria-label="Concept map">
    <div class="atlas-status"></div>
  </div>
</div>
"""

_NETWORK = st.components.v2.component("components.network", html=_HTML, js="network.js", css="network.css")


def network(
    graph: dict[str, Any],
    *,
    title: str,
    visible: dict[str, list[str]] | None,
    selection: Selection | None,
    highlight: dict[str, list[str]] | None,
    on_select: Callable[[], None],
    key: str,
    height: int = 680,
) -> None:
    """Draw the map; a click on a concept, a relation or the background calls `on_select`.

    In the callback, `st.session_state[key].select` is {"kind": "concept"|"relation"|"none", "id": ...}.
    """
    _NETWORK(
        key=key,
        data={
            "graph": graph,
            "title": title,
            "visible": visible,
            "selected": selection.to_view() if selection else None,
            "highlight": highlight,
            "height": height,
        },
        on_select_change=on_select,
    )
