"""Staffing a process and writing its documents through the API: accredit and withdraw
people, publish a zero draft and issue revisions from numbered plain text."""

from typing import Annotated, Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from accord.actions.processes import (
    accredit_person,
    publish_draft,
    withdraw_accreditation,
)
from accord.actions.revisions import issue_revision
from accord.api import contract
from accord.api.auth import AUTH, grave_act, writer
from accord.api.contract import READ, WRITE, errors
from accord.api.lookups import check_if_match, visible_process
from accord.api.problems import Problem
from accord.api.schemas import StrictSchema, Whole, example
from accord.core.errors import NotPermitted
from accord.core.fates import Fate, FateKind
from accord.core.participants import Reason, Role
from accord.store import models, queries

router = Router(tags=["staffing and revising"])

Code = Annotated[str, Field(min_length=1, max_length=40)]
Uid = Annotated[str, Field(min_length=1, max_length=80)]
ChairFate = Literal["reflected", "partly-reflected", "merged", "not-taken-up", "pending"]


class AccreditationIn(StrictSchema):
    """A person to accredit, by user name. A person with no account yet needs ``password``
    (at least 12 characters), with ``full_name`` and ``email``; an existing account keeps its
    own. Delegates name their member ``delegation`` and the groups it speaks for
    (``mandates``); observers name their observer delegation; the Chair, the Bureau and the
    Secretariat name none."""

    model_config = example(
        username="deu-1",
        role="delegate",
        delegation="DEU",
        mandates=["eu"],
        full_name="Delegate of Germany",
        email="deu@example.org",
        password="a long passphrase",  # noqa: S106 (an example in the document, no secret)
    )

    username: str = Field(min_length=1, max_length=150)
    role: Literal["chair", "secretariat", "bureau", "delegate", "observer", "stakeholder"]
    delegation: Code | None = None
    mandates: list[Code] = Field(default_factory=list, max_length=50)
    full_name: str = Field("", max_length=150)
    email: str = Field("", max_length=254)
    password: str = Field("", max_length=200)


class AccreditationOut(Schema):
    username: str
    full_name: str
    role: str
    delegation: str | None
    mandates: list[str]


class AccreditationList(Schema):
    items: list[AccreditationOut]


class DraftIn(StrictSchema):
    """A new document's first version, as numbered plain text (``# Title``, ``## A. Section``,
    ``1. Paragraph``, ``   (a) sub-paragraph``)."""

    model_config = example(
        slug="annex",
        text="# Recommendations of the Chair\n\n1. States should share threat information.",
        label="Zero draft",
        symbol="A/AC.292/2026/CRP.2",
    )

    slug: str = Field(min_length=1, max_length=80)
    text: str = Field(min_length=1, max_length=2_000_000)
    label: str = Field(min_length=1, max_length=80)
    symbol: str = Field("", max_length=80)


class FateIn(StrictSchema):
    """The Chair's fate for one open proposal: ``provisions`` are the uids of the revision
    that reflect it; ``merged_with`` the other proposals it was merged with (mergers only)."""

    model_config = example(proposal=12, kind="reflected", provisions=["p4"])

    proposal: Whole
    kind: ChairFate
    provisions: list[Uid] = Field(default_factory=list, max_length=50)
    merged_with: list[Whole] = Field(default_factory=list, max_length=50)


class RevisionIn(StrictSchema):
    """The next version of a document as numbered plain text, its label, and the Chair's
    fates; an open proposal left out gets the engine's suggestion, unless it would vanish."""

    model_config = example(
        text="# Report\n\n1. The working group met in three substantive sessions.",
        label="Rev.2",
        fates=[{"proposal": 12, "kind": "reflected", "provisions": ["p4"]}],
    )

    text: str = Field(min_length=1, max_length=2_000_000)
    label: str = Field(min_length=1, max_length=80)
    fates: list[FateIn] = Field(default_factory=list, max_length=2000)


class RecordedFateOut(Schema):
    proposal: int
    kind: str
    provisions: list[str]
    merged_with: list[int]
    recorded: bool


class VersionIssuedOut(Schema):
    document: str
    number: int
    label: str
    content_hash: str
    provisions: int
    fates: list[RecordedFateOut]


def _accreditation(found: models.Accreditation) -> dict[str, object]:
    return {
        "username": found.user.get_username(),
        "full_name": found.user.get_full_name(),
        "role": found.role,
        "delegation": found.delegation.code if found.delegation else None,
        "mandates": sorted(g.code for g in found.mandates.all()),
    }


