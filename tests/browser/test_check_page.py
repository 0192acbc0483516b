"""A journalist checks a speech against the demo's agreed corpus in the browser."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SPEECH = (
    "As the Group agreed, States shall not conduct ICT activity that intentionally damages "
    "critical infrastructure. Some States proposed that the Group begin negotiations on a "
    "legally binding instrument on the security of ICTs. Our region stands ready to help."
)


def test_a_pasted_speech_is_checked_sentence_by_sentence(page: Page, demo_server: str):
    page.goto(f"{demo_server}/")
    page.get_by_role("link", name="Check a passage against agreed language").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check a passage")
    expect(page.get_by_text("Provisions adopted by consensus: 45")).to_be_visible()
    page.get_by_label("Passage to check").fill(SPEECH)
    page.get_by_role("button", name="Check").click()

    findings = page.locator("li.finding")
    expect(findings).to_have_count(3)
    altered = findings.nth(0)
    expect(altered.get_by_role("heading", level=3)).to_have_text("Agreed language, altered")
    expect(altered).to_contain_text(
        "From A/AC.292/2025/2 (demo), provision 8, adopted by consensus."
    )
    expect(altered).to_contain_text("a qualifier was dropped: “knowingly”")
    expect(altered).to_contain_text("the obligation was strengthened")
    expect(altered.locator("ins").first).to_contain_text("shall")
    expect(altered.locator("del").first).to_contain_text("should")
    view = findings.nth(1)
    expect(view.get_by_role("heading", level=3)).to_have_text("A national view, not agreed")
    expect(view).to_contain_text("Chair's summary, under the Chair's own responsibility")
    expect(findings.nth(2).get_by_role("heading", level=3)).to_have_text(
        "Found in no agreed source"
    )
