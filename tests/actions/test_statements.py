import datetime as dt

import pytest
from tests.builders import DRAFT, assert_refused_without_trace, make_negotiation

from accord.actions.adoption import record_adoption
from accord.actions.preconditions import AlreadyAdopted
from accord.actions.processes import NotParticipating
from accord.actions.proposals import submit_proposal
from accord.actions.revisions import issue_revision
from accord.actions.statements import (
    add_summary_entry,
    deliver_statement,
    move_to_summary,
    submit_input,
)
from accord.core.errors import (
    NotAmendable,
    NotPermitted,
    TextTooLong,
    UnknownProposal,
    UnknownProvision,
    VersionNotCurrent,
)
from accord.core.fates import Fate, FateKind
from accord.core.national_views import (
    AlreadyMoved,
    EmptyStatement,
    ProposalTakenUp,
    Unattributed,
)
from accord.core.participants import Reason
from accord.core.provisions import content_hash
from accord.store import models, queries

pytestmark = pytest.mark.django_db

P4 = "The voluntary, non-binding norms complement the application of international law."


def _state():
    return (
        list(models.Statement.objects.values_list("pk", flat=True)),
        list(models.ChairSummary.objects.values_list("pk", flat=True)),
        list(models.ChairSummaryEntry.objects.values_list("pk", flat=True)),
        models.Event.objects.count(),
    )


def test_a_delegation_delivers_a_statement_linked_to_paragraphs(negotiation):
    row = deliver_statement(
        negotiation.process,
        by=negotiation.brazil,
        delegation="BRA",
        text="  Brazil reads paragraph 4 as voluntary.  ",
        version=negotiation.version,
        provision_uids=["p4", "p2", "p4"],
        delivered_on=dt.date(2026, 3, 12),
    )
    row.refresh_from_db()
    assert (row.kind, row.delegation.code, row.holder, row.text) == (
        "statement",
        "BRA",
        "Brazil",
        "Brazil reads paragraph 4 as voluntary.",
    )
    assert (row.version, row.provision_uids, row.delivered_on) == (
        negotiation.version,
        ["p4", "p2"],
        dt.date(2026, 3, 12),
    )
    event = models.Event.objects.last()
    assert (event.kind, event.actor, event.delegation.code, event.subject) == (
        "statement.delivered",
        negotiation.brazil,
        "BRA",
        f"statement:{row.pk}",
    )
    assert event.payload == {
        "statement": row.pk,
        "holder": "Brazil",
        "delivered_on": "2026-03-12",
        "document": "report",
        "version": 1,
        "provisions": ["p4", "p2"],
        "text_hash": content_hash("Brazil reads paragraph 4 as voluntary."),
    }


def test_an_observer_delivers_a_statement_dated_today_by_default(negotiation):
    row = deliver_statement(
        negotiation.process, by=negotiation.holy_see, delegation="VAT", text="The Holy See."
    )
    assert (row.holder, row.version, row.provision_uids) == ("Holy See", None, [])
    assert row.delivered_on == dt.date.today()
    assert models.Event.objects.last().payload["document"] is None


@pytest.mark.parametrize(
    ("who", "kwargs", "error"),
    [
        ("outsider", {}, NotPermitted(Reason.NOT_A_DELEGATE)),
        ("chair", {}, NotPermitted(Reason.NOT_A_DELEGATE)),
        ("stakeholder", {}, NotPermitted(Reason.NOT_A_DELEGATE)),
        ("brazil", {"delegation": "DEU"}, NotPermitted(Reason.OTHER_DELEGATION)),
        ("brazil", {"text": " \n "}, EmptyStatement()),
        ("brazil", {"text": "x" * 50_001}, TextTooLong(length=50_001, limit=50_000)),
        ("brazil", {"provision_uids": ["p9"]}, UnknownProvision("p9")),
        ("brazil", {"provision_uids": ["p2"], "version": None}, UnknownProvision("p2")),
    ],
)
def test_refused_statements_leave_nothing(negotiation, who, kwargs, error):
    args = {
        "delegation": "BRA",
        "text": "Brazil speaks.",
        "version": negotiation.version,
        "provision_uids": [],
    } | kwargs
    by = getattr(negotiation, who)
    assert_refused_without_trace(
        error, _state, lambda: deliver_statement(negotiation.process, by=by, **args)
    )


