"""A reader finds the concluded report in Arabic from its clean text and reads it side by
side with the English: each column in its language and direction, the paragraphs in order,
and no sideways scrolling on a laptop or a phone."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1366, 390])
def test_the_arabic_report_reads_side_by_side(page: Page, demo_server: str, width: int):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{demo_server}/p/oewg-2021-demo/report/v2/")
    page.get_by_role("link", name="العربية").click()
    expect(page.get_by_role("heading", level=2)).to_contain_text("paragraph by paragraph")
    table = page.locator("table.parallel")
    arabic = table.locator('tbody td[lang="ar"]')
    english = table.locator('tbody td[lang="en"]')
    expect(arabic).to_have_count(9)  # the title, three sections and five paragraphs
    assert arabic.first.evaluate("cell => getComputedStyle(cell).direction") == "rtl"
    assert english.first.evaluate("cell => getComputedStyle(cell).direction") == "ltr"
    numbers = table.locator('tbody tr.paragraph td[lang="ar"] .number').all_inner_texts()
    assert numbers == ["1.", "2.", "3.", "4.", "5."]
    expect(arabic.nth(2)).to_contain_text("عقد الفريق العامل ثلاث دورات موضوعية")
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
