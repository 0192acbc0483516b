"""Language versions through the API: added by the Secretariat by uid or from a Word file,
listed and read with what is out of date, refused without trace, exported."""

import io
import json

import pytest
from tests.translations import TEXTS, word_file

from accord.store import models, queries

pytestmark = pytest.mark.django_db

BASE = "/api/v1/processes/wg/documents/report/versions/1/languages"


def _state() -> tuple[int, int]:
    return models.LanguageVersion.objects.count(), models.Event.objects.count()


def _texts(negotiation) -> dict[str, str]:
    return {p.uid: f"[es] {p.text}" for p in queries.version_value(negotiation.version)}


def test_the_secretariat_adds_by_uid_and_anyone_reads_it(client, negotiation):
    client.force_login(negotiation.secretariat)
    body = {"title": "Informe del grupo de trabajo", "provisions": _texts(negotiation)}
    added = client.post(f"{BASE}/es", json.dumps(body), content_type="application/json")
    assert added.status_code == 201
    assert added.json()["out_of_date"] == []
    client.logout()
    listed = client.get(BASE).json()
    assert [(t["language"], t["direction"], t["added_to"]) for t in listed] == [("es", "ltr", 1)]
    read = client.get(f"{BASE}/es").json()
    first = read["provisions"][1]
    assert first == {
        "uid": negotiation.uid("1"),
        "kind": "paragraph",
        "label": "1",
        "original": first["original"],
        "text": f"[es] {first['original']}",
        "state": "current",
    }
    assert models.Event.objects.latest("seq").kind == "language-version.added"
    assert client.get(f"{BASE}/fr").status_code == 404


def test_refusals_store_nothing(client, negotiation):
    texts = _texts(negotiation)
    client.force_login(negotiation.brazil)
    before = _state()
    body = json.dumps({"title": "Informe", "provisions": texts})
    denied = client.post(f"{BASE}/es", body, content_type="application/json")
    assert denied.status_code == 403
    client.force_login(negotiation.secretariat)
    del texts[negotiation.uid("4")]
    body = json.dumps({"title": "Informe", "provisions": texts})
    missing = client.post(f"{BASE}/es", body, content_type="application/json")
    assert missing.status_code == 422
    assert missing.json()["title"] == "missing-translation"
    unknown = client.post(f"{BASE}/de", body, content_type="application/json")
    assert unknown.json()["title"] == "unknown-language"
    upload = io.BytesIO(word_file(TEXTS["fr"].replace("\n4. Les", "\n5. Les"), "fr"))
    upload.name = "rapport.docx"
    mismatch = client.post(f"{BASE}/fr/import", {"file": upload})
    assert mismatch.status_code == 422
    assert mismatch.json()["title"] == "translation-mismatch"
    assert _state() == before


def test_a_word_file_imports_and_exports_in_its_language(client, negotiation):
    client.force_login(negotiation.secretariat)
    upload = io.BytesIO(word_file(TEXTS["ar"], "ar"))
    upload.name = "taqrir.docx"
    added = client.post(f"{BASE}/ar/import", {"file": upload})
    assert added.status_code == 201
    assert added.json()["direction"] == "rtl"
    assert added.json()["title"] == "تقرير الفريق العامل (اختبار)"
    akn = client.get(f"{BASE}/ar/export", {"format": "akn"})
    assert akn.status_code == 200
    assert b'<FRBRlanguage language="ara"/>' in akn.content
    assert client.get(f"{BASE}/ru/export", {"format": "akn"}).status_code == 404
