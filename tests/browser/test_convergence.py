"""The Chair opens the convergence page from the status board and sees the demo's camps."""

import re

import pytest
from playwright.sync_api import Page, expect
from tests.browser.signing import sign_in

pytestmark = pytest.mark.browser


def test_the_chair_sees_the_opinion_groups_of_the_demo(page: Page, demo_server: str):
    sign_in(page, demo_server, "chair")
    page.goto(f"{demo_server}/p/oewg-ict-demo/report/v2/status/")
    page.get_by_role("link", name=re.compile("^Convergence")).click()
    expect(page.get_by_role("heading", level=2)).to_have_text("Where consensus is within reach")
    expect(page.get_by_role("note")).to_contain_text("they decide nothing")
    expect(page.get_by_text(re.compile(r"26 of 193 members placed in 3 groups"))).to_be_visible()
    groups = page.locator("table.convergence-groups tbody tr")
    expect(groups).to_have_count(3)
    expect(groups.nth(0)).to_contain_text("Group 1")
    expect(
        page.get_by_role("img", name="Map of the delegations by how they stand across the text")
    ).to_be_visible()
    expect(page.locator("svg g.group-3")).to_have_count(6)
    page.get_by_role("combobox", name="Opinion group").select_option("3")
    page.get_by_role("button", name="Show").click()
    page.get_by_text("Every delegation on the map (data table)").click()
    rows = page.locator("table.convergence-map tbody tr")
    expect(rows).to_have_count(6)
    expect(rows.first).to_contain_text("China")
