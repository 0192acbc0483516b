"""Co-sponsorship rules, and proposals that offer alternatives or change a whole provision."""

import pytest
from tests.core.builders import make_proposal, make_version

from accord.core.amendments import Amendment, derive_amendment
from accord.core.cosponsorship import (
    AlreadyInvited,
    InviteeNotAMember,
    NotInvited,
    NotTheProposer,
    ProposalNotOpen,
    check_may_answer,
    check_may_invite,
)
from accord.core.errors import (
    ContradictoryOperations,
    EmptyText,
    NotAmendable,
    NotPermitted,
    TextTooLong,
    UnchangedText,
    UnknownProvision,
)
from accord.core.participants import Actor, ParticipantKind, Reason, Role
from accord.core.proposals import (
    MAX_WORDING_CHARS,
    Draft,
    ProposalKind,
    TooFewOptions,
    draft_proposal,
    proposal_kind,
)
from accord.core.provisions import content_hash
from accord.core.structure import AddProvision, DeleteProvision, MoveProvision

BRAZIL = Actor(Role.DELEGATE, "BRA", ParticipantKind.MEMBER)
MEMBERS = frozenset({"BRA", "DEU", "FRA"})


def _invite(actor: Actor = BRAZIL, **changes: object) -> None:
    args: dict[str, object] = {
        "proposal": 7,
        "proposer": "BRA",
        "is_open": True,
        "status": "open",
        "invitee": "DEU",
        "members": MEMBERS,
        "invited": frozenset({"FRA"}),
    }
    check_may_invite(actor, **(args | changes))  # type: ignore[arg-type]


def test_the_proposer_invites_another_member_not_yet_invited() -> None:
    _invite()
    _invite(delegation="BRA")


@pytest.mark.parametrize(
    ("actor", "changes", "error"),
    [
        (Actor(Role.CHAIR), {}, NotPermitted(Reason.NOT_A_DELEGATE)),
        (Actor(Role.DELEGATE), {}, NotPermitted(Reason.NOT_A_DELEGATE)),
        (BRAZIL, {"delegation": "DEU"}, NotPermitted(Reason.OTHER_DELEGATION)),
        (Actor(Role.DELEGATE, "DEU", ParticipantKind.MEMBER), {}, NotTheProposer(7)),
        (BRAZIL, {"is_open": False, "status": "withdrawn"}, ProposalNotOpen(7, "withdrawn")),
        (BRAZIL, {"invitee": "VAT"}, InviteeNotAMember("VAT")),
        (BRAZIL, {"invitee": "BRA"}, InviteeNotAMember("BRA")),
        (BRAZIL, {"invitee": "FRA"}, AlreadyInvited("FRA")),
    ],
)
def test_an_invitation_is_refused_with_its_reason(
    actor: Actor, changes: dict[str, object], error: Exception
) -> None:
    with pytest.raises(type(error)) as raised:
        _invite(actor, **changes)
    assert raised.value == error


GERMANY = Actor(Role.DELEGATE, "DEU", ParticipantKind.MEMBER)


def test_the_invited_delegation_answers_for_itself() -> None:
    answer = check_may_answer(
        GERMANY, proposal=7, is_open=True, status="open", pending=frozenset({"DEU"})
    )
    assert answer == "DEU"


@pytest.mark.parametrize(
    ("actor", "changes", "error"),
    [
        (Actor(Role.OBSERVER, "VAT"), {}, NotPermitted(Reason.NOT_A_DELEGATE)),
        (GERMANY, {"delegation": "FRA"}, NotPermitted(Reason.OTHER_DELEGATION)),
        (GERMANY, {"is_open": False, "status": "withdrawn"}, ProposalNotOpen(7, "withdrawn")),
        (GERMANY, {"pending": frozenset({"FRA"})}, NotInvited(7)),
    ],
)
def test_an_answer_is_refused_with_its_reason(
    actor: Actor, changes: dict[str, object], error: Exception
) -> None:
    args: dict[str, object] = {
        "proposal": 7,
        "is_open": True,
        "status": "open",
        "pending": frozenset({"DEU"}),
    }
    with pytest.raises(type(error)) as raised:
        check_may_answer(actor, **(args | changes))  # type: ignore[arg-type]
    assert raised.value == error


VERSION = make_version("States should cooperate.", "States may share information.", "Last.")
OLD_1 = "States should cooperate."


def test_new_wording_is_derived_as_before() -> None:
    drafted = draft_proposal(
        VERSION, "p1", ProposalKind.WORDING, wording="  States  shall cooperate. "
    )
    assert drafted == Draft(
        "States shall cooperate.", derive_amendment(OLD_1, "States shall cooperate.")
    )


