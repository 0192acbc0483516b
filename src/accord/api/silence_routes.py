"""The silence procedure and stakeholder requests through the API: the same actions as the
pages, problem documents for refusals, cursor pagination on lists."""

from datetime import UTC, datetime
from typing import Literal

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from accord.actions.silence import break_silence, launch_silence, withdraw_silence
from accord.actions.stakeholders import object_to_stakeholder
from accord.api import contract, problems
from accord.api.auth import AUTH, writer
from accord.api.contract import PAGED_READ, TYPED_READ, WRITE, errors
from accord.api.lookups import version_to_change, visible_process
from accord.api.pagination import DEFAULT_LIMIT, Cursor, Limit, page
from accord.api.schemas import Moment, StrictSchema, example
from accord.store import models, queries

router = Router(tags=["silence"])


class LaunchIn(StrictSchema):
    model_config = example(deadline="2026-06-04T09:01:00Z")

    deadline: Moment


class BreakIn(StrictSchema):
    model_config = example(
        letter="Germany asks that paragraph 4 name the threats.", provisions=["p4"]
    )

    letter: str
    provisions: list[str]


class WithdrawIn(StrictSchema):
    model_config = example(reason="Consultations on paragraph 4 continue.")

    reason: str


class BreakOut(Schema):
    delegation: str
    delegation_name: str
    letter: str
    provisions: list[str]
    at: datetime


class SilenceOut(Schema):
    id: int
    document: str
    version: int
    content_hash: str
    launched_at: datetime
    deadline: datetime
    state: Literal["running", "passed", "broken", "superseded", "withdrawn", "closed-by-adoption"]
    closed_at: datetime | None
    reason: str | None
    superseded_by: int | None
    breaks: list[BreakOut]


class SilencePage(Schema):
    items: list[SilenceOut]
    next: str | None


class ObjectionIn(StrictSchema):
    model_config = example(reason="The organisation's work is outside the mandate of the group.")

    reason: str


class ObjectionOut(Schema):
    delegation: str
    delegation_name: str
    reason: str
    at: datetime


class StakeholderRequestOut(Schema):
    id: int
    organisation: str
    user: str
    deadline: datetime
    decided_at: datetime | None
    accredited: bool | None
    objections: list[ObjectionOut]


class StakeholderRequestPage(Schema):
    items: list[StakeholderRequestOut]
    next: str | None


def _utc(moment: datetime) -> datetime:
    """The moment in UTC (a moment without a zone is read as UTC); 422 if out of range."""
    try:
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except (OverflowError, ValueError):
        raise problems.Problem(
            422, "invalid-deadline", _("This deadline is out of range.")
        ) from None


def _break(row: models.SilenceBreak) -> dict[str, object]:
    return {
        "delegation": row.delegation.code,
        "delegation_name": row.delegation.name,
        "letter": row.letter,
        "provisions": row.provisions,
        "at": row.at,
    }


def _silence(row: models.SilenceProcedure) -> dict[str, object]:
    return {
        "id": row.pk,
        "document": row.version.document.slug,
        "version": row.version.number,
        "content_hash": row.version.content_hash,
        "launched_at": row.launched_at,
        "deadline": row.deadline,
        "state": row.state,
        "closed_at": row.closed_at,
        "reason": row.reason or None,
        "superseded_by": row.superseded_by.number if row.superseded_by else None,
        "breaks": [_break(b) for b in row.breaks.all()],
    }


def _request(row: models.StakeholderRequest) -> dict[str, object]:
    return {
        "id": row.pk,
        "organisation": row.organisation,
        "user": row.user.get_username(),
        "deadline": row.deadline,
        "decided_at": row.decided_at,
        "accredited": row.accredited,
        "objections": [
            {
                "delegation": o.delegation.code,
                "delegation_name": o.delegation.name,
                "reason": o.reason,
                "at": o.at,
            }
            for o in row.objections.all()
        ],
    }


def _procedure(request: HttpRequest, process: str, procedure: int) -> models.SilenceProcedure:
    found = queries.silence_procedure(visible_process(request, process), procedure)
    if found is None:
        raise Http404
    return found


