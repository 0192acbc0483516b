"""A new process created, staffed and revised through the API alone; every refusal."""

import json

import pytest
from django.contrib.auth.models import User
from tests.builders import DRAFT, accreditation_body, make_user

from accord.actions.tokens import create_api_token
from accord.store import models

pytestmark = pytest.mark.django_db


def _token(username):
    return create_api_token(by=User.objects.get(username=username), name="program")[1]


def _call(client, method, path, token, body=None, **headers):
    return getattr(client, method)(
        f"/api/v1{path}",
        json.dumps(body) if body is not None else None,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}", **headers},
    )


def _state():
    return (
        User.objects.count(),
        list(models.Accreditation.objects.values_list("user__username", "role").order_by("pk")),
        models.Document.objects.count(),
        models.Version.objects.count(),
        models.ProposalFate.objects.count(),
        models.Event.objects.count(),
    )


@pytest.fixture
def staffed(client, db):
    """A process set up by a staff user, who accredits its people through the API."""
    staff = make_user("staff")
    staff.is_staff = True
    staff.save()
    token = _token("staff")
    body = {"slug": "oewg", "title": "Open-ended working group", "members": ["BRA", "DEU", "FRA"]}
    body["observers"] = ["VAT"]
    body["stakeholder_modality"] = "open"
    assert _call(client, "post", "/processes", token, body).status_code == 201
    for person in (
        accreditation_body("chair", "chair"),
        accreditation_body("vice", "bureau"),
        accreditation_body("bra", "delegate", "BRA"),
        accreditation_body("deu", "delegate", "deu", ["eu"]),
        accreditation_body("vat", "observer", "VAT"),
        accreditation_body("sec", "secretariat"),
        accreditation_body("ngo", "stakeholder"),
    ):
        response = _call(client, "post", "/processes/oewg/accreditations", token, person)
        assert response.status_code == 201, response.json()
    return token


def test_the_secretariat_accredits_people_with_their_mandates(client, staffed):
    response = _call(
        client,
        "post",
        "/processes/oewg/accreditations",
        staffed,
        accreditation_body("fra", "delegate", "FRA", ["eu"]),
    )
    assert response.status_code == 201
    assert response.json() == {
        "username": "fra",
        "full_name": "Person fra",
        "role": "delegate",
        "delegation": "FRA",
        "mandates": ["eu"],
    }
    event = models.Event.objects.last()
    assert (event.kind, event.actor.username, event.payload) == (
        "accreditation.granted",
        "staff",
        {"user": "fra", "role": "delegate", "delegation": "FRA", "mandates": ["eu"]},
    )
    listed = _call(client, "get", "/processes/oewg/accreditations", staffed)
    assert listed.status_code == 200
    assert [
        (a["username"], a["role"], a["delegation"], a["mandates"]) for a in listed.json()["items"]
    ] == [
        ("vice", "bureau", None, []),
        ("chair", "chair", None, []),
        ("bra", "delegate", "BRA", []),
        ("fra", "delegate", "FRA", ["eu"]),
        ("deu", "delegate", "DEU", ["eu"]),
        ("vat", "observer", "VAT", []),
        ("sec", "secretariat", None, []),
        ("staff", "secretariat", None, []),
        ("ngo", "stakeholder", None, []),
    ]


def test_only_the_secretariat_sees_the_accredited_people(client, staffed):
    response = _call(client, "get", "/processes/oewg/accreditations", _token("chair"))
    assert response.status_code == 403
    assert response.json()["detail"] == "Only the Secretariat may do this."


def test_the_secretariat_withdraws_an_accreditation(client, staffed):
    response = _call(client, "delete", "/processes/oewg/accreditations/vat", staffed)
    assert (response.status_code, response.content) == (204, b"")
    assert not models.Accreditation.objects.filter(user__username="vat").exists()
    event = models.Event.objects.last()
    assert (event.kind, event.payload) == (
        "accreditation.withdrawn",
        {"user": "vat", "role": "observer", "delegation": "VAT"},
    )


