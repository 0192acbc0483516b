"""Typed refusals. Each carries the data needed to explain it; the words live in the layers
above (`accord.messages`), so the core never speaks a language."""

from dataclasses import dataclass

# Refusals are dataclasses for their fields, but not frozen: Python writes ``__traceback__``
# on an exception as it propagates (contextlib does so explicitly), which a frozen dataclass
# refuses with a TypeError. They still compare by value, and ``unsafe_hash`` keeps them
# hashable as exceptions are expected to be; nothing assigns their fields after creation.


class Refusal(Exception):
    """Base of every rule the core enforces. ``code`` names the rule for messages and APIs."""

    code = "refused"

    def params(self) -> dict[str, object]:
        """The values a message about this refusal may quote."""
        return dict(getattr(self, "__dict__", {}))


@dataclass(slots=True, unsafe_hash=True)
class UnknownProvision(Refusal):
    uid: str
    code = "unknown-provision"

    def params(self) -> dict[str, object]:
        return {"uid": self.uid}


@dataclass(slots=True, unsafe_hash=True)
class VersionNotCurrent(Refusal):
    version_label: str
    current_label: str
    code = "version-not-current"

    def params(self) -> dict[str, object]:
        return {"version": self.version_label, "current": self.current_label}


@dataclass(slots=True, unsafe_hash=True)
class EmptyText(Refusal):
    code = "empty-text"

    def params(self) -> dict[str, object]:
        return {}


@dataclass(slots=True, unsafe_hash=True)
class TextTooLong(Refusal):
    length: int
    limit: int
    code = "text-too-long"

    def params(self) -> dict[str, object]:
        return {"length": self.length, "limit": self.limit}


@dataclass(slots=True, unsafe_hash=True)
class UnchangedText(Refusal):
    uid: str
    code = "unchanged-text"

    def params(self) -> dict[str, object]:
        return {"uid": self.uid}


@dataclass(slots=True, unsafe_hash=True)
class NotPermitted(Refusal):
    """An actor tried something their role or delegation does not allow.

    ``reason`` is one of the ``Reason`` constants in `accord.core.participants`.
    """

    reason: str
    code = "not-permitted"

    def params(self) -> dict[str, object]:
        return {"reason": self.reason}


@dataclass(slots=True, unsafe_hash=True)
class MalformedDraft(Refusal):
    """A pasted draft could not be read as numbered paragraphs."""

    line: int
    problem: str
    code = "malformed-draft"

    def params(self) -> dict[str, object]:
        return {"line": self.line, "problem": self.problem}


@dataclass(slots=True, unsafe_hash=True)
class AmendmentDoesNotApply(Refusal):
    """The words an amendment changes are not (or no longer) in the text it is applied to."""

    expected: str
    found: str
    code = "amendment-does-not-apply"

    def params(self) -> dict[str, object]:
        return {"expected": self.expected, "found": self.found}


@dataclass(slots=True, unsafe_hash=True)
class NotAmendable(Refusal):
    """Section headings are the Chair's; delegations amend paragraphs and sub-paragraphs."""

    uid: str
    code = "not-amendable"

    def params(self) -> dict[str, object]:
        return {"uid": self.uid}


@dataclass(slots=True, unsafe_hash=True)
class OverlappingOperations(Refusal):
    """Two operations of one amendment touch the same words (or insert at the same point).

    ``first`` and ``second`` are the word positions where the two operations start.
    """

    first: int
    second: int
    code = "overlapping-operations"

    def params(self) -> dict[str, object]:
        return {"first": self.first, "second": self.second}


@dataclass(slots=True, unsafe_hash=True)
class ContradictoryOperations(Refusal):
    """Two operations of one proposal change the same provision, or one anchors on a
    provision that another deletes (or on the provision it moves)."""

    uid: str
    code = "contradictory-operations"

    def params(self) -> dict[str, object]:
        return {"uid": self.uid}


@dataclass(slots=True, unsafe_hash=True)
class AmendmentCannotBeCarried(Refusal):
    """The later version changed the words an amendment touched, so it cannot be restated
    on that version. ``words`` are the touched words (for an insertion, the words around the
    point) and ``start`` their word position in the text the amendment targeted."""

    start: int
    words: str
    code = "amendment-cannot-be-carried"

    def params(self) -> dict[str, object]:
        return {"start": self.start, "words": self.words}


@dataclass(slots=True, unsafe_hash=True)
class UnknownProposal(Refusal):
    """A fate (or a merger) names a proposal that is not among those being settled."""

    proposal_id: int
    code = "unknown-proposal"

    def params(self) -> dict[str, object]:
        return {"proposal": self.proposal_id}


@dataclass(slots=True, unsafe_hash=True)
class ProposalsWithoutFate(Refusal):
    """A revision would leave these open proposals without a recorded fate: they would
    silently vanish from the record."""

    proposal_ids: tuple[int, ...]
    code = "proposals-without-fate"

    def params(self) -> dict[str, object]:
        return {"proposals": list(self.proposal_ids), "count": len(self.proposal_ids)}


@dataclass(slots=True, unsafe_hash=True)
class CannotStayPending(Refusal):
    """A proposal stays pending only while the provisions it names continue: the revision
    deletes provision ``label``, so the proposal needs a final fate."""

    proposal: int
    label: str
    code = "cannot-stay-pending"

    def params(self) -> dict[str, object]:
        return {"proposal": self.proposal, "label": self.label}


@dataclass(slots=True, unsafe_hash=True)
class NotAMember(Refusal):
    """Only member states state positions and vote; ``delegation`` is not a member."""

    delegation: str
    code = "not-a-member"

    def params(self) -> dict[str, object]:
        return {"delegation": self.delegation}


