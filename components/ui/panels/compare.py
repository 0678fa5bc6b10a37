"""The Compare view: the facets side by side (which regions, methods, paradigms or populations each
reaches, and through how many works), and the paper's own figures as named views of the map."""

from __future__ import annotations

import streamlit as st

from components.analysis import compare
from components.model.concepts import ConceptMap
from components.model.vocabulary import KINDS, Kind
from components.text import markdown as md
from components.ui import state
from components.ui.panels.panel import Panel


def view(concept_map: ConceptMap) -> None:
    if concept_map.views:
        st.markdown("**As the paper draws it**")
        shown = st.session_state[state.VIEW]
        for named in concept_map.views:
            st.button(
                md.text(named.title),
                key=f"view:{named.id}",
                on_click=state.show_view,
                args=(None if shown == named.id else named.id,),
                type="primary" if shown == named.id else "secondary",
                icon=":material/check:" if shown == named.id else ":material/image:",
                help=md.text(named.description) if named.description else None,
                width="stretch",
            )
        if shown:
            st.caption("Only this figure's concepts are on the map. Choose it again to see the whole map.")
    kinds = [kind for kind in compare.COMPARED if any(c.kind == kind for c in concept_map.concepts)]
    if not kinds or not any(c.kind == Kind.FACET for c in concept_map.concepts):
        st.info("This map has no facets to compare.")
        return
    st.segmented_control(
        "Compare the facets by",
        options=[str(kind) for kind in kinds],
        format_func=lambda kind: KINDS[Kind(kind)].plural,
        required=True,
        **state.widget(state.COMPARE, [str(kind) for kind in kinds]),
    )
    result = compare.matrix(concept_map, Kind(st.session_state[state.COMPARE]))
    if not result.rows:
        st.info(f"No {KINDS[result.kind].plural.lower()} are linked to a facet.")
        return
    table(result)
    shared = result.shared()
    if shared:
        names = ", ".join(md.text(row.label) for row in shared)
        st.markdown(f"**Shared by more than one facet:** {names}")


SHADES = 4  # how many depths of blue the cells take, by the works behind them (page.css: .st-key-cmp-N-…)


def table(result: compare.Matrix) -> None:
    """Rows by facets, each cell the number of works behind the links, the more the deeper its blue;
    choosing a cell selects its relation. Drawn as a grid of the page's own elements, not a data grid, so a
    long name wraps instead of being cut ("Experienc", "Anterior cingulate cort")."""
    most = max((cell.references for cell in result.cells.values()), default=1)
    widths = [2.2] + [1.0] * len(result.facets)
    with st.container(key="compare_grid"):
        st.caption(f"{KINDS[result.kind].plural} by facet: how many works link each to each facet")
        header = st.columns(widths, gap="small", vertical_alignment="bottom")
        for column, facet in zip(header[1:], result.facets, strict=True):
            column.markdown(f"**{md.text(facet.label)}**")
        for row in result.rows:
            columns = st.columns(widths, gap="small", vertical_alignment="center")
            columns[0].markdown(md.text(row.label))
            for column, facet in zip(columns[1:], result.facets, strict=True):
                cell = result.cells.get((facet.id, row.id))
                if cell is None:
                    continue
                count = cell.references
                shade = 1 + round((SHADES - 1) * count / most) if most else 1
                target = cell.relations[0].id if len(cell.relations) == 1 else row.id
                column.button(
                    f"{count} ref{'s' if count != 1 else ''}",
                    key=f"cmp-{shade}-{facet.id}-{row.id}",
                    on_click=state.select,
                    args=(target,),
                    help=f"{md.text(row.label)} and {md.text(facet.label)}: see it on the map",
                    width="stretch",
                )
    st.caption("Each cell counts the works behind the relations that join a facet (or one of its parts) to it. "
               "Choose a cell to see the relation on the map.")  # fmt: skip


PANEL = Panel("compare", "Compare", lambda run: view(run.concept_map), wide=True, keeps_selection=True)
