import json

import pytest

from accord.actions.adoption import record_adoption
from accord.core.provisions import content_hash
from accord.store import models

pytestmark = pytest.mark.django_db

DOCUMENT = "/api/v1/processes/wg/documents/report"
P4 = "The voluntary, non-binding norms complement the application of international law."


def _post(client, path, body, **headers):
    """An adoption or a vote, sent as a client must: with the ETag of the version it read."""
    headers.setdefault("If-Match", client.get(f"{DOCUMENT}/versions/1")["ETag"])
    return client.post(path, json.dumps(body), content_type="application/json", headers=headers)


def _state():
    return (
        models.Adoption.objects.count(),
        models.ExplanationOfPosition.objects.count(),
        models.Event.objects.count(),
    )


def test_the_chair_records_the_adoption_and_everyone_reads_it(client, negotiation):
    client.force_login(negotiation.chair)
    etag = client.get(f"{DOCUMENT}/versions/1")["ETag"]
    body = {
        "disassociations": {"fra": ["p2"]},
        "explanations": {"BRA": "Brazil joins consensus."},
        "confirm": True,
    }
    response = _post(client, f"{DOCUMENT}/versions/1/adoptions", body, **{"If-Match": etag})
    assert response.status_code == 201
    adoption = models.Adoption.objects.get()
    recorded = response.json()
    assert {k: v for k, v in recorded.items() if k != "provision_hashes"} == {
        "document": "report",
        "version": 1,
        "adopted": True,
        "method": "consensus",
        "outcome": "Adopted by consensus",
        "decided_at": adoption.decided_at.isoformat(),
        "objections": [],
        "objecting": [],
        "disassociations": {"FRA": ["p2"]},
        "explanations": [
            {"delegation": "BRA", "delegation_name": "Brazil", "text": "Brazil joins consensus."}
        ],
        "vote": None,
    }
    assert recorded["provision_hashes"]["p4"] == content_hash(P4)
    client.logout()
    assert client.get(f"{DOCUMENT}/adoptions").json() == [recorded]


def test_a_stale_or_unauthorised_adoption_stores_nothing(client, negotiation):
    client.force_login(negotiation.chair)
    etag = client.get(f"{DOCUMENT}/versions/1")["ETag"]
    models.Provision.objects.filter(version=negotiation.version, uid="p1").update(text="Changed.")
    before = _state()
    stale = _post(client, f"{DOCUMENT}/versions/1/adoptions", {}, **{"If-Match": etag})
    assert stale.status_code == 412
    client.force_login(negotiation.brazil)
    refused = _post(client, f"{DOCUMENT}/versions/1/adoptions", {})
    assert (refused.status_code, refused.json()["title"]) == (403, "not-permitted")
    client.logout()
    assert _post(client, f"{DOCUMENT}/versions/1/adoptions", {}).status_code == 401
    assert _state() == before


def test_a_delegation_explains_its_position_once_after_the_adoption(client, negotiation):
    client.force_login(negotiation.germany)
    early = _post(client, f"{DOCUMENT}/explanations", {"text": "Too soon."})
    assert (early.status_code, early.json()["detail"]) == (
        409,
        "report has not been adopted; explanations of position follow an adoption.",
    )
    record_adoption(negotiation.version, by=negotiation.chair, confirm=True)
    response = _post(client, f"{DOCUMENT}/explanations", {"text": " Germany joins. "})
    assert (response.status_code, response.json()) == (
        201,
        {"delegation": "DEU", "delegation_name": "Germany", "text": "Germany joins."},
    )
    before = _state()
    again = _post(client, f"{DOCUMENT}/explanations", {"text": "Again."})
    assert (again.status_code, again.json()["detail"]) == (
        409,
        "Germany has already explained its position on this adoption.",
    )
    assert _state() == before
    assert client.get(f"{DOCUMENT}/adoptions").json()[0]["explanations"] == [
        {"delegation": "DEU", "delegation_name": "Germany", "text": "Germany joins."}
    ]


