"""Documents in and out through the API: exports of any view, imports of a Word draft."""

from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from accord.actions.export_jobs import request_export
from accord.actions.imports import import_draft, import_revision, parse_fates, preview_import
from accord.api import contract, schemas
from accord.api.auth import AUTH, writer
from accord.api.contract import TYPED_READ, WRITE, errors
from accord.api.lookups import visible_process, visible_version
from accord.api.problems import Problem
from accord.api.throttling import COSTLY
from accord.documents.errors import FileTooLarge
from accord.documents.model import Format, ImportedDraft, View
from accord.documents.safezip import MAX_FILE_BYTES
from accord.store import exports, models, queries
from accord.words.documents import translated_words

router = Router(tags=["documents"])


class NoticeOut(Schema):
    kind: str
    where: str
    detail: str


class ImportPreviewOut(Schema):
    """What an import would store: the recognised provisions and what to check."""

    title: str
    symbol: str
    footnotes: int
    notices: list[NoticeOut]
    provisions: list[schemas.ProvisionOut]
    revision_of: str | None = None
    """The label of the current version the file would revise, when ``slug`` names a
    document that exists; null for a new document."""


class ImportedOut(Schema):
    document: str
    number: int
    label: str
    provisions: int


def _preview(draft: ImportedDraft) -> dict[str, object]:
    return {
        "title": draft.version.title,
        "symbol": draft.symbol,
        "footnotes": draft.footnotes,
        "notices": [{"kind": n.kind, "where": n.where, "detail": n.detail} for n in draft.notices],
        "provisions": [schemas.provision_body(p) for p in draft.version],
    }


_VERSION = "/processes/{process}/documents/{document}/versions/{number}"


@router.get(
    f"{_VERSION}/export",
    response={200: None, **errors(*TYPED_READ)},
    throttle=COSTLY,
    openapi_extra=contract.file_answer(),
)
def export_version(
    request: HttpRequest,
    process: str,
    document: str,
    number: int,
    view: View = View.CLEAN,
    format: Format = Format.DOCX,
    against: int | None = None,
) -> HttpResponse:
    """The version in one view and format, as a file; ``against`` names the older version of
    a redline (by default the previous one; the first version has no redline: 404)."""
    version = visible_version(request, process, document, number)
    older = _older(request, process, document, version, view, against)
    try:
        exported = exports.export_view(
            version, view, format, against=older, words=translated_words(), chair=_("Chair")
        )
    except exports.NoSuchView:
        raise Http404 from None
    response = HttpResponse(exported.content, content_type=exported.media_type)
    response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
    return response


@router.post(
    "/processes/{process}/imports",
    response={200: ImportPreviewOut, 201: ImportedOut, **errors(*WRITE)},
    auth=AUTH,
    throttle=COSTLY,
)
def import_document(
    request: HttpRequest,
    process: str,
    file: File[UploadedFile],
    slug: Form[str],
    label: Form[str],
    symbol: Form[str] = "",
    preview: Form[bool] = False,
    fates: Form[str] = "",
) -> Status[dict[str, object]]:
    """Import a Word (.docx) or Akoma Ntoso (.xml) draft; ``preview`` shows what would be
    stored and stores nothing. When ``slug`` names a document that exists, the file becomes
    its next revision, with a fate for every open proposal (refused, naming them, when a
    proposal would vanish). ``fates`` records the Chair's fates for a revision, e.g.
    ``12=not-taken-up,13=pending``."""
    by = writer(request)
    found = visible_process(request, process)
    if file.size is not None and file.size > MAX_FILE_BYTES:
        raise FileTooLarge(size=file.size, limit=MAX_FILE_BYTES)
    data = file.read()
    fmt = Format.AKN if (file.name or "").lower().endswith(".xml") else Format.DOCX
    document = found.documents.filter(slug=slug).first()
    if preview:
        draft = preview_import(found, by=by, data=data, fmt=fmt)
        current = queries.current_version(document) if document is not None else None
        return Status(200, {**_preview(draft), "revision_of": current and current.label})
    if document is not None:
        try:
            chosen = parse_fates([fates])
        except ValueError as bad:
            raise Problem(
                422,
                "invalid-fates",
                _("Fates read PROPOSAL=FATE, e.g. 12=not-taken-up, not “%(entry)s”.")
                % {"entry": bad},
            ) from None
        version = import_revision(
            document, by=by, label=label, data=data, fmt=fmt, filename=file.name or "",
            fates=chosen,
        )  # fmt: skip
    else:
        version = import_draft(
            found,
            by=by,
            slug=slug,
            label=label,
            symbol=symbol,
            data=data,
            fmt=fmt,
            filename=file.name or "",
        )
    return Status(
        201,
        {
            "document": slug,
            "number": version.number,
            "label": version.label,
            "provisions": version.provisions.count(),
        },
    )


