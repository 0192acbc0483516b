"""A process's history: every event of its record, newest first, said in words."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from accord.store import models, queries
from accord.web.event_labels import concerning, event_label
from accord.web.views import visible_process
from accord.words.outcomes import outcome_words

PAGE = 100


def _label(event: models.Event, names: queries.EventNames) -> str:
    """The event in words; an adoption recorded says its outcome and who objected, a silence
    procedure closed whether it passed and who broke it."""
    label = event_label(event.kind)
    payload = event.payload
    if event.kind == "silence.closed" and payload.get("outcome") == "adopted":
        return _("%(label)s: passed, the text is adopted") % {"label": label}
    if event.kind == "silence.closed" and payload.get("outcome") == "broken":
        breaking = [names.delegations.get(c, c) for c in payload.get("broken_by", ())]
        return _("%(label)s: broken by %(delegations)s, not adopted") % {
            "label": label,
            "delegations": ", ".join(breaking),
        }
    if event.kind == "silence.withdrawn":
        return _("%(label)s: “%(reason)s”") % {"label": label, "reason": payload.get("reason", "")}
    if event.kind != "adoption.recorded":
        return label
    outcome = outcome_words(
        adopted=payload["adopted"],
        method="vote" if "ballots" in payload else "consensus",
        objecting=[names.delegations.get(code, code) for code in payload.get("blocking", ())],
        vote=payload if "ballots" in payload else None,
    )
    return f"{label}: {outcome}"


def history(request: HttpRequest, process: str) -> HttpResponse:
    found = visible_process(request, process)
    before = request.GET.get("before", "")
    events = queries.process_events(found, before=int(before) if before.isdigit() else None)
    shown = events[:PAGE]
    names = queries.event_names(found, shown)
    rows = [(event, _label(event, names), *concerning(event, names)) for event in shown]
    older = events[PAGE - 1].seq if len(events) > PAGE else None
    return render(request, "accord/history.html", {"process": found, "rows": rows, "older": older})
