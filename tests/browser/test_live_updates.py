"""Two people read the compilation; a proposal made on another page appears on the first
without a reload, announced politely."""

import pytest
from playwright.sync_api import Browser, Page, expect
from tests.browser.signing import sign_in

pytestmark = pytest.mark.browser

COMPILATION = "/p/oewg-ict-demo/report/v2/compilation/"
WORDING_END = "as recalled in the live updates of this negotiation."


def test_a_proposal_appears_on_an_open_compilation_without_a_reload(
    page: Page, browser: Browser, demo_server: str
):
    page.goto(f"{demo_server}{COMPILATION}")
    proposals = page.get_by_role("list", name="Proposals on 7")
    expect(proposals.get_by_text(WORDING_END)).to_have_count(0)
    # Anything the page keeps in memory would be lost on a reload.
    page.evaluate("window.notReloaded = true")
    page.get_by_role("link", name="Clean text").focus()
    page.mouse.wheel(0, 600)
    expect(page.locator("#live-updates")).to_be_attached()

    other = browser.new_context().new_page()
    sign_in(other, demo_server, "arg")
    other.goto(f"{demo_server}/p/oewg-ict-demo/report/")
    other.get_by_role("link", name="Propose on 7", exact=True).click()
    wording = other.get_by_label("Proposed wording")
    wording.fill(f"{wording.input_value()[:-1]}, {WORDING_END}")
    other.get_by_role("button", name="Submit proposal").click()
    expect(other.get_by_text("Your proposal on paragraph 7 was submitted.")).to_be_visible()

    argentina = (
        page.get_by_role("list", name="Proposals on 7")
        .get_by_role("listitem")
        .filter(has_text=WORDING_END)
    )
    expect(argentina).to_have_count(1, timeout=15_000)
    expect(argentina).to_contain_text("Argentina")
    notice = page.get_by_role("status").filter(has_text="New proposal by Argentina on paragraph 7")
    expect(notice).to_have_attribute("aria-live", "polite")
    assert page.evaluate("window.notReloaded") is True
    # The reader stays where they were: same scroll position, focus on the same link.
    assert page.evaluate("window.scrollY") > 0
    expect(page.get_by_role("link", name="Clean text")).to_be_focused()
    other.context.close()
