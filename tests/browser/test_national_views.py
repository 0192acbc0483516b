"""A stakeholder and a delegation put their views on record; the Chair adds to the Chair's
summary; the public reads them, attributed and apart."""

import re

import pytest
from playwright.sync_api import Page, expect
from tests.browser.signing import sign_in, sign_out

pytestmark = pytest.mark.browser


def test_views_are_put_on_record_and_read_attributed(page: Page, demo_server: str):
    views = f"{demo_server}/p/oewg-ict-demo/national-views/"
    sign_in(page, demo_server, "stakeholder")
    page.goto(views)
    page.get_by_role("link", name="Submit a statement or written input").click()
    page.get_by_label("Text").fill("Industry sees most incidents first; involve us.")
    page.get_by_role("button", name="Submit the written input").click()
    expect(page.get_by_text("Your text was recorded as a national view.")).to_be_visible()
    sign_out(page)

    sign_in(page, demo_server, "ken")
    page.goto(f"{views}new/")
    page.get_by_label("Text").fill("Kenya asks for more capacity-building.")
    page.get_by_label("Document it speaks to (optional)").select_option("report")
    page.get_by_label(re.compile("Paragraph numbers")).fill("5")
    page.get_by_role("button", name="Deliver the statement").click()
    expect(page.get_by_text("Cite as: Statement by Kenya,")).to_be_visible()
    sign_out(page)

    sign_in(page, demo_server, "chair")
    page.goto(f"{demo_server}/p/oewg-ict-demo/chairs-summary/")
    page.get_by_label("View or proposal, in the Chair's words").fill("Kenya asked for more.")
    page.get_by_label(
        re.compile("Held by .delegations or groups, by name or code, separated by commas, e.g.")
    ).fill("Kenya, African Group")
    page.get_by_role("button", name="Add to the summary").press("Enter")
    expect(page.get_by_text("The Chair's summary was updated.")).to_be_visible()
    sign_out(page)

    page.goto(f"{demo_server}/p/oewg-ict-demo/chairs-summary/")
    expect(page.get_by_role("note")).to_have_text(
        "Chair's summary — not negotiated, does not reflect consensus"
    )
    entry = page.get_by_role("listitem").filter(has_text="Kenya asked for more.")
    expect(entry).to_contain_text("Held by: Kenya, African Group")
    page.goto(views)
    inputs = page.get_by_role("region", name="Written inputs of stakeholders")
    expect(inputs).to_contain_text("Industry sees most incidents first; involve us.")
    statements = page.get_by_role("region", name="Statements of delegations")
    expect(statements).to_contain_text("On paragraph 5 of")
    expect(statements).not_to_contain_text("Industry sees most incidents")
