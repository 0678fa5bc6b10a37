"""The README says what the code does: its help text is the app's, its quick start is two commands."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

from components.analysis import guide
from components.model import load

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.MULTILINE | re.DOTALL)
    assert match, f"the README has no '## {title}' section"
    return match.group(1).strip()


def test_the_readme_explains_the_map_in_the_apps_own_words():
    assert section("Using the map") == guide.how_to(load.load_concepts(ROOT / "concepts.yaml"))


def test_the_quick_start_is_two_commands():
    commands = re.findall(r"^(make \w+)", section("Quick start"), re.MULTILINE)
    assert commands == ["make run", "make test"]


def package_modules() -> set[str]:
    """Every module of components/, by its path in the package: `load.py`, `ui/state.py`; a package (a folder
    with an __init__.py) by its folder and a slash: `ui/network/`."""
    package = ROOT / "components"
    found = set()
    for path in package.rglob("*.py"):
        relative = path.relative_to(package)
        if path.name != "__init__.py":
            found.add(relative.as_posix())
        elif relative.parent != Path("."):
            found.add(f"{relative.parent.as_posix()}/")
    return found


def test_the_code_layout_lists_every_module_and_no_other():
    """The README's "Code layout" has one bullet per module of components/, its path first in backticks
    (`- `ui/state.py`: ...`), under a heading per folder; a module added, moved or removed changes it."""
    listed = re.findall(r"^- `([^`]+)`", section("Code layout"), re.MULTILINE)
    assert len(listed) == len(set(listed)), "a module listed twice"
    modules = package_modules()
    assert listed, "no bullet of the form - `path`: ... in the Code layout"
    assert sorted(modules - set(listed)) == [], "in components/ but not in the README's Code layout"
    assert sorted(set(listed) - modules) == [], "in the README's Code layout but not in components/"


def make_run(*settings: str) -> str:
    """The command `make run` would start (make -n prints it without running it)."""
    return subprocess.run(["make", "-n", "run", *settings], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def test_make_run_listens_on_this_machine_only_by_default():
    command = make_run()
    assert "--server.address localhost" in command
    assert "--browser.serverAddress" not in command


def test_make_run_serves_a_classroom_and_prints_its_address_without_asking_anyone():
    """On a wildcard address Streamlit would ask an outside service for the external IP, unless it is told
    the address to print."""
    command = make_run("HOST=0.0.0.0")
    assert "--server.address 0.0.0.0" in command
    assert re.search(r"--browser\.serverAddress \S+", command)


def test_the_app_listens_on_localhost_and_hides_error_details_when_run_by_hand():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["address"] == "localhost"
    assert config["client"]["showErrorDetails"] == "none"
    assert config["browser"]["gatherUsageStats"] is False


GUIDE = (ROOT / "docs" / "writing-a-map.md").read_text(encoding="utf-8")


def test_the_guides_smallest_map_is_valid():
    block = GUIDE.split("## The smallest valid map", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    concept_map = load.parse(block, "writing-a-map.md")
    assert len(concept_map.relations) == 1


def test_the_guide_lists_every_kind_and_relation_type_with_its_wording():
    from components.model.vocabulary import KINDS, RELATIONS

    for kind, info in KINDS.items():
        assert f"| `{kind}` | {info.label} |" in GUIDE, kind
    for relation, info in RELATIONS.items():
        inverse = "(the same)" if info.inverse == info.label else info.inverse
        assert f"| `{relation}` | {info.label} | {inverse} |" in GUIDE, relation
        if info.negative:
            label, inverse = info.negative
            inverse = "(the same)" if inverse == label else inverse
            assert f"| `{relation}` | {label} | {inverse} |" in GUIDE, f"{relation}, sign: negative"


def test_the_readme_links_the_guide_and_the_docs():
    for page in ("docs/writing-a-map.md", "docs/benchmarks.md", "docs/security.md"):
        assert page in README, page


def test_the_guide_words_claims_modestly_with_examples_the_map_keeps():
    """Its 'after' examples are the paper's tour as it stands, and its 'before' ones are gone from it."""
    section = GUIDE.split("## Wording claims modestly", 1)[1].split("\n## ", 1)[0]
    for question in ("What was compared?", "In whom?", "In which direction?", "Whose reading?", "How firmly?"):
        assert question in section
    paper = load.load_concepts(ROOT / "concepts.yaml")
    told = " ".join(step.text for tour in paper.tours for step in tour.steps).replace("**", "").replace("*", "")
    after = re.findall(r'\*\*After\*\*: "(.+?)"\n', section)
    before = re.findall(r'\*\*Before\*\* \([^)]*\): "(.+?)"\n', section, re.DOTALL)
    assert len(after) == len(before) == 2
    assert all(quote in told for quote in after)
    assert not any(" ".join(quote.split()) in told for quote in before)


def test_every_script_the_docs_name_exists():
    """The README and docs/ name the benchmarks and test helpers by path: each is where they say."""
    pages = [ROOT / "README.md", *(ROOT / "docs").glob("*.md")]
    named = {
        (page.name, path)
        for page in pages
        for path in re.findall(r"\b((?:benchmarks|tests)/[\w/]+\.py)\b", page.read_text(encoding="utf-8"))
    }
    assert any(path.startswith("benchmarks/") for _, path in named)
    assert [(page, path) for page, path in sorted(named) if not (ROOT / path).is_file()] == []


SECURITY = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")


def test_every_test_the_threat_model_names_exists():
    """Each claim of docs/security.md names the test that proves it: each of those tests is there."""
    sources = {path: path.read_text(encoding="utf-8") for path in (ROOT / "tests").rglob("*.py")}
    named = re.findall(r"`(tests/[\w/.]+?)(?:::(\w+))?`", SECURITY)
    bare = set(re.findall(r"`(test_\w+)`", SECURITY))
    assert len(named) + len(bare) > 80
    for path, test in named:
        assert (ROOT / path).exists(), path
        if test:
            assert f"def {test}(" in sources[ROOT / path], f"{path}::{test}"
    for test in bare:
        assert any(f"def {test}(" in source for source in sources.values()), test


def test_the_page_writes_no_file():
    """The threat model says the page never writes a file: no code of the page's opens one to write."""
    writes = re.compile(r"\bopen\(|write_text|write_bytes|write_atomic|\.unlink\(|shutil\.")
    for path in [ROOT / "app.py", *(ROOT / "components" / "ui").rglob("*.py")]:
        assert not writes.search(path.read_text(encoding="utf-8")), path
