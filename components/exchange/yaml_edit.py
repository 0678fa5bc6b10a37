"""An author's edits to a map file, made in its text: add, change or delete a concept, a relation or a
reference, and the rest of the file stays byte for byte (its comments, key order, quoting, blank lines).

Only the edited entry's lines change. The app's loader says where each entry starts; ruamel.yaml (a round-trip
YAML library) rewrites that entry alone, keeping its own comments and quoting, and an unchanged field is not
touched. A new entry goes after the last of its section, in the style of its neighbours (quoted where they
are quoted, lists in brackets where theirs are), fields in the model's order.

    add(text, section, fields)          change(text, section, key, fields)          delete(text, section, key)
    delete_concept(text, id, with_relations)     references_from(doi or BibTeX, taken keys, next number)

Saving (`save`) checks the edited text with the app's own loader first (an invalid map raises its MapError
and nothing is written), refuses to write over a file that changed on disk since it was read (a `Conflict`
holding both texts), and writes atomically (files.write_atomic). `Saved.previous` is what undo writes back,
under the same checks (`undo`).
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import ScalarString

from components.exchange import starter
from components.exchange.files import write_atomic
from components.model import load
from components.model.concepts import Concept, Reference, Relation
from components.model.errors import MapError, Problem

Section = Literal["concepts", "relations", "references"]
ORDER: dict[str, tuple[str, ...]] = {
    "concepts": tuple(Concept.model_fields),
    "relations": tuple(Relation.model_fields),
    "references": tuple(Reference.model_fields),
}
WHAT = {"concepts": "concept", "relations": "relation", "references": "reference"}
_DEFAULT_INDENT = 2  # where a new section's dashes go when the file has no other list to follow


class EditRefused(ValueError):
    """An edit that cannot be made as asked (an entry the map does not have, a concept its relations need)."""


@dataclass(frozen=True)
class Saved:
    text: str  # the file as written
    previous: str  # what it replaced: undo writes it back


@dataclass(frozen=True)
class Conflict:
    """The file changed on disk since it was read: nothing was written."""

    disk: str  # the file as it is now
    ours: str  # the edit, applied to the text it was made on


def digest(content: str | bytes) -> str:
    return hashlib.sha256(content.encode("utf-8") if isinstance(content, str) else content).hexdigest()


def key_of(section: str, entry: Mapping[str, Any]) -> str:
    """How an entry is named: a concept by its id, a relation by source|type|target, a reference by its key."""
    if section == "relations":
        return f"{entry.get('source')}|{entry.get('type')}|{entry.get('target')}"
    return str(entry.get("id" if section == "concepts" else "key"))


# ---------------------------------------------------------------- edits to the text (pure)


def add(text: str, section: Section, fields: Mapping[str, Any]) -> str:
    """`text` with a new entry at the end of `section` (None and empty values left out)."""
    lines = text.splitlines(keepends=True)
    found = _section(text, section)
    if found is None:  # no such section yet: a new one at the end of the file
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        rendered = _render(_new_entry(section, fields, None), _indent_of(text))
        return _joined(text, [*lines, f"{section}:\n", *rendered])
    data, items, key_line = found
    if items is None:  # `relations: []`: the section written out as a block list
        if data:
            raise EditRefused(f"the {section} are written as a list in brackets; write one per line to edit them here")
        rendered = _render(_new_entry(section, fields, None), _indent_of(text))
        return _joined(text, [*lines[:key_line], f"{section}:\n", *rendered, *lines[key_line + 1 :]])
    last = items[-1] if items else None
    sibling = _entry_text(lines, last) if last else None
    indent = last.indent if last else _indent_of(text)
    end = last.end if last else key_line + 1
    rendered = _render(_new_entry(section, fields, sibling), indent)
    return _joined(text, [*lines[:end], *rendered, *lines[end:]])


def change(text: str, section: Section, key: str, fields: Mapping[str, Any]) -> str:
    """`text` with the fields of one entry set (None or empty: the field removed); the others as they were."""
    lines = text.splitlines(keepends=True)
    span = _find(text, section, key)
    entry = _entry_text(lines, span)
    changed = False
    for name, value in fields.items():
        if _empty(value):
            changed |= entry.pop(name, None) is not None
        elif name not in entry or not _same(entry[name], value):
            changed = True
            styled = _styled(value, entry.get(name))
            if name in entry:
                entry[name] = styled
            else:
                position = sum(1 for existing in entry if _rank(section, existing) < _rank(section, name))
                entry.insert(position, name, styled)
    if not changed:  # nothing to write (an entry in braces over several lines would be joined into one)
        return text
    return _joined(text, [*lines[: span.start], *_render(entry, span.indent), *lines[span.end :]])


def delete(text: str, section: Section, key: str) -> str:
    """`text` without one entry (its own lines; the comments and blank lines around it stay)."""
    lines = text.splitlines(keepends=True)
    span = _find(text, section, key)
    return "".join([*lines[: span.start], *lines[span.end :]])


def relations_of(text: str, concept_id: str) -> list[str]:
    """The relations (source|type|target) that start or end at a concept."""
    data = load.read_yaml(text, track=False).data
    relations = data.get("relations") or []
    return [
        key_of("relations", relation)
        for relation in relations
        if isinstance(relation, dict) and concept_id in (relation.get("source"), relation.get("target"))
    ]


def delete_concept(text: str, concept_id: str, with_relations: bool = False) -> str:
    """`text` without a concept; its relations are deleted with it if `with_relations`, else the edit is refused
    naming them (a relation to a concept the map no longer has would make it invalid)."""
    linked = relations_of(text, concept_id)
    if linked and not with_relations:
        names = "; ".join(relation.replace("|", " ") for relation in linked[:5])
        more = f" and {len(linked) - 5} more" if len(linked) > 5 else ""
        raise EditRefused(
            f"'{concept_id}' has {len(linked)} relation{'s' if len(linked) != 1 else ''} ({names}{more}): "
            "delete them first, or delete them with it"
        )
    for relation in linked:
        text = delete(text, "relations", relation)
    return delete(text, "concepts", concept_id)


def references_from(source: str, taken: Collection[str], first_n: int) -> tuple[list[dict[str, Any]], list[str]]:
    """References read from BibTeX entries, or from DOIs (one per line: authors, year and title then are
    placeholders to fill in), as a starter map reads them; keys the map does not have yet, numbered from
    `first_n`. Also the notes on what was skipped or filled in. MapError if nothing usable is found."""
    bibtex = source.lstrip().startswith("@")
    made = starter.from_file("entry.bib" if bibtex else "dois.txt", source.encode("utf-8"))
    seen = set(taken)
    references = []
    for number, reference in enumerate(made.data["references"], first_n):
        key, suffix = reference["key"], 2
        while key in seen:
            key, suffix = f"{reference['key']}_{suffix}", suffix + 1
        seen.add(key)
        references.append({**reference, "n": number, "key": key})
    notes = [note for note in made.notes if "key written as" not in note]
    return references, notes


def problems_by_field(error: MapError, section: str, index: int) -> dict[str, list[Problem]]:
    """An invalid edit's problems by the field of the edited entry they are about ("" for the others)."""
    found: dict[str, list[Problem]] = {}
    for problem in error.problems:
        path = problem.path
        here = len(path) > 2 and path[0] == section and path[1] == index
        found.setdefault(str(path[2]) if here else "", []).append(problem)
    return found


