"""YAML text or file -> validated ConceptMap, or MapError whose problems carry file:line:col.

Reading is safe and bounded: only a regular file is opened (never waiting on a FIFO or a device), a size
cap, strict UTF-8, libyaml's event stream built into plain data by hand (so duplicate keys, the number of
values, aliases expanded, keys in a mapping, nesting depth, unknown tags and a top level that is not a
mapping are caught as they stream past, before anything large is built), and the mark of every value kept
for error messages. An error never quotes a file that is not a map.
"""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any

import yaml

from components.model.concepts import (
    Concept,
    ConceptMap,
    Meta,
    Reference,
    Relation,
    StudentMap,
    Tour,
    TourStep,
    View,
    validate,
)
from components.model.errors import MapError, Path, Problem

MAX_BYTES = 16 * 1024 * 1024
STUDENT_MAX_BYTES = 1024 * 1024  # a student's map is small; the page and the command line take this much
MAX_NODES = 2_000_000  # values, counting every alias expansion (10,000 concepts are about 340,000)
MAX_KEYS = 64  # in one mapping: no part of a map has more than 18 fields
MAX_DEPTH = 32
TOP_LEVEL_HINT = "the top level must be a mapping with the keys meta, concepts, relations and references"
STUDENT_HINT = (
    "this is not a map: a student's map is YAML with concepts: (each an id and a label) and relations: "
    "(each a source, type and target), or a CmapTools .cxl or GraphML file"
)

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STANDARD_TAG = "tag:yaml.org,2002:"
_CONSTRUCTOR = yaml.SafeLoader("")  # only its scalar constructors are used


@dataclass
class Marks:
    """Where each value starts in the text: containers' own marks and their children's, by id."""

    root: Any = None  # the mark of the document's top-level value
    own: dict[int, Any] = field(default_factory=dict)  # id(container) -> yaml mark
    children: dict[int, Any] = field(default_factory=dict)  # id(container) -> {key: mark} | [mark]

    def locate(self, data: Any, path: Path) -> tuple[int, int] | None:
        """The 1-based (line, col) of the deepest value along `path` that the text has."""
        mark = self.own.get(id(data), self.root)
        node = data
        for part in path:
            children = self.children.get(id(node))
            try:
                child_mark = children[part] if children is not None else None
                node = node[part]
            except (KeyError, IndexError, TypeError):
                break
            mark = child_mark or mark
        return (mark.line + 1, mark.column + 1) if mark is not None else None


def load_concepts(path: str | FilePath) -> ConceptMap:
    """Read and validate a map file; raise MapError listing every problem as file:line:col."""
    return parse(read_file(path), str(path))


def read_file(path: str | FilePath, name: str | None = None, limit: int | None = None) -> bytes:
    """A regular file's bytes, its size checked before anything is read: a file over `limit` (or one that
    grows past it while being read) is refused having read no more than the limit and a byte. A FIFO, a
    device or a folder is refused as it is opened, without waiting for a writer."""
    shown = name or str(path)
    limit = MAX_BYTES if limit is None else limit
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        raise MapError([Problem(f"cannot read the file: {error.strerror or error}", file=shown)]) from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            mode = status.st_mode
            what = "a folder" if stat.S_ISDIR(mode) else "a FIFO" if stat.S_ISFIFO(mode) else "a device or socket"
            raise MapError([Problem(f"cannot read the file: not a regular file ({what})", file=shown)])
        if status.st_size > limit:
            raise MapError([_too_big(shown, limit)])
        with open(descriptor, "rb", closefd=False) as file:
            raw = file.read(limit + 1)
    except OSError as error:
        raise MapError([Problem(f"cannot read the file: {error.strerror or error}", file=shown)]) from None
    finally:
        os.close(descriptor)
    if len(raw) > limit:
        raise MapError([_too_big(shown, limit)])
    return raw


