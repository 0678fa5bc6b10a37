"""How to use the map, in words: the one text behind the app's help and the README's "Using the map"
(a test keeps the two the same), with examples taken from the map itself."""

from __future__ import annotations

from components.model.concepts import ConceptMap
from components.text.markdown import text


def how_to(concept_map: ConceptMap) -> str:
    """The help as Markdown bullets; map text in it is escaped."""
    examples = " or ".join(f"*{text(example)}*" for example in concept_map.search_examples)
    for_example = f", e.g. {examples}" if examples else ""
    return "\n".join(
        [
            "- **Explore**: drag to pan, scroll to zoom, drag a concept to move it. *Fit* shows all that is "
            "shown, *Re-layout* arranges it again. The names of facets, systems, pitfalls and trends and of the "
            "most connected concepts stay readable at any zoom; the others appear as you zoom in.",
            "- **Select**: click a concept or a relation (or its line: a near miss counts). The map frames it "
            "with its neighbours, the rest fades, and *Details* beside the map says what it is, its relations "
            "in words, what each cited work showed and the citations with their links. Click a concept in the "
            "panel to move there; click the map's background to clear.",
            f"- **Search** above the map by name, abbreviation or older term{for_example}: words in any order, "
            "plurals and a small typo forgiven, the name you meant first.",
            "- **Filters** keep some kinds, a facet and what lies within *k* steps of it, some relation "
            "types, or relations that stand as firmly as you ask; *Focus* keeps only what lies within *k* steps "
            "of the selection; the map refits to what stays. Beside the menu, how many filters are on (click "
            "to clear them); *Reset view* undoes it all.",
            "- **Path**: choose two concepts (or select one and shift-click another) to see the shortest routes "
            "between them, told step by step with their references; one route is lit at a time (choose it "
            "beside the map), the others faint, and a route that only passes through a hub or a shared method "
            "is flagged as loose.",
            "- **Compare** sets the facets side by side: which regions, methods, paradigms or populations each "
            "reaches, and through how many works; the paper's own figures are named views, one click each.",
            "- **Brain** places the map's regions on a glass brain (side, front and top) and, on request, in 3D, "
            "coloured by the facet each serves: what you select or light on the map is lit there, and a region "
            "chosen from its list is selected on the map. *On the stage* puts it in the map's place, large, "
            "for a room. Coordinates are approximate centres, each with its source.",
            "- **Evidence**: a line's style says how firmly the relation stands (solid: established by several "
            "studies, a meta-analysis or a review; dashed: one study; dotted: the map's reading). The Evidence "
            "view lists what rests on one work, the most cited works and the most connected concepts.",
            "- **References**: choose one in the table to light up, and list, every concept and relation it "
            "supports. **Outline** gives the whole map as text, facet by facet.",
            "- **Keyboard**: on the map, the arrow keys move between related concepts, Enter opens one, Esc "
            "clears, F fits, + and − zoom.",
            "- **Teach**: *Tour* walks a class through the map a step at a time (← and → turn the pages, the "
            "last step ends it); *Quiz* draws questions from the map, each answer checked against it and its "
            "works; *Score a map* judges a student's map of the same paper link by link against this one and "
            "names each misconception (a link drawn the wrong way round, or to the wrong system).",
            "- **Present** shows the map and the details alone in large type for a projector, with *High "
            "contrast* under Filters. The address bar keeps the selection, filters, panel and mode: copy it "
            "to share, or bookmark a prepared view; the browser's Back and Forward walk through the views.",
            "- **Export** the view or the whole map: an explorer in one offline HTML file to email to a class or "
            "put on a course site, PNG or SVG for slides, GraphML, GEXF, CmapTools, CSV or JSON for other tools, "
            "BibTeX or RIS of the references. **Open** another map (a file, or an example) for this session, or "
            "start one from a bibliography.",
        ]
    )
