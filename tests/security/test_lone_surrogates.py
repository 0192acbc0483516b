"""A lone surrogate written as a JSON escape ("\\ud800") is no character: every write endpoint
answers it with a problem document, never a server error, and stores nothing."""

import json

import pytest
from django.test import Client

from accord.store import models

pytestmark = pytest.mark.django_db

_WRITES = ("post", "put", "patch", "delete")
_PATH_VALUES = {"process": "wg", "document": "report", "number": "1"}


def _json_write_operations() -> list[tuple[str, str]]:
    """Every operation of the published OpenAPI document that takes a JSON body."""
    schema = Client().get("/api/v1/openapi.json").json()
    found = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            content = operation.get("requestBody", {}).get("content", {})
            if method in _WRITES and "application/json" in content:
                found.append((method, path))
    return found


def _address(path: str) -> str:
    for name, value in _PATH_VALUES.items():
        path = path.replace(f"{{{name}}}", value)
    # Any other parameter (a proposal, a procedure, a request) is a number.
    while "{" in path:
        start = path.index("{")
        path = path[:start] + "1" + path[path.index("}", start) + 1 :]
    return path


@pytest.fixture(scope="module")
def operations(django_db_blocker):
    with django_db_blocker.unblock():
        return _json_write_operations()


def test_the_api_has_the_write_endpoints_this_suite_covers(operations):
    # Over twenty operations take a JSON body; were the list empty, the test below would
    # prove nothing.
    assert len(operations) >= 20
    proposals = "/api/v1/processes/{process}/documents/{document}/versions/{number}/proposals"
    assert ("post", proposals) in operations
    assert ("post", "/api/v1/processes/{process}/statements") in operations


def test_every_write_endpoint_answers_a_lone_surrogate_with_a_problem(
    client, negotiation, operations
):
    client.force_login(negotiation.chair)
    before = models.Event.objects.count()
    # json.dumps writes the surrogate as the escape \ud800, as an attacker's client would.
    body = json.dumps({"text": "a\ud800", "wording": "\udfff", "title": "x", "letter": "\ud800"})
    answers = {}
    for method, path in operations:
        response = getattr(client, method)(_address(path), body, content_type="application/json")
        answers[(method, path)] = (response.status_code, response["Content-Type"])
    assert answers == dict.fromkeys(operations, (400, "application/problem+json"))
    assert models.Event.objects.count() == before


def test_the_problem_names_the_field_and_says_why(client, negotiation):
    client.force_login(negotiation.brazil)
    response = client.post(
        "/api/v1/processes/wg/documents/report/versions/1/proposals",
        json.dumps({"provision": "p2", "wording": "States \ud800 act."}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "type": "urn:accord:problem:invalid-text",
        "title": "invalid-text",
        "status": 400,
        "detail": "The request body holds text accord cannot take; see errors.",
        "errors": [
            {
                "field": "wording",
                "message": "Text may not contain a lone surrogate (U+D800 to U+DFFF): it is half "
                "of a UTF-16 pair, not a character.",
            }
        ],
    }
    assert models.Proposal.objects.count() == 0
