"""The propose page shows the derived amendment while the delegate types."""

import pytest
from playwright.sync_api import Page, expect
from tests.browser.signing import sign_in

pytestmark = pytest.mark.browser


def test_the_redline_follows_the_typing(page: Page, demo_server: str):
    sign_in(page, demo_server, "bra")

    page.goto(f"{demo_server}/p/oewg-ict-demo/report/")
    page.get_by_role("link", name="Propose on 5").click()
    preview = page.locator("#preview")
    wording = page.get_by_label("Proposed wording")
    current = wording.input_value()
    # Unchanged text: the engine says so before anything is typed.
    expect(preview).to_contain_text("The proposed wording is the same as the current text.")
    wording.press("Control+End")
    wording.press_sequentially(" Together")
    expect(preview.locator("ins")).to_contain_text("Together")
    wording.press("Control+Home")
    wording.press_sequentially("Indeed, ")
    expect(preview.locator("ins").first).to_contain_text("Indeed,")
    expect(preview.locator("ins").last).to_contain_text("Together")
    assert wording.input_value() == f"Indeed, {current} Together"
    # Only previewed: nothing was submitted.
    page.goto(f"{demo_server}/p/oewg-ict-demo/invitations/")
    expect(page.get_by_text("Canada invites you to co-sponsor its proposal")).to_be_visible()