class ExportJobOut(Schema):
    """A file being made in the background: ``done`` of ``total`` parts set; ``file`` is
    where to fetch it once ``status`` is ``done``; ``error`` says why a ``failed`` job failed."""

    id: int
    view: str
    format: str
    status: str
    done: int
    total: int
    error: str
    filename: str
    file: str | None
    requested_at: str
    finished_at: str | None


def _job_body(request: HttpRequest, job: models.ExportJob) -> dict[str, object]:
    version = job.version
    base = (
        f"/api/v1/processes/{version.document.process.slug}/documents/{version.document.slug}"
        f"/versions/{version.number}/export-jobs/{job.pk}"
    )
    return {
        "id": job.pk,
        "view": job.view,
        "format": job.format,
        "status": job.status,
        "done": job.done,
        "total": job.total,
        "error": job.error,
        "filename": job.filename,
        "file": f"{base}/file" if job.status == models.ExportJob.Status.DONE else None,
        "requested_at": job.requested_at.isoformat(),
        "finished_at": job.finished_at.isoformat() if job.finished_at else None,
    }


@router.post(
    f"{_VERSION}/export-jobs", response={202: ExportJobOut, **errors(*TYPED_READ)}, throttle=COSTLY
)
def start_export_job(
    request: HttpRequest,
    process: str,
    document: str,
    number: int,
    view: View = View.COMPILATION,
    format: Format = Format.PDF,
    against: int | None = None,
) -> Status[dict[str, object]]:
    """Start making a file in the background (for a long PDF: the compilation of a large
    negotiation takes a few seconds); follow its progress at the job's address, then fetch
    ``file``. An unfinished job for the same file is reused. Whoever may read the version
    may ask, with or without a token (even a read-only one): an export changes nothing."""
    version = visible_version(request, process, document, number)
    older = _older(request, process, document, version, view, against)
    by = request.user if isinstance(request.user, User) else None
    try:
        job = request_export(version, by=by, view=view, fmt=format, against=older)
    except exports.NoSuchView:
        raise Http404 from None
    return Status(202, _job_body(request, job))


def _older(
    request: HttpRequest,
    process: str,
    document: str,
    version: models.Version,
    view: View,
    against: int | None,
) -> models.Version | None:
    """The version a redline compares with: ``against`` when named, else the previous one."""
    if against is None and view is View.REDLINE:
        previous = exports.previous_version(version)
        against = previous.number if previous is not None else None
    return visible_version(request, process, document, against) if against is not None else None


def _job(
    request: HttpRequest, process: str, document: str, number: int, job: int
) -> models.ExportJob:
    version = visible_version(request, process, document, number)
    found = (
        models.ExportJob.objects.defer("content")
        .select_related("version__document__process")
        .filter(pk=job, version=version)
        .first()
    )
    if found is None:
        raise Http404
    return found


@router.get(f"{_VERSION}/export-jobs/{{job}}", response={200: ExportJobOut, **errors(*TYPED_READ)})
def export_job_status(
    request: HttpRequest, process: str, document: str, number: int, job: int
) -> dict[str, object]:
    """How far the job has got: ``done`` of ``total`` parts, and its status."""
    return _job_body(request, _job(request, process, document, number, job))


@router.get(
    f"{_VERSION}/export-jobs/{{job}}/file",
    response={200: None, **errors(*TYPED_READ, 409)},
    throttle=COSTLY,
    openapi_extra=contract.file_answer(),
)
def export_job_file(
    request: HttpRequest, process: str, document: str, number: int, job: int
) -> HttpResponse:
    """The file, once the job is done (409 before, and after a failure)."""
    found = _job(request, process, document, number, job)
    if found.status != models.ExportJob.Status.DONE:
        raise Problem(
            409,
            "export-not-ready",
            _("This file is not ready: the job is %(status)s.") % {"status": found.status},
        )
    response = HttpResponse(queries.export_job_file(found), content_type=found.media_type)
    response["Content-Disposition"] = f'attachment; filename="{found.filename}"'
    return response