def test_alternatives_keep_distinct_options_and_derive_the_first() -> None:
    drafted = draft_proposal(
        VERSION,
        "p1",
        ProposalKind.ALTERNATIVES,
        options=("States shall cooperate.", "States  may cooperate.", "States may cooperate."),
    )
    assert drafted == Draft(
        "States shall cooperate.",
        derive_amendment(OLD_1, "States shall cooperate."),
        options=("States shall cooperate.", "States may cooperate."),
    )


@pytest.mark.parametrize(
    ("options", "error"),
    [
        (("Only one.",), TooFewOptions(1)),
        (("Same.", " Same. "), TooFewOptions(1)),
        (tuple(f"Option {n}." for n in range(6)), TooFewOptions(6)),
        (("One.", "  "), EmptyText()),
        (("One.", "x" * (MAX_WORDING_CHARS + 1)), TextTooLong(MAX_WORDING_CHARS + 1, 15_000)),
        ((OLD_1, "States may cooperate."), UnchangedText("p1")),
    ],
)
def test_bad_alternatives_are_refused(options: tuple[str, ...], error: Exception) -> None:
    with pytest.raises(type(error)) as raised:
        draft_proposal(VERSION, "p1", ProposalKind.ALTERNATIVES, options=options)
    assert raised.value == error
    assert raised.value.params() == error.params()  # type: ignore[attr-defined]


def test_too_few_options_says_the_limit() -> None:
    assert TooFewOptions(1).params() == {"count": 1, "limit": 5}


def test_a_new_paragraph_after_one() -> None:
    drafted = draft_proposal(VERSION, "p1", ProposalKind.ADD, wording=" A  new one. ")
    unchanged = Amendment(content_hash(OLD_1), ())
    assert drafted == Draft("A new one.", unchanged, structure=AddProvision("p1", "A new one."))


def test_a_deletion_strikes_the_whole_paragraph() -> None:
    drafted = draft_proposal(VERSION, "p2", ProposalKind.DELETE)
    text = "States may share information."
    assert drafted == Draft("", derive_amendment(text, ""), structure=DeleteProvision("p2"))


def test_a_move_names_the_provision_it_follows() -> None:
    drafted = draft_proposal(VERSION, "p1", ProposalKind.MOVE, after="p3")
    unchanged = Amendment(content_hash(OLD_1), ())
    assert drafted == Draft(OLD_1, unchanged, structure=MoveProvision("p1", "p3"))


@pytest.mark.parametrize(
    ("uid", "kind", "extra", "error"),
    [
        ("p9", ProposalKind.DELETE, {}, UnknownProvision("p9")),
        ("p9", ProposalKind.ALTERNATIVES, {}, UnknownProvision("p9")),
        ("s-a", ProposalKind.DELETE, {}, NotAmendable("s-a")),
        ("p1", ProposalKind.ADD, {"wording": "  "}, EmptyText()),
        ("p1", ProposalKind.MOVE, {"after": "p1"}, ContradictoryOperations("p1")),
        ("p1", ProposalKind.MOVE, {"after": ""}, UnknownProvision("")),
    ],
)
def test_bad_structural_proposals_are_refused(
    uid: str, kind: ProposalKind, extra: dict[str, str], error: Exception
) -> None:
    with pytest.raises(type(error)) as raised:
        draft_proposal(VERSION, uid, kind, **extra)  # type: ignore[arg-type]
    assert raised.value == error


@pytest.mark.parametrize(
    ("extra", "kind"),
    [
        ({}, ProposalKind.WORDING),
        ({"options": ("A.", "B.")}, ProposalKind.ALTERNATIVES),
        ({"structure": AddProvision("p1", "New.")}, ProposalKind.ADD),
        ({"structure": DeleteProvision("p1")}, ProposalKind.DELETE),
        ({"structure": MoveProvision("p1", "p2")}, ProposalKind.MOVE),
    ],
)
def test_a_proposal_says_what_it_does(extra: dict[str, object], kind: ProposalKind) -> None:
    assert proposal_kind(make_proposal(VERSION, "p1", "States shall cooperate.", **extra)) is kind


def test_each_refusal_carries_what_its_sentence_quotes() -> None:
    assert NotTheProposer(7).params() == {"proposal": 7}
    assert InviteeNotAMember("VAT").params() == {"delegation": "VAT"}
    assert AlreadyInvited("FRA").params() == {"delegation": "FRA"}
    assert NotInvited(7).params() == {"proposal": 7}
    assert ProposalNotOpen(7, "withdrawn").params() == {"proposal": 7, "status": "withdrawn"}
