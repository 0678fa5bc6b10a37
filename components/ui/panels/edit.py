"""The Edit panel: an author changes the served map file beside the map, without YAML. Only when the app was
started for editing (`make run EDIT=1`: `streamlit run app.py -- --edit`, or EMPATHY_ATLAS_EDIT=1); a classroom
server has no such panel and writes nothing (`enabled`, checked again before every write).

The map's selection chooses what the forms edit (a concept or a relation), or they add a new one; a relation
drawn on the map (a drag from one concept to another, `on_link`) opens the form of a new one with its two ends
filled in, written only when saved; references
come from the map's list, or are added by DOI or BibTeX. Save applies the edit to the file's text
(components/exchange/yaml_edit.py: the rest of the file byte for byte), checks it with the app's loader (its
problems shown under the fields they are about, as file:line:col), and writes it unless the file changed on
disk meanwhile (then both versions are shown, and nothing written). The file watcher then reloads the map for
every session. Undo writes back what the last saves replaced."""

from __future__ import annotations

import difflib

import streamlit as st

from components.exchange import yaml_edit
from components.model.concepts import Concept, ConceptMap, Relation
from components.model.vocabulary import KINDS, RELATIONS, Kind, RelationType, Standing
from components.text import markdown as md
from components.text.citations import short_citation
from components.ui import state
from components.ui.panels import editing
from components.ui.panels.editing import (
    CONFLICT,
    DONE,
    DRAWN,
    FOLLOWED,
    FORM,
    NEW,
    NEW_RELATION,
    PROBLEMS,
    SAVES,
    enabled,
)
from components.ui.panels.panel import Panel, Run


def draw(run: Run) -> None:
    if not enabled() or editing.FILE not in st.session_state:
        st.info("This map cannot be changed here.")  # unreachable without --edit: the panel is not listed
        return
    if st.session_state[state.OPENED] is not None or run.file.sent:
        st.info("This session shows a map opened from the page. Go back to the served map to edit it.")
        return
    name = st.session_state[editing.FILE][1]
    st.caption(f"Editing **{md.text(name)}**: a save writes the file, and every open page shows it.")
    _outcome()
    selection = run.selection
    if selection is not None and st.session_state.get(FOLLOWED) != selection.id:  # the form follows a new selection
        st.session_state[FOLLOWED] = selection.id
        st.session_state[FORM] = "Relation" if selection.relation else "Concept"
    st.session_state.setdefault(FORM, "Concept")
    form = st.segmented_control(
        "Edit", ["Concept", "Relation", "References"], key=FORM, required=True, label_visibility="collapsed"
    )
    if form == "Concept":
        _concept_form(run, selection.concept if selection and selection.concept else None)
    elif form == "Relation":
        _relation_form(run, selection.relation if selection and selection.relation else None)
    else:
        _references_form(run)


def on_link() -> None:
    """Callback: a relation drawn on the map, from one concept to another. The Relation form opens to add it,
    with these ends (its type, references and note still to choose); nothing is written until it is saved.
    Ignored unless the app edits and the Edit panel is open (the map offers drawing only then)."""
    event = st.session_state[state.MAP_VIEW].link or {}
    source, target = event.get("from"), event.get("to")
    if not enabled() or st.session_state.get(state.PANEL) != PANEL.name:
        return
    if not isinstance(source, str) or not isinstance(target, str) or source == target:
        return
    for name in ("type", "refs", "note", "standing"):  # a new relation: what an earlier one had filled in goes
        st.session_state.pop(f"{NEW_RELATION}_{name}", None)
    st.session_state[f"{NEW_RELATION}_source"] = source
    st.session_state[f"{NEW_RELATION}_target"] = target
    st.session_state[DRAWN] = (source, target)
    selected = st.session_state[state.SELECTED]
    if selected is not None and "|" in selected:  # a selected relation would have its own form shown
        state.select(None)
    st.session_state[FOLLOWED] = st.session_state[state.SELECTED]
    st.session_state[FORM] = "Relation"
    for key in (PROBLEMS, DONE):
        st.session_state.pop(key, None)


