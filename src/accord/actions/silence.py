"""Silence procedure: the Chair circulates the current version with a deadline; it is adopted
at the deadline unless a member delegation breaks silence by a letter naming the paragraphs
of concern. The outcome is recorded by the instance itself when the deadline passes
(`close_due_silence_procedures`, a periodic job), not by anyone's visit. A procedure
closes earlier when a revision supersedes it, the Chair withdraws it or the document is
adopted otherwise (the lifecycle is `accord.core.silence`)."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from accord.actions.events import record
from accord.actions.preconditions import require_open
from accord.core import decisions as dc
from accord.core.errors import Missing, NotPermitted, Refusal, TextTooLong
from accord.core.participants import ParticipantKind, Reason, Role
from accord.core.silence import (
    MAX_LETTER_CHARS,
    ProposalsUnderSilence,
    SilenceState,
    at_deadline,
    check_may_propose,
    check_running,
)
from accord.core.text_hygiene import clean_trimmed
from accord.store import models, queries


@dataclass(slots=True, unsafe_hash=True)
class SilenceAlreadyOpen(Refusal):
    """A document is under one silence procedure at a time. ``document`` is its short name;
    ``name`` what people call it, for messages only."""

    document: str
    name: str = field(default="", compare=False)
    code = "silence-already-open"


def rule(process: models.Process) -> dc.SilenceProcedure:
    """The process's silence rule: its minimum period, from its rules of procedure."""
    return dc.SilenceProcedure(minimum=timedelta(hours=process.silence_minimum_hours))


def members(process: models.Process) -> frozenset[str]:
    return frozenset(
        process.participations.filter(kind=ParticipantKind.MEMBER).values_list(
            "delegation__code", flat=True
        )
    )


@transaction.atomic
def launch_silence(
    version: models.Version, *, by: User, deadline: datetime
) -> models.SilenceProcedure:
    """Put ``version`` (current, not adopted) under silence until ``deadline``.

    Only the Chair launches it; the deadline is no sooner than the process's minimum; one
    procedure at a time per document; only where the rules of procedure provide for adoption
    under a silence procedure. Writes one ``silence.launched`` event. Raises `NotPermitted`,
    `SilenceNotAllowed`, `VersionNotCurrent`, `AlreadyAdopted`, `SilenceAlreadyOpen` or
    `DeadlineTooShort`.
    """
    document = models.Document.objects.select_for_update().get(pk=version.document_id)
    process = version.document.process
    if queries.actor(by, process).role is not Role.CHAIR:
        raise NotPermitted(Reason.NOT_THE_CHAIR)
    dc.require_silence_allowed(dc.DecisionRule(process.decision_rule))
    require_open(version)
    if models.SilenceProcedure.objects.filter(
        version__document=document, state=SilenceState.RUNNING
    ).exists():
        raise SilenceAlreadyOpen(document.slug, queries.document_name(document))
    now = timezone.now()
    dc.open_silence(rule(process), version.content_hash, now, deadline)
    procedure = models.SilenceProcedure.objects.create(
        version=version, launched_by=by, launched_at=now, deadline=deadline
    )
    record(
        "silence.launched",
        by=by,
        process=process,
        subject=f"document:{document.slug}",
        payload={
            "procedure": procedure.pk,
            "document": document.slug,
            "version": version.number,
            "content_hash": version.content_hash,
            "deadline": deadline.isoformat(),
            "minimum_hours": process.silence_minimum_hours,
        },
    )
    return procedure


def _silence(procedure: models.SilenceProcedure) -> dc.Silence:
    return dc.Silence(procedure.version.content_hash, procedure.launched_at, procedure.deadline)


def _standing(version: models.Version) -> dict[str, bool]:
    """Whether ``version`` is its document's current version, and the document adopted."""
    document = version.document
    return {
        "current": queries.current_version(document).pk == version.pk,
        "adopted": models.Adoption.objects.filter(
            version__document=document, adopted=True
        ).exists(),
    }


def _check_running(procedure: models.SilenceProcedure) -> None:
    """Refuse any step on ``procedure`` unless it runs on the current version of a document
    not yet adopted, saying why it no longer runs."""
    version = procedure.version
    check_running(
        SilenceState(procedure.state),
        document=version.document.slug,
        deadline=procedure.deadline,
        **_standing(version),
    )


