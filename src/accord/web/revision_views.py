"""The Chair's desk for a revision: edit the current text, take in proposals, preview the
redline and the fate of every open proposal, then issue. The draft in progress is kept in
the Chair's session only; nothing is recorded until the revision is issued."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accord.actions.checks import check_not_adopted
from accord.actions.revisions import issue_revision
from accord.core import proposals as pr
from accord.core.draft_text import render_draft
from accord.core.errors import Refusal
from accord.core.fates import Fate, FateKind
from accord.core.participants import Role
from accord.core.redline_render import notes
from accord.core.revising import RevisionDraft, chair_fate, read_revision, take_in
from accord.document_words import redline_words
from accord.messages import explain
from accord.store import models, queries
from accord.web.forms import RevisionForm
from accord.web.views import signed_in, visible_process


def _session_key(version: models.Version) -> str:
    return f"accord-revision-{version.pk}"


@login_required
@require_http_methods(["GET", "POST"])
def revise(request: HttpRequest, process: str, document: str) -> HttpResponse:
    found = get_object_or_404(
        models.Document, process=visible_process(request, process), slug=document
    )
    if queries.actor(request.user, found.process).role is not Role.CHAIR:
        raise PermissionDenied(_("Only the Chair issues revisions."))
    current = queries.current_version(found)
    context = queries.reading_context(current, request.user)
    try:
        check_not_adopted(found)
    except Refusal as refusal:
        context["refused"] = explain(refusal)
        return render(request, "accord/revise.html", context, status=409)
    key = _session_key(current)
    if request.POST.get("step") == "restart":
        request.session.pop(key, None)
        return redirect("web:revise", process, document)
    open_ = queries.open_proposals(current)
    saved = request.session.get(key, {})
    initial = {
        "text": saved.get("text") or render_draft(context["text"]),
        "label": saved.get("label", ""),
    }
    form = RevisionForm(request.POST or None, initial=initial, proposals=open_)
    context |= {"form": form, "open": open_, "preview": None, "vanishing": []}
    if request.method == "POST" and form.is_valid():
        try:
            return _step(request, form, context, open_) or _page(request, context)
        except Refusal as refusal:
            form.add_error(None, explain(refusal))
    return _page(request, context)


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
    preview = context["preview"]
    if preview:
        words = redline_words()
        context["entries"] = [(e, notes(e, words)) for e in preview["redline"].entries]
        vanishing = set(preview["report"].vanishing)
        new_labels = {p.uid: p.label for p in preview["new"]}
        context["fate_rows"] = [
            {
                "proposal": p,
                "paragraph": labels[p.provision_uid],
                "suggested": preview["suggested"][p.id],
                "where": ", ".join(new_labels[u] for u in preview["suggested"][p.id].provisions),
                "fate": form[f"fate_{p.id}"],
                "merged": form[f"merged_{p.id}"],
                "vanishing": p.id in vanishing,
            }
            for p in context["open"]
        ]
        context["vanishing"] = [row for row in context["fate_rows"] if row["vanishing"]]
    status = 400 if form.errors else 200
    return render(request, "accord/revise.html", context, status=status)


def _step(
    request: HttpRequest, form: RevisionForm, context: dict[str, Any], open_: list[pr.Proposal]
) -> HttpResponse | None:
    """Carry out the step the Chair asked for; a response when it ends the page."""
    data, current = form.cleaned_data, context["version"]
    key = _session_key(current)
    request.session[key] = {"text": data["text"], "label": data["label"]}
    draft = read_revision(context["text"], data["text"])
    if request.POST.get("take"):
        text = _taken(request, draft, open_, request.POST["take"])
        request.session[key] = {"text": text, "label": data["label"]}
        posted = request.POST.copy()
        posted["text"] = text
        context["form"] = RevisionForm(posted, proposals=open_)
        context["form"].is_valid()
        return None
    step = request.POST.get("step", "")
    if step not in ("preview", "issue"):
        messages.success(request, _("The draft of the revision was kept."))
        return None
    chosen = _chosen(data, draft, open_)
    context["preview"] = queries.revision_preview(current, draft, open_, chosen, data["label"])
    if step == "issue":
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
        request.session.pop(key, None)
        messages.success(request, _("%(label)s was issued.") % {"label": version.label})
        return redirect(
            "web:redline", current.document.process.slug, current.document.slug, version.number
        )
    return None


def _taken(
    request: HttpRequest, draft: RevisionDraft, open_: list[pr.Proposal], taking: str
) -> str:
    """The draft's text with the proposal (``id`` or ``id.option``) taken in."""
    number, _dot, option = taking.partition(".")
    proposal = next((p for p in open_ if str(p.id) == number), None)
    if proposal is None or not (option or "0").isdigit():
        raise Http404(_("No such open proposal."))
    text = take_in(draft, proposal, int(option or 0))
    label = draft.old.provision(proposal.provision_uid).label
    messages.success(
        request,
        _("Proposal %(id)d by %(delegation)s was taken into paragraph %(label)s.")
        % {"id": proposal.id, "delegation": proposal.proponent.delegation_name, "label": label},
    )
    return text


def _chosen(
    data: dict[str, Any], draft: RevisionDraft, open_: list[pr.Proposal]
) -> dict[int, Fate]:
    """The fates the Chair set in the form (proposals left to the engine are absent)."""
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
    present = [entry for entry in history if entry["provision"]]
    if not present:
        raise Http404(_("No such provision."))
    context = {
        "process": found.process,
        "document": found,
        "uid": uid,
        "history": history,
        "latest": present[-1]["provision"],
    }
    return render(request, "accord/provision_history.html", context)
