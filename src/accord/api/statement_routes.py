"""National views in the JSON API: statements, written inputs and the Chair's summary.
Reads and writes go through the same queries and actions as the pages."""

import datetime as dt
from typing import Literal

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.formats import date_format
from ninja import Router, Schema, Status
from pydantic import Field

from accord.actions.statements import (
    add_summary_entry,
    deliver_statement,
    move_to_summary,
    submit_input,
)
from accord.api import contract
from accord.api.auth import AUTH, writer
from accord.api.contract import PAGED_READ, READ, WRITE, errors
from accord.api.lookups import version_to_change, visible_process, visible_version
from accord.api.pagination import DEFAULT_LIMIT, Cursor, Limit, page
from accord.api.schemas import Day, Identifier, StrictSchema, Whole, example
from accord.core.citations import Citation, Standing, cite
from accord.core.errors import NotPermitted
from accord.core.participants import Reason
from accord.store import models, queries
from accord.words.citations import citation_words, statement_source, summary_label

router = Router(tags=["national views"])


class StatementIn(StrictSchema):
    model_config = example(
        text="Brazil underlines that capacity-building is demand-driven.",
        document="report",
        provisions=["p29"],
    )

    text: str = Field(max_length=100_000)
    delegation: str | None = None
    document: str | None = None
    version: Whole | None = None
    provisions: list[str] = Field(default_factory=list, max_length=500)
    delivered_on: Day | None = None


class StatementOut(Schema):
    id: int
    kind: str
    delegation: str | None
    holder: str
    text: str
    document: str | None
    version: int | None
    provisions: list[str]
    delivered_on: dt.date
    standing: str
    citation: str


class StatementPage(Schema):
    items: list[StatementOut]
    next: str | None


class EntryIn(StrictSchema):
    model_config = example(
        text="Several delegations called for a permanent mechanism.", delegations=["BRA", "KEN"]
    )

    text: str = Field(default="", max_length=100_000)
    delegations: list[str] = Field(default_factory=list, max_length=200)
    groups: list[str] = Field(default_factory=list, max_length=50)
    proposal: Whole | None = None


class MoveIn(StrictSchema):
    model_config = example(provision="p30", delegations=["BRA"])

    provision: Identifier
    delegations: list[str] = Field(default_factory=list, max_length=200)
    groups: list[str] = Field(default_factory=list, max_length=50)


class EntryOut(Schema):
    id: int
    number: int
    source: str
    text: str
    delegations: list[str]
    groups: list[str]
    proposal: int | None
    document: str | None
    version: int | None
    provision: str | None
    text_hash: str | None
    added_at: dt.datetime
    citation: str


class SummaryOut(Schema):
    process: str
    standing: str
    label: str
    issued_at: dt.datetime | None
    entries: list[EntryOut]


def _date(day: dt.date) -> str:
    """A date as the citation writes it: 12 March 2026, in the reader's language."""
    return date_format(day, "j F Y")


def _statement(row: models.Statement) -> dict[str, object]:
    is_input = row.kind == models.Statement.Kind.WRITTEN_INPUT
    standing = Standing.STAKEHOLDER_INPUT if is_input else Standing.NATIONAL_VIEW
    source = statement_source(row.holder, written_input=is_input)
    return {
        "id": row.pk,
        "kind": row.kind,
        "delegation": row.delegation.code if row.delegation else None,
        "holder": row.holder,
        "text": row.text,
        "document": row.version.document.slug if row.version else None,
        "version": row.version.number if row.version else None,
        "provisions": row.provision_uids,
        "delivered_on": row.delivered_on,
        "standing": standing.value,
        "citation": cite(
            Citation(standing, source, date=_date(row.delivered_on)), citation_words()
        ),
    }


def _entry(
    entry: models.ChairSummaryEntry, number: int, process: models.Process
) -> dict[str, object]:
    citation = Citation(
        Standing.CHAIRS_SUMMARY, process.title, str(number), _date(entry.added_at.date())
    )
    return {
        "id": entry.pk,
        "number": number,
        "source": entry.source,
        "text": entry.text,
        "delegations": sorted(d.code for d in entry.delegations.all()),
        "groups": sorted(g.code for g in entry.groups.all()),
        "proposal": entry.proposal_id,
        "document": entry.version.document.slug if entry.version else None,
        "version": entry.version.number if entry.version else None,
        "provision": entry.provision_uid or None,
        "text_hash": entry.text_hash or None,
        "added_at": entry.added_at,
        "citation": cite(citation, citation_words()),
    }


def _summary(process: models.Process) -> dict[str, object]:
    summary = queries.chair_summary(process)
    entries = list(summary.entries.all()) if summary else []
    return {
        "process": process.slug,
        "standing": Standing.CHAIRS_SUMMARY.value,
        "label": summary_label(),
        "issued_at": summary.issued_at if summary else None,
        "entries": [_entry(e, n, process) for n, e in enumerate(entries, start=1)],
    }


