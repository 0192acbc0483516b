import pytest
from tests.builders import DRAFT, assert_refused_without_trace

from accord.actions.adoption import record_adoption
from accord.actions.preconditions import AlreadyAdopted
from accord.actions.revisions import issue_revision
from accord.actions.status import mark_provision_status
from accord.core.errors import (
    NotAmendable,
    NotPermitted,
    UnknownProvision,
    VersionNotCurrent,
)
from accord.core.participants import Reason
from accord.core.provisions import content_hash
from accord.core.status import (
    ActKind,
    NothingToReopen,
    PendingMismatch,
    PendingNotAMember,
    ProvisionStatus,
)
from accord.store import models, queries

pytestmark = pytest.mark.django_db

P4 = "The voluntary, non-binding norms complement the application of international law."


def _state():
    return (models.StatusMark.objects.count(), models.Event.objects.count())


def _status(version, uid):
    rows = queries.statuses(version, queries.version_value(version))
    return next(r.outcome for r in rows if r.provision.uid == uid)


def test_the_chair_marks_a_paragraph_agreed_ad_referendum(negotiation):
    mark = mark_provision_status(
        negotiation.version, by=negotiation.chair, provision_uid="p4", kind=ActKind.AGREED
    )
    row = models.StatusMark.objects.get()
    assert row == mark
    assert (row.document, row.version, row.provision_uid, row.kind, row.pending) == (
        negotiation.version.document,
        negotiation.version,
        "p4",
        "agreed",
        [],
    )
    assert (row.text_hash, row.recorded_by) == (content_hash(P4), negotiation.chair)
    event = models.Event.objects.last()
    assert (event.kind, event.actor, event.subject) == (
        "status.marked",
        negotiation.chair,
        "provision:report/p4",
    )
    assert event.payload == {
        "document": "report",
        "version": 1,
        "provision": "p4",
        "label": "4",
        "kind": "agreed",
        "pending": [],
        "text_hash": content_hash(P4),
    }
    assert _status(negotiation.version, "p4").status is ProvisionStatus.AGREED_AD_REF


def test_agreed_pending_names_members_and_reopening_follows(negotiation):
    mark_provision_status(
        negotiation.version,
        by=negotiation.chair,
        provision_uid="p4",
        kind=ActKind.AGREED_PENDING,
        pending=["FRA", "BRA"],
    )
    assert models.StatusMark.objects.get().pending == ["BRA", "FRA"]
    assert models.Event.objects.last().payload["pending"] == ["BRA", "FRA"]
    outcome = _status(negotiation.version, "p4")
    assert (outcome.status, outcome.pending) == (
        ProvisionStatus.AGREED_PENDING,
        frozenset({"BRA", "FRA"}),
    )
    mark_provision_status(
        negotiation.version, by=negotiation.chair, provision_uid="p4", kind=ActKind.REOPENED
    )
    assert models.Event.objects.last().payload["kind"] == "reopened"
    assert _status(negotiation.version, "p4").status is ProvisionStatus.REOPENED


def test_a_mark_stops_applying_when_a_revision_changes_the_text(negotiation):
    for uid in ("p2", "p4"):
        mark_provision_status(
            negotiation.version, by=negotiation.chair, provision_uid=uid, kind=ActKind.AGREED
        )
    rev1 = issue_revision(
        negotiation.version.document,
        by=negotiation.chair,
        text=DRAFT.replace("complement the application", "complement the full application"),
        label="Rev.1",
    )
    assert _status(rev1, "p2").status is ProvisionStatus.AGREED_AD_REF
    assert _status(rev1, "p4").status is ProvisionStatus.OPEN


def test_refusals_store_nothing(negotiation):
    version = negotiation.version

    def mark(by=negotiation.chair, uid="p4", kind=ActKind.AGREED, pending=(), on=version):
        return lambda: mark_provision_status(
            on, by=by, provision_uid=uid, kind=kind, pending=pending
        )

    cases = [
        (NotPermitted(Reason.NOT_THE_CHAIR), mark(by=negotiation.secretariat)),
        (NotPermitted(Reason.NOT_THE_CHAIR), mark(by=negotiation.brazil)),
        (NotPermitted(Reason.NOT_THE_CHAIR), mark(by=negotiation.outsider)),
        (UnknownProvision("p99"), mark(uid="p99")),
        (NotAmendable(version.provisions.get(kind="section", label="A").uid), None),
        (PendingMismatch("agreed-pending"), mark(kind=ActKind.AGREED_PENDING)),
        (PendingMismatch("agreed"), mark(pending=["BRA"])),
        (PendingNotAMember("VAT"), mark(kind=ActKind.AGREED_PENDING, pending=["BRA", "VAT"])),
        (PendingNotAMember("KEN"), mark(kind=ActKind.AGREED_PENDING, pending=["KEN"])),
        (NothingToReopen("4"), mark(kind=ActKind.REOPENED)),
    ]
    for error, act in cases:
        if act is None:
            act = mark(uid=error.uid)
        assert_refused_without_trace(error, _state, act)


def test_no_marks_on_a_superseded_or_adopted_version(negotiation):
    document = negotiation.version.document
    rev1 = issue_revision(
        document, by=negotiation.chair, text=DRAFT.replace("three", "four"), label="Rev.1"
    )
    assert_refused_without_trace(
        VersionNotCurrent("Zero draft", "Rev.1"),
        _state,
        lambda: mark_provision_status(
            negotiation.version, by=negotiation.chair, provision_uid="p4", kind=ActKind.AGREED
        ),
    )
    record_adoption(rev1, by=negotiation.chair, confirm=True)
    assert_refused_without_trace(
        AlreadyAdopted("report"),
        _state,
        lambda: mark_provision_status(
            rev1, by=negotiation.chair, provision_uid="p4", kind=ActKind.AGREED
        ),
    )
    assert _status(rev1, "p4").status is ProvisionStatus.ADOPTED
