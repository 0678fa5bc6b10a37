"""`make bench`: how fast the explorer is, measured from outside, printed as a Markdown table.

Everything is measured in the real server (`streamlit run`) and, for what only a page shows, in headless
Chromium; maps of 100, 1,000, 5,000 and 10,000 concepts come from `python -m components generate`, next to
the paper's map. Each browser figure stands beside the plain way of showing a map in Streamlit, pyvis's
HTML in an iframe (benchmarks/pyvis_app.py), measured in the same run. Server figures come from sessions
spoken at the protocol level (tests/browser/protocol_client.py), so that thirty of them measure the server, not
thirty browsers on two cores. Numbers are medians unless said; the machine is noisy: compare within a run.

    python benchmarks/run.py [--quick]     (--quick: the paper's map and 1,000 concepts only)

Targets (issue "Scale and speed"; the classroom row from "Hardening"), on a 2-core machine:
first paint < 3 s at 5,000 once warm, and from a cold start on the paper's map; click -> details < 300 ms
at every size; search -> centred and filter -> shown < 500 ms; no main-thread task over 200 ms after
first paint; a rerun < 50 ms of server time on the paper's map, < 300 ms at 10,000; < 5 kB of map data
per click; memory flat per extra session; 30 sessions acting every 2 s: p95 round trip < 1 s, no errors.
"""

from __future__ import annotations

import asyncio
import gc
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from harness import ROOT, SETTLED, TEST_HOOKS, Run, Session, free_port, serve

from components.analysis import brain, graph
from components.model import load
from components.model.generate import generated_map
from components.view import drawing, layout

PAPER = ROOT / "concepts.yaml"
SIZES = (100, 1_000, 5_000, 10_000)
ROWS: list[tuple[str, str, str, str]] = []  # measure, result, target, note
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
PYVIS_CAP = 120  # seconds: the pyvis app is given this long to paint a map


def row(measure: str, result: str, target: str = "", note: str = "") -> None:
    ROWS.append((measure, result, target, note))
    print(f"  {measure}: {result}  {note}", file=sys.stderr, flush=True)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


# --- the server's one-off work per map -------------------------------------------------------------


def bench_building(name: str, path: Path) -> None:
    """Read and validate, lay out, and pack the view's data: once per map content, shared by all."""
    content = path.read_bytes()
    concept_map = load.parse(content, path.name)
    parse = median_ms(lambda: load.parse(content, path.name), 3)
    the_graph = graph.build(concept_map)
    place = median_ms(lambda: layout.positions(the_graph), 3)
    positions = layout.positions(the_graph)
    pack = median_ms(lambda: drawing.packed(drawing.payload(concept_map, positions)), 3)
    blob = drawing.packed(drawing.payload(concept_map, positions))
    row(f"{name}: read + validate, lay out, pack the view's data (once per content)",
        f"{ms(parse)} + {ms(place)} + {ms(pack)}", "layout in seconds at 10,000",
        f"{len(content) / 1e6:.1f} MB of YAML; {len(blob.body) / 1e3:,.0f} kB sent once per page")  # fmt: skip


