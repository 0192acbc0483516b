"""A version's language versions: the list (and, for the Secretariat, the import of one from
Word), each side by side with the original, and their downloads."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accord.actions.language_versions import import_language_version
from accord.core.errors import NotPermitted, Refusal
from accord.core.language_versions import LANGUAGES, NATIVE_NAMES
from accord.core.participants import Reason, Role
from accord.documents.errors import FileTooLarge
from accord.documents.model import Format, View
from accord.documents.safezip import MAX_FILE_BYTES
from accord.store import models, queries
from accord.store.exports import NoSuchView
from accord.store.language_exports import export_language_version
from accord.web.context import fields_of, language_link
from accord.web.import_forms import LanguageVersionForm
from accord.web.uploads import TOO_LARGE
from accord.web.views import signed_in, visible_version
from accord.words.documents import words_in
from accord.words.refusals import explain


def _is_secretariat(request: HttpRequest, version: models.Version) -> bool:
    return queries.actor(request.user, version.document.process).role is Role.SECRETARIAT


@require_http_methods(["GET", "POST"])
def languages(request: HttpRequest, process: str, document: str, number: int) -> HttpResponse:
    """The language versions ``number`` carries, what is out of date in each, and for the
    Secretariat the import of one from a Word file."""
    found = visible_version(request, process, document, number)
    context = fields_of(queries.reading_of(found, request.user))
    secretariat = _is_secretariat(request, found)
    choices = [(c, NATIVE_NAMES[c]) for c in LANGUAGES if c != found.document.language]
    form = LanguageVersionForm(request.POST or None, request.FILES or None, languages=choices)
    status = 200
    if request.method == "POST" and not secretariat:
        status = 403
        form.add_error(None, explain(NotPermitted(Reason.NOT_SECRETARIAT)))
    elif getattr(request, TOO_LARGE, False):
        size = int(request.META.get("CONTENT_LENGTH") or 0)
        form = LanguageVersionForm(languages=choices)
        form.add_error(None, explain(FileTooLarge(size, MAX_FILE_BYTES)))
        status = 413
    elif request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        language = form.cleaned_data["language"]
        fmt = Format.AKN if upload.name.lower().endswith(".xml") else Format.DOCX
        try:
            import_language_version(
                found,
                by=signed_in(request),
                language=language,
                data=upload.read(),
                fmt=fmt,
                filename=upload.name,
            )
        except Refusal as refusal:
            form.add_error("file", explain(refusal))
        else:
            return redirect("web:side-by-side", process, document, number, language)
    if form.errors and status == 200:
        status = 400
    context |= {
        "view": "languages",
        "original": language_link(found.document.language),
        "texts": [{**language_link(t.language), "text": t} for t in queries.language_texts(found)],
        "form": form if secretariat else None,
    }
    return render(request, "accord/languages.html", context, status=status)


def side_by_side(
    request: HttpRequest, process: str, document: str, number: int, language: str
) -> HttpResponse:
    """The original and ``language`` paragraph by paragraph, out-of-date ones marked."""
    found = visible_version(request, process, document, number)
    text = queries.language_text(found, language) if language in LANGUAGES else None
    if text is None:
        raise Http404(_("No such language version."))
    context = fields_of(queries.reading_of(found, request.user))
    context |= {
        "view": "languages",
        "original": language_link(found.document.language),
        "language": language_link(language),
        "text": text,
    }
    return render(request, "accord/side_by_side.html", context)


def download(
    request: HttpRequest, process: str, document: str, number: int, language: str, fmt: str
) -> HttpResponse:
    found = visible_version(request, process, document, number)
    if fmt not in Format or language not in LANGUAGES:
        raise Http404
    try:
        exported = export_language_version(
            found, language, View.CLEAN, Format(fmt), words_in(language)
        )
    except NoSuchView:
        raise Http404 from None
    response = HttpResponse(exported.content, content_type=exported.media_type)
    response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
    return response
