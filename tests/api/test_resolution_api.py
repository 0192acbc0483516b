"""A resolution through the API: published as text, read with its title block and PP/OP
labels, proposed on, and its compilation."""

import io
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


ELSEWHERE = Path(__file__).parents[1] / "documents" / "akn_elsewhere"


def _upload(name: str):
    upload = io.BytesIO((ELSEWHERE / name).read_bytes())
    upload.name = name
    return upload


def test_a_decision_written_elsewhere_previews_with_what_was_left_out(client, negotiation):
    client.force_login(negotiation.chair)
    response = client.post(
        "/api/v1/processes/wg/imports",
        {
            "file": _upload("cop_decision.xml"),
            "slug": "decision",
            "label": "Adopted",
            "preview": True,
        },
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["symbol"], body["title"]) == (
        "CBD/COP/DEC/16/7",
        "Biodiversity and health in the monitoring framework",
    )
    assert [p["label"] for p in body["provisions"]][:4] == ["PP1", "PP2", "A", "OP1"]
    assert body["notices"] == [
        {
            "kind": "not-carried",
            "where": "",
            "detail": "formula enactingFormula: The Conference of the Parties,",
        },
        {"kind": "not-carried", "where": "A", "detail": "intro: The Conference of the Parties,"},
        {
            "kind": "not-carried",
            "where": "OPB.1",
            "detail": "attachments: Indicators for the monitoring framework.",
        },
    ]
    assert models.Document.objects.filter(slug="decision").count() == 0


def test_a_year_alone_as_a_date_is_refused_with_what_to_change(client, negotiation):
    client.force_login(negotiation.chair)
    before = (models.Document.objects.count(), models.Event.objects.count())
    response = client.post(
        "/api/v1/processes/wg/imports",
        {"file": _upload("year_only_date.xml"), "slug": "resolution", "label": "Adopted"},
    )
    assert response.status_code == 422
    assert response.json()["title"] == "invalid-akoma-ntoso"
    assert response.json()["detail"] == (
        "The file could not be imported: it does not follow the Akoma Ntoso 3.0 schema at line "
        "12: the date “2025” (FRBRdate, attribute date) is not a full date: a date must be a "
        "full date, YYYY-MM-DD."
    )
    assert (models.Document.objects.count(), models.Event.objects.count()) == before
