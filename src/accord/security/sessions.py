"""How long a session lasts, when it must show a second factor, and how recently its user
proved who they are.

At sign-in accord notes in the session when it began and whether it must be confirmed with a
second factor; the middleware here ends a session that has lived past
``ACCORD_SESSION_LIFETIME`` or stood idle past ``ACCORD_SESSION_IDLE``, and sends a session
that still owes its second factor to the page that asks for it.
"""

import time
from collections.abc import Callable
from datetime import UTC, datetime
from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth.models import User
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_otp import user_has_device

from accord.core.participants import Role
from accord.security import per_process
from accord.security.models import SignedInSession
from accord.store import models

SIGNED_IN_AT = "accord.signed_in_at"
SEEN_AT = "accord.seen_at"
AUTHENTICATED_AT = "accord.authenticated_at"
PRIVILEGED = "accord.privileged"
HAS_DEVICE = "accord.has_second_factor"
# Writing the session on every request would cost a query each; a minute is precise enough.
SEEN_EVERY = 60.0
PRIVILEGED_ROLES = (Role.CHAIR, Role.BUREAU, Role.SECRETARIAT)
# The pages a session owing its second factor may still open.
OPEN_WITHOUT_SECOND_FACTOR = frozenset(
    {
        "web:login",
        "web:logout",
        "web:second-factor",
        "web:second-factor-setup",
        "web:passkey-add",
        "set_language",
    }
)


def privileged(user: User) -> bool:
    """Staff, and whoever is Chair, Bureau or Secretariat of any process."""
    return bool(getattr(user, "is_staff", False)) or (
        models.Accreditation.objects.filter(user=user, role__in=PRIVILEGED_ROLES).exists()
    )


@receiver(user_logged_in)
def _signed_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is None or not hasattr(request, "session"):
        return
    now = time.time()
    session = request.session
    session[SIGNED_IN_AT] = session[SEEN_AT] = session[AUTHENTICATED_AT] = now
    session[PRIVILEGED] = privileged(user)
    session[HAS_DEVICE] = user_has_device(user)
    if session.session_key is None:
        session.save()
    SignedInSession.objects.update_or_create(
        session_key=session.session_key,
        defaults={
            "user": user,
            "signed_in_at": datetime.fromtimestamp(now, UTC),
            "address": str(request.META.get("REMOTE_ADDR", ""))[:45],
            "browser": str(request.META.get("HTTP_USER_AGENT", ""))[:300],
        },
    )


@receiver(user_logged_out)
def _signed_out(sender: Any, request: HttpRequest | None, **kwargs: Any) -> None:
    key = getattr(getattr(request, "session", None), "session_key", None)
    if key:
        SignedInSession.objects.filter(session_key=key).delete()


def end_session(signed_in: SignedInSession) -> None:
    """Sign that browser out: its session is deleted from the store, then forgotten here."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    store(session_key=signed_in.session_key).delete()
    signed_in.delete()


def live_sessions(user: User) -> list[SignedInSession]:
    """The user's sessions that the store still holds, newest first."""
    rows = list(SignedInSession.objects.filter(user=user))
    store = import_module(settings.SESSION_ENGINE).SessionStore
    return [row for row in rows if store().exists(row.session_key)]


def owes_second_factor(request: HttpRequest) -> bool:
    """A signed-in session that must show a second factor and has not yet."""
    session = request.session
    if auth.SESSION_KEY not in session:
        return False
    required = settings.ACCORD_SECOND_FACTOR == "required" and session.get(PRIVILEGED, False)
    if not (required or session.get(HAS_DEVICE, False)):
        return False
    return not request.user.is_verified()  # type: ignore[union-attr]


def recently_authenticated(request: HttpRequest) -> bool:
    """Whether the user gave their password (and second factor) recently enough for a grave
    act: within ``ACCORD_REAUTHENTICATE_AFTER``."""
    when = request.session.get(AUTHENTICATED_AT)
    window = settings.ACCORD_REAUTHENTICATE_AFTER.total_seconds()
    return when is not None and time.time() - float(when) <= window


def mark_authenticated(request: HttpRequest) -> None:
    request.session[AUTHENTICATED_AT] = time.time()


def mark_second_factor(request: HttpRequest) -> None:
    request.session[HAS_DEVICE] = True


class SessionLimits:
    """Middleware: ends a session past its lifetime or idle too long."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = request.session
        if auth.SESSION_KEY in session:
            now = time.time()
            began = float(session.setdefault(SIGNED_IN_AT, now))
            seen = float(session.setdefault(SEEN_AT, now))
            if (
                now - began > settings.ACCORD_SESSION_LIFETIME.total_seconds()
                or now - seen > settings.ACCORD_SESSION_IDLE.total_seconds()
            ):
                auth.logout(request)
            elif now - seen > SEEN_EVERY:
                session[SEEN_AT] = now
        return self.get_response(request)


class SecondFactorRequired:
    """Middleware: a page asked for by a session that owes its second factor sends it to the
    page asking for one (the API answers such a session itself, in `accord.api.auth`)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        match = request.resolver_match
        if match is None or match.view_name in OPEN_WITHOUT_SECOND_FACTOR:
            return None
        if match.namespace != "web":
            return None
        if not owes_second_factor(request):
            return self._required_by_process(request, match.kwargs.get("process"))
        target = (
            "web:second-factor" if request.session.get(HAS_DEVICE) else "web:second-factor-setup"
        )
        response = redirect(target)
        response["Location"] += "?" + urlencode({"next": request.get_full_path()})
        return response

    @staticmethod
    def _required_by_process(request: HttpRequest, slug: str | None) -> HttpResponse | None:
        """A write in a process whose rules ask its delegates for a second factor, by a
        delegate who has none: sent to set one up first."""
        if request.method != "POST" or slug is None:
            return None
        if not per_process.owes_second_factor_in(request.user, slug):
            return None
        messages.info(
            request,
            _("The rules of this process ask delegates for a second factor before they act."),
        )
        response = redirect("web:second-factor-setup")
        response["Location"] += "?" + urlencode({"next": request.get_full_path()})
        return response
