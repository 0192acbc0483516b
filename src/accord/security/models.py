"""The sessions a user is signed in with, so that they can see them and end one, and the
passkeys that confirm a sign-in."""

from django.conf import settings
from django.db import models
from django_otp.models import Device, TimestampMixin


class SignedInSession(models.Model):
    """One signed-in browser session: where and when it began. The session itself lives in
    Django's session store; ending it there signs the browser out."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signed_in_sessions"
    )
    session_key = models.CharField(max_length=40, unique=True)
    signed_in_at = models.DateTimeField()
    address = models.CharField(max_length=45, blank=True)
    browser = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-signed_in_at"]


# django-otp ships no type information; its Device is what makes this a second factor.
class Passkey(TimestampMixin, Device):  # type: ignore[misc]
    """A passkey (a WebAuthn credential) that confirms its user's sign-ins, beside or instead
    of an authenticator app. django-otp counts it as one of the user's devices, so the rules
    for a second factor apply to it unchanged; it answers no typed code, only a signed
    challenge (`accord.security.passkeys`)."""

    credential_id = models.CharField(max_length=1400, unique=True)  # base64url, ≤ 1,023 bytes
    public_key = models.BinaryField()
    sign_count = models.PositiveBigIntegerField(default=0)

    class Meta:
        ordering = ["created_at"]
