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


def _languages(db):
    from tests.builders import LANGUAGES_FILE

    from accord.actions.corpus import import_corpus

    import_corpus(LANGUAGES_FILE.read_bytes(), by=None, name="corpus_languages.jsonl")


def test_a_passage_is_checked_in_its_language_given_or_told(client, corpus, db):
    _languages(db)
    french = "Les États devraient échanger des informations sur les menaces pesant sur les câbles "
    french += "sous-marins avec les opérateurs concernés."
    for body, detected in (({"text": french}, True), ({"text": french, "language": "fr"}, False)):
        answer = _post(client, body).json()
        assert (answer["language"], answer["language_detected"]) == ("fr", detected)
        (segment,) = answer["segments"]
        assert segment["verdict"] == "agreed-altered"
        assert (segment["source"]["provision"], segment["source"]["language"]) == ("C1", "fr")
        assert segment["omitted"] == ["le cas échéant"]
    answer = _post(
        client, {"text": "各国应酌情与有关运营商分享关于海底电缆所受威胁的信息。"}
    ).json()
    assert answer["language"] == "zh"
    assert answer["segments"][0]["verdict"] == "agreed-verbatim"
    # Said to be Spanish, the French passage finds nothing: only Spanish entries are compared.
    (segment,) = _post(client, {"text": french, "language": "es"}).json()["segments"]
    assert (segment["verdict"], segment["source"]) == ("not-found", None)


def test_a_language_the_checker_does_not_read_is_refused(client, corpus):
    response = _post(client, {"text": "Die Staaten sollten zusammenarbeiten.", "language": "de"})
    assert response.status_code == 422
    assert "language" in json.dumps(response.json())
