"""Personal API tokens. They are account security, not part of the negotiation, so they write
no event to the public record; a token never widens what its owner may do."""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from accord.core.text_hygiene import TextKind, clean_trimmed
from accord.store.models import ApiToken

PREFIX = "accord_"
MAX_NAME_CHARS = 100
# Writing last_used_at on every request would turn each read into a write; once a minute
# is precise enough to tell a live token from a forgotten one.
TOUCH_EVERY = timedelta(minutes=1)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class TokenNameInvalid(ValueError):
    """A token needs a name of 1 to 100 characters, to tell it apart later."""


@transaction.atomic
def create_api_token(*, by: User, name: str, read_only: bool = False) -> tuple[ApiToken, str]:
    """Create a token for ``by``; return it and the secret, which is shown only this once."""
    name = clean_trimmed(name, field="name", kind=TextKind.LINE)
    if not 0 < len(name) <= MAX_NAME_CHARS:
        raise TokenNameInvalid(name)
    prefix = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=by, name=name, prefix=prefix, secret_hash=_hash(secret), read_only=read_only
    )
    return token, f"{PREFIX}{prefix}_{secret}"


@transaction.atomic
def revoke_api_token(token: ApiToken, *, by: User) -> None:
    """Revoke one of ``by``'s own tokens; someone else's token is not theirs to see."""
    if token.user_id != by.pk:
        raise ApiToken.DoesNotExist()
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


def use_api_token(presented: str) -> ApiToken | None:
    """The live token ``presented`` stands for, or None; notes when it was last used."""
    if not presented.startswith(PREFIX) or presented.count("_") < 2:
        return None
    prefix, _, secret = presented.removeprefix(PREFIX).partition("_")
    token = ApiToken.objects.select_related("user").filter(prefix=prefix).first()
    if token is None or token.revoked_at or not token.user.is_active:
        return None
    if not hmac.compare_digest(token.secret_hash, _hash(secret)):
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
