"""The part of a map a view shows, read from the view's address (its URL query): the filters, the focus
around the selection, a named view, a path between two concepts, or a tour's step. The page and the
command line export "the current view" through this one function, so both mean the same thing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qs

from components.analysis import graph as graphs
from components.analysis import paths
from components.analysis.filters import Filters
from components.analysis.selection import Selection
from components.model.concepts import ConceptMap
from components.teaching import tours
from components.view import address

Query = Mapping[str, Sequence[str]]


@dataclass(frozen=True)
class Scope:
    concepts: frozenset[str]
    relations: frozenset[str]  # relation ids
    whole: bool  # nothing was left out

    def part(self, concept_map: ConceptMap) -> ConceptMap:
        """The map cut down to this scope: its concepts and relations, the references either cites, and the
        named views that still have all their concepts (no tours). The whole map is returned as it is."""
        if self.whole:
            return concept_map
        concepts = tuple(c for c in concept_map.concepts if c.id in self.concepts)
        relations = tuple(r for r in concept_map.relations if r.id in self.relations)
        cited = {key for relation in relations for key in relation.refs} | {key for c in concepts for key in c.refs}
        return concept_map.model_copy(
            update={
                "concepts": concepts,
                "relations": relations,
                "references": tuple(r for r in concept_map.references if r.key in cited),
                "views": tuple(v for v in concept_map.views if set(v.concepts) <= self.concepts),
                "tours": (),
            }
        )


def parse(query: str) -> dict[str, list[str]]:
    """`kinds=region&selected=tpj&depth=1` (with or without a leading `?` or a whole address)."""
    return parse_qs(query.split("?", 1)[-1], keep_blank_values=False)


def of(concept_map: ConceptMap, query: Query) -> Scope:
    """What a view with this address shows of the map; values the map does not have are ignored."""
    whole = Scope(frozenset(concept_map.concept_by_id), frozenset(concept_map.relation_by_id), whole=True)
    step = _tour_step(concept_map, query)
    if step is not None:
        return step
    ends = [value for value in query.get("path", []) if value in concept_map.concept_by_id][:2]
    if len(ends) == 2:
        routes = paths.between(concept_map, ends[0], ends[1])
        if routes:
            return Scope(
                frozenset(node for route in routes for node in route.concepts),
                frozenset(step.relation.id for route in routes for step in route.steps),
                whole=False,
            )
    filters = _filters(concept_map, query)
    if not filters.active:
        return whole
    visible = filters.apply(graphs.build(concept_map))
    return Scope(visible.nodes, visible.edges, whole=False)


def _filters(concept_map: ConceptMap, query: Query) -> Filters:
    selection = Selection.of(concept_map, _one(query, "selected"))
    view = next((view for view in concept_map.views if view.id == _one(query, "view")), None)
    return Filters(
        kinds=frozenset(query.get("kinds", [])),
        facets=frozenset(value for value in query.get("facets", []) if value in concept_map.concept_by_id),
        facet_depth=_number(query, "facet_depth", Filters.facet_depth),
        relation_types=frozenset(query.get("relations", [])),
        standings=frozenset(query.get("standing", [])),
        only=frozenset(view.concepts) if view else frozenset(),
        focus=selection.centres if selection else (),
        focus_depth=_number(query, "depth", 0),
    )


def _tour_step(concept_map: ConceptMap, query: Query) -> Scope | None:
    tour = next((tour for tour in concept_map.tours if tour.id == _one(query, "tour")), None)
    if tour is None or _one(query, "panel") != "tour":
        return None
    number = min(max(_number(query, "step", 1), 1), len(tour.steps))
    concepts, relations = tours.shown(concept_map, tour.steps[number - 1])
    return Scope(frozenset(concepts), frozenset(relations), whole=False)


def _one(query: Query, key: str) -> str | None:
    values = query.get(key)
    return values[0] if values else None


def _number(query: Query, key: str, default: int) -> int:
    value = address.number(_one(query, key), range(1000))
    return default if value is None else value
