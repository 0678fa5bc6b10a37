"""The Build panel in the browser: a student draws a ten-concept map by mouse and by keyboard, moves, undoes and
redoes; the drawing is still there after a reload; checking it lights each link on the student's own drawing
as the expert map judges it. Screenshots left in test-artifacts/."""

from __future__ import annotations

from pathlib import Path

from app_server import ROOT
from helpers import OPENING_MS, new_page
from playwright.sync_api import Browser, Page, expect

from components.model import load

BOARD = ".atlas-build"
# Added in this order (index on the board = place in this list): five by mouse, five by keyboard.
BY_MOUSE = ["Empathy", "Experience sharing", "Mentalizing", "Anterior insula", "Temporoparietal junction"]
BY_KEYS = ["Prosocial concern", "Affective sharing", "Medial prefrontal cortex", "Mirror neuron system"]
OWN = "Zzyzx feeling"  # matches nothing on the map: a concept of the student's own


def opened(page: Page, app) -> Page:
    """The Build panel on an empty board (a fresh board holds the exercise's start: "Start again" clears it)."""
    page.goto(f"{app.url}/?build=1")
    page.wait_for_selector(BOARD, timeout=OPENING_MS)
    page.get_by_role("button", name="Start again").click()
    expect(page.locator(BOARD)).to_have_attribute("data-concepts", "0")
    return page


def test_the_class_link_opens_the_exercise_on_its_skeleton(browser: Browser, app):
    """`?build=1` (the link a class is given) opens the Build panel, the map file's question above it and its
    skeleton drawn, with nothing kept in this browser yet."""
    exercise = load.load_concepts(ROOT / "concepts.yaml").exercise
    assert exercise is not None
    assert exercise.skeleton
    ends = {end for link in exercise.skeleton for end in (link.source, link.target)}
    page = new_page(browser, (1280, 720))
    page.goto(f"{app.url}/?build=1")
    board = page.locator(BOARD)
    page.wait_for_selector(BOARD, timeout=OPENING_MS)
    expect(board).to_have_attribute("data-concepts", str(len(ends)))
    expect(board).to_have_attribute("data-links", str(len(exercise.skeleton)))
    expect(page.get_by_text(exercise.question, exact=True)).to_be_visible()
    page.context.close()


def concept(page: Page, label: str):
    return page.locator(".atlas-build-concept", has=page.locator(f"title:text-is('{label}')"))


def centre(locator) -> tuple[float, float]:
    box = locator.bounding_box()
    assert box is not None
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def add(page: Page, name: str) -> None:
    """A concept added through the search box over the map's names (Enter takes the best match)."""
    box = page.locator(f"{BOARD} .atlas-search input")
    box.fill(name)
    expect(page.locator(f"{BOARD} [role=option]").first).to_be_visible()
    box.press("Enter")
    expect(concept(page, name)).to_have_count(1)


def drag_link(page: Page, source: str, target: str, words: str) -> None:
    """A link drawn by dragging from the source's handle to the target, then given its words."""
    start = centre(concept(page, source).locator("[data-handle] circle").last)
    end = centre(concept(page, target).locator("rect"))
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(*end, steps=8)
    page.mouse.up()
    field = page.locator(f"{BOARD} .atlas-build-text")
    field.fill(words)
    field.press("Enter")


def key_link(page: Page, source: int, target: int, words: str, count: int) -> None:
    """A link drawn by keyboard: arrows to the source, L, arrows to the target, Enter, its words, Enter."""
    page.locator(".atlas-build-canvas").focus()
    page.keyboard.press("Escape")
    for _ in range(source + 1):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("l")
    for _ in range((target - source) % count):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    page.keyboard.type(words)
    page.keyboard.press("Enter")


