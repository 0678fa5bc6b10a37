"""Teaching in the browser: a tour step in presentation mode turned by the arrow keys, a quiz answered, a
student's map uploaded and drawn on the expert's. Screenshots left in test-artifacts/."""

from __future__ import annotations

import re
from pathlib import Path

from app_server import ROOT
from helpers import SETTLED, new_page, open_at
from playwright.sync_api import Browser, expect


def test_a_tour_step_in_presentation_mode_and_the_arrow_keys(browser: Browser, app, artifacts: Path):
    page = open_at(new_page(browser, (1280, 720)), app, "?panel=tour&tour=argument&step=3&present=1")
    expect(page.get_by_role("heading", name="Experience sharing and its regions")).to_be_visible()
    page.wait_for_selector(SETTLED)
    lit = set(page.locator(".atlas-network").evaluate("el => el.atlas.lit()"))
    assert {"anterior_insula", "acc", "premotor_cortex", "ipl"} <= lit
    page.screenshot(path=artifacts / "teaching-tour-present-1280x720.png")
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("heading", name="Mentalizing and its regions (Figure 2)")).to_be_visible()
    expect(page).to_have_url(re.compile(r"step=4"))
    page.keyboard.press("ArrowLeft")
    expect(page).to_have_url(re.compile(r"step=3"))
    page.context.close()


def test_a_quiz_answer_gets_feedback_and_lights_the_relation(browser: Browser, app, artifacts: Path):
    page = open_at(new_page(browser, (1440, 900)), app, "?panel=quiz&quiz=42")
    first = page.get_by_role("radiogroup", name=re.compile(r"^1\. "))
    first.get_by_role("radio").first.check(force=True)
    expect(page.locator("[data-testid=stAlert]").first).to_be_visible()
    expect(page.locator(".atlas-network")).to_have_attribute("data-selected", re.compile(r"^relation:"))
    expect(page.get_by_text(re.compile(r"of 1 right"))).to_be_visible()
    page.screenshot(path=artifacts / "teaching-quiz-1440x900.png")
    page.context.close()


def test_an_uploaded_student_map_is_drawn_on_the_experts(browser: Browser, app, artifacts: Path):
    page = open_at(new_page(browser, (1440, 900)), app, "?panel=score")
    page.locator("input[type=file]").set_input_files(str(ROOT / "examples" / "student_empathy.yaml"))
    expect(page.get_by_text(re.compile(r"precision 50%"))).to_be_visible()
    expect(page.locator(".atlas-legend")).to_contain_text("Drawn right")
    expect(page.locator(".atlas-legend")).to_contain_text("Not in this map")
    expect(page.locator(".atlas-legend")).to_contain_text("Drawn the other way round")  # MPFC engages mentalizing
    expect(page.locator(".atlas-legend")).to_contain_text("Where the map joins it")  # the TPJ's own system
    lit = set(page.locator(".atlas-network").evaluate("el => el.atlas.lit()"))
    assert {"mentalizing", "tpj", "mpfc"} <= lit
    page.screenshot(path=artifacts / "teaching-score-1440x900.png")
    page.context.close()
