import json

import pytest
from tests.builders import DRAFT

from accord.actions.adoption import record_adoption
from accord.actions.proposals import submit_proposal
from accord.actions.revisions import issue_revision
from accord.actions.status import mark_provision_status
from accord.actions.tokens import create_api_token
from accord.core.fates import Fate, FateKind
from accord.core.provisions import content_hash
from accord.core.status import ActKind
from accord.store import models

pytestmark = pytest.mark.django_db

BASE = "/api/v1/processes/wg/documents/report/versions/1"
P4 = "The voluntary, non-binding norms complement the application of international law."


def _post(client, body, **headers):
    """A mark, sent with the ETag of the version it read unless a test names one."""
    headers.setdefault("If-Match", client.get(BASE)["ETag"])
    return client.post(
        f"{BASE}/status-marks", json.dumps(body), content_type="application/json", headers=headers
    )


def _state():
    return (models.StatusMark.objects.count(), models.Event.objects.count())


def test_the_status_of_every_provision_in_one_list(client, negotiation, django_assert_num_queries):
    mark_provision_status(
        negotiation.version,
        by=negotiation.chair,
        provision_uid="p4",
        kind=ActKind.AGREED_PENDING,
        pending=["FRA"],
    )
    submit_proposal(negotiation.version, by=negotiation.brazil, provision_uid="p2", wording="X.")
    response = client.get(f"{BASE}/status")
    assert response.status_code == 200
    body = response.json()
    assert (body["document"], body["version"], body["content_hash"]) == (
        "report",
        1,
        negotiation.version.content_hash,
    )
    section = negotiation.version.provisions.get(label="A").uid
    assert body["items"][0] == {
        "provision": section,
        "label": "A",
        "kind": "section",
        "status": None,
        "pending": [],
        "objecting": [],
        "provisional": None,
    }
    by_uid = {item["provision"]: item for item in body["items"]}
    assert by_uid["p4"] == {
        "provision": "p4",
        "label": "4",
        "kind": "paragraph",
        "status": "agreed-pending",
        "pending": ["FRA"],
        "objecting": [],
        "provisional": True,
    }
    assert [(i["label"], i["status"]) for i in body["items"]] == [
        ("A", None),
        ("1", "open"),
        ("B", None),
        ("2", "bracketed"),
        ("3", "open"),
        ("3(a)", "open"),
        ("3(b)", "open"),
        ("4", "agreed-pending"),
    ]
    # Nothing happened since the request above: the statuses are read from the cache.
    with django_assert_num_queries(3):
        client.get(f"{BASE}/status")
    # A mark moves the record on: the statuses of the marked provisions are worked out again,
    # after the events since (one query), in as many queries however many are marked.
    mark_provision_status(
        negotiation.version, by=negotiation.chair, provision_uid="p1", kind=ActKind.AGREED
    )
    with django_assert_num_queries(11) as few:
        client.get(f"{BASE}/status")
    for uid in ("p3", "p3-b"):
        mark_provision_status(
            negotiation.version, by=negotiation.chair, provision_uid=uid, kind=ActKind.AGREED
        )
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(f"{BASE}/status")


def test_the_chair_marks_through_the_api(client, negotiation):
    client.force_login(negotiation.chair)
    etag = client.get(BASE)["ETag"]
    response = _post(
        client,
        {"provision": "p4", "kind": "agreed-pending", "pending": ["bra", "FRA"]},
        **{"If-Match": etag},
    )
    assert response.status_code == 201
    mark = models.StatusMark.objects.get()
    assert response.json() == {
        "document": "report",
        "version": 1,
        "provision": "p4",
        "kind": "agreed-pending",
        "pending": ["BRA", "FRA"],
        "text_hash": content_hash(P4),
        "recorded_at": mark.recorded_at.isoformat(),
    }
    assert models.Event.objects.last().kind == "status.marked"


def test_a_stale_mark_answers_412_and_stores_nothing(client, negotiation):
    client.force_login(negotiation.chair)
    etag = client.get(BASE)["ETag"]
    models.Provision.objects.filter(version=negotiation.version, uid="p1").update(text="Changed.")
    before = _state()
    stale = _post(client, {"provision": "p4", "kind": "agreed"}, **{"If-Match": etag})
    assert stale.status_code == 412
    assert stale.json() == {
        "type": "urn:accord:problem:precondition-failed",
        "title": "precondition-failed",
        "status": 412,
        "detail": "The version changed since you read it; read it again.",
    }
    assert _state() == before


