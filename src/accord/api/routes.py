"""Version 1 of the JSON API."""

from collections.abc import Sequence
from typing import Literal

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Status

from accord.actions.positions import record_position
from accord.actions.proposals import submit_proposal, withdraw_proposal
from accord.api import contract, live, problems, process_routes, schemas
from accord.api.adoption_routes import router as adoption_router
from accord.api.auth import AUTH, optional_user, writer
from accord.api.check_routes import router as check_router
from accord.api.contract import BARE_WRITE, READ, TYPED_READ, WRITE, errors
from accord.api.convergence_routes import router as convergence_router
from accord.api.cosponsor_routes import router as cosponsor_router
from accord.api.document_routes import router as document_router
from accord.api.language_routes import router as language_router
from accord.api.lookups import version_to_change, visible_process, visible_version
from accord.api.pagination import DEFAULT_LIMIT, Cursor, Limit, page
from accord.api.parsing import NoNulParser
from accord.api.participant_routes import router as participant_router
from accord.api.record_routes import router as record_router
from accord.api.rendering import FastJSONRenderer
from accord.api.silence_routes import router as silence_router
from accord.api.staff_routes import router as staff_router
from accord.api.statement_routes import router as statement_router
from accord.api.status_routes import router as status_router
from accord.api.throttling import CallerThrottle
from accord.core import compilation as cp
from accord.core import proposals as pr
from accord.core import provisions as pv
from accord.core.fates import Fate
from accord.core.positions import Stance
from accord.store import convert, models, queries
from accord.words.outcomes import adoption_words

api = problems.ProblemAPI(
    title="accord",
    version="1",
    urls_namespace="api-v1",
    throttle=[CallerThrottle()],
    renderer=FastJSONRenderer(),
    parser=NoNulParser(),
)
problems.install(api)
api.add_router("/", live.router)
api.add_router("", document_router)
api.add_router("", language_router)
api.add_router("/", check_router)
api.add_router("/", adoption_router)
api.add_router("", participant_router)
api.add_router("/", status_router)
process_routes.install(api)
api.add_router("/", cosponsor_router)
api.add_router("/", silence_router)
api.add_router("/", statement_router)
api.add_router("/", staff_router)
api.add_router("/", record_router)
api.add_router("/", convergence_router)


def _etag(text: pv.Version) -> str:
    return f'"{text.content_hash}"'


def _fate(f: Fate) -> dict[str, object]:
    return {
        "revision": f.revision,
        "version": f.version,
        "fate": f.kind.value,
        "provisions": list(f.provisions),
        "merged_with": list(f.merged_with),
        "recorded": f.recorded,
    }


def _carried(c: pr.Carried | None) -> dict[str, object] | None:
    if c is None:
        return None
    return {
        "version": c.version,
        "version_label": c.version_label,
        "provision": c.provision_uid,
        "provision_label": c.provision_label,
        "changes": [change.value for change in c.changes],
    }


def _proposal(p: pr.Proposal, fates: Sequence[Fate] = ()) -> dict[str, object]:
    return {
        "id": p.id,
        "provision": p.provision_uid,
        "delegation": p.proponent.delegation,
        "delegation_name": p.proponent.delegation_name,
        "on_behalf_of": p.proponent.group,
        "cosponsors": [
            {"delegation": c.delegation, "delegation_name": c.delegation_name} for c in p.cosponsors
        ],
        "kind": pr.proposal_kind(p).value,
        "wording": p.wording,
        "justification": p.justification,
        "status": p.status.value,
        "submitted_at": p.submitted_at,
        "operations": [{"kind": o.kind.value, "old": o.old, "new": o.new} for o in p.amendment.ops],
        "options": list(p.options),
        "structure": convert.structure_json(p.structure),
        "fates": [_fate(f) for f in fates],
        "carried": _carried(p.carried),
    }


