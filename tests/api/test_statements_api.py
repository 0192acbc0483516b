import datetime as dt
import json

import pytest
from tests.builders import DRAFT, make_negotiation

from accord.actions.proposals import submit_proposal
from accord.actions.revisions import issue_revision
from accord.actions.statements import add_summary_entry, deliver_statement
from accord.core.fates import Fate, FateKind
from accord.core.provisions import content_hash
from accord.store import models

pytestmark = pytest.mark.django_db

P4 = "The voluntary, non-binding norms complement the application of international law."


def _post(client, path, body, **headers):
    return client.post(
        f"/api/v1/processes/wg/{path}", json.dumps(body), content_type="application/json", **headers
    )


def _counts():
    return (
        models.Statement.objects.count(),
        models.ChairSummaryEntry.objects.count(),
        models.Event.objects.count(),
    )


def test_a_delegate_delivers_a_statement_and_anyone_lists_it(client, negotiation):
    client.force_login(negotiation.brazil)
    response = _post(
        client,
        "statements",
        {
            "text": "Brazil reads paragraph 4 as voluntary.",
            "document": "report",
            "provisions": ["p4"],
            "delivered_on": "2026-03-12",
        },
    )
    assert response.status_code == 201
    row = models.Statement.objects.get()
    expected = {
        "id": row.pk,
        "kind": "statement",
        "delegation": "BRA",
        "holder": "Brazil",
        "text": "Brazil reads paragraph 4 as voluntary.",
        "document": "report",
        "version": 1,
        "provisions": ["p4"],
        "delivered_on": "2026-03-12",
        "standing": "national-view",
        "citation": "Statement by Brazil, 12 March 2026 (national view)",
    }
    assert response.json() == expected
    client.logout()
    listed = client.get("/api/v1/processes/wg/statements")
    assert listed.json() == {"items": [expected], "next": None}


def test_statements_page_by_cursor_and_filter_by_delegation(client, negotiation):
    for text in ("One.", "Two.", "Three."):
        deliver_statement(negotiation.process, by=negotiation.brazil, delegation="BRA", text=text)
    deliver_statement(negotiation.process, by=negotiation.holy_see, delegation="VAT", text="Four.")
    first = client.get("/api/v1/processes/wg/statements?limit=2").json()
    assert [s["text"] for s in first["items"]] == ["One.", "Two."]
    rest = client.get(f"/api/v1/processes/wg/statements?limit=2&cursor={first['next']}").json()
    assert ([s["text"] for s in rest["items"]], rest["next"]) == (["Three.", "Four."], None)
    holy_see = client.get("/api/v1/processes/wg/statements?delegation=VAT").json()
    assert [(s["holder"], s["text"]) for s in holy_see["items"]] == [("Holy See", "Four.")]
    assert client.get("/api/v1/processes/wg/statements?kind=written-input").json() == {
        "items": [],
        "next": None,
    }
    bad = client.get("/api/v1/processes/wg/statements?kind=agreed")
    assert (bad.status_code, bad.json()["title"]) == (422, "invalid-request")
    assert [e["field"] for e in bad.json()["errors"]] == ["kind"]


@pytest.mark.parametrize(
    ("who", "body", "status", "code"),
    [
        (None, {"text": "x"}, 401, "not-authenticated"),
        ("outsider", {"text": "x"}, 403, "not-permitted"),
        ("brazil", {"text": "x", "delegation": "DEU"}, 403, "not-permitted"),
        ("stakeholder", {"text": "x"}, 403, "not-permitted"),
        ("brazil", {"text": "  "}, 422, "empty-statement"),
        (
            "brazil",
            {"text": "x", "document": "report", "provisions": ["p9"]},
            404,
            "unknown-provision",
        ),
        ("brazil", {"text": "x", "document": "nothing"}, 404, "not-found"),
        ("brazil", {"text": "x", "document": "report", "version": 7}, 404, "not-found"),
    ],
)
def test_refused_statements_answer_a_problem_and_store_nothing(
    client, negotiation, who, body, status, code
):
    if who:
        client.force_login(getattr(negotiation, who))
    before = _counts()
    response = _post(client, "statements", body)
    assert (response.status_code, response.json()["title"]) == (status, code)
    assert response["Content-Type"] == "application/problem+json"
    assert _counts() == before


def test_a_stakeholder_submits_a_written_input_listed_apart(client, negotiation):
    negotiation.stakeholder.first_name = "Open Networks Forum"
    negotiation.stakeholder.save()
    client.force_login(negotiation.stakeholder)
    response = _post(client, "written-inputs", {"text": "Hear us.", "delivered_on": "2026-03-14"})
    assert response.status_code == 201
    assert response.json()["citation"] == (
        "Written input by Open Networks Forum, 14 March 2026 (stakeholder input, not negotiated)"
    )
    assert client.get("/api/v1/processes/wg/statements").json()["items"] == []
    inputs = client.get("/api/v1/processes/wg/statements?kind=written-input").json()["items"]
    assert [(i["kind"], i["delegation"], i["text"]) for i in inputs] == [
        ("written-input", None, "Hear us.")
    ]
    client.force_login(negotiation.brazil)
    refused = _post(client, "written-inputs", {"text": "Hear us."})
    assert (refused.status_code, refused.json()["title"]) == (403, "not-permitted")


