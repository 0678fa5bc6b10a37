"""The paper's tour given in front of a class, at 1280×720 in presentation mode (a classroom projector):
every step frames its concepts, names every one it lights (no lit shape without its name, no name over
another), keeps Previous / Next and its citations on screen however long its text, and the map takes at
least 70% of the screen. The last step ends the tour instead of going past it. A screenshot of each step is
left in test-artifacts/ for people to look at."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from app_server import ROOT
from helpers import new_page, open_at
from playwright.sync_api import Browser, Page, expect

WIDTH, HEIGHT = 1280, 720
STEPS = len(yaml.safe_load((ROOT / "concepts.yaml").read_text())["tours"][0]["steps"])


def overlap(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def on_screen(page: Page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= HEIGHT and box["x"] + box["width"] <= WIDTH


def test_every_step_names_what_it_lights_and_keeps_its_ways_on_in_sight(browser: Browser, app, artifacts: Path) -> None:
    page = new_page(browser, (WIDTH, HEIGHT))
    root = page.locator(".atlas-network")
    for step in range(1, STEPS + 1):
        open_at(page, app, f"?panel=tour&tour=argument&step={step}&present=1")
        expect(page.get_by_text(f"Step {step} of {STEPS}")).to_be_visible()
        page.wait_for_timeout(300)  # the frame after the camera's move
        lit = root.evaluate("el => el.atlas.lit()") or []
        names = root.evaluate("el => el.atlas.labels()")
        named = {name["id"] for name in names}
        assert lit, f"step {step} lights nothing"
        assert set(lit) <= named, f"step {step}: lit but not named: {sorted(set(lit) - named)}"
        clashes = [(a["id"], b["id"]) for i, a in enumerate(names) for b in names[i + 1 :] if overlap(a, b)]
        assert not clashes, f"step {step}: names over each other: {clashes}"
        small = [name["id"] for name in names if name["id"] in lit and name["size"] < 14]
        assert not small, f"step {step}: lit names under 14 px: {small}"
        canvas = page.locator(".atlas-canvas").bounding_box()
        framed = [root.evaluate("(el, id) => el.atlas.nodePosition(id)", concept) for concept in lit]
        assert all(0 <= p["x"] <= canvas["width"] and 0 <= p["y"] <= canvas["height"] for p in framed), step
        assert canvas["width"] * canvas["height"] >= 0.7 * WIDTH * HEIGHT, f"the map takes too little: {canvas}"
        ways = ["Previous", "End the tour" if step == STEPS else "Next"]
        for name in ways:
            assert on_screen(page, page.get_by_role("button", name=name, exact=True)), f"step {step}: {name}"
        assert on_screen(page, page.get_by_text("Cites:", exact=False)), f"step {step}: its citations"
        page.screenshot(path=artifacts / f"lecture-step{step:02d}-1280x720.png")
    page.context.close()


def test_the_last_step_ends_the_tour_and_the_arrow_key_goes_nowhere(browser: Browser, app) -> None:
    page = open_at(new_page(browser, (WIDTH, HEIGHT)), app, f"?panel=tour&tour=argument&step={STEPS}&present=1")
    expect(page.get_by_role("button", name="Next", exact=True)).to_have_count(0)
    page.keyboard.press("ArrowRight")  # before, this went past the end and fell back to step 1
    page.wait_for_timeout(1000)
    expect(page).to_have_url(re.compile(f"step={STEPS}"))
    expect(page.get_by_text(f"Step {STEPS} of {STEPS}")).to_be_visible()
    page.get_by_role("button", name="End the tour").click()
    expect(page).not_to_have_url(re.compile("tour="))
    expect(page.get_by_role("radio", name="Details")).to_be_checked()  # presentation left: the tabs again
    page.context.close()
