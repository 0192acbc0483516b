"""The consensus report: derived from the adoption record, never typed."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from accord.store import exports, models, queries
from accord.web.context import fields_of
from accord.web.views import visible_process


def consensus_report(request: HttpRequest, process: str, document: str) -> HttpResponse:
    found = get_object_or_404(
        models.Document, process=visible_process(request, process), slug=document
    )
    report = queries.consensus_report(found)
    if report is None:
        raise Http404(_("This document has not been adopted."))
    return render(
        request,
        "accord/consensus_report.html",
        {"process": found.process, "document": found} | fields_of(report),
    )


def consensus_report_json(request: HttpRequest, process: str, document: str) -> HttpResponse:
    """The consensus report as a JSON file that `accord audit verify --document` checks
    against the published log."""
    found = get_object_or_404(
        models.Document.objects.select_related("process"),
        process=visible_process(request, process),
        slug=document,
    )
    exported = exports.consensus_report_export(found)
    if exported is None:
        raise Http404(_("This document has not been adopted."))
    text, filename = exported
    response = HttpResponse(text, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
