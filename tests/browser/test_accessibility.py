"""Every main page of the demo, in each role, checked by axe-core (the copy shipped in the
`axe-playwright-python` wheel) with no serious or critical violation; screenshots of each at
1366 and 390 px kept in test-results/screenshots/, and none scrolls sideways at 390 or 360 px.

The figures of the last run (pages checked, violations by impact and by rule) are written to
test-results/accessibility/<role>.json for the record."""

import json
from importlib import resources
from pathlib import Path

import pytest
from playwright.sync_api import Page
from tests.browser.signing import sign_in, sign_out

pytestmark = pytest.mark.browser

SHOTS = Path("test-results") / "screenshots"
FIGURES = Path("test-results") / "accessibility"
PROCESS = "/p/oewg-ict-demo/"
VERSION = f"{PROCESS}report/v2/"
EVERYONE = {
    "home": "/",
    "process": PROCESS,
    "clean-text": VERSION,
    "compilation": f"{VERSION}compilation/",
    "status": f"{VERSION}status/",
    "bracketed": f"{VERSION}bracketed/",
    "redline": f"{VERSION}redline/",
    "silence": f"{VERSION}silence/",
    "national-views": f"{PROCESS}national-views/",
    "chairs-summary": f"{PROCESS}chairs-summary/",
    "participants": f"{PROCESS}participants/",
    "history": f"{PROCESS}history/",
    "paragraph-history": f"{PROCESS}report/provisions/p3/",
    "consensus-report": "/p/ict-capacity-vote-demo/resolution/consensus-report/",
    "draft-resolution": "/p/first-committee-demo/resolution/v2/",
    "resolution-compilation": "/p/first-committee-demo/resolution/v2/compilation/",
    "check": "/check/",
}
ACCREDITED = {"desk": f"{PROCESS}desk/", "positions": f"{VERSION}positions/"}
DRAFTING = {"new-draft": f"{PROCESS}drafts/new/", "import": f"{PROCESS}import/"}
PAGES: dict[str | None, dict[str, str]] = {
    None: {**EVERYONE, "sign-in": "/login/"},
    "chair": {
        **EVERYONE,
        **ACCREDITED,
        **DRAFTING,
        "status-mark": f"{VERSION}p3/status/",
        "adoption": f"{VERSION}adoption/",
        "revise": f"{PROCESS}report/revise/",
        "chairs-summary": f"{PROCESS}chairs-summary/",
    },
    "secretariat": {
        **EVERYONE,
        **ACCREDITED,
        **DRAFTING,
        "stakeholders": f"{PROCESS}stakeholders/",
        "new-process": "/processes/new/",
    },
    "bra": {
        **EVERYONE,
        **ACCREDITED,
        "propose": f"{VERSION}p3/propose/",
        "position": f"{VERSION}p3/position/",
        "invitations": f"{PROCESS}invitations/",
        "stakeholders": f"{PROCESS}stakeholders/",
        "new-statement": f"{PROCESS}national-views/new/",
        "break-silence": f"{PROCESS}silence/1/",
    },
    "vat": {**EVERYONE, **ACCREDITED, "new-statement": f"{PROCESS}national-views/new/"},
    "stakeholder": {**EVERYONE, **ACCREDITED},
    "gfce": dict(EVERYONE),
}
SERIOUS = ("serious", "critical")


def _axe(page: Page) -> list[dict]:
    """The violations axe-core finds on the page as it stands."""
    script = resources.files("axe_playwright_python").joinpath("axe.min.js").read_text("utf-8")
    page.evaluate(script)
    found = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return found["violations"]


@pytest.mark.parametrize("who", list(PAGES), ids=lambda who: who or "anonymous")
def test_main_pages_have_no_serious_accessibility_violation(
    page: Page, demo_server: str, who: str | None
):
    SHOTS.mkdir(parents=True, exist_ok=True)
    role = who or "anonymous"
    if who:
        sign_in(page, demo_server, who)
    serious: list[str] = []
    wide: list[str] = []
    figures: dict[str, dict[str, list[str]]] = {}
    for name, address in PAGES[who].items():
        page.set_viewport_size({"width": 1366, "height": 900})
        response = page.goto(f"{demo_server}{address}")
        assert response is not None
        assert response.status == 200, name
        page.screenshot(path=SHOTS / f"{role}-{name}-1366.png")
        violations = _axe(page)
        figures[name] = {}
        for violation in violations:
            figures[name].setdefault(violation["impact"], []).append(violation["id"])
            if violation["impact"] in SERIOUS:
                targets = [node["target"] for node in violation["nodes"]][:3]
                serious.append(f"{name}: {violation['id']} ({violation['impact']}) {targets}")
        for width in (390, 360):
            page.set_viewport_size({"width": width, "height": 900})
            if width == 390:
                page.screenshot(path=SHOTS / f"{role}-{name}-390.png")
            scrolled = page.evaluate("document.documentElement.scrollWidth")
            if scrolled > width:
                wide.append(f"{name} is {scrolled} px wide at {width} px")
    FIGURES.mkdir(parents=True, exist_ok=True)
    (FIGURES / f"{role}.json").write_text(json.dumps(figures, indent=1, sort_keys=True))
    assert serious == []
    assert wide == []
    if who:
        sign_out(page)
