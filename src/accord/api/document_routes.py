"""Documents in and out through the API: exports of any view, imports of a Word draft."""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from accord.actions.imports import import_draft, import_revision, read_draft
from accord.api import schemas
from accord.api.auth import AUTH, writer
from accord.api.lookups import ERRORS, visible_process, visible_version
from accord.document_words import translated_words
from accord.documents.errors import FileTooLarge
from accord.documents.model import Format, ImportedDraft, View
from accord.documents.safezip import MAX_FILE_BYTES
from accord.store import exports, queries

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


@router.get(f"{_VERSION}/export", response={200: None, **ERRORS})
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
    a redline."""
    version = visible_version(request, process, document, number)
    older = visible_version(request, process, document, against) if against is not None else None
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
    response={200: ImportPreviewOut, 201: ImportedOut, **ERRORS},
    auth=AUTH,
)
def import_document(
    request: HttpRequest,
    process: str,
    file: File[UploadedFile],
    slug: Form[str],
    label: Form[str],
    symbol: Form[str] = "",
    preview: Form[bool] = False,
) -> Status[dict[str, object]]:
    """Import a Word (.docx) or Akoma Ntoso (.xml) draft; ``preview`` shows what would be
    stored and stores nothing. When ``slug`` names a document that exists, the file becomes
    its next revision, with a fate for every open proposal (refused, naming them, when a
    proposal would vanish)."""
    by = writer(request)
    found = visible_process(request, process)
    if file.size is not None and file.size > MAX_FILE_BYTES:
        raise FileTooLarge(size=file.size, limit=MAX_FILE_BYTES)
    data = file.read()
    fmt = Format.AKN if (file.name or "").lower().endswith(".xml") else Format.DOCX
    document = found.documents.filter(slug=slug).first()
    if preview:
        draft = read_draft(data, fmt)
        current = queries.current_version(document) if document is not None else None
        return Status(200, {**_preview(draft), "revision_of": current and current.label})
    if document is not None:
        version = import_revision(
            document, by=by, label=label, data=data, fmt=fmt, filename=file.name or ""
        )
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