def _issued(version: models.Version) -> dict[str, object]:
    return {
        "document": version.document.slug,
        "number": version.number,
        "label": version.label,
        "content_hash": version.content_hash,
        "provisions": version.provisions.count(),
        "fates": [
            {
                "proposal": f.proposal_id,
                "kind": f.kind,
                "provisions": f.provisions,
                "merged_with": f.merged_with,
                "recorded": f.recorded,
            }
            for f in version.fates.order_by("proposal_id")
        ],
    }


@router.get(
    "/processes/{process}/accreditations",
    response={200: AccreditationList, **errors(*READ, 403)},
    auth=AUTH,
)
def list_accreditations(request: HttpRequest, process: str) -> dict[str, object]:
    """The people accredited to the process, with their role, delegation and group mandates;
    only the Secretariat sees them (401 without credentials, 403 for anyone else)."""
    found = visible_process(request, process)
    if not queries.may_administer(request.user, found):
        raise NotPermitted(Reason.NOT_SECRETARIAT)
    return {"items": [_accreditation(a) for a in queries.accreditations(found)]}


@router.post(
    "/processes/{process}/accreditations",
    response={201: AccreditationOut, **errors(*WRITE)},
    auth=AUTH,
)
def create_accreditation(
    request: HttpRequest, process: str, body: AccreditationIn
) -> Status[dict[str, object]]:
    """The Secretariat accredits a person. Refused, storing nothing: 403 for anyone but the
    Secretariat, 409 for a person already accredited, 422 for a role that does not fit the
    delegation, a delegation not taking part, an unknown group or one the delegation is not
    in, or a new account without a password."""
    by = writer(request)
    found = accredit_person(
        visible_process(request, process),
        by=by,
        username=body.username,
        full_name=body.full_name,
        email=body.email,
        password=body.password,
        role=Role(body.role),
        delegation=body.delegation.upper() if body.delegation else None,
        mandates=body.mandates,
    )
    return Status(201, _accreditation(found))


@router.delete(
    "/processes/{process}/accreditations/{username}",
    response={204: None, **errors(401, 403, 404)},
    auth=AUTH,
)
def delete_accreditation(request: HttpRequest, process: str, username: str) -> Status[None]:
    """The Secretariat withdraws a person's accreditation (their account and what they did
    stay). 404 ``not-accredited`` for a person not accredited, 403 for anyone but the
    Secretariat, or for the Secretariat's own accreditation."""
    by = writer(request)
    withdraw_accreditation(visible_process(request, process), by=by, username=username)
    return Status(204, None)


@router.post(
    "/processes/{process}/documents",
    response={201: VersionIssuedOut, **errors(*WRITE)},
    auth=AUTH,
)
def create_document(request: HttpRequest, process: str, body: DraftIn) -> Status[dict[str, object]]:
    """The Chair or the Secretariat publish a new document's first version from numbered
    plain text. 409 ``document-exists`` for a short name taken, 422 ``malformed-draft``
    naming the line that is not a numbered paragraph."""
    by = writer(request)
    version = publish_draft(
        visible_process(request, process),
        by=by,
        slug=body.slug,
        text=body.text,
        label=body.label,
        symbol=body.symbol,
    )
    return Status(201, _issued(version))


@router.post(
    "/processes/{process}/documents/{document}/revisions",
    response={201: VersionIssuedOut, **errors(*WRITE, 412, 428)},
    auth=AUTH,
    openapi_extra=contract.if_match(required=True),
)
def create_revision(
    request: HttpRequest, process: str, document: str, body: RevisionIn
) -> Status[dict[str, object]]:
    """The Chair issues the next version of the document from numbered plain text, with the
    fate of the open proposals. If-Match must carry the current version's ETag: 428 without
    it, 412 if another version was issued or its text changed since. Refused, storing
    nothing: 403 for anyone but the Chair, 422 ``proposals-without-fate`` naming the open
    proposals that would vanish, ``unknown-proposal``, ``malformed-draft``,
    ``already-adopted``."""
    by = grave_act(request)
    found = get_object_or_404(
        models.Document, process=visible_process(request, process), slug=document
    )
    check_if_match(request, queries.current_version(found), required=True)
    fates: dict[int, Fate] = {}
    for fate in body.fates:
        if fate.proposal in fates:
            raise Problem(
                422,
                "invalid-fates",
                _("Proposal %(proposal)d has two fates; give it one.")
                % {"proposal": fate.proposal},
            )
        kind = FateKind(fate.kind)
        fates[fate.proposal] = Fate(
            fate.proposal,
            kind,
            body.label,
            provisions=tuple(fate.provisions),
            merged_with=tuple(fate.merged_with) if kind is FateKind.MERGED else (),
        )
    version = issue_revision(found, by=by, text=body.text, label=body.label, fates=fates)
    return Status(201, _issued(version))
