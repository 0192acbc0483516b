"""Rate limits: per API token, per signed-in user, or per address for everyone else; and a
lower limit of its own, counted apart, for costly work (imports, exports, checks). Over a
limit the API answers 429 with Retry-After.

The address is the one `accord.security.addresses` settled on: forwarded headers count only
from a trusted proxy. The counts live in Django's cache, by default a table of the database,
so every instance of accord counts against the same limits (`docs/security.md`).
"""

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import BaseThrottle, SimpleRateThrottle

from accord.api.auth import presented_token


def caller(request: HttpRequest) -> tuple[str, bool]:
    """Whom a request counts against, and whether that is someone signed in: a valid token
    counts apart from its owner's other tokens and sessions, so one program's flood does not
    stop its owner's pages, nor anyone behind the same address."""
    token = presented_token(request)
    if token is not None:
        return f"token-{token.pk}", True
    if request.user.is_authenticated:
        return f"user-{request.user.pk}", True
    return f"address-{request.META.get('REMOTE_ADDR', '')}", False


class CallerThrottle(SimpleRateThrottle):
    scope = "caller"

    def __init__(self) -> None:
        super().__init__(rate=settings.ACCORD_API_RATE_ANONYMOUS)

    def rate_for(self, signed_in: bool) -> str:
        return settings.ACCORD_API_RATE_USER if signed_in else settings.ACCORD_API_RATE_ANONYMOUS

    def allow_request(self, request: HttpRequest) -> bool:
        # Read the rates on each request, so that a deployment (or a test) can change them.
        self.rate = self.rate_for(caller(request)[1])
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def get_cache_key(self, request: HttpRequest) -> str:
        return self.cache_format % {"scope": self.scope, "ident": caller(request)[0]}


class CostlyThrottle(CallerThrottle):
    """Work that reads files or the whole text: counted apart from cheap reads, at a lower
    rate, whoever calls."""

    scope = "costly"

    def rate_for(self, signed_in: bool) -> str:
        return settings.ACCORD_API_RATE_COSTLY


# What costly operations pass as their ``throttle``: both limits hold for them.
COSTLY: list[BaseThrottle] = [CallerThrottle(), CostlyThrottle()]
