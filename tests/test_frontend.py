"""The map view's JavaScript as files: each module short and named for its job, and the standalone explorer's
script made of the same modules (components/exchange/standalone/modules.py), in the order of their imports, each in
a scope of its own; what cannot be inlined is refused, never guessed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from components.exchange.standalone import EXPLORER, FRONTEND, modules

NODE = shutil.which("node")
LONGEST = 300  # lines: a module longer than this does more than one job


@pytest.mark.parametrize(
    "path",
    [path for path in [*FRONTEND.glob("*.js"), *EXPLORER.parent.glob("*.js")] if path.name != "vis-network.min.js"],
    ids=lambda path: path.name,
)
def test_every_module_of_the_view_is_short(path: Path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= LONGEST


def test_the_explorer_is_made_of_the_views_own_modules_each_after_what_it_imports():
    script = modules.script(EXPLORER)
    defined = re.findall(r"^const (__module\d+) = ", script, flags=re.MULTILINE)
    assert len(defined) == len(set(defined)) >= 20  # each module once
    for number, name in enumerate(defined):
        used = set(re.findall(r"= (__module\d+);", script.split(f"const {name} = ", 1)[1].split("\nconst __module")[0]))
        assert all(defined.index(other) < number for other in used), name  # what it imports comes first
    for name in ("view.js", "ranking.js", "legend.js", "fade.js", "names.js", "details.js"):
        assert _first_line(name) in script, name
    assert "import.meta" not in script
    assert not re.search(r"^\s*(import|export)\b", script, flags=re.MULTILINE)


def _first_line(name: str) -> str:
    path = FRONTEND / name if (FRONTEND / name).exists() else EXPLORER.parent / name
    return path.read_text(encoding="utf-8").splitlines()[0].removeprefix("// ")


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_inlined_modules_keep_their_own_scopes(tmp_path: Path):
    (tmp_path / "a.js").write_text('const secret = "a";\nexport function a() {\n  return secret;\n}\n')
    (tmp_path / "b.js").write_text('const secret = "b";\nexport const b = () => secret;\n')
    (tmp_path / "main.js").write_text(
        'import { a } from "./a.js";\nimport * as other from "./b.js";\nconsole.log(a() + other.b());\n'
    )
    script = tmp_path / "script.js"
    script.write_text(modules.script(tmp_path / "main.js"))
    assert NODE is not None
    ran = subprocess.run([NODE, str(script)], capture_output=True, text=True, check=True, timeout=30)
    assert ran.stdout.strip() == "ab"


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("export default function go() {}\n", "export default"),
        ('const loaded = import("./b.js");\n', "import("),
        ("const here = import.meta.url;\n", "import.meta"),
        ("const x = 1;\nexport { x };\n", "export {"),
        ('import { b } from "./missing.js";\n', "not there"),
        ('import { main } from "./main.js";\n', "imports itself"),
    ],
)
def test_what_cannot_be_inlined_is_refused(tmp_path: Path, source: str, problem: str):
    (tmp_path / "b.js").write_text(source)
    (tmp_path / "main.js").write_text('import * as b from "./b.js";\nexport function main() {}\n')
    with pytest.raises(modules.ModuleError, match=re.escape(problem)):
        modules.script(tmp_path / "main.js")


def test_the_page_asks_for_every_module_at_once():
    """network.js names every module the view imports (found import by import, they came eight deep)."""
    entry = FRONTEND / "network.js"
    named = set(re.findall(r'^import (?:.* from )?"\./([\w.]+)";$', entry.read_text(encoding="utf-8"), re.MULTILINE))
    needed = {path.name for path in modules.imported(entry)}
    assert needed <= named
