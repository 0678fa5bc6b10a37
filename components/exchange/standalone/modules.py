"""ES modules as one classic script, for a page that may load nothing else: the standalone explorer's
Content-Security-Policy allows inline scripts only, so the map view's modules are inlined at export time.

Each module (its imports first) becomes a function whose result is its exports, and each of its imports a
constant taken from that result: the modules keep their own scopes, and the page runs the same code as the
app. Only the forms the map view's modules use are understood (`import * as x`, `import { a, b as c }` from
a relative path; `export` before a function, class or const); anything else is refused, never guessed.
"""

from __future__ import annotations

import re
from pathlib import Path

IMPORT = re.compile(
    r'^import\s+(?:\*\s+as\s+(?P<all>\w+)|\{(?P<names>[^}]*)\})\s+from\s+"(?P<path>\.[^"]+)";[ \t]*$', re.M
)
EXPORT = re.compile(r"^export\s+(?=(?:async\s+)?(?:function\*?|class|const)\s)", re.M)
EXPORTED = re.compile(r"^export\s+(?:async\s+)?(?:function\*?|class|const)\s+([\w$]+)", re.M)
COMMENTS = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
REFUSED = re.compile(r"^\s*(?:import|export)\b[^\n]*|\bimport\s*\(|\bimport\.meta\b", re.M)


class ModuleError(ValueError):
    """A module uses a form of import or export that cannot be inlined."""


def script(entry: Path) -> str:
    """The module at `entry` and every module it imports, as one script that runs them in order."""
    order = _ordered(entry.resolve(), [], set())
    names = {path: f"__module{number}" for number, path in enumerate(order)}
    parts = [_scoped(path, names) for path in order]
    return '(() => {\n"use strict";\n' + "\n".join(parts) + "\n})();\n"


def imported(entry: Path) -> list[Path]:
    """Every module `entry` imports, directly or not, each after the modules it imports."""
    return _ordered(entry.resolve(), [], set())[:-1]


def _imports(path: Path) -> list[tuple[re.Match[str], Path]]:
    text = path.read_text(encoding="utf-8")
    return [(found, (path.parent / found["path"]).resolve()) for found in IMPORT.finditer(text)]


def _ordered(path: Path, order: list[Path], visiting: set[Path]) -> list[Path]:
    """Every module `path` needs, each after the modules it imports (depth first); a cycle is refused."""
    if path in order:
        return order
    if path in visiting:
        raise ModuleError(f"{path.name}: imports itself through other modules; inlining needs an order")
    visiting.add(path)
    for _, imported in _imports(path):
        if not imported.is_file():
            raise ModuleError(f"{path.name}: imports {imported}, which is not there")
        _ordered(imported, order, visiting)
    visiting.discard(path)
    order.append(path)
    return order


def _scoped(path: Path, names: dict[Path, str]) -> str:
    """The module as a constant: a function of its own scope, run once, whose result is its exports."""
    text = path.read_text(encoding="utf-8")
    for found, imported in _imports(path):
        text = text.replace(found[0], _binding(found, names[imported]), 1)
    exported = EXPORTED.findall(text)
    text = EXPORT.sub("", text)
    left = REFUSED.search(COMMENTS.sub("", text))
    if left:
        raise ModuleError(f"{path.name}: cannot inline `{left[0].strip()}`")
    return f"const {names[path]} = (() => {{\n{text}\nreturn {{ {', '.join(exported)} }};\n}})();"


def _binding(found: re.Match[str], module: str) -> str:
    """An import as a constant: `import * as x` names the module's exports, `import { a as b }` one of them."""
    if found["all"]:
        return f"const {found['all']} = {module};"
    pairs = [re.split(r"\s+as\s+", name.strip()) for name in found["names"].split(",") if name.strip()]
    return f"const {{ {', '.join(': '.join(pair) for pair in pairs)} }} = {module};"
