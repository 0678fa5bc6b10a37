"""The map (or the part a view shows) in other tools' formats: a standalone HTML explorer, GraphML and
GEXF for Gephi and Cytoscape, the map itself as JSON, CSV tables, CmapTools' CXL, BibTeX and RIS of its
references, and PNG or SVG pictures of it as laid out.

Each format is one function from a map to files (name and bytes); `export` picks one. Nothing here
writes to disk: the command line writes what it returns with `files.write_atomic`, the page offers it
as a download.
"""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from components.exchange import standalone
from components.model.concepts import ConceptMap
from components.model.vocabulary import KINDS
from components.text import citations, spreadsheet, xml_text
from components.view import drawing


@dataclass(frozen=True)
class File:
    name: str
    data: bytes
    mime: str


@dataclass(frozen=True)
class Format:
    label: str  # what the page's button says
    extension: str
    mime: str
    description: str
    write: Callable[[ConceptMap, str], list[File]]


def export(concept_map: ConceptMap, format_name: str, stem: str = "map") -> list[File]:
    """The map in this format, as the files to write (most formats are one file; CSV is two)."""
    if format_name not in FORMATS:
        raise ValueError(f"unknown format {format_name!r}: choose one of {', '.join(FORMATS)}")
    return FORMATS[format_name].write(concept_map, stem)


# --- graphs for network tools --------------------------------------------------------------------------------


def multigraph(concept_map: ConceptMap) -> nx.MultiDiGraph[str]:
    """Concepts and relations with their words as attributes, positions and colours as Gephi reads them."""
    payload = drawing.laid_out(concept_map)
    places = {node["id"]: (node["x"], node["y"]) for node in payload["nodes"]}
    result: nx.MultiDiGraph[str] = nx.MultiDiGraph(name=concept_map.meta.title)
    for concept in concept_map.concepts:
        colour = drawing.STYLES[concept.kind].color.lstrip("#")
        x, y = places[concept.id]
        result.add_node(
            concept.id,
            label=concept.label,
            kind=str(concept.kind),
            kind_label=KINDS[concept.kind].label,
            abbrev=concept.abbrev or "",
            aliases="; ".join(concept.aliases),
            summary=concept.summary,
            refs="; ".join(concept.refs),
            viz={
                "position": {"x": x, "y": -y, "z": 0.0},
                "color": {"r": int(colour[0:2], 16), "g": int(colour[2:4], 16), "b": int(colour[4:6], 16), "a": 1.0},
            },
        )
    for relation in concept_map.relations:
        result.add_edge(
            relation.source,
            relation.target,
            key=relation.id,
            relation_id=relation.id,
            type=str(relation.type),
            label=relation.phrase,
            sign=str(relation.sign),
            note=relation.note,
            refs="; ".join(relation.refs),
        )
    return result


def _graphml(concept_map: ConceptMap, stem: str) -> list[File]:
    graph = _xml_safe(multigraph(concept_map))
    for _, attributes in graph.nodes(data=True):
        place = attributes.pop("viz")["position"]  # GraphML has no place for viz: x and y instead
        attributes.update(x=float(place["x"]), y=-float(place["y"]))
    out = io.BytesIO()
    nx.write_graphml(graph, out, encoding="utf-8")
    return [File(f"{stem}.graphml", xml_text.document(out.getvalue()), "application/graphml+xml")]


def _gexf(concept_map: ConceptMap, stem: str) -> list[File]:
    out = io.BytesIO()
    nx.write_gexf(_xml_safe(multigraph(concept_map)), out, encoding="utf-8", version="1.2draft")
    return [File(f"{stem}.gexf", xml_text.document(out.getvalue()), "application/gexf+xml")]


def _xml_safe(graph: nx.MultiDiGraph[str]) -> nx.MultiDiGraph[str]:
    """The graph with every text attribute as XML can carry it (ids are slugs already)."""
    for attributes in (graph.graph, *(a for _, a in graph.nodes(data=True)), *(a for *_, a in graph.edges(data=True))):
        for name, value in attributes.items():
            if isinstance(value, str):
                attributes[name] = xml_text.text(value)
    return graph


def _json(concept_map: ConceptMap, stem: str) -> list[File]:
    """The map itself, field for field: it loads back as the same map (JSON is YAML)."""
    data = concept_map.model_dump(mode="json", exclude_defaults=True)
    text = json.dumps(data, ensure_ascii=False, indent=1)
    # Only strings hold characters outside ASCII, so escaping them anywhere escapes them in strings.
    text = YAML_UNREADABLE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
    return [File(f"{stem}.json", text.encode("utf-8"), "application/json")]


