"""A process's history: every event of its record, newest first, said in words."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from accord.store import models, queries
from accord.web.event_labels import event_label
from accord.web.views import visible_process
from accord.words.outcomes import outcome_words

PAGE = 100
# The events whose payload's label names a version, not a paragraph.
VERSION_EVENTS = frozenset({"draft.published", "draft.imported", "revision.issued"})


def _label(event: models.Event, names: dict[str, str]) -> str:
    """The event in words; an adoption recorded says its outcome and who objected."""
    label = event_label(event.kind)
    if event.kind != "adoption.recorded":
        return label
    payload = event.payload
    outcome = outcome_words(
        adopted=payload["adopted"],
        method="vote" if "ballots" in payload else "consensus",
        objecting=[names.get(code, code) for code in payload.get("blocking", ())],
        vote=payload if "ballots" in payload else None,
    )
    return f"{label}: {outcome}"


def _concerning(event: models.Event) -> str:
    """What the event concerns: a version of a document, a paragraph, or else its subject."""
    label = event.payload.get("label")
    if not label:
        return event.subject
    if event.kind in VERSION_EVENTS:
        return _("%(version)s of %(document)s") % {
            "version": label,
            "document": event.payload["document"],
        }
    return _("paragraph %(label)s") % {"label": label}


def history(request: HttpRequest, process: str) -> HttpResponse:
    found = visible_process(request, process)
    before = request.GET.get("before", "")
    events = queries.process_events(found, before=int(before) if before.isdigit() else None)
    shown = events[:PAGE]
    decided = [e.payload for e in shown if e.kind == "adoption.recorded"]
    names = dict(
        models.Delegation.objects.filter(
            code__in={code for payload in decided for code in payload.get("blocking", ())}
        ).values_list("code", "name")
        if decided
        else ()
    )
    rows = [(event, _label(event, names), _concerning(event)) for event in shown]
    older = events[PAGE - 1].seq if len(events) > PAGE else None
    return render(request, "accord/history.html", {"process": found, "rows": rows, "older": older})