@pytest.mark.parametrize(
    ("who", "person", "status", "code", "detail"),
    [
        (
            "chair",
            accreditation_body("x", "delegate", "FRA"),
            403,
            "not-permitted",
            "Only the Secretariat may do this.",
        ),
        (
            "staff",
            {"username": "nobody", "role": "delegate", "delegation": "FRA"},
            422,
            "password-needed",
            "nobody has no account yet: give an initial password of at least 12 characters.",
        ),
        (
            "staff",
            accreditation_body("x", "delegate", "KEN"),
            422,
            "not-participating",
            "Kenya does not take part in this process.",
        ),
        (
            "staff",
            accreditation_body("x", "delegate", "BRA", ["eu"]),
            422,
            "mandate-outside-group",
            "Only a delegation that is one of its members may hold the mandate of the group eu.",
        ),
        (
            "staff",
            accreditation_body("x", "delegate", "FRA", ["nowhere"]),
            422,
            "unknown-groups",
            "No group has the code nowhere.",
        ),
        (
            "staff",
            accreditation_body("x", "observer", "FRA"),
            422,
            "role-mismatch",
            "A person in the role “Observer” cannot act for a participant of the kind "
            "“Member State”.",
        ),
        (
            "staff",
            accreditation_body("bra", "delegate", "BRA"),
            409,
            "already-accredited",
            "bra is already accredited to this process.",
        ),
    ],
)
def test_a_refused_accreditation_stores_nothing(client, staffed, who, person, status, code, detail):
    before = _state()
    response = _call(client, "post", "/processes/oewg/accreditations", _token(who), person)
    assert (response.status_code, response["Content-Type"]) == (status, "application/problem+json")
    assert (response.json()["title"], response.json()["detail"]) == (code, detail)
    assert _state() == before


@pytest.mark.parametrize(
    ("modality", "code", "detail"),
    [
        (
            "none",
            "no-stakeholders",
            "The rules of procedure of this process admit no stakeholders.",
        ),
        (
            "non-objection",
            "stakeholders-by-non-objection",
            "This process admits stakeholders on a non-objection basis: propose the "
            "organisation on the Stakeholders page; members may object until its deadline.",
        ),
    ],
)
def test_stakeholders_are_accredited_directly_only_under_open_rules(
    client, staffed, modality, code, detail
):
    models.Process.objects.filter(slug="oewg").update(stakeholder_modality=modality)
    before = _state()
    person = accreditation_body("drw", "stakeholder")
    response = _call(client, "post", "/processes/oewg/accreditations", _token("staff"), person)
    assert (response.status_code, response["Content-Type"]) == (409, "application/problem+json")
    assert (response.json()["title"], response.json()["detail"]) == (code, detail)
    assert _state() == before


@pytest.mark.parametrize(
    ("who", "username", "status", "code"),
    [
        ("chair", "bra", 403, "not-permitted"),
        ("staff", "staff", 403, "not-permitted"),
        ("staff", "nobody", 404, "not-accredited"),
    ],
)
def test_a_refused_withdrawal_stores_nothing(client, staffed, who, username, status, code):
    token = _token(who)
    before = _state()
    response = _call(client, "delete", f"/processes/oewg/accreditations/{username}", token)
    assert (response.status_code, response.json()["title"]) == (status, code)
    assert _state() == before


def _publish(client):
    return _call(
        client,
        "post",
        "/processes/oewg/documents",
        _token("chair"),
        {"slug": "report", "text": DRAFT, "label": "Zero draft"},
    )


def test_the_chair_publishes_a_zero_draft_from_text(client, staffed):
    response = _publish(client)
    assert response.status_code == 201
    version = models.Version.objects.get()
    assert response.json() == {
        "document": "report",
        "number": 1,
        "label": "Zero draft",
        "content_hash": version.content_hash,
        "provisions": 8,
        "fates": [],
    }
    again = _publish(client)
    assert (again.status_code, again.json()["title"]) == (409, "document-exists")


