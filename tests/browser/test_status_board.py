"""The Chair marks a paragraph from the version page and reads the status board."""

import re

import pytest
from playwright.sync_api import Page, expect
from tests.browser.signing import sign_in

pytestmark = pytest.mark.browser


def test_the_chair_marks_a_paragraph_and_the_board_shows_it(page: Page, demo_server: str):
    sign_in(page, demo_server, "chair")
    page.goto(f"{demo_server}/p/oewg-ict-demo/report/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Revised draft of the report")
    page.get_by_label("Chair's mark on 40", exact=True).select_option("agreed-pending")
    page.get_by_label("Still to confirm 40 (names or codes)", exact=True).fill("China, usa")
    page.get_by_label("Still to confirm 40 (names or codes)", exact=True).press("Enter")
    expect(page.get_by_text("The status of paragraph 40 was recorded.")).to_be_visible()
    paragraph = page.locator("div.provision.paragraph", has_text=re.compile(r"^\s*40\."))
    expect(paragraph.locator(".provision-status")).to_have_text(
        "Agreed pending China, United States of America"
    )

    page.get_by_role("link", name="Status board").click()
    expect(page.get_by_role("link", name="Status board")).to_have_attribute("aria-current", "page")
    row = page.get_by_role("row", name=re.compile(r"^40 "))
    expect(row).to_contain_text("Agreed pending China, United States of America")
    chart = page.get_by_role("img", name="Paragraphs by status after each recorded event")
    expect(chart).to_be_visible()
    progress = page.locator("table.status-progress tbody tr")
    expect(progress.last).to_contain_text("Chair's mark on paragraph 40")
    expect(progress.first).to_contain_text("Zero draft issued")
