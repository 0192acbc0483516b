"""Adoption through the API: the record of a decision, the Chair recording it, and the
delegations' explanations of position after it."""

from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from accord.actions.adoption import deliver_explanation, record_adoption, record_vote
from accord.api import contract
from accord.api.auth import AUTH, grave_act, writer
from accord.api.contract import READ, TYPED_READ, WRITE, errors
from accord.api.lookups import version_to_change, visible_process, visible_version
from accord.api.schemas import StrictSchema, example
from accord.core.decisions import Ballot
from accord.store import models, queries
from accord.words.outcomes import adoption_words, vote_counts

router = Router(tags=["adoption"])


class ExplanationOut(Schema):
    delegation: str
    delegation_name: str
    text: str


class VoteOut(Schema):
    rule: str
    ballots: dict[str, str]
    yes: int
    no: int
    abstentions: int
    present: int
    needed: int
    quorum_needed: int
    quorum_met: bool


class AdoptionOut(Schema):
    document: str
    version: int
    adopted: bool
    method: str
    outcome: str
    decided_at: datetime
    objections: list[str]
    objecting: list[str]
    disassociations: dict[str, list[str]]
    provision_hashes: dict[str, str]
    explanations: list[ExplanationOut]
    vote: VoteOut | None


class AdoptionIn(StrictSchema):
    model_config = example(
        objections=["IRN"],
        explanations={"IRN": "Iran cannot join consensus on paragraph 12."},
        confirm=True,
    )

    objections: list[str] = []
    disassociations: dict[str, list[str]] = {}
    explanations: dict[str, str] = {}
    confirm: bool = False


class VoteIn(StrictSchema):
    model_config = example(
        ballots={"BRA": "yes", "DEU": "yes", "IRN": "no", "KEN": "abstain"},
        explanations={"IRN": "Iran voted against paragraph 12."},
        confirm=True,
    )

    ballots: dict[str, Literal["yes", "no", "abstain"]]
    explanations: dict[str, str] = {}
    confirm: bool = False


class OpenProposalOut(Schema):
    delegation: str
    paragraph: str
    version: str


class ChecklistOut(Schema):
    nothing_outstanding: bool
    not_agreed: list[str]
    open_proposals: list[OpenProposalOut]
    silences_running: int
    reserving: list[str]
    objecting: list[str]


class ExplanationIn(StrictSchema):
    model_config = example(text="Kenya joins consensus and welcomes paragraph 28.")

    text: str


def _adoption(adoption: models.Adoption, objecting: list[str]) -> dict[str, object]:
    return {
        "document": adoption.version.document.slug,
        "version": adoption.version.number,
        "adopted": adoption.adopted,
        "method": adoption.method,
        "outcome": adoption_words(adoption, objecting),
        "decided_at": adoption.decided_at,
        "objections": adoption.objections,
        "objecting": objecting,
        "disassociations": adoption.disassociations,
        "provision_hashes": adoption.provision_hashes,
        "explanations": [
            {"delegation": e.delegation.code, "delegation_name": e.delegation.name, "text": e.text}
            for e in adoption.explanations.all()
        ],
        "vote": (
            vote_counts(adoption.vote)
            | {"rule": adoption.vote.rule, "present": adoption.vote.present}
            | {"ballots": adoption.vote.ballots}
            if adoption.method == "vote"
            else None
        ),
    }


@router.get(
    "/processes/{process}/documents/{document}/adoptions",
    response={200: list[AdoptionOut], **errors(*READ)},
)
def list_adoptions(request: HttpRequest, process: str, document: str) -> list[dict[str, object]]:
    """Every outcome recorded on the document, oldest first: adopted or not, how (at a
    meeting by consensus, by silence procedure or by a recorded vote, with every ballot),
    ``outcome`` in words ("Not adopted — objection by Brazil"), the members objecting by
    name, the provision hashes the adoption binds, the disassociations and the explanations
    of position or of vote (national views, attributed)."""
    found = get_object_or_404(
        models.Document, process=visible_process(request, process), slug=document
    )
    return [_adoption(o.adoption, o.objecting) for o in queries.outcomes(found)]


