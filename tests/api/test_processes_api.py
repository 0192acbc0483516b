"""A process and its rules through the API; setting one up as a staff user."""

import json

import pytest
from tests.builders import make_user

from accord.actions.tokens import create_api_token
from accord.store import models

pytestmark = pytest.mark.django_db

BODY = {
    "slug": "bbnj-5",
    "title": "Fifth session",
    "public": False,
    "decision_rule": "consensus-or-silence",
    "silence_minimum_hours": 48,
    "stakeholder_modality": "non-objection",
    "proposals_under_silence": "frozen",
    "delegates_second_factor": True,
    "convergence_audience": "public",
    "members": ["KEN", "BRA"],
    "observers": ["VAT"],
}


def _state():
    return (
        models.Process.objects.count(),
        models.Participation.objects.count(),
        models.Accreditation.objects.count(),
        models.Event.objects.count(),
    )


def _token(user, read_only=False):
    return create_api_token(by=user, name="program", read_only=read_only)[1]


def _post(client, body, token=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post(
        "/api/v1/processes", json.dumps(body), content_type="application/json", headers=headers
    )


@pytest.fixture
def staff(db):
    user = make_user("staff")
    user.is_staff = True
    user.save()
    return user


def test_a_process_and_its_rules(client, negotiation):
    response = client.get("/api/v1/processes/wg")
    assert response.status_code == 200
    assert response.json() == {
        "slug": "wg",
        "title": "Working group (test)",
        "public": True,
        "rules": {
            "decision_rule": "consensus-or-silence",
            "silence_minimum_hours": 72,
            "stakeholder_modality": "non-objection",
            "proposals_under_silence": "allowed",
            "delegates_second_factor": False,
            "convergence_audience": "chair-bureau",
        },
        "members": ["BRA", "FRA", "DEU"],
        "observers": ["VAT"],
        "stakeholders": [],
    }


def test_a_staff_user_sets_up_a_process(client, staff):
    token = _token(staff)
    response = _post(client, BODY, token)
    assert response.status_code == 201
    assert response.json() == {
        "slug": "bbnj-5",
        "title": "Fifth session",
        "public": False,
        "rules": {
            "decision_rule": "consensus-or-silence",
            "silence_minimum_hours": 48,
            "stakeholder_modality": "non-objection",
            "proposals_under_silence": "frozen",
            "delegates_second_factor": True,
            "convergence_audience": "public",
        },
        "members": ["BRA", "KEN"],
        "observers": ["VAT"],
        "stakeholders": [],
    }
    # Confidential: its Secretariat reads it, the public hears there is nothing.
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/processes/bbnj-5", headers=headers).status_code == 200
    assert client.get("/api/v1/processes/bbnj-5").status_code == 404


def test_without_members_every_member_state_is_one(client, staff):
    response = _post(client, {"slug": "ga", "title": "General Assembly"}, _token(staff))
    assert response.status_code == 201
    assert len(response.json()["members"]) == 193
    assert response.json()["rules"]["decision_rule"] == "consensus"


@pytest.mark.parametrize(
    ("change", "status", "code"),
    [
        ({"slug": "wg"}, 409, "process-exists"),
        ({"slug": "Not A Slug"}, 422, "bad-slug"),
        ({"members": ["BRA", "XXX"]}, 422, "unknown-delegations"),
        ({"observers": ["QQ"]}, 422, "unknown-delegations"),
        ({"title": "   "}, 422, "empty-text"),
        ({"silence_minimum_hours": 0}, 422, "invalid-request"),
        ({"decision_rule": "majority"}, 422, "invalid-request"),
    ],
)
def test_bad_setups_are_refused_and_store_nothing(client, negotiation, staff, change, status, code):
    token = _token(staff)
    before = _state()
    response = _post(client, {**BODY, **change}, token)
    assert (response.status_code, response.json()["title"]) == (status, code)
    assert response["Content-Type"] == "application/problem+json"
    assert _state() == before


def test_only_staff_users_set_up_processes(client, negotiation, staff):
    before = _state()
    anonymous = _post(client, BODY)
    assert (anonymous.status_code, anonymous.json()["title"]) == (401, "not-authenticated")
    secretariat = _post(client, BODY, _token(negotiation.secretariat))
    assert (secretariat.status_code, secretariat.json()["title"]) == (403, "not-permitted")
    assert secretariat.json()["detail"] == (
        "Only staff of this instance may set up a process; ask its administrators."
    )
    read_only = _post(client, BODY, _token(staff, read_only=True))
    assert (read_only.status_code, read_only.json()["title"]) == (403, "read-only-token")
    assert _state() == before