def test_the_public_cannot_state_on_a_process_it_is_not_part_of(negotiation):
    other = make_negotiation_elsewhere()
    assert_refused_without_trace(
        UnknownProvision("p2"),
        _state,
        lambda: deliver_statement(
            negotiation.process,
            by=negotiation.brazil,
            delegation="BRA",
            text="Brazil.",
            version=other,
            provision_uids=["p2"],
        ),
    )


def make_negotiation_elsewhere() -> models.Version:
    from accord.actions.processes import create_process, publish_draft

    process = create_process(by=None, slug="other", title="Other")
    return publish_draft(process, by=None, slug="report", text=DRAFT, label="Zero draft")


def test_a_stakeholder_submits_a_written_input_under_its_name(negotiation):
    negotiation.stakeholder.first_name = "Open Networks Forum"
    negotiation.stakeholder.save()
    row = submit_input(
        negotiation.process,
        by=negotiation.stakeholder,
        text="We ask to be heard.",
        version=negotiation.version,
        provision_uids=["p3-a"],
        delivered_on=dt.date(2026, 3, 14),
    )
    assert (row.kind, row.delegation, row.holder) == ("written-input", None, "Open Networks Forum")
    event = models.Event.objects.last()
    assert (event.kind, event.subject, event.delegation) == (
        "input.submitted",
        f"input:{row.pk}",
        None,
    )
    assert event.payload == {
        "statement": row.pk,
        "holder": "Open Networks Forum",
        "delivered_on": "2026-03-14",
        "document": "report",
        "version": 1,
        "provisions": ["p3-a"],
        "text_hash": content_hash("We ask to be heard."),
    }


@pytest.mark.parametrize(
    ("who", "text", "error"),
    [
        ("outsider", "Hello.", NotPermitted(Reason.NOT_A_STAKEHOLDER)),
        ("brazil", "Hello.", NotPermitted(Reason.NOT_A_STAKEHOLDER)),
        ("stakeholder", "", EmptyStatement()),
    ],
)
def test_refused_written_inputs_leave_nothing(negotiation, who, text, error):
    by = getattr(negotiation, who)
    assert_refused_without_trace(
        error, _state, lambda: submit_input(negotiation.process, by=by, text=text)
    )


def test_the_chair_adds_an_entry_in_own_words_attributed_to_delegations_and_groups(negotiation):
    entry = add_summary_entry(
        negotiation.process,
        by=negotiation.chair,
        text=" Some delegations asked for binding rules. ",
        delegations=["FRA", "BRA"],
        groups=["eu"],
    )
    summary = models.ChairSummary.objects.get()
    assert (summary.process, summary.issued_by) == (negotiation.process, negotiation.chair)
    assert (entry.summary, entry.source, entry.text, entry.proposal) == (
        summary,
        "free-text",
        "Some delegations asked for binding rules.",
        None,
    )
    assert sorted(entry.delegations.values_list("code", flat=True)) == ["BRA", "FRA"]
    assert list(entry.groups.values_list("code", flat=True)) == ["eu"]
    event = models.Event.objects.last()
    assert (event.kind, event.actor, event.subject) == (
        "summary.added",
        negotiation.chair,
        f"summary-entry:{entry.pk}",
    )
    assert event.payload == {
        "entry": entry.pk,
        "source": "free-text",
        "proposal": None,
        "delegations": ["BRA", "FRA"],
        "groups": ["eu"],
        "text_hash": content_hash("Some delegations asked for binding rules."),
    }
    second = add_summary_entry(
        negotiation.process, by=negotiation.chair, text="More.", delegations=["VAT"]
    )
    assert second.summary == summary
    assert models.ChairSummary.objects.count() == 1


def _revised_with(negotiation, kind: FateKind) -> models.Proposal:
    """A proposal by Germany for the EU on paragraph 4, then Rev.1 giving it ``kind``."""
    proposal = submit_proposal(
        negotiation.version,
        by=negotiation.germany,
        provision_uid="p4",
        wording="The norms are voluntary.",
        on_behalf_of="eu",
    )
    issue_revision(
        negotiation.version.document,
        by=negotiation.chair,
        text=DRAFT.replace("(test)", "(test, Rev.1)"),
        label="Rev.1",
        fates={proposal.pk: Fate(proposal.pk, kind)},
    )
    return proposal


