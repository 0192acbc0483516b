"""The Chair's adoption desk: the outcome when the Chair asked for objections."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accord.actions.adoption import deliver_explanation, record_adoption
from accord.core.errors import Refusal
from accord.core.participants import Role
from accord.messages import explain
from accord.store import models, queries
from accord.web.forms import AdoptionForm, ExplanationForm
from accord.web.views import signed_in, visible_process, visible_version


@login_required
@require_http_methods(["GET", "POST"])
def adoption(request: HttpRequest, process: str, document: str, number: int) -> HttpResponse:
    found = visible_version(request, process, document, number)
    if queries.actor(request.user, found.document.process).role is not Role.CHAIR:
        raise Http404(_("Only the Chair records an adoption."))
    form = AdoptionForm(request.POST or None)
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
                )
            except Refusal as refusal:
                form.add_error(None, explain(refusal))
            else:
                messages.success(request, _("The outcome was recorded."))
                return redirect("web:version", process, document, number)
    context = queries.reading_context(found, request.user) | {"form": form}
    return render(request, "accord/adoption.html", context, status=400 if form.errors else 200)


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
