"""Edits to a map file's text (components/exchange/yaml_edit.py): only the edited lines change, an invalid edit
writes nothing, a file changed on disk is not overwritten, undo writes the previous text back."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
import yaml

from components.exchange import yaml_edit
from components.model import load
from components.model.errors import MapError

ROOT = Path(__file__).parents[1]
MAPS = [ROOT / "concepts.yaml", ROOT / "examples" / "working_memory.yaml"]
SMALL = ROOT / "tests" / "data" / "app" / "small.yaml"  # its relations and references in braces, one a line


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines taken out and the lines put in (an exact diff: no line is guessed to be junk)."""
    matcher = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines(), autojunk=False)
    removed, added = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            removed += before.splitlines()[i1:i2]
            added += after.splitlines()[j1:j2]
    return removed, added


def first(text: str, section: str) -> dict:
    return yaml.safe_load(text)[section][0]


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_adding_a_concept_and_a_relation_adds_only_their_lines(path):
    text = path.read_text(encoding="utf-8")
    concept = {"id": "new_idea", "label": "A new idea", "kind": "construct", "aliases": ["novelty"],
               "summary": "Something new: said in our own words.", "refs": []}  # fmt: skip
    reference = first(text, "references")["key"]
    target = first(text, "concepts")["id"]
    relation = {"source": "new_idea", "type": "supports", "target": target, "refs": [reference], "note": "Because."}
    edited = yaml_edit.add(yaml_edit.add(text, "concepts", concept), "relations", relation)

    removed, added = changed_lines(text, edited)
    assert removed == []
    stripped = [line.strip() for line in added]
    assert stripped[:4] == ["- id: new_idea", "label: A new idea", "kind: construct", "aliases: [novelty]"]
    assert stripped[4].removeprefix("summary: ").strip("'\"") == concept["summary"]
    assert stripped[5:9] == ["- source: new_idea", "type: supports", f"target: {target}", f"refs: [{reference}]"]
    assert stripped[9].removeprefix("note: ").strip("'\"") == "Because."
    assert len(added) == 10
    data = load.parse(edited, path.name)
    assert data.concept_by_id["new_idea"].summary == concept["summary"]
    assert data.relation_by_id[f"new_idea|supports|{target}"].refs == (reference,)
    # each new entry sits with its own kind, indented as its neighbours
    new_concept = edited.splitlines().index(next(line for line in added if "id: new_idea" in line))
    assert edited.splitlines()[new_concept - 1].startswith(" " * (len(added[0]) - len(added[0].lstrip())))


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_a_new_entry_is_quoted_as_its_neighbours_are(path):
    text = path.read_text(encoding="utf-8")
    reference = first(text, "references")["key"]
    target = first(text, "concepts")["id"]
    relation = {"source": target, "type": "contrasts_with", "target": "new_idea", "refs": [reference],
                "note": "A plain note"}  # fmt: skip
    concept = {"id": "new_idea", "label": "N", "kind": "construct", "summary": "S."}
    edited = yaml_edit.add(yaml_edit.add(text, "concepts", concept), "relations", relation)
    last_note = [line for line in text.splitlines() if line.strip().startswith("note:")][-1]
    new_note = next(line for line in edited.splitlines() if "A plain note" in line)
    assert ('"' in last_note.split(":", 1)[1][:3]) == ('"' in new_note)


def test_a_new_entry_among_entries_written_in_braces_is_written_in_braces():
    text = SMALL.read_text(encoding="utf-8")
    relation = {"source": "tpj", "type": "part_of", "target": "mentalizing", "refs": ["leslie2004"], "note": "N."}
    removed, added = changed_lines(text, yaml_edit.add(text, "relations", relation))
    assert removed == []
    assert added == ["  - {source: tpj, type: part_of, target: mentalizing, refs: [leslie2004], note: N.}"]


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_changing_one_field_of_any_entry_changes_that_line_alone(path):
    """Entries of every section, each rewritten by the editor with one field changed: only that line differs."""
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    for section, field in (("concepts", "label"), ("relations", "note"), ("references", "title")):
        for entry in data[section][::15]:
            edited = yaml_edit.change(text, section, yaml_edit.key_of(section, entry), {field: "Changed"})
            removed, added = changed_lines(text, edited)
            assert len(removed) == 1, removed
            assert removed[0].strip().startswith(f"{field}:")
            assert [line.strip() for line in added] in ([f"{field}: Changed"], [f'{field}: "Changed"'])


