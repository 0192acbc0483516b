"""The silence procedure on a version, and stakeholder requests on a non-objection basis."""

from datetime import datetime, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accord.actions.silence import break_silence, launch_silence, withdraw_silence
from accord.actions.stakeholders import object_to_stakeholder, propose_stakeholder
from accord.core.decisions import DecisionRule
from accord.core.errors import Refusal
from accord.core.participants import ParticipantKind, Role
from accord.store import models, queries
from accord.web.context import fields_of
from accord.web.silence_forms import (
    BreakSilenceForm,
    LaunchSilenceForm,
    ObjectionForm,
    StakeholderRequestForm,
    WithdrawSilenceForm,
)
from accord.web.views import signed_in, visible_process, visible_version
from accord.words.refusals import explain


def _earliest(process: models.Process) -> datetime:
    return timezone.now() + timedelta(hours=process.silence_minimum_hours)


@require_http_methods(["GET", "POST"])
def silence(request: HttpRequest, process: str, document: str, number: int) -> HttpResponse:
    """The silence procedures on a version; the Chair launches one here."""
    found = visible_version(request, process, document, number)
    reading = queries.reading_of(found, request.user)
    context = fields_of(reading)
    earliest = _earliest(found.document.process)
    procedures = queries.silence_procedures(found)
    allowed = found.document.process.decision_rule == DecisionRule.CONSENSUS_OR_SILENCE
    may_launch = (
        reading.is_chair
        and allowed
        and reading.is_current
        and not reading.adoption
        and reading.silence is None
    )
    form = LaunchSilenceForm(request.POST or None, earliest=earliest) if may_launch else None
    if request.method == "POST":
        if form is None:
            raise Http404(_("Only the Chair launches a silence procedure, on the current text."))
        if form.is_valid():
            try:
                procedure = launch_silence(
                    found, by=signed_in(request), deadline=form.cleaned_data["deadline"]
                )
            except Refusal as refusal:
                form.add_error("deadline", explain(refusal))
            else:
                messages.success(request, _("The silence procedure was launched."))
                return redirect("web:silence-procedure", process, procedure.pk)
    context |= {
        "view": "silence",
        "procedures": procedures,
        "form": form,
        "earliest": earliest,
        "minimum_hours": found.document.process.silence_minimum_hours,
        "silence_allowed": allowed,
    }
    status = 400 if form is not None and form.errors else 200
    return render(request, "accord/silence.html", context, status=status)


def _procedure(request: HttpRequest, process: str, procedure: int) -> models.SilenceProcedure:
    found_process = visible_process(request, process)
    found = queries.silence_procedure(found_process, procedure)
    if found is None:
        raise Http404(_("No such silence procedure."))
    found.version.document.process = found_process
    return found


@require_http_methods(["GET", "POST"])
def procedure(request: HttpRequest, process: str, procedure: int) -> HttpResponse:
    """One procedure: its state (and when and why it closed), its deadline and time left while
    it runs, and the letters of those who broke silence, each attributed as its delegation's
    national view. Member delegations break it here; the Chair withdraws it here."""
    found = _procedure(request, process, procedure)
    reading = queries.reading_of(found.version, request.user)
    context = fields_of(reading)
    actor = reading.actor
    now = timezone.now()
    is_member = actor.role is Role.DELEGATE and actor.participant_kind is ParticipantKind.MEMBER
    may_break = found.is_running and found.deadline > now
    # A letter posted from a page read before the procedure closed gets the refusal in words.
    form = (
        BreakSilenceForm(request.POST or None, text=reading.text)
        if is_member and (may_break or request.method == "POST")
        else None
    )
    if request.method == "POST":
        if form is None:
            raise Http404(_("Only member delegations break silence, before the deadline."))
        if form.is_valid():
            try:
                break_silence(
                    found,
                    by=signed_in(request),
                    letter=form.cleaned_data["letter"],
                    provisions=form.cleaned_data["provisions"],
                )
            except Refusal as refusal:
                form.add_error(None, explain(refusal))
            else:
                messages.success(request, _("Your delegation broke silence."))
                return redirect("web:silence-procedure", process, found.pk)
    labels = {p.uid: p.label for p in reading.text}
    letters = [
        {"row": b, "labels": [labels.get(uid, uid) for uid in b.provisions]}
        for b in found.breaks.all()
    ]
    context |= {
        "view": "silence",
        "procedure": found,
        "letters": letters,
        "form": form,
        "due": found.is_running and found.deadline <= now,
        "withdraw_form": WithdrawSilenceForm() if reading.is_chair and found.is_running else None,
    }
    status = 400 if form is not None and form.errors else 200
    return render(request, "accord/silence_procedure.html", context, status=status)


@login_required
@require_POST
def withdraw(request: HttpRequest, process: str, procedure: int) -> HttpResponse:
    """The Chair withdraws a running procedure, with the reason."""
    found = _procedure(request, process, procedure)
    form = WithdrawSilenceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the silence procedure is withdrawn."))
        return redirect("web:silence-procedure", process, found.pk)
    try:
        withdraw_silence(found, by=signed_in(request), reason=form.cleaned_data["reason"])
    except Refusal as refusal:
        messages.error(request, explain(refusal))
    else:
        messages.success(request, _("The silence procedure was withdrawn."))
    return redirect("web:silence-procedure", process, found.pk)


@require_http_methods(["GET", "POST"])
def stakeholders(request: HttpRequest, process: str) -> HttpResponse:
    """Stakeholder requests: the Secretariat proposes, member delegations may object."""
    found = visible_process(request, process)
    actor = queries.actor(request.user, found)
    earliest = _earliest(found)
    form = (
        StakeholderRequestForm(request.POST or None, earliest=earliest)
        if actor.role is Role.SECRETARIAT
        else None
    )
    if request.method == "POST":
        if form is None:
            raise Http404(_("Only the Secretariat proposes stakeholders."))
        if form.is_valid():
            data = form.cleaned_data
            user = User.objects.filter(username=data["username"]).first()
            if user is None:
                form.add_error(
                    "username", _("There is no user %(name)s.") % {"name": data["username"]}
                )
            else:
                try:
                    propose_stakeholder(
                        found,
                        by=signed_in(request),
                        organisation=data["organisation"],
                        user=user,
                        deadline=data["deadline"],
                    )
                except Refusal as refusal:
                    form.add_error(None, explain(refusal))
                else:
                    messages.success(request, _("The request was circulated."))
                    return redirect("web:stakeholders", process)
    may_object = actor.role is Role.DELEGATE and actor.participant_kind is ParticipantKind.MEMBER
    context = {
        "process": found,
        "requests": queries.stakeholder_requests(found),
        "form": form,
        "objection_form": ObjectionForm() if may_object else None,
        "earliest": earliest,
        "now": timezone.now(),
        "modality": found.stakeholder_modality,
    }
    status = 400 if form is not None and form.errors else 200
    return render(request, "accord/stakeholders.html", context, status=status)


@login_required
@require_POST
def object_to(request: HttpRequest, process: str, request_id: int) -> HttpResponse:
    """A member delegation objects to a pending stakeholder request."""
    found = visible_process(request, process)
    row = found.stakeholder_requests.filter(pk=request_id).first()
    if row is None:
        raise Http404(_("No such request."))
    form = ObjectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("An objection needs its reason."))
        return redirect("web:stakeholders", process)
    try:
        object_to_stakeholder(row, by=signed_in(request), reason=form.cleaned_data["reason"])
    except Refusal as refusal:
        messages.error(request, explain(refusal))
    else:
        messages.success(request, _("Your delegation's objection was recorded."))
    return redirect("web:stakeholders", process)
