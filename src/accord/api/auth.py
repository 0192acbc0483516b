"""Who is calling: a browser session (with its CSRF token) or a personal API token."""

from django.contrib.auth.models import User
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import HttpBearer, SessionAuth

from accord.actions.tokens import use_api_token
from accord.api.problems import Problem


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        found = use_api_token(token)
        if found is None:
            return None
        request.user = found.user
        request.api_token = found  # type: ignore[attr-defined]
        return found.user


class SignedInSession(SessionAuth):
    """The browser's session, with its CSRF check; without a signed-in session it stands
    aside (so the caller hears 401, not a CSRF complaint about a session it never had)."""

    def __call__(self, request: HttpRequest) -> User | None:
        if not request.user.is_authenticated:
            return None
        result: User | None = super().__call__(request)
        return result


token_auth = TokenAuth()
# Programs send a token; pages of accord itself call with the browser's session.
AUTH = [token_auth, SignedInSession()]


def optional_user(request: HttpRequest) -> None:
    """On reads, a token is welcome but not needed: make its user the request's user."""
    header = request.headers.get("Authorization", "")
    presented = header.removeprefix("Bearer ").strip()
    if header.startswith("Bearer ") and token_auth.authenticate(request, presented) is None:
        raise Problem(401, "not-authenticated", _("This API token is not valid."))


def writer(request: HttpRequest) -> User:
    """The user of a writing endpoint; a read-only token may not write."""
    token = getattr(request, "api_token", None)
    if token is not None and token.read_only:
        raise Problem(403, "read-only-token", _("This API token may only read."))
    assert isinstance(request.user, User)
    return request.user