@dataclass(slots=True, unsafe_hash=True)
class ImpossibleThreshold(Refusal):
    """A decision rule that no vote or procedure could meet, or that is meaningless.

    ``what`` names the part of the rule ("majority", "quorum", "silence-minimum");
    ``value`` is the offending value as text (a fraction such as "3/2", or hours).
    """

    what: str
    value: str
    code = "impossible-threshold"

    def params(self) -> dict[str, object]:
        return {"what": self.what, "value": self.value}


@dataclass(slots=True, unsafe_hash=True)
class DeadlineTooShort(Refusal):
    """A silence procedure's deadline comes sooner than the rules of procedure allow."""

    hours: float
    minimum_hours: float
    code = "deadline-too-short"

    def params(self) -> dict[str, object]:
        return {"hours": self.hours, "minimum_hours": self.minimum_hours}


@dataclass(slots=True, unsafe_hash=True)
class VotingNotAllowed(Refusal):
    """The rules of procedure of this process decide by consensus only."""

    code = "voting-not-allowed"

    def params(self) -> dict[str, object]:
        return {}


@dataclass(slots=True, unsafe_hash=True)
class SilenceNotAllowed(Refusal):
    """The rules of procedure of this process do not provide for adopting a text under a
    silence procedure."""

    code = "silence-not-allowed"

    def params(self) -> dict[str, object]:
        return {}


@dataclass(slots=True, unsafe_hash=True)
class VoteRequired(Refusal):
    """The rules of procedure of this process decide by a recorded vote: the outcome follows
    from the ballots, never from the Chair's word that nobody objected."""

    code = "vote-required"

    def params(self) -> dict[str, object]:
        return {}


@dataclass(slots=True, unsafe_hash=True)
class StageOutOfOrder(Refusal):
    """A version cannot be issued at ``stage`` after one at ``current`` (e.g. a zero draft
    after Rev.2, or anything after the adopted text)."""

    current: str
    stage: str
    code = "stage-out-of-order"

    def params(self) -> dict[str, object]:
        return {"current": self.current, "stage": self.stage}


@dataclass(slots=True, unsafe_hash=True)
class AmendmentForOtherText(Refusal):
    """An amendment is applied to (or carried from) a text other than the one it was made
    on; ``expected`` and ``found`` are the two texts' content hashes."""

    expected: str
    found: str
    code = "amendment-for-other-text"

    def params(self) -> dict[str, object]:
        return {"expected": self.expected, "found": self.found}


@dataclass(slots=True, unsafe_hash=True)
class ParagraphNotInDraft(Refusal):
    """The draft of a revision no longer has paragraph ``label`` (or anything continuing
    it), so a proposal on it cannot be taken in."""

    label: str
    code = "paragraph-not-in-draft"

    def params(self) -> dict[str, object]:
        return {"label": self.label}


@dataclass(slots=True, unsafe_hash=True)
class CannotTakeIn(Refusal):
    """The alternative asked for is not one proposal ``proposal_id`` offers."""

    proposal_id: int
    code = "cannot-take-in"

    def params(self) -> dict[str, object]:
        return {"proposal": self.proposal_id}


@dataclass(slots=True, unsafe_hash=True)
class DeadlinePassed(Refusal):
    """The deadline (ISO 8601) of a silence or non-objection procedure has passed: silence
    can no longer be broken, nor a request objected to."""

    deadline: str
    code = "deadline-passed"

    def params(self) -> dict[str, object]:
        return {"deadline": self.deadline}


@dataclass(slots=True, unsafe_hash=True)
class SilenceSuperseded(Refusal):
    """A revision of the document was issued: the silence procedure on the version it replaced
    closed then, and takes no letter nor any other step."""

    document: str
    code = "silence-superseded"

    def params(self) -> dict[str, object]:
        return {"document": self.document}


@dataclass(slots=True, unsafe_hash=True)
class SilenceWithdrawn(Refusal):
    """The Chair withdrew the silence procedure: it takes no letter nor any other step."""

    document: str
    code = "silence-withdrawn"

    def params(self) -> dict[str, object]:
        return {"document": self.document}


@dataclass(slots=True, unsafe_hash=True)
class SilenceClosedByAdoption(Refusal):
    """The document was adopted otherwise: the silence procedure on it closed then."""

    document: str
    code = "silence-closed-by-adoption"

    def params(self) -> dict[str, object]:
        return {"document": self.document}


@dataclass(slots=True, unsafe_hash=True)
class SilenceClosed(Refusal):
    """The silence procedure closed at its deadline (ISO 8601), passed or broken."""

    deadline: str
    code = "silence-closed"

    def params(self) -> dict[str, object]:
        return {"deadline": self.deadline}


@dataclass(slots=True, unsafe_hash=True)
class ProposalsFrozen(Refusal):
    """The rules of procedure freeze proposals while a silence procedure runs on the text."""

    document: str
    code = "proposals-frozen"

    def params(self) -> dict[str, object]:
        return {"document": self.document}


@dataclass(slots=True, unsafe_hash=True)
class Missing(Refusal):
    """A required text is empty; ``what`` is "letter", "reason", "withdrawal" or "organisation"."""

    what: str
    code = "missing"

    def params(self) -> dict[str, object]:
        return {"what": self.what}


@dataclass(slots=True, unsafe_hash=True)
class NoProvisionsNamed(Refusal):
    """A letter breaking silence names the paragraphs of concern; this one named none."""

    code = "no-provisions-named"

    def params(self) -> dict[str, object]:
        return {}
