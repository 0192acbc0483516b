"""Decision rules: consensus, silence procedure and vote, as data with structured outcomes."""

from datetime import UTC, datetime, timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.core.decisions import (
    SIMPLE_MAJORITY,
    TWO_THIRDS,
    Ballot,
    Consensus,
    ConsensusOutcome,
    DecisionRule,
    Majority,
    RulesOfProcedure,
    SilenceLetter,
    SilenceOutcome,
    SilenceProcedure,
    check_silence_letter,
    evaluate_consensus,
    evaluate_silence,
    evaluate_vote,
    open_silence,
    require_consensus,
    require_silence_allowed,
)
from accord.core.errors import (
    DeadlinePassed,
    DeadlineTooShort,
    ImpossibleThreshold,
    Missing,
    NoProvisionsNamed,
    NotAMember,
    SilenceNotAllowed,
    VoteRequired,
    VotingNotAllowed,
)

MEMBERS = frozenset({"BRA", "KEN", "FRA", "CHN", "USA", "IND"})
DELEGATIONS = st.sampled_from(sorted(MEMBERS | {"ICRC", "HOLY-SEE", "ACME-NGO"}))
OBSERVERS = st.sampled_from(["ICRC", "HOLY-SEE", "ACME-NGO"])
T0 = datetime(2025, 7, 1, 12, 0, tzinfo=UTC)


def test_consensus_without_objection_adopts_with_disassociations_on_record() -> None:
    outcome = evaluate_consensus(Consensus(), MEMBERS, [], {"IND": ["p13", "p14"], "ICRC": ["p2"]})
    assert outcome == ConsensusOutcome(
        passed=True,
        blocking=frozenset(),
        disassociations=(("IND", ("p13", "p14")),),
        ignored=frozenset({"ICRC"}),
    )


def test_one_member_objecting_blocks_consensus() -> None:
    outcome = evaluate_consensus(Consensus(), MEMBERS, ["CHN"], {"CHN": ["p1"]})
    assert (outcome.passed, outcome.blocking, outcome.disassociations) == (
        False,
        frozenset({"CHN"}),
        (),
    )


@given(st.frozensets(DELEGATIONS), DELEGATIONS)
def test_consensus_is_monotone_in_objections(objections: frozenset[str], more: str) -> None:
    before = evaluate_consensus(Consensus(), MEMBERS, objections)
    after = evaluate_consensus(Consensus(), MEMBERS, objections | {more})
    assert not (not before.passed and after.passed)


@given(st.frozensets(DELEGATIONS), OBSERVERS)
def test_an_observers_objection_never_changes_the_outcome(
    objections: frozenset[str], observer: str
) -> None:
    before = evaluate_consensus(Consensus(), MEMBERS, objections)
    after = evaluate_consensus(Consensus(), MEMBERS, objections | {observer})
    assert (before.passed, before.blocking) == (after.passed, after.blocking)


def test_silence_needs_at_least_the_minimum_deadline() -> None:
    with pytest.raises(DeadlineTooShort) as refused:
        open_silence(SilenceProcedure(), "hash", T0, T0 + timedelta(hours=48))
    assert refused.value.params() == {"hours": 48.0, "minimum_hours": 72.0}
    shorter = SilenceProcedure(minimum=timedelta(hours=24))
    assert open_silence(shorter, "hash", T0, T0 + timedelta(hours=48)).deadline == T0 + timedelta(
        hours=48
    )
    with pytest.raises(ImpossibleThreshold) as refused_rule:
        SilenceProcedure(minimum=timedelta(0))
    assert refused_rule.value.params() == {"what": "silence-minimum", "value": "0.0"}


def test_silence_is_broken_by_a_members_letter_before_the_deadline() -> None:
    silence = open_silence(SilenceProcedure(), "hash", T0, T0 + timedelta(hours=72))
    letters = [
        SilenceLetter("KEN", T0 + timedelta(hours=10), ("p13",)),
        SilenceLetter("ICRC", T0 + timedelta(hours=11)),
        SilenceLetter("FRA", T0 + timedelta(hours=80)),
    ]
    outcome = evaluate_silence(silence, letters, MEMBERS, T0 + timedelta(hours=20))
    assert outcome == SilenceOutcome(
        passed=False,
        closed=True,
        broken_by=frozenset({"KEN"}),
        late=frozenset({"FRA"}),
        ignored=frozenset({"ICRC"}),
    )


def test_unbroken_silence_adopts_at_the_deadline_and_not_before() -> None:
    silence = open_silence(SilenceProcedure(), "hash", T0, T0 + timedelta(hours=72))
    observer = [SilenceLetter("ICRC", T0 + timedelta(hours=1))]
    running = evaluate_silence(silence, observer, MEMBERS, T0 + timedelta(hours=71))
    assert (running.passed, running.closed) == (False, False)
    closed = evaluate_silence(silence, observer, MEMBERS, T0 + timedelta(hours=72))
    assert (closed.passed, closed.closed, closed.ignored) == (True, True, frozenset({"ICRC"}))


def test_only_a_members_letter_with_words_and_paragraphs_by_the_deadline_breaks_silence() -> None:
    silence = open_silence(SilenceProcedure(), "hash", T0, T0 + timedelta(hours=72))
    on_time = T0 + timedelta(hours=72)
    check_silence_letter(
        silence, SilenceLetter("KEN", on_time, ("p13",)), "Kenya objects.", MEMBERS
    )
    refusals = [
        (SilenceLetter("ICRC", on_time, ("p13",)), "Words.", NotAMember("ICRC")),
        (
            SilenceLetter("KEN", on_time + timedelta(seconds=1), ("p13",)),
            "Words.",
            DeadlinePassed("2025-07-04T12:00:00+00:00"),
        ),
        (SilenceLetter("KEN", on_time, ("p13",)), "  ", Missing("letter")),
        (SilenceLetter("KEN", on_time, ()), "Words.", NoProvisionsNamed()),
    ]
    for letter, text, error in refusals:
        with pytest.raises(type(error)) as refused:
            check_silence_letter(silence, letter, text, MEMBERS)
        assert refused.value == error
    assert DeadlinePassed("x").params() == {"deadline": "x"}
    assert NoProvisionsNamed().params() == {}
    assert Missing("letter").params() == {"what": "letter"}


