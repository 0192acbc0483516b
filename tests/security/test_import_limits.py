"""Reading a file is costly, so only those who may publish may have one read, through every
interface; and a file beyond the limits is refused early, naming the limit, never joined
silently into its last paragraph."""

import io

import pytest
from lxml import etree
from tests.documents.word_files import typed_draft

from accord.actions.imports import import_draft, preview_import
from accord.core.errors import NotPermitted
from accord.core.participants import Reason
from accord.documents.akn_export import version_akn
from accord.documents.akn_import import read_akn
from accord.documents.errors import MAX_PARAGRAPHS, TooManyParagraphs
from accord.documents.model import Format
from accord.store import models, queries
from accord.store.exports import document_meta

pytestmark = pytest.mark.django_db

LIMIT_SENTENCE = (
    f"The file holds more than {MAX_PARAGRAPHS:d} paragraphs, the most a draft may have; it "
    "was not read further and nothing was stored."
)


def _state():
    return (
        models.Event.objects.count(),
        models.Document.objects.count(),
        models.Version.objects.count(),
        models.Provision.objects.count(),
    )


def _upload(data: bytes, name: str = "draft.docx") -> io.BytesIO:
    upload = io.BytesIO(data)
    upload.name = name
    return upload


def _api_import(client, data, name="draft.docx", **fields):
    body = {"file": _upload(data, name), "slug": "draft", "label": "Zero draft", **fields}
    return client.post("/api/v1/processes/wg/imports", body)


@pytest.fixture(scope="module")
def too_long() -> bytes:
    """A Word draft one paragraph past the limit, typed as delegates type numbers."""
    return typed_draft(f"{n}. States met." for n in range(1, MAX_PARAGRAPHS + 1))


@pytest.mark.parametrize("who", ["brazil", "holy_see", "stakeholder", "outsider"])
def test_the_api_preview_is_only_for_those_who_may_publish(client, negotiation, who):
    client.force_login(getattr(negotiation, who))
    before = _state()
    response = _api_import(client, typed_draft(["1. States met."]), preview="true")
    assert (response.status_code, response.json()["title"]) == (403, "not-permitted")
    assert response.json()["detail"] == "Only the Chair or the Secretariat may publish a draft."
    assert _state() == before


@pytest.mark.parametrize("who", ["chair", "secretariat"])
def test_the_chair_and_the_secretariat_preview(client, negotiation, who):
    client.force_login(getattr(negotiation, who))
    response = _api_import(client, typed_draft(["1. States met."]), preview="true")
    assert response.status_code == 200
    assert [p["label"] for p in response.json()["provisions"]] == ["1"]


def test_the_preview_action_refuses_before_the_file_is_opened(negotiation):
    with pytest.raises(NotPermitted) as refused:
        preview_import(
            negotiation.process, by=negotiation.brazil, data=b"not a file", fmt=Format.DOCX
        )
    assert refused.value == NotPermitted(Reason.NOT_A_DRAFTER)


def test_the_import_page_is_only_for_those_who_may_publish(client, negotiation):
    client.force_login(negotiation.brazil)
    page = client.post(
        "/p/wg/import/",
        {"file": _upload(typed_draft(["1. States met."])), "slug": "draft", "label": "Zero"},
    )
    assert page.status_code == 403


def test_a_word_file_past_the_paragraph_limit_is_refused_naming_it(client, negotiation, too_long):
    client.force_login(negotiation.chair)
    before = _state()
    for fields in ({"preview": "true"}, {}):
        response = _api_import(client, too_long, **fields)
        assert response.status_code == 422
        assert response.json() == {
            "type": "urn:accord:problem:too-many-paragraphs",
            "title": "too-many-paragraphs",
            "status": 422,
            "detail": LIMIT_SENTENCE,
        }
    assert _state() == before


def test_the_import_page_refuses_a_file_past_the_limit(client, negotiation, too_long):
    client.force_login(negotiation.chair)
    before = _state()
    page = client.post(
        "/p/wg/import/", {"file": _upload(too_long), "slug": "draft", "label": "Zero draft"}
    )
    assert page.status_code == 400
    assert LIMIT_SENTENCE in page.content.decode()
    assert _state() == before


def test_the_import_action_refuses_a_file_past_the_limit(negotiation, too_long):
    before = _state()
    with pytest.raises(TooManyParagraphs) as refused:
        import_draft(
            negotiation.process, by=negotiation.chair, slug="draft", label="Zero", data=too_long
        )
    assert refused.value == TooManyParagraphs(MAX_PARAGRAPHS)
    assert refused.value.params() == {"limit": MAX_PARAGRAPHS}
    assert _state() == before


def test_an_akoma_ntoso_file_past_the_limit_is_refused_before_the_schema_check(negotiation):
    exported = version_akn(
        document_meta(negotiation.version), queries.version_value(negotiation.version)
    )
    root = etree.fromstring(exported)
    body = next(root.iter("{*}mainBody"))
    paragraph = next(body.iter("{*}paragraph"))
    for _ in range(MAX_PARAGRAPHS):
        body.append(etree.fromstring(etree.tostring(paragraph)))
    with pytest.raises(TooManyParagraphs):
        read_akn(etree.tostring(root))


def test_a_file_at_the_limit_is_read_whole(negotiation):
    lines = [f"{n}. States met." for n in range(1, MAX_PARAGRAPHS)]
    draft = preview_import(
        negotiation.process, by=negotiation.chair, data=typed_draft(lines), fmt=Format.DOCX
    )
    assert len(draft.version) == MAX_PARAGRAPHS - 1
    assert draft.version.provisions[-1].label == str(MAX_PARAGRAPHS - 1)
