"""What a view lights up on the map, by one rule: a tour's step (in the Tour panel), else the chosen route
between the path's two ends (in the Path panel; the other routes faintly), else what the chosen reference
supports. The page draws it and the export of "the current view" keeps it (scope.py)."""

from __future__ import annotations

from dataclasses import dataclass

from components.analysis import details, paths
from components.model.concepts import ConceptMap, Tour
from components.teaching import tours
from components.view.address import PATH, TOUR, View


@dataclass(frozen=True)
class Lit:
    concepts: tuple[str, ...]
    relations: tuple[str, ...]
    faint: tuple[str, ...] = ()  # relations that stand out faintly: the routes not chosen
    frame: tuple[str, ...] = ()  # the concepts the map frames once (a tour's step, the chosen route)
    touring: bool = False  # a tour's step: the arrow keys turn the tour's pages

    def as_view(self) -> dict[str, list[str]]:
        """As the map view knows it."""
        shown = {"nodes": list(self.concepts), "edges": list(self.relations)}
        return {**shown, "faint": list(self.faint)} if self.faint else shown


def tour_step(concept_map: ConceptMap, view: View) -> tuple[Tour, int] | None:
    """The tour being given and its step (from 1, kept within the tour), if the Tour panel shows one."""
    tour = tours.find(concept_map, view.tour)
    if tour is None or view.panel != TOUR:
        return None
    return tour, min(max(view.step, 1), len(tour.steps))


def routes(concept_map: ConceptMap, view: View) -> list[paths.Path]:
    """The routes between the path's two ends, if the Path panel shows them (none otherwise)."""
    start, end = view.ends
    if view.panel != PATH or not (start and end):
        return []
    return paths.between(concept_map, start, end)


def chosen(found: list[paths.Path], view: View) -> paths.Path | None:
    """The route lit on the map (the first, unless another is chosen)."""
    return found[min(max(view.route, 1), len(found)) - 1] if found else None


def lit(concept_map: ConceptMap, view: View, found: list[paths.Path] | None = None) -> Lit | None:
    """What the view lights up (`found`: its `routes`, if already known)."""
    step = tour_step(concept_map, view)
    if step is not None:
        tour, number = step
        step_concepts, step_relations = tours.shown(concept_map, tour.steps[number - 1])
        return Lit(tuple(step_concepts), tuple(step_relations), frame=tuple(step_concepts), touring=True)
    found = routes(concept_map, view) if found is None else found
    route = chosen(found, view)
    if route is not None:
        on_route = {step.relation.id for step in route.steps}
        others = {step.relation.id for other in found for step in other.steps} - on_route
        return Lit(route.concepts, tuple(sorted(on_route)), faint=tuple(sorted(others)), frame=route.concepts)
    if view.ref in concept_map.reference_by_key:
        supported, claims = details.supported_by(concept_map, view.ref)
        return Lit(tuple(c.id for c in supported), tuple(claim.relation_id for claim in claims))
    return None