def parse(content: str | bytes, filename: str = "concepts.yaml", student: bool = False) -> ConceptMap:
    """Validate YAML text (str or UTF-8 bytes) as a map (or, leniently, a student's map); raise MapError
    with file:line:col problems."""
    limit = STUDENT_MAX_BYTES if student else MAX_BYTES
    hint = STUDENT_HINT if student else TOP_LEVEL_HINT
    with _gc_paused():
        document = read_yaml(content, filename, track=False, limit=limit, hint=hint)
        if student and not any(isinstance(key, str) and key in StudentMap.model_fields for key in document.data):
            raise MapError([Problem(hint, (), filename, 1, 1)])
        try:
            concept_map = validate(document.data, student)
        except MapError as error:
            failure: MapError | None = error
        else:
            failure = None
    if failure is None and not document.problems:
        return concept_map
    # Something to report: read again, keeping where every value starts, to say where each problem is.
    with _gc_paused():
        document = read_yaml(content, filename, hint=hint)
    located = (_locate(problem, document, filename) for problem in failure.problems) if failure else ()
    raise MapError([*document.problems, *located], failure.omitted if failure else 0)


@dataclass
class Document:
    """A YAML file read into plain data, with the marks of its values and its non-fatal problems."""

    data: dict[str, Any]
    marks: Marks
    problems: list[Problem]


def read_yaml(
    content: str | bytes,
    filename: str = "concepts.yaml",
    track: bool = True,
    limit: int | None = None,
    hint: str = TOP_LEVEL_HINT,
) -> Document:
    """Safe, bounded YAML -> Document; raise MapError at once on anything unsafe or unreadable (over
    `limit` bytes of UTF-8, by default MAX_BYTES); `hint` says what a file that is not a mapping should be.

    With `track`, the Document knows where each value starts; without, reading is a quarter faster.
    """
    text = _decode(content, filename, MAX_BYTES if limit is None else limit)
    builder = _Builder(filename, hint)
    try:
        with _gc_paused():
            data, marks = builder.build(text, track)
    except yaml.MarkedYAMLError as error:
        raise MapError([_syntax_problem(error, text, filename)]) from None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow, such as NUL
        line, col = _line_col(text, error.position)
        code = error.character if isinstance(error.character, int) else ord(error.character)
        message = f"the character U+{code:04X} is not allowed in YAML; remove it"
        raise MapError([Problem(message, (), filename, line, col)]) from None
    except yaml.YAMLError as error:
        raise MapError([Problem(f"cannot read the YAML: {error}", file=filename)]) from None
    if data is None:
        raise MapError([Problem(f"the file is empty; {hint}", file=filename, line=1, col=1)])
    if not isinstance(data, dict):  # a single value (a list is refused as it starts); never shown: it may be a secret
        start = marks.root
        line, col = (start.line + 1, start.column + 1) if start is not None else (1, 1)
        raise MapError([Problem(f"the file holds a single value; {hint}", (), filename, line, col)])
    return Document(data, marks, builder.problems)


def _decode(content: str | bytes, filename: str, limit: int) -> str:
    if isinstance(content, str):
        if len(content) > limit // 4 and len(content.encode("utf-8", "surrogatepass")) > limit:
            raise MapError([_too_big(filename, limit)])
        return content
    if len(content) > limit:
        raise MapError([_too_big(filename, limit)])
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = content[: error.start]
        line = before.count(b"\n") + 1
        col = error.start - (before.rfind(b"\n") + 1) + 1
        byte = content[error.start]
        raise MapError(
            [Problem(f"invalid UTF-8 (byte 0x{byte:02x}); save the file as UTF-8", (), filename, line, col)]
        ) from None


def _too_big(filename: str, limit: int) -> Problem:
    size = f"{limit // 1048576} MiB" if limit >= 1048576 else f"{limit // 1024} KiB"
    return Problem(f"the file is over {size}, the most it may be; split it or trim it", file=filename)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Building a large map makes millions of small objects, and the collector would walk all of
    them again and again (tripling load time); nothing built here is cyclic, so pause it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, filename: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        return Problem("a tab is used for indentation; YAML indents with spaces only", (), filename, line, col)
    message = f"invalid YAML: {error.problem}"
    opened = error.context_mark
    if error.context and opened is not None and (opened.line + 1, opened.column + 1) != (line, col):
        message += f" ({error.context} that starts at line {opened.line + 1}, column {opened.column + 1})"
    elif error.context:
        message += f" ({error.context})"
    return Problem(message, (), filename, line, col)


