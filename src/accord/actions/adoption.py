"""The Chair convenes the adoption of a version: consensus holds when no member objects."""

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from accord.actions.events import record
from accord.actions.preconditions import require_open
from accord.actions.processes import NotParticipating
from accord.actions.silence import close_silences_on_adoption
from accord.core.adoption import require_confirmation
from accord.core.decisions import (
    Ballot,
    Consensus,
    DecisionRule,
    RulesOfProcedure,
    evaluate_consensus,
    evaluate_vote,
    require_consensus,
)
from accord.core.errors import Missing, NotPermitted, Refusal, TextTooLong
from accord.core.fates import FateKind
from accord.core.participants import ParticipantKind, Reason, Role
from accord.core.proposals import ProposalStatus
from accord.core.provisions import Version
from accord.core.text_hygiene import clean_trimmed
from accord.store import models, queries

MAX_EXPLANATION_CHARS = 20_000


@transaction.atomic
def record_adoption(
    version: models.Version,
    *,
    by: User | None,
    objections: Iterable[str] = (),
    disassociations: Mapping[str, Iterable[str]] | None = None,
    explanations: Mapping[str, str] | None = None,
    confirm: bool = False,
) -> models.Adoption:
    """Record the outcome when the Chair asked for objections to ``version`` (current).

    Adopted by consensus when no member objects; a member may join consensus while
    disassociating from named provisions (uids); explanations of position are kept as each
    delegation's own view. Objections of observers are recorded but never counted. The
    record binds the hash of every provision it covered (all but those the Chair moved to
    the Chair's summary). Only the Chair records it, and over matters outstanding (see
    `queries.adoption_checklist`) only with ``confirm``. Writes one
    ``adoption.recorded`` event. Raises `NotPermitted`, `VersionNotCurrent`, `AlreadyAdopted`,
    `NotParticipating`, `UnknownProvision`, `TextTooLong`, `AdoptionNotConfirmed` or
    `VoteRequired` (the rules decide by a recorded vote: see `record_vote`).
    """
    process = version.document.process
    _check_chair(by, process)
    require_open(version)
    require_consensus(DecisionRule(process.decision_rule))
    text = queries.version_value(version)
    said = {code: tuple(uids) for code, uids in (disassociations or {}).items()}
    explained = _explained(explanations)
    kinds = _kinds(process, {*objections, *said, *explained})
    for uids in said.values():
        for uid in uids:
            text.provision(uid)
    require_confirmation(queries.adoption_checklist(version), confirmed=confirm)
    members = frozenset(c for c, kind in kinds.items() if kind == ParticipantKind.MEMBER)
    outcome = evaluate_consensus(Consensus(), members, objections, said)
    adoption = _adoption(
        version,
        text,
        by=by,
        adopted=outcome.passed,
        objections=sorted(set(objections)),
        disassociations={code: list(uids) for code, uids in outcome.disassociations},
        explained=explained,
    )
    _record_outcome(
        adoption,
        text,
        by=by,
        rule="consensus",
        explained=explained,
        blocking=sorted(outcome.blocking),
        objections_not_counted=sorted(outcome.ignored & set(objections)),
        disassociations=adoption.disassociations,
    )
    return adoption


def _check_chair(by: User | None, process: models.Process) -> None:
    if by is not None and queries.actor(by, process).role is not Role.CHAIR:
        raise NotPermitted(Reason.NOT_A_DRAFTER)


def _explained(explanations: Mapping[str, str] | None) -> dict[str, str]:
    """The explanations by delegation code, trimmed; raises `TextTooLong`."""
    explained = {
        code: clean_trimmed(note, field="explanation")
        for code, note in (explanations or {}).items()
    }
    for note in explained.values():
        if len(note) > MAX_EXPLANATION_CHARS:
            raise TextTooLong(length=len(note), limit=MAX_EXPLANATION_CHARS)
    return explained