@api.get("/processes", response={200: schemas.ProcessPage, **errors(400, 401, 422)})
def list_processes(
    request: HttpRequest, cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT
) -> dict[str, object]:
    optional_user(request)
    items, following = page(queries.visible_processes(request.user), cursor=cursor, limit=limit)
    return {"items": items, "next": following}


@api.get(
    "/processes/{process}/documents/{document}",
    response={200: schemas.DocumentOut, **errors(*READ)},
)
def get_document(request: HttpRequest, process: str, document: str) -> dict[str, object]:
    """A document and its versions; ``current_version`` is the one to propose on."""
    found = get_object_or_404(
        models.Document, process=visible_process(request, process), slug=document
    )
    versions = list(found.versions.order_by("number").values("number", "label"))
    outcomes = [_outcome(o) for o in queries.outcomes(found)]
    return {
        "slug": found.slug,
        "title": found.title,
        "symbol": found.symbol,
        "current_version": versions[-1]["number"],
        "versions": versions,
        "adopted": any(o["adopted"] for o in outcomes),
        "outcomes": outcomes,
    }


def _outcome(found: queries.Outcome) -> dict[str, object]:
    """An outcome recorded on a version, as the document and version resources carry it."""
    adoption = found.adoption
    return {
        "version": adoption.version.number,
        "adopted": adoption.adopted,
        "method": adoption.method,
        "outcome": adoption_words(adoption, found.objecting),
        "objecting": found.objecting,
        "decided_at": adoption.decided_at,
    }


@api.get(
    "/processes/{process}/documents/{document}/versions/{number}",
    response={200: schemas.VersionOut, 304: None, **errors(*TYPED_READ)},
    openapi_extra=contract.IF_NONE_MATCH,
)
def get_version(
    request: HttpRequest, process: str, document: str, number: int, response: HttpResponse
) -> object:
    """A version's provisions. Its ETag is its content hash: send it back in If-None-Match
    and an unchanged version answers 304 with no body."""
    version = visible_version(request, process, document, number)
    text = queries.version_value(version)
    if request.headers.get("If-None-Match") == _etag(text):
        return HttpResponse(status=304, headers={"ETag": _etag(text)})
    response["ETag"] = _etag(text)
    return {
        "document": version.document.slug,
        "number": version.number,
        "label": version.label,
        "title": version.title,
        "title_block": version.title_block,
        "issued_at": version.issued_at,
        "content_hash": text.content_hash,
        "is_current": queries.current_version(version.document).pk == version.pk,
        "outcomes": [
            _outcome(o)
            for o in queries.outcomes(version.document)
            if o.adoption.version_id == version.pk
        ],
        "provisions": [schemas.provision_body(p) for p in text],
    }


@api.get(
    "/processes/{process}/documents/{document}/versions/{number}/compilation",
    response={200: schemas.CompilationOut, **errors(*TYPED_READ)},
)
def get_compilation(
    request: HttpRequest,
    process: str,
    document: str,
    number: int,
    delegation: str = "",
    group: str = "",
    section: str = "",
    status: Literal[
        "", "open", "reflected", "partly-reflected", "merged", "not-taken-up", "withdrawn"
    ] = "",
) -> HttpResponse:
    """Every proposal on the version, under its provision, with its fates; on the current
    version also every open proposal made on an earlier one, carried onto the provision that
    now continues its target (``carried`` says where it was made and how its target
    changed). ``delegation`` (a code), ``group`` (a code: proposals on its behalf or by its
    members), ``section`` (a section's uid: its provisions only) and ``status`` narrow it
    down. The body is built to the published schema and sent as it is: validating 5,000
    proposals again on the way out would cost more than building them (the schema tests and
    schemathesis check that it matches). Each entry is written once and kept under the
    digest of what it shows, as the compilation page's are (see
    `queries.compilation_outline`): after an event on one paragraph, only that paragraph's
    entry is written again."""
    version = visible_version(request, process, document, number)
    wanted = queries.CompilationFilter(delegation.upper(), group, section, status)
    # The version's text is read only to compile what is not kept.
    outline = queries.compilation_outline(version, None, wanted, budget=queries.PART_PROPOSALS)
    keys = [queries.digest_key("entry-json", e.digest) for e in outline.entries]

    def build(indices: Sequence[int]) -> list[bytes]:
        shown = [outline.entries[at] for at in indices]
        return [
            api.renderer.render(request, _entry(e), response_status=200)
            for e in queries.compiled_entries(version, None, wanted, shown)
        ]

    head = {"document": version.document.slug, "version": version.number}
    body = api.renderer.render(
        request, head | {"proposal_count": outline.proposal_count}, response_status=200
    )
    entries = b",".join(queries.kept_texts(keys, build, [(0, len(keys))]))
    # The entries go last in the object, as the schema lists them.
    body = body[:-1] + b',"entries":[' + entries + b"]}"
    return HttpResponse(body, status=200, content_type=api.get_content_type())