def _linked(
    request: HttpRequest, process: str, body: StatementIn
) -> tuple[models.Process, models.Version | None]:
    found = visible_process(request, process)
    if body.document is None:
        return found, None
    number = body.version
    if number is None:
        document = get_object_or_404(models.Document, process=found, slug=body.document)
        number = queries.current_version(document).number
    return found, visible_version(request, process, body.document, number)


@router.get("/processes/{process}/statements", response={200: StatementPage, **errors(*PAGED_READ)})
def list_statements(
    request: HttpRequest,
    process: str,
    kind: Literal["statement", "written-input"] = "statement",
    delegation: str | None = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> dict[str, object]:
    """National statements of delegations (``kind=statement``) or, always apart, written
    inputs of stakeholders (``kind=written-input``); ``delegation`` filters by its code.
    Each item is a national view with its citation form, never agreed text."""
    found = visible_process(request, process)
    rows, following = page(queries.statements(found, kind, delegation), cursor=cursor, limit=limit)
    return {"items": [_statement(r) for r in rows], "next": following}


@router.post(
    "/processes/{process}/statements", response={201: StatementOut, **errors(*WRITE)}, auth=AUTH
)
def create_statement(
    request: HttpRequest, process: str, body: StatementIn
) -> Status[dict[str, object]]:
    """Deliver a statement for your own delegation (a member's delegate or an observer),
    optionally linked to paragraphs (uids) of a version (the current one if ``version`` is
    left out)."""
    by = writer(request)
    found, version = _linked(request, process, body)
    accredited = queries.accreditation(by, found)
    own = accredited.delegation.code if accredited and accredited.delegation else None
    delegation = body.delegation or own
    if delegation is None:
        raise NotPermitted(Reason.NOT_A_DELEGATE)
    row = deliver_statement(
        found,
        by=by,
        delegation=delegation,
        text=body.text,
        version=version,
        provision_uids=body.provisions,
        delivered_on=body.delivered_on,
    )
    return Status(201, _statement(row))


@router.post(
    "/processes/{process}/written-inputs", response={201: StatementOut, **errors(*WRITE)}, auth=AUTH
)
def create_written_input(
    request: HttpRequest, process: str, body: StatementIn
) -> Status[dict[str, object]]:
    """Submit a stakeholder's written input; it is kept apart from statements of states."""
    by = writer(request)
    found, version = _linked(request, process, body)
    row = submit_input(
        found,
        by=by,
        text=body.text,
        version=version,
        provision_uids=body.provisions,
        delivered_on=body.delivered_on,
    )
    return Status(201, _statement(row))


@router.get("/processes/{process}/chairs-summary", response={200: SummaryOut, **errors(*READ)})
def get_chairs_summary(request: HttpRequest, process: str) -> dict[str, object]:
    """The Chair's summary: attributed views and proposals that did not reach consensus;
    not negotiated, not adopted."""
    return _summary(visible_process(request, process))


@router.post(
    "/processes/{process}/chairs-summary/entries",
    response={201: EntryOut, **errors(*WRITE)},
    auth=AUTH,
)
def create_summary_entry(
    request: HttpRequest, process: str, body: EntryIn
) -> Status[dict[str, object]]:
    """The Chair adds an entry: a proposal not taken up (``proposal``, quoted with its
    proponents) or the Chair's own ``text`` attributed to ``delegations`` and ``groups``."""
    by = writer(request)
    found = visible_process(request, process)
    proposal = None
    if body.proposal is not None:
        proposal = models.Proposal.objects.filter(
            pk=body.proposal, version__document__process=found
        ).first()
        if proposal is None:
            raise Http404
    entry = add_summary_entry(
        found,
        by=by,
        text=body.text,
        delegations=body.delegations,
        groups=body.groups,
        proposal=proposal,
    )
    return Status(201, _numbered(found, entry))


def _numbered(process: models.Process, entry: models.ChairSummaryEntry) -> dict[str, object]:
    body = _summary(process)
    entries = body["entries"]
    assert isinstance(entries, list)
    return next(e for e in entries if e["id"] == entry.pk)


@router.post(
    "/processes/{process}/documents/{document}/versions/{number}/move-to-summary",
    response={201: EntryOut, **errors(*WRITE, 412)},
    auth=AUTH,
    openapi_extra=contract.if_match(required=False),
)
def move_provision(
    request: HttpRequest, process: str, document: str, number: int, body: MoveIn
) -> Status[dict[str, object]]:
    """The Chair moves a provision of the current version out of the negotiated text into
    the Chair's summary; no consensus report will show it. With If-Match carrying the
    version's ETag, refused with 412 if the text changed since the caller read it."""
    by = writer(request)
    version = version_to_change(request, process, document, number)
    entry = move_to_summary(
        version,
        by=by,
        provision_uid=body.provision,
        delegations=body.delegations,
        groups=body.groups,
    )
    return Status(201, _numbered(version.document.process, entry))
