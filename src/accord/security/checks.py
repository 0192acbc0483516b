"""Settings no instance should be served with, as Django system checks.

Registered with ``deploy=True``: ``accord manage check --deploy`` lists them, and `accord
serve` refuses to start while any of them fails (`insecure_settings`).
"""

import stat
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core import checks

from accord.security.addresses import trusted_networks


@checks.register(checks.Tags.security, deploy=True)
def insecure_settings(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """What is unsafe in the settings, one error each."""
    found: list[checks.CheckMessage] = []
    if settings.DEBUG:
        found.append(
            checks.Error(
                "ACCORD_DEBUG=1: debug pages show settings and code to whoever causes an error.",
                hint="Unset ACCORD_DEBUG; debug is for development only.",
                id="accord.E001",
            )
        )
    if settings.SECRET_KEY == settings.DEMO_SECRET_KEY:
        found.append(
            checks.Error(
                "The secret key is the demo's published key.",
                hint="Set ACCORD_SECRET_KEY to a long random value (python -c 'import "
                "secrets; print(secrets.token_urlsafe(50))' makes one).",
                id="accord.E002",
            )
        )
    if settings.SESSION_COOKIE_SECURE and settings.SECURE_HSTS_SECONDS <= 0:
        found.append(
            checks.Error(
                "accord is served over HTTPS (secure cookies) without Strict-Transport-Security"
                " (ACCORD_HSTS_SECONDS=0): a first plain-HTTP request can be intercepted.",
                hint="Set ACCORD_HSTS_SECONDS to at least 31536000, or leave it unset.",
                id="accord.E003",
            )
        )
    try:
        trusted_networks(tuple(settings.ACCORD_TRUSTED_PROXIES))
    except ValueError as error:
        found.append(
            checks.Error(
                f"ACCORD_TRUSTED_PROXIES holds something that is not an address or a network:"
                f" {error}.",
                hint="List addresses or networks separated by commas, e.g. 10.0.0.5,10.1.0.0/16.",
                id="accord.E004",
            )
        )
    if settings.ACCORD_SECOND_FACTOR not in ("required", "optional"):
        found.append(
            checks.Error(
                f"ACCORD_SECOND_FACTOR is {settings.ACCORD_SECOND_FACTOR!r}.",
                hint="Set it to 'required' (the default) or 'optional'.",
                id="accord.E005",
            )
        )
    found.extend(_signing_key_exposed())
    return found


def _signing_key_exposed() -> list[checks.CheckMessage]:
    key = Path(settings.ACCORD_SIGNING_KEY_FILE)
    if not key.exists() or not key.stat().st_mode & 0o077:
        return []
    mode = stat.S_IMODE(key.stat().st_mode)
    return [
        checks.Error(
            f"The signing key file {key} can be read by others than its owner (mode {mode:o}):"
            " whoever reads it can sign a rewritten record.",
            hint=f"Make it readable by the service alone: chmod 600 {key}.",
            id="accord.E006",
        )
    ]


def refusals() -> list[str]:
    """Why `accord serve` must not start, one line each (empty when it may)."""
    return [f"{error.msg} {error.hint}" for error in insecure_settings()]
