"""A map from another tool read as a student's map: CmapTools' CXL, GraphML (yEd, Gephi, networkx, the
app's own export) or YAML, to the lenient student map that `score.score` judges.

    read(content, filename) -> ConceptMap      the format told by the name, else by the content

A link's words pick its relation type as a drawn link's do (teaching/student_maps.py `wording`); the
app's own GraphML says its types outright. XML is read with expat and nothing else: a DOCTYPE (and so any
entity, internal or external) is refused before it is read, within MAX_BYTES, MAX_ELEMENTS and
MAX_DEPTH. Every problem is a MapError as `file:line:col: what to fix`, never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any
from xml.parsers import expat

from components.model import load
from components.model.concepts import ConceptMap
from components.model.errors import MapError, Problem
from components.model.vocabulary import RELATIONS, RelationType, Sign
from components.teaching import student_maps

MAX_BYTES = 4 * 1024 * 1024  # CmapTools writes every concept's appearance and style: XML is wordy
MAX_ELEMENTS = 200_000
MAX_DEPTH = 64
XML_NAMES = (".cxl", ".graphml", ".xml")
FORMATS = "a student's map in YAML, a CmapTools .cxl file or a GraphML file"


def read(content: str | bytes, filename: str) -> ConceptMap:
    """A student's map from a YAML, CXL or GraphML file's content; MapError with file:line:col problems."""
    raw = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    suffix = PurePath(filename).suffix.lower()
    if suffix not in XML_NAMES and not raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return load.parse(content, filename, student=True)
    if len(raw) > MAX_BYTES:
        raise MapError([Problem(f"the file is over {MAX_BYTES // 2**20} MiB, the most a map may be", file=filename)])
    root = _parse_xml(raw, filename)
    kind = _local(root.tag)
    if kind == "cmap":
        return _from_cxl(root, filename)
    if kind == "graphml":
        return _from_graphml(root, filename)
    raise MapError([Problem(
        f"this XML's root is <{kind}>: neither CmapTools' CXL (<cmap>) nor GraphML (<graphml>); give {FORMATS}",
        (), filename, root.line, root.col,
    )])  # fmt: skip


# --- XML, safely -------------------------------------------------------------------------------------------


@dataclass
class Element:
    tag: str  # "{namespace}name", as ElementTree writes it
    attrib: dict[str, str]
    line: int
    col: int
    children: list[Element] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)  # its own character data

    @property
    def text(self) -> str:
        """All the text inside it, its children's too."""
        return "".join(self.parts) + "".join(child.text for child in self.children)

    def iter(self, name: str) -> Iterator[Element]:
        """Every element below (and including) this one with this local name."""
        if _local(self.tag) == name:
            yield self
        for child in self.children:
            yield from child.iter(name)


class _Refused(Exception):
    def __init__(self, message: str):
        self.message = message


def _parse_xml(raw: bytes, filename: str) -> Element:
    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[Element] = []
    found: list[Element] = []
    count = 0

    def refuse_doctype(*_: Any) -> None:
        raise _Refused(
            "the file declares a DOCTYPE, which a map file does not need (its entities are not read); remove it"
        )

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal count
        count += 1
        if count > MAX_ELEMENTS:
            raise _Refused(f"the file holds more than {MAX_ELEMENTS:,} XML elements: is it a map?")
        if len(stack) >= MAX_DEPTH:
            raise _Refused(f"the XML is nested more than {MAX_DEPTH} levels deep: is it a map?")
        element = Element(_qualified(name), {_qualified(k): v for k, v in attributes.items()},
                          parser.CurrentLineNumber, parser.CurrentColumnNumber + 1)  # fmt: skip
        (stack[-1].children if stack else found).append(element)
        stack.append(element)

    def end(_: str) -> None:
        stack.pop()

    def text(data: str) -> None:
        if stack:
            stack[-1].parts.append(data)

    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_doctype
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        parser.Parse(raw, True)
    except _Refused as refused:
        line, col = parser.CurrentLineNumber, parser.CurrentColumnNumber + 1
        raise MapError([Problem(refused.message, (), filename, line, col)]) from None
    except expat.ExpatError as error:
        what = expat.ErrorString(error.code) if error.code is not None else str(error)
        message = f"this is not well-formed XML ({what}); {FORMATS} is expected"
        raise MapError([Problem(message, (), filename, error.lineno, error.offset + 1)]) from None
    return found[0]


def _qualified(name: str) -> str:
    return "{" + name if "}" in name else name


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _one_line(text: str) -> str:
    return " ".join(text.split())


@dataclass
class _Drawing:
    """Concepts and links as read, with where each is in the file (for its problems)."""

    concepts: list[dict[str, str]] = field(default_factory=list)
    links: list[dict[str, str]] = field(default_factory=list)
    concept_at: list[tuple[int, int]] = field(default_factory=list)
    link_at: list[tuple[int, int]] = field(default_factory=list)

    def map(self, filename: str, title: str) -> ConceptMap:
        if not self.concepts:
            raise MapError([Problem(f"the file has no concepts; {FORMATS} is expected", file=filename)])
        try:
            return student_maps.student_map(self.concepts, self.links, title)
        except MapError as error:
            raise MapError([self.located(problem, filename) for problem in error.problems]) from None

    def located(self, problem: Problem, filename: str) -> Problem:
        places = {"concepts": self.concept_at, "links": self.link_at}
        path = problem.path
        section = places.get(str(path[0])) if path else None
        if section is not None and len(path) > 1 and isinstance(path[1], int) and path[1] < len(section):
            line, col = section[path[1]]
            return Problem(problem.message, (), filename, line, col)
        return problem.located(filename, None, None)


