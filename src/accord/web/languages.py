"""The language of the interface: chosen with the switcher in the page header, remembered in
a signed-in person's profile and, for everyone, in Django's language cookie; either wins over
the browser's Accept-Language (docs/languages.md)."""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accord.actions.preferences import choose_language, chosen_language

# The profile's language, copied into the session at sign-in: no query on later requests.
SESSION_KEY = "accord_language"


@receiver(user_logged_in)
def _signed_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = chosen_language(user)


class PersonalLanguage:
    """Speak to a signed-in person in the language of their profile. After Django's
    LocaleMiddleware (cookie, then Accept-Language) and the authentication middleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Only a signed-in session holds the key (sign-out empties the session); reading the
        # session alone spares loading the user on pages that do not need them.
        code = request.session.get(SESSION_KEY)
        if code:
            translation.activate(code)
            request.LANGUAGE_CODE = code
        return self.get_response(request)


@require_POST
def switch_language(request: HttpRequest) -> HttpResponse:
    """Change the language of the interface and go back to the page it was changed on."""
    code = request.POST.get("language", "")
    if code not in dict(settings.LANGUAGES):
        return HttpResponseBadRequest(
            _("accord speaks the six official languages of the United Nations only."),
            content_type="text/plain; charset=utf-8",
        )
    if request.user.is_authenticated:
        choose_language(request.user, code)
        request.session[SESSION_KEY] = code
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = "/"
    response = redirect(back)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
