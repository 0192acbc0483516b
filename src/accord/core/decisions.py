"""Decision rules as data, and pure functions that evaluate them into structured outcomes.

Consensus: adopted when no member objects; a member may join consensus while disassociating
from named provisions. Silence procedure: a text, a deadline no sooner than the rules allow,
and the letters that break it; there is no voting under silence. Vote: only where the rules
of procedure allow it, by a majority of the members present and voting, with a quorum.

Only members count. Objections, letters and disassociations from observers or stakeholders
are returned as ``ignored`` and never change an outcome; a ballot from a non-member is
refused, since a vote is a formal act that must not be recorded for someone who cannot cast it.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from fractions import Fraction
from math import floor

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


@dataclass(frozen=True, slots=True)
class Consensus:
    """Adoption without objection from any member."""


@dataclass(frozen=True, slots=True)
class SilenceProcedure:
    """Adoption at a deadline unless a member breaks silence; the GA uses 72 hours at least."""

    minimum: timedelta = timedelta(hours=72)

    def __post_init__(self) -> None:
        if self.minimum <= timedelta(0):
            raise ImpossibleThreshold("silence-minimum", str(self.minimum.total_seconds() / 3600))


@dataclass(frozen=True, slots=True)
class Majority:
    """Yes votes needed among the members present and voting: at least ``numerator`` /
    ``denominator`` of them, or more than that share when ``more_than`` (a simple majority is
    more than half). ``quorum`` is the share of members who must be present."""

    numerator: int
    denominator: int
    more_than: bool = False
    quorum: Fraction = Fraction(1, 2)

    def __post_init__(self) -> None:
        share = f"{self.numerator}/{self.denominator}"
        if self.denominator <= 0 or not 0 < self.numerator <= self.denominator:
            raise ImpossibleThreshold("majority", share)
        if self.more_than and self.numerator == self.denominator:
            raise ImpossibleThreshold("majority-more-than", share)
        if not 0 < self.quorum <= 1:
            raise ImpossibleThreshold("quorum", str(self.quorum))

    def needed(self, voting: int) -> int:
        """Yes votes needed when ``voting`` members vote yes or no (never fewer than one)."""
        exact = Fraction(self.numerator * voting, self.denominator)
        least = floor(exact) + 1 if self.more_than else -floor(-exact)
        return max(least, 1)


SIMPLE_MAJORITY = Majority(1, 2, more_than=True)
TWO_THIRDS = Majority(2, 3)


@dataclass(frozen=True, slots=True)
class RulesOfProcedure:
    """How a process decides: by consensus (or silence), and by vote only if ``voting`` is set."""

    voting: Majority | None = None
    silence: SilenceProcedure = field(default_factory=SilenceProcedure)


class DecisionRule(StrEnum):
    """How a process takes decisions, as its rules of procedure say: by consensus only, by
    consensus with texts that may also be adopted under a silence procedure, or by a recorded
    vote of the members present and voting (a simple or a two-thirds majority)."""

    CONSENSUS = "consensus"
    CONSENSUS_OR_SILENCE = "consensus-or-silence"
    VOTE_SIMPLE_MAJORITY = "vote-simple-majority"
    VOTE_TWO_THIRDS = "vote-two-thirds"

    @property
    def majority(self) -> "Majority | None":
        """The majority a recorded vote needs under this rule; None where nothing is voted."""
        return _MAJORITIES.get(self)


_MAJORITIES = {
    DecisionRule.VOTE_SIMPLE_MAJORITY: SIMPLE_MAJORITY,
    DecisionRule.VOTE_TWO_THIRDS: TWO_THIRDS,
}


class StakeholderModality(StrEnum):
    """How stakeholders take part: not at all, admitted unless a member objects, or open to
    any accredited stakeholder."""

    NONE = "none"
    NON_OBJECTION = "non-objection"
    OPEN = "open"


@dataclass(frozen=True, slots=True)
class ConsensusOutcome:
    """Whether consensus holds, the members who block it, the disassociations on record,
    and the objections or disassociations of non-members that were not counted."""

    passed: bool
    blocking: frozenset[str]
    disassociations: tuple[tuple[str, tuple[str, ...]], ...]
    ignored: frozenset[str]


def evaluate_consensus(
    rule: Consensus,
    members: frozenset[str],
    objections: Iterable[str],
    disassociations: Mapping[str, Iterable[str]] | None = None,
) -> ConsensusOutcome:
    """Adopted when no member objects. Members that disassociate from provisions still join."""
    objections = frozenset(objections)
    said = dict(disassociations or {})
    kept = tuple(
        (d, tuple(uids)) for d, uids in sorted(said.items()) if d in members and d not in objections
    )
    ignored = (objections | said.keys()) - members
    blocking = objections & members
    return ConsensusOutcome(not blocking, blocking, kept, frozenset(ignored))


def require_consensus(rule: DecisionRule) -> None:
    """Raise `VoteRequired` where ``rule`` decides by a recorded vote: an outcome is then
    derived from the ballots, never recorded as consensus."""
    if rule.majority is not None:
        raise VoteRequired()


def require_silence_allowed(rule: DecisionRule) -> None:
    """Raise `SilenceNotAllowed` unless ``rule`` lets a text be adopted under a silence
    procedure: a silence that passes adopts the text, which only such rules provide for."""
    if rule is not DecisionRule.CONSENSUS_OR_SILENCE:
        raise SilenceNotAllowed()


@dataclass(frozen=True, slots=True)
class Silence:
    """A text under silence procedure until ``deadline``."""

    text_hash: str
    circulated_at: datetime
    deadline: datetime


@dataclass(frozen=True, slots=True)
class SilenceLetter:
    """A letter breaking silence, naming the provisions of concern."""

    delegation: str
    received_at: datetime
    provisions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SilenceOutcome:
    """``closed`` once broken or past the deadline; ``passed`` only if closed unbroken."""

    passed: bool
    closed: bool
    broken_by: frozenset[str]
    late: frozenset[str]
    ignored: frozenset[str]


def open_silence(
    rule: SilenceProcedure, text_hash: str, circulated_at: datetime, deadline: datetime
) -> Silence:
    """Put a text under silence; raise `DeadlineTooShort` below the rule's minimum."""
    check_period(rule, circulated_at, deadline)
    return Silence(text_hash, circulated_at, deadline)


