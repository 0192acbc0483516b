"""A Word or Akoma Ntoso file imported as the next revision of a document: through
`issue_revision`, so identifiers carry over, every open proposal gets a fate, and a refusal
names what is wrong and stores nothing."""

import hashlib
import io

import pytest
from django.urls import reverse
from tests.actions.test_revisions import REV1
from tests.builders import assert_refused_without_trace
from tests.documents.builders import META
from tests.documents.word_files import typed_draft

from accord import cli
from accord.actions.adoption import record_adoption
from accord.actions.imports import import_revision
from accord.actions.preconditions import AlreadyAdopted
from accord.actions.proposals import submit_proposal
from accord.core.draft_text import parse_draft
from accord.core.errors import NotPermitted, ProposalsWithoutFate
from accord.core.fates import Fate, FateKind
from accord.core.participants import Reason
from accord.documents.akn_export import version_akn
from accord.documents.errors import Problem, UnreadableDocument
from accord.documents.model import Format
from accord.store import models

pytestmark = pytest.mark.django_db

FIRM = REV1.split("1. ", 1)[1].split("\n", 1)[0]
REV1_DOCX = typed_draft(
    [
        "## A. Rules, norms and principles",
        f"1. {FIRM}",
        "2. States should, in accordance with their national legislation, protect critical "
        "infrastructure:",
        "(a) by designating points of contact;",
        "(b) by sharing information on incidents.",
        "3. The voluntary, non-binding norms complement the application of international law.",
    ],
    title="Report of the working group (test)",
)
ROWS = [
    ("A", "s-b"),
    ("1", "p2"),
    ("2", "p3"),
    ("2(a)", "p3-a"),
    ("2(b)", "p3-b"),
    ("3", "p4"),
]


def _state():
    kinds = (models.Document, models.Version, models.Provision, models.ProposalFate, models.Event)
    return tuple(m.objects.count() for m in kinds)


@pytest.fixture
def proposals(negotiation):
    reflected = submit_proposal(
        negotiation.version, by=negotiation.brazil, provision_uid="p2", wording=FIRM
    )
    ignored = submit_proposal(
        negotiation.version,
        by=negotiation.germany,
        provision_uid="p4",
        wording="The norms replace international law.",
    )
    return reflected, ignored


def _import(negotiation, data=REV1_DOCX, fmt=Format.DOCX, by="chair", **kwargs):
    return import_revision(
        negotiation.version.document,
        by=getattr(negotiation, by),
        label="Rev.1",
        data=data,
        fmt=fmt,
        filename="rev1.docx" if fmt is Format.DOCX else "rev1.xml",
        **kwargs,
    )


