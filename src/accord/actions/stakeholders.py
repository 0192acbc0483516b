"""Accrediting stakeholders on a non-objection basis: the Secretariat proposes an
organisation and the person who will act for it, with a deadline; any member delegation may
object by then, with its reason. At the deadline the instance decides
(`decide_due_stakeholder_requests`, a periodic job): accredited as a stakeholder if
no member objected, not accredited otherwise."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from accord.actions.adoption import MAX_EXPLANATION_CHARS
from accord.actions.events import record
from accord.actions.processes import AlreadyAccredited
from accord.core import decisions as dc
from accord.core.accreditation import check_stakeholder_admission
from accord.core.errors import DeadlinePassed, Missing, NotPermitted, Refusal, TextTooLong
from accord.core.participants import ParticipantKind, Reason, Role
from accord.core.text_hygiene import TextKind, clean_trimmed
from accord.store import models, queries


@dataclass(slots=True, unsafe_hash=True)
class RequestPending(Refusal):
    """A person has one pending stakeholder request per process."""

    username: str
    code = "request-pending"


@transaction.atomic
def propose_stakeholder(
    process: models.Process, *, by: User, organisation: str, user: User, deadline: datetime
) -> models.StakeholderRequest:
    """Propose ``organisation``, represented by ``user``, for accreditation as a stakeholder
    unless a member objects by ``deadline`` (no sooner than the process's silence minimum).
    Only the Secretariat proposes, and only where the rules of procedure admit stakeholders
    on a non-objection basis. Writes one ``stakeholder.proposed`` event. Raises
    `NotPermitted`, `NoStakeholders`, `StakeholdersOpen`, `Missing`, `AlreadyAccredited`,
    `RequestPending` or `DeadlineTooShort`."""
    if queries.actor(by, process).role is not Role.SECRETARIAT:
        raise NotPermitted(Reason.NOT_SECRETARIAT)
    check_stakeholder_admission(
        dc.StakeholderModality(process.stakeholder_modality), dc.StakeholderModality.NON_OBJECTION
    )
    name = clean_trimmed(organisation, field="organisation", kind=TextKind.LINE)[:200]
    if not name:
        raise Missing("organisation")
    if process.accreditations.filter(user=user).exists():
        raise AlreadyAccredited(user.get_username())
    if process.stakeholder_requests.filter(user=user, accredited=None).exists():
        raise RequestPending(user.get_username())
    now = timezone.now()
    minimum = dc.SilenceProcedure(minimum=timedelta(hours=process.silence_minimum_hours))
    dc.check_period(minimum, now, deadline)
    request = models.StakeholderRequest.objects.create(
        process=process,
        organisation=name,
        user=user,
        proposed_by=by,
        proposed_at=now,
        deadline=deadline,
    )
    record(
        "stakeholder.proposed",
        by=by,
        process=process,
        subject=f"stakeholder-request:{request.pk}",
        payload={
            "request": request.pk,
            "organisation": name,
            "user": user.get_username(),
            "deadline": deadline.isoformat(),
        },
    )
    return request


@transaction.atomic
def object_to_stakeholder(
    request: models.StakeholderRequest, *, by: User, reason: str
) -> models.StakeholderObjection:
    """Object, for the caller's member delegation, to a pending request, with ``reason``.
    Writes one ``stakeholder.objected`` event. Raises `NotPermitted`, `DeadlinePassed`,
    `Missing` or `TextTooLong`."""
    request = models.StakeholderRequest.objects.select_for_update().get(pk=request.pk)
    found = queries.accreditation(by, request.process)
    who = queries.actor_of(found)
    if who.role is not Role.DELEGATE or found is None or found.delegation is None:
        raise NotPermitted(Reason.NOT_A_DELEGATE)
    if who.participant_kind is not ParticipantKind.MEMBER:
        raise NotPermitted(Reason.NOT_A_MEMBER)
    now = timezone.now()
    if request.accredited is not None or now > request.deadline:
        raise DeadlinePassed(request.deadline.isoformat())
    said = clean_trimmed(reason, field="reason")
    if not said:
        raise Missing("reason")
    if len(said) > MAX_EXPLANATION_CHARS:
        raise TextTooLong(length=len(said), limit=MAX_EXPLANATION_CHARS)
    objection = models.StakeholderObjection.objects.create(
        request=request, delegation=found.delegation, recorded_by=by, reason=said, at=now
    )
    record(
        "stakeholder.objected",
        by=by,
        process=request.process,
        delegation=found.delegation,
        subject=f"stakeholder-request:{request.pk}",
        payload={
            "request": request.pk,
            "organisation": request.organisation,
            "delegation": found.delegation.code,
            "reason": said,
        },
    )
    return objection


def decide_due_stakeholder_requests(now: datetime) -> list[models.StakeholderRequest]:
    """Decide every pending request whose deadline has passed by ``now``, each in its own
    transaction. Deciding twice does nothing."""
    due = models.StakeholderRequest.objects.filter(accredited=None, deadline__lte=now)
    decided = []
    for pk in list(due.order_by("deadline", "pk").values_list("pk", flat=True)):
        request = decide_stakeholder_request(pk, now)
        if request is not None:
            decided.append(request)
    return decided


@transaction.atomic
def decide_stakeholder_request(pk: int, now: datetime) -> models.StakeholderRequest | None:
    """Decide request ``pk`` if still pending and due at ``now``: accredit its person as a
    stakeholder when no member objected (and they hold no role in the process yet), refuse
    it otherwise. Writes one ``stakeholder.decided`` event, by the instance itself."""
    request = (
        models.StakeholderRequest.objects.select_for_update()
        .select_related("process", "user")
        .filter(pk=pk, accredited=None, deadline__lte=now)
        .first()
    )
    if request is None:
        return None
    process = request.process
    objecting = sorted(
        set(request.objections.values_list("delegation__code", flat=True))
        & set(
            process.participations.filter(kind=ParticipantKind.MEMBER).values_list(
                "delegation__code", flat=True
            )
        )
    )
    already = process.accreditations.filter(user=request.user).exists()
    request.accredited = not objecting and not already
    request.decided_at = now
    request.save(update_fields=["accredited", "decided_at"])
    if request.accredited:
        models.Accreditation.objects.create(
            process=process, user=request.user, role=Role.STAKEHOLDER.value
        )
    record(
        "stakeholder.decided",
        by=None,
        process=process,
        subject=f"stakeholder-request:{request.pk}",
        payload={
            "request": request.pk,
            "organisation": request.organisation,
            "user": request.user.get_username(),
            "accredited": request.accredited,
            "objections": objecting,
            "already_accredited": already,
        },
    )
    return request
