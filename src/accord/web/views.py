import itertools
from collections.abc import AsyncIterator, Iterator, Sequence
from typing import Any, cast
from urllib.parse import urlencode

from asgiref.sync import sync_to_async
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.handlers.asgi import ASGIRequest
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accord.actions.processes import may_create_processes
from accord.actions.proposals import submit_proposal, withdraw_proposal
from accord.core.amendments import Mark, MarkKind, derive_amendment, redline_marks
from accord.core.compilation import part_bounds
from accord.core.errors import Refusal
from accord.core.participants import check_may_propose
from accord.core.proposals import ProposalKind, draft_proposal
from accord.core.provisions import Provision, Version
from accord.core.redline_render import notes
from accord.store import models, queries
from accord.store.queries import PART_PROPOSALS
from accord.web.context import fields_of, language_link
from accord.web.forms import CompilationFilterForm, ProposalForm
from accord.web.status_marks import KIND_CHOICES
from accord.web.templatetags.accord_kept import TOKEN
from accord.words.documents import redline_words
from accord.words.refusals import explain


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
    processes = queries.visible_processes(request.user).prefetch_related(
        Prefetch("documents", queryset=queries.documents_with_current_title())
    )
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
    reading = queries.reading_of(found, request.user)
    context = fields_of(reading)
    context["title_block"] = reading.text.title_block
    context["languages"] = [language_link(code) for code in queries.languages_of(found)]
    context["provisions"] = mark_safe(_provisions_html(request, reading, context))  # noqa: S308
    return render(request, "accord/version.html", context)


def _provisions_html(
    request: HttpRequest, reading: queries.Reading, context: dict[str, Any]
) -> str:
    """The version's provisions as the clean text shows them, each set once and kept for
    each position of the record: after an event on one paragraph (a proposal, a position, a
    mark), that paragraph alone is set again (see `queries.kept_by_provision`). What the reader may
    do there (propose and take positions for a delegation, mark as the Chair) sets it
    apart."""
    version, text = reading.version, reading.text
    proposing = reading.can_propose and reading.actor.delegation
    marking = reading.is_chair and reading.is_current and reading.adoption is None
    language = get_language()
    template = get_template("accord/_version_provision.html")

    def setting(only: frozenset[str] | None) -> tuple[tuple[str, str], ...]:
        shown: dict[str, object] = {
            "csrf_token": TOKEN,
            "mark_choices": KIND_CHOICES,
            "positions": queries.own_positions(version, text, reading.actor.delegation),
            "statuses": {row.provision.uid: row for row in queries.statuses(version, text)},
        }
        with translation.override(language):
            return tuple(
                (p.uid, template.render(context | shown | {"provision": p}))
                for p in text
                if only is None or p.uid in only
            )

    vary = (language, proposing or "", marking)
    pieces = queries.kept_by_provision("version-html", version, vary, setting, lambda p: p[0])
    html = "".join(html for _, html in pieces)
    return html.replace(TOKEN, str(get_token(request))) if TOKEN in html else html


FILTERS = ("delegation", "group", "section", "status")


def compilation(request: HttpRequest, process: str, document: str, number: int) -> HttpResponseBase:
    """Every proposal on the version under its paragraph, filtered by the GET parameters
    ``delegation``, ``group``, ``section`` and ``status``; the proposing delegation invites
    co-sponsors from here. A long compilation opens on its first part (``?part=N`` for
    another); the whole of it (``?all=1``) is streamed, entry by entry."""
    found = visible_version(request, process, document, number)
    reading = queries.reading_of(found, request.user)
    context, text = fields_of(reading), reading.text
    choices = queries.compilation_choices(found)
    sections = [(p.uid, f"{p.label}. {p.text}") for p in text if not p.is_amendable]
    form = CompilationFilterForm(
        request.GET, delegations=choices.delegations, groups=choices.groups, sections=sections
    )
    form.is_valid()
    wanted = queries.CompilationFilter(
        **{name: form.cleaned_data.get(name) or "" for name in FILTERS}
    )
    chosen, whole = chosen_part(request)
    outline = queries.compilation_outline(found, text, wanted, budget=PART_PROPOSALS)
    several = len(outline.parts) > 1
    part = next((p for p in outline.parts if p.number == chosen), outline.parts[0])
    one = several and not whole
    # A delegation's own proposals carry its forms (to withdraw, to invite co-sponsors).
    mine = reading.actor.delegation if reading.is_current else None
    own = queries.open_proposals_of(found, mine) if mine else []
    invited = queries.invitations(own) if own else {}
    members = queries.members(found.document.process) if own else []
    context |= {
        "compilation": outline,
        "parts": outline.parts if several else (),
        "part": part if one else None,
        "filters": urlencode({k: v for k, v in request.GET.items() if k in FILTERS and v}),
        "filter_form": form,
        "filtered": wanted.is_active,
        "labels": queries.revision_labels(found.document),
        "invitations": invited,
        "invite_choices": {
            pk: [
                (code, name)
                for code, name in members
                if code != mine and code not in {i.delegation.code for i in invited.get(pk, [])}
            ]
            for pk in own
        },
        "entries": mark_safe(ENTRIES),  # noqa: S308 (a mark where the entries go)
    }
    head, tail = render_to_string("accord/compilation.html", context, request).split(ENTRIES)
    shown = outline.entries[part.start : part.end] if one else outline.entries
    pieces = _entries_html(request, found, text, wanted, shown, context, mine)
    if not whole:
        return HttpResponse(head + "".join(pieces) + tail)
    return streamed(request, itertools.chain((head,), pieces, (tail,)))


