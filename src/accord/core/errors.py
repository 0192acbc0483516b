"""Typed refusals. Each carries the data needed to explain it; the words live in the layers
above (`accord.words.refusals`), so the core never speaks a language."""

from dataclasses import Field, dataclass, fields
from typing import Any, ClassVar

# Refusals are dataclasses for their fields, but not frozen: Python writes ``__traceback__``
# on an exception as it propagates (contextlib does so explicitly), which a frozen dataclass
# refuses with a TypeError. They still compare by value, and ``unsafe_hash`` keeps them
# hashable as exceptions are expected to be; nothing assigns their fields after creation.


class Refusal(Exception):
    """Base of every rule the core enforces. ``code`` names the rule for messages and APIs.

    Every refusal is a dataclass; its fields are what a message about it may quote.
    """

    code = "refused"
    # Declared, not set: ``@dataclass`` sets it on each refusal (and tells the type checker so).
    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    def params(self) -> dict[str, object]:
        """The values a message about this refusal may quote: its fields, by name.

        A refusal overrides this only to add a value computed from its fields (a count)."""
        return {field.name: getattr(self, field.name) for field in fields(self)}


@dataclass(slots=True, unsafe_hash=True)
class UnknownProvision(Refusal):
    uid: str
    code = "unknown-provision"


@dataclass(slots=True, unsafe_hash=True)
class VersionNotCurrent(Refusal):
    """The version acted on (by its label) is no longer current: ``current`` replaced it."""

    version: str
    current: str
    code = "version-not-current"


@dataclass(slots=True, unsafe_hash=True)
class EmptyText(Refusal):
    code = "empty-text"


@dataclass(slots=True, unsafe_hash=True)
class TextTooLong(Refusal):
    length: int
    limit: int
    code = "text-too-long"


@dataclass(slots=True, unsafe_hash=True)
class UnchangedText(Refusal):
    uid: str
    code = "unchanged-text"


@dataclass(slots=True, unsafe_hash=True)
class NotPermitted(Refusal):
    """An actor tried something their role or delegation does not allow.

    ``reason`` is one of the ``Reason`` constants in `accord.core.participants`.
    """

    reason: str
    code = "not-permitted"


@dataclass(slots=True, unsafe_hash=True)
class MalformedDraft(Refusal):
    """A pasted draft could not be read as numbered paragraphs."""

    line: int
    problem: str
    code = "malformed-draft"


@dataclass(slots=True, unsafe_hash=True)
class AmendmentDoesNotApply(Refusal):
    """The words an amendment changes are not (or no longer) in the text it is applied to."""

    expected: str
    found: str
    code = "amendment-does-not-apply"


@dataclass(slots=True, unsafe_hash=True)
class NotAmendable(Refusal):
    """Section headings are the Chair's; delegations amend paragraphs and sub-paragraphs."""

    uid: str
    code = "not-amendable"


@dataclass(slots=True, unsafe_hash=True)
class PreambleOutOfOrder(Refusal):
    """A preambular paragraph would follow an operative paragraph of a resolution."""

    uid: str
    code = "preamble-out-of-order"


@dataclass(slots=True, unsafe_hash=True)
class OverlappingOperations(Refusal):
    """Two operations of one amendment touch the same words (or insert at the same point).

    ``first`` and ``second`` are the word positions where the two operations start.
    """

    first: int
    second: int
    code = "overlapping-operations"


@dataclass(slots=True, unsafe_hash=True)
class ContradictoryOperations(Refusal):
    """Two operations of one proposal change the same provision, or one anchors on a
    provision that another deletes (or on the provision it moves)."""

    uid: str
    code = "contradictory-operations"


@dataclass(slots=True, unsafe_hash=True)
class AmendmentCannotBeCarried(Refusal):
    """The later version changed the words an amendment touched, so it cannot be restated
    on that version. ``words`` are the touched words (for an insertion, the words around the
    point) and ``start`` their word position in the text the amendment targeted."""

    start: int
    words: str
    code = "amendment-cannot-be-carried"


@dataclass(slots=True, unsafe_hash=True)
class UnknownProposal(Refusal):
    """A fate (or a merger) names a proposal that is not among those being settled."""

    proposal: int
    code = "unknown-proposal"


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


@dataclass(slots=True, unsafe_hash=True)
class NotAMember(Refusal):
    """Only member states state positions and vote; ``delegation`` is not a member."""

    delegation: str
    code = "not-a-member"


