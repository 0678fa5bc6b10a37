"""The session's state: the view (the core's `View`, components/view/address.py) and the app's private keys,
and the callbacks that change them.

The shareable view (selection, filters, depths, the side panel's tab, the chosen reference, presentation
mode and contrast) lives in plain session keys, by id, one per field of `View`, mirrored in the URL's query
(`?selected=tpj&kinds=region&present=1`, by `address.encode`) so a copied address opens the same view.
Widgets only show it: each has a key of its own, set from the view before it is drawn, and a callback
that takes a new value back only if the map knows it. (A widget that owned the value would lose it
when the map's labels change: the browser sends back the label it last showed, which an edited map no
longer has. Streamlit's `bind="query-params"` would also put labels in the URL, not ids.)
Private state (the last valid map) is set up once by `init()`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from components.view import address

# The shareable view: the fields of the core's View (components/view/address.py), each kept in the session
# under its name, which is also its key in the address.
(SELECTED, KINDS, FACETS, FACET_DEPTH, RELATION_TYPES, DEPTH, PANEL, REFERENCE, PATH, ROUTE, COMPARE, VIEW, STANDINGS,
 PRESENT, STAGE, CONTRAST, TOUR, STEP, QUIZ, BUILD, USE) = address.KEYS  # fmt: skip
TOUR_STEPS = "tour_steps"  # private: how many steps the tour being given has (the arrow keys stop at its end)
# Components and widgets that own their own state.
MAP_VIEW = "map_view"
SEARCH = "search"
REFERENCE_TABLE = "reference_table"
# Private state.
LAST_VALID = "last_valid_map"  # the MapFile of the last map that loaded cleanly
ANSWERS = "quiz_answers"  # {(seed, question number): the option chosen}
STUDENT = "student_map"  # (name, content) of the student's map being scored
THREE_D = "brain_3d"  # the brain view shows nilearn's 3D view as well as the glass brain
OPENED = "opened_map"  # a MapFile opened from the page (an upload or an example) in place of the served one
LISTED = "listed_links"  # {(concept id, phrase): how many}: a group of relations listed other than by default
HEADER = "header_drawn"  # what the header above the map was last drawn with (see header_drawn)
_URL_READ = "url_read"

FACET_DEPTHS = address.FACET_DEPTHS
FOCUS_DEPTHS = address.FOCUS_DEPTHS
_FLAGS = (PRESENT, CONTRAST)  # 0 or 1 in the URL, a toggle's True or False
_KEEPS_SELECTION: set[str] = set()  # the panels a click on the map leaves open (see keep_selection_in)


def init() -> None:
    """Once per run, before any widget: private state and the view's defaults."""
    st.session_state.setdefault(LAST_VALID, None)
    st.session_state.setdefault(ANSWERS, {})
    st.session_state.setdefault(STUDENT, None)
    st.session_state.setdefault(LISTED, {})
    st.session_state.setdefault(OPENED, None)
    for key in address.KEYS:
        st.session_state.setdefault(key, _default(key))


def settle(options: Mapping[str, Collection[Any]]) -> None:
    """Before anything is drawn: the view taken from the URL once per session, and any value the (edited)
    map no longer has (see `address.allowed`) forgotten."""
    if _read_url():
        _put(address.decode({key: st.query_params.get_all(key) for key in st.query_params}, options))
    else:
        _put(address.decode(address.encode(current()), options))


def _read_url() -> bool:
    """Whether the view is the address's: on a session's first run (a link opened), and when the browser's
    Back or Forward brings back an address the view had (each view is an entry in the browser's history, see
    write_url); what the address leaves out is then at its default."""
    navigated = _history_navigation()
    if st.session_state.get(_URL_READ) and not navigated:
        return False
    st.session_state[_URL_READ] = True
    return True


def current() -> address.View:
    """The view the session holds now."""
    return address.View(**{key: _value(st.session_state[key]) for key in address.KEYS})


def _put(view: address.View) -> None:
    """The session holds `view` (a list where a widget takes one); a key whose value is unchanged is not set."""
    for key in address.KEYS:
        value = getattr(view, key)
        kept = list(value) if isinstance(value, tuple) else value
        if st.session_state.get(key) != kept:
            st.session_state[key] = kept


def _history_navigation() -> bool:
    """Whether this run comes from the browser's Back or Forward (the page asks for the address it went to)."""
    context = get_script_run_ctx()
    return bool(context is not None and context.is_history_navigation)


def widget(name: str, options: Collection[Any]) -> dict[str, Any]:
    """The arguments that make a widget show view value `name` and give back what is chosen in it."""
    key = f"{name}_widget"
    value = st.session_state[name]
    st.session_state[key] = bool(value) if name in _FLAGS else (list(value) if isinstance(value, list) else value)
    return {"key": key, "on_change": _take, "args": (name, key, options)}


def _take(name: str, key: str, options: Collection[Any]) -> None:
    """Callback: a widget's new value becomes the view's, as far as the map knows it."""
    value = st.session_state[key]
    if isinstance(value, list):
        st.session_state[name] = [item for item in value if item in options]
    elif name in _FLAGS:
        st.session_state[name] = int(bool(value))
    elif value is None and _default(name) is not None:
        st.session_state[name] = _default(name)  # a segmented control clicked off: its default
    elif value is None or value in options:
        st.session_state[name] = value


def write_url() -> None:
    """Mirror the view in the URL, leaving out what is at its default. Each new address is an entry in the
    browser's history (Streamlit pushes it), so Back and Forward walk through the views (see _read_url)."""
    wanted = address.encode(current())
    shown = {key: st.query_params.get_all(key) for key in st.query_params}
    if shown != wanted:
        st.query_params.from_dict({key: values if _is_list(key) else values[0] for key, values in wanted.items()})


