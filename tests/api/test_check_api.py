"""``POST /api/v1/check``: the same findings as the page, as data."""

import json

import pytest

pytestmark = pytest.mark.django_db


def _post(client, body):
    return client.post("/api/v1/check", json.dumps(body), content_type="application/json")


def test_the_findings_in_json(client, corpus):
    response = _post(
        client,
        {
            "text": "States shall share information on threats to submarine "
            "cables with the operators concerned. Hello there, all."
        },
    )
    assert response.status_code == 200
    first, second = response.json()["segments"]
    assert first["verdict"] == "agreed-altered"
    assert {k: first["source"][k] for k in ("document", "provision", "status", "holder")} == {
        "document": "T/REP/1",
        "provision": "C1",
        "status": "consensus",
        "holder": None,
    }
    assert (first["omitted"], first["added"], first["qualifiers_dropped"]) == (
        ["should, where appropriate"],
        ["shall"],
        ["where appropriate"],
    )
    assert first["alterations"] == ["qualifier-dropped", "modal-strengthened"]
    assert first["similarity"] == 0.857
    assert (second["verdict"], second["source"], second["segment"]) == (
        "not-found",
        None,
        "Hello there, all.",
    )


def test_a_national_view_names_its_holder(client, corpus):
    response = _post(
        client,
        {
            "text": "States shall establish an international attribution "
            "mechanism under the auspices of the United Nations."
        },
    )
    (segment,) = response.json()["segments"]
    assert (segment["verdict"], segment["source"]["status"], segment["source"]["holder"]) == (
        "national-view",
        "proposal",
        "Freedonia",
    )


def test_an_empty_passage_is_a_problem(client, corpus):
    response = _post(client, {"text": " "})
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert response.json() == {
        "type": "urn:accord:problem:empty-passage",
        "title": "empty-passage",
        "status": 422,
        "detail": "The passage to check has no words.",
    }


def test_the_endpoint_is_in_the_openapi_document(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "post" in paths["/api/v1/check"]


def test_quotations_frames_and_claims_are_in_the_data(client, corpus):
    response = _post(
        client,
        {
            "text": "The Group agreed that “all ICT operations against electoral infrastructure "
            "are prohibited in all circumstances”."
        },
    )
    assert response.status_code == 200
    frame, quote = response.json()["segments"]
    assert (frame["frame"], frame["verdict"], frame["segment"]) == (
        True,
        "not-found",
        "The Group agreed that",
    )
    assert (quote["quoted"], quote["verdict"], quote["agreement_claimed"]) == (
        True,
        "national-view",
        True,
    )
    assert (quote["paraphrase"], quote["alignment"], quote["reported"]) == (False, [], False)
