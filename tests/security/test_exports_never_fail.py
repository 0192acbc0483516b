"""No text can break an export for everyone: whatever Unicode the text hygiene lets in through
the actions, and whatever was stored before it existed, every view exports in every format,
and each file is valid (Akoma Ntoso against its schema, Word opened by python-docx, JSON
against the schema published beside the code)."""

import contextlib
import io
import json
import unicodedata
from pathlib import Path

import docx
import jsonschema
import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import accord.documents
from accord.actions.processes import publish_draft
from accord.actions.proposals import submit_proposal
from accord.core.text_hygiene import UnsafeCharacter, clean_text
from accord.documents.akn_schema import errors
from accord.store import models

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(
    (Path(accord.documents.__file__).parent / "schema" / "accord-document.schema.json").read_text()
)
EXPORT = "/api/v1/processes/wg/documents/{document}/versions/1/export"
VIEWS = ("clean", "compilation", "bracketed", "redline")
FORMATS = ("akn", "docx", "json", "md", "html")


def _check_file(fmt: str, content: bytes) -> None:
    """The file is what its format promises."""
    if fmt == "akn":
        assert errors(etree.fromstring(content)) == []
    elif fmt == "docx":
        assert docx.Document(io.BytesIO(content)).paragraphs
    elif fmt == "json":
        jsonschema.validate(json.loads(content), SCHEMA)
    elif fmt == "pdf":
        assert content.startswith(b"%PDF-")
    else:
        assert content.decode("utf-8")


def _exports_all(client, document: str, formats=FORMATS) -> None:
    for view in VIEWS:
        for fmt in formats:
            response = client.get(
                EXPORT.format(document=document), {"view": view, "format": fmt, "against": 1}
            )
            assert response.status_code == 200, (view, fmt, response.content[:300])
            _check_file(fmt, response.content)


def _accepted(char: str) -> bool:
    try:
        clean_text(f"a{char}a", field="wording")
    except UnsafeCharacter:
        return False
    return True


# Any character the hygiene lets into a wording, with the ones XML and Word are touchy about.
CHARACTERS = st.one_of(
    st.characters(codec=None).filter(_accepted),
    st.sampled_from(["<", "&", "]", ">", '"', "'", "\t", "\n", "\u00a0", "\u0301", "\U0001f600"]),
)


@given(
    wording=st.text(CHARACTERS, min_size=1, max_size=80),
    justification=st.text(CHARACTERS, max_size=40),
)
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_whatever_text_the_actions_take_every_export_is_valid(
    client, negotiation, wording, justification
):
    # Each example starts from the same negotiation: what it stored is rolled back.
    with contextlib.suppress(_Undo), transaction.atomic():
        # A prefix keeps the wording from being empty or the current text.
        proposal = submit_proposal(
            negotiation.version,
            by=negotiation.brazil,
            provision_uid="p2",
            wording=f"States {wording}",
            justification=justification,
        )
        assert proposal.wording == unicodedata.normalize("NFC", " ".join(proposal.wording.split()))
        line = " ".join(f"States {wording}".split())
        publish_draft(
            negotiation.process,
            by=negotiation.chair,
            slug="free",
            text=f"# {line}\n\n1. {line}\n",
            label="Zero draft",
        )
        _exports_all(client, "report")
        _exports_all(client, "free")
        raise _Undo


class _Undo(Exception):
    """Rolls an example back."""


# What was stored before the hygiene: a delegate's proposal and the Chair's text holding
# characters XML cannot carry (the AKN download answered 500 from then on, for everyone).
STORED = "States \x01should\x0b act\ufffe now\x1f."


def _store_old_text(negotiation) -> None:
    proposal = submit_proposal(
        negotiation.version,
        by=negotiation.brazil,
        provision_uid="p2",
        wording="States shall act.",
        justification="Firmer.",
    )
    models.Proposal.objects.filter(pk=proposal.pk).update(wording=STORED, justification=STORED)
    models.Provision.objects.filter(version=negotiation.version, uid="p4").update(text=STORED)
    models.Version.objects.filter(pk=negotiation.version.pk).update(title=f"Report{STORED}")
    models.Document.objects.filter(pk=negotiation.version.document_id).update(symbol="A/\x02")


def test_text_stored_before_the_hygiene_exports_in_every_view_and_format(client, negotiation):
    _store_old_text(negotiation)
    _exports_all(client, "report", (*FORMATS, "pdf"))


def test_the_exported_text_drops_only_what_xml_cannot_carry(client, negotiation):
    _store_old_text(negotiation)
    response = client.get(EXPORT.format(document="report"), {"view": "clean", "format": "akn"})
    assert response.status_code == 200
    root = etree.fromstring(response.content)
    texts = ["".join(p.itertext()) for p in root.iter("{*}p")]
    assert "States should act now." in texts
    as_json = client.get(EXPORT.format(document="report"), {"view": "clean", "format": "json"})
    provisions = {p["uid"]: p["text"] for p in as_json.json()["provisions"]}
    assert provisions["p4"] == "States should act now."