def _header() -> tuple[bool, int]:
    """What the header above the map shows that the panel can change: whether it is drawn at all
    (presentation mode hides it) and the count of filters on its Filters menu."""
    return presenting(), active_filters()


def header_drawn() -> None:
    """The header was drawn with the view as it is now (see header_changed)."""
    st.session_state[HEADER] = _header()


def header_changed() -> bool:
    """Whether the view changed in a way the header shows since it was drawn: a click reruns only the map
    and the panel (a fragment), so a change the header shows asks for the whole page again."""
    return st.session_state.get(HEADER) != _header()


def active_filters() -> int:
    """How many kinds of filter are on (shown beside the Filters menu)."""
    return current().active_filters


def presenting() -> bool:
    return bool(st.session_state[PRESENT])


def high_contrast() -> bool:
    return bool(st.session_state[CONTRAST])


def select(target: str | None) -> None:
    """Callback: select a concept or relation by id (None clears the selection), and show its details
    (unless the panel shows a view that selections belong to: a path, a comparison, the outline...)."""
    st.session_state[SELECTED] = target
    if target is not None and st.session_state[PANEL] not in _KEEPS_SELECTION:
        st.session_state[PANEL] = address.DETAILS


def keep_selection_in(panels: Iterable[str]) -> None:
    """The panels a selection belongs to (the registry says which: ui/panels)."""
    _KEEPS_SELECTION.update(panels)


def list_links(group: tuple[str, str], count: int) -> None:
    """Callback: list the first `count` of a concept's relations of one kind (a hub may have thousands)."""
    st.session_state[LISTED][group] = count


def choose_reference(key: str | None) -> None:
    """Callback: light up what a reference supports (None: none)."""
    st.session_state[REFERENCE] = key


def stage(on: bool) -> None:
    """Callback: a panel onto the stage (the map's place) or back to the side panel."""
    st.session_state[STAGE] = int(on)


def present(on: bool) -> None:
    """Callback: into or out of presentation mode."""
    st.session_state[PRESENT] = int(on)


def on_map_select(key: str = MAP_VIEW) -> None:
    """Callback: a click in the network view (or a choice in the search box, `key` SEARCH) selects what was
    clicked; the background clears; a shift-click on a concept asks the way there from the selected one."""
    event = st.session_state[key].select or {}
    if event.get("kind") == "path_end":
        start = st.session_state[SELECTED]
        if start and start != event.get("id"):
            set_path(start, event.get("id"))
        return
    select(event.get("id") if event.get("kind") in ("concept", "relation") else None)


def set_path(start: str | None, end: str | None) -> None:
    """Callback: show the routes between two concepts (either may be None until both are chosen)."""
    st.session_state[PATH] = [start or "", end or ""]
    st.session_state[ROUTE] = 1
    st.session_state[PANEL] = address.PATH


def path_end_from_widget(position: int, key: str) -> None:
    """Callback: one end of the path chosen in its search box."""
    ends = (st.session_state[PATH] + ["", ""])[:2]
    ends[position] = st.session_state[key] or ""
    st.session_state[PATH] = ends
    st.session_state[ROUTE] = 1


def start_tour(tour_id: str, present_it: bool = True) -> None:
    """Callback: begin a tour at its first step, in presentation mode."""
    st.session_state[TOUR] = tour_id
    st.session_state[STEP] = 1
    st.session_state[PANEL] = address.TOUR
    if present_it:
        st.session_state[PRESENT] = 1


def turn(by: int, steps: int) -> None:
    """Callback: to the next (1) or previous (-1) step of the tour, within its `steps`."""
    st.session_state[STEP] = min(max(st.session_state[STEP] + by, 1), steps)


def end_tour() -> None:
    """Callback: leave the tour (and presentation mode)."""
    st.session_state[TOUR] = None
    st.session_state[STEP] = 1
    st.session_state[PANEL] = address.DETAILS
    st.session_state[PRESENT] = 0


def on_map_tour() -> None:
    """Callback: the arrow keys turn the tour's pages (the view sends "next" or "previous"), within the tour:
    → on its last step does nothing (it once went past the end, and the step fell back to the first)."""
    event = st.session_state[MAP_VIEW].tour or {}
    if st.session_state[TOUR]:
        turn(1 if event.get("go") == "next" else -1, st.session_state.get(TOUR_STEPS, 1))


def show_view(view_id: str | None) -> None:
    """Callback: show only a named view's concepts (None: the whole map)."""
    st.session_state[VIEW] = view_id


def clear_filters() -> None:
    """Callback: the whole map again (the selection stays)."""
    for key in address.FILTER_KEYS:
        st.session_state[key] = _default(key)


def reset() -> None:
    """Callback: back to the whole map, nothing selected, no reference chosen."""
    for key in address.RESET_KEYS:
        st.session_state[key] = _default(key)
    st.session_state.pop(REFERENCE_TABLE, None)


def _default(key: str) -> Any:
    """A view key's default, as the session holds it (a list for a tuple: the widgets take lists)."""
    value = getattr(address.DEFAULT, key)
    return list(value) if isinstance(value, tuple) else value


def _value(held: Any) -> Any:
    return tuple(held) if isinstance(held, list) else held


def _is_list(key: str) -> bool:
    return isinstance(getattr(address.DEFAULT, key), tuple)


def answer(seed: int, number: int, key: str, relation_id: str) -> None:
    """Callback: an answer to a quiz question is kept, and its relation selected on the map."""
    st.session_state[ANSWERS][(seed, number)] = st.session_state[key]
    select(relation_id)


def new_quiz(seed: int) -> None:
    st.session_state[QUIZ] = seed
