"""Every session-state and query-parameter key of the app, its default, and the callbacks that change it.

The shareable view (selection, filters, depths, the side panel's tab, the chosen reference,
presentation mode and contrast) lives in plain session keys, by id, mirrored in the URL's query
parameters (`?selected=tpj&kinds=region&present=1`) so a copied address opens the same view.
Widgets only show it: each has a key of its own, set from the view before it is drawn, and a callback
that takes a new value back only if the map knows it. (A widget that owned the value would lose it
when the map's labels change: the browser sends back the label it last showed, which an edited map no
longer has. Streamlit's `bind="query-params"` would also put labels in the URL, not ids.)
Private state (the last valid map) is set up once by `init()`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from components.analysis import compare, paths
from components.analysis.filters import Filters
from components.model.concepts import ConceptMap
from components.model.vocabulary import Kind, RelationType, Standing
from components.view import address

# The shareable view; each key is also its query parameter's name.
SELECTED = "selected"  # a concept id or a relation id
KINDS = "kinds"
FACETS = "facets"
FACET_DEPTH = "facet_depth"
RELATION_TYPES = "relations"
DEPTH = "depth"
PANEL = "panel"  # what the side panel shows: details, path, compare, evidence, references or outline
REFERENCE = "ref"  # the key of the chosen reference
PATH = "path"  # [from, to]: the two concepts whose routes are shown
ROUTE = "route"  # which of the routes between them is lit, from 1
COMPARE = "compare"  # the kind of concept the facets are compared by
VIEW = "view"  # a named view (a figure of the paper): only its concepts are shown
STANDINGS = "standing"  # the standings of the relations shown (none: all)
TOUR = "tour"  # the tour being given
STEP = "step"  # its step, from 1
TOUR_STEPS = "tour_steps"  # private: how many steps the tour being given has (the arrow keys stop at its end)
QUIZ = "quiz"  # the seed of the question set (the same seed, the same questions)
PRESENT = "present"  # 1 in presentation mode
STAGE = "stage"  # 1: the Brain view takes the map's place (the stage), its figure large
CONTRAST = "contrast"  # 1 for the high-contrast palette
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

DETAILS, PATHS, COMPARE_PANEL, EVIDENCE, REFERENCES, OUTLINE, TOURS, QUIZZES, SCORES, BRAIN = (
    "details", "path", "compare", "evidence", "references", "outline", "tour", "quiz", "score", "brain"
)  # fmt: skip
PANELS = {
    TOURS: "Tour",
    DETAILS: "Details",
    PATHS: "Path",
    COMPARE_PANEL: "Compare",
    BRAIN: "Brain",
    EVIDENCE: "Evidence",
    REFERENCES: "References",
    OUTLINE: "Outline",
    QUIZZES: "Quiz",
    SCORES: "Score a map",
}
FACET_DEPTHS = range(1, 5)
FOCUS_DEPTHS = range(0, 5)

_NO_FILTERS = Filters()
VIEW_DEFAULTS: dict[str, Any] = {
    SELECTED: None,
    KINDS: [],
    FACETS: [],
    FACET_DEPTH: _NO_FILTERS.facet_depth,
    RELATION_TYPES: [],
    DEPTH: _NO_FILTERS.focus_depth,
    PANEL: DETAILS,
    REFERENCE: None,
    PATH: [],
    ROUTE: 1,
    COMPARE: "region",
    VIEW: None,
    STANDINGS: [],
    PRESENT: 0,
    STAGE: 0,
    CONTRAST: 0,
    TOUR: None,
    STEP: 1,
    QUIZ: 0,
}
_RESET = (SELECTED, KINDS, FACETS, FACET_DEPTH, RELATION_TYPES, DEPTH, REFERENCE, PATH, ROUTE, VIEW, STANDINGS)
_FILTERS = (KINDS, FACETS, FACET_DEPTH, RELATION_TYPES, DEPTH, VIEW, STANDINGS)
_FLAGS = (PRESENT, CONTRAST)  # 0 or 1 in the URL, a toggle's True or False


def init() -> None:
    """Once per run, before any widget: private state and the view's defaults."""
    st.session_state.setdefault(LAST_VALID, None)
    st.session_state.setdefault(ANSWERS, {})
    st.session_state.setdefault(STUDENT, None)
    st.session_state.setdefault(LISTED, {})
    st.session_state.setdefault(OPENED, None)
    for key, default in VIEW_DEFAULTS.items():
        st.session_state.setdefault(key, _copy(default))


