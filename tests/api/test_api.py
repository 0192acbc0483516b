import json

import pytest

from accord.core.provisions import content_hash
from accord.store import models

pytestmark = pytest.mark.django_db

BASE = "/api/v1/processes/wg/documents/report/versions/1"
WORDING_4 = "The voluntary, non-binding norms complement international law."


def _post(client, body):
    return client.post(f"{BASE}/proposals", json.dumps(body), content_type="application/json")


def test_the_version_in_json(client, negotiation):
    response = client.get(BASE)
    assert response.status_code == 200
    body = response.json()
    assert (body["document"], body["number"], body["label"], body["is_current"]) == (
        "report",
        1,
        "Zero draft",
        True,
    )
    assert body["content_hash"] == negotiation.version.content_hash
    assert [p["label"] for p in body["provisions"]] == [
        "A",
        "1",
        "B",
        "2",
        "3",
        "3(a)",
        "3(b)",
        "4",
    ]
    assert body["provisions"][5] == {
        "uid": "p3-a",
        "kind": "subparagraph",
        "label": "3(a)",
        "text": "by designating points of contact;",
        "parent": "p3",
        "content_hash": content_hash("by designating points of contact;"),
    }


def test_a_delegate_proposes_through_the_api(client, negotiation):
    client.force_login(negotiation.germany)
    response = _post(
        client,
        {
            "provision": "p4",
            "wording": WORDING_4,
            "on_behalf_of": "eu",
            "justification": "Cite the law.",
        },
    )
    assert response.status_code == 201
    body = response.json()
    proposal = models.Proposal.objects.get()
    assert body == {
        "id": proposal.pk,
        "provision": "p4",
        "delegation": "DEU",
        "delegation_name": "Germany",
        "on_behalf_of": "eu",
        "cosponsors": [],
        "kind": "wording",
        "wording": WORDING_4,
        "operations": [{"kind": "delete", "old": "the application of ", "new": ""}],
        "options": [],
        "structure": None,
        "justification": "Cite the law.",
        "status": "open",
        "submitted_at": body["submitted_at"],
        "fates": [],
        "carried": None,
    }
    compilation = client.get(f"{BASE}/compilation").json()
    entry = next(e for e in compilation["entries"] if e["provision"]["uid"] == "p4")
    assert [p["id"] for p in entry["proposals"]] == [proposal.pk]


def test_the_public_must_sign_in_to_propose(client, negotiation):
    response = _post(client, {"provision": "p4", "wording": WORDING_4})
    assert response.status_code == 401
    assert models.Proposal.objects.count() == 0


def test_a_refusal_is_a_problem_document(client, negotiation):
    client.force_login(negotiation.holy_see)
    response = _post(client, {"provision": "p4", "wording": WORDING_4})
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert response.json() == {
        "type": "urn:accord:problem:not-permitted",
        "title": "not-permitted",
        "status": 403,
        "detail": "Only delegates of a delegation may do this.",
    }
    assert models.Proposal.objects.count() == 0


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"provision": "p99", "wording": WORDING_4}, 404, "unknown-provision"),
        ({"provision": "p4", "wording": ""}, 422, "empty-text"),
        ({"provision": "p4", "wording": "z" * 15_001}, 422, "text-too-long"),
    ],
)
def test_bad_proposals_are_refused_and_nothing_is_stored(client, negotiation, body, status, code):
    client.force_login(negotiation.brazil)
    response = _post(client, body)
    assert (response.status_code, response.json()["title"]) == (status, code)
    assert models.Proposal.objects.count() == 0


def test_the_openapi_document_describes_the_api(client, db):
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["info"]["title"] == "accord"
    assert (
        "/api/v1/processes/{process}/documents/{document}/versions/{number}/proposals"
        in spec["paths"]
    )


def test_the_reference_page_is_served_by_accord_itself(client, db):
    page = client.get("/api/v1/docs").content.decode()
    assert '<script src="/static/ninja/swagger-ui-bundle.js">' in page
    assert "cdn." not in page


def test_a_private_process_is_not_found_through_the_api(client, db):
    from tests.builders import make_negotiation

    make_negotiation(is_public=False)
    assert client.get("/api/v1/processes").json() == {"items": [], "next": None}
    assert client.get(BASE).status_code == 404


def test_the_compilation_in_json_reads_in_a_constant_number_of_queries(
    client, negotiation, django_assert_num_queries
):
    from accord.actions.proposals import submit_proposal

    submit_proposal(
        negotiation.version, by=negotiation.brazil, provision_uid="p4", wording="Variant."
    )
    # The record's position, which the answer is kept by, then the compilation is built.
    with django_assert_num_queries(6) as few:
        first = client.get(f"{BASE}/compilation").content
    # Nothing happened since: the same answer, kept, in the two queries that find it.
    with django_assert_num_queries(2):
        assert client.get(f"{BASE}/compilation").content == first
    for i in range(25):
        submit_proposal(
            negotiation.version, by=negotiation.germany, provision_uid="p2", wording=f"Variant {i}."
        )
    # Brought up to date from what was kept: the events since (one query more), then the
    # paragraph they name compiled again, in as many queries whatever their number.
    with django_assert_num_queries(len(few.captured_queries) + 1):
        body = client.get(f"{BASE}/compilation").json()
    assert sum(len(e["proposals"]) for e in body["entries"]) == 26
    assert [len(e["proposals"]) for e in body["entries"] if e["proposals"]] == [25, 1]


def test_a_delegate_withdraws_through_the_api(client, negotiation):
    client.force_login(negotiation.brazil)
    created = _post(client, {"provision": "p4", "wording": WORDING_4}).json()
    url = f"{BASE}/proposals/{created['id']}/withdraw"
    assert client.post(url).json()["status"] == "withdrawn"
    again = client.post(url)
    assert (again.status_code, again.json()["title"]) == (422, "proposal-not-open")
    client.force_login(negotiation.germany)
    assert client.post(url).status_code == 403
