"""`make bench`: load time, rerun time and click-to-details time, printed as a table.

Targets (from the issues), on a 2-core machine: load+validate of 10,000 concepts < 1 s; a rerun after
a click on the paper's map < 100 ms; in the browser, click -> details updated < 300 ms. The browser
rows run next to a plain pyvis-in-an-iframe rendering of the same map, measured in the same run.
Numbers are medians; the machine is noisy, so compare the ratios within one run.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent / "browser"))
from app_server import ROOT, serve

from components import load

PAPER = ROOT / "concepts.yaml"
ROWS: list[tuple[str, str, str, str]] = []  # measure, result, target, note


def generated_map(concepts: int, relations_each: int = 3) -> str:
    """A valid map of `concepts` concepts, each the source of `relations_each` relations."""
    data = {
        "meta": {"title": "Generated", "description": "A generated map.", "version": "1",
                 "source": {"citation": "Generated.", "doi": "10.1038/nn.3085"}},
        "concepts": [
            {"id": f"c{i}", "label": f"Concept {i}", "kind": "region" if i % 5 == 0 else "process",
             "summary": "A generated concept for the benchmark.", "refs": ["r1"],
             **({"mni": [10, 20, 30], "mni_source": "generated"} if i % 5 == 0 else {})}
            for i in range(concepts)
        ],
        "relations": [
            {"source": f"c{i}", "type": "engages", "target": f"c{(i + step) % concepts}", "refs": ["r1"],
             "note": "A generated relation for the benchmark."}
            for i in range(concepts) for step in range(1, relations_each + 1)
        ],
        "references": [{"n": 1, "key": "r1", "type": "article", "authors": ["Author, A."], "year": 2000,
                        "title": "A reference", "journal": "J", "doi": "10.1000/r1"}],
    }  # fmt: skip
    return yaml.safe_dump(data, sort_keys=False)


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench_loading() -> None:
    for concepts, repeat in ((100, 15), (1_000, 7), (10_000, 5)):
        text = generated_map(concepts)
        took = median_ms(lambda text=text: load.parse(text), repeat)
        target = "< 1000 ms" if concepts == 10_000 else ""
        ROWS.append((f"load+validate {concepts:,} concepts ({3 * concepts:,} relations, {len(text) / 1e6:.1f} MB)",
                     f"{took:,.0f} ms", target, f"median of {repeat}"))  # fmt: skip
    took = median_ms(lambda: load.load_concepts(PAPER), 15)
    ROWS.append(("load+validate the paper's map (concepts.yaml)", f"{took:,.1f} ms", "", "median of 15"))


def bench_rerun() -> None:
    from streamlit.testing.v1 import AppTest

    os.environ["EMPATHY_ATLAS_CONCEPTS"] = str(PAPER)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    ids = [c.id for c in load.load_concepts(PAPER).concepts]
    at.selectbox(key="selected_widget").set_value(ids[0]).run()  # warm every cache
    times = []
    for concept in ids[1:21]:
        at.selectbox(key="selected_widget").set_value(concept)
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
    assert not at.exception
    ROWS.append(("rerun after selecting a concept (server script run, AppTest)",
                 f"{statistics.median(times):,.0f} ms", "< 100 ms", "median of 20 selections"))  # fmt: skip


def bench_browser() -> None:
    from playwright.sync_api import sync_playwright

    flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=flags)
        with (
            serve(PAPER, "bench-atlas") as atlas,
            serve(PAPER, "bench-pyvis", ROOT / "tests" / "bench_pyvis_app.py") as plain,
        ):
            first_screen(browser, atlas.url)
            atlas_rows = measure_atlas(browser, atlas.url)
            plain_rows = measure_pyvis(browser, plain.url)
        browser.close()
    for (measure, ours, target), (_, theirs, _) in zip(atlas_rows, plain_rows, strict=True):
        ROWS.append((f"browser: {measure}", ours, target, f"pyvis in an iframe: {theirs}"))


def first_screen(browser, url: str) -> None:
    """How much of the first screen the map takes, and how many names are readable at the starting fit."""
    for width, height in ((1280, 720), (1440, 900), (1920, 1080)):
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(url)
        page.wait_for_selector(".atlas-network[data-settled=true]:not([data-animating=true])", timeout=60_000)
        box = page.locator(".atlas-canvas").bounding_box()
        shown = box["width"] * max(0.0, min(box["height"], height - box["y"]))
        labels = page.locator(".atlas-network").evaluate("el => el.atlas.labels()")
        readable = [label for label in labels if label["size"] >= 12]
        overlaps = sum(
            1
            for i, a in enumerate(labels)
            for b in labels[i + 1 :]
            if a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]
        )  # fmt: skip
        share = f"{shown / (width * height):.0%}"
        ROWS.append((f"browser {width}x{height}: the map's share of the first screen", share,
                     ">= 60%", "the canvas, all of it above the fold"))  # fmt: skip
        ROWS.append((f"browser {width}x{height}: readable names at the starting fit", f"{len(readable)}",
                     ">= 30 + landmarks", f"{overlaps} overlapping; {len(labels)} names drawn in all"))  # fmt: skip
        page.close()


def offline_page(browser, url: str):
    page = browser.new_page(viewport={"width": 1500, "height": 1000})
    page.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort())
    start = time.perf_counter()
    page.goto(url)
    return page, start


def measure_atlas(browser, url: str) -> list[tuple[str, str, str]]:
    page, start = offline_page(browser, url)
    page.wait_for_selector(".atlas-network[data-settled=true]", timeout=60_000)
    first = (time.perf_counter() - start) * 1000
    ids = ["tpj", "mpfc", "anterior_insula", "acc", "ventral_striatum", "ipl", "vmpfc", "sts"]
    clicks, selects = [], []
    for concept in ids:
        page.wait_for_selector(".atlas-network[data-settled=true]:not([data-animating=true])")
        root = page.locator(".atlas-network")
        position = root.evaluate("(el, id) => el.atlas.nodePosition(id)", concept)
        box = page.locator(".atlas-network canvas").bounding_box()
        label = root.evaluate("(el, id) => el.atlas.label(id)", concept)
        start = time.perf_counter()
        page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])
        page.get_by_role("heading", name=label, exact=True).wait_for()
        clicks.append((time.perf_counter() - start) * 1000)
    for concept in reversed(ids):
        label = page.locator(".atlas-network").evaluate("(el, id) => el.atlas.label(id)", concept)
        page.get_by_role("combobox", name="Search").fill(label)
        option = page.get_by_role("option").filter(has_text=label).first
        start = time.perf_counter()
        option.click()
        page.wait_for_selector(f'.atlas-network[data-selected="concept:{concept}"]')
        selects.append((time.perf_counter() - start) * 1000)
    page.close()
    return [
        ("page load -> map drawn", f"{first:,.0f} ms", ""),
        ("click a node -> details shown", f"{statistics.median(clicks):,.0f} ms", "< 300 ms"),
        ("select in Python -> view shows it", f"{statistics.median(selects):,.0f} ms", ""),
    ]


# The iframe's page is new (not the one marked before the selection) and its network has settled.
PYVIS_READY = """() => {
    const frame = document.querySelector('iframe');
    const page = frame && frame.contentWindow;
    const network = page && !page.benchOld && page.network;
    return Boolean(network && network.physics && (network.physics.stabilized || !network.physics.physicsEnabled));
}"""


def measure_pyvis(browser, url: str) -> list[tuple[str, str, str]]:
    page, start = offline_page(browser, url)
    page.wait_for_function(PYVIS_READY, timeout=120_000)
    first = (time.perf_counter() - start) * 1000
    selects = []
    for concept in ["tpj", "mpfc", "anterior_insula", "acc"]:
        page.get_by_role("combobox", name="Select").fill(concept)
        option = page.get_by_role("option", name=concept, exact=True)
        page.evaluate("() => { document.querySelector('iframe').contentWindow.benchOld = true; }")
        start = time.perf_counter()
        option.click()
        page.wait_for_function(PYVIS_READY, timeout=120_000)
        selects.append((time.perf_counter() - start) * 1000)
    page.close()
    return [
        ("page load -> map drawn", f"{first:,.0f} ms", ""),
        ("click a node -> details shown", "impossible: no click reaches Python", ""),
        ("select in Python -> view shows it", f"{statistics.median(selects):,.0f} ms (iframe reloads)", ""),
    ]


def main() -> None:
    bench_loading()
    bench_rerun()
    if Path("/usr/bin/chromium").exists():
        bench_browser()
    else:
        ROWS.append(("browser rows", "skipped", "", "no /usr/bin/chromium (apt-get install chromium)"))
    widths = [max(len(row[i]) for row in [("measure", "result", "target", "note"), *ROWS]) for i in range(4)]
    header = ("measure", "result", "target", "note")
    print("| " + " | ".join(cell.ljust(width) for cell, width in zip(header, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (width + 2) for width in widths) + "|")
    for row in ROWS:
        print("| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) + " |")


if __name__ == "__main__":
    main()