# What JSON may hold raw but the loader (YAML) cannot read back as itself: characters YAML forbids in a
# file (C1 controls, DEL, U+FFFE, U+FFFF), the byte order mark, and the characters YAML reads as line
# breaks and folds (NEL, U+2028, U+2029). JSON writes the other controls escaped already.
YAML_UNREADABLE = re.compile(r"[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _csv(concept_map: ConceptMap, stem: str) -> list[File]:
    labels = {concept.id: concept.label for concept in concept_map.concepts}
    concepts = [
        {"id": c.id, "label": c.label, "kind": str(c.kind), "abbrev": c.abbrev or "", "aliases": "; ".join(c.aliases),
         "summary": c.summary, "refs": "; ".join(c.refs)}
        for c in concept_map.concepts
    ]  # fmt: skip
    relations = [
        {"source": r.source, "source_label": labels[r.source], "type": str(r.type),
         "wording": r.phrase, "target": r.target, "target_label": labels[r.target], "note": r.note,
         "refs": "; ".join(r.refs)}
        for r in concept_map.relations
    ]  # fmt: skip
    return [
        File(f"{stem}-concepts.csv", spreadsheet.to_csv(concepts, list(concepts[0]) if concepts else []).encode(),
             "text/csv"),
        File(f"{stem}-relations.csv", spreadsheet.to_csv(relations, list(relations[0]) if relations else []).encode(),
             "text/csv"),
    ]  # fmt: skip


# --- CmapTools -----------------------------------------------------------------------------------------------

CXL = "http://cmap.ihmc.us/xml/cmap/"
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"


def _cxl(concept_map: ConceptMap, stem: str) -> list[File]:
    """CmapTools' own format: concepts, one linking phrase per relation (its wording), and the two
    connections that join each phrase to its ends; places as laid out."""
    ElementTree.register_namespace("", CXL)
    ElementTree.register_namespace("dc", DUBLIN_CORE)
    root = ElementTree.Element(f"{{{CXL}}}cmap")
    meta = ElementTree.SubElement(root, f"{{{CXL}}}res-meta")
    ElementTree.SubElement(meta, f"{{{DUBLIN_CORE}}}title").text = xml_text.text(concept_map.meta.title)
    ElementTree.SubElement(meta, f"{{{DUBLIN_CORE}}}description").text = xml_text.text(concept_map.meta.description)
    body = ElementTree.SubElement(root, f"{{{CXL}}}map")
    concept_list = ElementTree.SubElement(body, f"{{{CXL}}}concept-list")
    phrase_list = ElementTree.SubElement(body, f"{{{CXL}}}linking-phrase-list")
    connection_list = ElementTree.SubElement(body, f"{{{CXL}}}connection-list")
    concept_places = ElementTree.SubElement(body, f"{{{CXL}}}concept-appearance-list")
    phrase_places = ElementTree.SubElement(body, f"{{{CXL}}}linking-phrase-appearance-list")
    places = _places(concept_map)
    for concept in concept_map.concepts:
        x, y = places[concept.id]
        ElementTree.SubElement(concept_list, tag("concept"), {"id": concept.id, "label": xml_text.text(concept.label)})
        ElementTree.SubElement(concept_places, tag("concept-appearance"), {"id": concept.id, "x": str(x), "y": str(y)})
    for number, relation in enumerate(concept_map.relations, 1):
        phrase = f"phrase-{number}"
        wording = {"id": phrase, "label": relation.phrase, "short-comment": xml_text.text(relation.note)}
        ElementTree.SubElement(phrase_list, tag("linking-phrase"), wording)
        (x1, y1), (x2, y2) = places[relation.source], places[relation.target]
        middle = {"id": phrase, "x": str((x1 + x2) // 2), "y": str((y1 + y2) // 2)}
        ElementTree.SubElement(phrase_places, tag("linking-phrase-appearance"), middle)
        for end, (start, finish) in (("from", (relation.source, phrase)), ("to", (phrase, relation.target))):
            joined = {"id": f"{phrase}-{end}", "from-id": start, "to-id": finish}
            ElementTree.SubElement(connection_list, tag("connection"), joined)
    data = ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
    return [File(f"{stem}.cxl", xml_text.document(data), "application/xml")]


def tag(name: str) -> str:
    """A CXL element's qualified name."""
    return f"{{{CXL}}}{name}"


def _places(concept_map: ConceptMap) -> dict[str, tuple[int, int]]:
    """Positions in CmapTools' pixels: the layout scaled to about 1,600 px wide, from the top left."""
    nodes = drawing.laid_out(concept_map)["nodes"]
    if not nodes:
        return {}
    xs, ys = [node["x"] for node in nodes], [node["y"] for node in nodes]
    scale = 1600 / max(max(xs) - min(xs), 1)
    left, top = min(xs), min(ys)
    return {node["id"]: (int((node["x"] - left) * scale) + 80, int((node["y"] - top) * scale) + 40) for node in nodes}


# --- bibliographies ------------------------------------------------------------------------------------------


def _bibtex(concept_map: ConceptMap, stem: str) -> list[File]:
    from bibtexparser.entrypoint import write_string
    from bibtexparser.library import Library
    from bibtexparser.model import Entry, Field

    library = Library()
    for reference in concept_map.references:
        fields = {
            "author": " and ".join(reference.authors),
            "year": str(reference.year),
            "title": reference.title,
            "journal" if reference.type == "article" else "publisher": reference.journal or reference.publisher,
            "address": reference.city if reference.type == "book" else None,
            "volume": reference.volume,
            "pages": reference.pages.replace("-", "--") if reference.pages else None,
            "doi": reference.doi,
            "url": citations.link(reference),
        }
        entry_fields = [Field(name, bibtex_text(value)) for name, value in fields.items() if value]
        library.add(Entry(reference.type, reference.key, entry_fields))
    text = write_string(library)
    return [File(f"{stem}.bib", text.encode("utf-8"), "application/x-bibtex")]


# Every way of starting a new line, for the readers of line-based formats (Python's str.splitlines).
LINE_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_BACKSLASH_BEFORE_BRACE = re.compile(r"\\+(?=[{}]|$)")


def bibtex_text(value: str) -> str:
    """A BibTeX value (bibtexparser's writer encloses it in braces) that reads back as one value of its own
    entry: on one line (an `@` that starts a line starts an entry), braces balanced (a `}` too many would
    end the value), no backslash before a brace or the closing one (a reader takes `\\}` for a brace it
    need not count), a leading `@` in braces."""
    folded = LINE_BREAKS.sub(" ", value)
    unescaped = _BACKSLASH_BEFORE_BRACE.sub(lambda run: r"\textbackslash{}" * len(run.group()), folded)
    balanced = _balanced(unescaped)
    return "{@}" + balanced[1:] if balanced.startswith("@") else balanced


def _balanced(value: str) -> str:
    """`value` with its braces balanced: any that would not are dropped, so no text can end the value early."""
    depth, kept = 0, []
    for char in value:
        if char == "{":
            depth += 1
        elif char == "}":
            if depth == 0:
                continue
            depth -= 1
        kept.append(char)
    return "".join(kept) + "}" * depth


def _ris(concept_map: ConceptMap, stem: str) -> list[File]:
    import rispy

    entries = []
    for reference in concept_map.references:
        first, _, last = (reference.pages or "").replace("–", "-").partition("-")
        url = citations.link(reference)
        entry = {
            "type_of_reference": "JOUR" if reference.type == "article" else "BOOK",
            "id": reference.key,
            "authors": [ris_text(author) for author in reference.authors],
            "year": str(reference.year),
            "title": ris_text(reference.title),
            "secondary_title": ris_text(reference.journal),
            "publisher": ris_text(reference.publisher),
            "place_published": ris_text(reference.city),
            "volume": reference.volume,
            "start_page": first or None,
            "end_page": last or None,
            "doi": reference.doi,
            "urls": [url.replace(";", "%3B")] if url else None,  # rispy reads a ';' in UR as two addresses
        }
        entries.append({key: value for key, value in entry.items() if value})
    return [File(f"{stem}.ris", rispy.dumps(entries).encode("utf-8"), "application/x-research-info-systems")]


def ris_text(value: str | None) -> str | None:
    """A RIS value on its tag's line: a line break would start a tag of its own (`ER  - `, `TY  - `); readers
    strip the ends."""
    return LINE_BREAKS.sub(" ", value).strip() if value else value


# --- pictures ------------------------------------------------------------------------------------------------

LABEL_BOX = {"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7}
SLIDE = (16, 9)  # inches at 120 dpi: 1920 x 1080 pixels
DPI = 120


def _picture(concept_map: ConceptMap, stem: str, kind: str) -> list[File]:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    with matplotlib.rc_context({"svg.fonttype": "none"}):  # names stay text in the SVG: editable on a slide
        return _draw(concept_map, stem, kind, pyplot)


def _draw(concept_map: ConceptMap, stem: str, kind: str, pyplot: Any) -> list[File]:
    payload = drawing.laid_out(concept_map)
    places = {node["id"]: (node["x"], -node["y"]) for node in payload["nodes"]}
    figure, axes = pyplot.subplots(figsize=SLIDE, dpi=DPI)
    try:
        axes.set_axis_off()
        axes.set_title(_plain(concept_map.meta.title), fontsize=20, loc="left")
        for edge in payload["edges"]:
            (x1, y1), (x2, y2) = places[edge["from"]], places[edge["to"]]
            axes.plot([x1, x2], [y1, y2], color="#b9b9b9", linewidth=0.7, zorder=1)
        named = {node["id"] for node in sorted(payload["nodes"], key=lambda node: node["rank"])[: drawing.TOP_RANKED]}
        for node in payload["nodes"]:
            style = drawing.STYLES[KINDS_BY_NAME[node["kind"]]]
            x, y = places[node["id"]]
            axes.scatter([x], [y], s=(style.size * 2.2) ** 2 / 4, color=style.color, edgecolors=drawing.BORDER,
                         linewidths=0.6, zorder=2)  # fmt: skip
            if node["id"] in named or style.landmark or len(payload["nodes"]) <= 60:
                axes.annotate(_plain(node["label"]), (x, y), xytext=(0, -(style.size + 9)), textcoords="offset points",
                              ha="center", va="top", fontsize=max(8, style.font - 3), zorder=3,
                              bbox=LABEL_BOX)  # fmt: skip
        handles = [
            axes.scatter([], [], s=60, color=entry["color"], edgecolors=drawing.BORDER, linewidths=0.6,
                         label=_plain(entry["label"]))
            for entry in payload["legend"]
        ]  # fmt: skip
        axes.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=min(7, len(handles) or 1),
                    frameon=False, fontsize=11)  # fmt: skip
        axes.margins(0.05, 0.07)
        figure.tight_layout()
        out = io.BytesIO()
        figure.savefig(out, format=kind, dpi=DPI, metadata={"Date": None} if kind == "svg" else None)
    finally:
        pyplot.close(figure)
    mime = "image/svg+xml" if kind == "svg" else "image/png"
    return [File(f"{stem}.{kind}", out.getvalue(), mime)]


def _plain(text: str) -> str:
    """Text as matplotlib draws it literally (`$` would start mathematics) and SVG carries it (no control
    character: XML forbids most, and a picture has no glyph for any)."""
    return xml_text.drawn(text).replace("$", r"\$")


KINDS_BY_NAME = {str(kind): kind for kind in KINDS}


def _standalone(concept_map: ConceptMap, stem: str) -> list[File]:
    return [File(f"{stem}.html", standalone.page(concept_map).encode("utf-8"), "text/html")]


FORMATS: dict[str, Format] = {
    "html": Format("Explorer (HTML)", "html", "text/html",
                   "one offline file with the map, search, details and citations: email it, put it on a course site",
                   _standalone),
    "graphml": Format("GraphML", "graphml", "application/graphml+xml", "for Gephi, Cytoscape, yEd", _graphml),
    "gexf": Format("GEXF", "gexf", "application/gexf+xml", "for Gephi, with positions and colours", _gexf),
    "json": Format("JSON", "json", "application/json", "the map itself; loads back as the same map", _json),
    "csv": Format("CSV", "csv", "text/csv", "two tables: concepts and relations", _csv),
    "cxl": Format("CmapTools (CXL)", "cxl", "application/xml", "to continue in CmapTools", _cxl),
    "bibtex": Format("BibTeX", "bib", "application/x-bibtex", "the references", _bibtex),
    "ris": Format("RIS", "ris", "application/x-research-info-systems", "the references, for Zotero, EndNote",
                  _ris),
    "png": Format("PNG", "png", "image/png", "a picture for slides, 1920 x 1080",
                  lambda m, stem: _picture(m, stem, "png")),
    "svg": Format("SVG", "svg", "image/svg+xml", "a picture for slides, scalable",
                  lambda m, stem: _picture(m, stem, "svg")),
}  # fmt: skip