# ---------------------------------------------------------------- saving


def save(path: str | Path, name: str, edited: str, expected: str) -> Saved | Conflict:
    """Write `edited` over the map file at `path`, which had digest `expected` when it was read: only if it is
    a valid map (else its MapError, as `name`:line:col problems, and nothing written) and the file is still as
    it was read (else a Conflict, and nothing written)."""
    load.parse(edited, name)
    now = load.read_file(path, name)
    if digest(now) != expected:
        return Conflict(now.decode("utf-8", errors="replace"), edited)
    write_atomic(path, edited)
    return Saved(edited, now.decode("utf-8"))


def undo(path: str | Path, name: str, saved: Saved) -> Saved | Conflict:
    """Write back what a save replaced, if the file is still as that save left it (and the old text a valid map)."""
    return save(path, name, saved.previous, digest(saved.text))


def create(path: str | Path, text: str, name: str) -> None:
    """Write a new map file (a starter map): a valid map, never over a file that exists."""
    load.parse(text, name)
    if Path(path).exists():
        raise EditRefused(f"{name} exists already; choose another name")
    write_atomic(path, text)


# ---------------------------------------------------------------- where the entries are


@dataclass(frozen=True)
class _Span:
    start: int  # its first line (the dash's), 0-based
    end: int  # one past its last line
    indent: int  # the dash's column


def _section(text: str, section: str) -> tuple[list[Any], list[_Span] | None, int] | None:
    """A section's entries as data, where each is (None for a list in brackets), and the line of its key; None
    if the file has no such section."""
    document = load.read_yaml(text)
    data = document.data.get(section)
    if section not in document.data:
        return None
    lines = text.splitlines(keepends=True)
    key_line = next((i for i, line in enumerate(lines) if re.match(rf"{section}\s*:", line)), None)
    if key_line is None:
        raise EditRefused(f"the {section} key is not at the start of a line; write the file in block style")
    if not isinstance(data, list):
        return [], None, key_line
    if _is_flow(lines, key_line):
        return data, None, key_line
    marks = document.marks.children.get(id(data)) or []
    return data, [_span(lines, mark.line, mark.column) for mark in marks], key_line