def test_the_chairs_summary_in_json(client, negotiation):
    empty = client.get("/api/v1/processes/wg/chairs-summary").json()
    assert empty == {
        "process": "wg",
        "standing": "chairs-summary",
        "label": "Chair's summary — not negotiated, does not reflect consensus",
        "issued_at": None,
        "entries": [],
    }
    proposal = submit_proposal(
        negotiation.version,
        by=negotiation.germany,
        provision_uid="p4",
        wording="Voluntary.",
        on_behalf_of="eu",
    )
    issue_revision(
        negotiation.version.document,
        by=negotiation.chair,
        text=DRAFT,
        label="Rev.1",
        fates={proposal.pk: Fate(proposal.pk, FateKind.NOT_TAKEN_UP)},
    )
    client.force_login(negotiation.chair)
    first = _post(
        client, "chairs-summary/entries", {"proposal": proposal.pk, "delegations": ["FRA"]}
    )
    assert first.status_code == 201
    entry = models.ChairSummaryEntry.objects.get()
    today = dt.date.today()
    assert first.json() == {
        "id": entry.pk,
        "number": 1,
        "source": "proposal",
        "text": "Voluntary.",
        "delegations": ["DEU", "FRA"],
        "groups": ["eu"],
        "proposal": proposal.pk,
        "document": "report",
        "version": 1,
        "provision": "p4",
        "text_hash": None,
        "added_at": first.json()["added_at"],
        "citation": f"Working group (test), para 1, {today.day} {today:%B %Y} "
        "(Chair's summary, not negotiated)",
    }
    second = _post(client, "chairs-summary/entries", {"text": "A view.", "groups": ["eu"]})
    assert (second.status_code, second.json()["number"], second.json()["source"]) == (
        201,
        2,
        "free-text",
    )
    summary = client.get("/api/v1/processes/wg/chairs-summary").json()
    assert [e["text"] for e in summary["entries"]] == ["Voluntary.", "A view."]


def test_the_chair_moves_a_provision_with_if_match(client, negotiation):
    client.force_login(negotiation.chair)
    path = "documents/report/versions/1/move-to-summary"
    before = _counts()
    stale = _post(client, path, {"provision": "p4", "delegations": ["BRA"]}, HTTP_IF_MATCH='"old"')
    assert (stale.status_code, _counts()) == (412, before)
    etag = f'"{negotiation.version.content_hash}"'
    moved = _post(client, path, {"provision": "p4", "delegations": ["BRA"]}, HTTP_IF_MATCH=etag)
    assert moved.status_code == 201
    assert (moved.json()["source"], moved.json()["provision"], moved.json()["text_hash"]) == (
        "moved-provision",
        "p4",
        content_hash(P4),
    )
    again = _post(client, path, {"provision": "p4", "delegations": ["BRA"]})
    assert (again.status_code, again.json()["title"]) == (422, "already-moved")


@pytest.mark.parametrize(
    ("who", "path", "body", "status", "code"),
    [
        (
            "brazil",
            "chairs-summary/entries",
            {"text": "x", "delegations": ["BRA"]},
            403,
            "not-permitted",
        ),
        ("chair", "chairs-summary/entries", {"text": "x"}, 422, "unattributed"),
        ("chair", "chairs-summary/entries", {"proposal": 999}, 404, "not-found"),
        (
            "brazil",
            "documents/report/versions/1/move-to-summary",
            {"provision": "p4", "delegations": ["BRA"]},
            403,
            "not-permitted",
        ),
        (
            "chair",
            "documents/report/versions/1/move-to-summary",
            {"provision": "p9", "delegations": ["BRA"]},
            404,
            "unknown-provision",
        ),
    ],
)
def test_refused_summary_writes_store_nothing(client, negotiation, who, path, body, status, code):
    client.force_login(getattr(negotiation, who))
    before = _counts()
    response = _post(client, path, body)
    assert (response.status_code, response.json()["title"]) == (status, code)
    assert _counts() == before


def test_confidential_views_are_hidden_from_the_public(client, db):
    n = make_negotiation(is_public=False)
    deliver_statement(n.process, by=n.brazil, delegation="BRA", text="Private.")
    add_summary_entry(n.process, by=n.chair, text="A view.", delegations=["BRA"])
    assert client.get("/api/v1/processes/wg/statements").status_code == 404
    assert client.get("/api/v1/processes/wg/chairs-summary").status_code == 404
    client.force_login(n.holy_see)
    assert [s["text"] for s in client.get("/api/v1/processes/wg/statements").json()["items"]] == [
        "Private."
    ]
    assert (
        client.get("/api/v1/processes/wg/chairs-summary").json()["entries"][0]["text"] == "A view."
    )


def test_a_statement_with_a_nul_character_is_refused_and_nothing_is_stored(client, negotiation):
    client.force_login(negotiation.brazil)
    before = (models.Statement.objects.count(), models.Event.objects.count())
    response = _post(client, "statements", {"title": "On norms", "text": "Brazil\x00."})
    assert (response.status_code, response["Content-Type"]) == (400, "application/problem+json")
    assert (models.Statement.objects.count(), models.Event.objects.count()) == before
