"""Navigation by role, in a browser: each person finds what their role may do in the process
from its navigation bar, and nothing else; the pages hold at phone width without scrolling
sideways. Screenshots of the main pages at 1366 and 390 px are kept in test-results/."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from tests.browser.signing import sign_in, sign_out

pytestmark = pytest.mark.browser

PROCESS = "/p/oewg-ict-demo/"
SHOTS = Path("test-results") / "screenshots"
COMMON = ["National views", "Chair's summary", "Participants"]
ROLES = {
    "chair": ["Documents", "My desk", *COMMON, "History", "Publish a draft", "Import a draft"],
    "secretariat": [
        "Documents",
        "My desk",
        *COMMON,
        "Stakeholders",
        "History",
        "Publish a draft",
        "Import a draft",
    ],
    "bra": [
        "Documents",
        "My desk",
        "Invitations to co-sponsor",
        *COMMON,
        "Stakeholders",
        "History",
    ],
    "vat": ["Documents", "My desk", *COMMON, "History"],
    "stakeholder": ["Documents", "My desk", *COMMON, "History"],
}
PAGES = {
    "process": PROCESS,
    "clean-text": f"{PROCESS}report/",
    "compilation": f"{PROCESS}report/v2/compilation/",
    "status": f"{PROCESS}report/v2/status/",
    "positions": f"{PROCESS}report/v2/positions/",
    "silence": f"{PROCESS}report/v2/silence/",
    "national-views": f"{PROCESS}national-views/",
    "history": f"{PROCESS}history/",
    "desk": f"{PROCESS}desk/",
}


def _navigation(page: Page) -> list[str]:
    bar = page.get_by_role("navigation", name="This process")
    return [text.strip() for text in bar.get_by_role("link").all_inner_texts()]


@pytest.mark.parametrize("who", list(ROLES))
def test_each_role_finds_its_actions_in_the_navigation(page: Page, demo_server: str, who: str):
    sign_in(page, demo_server, who)
    page.goto(f"{demo_server}{PROCESS}")
    assert _navigation(page) == ROLES[who]
    page.get_by_role("navigation", name="This process").get_by_role("link", name="My desk").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("desk")
    current = page.get_by_role("navigation", name="This process").get_by_role(
        "link", name="My desk"
    )
    expect(current).to_have_attribute("aria-current", "page")
    crumbs = page.get_by_role("navigation", name="You are here")
    crumbs.get_by_role("link", name="OEWG on ICT security (demo)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("OEWG on ICT security (demo)")
    sign_out(page)


def test_the_public_sees_no_desk_and_no_drafting(page: Page, demo_server: str):
    page.goto(f"{demo_server}{PROCESS}")
    assert _navigation(page) == ["Documents", *COMMON, "History"]


def test_an_observer_meets_a_styled_refusal_with_a_way_on(page: Page, demo_server: str):
    sign_in(page, demo_server, "vat")
    response = page.goto(f"{demo_server}{PROCESS}report/v2/p2/propose/")
    assert response is not None
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Not allowed")
    expect(page.get_by_role("textbox")).to_have_count(0)
    assert _navigation(page) == ROLES["vat"]
    sign_out(page)


@pytest.mark.parametrize("who", ["chair", "bra"])
def test_main_pages_do_not_scroll_sideways_at_phone_width(page: Page, demo_server: str, who: str):
    SHOTS.mkdir(parents=True, exist_ok=True)
    sign_in(page, demo_server, who)
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for name, address in PAGES.items():
            page.goto(f"{demo_server}{address}")
            page.screenshot(path=SHOTS / f"{who}-{name}-{width}.png")
            wide = page.evaluate("document.documentElement.scrollWidth")
            assert wide <= width, f"{name} is {wide} px wide at {width} px"
    sign_out(page)


def test_a_confirmation_stands_beside_the_paragraph_acted_on(page: Page, demo_server: str):
    sign_in(page, demo_server, "bra")
    page.goto(f"{demo_server}{PROCESS}report/v2/p3/position/")
    page.get_by_label("Can accept").check()
    page.get_by_role("button", name="Record position").click()
    assert page.url.endswith("/report/v2/#p3")
    said = page.locator("#p3 .messages")
    expect(said).to_have_text("Your position on paragraph 3 was recorded.")
    expect(said).to_have_attribute("role", "status")
    expect(said).to_be_in_viewport()
    sign_out(page)


def test_the_chair_picks_delegations_by_the_start_of_a_name_or_a_code(page: Page, demo_server: str):
    sign_in(page, demo_server, "chair")
    page.goto(f"{demo_server}{PROCESS}report/v2/p3/status/")
    page.get_by_label("Mark", exact=True).select_option("agreed-pending")
    field = page.get_by_label("Delegations still to confirm")
    offered = page.locator("#delegation-names option")
    field.press_sequentially("Bra")
    assert offered.evaluate_all("options => options.map(o => o.value)") == ["Brazil"]
    field.fill("")
    field.press_sequentially("Brazil, CHE")
    assert offered.evaluate_all("options => options.map(o => o.value)") == ["Brazil, Switzerland"]
    sign_out(page)


def test_on_a_laptop_the_proposals_stand_beside_their_paragraph(page: Page, demo_server: str):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{demo_server}{PAGES['compilation']}")
    text = page.locator("#p4 > p").first.bounding_box()
    proposals = page.locator("#p4 > ol.proposals").bounding_box()
    assert text is not None
    assert proposals is not None
    assert proposals["x"] >= text["x"] + text["width"]
    assert abs(proposals["y"] - text["y"]) < 20
    page.set_viewport_size({"width": 390, "height": 900})
    proposals = page.locator("#p4 > ol.proposals").bounding_box()
    assert proposals is not None
    assert proposals["y"] > text["y"]


def test_a_document_prints_without_the_workplace_around_it(page: Page, demo_server: str):
    sign_in(page, demo_server, "chair")
    page.goto(f"{demo_server}{PAGES['clean-text']}")
    page.get_by_text("Download or print").click()
    expect(page.get_by_role("button", name="Print this page")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="This process")).to_be_hidden()
    expect(page.locator("details.downloads")).to_be_hidden()
    expect(page.locator(".status-mark").first).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("#p3 > p").first).to_be_visible()
    page.emulate_media(media="screen")
    sign_out(page)
