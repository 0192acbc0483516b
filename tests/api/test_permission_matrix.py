"""Who may do what through the API: every writing endpoint against every kind of caller.

Each caller sends a personal API token (the anonymous caller none). A permitted cell answers
the endpoint's success status; a refused cell answers exactly the status and problem named
and stores nothing. The rows are those of tests/actions/test_permission_matrix.py; the API
has no way to name another delegation when proposing, so that row applies to withdrawing only.
"""

import json
from collections.abc import Callable

import pytest
from tests.builders import Negotiation

from accord.actions.proposals import submit_proposal
from accord.actions.tokens import create_api_token
from accord.store import models

pytestmark = pytest.mark.django_db

BASE = "/api/v1/processes/wg/documents/report/versions/1"
WORDING_2 = "States shall not conduct ICT activity contrary to their obligations."
PEOPLE = {
    "chair": "chair",
    "secretariat": "secretariat",
    "member delegate": "brazil",
    "for another delegation": "brazil",
    "for a group without mandate": "brazil",
    "observer": "holy_see",
    "stakeholder": "stakeholder",
    "outsider": "outsider",
    "anonymous": None,
}


def _state() -> tuple[object, ...]:
    tables = (
        models.Process,
        models.Participation,
        models.Accreditation,
        models.Proposal,
        models.Position,
        models.LanguageVersion,
        models.Event,
    )
    statuses = list(models.Proposal.objects.order_by("pk").values_list("pk", "status"))
    return (*(table.objects.count() for table in tables), statuses)


Request = tuple[str, dict[str, object]]


def _submit(n: Negotiation, row: str) -> Request:
    body: dict[str, object] = {"provision": "p2", "wording": WORDING_2}
    if row == "for a group without mandate":
        body["on_behalf_of"] = "eu"
    return f"{BASE}/proposals", body


def _withdraw(n: Negotiation, row: str) -> Request:
    owner = n.germany if row == "for another delegation" else n.brazil
    proposal = submit_proposal(n.version, by=owner, provision_uid="p2", wording=WORDING_2)
    return f"{BASE}/proposals/{proposal.pk}/withdraw", {}


def _position(n: Negotiation, row: str) -> Request:
    return f"{BASE}/positions", {"provision": "p2", "stance": "support"}


def _create_process(n: Negotiation, row: str) -> Request:
    return "/api/v1/processes", {"slug": "another", "title": "Another", "members": ["BRA"]}


def _language_version(n: Negotiation, row: str) -> Request:
    texts = {p.uid: f"[fr] {p.text}" for p in n.version.provisions.all()}
    return f"{BASE}/languages/fr", {"title": "Rapport", "provisions": texts}


FORBIDDEN = (403, "not-permitted")
ANONYMOUS = (401, "not-authenticated")

MATRIX: dict[str, tuple[Callable[[Negotiation, str], Request], dict[str, tuple[int, str]]]] = {
    "submit proposal": (
        _submit,
        {
            "chair": FORBIDDEN,
            "secretariat": FORBIDDEN,
            "member delegate": (201, ""),
            "for a group without mandate": FORBIDDEN,
            "observer": FORBIDDEN,
            "stakeholder": FORBIDDEN,
            "outsider": FORBIDDEN,
            "anonymous": ANONYMOUS,
        },
    ),
    "withdraw proposal": (
        _withdraw,
        {
            "chair": FORBIDDEN,
            "secretariat": FORBIDDEN,
            "member delegate": (200, ""),
            "for another delegation": FORBIDDEN,
            "observer": FORBIDDEN,
            "stakeholder": FORBIDDEN,
            "outsider": FORBIDDEN,
            "anonymous": ANONYMOUS,
        },
    ),
    "record position": (
        _position,
        {
            "chair": FORBIDDEN,
            "secretariat": FORBIDDEN,
            "member delegate": (201, ""),
            "observer": FORBIDDEN,
            "stakeholder": FORBIDDEN,
            "outsider": FORBIDDEN,
            "anonymous": ANONYMOUS,
        },
    ),
    "add language version": (
        _language_version,
        {
            "chair": FORBIDDEN,
            "secretariat": (201, ""),
            "member delegate": FORBIDDEN,
            "observer": FORBIDDEN,
            "stakeholder": FORBIDDEN,
            "outsider": FORBIDDEN,
            "anonymous": ANONYMOUS,
        },
    ),
    "create process": (
        _create_process,
        {
            "chair": FORBIDDEN,
            "secretariat": FORBIDDEN,
            "member delegate": FORBIDDEN,
            "observer": FORBIDDEN,
            "stakeholder": FORBIDDEN,
            "outsider": FORBIDDEN,
            "anonymous": ANONYMOUS,
        },
    ),
}

CELLS = [
    pytest.param(endpoint, row, expected, id=f"{endpoint}|{row}")
    for endpoint, (_, cells) in MATRIX.items()
    for row, expected in cells.items()
]


@pytest.mark.parametrize(("endpoint", "row", "expected"), CELLS)
def test_the_permission_matrix_through_the_api(client, negotiation, endpoint, row, expected):
    how, _ = MATRIX[endpoint]
    path, body = how(negotiation, row)
    name = PEOPLE[row]
    headers = {}
    if name is not None:
        token = create_api_token(by=getattr(negotiation, name), name="program")[1]
        headers["Authorization"] = f"Bearer {token}"
    before, events = _state(), models.Event.objects.count()
    response = client.post(path, json.dumps(body), content_type="application/json", headers=headers)
    status, problem = expected
    assert response.status_code == status
    if problem:
        assert response.json()["title"] == problem
        assert _state() == before
    else:
        assert models.Event.objects.count() == events + 1
