"""Co-sponsorship pages: the proposer invites from the compilation; the invited delegation
answers from its list of invitations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accord.actions.cosponsorship import accept_invitation, decline_invitation, invite_cosponsor
from accord.core.errors import Refusal
from accord.store import models, queries
from accord.web.views import compilation_at, signed_in, visible_process, visible_version
from accord.words.refusals import explain


@login_required
@require_http_methods(["POST"])
def invite(
    request: HttpRequest, process: str, document: str, number: int, proposal: int
) -> HttpResponse:
    found = get_object_or_404(
        models.Proposal,
        pk=proposal,
        version__document=visible_version(request, process, document, number).document,
    )
    invitee = request.POST.get("delegation", "")
    try:
        row = invite_cosponsor(found, by=signed_in(request), invitee=invitee)
    except Refusal as refusal:
        messages.error(request, explain(refusal))
    else:
        messages.success(
            request,
            _("%(delegation)s was invited to co-sponsor your proposal.")
            % {"delegation": row.delegation.name},
        )
    return redirect(compilation_at(found.version, found.provision_uid, found.pk))


@login_required
def invitations(request: HttpRequest, process: str) -> HttpResponse:
    """The invitations to co-sponsor awaiting the answer of the user's delegation."""
    found = visible_process(request, process)
    accredited = queries.accreditation(request.user, found)
    delegation = accredited.delegation if accredited else None
    context = {
        "process": found,
        "delegation": delegation,
        "invitations": queries.pending_invitations(found, delegation.code if delegation else None),
    }
    return render(request, "accord/invitations.html", context)


@login_required
@require_http_methods(["POST"])
def answer(request: HttpRequest, process: str, proposal: int, answer: str) -> HttpResponse:
    found = get_object_or_404(
        models.Proposal, pk=proposal, version__document__process=visible_process(request, process)
    )
    if answer not in ("accept", "decline"):
        raise Http404(_("No such answer."))
    act = accept_invitation if answer == "accept" else decline_invitation
    try:
        act(found, by=signed_in(request))
    except Refusal as refusal:
        messages.error(request, explain(refusal))
    else:
        messages.success(
            request,
            _("Your delegation now co-sponsors this proposal.")
            if answer == "accept"
            else _("Your delegation declined to co-sponsor this proposal."),
        )
    return redirect("web:invitations", process)
