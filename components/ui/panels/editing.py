"""The edit mode: whether the app was started for editing (`make run EDIT=1`), the session's keys of the Edit
panel, and its saves: each edit applied to the file's text (components/exchange/yaml_edit.py: the rest of the
file byte for byte), checked by the app's loader (its problems kept by field, as file:line:col), and written
unless the file changed on disk meanwhile (the Conflict kept, nothing written); undo writes back what the
last saves replaced. The forms that call these are ui/panels/edit.py."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from components.exchange import yaml_edit
from components.model import load
from components.model.concepts import ConceptMap
from components.model.errors import MapError
from components.ui import state

FILE = "edit_file"  # (path, name): the map file this session edits
PROBLEMS = "edit_problems"  # {field: [file:line:col: message]} of the last edit refused
CONFLICT = "edit_conflict"  # the Conflict of the last save, if the file had changed on disk
SAVES = "edit_saves"  # the saves this session made, last last: what undo writes back
DONE = "edit_done"  # what the last save did, in words
FORM = "edit_form"  # which form is shown: Concept, Relation or References
FOLLOWED = "edit_followed"  # the selection the form last followed
DRAWN = "edit_drawn"  # (source, target) of the relation last drawn on the map, for the new relation's form
NEW = "(new)"
NEW_RELATION = f"edit_relation_{NEW}"  # the key of the new relation's form


def enabled() -> bool:
    """Whether the app was started for editing (`-- --edit`, or EMPATHY_ATLAS_EDIT=1)."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--edit", action="store_true")
    return bool(parser.parse_known_args(sys.argv[1:])[0].edit) or os.environ.get("EMPATHY_ATLAS_EDIT") == "1"


def serve(path: Path, name: str) -> tuple[Path, str]:
    """The map file this session shows: in edit mode, a starter map the author wrote takes the served one's place."""
    if not enabled():
        return path, name
    chosen: tuple[Path, str] = st.session_state.setdefault(FILE, (path, name))
    return chosen


def edit_new_file(path: Path, name: str) -> None:
    """From now on this session shows and edits the map file at `path` (a starter map just written)."""
    if enabled():
        st.session_state[FILE] = (path, name)
        st.session_state[SAVES] = []
        state.reset()


# ---------------------------------------------------------------- callbacks: each edit is one save


def _read(key: str, name: str) -> Any:
    return st.session_state.get(f"{key}_{name}")


def save_concept(key: str, concept_id: str | None) -> None:
    aliases = [alias.strip() for alias in (_read(key, "aliases") or "").split(",") if alias.strip()]
    fields: dict[str, Any] = {
        "label": _read(key, "label"),
        "kind": _read(key, "kind"),
        "summary": _read(key, "summary"),
        "aliases": aliases,
        "refs": list(_read(key, "refs") or []),
    }
    if f"{key}_mni" in st.session_state:  # (a region of two points has no field: they stay as they are)
        mni = (_read(key, "mni") or "").strip()
        try:
            fields["mni"] = [float(part) for part in mni.split(",")] if mni else None
        except ValueError:
            st.session_state[PROBLEMS] = {"mni": ["write three numbers, x, y, z, in mm (e.g. 52, -54, 24)"]}
            return
    if concept_id is None:
        new_id = (_read(key, "id") or "").strip()
        save(
            lambda text: yaml_edit.add(text, "concepts", {"id": new_id, **fields}),
            "concepts",
            -1,
            f"Added {fields['label'] or new_id}.",
            select=new_id,
        )
    else:
        save(
            lambda text: yaml_edit.change(text, "concepts", concept_id, fields),
            "concepts",
            concept_id,
            f"Saved {fields['label']}.",
        )


def save_relation(relation_id: str | None) -> None:
    key = f"edit_relation_{relation_id or NEW}"
    fields = {name: _read(key, name) for name in ("source", "type", "target", "note", "standing")}
    fields["refs"] = list(_read(key, "refs") or [])
    new_id = f"{fields['source']}|{fields['type']}|{fields['target']}"
    if relation_id is None:
        save(
            lambda text: yaml_edit.add(text, "relations", fields), "relations", -1, "Added the relation.", select=new_id
        )
        if st.session_state.get(DONE):  # written: the drawn ends are done with
            st.session_state.pop(DRAWN, None)
    else:
        save(
            lambda text: yaml_edit.change(text, "relations", relation_id, fields),
            "relations",
            new_id,
            "Saved the relation.",
            select=new_id,
        )


def add_references(concept_map: ConceptMap) -> None:
    source = (st.session_state.get("edit_reference_source") or "").strip()
    first = max((reference.n for reference in concept_map.references), default=0) + 1
    try:
        found, notes = yaml_edit.references_from(source, concept_map.reference_by_key, first)
    except MapError as error:
        st.session_state[PROBLEMS] = {"references": [problem.message for problem in error.problems]}
        return

    def added(text: str) -> str:
        for reference in found:
            text = yaml_edit.add(text, "references", reference)
        return text

    keys = ", ".join(reference["key"] for reference in found)
    save(added, "references", -1, f"Added {keys}. " + " ".join(notes))


def save(edit: Callable[[str], str], section: str, entry: str | int, done: str, select: str | None = None) -> None:
    """Apply one edit to the file as the page shows it, check it, and write it (see the module's docstring)."""
    for key in (PROBLEMS, CONFLICT, DONE):
        st.session_state.pop(key, None)
    if not enabled():  # no form is drawn without --edit; no callback writes either
        return
    path, name = st.session_state[FILE]
    last = st.session_state[state.LAST_VALID]
    base = last.content.decode("utf-8")
    try:
        edited = edit(base)
        outcome = yaml_edit.save(path, name, edited, yaml_edit.digest(last.content))
    except yaml_edit.EditRefused as error:
        st.session_state[PROBLEMS] = {"": [str(error)]}
        return
    except MapError as error:
        index = _index(edited, section, entry)
        st.session_state[PROBLEMS] = {
            field: [str(problem) for problem in problems]
            for field, problems in yaml_edit.problems_by_field(error, section, index).items()
        }
        return
    _saved(outcome, done, select)


def undo() -> None:
    for key in (PROBLEMS, CONFLICT, DONE):
        st.session_state.pop(key, None)
    if not enabled() or not st.session_state.get(SAVES):
        return
    path, name = st.session_state[FILE]
    try:
        outcome = yaml_edit.undo(path, name, st.session_state[SAVES][-1])
    except MapError as error:
        st.session_state[PROBLEMS] = {"": [str(problem) for problem in error.problems]}
        return
    if isinstance(outcome, yaml_edit.Saved):
        st.session_state[SAVES].pop()
        st.session_state[DONE] = "Undone."
    else:
        st.session_state[CONFLICT] = outcome


def _saved(outcome: yaml_edit.Saved | yaml_edit.Conflict, done: str, select: str | None) -> None:
    if isinstance(outcome, yaml_edit.Conflict):
        st.session_state[CONFLICT] = outcome
        return
    st.session_state.setdefault(SAVES, []).append(outcome)
    st.session_state[DONE] = done
    st.session_state[state.SELECTED] = select


def _index(text: str, section: str, entry: str | int) -> int:
    """Where the edited entry is in its section (-1: the last)."""
    try:
        entries = load.read_yaml(text, track=False).data.get(section) or []
    except MapError:
        return -1
    if entry == -1:
        return len(entries) - 1
    keys = [yaml_edit.key_of(section, e) if isinstance(e, dict) else "" for e in entries]
    return keys.index(str(entry)) if entry in keys else -1