def test_an_unchanged_entry_is_left_as_it_is():
    text = SMALL.read_text(encoding="utf-8")  # references in braces over several lines
    assert yaml_edit.change(text, "references", "gallese2004", {"year": 2004, "volume": "8"}) == text


def test_a_field_added_to_an_entry_goes_in_the_models_order_and_an_emptied_one_goes():
    text = SMALL.read_text(encoding="utf-8")
    concept = first(text, "concepts")
    edited = yaml_edit.change(text, "concepts", concept["id"], {"abbrev": "EM", "aliases": []})
    entry = yaml.safe_load(edited)["concepts"][0]
    assert list(entry)[:4] == ["id", "label", "kind", "abbrev"]
    assert "aliases" not in entry
    assert yaml.safe_load(edited)["concepts"][1:] == yaml.safe_load(text)["concepts"][1:]


def test_comments_inside_and_around_an_edited_entry_stay():
    text = (
        "# the map\nmeta: {title: T, description: D, source: {citation: C}, version: '1'}\n\nconcepts:\n"
        '  # ---- first group\n  - id: a  # the first\n    label: A\n    kind: construct\n    summary: "S."\n\n'
        '  # ---- second group\n  - id: b\n    label: B\n    kind: construct\n    summary: "S."\n'
    )
    edited = yaml_edit.change(text, "concepts", "a", {"label": "Aa"})
    assert edited == text.replace("label: A\n", "label: Aa\n")
    assert yaml_edit.delete(text, "concepts", "a") == text.replace(
        '  - id: a  # the first\n    label: A\n    kind: construct\n    summary: "S."\n', ""
    )


def test_a_section_written_empty_in_brackets_gets_its_first_entry_in_block_style():
    text = SMALL.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    starter = yaml.safe_dump({**data, "relations": []}, sort_keys=False)
    relation = {"source": "empathy", "type": "supports", "target": "sharing", "refs": [data["references"][0]["key"]],
                "note": "N."}  # fmt: skip
    edited = yaml_edit.add(starter, "relations", relation)
    assert load.parse(edited).relation_by_id["empathy|supports|sharing"]
    assert "relations: []" not in edited


def test_deleting_a_concept_with_relations_is_refused_naming_them_or_deletes_them_with_it():
    text = SMALL.read_text(encoding="utf-8")
    with pytest.raises(yaml_edit.EditRefused, match=r"'empathy' has 2 relations \(sharing part_of empathy"):
        yaml_edit.delete_concept(text, "empathy")
    edited = yaml_edit.delete_concept(text, "empathy", with_relations=True)
    concept_map = load.parse(edited)
    assert "empathy" not in concept_map.concept_by_id
    assert not any("empathy" in (r.source, r.target) for r in concept_map.relations)
    assert len(concept_map.relations) == len(load.parse(text).relations) - 2


def test_an_entry_the_map_does_not_have_is_refused():
    text = SMALL.read_text(encoding="utf-8")
    with pytest.raises(yaml_edit.EditRefused, match="no concept 'nowhere'"):
        yaml_edit.change(text, "concepts", "nowhere", {"label": "X"})


def test_a_reference_by_doi_or_bibtex_gets_a_key_of_its_own_and_the_next_number():
    references, notes = yaml_edit.references_from("10.1038/nn.3085", {"doi1"}, 51)
    assert references[0]["doi"] == "10.1038/nn.3085"
    assert (references[0]["key"], references[0]["n"]) == ("doi1_2", 51)
    assert any("no year" in note for note in notes)
    bib = "@article{saxe2003, author={Saxe, Rebecca and Kanwisher, Nancy}, title={People thinking about thinking people}, journal={NeuroImage}, year={2003}, doi={10.1016/S1053-8119(03)00230-1}}"  # noqa: E501
    (reference,), _ = yaml_edit.references_from(bib, set(), 3)
    assert reference["authors"] == ["Saxe, R.", "Kanwisher, N."]
    assert (reference["key"], reference["year"]) == ("saxe2003", 2003)
    with pytest.raises(MapError):
        yaml_edit.references_from("no doi here", set(), 1)


