"""How strong each claim's evidence is: a standing for every relation, and the map's evidence at a glance.

A relation's standing is what its map says (`standing:`), or else follows from its type and the works
behind it:
- a relation that places concepts in the argument (is part of, exemplifies, addresses, leads to,
  explains, supports...) is *interpretive*: the map's authors' reading of the works cited;
- a finding (engages, predicts, dissociates from...) is *established* when a meta-analysis or a review
  reports it, or two or more studies do; *tentative* when one study does; *interpretive* when only
  theoretical papers or books stand behind it.
A reference whose kind the map does not say counts as a study.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx

from components.model.concepts import Concept, ConceptMap, Reference, Relation
from components.model.vocabulary import EMPIRICAL, FINDINGS, POOLED, Standing

BETWEENNESS_MAX = 2_000  # concepts: above this betweenness (cubic time) is not computed


def standing(concept_map: ConceptMap, relation: Relation) -> Standing:
    if relation.standing is not None:
        return relation.standing
    if relation.type not in FINDINGS:
        return Standing.INTERPRETIVE
    kinds = [concept_map.reference_by_key[key].evidence for key in relation.refs if key in concept_map.reference_by_key]
    if any(kind in POOLED for kind in kinds):
        return Standing.ESTABLISHED
    studies = sum(1 for kind in kinds if kind is None or kind in EMPIRICAL)
    if studies >= 2:
        return Standing.ESTABLISHED
    return Standing.TENTATIVE if studies == 1 else Standing.INTERPRETIVE


def standings(concept_map: ConceptMap) -> dict[str, Standing]:
    """Every relation's standing, by relation id."""
    return {relation.id: standing(concept_map, relation) for relation in concept_map.relations}


@dataclass(frozen=True)
class Connected:
    concept: Concept
    degree: int  # relations
    betweenness: float  # share of shortest paths between other concepts that pass through it (0-1)


@dataclass(frozen=True)
class Summary:
    """The map's evidence at a glance."""

    standings: Counter[Standing]
    single_reference: tuple[Relation, ...]  # findings that rest on one reference
    references_per_relation: dict[int, int]  # how many references -> how many relations
    most_cited: tuple[tuple[Reference, int], ...]  # references and how many relations and concepts cite them
    most_connected: tuple[Connected, ...]
    by_year: dict[int, int]  # references per year


def summary(concept_map: ConceptMap, top: int = 10) -> Summary:
    simple: nx.Graph[str] = nx.Graph()
    simple.add_nodes_from(concept.id for concept in concept_map.concepts)
    simple.add_edges_from((relation.source, relation.target) for relation in concept_map.relations)
    degree: Counter[str] = Counter()
    for relation in concept_map.relations:
        degree.update((relation.source, relation.target))
    betweenness = nx.betweenness_centrality(simple) if len(simple) <= BETWEENNESS_MAX else {}
    connected = sorted(
        (Connected(concept, degree[concept.id], betweenness.get(concept.id, 0.0)) for concept in concept_map.concepts),
        key=lambda item: (-item.degree, -item.betweenness, item.concept.label.lower()),
    )
    use: Counter[str] = Counter()
    for refs in (*(c.refs for c in concept_map.concepts), *(r.refs for r in concept_map.relations)):
        use.update(key for key in refs if key in concept_map.reference_by_key)
    return Summary(
        standings=Counter(standings(concept_map).values()),
        single_reference=tuple(
            relation for relation in concept_map.relations if len(relation.refs) == 1 and relation.type in FINDINGS
        ),
        references_per_relation=dict(sorted(Counter(len(r.refs) for r in concept_map.relations).items())),
        most_cited=tuple(
            (concept_map.reference_by_key[key], count)
            for key, count in sorted(use.items(), key=lambda item: (-item[1], concept_map.reference_by_key[item[0]].n))[
                :top
            ]
        ),
        most_connected=tuple(connected[:top]),
        by_year=dict(sorted(Counter(reference.year for reference in concept_map.references).items())),
    )
