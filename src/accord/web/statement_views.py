"""National views: statements, written inputs and the Chair's summary — each attributed,
never shown as agreed text."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accord.actions.statements import (
    add_summary_entry,
    deliver_statement,
    move_to_summary,
    submit_input,
)
from accord.core.errors import Refusal
from accord.core.participants import Role
from accord.store import models, queries
from accord.web.context import fields_of
from accord.web.forms import (
    MoveProvisionForm,
    StatementForm,
    SummaryEntryForm,
    SummaryProposalForm,
)
from accord.web.views import signed_in, visible_process
from accord.words.refusals import explain


def national_views(request: HttpRequest, process: str) -> HttpResponse:
    found = visible_process(request, process)
    who = queries.actor(request.user, found)
    context = {
        "process": found,
        "may_state": who.role in (Role.DELEGATE, Role.OBSERVER, Role.STAKEHOLDER),
    } | fields_of(queries.national_views(found))
    return render(request, "accord/national_views.html", context)


def _current_versions(found: models.Process) -> dict[str, models.Version]:
    return {v.document.slug: v for v in queries.documents_with_current_version(found)}


def _uids(form: Form, version: models.Version | None, labels: list[str]) -> list[str] | None:
    """The uids of paragraphs ``labels`` of ``version``; None (with a form error) when one is
    not there."""
    uid_of = {p.label: p.uid for p in queries.version_value(version)} if version else {}
    unknown = [label for label in labels if label not in uid_of]
    if unknown:
        form.add_error(
            None, _("No paragraph %(labels)s in this version.") % {"labels": ", ".join(unknown)}
        )
        return None
    return [uid_of[label] for label in labels]


@login_required
@require_http_methods(["GET", "POST"])
def new_statement(request: HttpRequest, process: str) -> HttpResponse:
    """Delegates and observers deliver statements; stakeholders submit written inputs."""
    found = visible_process(request, process)
    accredited = queries.accreditation(request.user, found)
    role = Role(accredited.role) if accredited else Role.PUBLIC
    if role not in (Role.DELEGATE, Role.OBSERVER, Role.STAKEHOLDER):
        raise Http404(_("Only delegations and stakeholders submit statements here."))
    versions = _current_versions(found)
    documents = [(slug, v.document.title) for slug, v in versions.items()]
    form = StatementForm(request.POST or None, documents=documents)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        version = versions.get(data["document"])
        uids = _uids(form, version, data["paragraphs"])
        if uids is not None:
            common = {
                "text": data["text"],
                "version": version,
                "provision_uids": uids,
                "delivered_on": data["delivered_on"],
            }
            try:
                if role is Role.STAKEHOLDER:
                    submit_input(found, by=signed_in(request), **common)
                else:
                    assert accredited is not None
                    assert accredited.delegation is not None
                    deliver_statement(
                        found,
                        by=signed_in(request),
                        delegation=accredited.delegation.code,
                        **common,
                    )
            except Refusal as refusal:
                form.add_error(None, explain(refusal))
            else:
                messages.success(request, _("Your text was recorded as a national view."))
                return redirect("web:national-views", process)
    context = {
        "process": found,
        "form": form,
        "accreditation": accredited,
        "is_stakeholder": role is Role.STAKEHOLDER,
    }
    return render(request, "accord/new_statement.html", context, status=400 if form.errors else 200)


def _split(codes: list[str]) -> tuple[list[str], list[str]]:
    """The delegation codes and the group codes among ``codes``."""
    groups = queries.group_codes(codes)
    return [c for c in codes if c not in groups], [c for c in codes if c in groups]


@require_http_methods(["GET", "POST"])
def chairs_summary(request: HttpRequest, process: str) -> HttpResponse:
    """The Chair's summary; the Chair adds entries and moves paragraphs here."""
    found = visible_process(request, process)
    is_chair = queries.actor(request.user, found).role is Role.CHAIR
    versions = _current_versions(found)
    documents = [(slug, v.document.title) for slug, v in versions.items()]
    proposals = queries.proposals_not_taken_up(found) if is_chair else []
    choices = [(p.pk, f"#{p.pk} — {p.delegation.name}: {p.wording[:80]}") for p in proposals]
    post = request.POST if request.method == "POST" and is_chair else None
    which = request.POST.get("form") if post else None
    forms = {
        "entry": SummaryEntryForm(post if which == "entry" else None, prefix="entry"),
        "proposal": SummaryProposalForm(
            post if which == "proposal" else None, prefix="proposal", proposals=choices
        ),
        "move": MoveProvisionForm(
            post if which == "move" else None, prefix="move", documents=documents
        ),
    }
    if request.method == "POST" and not is_chair:
        raise Http404(_("Only the Chair writes the Chair's summary."))
    form = forms.get(which or "")
    if form is not None and form.is_valid():
        data = form.cleaned_data
        try:
            if which == "entry":
                delegations, groups = _split(data["holders"])
                add_summary_entry(
                    found,
                    by=signed_in(request),
                    text=data["text"],
                    delegations=delegations,
                    groups=groups,
                )
            elif which == "proposal":
                chosen = next(p for p in proposals if p.pk == data["proposal"])
                add_summary_entry(found, by=signed_in(request), proposal=chosen)
            else:
                version = versions[data["document"]]
                uids = _uids(form, version, [data["paragraph"]])
                if uids is None:
                    raise _Invalid()
                delegations, groups = _split(data["holders"])
                move_to_summary(
                    version,
                    by=signed_in(request),
                    provision_uid=uids[0],
                    delegations=delegations,
                    groups=groups,
                )
        except Refusal as refusal:
            form.add_error(None, explain(refusal))
        except _Invalid:
            pass
        else:
            messages.success(request, _("The Chair's summary was updated."))
            return redirect("web:chairs-summary", process)
    context = {
        "process": found,
        "summary": queries.chair_summary(found),
        "is_chair": is_chair,
        "forms": forms if is_chair else None,
    }
    invalid = form is not None and bool(form.errors)
    return render(request, "accord/chairs_summary.html", context, status=400 if invalid else 200)


class _Invalid(Exception):
    """A form error already said what was wrong."""