REV1 = DRAFT.replace("three substantive sessions", "four substantive sessions")


def _propose(client):
    response = _call(
        client,
        "post",
        "/processes/oewg/documents/report/versions/1/proposals",
        _token("bra"),
        {"provision": "p4", "wording": "The norms complement international law."},
    )
    assert response.status_code == 201
    return response.json()["id"]


def _etag(client):
    return client.get("/api/v1/processes/oewg/documents/report/versions/1")["ETag"]


def test_the_chair_issues_a_revision_from_text_with_fates(client, staffed):
    _publish(client)
    proposal = _propose(client)
    body = {
        "text": REV1,
        "label": "Rev.1",
        "fates": [{"proposal": proposal, "kind": "pending"}],
    }
    response = _call(
        client,
        "post",
        "/processes/oewg/documents/report/revisions",
        _token("chair"),
        body,
        **{"If-Match": _etag(client)},
    )
    assert response.status_code == 201, response.json()
    version = models.Version.objects.get(number=2)
    assert response.json() == {
        "document": "report",
        "number": 2,
        "label": "Rev.1",
        "content_hash": version.content_hash,
        "provisions": 8,
        "fates": [
            {
                "proposal": proposal,
                "kind": "pending",
                "provisions": [],
                "merged_with": [],
                "recorded": True,
            }
        ],
    }
    event = models.Event.objects.last()
    assert (event.kind, event.actor.username, event.payload["fates"]) == (
        "revision.issued",
        "chair",
        {str(proposal): "pending"},
    )


def _revise(client, who, body, **headers):
    headers.setdefault("If-Match", _etag(client))
    return _call(
        client,
        "post",
        "/processes/oewg/documents/report/revisions",
        _token(who),
        body,
        **headers,
    )


@pytest.mark.parametrize(
    ("who", "change", "headers", "status", "code"),
    [
        ("vice", {}, {}, 403, "not-permitted"),
        ("staff", {}, {}, 403, "not-permitted"),
        ("chair", {"fates": []}, {}, 422, "proposals-without-fate"),
        ("chair", {"text": "No numbers here."}, {}, 422, "malformed-draft"),
        ("chair", {"fates": [{"proposal": 999, "kind": "pending"}]}, {}, 422, "unknown-proposal"),
        ("chair", {"fates": [{"proposal": 0, "kind": "withdrawn"}]}, {}, 422, "invalid-request"),
        ("chair", {}, {"If-Match": '"stale"'}, 412, "precondition-failed"),
    ],
)
def test_a_refused_revision_stores_nothing(client, staffed, who, change, headers, status, code):
    _publish(client)
    proposal = _propose(client)
    body = {"text": REV1, "label": "Rev.1", "fates": [{"proposal": proposal, "kind": "pending"}]}
    before = _state()
    response = _revise(client, who, {**body, **change}, **headers)
    assert (response.status_code, response.json()["title"]) == (status, code)
    assert _state()[2:] == before[2:]


def test_a_revision_without_fates_names_the_proposals_that_would_vanish(client, staffed):
    _publish(client)
    proposal = _propose(client)
    response = _revise(client, "chair", {"text": REV1, "label": "Rev.1"})
    assert response.json()["detail"] == (
        f"1 open proposal would vanish without a fate: {proposal}. Record what the revision "
        "does with it."
    )


def test_two_fates_for_one_proposal_are_refused(client, staffed):
    _publish(client)
    proposal = _propose(client)
    fates = [{"proposal": proposal, "kind": "pending"}, {"proposal": proposal, "kind": "merged"}]
    before = _state()
    response = _revise(client, "chair", {"text": REV1, "label": "Rev.1", "fates": fates})
    assert (response.status_code, response.json()["detail"]) == (
        422,
        f"Proposal {proposal} has two fates; give it one.",
    )
    assert _state()[2:] == before[2:]
