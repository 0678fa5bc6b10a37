"""A standalone explorer: the map in one HTML file that works offline, with no server.

vis-network, the explorer's script and style, and the map's data are all inlined; a Content Security
Policy forbids the page any request (scripts run only from the page itself; no image, font or fetch from
anywhere). The data travels as JSON in a script element the browser does not run, with `<`, `>` and `&`
escaped so no text can close it; the script puts every string into the page as text, never as markup,
and makes a link only of an https address.
"""

from __future__ import annotations

import html
import json
import re
from importlib.resources import files
from pathlib import Path
from typing import Any

from components import evidence, export
from components.citations import cite, cite_source, source_link
from components.mni import points
from components.model import ConceptMap
from components.vocabulary import KINDS

ASSETS = files(__package__)
# vis-network as the app serves it (read as a file: importing components.ui.network would start Streamlit)
FRONTEND = Path(__file__).resolve().parents[1] / "ui" / "network" / "frontend"
VIS_NETWORK = FRONTEND / "vis-network.min.js"
# How the page names concepts on its canvas (an ES module there), inlined here as a plain script.
NAMES = FRONTEND / "names.js"
POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)


def data(concept_map: ConceptMap) -> dict[str, Any]:
    """What the explorer needs: the drawing, and the words and citations for its details panel."""
    graph = export.drawn(concept_map)
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
        "graph": {key: graph[key] for key in ("nodes", "edges", "styles", "legend", "lines", "names")},
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
    script = (ASSETS / "explorer.js").read_text(encoding="utf-8")
    style = (ASSETS / "explorer.css").read_text(encoding="utf-8")
    library = VIS_NETWORK.read_text(encoding="utf-8")
    names = module_as_script(NAMES.read_text(encoding="utf-8"), "atlasNames")
    return TEMPLATE.format(
        title=html.escape(concept_map.meta.title),
        policy=POLICY,  # a constant, with no quotes of the attribute's kind
        style=style,
        data=_script_json(data(concept_map)),
        library=library.replace("</script", "<\\/script"),
        script=names + "\n" + script,
    )


def module_as_script(module: str, name: str) -> str:
    """An ES module of the page's (no imports) as a plain script: what it exports becomes `name`'s fields,
    so the standalone page draws with the page's own code rather than a copy of it."""
    exported = re.findall(r"^export (?:class|function) (\w+)", module, flags=re.MULTILINE)
    body = re.sub(r"^export ", "", module, flags=re.MULTILINE)
    return f"const {name} = (() => {{\n{body}\nreturn {{ {', '.join(exported)} }};\n}})();"


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
  <div class="search" role="search">
    <label for="search" class="hidden">Search the map</label>
    <input id="search" type="search" placeholder="Search concepts and relations" autocomplete="off"
      role="combobox" aria-expanded="false" aria-controls="matches" aria-autocomplete="list">
    <ul id="matches" role="listbox" hidden></ul>
  </div>
</header>
<main>
  <div id="map" aria-label="The concept map" role="img"></div>
  <aside id="details" aria-live="polite"></aside>
  <div id="legend" aria-label="Legend"></div>
</main>
<script type="application/json" id="atlas-data">{data}</script>
<script>{library}</script>
<script>{script}</script>
</body>
</html>
"""
