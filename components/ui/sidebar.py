"""The sidebar: search, filters by kind, facet and relation type, focus depth and reset."""

from __future__ import annotations

import streamlit as st

from components import markdown as md
from components.filters import Filters
from components.model import ConceptMap
from components.selection import Selection
from components.vocabulary import KINDS, RELATIONS, Kind, RelationType

from . import state

FACET_DEPTHS = range(1, 5)
FOCUS_DEPTHS = range(0, 5)


def search_label(concept_map: ConceptMap) -> dict[str, str]:
    """What the search box shows (and matches on) for each concept and relation id."""
    labels: dict[str, str] = {}
    for concept in sorted(concept_map.concepts, key=lambda c: c.label.lower()):
        aliases = f" · also {', '.join(concept.aliases)}" if concept.aliases else ""
        labels[concept.id] = f"{concept.name} · {KINDS[concept.kind].label.lower()}{aliases}"
    by_id = concept_map.concept_by_id
    for relation in concept_map.relations:
        labels[relation.id] = (
            f"{by_id[relation.source].label} → {RELATIONS[relation.type].label} → {by_id[relation.target].label}"
        )
    return labels


def controls(concept_map: ConceptMap) -> tuple[Selection | None, Filters]:
    """Draw the sidebar; return the selection and the filters it sets."""
    labels = search_label(concept_map)
    by_id = concept_map.concept_by_id
    kinds = [str(kind) for kind in Kind if any(c.kind == kind for c in concept_map.concepts)]
    facets = [c.id for c in concept_map.concepts if c.kind == Kind.FACET]
    types = [str(kind) for kind in RelationType if any(r.type == kind for r in concept_map.relations)]
    options = {
        state.SELECTED: labels,
        state.KINDS: kinds,
        state.FACETS: facets,
        state.FACET_DEPTH: FACET_DEPTHS,
        state.RELATION_TYPES: types,
        state.DEPTH: FOCUS_DEPTHS,
    }
    state.read_url(options)
    state.drop_unknown(options)
    with st.sidebar:
        st.selectbox(
            "Search",
            options=list(labels),
            format_func=labels.__getitem__,
            filter_mode="contains",
            placeholder="A name, abbreviation or older term",
            help="Type part of a concept's name, abbreviation or older name, or of a relation; "
            "choose one to select it on the map." + _examples(concept_map),
            **state.widget(state.SELECTED, labels),
        )
        st.subheader("Filters", anchor=False)
        st.multiselect(
            "Kinds",
            options=kinds,
            format_func=lambda kind: KINDS[Kind(kind)].plural,
            placeholder="All kinds",
            **state.widget(state.KINDS, kinds),
        )
        st.multiselect(
            "Facets",
            options=facets,
            format_func=lambda facet: by_id[facet].label,
            placeholder="All facets",
            help="Show a facet and what lies within a few relations of it.",
            **state.widget(state.FACETS, facets),
        )
        st.slider(
            "Steps from the facet",
            min_value=FACET_DEPTHS.start,
            max_value=FACET_DEPTHS.stop - 1,
            disabled=not st.session_state[state.FACETS],
            **state.widget(state.FACET_DEPTH, FACET_DEPTHS),
        )
        st.multiselect(
            "Relation types",
            options=types,
            format_func=lambda kind: RELATIONS[RelationType(kind)].label,
            placeholder="All relations",
            **state.widget(state.RELATION_TYPES, types),
        )
        st.slider(
            "Focus: steps around the selection",
            min_value=FOCUS_DEPTHS.start,
            max_value=FOCUS_DEPTHS.stop - 1,
            help="0 shows the whole map; 1 shows the selection and its direct neighbours, and so on.",
            **state.widget(state.DEPTH, FOCUS_DEPTHS),
        )
        st.button("Reset view", on_click=state.reset, icon=":material/restart_alt:", width="stretch")
    selection = Selection.of(concept_map, st.session_state[state.SELECTED])
    return selection, Filters(
        kinds=frozenset(st.session_state[state.KINDS]),
        facets=frozenset(st.session_state[state.FACETS]),
        facet_depth=st.session_state[state.FACET_DEPTH],
        relation_types=frozenset(st.session_state[state.RELATION_TYPES]),
        focus=selection.centres if selection else (),
        focus_depth=st.session_state[state.DEPTH],
    )


def _examples(concept_map: ConceptMap) -> str:
    examples = " or ".join(md.text(example) for example in concept_map.search_examples)
    return f" For example: {examples}." if examples else ""
