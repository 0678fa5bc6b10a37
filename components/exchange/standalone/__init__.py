"""A standalone explorer: the map in one HTML file that works offline, with no server.

vis-network, the map view's own modules and style (the app's, inlined as one script by `modules`), the
explorer's details panel, and the map's data are all inlined; a Content Security Policy forbids the page
any request (scripts run only from the page itself; no image, font or fetch from
anywhere). The data travels as JSON in a script element the browser does not run, with `<`, `>` and `&`
escaped so no text can close it; the script puts every string into the page as text, never as markup,
and makes a link only of an https address.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from components.analysis import evidence
from components.exchange.standalone import modules
from components.model.concepts import ConceptMap
from components.model.mni import points
from components.model.vocabulary import KINDS
from components.text.citations import cite, cite_source, source_link
from components.view import drawing

HERE = Path(__file__).resolve().parent
# The map view as the app serves it (read as files: importing components.ui.map_view would start Streamlit)
FRONTEND = HERE.parents[1] / "ui" / "map_view" / "frontend"
VIS_NETWORK = FRONTEND / "vis-network.min.js"
EXPLORER = HERE / "explorer.js"  # an ES module that imports the map view's modules: they are inlined with it
STYLES = (FRONTEND / "network.css", HERE / "explorer.css")
GRAPH = ("nodes", "edges", "styles", "legend", "lines", "names", "options", "version")  # what the map view reads
POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)


def data(concept_map: ConceptMap) -> dict[str, Any]:
    """What the explorer needs: the drawing, and the words and citations for its details panel."""
    graph = drawing.laid_out(concept_map)
    standings = evidence.standings(concept_map)
    source = concept_map.meta.source
    cited: dict[str, dict[str, Any]] = {}
    for reference in concept_map.references:
        citation = cite(reference)
        cited[reference.key] = {"text": citation.text, "short": citation.short, "url": citation.url}
    if source.key:
        itself = cite_source(source)
        cited[source.key] = {"text": itself.text, "short": itself.short, "url": itself.url}
    return {
        "meta": {
            "title": concept_map.meta.title,
            "description": concept_map.meta.description,
            "source": source.citation,
            "sourceUrl": source_link(source),
        },
        "graph": {key: graph[key] for key in GRAPH},
        "concepts": {
            concept.id: {
                "name": concept.name,
                "kind": KINDS[concept.kind].label,
                "summary": concept.summary,
                "mni": [list(point) for point in points(concept.mni)] or None,
                "refs": [key for key in concept.refs if key in cited],
            }
            for concept in concept_map.concepts
        },
        "relations": {
            relation.id: {
                "source": relation.source,
                "target": relation.target,
                "label": relation.phrase,
                "inverse": relation.inverse_phrase,
                "note": relation.note,
                "standing": str(standings[relation.id]),
                "refs": [key for key in relation.refs if key in cited],
            }
            for relation in concept_map.relations
        },
        "citations": cited,
    }


def page(concept_map: ConceptMap) -> str:
    """The whole explorer as one HTML document."""
    style = "\n".join(path.read_text(encoding="utf-8") for path in STYLES)
    library = VIS_NETWORK.read_text(encoding="utf-8")
    return TEMPLATE.format(
        title=html.escape(concept_map.meta.title),
        policy=POLICY,  # a constant, with no quotes of the attribute's kind
        style=style,
        data=_script_json(data(concept_map)),
        library=_script_text(library),
        script=_script_text(modules.script(EXPLORER)),
    )


def _script_text(script: str) -> str:
    """A script as the text of a <script> element, which ends at the first `</script`."""
    return script.replace("</script", "<\\/script")


def _script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element: nothing in it can end the element or open a comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):  # fmt: skip
        text = text.replace(char, escape)
    return text


TEMPLATE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<header class="bar">
  <h1 id="title"></h1>
  <div class="search" id="search" role="search"></div>
</header>
<main>
  <div id="map"></div>
  <aside id="details" aria-live="polite"></aside>
</main>
<script type="application/json" id="atlas-data">{data}</script>
<script>{library}</script>
<script>{script}</script>
</body>
</html>
"""
