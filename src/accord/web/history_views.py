"""A process's history: every event of its record, newest first, said in words."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from accord.store import queries
from accord.web.views import visible_process

PAGE = 100

EVENT_LABELS = {
    "process.created": _("Process created"),
    "participants.admitted": _("Participants admitted"),
    "accreditation.granted": _("Accreditation granted"),
    "draft.published": _("Draft published"),
    "proposal.submitted": _("Proposal submitted"),
}


def history(request: HttpRequest, process: str) -> HttpResponse:
    found = visible_process(request, process)
    before = request.GET.get("before", "")
    events = queries.process_events(found, before=int(before) if before.isdigit() else None)
    rows = [(event, EVENT_LABELS.get(event.kind, event.kind)) for event in events[:PAGE]]
    older = events[PAGE - 1].seq if len(events) > PAGE else None
    return render(request, "accord/history.html", {"process": found, "rows": rows, "older": older})
