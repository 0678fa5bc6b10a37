"""How to use the map, in words: the one text behind the app's help and the README's "Using the map"
(a test keeps the two the same), with examples taken from the map itself."""

from __future__ import annotations

from .markdown import text
from .model import ConceptMap


def how_to(concept_map: ConceptMap) -> str:
    """The help as Markdown bullets; map text in it is escaped."""
    examples = " or ".join(f"*{text(example)}*" for example in concept_map.search_examples)
    for_example = f", e.g. {examples}" if examples else ""
    return "\n".join(
        [
            "- **Explore**: drag to pan, scroll to zoom, drag a concept to move it. *Fit* shows the whole map, "
            "*Re-layout* arranges it again. The names of facets, systems, pitfalls and trends stay readable at "
            "any zoom; the others appear as you zoom in.",
            "- **Select**: click a concept or a relation. Its neighbours stay lit, the rest fades, and the details "
            "panel says what it is, its relations in words, what each cited work showed and the citations with "
            "their links. Click a concept in the panel to move there; click the map's background to clear.",
            f"- **Search** (sidebar) by name, abbreviation or older term{for_example}.",
            "- **Filter** by kind, by facet (the facet and what lies within *k* steps of it) and by relation type; "
            "**Focus** keeps only what lies within *k* steps of the selection. *Reset view* undoes it all.",
            "- **References**: choose one in the table to light up, and list, every concept and relation it supports.",
            "- The address bar keeps the selection and filters: copy it to share exactly what you see.",
        ]
    )
