"""The Brain view: the map's regions on a glass brain (and, on request, nilearn's 3D view), in step with
the network: what is selected or lit on the map is lit here, what the filters hide is not drawn, and a
region chosen from the list is selected on the map. The figure is drawn once per change of what it
shows and shared by every session (cached by content)."""

from __future__ import annotations

from functools import partial

import streamlit as st

from components.analysis import brain
from components.model.concepts import ConceptMap
from components.model.mni import points
from components.text import markdown as md
from components.ui import cache, state
from components.ui.panels.panel import Panel, Run
from components.view import address

NOTE = (
    "Coordinates are approximate centres in MNI space, for orientation, not the peaks of any one study; "
    "each one's source is given under it."
)


def view(
    concept_map: ConceptMap, file: cache.MapFile, lit: set[str], shown: frozenset[str] | None, staged: bool
) -> None:
    placed = cache.derived(file, brain.placed)
    missing = cache.derived(file, brain.unplaced)
    if not placed:
        st.info("This map has no brain regions with MNI coordinates to draw.")
        _unplaced(concept_map, missing)
        return
    regions = {region.id for region in placed}
    lit_regions = tuple(sorted(lit & regions))
    drawn = tuple(sorted(shown & regions)) if shown is not None else None
    if staged:
        st.button("Back to the map", icon=":material/hub:", on_click=state.stage, args=(False,), key="brain-unstage",
                  help="The map on the stage again, the brain in this panel")  # fmt: skip
    else:
        st.button("On the stage", icon=":material/open_in_full:", on_click=state.stage, args=(True,),
                  key="brain-stage", help="The brain in the map's place, large, for a room")  # fmt: skip
        _figure_or_3d(file, lit_regions, drawn, height=420, stage=False)
    selected = st.session_state[state.SELECTED]
    if selected in regions:
        _selected(concept_map, selected)
    groups: dict[str, list[brain.Placed]] = {}
    for region in placed:
        groups.setdefault(region.group, []).append(region)
    for group, members in groups.items():
        dot = brain.NAMED.get(members[0].colour, "gray")
        st.markdown(f":{dot}[●] **{md.text(group)}**")
        with st.container(horizontal=True, gap="small"):
            for region in sorted(members, key=lambda r: r.label.lower()):
                st.button(
                    md.text(region.name),
                    key=f"brain:{region.id}",
                    on_click=state.select,
                    args=(region.id,),
                    type="primary" if region.id == selected else "secondary",
                    help=md.text(region.label),
                    disabled=drawn is not None and region.id not in drawn,
                )
    _unplaced(concept_map, missing)
    with st.container(horizontal=True, gap="small"):
        for kind in ("png", "svg"):
            st.download_button(
                f"Glass brain ({kind.upper()})",
                data=partial(_download, file, lit_regions, drawn, kind),
                file_name=f"brain.{kind}",
                mime="image/png" if kind == "png" else "image/svg+xml",
                on_click="ignore",
                key=f"brain-{kind}",
            )


def stage(concept_map: ConceptMap, file: cache.MapFile, lit: set[str], shown: frozenset[str] | None) -> None:
    """The Brain view on the stage (the map's place): its three views large, every region named at 14 px
    or more, a legend of the facets' colours; or, on request, the 3D view filling the stage."""
    placed = {region.id for region in cache.derived(file, brain.placed)}
    drawn = tuple(sorted(shown & placed)) if shown is not None else None
    with st.container(key="brain_stage"):
        _figure_or_3d(file, tuple(sorted(lit & placed)), drawn, height=STAGE_HEIGHT, stage=True)


STAGE_HEIGHT = 600  # px: the 3D view on the stage


def _figure_or_3d(
    file: cache.MapFile, lit: tuple[str, ...], drawn: tuple[str, ...] | None, height: int, stage: bool
) -> None:
    if st.toggle("3D view", key=state.THREE_D, help="nilearn's interactive view: drag to turn the brain"):
        page = three_d(file, lit)
        if page is not None:
            st.iframe(page, height=height)
    elif drawn == ():
        st.info("No region is shown with these filters.")
    else:
        picture = figure(file, lit, drawn, "png", stage)
        if picture is not None:
            st.image(picture, width="stretch")
    st.caption(NOTE)


def _download(file: cache.MapFile, lit: tuple[str, ...], shown: tuple[str, ...] | None, kind: str) -> bytes:
    return figure(file, lit, shown, kind) or b""


def _selected(concept_map: ConceptMap, concept_id: str) -> None:
    concept = concept_map.concept_by_id[concept_id]
    st.markdown(f"#### {md.text(concept.name)}")
    st.markdown(md.text(concept.summary))
    where = " and ".join(f"x {x:g}, y {y:g}, z {z:g}" for x, y, z in points(concept.mni))
    st.markdown(f"**MNI coordinates:** {where} mm")
    if concept.mni_source:
        st.caption(f"Source: {md.text(concept.mni_source)}")
    st.button("Its details and relations", key="brain-details", on_click=_details, icon=":material/info:")


def _details() -> None:
    st.session_state[state.PANEL] = address.DETAILS


def _unplaced(concept_map: ConceptMap, missing: list[str]) -> None:
    if missing:
        names = ", ".join(md.text(concept_map.concept_by_id[region].label) for region in missing)
        st.caption(f"Without coordinates, so not drawn: {names}.")


def figure(
    file: cache.MapFile, lit: tuple[str, ...], shown: tuple[str, ...] | None, kind: str, stage: bool = False
) -> bytes | None:
    return _figure(file.digest, file.name, lit, shown, kind, stage, file)


@st.cache_resource(max_entries=64, show_spinner="Drawing the brain…")
def _figure(
    digest: str,
    name: str,
    lit: tuple[str, ...],
    shown: tuple[str, ...] | None,
    kind: str,
    stage: bool,
    _file: cache.MapFile,
) -> bytes | None:
    return brain.figure(cache.concept_map(_file), lit, shown, kind, stage)


def three_d(file: cache.MapFile, lit: tuple[str, ...]) -> str | None:
    return _three_d(file.digest, file.name, lit, file)


@st.cache_resource(max_entries=8, show_spinner="Building the 3D view…")
def _three_d(digest: str, name: str, lit: tuple[str, ...], _file: cache.MapFile) -> str | None:
    return brain.view_3d(cache.concept_map(_file), lit)


def _draw(run: Run) -> None:
    view(run.concept_map, run.file, set(run.lit), run.shown_nodes, staged=bool(run.view.stage))


PANEL = Panel(
    "brain",
    "Brain",
    _draw,
    wide=True,
    keeps_selection=True,
    on_stage=lambda run: stage(run.concept_map, run.file, set(run.lit), run.shown_nodes),
)
