"""Problem documents at the API's edges: what Django answers before django-ninja has a say.

An address under ``/api/`` that names no operation, a method an address does not take (405),
a body larger than accord reads (413) and any other failure answered outside the API's own
handlers reach the client as an RFC 9457 problem document, as every other API error does.
"""

from collections.abc import Callable

import orjson
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from accord.api.problems import problem_body
from accord.documents.safezip import MAX_FILE_BYTES

PROBLEM = "application/problem+json"


def _too_large(request: HttpRequest) -> int | None:
    """The limit a request's declared length passes, or None. A form with a file may carry
    the file's limit on top of the fields'; anything else, the fields' limit alone."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if request.content_type == "multipart/form-data":
        limit += MAX_FILE_BYTES
    return limit if length > limit else None


def _sorted(methods: str) -> str:
    """The allowed methods in one order, whatever order django-ninja listed them in."""
    return ", ".join(sorted(method.strip() for method in methods.split(",") if method.strip()))


def _words(status: int, request: HttpRequest, response: HttpResponse) -> tuple[str, str]:
    if status == 405:
        allowed = response["Allow"] = _sorted(response.get("Allow", ""))
        return "method-not-allowed", _(
            "This address does not take %(method)s; it takes %(allowed)s."
        ) % {"method": request.method, "allowed": allowed}
    if status == 404:
        return "not-found", _("There is nothing here you may see.")
    if status == 403:
        return "forbidden", _("This request is not permitted.")
    if status == 400:
        return "bad-request", _("The request could not be read.")
    return "http-error", _("The request failed (HTTP status %(status)d).") % {"status": status}


class ApiProblems:
    """Middleware: every error answer under ``/api/`` is a problem document."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        limit = _too_large(request)
        if limit is not None:
            return problem_response(
                413,
                "too-large",
                _("The request is larger than the %(limit)d bytes accord reads.")
                % {"limit": limit},
            )
        response = self.get_response(request)
        if response.status_code < 400 or response.get("Content-Type", "").startswith(PROBLEM):
            return response
        code, detail = _words(response.status_code, request, response)
        answer = problem_response(response.status_code, code, detail)
        for header in ("Allow", "Retry-After", "WWW-Authenticate"):
            if header in response:
                answer[header] = response[header]
        return answer


def problem_response(status: int, code: str, detail: str) -> HttpResponse:
    body = orjson.dumps(problem_body(status, code, detail))
    return HttpResponse(body, status=status, content_type=PROBLEM)
