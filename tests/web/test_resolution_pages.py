"""A resolution on the pages: its title block, its preamble with italic opening words, PP/OP."""

from pathlib import Path

import pytest

from accord.actions.processes import publish_draft
from accord.actions.proposals import submit_proposal

pytestmark = pytest.mark.django_db

DRAFT = (Path(__file__).parents[1] / "core" / "fixtures" / "resolution_draft.md").read_text(
    encoding="utf-8"
)


@pytest.fixture
def resolution(negotiation):
    return publish_draft(
        negotiation.process, by=negotiation.chair, slug="resolution", text=DRAFT, label="Draft"
    )


def test_the_clean_text_shows_the_title_block_and_italic_opening_words(client, resolution):
    page = client.get("/p/wg/resolution/v1/").content.decode()
    assert "<dt>Body</dt><dd>General Assembly</dd>" in page
    assert "<dt>Sponsors</dt><dd>Brazil, Kenya, Singapore</dd>" in page
    assert '<div class="provision preambular" id="pp2">' in page
    assert '<span class="number"><bdi dir="ltr">PP2</bdi></span>' in page
    assert '<p dir="auto"><em>Noting with concern</em> that a number of States' in page
    assert '<span class="number"><bdi dir="ltr">OP2.</bdi></span>' in page
    assert '<p dir="auto"><em>Calls upon</em> all States to be guided' in page


@pytest.mark.parametrize("view", ["compilation/", "bracketed/", "status/", "positions/"])
def test_every_view_of_a_resolution_opens(client, negotiation, resolution, view):
    submit_proposal(
        resolution,
        by=negotiation.brazil,
        provision_uid="pp1",
        wording="Recalling also its resolutions 73/27 and 75/240,",
    )
    client.force_login(negotiation.chair)
    response = client.get(f"/p/wg/resolution/v1/{view}")
    assert response.status_code == 200
    assert "PP1" in response.content.decode()
