"""Provision status through the API: where every provision of a version stands, the
Chair's marks, and the provenance of an adopted provision."""

from datetime import datetime
from typing import Literal

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from accord.actions.status import mark_provision_status
from accord.api import contract
from accord.api.auth import AUTH, writer
from accord.api.contract import READ, TYPED_READ, WRITE, errors
from accord.api.lookups import version_to_change, visible_process, visible_version
from accord.api.schemas import Identifier, StrictSchema, example
from accord.core.status import ActKind
from accord.store import models, queries

router = Router(tags=["status"])


class ProvisionStatusOut(Schema):
    provision: str
    label: str
    kind: str
    status: str | None
    pending: list[str]
    objecting: list[str]
    provisional: bool | None


class VersionStatusOut(Schema):
    document: str
    version: int
    content_hash: str
    items: list[ProvisionStatusOut]


class StatusMarkIn(StrictSchema):
    model_config = example(provision="p30", kind="agreed-pending", pending=["BRA"])

    provision: Identifier
    kind: Literal["agreed", "agreed-pending", "reopened"]
    pending: list[str] = []


class StatusMarkOut(Schema):
    document: str
    version: int
    provision: str
    kind: str
    pending: list[str]
    text_hash: str
    recorded_at: datetime


@router.get(
    "/processes/{process}/documents/{document}/versions/{number}/status",
    response={200: VersionStatusOut, **errors(*TYPED_READ)},
)
def get_status(request: HttpRequest, process: str, document: str, number: int) -> object:
    """Every provision of the version with its status (``null`` for section headings):
    open, bracketed, agreed-ad-ref, agreed-pending (``pending`` names who still has to
    confirm), reopened or adopted. One list, in reading order."""
    version = visible_version(request, process, document, number)
    text = queries.version_value(version)
    rows = queries.statuses(version, text)
    return {
        "document": version.document.slug,
        "version": version.number,
        "content_hash": text.content_hash,
        "items": [
            {
                "provision": row.provision.uid,
                "label": row.provision.label,
                "kind": row.provision.kind.value,
                "status": row.outcome.status.value if row.outcome else None,
                "pending": sorted(row.outcome.pending) if row.outcome else [],
                "objecting": sorted(row.outcome.objecting) if row.outcome else [],
                "provisional": row.outcome.provisional if row.outcome else None,
            }
            for row in rows
        ],
    }


@router.post(
    "/processes/{process}/documents/{document}/versions/{number}/status-marks",
    response={201: StatusMarkOut, **errors(*WRITE, 412, 428)},
    auth=AUTH,
    openapi_extra=contract.if_match(required=True),
)
def create_status_mark(
    request: HttpRequest, process: str, document: str, number: int, body: StatusMarkIn
) -> Status[dict[str, object]]:
    """The Chair marks a provision agreed ad referendum, agreed pending the members named in
    ``pending``, or reopens it. If-Match must carry the version's ETag: 428 without it, 412 if
    the version's text is no longer what the caller read."""
    by = writer(request)
    version = version_to_change(request, process, document, number, grave=True)
    mark = mark_provision_status(
        version,
        by=by,
        provision_uid=body.provision,
        kind=ActKind(body.kind),
        pending=[code.strip().upper() for code in body.pending],
    )
    return Status(
        201,
        {
            "document": version.document.slug,
            "version": version.number,
            "provision": mark.provision_uid,
            "kind": mark.kind,
            "pending": mark.pending,
            "text_hash": mark.text_hash,
            "recorded_at": mark.recorded_at,
        },
    )


class ProvenanceVersionOut(Schema):
    version: int
    label: str
    issued_at: datetime
    provision_label: str | None
    text: str | None
    changed: bool


class ProvenanceFateOut(Schema):
    revision: str
    kind: str


class ProvenanceProposalOut(Schema):
    id: int
    version: int
    delegation: str
    delegation_name: str
    on_behalf_of: str | None
    wording: str
    status: str
    submitted_at: datetime
    fates: list[ProvenanceFateOut]


class ProvenanceMarkOut(Schema):
    version: int
    kind: str
    pending: list[str]
    text_hash: str
    recorded_at: datetime


class ProvenanceExplanationOut(Schema):
    delegation: str
    text: str


class ProvenanceAdoptionOut(Schema):
    version: int
    decided_at: datetime
    text_hash: str | None
    covered: bool
    disassociated: list[str]
    explanations: list[ProvenanceExplanationOut]


class ProvenanceOut(Schema):
    document: str
    provision: str
    label: str
    text: str
    zero_draft: str | None
    versions: list[ProvenanceVersionOut]
    proposals: list[ProvenanceProposalOut]
    marks: list[ProvenanceMarkOut]
    adoption: ProvenanceAdoptionOut


@router.get(
    "/processes/{process}/documents/{document}/provisions/{uid}/provenance",
    response={200: ProvenanceOut, **errors(*READ)},
)
def get_provenance(request: HttpRequest, process: str, document: str, uid: str) -> object:
    """How a provision of an adopted document came to be: its text in every version from the
    zero draft, the proposals made on it (attributed, with their fates), the Chair's marks,
    and the adoption that covered it with the disassociations and explanations of position.
    404 while the document is not adopted."""
    found = get_object_or_404(
        models.Document, process=visible_process(request, process), slug=document
    )
    story = queries.provenance(found, uid)
    if story is None:
        raise Http404
    adoption = story.adoption
    return {
        "document": found.slug,
        "provision": uid,
        "label": story.provision.label,
        "text": story.provision.text,
        "zero_draft": story.zero_draft.text,
        "versions": [
            {
                "version": v.version.number,
                "label": v.version.label,
                "issued_at": v.version.issued_at,
                "provision_label": v.label,
                "text": v.text,
                "changed": v.changed,
            }
            for v in story.versions
        ],
        "proposals": [
            {
                "id": p.pk,
                "version": p.version.number,
                "delegation": p.delegation.code,
                "delegation_name": p.delegation.name,
                "on_behalf_of": p.on_behalf_of.code if p.on_behalf_of else None,
                "wording": p.wording,
                "status": p.status,
                "submitted_at": p.submitted_at,
                "fates": [{"revision": f.revision.label, "kind": f.kind} for f in p.fates.all()],
            }
            for p in story.proposals
        ],
        "marks": [
            {
                "version": m.mark.version.number,
                "kind": m.mark.kind,
                "pending": m.mark.pending,
                "text_hash": m.mark.text_hash,
                "recorded_at": m.mark.recorded_at,
            }
            for m in story.marks
        ],
        "adoption": {
            "version": adoption.version.number,
            "decided_at": adoption.decided_at,
            "text_hash": adoption.provision_hashes.get(uid),
            "covered": story.covered,
            "disassociated": story.disassociated_codes,
            "explanations": [
                {"delegation": e.delegation.code, "text": e.text} for e in story.explanations
            ],
        },
    }
