"""The revision workspace saves as the Chair types, says so in its status line, and the
Secretariat reads the draft after the Chair has signed out."""

import re

import pytest
from playwright.sync_api import Page, expect
from tests.browser.signing import sign_in, sign_out

pytestmark = pytest.mark.browser

TYPED = "1. States agreed to keep talking."


def test_the_draft_saves_as_the_chair_types_and_the_secretariat_reads_it(
    page: Page, demo_server: str
):
    desk = f"{demo_server}/p/oewg-ict-demo/report/revise/"
    sign_in(page, demo_server, "chair")
    page.goto(desk)
    expect(page.locator("#draft-saved")).to_have_text(re.compile(r"Not saved yet"))
    text = page.get_by_label(re.compile("Text of the revision"))
    text.fill(TYPED)
    # The server's clock is stopped at 09:00 (see tests/accord_at_fixed_time.py).
    expect(page.locator("#draft-saved")).to_have_text("Saved 09:00 by Chair of the working group")
    sign_out(page)

    sign_in(page, demo_server, "secretariat")
    page.goto(f"{demo_server}/p/oewg-ict-demo/report/")
    page.get_by_role("link", name="Draft of the next revision").click()
    expect(page.get_by_label(re.compile("Text of the revision"))).to_have_value(TYPED)
    expect(page.get_by_label(re.compile("Text of the revision"))).not_to_be_editable()
    sign_out(page)

    # Leave the demo as it was for the other tests.
    sign_in(page, demo_server, "chair")
    page.goto(desk)
    page.get_by_role("button", name="Start again from the current text").click()
    expect(page.locator("#draft-saved")).to_have_text(re.compile(r"Not saved yet"))
