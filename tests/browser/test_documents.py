"""The demo's zero draft downloads in every format; the Chair imports a Word draft."""

import re

import pytest
from playwright.sync_api import Page, expect
from tests.browser.signing import sign_in
from tests.documents.word_files import typed_draft

pytestmark = pytest.mark.browser

LINKS = {
    "Word": ".docx",
    "PDF": ".pdf",
    "Akoma Ntoso XML": ".akn.xml",
    "HTML": ".html",
    "Markdown": ".md",
    "JSON": ".json",
}


@pytest.mark.parametrize(("number", "name"), [(1, "zero-draft"), (2, "rev-1")])
def test_the_demo_versions_download_in_every_format(
    page: Page, demo_server: str, number: int, name: str
):
    page.goto(f"{demo_server}/p/oewg-ict-demo/report/v{number}/")
    page.get_by_text("Download or print").click()
    downloads = page.get_by_role("navigation", name="Download the text")
    for link, suffix in LINKS.items():
        with page.expect_download() as started:
            downloads.get_by_role("link", name=link, exact=True).click()
        download = started.value
        assert download.suggested_filename == f"report-{name}-clean{suffix}"
        assert download.failure() is None
    # A PDF takes seconds to set: the menu said it was being prepared, then that it is ready.
    expect(page.locator(".download-progress")).to_have_text("The PDF is ready and downloaded.")


def test_the_chair_imports_a_word_draft_after_a_preview(page: Page, demo_server: str, tmp_path):
    source = tmp_path / "rev.docx"
    source.write_bytes(typed_draft(["## A. Scope", "1. States met.", "(a) twice;"]))
    sign_in(page, demo_server, "chair")
    page.goto(f"{demo_server}/p/oewg-ict-demo/")
    page.get_by_role("navigation", name="This process").get_by_role(
        "link", name="Import a draft"
    ).click()
    page.get_by_label("Word (.docx) or Akoma Ntoso (.xml) file").set_input_files(str(source))
    page.get_by_label("Short name of the document").fill("imported")
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_text("“Draft report (test)”: 3 provisions.")).to_be_visible()
    page.get_by_role("button", name="Publish this draft").click()
    expect(page).to_have_url(re.compile(r"/p/oewg-ict-demo/imported/v1/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Draft report (test)")
