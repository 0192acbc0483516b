"""The signed-in user's own things: API tokens (creating one asks for a recent sign-in)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accord.actions.tokens import create_api_token, revoke_api_token
from accord.core.errors import Refusal
from accord.store import models
from accord.web.forms import ApiTokenForm
from accord.web.signin_views import recent_sign_in_required
from accord.web.views import signed_in
from accord.words.refusals import explain


@login_required
@require_http_methods(["GET", "POST"])
@recent_sign_in_required(on=("POST",))
def api_tokens(request: HttpRequest) -> HttpResponse:
    """The user's API tokens; a new token's secret is shown on this page once, never again."""
    user = signed_in(request)
    form = ApiTokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        try:
            _, secret = create_api_token(by=user, **form.cleaned_data)
        except Refusal as refusal:
            form.add_error("name", explain(refusal))
        else:
            form = ApiTokenForm()
    tokens = models.ApiToken.objects.filter(user=user)
    context = {"form": form, "secret": secret, "tokens": tokens}
    return render(request, "accord/api_tokens.html", context)


@login_required
@require_http_methods(["POST"])
def revoke_token(request: HttpRequest, token: int) -> HttpResponse:
    user = signed_in(request)
    revoke_api_token(get_object_or_404(models.ApiToken, pk=token, user=user), by=user)
    messages.success(request, _("The token was revoked."))
    return redirect("web:api-tokens")
