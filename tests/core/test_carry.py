"""Carrying an amendment onto a later version, or saying precisely why not."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.core.builders import make_proposal, make_version

from accord.core.amendments import apply_amendment, derive_amendment
from accord.core.carry import Revision, carry_amendment, carry_proposal
from accord.core.errors import AmendmentCannotBeCarried, AmendmentForOtherText, UnknownProvision
from accord.core.identifiers import inherit_identifiers
from accord.core.lineage import trace_lineage
from accord.core.proposals import Carried, TargetChange
from accord.core.provisions import Version
from accord.core.structure import AddProvision, DeleteProvision, MoveProvision, StructuralOp

ZERO = (
    "States should cooperate to protect critical infrastructure, consistent with international law."
)
REV1 = "Recalling their commitments, " + ZERO


def test_an_amendment_moves_with_its_words() -> None:
    amendment = derive_amendment(ZERO, ZERO.replace("should", "shall"))
    carried = carry_amendment(amendment, ZERO, REV1)
    assert apply_amendment(REV1, carried) == REV1.replace("should", "shall")


def test_an_insertion_carries_when_both_neighbours_stand() -> None:
    amendment = derive_amendment(ZERO, ZERO.replace("protect", "better protect"))
    assert apply_amendment(REV1, carry_amendment(amendment, ZERO, REV1)) == REV1.replace(
        "protect", "better protect"
    )


def test_insertions_at_either_end_carry() -> None:
    start = derive_amendment(ZERO, "Today " + ZERO)
    end = derive_amendment(ZERO, ZERO + " Always.")
    later = ZERO.replace("cooperate", "work together")
    assert apply_amendment(later, carry_amendment(start, ZERO, later)) == "Today " + later
    assert apply_amendment(later, carry_amendment(end, ZERO, later)) == later + " Always."


def test_an_amendment_whose_words_changed_cannot_be_carried() -> None:
    amendment = derive_amendment(ZERO, ZERO.replace("critical infrastructure", "hospitals"))
    later = ZERO.replace("critical infrastructure", "essential services")
    with pytest.raises(AmendmentCannotBeCarried) as refused:
        carry_amendment(amendment, ZERO, later)
    assert refused.value.params() == {"start": 5, "words": "critical infrastructure"}


def test_an_insertion_whose_neighbours_changed_cannot_be_carried() -> None:
    amendment = derive_amendment(ZERO, ZERO.replace("to protect", "to fully protect"))
    later = ZERO.replace("to protect", "in protecting")
    with pytest.raises(AmendmentCannotBeCarried) as refused:
        carry_amendment(amendment, ZERO, later)
    assert refused.value.params()["words"] == "to protect "


def test_an_amendment_of_another_text_is_refused() -> None:
    amendment = derive_amendment(ZERO, "Something else.")
    with pytest.raises(AmendmentForOtherText):
        carry_amendment(amendment, REV1, REV1)


WORDS = st.lists(st.sampled_from(["a ", "b ", "c ", "d ", "e ", "f "]), max_size=12).map("".join)


@given(WORDS, WORDS, WORDS)
def test_a_carried_amendment_either_applies_or_is_refused(
    old: str, wanted: str, later: str
) -> None:
    amendment = derive_amendment(old, wanted)
    try:
        carried = carry_amendment(amendment, old, later)
    except AmendmentCannotBeCarried:
        return
    result = apply_amendment(later, carried)
    if later == old:
        assert result == wanted


def test_an_insertion_at_an_end_the_chair_extended_cannot_be_carried() -> None:
    amendment = derive_amendment(ZERO, ZERO + " Always.")
    with pytest.raises(AmendmentCannotBeCarried) as refused:
        carry_amendment(amendment, ZERO, ZERO + " Where possible.")
    assert refused.value.params() == {"start": 12, "words": "law."}
    start = derive_amendment(ZERO, "Today " + ZERO)
    with pytest.raises(AmendmentCannotBeCarried):
        carry_amendment(start, ZERO, "Recalling, " + ZERO)


@given(WORDS, WORDS)
def test_carrying_onto_the_same_text_changes_nothing(old: str, wanted: str) -> None:
    amendment = derive_amendment(old, wanted)
    assert carry_amendment(amendment, old, old).ops == amendment.ops


# A proposal that stays open across revisions, carried onto the current version.

SPLIT_1 = "The working group met in three substantive sessions."
SPLIT_2 = "It held informal consultations with stakeholders."
OPENING = "A new opening paragraph on the mandate of the group and its working methods agreed."
MET = f"{SPLIT_1[:-1]} and held informal consultations with stakeholders."
NORMS = "States recalled the voluntary norms of responsible behaviour and their evolving framework."
CB = "Capacity-building should be demand-driven, sustainable and respectful of national ownership."


def _revision(old: Version, *paragraphs: str) -> Revision:
    typed = make_version(*paragraphs)
    new = inherit_identifiers(old, typed, trace_lineage(old, typed))
    return Revision(old, new, trace_lineage(old, new))


V0 = make_version(ZERO, MET, NORMS, CB, title="Zero")
# Rev.1 opens with a new paragraph (the others are renumbered), splits 2 and merges 3 and 4.
R1 = _revision(V0, OPENING, ZERO, SPLIT_1, SPLIT_2, f"{NORMS[:-1]} {CB}")
# Rev.2 rewrites the words "critical infrastructure" of paragraph 1 (now 2).
ESSENTIAL = ZERO.replace("critical infrastructure", "essential services")
R2 = _revision(R1.new, OPENING, ESSENTIAL, SPLIT_1, SPLIT_2, f"{NORMS[:-1]} {CB}")


def test_a_proposal_follows_its_provision_and_its_words_onto_the_current_version() -> None:
    proposal = make_proposal(V0, "p1", ZERO.replace("should", "shall"))
    carried = carry_proposal(proposal, (1, "Zero draft"), [R1])
    assert (carried.provision_uid, R1.new.provision("p1").label) == ("p1", "2")
    assert carried.carried == Carried(1, "Zero draft", "p1", "1", ())
    assert apply_amendment(ZERO, carried.amendment) == ZERO.replace("should", "shall")
    assert (carried.id, carried.wording, carried.structure) == (1, proposal.wording, None)


def test_a_proposal_whose_words_were_rewritten_is_read_afresh_against_todays_text() -> None:
    wording = ZERO.replace("critical infrastructure", "hospitals")
    carried = carry_proposal(make_proposal(V0, "p1", wording), (1, "Zero draft"), [R1, R2])
    assert carried.carried == Carried(1, "Zero draft", "p1", "1", (TargetChange.WORDS,))
    assert carried.amendment == derive_amendment(ESSENTIAL, wording)
    assert apply_amendment(ESSENTIAL, carried.amendment) == wording


def test_a_proposal_on_a_split_or_merged_provision_says_so() -> None:
    split = carry_proposal(make_proposal(V0, "p2", MET + " Twice."), (1, "Zero draft"), [R1])
    assert split.provision_uid == "p2"
    assert split.carried is not None
    assert split.carried.changes == (TargetChange.WORDS, TargetChange.SPLIT)
    merged = carry_proposal(make_proposal(V0, "p4", f"{CB} Always."), (1, "Zero draft"), [R1, R2])
    assert merged.provision_uid == "p3"
    assert merged.carried is not None
    assert merged.carried.changes == (TargetChange.MERGED,)
    assert apply_amendment(f"{NORMS[:-1]} {CB}", merged.amendment) == f"{NORMS[:-1]} {CB} Always."


def test_a_whole_provision_operation_names_the_provisions_that_continue_its_own() -> None:
    def carried(op: StructuralOp) -> StructuralOp | None:
        proposal = make_proposal(V0, "p2", MET, structure=op)
        return carry_proposal(proposal, (1, "Zero draft"), [R1, R2]).structure

    assert carried(AddProvision("p2", "New.")) == AddProvision("p4-2", "New.")
    assert carried(DeleteProvision("p2")) == DeleteProvision("p2")
    assert carried(MoveProvision("p3", "p2")) == MoveProvision("p3", "p4-2")


def test_a_proposal_on_a_deleted_provision_cannot_be_carried() -> None:
    gone = _revision(V0, ZERO, NORMS, CB)
    with pytest.raises(UnknownProvision) as refused:
        carry_proposal(make_proposal(V0, "p2", MET + " Twice."), (1, "Zero draft"), [gone])
    assert refused.value == UnknownProvision("p2")
