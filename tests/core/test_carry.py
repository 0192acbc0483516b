"""Carrying an amendment onto a later version, or saying precisely why not."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.core.amendments import apply_amendment, derive_amendment
from accord.core.carry import carry_amendment
from accord.core.errors import AmendmentCannotBeCarried, AmendmentForOtherText

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