# Where a compilation page's entries go, in the page set around them.
ENTRIES = "<!--accord-compilation-entries-->"


def _entries_html(
    request: HttpRequest,
    version: models.Version,
    text: Version,
    wanted: queries.CompilationFilter,
    shown: Sequence[queries.EntryOutline],
    context: dict[str, Any],
    mine: str | None,
) -> Iterator[str]:
    """Each entry of ``shown`` as HTML, set once and kept under the digest of what it shows
    and of what it depends on for this reader (see `queries.compilation_outline`): an event
    on one paragraph sets that paragraph's entry again, and no other. The entries are set,
    when they must be, a part at a time."""
    entry = get_template("accord/_compilation_entry.html")
    language, token = get_language(), str(get_token(request))
    choices = cast(dict[int, object], context["invite_choices"])
    invited = cast(dict[int, list[models.CoSponsorship]], context["invitations"])
    vary = (language, version.pk, context["is_current"], context["labels"])
    # Digested once: what it varies by may be long (every revision's labels).
    varied = queries.position_key("entry-html", "", *vary)

    def key(entry: queries.EntryOutline) -> str:
        """An entry holding the reader's own open proposals holds their forms too: whom
        they may invite to co-sponsor, and whom they invited so far."""
        own = [pk for code, pk in entry.open_proposals if code == mine and pk in choices]
        if not own:
            return f"{varied}:{entry.digest}"
        forms = [
            (pk, choices[pk], [(i.delegation.code, i.status) for i in invited.get(pk, [])])
            for pk in own
        ]
        return queries.position_key("entry-html", entry.digest, varied, forms)

    keys = [key(e) for e in shown]

    def build(indices: Sequence[int]) -> list[bytes]:
        entries = queries.compiled_entries(version, text, wanted, [shown[at] for at in indices])
        with translation.override(language):
            return [
                entry.render(context | {"entry": e, "csrf_token": TOKEN}).encode() for e in entries
            ]

    def pieces() -> Iterator[str]:
        shape = [(e.is_amendable, e.proposal_count) for e in shown]
        for piece in queries.kept_texts(keys, build, part_bounds(shape, PART_PROPOSALS)):
            html = piece.decode()
            yield html.replace(TOKEN, token) if TOKEN in html else html

    return pieces()


def streamed(request: HttpRequest, chunks: Iterator[str]) -> StreamingHttpResponse:
    """A page sent as its ``chunks`` come, the first at once. Django serves a synchronous
    iterator through ASGI only after reading it to its end, so there each chunk is taken in
    turn from the thread the view ran in."""
    encoded = (chunk.encode() for chunk in chunks)
    if isinstance(request, ASGIRequest):
        return StreamingHttpResponse(_in_turn(encoded))
    return StreamingHttpResponse(encoded)


async def _in_turn(chunks: Iterator[bytes]) -> AsyncIterator[bytes]:
    def step() -> bytes | None:
        return next(chunks, None)

    taken = sync_to_async(step, thread_sensitive=True)
    while (chunk := await taken()) is not None:
        yield chunk


def chosen_part(request: HttpRequest) -> tuple[int, bool]:
    """The part of a long page the reader asked for (``?part=N``, the first by default), and
    whether they asked for the whole of it instead (``?all=1``)."""
    chosen = request.GET.get("part", "1")
    return int(chosen) if chosen.isdigit() else 1, request.GET.get("all") == "1"


def compilation_at(version: models.Version, uid: str, proposal: int) -> str:
    """The address of ``proposal`` (on paragraph ``uid``) in the compilation of ``version``:
    the part that holds the paragraph, at the proposal, so that the person who acted on it
    lands where they were."""
    document = version.document
    url = reverse("web:compilation", args=[document.process.slug, document.slug, version.number])
    text = queries.version_value(version)
    outline = queries.compilation_outline(
        version, text, queries.CompilationFilter(), budget=PART_PROPOSALS
    )
    if len(outline.parts) > 1:
        at = next((n for n, e in enumerate(outline.entries) if e.uid == uid), 0)
        part = next(p for p in outline.parts if p.start <= at < p.end)
        url += f"?part={part.number}"
    return f"{url}#proposal-{proposal}"


def _amendable(
    request: HttpRequest, process: str, document: str, number: int, uid: str
) -> tuple[models.Version, Version, Provision]:
    found = visible_version(request, process, document, number)
    text = queries.version_value(found)
    provision = next((p for p in text if p.uid == uid and p.is_amendable), None)
    if provision is None:
        raise Http404(_("No such paragraph."))
    return found, text, provision


