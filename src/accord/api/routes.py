"""Version 1 of the JSON API."""

from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Status
from ninja.security import django_auth

from accord.actions.proposals import submit_proposal
from accord.api import schemas
from accord.api.check_routes import router as check_router
from accord.core import compilation as cp
from accord.core import proposals as pr
from accord.core import provisions as pv
from accord.core.errors import NotPermitted, Refusal, UnknownProvision, VersionNotCurrent
from accord.messages import explain
from accord.store import models, queries

api = NinjaAPI(title="accord", version="1", urls_namespace="api-v1")
api.add_router("/", check_router)

_STATUS = {NotPermitted: 403, UnknownProvision: 404, VersionNotCurrent: 409}


@api.exception_handler(Refusal)
def refused(request: HttpRequest, refusal: Refusal) -> HttpResponse:
    status = _STATUS.get(type(refusal), 422)
    body = {
        "type": f"urn:accord:problem:{refusal.code}",
        "title": refusal.code,
        "status": status,
        "detail": explain(refusal),
    }
    response = api.create_response(request, body, status=status)
    response["Content-Type"] = "application/problem+json"
    return response


def _signed_in(request: HttpRequest) -> User:
    """The user of an endpoint behind `django_auth`."""
    assert isinstance(request.user, User)
    return request.user


def _version(request: HttpRequest, process: str, document: str, number: int) -> models.Version:
    found = queries.visible_processes(request.user).filter(slug=process).first()
    if found is None:
        raise Http404
    return get_object_or_404(
        models.Version.objects.select_related("document__process"),
        document__process=found,
        document__slug=document,
        number=number,
    )


def _provision(p: pv.Provision) -> dict[str, object]:
    return {
        "uid": p.uid,
        "kind": p.kind.value,
        "label": p.label,
        "text": p.text,
        "parent": p.parent,
        "content_hash": p.content_hash,
    }


def _proposal(p: pr.Proposal) -> dict[str, object]:
    return {
        "id": p.id,
        "provision": p.provision_uid,
        "delegation": p.proponent.delegation,
        "delegation_name": p.proponent.delegation_name,
        "on_behalf_of": p.proponent.group,
        "wording": p.wording,
        "justification": p.justification,
        "status": p.status.value,
        "submitted_at": p.submitted_at,
        "operations": [{"kind": o.kind.value, "old": o.old, "new": o.new} for o in p.amendment.ops],
    }


@api.get("/processes", response=list[schemas.ProcessOut])
def list_processes(request: HttpRequest) -> list[models.Process]:
    return list(queries.visible_processes(request.user))


@api.get("/processes/{process}/documents/{document}/versions/{number}", response=schemas.VersionOut)
def get_version(
    request: HttpRequest, process: str, document: str, number: int
) -> dict[str, object]:
    version = _version(request, process, document, number)
    text = queries.version_value(version)
    return {
        "document": version.document.slug,
        "number": version.number,
        "label": version.label,
        "title": version.title,
        "issued_at": version.issued_at,
        "content_hash": text.content_hash,
        "is_current": queries.current_version(version.document).pk == version.pk,
        "provisions": [_provision(p) for p in text],
    }


@api.get(
    "/processes/{process}/documents/{document}/versions/{number}/compilation",
    response=schemas.CompilationOut,
)
def get_compilation(
    request: HttpRequest, process: str, document: str, number: int
) -> dict[str, object]:
    version = _version(request, process, document, number)
    compiled: cp.Compilation = queries.compilation(version)
    return {
        "document": version.document.slug,
        "version": version.number,
        "entries": [
            {"provision": _provision(e.provision), "proposals": [_proposal(p) for p in e.proposals]}
            for e in compiled.entries
        ],
    }


@api.post(
    "/processes/{process}/documents/{document}/versions/{number}/proposals",
    response={
        201: schemas.ProposalOut,
        403: schemas.Problem,
        404: schemas.Problem,
        409: schemas.Problem,
        422: schemas.Problem,
    },
    auth=django_auth,
)
def create_proposal(
    request: HttpRequest, process: str, document: str, number: int, body: schemas.ProposalIn
) -> Status[dict[str, object]]:
    version = _version(request, process, document, number)
    row = submit_proposal(
        version,
        by=_signed_in(request),
        provision_uid=body.provision,
        wording=body.wording,
        justification=body.justification,
        on_behalf_of=body.on_behalf_of,
    )
    proposal = next(queries.proposal_values(version, ids=[row.pk]))
    return Status(201, _proposal(proposal))
