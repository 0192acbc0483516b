"""The sessions a user is signed in with, so that they can see them and end one."""

from django.conf import settings
from django.db import models


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