@transaction.atomic
def break_silence(
    procedure: models.SilenceProcedure,
    *,
    by: User,
    letter: str,
    provisions: Iterable[str],
) -> models.SilenceBreak:
    """Break silence for the caller's member delegation with ``letter``, naming the
    provisions (uids) of concern. Only delegates of members, only while the procedure runs
    on the current version of a document not adopted, and only by the deadline. Writes one
    ``silence.broken`` event. Raises `NotPermitted`, `SilenceSuperseded`, `SilenceWithdrawn`,
    `SilenceClosedByAdoption`, `SilenceClosed`, `NotAMember`, `DeadlinePassed`, `Missing`,
    `NoProvisionsNamed`, `UnknownProvision` or `TextTooLong`.
    """
    procedure = models.SilenceProcedure.objects.select_for_update().get(pk=procedure.pk)
    version = procedure.version
    process = version.document.process
    found = queries.accreditation(by, process)
    who = queries.actor_of(found)
    if who.role is not Role.DELEGATE or found is None or found.delegation is None:
        raise NotPermitted(Reason.NOT_A_DELEGATE)
    _check_running(procedure)
    now = timezone.now()
    named = tuple(dict.fromkeys(provisions))
    text = clean_trimmed(letter, field="letter")
    sent = dc.SilenceLetter(found.delegation.code, now, named)
    dc.check_silence_letter(_silence(procedure), sent, text, members(process))
    if len(text) > MAX_LETTER_CHARS:
        raise TextTooLong(length=len(text), limit=MAX_LETTER_CHARS)
    value = queries.version_value(version)
    for uid in named:
        value.provision(uid)
    row = models.SilenceBreak.objects.create(
        procedure=procedure,
        delegation=found.delegation,
        recorded_by=by,
        letter=text,
        provisions=list(named),
        at=now,
    )
    record(
        "silence.broken",
        by=by,
        process=process,
        delegation=found.delegation,
        subject=f"document:{version.document.slug}",
        payload={
            "procedure": procedure.pk,
            "document": version.document.slug,
            "version": version.number,
            "delegation": found.delegation.code,
            "provisions": list(named),
            "letter": text,
        },
    )
    return row


@transaction.atomic
def withdraw_silence(
    procedure: models.SilenceProcedure, *, by: User, reason: str
) -> models.SilenceProcedure:
    """The Chair withdraws a running procedure, giving ``reason``: it closes as withdrawn
    now, and nothing is adopted. Writes one ``silence.withdrawn`` event. Raises
    `NotPermitted`, `SilenceSuperseded`, `SilenceWithdrawn`, `SilenceClosedByAdoption`,
    `SilenceClosed`, `Missing` or `TextTooLong`."""
    procedure = models.SilenceProcedure.objects.select_for_update().get(pk=procedure.pk)
    process = procedure.version.document.process
    if queries.actor(by, process).role is not Role.CHAIR:
        raise NotPermitted(Reason.NOT_THE_CHAIR)
    _check_running(procedure)
    text = clean_trimmed(reason, field="reason")
    if not text:
        raise Missing("withdrawal")
    if len(text) > MAX_LETTER_CHARS:
        raise TextTooLong(length=len(text), limit=MAX_LETTER_CHARS)
    procedure.reason = text
    record(
        "silence.withdrawn",
        by=by,
        process=process,
        subject=f"document:{procedure.version.document.slug}",
        payload=_close(procedure, SilenceState.WITHDRAWN, now=timezone.now()),
    )
    return procedure


def supersede_silences(revision: models.Version, *, by: User | None) -> None:
    """Close every procedure running on ``revision``'s document as superseded by it, at the
    moment it was issued: silence follows the text. One ``silence.superseded`` event each.
    Called by the action issuing the revision, inside its transaction."""
    for procedure in _running(revision.document):
        procedure.superseded_by = revision
        record(
            "silence.superseded",
            by=by,
            process=revision.document.process,
            subject=f"document:{revision.document.slug}",
            payload=_close(procedure, SilenceState.SUPERSEDED, now=revision.issued_at),
        )


def close_silences_on_adoption(adoption: models.Adoption, *, by: User | None) -> None:
    """When ``adoption`` adopted its document (at a meeting), close every procedure still
    running on it as closed by adoption, at the moment of the decision; nothing when the
    document was not adopted. One ``silence.ended`` event each. Called by the action
    recording the adoption, inside its transaction."""
    if not adoption.adopted:
        return
    for procedure in _running(adoption.version.document):
        procedure.adoption = adoption
        document = adoption.version.document
        record(
            "silence.ended",
            by=by,
            process=document.process,
            subject=f"document:{document.slug}",
            payload=_close(procedure, SilenceState.CLOSED_BY_ADOPTION, now=adoption.decided_at),
        )