def check_period(rule: SilenceProcedure, start: datetime, deadline: datetime) -> None:
    """Raise `DeadlineTooShort` when a silence (or a non-objection period, which runs the same
    way) from ``start`` to ``deadline`` is shorter than the rule's minimum."""
    if deadline - start < rule.minimum:
        hours = (deadline - start).total_seconds() / 3600
        raise DeadlineTooShort(round(hours, 2), rule.minimum.total_seconds() / 3600)


def evaluate_silence(
    silence: Silence, letters: Iterable[SilenceLetter], members: frozenset[str], now: datetime
) -> SilenceOutcome:
    """Broken by any member's letter received by the deadline; adopted at the deadline if not."""
    letters = tuple(letters)
    ignored = frozenset(x.delegation for x in letters if x.delegation not in members)
    valid = [x for x in letters if x.delegation in members]
    broken = frozenset(x.delegation for x in valid if x.received_at <= silence.deadline)
    late = frozenset(x.delegation for x in valid if x.received_at > silence.deadline) - broken
    closed = bool(broken) or now >= silence.deadline
    return SilenceOutcome(closed and not broken, closed, broken, late, ignored)


def check_silence_letter(
    silence: Silence, letter: SilenceLetter, text: str, members: frozenset[str]
) -> None:
    """A letter that may break ``silence``: from a member (`NotAMember`), received by the
    deadline (`DeadlinePassed`), with words (`Missing`) and naming at least one provision of
    concern (`NoProvisionsNamed`). Observers and stakeholders never break silence."""
    if letter.delegation not in members:
        raise NotAMember(letter.delegation)
    if letter.received_at > silence.deadline:
        raise DeadlinePassed(silence.deadline.isoformat())
    if not text.strip():
        raise Missing("letter")
    if not letter.provisions:
        raise NoProvisionsNamed()


class Ballot(StrEnum):
    """A member's vote; an abstention counts as present, not as voting."""

    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"


@dataclass(frozen=True, slots=True)
class VoteOutcome:
    """Counts, quorum and the yes votes needed; abstentions are present but not voting."""

    passed: bool
    yes: int
    no: int
    abstentions: int
    present: int
    quorum_met: bool
    quorum_needed: int
    needed: int


def evaluate_vote(
    rules: RulesOfProcedure,
    members: frozenset[str],
    present: Iterable[str],
    ballots: Mapping[str, Ballot],
) -> VoteOutcome:
    """Count a recorded vote; raise `VotingNotAllowed` where the rules decide by consensus
    only, and `NotAMember` for a ballot or presence of a delegation that is not a member."""
    if rules.voting is None:
        raise VotingNotAllowed()
    rule = rules.voting
    attending = frozenset(present) | ballots.keys()
    for delegation in sorted(attending - members):
        raise NotAMember(delegation)
    counts = {b: sum(1 for v in ballots.values() if v is b) for b in Ballot}
    voting = counts[Ballot.YES] + counts[Ballot.NO]
    quorum_needed = -floor(-rule.quorum * len(members))
    quorum_met = len(attending) >= quorum_needed
    needed = rule.needed(voting)
    return VoteOutcome(
        passed=quorum_met and counts[Ballot.YES] >= needed,
        yes=counts[Ballot.YES],
        no=counts[Ballot.NO],
        abstentions=counts[Ballot.ABSTAIN],
        present=len(attending),
        quorum_met=quorum_met,
        quorum_needed=quorum_needed,
        needed=needed,
    )