def _drawn(concept_map: ConceptMap) -> tuple[str, str] | None:
    """The ends of the relation drawn on the map, if the map still has both (an edit may have removed one)."""
    drawn: tuple[str, str] | None = st.session_state.get(DRAWN)
    if drawn is None or all(end in concept_map.concept_by_id for end in drawn):
        return drawn
    for name in (DRAWN, f"{NEW_RELATION}_source", f"{NEW_RELATION}_target"):
        st.session_state.pop(name, None)
    return None


def _outcome() -> None:
    """What the last save did, its conflict, and the way back."""
    conflict: yaml_edit.Conflict | None = st.session_state.get(CONFLICT)
    if conflict is not None:
        st.error(
            "The file changed on disk since the map was shown: nothing was written. Here is what differs "
            "between the file now and your edit; the map now shows the file, and your form keeps your edit."
        )
        changes = difflib.unified_diff(
            conflict.disk.splitlines(), conflict.ours.splitlines(), "on disk", "yours", lineterm="", n=1
        )
        st.code("\n".join(changes), language="diff")
        st.button("Dismiss", on_click=st.session_state.pop, args=(CONFLICT, None), key="edit_dismiss")
    elif st.session_state.get(DONE):
        st.success(st.session_state[DONE], icon=":material/check:")
    general = st.session_state.get(PROBLEMS, {}).get("", [])
    if general:
        st.error("Not saved: the map would have these problems.")
        st.code("\n".join(general), language=None, wrap_lines=True)
    saves = st.session_state.get(SAVES, [])
    if saves:
        st.button(f"Undo the last save ({len(saves)})", on_click=editing.undo, icon=":material/undo:", key="edit_undo")


def _problem(field: str) -> None:
    for problem in st.session_state.get(PROBLEMS, {}).get(field, []):
        st.caption(f":red[{md.text(problem)}]")


def _concept_form(run: Run, concept: Concept | None) -> None:
    concept_map = run.concept_map
    key = f"edit_concept_{concept.id if concept else NEW}"
    if concept:
        st.markdown(f"Editing **{md.text(concept.label)}**; select another on the map, or")
        st.button("Add a new concept", on_click=state.select, args=(None,), key="edit_concept_new")
    else:
        st.markdown("A new concept (select one on the map to edit it).")
    with st.form(key, border=False):
        st.text_input(
            "Id",
            value=concept.id if concept else "",
            disabled=concept is not None,
            help="Lowercase letters, digits and _; how relations name it",
            key=f"{key}_id",
        )
        _problem("id")
        st.text_input("Label", value=concept.label if concept else "", key=f"{key}_label")
        _problem("label")
        kinds = [str(kind) for kind in Kind]
        st.selectbox(
            "Kind",
            kinds,
            index=kinds.index(concept.kind) if concept else None,
            format_func=lambda k: KINDS[Kind(k)].label,
            key=f"{key}_kind",
        )
        _problem("kind")
        st.text_area("Summary", value=concept.summary if concept else "", key=f"{key}_summary")
        _problem("summary")
        st.text_input(
            "Aliases (comma-separated)", value=", ".join(concept.aliases) if concept else "", key=f"{key}_aliases"
        )
        _problem("aliases")
        _references(concept_map, concept.refs if concept else (), f"{key}_refs")
        _problem("refs")
        if concept and concept.mni and isinstance(concept.mni[0], tuple):
            st.caption("MNI: two points (one per hemisphere); change them in the file.")
        else:
            point = ", ".join(f"{c:g}" for c in concept.mni) if concept and concept.mni else ""
            st.text_input("MNI x, y, z in mm (regions)", value=point, key=f"{key}_mni")
        _problem("mni")
        st.form_submit_button(
            "Save concept",
            type="primary",
            on_click=editing.save_concept,
            args=(key, concept.id if concept else None),
            icon=":material/save:",
        )
    if concept:
        with st.container(horizontal=True, vertical_alignment="center"):
            linked = [r for r in concept_map.relations if concept.id in (r.source, r.target)]
            cascade = st.checkbox(f"with its {len(linked)} relations", key=f"{key}_cascade") if linked else False
            st.button(
                "Delete concept",
                on_click=editing.save,
                icon=":material/delete:",
                key=f"{key}_delete",
                args=(
                    lambda text: yaml_edit.delete_concept(text, concept.id, cascade),
                    "concepts",
                    -1,
                    f"Deleted {concept.label}.",
                ),
            )


