"""Fates of proposals when the Chair issues a revision, and the ones that would vanish."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.core.builders import FRANCE, KENYA, load_version, make_proposal, make_version

from accord.core.errors import (
    CannotStayPending,
    ProposalsWithoutFate,
    UnknownProposal,
    UnknownProvision,
)
from accord.core.fates import (
    Fate,
    FateKind,
    check_settled,
    settle_fates,
    status_after,
    suggest_fate,
)
from accord.core.lineage import trace_lineage
from accord.core.proposals import ProposalStatus
from accord.core.provisions import Version
from accord.core.structure import AddProvision, DeleteProvision, MoveProvision

ZERO = load_version("zero_draft.md")
REV1 = load_version("rev1.md")
LINEAGE = trace_lineage(ZERO, REV1)
P2 = ZERO.provision("p2").text
P4 = ZERO.provision("p4").text


def _fate(**kwargs: object) -> FateKind:
    proposal = make_proposal(ZERO, **kwargs)  # type: ignore[arg-type]
    return suggest_fate(proposal, ZERO, REV1, LINEAGE, "Rev.1").kind


def test_a_proposal_the_chair_took_up_is_reflected() -> None:
    wording = P2.replace("the framework", "the cumulative and evolving framework")
    proposal = make_proposal(ZERO, "p2", wording)
    assert suggest_fate(proposal, ZERO, REV1, LINEAGE, "Rev.1") == Fate(
        proposal.id, FateKind.REFLECTED, "Rev.1", provisions=("p2",), recorded=False
    )


def test_a_proposal_taken_up_in_part_is_partly_reflected() -> None:
    wording = P4.replace("concern", "serious concern").replace("schools", "universities")
    assert _fate(uid="p4", wording=wording) is FateKind.PARTLY_REFLECTED


def test_a_proposal_left_aside_is_not_taken_up() -> None:
    assert _fate(uid="p4", wording=P4.replace("hospitals", "clinics")) is FateKind.NOT_TAKEN_UP


def test_a_deletion_shows_when_its_words_are_gone() -> None:
    wording = ZERO.provision("p7").text.replace(" within six months", "")
    assert _fate(uid="p7", wording=wording) is FateKind.NOT_TAKEN_UP
    assert _fate(uid="p4", wording=P4.replace(" schools and", "")) is FateKind.NOT_TAKEN_UP


def test_a_deletion_the_chair_made_is_reflected() -> None:
    old = load_version("zero_draft.md")
    proposal = make_proposal(old, "p2", P2.replace(" the applicability of international law,", ""))
    lineage = trace_lineage(old, old)
    assert suggest_fate(proposal, old, old, lineage).kind is FateKind.NOT_TAKEN_UP
    wording = P2.replace(
        "States reaffirmed that the framework",
        "States reaffirmed that the cumulative and evolving framework",
    )
    assert _fate(uid="p2", wording=wording) is FateKind.REFLECTED


def test_a_proposal_on_a_deleted_paragraph_is_not_taken_up_unless_it_asked_for_that() -> None:
    text = ZERO.provision("p3").text
    assert _fate(uid="p3", wording=text + " Indeed.") is FateKind.NOT_TAKEN_UP
    assert (
        _fate(uid="p3", wording=text + " Indeed.", structure=DeleteProvision("p3"))
        is FateKind.REFLECTED
    )
    assert (
        _fate(uid="p2", wording=P2 + " X.", structure=DeleteProvision("p2"))
        is FateKind.NOT_TAKEN_UP
    )


def test_structural_and_alternative_proposals() -> None:
    text = ZERO.provision("p6").text
    assert (
        _fate(uid="p6", wording=text + " Y.", structure=MoveProvision("p6", "p4"))
        is FateKind.REFLECTED
    )
    assert (
        _fate(uid="p5", wording=text + " Y.", structure=MoveProvision("p5", "p6"))
        is FateKind.NOT_TAKEN_UP
    )
    new = REV1.provision("p6").text
    assert (
        _fate(uid="p6", wording=text + " Z.", structure=AddProvision("p6", new))
        is FateKind.REFLECTED
    )
    assert (
        _fate(uid="p4", wording=P4 + " Z.", options=(REV1.provision("p3").text,))
        is FateKind.REFLECTED
    )


def test_a_withdrawn_proposal_is_withdrawn() -> None:
    assert (
        _fate(uid="p4", wording=P4 + " More.", status=ProposalStatus.WITHDRAWN)
        is FateKind.WITHDRAWN
    )


def test_settling_uses_the_chairs_fates_and_names_the_proposals_that_would_vanish() -> None:
    taken = make_proposal(
        ZERO, "p2", P2.replace("the framework", "the cumulative and evolving framework"), id=1
    )
    left = make_proposal(ZERO, "p4", P4.replace("hospitals", "clinics"), id=2, by=KENYA)
    merged = make_proposal(ZERO, "p8", ZERO.provision("p8").text + " Also.", id=3, by=FRANCE)
    recorded = {3: Fate(3, FateKind.MERGED, "Rev.1", provisions=("p9",), merged_with=(1,))}
    report = settle_fates([taken, left, merged], ZERO, REV1, LINEAGE, recorded, "Rev.1")
    assert [f.kind for f in report.fates] == [
        FateKind.REFLECTED,
        FateKind.NOT_TAKEN_UP,
        FateKind.MERGED,
    ]
    assert report.vanishing == (2,)
    with pytest.raises(ProposalsWithoutFate) as refused:
        check_settled(report)
    assert refused.value.params() == {"proposals": [2], "count": 1}
    recorded[2] = Fate(2, FateKind.NOT_TAKEN_UP, "Rev.1")
    check_settled(settle_fates([taken, left, merged], ZERO, REV1, LINEAGE, recorded))


def test_fates_naming_unknown_proposals_or_provisions_are_refused() -> None:
    proposal = make_proposal(ZERO, "p4", P4 + " More.", id=7)
    with pytest.raises(UnknownProposal) as refused:
        settle_fates([proposal], ZERO, REV1, LINEAGE, {8: Fate(8, FateKind.PENDING)})
    assert refused.value.params() == {"proposal": 8}
    with pytest.raises(UnknownProposal):
        settle_fates(
            [proposal], ZERO, REV1, LINEAGE, {7: Fate(7, FateKind.MERGED, merged_with=(9,))}
        )
    with pytest.raises(UnknownProvision):
        settle_fates(
            [proposal], ZERO, REV1, LINEAGE, {7: Fate(7, FateKind.REFLECTED, provisions=("p99",))}
        )


@given(st.lists(st.sampled_from(["p1", "p2", "p3", "p4", "p6", "p7", "p8", "p9"]), max_size=8))
def test_every_proposal_gets_exactly_one_fate(uids: list[str]) -> None:
    proposals = [
        make_proposal(ZERO, uid, ZERO.provision(uid).text + " Added.", id=n)
        for n, uid in enumerate(uids)
    ]
    report = settle_fates(proposals, ZERO, REV1, LINEAGE, {})
    assert [f.proposal_id for f in report.fates] == [p.id for p in proposals]
    assert set(report.vanishing) <= {p.id for p in proposals}
    assert all(
        f.kind is FateKind.NOT_TAKEN_UP for f in report.fates if f.proposal_id in report.vanishing
    )


def test_a_proposal_on_a_provision_the_old_version_lacks_is_refused() -> None:
    stray = make_proposal(REV1, "p6", REV1.provision("p6").text + " More.")
    opening = Version("Opening", ZERO.provisions[:3])
    with pytest.raises(UnknownProvision) as refused:
        settle_fates([stray], opening, REV1, trace_lineage(opening, REV1), {})
    assert refused.value.params() == {"uid": "p6"}


def test_words_found_elsewhere_in_the_text_do_not_make_a_proposal_reflected() -> None:
    old = make_version("States should act and shall report on progress.", "Other.")
    new = make_version("States should act and shall report annually on progress.", "Other.")
    proposal = make_proposal(old, "p1", "States shall act and shall report on progress.")
    assert suggest_fate(proposal, old, new, trace_lineage(old, new)).kind is FateKind.NOT_TAKEN_UP
    taken = make_version("States shall act and shall report on progress.", "Other.")
    assert suggest_fate(proposal, old, taken, trace_lineage(old, taken)).kind is FateKind.REFLECTED


def test_a_proposal_stays_pending_only_while_the_provisions_it_names_continue() -> None:
    on_deleted = make_proposal(ZERO, "p3", ZERO.provision("p3").text + " Indeed.", id=1)
    moving = make_proposal(ZERO, "p6", P4, id=2, structure=MoveProvision("p6", "p3"))
    kept = make_proposal(ZERO, "p4", P4 + " More.", id=3)
    pending = {n: Fate(n, FateKind.PENDING, "Rev.1") for n in (1, 2, 3)}
    report = settle_fates([kept], ZERO, REV1, LINEAGE, {3: pending[3]}, "Rev.1")
    assert report.fates == (pending[3],)
    for proposal in (on_deleted, moving):
        with pytest.raises(CannotStayPending) as refused:
            settle_fates([proposal], ZERO, REV1, LINEAGE, {proposal.id: pending[proposal.id]})
        assert refused.value == CannotStayPending(proposal.id, ZERO.provision("p3").label)
        assert refused.value.params() == {"proposal": proposal.id, "label": "3"}


@pytest.mark.parametrize(
    ("kind", "status"),
    [
        (FateKind.PENDING, ProposalStatus.OPEN),
        (FateKind.REFLECTED, ProposalStatus.REFLECTED),
        (FateKind.PARTLY_REFLECTED, ProposalStatus.PARTLY_REFLECTED),
        (FateKind.MERGED, ProposalStatus.MERGED),
        (FateKind.NOT_TAKEN_UP, ProposalStatus.NOT_TAKEN_UP),
        (FateKind.WITHDRAWN, ProposalStatus.WITHDRAWN),
    ],
)
def test_a_final_fate_becomes_the_proposals_status(kind: FateKind, status: ProposalStatus) -> None:
    assert status_after(Fate(1, kind)) is status


def test_an_added_paragraph_is_reflected_where_its_text_stands() -> None:
    # Proposed after paragraph 4, the paragraph stands in the revision as paragraph 7.
    added = REV1.provision("p7").text
    proposal = make_proposal(ZERO, "p4", P4 + " Z.", structure=AddProvision("p4", added))
    assert suggest_fate(proposal, ZERO, REV1, LINEAGE, "Rev.1") == Fate(
        proposal.id, FateKind.REFLECTED, "Rev.1", provisions=("p7",), recorded=False
    )