def test_an_invalid_edit_names_its_fields_problems_and_writes_nothing(tmp_path):
    path = tmp_path / "map.yaml"
    text = SMALL.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    edited = yaml_edit.add(text, "relations", {"source": "empathy", "type": "supports", "target": "nowhere",
                                               "refs": ["missing_ref"], "note": "N."})  # fmt: skip
    with pytest.raises(MapError) as raised:
        yaml_edit.save(path, "map.yaml", edited, yaml_edit.digest(text))
    assert path.read_text(encoding="utf-8") == text
    index = len(yaml.safe_load(text)["relations"])
    by_field = yaml_edit.problems_by_field(raised.value, "relations", index)
    assert "nowhere" in str(by_field["target"][0])
    assert str(by_field["target"][0]).startswith("map.yaml:")
    assert "missing_ref" in " ".join(str(p) for p in by_field["refs"])


def test_a_file_changed_on_disk_is_not_overwritten_and_both_versions_are_given(tmp_path):
    path = tmp_path / "map.yaml"
    text = SMALL.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    edited = yaml_edit.change(text, "concepts", "empathy", {"label": "Mine"})
    theirs = text.replace("title: Small atlas", "title: Their atlas")
    path.write_text(theirs, encoding="utf-8")
    outcome = yaml_edit.save(path, "map.yaml", edited, yaml_edit.digest(text))
    assert outcome == yaml_edit.Conflict(disk=theirs, ours=edited)
    assert path.read_text(encoding="utf-8") == theirs


def test_a_save_writes_the_edit_and_undo_writes_the_previous_text_back(tmp_path):
    path = tmp_path / "map.yaml"
    text = SMALL.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    edited = yaml_edit.change(text, "concepts", "empathy", {"label": "Mine"})
    saved = yaml_edit.save(path, "map.yaml", edited, yaml_edit.digest(text))
    assert saved == yaml_edit.Saved(edited, text)
    assert path.read_text(encoding="utf-8") == edited
    undone = yaml_edit.undo(path, "map.yaml", saved)
    assert isinstance(undone, yaml_edit.Saved)
    assert path.read_text(encoding="utf-8") == text
    # an undo after someone else saved is a conflict like any other
    path.write_text(edited, encoding="utf-8")
    saved = yaml_edit.save(path, "map.yaml", text, yaml_edit.digest(edited))
    path.write_text(text + "\n# theirs\n", encoding="utf-8")
    assert isinstance(yaml_edit.undo(path, "map.yaml", saved), yaml_edit.Conflict)
    assert path.read_text(encoding="utf-8").endswith("# theirs\n")


def test_a_new_map_file_is_written_only_if_valid_and_new(tmp_path):
    text = SMALL.read_text(encoding="utf-8")
    yaml_edit.create(tmp_path / "new.yaml", text, "new.yaml")
    assert (tmp_path / "new.yaml").read_text(encoding="utf-8") == text
    with pytest.raises(yaml_edit.EditRefused, match="exists already"):
        yaml_edit.create(tmp_path / "new.yaml", text, "new.yaml")
    with pytest.raises(MapError):
        yaml_edit.create(tmp_path / "bad.yaml", "concepts: 3\n", "bad.yaml")
    assert not (tmp_path / "bad.yaml").exists()


def test_windows_line_ends_are_kept():
    text = SMALL.read_text(encoding="utf-8").replace("\n", "\r\n")
    edited = yaml_edit.add(text, "concepts", {"id": "x", "label": "X", "kind": "construct", "summary": "S."})
    assert "\n" not in edited.replace("\r\n", "")
    assert load.parse(edited).concept_by_id["x"]


def test_the_command_line_edits_the_file_and_refuses_an_invalid_edit(tmp_path, capsys):
    from components.cli import main

    path = tmp_path / "map.yaml"
    text = SMALL.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    concept = ["add-concept", "--id", "x", "--label", "X", "--kind", "construct", "--summary", "An X."]
    assert main(["edit", str(path), *concept]) == 0
    relation = ["add-relation", "--source", "x", "--type", "supports", "--target", "nowhere", "--ref", "singer2004"]
    assert main(["edit", str(path), *relation, "--note", "N."]) == 1
    assert "unknown concept 'nowhere'" in capsys.readouterr().err
    removed, added = changed_lines(text, path.read_text(encoding="utf-8"))
    assert (removed, [line.strip() for line in added]) == ([], ["- id: x", "label: X", "kind: construct",
                                                                 "summary: An X."])  # fmt: skip
    assert main(["edit", str(path), "delete-concept", "x"]) == 0
    assert path.read_text(encoding="utf-8") == text
