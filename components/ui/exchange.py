"""Taking the map anywhere and opening any map: the Export popover (the current view or the whole map,
in every format of `components.exchange.export`), and the Open popover (upload a map, choose an example, start a
map from a bibliography). Files are made only when their button is pressed."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from components.exchange import export, starter, yaml_edit
from components.model import load
from components.model.concepts import ConceptMap
from components.model.errors import MapError
from components.text import markdown as md
from components.ui import cache, problems, state
from components.ui.panels import edit, editing
from components.view import scope

EXAMPLES = Path(__file__).parents[2] / "examples"
GROUPS = {
    "To share: one offline file with search, details and citations, no server needed": ["html"],
    "For slides": ["png", "svg"],
    "For other tools (Gephi, Cytoscape, CmapTools, spreadsheets) and back": ["graphml", "gexf", "cxl", "csv", "json"],
    "The references": ["bibtex", "ris"],
}


def export_menu(concept_map: ConceptMap, stem: str) -> None:
    """Download buttons, one per format, for the view as shown or the whole map."""
    shown = scope.of(concept_map, state.current())
    choice = "whole"
    if not shown.whole:
        labels = {"view": f"This view ({len(shown.concepts)} concepts)", "whole": "The whole map"}
        choice = st.radio(
            "Export",
            options=list(labels),
            format_func=labels.__getitem__,
            horizontal=True,
            key="export_scope",
        )
    part = shown.part(concept_map) if choice == "view" else concept_map
    name = f"{stem}-view" if choice == "view" else stem
    for group, formats in GROUPS.items():
        st.caption(group)
        with st.container(horizontal=True, gap="small"):
            for format_name in formats:
                _button(part, format_name, name)


def _button(concept_map: ConceptMap, format_name: str, stem: str) -> None:
    shape = export.FORMATS[format_name]
    files_of = _files(concept_map, format_name, stem)
    if format_name == "csv":
        for index, table in enumerate(("concepts", "relations")):
            st.download_button(f"CSV: {table}", data=_pick(files_of, index), file_name=f"{stem}-{table}.csv",
                               mime="text/csv", on_click="ignore", key=f"export-csv-{table}")  # fmt: skip
        return
    st.download_button(
        shape.label,
        data=_pick(files_of, 0),
        file_name=f"{stem}.{shape.extension}",
        mime=shape.mime,
        help=shape.description,
        on_click="ignore",
        key=f"export-{format_name}",
        type="primary" if format_name == "html" else "secondary",
        icon=":material/download:" if format_name == "html" else None,
    )


def _files(concept_map: ConceptMap, format_name: str, stem: str) -> Callable[[], list[export.File]]:
    made: list[list[export.File]] = []

    def make() -> list[export.File]:
        if not made:
            made.append(export.export(concept_map, format_name, stem))
        return made[0]

    return make


def _pick(files_of: Callable[[], list[export.File]], index: int) -> Callable[[], bytes]:
    return lambda: files_of()[index].data


def open_menu(current: str) -> None:
    """Open another map (an upload or an example) for this session, or start one from a bibliography."""
    st.markdown(f"Showing **{md.text(Path(current).name)}**.")
    if st.session_state[state.OPENED] is not None:
        st.button("Back to the served map", on_click=_close, icon=":material/undo:", width="stretch")
    upload = st.file_uploader(
        "Open a map (YAML or JSON)",
        type=["yaml", "yml", "json"],
        key="open_upload",
        max_upload_size=load.MAX_BYTES // 2**20,
        help=f"At most {load.MAX_BYTES // 2**20} MiB. The current map stays until the new one is valid.",
    )
    if upload is not None:
        _open_upload(upload.name, upload.size, upload.getvalue)
    examples = _examples()
    if examples:
        st.selectbox(
            "…or an example",
            options=list(examples),
            index=None,
            placeholder="Choose an example map",
            key="open_example",
            on_change=_open_example,
            args=(examples,),
        )
    st.divider()
    bibliography = st.file_uploader(
        "Start a map from a bibliography (.bib, .ris, or .txt with DOIs)",
        type=["bib", "ris", "txt"],
        key="starter_upload",
        max_upload_size=starter.MAX_BYTES // 2**20,
        help="You get a starter map to download: its references filled in, one concept per reference.",
    )
    if bibliography is not None:
        _starter(bibliography.name, bibliography.size, bibliography.getvalue)
    if problem := st.session_state.pop("starter_problem", None):
        st.error(md.text(problem))


def _open_upload(name: str, size: int, read: Callable[[], bytes]) -> None:
    if size > load.MAX_BYTES:
        st.error(f"{md.text(name)} is over {load.MAX_BYTES // 2**20} MiB, the most a map may be.")
        return
    file = cache.sent(name, read())
    opened = st.session_state[state.OPENED]
    if opened is not None and opened.content == file.content:
        return
    try:
        cache.concept_map(file)  # read in a child process with limits, once per content
    except MapError as error:
        problems.show(error, keeping_last_valid=True)
        return
    st.session_state[state.OPENED] = file
    state.reset()
    st.rerun()


def _open_example(examples: dict[str, Path]) -> None:
    chosen = st.session_state["open_example"]
    if chosen is None:
        return
    content = examples[chosen].read_bytes()
    st.session_state[state.OPENED] = cache.MapFile(chosen, hashlib.sha256(content).hexdigest(), content)
    state.reset()


def _close() -> None:
    st.session_state[state.OPENED] = None
    st.session_state["open_example"] = None
    state.reset()


@st.cache_resource(show_spinner=False)
def _examples() -> dict[str, Path]:
    """The example maps shipped beside the app that load as maps (not students' maps), by file name."""
    found = {}
    for path in sorted(EXAMPLES.glob("*.yaml")):
        try:
            load.load_concepts(path)
        except MapError:
            continue
        found[path.name] = path
    return found


def _starter(name: str, size: int, read: Callable[[], bytes]) -> None:
    if size > starter.MAX_BYTES:
        st.error(f"{md.text(name)} is over {starter.MAX_BYTES // 2**20} MiB.")
        return
    try:
        made = cache.starter_map(name, read())  # made in a child process with limits, once per content
    except MapError as error:
        problems.show(error, keeping_last_valid=False)
        return
    count = len(made.data["references"])
    st.success(f"A starter map with {count} references, one concept each: rename them, give them kinds, link them.")
    for note in made.notes[:20]:
        st.caption(md.text(note))
    if len(made.notes) > 20:
        st.caption(f"… and {len(made.notes) - 20} more notes, at the top of the file.")
    st.download_button("Starter map (YAML)", data=made.yaml, file_name=f"{Path(name).stem}-map.yaml",
                       mime="application/yaml", on_click="ignore", icon=":material/download:")  # fmt: skip
    if editing.enabled():  # the author's own server: the map written beside the served one, and opened to edit
        st.text_input(
            "…or write it beside the served map, and edit it here",
            f"{Path(name).stem}-map.yaml",
            key="starter_target",
            help="A new file's name (.yaml), in the served map's folder.",
        )
        st.button("Write it and edit it", on_click=_write_starter, args=(made.yaml,), icon=":material/edit:")


def _write_starter(text: str) -> None:
    """Callback: the starter map written to a new file beside the served map, and this session editing it."""
    target = str(st.session_state.get("starter_target") or "").strip()
    served = Path(st.session_state[editing.FILE][0])
    if Path(target).name != target or not target.endswith((".yaml", ".yml")):
        st.session_state["starter_problem"] = "Give a file name ending in .yaml, without a folder."
        return
    path = served.parent / target
    try:
        yaml_edit.create(path, text, target)
    except (MapError, yaml_edit.EditRefused) as error:
        st.session_state["starter_problem"] = str(error)
        return
    editing.edit_new_file(path, os.path.relpath(path))
    st.session_state[state.PANEL] = edit.PANEL.name
