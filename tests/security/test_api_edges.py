"""The API's edges: HSTS on HTTPS, a problem document for every error status (405 and 413
were HTML), unknown JSON fields refused instead of ignored, and the live stream answering a
confidential process's name exactly as a name that does not exist."""

import pytest
from asgiref.sync import async_to_sync
from django.test import AsyncClient

from accord.store import models

STATEMENTS = "/api/v1/processes/wg/statements"


def _problem(response):
    assert response["Content-Type"] == "application/problem+json"
    return response.json()


def test_https_answers_carry_hsts(client, negotiation):
    secure = client.get("/api/v1/processes", secure=True)
    assert secure["Strict-Transport-Security"] == "max-age=31536000"
    page = client.get("/", secure=True)
    assert page["Strict-Transport-Security"] == "max-age=31536000"
    assert "Strict-Transport-Security" not in client.get("/")


def test_hsts_is_configurable(client, negotiation, settings):
    settings.SECURE_HSTS_SECONDS = 600
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    secure = client.get("/", secure=True)
    assert secure["Strict-Transport-Security"] == "max-age=600; includeSubDomains"


def test_a_method_an_address_does_not_take_is_a_problem(client, negotiation):
    response = client.delete("/api/v1/processes")
    assert response.status_code == 405
    assert response["Allow"] == "GET, POST"
    assert _problem(response) == {
        "type": "urn:accord:problem:method-not-allowed",
        "title": "method-not-allowed",
        "status": 405,
        "detail": "This address does not take DELETE; it takes GET, POST.",
    }


def test_a_body_too_large_is_a_problem_and_stores_nothing(client, negotiation):
    client.force_login(negotiation.brazil)
    text = "x" * (2 * 1024 * 1024)
    response = client.post(STATEMENTS, {"text": text}, content_type="application/json")
    assert response.status_code == 413
    assert _problem(response) == {
        "type": "urn:accord:problem:too-large",
        "title": "too-large",
        "status": 413,
        "detail": "The request is larger than the 2097152 bytes accord reads.",
    }
    assert models.Statement.objects.count() == 0


def test_an_address_that_names_nothing_is_a_problem(client, negotiation):
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert _problem(response)["detail"] == "There is nothing here you may see."


def test_an_unknown_field_is_refused_naming_it(client, negotiation):
    client.force_login(negotiation.brazil)
    body = {"text": "Brazil supports the draft.", "delegaton": "DEU"}
    response = client.post(STATEMENTS, body, content_type="application/json")
    assert response.status_code == 422
    assert _problem(response)["errors"] == [
        {"field": "delegaton", "message": "Extra inputs are not permitted"}
    ]
    assert models.Statement.objects.count() == 0
    assert models.Event.objects.filter(kind="statement.delivered").count() == 0


def test_an_unknown_field_in_a_nested_object_is_refused_too(client, negotiation):
    client.force_login(negotiation.chair)
    body = {
        "text": "1. Text.",
        "label": "Rev.1",
        "fates": [{"proposal": 1, "kind": "pending", "colour": "red"}],
    }
    response = client.post(
        "/api/v1/processes/wg/documents/report/revisions", body, content_type="application/json"
    )
    assert response.status_code == 422
    fields = [error["field"] for error in _problem(response)["errors"]]
    assert "fates.0.colour" in fields
    assert models.Version.objects.count() == 1


def _stream(path):
    return async_to_sync(AsyncClient().get)(path)


@pytest.mark.parametrize("follow", ["false", "true"])
def test_the_live_stream_answers_a_confidential_process_as_one_that_does_not_exist(db, follow):
    from tests.builders import make_negotiation

    make_negotiation(is_public=False)
    hidden = _stream(f"/api/v1/events?process=wg&follow={follow}")
    missing = _stream(f"/api/v1/events?process=nope&follow={follow}")
    assert (hidden.status_code, missing.status_code) == (404, 404)
    assert hidden.content == missing.content
    assert _problem(hidden)["title"] == "not-found"