def test_a_proposal_not_taken_up_is_quoted_with_its_proponents(negotiation):
    proposal = _revised_with(negotiation, FateKind.NOT_TAKEN_UP)
    entry = add_summary_entry(
        negotiation.process, by=negotiation.chair, proposal=proposal, delegations=["FRA"]
    )
    assert (entry.source, entry.text, entry.proposal, entry.provision_uid) == (
        "proposal",
        "The norms are voluntary.",
        proposal,
        "p4",
    )
    assert sorted(entry.delegations.values_list("code", flat=True)) == ["DEU", "FRA"]
    assert list(entry.groups.values_list("code", flat=True)) == ["eu"]
    assert models.Event.objects.last().payload == {
        "entry": entry.pk,
        "source": "proposal",
        "proposal": proposal.pk,
        "delegations": ["DEU", "FRA"],
        "groups": ["eu"],
        "text_hash": content_hash("The norms are voluntary."),
    }


def test_a_proposal_taken_up_or_still_pending_stays_out_of_the_summary(negotiation):
    proposal = _revised_with(negotiation, FateKind.PENDING)
    assert_refused_without_trace(
        ProposalTakenUp(proposal.pk, "pending"),
        _state,
        lambda: add_summary_entry(negotiation.process, by=negotiation.chair, proposal=proposal),
    )
    fresh = submit_proposal(
        queries.current_version(negotiation.version.document),
        by=negotiation.brazil,
        provision_uid="p2",
        wording="States shall not conduct ICT activity contrary to international law.",
    )
    assert_refused_without_trace(
        ProposalTakenUp(fresh.pk, "none"),
        _state,
        lambda: add_summary_entry(negotiation.process, by=negotiation.chair, proposal=fresh),
    )


@pytest.mark.parametrize(
    ("who", "kwargs", "error"),
    [
        ("brazil", {}, NotPermitted(Reason.NOT_THE_CHAIR)),
        ("secretariat", {}, NotPermitted(Reason.NOT_THE_CHAIR)),
        ("outsider", {}, NotPermitted(Reason.NOT_THE_CHAIR)),
        ("chair", {"text": " "}, EmptyStatement()),
        ("chair", {"text": "x" * 10_001}, TextTooLong(length=10_001, limit=10_000)),
        ("chair", {"delegations": [], "groups": []}, Unattributed()),
        ("chair", {"delegations": ["KEN"]}, NotParticipating("KEN")),
        ("chair", {"groups": ["no-such-group"]}, NotParticipating("no-such-group")),
    ],
)
def test_refused_entries_leave_nothing(negotiation, who, kwargs, error):
    args = {"text": "A view.", "delegations": ["BRA"]} | kwargs
    by = getattr(negotiation, who)
    assert_refused_without_trace(
        error, _state, lambda: add_summary_entry(negotiation.process, by=by, **args)
    )


def test_a_proposal_of_another_process_is_unknown_here(negotiation):
    other = make_negotiation_elsewhere()
    proposal = models.Proposal.objects.create(
        version=other,
        provision_uid="p2",
        delegation=models.Delegation.objects.get(code="BRA"),
        submitted_by=negotiation.brazil,
        wording="x",
        amendment={},
        submitted_at=other.issued_at,
    )
    assert_refused_without_trace(
        UnknownProposal(proposal.pk),
        _state,
        lambda: add_summary_entry(negotiation.process, by=negotiation.chair, proposal=proposal),
    )


def test_moving_a_paragraph_to_the_summary_is_recorded_with_its_text_hash(negotiation):
    entry = move_to_summary(
        negotiation.version, by=negotiation.chair, provision_uid="p4", delegations=["BRA"]
    )
    assert (entry.source, entry.text, entry.version, entry.provision_uid, entry.text_hash) == (
        "moved-provision",
        P4,
        negotiation.version,
        "p4",
        content_hash(P4),
    )
    event = models.Event.objects.last()
    assert (event.kind, event.actor, event.subject) == (
        "summary.moved",
        negotiation.chair,
        "provision:report/p4",
    )
    assert event.payload == {
        "entry": entry.pk,
        "document": "report",
        "version": 1,
        "provision": "p4",
        "label": "4",
        "text_hash": content_hash(P4),
        "delegations": ["BRA"],
        "groups": [],
    }
    assert queries.moved_provisions(negotiation.version.document) == {"p4"}


