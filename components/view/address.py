"""A view of the map as one typed object (`View`), and its address: the URL query that encodes it.

Every part of what a view shows lives here once: its keys (the fields' names, which are also the query's
keys: `?selected=tpj&kinds=region&present=1`), their defaults, the values a map allows, one decoder and one
encoder. The page (ui/state.py), the export of "the current view" (scope.py) and the command line
(`export --view`) all read a view through `decode`, so the three mean the same thing by an address.

An address is typed by people and pasted from anywhere: `?step=⑨`, `?quiz=²` (digits to `str.isdigit`,
not to `int`) or `?depth=` and five thousand nines (past Python's limit on the digits of an int) are
values like any other that the map does not have, and are left out: nothing here raises.
"""

from __future__ import annotations

from collections.abc import Collection, Container, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any
from urllib.parse import parse_qs

from components.analysis import compare, paths
from components.analysis.filters import Filters
from components.analysis.selection import Selection
from components.model.concepts import ConceptMap
from components.model.vocabulary import Kind, RelationType, Standing

Query = Mapping[str, Sequence[str]]
MAX_DIGITS = 9  # no number in an address needs more (the largest is a quiz's seed, under a million)

# The panels whose view the core gives a meaning to (the page's registry lists them all: ui/panels).
DETAILS, PATH, TOUR, BUILD = "details", "path", "tour", "build"
FACET_DEPTHS = range(1, 5)
FOCUS_DEPTHS = range(0, 5)
QUIZ_SEEDS = range(0, 1_000_000)


@dataclass(frozen=True)
class View:
    """What a view shows. A field's name is its key in the address; a default is left out of it."""

    selected: str | None = None  # a concept id or a relation id
    kinds: tuple[str, ...] = ()  # only concepts of these kinds (none: all)
    facets: tuple[str, ...] = ()  # only these facets and what lies within `facet_depth` relations of them
    facet_depth: int = Filters.facet_depth
    relations: tuple[str, ...] = ()  # only relations of these types
    depth: int = Filters.focus_depth  # focus: only what lies within this many relations of the selection
    panel: str = DETAILS  # what the side panel shows
    ref: str | None = None  # the key of the chosen reference: what it supports is lit
    path: tuple[str, ...] = ()  # (from, to): the concepts whose routes are shown; "" holds an end's place
    route: int = 1  # which of the routes between them is lit, from 1
    compare: str = str(Kind.REGION)  # the kind of concept the facets are compared by
    view: str | None = None  # a named view (a figure of the paper): only its concepts are shown
    standing: tuple[str, ...] = ()  # only relations that stand this firmly
    present: int = 0  # 1 in presentation mode
    stage: int = 0  # 1: the Brain panel takes the map's place, its figure large
    contrast: int = 0  # 1 for the high-contrast palette
    tour: str | None = None  # the tour being given
    step: int = 1  # its step, from 1
    quiz: int = 0  # the seed of the question set (the same seed, the same questions)
    build: int = 0  # 1: the student draws their own map: the Build panel opens, unless the address names another
    use: tuple[str, ...] = ()  # the concepts a Build exercise offers, set by the address (else the map file's)

    def selection(self, concept_map: ConceptMap) -> Selection | None:
        return Selection.of(concept_map, self.selected)

    def filters(self, concept_map: ConceptMap) -> Filters:
        """What the view's filters keep of the map (the view-to-filters mapping, here only)."""
        selection = self.selection(concept_map)
        named = next((view for view in concept_map.views if view.id == self.view), None)
        return Filters(
            kinds=frozenset(self.kinds),
            facets=frozenset(self.facets),
            facet_depth=self.facet_depth,
            relation_types=frozenset(self.relations),
            standings=frozenset(self.standing),
            only=frozenset(named.concepts) if named else frozenset(),
            focus=selection.centres if selection else (),
            focus_depth=self.depth,
        )

    @property
    def ends(self) -> tuple[str, str]:
        """The path's two ends ("" for one not chosen yet)."""
        start, end = (*self.path, "", "")[:2]
        return start, end

    @property
    def active_filters(self) -> int:
        """How many kinds of filter are on."""
        return sum(map(bool, (self.kinds, self.facets, self.relations, self.standing, self.depth, self.view)))