@dataclass(slots=True, unsafe_hash=True)
class ImpossibleThreshold(Refusal):
    """A decision rule that no vote or procedure could meet, or that is meaningless.

    ``what`` names the part of the rule ("majority", "majority-more-than", "quorum",
    "silence-minimum"); ``value`` is the offending value as text (a fraction such as "3/2",
    or hours).
    """

    what: str
    value: str
    code = "impossible-threshold"


@dataclass(slots=True, unsafe_hash=True)
class DeadlineTooShort(Refusal):
    """A silence procedure's deadline comes sooner than the rules of procedure allow."""

    hours: float
    minimum_hours: float
    code = "deadline-too-short"


@dataclass(slots=True, unsafe_hash=True)
class VotingNotAllowed(Refusal):
    """The rules of procedure of this process decide by consensus only."""

    code = "voting-not-allowed"


@dataclass(slots=True, unsafe_hash=True)
class SilenceNotAllowed(Refusal):
    """The rules of procedure of this process do not provide for adopting a text under a
    silence procedure."""

    code = "silence-not-allowed"


@dataclass(slots=True, unsafe_hash=True)
class VoteRequired(Refusal):
    """The rules of procedure of this process decide by a recorded vote: the outcome follows
    from the ballots, never from the Chair's word that nobody objected."""

    code = "vote-required"


@dataclass(slots=True, unsafe_hash=True)
class StageOutOfOrder(Refusal):
    """A version cannot be issued at ``stage`` after one at ``current`` (e.g. a zero draft
    after Rev.2, or anything after the adopted text)."""

    current: str
    stage: str
    code = "stage-out-of-order"


@dataclass(slots=True, unsafe_hash=True)
class AmendmentForOtherText(Refusal):
    """An amendment is applied to (or carried from) a text other than the one it was made
    on; ``expected`` and ``found`` are the two texts' content hashes."""

    expected: str
    found: str
    code = "amendment-for-other-text"


@dataclass(slots=True, unsafe_hash=True)
class ParagraphNotInDraft(Refusal):
    """The draft of a revision no longer has paragraph ``label`` (or anything continuing
    it), so a proposal on it cannot be taken in."""

    label: str
    code = "paragraph-not-in-draft"


@dataclass(slots=True, unsafe_hash=True)
class CannotTakeIn(Refusal):
    """The alternative asked for is not one proposal ``proposal`` offers."""

    proposal: int
    code = "cannot-take-in"


@dataclass(slots=True, unsafe_hash=True)
class DeadlinePassed(Refusal):
    """The deadline (ISO 8601) of a silence or non-objection procedure has passed: silence
    can no longer be broken, nor a request objected to."""

    deadline: str
    code = "deadline-passed"


@dataclass(slots=True, unsafe_hash=True)
class SilenceSuperseded(Refusal):
    """A revision of the document was issued: the silence procedure on the version it replaced
    closed then, and takes no letter nor any other step."""

    document: str
    code = "silence-superseded"


@dataclass(slots=True, unsafe_hash=True)
class SilenceWithdrawn(Refusal):
    """The Chair withdrew the silence procedure: it takes no letter nor any other step."""

    document: str
    code = "silence-withdrawn"


@dataclass(slots=True, unsafe_hash=True)
class SilenceClosedByAdoption(Refusal):
    """The document was adopted otherwise: the silence procedure on it closed then."""

    document: str
    code = "silence-closed-by-adoption"


@dataclass(slots=True, unsafe_hash=True)
class SilenceClosed(Refusal):
    """The silence procedure closed at its deadline (ISO 8601), passed or broken."""

    deadline: str
    code = "silence-closed"


@dataclass(slots=True, unsafe_hash=True)
class ProposalsFrozen(Refusal):
    """The rules of procedure freeze proposals while a silence procedure runs on the text."""

    document: str
    code = "proposals-frozen"


@dataclass(slots=True, unsafe_hash=True)
class Missing(Refusal):
    """A required text is empty; ``what`` is "letter", "reason", "withdrawal" or "organisation"."""

    what: str
    code = "missing"


@dataclass(slots=True, unsafe_hash=True)
class NoProvisionsNamed(Refusal):
    """A letter breaking silence names the paragraphs of concern; this one named none."""

    code = "no-provisions-named"