def bench_brain(path: Path) -> None:
    """The glass brain: the first figure (nilearn's import included), then one per change of what it lights.
    The page caches each figure by content, so a rerun that changes nothing draws nothing."""
    concept_map = load.parse(path.read_bytes(), path.name)
    start = time.perf_counter()
    brain.figure(concept_map, {"tpj"})
    first = time.perf_counter() - start
    regions = [region.id for region in brain.placed(concept_map)]
    change = median_ms(lambda: brain.figure(concept_map, {regions[len(regions) // 2]}), 3)
    row("paper: the glass brain, first figure / per change of what it shows", f"{ms(first)} / {ms(change)}", "",
        f"{len(regions)} regions; cached by content: drawn once per change (the first imports nilearn)")  # fmt: skip


# --- the server, at the protocol level --------------------------------------------------------------


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def server_pid(url: str) -> int:
    port = url.rsplit(":", 1)[1]
    return int(subprocess.check_output(["pgrep", "-f", f"server.port={port}"]).split()[0])


def links(run: Run) -> list[str]:
    """The details panel's links to other concepts (a click on one is what a click on the map does); on a
    hub, which lists none at first, its kinds of relation (a click unfolds one)."""
    # In the order of their keys (`$$ID-<hash>-<key>`): the hash changes with the code around a widget, and a
    # walk in the hashes' order visited other concepts after any change to the app (a hub's details weigh 9 kB).
    ids = sorted(run.buttons().values(), key=lambda widget: widget.split("-", 2)[-1])
    found = [widget for widget in ids if re.search(r"-(link|start|end):", widget)]
    return found or [widget for widget in ids if "-kind:" in widget]


def map_bytes(run: Run) -> int:
    """Bytes of this run's messages that carry the map's view: its mounts (data, selection, search)."""
    return sum(
        size
        for message, size in zip(run.messages, run.wire, strict=True)
        if message.WhichOneof("type") == "delta" and message.delta.new_element.WhichOneof("type") == "bidi_component"
    )


async def walk(url: str, clicks: int, seed: int = 1) -> list[Run]:
    """One session clicking from concept to concept through the details' links."""
    rng = random.Random(seed)
    session = Session(url)
    run = await session.connect()
    runs = []
    fragments: dict[str, str] = {}
    for _ in range(clicks):
        fragments.update(run.fragments())
        link = rng.choice(links(run))
        run = await session.run(link, fragments.get(link, ""))
        runs.append(run)
    await session.close()
    return runs


def bench_server(name: str, url: str) -> None:
    asyncio.run(walk(url, 5))  # warm every cache
    pid = server_pid(url)
    before = cpu_seconds(pid)
    runs = asyncio.run(walk(url, 40, seed=2))
    cpu = (cpu_seconds(pid) - before) / len(runs)
    times = [run.seconds for run in runs]
    target = "< 50 ms" if name == "paper" else "< 300 ms" if name == "10,000" else ""
    row(f"{name}: a click's rerun, round trip (server CPU)", f"{ms(statistics.median(times))} ({ms(cpu)})", target,
        f"p95 {ms(percentile(times, 0.95))}; 40 clicks from concept to concept, protocol-level")  # fmt: skip
    received = [run.received for run in runs]
    row(f"{name}: bytes per click on the wire (the map's part)",
        f"{statistics.median(received):,.0f} B ({statistics.median(map_bytes(run) for run in runs):,.0f} B)",
        "< 5 kB", f"p95 {percentile(received, 0.95):,.0f} B, compressed; the map's part before compression; "
        "the rest is the page's frame and the clicked concept's details")  # fmt: skip


def bench_memory(url: str, sessions: int = 10) -> None:
    """The server's memory with one session, then with `sessions` more, each having clicked around."""

    async def open_sessions(count: int) -> list[Session]:
        opened = []
        for index in range(count):
            session = Session(url)
            run = await session.connect()
            for _ in range(3):
                run = await session.run(random.Random(index).choice(links(run)))
            opened.append(session)
        return opened

    async def measure() -> tuple[float, float]:
        pid = server_pid(url)
        first = await open_sessions(1)
        await asyncio.sleep(1)
        one = rss_mb(pid)
        more = await open_sessions(sessions)
        await asyncio.sleep(1)
        many = rss_mb(pid)
        for session in first + more:
            await session.close()
        return one, many

    one, many = asyncio.run(measure())
    row("paper: server memory per extra session", f"{(many - one) / sessions:.1f} MB",
        "flat", f"{one:.0f} MB with one session, {many:.0f} MB with {sessions + 1}")  # fmt: skip


def bench_classroom(url: str, sessions: int = 30, every: float = 2.0, seconds: float = 40.0) -> None:
    """A class on one server: `sessions` students, each clicking about every `every` seconds."""

    async def student(index: int, deadline: float, times: list[float], errors: list[str]) -> None:
        rng = random.Random(index)
        await asyncio.sleep(rng.uniform(0, every))
        session = Session(url)
        try:
            run = await session.connect()
            while time.monotonic() < deadline:
                await asyncio.sleep(max(0.0, rng.uniform(0.5, 1.5) * every - run.seconds))
                run = await session.run(rng.choice(links(run)))
                times.append(run.seconds)
        except Exception as error:  # a failed session is counted, not fatal to the benchmark
            errors.append(f"{type(error).__name__}: {error}")
        finally:
            await session.close()

    async def lesson() -> tuple[list[float], list[str]]:
        times: list[float] = []
        errors: list[str] = []
        deadline = time.monotonic() + seconds
        await asyncio.gather(*(student(index, deadline, times, errors) for index in range(sessions)))
        return times, errors

    pid = server_pid(url)
    before, start = cpu_seconds(pid), time.monotonic()
    times, errors = asyncio.run(lesson())
    load_share = (cpu_seconds(pid) - before) / (time.monotonic() - start)
    row(f"paper: a class of {sessions}, each clicking every ~{every:g} s: round trip p50 / p95",
        f"{ms(statistics.median(times))} / {ms(percentile(times, 0.95))}", "p95 < 1 s, 0 errors",
        f"{len(times)} clicks, {len(errors)} errors; server at {load_share:.0%} of one core")  # fmt: skip


# --- the page, in a browser -------------------------------------------------------------------------

LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
}).observe({ type: "longtask", buffered: true });
"""


def open_page(browser, url: str, width: int = 1280, height: int = 720):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.add_init_script(LONG_TASKS)
    page.add_init_script(TEST_HOOKS)
    page.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort())
    return page


def first_paint(browser, url: str, timeout: float = 120) -> tuple[float, object]:
    page = open_page(browser, url)
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(SETTLED, timeout=timeout * 1000)
    return time.perf_counter() - start, page


CLICKABLE = """(el, done) => el.atlas.labels().map((label) => label.id).filter((id) => {
  const point = el.atlas.nodePosition(id);
  return !done.includes(id) && point && point.y > 60 && point.y < el.clientHeight - 110 && point.x > 20
    && el.atlas.nodeAt(point) === id;
})[0] ?? null"""


def bench_page(name: str, browser, url: str) -> float:
    """First paint (warm), clicks, search, a filter; the longest main-thread task after first paint."""
    first_paint(browser, url)[1].close()  # the server's caches and the browser's are warm from here
    painted, page = first_paint(browser, url)
    root = page.locator(".atlas-network")
    page.wait_for_timeout(500)
    after_paint = page.evaluate("performance.now()")
    clicks, done = [], []
    for _ in range(6):
        page.wait_for_selector(SETTLED)
        concept = root.evaluate(CLICKABLE, done)
        if concept is None:  # nothing named in sight: back to the whole map
            page.locator(".atlas-network [data-action=fit]").click()
            continue
        done.append(concept)
        point = root.evaluate("(el, id) => el.atlas.nodePosition(id)", concept)
        box = page.locator(".atlas-network canvas").bounding_box()
        label = root.evaluate("(el, id) => el.atlas.label(id)", concept)
        start = time.perf_counter()
        page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
        page.get_by_role("heading", name=label, exact=True).wait_for()
        clicks.append(time.perf_counter() - start)
    searches = []
    for concept in done[:4]:
        label = root.evaluate("(el, id) => el.atlas.label(id)", concept)
        box = page.get_by_role("combobox", name="Search")
        box.fill(label)
        option = page.get_by_role("option").filter(has_text=re.compile(f"^{re.escape(label)} ·")).first
        option.wait_for()
        start = time.perf_counter()
        option.click()
        page.wait_for_selector(f'.atlas-network[data-selected="concept:{concept}"]')
        page.wait_for_selector(SETTLED)
        searches.append(time.perf_counter() - start)
    page.get_by_role("button", name="Filters").click()
    page.get_by_role("combobox", name="Kinds").click()
    option = page.get_by_role("option").first
    start = time.perf_counter()
    option.click()
    page.wait_for_selector('.atlas-network:not([data-visible=""])')
    page.wait_for_selector(SETTLED)
    filtering = time.perf_counter() - start
    page.keyboard.press("Escape")
    longest = max((duration for at, duration in page.evaluate("window.__longTasks") if at > after_paint), default=0)
    page.close()
    row(f"{name}: page load -> map drawn (warm)", ms(painted), "< 3 s at 5,000" if name == "5,000" else "")
    row(f"{name}: click a concept -> its details shown", ms(statistics.median(clicks)), "< 300 ms",
        f"{len(clicks)} clicks; slowest {ms(max(clicks))}")  # fmt: skip
    row(f"{name}: search -> selected and centred", ms(statistics.median(searches)), "< 500 ms")
    row(f"{name}: a filter -> the map shows it", ms(filtering), "< 500 ms")
    row(f"{name}: longest main-thread task after first paint", f"{longest:,.0f} ms", "< 200 ms",
        "over the clicks, searches and the filter above")  # fmt: skip
    return painted


def bench_pyvis(name: str, browser, path: Path, ours: float) -> None:
    """The plain way: pyvis HTML in an iframe, physics on, as pyvis makes it."""
    with serve(path, f"bench-pyvis-{name}", Path(__file__).parent / "pyvis_app.py") as plain:
        page = open_page(browser, plain.url)
        start = time.perf_counter()
        page.goto(plain.url)
        try:
            page.wait_for_function(PYVIS_READY, timeout=PYVIS_CAP * 1000)
            theirs = time.perf_counter() - start
            result = f"{ms(theirs)}; ours is {ours / theirs:.2f}x"
        except Exception:
            result = f"not drawn within {PYVIS_CAP} s"
        page.close()
    row(f"{name}: pyvis in an iframe: page load -> map drawn", result, "", "the same map, the same run")


# The iframe's network has settled (or has no physics).
PYVIS_READY = """() => {
    const frame = document.querySelector('iframe');
    const network = frame && frame.contentWindow && frame.contentWindow.network;
    return Boolean(network && network.physics && (network.physics.stabilized || !network.physics.physicsEnabled));
}"""


def bench_cold_start(browser) -> None:
    """`streamlit run` to the map drawn, on the paper's map: the server is new, the browser open."""
    port = free_port()
    environment = {**os.environ, "EMPATHY_ATLAS_CONCEPTS": str(PAPER)}
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless=true",
               f"--server.port={port}"]  # fmt: skip
    page = open_page(browser, f"http://127.0.0.1:{port}")
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                    break
            except OSError:
                time.sleep(0.05)
        up = time.perf_counter() - start
        page.goto(f"http://127.0.0.1:{port}")
        page.wait_for_selector(SETTLED, timeout=60_000)
        painted = time.perf_counter() - start
    finally:
        process.terminate()
        process.wait(timeout=15)
        page.close()
    row("paper: cold start (streamlit run) -> map drawn", ms(painted), "< 3 s", f"the server answered after {ms(up)}")


def bench_first_screen(browser, url: str) -> None:
    """How much of the first screen the map takes, and how many names are readable at the starting fit."""
    for width, height in ((1280, 720), (1440, 900), (1920, 1080)):
        page = browser.new_page(viewport={"width": width, "height": height})
        page.add_init_script(TEST_HOOKS)
        page.goto(url)
        page.wait_for_selector(SETTLED, timeout=60_000)
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
        row(f"paper, {width}x{height}: the map's share of the first screen", f"{shown / (width * height):.0%}",
            ">= 60%", "the canvas, all of it above the fold")  # fmt: skip
        row(f"paper, {width}x{height}: readable names at the starting fit", f"{len(readable)}",
            ">= 30 + landmarks", f"{overlaps} overlapping; {len(labels)} names drawn in all")  # fmt: skip
        page.close()


# --- the run ----------------------------------------------------------------------------------------


@contextmanager
def maps(sizes: tuple[int, ...]) -> Iterator[list[tuple[str, Path]]]:
    with tempfile.TemporaryDirectory() as folder:
        made = [("paper", PAPER)]
        for size in sizes:
            path = Path(folder) / f"generated-{size}.yaml"
            path.write_text(yaml.safe_dump(generated_map(size), sort_keys=False))
            made.append((f"{size:,}", path))
        yield made


def main() -> None:
    quick = "--quick" in sys.argv
    sizes = (1_000,) if quick else SIZES
    browser_ok = Path("/usr/bin/chromium").exists()
    with maps(sizes) as made:
        for name, path in made:
            print(f"{name} …", file=sys.stderr, flush=True)
            bench_building(name, path)
            if name == "paper":
                bench_brain(path)
            gc.collect()
            with serve(path, f"bench-{name.replace(',', '')}") as app:
                bench_server(name, app.url)
                if name == "paper":
                    bench_memory(app.url)
                    bench_classroom(app.url)
                if browser_ok:
                    from playwright.sync_api import sync_playwright

                    with sync_playwright() as playwright:
                        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
                        if name == "paper":
                            bench_first_screen(browser, app.url)
                        ours = bench_page(name, browser, app.url)
                        if name == "paper":
                            bench_cold_start(browser)
                        bench_pyvis(name, browser, path, ours)
                        browser.close()
    if not browser_ok:
        row("browser rows", "skipped", "", "no /usr/bin/chromium (apt-get install chromium)")
    header = ("measure", "result", "target", "note")
    widths = [max(len(line[i]) for line in [header, *ROWS]) for i in range(4)]
    print("| " + " | ".join(cell.ljust(width) for cell, width in zip(header, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (width + 2) for width in widths) + "|")
    for line in ROWS:
        print("| " + " | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)) + " |")


if __name__ == "__main__":
    main()
