"""A delegate proposes in the browser; the Chair sees the proposal attributed."""

import re

import pytest
from playwright.sync_api import Page, expect
from tests.browser.signing import sign_in, sign_out

pytestmark = pytest.mark.browser

NEW_WORDING_END = "in full respect of the sovereign equality of States."


def test_a_delegate_proposes_and_the_chair_sees_it_attributed(page: Page, demo_server: str):
    page.goto(f"{demo_server}/")
    page.get_by_role("link", name=re.compile("Revised draft of the report")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Revised draft of the report")
    expect(page.get_by_role("link", name="Propose on 5")).to_have_count(0)

    sign_in(page, demo_server, "ken")
    page.goto(f"{demo_server}/p/oewg-ict-demo/report/")
    expect(page.get_by_text("You act as Delegate for Kenya.")).to_be_visible()
    page.get_by_role("link", name="Propose on 5").click()
    wording = page.get_by_label("Proposed wording")
    current = wording.input_value()
    assert current.endswith(".")
    wording.fill(f"{current[:-1]}, {NEW_WORDING_END}")
    page.get_by_label("Justification (optional)").fill("Sovereign equality belongs here.")
    page.get_by_role("button", name="Submit proposal").click()
    expect(page.get_by_text("Your proposal on paragraph 5 was submitted.")).to_be_visible()
    sign_out(page)

    sign_in(page, demo_server, "chair")
    page.goto(f"{demo_server}/p/oewg-ict-demo/report/v2/compilation/")
    proposals = page.get_by_role("list", name="Proposals on 5")
    kenya = proposals.get_by_role("listitem").filter(has_text="Kenya")
    expect(kenya).to_have_count(1)
    expect(kenya.locator("ins")).to_contain_text("sovereign equality of States")
    expect(kenya).to_contain_text("Sovereign equality belongs here.")