def _entry(e: cp.CompilationEntry) -> dict[str, object]:
    """One entry of a compilation as `CompilationOut` describes it."""
    return {
        "provision": schemas.provision_body(e.provision),
        "proposals": [_proposal(p, f) for p, f in e.proposals_with_fates],
    }


@api.post(
    "/processes/{process}/documents/{document}/versions/{number}/proposals",
    response={201: schemas.ProposalOut, **errors(*WRITE, 412)},
    auth=AUTH,
    openapi_extra=contract.if_match(required=False),
)
def create_proposal(
    request: HttpRequest, process: str, document: str, number: int, body: schemas.ProposalIn
) -> Status[dict[str, object]]:
    """Propose new wording for one provision, for the caller's own delegation (or a group it
    holds the mandate of). With If-Match carrying the version's ETag, the proposal is refused
    with 412 if the version's text is no longer what the caller read."""
    by = writer(request)
    version = version_to_change(request, process, document, number)
    row = submit_proposal(
        version,
        by=by,
        provision_uid=body.provision,
        wording=body.wording,
        justification=body.justification,
        on_behalf_of=body.on_behalf_of,
        kind=pr.ProposalKind(body.kind),
        options=tuple(body.options),
        after=body.after,
    )
    # As it was just made: with its delegation and group, and no co-sponsor yet.
    return Status(201, _proposal(convert.proposal_value(row)))


@api.post(
    "/processes/{process}/documents/{document}/versions/{number}/proposals/{proposal}/withdraw",
    response={200: schemas.ProposalOut, **errors(*BARE_WRITE)},
    auth=AUTH,
)
def withdraw(
    request: HttpRequest, process: str, document: str, number: int, proposal: int
) -> dict[str, object]:
    """Withdraw one of your delegation's open proposals, made on this version or, still open,
    on an earlier version of the document."""
    by = writer(request)
    version = visible_version(request, process, document, number)
    found = get_object_or_404(models.Proposal, pk=proposal, version__document=version.document)
    withdraw_proposal(found, by=by)
    fates = queries.fates_of([proposal]).get(proposal, [])
    return _proposal(next(queries.proposal_values(version, ids=[proposal])), fates)


@api.post(
    "/processes/{process}/documents/{document}/versions/{number}/positions",
    response={201: schemas.PositionOut, **errors(*WRITE)},
    auth=AUTH,
)
def create_position(
    request: HttpRequest, process: str, document: str, number: int, body: schemas.PositionIn
) -> Status[dict[str, object]]:
    """Record your delegation's position on one provision's current text; it is bound to the
    hash of that text and goes stale when the text changes."""
    by = writer(request)
    version = visible_version(request, process, document, number)
    row = record_position(
        version, by=by, provision_uid=body.provision, stance=Stance(body.stance), note=body.note
    )
    return Status(
        201,
        {
            "provision": row.provision_uid,
            "delegation": row.delegation.code,
            "stance": row.stance,
            "note": row.note,
            "text_hash": row.text_hash,
            "recorded_at": row.recorded_at,
        },
    )
