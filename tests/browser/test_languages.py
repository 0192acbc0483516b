"""The demo in Arabic and in Chinese, in Chromium: the main pages of each role mirror in
Arabic without scrolling sideways at 1366 or 390 px, the draft's paragraphs come in their
order with their numbers on the right and read as written; in Chinese the pages speak
Chinese and do not overflow either. The switcher in the header changes the language."""

import pytest
from django.utils import translation
from playwright.sync_api import Page, expect
from tests.browser.signing import sign_in
from tests.browser.test_accessibility import EVERYONE, PAGES, VERSION

pytestmark = pytest.mark.browser

WIDTHS = (1366, 390)


def _speak(page: Page, url: str, code: str) -> None:
    page.context.add_cookies([{"name": "django_language", "value": code, "url": url}])


def _overflowing(page: Page, url: str, pages: dict[str, str]) -> list[str]:
    wide = []
    for name, address in pages.items():
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            response = page.goto(f"{url}{address}")
            assert response is not None, name
            assert response.status == 200, name
            scrolled = page.evaluate("document.documentElement.scrollWidth")
            if scrolled > width:
                wide.append(f"{name} is {scrolled} px wide at {width} px")
    return wide


@pytest.mark.parametrize("who", list(PAGES), ids=lambda who: who or "anonymous")
def test_in_arabic_no_main_page_of_any_role_scrolls_sideways(
    page: Page, demo_server: str, who: str | None
):
    if who:
        sign_in(page, demo_server, who)
    _speak(page, demo_server, "ar")
    page.goto(f"{demo_server}/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    assert _overflowing(page, demo_server, PAGES[who]) == []


def test_in_arabic_the_draft_mirrors_and_its_paragraphs_keep_their_order_and_numbers(
    page: Page, demo_server: str
):
    _speak(page, demo_server, "ar")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{demo_server}{VERSION}")
        found = page.evaluate(
            """() => [...document.querySelectorAll('.provision.paragraph')].map(p => {
                 const number = p.querySelector('.number bdi'), text = p.querySelector('p');
                 const n = number.getBoundingClientRect(), t = text.getBoundingClientRect();
                 const range = document.createRange();
                 range.selectNodeContents(number);
                 const glyphs = [...range.getClientRects()];
                 return {number: number.textContent, top: t.top, numberLeft: n.left,
                         textRight: t.right, textDirection: getComputedStyle(text).direction,
                         firstGlyph: glyphs.length ? glyphs[0].left : null};
               })"""
        )
        numbers = [int(row["number"].rstrip(".")) for row in found]
        assert numbers == list(range(1, len(numbers) + 1)), width
        tops = [row["top"] for row in found]
        assert tops == sorted(tops), width
        # The number sits on the right of its paragraph, which stays English, left to right.
        assert all(row["numberLeft"] >= row["textRight"] for row in found), width
        assert {row["textDirection"] for row in found} == {"ltr"}
        # "12." reads "12.", not ".12": the digits come before the full stop, left to right.
        two_digit = next(row for row in found if len(row["number"]) == 3)
        page.set_viewport_size({"width": width, "height": 900})
        dot_left = page.evaluate(
            """(label) => {
                 const bdi = [...document.querySelectorAll('.provision .number bdi')]
                   .find(b => b.textContent === label);
                 const range = document.createRange();
                 range.setStart(bdi.firstChild, 0); range.setEnd(bdi.firstChild, 1);
                 const first = range.getBoundingClientRect().left;
                 range.setStart(bdi.firstChild, 2); range.setEnd(bdi.firstChild, 3);
                 return [first, range.getBoundingClientRect().left];
               }""",
            two_digit["number"],
        )
        assert dot_left[0] < dot_left[1], width


def test_in_arabic_the_redline_keeps_its_insertions_and_deletions_in_their_paragraph(
    page: Page, demo_server: str
):
    _speak(page, demo_server, "ar")
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"{demo_server}{VERSION}redline/")
    marks = page.evaluate(
        """() => [...document.querySelectorAll('.redline-view ins, .redline-view del')]
             .slice(0, 20).map(m => {
               const p = m.closest('p'), r = m.getBoundingClientRect(),
                     b = p.getBoundingClientRect();
               return {inside: r.left >= b.left - 1 && r.right <= b.right + 1,
                       direction: getComputedStyle(p).direction};
             })"""
    )
    assert marks, "the redline of the demo's revision marks changes"
    assert all(mark["inside"] for mark in marks)
    assert {mark["direction"] for mark in marks} == {"ltr"}


def test_in_chinese_the_pages_speak_chinese_and_do_not_overflow(page: Page, demo_server: str):
    _speak(page, demo_server, "zh-hans")
    page.goto(f"{demo_server}{EVERYONE['participants']}")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    members = page.locator("ul.columns").first.locator("li > bdi").all_text_contents()
    assert {"巴西", "大不列颠及北爱尔兰联合王国", "俄罗斯联邦"} <= set(members)
    with translation.override("zh-hans"):
        skip = translation.gettext("Skip to the text")
    expect(page.locator("a.skip-link")).to_have_text(skip)
    assert _overflowing(page, demo_server, EVERYONE) == []


def test_the_switcher_turns_the_page_to_arabic_and_back(page: Page, demo_server: str):
    page.goto(f"{demo_server}/")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    page.get_by_role("button", name="العربية").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert page.url == f"{demo_server}/"
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
