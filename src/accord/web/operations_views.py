"""For operators and their load balancers: `/healthz` (the process answers), `/readyz` (the
database answers, a worker runs the background tasks, the latest checkpoint is fresh) and
`/metrics` (Prometheus)."""

import hmac

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from accord.security.observability import metrics_text
from accord.store.queries.operations import readiness

LOOPBACK = ("127.0.0.1", "::1")


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """The process is up and answers; nothing else is looked at."""
    return JsonResponse({"status": "up"})


@never_cache
def readyz(request: HttpRequest) -> HttpResponse:
    """200 when every check passes, else 503; each check with what it found."""
    checks = readiness(timezone.now())
    ready = all(check.ok for check in checks.values())
    body = {
        "status": "ready" if ready else "not ready",
        "checks": {
            name: {"ok": check.ok, "detail": check.detail, "age_seconds": check.age_seconds}
            for name, check in checks.items()
        },
    }
    return JsonResponse(body, status=200 if ready else 503)


@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    """Prometheus' text format, for the bearer of ``ACCORD_METRICS_TOKEN`` or, without one set,
    for a scraper on this machine only."""
    token = settings.ACCORD_METRICS_TOKEN
    if token:
        given = request.headers.get("Authorization", "").removeprefix("Bearer ")
        allowed = hmac.compare_digest(given.encode(), token.encode())
    else:
        allowed = request.META.get("REMOTE_ADDR") in LOOPBACK
    if not allowed:
        return HttpResponse(status=404)
    return HttpResponse(metrics_text(), content_type="text/plain; version=0.0.4; charset=utf-8")