@router.get(
    "/processes/{process}/documents/{document}/versions/{number}/adoption-checklist",
    response={200: ChecklistOut, **errors(*TYPED_READ)},
)
def adoption_checklist(
    request: HttpRequest, process: str, document: str, number: int
) -> dict[str, object]:
    """What is outstanding before the Chair records an outcome on the version: paragraphs
    not agreed (labels), open proposals on the document, silence procedures running and the
    members reserving or objecting (names). Unless ``nothing_outstanding``, recording an
    outcome needs ``"confirm": true``. Anyone who may read the version may read it."""
    found = queries.adoption_checklist(visible_version(request, process, document, number))
    return {
        "nothing_outstanding": found.is_empty,
        "not_agreed": list(found.not_agreed),
        "open_proposals": [
            {"delegation": p.delegation, "paragraph": p.paragraph, "version": p.version}
            for p in found.open_proposals
        ],
        "silences_running": found.silences_running,
        "reserving": list(found.reserving),
        "objecting": list(found.objecting),
    }


@router.post(
    "/processes/{process}/documents/{document}/versions/{number}/adoptions",
    response={201: AdoptionOut, **errors(*WRITE, 412, 428)},
    auth=AUTH,
    openapi_extra=contract.if_match(required=True),
)
def create_adoption(
    request: HttpRequest, process: str, document: str, number: int, body: AdoptionIn
) -> Status[dict[str, object]]:
    """The Chair records the outcome on the current version: the members objecting (none:
    adopted by consensus; any member: not adopted), disassociations from provisions (uids)
    and explanations. With matters outstanding (see the adoption checklist) it needs
    ``"confirm": true``. If-Match must carry the version's ETag: 428 without it, 412 if the
    text changed."""
    by = grave_act(request)
    version = version_to_change(request, process, document, number, grave=True)
    adoption = record_adoption(
        version,
        by=by,
        objections=[code.strip().upper() for code in body.objections],
        disassociations={code.upper(): uids for code, uids in body.disassociations.items()},
        explanations={code.upper(): text for code, text in body.explanations.items()},
        confirm=body.confirm,
    )
    return Status(201, _recorded(adoption))


@router.post(
    "/processes/{process}/documents/{document}/versions/{number}/votes",
    response={201: AdoptionOut, **errors(*WRITE, 412, 428)},
    auth=AUTH,
    openapi_extra=contract.if_match(required=True),
)
def create_vote(
    request: HttpRequest, process: str, document: str, number: int, body: VoteIn
) -> Status[dict[str, object]]:
    """The Chair records a recorded vote on the current version, where the rules of
    procedure decide by vote: ``ballots`` gives each member delegation's vote by code (yes,
    no or abstain; a member left out did not vote; an observer's ballot is refused) and
    ``explanations`` the explanations of vote. Whether it is adopted is derived from the
    ballots. With matters outstanding it needs ``"confirm": true``. If-Match must carry the
    version's ETag: 428 without it, 412 if the text changed."""
    by = grave_act(request)
    version = version_to_change(request, process, document, number, grave=True)
    adoption = record_vote(
        version,
        by=by,
        ballots={code.strip().upper(): Ballot(b) for code, b in body.ballots.items()},
        explanations={code.upper(): text for code, text in body.explanations.items()},
        confirm=body.confirm,
    )
    return Status(201, _recorded(adoption))


def _recorded(adoption: models.Adoption) -> dict[str, object]:
    latest = queries.outcome_of(adoption.version)
    return _adoption(latest.adoption, latest.objecting)


@router.post(
    "/processes/{process}/documents/{document}/explanations",
    response={201: ExplanationOut, **errors(*WRITE)},
    auth=AUTH,
)
def create_explanation(
    request: HttpRequest, process: str, document: str, body: ExplanationIn
) -> Status[dict[str, object]]:
    """Your delegation's explanation of position after the document's adoption (once)."""
    by = writer(request)
    found = get_object_or_404(
        models.Document, process=visible_process(request, process), slug=document
    )
    explanation = deliver_explanation(found, by=by, text=body.text)
    return Status(
        201,
        {
            "delegation": explanation.delegation.code,
            "delegation_name": explanation.delegation.name,
            "text": explanation.text,
        },
    )
