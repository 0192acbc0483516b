"""Who takes part: the delegations of a process and, for the Secretariat, its accredited people."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accord.actions.processes import accredit_person, withdraw_accreditation
from accord.core.errors import Refusal
from accord.core.participants import Role
from accord.store import models, queries
from accord.store.models import ROLE_LABELS
from accord.web.forms import AccreditationForm
from accord.web.views import signed_in, visible_process
from accord.words.refusals import explain


def _form(request: HttpRequest, process: models.Process) -> AccreditationForm:
    delegations = [
        (d.code, d.name) for kind in queries.participants(process).values() for d in kind
    ]
    return AccreditationForm(
        request.POST or None,
        # Most people accredited are delegates: the form starts there, never on the Chair.
        initial={"role": Role.DELEGATE.value},
        roles=[(r.value, str(ROLE_LABELS[r])) for r in Role if r is not Role.PUBLIC],
        delegations=sorted(delegations, key=lambda pair: pair[1]),
        groups=list(models.Group.objects.order_by("name").values_list("code", "name")),
    )


@require_http_methods(["GET", "POST"])
def participants(request: HttpRequest, process: str) -> HttpResponse:
    found = visible_process(request, process)
    administers = queries.may_administer(request.user, found)
    if request.method == "POST" and not administers:
        raise Http404(_("Only the Secretariat accredits."))
    form = _form(request, found) if administers else None
    if form is not None and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            accredit_person(
                found,
                by=signed_in(request),
                **{**data, "role": Role(data["role"]), "delegation": data["delegation"] or None},
            )
        except Refusal as refusal:
            form.add_error(None, explain(refusal))
        else:
            messages.success(request, _("%(user)s was accredited.") % {"user": data["username"]})
            return redirect("web:participants", found.slug)
    context = {
        "process": found,
        "participants": queries.participants(found),
        "accreditations": queries.accreditations(found) if administers else None,
        "form": form,
    }
    return render(
        request, "accord/participants.html", context, status=400 if form and form.errors else 200
    )


@login_required
@require_POST
def withdraw(request: HttpRequest, process: str, username: str) -> HttpResponse:
    """The Secretariat withdraws a person's accreditation."""
    found = visible_process(request, process)
    try:
        withdraw_accreditation(found, by=signed_in(request), username=username)
    except Refusal as refusal:
        messages.error(request, explain(refusal))
    else:
        messages.success(
            request, _("The accreditation of %(user)s was withdrawn.") % {"user": username}
        )
    return redirect("web:participants", found.slug)
