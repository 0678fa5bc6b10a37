"""The part of a map a view shows: a tour's step, the routes of a path, or what its filters keep (the focus
around the selection, a named view). The page and the command line export "the current view" through this
one function, by the page's own rule (highlight.py): a path's routes only while the Path panel shows them."""

from __future__ import annotations

from dataclasses import dataclass

from components.analysis import graph as graphs
from components.model.concepts import ConceptMap
from components.teaching import tours
from components.view import highlight
from components.view.address import View


@dataclass(frozen=True)
class Scope:
    concepts: frozenset[str]
    relations: frozenset[str]  # relation ids
    whole: bool  # nothing was left out

    def part(self, concept_map: ConceptMap) -> ConceptMap:
        """The map cut down to this scope: its concepts and relations, the references either cites, and the
        named views that still have all their concepts, and the exercise if it still has its own (no tours).
        The whole map is returned as it is."""
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
                "exercise": concept_map.exercise
                if concept_map.exercise and set(concept_map.exercise.concepts) <= self.concepts
                else None,
            }
        )


def of(concept_map: ConceptMap, view: View) -> Scope:
    """What this view shows of the map."""
    step = highlight.tour_step(concept_map, view)
    if step is not None:
        tour, number = step
        concepts, relations = tours.shown(concept_map, tour.steps[number - 1])
        return Scope(frozenset(concepts), frozenset(relations), whole=False)
    routes = highlight.routes(concept_map, view)
    if routes:
        return Scope(
            frozenset(node for route in routes for node in route.concepts),
            frozenset(step.relation.id for route in routes for step in route.steps),
            whole=False,
        )
    filters = view.filters(concept_map)
    if not filters.active:
        return Scope(frozenset(concept_map.concept_by_id), frozenset(concept_map.relation_by_id), whole=True)
    visible = filters.apply(graphs.build(concept_map))
    return Scope(visible.nodes, visible.edges, whole=False)
