"""Who is calling: a browser session (with its CSRF token) or a personal API token."""

from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import HttpBearer, SessionAuth

from accord.actions.tokens import use_api_token
from accord.api.problems import Problem
from accord.security.per_process import owes_second_factor_in
from accord.security.sessions import owes_second_factor, recently_authenticated
from accord.store.models import ApiToken


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        found = use_api_token(token)
        request.api_token = found  # type: ignore[attr-defined]
        if found is None:
            return None
        request.user = found.user
        return found.user


class SignedInSession(SessionAuth):
    """The browser's session, with its CSRF check; without a signed-in session it stands
    aside (so the caller hears 401, not a CSRF complaint about a session it never had)."""

    def __call__(self, request: HttpRequest) -> User | None:
        if not request.user.is_authenticated:
            return None
        if owes_second_factor(request):
            raise Problem(
                403,
                "second-factor-required",
                _("Confirm this sign-in with your second factor on the sign-in page first."),
            )
        result: User | None = super().__call__(request)
        return result


token_auth = TokenAuth()
# Programs send a token; pages of accord itself call with the browser's session.
AUTH = [token_auth, SignedInSession()]


def presented_token(request: HttpRequest) -> ApiToken | None:
    """The valid API token the request carries, looked up once per request; its user becomes
    the request's user. None without one, or when it is not valid."""
    if not hasattr(request, "api_token"):
        header = request.headers.get("Authorization", "")
        if header.startswith("Bearer "):
            token_auth.authenticate(request, header.removeprefix("Bearer ").strip())
    return getattr(request, "api_token", None)


def optional_user(request: HttpRequest) -> None:
    """On reads, a token is welcome but not needed: make its user the request's user."""
    presented = request.headers.get("Authorization", "").startswith("Bearer ")
    if presented and presented_token(request) is None:
        raise Problem(401, "not-authenticated", _("This API token is not valid."))
    if not presented and owes_second_factor(request):
        # Until the second factor is shown, the session reads what anybody may read.
        request.user = AnonymousUser()


def writer(request: HttpRequest) -> User:
    """The user of a writing endpoint; a read-only token may not write."""
    token = getattr(request, "api_token", None)
    if token is not None and token.read_only:
        raise Problem(403, "read-only-token", _("This API token may only read."))
    assert isinstance(request.user, User)
    match = request.resolver_match
    slug = match.kwargs.get("process") if match is not None else None
    if slug is not None and owes_second_factor_in(request.user, slug):
        raise Problem(
            403,
            "second-factor-required-by-process",
            _(
                "The rules of this process ask delegates for a second factor: set up a "
                "passkey or an authenticator app under Account before acting in it."
            ),
        )
    return request.user


def grave_act(request: HttpRequest) -> User:
    """The user of an act that cannot be taken back (issuing a revision, recording adoption):
    a browser session must have given its password recently; a token acts for its owner,
    who had to give theirs to create it."""
    user = writer(request)
    if getattr(request, "api_token", None) is None and not recently_authenticated(request):
        raise Problem(
            403,
            "reauthentication-required",
            _("Give your password again on the confirmation page before this act."),
        )
    return user
