"""A delegate breaks silence in the browser; everyone reads the letter attributed."""

import re

import pytest
from playwright.sync_api import Page, expect
from tests.browser.signing import sign_in

pytestmark = pytest.mark.browser


def test_a_delegate_breaks_silence_naming_two_paragraphs(page: Page, demo_server: str):
    sign_in(page, demo_server, "cub")
    page.goto(f"{demo_server}/p/oewg-ict-demo/report/")
    page.get_by_role("link", name="Silence procedure").click()
    expect(page.get_by_text("Under silence", exact=True)).to_be_visible()
    page.get_by_role("link", name=re.compile("^Launched")).click()
    expect(
        page.get_by_text("Letter from Iran (Islamic Republic of) (national view)")
    ).to_be_visible()
    expect(page.locator("dt", has_text="Time left")).to_be_visible()
    expect(page.locator("dd", has_text=re.compile(r"^3\sdays"))).to_have_count(1)
    concern = page.get_by_role("group", name="Paragraphs of concern")
    concern.get_by_label("Paragraph 4", exact=True).check()
    concern.get_by_label("Paragraph 9", exact=True).check()
    page.get_by_label("Letter breaking silence").fill("Cuba cannot accept paragraphs 4 and 9.")
    page.get_by_role("button", name="Break silence").click()
    expect(page.get_by_text("Your delegation broke silence.")).to_be_visible()
    letter = page.locator("blockquote", has_text="Letter from Cuba (national view)")
    expect(letter).to_contain_text("Paragraphs of concern: 4, 9")
    expect(letter).to_contain_text("Cuba cannot accept paragraphs 4 and 9.")