def test_only_the_chair_marks(client, negotiation):
    client.force_login(negotiation.brazil)
    response = _post(client, {"provision": "p4", "kind": "agreed"})
    assert response.status_code == 403
    assert response.json() == {
        "type": "urn:accord:problem:not-permitted",
        "title": "not-permitted",
        "status": 403,
        "detail": "Only the Chair may do this.",
    }
    assert models.StatusMark.objects.count() == 0
    client.logout()
    assert _post(client, {"provision": "p4", "kind": "agreed"}).status_code == 401
    _token, secret = create_api_token(by=negotiation.chair, name="desk", read_only=True)
    read_only = _post(
        client, {"provision": "p4", "kind": "agreed"}, Authorization=f"Bearer {secret}"
    )
    assert read_only.status_code == 403
    assert models.StatusMark.objects.count() == 0


def test_refused_marks_are_problem_documents(client, negotiation):
    client.force_login(negotiation.chair)
    before = _state()
    cases = [
        ({"provision": "p99", "kind": "agreed"}, 404, "unknown-provision"),
        ({"provision": "p4", "kind": "agreed-pending"}, 422, "pending-mismatch"),
        ({"provision": "p4", "kind": "agreed-pending", "pending": ["VAT"]}, 422,
         "pending-not-a-member"),
        ({"provision": "p4", "kind": "reopened"}, 422, "nothing-to-reopen"),
        ({"provision": "p4", "kind": "gavelled"}, 422, "invalid-request"),
    ]  # fmt: skip
    for body, status, code in cases:
        response = _post(client, body)
        assert (response.status_code, response.json()["title"]) == (status, code)
    assert _state() == before


def test_the_provenance_of_an_adopted_provision(client, negotiation):
    url = "/api/v1/processes/wg/documents/report/provisions/p4/provenance"
    assert client.get(url).status_code == 404
    n = negotiation
    adopted = P4.replace("The voluntary", "The agreed")
    taken = submit_proposal(n.version, by=n.brazil, provision_uid="p4", wording=adopted)
    other = submit_proposal(
        n.version, by=n.germany, provision_uid="p4", wording="Norms help.", on_behalf_of="eu"
    )
    rev1 = issue_revision(
        n.version.document,
        by=n.chair,
        text=DRAFT.replace("The voluntary", "The agreed"),
        label="Rev.1",
        fates={other.pk: Fate(other.pk, FateKind.NOT_TAKEN_UP)},
    )
    mark = mark_provision_status(rev1, by=n.chair, provision_uid="p4", kind=ActKind.AGREED)
    adoption = record_adoption(
        rev1,
        by=n.chair,
        disassociations={"FRA": ["p4"]},
        explanations={"FRA": "France reads it as before."},
        confirm=True,
    )
    body = client.get(url).json()

    def at(moment):
        return moment.isoformat()

    assert body == {
        "document": "report",
        "provision": "p4",
        "label": "4",
        "text": adopted,
        "zero_draft": P4,
        "versions": [
            {
                "version": 1,
                "label": "Zero draft",
                "issued_at": at(n.version.issued_at),
                "provision_label": "4",
                "text": P4,
                "changed": False,
            },
            {
                "version": 2,
                "label": "Rev.1",
                "issued_at": at(rev1.issued_at),
                "provision_label": "4",
                "text": adopted,
                "changed": True,
            },
        ],
        "proposals": [
            {
                "id": taken.pk,
                "version": 1,
                "delegation": "BRA",
                "delegation_name": "Brazil",
                "on_behalf_of": None,
                "wording": adopted,
                "status": "reflected",
                "submitted_at": at(taken.submitted_at),
                "fates": [{"revision": "Rev.1", "kind": "reflected"}],
            },
            {
                "id": other.pk,
                "version": 1,
                "delegation": "DEU",
                "delegation_name": "Germany",
                "on_behalf_of": "eu",
                "wording": "Norms help.",
                "status": "not-taken-up",
                "submitted_at": at(other.submitted_at),
                "fates": [{"revision": "Rev.1", "kind": "not-taken-up"}],
            },
        ],
        "marks": [
            {
                "version": 2,
                "kind": "agreed",
                "pending": [],
                "text_hash": content_hash(adopted),
                "recorded_at": at(mark.recorded_at),
            }
        ],
        "adoption": {
            "version": 2,
            "decided_at": at(adoption.decided_at),
            "text_hash": content_hash(adopted),
            "covered": True,
            "disassociated": ["FRA"],
            "explanations": [{"delegation": "FRA", "text": "France reads it as before."}],
        },
    }
    missing = "/api/v1/processes/wg/documents/report/provisions/p99/provenance"
    assert client.get(missing).status_code == 404
