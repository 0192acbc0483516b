"""A resolution negotiated like a report: published, proposed on, revised, marked, adopted."""

import json
from pathlib import Path

import pytest
from tests.builders import assert_refused_without_trace

from accord.actions.adoption import record_adoption
from accord.actions.processes import publish_draft
from accord.actions.proposals import submit_proposal
from accord.actions.revisions import issue_revision
from accord.cli.audit import verify_database
from accord.core.errors import MalformedDraft, PreambleOutOfOrder
from accord.core.eventlog import check_documents
from accord.core.fates import Fate, FateKind
from accord.core.proposals import ProposalKind
from accord.core.provisions import ProvisionKind, TitleBlock
from accord.documents.model import Format, View
from accord.store import exports, models, queries
from accord.store.record import log_lines
from accord.words.refusals import explain

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parents[1] / "core" / "fixtures"
DRAFT = (FIXTURES / "resolution_draft.md").read_text(encoding="utf-8")
REV1 = (FIXTURES / "resolution_rev1.md").read_text(encoding="utf-8")


@pytest.fixture
def resolution(negotiation):
    return publish_draft(
        negotiation.process, by=negotiation.chair, slug="resolution", text=DRAFT, label="Draft"
    )


def test_a_resolution_is_stored_with_its_title_block_and_reads_back(resolution) -> None:
    value = queries.version_value(resolution)
    assert value.title_block == TitleBlock(
        "General Assembly", "Eighty-first session", "94", ("Brazil", "Kenya", "Singapore")
    )
    assert value.provision("pp2").kind is ProvisionKind.PREAMBULAR
    assert resolution.content_hash == value.content_hash
    event = models.Event.objects.get(kind="draft.published", subject="document:resolution")
    assert event.payload["content_hash"] == value.content_hash


def test_proposals_on_the_preamble_and_a_revision_that_reorders_it(negotiation, resolution) -> None:
    added = submit_proposal(
        resolution,
        by=negotiation.brazil,
        provision_uid="pp3",
        kind=ProposalKind.ADD,
        wording="Recognizing the role of regional organizations,",
    )
    moved = submit_proposal(
        resolution, by=negotiation.germany, provision_uid="pp2", kind=ProposalKind.MOVE, after="pp4"
    )
    deleted = submit_proposal(
        resolution, by=negotiation.brazil, provision_uid="op4", kind=ProposalKind.DELETE
    )
    rev1 = issue_revision(
        resolution.document,
        by=negotiation.chair,
        text=REV1,
        label="Rev.1",
        fates={
            added.id: Fate(added.id, FateKind.NOT_TAKEN_UP),
            deleted.id: Fate(deleted.id, FateKind.NOT_TAKEN_UP),
        },
    )
    value = queries.version_value(rev1)
    assert [(p.uid, p.label) for p in value][:4] == [
        ("pp1", "PP1"),
        ("pp3", "PP2"),
        ("pp4", "PP3"),
        ("pp2", "PP4"),
    ]
    assert value.title_block is not None
    assert "Indonesia" in value.title_block.sponsors
    fates = {f.proposal_id: f.kind for f in models.ProposalFate.objects.filter(revision=rev1)}
    assert fates == {added.id: "not-taken-up", moved.id: "reflected", deleted.id: "not-taken-up"}


def test_a_preambular_paragraph_cannot_be_moved_into_the_operative_part(
    negotiation, resolution
) -> None:
    assert_refused_without_trace(
        PreambleOutOfOrder("pp2"),
        lambda: (models.Proposal.objects.count(), models.Event.objects.count()),
        lambda: submit_proposal(
            resolution,
            by=negotiation.brazil,
            provision_uid="pp2",
            kind=ProposalKind.MOVE,
            after="op1",
        ),
    )


def test_a_resolution_is_adopted_by_consensus(negotiation, resolution) -> None:
    adoption = record_adoption(resolution, by=negotiation.chair, confirm=True)
    assert adoption.adopted
    assert adoption.method == "consensus"
    assert set(adoption.provision_hashes) >= {"pp1", "op3-a"}


def test_a_preamble_after_the_operative_part_is_refused_in_words(negotiation) -> None:
    text = "# Decision\nOP1. Decides to meet again.\nPP1. Recalling its decision 15/4,"
    assert_refused_without_trace(
        MalformedDraft(3, "preambular-after-operative"),
        lambda: (models.Document.objects.count(), models.Event.objects.count()),
        lambda: publish_draft(
            negotiation.process, by=negotiation.chair, slug="decision", text=text, label="Draft"
        ),
    )
    assert explain(MalformedDraft(3, "preambular-after-operative")) == (
        "Line 3: a preambular paragraph (PP) after an operative one (OP)."
    )


def test_a_resolutions_clean_json_and_consensus_report_verify_against_the_log(
    negotiation, resolution
) -> None:
    record_adoption(resolution, by=negotiation.chair, confirm=True)
    clean = exports.export_view(resolution, View.CLEAN, Format.JSON).content
    report = exports.consensus_report_export(resolution.document)
    assert report is not None
    documents = {"clean.json": clean, "report.json": report[0].encode()}
    assert check_documents(list(log_lines()), documents).ok
    assert json.loads(report[0])["adoption"]["title_block"]["sponsors"] == [
        "Brazil",
        "Kenya",
        "Singapore",
    ]
    assert verify_database() == 0
