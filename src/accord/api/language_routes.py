"""Language versions through the API: list, read, add (by provision or from a Word file) and
export a version in another official language."""

from django.http import Http404, HttpRequest, HttpResponse
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile

from accord.actions.language_versions import add_language_version, import_language_version
from accord.api import contract
from accord.api.auth import AUTH, writer
from accord.api.contract import TYPED_READ, WRITE, errors
from accord.api.lookups import visible_version
from accord.api.schemas import StrictSchema, example
from accord.api.throttling import COSTLY
from accord.core.language_versions import LANGUAGES
from accord.documents.errors import FileTooLarge
from accord.documents.model import Format, View
from accord.documents.safezip import MAX_FILE_BYTES
from accord.store import queries
from accord.store.exports import NoSuchView
from accord.store.language_exports import export_language_version
from accord.words.documents import words_in

router = Router(tags=["documents"])

_LANGUAGES = "/processes/{process}/documents/{document}/versions/{number}/languages"


class LanguageVersionOut(Schema):
    """A version in another language: where its translation was added (``added_to``, an
    earlier version's number when a revision carried it), and the uids of the provisions
    out of date (a revision changed them since) or not yet translated."""

    language: str
    direction: str
    title: str
    added_to: int
    added_at: str
    content_hash: str
    out_of_date: list[str]


class ParallelProvisionOut(Schema):
    """A provision of the original beside its translation; ``state`` is ``current``,
    ``out-of-date`` or ``missing`` (then ``text`` is empty)."""

    uid: str
    kind: str
    label: str
    original: str
    text: str
    state: str


class LanguageTextOut(LanguageVersionOut):
    provisions: list[ParallelProvisionOut]


class LanguageVersionIn(StrictSchema):
    """The title and every provision's text in the language, by uid."""

    model_config = example(
        title="Rapport du groupe de travail",
        provisions={"s-a": "Introduction", "p1": "Le Groupe de travail a tenu trois sessions."},
    )

    title: str
    provisions: dict[str, str]


def _summary(text: queries.LanguageText) -> dict[str, object]:
    return {
        "language": text.language,
        "direction": text.direction,
        "title": text.title,
        "added_to": text.row.version.number,
        "added_at": text.row.added_at.isoformat(),
        "content_hash": text.row.content_hash,
        "out_of_date": list(text.stale),
    }


def _whole(text: queries.LanguageText) -> dict[str, object]:
    provisions = [
        {
            "uid": line.original.uid,
            "kind": line.original.kind.value,
            "label": line.original.label,
            "original": line.original.text,
            "text": line.text,
            "state": line.state.value,
        }
        for line in text.lines
    ]
    return {**_summary(text), "provisions": provisions}


def _text(
    request: HttpRequest, process: str, document: str, number: int, language: str
) -> queries.LanguageText:
    version = visible_version(request, process, document, number)
    found = queries.language_text(version, language) if language in LANGUAGES else None
    if found is None:
        raise Http404
    return found


@router.get(_LANGUAGES, response={200: list[LanguageVersionOut], **errors(*TYPED_READ)})
def list_language_versions(
    request: HttpRequest, process: str, document: str, number: int
) -> list[dict[str, object]]:
    """The languages the version carries, each with what is out of date."""
    version = visible_version(request, process, document, number)
    return [_summary(text) for text in queries.language_texts(version)]


@router.get(f"{_LANGUAGES}/{{language}}", response={200: LanguageTextOut, **errors(*TYPED_READ)})
def read_language_version(
    request: HttpRequest, process: str, document: str, number: int, language: str
) -> dict[str, object]:
    """The version in ``language``, provision by provision beside the original."""
    return _whole(_text(request, process, document, number, language))


@router.post(
    f"{_LANGUAGES}/{{language}}",
    response={201: LanguageTextOut, **errors(*WRITE)},
    auth=AUTH,
)
def add_language(
    request: HttpRequest,
    process: str,
    document: str,
    number: int,
    language: str,
    body: LanguageVersionIn,
) -> Status[dict[str, object]]:
    """Add (or replace) the version in ``language``, every provision's text by uid (the
    Secretariat only). Recorded in the signed record."""
    by = writer(request)
    version = visible_version(request, process, document, number)
    add_language_version(version, by=by, language=language, title=body.title, texts=body.provisions)
    return Status(201, _whole(_text(request, process, document, number, language)))


@router.post(
    f"{_LANGUAGES}/{{language}}/import",
    response={201: LanguageTextOut, **errors(*WRITE)},
    auth=AUTH,
    throttle=COSTLY,
)
def import_language(
    request: HttpRequest,
    process: str,
    document: str,
    number: int,
    language: str,
    file: File[UploadedFile],
) -> Status[dict[str, object]]:
    """Add the version in ``language`` from a Word (.docx) or Akoma Ntoso (.xml) file whose
    numbering follows the original's (the Secretariat only); a file that does not is refused
    (422) and nothing is stored."""
    by = writer(request)
    version = visible_version(request, process, document, number)
    if file.size is not None and file.size > MAX_FILE_BYTES:
        raise FileTooLarge(size=file.size, limit=MAX_FILE_BYTES)
    fmt = Format.AKN if (file.name or "").lower().endswith(".xml") else Format.DOCX
    import_language_version(
        version, by=by, language=language, data=file.read(), fmt=fmt, filename=file.name or ""
    )
    return Status(201, _whole(_text(request, process, document, number, language)))


@router.get(
    f"{_LANGUAGES}/{{language}}/export",
    response={200: None, **errors(*TYPED_READ)},
    throttle=COSTLY,
    openapi_extra=contract.file_answer(),
)
def export_language(
    request: HttpRequest,
    process: str,
    document: str,
    number: int,
    language: str,
    format: Format = Format.DOCX,
) -> HttpResponse:
    """The version's clean text in ``language``, as a file in any format."""
    version = visible_version(request, process, document, number)
    if language not in LANGUAGES:
        raise Http404
    try:
        exported = export_language_version(
            version, language, View.CLEAN, format, words_in(language)
        )
    except NoSuchView:
        raise Http404 from None
    response = HttpResponse(exported.content, content_type=exported.media_type)
    response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
    return response
