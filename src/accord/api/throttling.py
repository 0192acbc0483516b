"""Rate limits: per signed-in user, or per address for everyone else. Over the limit the API
answers 429 with Retry-After. The counts live in Django's cache, so several app instances
share them only when the cache is shared (configure one in production)."""

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import SimpleRateThrottle


class CallerThrottle(SimpleRateThrottle):
    scope = "caller"

    def __init__(self) -> None:
        super().__init__(rate=settings.ACCORD_API_RATE_ANONYMOUS)

    def allow_request(self, request: HttpRequest) -> bool:
        # Read the rates on each request, so that a deployment (or a test) can change them.
        signed_in = request.user.is_authenticated
        self.rate = (
            settings.ACCORD_API_RATE_USER if signed_in else settings.ACCORD_API_RATE_ANONYMOUS
        )
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def get_cache_key(self, request: HttpRequest) -> str:
        who = (
            f"user-{request.user.pk}" if request.user.is_authenticated else self.get_ident(request)
        )
        return self.cache_format % {"scope": self.scope, "ident": who}