def allowed(concept_map: ConceptMap) -> dict[str, Collection[Any]]:
    """The values each part of the view may take on this map (computed once per map: see data.derived)."""
    kinds = {concept.kind for concept in concept_map.concepts}
    relation_types = {relation.type for relation in concept_map.relations}
    return {
        SELECTED: {*concept_map.concept_by_id, *concept_map.relation_by_id},
        KINDS: [str(kind) for kind in Kind if kind in kinds],
        FACETS: [c.id for c in concept_map.concepts if c.kind == Kind.FACET],
        FACET_DEPTH: FACET_DEPTHS,
        RELATION_TYPES: [str(kind) for kind in RelationType if kind in relation_types],
        DEPTH: FOCUS_DEPTHS,
        PANEL: list(PANELS),
        REFERENCE: list(concept_map.reference_by_key),
        PRESENT: range(0, 2),
        STAGE: range(0, 2),
        CONTRAST: range(0, 2),
        PATH: {"", *concept_map.concept_by_id},  # "" holds the place of an end not chosen yet
        ROUTE: range(1, 1 + paths.ALTERNATIVES),
        COMPARE: [str(kind) for kind in compare.COMPARED],
        VIEW: [view.id for view in concept_map.views],
        STANDINGS: [str(standing) for standing in Standing],
        TOUR: [tour.id for tour in concept_map.tours],
        STEP: range(1, 1 + max((len(tour.steps) for tour in concept_map.tours), default=1)),
        QUIZ: range(0, 1_000_000),
    }


def settle(options: Mapping[str, Collection[Any]]) -> None:
    """Before anything is drawn: the view taken from the URL once per session, and any value the (edited)
    map no longer has (see `allowed`) forgotten."""
    _read_url(options)
    _drop_unknown(options)
    st.session_state[PATH] = st.session_state[PATH][:2]


def _read_url(options: Mapping[str, Collection[Any]]) -> None:
    """The view from the address: on a session's first run (a link opened), and when the browser's Back or
    Forward brings back an address the view had (each view is an entry in the browser's history, see
    write_url): then the view is the address's, and what it leaves out is at its default."""
    navigated = _history_navigation()
    if st.session_state.get(_URL_READ) and not navigated:
        return
    st.session_state[_URL_READ] = True
    params = st.query_params
    for key, default in VIEW_DEFAULTS.items():
        if navigated:
            st.session_state[key] = _copy(default)
        if key not in params:
            continue
        if isinstance(default, list):
            st.session_state[key] = [value for value in params.get_all(key) if value in options[key]]
        elif isinstance(default, int):
            value = address.number(params[key], options[key])
            if value is not None:
                st.session_state[key] = value
        elif params[key] in options[key]:
            st.session_state[key] = params[key]


def _history_navigation() -> bool:
    """Whether this run comes from the browser's Back or Forward (the page asks for the address it went to)."""
    context = get_script_run_ctx()
    return bool(context is not None and context.is_history_navigation)


def _drop_unknown(options: Mapping[str, Collection[Any]]) -> None:
    for key, default in VIEW_DEFAULTS.items():
        value = st.session_state.get(key)
        if isinstance(default, list):
            kept = [item for item in value or [] if item in options[key]]
            if kept != value:
                st.session_state[key] = kept
        elif value is not None and value not in options[key]:
            st.session_state[key] = _copy(default)


def widget(name: str, options: Collection[Any]) -> dict[str, Any]:
    """The arguments that make a widget show view value `name` and give back what is chosen in it."""
    key = f"{name}_widget"
    value = st.session_state[name]
    st.session_state[key] = bool(value) if name in _FLAGS else _copy(value)
    return {"key": key, "on_change": _take, "args": (name, key, options)}


def _take(name: str, key: str, options: Collection[Any]) -> None:
    """Callback: a widget's new value becomes the view's, as far as the map knows it."""
    value = st.session_state[key]
    if isinstance(value, list):
        st.session_state[name] = [item for item in value if item in options]
    elif name in _FLAGS:
        st.session_state[name] = int(bool(value))
    elif value is None and VIEW_DEFAULTS[name] is not None:
        st.session_state[name] = _copy(VIEW_DEFAULTS[name])  # a segmented control clicked off: its default
    elif value is None or value in options:
        st.session_state[name] = value


