"""The Chair takes in one proposal, previews, is told which proposals still need a fate
(the two new ones and those left pending in Rev.1, carried onto it), settles them and issues
Rev.2. On a demo server of its own: issuing a revision changes what
every other browser test reads."""

import re

import pytest
from playwright.sync_api import Page, expect
from tests.browser.signing import sign_in, sign_out
from tests.served_demo import demo_environment_for, served_demo

pytestmark = pytest.mark.browser

TAKEN_END = "in full respect of the sovereign equality of States."
LEFT_END = "and of nothing else."


@pytest.fixture(scope="module")
def own_demo(tmp_path_factory):
    with (
        demo_environment_for(tmp_path_factory.mktemp("revise-demo")) as environment,
        served_demo(environment) as url,
    ):
        yield url


def _propose(page: Page, url: str, label: str, end: str) -> None:
    page.goto(f"{url}/p/oewg-ict-demo/report/")
    page.get_by_role("link", name=f"Propose on {label}", exact=True).click()
    wording = page.get_by_label("Proposed wording")
    current = wording.input_value()
    wording.fill(f"{current[:-1]}, {end}")
    page.get_by_role("button", name="Submit proposal").click()
    expect(page.get_by_text(f"Your proposal on paragraph {label} was submitted.")).to_be_visible()


def test_the_chair_takes_in_settles_and_issues_a_revision(page: Page, own_demo: str):
    sign_in(page, own_demo, "arg")
    _propose(page, own_demo, "5", TAKEN_END)
    _propose(page, own_demo, "6", LEFT_END)
    sign_out(page)

    sign_in(page, own_demo, "chair")
    page.goto(f"{own_demo}/p/oewg-ict-demo/report/")
    page.get_by_role("link", name="Issue a revision").click()
    # The demo's Rev.1 left proposals on the zero draft pending: they are still open.
    expect(
        page.get_by_text(re.compile(r"\d+ open proposals, paragraph by paragraph"))
    ).to_be_visible()
    expect(page.get_by_text("Made on Zero draft, on paragraph 47; still open.")).to_be_visible()
    page.get_by_role("button", name=re.compile(r"Take in proposal \d+ as paragraph 5")).click()
    expect(page.get_by_text(re.compile(r"was taken into paragraph 5\."))).to_be_visible()
    assert TAKEN_END in page.get_by_label(re.compile("Text of the revision")).input_value()

    page.get_by_label("Label of the revision").fill("Rev.2")
    page.get_by_role("button", name="Preview the revision").click()
    fates = page.get_by_role("table", name="The fate of every open proposal")
    rows = fates.get_by_role("row")
    expect(rows.filter(has_text="reflected in 5")).to_have_count(1)
    page.get_by_role("button", name="Issue the revision").click()
    expect(page.get_by_role("alert")).to_contain_text("would vanish without a fate")
    expect(page.get_by_role("alert")).to_contain_text("by Argentina on paragraph 6")
    expect(page.get_by_role("alert")).to_contain_text("by Saudi Arabia on paragraph 47")

    needing = (
        page.get_by_role("table", name="The fate of every open proposal")
        .get_by_role("row")
        .filter(has_text="needs a fate")
    )
    for k in range(needing.count()):
        needing.nth(k).get_by_role("combobox").select_option(label="not taken up")
    page.get_by_role("button", name="Issue the revision").click()
    expect(page.get_by_text("Rev.2 was issued.")).to_be_visible()
    assert page.url.endswith("/p/oewg-ict-demo/report/v3/redline/")
    expect(page.locator("ins").filter(has_text="sovereign equality")).to_have_count(1)
    page.get_by_label("Compared with").select_option(label="Zero draft")
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_text(re.compile("changed from Zero draft to Rev.2"))).to_be_visible()
