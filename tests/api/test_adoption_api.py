import json

import pytest

from accord.actions.adoption import record_adoption
from accord.core.provisions import content_hash
from accord.store import models

pytestmark = pytest.mark.django_db

DOCUMENT = "/api/v1/processes/wg/documents/report"
P4 = "The voluntary, non-binding norms complement the application of international law."


def _post(client, path, body, **headers):
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