def view_query() -> dict[str, list[str]]:
    """The view as its address's query: every value not at its default (what `scope.of` reads)."""
    wanted: dict[str, list[str]] = {}
    for key, default in VIEW_DEFAULTS.items():
        value = st.session_state.get(key)
        if value is not None and value != default:
            wanted[key] = [str(item) for item in value] if isinstance(value, list) else [str(value)]
    return wanted


def write_url() -> None:
    """Mirror the view in the URL, leaving out what is at its default. Each new address is an entry in the
    browser's history (Streamlit pushes it), so Back and Forward walk through the views (see _read_url)."""
    wanted: dict[str, str | list[str]] = {
        key: values if isinstance(VIEW_DEFAULTS[key], list) else values[0] for key, values in view_query().items()
    }
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    if current != {key: value if isinstance(value, list) else [value] for key, value in wanted.items()}:
        st.query_params.from_dict(wanted)


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
    return sum(bool(st.session_state[key]) for key in (KINDS, FACETS, RELATION_TYPES, STANDINGS, DEPTH, VIEW))


def presenting() -> bool:
    return bool(st.session_state[PRESENT])


def high_contrast() -> bool:
    return bool(st.session_state[CONTRAST])


def select(target: str | None) -> None:
    """Callback: select a concept or relation by id (None clears the selection), and show its details
    (unless the panel shows a view that selections belong to: a path, a comparison, the outline)."""
    st.session_state[SELECTED] = target
    if target is not None and st.session_state[PANEL] not in (
        OUTLINE,
        PATHS,
        COMPARE_PANEL,
        EVIDENCE,
        QUIZZES,
        SCORES,
        BRAIN,
    ):
        st.session_state[PANEL] = DETAILS


def list_links(group: tuple[str, str], count: int) -> None:
    """Callback: list the first `count` of a concept's relations of one kind (a hub may have thousands)."""
    st.session_state[LISTED][group] = count


def choose_reference(key: str | None) -> None:
    """Callback: light up what a reference supports (None: none)."""
    st.session_state[REFERENCE] = key


def stage(on: bool) -> None:
    """Callback: the Brain view onto the stage (the map's place) or back to the side panel."""
    st.session_state[STAGE] = int(on)


def staged() -> bool:
    """Whether the Brain view is on the stage (only while the Brain panel is open)."""
    return bool(st.session_state[STAGE]) and st.session_state[PANEL] == BRAIN


def present(on: bool) -> None:
    """Callback: into or out of presentation mode."""
    st.session_state[PRESENT] = int(on)


def on_network_select(key: str = MAP_VIEW) -> None:
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
    st.session_state[PANEL] = PATHS


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
    st.session_state[PANEL] = TOURS
    if present_it:
        st.session_state[PRESENT] = 1


def turn(by: int, steps: int) -> None:
    """Callback: to the next (1) or previous (-1) step of the tour, within its `steps`."""
    st.session_state[STEP] = min(max(st.session_state[STEP] + by, 1), steps)


def end_tour() -> None:
    """Callback: leave the tour (and presentation mode)."""
    st.session_state[TOUR] = None
    st.session_state[STEP] = 1
    st.session_state[PANEL] = DETAILS
    st.session_state[PRESENT] = 0


def on_network_tour() -> None:
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
    for key in _FILTERS:
        st.session_state[key] = _copy(VIEW_DEFAULTS[key])


def reset() -> None:
    """Callback: back to the whole map, nothing selected, no reference chosen."""
    for key in _RESET:
        st.session_state[key] = _copy(VIEW_DEFAULTS[key])
    st.session_state.pop(REFERENCE_TABLE, None)


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def answer(seed: int, number: int, key: str, relation_id: str) -> None:
    """Callback: an answer to a quiz question is kept, and its relation selected on the map."""
    st.session_state[ANSWERS][(seed, number)] = st.session_state[key]
    select(relation_id)


def new_quiz(seed: int) -> None:
    st.session_state[QUIZ] = seed
