"""What hostile files under the size caps cost, measured: the files issue "Hardening II" names (a 14 MB map
of plain keys, a 16 MiB flow list, a 1.99 MB list of DOIs) and one that only the child's limits stop (3.8 MB,
one concept with 1.9 million wrong aliases).

For each file: what the page does with it (Open, Start a map from a bibliography; in a child process with
limits since Hardening II) and what the command line does (`validate`, `new --from`), each in a fresh
process: wall time, processor time and peak memory of that process (the server's, for the page) and of its
children. Then, in a real server, a browser uploads the two map files through Open while another session
clicks and the health check is polled ten times a second: how long each waited during the upload.

    python benchmarks/hostile_inputs.py [--code DIR] [--no-server]

`--code DIR` measures another checkout (e.g. `git archive c379223 | tar -x -C /tmp/before`), to compare.
Not a test: figures depend on the machine and its load; rerun both checkouts in one sitting to compare.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from harness import DRAWN, ROOT, free_port

HEAD = 'meta: {title: T, description: D., source: {citation: C.}, version: "1"}\n'
ALIASES = "concepts:\n- {{id: a, label: b, kind: facet, summary: c, aliases: [{}1]}}\n"


def hostile_files(folder: Path) -> dict[str, Path]:
    made = {
        "keys.yaml": "".join(f"k{number}: \n" for number in range(1_373_738)),  # 14.0 MB
        "flow.yaml": "[" + "a," * (8_388_607 - 1) + "a]\n",  # 16 MiB exactly
        "aliases.yaml": HEAD + ALIASES.format("1," * 1_900_000),  # 3.8 MB
        "dois.txt": "".join(f"10.1000/x{number}\n" for number in range(131_320)),  # 1.99 MB
    }
    paths = {}
    for name, text in made.items():
        paths[name] = folder / name
        paths[name].write_text(text)
    return paths


# What the page does with an upload's bytes, and what the command line does with a file; the child of a
# bounded read, when the code has one, is measured through RUSAGE_CHILDREN.
PAGE = """
import sys
from pathlib import Path
from components.model import load
from components.exchange import starter
from components.model.errors import MapError
# The checkout's own module, if it has one (an installed copy of this one could answer the import).
bounded = None
if (Path(load.__file__).parent / "bounded.py").exists():
    from components.exchange import bounded
name, content = sys.argv[1], open(sys.argv[2], "rb").read()
try:
    if name.endswith(".txt"):
        (bounded.starter_map if bounded else starter.from_file)(name, content)
    else:
        (bounded.parse if bounded else load.parse)(content, name)
    said = "opened"
except MapError as error:
    said = str(error.problems[0])[:100]
import resource
me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"server process {me.ru_utime + me.ru_stime:.1f} s CPU, {me.ru_maxrss / 1024:.0f} MB; "
      f"child {children.ru_utime + children.ru_stime:.1f} s CPU, {children.ru_maxrss / 1024:.0f} MB | {said}")
"""
COMMAND = """
import sys
from components.cli import main
name, path = sys.argv[1], sys.argv[2]
verb = ["new", "--from", path, "-o", path + ".out.yaml"] if name.endswith(".txt") else ["validate", path]
main(verb)
"""


def measure(snippet: str, code: Path, name: str, path: Path) -> str:
    """One fresh process: its wall time, processor time and peak memory, and its children's."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", snippet, name, str(path)],
        cwd=code,
        env={**os.environ, "PYTHONPATH": str(code)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = process.stdout.read() if process.stdout else ""
    _, _, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    said = output.strip().splitlines()[-1][:220] if output.strip() else ""
    if said.startswith("server process"):
        return f"{wall:6.1f} s wall, {said}"
    own = f"{wall:6.1f} s wall, {usage.ru_utime + usage.ru_stime:5.1f} s CPU, {usage.ru_maxrss / 1024:6.0f} MB"
    return f"{own} | {said}"


def page_under_upload(code: Path, files: dict[str, Path]) -> None:
    """A real server: a browser uploads each map through Open while another session clicks and the health
    check is polled; how long each waited."""
    from harness import Session
    from playwright.sync_api import sync_playwright

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = Path(tempfile.gettempdir()) / f"hostile-inputs-{port}.log"
    environment = {**os.environ, "PYTHONPATH": str(code),
                   "EMPATHY_ATLAS_CONCEPTS": str(ROOT / "tests" / "data" / "app" / "small.yaml")}  # fmt: skip
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless=true", f"--server.port={port}"],
            cwd=code, env=environment, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read()
                break
            except OSError:
                time.sleep(0.3)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            for name in ("keys.yaml", "aliases.yaml"):
                page.goto(url)
                page.wait_for_selector(DRAWN, timeout=60_000)
                page.get_by_role("button", name="Open").click()
                upload = page.locator("[data-testid=stFileUploaderDropzoneInput]").first
                health: list[float] = []
                clicks: list[float] = []
                stop = threading.Event()
                pollers = [
                    threading.Thread(target=_poll_health, args=(url, health, stop)),
                    threading.Thread(target=asyncio.run, args=(_click(Session(url), clicks, stop),)),
                ]
                for poller in pollers:
                    poller.start()
                time.sleep(1)
                start = time.perf_counter()
                upload.set_input_files(str(files[name]))
                page.get_by_text(name + ":", exact=False).first.wait_for(timeout=300_000)
                answered = time.perf_counter() - start
                stop.set()
                for poller in pollers:
                    poller.join()
                status = Path(f"/proc/{server.pid}/status").read_text()
                peak = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))
                print(
                    f"| Open {name} | answered in {answered:.1f} s | health check median "
                    f"{statistics.median(health) * 1000:.0f} ms, max {max(health) * 1000:.0f} ms | another session's "
                    f"click median {statistics.median(clicks) * 1000:.0f} ms, max {max(clicks) * 1000:.0f} ms "
                    f"({len(clicks)} clicks) | server peak {int(peak) / 1024:.0f} MB |",
                    flush=True,
                )
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)


def _poll_health(url: str, waits: list[float], stop: threading.Event) -> None:
    while not stop.is_set():
        start = time.perf_counter()
        urllib.request.urlopen(f"{url}/_stcore/health", timeout=120).read()
        waits.append(time.perf_counter() - start)
        time.sleep(0.1)


async def _click(session, waits: list[float], stop: threading.Event) -> None:
    await session.connect()
    try:
        while not stop.is_set():
            waits.append((await session.run()).seconds)
            await asyncio.sleep(0.2)
    finally:
        await session.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout to measure (default: this one)")
    parser.add_argument("--no-server", action="store_true", help="skip the real server and browser")
    args = parser.parse_args()
    code = args.code.resolve()
    with tempfile.TemporaryDirectory() as folder:
        files = hostile_files(Path(folder))
        print(f"code: {code}")
        for name, path in files.items():
            print(
                f"| {name} ({path.stat().st_size / 1e6:.2f} MB) | page: {measure(PAGE, code, name, path)} |", flush=True
            )
            print(f"| {name} | command line: {measure(COMMAND, code, name, path)} |", flush=True)
        if not args.no_server:
            page_under_upload(code, files)


if __name__ == "__main__":
    main()
