import pytest
from tests.builders import assert_refused_without_trace

from accord.actions.proposals import submit_proposal, withdraw_proposal
from accord.actions.revisions import issue_revision
from accord.core.amendments import apply_amendment
from accord.core.draft_text import render_draft
from accord.core.errors import (
    CannotStayPending,
    MalformedDraft,
    NotPermitted,
    ProposalsWithoutFate,
)
from accord.core.fates import Fate, FateKind
from accord.core.proposals import Carried
from accord.core.revising import chair_fate, read_revision, take_in
from accord.store import models, queries

pytestmark = pytest.mark.django_db

FIRM = (
    "States shall not conduct or knowingly support ICT activity contrary to their "
    "obligations under international law."
)
REV1 = f"""# Report of the working group (test)

## A. Rules, norms and principles

1. {FIRM}

2. States should, in accordance with their national legislation, protect critical infrastructure:
   (a) by designating points of contact;
   (b) by sharing information on incidents.

3. The voluntary, non-binding norms complement the application of international law.
"""


def _state():
    return (
        models.Version.objects.count(),
        models.Provision.objects.count(),
        models.ProposalFate.objects.count(),
        models.Event.objects.count(),
    )


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


def test_the_chair_issues_a_revision_that_keeps_identifiers_and_settles_every_fate(
    negotiation, proposals
):
    reflected, ignored = proposals
    version = issue_revision(
        negotiation.version.document,
        by=negotiation.chair,
        text=REV1,
        label="Rev.1",
        fates={ignored.pk: Fate(ignored.pk, FateKind.NOT_TAKEN_UP)},
    )
    assert (version.number, version.label) == (2, "Rev.1")
    rows = list(version.provisions.values_list("label", "uid"))
    assert rows == [
        ("A", "s-b"),
        ("1", "p2"),
        ("2", "p3"),
        ("2(a)", "p3-a"),
        ("2(b)", "p3-b"),
        ("3", "p4"),
    ]
    fates = {
        f.proposal_id: (f.kind, f.provisions, f.recorded)
        for f in models.ProposalFate.objects.filter(revision=version)
    }
    assert fates == {
        reflected.pk: ("reflected", ["p2"], False),
        ignored.pk: ("not-taken-up", [], True),
    }
    event = models.Event.objects.last()
    assert (event.kind, event.actor) == ("revision.issued", negotiation.chair)
    assert event.payload["number_map"] == {
        "A": [],
        "1": [],
        "B": ["A"],
        "2": ["1"],
        "3": ["2"],
        "3(a)": ["2(a)"],
        "3(b)": ["2(b)"],
        "4": ["3"],
    }
    assert event.payload["fates"] == {
        str(reflected.pk): "reflected",
        str(ignored.pk): "not-taken-up",
    }


def test_a_proposal_that_would_vanish_stops_the_revision(negotiation, proposals):
    _, ignored = proposals
    before = _state()
    with pytest.raises(ProposalsWithoutFate) as raised:
        issue_revision(negotiation.version.document, by=negotiation.chair, text=REV1, label="Rev.1")
    assert raised.value == ProposalsWithoutFate((ignored.pk,))
    assert _state() == before


@pytest.mark.parametrize("who", ["secretariat", "brazil", "outsider"])
def test_only_the_chair_issues_revisions(negotiation, who):
    before = _state()
    with pytest.raises(NotPermitted):
        issue_revision(
            negotiation.version.document, by=getattr(negotiation, who), text=REV1, label="Rev.1"
        )
    assert _state() == before


def test_a_revision_that_cannot_be_read_stores_nothing(negotiation):
    before = _state()
    with pytest.raises(MalformedDraft):
        issue_revision(
            negotiation.version.document, by=negotiation.chair, text="Loose text.", label="Rev.1"
        )
    assert _state() == before


# A proposal left pending stays open, carried onto each revision, until it gets a final fate.

LAW = "The voluntary, non-binding norms complement international law."


