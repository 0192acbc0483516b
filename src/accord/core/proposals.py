"""Proposals: a delegation's wanted wording for a provision, and the amendment it implies."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from accord.core.amendments import Amendment, derive_amendment
from accord.core.errors import EmptyText, NotAmendable, Refusal, TextTooLong, UnchangedText
from accord.core.provisions import Version, content_hash
from accord.core.structure import (
    AddProvision,
    DeleteProvision,
    MoveProvision,
    StructuralOp,
    apply_structure,
)
from accord.core.text_hygiene import TextKind, clean_text, clean_texts, clean_trimmed, visible

# A long UN paragraph runs to about 1,500 characters; ten times that is not a paragraph.
MAX_WORDING_CHARS = 15_000
MAX_JUSTIFICATION_CHARS = 3_000


class ProposalStatus(StrEnum):
    """Where a proposal stands: open until a revision gives it a final fate (a pending one
    keeps it open), or withdrawn by its proponent. The final statuses repeat the fates'
    names (see `accord.core.fates.status_after`)."""

    OPEN = "open"
    REFLECTED = "reflected"
    PARTLY_REFLECTED = "partly-reflected"
    MERGED = "merged"
    NOT_TAKEN_UP = "not-taken-up"
    WITHDRAWN = "withdrawn"


class ProposalKind(StrEnum):
    """What a proposal does: reword a provision, offer alternative wordings for it, add a new
    paragraph after it, delete it, or move it after another provision."""

    WORDING = "wording"
    ALTERNATIVES = "alternatives"
    ADD = "add"
    DELETE = "delete"
    MOVE = "move"


MAX_OPTIONS = 5


@dataclass(slots=True, unsafe_hash=True)
class TooFewOptions(Refusal):
    """Alternatives need at least two distinct wordings (and at most `MAX_OPTIONS`)."""

    count: int
    code = "too-few-options"

    def params(self) -> dict[str, object]:
        return {"count": self.count, "limit": MAX_OPTIONS}


@dataclass(frozen=True, slots=True)
class Draft:
    """What a proposal of any kind stores: its wording, the word-level amendment of its
    provision, its alternatives and its whole-provision operation."""

    wording: str
    amendment: Amendment
    options: tuple[str, ...] = ()
    structure: StructuralOp | None = None


@dataclass(frozen=True, slots=True)
class Proponent:
    """The delegation that proposes, and the group it speaks for, if any."""

    delegation: str
    delegation_name: str
    group: str | None = None
    group_name: str | None = None


class TargetChange(StrEnum):
    """How the provision a proposal targets changed in the revisions since it was made: the
    words it touches were rewritten (its redline is then read afresh against today's text),
    the provision was split, or merged with another."""

    WORDS = "words"
    SPLIT = "split"
    MERGED = "merged"


@dataclass(frozen=True, slots=True)
class Carried:
    """Where a proposal restated on a later version was made: the version's number and
    label, the provision's uid and number label there, and how that provision changed."""

    version: int
    version_label: str
    provision_uid: str
    provision_label: str
    changes: tuple[TargetChange, ...] = ()


@dataclass(frozen=True, slots=True)
class Proposal:
    """A delegation's proposal on one provision of one version.

    ``cosponsors`` are the delegations that consented to co-sponsor it. ``options`` holds
    alternative wordings (Option 1, Option 2, …) when the proposal offers alternatives, and
    ``structure`` a whole-provision operation (add after, delete, move) when it makes one.
    ``carried`` says where it was made when it is restated on a later version (see
    `accord.core.carry.carry_proposal`).
    """

    id: int
    provision_uid: str
    proponent: Proponent
    wording: str
    amendment: Amendment
    justification: str
    status: ProposalStatus
    submitted_at: datetime
    cosponsors: tuple[Proponent, ...] = ()
    options: tuple[str, ...] = ()
    structure: StructuralOp | None = None
    carried: Carried | None = None


def proposal_kind(proposal: Proposal) -> ProposalKind:
    """What ``proposal`` does, read from its alternatives and whole-provision operation."""
    if isinstance(proposal.structure, AddProvision):
        return ProposalKind.ADD
    if isinstance(proposal.structure, DeleteProvision):
        return ProposalKind.DELETE
    if isinstance(proposal.structure, MoveProvision):
        return ProposalKind.MOVE
    return ProposalKind.ALTERNATIVES if proposal.options else ProposalKind.WORDING


def normalise_wording(wording: str) -> str:
    """A paragraph is one line of text: collapse runs of white space, trim the ends."""
    return " ".join(wording.split())


def draft_amendment(version: Version, uid: str, wording: str) -> Amendment:
    """Check the proposed wording for provision ``uid`` and derive its amendment.

    Raises `UnknownProvision`, `NotAmendable`, `EmptyText`, `TextTooLong` or `UnchangedText`.
    """
    provision = version.provision(uid)
    if not provision.is_amendable:
        raise NotAmendable(uid)
    wording = _check_length(wording)
    amendment = derive_amendment(provision.text, wording)
    # Compared as a reader sees them: a joiner added between two letters changes no word.
    if amendment.is_empty or visible(wording) == visible(normalise_wording(provision.text)):
        raise UnchangedText(uid)
    return amendment


def check_justification(justification: str) -> str:
    """The justification, normalised and trimmed; raises `UnsafeCharacter` or `TextTooLong`."""
    justification = clean_trimmed(justification, field="justification")
    if len(justification) > MAX_JUSTIFICATION_CHARS:
        raise TextTooLong(length=len(justification), limit=MAX_JUSTIFICATION_CHARS)
    return justification


def _check_length(wording: str) -> str:
    wording = normalise_wording(wording)
    if not normalise_wording(visible(wording)):
        raise EmptyText()
    if len(wording) > MAX_WORDING_CHARS:
        raise TextTooLong(length=len(wording), limit=MAX_WORDING_CHARS)
    return wording


def draft_proposal(
    version: Version,
    uid: str,
    kind: ProposalKind,
    *,
    wording: str = "",
    options: tuple[str, ...] = (),
    after: str = "",
) -> Draft:
    """Check a proposal of any kind on provision ``uid`` and derive what it stores.

    ``wording`` is the new wording (`WORDING`) or the new paragraph's text (`ADD`, placed
    after ``uid``); ``options`` the alternatives (`ALTERNATIVES`, the first one's amendment
    is derived); ``after`` the provision a moved one follows (`MOVE`). Raises
    `UnknownProvision`, `NotAmendable`, `EmptyText`, `TextTooLong`, `UnchangedText`,
    `TooFewOptions` or `ContradictoryOperations`, and `UnsafeCharacter` for a character
    text under negotiation may not hold (`accord.core.text_hygiene`).
    """
    wording = clean_text(wording, field="wording")
    options = clean_texts(options, field="options", kind=TextKind.WORDING)
    if kind is ProposalKind.WORDING:
        return Draft(normalise_wording(wording), draft_amendment(version, uid, wording))
    provision = version.provision(uid)
    if kind is ProposalKind.ALTERNATIVES:
        # Alternatives that read the same are one alternative, whatever invisible joiners
        # tell them apart.
        seen: dict[str, str] = {}
        for option in map(_check_length, options):
            seen.setdefault(visible(option), option)
        choices = tuple(seen.values())
        if not 2 <= len(choices) <= MAX_OPTIONS:
            raise TooFewOptions(len(choices))
        return Draft(choices[0], draft_amendment(version, uid, choices[0]), options=choices)
    unchanged = Amendment(base_hash=content_hash(provision.text), ops=())
    op: StructuralOp
    if kind is ProposalKind.ADD:
        op = AddProvision(after=uid, text=_check_length(wording))
        apply_structure(version, (op,))
        return Draft(op.text, unchanged, structure=op)
    if kind is ProposalKind.DELETE:
        op = DeleteProvision(uid)
        apply_structure(version, (op,))
        return Draft("", derive_amendment(provision.text, ""), structure=op)
    op = MoveProvision(uid, after)
    apply_structure(version, (op,))
    return Draft(provision.text, unchanged, structure=op)
