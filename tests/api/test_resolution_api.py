"""A resolution through the API: published as text, read with its title block and PP/OP
labels, proposed on, and its compilation."""

from pathlib import Path

import pytest

from accord.store import models

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parents[1] / "core" / "fixtures"
DRAFT = (FIXTURES / "resolution_draft.md").read_text(encoding="utf-8")
BASE = "/api/v1/processes/wg/documents/resolution/versions/1"


@pytest.fixture
def resolution(client, negotiation):
    client.force_login(negotiation.chair)
    response = client.post(
        "/api/v1/processes/wg/documents",
        {"slug": "resolution", "text": DRAFT, "label": "Draft"},
        content_type="application/json",
    )
    assert response.status_code == 201
    return response.json()


def test_a_resolution_reads_with_its_title_block_and_labels(client, resolution):
    body = client.get(BASE).json()
    assert body["title_block"] == {
        "body": "General Assembly",
        "session": "Eighty-first session",
        "agenda_item": "94",
        "sponsors": ["Brazil", "Kenya", "Singapore"],
    }
    assert [(p["uid"], p["kind"], p["label"]) for p in body["provisions"]][3:6] == [
        ("pp4", "preambular", "PP4"),
        ("op1", "paragraph", "OP1"),
        ("op2", "paragraph", "OP2"),
    ]


def test_a_report_has_no_title_block(client, negotiation):
    body = client.get("/api/v1/processes/wg/documents/report/versions/1").json()
    assert body["title_block"] is None


def test_a_delegate_adds_a_preambular_paragraph_through_the_api(client, negotiation, resolution):
    client.force_login(negotiation.brazil)
    made = client.post(
        f"{BASE}/proposals",
        {"provision": "pp4", "kind": "add", "wording": "Recognizing the role of the region,"},
        content_type="application/json",
    )
    assert made.status_code == 201
    compilation = client.get(f"{BASE}/compilation").json()
    entry = next(e for e in compilation["entries"] if e["provision"]["uid"] == "pp4")
    assert (entry["provision"]["label"], entry["provision"]["kind"]) == ("PP4", "preambular")
    assert [p["structure"]["after"] for p in entry["proposals"]] == ["pp4"]


def test_moving_a_preambular_paragraph_into_the_operative_part_is_refused(
    client, negotiation, resolution
):
    client.force_login(negotiation.brazil)
    refused = client.post(
        f"{BASE}/proposals",
        {"provision": "pp1", "kind": "move", "after": "op2"},
        content_type="application/json",
    )
    assert refused.json() == {
        "type": "urn:accord:problem:preamble-out-of-order",
        "title": "preamble-out-of-order",
        "status": 422,
        "detail": "The preambular paragraph pp1 would follow an operative paragraph; a "
        "preambular paragraph moves within the preamble.",
    }
    assert models.Proposal.objects.count() == 0
