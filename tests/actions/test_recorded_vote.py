"""Where the rules of procedure decide by vote, the Chair records a recorded vote: a ballot
per member, the result derived from the ballots, observers never voting."""

import pytest

from accord.actions.adoption import record_adoption, record_vote
from accord.actions.processes import NotParticipating
from accord.core.adoption import AdoptionNotConfirmed
from accord.core.decisions import Ballot
from accord.core.errors import NotAMember, NotPermitted, VoteRequired, VotingNotAllowed
from accord.store import models
from accord.words.refusals import explain

pytestmark = pytest.mark.django_db

YES, NO, ABSTAIN = Ballot.YES, Ballot.NO, Ballot.ABSTAIN


def _state():
    return (
        models.Adoption.objects.count(),
        models.RecordedVote.objects.count(),
        models.ExplanationOfPosition.objects.count(),
        models.Event.objects.count(),
    )


@pytest.fixture
def voting(negotiation):
    negotiation.process.decision_rule = "vote-two-thirds"
    negotiation.process.save()
    return negotiation


def test_a_two_thirds_majority_of_those_voting_adopts(voting):
    adoption = record_vote(
        voting.version,
        by=voting.chair,
        ballots={"BRA": YES, "DEU": YES, "FRA": NO},
        explanations={"FRA": "France voted against: paragraph 4 goes too far."},
        confirm=True,
    )
    assert (adoption.adopted, adoption.method, adoption.objections) == (True, "vote", [])
    vote = adoption.vote
    assert (vote.rule, vote.ballots) == (
        "vote-two-thirds",
        {"BRA": "yes", "DEU": "yes", "FRA": "no"},
    )
    assert (vote.yes, vote.no, vote.abstentions, vote.present, vote.needed) == (2, 1, 0, 3, 2)
    assert (vote.quorum_needed, vote.quorum_met) == (2, True)
    assert [(e.delegation.code, e.text) for e in adoption.explanations.all()] == [
        ("FRA", "France voted against: paragraph 4 goes too far.")
    ]
    assert set(adoption.provision_hashes) == {"p1", "p2", "p3", "p3-a", "p3-b", "p4"}
    event = models.Event.objects.last()
    assert (event.kind, event.actor) == ("adoption.recorded", voting.chair)
    assert {k: event.payload[k] for k in ("rule", "adopted", "ballots", "yes", "no", "needed")} == {
        "rule": "vote-two-thirds",
        "adopted": True,
        "ballots": {"BRA": "yes", "DEU": "yes", "FRA": "no"},
        "yes": 2,
        "no": 1,
        "needed": 2,
    }


def test_a_vote_not_carried_is_recorded_as_not_adopted(voting):
    adoption = record_vote(
        voting.version,
        by=voting.chair,
        ballots={"BRA": YES, "DEU": NO, "FRA": ABSTAIN},
        confirm=True,
    )
    assert not adoption.adopted
    assert (adoption.vote.yes, adoption.vote.no, adoption.vote.abstentions) == (1, 1, 1)
    assert adoption.vote.needed == 2
    assert models.Event.objects.last().payload["adopted"] is False


def test_without_the_quorum_nothing_is_adopted(voting):
    adoption = record_vote(voting.version, by=voting.chair, ballots={"BRA": YES}, confirm=True)
    assert (adoption.adopted, adoption.vote.quorum_met, adoption.vote.present) == (False, False, 1)
    assert models.Event.objects.last().payload["ballots"] == {"BRA": "yes"}


@pytest.mark.parametrize(
    ("ballots", "kwargs", "error", "words"),
    [
        (
            {"BRA": YES, "VAT": NO},
            {"confirm": True},
            NotAMember("VAT"),
            "Holy See is not a member: only members state positions and vote.",
        ),
        (
            {"BRA": YES, "KEN": NO},
            {"confirm": True},
            NotParticipating("KEN"),
            "Kenya does not take part in this process.",
        ),
        (
            {"BRA": YES, "DEU": YES},
            {},
            None,
            "Matters are outstanding. 6 paragraphs are not agreed.",
        ),
    ],
)
def test_a_refused_vote_stores_nothing_and_writes_no_event(voting, ballots, kwargs, error, words):
    before = _state()
    with pytest.raises((NotAMember, NotParticipating, AdoptionNotConfirmed)) as refused:
        record_vote(voting.version, by=voting.chair, ballots=ballots, **kwargs)
    if error is not None:
        assert refused.value == error
    assert explain(refused.value).startswith(words)
    assert _state() == before


def test_no_vote_where_the_rules_decide_by_consensus(negotiation):
    before = _state()
    with pytest.raises(VotingNotAllowed) as refused:
        record_vote(negotiation.version, by=negotiation.chair, ballots={"BRA": YES}, confirm=True)
    assert explain(refused.value) == "The rules of procedure of this process do not allow a vote."
    assert _state() == before


def test_no_outcome_by_consensus_where_the_rules_decide_by_vote(voting):
    before = _state()
    with pytest.raises(VoteRequired) as refused:
        record_adoption(voting.version, by=voting.chair, confirm=True)
    assert explain(refused.value) == (
        "The rules of procedure of this process decide by a recorded vote: record the vote; "
        "its result follows from the ballots."
    )
    assert _state() == before


@pytest.mark.parametrize("who", ["secretariat", "brazil", "holy_see"])
def test_only_the_chair_records_a_vote(voting, who):
    before = _state()
    with pytest.raises(NotPermitted):
        record_vote(voting.version, by=getattr(voting, who), ballots={"BRA": YES}, confirm=True)
    assert _state() == before
