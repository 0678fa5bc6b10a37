"""The sidebar: search, filters by kind, facet and relation type, focus depth and reset."""

from __future__ import annotations

import streamlit as st

from components.filters import Filters
from components.graph import relation_id
from components.model import ConceptMap
from components.vocabulary import KINDS, RELATIONS, Kind, RelationType

from . import state

FACET_DEPTHS = range(1, 5)
FOCUS_DEPTHS = range(0, 5)


def search_label(concept_map: ConceptMap) -> dict[str, str]:
    """What the search box shows (and matches on) for each concept and relation id."""
    labels: dict[str, str] = {}
    for concept in sorted(concept_map.concepts, key=lambda c: c.label.lower()):
        name = f"{concept.label} ({concept.abbrev})" if concept.abbrev else concept.label
        aliases = f" · also {', '.join(concept.aliases)}" if concept.aliases else ""
        labels[concept.id] = f"{name} · {KINDS[concept.kind].label.lower()}{aliases}"
    by_id = concept_map.concept_by_id
    for relation in concept_map.relations:
        labels[relation_id(relation)] = (
            f"{by_id[relation.source].label} → {RELATIONS[relation.type].label} → {by_id[relation.target].label}"
        )
    return labels


def controls(concept_map: ConceptMap) -> Filters:
    """Draw the sidebar; return the filters it sets (the selection lives in state.SELECTED)."""
    labels = search_label(concept_map)
    facet_ids = [c.id for c in concept_map.concepts if c.kind == Kind.FACET]
    kinds = [kind for kind in Kind if any(c.kind == kind for c in concept_map.concepts)]
    types = [kind for kind in RelationType if any(r.type == kind for r in concept_map.relations)]
    by_id = concept_map.concept_by_id
    options = {
        state.SELECTED: labels,
        state.KINDS: [str(kind) for kind in kinds],
        state.FACETS: facet_ids,
        state.RELATION_TYPES: [str(kind) for kind in types],
    }
    state.read_url(options, ranges={state.FACET_DEPTH: FACET_DEPTHS, state.DEPTH: FOCUS_DEPTHS})
    state.drop_unknown(options)
    with st.sidebar:
        st.selectbox(
            "Search",
            options=list(labels),
            index=None,
            format_func=labels.__getitem__,
            key=state.SELECTED,
            filter_mode="contains",
            placeholder="A name, abbreviation or older term",
            help="Type part of a concept's name, abbreviation (e.g. TPJ) or older name (e.g. theory of mind), "
            "or of a relation; choose one to select it on the map.",
        )
        st.subheader("Filters")
        st.multiselect(
            "Kinds",
            options=options[state.KINDS],
            format_func=lambda kind: KINDS[Kind(kind)].plural,
            key=state.KINDS,
            placeholder="All kinds",
        )
        st.multiselect(
            "Facets",
            options=facet_ids,
            format_func=lambda facet: by_id[facet].label,
            key=state.FACETS,
            placeholder="All facets",
            help="Show a facet and what lies within a few relations of it.",
        )
        st.slider(
            "Steps from the facet",
            min_value=FACET_DEPTHS.start,
            max_value=FACET_DEPTHS.stop - 1,
            key=state.FACET_DEPTH,
            disabled=not st.session_state.get(state.FACETS),
        )
        st.multiselect(
            "Relation types",
            options=options[state.RELATION_TYPES],
            format_func=lambda kind: RELATIONS[RelationType(kind)].label,
            key=state.RELATION_TYPES,
            placeholder="All relations",
        )
        st.slider(
            "Focus: steps around the selection",
            min_value=FOCUS_DEPTHS.start,
            max_value=FOCUS_DEPTHS.stop - 1,
            key=state.DEPTH,
            help="0 shows the whole map; 1 shows the selection and its direct neighbours, and so on.",
        )
        st.button("Reset view", on_click=state.reset, icon=":material/restart_alt:", width="stretch")
    return Filters(
        kinds=frozenset(st.session_state.get(state.KINDS) or ()),
        facets=frozenset(st.session_state.get(state.FACETS) or ()),
        facet_depth=int(st.session_state[state.FACET_DEPTH]),
        relation_types=frozenset(st.session_state.get(state.RELATION_TYPES) or ()),
        focus=_focus(concept_map, st.session_state.get(state.SELECTED)),
        focus_depth=int(st.session_state[state.DEPTH]),
    )


def _focus(concept_map: ConceptMap, selected: str | None) -> tuple[str, ...]:
    if not selected:
        return ()
    if selected in concept_map.concept_by_id:
        return (selected,)
    ends = (selected.partition("|")[0], selected.rpartition("|")[2])  # a relation id: source|type|target
    return tuple(end for end in ends if end in concept_map.concept_by_id)
