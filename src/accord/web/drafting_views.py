"""The Chair's and Secretariat's desk: publishing a draft from pasted text, after a preview."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accord.actions.processes import publish_draft
from accord.core.draft_text import parse_draft
from accord.core.errors import Refusal
from accord.store import queries
from accord.web.forms import DraftForm
from accord.web.views import signed_in, visible_process
from accord.words.refusals import explain


@login_required
@require_http_methods(["GET", "POST"])
def new_draft(request: HttpRequest, process: str) -> HttpResponse:
    found = visible_process(request, process)
    if not queries.may_draft(request.user, found):
        raise Http404(_("Only the Chair or the Secretariat publish drafts."))
    form = DraftForm(request.POST or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            preview = parse_draft(data["text"])
            if request.POST.get("step") == "publish":
                version = publish_draft(found, by=signed_in(request), **data)
                messages.success(request, _("The draft was published."))
                return redirect("web:version", found.slug, data["slug"], version.number)
        except Refusal as refusal:
            form.add_error(None, explain(refusal))
    context = {"process": found, "form": form, "preview": preview}
    return render(request, "accord/new_draft.html", context, status=400 if form.errors else 200)
