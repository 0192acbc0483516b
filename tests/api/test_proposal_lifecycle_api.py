"""Through the API, a proposal reads as open until a revision gives it a final fate; the
current version's compilation carries the open ones made on earlier versions, with their
fate history."""

import io

import pytest
from tests.actions.test_revisions import FIRM, LAW, REV1
from tests.documents.word_files import typed_draft

from accord.actions.proposals import submit_proposal
from accord.actions.revisions import issue_revision
from accord.core.fates import Fate, FateKind
from accord.store import models

pytestmark = pytest.mark.django_db

DOCUMENT = "/api/v1/processes/wg/documents/report"


@pytest.fixture
def rev1(negotiation):
    """Rev.1 reflects Brazil's proposal on paragraph 2, leaves Germany's on 4 pending."""
    reflected = submit_proposal(
        negotiation.version, by=negotiation.brazil, provision_uid="p2", wording=FIRM
    )
    pending = submit_proposal(
        negotiation.version, by=negotiation.germany, provision_uid="p4", wording=LAW
    )
    issue_revision(
        negotiation.version.document,
        by=negotiation.chair,
        text=REV1,
        label="Rev.1",
        fates={pending.pk: Fate(pending.pk, FateKind.PENDING)},
    )
    return reflected, pending


def _proposals(compilation):
    return {
        p["id"]: (e["provision"]["label"], p)
        for e in compilation["entries"]
        for p in e["proposals"]
    }


def test_each_proposal_reads_with_its_status_and_fate_history(client, rev1):
    reflected, pending = rev1
    zero = _proposals(client.get(f"{DOCUMENT}/versions/1/compilation").json())
    label, made = zero[reflected.pk]
    assert (label, made["status"], made["carried"]) == ("2", "reflected", None)
    assert made["fates"] == [
        {
            "revision": "Rev.1",
            "version": 2,
            "fate": "reflected",
            "provisions": ["p2"],
            "merged_with": [],
            "recorded": False,
        }
    ]
    assert zero[pending.pk][1]["status"] == "open"


def test_the_current_compilation_carries_the_open_proposals_of_earlier_versions(client, rev1):
    reflected, pending = rev1
    body = client.get(f"{DOCUMENT}/versions/2/compilation").json()
    assert body["proposal_count"] == 1
    label, carried = _proposals(body)[pending.pk]
    assert (label, carried["provision"], carried["status"]) == ("3", "p4", "open")
    assert carried["carried"] == {
        "version": 1,
        "version_label": "Zero draft",
        "provision": "p4",
        "provision_label": "4",
        "changes": [],
    }
    assert carried["operations"] == [{"kind": "delete", "old": "the application of ", "new": ""}]
    assert carried["fates"] == [
        {
            "revision": "Rev.1",
            "version": 2,
            "fate": "pending",
            "provisions": [],
            "merged_with": [],
            "recorded": True,
        }
    ]
    settled = client.get(f"{DOCUMENT}/versions/1/compilation", {"status": "reflected"}).json()
    assert list(_proposals(settled)) == [reflected.pk]


def test_a_carried_proposal_is_withdrawn_from_the_current_version(client, negotiation, rev1):
    _, pending = rev1
    client.force_login(negotiation.germany)
    response = client.post(f"{DOCUMENT}/versions/2/proposals/{pending.pk}/withdraw")
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], [f["fate"] for f in body["fates"]]) == ("withdrawn", ["pending"])
    assert client.get(f"{DOCUMENT}/versions/2/compilation").json()["proposal_count"] == 0


def _rev2_docx() -> bytes:
    return typed_draft(
        [
            "## A. Rules, norms and principles",
            f"1. {FIRM}",
            "2. States should, in accordance with their national legislation, protect critical "
            "infrastructure.",
            "3. The voluntary, non-binding norms complement the application of international law.",
        ],
        title="Report of the working group (test)",
    )


def test_a_revision_imported_without_a_fate_for_a_carried_proposal_is_a_problem(
    client, negotiation, rev1
):
    _, pending = rev1
    client.force_login(negotiation.chair)
    before = (models.Version.objects.count(), models.Event.objects.count())
    upload = io.BytesIO(_rev2_docx())
    upload.name = "rev2.docx"
    response = client.post(
        "/api/v1/processes/wg/imports", {"file": upload, "slug": "report", "label": "Rev.2"}
    )
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["title"] == "proposals-without-fate"
    assert str(pending.pk) in problem["detail"]
    assert (models.Version.objects.count(), models.Event.objects.count()) == before
    assert models.ProposalFate.objects.count() == 2
    upload.seek(0)
    settled = client.post(
        "/api/v1/processes/wg/imports",
        {"file": upload, "slug": "report", "label": "Rev.2", "fates": f"{pending.pk}=not-taken-up"},
    )
    assert settled.status_code == 201
    pending.refresh_from_db()
    assert pending.status == "not-taken-up"
