"""Positions bound to text hashes, and the provision status that follows from them."""

import pytest

from accord.core.errors import NotAMember, TextTooLong
from accord.core.positions import (
    MAX_NOTE_CHARS,
    Stance,
    current_positions,
    stale_positions,
    take_position,
)
from accord.core.provisions import Provision, ProvisionKind
from accord.core.status import ActKind, ChairAct, ProvisionStatus, StatusOutcome, provision_status

MEMBERS = frozenset({"BRA", "KEN", "FRA", "CHN"})
P13 = Provision(
    "p13", ProvisionKind.PARAGRAPH, "13", "States should protect critical infrastructure."
)
P13_REV = Provision(
    "p13", ProvisionKind.PARAGRAPH, "13", "States shall protect critical infrastructure."
)


def _position(delegation: str, stance: Stance, provision: Provision = P13):  # type: ignore[no-untyped-def]
    return take_position(delegation, provision, stance, members=MEMBERS, note=" capital ")


def test_a_position_is_bound_to_the_text_it_judged() -> None:
    position = _position("BRA", Stance.SUPPORT)
    assert position.text_hash == P13.content_hash
    assert position.note == "capital"
    assert not position.is_stale(P13)
    assert position.is_stale(P13_REV)
    assert stale_positions([position], P13_REV) == (position,)
    assert current_positions([position], P13_REV, MEMBERS) == {}


def test_a_later_position_replaces_an_earlier_one() -> None:
    first, second = _position("KEN", Stance.OBJECT), _position("KEN", Stance.CAN_ACCEPT)
    other = _position("KEN", Stance.OBJECT, Provision("p14", ProvisionKind.PARAGRAPH, "14", "x"))
    assert current_positions([first, second, other], P13, MEMBERS) == {"KEN": second}


def test_positions_from_non_members_are_refused() -> None:
    with pytest.raises(NotAMember) as refused:
        take_position("ICRC", P13, Stance.OBJECT, members=MEMBERS)
    assert refused.value.params() == {"delegation": "ICRC"}
    with pytest.raises(TextTooLong):
        take_position("BRA", P13, Stance.OBJECT, members=MEMBERS, note="x" * (MAX_NOTE_CHARS + 1))


def _status(positions: list, acts: list, **kwargs: object) -> StatusOutcome:  # type: ignore[type-arg]
    return provision_status(P13, positions, acts, members=MEMBERS, **kwargs)  # type: ignore[arg-type]


AGREED = ChairAct(ActKind.AGREED, "p13", P13.content_hash)


def test_status_follows_positions_and_the_chairs_acts() -> None:
    objection = _position("CHN", Stance.OBJECT)
    reserve = _position("KEN", Stance.RESERVE)
    assert _status([], []) == StatusOutcome(ProvisionStatus.OPEN)
    assert _status([], [], open_proposals=2).status is ProvisionStatus.BRACKETED
    assert _status([objection], []) == StatusOutcome(
        ProvisionStatus.BRACKETED, objecting=frozenset({"CHN"})
    )
    assert _status([], [AGREED]) == StatusOutcome(ProvisionStatus.AGREED_AD_REF, provisional=True)
    assert _status([reserve], [AGREED]).pending == frozenset({"KEN"})
    assert _status([reserve], [AGREED]).status is ProvisionStatus.AGREED_PENDING
    reopened = ChairAct(ActKind.REOPENED, "p13", P13.content_hash)
    assert _status([], [AGREED, reopened]).status is ProvisionStatus.REOPENED
    elsewhere = ChairAct(ActKind.REOPENED, "p14", "")
    assert _status([], [AGREED, elsewhere]).status is ProvisionStatus.AGREED_AD_REF


def test_agreement_on_older_text_reads_as_reopened() -> None:
    old_agreement = ChairAct(ActKind.AGREED, "p13", P13_REV.content_hash)
    assert _status([], [old_agreement]).status is ProvisionStatus.REOPENED


def test_only_adoption_of_the_whole_text_ends_the_provisional_status() -> None:
    assert _status([], [AGREED], text_adopted=True) == StatusOutcome(
        ProvisionStatus.ADOPTED, provisional=False
    )
