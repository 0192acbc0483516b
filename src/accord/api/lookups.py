"""What every endpoint looks up the same way, and the failures every endpoint may answer."""

from django.http import Http404, HttpRequest

from accord.api import schemas
from accord.api.auth import optional_user
from accord.store import models, queries

# Every operation may answer these, each as a problem document.
ERRORS = dict.fromkeys((400, 401, 403, 404, 409, 412, 422, 429), schemas.Problem)


def visible_process(request: HttpRequest, process: str) -> models.Process:
    """The process, if the caller (by session or token) may see it; a 404 otherwise."""
    optional_user(request)
    found = queries.visible_process(request.user, process)
    if found is None:
        raise Http404
    return found


def visible_version(
    request: HttpRequest, process: str, document: str, number: int
) -> models.Version:
    optional_user(request)
    found = queries.visible_version(request.user, process, document, number)
    if found is None:
        raise Http404
    return found