def _running(document: models.Document) -> list[models.SilenceProcedure]:
    return list(
        models.SilenceProcedure.objects.select_for_update()
        .select_related("version__document__process")
        .filter(version__document=document, state=SilenceState.RUNNING)
        .order_by("pk")
    )


def _close(
    procedure: models.SilenceProcedure, state: SilenceState, *, now: datetime
) -> dict[str, object]:
    """Close ``procedure`` into ``state`` before its deadline; the payload of its one event
    (which the caller records under the kind of that closing)."""
    version = procedure.version
    procedure.state = state.value
    procedure.closed_at = now
    procedure.save(update_fields=["state", "closed_at", "reason", "superseded_by", "adoption"])
    payload: dict[str, object] = {
        "procedure": procedure.pk,
        "document": version.document.slug,
        "version": version.number,
        "state": state.value,
        "breaks": procedure.breaks.count(),
    }
    if procedure.superseded_by is not None:
        payload["revision"] = procedure.superseded_by.number
    if procedure.adoption is not None:
        payload["adoption"] = procedure.adoption.pk
    if procedure.reason:
        payload["reason"] = procedure.reason
    return payload


def check_proposals_allowed(version: models.Version, *, under_silence: bool) -> None:
    """Raise `ProposalsFrozen` for a proposal on ``version`` while a silence procedure runs on
    its document (``under_silence``, as `require_open` says), where the rules of procedure
    freeze proposals during silence."""
    document = version.document
    check_may_propose(
        ProposalsUnderSilence(document.process.proposals_under_silence),
        under_silence=under_silence,
        document=document.slug,
    )


def close_due_silence_procedures(now: datetime) -> list[models.SilenceProcedure]:
    """Record the outcome of every procedure whose deadline has passed by ``now``; each in its
    own transaction, so one that fails leaves the others closed. Closing twice does nothing."""
    due = models.SilenceProcedure.objects.filter(state=SilenceState.RUNNING, deadline__lte=now)
    closed = []
    for pk in list(due.order_by("deadline", "pk").values_list("pk", flat=True)):
        procedure = close_silence(pk, now)
        if procedure is not None:
            closed.append(procedure)
    return closed


@transaction.atomic
def close_silence(pk: int, now: datetime) -> models.SilenceProcedure | None:
    """Close procedure ``pk`` if it is still running and due at ``now``; None otherwise.

    Broken if any member broke silence by the deadline: the version is not adopted and the
    record names who broke and on which paragraphs. Otherwise it passed: the version is
    adopted by silence, with an adoption record binding every provision's hash, as at a
    meeting. Writes one ``silence.closed`` event, by the instance itself; its ``outcome``
    says whether the text was adopted.
    """
    procedure = (
        models.SilenceProcedure.objects.select_for_update()
        .select_related("version__document__process")
        .filter(pk=pk, state=SilenceState.RUNNING, deadline__lte=now)
        .first()
    )
    if procedure is None:
        return None
    version = procedure.version
    process = version.document.process
    breaks = list(procedure.breaks.select_related("delegation").order_by("at", "pk"))
    letters = [dc.SilenceLetter(b.delegation.code, b.at, tuple(b.provisions)) for b in breaks]
    outcome = dc.evaluate_silence(_silence(procedure), letters, members(process), now)
    state = at_deadline(outcome, **_standing(version))
    text = queries.version_value(version)
    paragraphs: dict[str, list[str]] = {}
    for b in breaks:
        if b.delegation.code in outcome.broken_by:
            said = paragraphs.setdefault(b.delegation.code, [])
            said.extend(uid for uid in b.provisions if uid not in said)
    hashes: dict[str, str] = {}
    if state is SilenceState.PASSED:
        hashes = {p.uid: p.content_hash for p in text if p.is_amendable}
        procedure.adoption = models.Adoption.objects.create(
            version=version,
            adopted=True,
            provision_hashes=hashes,
            recorded_by=None,
            decided_at=procedure.deadline,
            method="silence",
        )
    procedure.state = state.value
    procedure.closed_at = now
    procedure.save(update_fields=["state", "closed_at", "adoption"])
    record(
        "silence.closed",
        by=None,
        process=process,
        subject=f"document:{version.document.slug}",
        payload={
            "procedure": procedure.pk,
            "document": version.document.slug,
            "version": version.number,
            "state": state.value,
            "outcome": "adopted" if state is SilenceState.PASSED else state.value,
            "broken_by": sorted(outcome.broken_by),
            "paragraphs": paragraphs,
            "letters_not_counted": sorted(outcome.ignored),
            "content_hash": text.content_hash,
            "provision_hashes": hashes,
        },
    )
    return procedure
