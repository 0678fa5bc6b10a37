"""The search box's cost per keystroke on a large map, in Chromium on the running app: each query typed a
letter at a time, the time from the input event to the list drawn (the box answers synchronously, so this
is the whole of it); the first keystroke apart, and the longest main-thread tasks while the index is made
(once the page is idle after drawing the map, or when the box is focused). Also the packed map's size
(the search's words ride in it).

    .venv/bin/python benchmarks/search_keystrokes.py [CONCEPTS]      # default 10,000
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

import yaml
from harness import DRAWN, serve

from components.analysis.graph import build
from components.model import load
from components.model.generate import generated_map
from components.view import drawing, layout

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
QUERIES = ["region 77", "methd 5", "engages system", "system region 12", "zzzz qqqq", "facet 3"]
LONG_TASKS = """window.__longTasks = [];
new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
}).observe({ type: "longtask", buffered: true });"""
TYPE = """(input, queries) => {
    const times = [];
    for (const query of queries) {
        for (let end = 1; end <= query.length; end++) {
            input.value = query.slice(0, end);
            const start = performance.now();
            input.dispatchEvent(new Event("input"));
            times.push(performance.now() - start);
        }
        input.value = "";
        input.dispatchEvent(new Event("input"));
    }
    return times;
}"""


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.yaml"
        path.write_text(yaml.safe_dump(generated_map(size), sort_keys=False))
        concept_map = load.load_concepts(path)
        packed = drawing.packed(drawing.payload(concept_map, layout.positions(build(concept_map))))
        print(f"{size:,} concepts: the packed map is {len(packed.body):,} B (gzipped)")
        with serve(path, "bench-search") as app, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            page.goto(app.url)
            page.wait_for_selector(DRAWN, timeout=120_000)
            page.wait_for_timeout(1_000)
            box = page.get_by_role("combobox", name="Search")
            first = box.evaluate(TYPE, ["r"])[0]
            other = browser.new_page(viewport={"width": 1440, "height": 900})  # as people type: focus first
            other.add_init_script(LONG_TASKS)
            other.goto(app.url)
            other.wait_for_selector(DRAWN, timeout=120_000)
            drawn = other.evaluate("performance.now()")
            other.wait_for_timeout(4_000)
            idle = max((d for at, d in other.evaluate("window.__longTasks") if at >= drawn), default=0)
            since = other.evaluate("performance.now()")
            other.get_by_role("combobox", name="Search").focus()
            other.wait_for_timeout(1_000)
            longest = max((d for at, d in other.evaluate("window.__longTasks") if at >= since), default=0)
            focused = other.get_by_role("combobox", name="Search").evaluate(TYPE, ["r"])[0]
            times = [t for _ in range(3) for t in box.evaluate(TYPE, QUERIES)]
            for number, query in enumerate(QUERIES):  # the slowest keystroke of each query, over the runs
                starts = [sum(len(q) for q in QUERIES[:number]) + run * sum(map(len, QUERIES)) for run in range(3)]
                worst = max(max(times[s : s + len(query)]) for s in starts)
                print(f"  {query!r}: slowest keystroke {worst:.1f} ms")
            times.sort()
            print(f"first keystroke, the box not focused: {first:.1f} ms")
            print(f"first keystroke after focusing the box: {focused:.1f} ms")
            print(f"longest main-thread task in the 4 s after the map is drawn: {idle:.0f} ms")
            print(f"longest main-thread task in the second after focusing the box: {longest:.0f} ms")
            print(
                f"per keystroke, {len(times)} keystrokes: median {statistics.median(times):.1f} ms, "
                f"p95 {times[int(0.95 * len(times))]:.1f} ms, max {times[-1]:.1f} ms"
            )
            browser.close()


if __name__ == "__main__":
    main()
