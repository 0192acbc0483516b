"""Positions bound to text hashes, and the provision status that follows from them."""

from datetime import UTC, datetime

import pytest

from accord.core.errors import NotAMember, NotAmendable, TextTooLong
from accord.core.positions import (
    MAX_NOTE_CHARS,
    Stance,
    current_positions,
    stale_positions,
    take_position,
)
from accord.core.provisions import Provision, ProvisionKind, Version
from accord.core.status import (
    ActKind,
    ChairAct,
    Moment,
    NothingToReopen,
    PendingMismatch,
    PendingNotAMember,
    ProvisionStatus,
    StatusOutcome,
    mark_status,
    progress,
    provision_status,
    tally,
)

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


def test_an_agreement_on_older_text_no_longer_applies() -> None:
    old_agreement = ChairAct(ActKind.AGREED, "p13", P13_REV.content_hash)
    assert _status([], [old_agreement]) == StatusOutcome(ProvisionStatus.OPEN)
    assert _status([], [old_agreement], open_proposals=1).status is ProvisionStatus.BRACKETED


def test_agreed_pending_names_the_delegations_still_to_confirm() -> None:
    act = ChairAct(ActKind.AGREED_PENDING, "p13", P13.content_hash, frozenset({"BRA", "FRA"}))
    assert _status([_position("KEN", Stance.RESERVE)], [act]) == StatusOutcome(
        ProvisionStatus.AGREED_PENDING, pending=frozenset({"BRA", "FRA", "KEN"})
    )


def test_only_adoption_of_the_whole_text_ends_the_provisional_status() -> None:
    assert _status([], [AGREED], text_adopted=True) == StatusOutcome(
        ProvisionStatus.ADOPTED, provisional=False
    )


def _mark(kind: ActKind, pending: tuple[str, ...] = (), **kwargs: object) -> ChairAct:
    current = kwargs.pop("current", ProvisionStatus.OPEN)
    provision = kwargs.pop("provision", P13)
    return mark_status(provision, kind, pending, members=MEMBERS, current=current)  # type: ignore[arg-type]


def test_the_chairs_mark_is_bound_to_the_text_it_covers() -> None:
    assert _mark(ActKind.AGREED) == ChairAct(ActKind.AGREED, "p13", P13.content_hash)
    assert _mark(ActKind.AGREED_PENDING, ("KEN", "BRA")) == ChairAct(
        ActKind.AGREED_PENDING, "p13", P13.content_hash, frozenset({"BRA", "KEN"})
    )
    for agreed in (ProvisionStatus.AGREED_AD_REF, ProvisionStatus.AGREED_PENDING):
        assert _mark(ActKind.REOPENED, current=agreed).kind is ActKind.REOPENED


def test_the_chairs_mark_is_refused_when_it_does_not_fit() -> None:
    heading = Provision("s1", ProvisionKind.SECTION, "A", "Introduction")
    cases = [
        (NotAmendable("s1"), lambda: _mark(ActKind.AGREED, provision=heading)),
        (PendingMismatch("agreed-pending"), lambda: _mark(ActKind.AGREED_PENDING)),
        (PendingMismatch("agreed"), lambda: _mark(ActKind.AGREED, ("BRA",))),
        (PendingNotAMember("ICRC"), lambda: _mark(ActKind.AGREED_PENDING, ("BRA", "ICRC"))),
        (NothingToReopen("13"), lambda: _mark(ActKind.REOPENED)),
        (
            NothingToReopen("13"),
            lambda: _mark(ActKind.REOPENED, current=ProvisionStatus.REOPENED),
        ),
    ]
    for error, act in cases:
        with pytest.raises(type(error)) as refused:
            act()
        assert refused.value == error
    assert PendingMismatch("agreed").params() == {"kind": "agreed"}
    assert PendingNotAMember("ICRC").params() == {"delegation": "ICRC"}
    assert NothingToReopen("13").params() == {"label": "13"}


P14 = Provision("p14", ProvisionKind.PARAGRAPH, "14", "States should share information.")
HEADING = Provision("s1", ProvisionKind.SECTION, "A", "Norms")
ZERO = Version("Zero draft", (HEADING, P13, P14))
REV1 = Version("Rev.1", (HEADING, P13_REV, P14))


def _at(hour: int) -> datetime:
    return datetime(2026, 3, 2, hour, tzinfo=UTC)


def test_tally_counts_paragraphs_only() -> None:
    counts = tally(ZERO, [AGREED], adopted=False)
    assert counts[ProvisionStatus.AGREED_AD_REF] == 1
    assert counts[ProvisionStatus.OPEN] == 1
    assert sum(counts.values()) == 2
    assert tally(ZERO, [], adopted=True)[ProvisionStatus.ADOPTED] == 2


def test_progress_replays_versions_marks_and_adoption() -> None:
    def counts(**given: int) -> tuple[tuple[ProvisionStatus, int], ...]:
        found = dict.fromkeys(ProvisionStatus, 0)
        for name, n in given.items():
            found[ProvisionStatus[name.upper()]] = n
        return tuple(found.items())

    pending = ChairAct(ActKind.AGREED_PENDING, "p14", P14.content_hash, frozenset({"BRA"}))
    elsewhere = ChairAct(ActKind.AGREED, "p99", "")
    moments = progress(
        [(_at(9), "Zero draft", ZERO), (_at(12), "Rev.1", REV1)],
        [(_at(10), AGREED), (_at(11), pending), (_at(11), elsewhere)],
        _at(13),
    )
    assert moments == (
        Moment(_at(9), "version", "Zero draft", counts(open=2)),
        Moment(_at(10), "mark", "13", counts(agreed_ad_ref=1, open=1)),
        Moment(_at(11), "mark", "14", counts(agreed_ad_ref=1, agreed_pending=1)),
        Moment(_at(11), "mark", "p99", counts(agreed_ad_ref=1, agreed_pending=1)),
        # Rev.1 changed paragraph 13: its agreement no longer applies.
        Moment(_at(12), "version", "Rev.1", counts(open=1, agreed_pending=1)),
        Moment(_at(13), "adoption", "", counts(adopted=2)),
    )
    assert moments[2].count(ProvisionStatus.AGREED_PENDING) == 1
    assert progress([], [(_at(1), AGREED)], None) == ()
