from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accord.actions.processes import may_create_processes
from accord.actions.proposals import submit_proposal, withdraw_proposal
from accord.core.errors import Refusal
from accord.core.redline_render import notes
from accord.document_words import redline_words
from accord.messages import explain
from accord.store import models, queries
from accord.web.forms import ProposalForm
from accord.web.status_marks import status_context


def visible_process(request: HttpRequest, slug: str) -> models.Process:
    """The process, if the user may read it; a 404 otherwise, so private ones stay unseen."""
    found = queries.visible_process(request.user, slug)
    if found is None:
        raise Http404(_("No such process."))
    return found


def visible_version(
    request: HttpRequest, process: str, document: str, number: int
) -> models.Version:
    found = queries.visible_version(request.user, process, document, number)
    if found is None:
        raise Http404(_("No such version."))
    return found


def signed_in(request: HttpRequest) -> User:
    """The user of a view behind `login_required`."""
    assert isinstance(request.user, User)
    return request.user


def home(request: HttpRequest) -> HttpResponse:
    processes = queries.visible_processes(request.user).prefetch_related("documents")
    context = {
        "processes": processes,
        "may_create_process": isinstance(request.user, User) and may_create_processes(request.user),
    }
    return render(request, "accord/home.html", context)


def process(request: HttpRequest, process: str) -> HttpResponse:
    found = visible_process(request, process)
    context = {
        "process": found,
        "documents": queries.documents_with_current_version(found),
        "may_draft": queries.may_draft(request.user, found),
    }
    return render(request, "accord/process.html", context)


def current_version(request: HttpRequest, process: str, document: str) -> HttpResponse:
    found = get_object_or_404(
        models.Document, process=visible_process(request, process), slug=document
    )
    return redirect("web:version", process, document, queries.current_version(found).number)


def version(request: HttpRequest, process: str, document: str, number: int) -> HttpResponse:
    found = visible_version(request, process, document, number)
    context = queries.reading_context(found, request.user)
    context["positions"] = queries.own_positions(
        found, context["text"], context["actor"].delegation
    )
    context |= status_context(found, context["text"])
    return render(request, "accord/version.html", context)


def compilation(request: HttpRequest, process: str, document: str, number: int) -> HttpResponse:
    found = visible_version(request, process, document, number)
    context = queries.reading_context(found, request.user)
    context["compilation"] = queries.compilation(found, context["text"])
    context["labels"] = queries.revision_labels(found.document)
    return render(request, "accord/compilation.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def propose(
    request: HttpRequest, process: str, document: str, number: int, uid: str
) -> HttpResponse:
    found = visible_version(request, process, document, number)
    text = queries.version_value(found)
    provision = next((p for p in text if p.uid == uid and p.is_amendable), None)
    if provision is None:
        raise Http404(_("No such paragraph."))
    groups = queries.mandates(request.user, found.document.process)
    form = ProposalForm(request.POST or None, initial={"wording": provision.text}, groups=groups)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            submit_proposal(
                found,
                by=signed_in(request),
                provision_uid=uid,
                wording=data["wording"],
                justification=data["justification"],
                on_behalf_of=data["on_behalf_of"] or None,
            )
        except Refusal as refusal:
            form.add_error(None, explain(refusal))
        else:
            messages.success(
                request,
                _("Your proposal on paragraph %(label)s was submitted.")
                % {"label": provision.label},
            )
            return redirect("web:compilation", process, document, number)
    context = {"version": found, "provision": provision, "form": form}
    return render(request, "accord/propose.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["POST"])
def withdraw(
    request: HttpRequest, process: str, document: str, number: int, proposal: int
) -> HttpResponse:
    found = get_object_or_404(
        models.Proposal, pk=proposal, version=visible_version(request, process, document, number)
    )
    try:
        withdraw_proposal(found, by=signed_in(request))
    except Refusal as refusal:
        messages.error(request, explain(refusal))
    else:
        messages.success(request, _("Your proposal was withdrawn."))
    return redirect("web:compilation", process, document, number)


def redline(request: HttpRequest, process: str, document: str, number: int) -> HttpResponse:
    """The version against an earlier one (``?against=N``, by default the one before)."""
    found = visible_version(request, process, document, number)
    context = queries.reading_context(found, request.user)
    earlier = [v for v in context["versions"] if v.number < found.number]
    if not earlier:
        raise Http404(_("The first version has nothing to be compared with."))
    wanted = request.GET.get("against", "")
    against = next((v for v in earlier if str(v.number) == wanted), earlier[-1])
    compared = queries.redline(found, against)
    words = redline_words()
    context |= {
        "against": against,
        "earlier": earlier,
        "redline": compared,
        "entries": [(entry, notes(entry, words)) for entry in compared.entries],
    }
    return render(request, "accord/redline.html", context)