@pytest.fixture
def pending_in_rev1(negotiation, proposals):
    """Rev.1 issued with Germany's proposal on paragraph 4 left pending and a new proposal by
    Brazil; returns Rev.1 and the pending proposal."""
    _, ignored = proposals
    pending = submit_proposal(
        negotiation.version, by=negotiation.brazil, provision_uid="p4", wording=LAW
    )
    fates = {
        ignored.pk: Fate(ignored.pk, FateKind.NOT_TAKEN_UP),
        pending.pk: Fate(pending.pk, FateKind.PENDING),
    }
    rev1 = issue_revision(
        negotiation.version.document, by=negotiation.chair, text=REV1, label="Rev.1", fates=fates
    )
    return rev1, pending


def test_a_revision_gives_each_proposal_its_fate_as_status_and_a_pending_one_stays_open(
    negotiation, proposals, pending_in_rev1
):
    reflected, ignored = proposals
    _, pending = pending_in_rev1
    statuses = dict(models.Proposal.objects.values_list("pk", "status"))
    assert statuses == {reflected.pk: "reflected", ignored.pk: "not-taken-up", pending.pk: "open"}


def test_a_pending_proposal_shows_in_the_compilation_of_the_next_version(
    negotiation, pending_in_rev1
):
    rev1, pending = pending_in_rev1
    compiled = queries.compilation(rev1)
    shown = [(e.provision.label, p.id) for e in compiled.entries for p in e.proposals]
    assert shown == [("3", pending.pk)]
    entry = next(e for e in compiled.entries if e.proposals)
    (carried,) = entry.proposals
    assert carried.carried == Carried(1, "Zero draft", "p4", "4", ())
    assert apply_amendment(entry.provision.text, carried.amendment) == LAW
    assert entry.fates == ((Fate(pending.pk, FateKind.PENDING, "Rev.1", version=2),),)
    # The zero draft's own compilation still shows the proposals made on it, settled.
    assert queries.compilation(negotiation.version).proposal_count == 3


def test_a_pending_proposal_is_taken_in_at_the_next_revision_and_gets_its_fate(
    negotiation, pending_in_rev1
):
    rev1, pending = pending_in_rev1
    (carried,) = queries.open_proposals(rev1)
    draft = read_revision(queries.version_value(rev1), render_draft(queries.version_value(rev1)))
    text = take_in(draft, carried)
    fate = chair_fate(carried, FateKind.REFLECTED, read_revision(draft.old, text), "Rev.2")
    rev2 = issue_revision(
        rev1.document, by=negotiation.chair, text=text, label="Rev.2", fates={pending.pk: fate}
    )
    assert rev2.provisions.get(uid="p4").text == LAW
    pending.refresh_from_db()
    assert pending.status == "reflected"
    history = list(pending.fates.values_list("revision__label", "kind", "provisions"))
    assert history == [("Rev.1", "pending", []), ("Rev.2", "reflected", ["p4"])]
    assert models.Event.objects.last().payload["fates"] == {str(pending.pk): "reflected"}
    assert queries.open_proposals(rev2) == []


def test_a_revision_without_a_fate_for_a_proposal_made_on_an_earlier_version_is_refused(
    negotiation, pending_in_rev1
):
    rev1, pending = pending_in_rev1
    assert_refused_without_trace(
        ProposalsWithoutFate((pending.pk,)),
        lambda: (*_state(), list(models.Proposal.objects.values_list("status", flat=True))),
        lambda: issue_revision(rev1.document, by=negotiation.chair, text=REV1, label="Rev.2"),
    )


def test_a_proposal_cannot_stay_pending_on_a_paragraph_the_revision_deletes(negotiation):
    intro = submit_proposal(
        negotiation.version,
        by=negotiation.brazil,
        provision_uid="p1",
        wording="The working group met in four substantive sessions.",
    )
    assert_refused_without_trace(
        CannotStayPending(intro.pk, "1"),
        _state,
        lambda: issue_revision(
            negotiation.version.document,
            by=negotiation.chair,
            text=REV1,
            label="Rev.1",
            fates={intro.pk: Fate(intro.pk, FateKind.PENDING)},
        ),
    )