DEFAULT = View()
KEYS: tuple[str, ...] = tuple(field.name for field in fields(View))
FILTER_KEYS = ("kinds", "facets", "facet_depth", "relations", "depth", "view", "standing")
# What "Reset view" puts back: the filters, the selection and what it lit (not the panel, nor the mode).
RESET_KEYS = (*FILTER_KEYS, "selected", "ref", "path", "route")


def allowed(concept_map: ConceptMap, panels: Collection[str] | None = None) -> dict[str, Collection[Any]]:
    """The values each key may take on this map; `panels` are the panel names the reader knows (None: any)."""
    kinds = {concept.kind for concept in concept_map.concepts}
    relation_types = {relation.type for relation in concept_map.relations}
    flag = range(0, 2)
    return {
        "selected": {*concept_map.concept_by_id, *concept_map.relation_by_id},
        "kinds": [str(kind) for kind in Kind if kind in kinds],
        "facets": [c.id for c in concept_map.concepts if c.kind == Kind.FACET],
        "facet_depth": FACET_DEPTHS,
        "relations": [str(kind) for kind in RelationType if kind in relation_types],
        "depth": FOCUS_DEPTHS,
        "panel": _Any() if panels is None else list(panels),
        "ref": list(concept_map.reference_by_key),
        "path": {"", *concept_map.concept_by_id},
        "route": range(1, 1 + paths.ALTERNATIVES),
        "compare": [str(kind) for kind in compare.COMPARED],
        "view": [view.id for view in concept_map.views],
        "standing": [str(standing) for standing in Standing],
        "present": flag,
        "stage": flag,
        "contrast": flag,
        "tour": [tour.id for tour in concept_map.tours],
        "step": range(1, 1 + max((len(tour.steps) for tour in concept_map.tours), default=1)),
        "quiz": QUIZ_SEEDS,
        "build": flag,
        "use": {*concept_map.concept_by_id},
    }


def decode(query: Query, options: Mapping[str, Collection[Any]]) -> View:
    """The view an address's query names, as far as the map allows (`allowed`): a value it does not have
    is left at its default, and so is every key the query leaves out."""
    values: dict[str, Any] = {}
    for key in KEYS:
        given = [value for value in query.get(key, ()) if isinstance(value, str)]
        if not given:
            continue
        default = getattr(DEFAULT, key)
        if isinstance(default, tuple):
            values[key] = tuple(value for value in given if value in options[key])[: 2 if key == "path" else None]
        elif isinstance(default, int):
            number_ = number(given[0], options[key])
            if number_ is not None:
                values[key] = number_
        elif given[0] in options[key]:
            values[key] = given[0]
    if values.get("build") and "panel" not in values:
        values["panel"] = BUILD  # `?build=1`, the link a class is given: the Build panel open (a named panel wins)
    return View(**values)


def encode(view: View) -> dict[str, list[str]]:
    """The view as its address's query: every value not at its default, in the order of `KEYS`."""
    query: dict[str, list[str]] = {}
    for key in KEYS:
        value = getattr(view, key)
        if value != getattr(DEFAULT, key) and value is not None:
            query[key] = [str(item) for item in value] if isinstance(value, tuple) else [str(value)]
    if view.build and "panel" not in query:
        query["panel"] = [view.panel]  # in build mode no panel named is the Build panel (see decode)
    return query


def parse(text: str) -> dict[str, list[str]]:
    """`kinds=region&selected=tpj&depth=1` (with or without a leading `?` or a whole address)."""
    return parse_qs(text.split("?", 1)[-1], keep_blank_values=False)


def read(concept_map: ConceptMap, text: str) -> View:
    """The view an address (or its query) names on this map: what the command line's `--view` means."""
    return decode(parse(text), allowed(concept_map))


def number(text: str | None, allowed: Container[int] | None = None) -> int | None:
    """The whole number `text` spells in ASCII digits, if it is one of `allowed` (any, if None); else None."""
    if text is None or not (0 < len(text) <= MAX_DIGITS and text.isascii() and text.isdecimal()):
        return None
    value = int(text)
    return value if allowed is None or value in allowed else None


class _Any(Collection[Any]):
    """Every value (for a reader that gives no meaning to the panel's name beyond the core's own)."""

    def __contains__(self, value: object) -> bool:
        return isinstance(value, str)

    def __iter__(self) -> Any:
        return iter(())

    def __len__(self) -> int:
        return 0