def test_the_checklist_says_what_is_outstanding_and_an_unconfirmed_adoption_is_refused(
    client, negotiation
):
    client.force_login(negotiation.chair)
    checklist = client.get(f"{DOCUMENT}/versions/1/adoption-checklist").json()
    assert checklist == {
        "nothing_outstanding": False,
        "not_agreed": ["1", "2", "3", "3(a)", "3(b)", "4"],
        "open_proposals": [],
        "silences_running": 0,
        "reserving": [],
        "objecting": [],
    }
    before = _state()
    refused = _post(client, f"{DOCUMENT}/versions/1/adoptions", {"objections": ["DEU"]})
    assert (refused.status_code, refused.json()["title"]) == (409, "adoption-not-confirmed")
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["detail"].startswith(
        "Matters are outstanding. 6 paragraphs are not agreed."
    )
    assert _state() == before


def test_an_objection_reads_as_not_adopted_on_the_records_and_the_document(client, negotiation):
    client.force_login(negotiation.chair)
    body = {"objections": ["deu"], "confirm": True}
    recorded = _post(client, f"{DOCUMENT}/versions/1/adoptions", body).json()
    assert (recorded["adopted"], recorded["outcome"], recorded["objecting"]) == (
        False,
        "Not adopted — objection by Germany",
        ["Germany"],
    )
    client.logout()
    document = client.get(DOCUMENT).json()
    assert document["adopted"] is False
    assert [(o["version"], o["outcome"]) for o in document["outcomes"]] == [
        (1, "Not adopted — objection by Germany")
    ]
    version = client.get(f"{DOCUMENT}/versions/1").json()
    assert [o["objecting"] for o in version["outcomes"]] == [["Germany"]]


def test_the_chair_records_a_vote_and_its_result_is_derived(client, negotiation):
    negotiation.process.decision_rule = "vote-simple-majority"
    negotiation.process.save()
    client.force_login(negotiation.chair)
    body = {
        "ballots": {"bra": "yes", "DEU": "yes", "FRA": "no"},
        "explanations": {"FRA": "France voted against."},
        "confirm": True,
    }
    response = _post(client, f"{DOCUMENT}/versions/1/votes", body)
    assert response.status_code == 201
    recorded = response.json()
    assert (recorded["adopted"], recorded["method"], recorded["outcome"]) == (
        True,
        "vote",
        "Adopted by a recorded vote of 2–1–0 (yes, no, abstain)",  # noqa: RUF001 (a tally is written with en dashes)
    )
    assert recorded["vote"] == {
        "rule": "vote-simple-majority",
        "ballots": {"BRA": "yes", "DEU": "yes", "FRA": "no"},
        "yes": 2,
        "no": 1,
        "abstentions": 0,
        "present": 3,
        "needed": 2,
        "quorum_needed": 2,
        "quorum_met": True,
    }
    assert recorded["explanations"][0]["text"] == "France voted against."
    assert client.get(f"{DOCUMENT}/adoptions").json() == [recorded]


def test_a_refused_vote_is_a_problem_and_stores_nothing(client, negotiation):
    client.force_login(negotiation.chair)
    before = _state()
    consensus = _post(client, f"{DOCUMENT}/versions/1/votes", {"ballots": {}, "confirm": True})
    assert (consensus.status_code, consensus.json()["title"]) == (422, "voting-not-allowed")
    negotiation.process.decision_rule = "vote-two-thirds"
    negotiation.process.save()
    body = {"ballots": {"BRA": "yes", "VAT": "no"}, "confirm": True}
    observer = _post(client, f"{DOCUMENT}/versions/1/votes", body)
    assert (observer.status_code, observer.json()["detail"]) == (
        422,
        "Holy See is not a member: only members state positions and vote.",
    )
    unconfirmed = _post(client, f"{DOCUMENT}/versions/1/votes", {"ballots": {"BRA": "yes"}})
    assert (unconfirmed.status_code, unconfirmed.json()["title"]) == (409, "adoption-not-confirmed")
    by_consensus = _post(client, f"{DOCUMENT}/versions/1/adoptions", {"confirm": True})
    assert (by_consensus.status_code, by_consensus["Content-Type"]) == (
        422,
        "application/problem+json",
    )
    assert by_consensus.json()["title"] == "vote-required"
    typed = _post(client, f"{DOCUMENT}/versions/1/votes", {"ballots": {"BRA": "maybe"}})
    assert typed.status_code == 422
    assert _state() == before
    assert models.RecordedVote.objects.count() == 0
