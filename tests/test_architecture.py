"""The architecture as the folder tree shows it: each folder of components/ imports only the folders below it
(components/__init__.py lists them in order), and no module imports itself back through others."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).parents[1]
PACKAGE = ROOT / "components"
LAYERS = ["model", "text", "analysis", "teaching", "view", "exchange", "cli|ui"]


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(dotted: str) -> bool:
    path = ROOT.joinpath(*dotted.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def imports() -> nx.DiGraph:
    """Module -> the components modules it imports."""
    graph = nx.DiGraph()
    for path in PACKAGE.rglob("*.py"):
        importer = _module(path)
        graph.add_node(importer)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("components"):
                for alias in node.names:
                    named = f"{node.module}.{alias.name}"
                    graph.add_edge(importer, named if _is_module(named) else node.module)
    return graph


def _layer(module: str) -> int | None:
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else None
    return next((index for index, names in enumerate(LAYERS) if top in names.split("|")), None)


def test_every_folder_imports_only_the_folders_below_it():
    upward = [
        (importer, imported)
        for importer, imported in imports().edges
        if (low := _layer(importer)) is not None
        and (high := _layer(imported)) is not None
        and (high > low or (high == low and importer.split(".")[1] != imported.split(".")[1]))
    ]
    assert upward == []


def test_no_module_imports_itself_back():
    graph = imports()
    # A package's __init__ importing its own modules is how a registry is made (ui/panels), not a cycle of jobs.
    graph.remove_edges_from([(a, b) for a, b in list(graph.edges) if b.startswith(a + ".")])
    assert list(nx.simple_cycles(graph)) == []


def test_every_module_is_in_a_layer_or_is_the_package_itself():
    homeless = [m for m in imports() if _layer(m) is None and m not in ("components", "components.__main__")]
    assert homeless == []


def test_the_check_sees_the_imports():
    """The graph is not empty: the view imports the analysis, the page the view."""
    graph = imports()
    assert graph.has_edge("components.view.scope", "components.view.highlight")
    assert graph.has_edge("components.ui.explorer", "components.view.highlight")
