"""A long PDF made in the background by the real server: its page refreshes itself until the
file is ready, then offers it."""

import json
import urllib.request

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

VERSION = "/p/oewg-ict-demo/report/v1"
API = "/api/v1/processes/oewg-ict-demo/documents/report/versions/1/export-jobs"


def test_a_job_page_refreshes_until_the_pdf_is_ready_then_offers_it(page: Page, demo_server):
    request = urllib.request.Request(  # noqa: S310 (the test's own server)
        f"{demo_server}{API}?view=compilation&format=pdf", method="POST"
    )
    with urllib.request.urlopen(request) as response:  # noqa: S310
        assert response.status == 202
        job = json.load(response)["id"]
    page.goto(f"{demo_server}{VERSION}/exports/{job}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("The compilation as PDF")
    # The page refreshes itself; the server's background thread sets the PDF meanwhile.
    link = page.get_by_role("link", name="Download report-zero-draft-compilation.pdf")
    expect(link).to_be_visible(timeout=300_000)
    with page.expect_download() as started:
        link.click()
    assert started.value.suggested_filename == "report-zero-draft-compilation.pdf"
    assert started.value.failure() is None
