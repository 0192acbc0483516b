import hashlib

import pytest
from tests.documents.word_files import typed_draft

from accord.actions.imports import import_draft
from accord.actions.processes import DocumentExists
from accord.core.errors import NotPermitted
from accord.core.participants import Reason
from accord.documents.errors import Problem, UnreadableDocument
from accord.documents.model import Format
from accord.store import models

pytestmark = pytest.mark.django_db

DRAFT = typed_draft(["A/AC.999/2026/L.1", "## A. Scope", "1. States met.", "(a) twice;"])


def _state():
    return tuple(
        m.objects.count() for m in (models.Document, models.Version, models.Provision, models.Event)
    )


def test_importing_a_word_draft_stores_its_provisions_and_one_event(negotiation):
    before = models.Event.objects.count()
    version = import_draft(
        negotiation.process,
        by=negotiation.chair,
        slug="draft",
        label="Zero draft",
        data=DRAFT,
        filename="draft.docx",
    )
    rows = list(version.provisions.values_list("uid", "kind", "label", "text", "parent_uid"))
    assert rows == [
        ("s-a", "section", "A", "Scope", ""),
        ("p1", "paragraph", "1", "States met.", ""),
        ("p1-a", "subparagraph", "1(a)", "twice;", "p1"),
    ]
    assert (version.document.title, version.document.symbol) == (
        "Draft report (test)",
        "A/AC.999/2026/L.1",
    )
    assert models.Event.objects.count() == before + 1
    event = models.Event.objects.get(kind="draft.imported")
    assert (event.actor, event.subject) == (negotiation.chair, "document:draft")
    assert event.payload == {
        "document": "draft",
        "version": 1,
        "label": "Zero draft",
        "content_hash": version.content_hash,
        "provisions": 3,
        "file": {
            "name": "draft.docx",
            "format": "docx",
            "sha256": hashlib.sha256(DRAFT).hexdigest(),
        },
    }


def _refused(negotiation, error, **kwargs):
    arguments = {
        "by": negotiation.secretariat,
        "slug": "draft",
        "label": "Zero draft",
        "data": DRAFT,
    }
    before = _state()
    with pytest.raises(type(error)) as raised:
        import_draft(negotiation.process, **(arguments | kwargs))
    assert raised.value == error
    assert _state() == before


@pytest.mark.parametrize("who", ["brazil", "holy_see", "stakeholder", "outsider"])
def test_only_the_chair_or_secretariat_import(negotiation, who):
    _refused(negotiation, NotPermitted(Reason.NOT_A_DRAFTER), by=getattr(negotiation, who))


def test_a_file_with_no_paragraphs_stores_nothing(negotiation):
    empty = typed_draft(["Just words.", "More words."])
    _refused(negotiation, UnreadableDocument(Problem.NO_PARAGRAPHS), data=empty)


def test_a_file_that_is_not_word_stores_nothing(negotiation):
    _refused(negotiation, UnreadableDocument(Problem.NOT_A_ZIP), data=b"%PDF-1.7 not word")


def test_a_taken_name_stores_nothing(negotiation):
    _refused(negotiation, DocumentExists("report"), slug="report")


def test_an_akoma_ntoso_file_imports_as_the_same_version(negotiation):
    from accord.documents.akn_export import version_akn
    from accord.store import exports, queries

    value = queries.version_value(negotiation.version)
    data = version_akn(exports.document_meta(negotiation.version), value)
    version = import_draft(
        negotiation.process,
        by=negotiation.chair,
        slug="copy",
        label="Copy",
        data=data,
        fmt=Format.AKN,
    )
    assert queries.version_value(version) == value
