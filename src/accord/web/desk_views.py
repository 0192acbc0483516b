"""A person's desk for a process: what changed since their last visit and what awaits them."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from accord.actions.desk import note_desk_visit
from accord.store import queries
from accord.web.context import fields_of
from accord.web.event_labels import concerning, event_label
from accord.web.views import signed_in, visible_process


@login_required
def desk(request: HttpRequest, process: str) -> HttpResponse:
    found = visible_process(request, process)
    user = signed_in(request)
    accredited = queries.accreditation(user, found)
    if accredited is None:
        raise Http404(_("The desk is for people accredited to this process."))
    shown = queries.desk(user, found)
    # Seen from now on: the next visit counts from the newest event shown here.
    note_desk_visit(user, found, seen_seq=shown.latest_seq)
    names = queries.event_names(found, list(shown.changes))
    context = fields_of(shown) | {
        "process": found,
        "accreditation": accredited,
        "changes": [
            (event, event_label(event.kind), *concerning(event, names)) for event in shown.changes
        ],
    }
    return render(request, "accord/desk.html", context)