@router.post(
    "/processes/{process}/documents/{document}/versions/{number}/silence-procedures",
    response={201: SilenceOut, **errors(*WRITE, 412, 428)},
    auth=AUTH,
    openapi_extra=contract.if_match(required=True),
)
def create_silence(
    request: HttpRequest, process: str, document: str, number: int, body: LaunchIn
) -> Status[dict[str, object]]:
    """The Chair puts the current version under silence until ``deadline`` (no sooner than the
    process's minimum). If-Match must carry the version's ETag: 428 without it, 412 if the
    text is no longer what the caller read."""
    by = writer(request)
    version = version_to_change(request, process, document, number, grave=True)
    row = launch_silence(version, by=by, deadline=_utc(body.deadline))
    return Status(201, _silence(_procedure(request, process, row.pk)))


@router.get(
    "/processes/{process}/silence-procedures", response={200: SilencePage, **errors(*PAGED_READ)}
)
def list_silences(
    request: HttpRequest, process: str, cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT
) -> dict[str, object]:
    """The process's silence procedures, oldest first, with the letters breaking them."""
    rows = models.SilenceProcedure.objects.filter(
        version__document__process=visible_process(request, process)
    ).select_related("version__document", "superseded_by")
    items, following = page(rows.prefetch_related("breaks__delegation"), cursor=cursor, limit=limit)
    return {"items": [_silence(r) for r in items], "next": following}


@router.get(
    "/processes/{process}/silence-procedures/{procedure}",
    response={200: SilenceOut, **errors(*TYPED_READ)},
)
def get_silence(request: HttpRequest, process: str, procedure: int) -> dict[str, object]:
    """One procedure: its deadline, its state (and when and why it closed), and who broke
    silence on what."""
    return _silence(_procedure(request, process, procedure))


@router.post(
    "/processes/{process}/silence-procedures/{procedure}/breaks",
    response={201: BreakOut, **errors(*WRITE)},
    auth=AUTH,
)
def create_break(
    request: HttpRequest, process: str, procedure: int, body: BreakIn
) -> Status[dict[str, object]]:
    """Break silence for your member delegation, naming the provisions (uids) of concern."""
    by = writer(request)
    row = break_silence(
        _procedure(request, process, procedure),
        by=by,
        letter=body.letter,
        provisions=body.provisions,
    )
    return Status(201, _break(row))


@router.post(
    "/processes/{process}/silence-procedures/{procedure}/withdrawal",
    response={200: SilenceOut, **errors(*WRITE)},
    auth=AUTH,
)
def create_withdrawal(
    request: HttpRequest, process: str, procedure: int, body: WithdrawIn
) -> dict[str, object]:
    """The Chair withdraws a running procedure, giving the reason; nothing is adopted."""
    by = writer(request)
    withdraw_silence(_procedure(request, process, procedure), by=by, reason=body.reason)
    return _silence(_procedure(request, process, procedure))


@router.get(
    "/processes/{process}/stakeholder-requests",
    response={200: StakeholderRequestPage, **errors(*PAGED_READ)},
)
def list_stakeholder_requests(
    request: HttpRequest, process: str, cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT
) -> dict[str, object]:
    """Stakeholder organisations proposed for accreditation on a non-objection basis."""
    rows = (
        visible_process(request, process)
        .stakeholder_requests.select_related("user")
        .prefetch_related("objections__delegation")
    )
    items, following = page(rows, cursor=cursor, limit=limit)
    return {"items": [_request(r) for r in items], "next": following}


@router.post(
    "/processes/{process}/stakeholder-requests/{request_id}/objections",
    response={201: ObjectionOut, **errors(*WRITE)},
    auth=AUTH,
)
def create_objection(
    request: HttpRequest, process: str, request_id: int, body: ObjectionIn
) -> Status[dict[str, object]]:
    """Object, for your member delegation, to a pending request, with your reason."""
    by = writer(request)
    row = visible_process(request, process).stakeholder_requests.filter(pk=request_id).first()
    if row is None:
        raise Http404
    objection = object_to_stakeholder(row, by=by, reason=body.reason)
    return Status(
        201,
        {
            "delegation": objection.delegation.code,
            "delegation_name": objection.delegation.name,
            "reason": objection.reason,
            "at": objection.at,
        },
    )
