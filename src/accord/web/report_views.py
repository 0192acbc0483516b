"""The consensus report: derived from the adoption record, never typed."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from accord.store import models, queries
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
        {"process": found.process, "document": found, **report},
    )