@pytest.mark.parametrize(
    ("who", "kwargs", "error"),
    [
        ("brazil", {}, NotPermitted(Reason.NOT_THE_CHAIR)),
        ("chair", {"provision_uid": "p9"}, UnknownProvision("p9")),
        ("chair", {"provision_uid": "s-a"}, NotAmendable("s-a")),
        ("chair", {"delegations": []}, Unattributed()),
    ],
)
def test_refused_moves_leave_nothing(negotiation, who, kwargs, error):
    args = {"provision_uid": "p4", "delegations": ["BRA"]} | kwargs
    by = getattr(negotiation, who)
    assert_refused_without_trace(
        error, _state, lambda: move_to_summary(negotiation.version, by=by, **args)
    )


def test_a_paragraph_moves_once_from_the_current_version_before_adoption(negotiation):
    move_to_summary(
        negotiation.version, by=negotiation.chair, provision_uid="p4", delegations=["BRA"]
    )
    assert_refused_without_trace(
        AlreadyMoved("p4"),
        _state,
        lambda: move_to_summary(
            negotiation.version, by=negotiation.chair, provision_uid="p4", delegations=["BRA"]
        ),
    )
    rev1 = issue_revision(
        negotiation.version.document, by=negotiation.chair, text=DRAFT, label="Rev.1"
    )
    assert_refused_without_trace(
        VersionNotCurrent("Zero draft", "Rev.1"),
        _state,
        lambda: move_to_summary(
            negotiation.version, by=negotiation.chair, provision_uid="p2", delegations=["BRA"]
        ),
    )
    record_adoption(rev1, by=negotiation.chair, confirm=True)
    assert_refused_without_trace(
        AlreadyAdopted("report"),
        _state,
        lambda: move_to_summary(
            rev1, by=negotiation.chair, provision_uid="p2", delegations=["BRA"]
        ),
    )


def test_a_moved_paragraph_never_appears_in_a_consensus_report(negotiation):
    """Moved on the zero draft, carried unchanged into Rev.1 and adopted there: the adoption
    does not cover it and the report names it apart, never among the adopted paragraphs."""
    move_to_summary(
        negotiation.version, by=negotiation.chair, provision_uid="p4", delegations=["BRA"]
    )
    rev1 = issue_revision(
        negotiation.version.document, by=negotiation.chair, text=DRAFT, label="Rev.1"
    )
    assert rev1.provisions.get(uid="p4").text == P4
    adoption = record_adoption(rev1, by=negotiation.chair, confirm=True)
    assert "p4" not in adoption.provision_hashes
    assert "p4" not in models.Event.objects.last().payload["provision_hashes"]
    report = queries.consensus_report(negotiation.version.document)
    adopted = ["s-a", "p1", "s-b", "p2", "p3", "p3-a", "p3-b"]
    assert [p.uid for p in report.provisions] == adopted
    assert [p.uid for p in report.moved] == ["p4"]
    assert report.withheld == []


def test_the_consensus_report_leaves_out_a_moved_paragraph_even_if_an_adoption_covered_it(
    negotiation,
):
    """An adoption recorded before this rule existed may still name the paragraph; the report
    still keeps it out."""
    adoption = record_adoption(negotiation.version, by=negotiation.chair, confirm=True)
    assert "p4" in adoption.provision_hashes
    models.ChairSummaryEntry.objects.create(
        summary=models.ChairSummary.objects.create(
            process=negotiation.process, issued_at=adoption.decided_at
        ),
        source="moved-provision",
        text=P4,
        version=negotiation.version,
        provision_uid="p4",
        text_hash=content_hash(P4),
        added_at=adoption.decided_at,
    )
    report = queries.consensus_report(negotiation.version.document)
    assert P4 not in [p.text for p in report.provisions]
    assert [p.uid for p in report.moved] == ["p4"]


def test_make_negotiation_elsewhere_is_a_second_process():
    make_negotiation()
    version = make_negotiation_elsewhere()
    assert version.document.process.slug == "other"
