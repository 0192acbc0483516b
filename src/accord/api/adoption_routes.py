"""Adoption through the API: the record of a decision, the Chair recording it, and the
delegations' explanations of position after it."""

from datetime import datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from accord.actions.adoption import deliver_explanation, record_adoption
from accord.api.auth import AUTH, writer
from accord.api.lookups import ERRORS, version_to_change, visible_process
from accord.store import models

router = Router(tags=["adoption"])


class ExplanationOut(Schema):
    delegation: str
    delegation_name: str
    text: str


class AdoptionOut(Schema):
    document: str
    version: int
    adopted: bool
    method: str
    decided_at: datetime
    objections: list[str]
    disassociations: dict[str, list[str]]
    provision_hashes: dict[str, str]
    explanations: list[ExplanationOut]


class AdoptionIn(Schema):
    objections: list[str] = []
    disassociations: dict[str, list[str]] = {}
    explanations: dict[str, str] = {}


class ExplanationIn(Schema):
    text: str


def _adoption(adoption: models.Adoption) -> dict[str, object]:
    return {
        "document": adoption.version.document.slug,
        "version": adoption.version.number,
        "adopted": adoption.adopted,
        "method": adoption.method,
        "decided_at": adoption.decided_at,
        "objections": adoption.objections,
        "disassociations": adoption.disassociations,
        "provision_hashes": adoption.provision_hashes,
        "explanations": [
            {"delegation": e.delegation.code, "delegation_name": e.delegation.name, "text": e.text}
            for e in adoption.explanations.all()
        ],
    }


@router.get(
    "/processes/{process}/documents/{document}/adoptions",
    response={200: list[AdoptionOut], **ERRORS},
)
def list_adoptions(request: HttpRequest, process: str, document: str) -> list[dict[str, object]]:
    """Every outcome recorded on the document, oldest first: adopted or not, how (at a
    meeting by consensus, or by silence procedure), the provision hashes the adoption binds,
    the disassociations and the explanations of position (national views, attributed)."""
    found = get_object_or_404(
        models.Document, process=visible_process(request, process), slug=document
    )
    adoptions = (
        models.Adoption.objects.filter(version__document=found)
        .select_related("version__document")
        .prefetch_related("explanations__delegation")
        .order_by("decided_at", "id")
    )
    return [_adoption(a) for a in adoptions]


@router.post(
    "/processes/{process}/documents/{document}/versions/{number}/adoptions",
    response={201: AdoptionOut, **ERRORS},
    auth=AUTH,
)
def create_adoption(
    request: HttpRequest, process: str, document: str, number: int, body: AdoptionIn
) -> Status[dict[str, object]]:
    """The Chair records the outcome on the current version: the members objecting (none:
    adopted by consensus), disassociations from provisions (uids) and explanations. With
    If-Match carrying the version's ETag it is refused with 412 if the text changed."""
    by = writer(request)
    version = version_to_change(request, process, document, number)
    adoption = record_adoption(
        version,
        by=by,
        objections=[code.strip().upper() for code in body.objections],
        disassociations={code.upper(): uids for code, uids in body.disassociations.items()},
        explanations={code.upper(): text for code, text in body.explanations.items()},
    )
    return Status(201, _adoption(adoption))


@router.post(
    "/processes/{process}/documents/{document}/explanations",
    response={201: ExplanationOut, **ERRORS},
    auth=AUTH,
)
def create_explanation(
    request: HttpRequest, process: str, document: str, body: ExplanationIn
) -> Status[dict[str, object]]:
    """Your delegation's explanation of position after the document's adoption (once)."""
    by = writer(request)
    found = get_object_or_404(
        models.Document, process=visible_process(request, process), slug=document
    )
    explanation = deliver_explanation(found, by=by, text=body.text)
    return Status(
        201,
        {
            "delegation": explanation.delegation.code,
            "delegation_name": explanation.delegation.name,
            "text": explanation.text,
        },
    )
