"""The revision desk: edit the current text, take in proposals, preview the redline and the
fate of every open proposal, then the Chair issues. The draft in progress is stored
(`accord.actions.workspace`) and shared with the Bureau and the Secretariat, who edit it when
the Chair allows; nothing is recorded until the revision is issued."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accord.actions.preconditions import check_not_adopted
from accord.actions.revisions import issue_revision
from accord.actions.workspace import (
    Choice,
    discard_working_draft,
    read_working_draft,
    save_working_draft,
    share_working_draft,
)
from accord.core import proposals as pr
from accord.core.draft_text import render_draft
from accord.core.errors import NotPermitted, Refusal
from accord.core.fates import Fate, FateKind
from accord.core.redline_render import notes
from accord.core.revising import (
    RevisionDraft,
    RevisionPreview,
    chair_fate,
    preview_revision,
    read_revision,
    take_in,
)
from accord.security import sessions
from accord.store import models, queries
from accord.web.context import fields_of
from accord.web.forms import RevisionForm
from accord.web.signin_views import confirm_first
from accord.web.views import signed_in, visible_process
from accord.words.documents import redline_words
from accord.words.refusals import explain


def _document(request: HttpRequest, process: str, document: str) -> models.Document:
    return get_object_or_404(
        models.Document, process=visible_process(request, process), slug=document
    )


def _stored(found: models.Document, request: HttpRequest) -> models.WorkingDraft | None:
    """The stored draft, if the caller prepares revisions; 403 otherwise."""
    try:
        return read_working_draft(found, by=signed_in(request))
    except Refusal as refusal:
        raise PermissionDenied(explain(refusal)) from None


@login_required
@require_http_methods(["GET", "POST"])
def revise(request: HttpRequest, process: str, document: str) -> HttpResponse:
    found = _document(request, process, document)
    stored = _stored(found, request)
    current = queries.current_version(found)
    reading = queries.reading_of(current, request.user)
    context = fields_of(reading)
    try:
        check_not_adopted(found)
    except Refusal as refusal:
        context["refused"] = explain(refusal)
        return render(request, "accord/revise.html", context, status=409)
    is_chair = reading.is_chair
    step = request.POST.get("step", "")
    if step in ("share", "unshare", "restart"):
        return _chair_step(request, found, step)
    open_ = queries.open_proposals(current)
    initial: dict[str, Any] = {
        "text": stored.text if stored else render_draft(reading.text),
        "label": stored.label if stored else "",
    }
    posted = request.POST.copy() if request.method == "POST" else None
    # The fates chosen earlier hold until the form shows them again.
    for number, chosen in (stored.choices if stored else {}).items():
        initial |= {f"fate_{number}": chosen["fate"], f"merged_{number}": chosen["merged_with"]}
        if posted is not None and f"fate_{number}" not in posted:
            posted[f"fate_{number}"] = chosen["fate"]
            posted.setlist(f"merged_{number}", [str(m) for m in chosen["merged_with"]])
    form = RevisionForm(posted, initial=initial, proposals=open_)
    may_edit = is_chair or bool(stored and stored.others_may_edit)
    if not may_edit:
        form.fields["text"].widget.attrs["readonly"] = True
        form.fields["label"].widget.attrs["readonly"] = True
    context |= {
        "form": form,
        "open": open_,
        "preview": None,
        "vanishing": [],
        "draft": stored,
        "may_edit": may_edit,
    }
    if request.method == "POST" and form.is_valid():
        try:
            return _step(request, form, context, open_) or _page(request, context)
        except Refusal as refusal:
            form.add_error(None, explain(refusal))
            context["status"] = 403 if isinstance(refusal, NotPermitted) else 400
    return _page(request, context)


def _chair_step(request: HttpRequest, found: models.Document, step: str) -> HttpResponse:
    """The Chair shares the workspace for editing (or not), or starts again from the current
    text."""
    by = signed_in(request)
    try:
        if step == "restart":
            discard_working_draft(found, by=by)
        else:
            share_working_draft(found, by=by, others_may_edit=step == "share")
    except Refusal as refusal:
        raise PermissionDenied(explain(refusal)) from None
    if step == "share":
        messages.success(request, _("The Bureau and the Secretariat may now edit this draft."))
    elif step == "unshare":
        messages.success(request, _("The Bureau and the Secretariat may now only read this draft."))
    return redirect("web:revise", found.process.slug, found.slug)


def _page(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    form, text = context["form"], context["text"]
    labels = {p.uid: p.label for p in text}
    by_provision: dict[str, list[pr.Proposal]] = {}
    for proposal in context["open"]:
        by_provision.setdefault(proposal.provision_uid, []).append(proposal)
    context["paragraphs"] = [
        (provision, by_provision[provision.uid])
        for provision in text
        if provision.uid in by_provision
    ]
    preview: RevisionPreview | None = context["preview"]
    if preview:
        words = redline_words()
        context["entries"] = [(e, notes(e, words)) for e in preview.redline.entries]
        vanishing = set(preview.report.vanishing)
        new_labels = {p.uid: p.label for p in preview.new}
        context["fate_rows"] = [
            {
                "proposal": p,
                "paragraph": labels[p.provision_uid],
                "suggested": preview.suggested[p.id],
                "where": ", ".join(new_labels[u] for u in preview.suggested[p.id].provisions),
                "fate": form[f"fate_{p.id}"],
                "merged": form[f"merged_{p.id}"],
                "vanishing": p.id in vanishing,
            }
            for p in context["open"]
        ]
        context["vanishing"] = [row for row in context["fate_rows"] if row["vanishing"]]
    context["saved"] = saved_words(context["draft"]) if context["draft"] else ""
    status = context.get("status", 400 if form.errors else 200)
    return render(request, "accord/revise.html", context, status=status)


def _save(
    request: HttpRequest, document: models.Document, data: dict[str, Any], open_: list[pr.Proposal]
) -> models.WorkingDraft:
    """Store the draft as posted, with the fates chosen when the form carried them."""
    posted = any(f"fate_{p.id}" in request.POST for p in open_)
    choices: dict[int, Choice] = {
        p.id: (FateKind(data[f"fate_{p.id}"]), tuple(data[f"merged_{p.id}"]))
        for p in open_
        if data[f"fate_{p.id}"]
    }
    return save_working_draft(
        document,
        by=signed_in(request),
        text=data["text"],
        label=data["label"],
        choices=choices if posted else None,
    )


def _step(
    request: HttpRequest, form: RevisionForm, context: dict[str, Any], open_: list[pr.Proposal]
) -> HttpResponse | None:
    """Carry out the step asked for; a response when it ends the page."""
    data, current = form.cleaned_data, context["version"]
    context["draft"] = _save(request, current.document, data, open_)
    draft = read_revision(context["text"], data["text"])
    if request.POST.get("take"):
        text = _taken(request, draft, open_, request.POST["take"])
        context["draft"] = save_working_draft(
            current.document, by=signed_in(request), text=text, label=data["label"]
        )
        posted = request.POST.copy()
        posted["text"] = text
        context["form"] = RevisionForm(posted, proposals=open_)
        context["form"].is_valid()
        return None
    step = request.POST.get("step", "")
    if step not in ("preview", "issue"):
        messages.success(request, _("The draft of the revision was saved."))
        return None
    chosen = _chosen(data, draft, open_)
    context["preview"] = preview_revision(draft, open_, chosen, data["label"])
    if step == "issue":
        if not sessions.recently_authenticated(request):
            return confirm_first(request)  # the draft is saved: nothing typed is lost
        if not data["label"]:
            form.add_error("label", _("Give the revision a label, for example Rev.2."))
            return None
        version = issue_revision(
            current.document,
            by=signed_in(request),
            text=data["text"],
            label=data["label"],
            fates=chosen,
        )
        messages.success(request, _("%(label)s was issued.") % {"label": version.label})
        return redirect(
            "web:redline", current.document.process.slug, current.document.slug, version.number
        )
    return None


def saved_words(draft: models.WorkingDraft) -> str:
    """“Saved 09:02 by chair” — when the stored draft was saved last, and by whom."""
    when = formats.time_format(timezone.localtime(draft.saved_at), "H:i")
    if draft.saved_by is None:
        return _("Saved %(time)s") % {"time": when}
    who = draft.saved_by.get_full_name() or draft.saved_by.get_username()
    return _("Saved %(time)s by %(name)s") % {"time": when, "name": who}


@login_required
@require_POST
def save_revision_draft(request: HttpRequest, process: str, document: str) -> JsonResponse:
    """The autosave of the revision desk: store the posted draft, say when it was saved."""
    found = _document(request, process, document)
    _stored(found, request)
    current = queries.current_version(found)
    open_ = queries.open_proposals(current)
    form = RevisionForm(request.POST, proposals=open_)
    if not form.is_valid():
        return JsonResponse({"status": _("Not saved: check the text and the fates.")}, status=400)
    try:
        stored = _save(request, found, form.cleaned_data, open_)
    except Refusal as refusal:
        status = 403 if isinstance(refusal, NotPermitted) else 409
        return JsonResponse(
            {"status": _("Not saved: %(why)s") % {"why": explain(refusal)}}, status=status
        )
    return JsonResponse({"status": saved_words(stored)})


def _taken(
    request: HttpRequest, draft: RevisionDraft, open_: list[pr.Proposal], taking: str
) -> str:
    """The draft's text with the proposal (``id`` or ``id.option``) taken in."""
    number, _dot, option = taking.partition(".")
    proposal = next((p for p in open_ if str(p.id) == number), None)
    if proposal is None or not (option or "0").isdigit():
        raise Http404(_("No such open proposal."))
    text = take_in(draft, proposal, int(option or 0))
    said = {
        "id": proposal.id,
        "delegation": proposal.proponent.delegation_name,
        "label": draft.old.provision(proposal.provision_uid).label,
    }
    if proposal.structure is None:
        taken = _("Proposal %(id)d by %(delegation)s was taken into paragraph %(label)s.")
    else:
        taken = _("Proposal %(id)d by %(delegation)s on paragraph %(label)s was taken in.")
    messages.success(request, taken % said)
    return text


def _chosen(
    data: dict[str, Any], draft: RevisionDraft, open_: list[pr.Proposal]
) -> dict[int, Fate]:
    """The fates set in the form (proposals left to the engine are absent)."""
    return {
        p.id: chair_fate(
            p, FateKind(data[f"fate_{p.id}"]), draft, data["label"], tuple(data[f"merged_{p.id}"])
        )
        for p in open_
        if data[f"fate_{p.id}"]
    }


def provision_history(request: HttpRequest, process: str, document: str, uid: str) -> HttpResponse:
    """One provision in every version of its document, with the words changed between one
    appearance and the next."""
    found = get_object_or_404(
        models.Document, process=visible_process(request, process), slug=document
    )
    history = queries.provision_history(found, uid)
    present = [entry for entry in history if entry.provision]
    if not present:
        raise Http404(_("No such provision."))
    context = {
        "process": found.process,
        "document": found,
        "uid": uid,
        "history": history,
        "latest": present[-1].provision,
    }
    return render(request, "accord/provision_history.html", context)
