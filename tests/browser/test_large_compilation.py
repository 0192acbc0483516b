"""A generated negotiation of full size — 193 members, 300 paragraphs, 5,000 proposals — in
Chromium: the compilation opens on its first part, under a megabyte, and "show all" sets
every proposal. No time is asserted: the page must render, however long the machine takes."""

import subprocess
import sys
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page
from tests.served_demo import demo_environment_for, served_demo

pytestmark = pytest.mark.browser

PROPOSALS = 5000

# Builds the negotiation `accord bench api` builds, in the served instance's database.
BUILD = f"""
import django
django.setup()
from accord.bench import api
version, _, _ = api.build(300, {PROPOSALS})
print(version.document.process.slug)
"""


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> Iterator[tuple[str, str]]:
    """The URL of an instance of its own, and the slug of its generated negotiation."""
    with (
        demo_environment_for(tmp_path_factory.mktemp("large")) as environment,
        served_demo(environment) as url,
    ):
        built = subprocess.run(
            [sys.executable, "-c", BUILD],
            env=environment | {"DJANGO_SETTINGS_MODULE": "accord.settings"},
            capture_output=True,
            text=True,
            check=True,
        )
        yield url, built.stdout.strip().splitlines()[-1]


def test_the_compilation_opens_on_its_first_part_and_shows_all(page: Page, large):
    url, slug = large
    page.set_default_timeout(0)  # no wall-clock limit: the page must come, however slowly
    answer = page.goto(f"{url}/p/{slug}/report/v1/compilation/")
    assert answer is not None
    assert answer.status == 200
    assert len(answer.body()) < 1_000_000
    assert page.locator("p.summary").inner_text() == f"{PROPOSALS} proposals on this version."
    parts = page.get_by_role("navigation", name="Parts of the compilation")
    assert parts.get_by_text("Part 1 of ").is_visible()
    shown = page.locator("li.proposal").count()
    assert 0 < shown <= 200
    assert parts.locator("ol a").first.get_attribute("aria-current") == "page"

    page.get_by_role("link", name="Show the whole compilation on one page").click()
    page.wait_for_url("**/compilation/?all=1")
    page.wait_for_load_state("load")
    assert parts.get_by_text("The whole compilation is shown.").is_visible()
    assert page.locator("li.proposal").count() == PROPOSALS
