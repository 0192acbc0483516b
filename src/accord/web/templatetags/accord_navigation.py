"""The workplace frame: what this person may do in this process, and where the page is."""

from dataclasses import dataclass
from typing import Any

from django import template
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from accord.core.participants import Role
from accord.store import models, queries

register = template.Library()

# The roles whose people receive invitations to co-sponsor and answer them.
INVITED = frozenset({Role.DELEGATE})
# The roles that publish and import drafts.
DRAFTERS = frozenset({Role.CHAIR, Role.SECRETARIAT})
# The roles that see stakeholder requests and act on them (propose or object).
STAKEHOLDER_DESK = frozenset({Role.SECRETARIAT, Role.DELEGATE})


@dataclass(frozen=True, slots=True)
class Link:
    """One entry of the navigation: its words, its address and whether it is this page."""

    text: str
    url: str
    current: bool


def _process_of(context: template.Context) -> models.Process | None:
    """The process the page belongs to: the page's own, or (on an error page, which has none)
    the one its address names, if the user may read it."""
    found = context.get("process")
    if isinstance(found, models.Process):
        return found
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    slug = match.kwargs.get("process") if match else None
    if request is None or not isinstance(slug, str):
        return None
    return queries.visible_process(request.user, slug)


def _role(
    context: template.Context, request: HttpRequest, process: models.Process
) -> tuple[Role | None, bool]:
    """The user's role in ``process`` (None when not accredited) and whether they act for a
    delegation: the accreditation the page has read already, or else read once per request."""
    cached: dict[int, tuple[Role | None, bool]] = request.__dict__.setdefault("_accord_roles", {})
    if process.pk not in cached:
        known = context.get("accreditation", False)
        found: models.Accreditation | None
        if known is None or (
            isinstance(known, models.Accreditation) and known.process_id == process.pk
        ):
            found = known
        else:
            found = queries.accreditation(request.user, process)
        cached[process.pk] = (
            (Role(found.role), found.delegation_id is not None) if found else (None, False)
        )
    return cached[process.pk]


@register.inclusion_tag("accord/_navigation.html", takes_context=True)
def process_navigation(context: template.Context) -> dict[str, Any]:
    """The navigation of the process the page belongs to, holding what the user's role may
    do there and nothing else, and the breadcrumbs from the list of negotiations to here."""
    request: HttpRequest | None = context.get("request")
    process = _process_of(context)
    if request is None or process is None:
        return {"links": [], "crumbs": []}
    role, _for_delegation = _role(context, request, process)
    slug = process.slug
    wanted: list[tuple[str, str]] = [(_("Documents"), reverse("web:process", args=[slug]))]
    if role is not None:
        wanted.append((_("My desk"), reverse("web:desk", args=[slug])))
    if role in INVITED:
        wanted.append((_("Invitations to co-sponsor"), reverse("web:invitations", args=[slug])))
    wanted += [
        (_("National views"), reverse("web:national-views", args=[slug])),
        (_("Chair's summary"), reverse("web:chairs-summary", args=[slug])),
        (_("Participants"), reverse("web:participants", args=[slug])),
    ]
    if role in STAKEHOLDER_DESK:
        wanted.append((_("Stakeholders"), reverse("web:stakeholders", args=[slug])))
    wanted.append((_("History"), reverse("web:history", args=[slug])))
    if role in DRAFTERS:
        wanted += [
            (_("Publish a draft"), reverse("web:new-draft", args=[slug])),
            (_("Import a draft"), reverse("web:import", args=[slug])),
        ]
    links = [Link(text, url, url == request.path) for text, url in wanted]
    crumbs = [Link(_("All negotiations"), reverse("web:home"), False)]
    here = reverse("web:process", args=[slug])
    crumbs.append(Link(process.title, here, request.path == here))
    version = context.get("version")
    if isinstance(version, models.Version) and version.document.process_id == process.pk:
        at = reverse("web:version", args=[slug, version.document.slug, version.number])
        named = version.document.symbol or version.title
        crumbs.append(Link(f"{named} — {version.label}", at, request.path == at))
    return {"links": links, "crumbs": crumbs, "process": process}
