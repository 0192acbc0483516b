"""A process's history: every event of its record, newest first, said in words."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accord.store import queries
from accord.web.event_labels import event_label
from accord.web.views import visible_process

PAGE = 100


def history(request: HttpRequest, process: str) -> HttpResponse:
    found = visible_process(request, process)
    before = request.GET.get("before", "")
    events = queries.process_events(found, before=int(before) if before.isdigit() else None)
    rows = [(event, event_label(event.kind)) for event in events[:PAGE]]
    older = events[PAGE - 1].seq if len(events) > PAGE else None
    return render(request, "accord/history.html", {"process": found, "rows": rows, "older": older})
