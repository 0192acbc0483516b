"""Provision status: the Chair's marks, the status board with its progress chart, and the
provenance of adopted provisions."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_http_methods

from accord.actions.status import mark_provision_status
from accord.core.convergence_audience import Audience, may_see
from accord.core.errors import Refusal, UnknownProvision
from accord.core.status import ActKind
from accord.store import models, queries
from accord.web.context import fields_of, kept_part
from accord.web.forms import PICKER, delegation_codes
from accord.web.status_chart import chart
from accord.web.status_marks import KIND_CHOICES
from accord.web.views import signed_in, visible_process, visible_version
from accord.words.refusals import explain


class StatusMarkForm(forms.Form):
    kind = forms.ChoiceField(
        # Translators: a noun: the status the Chair gives a paragraph (agreed ad referendum…).
        label=pgettext_lazy("the Chair's status mark, a noun", "Mark"),
        choices=KIND_CHOICES,
    )
    pending = forms.CharField(
        label=gettext_lazy(
            "Delegations still to confirm (names or codes, separated by commas, e.g. Brazil, FRA)"
        ),
        required=False,
        max_length=2_000,
        widget=PICKER,
    )

    def clean_pending(self) -> list[str]:
        return sorted(delegation_codes(self.cleaned_data["pending"], upper=True))


@login_required
@require_http_methods(["GET", "POST"])
def mark(request: HttpRequest, process: str, document: str, number: int, uid: str) -> HttpResponse:
    """The Chair marks one paragraph (its small form on the version page posts here)."""
    found = visible_version(request, process, document, number)
    try:
        provision = queries.version_value(found).provision(uid)
    except UnknownProvision:
        raise Http404(_("No such paragraph.")) from None
    form = StatusMarkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            mark_provision_status(
                found,
                by=signed_in(request),
                provision_uid=uid,
                kind=ActKind(form.cleaned_data["kind"]),
                pending=form.cleaned_data["pending"],
            )
        except Refusal as refusal:
            form.add_error(None, explain(refusal))
        else:
            messages.success(
                request,
                _("The status of paragraph %(label)s was recorded.") % {"label": provision.label},
            )
            url = reverse("web:version", args=[process, document, number])
            return redirect(f"{url}#{uid}")
    context = {"version": found, "provision": provision, "form": form}
    return render(request, "accord/status_mark.html", context, status=400 if form.errors else 200)


def board(request: HttpRequest, process: str, document: str, number: int) -> HttpResponse:
    """Where every paragraph stands, with counts, and the progress over time."""
    found = visible_version(request, process, document, number)
    reading = queries.reading_of(found, request.user)
    context = fields_of(reading)
    # The paragraphs' table is the same for every reader: set once for each position of the
    # record and kept.
    context["part_key"] = kept_part(reading.process, "status-board", found.pk)
    rows = queries.statuses(found, reading.text)
    context |= fields_of(queries.status_board(rows))
    context["chart"] = chart(queries.progress(found.document))
    audience = Audience(found.document.process.convergence_audience)
    context["sees_convergence"] = may_see(reading.actor, audience)
    return render(request, "accord/status_board.html", context)


def provenance(request: HttpRequest, process: str, document: str, uid: str) -> HttpResponse:
    """How an adopted provision came to be, from the zero draft to its adoption."""
    found = get_object_or_404(
        models.Document, process=visible_process(request, process), slug=document
    )
    story = queries.provenance(found, uid)
    if story is None:
        raise Http404(_("No adopted provision of this document has this identifier."))
    context = {"process": found.process, "document": found} | fields_of(story)
    return render(request, "accord/provenance.html", context)