def _line_col(text: str, index: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _locate(problem: Problem, document: Document, filename: str) -> Problem:
    line, col = document.marks.locate(document.data, problem.path) or (None, None)
    return problem.located(filename, line, col)


class _Builder:
    """Plain data from libyaml events, with the checks PyYAML's own constructor does not make.

    The loop is written flat, with locals, because it runs once per value: it is most of load time.
    """

    def __init__(self, filename: str, hint: str = TOP_LEVEL_HINT):
        self.filename = filename
        self.hint = hint
        self.marks = Marks()
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.problems: list[Problem] = []

    def fail(self, message: str, mark: Any) -> MapError:
        return MapError([Problem(message, (), self.filename, mark.line + 1, mark.column + 1)])

    def build(self, text: str, track: bool = True) -> tuple[Any, Marks]:
        """The data and, if `track`, where each value starts (a quarter of the time; errors need it)."""
        loader = _Loader(text)
        get_event = loader.get_event
        own, children_of = self.marks.own, self.marks.children
        # The open container's state lives in locals; the stack saves its parents' state:
        # (container, child marks, pending key, is mapping, node count at start, anchor of the child).
        stack: list[tuple[Any, Any, Any, bool, int, Any]] = []
        parent: Any = None  # the open container, None at the top level
        marks: Any = None  # its children's marks
        key: Any = _NO_KEY  # in a mapping: the key waiting for its value
        is_map = False
        root: Any = None
        nodes = documents = 0
        try:
            while True:
                event = get_event()
                kind = type(event)
                if kind is _Scalar:
                    nodes += 1
                    if nodes > MAX_NODES:
                        raise self.too_many(event)
                    value = event.value
                    if (
                        event.tag is not None
                        or event.anchor is not None
                        or (event.implicit[0] and (not value or value[0] in _NUMBER_START or value in _WORDS))
                    ):
                        value = self.scalar(event)
                    mark = event.start_mark
                elif kind is _MappingStart or kind is _SequenceStart:
                    child_is_map = kind is _MappingStart
                    if event.tag is not None:
                        self.check_tag(event, "map" if child_is_map else "seq")
                    if len(stack) >= MAX_DEPTH:
                        raise self.fail(f"the data is nested more than {MAX_DEPTH} levels deep", event.start_mark)
                    if parent is None and not child_is_map:
                        raise self.fail(f"the file holds a list; {self.hint}", event.start_mark)
                    nodes += 1
                    if nodes > MAX_NODES:
                        raise self.too_many(event)
                    stack.append((parent, marks, key, is_map, nodes, event.anchor))
                    parent = {} if child_is_map else []
                    if track:
                        marks = {} if child_is_map else []
                        own[id(parent)] = event.start_mark
                        children_of[id(parent)] = marks
                    key, is_map = _NO_KEY, child_is_map
                    continue
                elif kind is _MappingEnd or kind is _SequenceEnd:
                    value = parent
                    mark = own[id(value)] if track else None
                    parent, marks, key, is_map, start, anchor = stack.pop()
                    if anchor is not None:
                        self.anchors[anchor] = (value, nodes - start + 1)
                elif kind is _Alias:
                    value, size = self.alias(event)
                    nodes += size
                    if nodes > MAX_NODES:
                        raise self.too_many(event)
                    mark = event.start_mark
                elif kind is _DocumentStart:
                    documents += 1
                    if documents > 1:
                        raise self.fail("the file holds more than one YAML document (---); keep one", event.start_mark)
                    continue
                elif kind is _StreamEnd:
                    break
                else:
                    continue
                if parent is None:
                    root = value
                    self.marks.root = mark
                elif not is_map:
                    parent.append(value)
                    if track:
                        marks.append(mark)
                elif key is _NO_KEY:
                    if len(parent) >= MAX_KEYS:
                        raise self.fail(
                            f"a mapping with more than {MAX_KEYS} keys; no part of a map has more than "
                            f"{_MOST_FIELDS}: is this a map?",
                            event.start_mark,
                        )
                    if type(value) is str and value not in parent:
                        key = value
                    else:
                        key = value if self.is_new_key(value, parent, event) else _DUPLICATE
                else:
                    if key is not _DUPLICATE:
                        parent[key] = value
                        if track:
                            marks[key] = mark
                    key = _NO_KEY
        finally:
            loader.dispose()
        return root, self.marks

    def too_many(self, event: Any) -> MapError:
        aliased = " (an alias expands to all it names: this looks like an alias bomb)" if type(event) is _Alias else ""
        return self.fail(
            f"the data holds more than {MAX_NODES:,} values{aliased}; a map of 10,000 concepts holds about "
            "340,000: is this a map?",
            event.start_mark,
        )

    def scalar(self, event: Any) -> Any:
        """A scalar that may not be a plain string: resolve its tag and construct it."""
        value = event.value
        tag = event.tag
        if tag is None or tag == "!":
            tag = _resolve(yaml.ScalarNode, value, event.implicit) if event.implicit[0] else None
            if tag == _STANDARD_TAG + "merge":
                raise self.fail("merge keys (<<) are not supported; write the fields out", event.start_mark)
            if tag == _STANDARD_TAG + "value":
                raise self.fail(f'a bare {value} is not a YAML value; write it in quotes: "{value}"', event.start_mark)
            if tag is None or tag == _STANDARD_TAG + "str":
                return self.anchor(event, value)
        self.check_tag(event, None)
        constructor = _CONSTRUCTOR.yaml_constructors.get(tag)
        if constructor is None or tag.endswith((":merge", ":value", ":yaml")):
            raise self.fail(f"unsupported YAML value '{value}' (tag {tag})", event.start_mark)
        try:
            result = constructor(_CONSTRUCTOR, yaml.ScalarNode(tag, value, event.start_mark, event.end_mark))
        except Exception as error:  # PyYAML's converters raise KeyError, IndexError... on bad input
            raise self.fail(
                f"cannot read '{value}' as {tag.removeprefix(_STANDARD_TAG)}: {error}", event.start_mark
            ) from None
        return self.anchor(event, result)

    def anchor(self, event: Any, value: Any) -> Any:
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, 1)
        return value

    def alias(self, event: Any) -> tuple[Any, int]:
        if event.anchor not in self.anchors:
            raise self.fail(f"alias *{event.anchor} refers to no anchor defined before it", event.start_mark)
        return self.anchors[event.anchor]

    def check_tag(self, event: Any, expected: str | None) -> None:
        tag = event.tag
        if tag is None or tag == "!":
            return
        allowed = (expected,) if expected else _SCALAR_TAGS
        if not tag.startswith(_STANDARD_TAG) or tag.removeprefix(_STANDARD_TAG) not in allowed:
            shown = tag.replace(_STANDARD_TAG, "!!")
            raise self.fail(f"unsupported YAML tag '{shown}'; plain values, lists and mappings only", event.start_mark)

    def is_new_key(self, key: Any, mapping: dict[Any, Any], event: Any) -> bool:
        """Check a mapping key; a repeated key is recorded as a problem and its value dropped."""
        if type(key) is str and key not in mapping:
            return True
        if isinstance(key, dict | list):
            raise self.fail("a mapping key must be a plain value, not a list or mapping", event.start_mark)
        if key not in mapping:
            return True
        children = self.marks.children.get(id(mapping))
        first = children[key].line + 1 if children else "?"  # untracked reads are redone with marks
        mark = event.start_mark
        self.problems.append(
            Problem(
                f"duplicate key '{key}' (first at line {first}); keep one (YAML would silently keep only the last)",
                (),
                self.filename,
                mark.line + 1,
                mark.column + 1,
            )
        )
        return False


_SCALAR_TAGS = ("str", "int", "float", "bool", "null", "timestamp")
_MOST_FIELDS = max(len(kind.model_fields) for kind in (Meta, Concept, Relation, Reference, Tour, TourStep, View))
_resolve: Any = _CONSTRUCTOR.resolve  # PyYAML's stubs leave it untyped: (node type, value, implicit) -> tag

_NO_KEY = object()
_DUPLICATE = object()
_Scalar, _Alias, _StreamEnd, _DocumentStart = (
    yaml.ScalarEvent,
    yaml.AliasEvent,
    yaml.StreamEndEvent,
    yaml.DocumentStartEvent,
)
_MappingStart, _MappingEnd = yaml.MappingStartEvent, yaml.MappingEndEvent
_SequenceStart, _SequenceEnd = yaml.SequenceStartEvent, yaml.SequenceEndEvent
# A plain scalar can be other than a string only if it starts like a number (int, float, timestamp)
# or is one of YAML 1.1's words (bool, null, merge, value); anything else is a string.
_NUMBER_START = frozenset("-+.0123456789")
_WORDS = frozenset(
    "yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF ~ null Null NULL << =".split()
)
