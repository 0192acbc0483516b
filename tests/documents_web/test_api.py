import io
import json

import pytest
from tests.actions.test_revisions import REV1
from tests.documents.word_files import typed_draft

from accord.actions.revisions import issue_revision
from accord.store import models

pytestmark = pytest.mark.django_db

BASE = "/api/v1/processes/wg/documents"


@pytest.mark.parametrize(
    ("view", "fmt"), [("clean", "docx"), ("compilation", "akn"), ("clean", "md")]
)
def test_any_view_exports_as_a_file(client, negotiation, view, fmt):
    response = client.get(f"{BASE}/report/versions/1/export", {"view": view, "format": fmt})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="report-zero-draft-')


def test_a_redline_against_a_version_exports(client, negotiation):
    response = client.get(
        f"{BASE}/report/versions/1/export", {"view": "redline", "format": "json", "against": 1}
    )
    assert response.status_code == 200
    data = json.loads(response.content)
    assert {m["kind"] for p in data["provisions"] for m in p["marks"]} == {"same"}


def test_a_redline_without_a_version_to_compare_is_not_found(client, negotiation):
    response = client.get(f"{BASE}/report/versions/1/export", {"view": "redline", "format": "pdf"})
    assert response.status_code == 404


def test_a_redline_without_against_compares_with_the_previous_version(client, negotiation):
    issue_revision(negotiation.version.document, by=negotiation.chair, text=REV1, label="Rev.1")
    url = f"{BASE}/report/versions/2/export"
    default = client.get(url, {"view": "redline", "format": "json"})
    named = client.get(url, {"view": "redline", "format": "json", "against": 1})
    assert (default.status_code, named.status_code) == (200, 200)
    assert default.content == named.content
    assert default["Content-Disposition"] == 'attachment; filename="report-rev-1-redline.json"'
    kinds = {m["kind"] for p in json.loads(default.content)["provisions"] for m in p["marks"]}
    assert kinds == {"same", "inserted", "deleted"}
    job = client.post(f"{BASE}/report/versions/2/export-jobs?view=redline&format=pdf")
    assert job.status_code == 202
    assert models.ExportJob.objects.get(pk=job.json()["id"]).against.number == 1


def _post(client, data, **fields):
    upload = io.BytesIO(data)
    upload.name = "draft.docx"
    return client.post(
        "/api/v1/processes/wg/imports",
        {"file": upload, "slug": "draft", "label": "Zero draft", **fields},
    )


def test_a_preview_shows_the_provisions_and_stores_nothing(client, negotiation):
    client.force_login(negotiation.chair)
    before = models.Event.objects.count()
    response = _post(client, typed_draft(["1. States met.", "(a) twice;"]), preview="true")
    assert response.status_code == 200
    body = response.json()
    assert [(p["uid"], p["label"]) for p in body["provisions"]] == [("p1", "1"), ("p1-a", "1(a)")]
    assert models.Event.objects.count() == before


def test_an_import_creates_the_document(client, negotiation):
    client.force_login(negotiation.chair)
    response = _post(client, typed_draft(["1. States met."]))
    assert response.status_code == 201
    assert response.json() == {
        "document": "draft",
        "number": 1,
        "label": "Zero draft",
        "provisions": 1,
    }


def test_a_bad_file_is_a_problem_document(client, negotiation):
    client.force_login(negotiation.chair)
    response = _post(client, b"not word")
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "unreadable-document"


def test_a_delegate_may_not_import(client, negotiation):
    client.force_login(negotiation.brazil)
    assert _post(client, typed_draft(["1. States met."])).status_code == 403


def test_an_oversized_upload_is_refused_before_it_is_read(client, negotiation, monkeypatch):
    from accord.api import document_routes

    monkeypatch.setattr(document_routes, "MAX_FILE_BYTES", 10)
    client.force_login(negotiation.chair)
    response = _post(client, typed_draft(["1. States met."]))
    assert response.status_code == 422
    assert response.json()["title"] == "file-too-large"


def test_a_redline_in_akoma_ntoso_validates(client, negotiation):
    from lxml import etree

    from accord.documents.akn_schema import errors

    response = client.get(
        f"{BASE}/report/versions/1/export", {"view": "redline", "format": "akn", "against": 1}
    )
    assert response.status_code == 200
    assert errors(etree.fromstring(response.content)) == []


def test_text_with_a_nul_character_is_refused_and_nothing_is_stored(client, negotiation):
    client.force_login(negotiation.chair)
    before = (models.Document.objects.count(), models.Event.objects.count())
    response = _post(client, typed_draft(["1. States met."]), symbol="A/AC.1\x00/1")
    assert (response.status_code, response["Content-Type"]) == (422, "application/problem+json")
    assert response.json()["errors"] == [
        {"field": "symbol", "message": "Text may not contain NUL characters."}
    ]
    assert (models.Document.objects.count(), models.Event.objects.count()) == before
