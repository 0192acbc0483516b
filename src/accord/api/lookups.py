"""What every endpoint looks up the same way, and the failures every endpoint may answer."""

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from accord.api import problems
from accord.api.auth import optional_user
from accord.store import models, queries


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


def version_etag(version: models.Version) -> str:
    """The ETag of a version: the hash of its text as it reads now."""
    return f'"{queries.version_value(version).content_hash}"'


def version_to_change(
    request: HttpRequest, process: str, document: str, number: int, *, grave: bool = False
) -> models.Version:
    """The version a write acts on. With If-Match carrying the ETag the caller read, a 412
    when the text is no longer that: two people editing the same thing do not overwrite each
    other. A ``grave`` act (adoption, a silence procedure, a status mark) needs If-Match."""
    version = visible_version(request, process, document, number)
    check_if_match(request, version, required=grave)
    return version


def check_if_match(request: HttpRequest, version: models.Version, *, required: bool) -> None:
    """A 412 when If-Match carries an ETag other than ``version``'s; a 428 when it is
    ``required`` and missing, so that no grave act is taken on a text the caller never read."""
    expected = request.headers.get("If-Match")
    if required and not expected:
        raise problems.Problem(
            428,
            "precondition-required",
            _(
                "Send the ETag of the version you read as If-Match: this act needs to know "
                "which text it acts on."
            ),
        )
    if expected and expected != version_etag(version):
        raise problems.Problem(
            412, "precondition-failed", _("The version changed since you read it; read it again.")
        )