def test_the_proposals_open_on_some_paragraphs_count_those_carried_onto_them(
    negotiation, proposals, pending_in_rev1
):
    rev1, pending = pending_in_rev1
    made = submit_proposal(rev1, by=negotiation.germany, provision_uid="p2", wording="Short.")
    assert [p.id for p in queries.open_on(rev1)] == [pending.pk, made.pk]
    assert [p.id for p in queries.open_on(rev1, only=frozenset({"p4"}))] == [pending.pk]
    assert [p.id for p in queries.open_on(rev1, only=frozenset({"p2"}))] == [made.pk]
    assert queries.open_on(rev1, only=frozenset({"p1"})) == []
    # On an earlier version: those made on it, on these paragraphs, whatever became of them.
    _, ignored = proposals
    earlier = queries.open_on(negotiation.version, only=frozenset({"p4"}))
    assert [p.id for p in earlier] == [ignored.pk, pending.pk]


def test_a_carried_proposal_can_be_withdrawn_while_it_is_open(negotiation, pending_in_rev1):
    _, pending = pending_in_rev1
    withdraw_proposal(pending, by=negotiation.brazil)
    pending.refresh_from_db()
    assert pending.status == "withdrawn"
    assert models.Event.objects.last().kind == "proposal.withdrawn"


def test_the_engine_reads_a_carried_proposal_against_the_version_the_revision_replaces(
    negotiation, pending_in_rev1
):
    rev1, pending = pending_in_rev1
    rev2 = issue_revision(
        rev1.document,
        by=negotiation.chair,
        text=REV1.replace(
            "complement the application of international law", "complement international law"
        ),
        label="Rev.2",
    )
    fate = models.ProposalFate.objects.get(revision=rev2)
    assert (fate.proposal_id, fate.kind, fate.provisions, fate.recorded) == (
        pending.pk,
        "reflected",
        ["p4"],
        False,
    )
    pending.refresh_from_db()
    assert pending.status == "reflected"


# Nothing is left open behind an adopted text: the proposals still open lapse, not taken up.


def test_adopting_the_text_closes_every_open_proposal_as_not_taken_up(negotiation, pending_in_rev1):
    from accord.actions.adoption import record_adoption

    rev1, pending = pending_in_rev1
    later = submit_proposal(rev1, by=negotiation.germany, provision_uid="p4", wording="Short.")
    adoption = record_adoption(rev1, by=negotiation.chair, confirm=True)
    assert dict(models.Proposal.objects.filter(status="open").values_list("pk", "status")) == {}
    assert models.Proposal.objects.get(pk=pending.pk).status == "not-taken-up"
    assert models.Proposal.objects.get(pk=later.pk).status == "not-taken-up"
    # The pending fate on Rev.1 becomes final there; the later proposal gets its one fate.
    fates = models.ProposalFate.objects.filter(proposal__in=[pending, later])
    assert sorted(fates.values_list("proposal_id", "revision_id", "kind", "recorded")) == [
        (pending.pk, rev1.pk, "not-taken-up", True),
        (later.pk, rev1.pk, "not-taken-up", True),
    ]
    event = models.Event.objects.filter(kind="adoption.recorded").get()
    assert (event.payload["adopted"], event.payload["not_taken_up"]) == (
        True,
        [pending.pk, later.pk],
    )
    assert adoption.adopted


def test_an_outcome_not_adopted_leaves_the_proposals_open(negotiation, pending_in_rev1):
    from accord.actions.adoption import record_adoption

    rev1, pending = pending_in_rev1
    record_adoption(rev1, by=negotiation.chair, objections=["FRA"], confirm=True)
    assert models.Proposal.objects.get(pk=pending.pk).status == "open"
    event = models.Event.objects.filter(kind="adoption.recorded").get()
    assert (event.payload["adopted"], "not_taken_up" in event.payload) == (False, False)
