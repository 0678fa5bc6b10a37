"""The README says what the code does: its help text is the app's, its quick start is two commands."""

from __future__ import annotations

import re
from pathlib import Path

from components import guide, load

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, re.MULTILINE | re.DOTALL)
    assert match, f"the README has no '## {title}' section"
    return match.group(1).strip()


def test_the_readme_explains_the_map_in_the_apps_own_words():
    assert section("Using the map") == guide.how_to(load.load_concepts(ROOT / "concepts.yaml"))


def test_the_quick_start_is_two_commands():
    commands = re.findall(r"^(make \w+)", section("Quick start"), re.MULTILINE)
    assert commands == ["make run", "make test"]