def test_there_is_no_vote_where_the_rules_decide_by_consensus() -> None:
    with pytest.raises(VotingNotAllowed) as refused:
        evaluate_vote(RulesOfProcedure(), MEMBERS, MEMBERS, {})
    assert refused.value.params() == {}


@pytest.mark.parametrize("rule", [DecisionRule.CONSENSUS, DecisionRule.CONSENSUS_OR_SILENCE])
def test_an_outcome_by_consensus_where_the_rules_decide_by_consensus(rule: DecisionRule) -> None:
    assert require_consensus(rule) is None


@pytest.mark.parametrize("rule", [DecisionRule.VOTE_SIMPLE_MAJORITY, DecisionRule.VOTE_TWO_THIRDS])
def test_no_outcome_by_consensus_where_the_rules_decide_by_vote(rule: DecisionRule) -> None:
    with pytest.raises(VoteRequired) as refused:
        require_consensus(rule)
    assert refused.value.params() == {}


def _vote(rule: Majority, yes: int, no: int, abstain: int = 0, present: int = 0):  # type: ignore[no-untyped-def]
    order = sorted(MEMBERS)
    ballots = dict.fromkeys(order[:yes], Ballot.YES)
    ballots |= dict.fromkeys(order[yes : yes + no], Ballot.NO)
    ballots |= dict.fromkeys(order[yes + no : yes + no + abstain], Ballot.ABSTAIN)
    return evaluate_vote(RulesOfProcedure(voting=rule), MEMBERS, order[:present], ballots)


def test_a_simple_majority_is_more_than_half_of_those_voting() -> None:
    tied = _vote(SIMPLE_MAJORITY, 2, 2, 1)
    assert (tied.passed, tied.needed, tied.yes, tied.no, tied.abstentions) == (False, 3, 2, 2, 1)
    assert _vote(SIMPLE_MAJORITY, 3, 2).passed


def test_two_thirds_counts_only_yes_and_no() -> None:
    outcome = _vote(TWO_THIRDS, 4, 2)
    assert (outcome.passed, outcome.needed) == (True, 4)
    assert not _vote(TWO_THIRDS, 3, 2, 1).passed


def test_a_vote_without_quorum_fails_whatever_the_count() -> None:
    outcome = _vote(SIMPLE_MAJORITY, 2, 0)
    assert (outcome.passed, outcome.quorum_met, outcome.quorum_needed, outcome.present) == (
        False,
        False,
        3,
        2,
    )
    assert _vote(SIMPLE_MAJORITY, 2, 0, present=4).passed


def test_nobody_voting_passes_nothing() -> None:
    assert _vote(TWO_THIRDS, 0, 0, 6).needed == 1


@pytest.mark.parametrize(
    ("rule", "majority"),
    [
        (DecisionRule.CONSENSUS, None),
        (DecisionRule.CONSENSUS_OR_SILENCE, None),
        (DecisionRule.VOTE_SIMPLE_MAJORITY, SIMPLE_MAJORITY),
        (DecisionRule.VOTE_TWO_THIRDS, TWO_THIRDS),
    ],
)
def test_only_a_voting_rule_names_a_majority(rule, majority) -> None:  # type: ignore[no-untyped-def]
    assert rule.majority == majority


def test_a_ballot_from_a_non_member_is_refused() -> None:
    rules = RulesOfProcedure(voting=SIMPLE_MAJORITY)
    with pytest.raises(NotAMember) as refused:
        evaluate_vote(rules, MEMBERS, ["ICRC"], {"BRA": Ballot.YES})
    assert refused.value.params() == {"delegation": "ICRC"}


@pytest.mark.parametrize(
    ("rule", "params"),
    [
        (lambda: Majority(3, 2), {"what": "majority", "value": "3/2"}),
        (lambda: Majority(1, 0), {"what": "majority", "value": "1/0"}),
        (lambda: Majority(0, 3), {"what": "majority", "value": "0/3"}),
        (lambda: Majority(1, 1, more_than=True), {"what": "majority-more-than", "value": "1/1"}),
        (lambda: Majority(1, 2, quorum=Fraction(3, 2)), {"what": "quorum", "value": "3/2"}),
        (lambda: Majority(1, 2, quorum=Fraction(0)), {"what": "quorum", "value": "0"}),
    ],
)
def test_impossible_thresholds_are_refused(rule, params: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ImpossibleThreshold) as refused:
        rule()
    assert refused.value.params() == params


def test_a_silence_procedure_where_the_rules_provide_for_one() -> None:
    assert require_silence_allowed(DecisionRule.CONSENSUS_OR_SILENCE) is None


@pytest.mark.parametrize(
    "rule",
    [DecisionRule.CONSENSUS, DecisionRule.VOTE_SIMPLE_MAJORITY, DecisionRule.VOTE_TWO_THIRDS],
)
def test_no_silence_procedure_where_the_rules_do_not_provide_for_one(rule: DecisionRule) -> None:
    with pytest.raises(SilenceNotAllowed) as refused:
        require_silence_allowed(rule)
    assert refused.value.params() == {}
