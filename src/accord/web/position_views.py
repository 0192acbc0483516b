"""Positions: a delegation states where it stands on a paragraph; the board shows them all."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accord.actions.positions import record_position
from accord.core.errors import Refusal, UnknownProvision
from accord.core.positions import Stance
from accord.store import queries
from accord.web.context import fields_of, kept_part
from accord.web.forms import PositionForm
from accord.web.views import signed_in, visible_version
from accord.words.refusals import explain


@login_required
@require_http_methods(["GET", "POST"])
def position(
    request: HttpRequest, process: str, document: str, number: int, uid: str
) -> HttpResponse:
    found = visible_version(request, process, document, number)
    try:
        provision = queries.version_value(found).provision(uid)
    except UnknownProvision:
        raise Http404(_("No such paragraph.")) from None
    form = PositionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            record_position(
                found,
                by=signed_in(request),
                provision_uid=uid,
                stance=Stance(form.cleaned_data["stance"]),
                note=form.cleaned_data["note"],
            )
        except Refusal as refusal:
            form.add_error(None, explain(refusal))
        else:
            messages.success(
                request,
                _("Your position on paragraph %(label)s was recorded.")
                % {"label": provision.label},
            )
            url = reverse("web:version", args=[process, document, number])
            return redirect(f"{url}#{uid}")
    context = {"version": found, "provision": provision, "form": form}
    return render(request, "accord/position.html", context, status=400 if form.errors else 200)


@login_required
def board(request: HttpRequest, process: str, document: str, number: int) -> HttpResponse:
    """Positions are shared among the accredited, not published."""
    found = visible_version(request, process, document, number)
    reading = queries.reading_of(found, request.user)
    context = fields_of(reading)
    if reading.accreditation is None:
        raise Http404(_("Positions are shown to accredited participants only."))
    # The same for every accredited reader: set once for each position of the record and kept.
    context["part_key"] = kept_part(reading.process, "positions", found.pk)
    context["board"] = queries.positions_board(found, reading.text)
    return render(request, "accord/positions.html", context)