def _is_flow(lines: list[str], key_line: int) -> bool:
    return bool(re.match(r"[^:#]+:\s*\[", lines[key_line]))


def _span(lines: list[str], line: int, column: int) -> _Span:
    """An entry's own lines: from its dash to the last line indented deeper (comments and blank lines after it,
    at its dash's indent or less, are the gap before what comes next)."""
    dash = lines[line].rfind("-", 0, column + 1)
    while dash < 0 and line > 0:  # "-" alone on the line above its first key
        line -= 1
        dash = lines[line].rfind("-")
    end = line + 1
    last = end
    while end < len(lines):
        stripped = lines[end].strip()
        indent = len(lines[end]) - len(lines[end].lstrip(" "))
        if stripped and indent <= dash and not stripped.startswith("#"):
            break
        end += 1
        if stripped and indent > dash:
            last = end
    return _Span(line, last, dash)


def _find(text: str, section: Section, key: str) -> _Span:
    found = _section(text, section)
    data, spans, _ = found if found is not None else ([], None, 0)
    if spans is not None:
        for entry, span in zip(data, spans, strict=False):
            if isinstance(entry, dict) and key_of(section, entry) == key:
                return span
    raise EditRefused(f"the map has no {WHAT[section]} '{key}'")


def _indent_of(text: str) -> int:
    """The dash column the file's lists use (its first block list's), for a section it does not have yet."""
    found = re.search(r"^( *)- ", text, re.MULTILINE)
    return len(found.group(1)) if found else _DEFAULT_INDENT


# ---------------------------------------------------------------- one entry's text, through ruamel.yaml


def _yaml(sequence: int = 2) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never fold a long line
    yaml.indent(mapping=2, sequence=sequence, offset=0)
    return yaml


def _entry_text(lines: list[str], span: _Span) -> CommentedMap:
    """One entry's lines read by ruamel.yaml (its comments and quoting kept)."""
    own = "".join(line[span.indent :] if line[: span.indent].isspace() else line.lstrip(" ") for line in
                  lines[span.start : span.end])  # fmt: skip
    loaded = _yaml().load(own)
    if not isinstance(loaded, CommentedSeq) or not loaded or not isinstance(loaded[0], CommentedMap):
        raise EditRefused(f"line {span.start + 1}: this entry is not a mapping; it cannot be edited here")
    entry: CommentedMap = loaded[0]
    return entry


def _render(entry: CommentedMap, indent: int) -> list[str]:
    """The entry as lines of YAML, its dash at column `indent`."""
    out = io.StringIO()
    _yaml().dump([entry], out)
    return [" " * indent + line if line.strip() else line for line in out.getvalue().splitlines(keepends=True)]


def _new_entry(section: str, fields: Mapping[str, Any], sibling: CommentedMap | None) -> CommentedMap:
    entry = CommentedMap()
    for name in sorted((n for n in fields if not _empty(fields[n])), key=lambda n: _rank(section, n)):
        entry[name] = _styled(fields[name], sibling.get(name) if sibling is not None else None)
    if sibling is not None and sibling.fa.flow_style():  # `- {source: a, type: b, ...}`, as its neighbours
        entry.fa.set_flow_style()
    return entry


def _styled(value: Any, like: Any) -> Any:
    """`value` written as `like` is: the same quotes for a text, a list in brackets if `like` is one."""
    if isinstance(value, (list, tuple)):
        items = CommentedSeq(_styled(item, like[0] if isinstance(like, list) and like else None) for item in value)
        if like is None or (isinstance(like, CommentedSeq) and like.fa.flow_style()):
            items.fa.set_flow_style()
        return items
    if isinstance(value, str) and isinstance(like, ScalarString):
        return type(like)(value)
    return value


def _same(held: Any, value: Any) -> bool:
    if isinstance(value, (list, tuple)):
        return isinstance(held, list) and len(held) == len(value) and all(map(_same, held, value))
    return bool(held == value) and isinstance(held, bool) == isinstance(value, bool)


def _rank(section: str, name: str) -> int:
    """A field's place in the model's order (one the model does not know: last)."""
    order = ORDER[section]
    return order.index(name) if name in order else len(order)


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, (str, list, tuple)) and not value)


def _joined(text: str, lines: list[str]) -> str:
    """The lines as one text, with the file's own line ends."""
    joined = "".join(lines)
    return joined.replace("\r\n", "\n").replace("\n", "\r\n") if "\r\n" in text else joined
