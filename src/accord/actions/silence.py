"""Silence procedure: the Chair circulates the current version with a deadline; it is adopted
at the deadline unless a member delegation breaks silence by a letter naming the paragraphs
of concern. The outcome is recorded by the instance itself when the deadline passes
(`close_due_silence_procedures`, run by `accord.worker`), not by anyone's visit."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from accord.actions.adoption import MAX_EXPLANATION_CHARS
from accord.actions.checks import require_open
from accord.actions.events import record
from accord.core import decisions as dc
from accord.core.errors import DeadlinePassed, NotPermitted, Refusal, TextTooLong
from accord.core.participants import ParticipantKind, Reason, Role
from accord.store import models, queries

ADOPTED, BROKEN, LAPSED = "adopted", "broken", "lapsed"


@dataclass(frozen=True, slots=True)
class SilenceAlreadyOpen(Refusal):
    """A document is under one silence procedure at a time."""

    document: str
    code = "silence-already-open"

    def params(self) -> dict[str, object]:
        return {"document": self.document}


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
    procedure at a time per document. Writes one ``silence.launched`` event. Raises
    `NotPermitted`, `VersionNotCurrent`, `AlreadyAdopted`, `SilenceAlreadyOpen` or
    `DeadlineTooShort`.
    """
    document = models.Document.objects.select_for_update().get(pk=version.document_id)
    process = version.document.process
    if queries.actor(by, process).role is not Role.CHAIR:
        raise NotPermitted(Reason.NOT_THE_CHAIR)
    require_open(version)
    if models.SilenceProcedure.objects.filter(version__document=document, closed_at=None).exists():
        raise SilenceAlreadyOpen(document.slug)
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


@transaction.atomic
def break_silence(
    procedure: models.SilenceProcedure,
    *,
    by: User,
    letter: str,
    provisions: Iterable[str],
) -> models.SilenceBreak:
    """Break silence for the caller's member delegation with ``letter``, naming the
    provisions (uids) of concern. Only delegates of members, and only by the deadline.
    Writes one ``silence.broken`` event. Raises `NotPermitted`, `NotAMember`,
    `DeadlinePassed`, `Missing`, `NoProvisionsNamed`, `UnknownProvision` or `TextTooLong`.
    """
    procedure = models.SilenceProcedure.objects.select_for_update().get(pk=procedure.pk)
    version = procedure.version
    process = version.document.process
    found = queries.accreditation(by, process)
    who = queries.actor_of(found, process)
    if who.role is not Role.DELEGATE or found is None or found.delegation is None:
        raise NotPermitted(Reason.NOT_A_DELEGATE)
    now = timezone.now()
    if procedure.closed_at is not None:
        raise DeadlinePassed(procedure.deadline.isoformat())
    named = tuple(dict.fromkeys(provisions))
    text = letter.strip()
    sent = dc.SilenceLetter(found.delegation.code, now, named)
    dc.check_silence_letter(_silence(procedure), sent, text, members(process))
    if len(text) > MAX_EXPLANATION_CHARS:
        raise TextTooLong(length=len(text), limit=MAX_EXPLANATION_CHARS)
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


def close_due_silence_procedures(now: datetime) -> list[models.SilenceProcedure]:
    """Record the outcome of every procedure whose deadline has passed by ``now``; each in its
    own transaction, so one that fails leaves the others closed. Closing twice does nothing."""
    due = models.SilenceProcedure.objects.filter(closed_at=None, deadline__lte=now)
    closed = []
    for pk in list(due.order_by("deadline", "pk").values_list("pk", flat=True)):
        procedure = close_silence(pk, now)
        if procedure is not None:
            closed.append(procedure)
    return closed


@transaction.atomic
def close_silence(pk: int, now: datetime) -> models.SilenceProcedure | None:
    """Close procedure ``pk`` if it is still open and due at ``now``; None otherwise.

    Broken if any member broke silence by the deadline: the version is not adopted and the
    record names who broke and on which paragraphs. Otherwise the version is adopted by
    silence, with an adoption record binding every provision's hash, as at a meeting. A
    procedure whose version was superseded, or whose document was adopted otherwise, lapses.
    Writes one ``silence.closed`` event, by the instance itself.
    """
    procedure = (
        models.SilenceProcedure.objects.select_for_update()
        .select_related("version__document__process")
        .filter(pk=pk, closed_at=None, deadline__lte=now)
        .first()
    )
    if procedure is None:
        return None
    version = procedure.version
    process = version.document.process
    breaks = list(procedure.breaks.select_related("delegation").order_by("at", "pk"))
    letters = [dc.SilenceLetter(b.delegation.code, b.at, tuple(b.provisions)) for b in breaks]
    outcome = dc.evaluate_silence(_silence(procedure), letters, members(process), now)
    text = queries.version_value(version)
    paragraphs: dict[str, list[str]] = {}
    for b in breaks:
        if b.delegation.code in outcome.broken_by:
            said = paragraphs.setdefault(b.delegation.code, [])
            said.extend(uid for uid in b.provisions if uid not in said)
    hashes: dict[str, str] = {}
    if not outcome.passed:
        procedure.outcome = BROKEN
    elif _lapsed(version):
        procedure.outcome = LAPSED
    else:
        procedure.outcome = ADOPTED
        hashes = {p.uid: p.content_hash for p in text if p.is_amendable}
        procedure.adoption = models.Adoption.objects.create(
            version=version,
            adopted=True,
            provision_hashes=hashes,
            recorded_by=None,
            decided_at=procedure.deadline,
            method="silence",
        )
    procedure.closed_at = now
    procedure.save(update_fields=["outcome", "closed_at", "adoption"])
    record(
        "silence.closed",
        by=None,
        process=process,
        subject=f"document:{version.document.slug}",
        payload={
            "procedure": procedure.pk,
            "document": version.document.slug,
            "version": version.number,
            "outcome": procedure.outcome,
            "broken_by": sorted(outcome.broken_by),
            "paragraphs": paragraphs,
            "letters_not_counted": sorted(outcome.ignored),
            "content_hash": text.content_hash,
            "provision_hashes": hashes,
        },
    )
    return procedure


def _lapsed(version: models.Version) -> bool:
    try:
        require_open(version)
    except Refusal:
        return True
    return False
