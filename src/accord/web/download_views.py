"""Downloads of a version's views, and the Chair's import of a Word draft."""

import base64
import hashlib

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accord.actions.export_jobs import KEPT_FOR, UNFINISHED, request_export
from accord.actions.imports import import_draft, import_revision, preview_import
from accord.core.errors import ProposalsWithoutFate, Refusal
from accord.core.fates import Fate, FateKind
from accord.core.participants import Role
from accord.documents.errors import FileTooLarge
from accord.documents.model import Format, View
from accord.documents.safezip import MAX_FILE_BYTES
from accord.store import exports, models, queries
from accord.web.import_forms import ConfirmImportForm, ImportForm
from accord.web.uploads import TOO_LARGE
from accord.web.views import signed_in, visible_process, visible_version
from accord.words.documents import translated_words
from accord.words.refusals import explain

_SESSION_KEY = "accord-import"


def _is_long(version: models.Version, view: str, fmt: str) -> bool:
    """A compilation with more provisions and proposals than ``ACCORD_LONG_PDF`` is set in
    several parts and takes long enough to be made in the background."""
    if fmt != Format.PDF or view != View.COMPILATION:
        return False
    count = version.provisions.count() + version.proposals.count()
    return count > settings.ACCORD_LONG_PDF


def download(
    request: HttpRequest, process: str, document: str, number: int, view: str, fmt: str
) -> HttpResponseBase:
    found = visible_version(request, process, document, number)
    if fmt not in Format or view not in View:
        raise Http404
    # The redline a page offers is the one from the version before.
    against = found.document.versions.filter(number=number - 1).first()
    if view == View.REDLINE and against is None:
        raise Http404
    if _is_long(found, view, fmt):
        by = request.user if isinstance(request.user, User) else None
        job = request_export(found, by=by, view=View(view), fmt=Format(fmt), against=against)
        return redirect("web:export-job", process, document, number, job.pk)
    words = translated_words()
    exported = exports.export_view(
        found, View(view), Format(fmt), against=against, words=words, chair=_("Chair")
    )
    response = HttpResponse(exported.content, content_type=exported.media_type)
    response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
    return response


def _drafter_process(request: HttpRequest, slug: str) -> models.Process:
    found = visible_process(request, slug)
    if queries.actor(request.user, found).role not in (Role.CHAIR, Role.SECRETARIAT):
        raise PermissionDenied
    return found


def _format(name: str) -> Format:
    return Format.AKN if name.lower().endswith(".xml") else Format.DOCX


@login_required
@require_http_methods(["GET", "POST"])
def import_page(request: HttpRequest, process: str) -> HttpResponse:
    found = _drafter_process(request, process)
    if request.method == "POST" and "sha256" in request.POST:
        return _confirm(request, found)
    form = ImportForm(request.POST or None, request.FILES or None)
    context: dict[str, object] = {"process": found, "form": form}
    if getattr(request, TOO_LARGE, False):
        size = int(request.META.get("CONTENT_LENGTH") or 0)
        context |= {"form": ImportForm(), "error": explain(FileTooLarge(size, MAX_FILE_BYTES))}
        return render(request, "accord/import.html", context, status=413)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            context["draft"] = preview_import(
                found, by=signed_in(request), data=data, fmt=_format(upload.name)
            )
        except Refusal as refusal:
            form.add_error("file", explain(refusal))
        else:
            context["confirm"] = _remember(request, data, upload.name, form.cleaned_data)
            context["revises"] = _current(found, form.cleaned_data["slug"])
    status = 400 if form.errors else 200
    return render(request, "accord/import.html", context, status=status)


def _current(process: models.Process, slug: str) -> models.Version | None:
    """The current version of the document ``slug`` names, when it exists: the file then
    becomes its next revision."""
    document = process.documents.filter(slug=slug).first()
    return queries.current_version(document) if document is not None else None


def _remember(
    request: HttpRequest, data: bytes, name: str, fields: dict[str, str]
) -> ConfirmImportForm:
    """Keep the previewed file in the session until the Chair confirms or uploads another."""
    sha = hashlib.sha256(data).hexdigest()
    request.session[_SESSION_KEY] = {
        "sha256": sha,
        "name": name,
        "data": base64.b64encode(data).decode("ascii"),
    }
    initial = {"sha256": sha, **{k: fields[k] for k in ("slug", "label", "symbol")}}
    return ConfirmImportForm(initial=initial)


def _confirm(request: HttpRequest, process: models.Process) -> HttpResponse:
    form = ConfirmImportForm(request.POST)
    kept = request.session.get(_SESSION_KEY) or {}
    if not form.is_valid() or kept.get("sha256") != form.cleaned_data["sha256"]:
        return redirect("web:import", process.slug)
    fields = form.cleaned_data
    data, fmt, name = base64.b64decode(kept["data"]), _format(kept["name"]), kept["name"]
    document = process.documents.filter(slug=fields["slug"]).first()
    chosen = {
        int(key.removeprefix("fate-")): Fate(int(key.removeprefix("fate-")), FateKind(value))
        for key, value in request.POST.items()
        if key.startswith("fate-") and key[5:].isdigit() and value in set(FateKind)
    }
    try:
        if document is not None:
            version = import_revision(
                document, by=signed_in(request), label=fields["label"], data=data, fmt=fmt,
                filename=name, fates=chosen,
            )  # fmt: skip
        else:
            version = import_draft(
                process, by=signed_in(request), slug=fields["slug"], label=fields["label"],
                symbol=fields["symbol"], data=data, fmt=fmt, filename=name,
            )  # fmt: skip
    except ProposalsWithoutFate as refusal:
        # The Chair says what the revision does with each, and confirms again.
        context = {
            "process": process,
            "form": ImportForm(),
            "error": explain(refusal),
            "confirm": ConfirmImportForm(initial=fields),
            "vanishing": models.Proposal.objects.filter(pk__in=refusal.proposal_ids)
            .select_related("delegation")
            .order_by("pk"),
        }
        return render(request, "accord/import.html", context, status=400)
    except Refusal as refusal:
        context = {"process": process, "form": ImportForm(), "error": explain(refusal)}
        return render(request, "accord/import.html", context, status=400)
    del request.session[_SESSION_KEY]
    return redirect("web:version", process.slug, version.document.slug, version.number)


def _job(
    request: HttpRequest, process: str, document: str, number: int, job: int
) -> models.ExportJob:
    found = visible_version(request, process, document, number)
    return get_object_or_404(models.ExportJob.objects.defer("content"), pk=job, version=found)


def export_job(
    request: HttpRequest, process: str, document: str, number: int, job: int
) -> HttpResponse:
    """How far a file made in the background has got; it refreshes itself until done."""
    found = _job(request, process, document, number, job)
    context = {
        "job": found,
        "version": found.version,
        "document": found.version.document,
        "process": found.version.document.process,
        "unfinished": found.status in UNFINISHED,
        "kept_days": KEPT_FOR.days,
    }
    return render(request, "accord/export_job.html", context)


def export_file(
    request: HttpRequest, process: str, document: str, number: int, job: int
) -> HttpResponse:
    found = _job(request, process, document, number, job)
    if found.status != models.ExportJob.Status.DONE:
        raise Http404
    response = HttpResponse(queries.export_job_file(found), content_type=found.media_type)
    response["Content-Disposition"] = f'attachment; filename="{found.filename}"'
    return response
