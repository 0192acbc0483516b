"""Setting up a process: a staff user creates it and becomes its Secretariat."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accord.actions.processes import may_create_processes, set_up_process
from accord.core.decisions import DecisionRule, StakeholderModality
from accord.core.errors import Refusal
from accord.web.setup_forms import ALL_MEMBERS, ProcessForm, codes
from accord.web.views import signed_in
from accord.words.refusals import explain


@login_required
@require_http_methods(["GET", "POST"])
def new_process(request: HttpRequest) -> HttpResponse:
    if not may_create_processes(signed_in(request)):
        raise Http404(_("Only staff of this instance set up processes."))
    form = ProcessForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            process = set_up_process(
                by=signed_in(request),
                slug=data["slug"],
                title=data["title"],
                is_public=data["visibility"] == "public",
                decision_rule=DecisionRule(data["decision_rule"]),
                silence_minimum_hours=data["silence_minimum_hours"],
                stakeholder_modality=StakeholderModality(data["stakeholder_modality"]),
                proposals_under_silence=data["proposals_under_silence"],
                delegates_second_factor=data["delegates_second_factor"],
                convergence_audience=data["convergence_audience"],
                members=None if data["member_scope"] == ALL_MEMBERS else codes(data["members"]),
                observers=codes(data["observers"]),
            )
        except Refusal as refusal:
            form.add_error(None, explain(refusal))
        else:
            messages.success(
                request,
                _("“%(title)s” was set up; you are its Secretariat.") % {"title": process.title},
            )
            return redirect("web:process", process.slug)
    return render(
        request, "accord/new_process.html", {"form": form}, status=400 if form.errors else 200
    )