# --- CmapTools ---------------------------------------------------------------------------------------------


def _from_cxl(root: Element, filename: str) -> ConceptMap:
    """CmapTools' format: concepts, linking phrases, and connections from a concept to a phrase and from
    the phrase to a concept (a phrase may join several of each: every pair is a link)."""
    drawing = _Drawing()
    concepts: dict[str, int] = {}
    for element in root.iter("concept"):
        name = element.attrib.get("id", "")
        if name in concepts:
            raise MapError([Problem(f"a second concept with the id '{name}'; give each its own",
                                    (), filename, element.line, element.col)])  # fmt: skip
        concepts[name] = len(drawing.concepts)
        drawing.concepts.append({"id": name, "label": _one_line(element.attrib.get("label", ""))})
        drawing.concept_at.append((element.line, element.col))
    phrases = {e.attrib.get("id", ""): e for e in root.iter("linking-phrase")}
    into: dict[str, list[tuple[str, Element]]] = {}  # phrase id -> (concept it comes from, connection)
    out_of: dict[str, list[tuple[str, Element]]] = {}
    for connection in root.iter("connection"):
        start, end = connection.attrib.get("from-id", ""), connection.attrib.get("to-id", "")
        for end_id in (start, end):
            if end_id not in concepts and end_id not in phrases:
                raise MapError([Problem(
                    f"this connection joins '{end_id}', which is neither a concept nor a linking phrase of the "
                    "file; fix its from-id and to-id", (), filename, connection.line, connection.col,
                )])  # fmt: skip
        if start in concepts and end in phrases:
            into.setdefault(end, []).append((start, connection))
        elif start in phrases and end in concepts:
            out_of.setdefault(start, []).append((end, connection))
        elif start in concepts and end in concepts:
            _add_link(drawing, start, end, "", "", connection)
    for name, phrase in phrases.items():
        words = _one_line(phrase.attrib.get("label", ""))
        note = phrase.attrib.get("short-comment", "").strip()
        for source, _ in into.get(name, []):
            for target, _ in out_of.get(name, []):
                _add_link(drawing, source, target, words, note, phrase)
    titles = [_one_line(e.text) for e in root.iter("title")]
    return drawing.map(filename, next((t for t in titles if t), ""))


def _add_link(drawing: _Drawing, source: str, target: str, words: str, note: str, where: Element) -> None:
    drawing.links.append({"from": source, "to": target, "words": words, "note": note})
    drawing.link_at.append((where.line, where.col))


# --- GraphML -----------------------------------------------------------------------------------------------

LABEL_NAMES = ("label", "name", "title")  # a node's name, by its key's attr.name (any case)
WORD_NAMES = ("label", "words", "relation", "name", "edge label")  # an edge's words
TYPES = frozenset(str(kind) for kind in RelationType)


def _from_graphml(root: Element, filename: str) -> ConceptMap:
    """GraphML as networkx, Gephi, yEd (labels in y:NodeLabel and y:EdgeLabel) and this app write it."""
    keys = {key.attrib.get("id", ""): key.attrib.get("attr.name", "").casefold() for key in root.iter("key")}
    drawing = _Drawing()
    known: set[str] = set()
    for node in root.iter("node"):
        name = node.attrib.get("id", "")
        if name in known:
            raise MapError([Problem(f"a second node with the id '{name}'; give each its own",
                                    (), filename, node.line, node.col)])  # fmt: skip
        known.add(name)
        data = _data(node, keys)
        label = _first(data, LABEL_NAMES) or _yed_label(node, "NodeLabel") or _undeclared(node, keys) or name
        drawing.concepts.append({"id": name, "label": _one_line(label)})
        drawing.concept_at.append((node.line, node.col))
    for edge in root.iter("edge"):
        source, target = edge.attrib.get("source", ""), edge.attrib.get("target", "")
        for end in (source, target):
            if end not in known:
                raise MapError([Problem(f"this edge joins '{end}', which is not a node of the file; fix its "
                                        "source and target", (), filename, edge.line, edge.col)])  # fmt: skip
        data = _data(edge, keys)
        words = _first(data, WORD_NAMES) or _yed_label(edge, "EdgeLabel") or _undeclared(edge, keys)
        typed = data.get("type", "")
        if typed in TYPES:  # the app's own export says the type itself
            sign = Sign.NEGATIVE if data.get("sign") == Sign.NEGATIVE else Sign.POSITIVE
            words = RELATIONS[RelationType(typed)].words(sign)[0]
        _add_link(drawing, source, target, _one_line(words), data.get("note", "").strip(), edge)
    graph = next(root.iter("graph"), None)
    return drawing.map(filename, _one_line(_first(_data(graph, keys), ("name", "title"))) if graph else "")


def _data(element: Element, keys: dict[str, str]) -> dict[str, str]:
    """An element's own <data> values by their key's attr.name (or the key's id, if it declares none)."""
    values: dict[str, str] = {}
    for child in element.children:
        if _local(child.tag) == "data":
            key = child.attrib.get("key", "")
            values.setdefault(keys.get(key) or key.casefold(), child.text)
    return values


def _first(data: dict[str, str], names: tuple[str, ...]) -> str:
    return next((data[name] for name in names if data.get(name, "").strip()), "")


def _yed_label(element: Element, name: str) -> str:
    return next((text for label in element.iter(name) if (text := label.text).strip()), "")


def _undeclared(element: Element, keys: dict[str, str]) -> str:
    """The first text in a <data> whose key the file does not declare (a label written as key="d0")."""
    return next((child.text for child in element.children if _local(child.tag) == "data"
                 and child.attrib.get("key", "") not in keys and child.text.strip()), "")  # fmt: skip