@pytest.mark.parametrize("fmt", [Format.DOCX, Format.AKN])
def test_a_file_becomes_the_next_revision_with_identifiers_and_fates(negotiation, proposals, fmt):
    reflected, ignored = proposals
    data = REV1_DOCX if fmt is Format.DOCX else version_akn(META, parse_draft(REV1))
    before = models.Event.objects.count()
    version = _import(
        negotiation, data, fmt, fates={ignored.pk: Fate(ignored.pk, FateKind.NOT_TAKEN_UP)}
    )
    assert (version.number, version.label) == (2, "Rev.1")
    assert list(version.provisions.values_list("label", "uid")) == ROWS
    assert version.provisions.get(uid="p2").text == FIRM
    fates = {f.proposal_id: (f.kind, f.recorded) for f in version.fates.all()}
    assert fates == {reflected.pk: ("reflected", False), ignored.pk: ("not-taken-up", True)}
    assert models.Event.objects.count() == before + 1
    event = models.Event.objects.last()
    assert (event.kind, event.actor, event.subject) == (
        "revision.issued",
        negotiation.chair,
        "document:report",
    )
    assert event.payload["file"] == {
        "name": "rev1.docx" if fmt is Format.DOCX else "rev1.xml",
        "format": fmt.value,
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    assert event.payload["fates"] == {
        str(reflected.pk): "reflected",
        str(ignored.pk): "not-taken-up",
    }
    assert event.payload["number_map"]["2"] == ["1"]


def test_a_proposal_that_would_vanish_refuses_the_import_and_stores_nothing(negotiation, proposals):
    _, ignored = proposals
    assert_refused_without_trace(
        ProposalsWithoutFate((ignored.pk,)), _state, lambda: _import(negotiation)
    )


@pytest.mark.parametrize("who", ["secretariat", "brazil"])
def test_only_the_chair_imports_a_revision_even_of_a_bad_file(negotiation, who):
    assert_refused_without_trace(
        NotPermitted(Reason.NOT_A_DRAFTER), _state, lambda: _import(negotiation, b"junk", by=who)
    )


def test_an_unreadable_file_is_refused_and_stores_nothing(negotiation):
    assert_refused_without_trace(
        UnreadableDocument(Problem.NOT_A_ZIP), _state, lambda: _import(negotiation, b"junk")
    )


def test_an_adopted_document_takes_no_imported_revision(negotiation):
    record_adoption(negotiation.version, by=negotiation.chair, confirm=True)
    assert_refused_without_trace(AlreadyAdopted("report"), _state, lambda: _import(negotiation))


def test_the_command_imports_the_next_revision(negotiation, proposals, tmp_path, capsys):
    source = tmp_path / "rev1.docx"
    source.write_bytes(REV1_DOCX)
    argv = ["import", str(source), "--process", "wg", "--document", "report", "--label", "Rev.1"]
    before = _state()
    args = argv
    assert cli.main(args) == 2
    _, ignored = proposals
    assert capsys.readouterr().err == (
        f"accord: 1 open proposal would vanish without a fate: {ignored.pk}. Record what the "
        "revision does with it.\n"
    )
    assert _state() == before
    ignored.status = "withdrawn"
    ignored.save()
    assert cli.main(args) == 0
    assert capsys.readouterr().out == (
        "Imported rev1.docx as wg/report Rev.1 (version 2): 6 provisions; "
        "fates of open proposals: 1 reflected.\n"
    )


def _upload(client, data, label="Rev.1"):
    upload = io.BytesIO(data)
    upload.name = "rev1.docx"
    return client.post(
        "/p/wg/import/", {"file": upload, "slug": "report", "label": label, "symbol": ""}
    )


def test_the_import_page_previews_then_issues_the_revision(client, negotiation, proposals):
    client.force_login(negotiation.chair)
    preview = _upload(client, REV1_DOCX)
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "This file will be issued as version 2 of “Report of the working group (test)”" in page
    assert "Issue this revision" in page
    confirm = preview.context["confirm"].initial
    before = _state()
    refused = client.post("/p/wg/import/", confirm)
    assert refused.status_code == 400
    _, ignored = proposals
    assert f"1 open proposal would vanish without a fate: {ignored.pk}." in refused.content.decode()
    assert _state() == before
    ignored.status = "withdrawn"
    ignored.save()
    _upload(client, REV1_DOCX)
    done = client.post("/p/wg/import/", confirm)
    assert done["Location"] == reverse("web:version", args=["wg", "report", 2])
    assert models.Version.objects.get(document__slug="report", number=2).label == "Rev.1"


def test_the_api_imports_the_next_revision(client, negotiation):
    client.force_login(negotiation.chair)

    def post(**fields):
        upload = io.BytesIO(REV1_DOCX)
        upload.name = "rev1.docx"
        return client.post(
            "/api/v1/processes/wg/imports",
            {"file": upload, "slug": "report", "label": "Rev.1", **fields},
        )

    preview = post(preview="true")
    assert (preview.status_code, preview.json()["revision_of"]) == (200, "Zero draft")
    done = post()
    assert done.status_code == 201
    assert done.json() == {"document": "report", "number": 2, "label": "Rev.1", "provisions": 6}


def test_the_api_refuses_a_vanishing_proposal_as_a_problem_and_stores_nothing(
    client, negotiation, proposals
):
    client.force_login(negotiation.chair)
    upload = io.BytesIO(REV1_DOCX)
    upload.name = "rev1.docx"
    before = _state()
    response = client.post(
        "/api/v1/processes/wg/imports", {"file": upload, "slug": "report", "label": "Rev.1"}
    )
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "proposals-without-fate"
    assert _state() == before


def test_the_command_records_the_chairs_fates(negotiation, proposals, tmp_path, capsys):
    source = tmp_path / "rev1.docx"
    source.write_bytes(REV1_DOCX)
    _, ignored = proposals
    argv = ["import", str(source), "--process", "wg", "--document", "report", "--label", "Rev.1"]
    before = _state()
    bad = [*argv, "--fate", "twelve=gone"]
    assert cli.main(bad) == 2
    assert capsys.readouterr().err == (
        "accord: --fate takes PROPOSAL=FATE, e.g. 12=not-taken-up, not twelve=gone\n"
    )
    assert _state() == before
    args = [*argv, "--fate", f"{ignored.pk}=not-taken-up"]
    assert cli.main(args) == 0
    assert capsys.readouterr().out == (
        "Imported rev1.docx as wg/report Rev.1 (version 2): 6 provisions; "
        "fates of open proposals: 1 not-taken-up, 1 reflected.\n"
    )
    assert models.ProposalFate.objects.get(proposal=ignored).kind == "not-taken-up"


def test_the_api_records_the_chairs_fates_and_refuses_unreadable_ones(
    client, negotiation, proposals
):
    client.force_login(negotiation.chair)
    _, ignored = proposals

    def post(fates):
        upload = io.BytesIO(REV1_DOCX)
        upload.name = "rev1.docx"
        return client.post(
            "/api/v1/processes/wg/imports",
            {"file": upload, "slug": "report", "label": "Rev.1", "fates": fates},
        )

    before = _state()
    bad = post(f"{ignored.pk}=forgotten")
    assert (bad.status_code, bad.json()["title"]) == (422, "invalid-fates")
    assert bad.json()["detail"] == (
        f"Fates read PROPOSAL=FATE, e.g. 12=not-taken-up, not “{ignored.pk}=forgotten”."
    )
    assert _state() == before
    done = post(f"{ignored.pk}=pending")
    assert done.status_code == 201
    assert models.ProposalFate.objects.get(proposal=ignored).kind == "pending"