def _preview(text: Version, provision: Provision, form: ProposalForm) -> dict[str, object]:
    """What the proposal would do to the paragraph, as the engine derives it: the redline of
    each wording, or the refusal that submitting it would meet."""
    data = form.cleaned_data
    try:
        drafted = draft_proposal(
            text,
            provision.uid,
            ProposalKind(data["kind"]),
            wording=data["wording"],
            options=form.options,
            after=data["after"],
        )
    except Refusal as refusal:
        return {"problem": explain(refusal)}
    kind = ProposalKind(data["kind"])
    if kind is ProposalKind.ALTERNATIVES:
        shown = [
            redline_marks(provision.text, derive_amendment(provision.text, o))
            for o in drafted.options
        ]
    elif kind is ProposalKind.ADD:
        shown = [(Mark(MarkKind.INSERTED, drafted.wording),)]
    else:
        shown = [redline_marks(provision.text, drafted.amendment)]
    return {"kind": kind.value, "redlines": shown, "structure": drafted.structure}


def _proposal_form(
    request: HttpRequest, version: models.Version, text: Version, provision: Provision
) -> ProposalForm:
    return ProposalForm(
        request.POST or None,
        initial={"wording": provision.text, "kind": "wording"},
        groups=queries.mandates(request.user, version.document.process),
        anchors=[(p.uid, p.label) for p in text if p.is_amendable and p.uid != provision.uid],
    )


@login_required
@require_http_methods(["GET", "POST"])
def propose(
    request: HttpRequest, process: str, document: str, number: int, uid: str
) -> HttpResponse:
    """Propose on one paragraph: new wording, alternatives, a new paragraph after it, its
    deletion or its move. "Preview" shows the derived amendment without submitting."""
    found, text, provision = _amendable(request, process, document, number, uid)
    actor = queries.actor(request.user, found.document.process)
    try:
        # Refused before any typing: only delegates of members propose.
        check_may_propose(actor, for_delegation=actor.delegation or "", on_behalf_of=None)
    except Refusal as refusal:
        raise PermissionDenied(explain(refusal)) from None
    form = _proposal_form(request, found, text, provision)
    preview = None
    if request.method == "POST" and form.is_valid() and "preview" in request.POST:
        preview = _preview(text, provision, form)
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = submit_proposal(
                found,
                by=signed_in(request),
                provision_uid=uid,
                wording=data["wording"],
                justification=data["justification"],
                on_behalf_of=data["on_behalf_of"] or None,
                kind=ProposalKind(data["kind"]),
                options=form.options,
                after=data["after"],
            )
        except Refusal as refusal:
            form.add_error(None, explain(refusal))
        else:
            messages.success(
                request,
                _("Your proposal on paragraph %(label)s was submitted.")
                % {"label": provision.label},
            )
            return redirect(compilation_at(found, uid, made.pk))
    context = {
        "version": found,
        "text": text,
        "provision": provision,
        "form": form,
        "preview": preview,
        "process": found.document.process,
        "silence": queries.running_silence(found.document),
    }
    return render(request, "accord/propose.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["POST"])
def propose_preview(
    request: HttpRequest, process: str, document: str, number: int, uid: str
) -> HttpResponse:
    """The preview alone, as an HTML fragment, for the page's script to show while typing."""
    found, text, provision = _amendable(request, process, document, number, uid)
    form = _proposal_form(request, found, text, provision)
    preview: dict[str, object]
    if not form.is_valid():
        preview = {"problem": " ".join(str(e) for errors in form.errors.values() for e in errors)}
    else:
        preview = _preview(text, provision, form)
    context = {"version": found, "text": text, "provision": provision, "preview": preview}
    return render(request, "accord/_preview.html", context)


@login_required
@require_http_methods(["POST"])
def withdraw(
    request: HttpRequest, process: str, document: str, number: int, proposal: int
) -> HttpResponse:
    found = get_object_or_404(
        models.Proposal,
        pk=proposal,
        version__document=visible_version(request, process, document, number).document,
    )
    try:
        withdraw_proposal(found, by=signed_in(request))
    except Refusal as refusal:
        messages.error(request, explain(refusal))
    else:
        messages.success(request, _("Your proposal was withdrawn."))
    return redirect(compilation_at(found.version, found.provision_uid, found.pk))


def redline(request: HttpRequest, process: str, document: str, number: int) -> HttpResponse:
    """The version against an earlier one (``?against=N``, by default the one before)."""
    found = visible_version(request, process, document, number)
    reading = queries.reading_of(found, request.user)
    earlier = [v for v in reading.versions if v.number < found.number]
    if not earlier:
        raise Http404(_("The first version has nothing to be compared with."))
    wanted = request.GET.get("against", "")
    against = next((v for v in earlier if str(v.number) == wanted), earlier[-1])
    compared = queries.redline(found, against)
    words = redline_words()
    context = fields_of(reading) | {
        "against": against,
        "earlier": earlier,
        "redline": compared,
        "entries": [(entry, notes(entry, words)) for entry in compared.entries],
    }
    return render(request, "accord/redline.html", context)