def _relation_form(run: Run, relation: Relation | None) -> None:
    concept_map = run.concept_map
    key = f"edit_relation_{relation.id if relation else NEW}"
    ids = list(concept_map.concept_by_id)
    label = {concept.id: concept.label for concept in concept_map.concepts}.__getitem__
    if relation:
        st.markdown("Editing the selected relation; select another on the map, or")
        st.button("Add a new relation", on_click=state.select, args=(None,), key="edit_relation_new")
    else:
        drawn = _drawn(concept_map)
        if drawn is not None:
            st.markdown(
                f"A new relation from **{md.text(label(drawn[0]))}** to **{md.text(label(drawn[1]))}**, "
                "drawn on the map: choose its type (and its references), then save."
            )
        else:
            st.caption("Or draw it on the map: *Draw a relation*, then drag from one concept to another.")
    with st.form(key, border=False):
        st.selectbox(
            "From", ids, index=ids.index(relation.source) if relation else None, format_func=label, key=f"{key}_source"
        )
        _problem("source")
        types = [str(kind) for kind in RelationType]
        st.selectbox(
            "Type",
            types,
            index=types.index(relation.type) if relation else None,
            format_func=lambda t: RELATIONS[RelationType(t)].words()[0],
            key=f"{key}_type",
        )
        _problem("type")
        st.selectbox(
            "To", ids, index=ids.index(relation.target) if relation else None, format_func=label, key=f"{key}_target"
        )
        _problem("target")
        _references(concept_map, relation.refs if relation else (), f"{key}_refs")
        _problem("refs")
        st.text_area("Note: what the cited work showed", value=relation.note if relation else "", key=f"{key}_note")
        _problem("note")
        standings = [str(standing) for standing in Standing]
        st.selectbox(
            "Standing (if not as its type and references say)",
            standings,
            key=f"{key}_standing",
            index=standings.index(relation.standing) if relation and relation.standing else None,
        )
        _problem("standing")
        st.form_submit_button(
            "Save relation",
            type="primary",
            on_click=editing.save_relation,
            args=(relation.id if relation else None,),
            icon=":material/save:",
        )
    if relation:
        st.button(
            "Delete relation",
            icon=":material/delete:",
            key=f"{key}_delete",
            on_click=editing.save,
            args=(
                lambda text: yaml_edit.delete(text, "relations", relation.id),
                "relations",
                -1,
                "Deleted the relation.",
            ),
        )


def _references_form(run: Run) -> None:
    st.markdown("Add works to the map's references, to cite them in concepts and relations.")
    with st.form("edit_references", border=False):
        st.text_area(
            "DOIs (one a line) or BibTeX entries",
            key="edit_reference_source",
            placeholder="10.1038/nn.3085\nor @article{saxe2003, author = {...}, ...}",
        )
        _problem("references")
        st.form_submit_button(
            "Add references", type="primary", on_click=editing.add_references, args=(run.concept_map,)
        )


def _references(concept_map: ConceptMap, chosen: tuple[str, ...], key: str) -> None:
    by_key = concept_map.reference_by_key
    st.multiselect(
        "References",
        list(by_key),
        default=[k for k in chosen if k in by_key],
        format_func=lambda k: f"{short_citation(by_key[k])} ({k})",
        key=key,
    )


PANEL = Panel("edit", "Edit", draw, keeps_selection=True, on_link=on_link)
