"""Every failure of the API answers in one format: RFC 9457 ``application/problem+json``.

``type`` is a stable URN naming the problem (``urn:accord:problem:not-permitted``), ``title``
its short code, ``status`` the HTTP status, ``detail`` a sentence in the reader's language, and
validation problems add ``errors``: the field and what is wrong with it.
"""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from accord.actions.adoption import AlreadyExplained, NotAdopted
from accord.actions.processes import (
    AlreadyAccredited,
    DocumentExists,
    NotAccredited,
    ProcessExists,
)
from accord.actions.witnesses import UnknownCheckpoint, UnknownWitness
from accord.api import contract
from accord.core.accreditation import NoStakeholders, StakeholdersByNonObjection, StakeholdersOpen
from accord.core.adoption import AdoptionNotConfirmed
from accord.core.cosponsorship import AlreadyInvited, NotInvited, NotTheProposer, ProposalNotOpen
from accord.core.errors import (
    NotPermitted,
    ProposalsFrozen,
    Refusal,
    SilenceClosed,
    SilenceClosedByAdoption,
    SilenceNotAllowed,
    SilenceSuperseded,
    SilenceWithdrawn,
    UnknownProvision,
    VersionNotCurrent,
)
from accord.words.refusals import explain

_REFUSAL_STATUS = {
    NotPermitted: 403,
    UnknownProvision: 404,
    VersionNotCurrent: 409,
    ProcessExists: 409,
    AlreadyAccredited: 409,
    DocumentExists: 409,
    NotAccredited: 404,
    NotTheProposer: 403,
    AlreadyInvited: 409,
    NotInvited: 409,
    ProposalNotOpen: 409,
    AlreadyExplained: 409,
    NotAdopted: 409,
    AdoptionNotConfirmed: 409,
    SilenceSuperseded: 409,
    SilenceWithdrawn: 409,
    SilenceClosedByAdoption: 409,
    SilenceClosed: 409,
    ProposalsFrozen: 409,
    SilenceNotAllowed: 409,
    NoStakeholders: 409,
    StakeholdersByNonObjection: 409,
    StakeholdersOpen: 409,
    UnknownWitness: 403,
    UnknownCheckpoint: 404,
}


class Problem(Exception):
    """A failure of the API layer itself (authentication, preconditions), not of a rule."""

    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(detail)
        self.status, self.code, self.detail = status, code, detail


def problem_body(status: int, code: str, detail: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": f"urn:accord:problem:{code}",
        "title": code,
        "status": status,
        "detail": detail,
        **extra,
    }


def problem(
    api: NinjaAPI, request: HttpRequest, status: int, code: str, detail: str, **extra: Any
) -> HttpResponse:
    response = api.create_response(
        request, problem_body(status, code, detail, **extra), status=status
    )
    response["Content-Type"] = "application/problem+json"
    return response


def nothing_here(api: NinjaAPI, request: HttpRequest) -> HttpResponse:
    """404: the address names nothing, or nothing the caller may see; the two look alike."""
    return problem(api, request, 404, "not-found", _("There is nothing here you may see."))


class ProblemAPI(NinjaAPI):
    """A NinjaAPI whose OpenAPI document says what it sends: problem documents for errors."""

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(**kwargs)
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                for status, answer in operation.get("responses", {}).items():
                    content = answer.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        content["application/problem+json"] = content.pop("application/json")
        return contract.finish(schema)


def _field(location: tuple[str | int, ...] | list[str | int]) -> str:
    """The field as a client names it: ``wording``, not django-ninja's ``body.body.wording``
    (the source, then the parameter, then the field)."""
    location = tuple(location)
    parts = location[2:] if location[:1] == ("body",) and len(location) > 2 else location[1:]
    return ".".join(str(part) for part in parts) or str(location[0])


def install(api: NinjaAPI) -> None:
    """Answer every failure `api` can meet as a problem document."""

    @api.exception_handler(Refusal)
    def refused(request: HttpRequest, refusal: Refusal) -> HttpResponse:
        status = _REFUSAL_STATUS.get(type(refusal), 422)
        return problem(api, request, status, refusal.code, explain(refusal))

    @api.exception_handler(Problem)
    def failed(request: HttpRequest, exc: Problem) -> HttpResponse:
        return problem(api, request, exc.status, exc.code, exc.detail)

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = [{"field": _field(e["loc"]), "message": e["msg"]} for e in exc.errors]
        detail = _("The request is not valid; see errors.")
        return problem(api, request, 422, "invalid-request", detail, errors=errors)

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return nothing_here(api, request)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        detail = _("Sign in, or send an API token as “Authorization: Bearer <token>”.")
        response = problem(api, request, 401, "not-authenticated", detail)
        response["WWW-Authenticate"] = 'Bearer realm="accord"'
        return response

    @api.exception_handler(Throttled)
    def throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
        detail = _("Too many requests; wait as long as Retry-After says, then try again.")
        return problem(api, request, 429, "too-many-requests", detail)

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        # django-ninja answers any failure to read a body as 400; when the reason is text no
        # field may hold (`accord.api.parsing`), the answer names the field and says why.
        if exc.status_code == 400 and isinstance(exc.__cause__, ValidationError):
            errors = [
                {"field": _field(e["loc"]), "message": e["msg"]} for e in exc.__cause__.errors
            ]
            detail = _("The request body holds text accord cannot take; see errors.")
            return problem(api, request, 400, "invalid-text", detail, errors=errors)
        return problem(api, request, exc.status_code, "http-error", str(exc))
