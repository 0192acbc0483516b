import pytest

from accord.core import national_views as nv
from accord.core.citations import Citation, Standing, cite
from accord.core.errors import NotPermitted, TextTooLong
from accord.core.fates import FateKind
from accord.core.participants import PUBLIC, Actor, ParticipantKind, Reason, Role

DELEGATE = Actor(Role.DELEGATE, "BRA", ParticipantKind.MEMBER)
OBSERVER = Actor(Role.OBSERVER, "VAT", ParticipantKind.OBSERVER)
STAKEHOLDER = Actor(Role.STAKEHOLDER, None, None)
CHAIR = Actor(Role.CHAIR)


def test_members_and_observers_state_for_their_own_delegation():
    nv.check_may_state(DELEGATE, for_delegation="BRA")
    nv.check_may_state(OBSERVER, for_delegation="VAT")
    with pytest.raises(NotPermitted) as raised:
        nv.check_may_state(DELEGATE, for_delegation="DEU")
    assert raised.value == NotPermitted(Reason.OTHER_DELEGATION)


@pytest.mark.parametrize(
    "actor",
    [
        PUBLIC,
        CHAIR,
        STAKEHOLDER,
        Actor(Role.SECRETARIAT),
        # A delegate whose delegation is (no longer) a member does not speak as one.
        Actor(Role.DELEGATE, "VAT", ParticipantKind.OBSERVER),
        Actor(Role.OBSERVER, "BRA", None),
    ],
)
def test_nobody_else_delivers_a_statement(actor):
    with pytest.raises(NotPermitted) as raised:
        nv.check_may_state(actor, for_delegation=actor.delegation or "BRA")
    assert raised.value == NotPermitted(Reason.NOT_A_DELEGATE)


def test_only_stakeholders_submit_written_inputs_and_only_the_chair_writes_the_summary():
    nv.check_may_submit_input(STAKEHOLDER)
    nv.check_chair(CHAIR)
    for actor in (PUBLIC, DELEGATE, OBSERVER, CHAIR):
        with pytest.raises(NotPermitted) as raised:
            nv.check_may_submit_input(actor)
        assert raised.value == NotPermitted(Reason.NOT_A_STAKEHOLDER)
    for actor in (PUBLIC, DELEGATE, STAKEHOLDER, Actor(Role.SECRETARIAT)):
        with pytest.raises(NotPermitted) as raised:
            nv.check_chair(actor)
        assert raised.value == NotPermitted(Reason.NOT_THE_CHAIR)


def test_text_is_stripped_and_must_say_something_within_the_limit():
    assert nv.clean_text("  Brazil speaks.\n") == "Brazil speaks."
    with pytest.raises(nv.EmptyStatement):
        nv.clean_text(" \n\t")
    with pytest.raises(TextTooLong) as raised:
        nv.clean_text("x" * 11, limit=10)
    assert raised.value == TextTooLong(length=11, limit=10)
    assert nv.clean_text("x" * 10, limit=10) == "x" * 10


def test_an_entry_is_attributed():
    nv.check_attributed(["BRA"])
    with pytest.raises(nv.Unattributed):
        nv.check_attributed([])
    with pytest.raises(nv.Unattributed):
        nv.check_attributed([""])


def test_only_a_proposal_the_latest_revision_did_not_take_up_goes_to_the_summary():
    nv.check_not_taken_up(7, [FateKind.NOT_TAKEN_UP])
    nv.check_not_taken_up(7, [FateKind.PENDING, FateKind.NOT_TAKEN_UP])
    with pytest.raises(nv.ProposalTakenUp) as raised:
        nv.check_not_taken_up(7, [FateKind.NOT_TAKEN_UP, FateKind.REFLECTED])
    assert raised.value == nv.ProposalTakenUp(7, "reflected")
    assert raised.value.params() == {"proposal": 7, "fate": "reflected"}
    with pytest.raises(nv.ProposalTakenUp) as raised:
        nv.check_not_taken_up(8, [])
    assert raised.value == nv.ProposalTakenUp(8, "none")


def test_refusals_carry_their_data():
    assert nv.EmptyStatement().params() == {}
    assert nv.Unattributed().params() == {}
    assert nv.AlreadyMoved("p2").params() == {"uid": "p2"}
    assert (nv.EmptyStatement.code, nv.Unattributed.code, nv.AlreadyMoved.code) == (
        "empty-statement",
        "unattributed",
        "already-moved",
    )


def test_citation_forms_say_the_standing_of_what_is_quoted():
    adopted = Citation(Standing.CONSENSUS, "A/AC.292/2026/CRP.1", paragraph="13")
    assert cite(adopted) == "A/AC.292/2026/CRP.1, para 13 (adopted by consensus)"
    silent = Citation(Standing.SILENCE, "A/AC.292/2026/CRP.1", paragraph="13")
    assert cite(silent) == "A/AC.292/2026/CRP.1, para 13 (adopted by silence procedure)"
    voted = Citation(Standing.VOTE, "A/AC.292/2026/CRP.1", paragraph="13")
    assert cite(voted) == "A/AC.292/2026/CRP.1, para 13 (adopted by a recorded vote)"
    stated = Citation(Standing.NATIONAL_VIEW, "Statement by Brazil", date="12 March 2026")
    assert cite(stated) == "Statement by Brazil, 12 March 2026 (national view)"
    summary = Citation(Standing.CHAIRS_SUMMARY, "OEWG", "2", "1 April 2026")
    assert cite(summary) == "OEWG, para 2, 1 April 2026 (Chair's summary, not negotiated)"
    written = Citation(Standing.STAKEHOLDER_INPUT, "Written input by Forum")
    assert cite(written) == "Written input by Forum (stakeholder input, not negotiated)"
    words = {Standing.NATIONAL_VIEW: "vue nationale", "para": "§ {label}"}
    assert cite(Citation(Standing.NATIONAL_VIEW, "Déclaration", "4"), words) == (
        "Déclaration, § 4 (vue nationale)"
    )