def _kinds(process: models.Process, named: Iterable[str]) -> dict[str, str]:
    """Every participant's kind by code; raises `NotParticipating` for a ``named`` code that
    does not take part in ``process``."""
    kinds = dict(process.participations.values_list("delegation__code", "kind"))
    for code in sorted(named):
        if code not in kinds:
            raise NotParticipating(code)
    return kinds


def _adoption(
    version: models.Version,
    text: Version,
    *,
    by: User | None,
    adopted: bool,
    explained: Mapping[str, str],
    method: str = "consensus",
    objections: list[str] | None = None,
    disassociations: dict[str, list[str]] | None = None,
) -> models.Adoption:
    """Store the record of an outcome on ``version`` with its explanations."""
    moved = queries.moved_provisions(version.document)
    adoption = models.Adoption.objects.create(
        version=version,
        adopted=adopted,
        method=method,
        objections=objections or [],
        disassociations=disassociations or {},
        # A provision moved to the Chair's summary is a national view: no adoption covers it.
        provision_hashes={
            p.uid: p.content_hash for p in text if p.is_amendable and p.uid not in moved
        },
        recorded_by=by,
        decided_at=timezone.now(),
    )
    delegations = {d.code: d for d in models.Delegation.objects.filter(code__in=list(explained))}
    models.ExplanationOfPosition.objects.bulk_create(
        models.ExplanationOfPosition(adoption=adoption, delegation=delegations[code], text=note)
        for code, note in sorted(explained.items())
        if note
    )
    return adoption


@transaction.atomic
def record_vote(
    version: models.Version,
    *,
    by: User | None,
    ballots: Mapping[str, Ballot],
    explanations: Mapping[str, str] | None = None,
    confirm: bool = False,
) -> models.Adoption:
    """Record the recorded vote the Chair held on ``version`` (current), where the process's
    decision rule is a vote: each member delegation's ballot (members not listed did not
    vote) and explanations of vote by delegation. Whether it is adopted is derived from the
    ballots by the rule's majority of the members present and voting, never given. Only
    the Chair records it, over matters outstanding only with ``confirm``. Writes one
    ``adoption.recorded`` event. Raises `NotPermitted`, `VersionNotCurrent`, `AlreadyAdopted`,
    `VotingNotAllowed`, `NotParticipating`, `NotAMember` (an observer's ballot),
    `TextTooLong` or `AdoptionNotConfirmed`."""
    process = version.document.process
    _check_chair(by, process)
    require_open(version)
    rule = DecisionRule(process.decision_rule)
    cast = {code: Ballot(ballot) for code, ballot in sorted(ballots.items())}
    explained = _explained(explanations)
    kinds = _kinds(process, {*cast, *explained})
    members = frozenset(c for c, kind in kinds.items() if kind == ParticipantKind.MEMBER)
    outcome = evaluate_vote(RulesOfProcedure(voting=rule.majority), members, (), cast)
    text = queries.version_value(version)
    require_confirmation(queries.adoption_checklist(version), confirmed=confirm)
    adoption = _adoption(
        version,
        text,
        by=by,
        adopted=outcome.passed,
        method="vote",
        explained=explained,
    )
    # What the vote record stores and the event says alike.
    tally: dict[str, Any] = {
        "ballots": {code: ballot.value for code, ballot in cast.items()},
        "yes": outcome.yes,
        "no": outcome.no,
        "abstentions": outcome.abstentions,
        "needed": outcome.needed,
        "quorum_needed": outcome.quorum_needed,
        "quorum_met": outcome.quorum_met,
    }
    models.RecordedVote.objects.create(
        adoption=adoption, rule=rule.value, present=outcome.present, **tally
    )
    _record_outcome(adoption, text, by=by, rule=rule.value, explained=explained, **tally)
    return adoption


