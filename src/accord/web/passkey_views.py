"""Registering a passkey on the account page. Using one is part of confirming a sign-in
(`signin_views.second_factor` and `confirm_identity`); the checking is
`accord.security.passkeys`'."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice

from accord.security import passkeys, sessions
from accord.web.signin_views import _next, _recovery_codes, _to
from accord.web.views import signed_in


class PasskeyForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name of this passkey"),
        max_length=64,
        required=False,
        help_text=gettext_lazy("So that you can tell it from others: “laptop”, “security key”."),
    )
    # Filled by passkey.js with the browser's answer.
    credential = forms.CharField(widget=forms.HiddenInput, max_length=20000)


@login_required
@require_http_methods(["GET", "POST"])
def add_passkey(request: HttpRequest) -> HttpResponse:
    """Register a passkey as a second factor. As for an authenticator app, someone who has a
    second factor already must have confirmed this session with it first."""
    user = signed_in(request)
    if user_has_device(user) and not user.is_verified():  # type: ignore[attr-defined]
        return _to("web:second-factor", _next(request))
    form = PasskeyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            passkey = passkeys.register(
                request, user, form.cleaned_data["credential"], form.cleaned_data["name"]
            )
        except passkeys.PasskeyRefused as refused:
            form.add_error(None, str(refused))
        else:
            otp_login(request, passkey)
            sessions.mark_second_factor(request)
            sessions.mark_authenticated(request)
            if not StaticDevice.objects.filter(user=user).exists():
                codes = {"codes": _recovery_codes(user), "next": _next(request)}
                return render(request, "accord/recovery_codes.html", codes)
            messages.success(request, _("Your passkey was added."))
            return redirect(_next(request))
    context = {
        "form": form,
        "next": _next(request),
        "options": passkeys.registration_options(request, user),
    }
    status = 400 if form.errors else 200
    return render(request, "accord/passkey_add.html", context, status=status)
