"""Signing in safely: the second factor (an authenticator app, with recovery codes), giving
the password again before a grave act, and the page of one's sessions and tokens."""

import base64
from collections.abc import Callable
from functools import wraps
from typing import Any

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import devices_for_user, match_token, user_has_device
from django_otp import login as otp_login
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accord.security import passkeys, sessions
from accord.security.models import Passkey, SignedInSession
from accord.store import models
from accord.web.views import signed_in

RECOVERY_CODES = 10


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class ConfirmForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = forms.CharField(label=gettext_lazy("Code"), max_length=20, required=False)


class SignIn(LoginView):
    """The sign-in page; it says when this instance asks nobody for a second factor."""

    template_name = "accord/login.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        required = settings.ACCORD_SECOND_FACTOR == "required"
        return super().get_context_data(**kwargs) | {"second_factor_optional": not required}


def locked_out(request: HttpRequest, credentials: Any = None, *args: Any) -> HttpResponse:
    """What django-axes answers to a sign-in while the account or the address is locked."""
    minutes = round(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    context = {"cooloff_minutes": minutes}
    return render(request, "accord/locked_out.html", context, status=429)


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else resolve_url(settings.LOGIN_REDIRECT_URL)


def _to(name: str, after: str) -> HttpResponse:
    response = redirect(name)
    response["Location"] += "?" + urlencode({"next": after})
    return response


def _code(form: CodeForm | ConfirmForm) -> str:
    return "".join(str(form.cleaned_data["code"]).split())


@login_required
@require_http_methods(["GET", "POST"])
def second_factor(request: HttpRequest) -> HttpResponse:
    """Confirm this sign-in with a code from the authenticator app or a recovery code."""
    user = signed_in(request)
    if not user_has_device(user):
        return _to("web:second-factor-setup", _next(request))
    if request.method == "POST" and "credential" in request.POST:
        return _second_factor_by_passkey(request, user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, _code(form))
        if device is not None:
            return _confirmed(request, device)
        form.add_error("code", _("This code is not valid, or it was used already."))
    return _second_factor_page(request, user, form)


def _confirmed(request: HttpRequest, device: Device) -> HttpResponse:
    otp_login(request, device)
    sessions.mark_authenticated(request)
    return redirect(_next(request))


def _second_factor_by_passkey(request: HttpRequest, user: User) -> HttpResponse:
    try:
        passkey = passkeys.authenticate(request, user, request.POST["credential"])
    except passkeys.PasskeyRefused as refused:
        return _second_factor_page(request, user, CodeForm(), refused=str(refused))
    return _confirmed(request, passkey)


def _second_factor_page(
    request: HttpRequest, user: User, form: CodeForm, refused: str = ""
) -> HttpResponse:
    context = {
        "form": form,
        "refused": refused,
        "next": _next(request),
        "has_code": any(not isinstance(d, Passkey) for d in devices_for_user(user)),
        "options": passkeys.authentication_options(request, user),
    }
    status = 400 if form.errors or refused else 200
    return render(request, "accord/second_factor.html", context, status=status)


def _qr_code(url: str) -> str:
    """The provisioning address as an SVG QR code, in a data: address the page can show."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode()


def _recovery_codes(user: User) -> list[str]:
    """New recovery codes, each good once; the old ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=_("Recovery codes"), confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@login_required
@require_http_methods(["GET", "POST"])
def second_factor_setup(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app: scan the code, type what the app shows. Someone who has
    a second factor already must have confirmed this session with it first, so a stolen
    password cannot replace it."""
    user = signed_in(request)
    if user_has_device(user) and not user.is_verified():  # type: ignore[attr-defined]
        return _to("web:second-factor", _next(request))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(_code(form)):
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            sessions.mark_second_factor(request)
            sessions.mark_authenticated(request)
            codes = {"codes": _recovery_codes(user), "next": _next(request)}
            return render(request, "accord/recovery_codes.html", codes)
        form.add_error("code", _("This code is not the one the app shows now; try again."))
    context: dict[str, object] = {
        "form": form,
        "next": _next(request),
        "qr_code": _qr_code(device.config_url),
        "key": base64.b32encode(device.bin_key).decode(),
    }
    status = 400 if form.errors else 200
    return render(request, "accord/second_factor_setup.html", context, status=status)


@login_required
@require_POST
def new_recovery_codes(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    if not user.is_verified() or not sessions.recently_authenticated(request):  # type: ignore[attr-defined]
        return _to("web:confirm-identity", request.path)
    context = {"codes": _recovery_codes(user), "next": resolve_url(settings.LOGIN_REDIRECT_URL)}
    return render(request, "accord/recovery_codes.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def confirm_identity(request: HttpRequest) -> HttpResponse:
    """Give the password again (and a code, for those with a second factor) before a grave
    act. Wrong passwords count towards the sign-in lockout like those on the sign-in page."""
    user = signed_in(request)
    has_device = user_has_device(user)
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        who = authenticate(
            request, username=user.get_username(), password=form.cleaned_data["password"]
        )
        device = _device(request, user, form) if has_device and who is not None else None
        if who is None:
            form.add_error("password", _("This password is not right."))
        elif has_device and device is None:
            if not form.errors:
                form.add_error("code", _("This code is not valid, or it was used already."))
        else:
            if device is not None:
                otp_login(request, device)
            sessions.mark_authenticated(request)
            return redirect(_next(request))
    context = {
        "form": form,
        "next": _next(request),
        "has_device": has_device,
        "options": passkeys.authentication_options(request, user) if has_device else None,
    }
    status = 400 if form.errors else 200
    return render(request, "accord/confirm_identity.html", context, status=status)


def _device(request: HttpRequest, user: User, form: ConfirmForm) -> Device | None:
    """The device that confirms: the passkey that signed, or the one the code matches."""
    if not request.POST.get("credential"):
        return match_token(user, _code(form))
    try:
        return passkeys.authenticate(request, user, request.POST["credential"])
    except passkeys.PasskeyRefused as refused:
        form.add_error(None, str(refused))
        return None


def recent_sign_in_required(
    on: tuple[str, ...] = ("GET", "POST"),
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """For views of grave acts: a session whose password is older than
    ``ACCORD_REAUTHENTICATE_AFTER`` gives it again first, then comes back here."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method in on and not sessions.recently_authenticated(request):
                return confirm_first(request)
            return view(request, *args, **kwargs)

        return checked

    return decorate


def confirm_first(request: HttpRequest) -> HttpResponse:
    """Send the user to give their password again, then back to this page."""
    messages.info(request, _("Give your password again before this act."))
    return _to("web:confirm-identity", request.path)


@login_required
def account(request: HttpRequest) -> HttpResponse:
    """The user's signed-in sessions, API tokens and second factor, each with a way to end
    or replace it."""
    user = signed_in(request)
    context = {
        "sessions": sessions.live_sessions(user),
        "current": request.session.session_key,
        "tokens": models.ApiToken.objects.filter(user=user),
        "devices": [d for d in devices_for_user(user) if isinstance(d, TOTPDevice)],
        "passkeys": Passkey.objects.filter(user=user, confirmed=True),
        "verified": user.is_verified(),  # type: ignore[attr-defined]
    }
    return render(request, "accord/account.html", context)


@login_required
@require_POST
def end_session(request: HttpRequest, session: int) -> HttpResponse:
    found = get_object_or_404(SignedInSession, pk=session, user=signed_in(request))
    sessions.end_session(found)
    messages.success(request, _("That session was ended; the browser is signed out."))
    return redirect("web:account")