def _record_outcome(
    adoption: models.Adoption,
    text: Version,
    *,
    by: User | None,
    rule: str,
    explained: Mapping[str, str],
    **details: object,
) -> None:
    """Write the one ``adoption.recorded`` event of ``adoption`` (the hashes of the text it
    covered, the rule, the ``details`` of how it was decided) and close what an adoption
    ends: the proposals still open on the document, not taken up by the text adopted, and
    the silence procedures running on it."""
    version = adoption.version
    lapsed = _not_taken_up(adoption) if adoption.adopted else []
    record(
        "adoption.recorded",
        by=by,
        process=version.document.process,
        subject=f"document:{version.document.slug}",
        payload={
            "document": version.document.slug,
            "version": version.number,
            "rule": rule,
            "adopted": adoption.adopted,
            **details,
            "explanations": sorted(c for c, note in explained.items() if note),
            "content_hash": text.content_hash,
            "provision_hashes": adoption.provision_hashes,
            **({"not_taken_up": lapsed} if lapsed else {}),
        },
    )
    close_silences_on_adoption(adoption, by=by)


def _not_taken_up(adoption: models.Adoption) -> list[int]:
    """Give every proposal still open on the adopted document its final fate, not taken up
    by the version adopted: nothing is left open behind an adopted text. Their ids."""
    version = adoption.version
    ids = list(
        models.Proposal.objects.filter(
            version__document=version.document_id, status=ProposalStatus.OPEN
        )
        .order_by("id")
        .values_list("id", flat=True)
    )
    # A proposal the revision adopted left pending has its fate on that version already:
    # the adoption makes that fate final rather than adding a second one.
    fates = models.ProposalFate.objects.filter(revision=version, proposal_id__in=ids)
    settled = set(fates.values_list("proposal_id", flat=True))
    fates.update(kind=FateKind.NOT_TAKEN_UP.value, provisions=[], merged_with=[], recorded=True)
    models.ProposalFate.objects.bulk_create(
        models.ProposalFate(proposal_id=pk, revision=version, kind=FateKind.NOT_TAKEN_UP.value)
        for pk in ids
        if pk not in settled
    )
    models.Proposal.objects.filter(pk__in=ids).update(status=ProposalStatus.NOT_TAKEN_UP)
    return ids


@dataclass(slots=True, unsafe_hash=True)
class NotAdopted(Refusal):
    """An explanation of position follows a decision; this document has none yet."""

    document: str
    code = "not-adopted"


@dataclass(slots=True, unsafe_hash=True)
class AlreadyExplained(Refusal):
    """A delegation (named) explains its position on an adoption once."""

    delegation: str
    code = "already-explained"


@transaction.atomic
def deliver_explanation(
    document: models.Document, *, by: User, text: str
) -> models.ExplanationOfPosition:
    """A delegation's explanation of position after ``document`` was adopted: its own view,
    shown attributed beside the adoption, never part of the consensus report. Delegates of
    members and observers deliver one each, for their own delegation. Writes one
    ``explanation.delivered`` event. Raises `NotPermitted`, `NotAdopted`, `AlreadyExplained`,
    `Missing` or `TextTooLong`."""
    process = document.process
    actor = queries.actor(by, process)
    if actor.role not in (Role.DELEGATE, Role.OBSERVER) or actor.delegation is None:
        raise NotPermitted(Reason.NOT_A_DELEGATE)
    adoption = (
        models.Adoption.objects.select_for_update()
        .filter(version__document=document, adopted=True)
        .select_related("version")
        .first()
    )
    if adoption is None:
        raise NotAdopted(document.slug)
    note = clean_trimmed(text, field="explanation")
    if not note:
        raise Missing("explanation")
    if len(note) > MAX_EXPLANATION_CHARS:
        raise TextTooLong(length=len(note), limit=MAX_EXPLANATION_CHARS)
    delegation = models.Delegation.objects.get(code=actor.delegation)
    if adoption.explanations.filter(delegation=delegation).exists():
        raise AlreadyExplained(delegation.name)
    explanation = models.ExplanationOfPosition.objects.create(
        adoption=adoption, delegation=delegation, text=note
    )
    record(
        "explanation.delivered",
        by=by,
        process=process,
        delegation=delegation,
        subject=f"document:{document.slug}",
        payload={
            "document": document.slug,
            "version": adoption.version.number,
            "text_hash": hashlib.sha256(note.encode()).hexdigest(),
        },
    )
    return explanation