def test_a_student_draws_a_ten_concept_map_by_mouse_and_keyboard_keeps_it_and_checks_it(
    browser: Browser, app, artifacts: Path
):
    page = new_page(browser, (1440, 900))
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    opened(page, app)
    board = page.locator(BOARD)

    for name in BY_MOUSE:
        add(page, name)
    drag_link(page, "Experience sharing", "Empathy", "is part of")  # as the map has it
    drag_link(page, "Mentalizing", "Empathy", "is part of")
    drag_link(page, "Experience sharing", "Anterior insula", "engages")
    drag_link(page, "Temporoparietal junction", "Mentalizing", "engages")  # the other way round
    expect(board).to_have_attribute("data-links", "4")

    moving = concept(page, "Anterior insula")
    before = moving.get_attribute("transform")
    page.mouse.move(*centre(moving.locator("rect")))
    page.mouse.down()
    page.mouse.move(*(c + 60 for c in centre(moving.locator("rect"))), steps=5)
    page.mouse.up()
    expect(moving).not_to_have_attribute("transform", before or "")
    page.keyboard.press("Control+z")
    expect(moving).to_have_attribute("transform", before or "")
    page.keyboard.press("Control+Shift+z")
    expect(moving).not_to_have_attribute("transform", before or "")

    page.locator(".atlas-build-canvas").focus()
    page.keyboard.press("a")  # to the search box, which keeps the focus for the next
    for name in BY_KEYS:
        page.keyboard.type(name)
        expect(page.locator(f"{BOARD} [role=option]").first).to_be_visible()
        page.keyboard.press("Enter")
        expect(concept(page, name)).to_have_count(1)
    page.keyboard.type(OWN)
    expect(page.locator(f"{BOARD} .atlas-search-none")).to_be_visible()
    page.keyboard.press("Enter")
    expect(board).to_have_attribute("data-concepts", "10")
    key_link(page, 5, 0, "is part of", 10)  # prosocial concern is part of empathy
    key_link(page, 6, 1, "is part of", 10)  # affective sharing is part of experience sharing
    key_link(page, 2, 7, "engages", 10)  # mentalizing engages the MPFC
    key_link(page, 3, 8, "is part of", 10)  # the insula in the mirror system: the map does not say so
    key_link(page, 9, 0, "sort of feeds", 10)  # words the vocabulary does not know: read as its default type
    expect(board).to_have_attribute("data-links", "9")
    page.wait_for_timeout(500)  # the last edit told to Python and kept

    page.reload()
    page.wait_for_selector(BOARD, timeout=OPENING_MS)
    expect(board).to_have_attribute("data-concepts", "10")
    expect(board).to_have_attribute("data-links", "9")
    expect(concept(page, OWN)).to_have_count(1)

    page.get_by_role("button", name="Check my map").click()
    expect(board).to_have_attribute("data-checked", "true")
    expect(page.locator("[data-verdict=correct]")).to_have_count(6)
    expect(page.locator("[data-verdict=reversed]")).to_have_count(1)
    expect(page.locator("[data-verdict=unjudged]")).to_have_count(0)  # free words are read, and kept
    expect(page.get_by_text("read as", exact=False).first).to_be_visible()
    legend = page.locator(".atlas-build-legend")
    expect(legend).to_contain_text("Drawn right")
    expect(legend).to_contain_text("Drawn the other way round")
    expect(page.get_by_text("precision", exact=False).first).to_be_visible()
    page.screenshot(path=artifacts / "build-checked-1440x900.png")
    assert not errors
    page.context.close()


def test_the_build_panel_at_laptop_and_phone_sizes(browser: Browser, app, artifacts: Path):
    for size in ((1280, 720), (390, 844)):
        page = opened(new_page(browser, size), app)
        for name in ("Empathy", "Mentalizing"):
            add(page, name)
        drag_link(page, "Mentalizing", "Empathy", "is part of")
        page.screenshot(path=artifacts / f"build-{size[0]}x{size[1]}.png", full_page=True)
        page.context.close()


def test_on_a_tablet_a_tap_on_a_concepts_dot_then_on_another_links_them(browser: Browser, app):
    """Touch: no mouse and no keyboard shortcuts; a tap on a concept's dot, then a tap on another, draws a link."""
    page = new_page(browser, (1024, 768), has_touch=True, is_mobile=True)
    opened(page, app)
    board = page.locator(BOARD)
    for name in ("Empathy", "Mentalizing"):
        add(page, name)
    page.touchscreen.tap(*centre(concept(page, "Mentalizing").locator("[data-handle] circle").last))
    page.touchscreen.tap(*centre(concept(page, "Empathy").locator("rect")))
    field = page.locator(f"{BOARD} .atlas-build-text")
    field.fill("is part of")
    field.press("Enter")
    expect(board).to_have_attribute("data-links", "1")
    undo = page.get_by_role("button", name="Undo")
    undo.tap()  # the link's words
    undo.tap()  # the link
    expect(board).to_have_attribute("data-links", "0")
    page.context.close()
