"""The Chair's adoption desk: the outcome when the Chair asked for objections."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accord.actions.adoption import deliver_explanation, record_adoption, record_vote
from accord.core.decisions import DecisionRule
from accord.core.errors import Refusal
from accord.core.participants import Role
from accord.store import models, queries
from accord.web.context import fields_of
from accord.web.forms import AdoptionForm, ExplanationForm, VoteForm
from accord.web.signin_views import recent_sign_in_required
from accord.web.views import signed_in, visible_process, visible_version
from accord.words.outcomes import adoption_words
from accord.words.refusals import explain


@login_required
@require_http_methods(["GET", "POST"])
@recent_sign_in_required()
def adoption(request: HttpRequest, process: str, document: str, number: int) -> HttpResponse:
    """The Chair records the outcome: by consensus, or by a recorded vote where the rules of
    procedure decide by vote; first the matters outstanding, which the Chair confirms."""
    found = visible_version(request, process, document, number)
    if queries.actor(request.user, found.document.process).role is not Role.CHAIR:
        raise Http404(_("Only the Chair records an adoption."))
    if DecisionRule(found.document.process.decision_rule).majority is not None:
        return _vote(request, found)
    form = AdoptionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        uid_of = {p.label: p.uid for p in queries.version_value(found)}
        unknown = sorted(
            {
                label
                for labels in data["disassociations"].values()
                for label in labels
                if label not in uid_of
            }
        )
        if unknown:
            form.add_error(
                "disassociations",
                _("No paragraph %(labels)s in this version.") % {"labels": ", ".join(unknown)},
            )
        else:
            said = {
                code: [uid_of[label] for label in labels]
                for code, labels in data["disassociations"].items()
            }
            try:
                record_adoption(
                    found,
                    by=signed_in(request),
                    objections=data["objections"],
                    disassociations=said,
                    explanations=data["explanations"],
                    confirm=data["confirm"],
                )
            except Refusal as refusal:
                form.add_error(None, explain(refusal))
            else:
                return _recorded(request, found)
    context = fields_of(queries.reading_of(found, request.user)) | {
        "form": form,
        "checklist": queries.adoption_checklist(found),
    }
    return render(request, "accord/adoption.html", context, status=400 if form.errors else 200)


def _vote(request: HttpRequest, found: models.Version) -> HttpResponse:
    members = sorted(queries.member_names(found.document.process).items(), key=_by_name)
    form = VoteForm(request.POST if request.method == "POST" else None, members=members)
    if request.method == "POST" and form.is_valid():
        try:
            record_vote(
                found,
                by=signed_in(request),
                ballots=form.ballots(),
                explanations=form.cleaned_data["explanations"],
                confirm=form.cleaned_data["confirm"],
            )
        except Refusal as refusal:
            form.add_error(None, explain(refusal))
        else:
            return _recorded(request, found)
    context = fields_of(queries.reading_of(found, request.user)) | {
        "form": form,
        "checklist": queries.adoption_checklist(found),
        "majority": DecisionRule(found.document.process.decision_rule),
    }
    return render(request, "accord/vote.html", context, status=400 if form.errors else 200)


def _by_name(member: tuple[str, str]) -> str:
    return member[1]


def _recorded(request: HttpRequest, found: models.Version) -> HttpResponse:
    """Say the outcome just recorded, in words, on the version it concerns."""
    latest = queries.outcome_of(found)
    messages.success(request, adoption_words(latest.adoption, latest.objecting))
    return redirect("web:version", found.document.process.slug, found.document.slug, found.number)


def recorded_vote(request: HttpRequest, process: str, document: str, number: int) -> HttpResponse:
    """How each member voted in the recorded votes on a version, with explanations of vote."""
    found = visible_version(request, process, document, number)
    votes = queries.recorded_votes(found)
    if not votes:
        raise Http404(_("No recorded vote was held on this version."))
    context = fields_of(queries.reading_of(found, request.user)) | {"votes": votes}
    return render(request, "accord/recorded_vote.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def explanation(request: HttpRequest, process: str, document: str) -> HttpResponse:
    """A delegation explains its position after the adoption: a national view, attributed."""
    found = get_object_or_404(
        models.Document, process=visible_process(request, process), slug=document
    )
    form = ExplanationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            deliver_explanation(found, by=signed_in(request), text=form.cleaned_data["text"])
        except Refusal as refusal:
            form.add_error(None, explain(refusal))
        else:
            messages.success(request, _("Your explanation of position was delivered."))
            return redirect("web:current-version", process, document)
    context = {"process": found.process, "document": found, "form": form}
    status = 400 if form.errors else 200
    return render(request, "accord/explanation.html", context, status=status)
