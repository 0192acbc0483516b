"""What an operator sees of an instance: a request id on every answer and log line, a line of
the request log per answer, and Prometheus metrics.

`RequestIds` (first of the middleware) gives each request an id — the proxy's
``X-Request-ID`` when it sent a sensible one, else a new one — answers with it, logs the
request on ``accord.requests`` (method, path, view, status, milliseconds) and counts it in the
metrics. `metrics_text` writes every metric in Prometheus' text format: the requests and their
latency and the open live streams of this process, and, read from the database at each
scrape, the task queue (depth, age of the oldest ready task, tasks running), the events in the
record and the latest checkpoint's age.

With several server processes (``accord serve --workers N``) set ``PROMETHEUS_MULTIPROC_DIR``
to an empty folder the processes share, and each scrape sums what they all counted
(prometheus-client's multiprocess mode).
"""

import logging
import os
import re
import time
import uuid
from collections.abc import Callable, Iterator
from inspect import iscoroutinefunction
from typing import Any

from django.http import HttpRequest, HttpResponseBase
from django.utils import timezone
from django.utils.decorators import sync_and_async_middleware
from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector

from accord.security.logs import REQUEST_ID

requests_log = logging.getLogger("accord.requests")

REQUESTS = Counter("accord_http_requests", "Requests answered", ["method", "view", "status"])
LATENCY = Histogram(
    "accord_http_request_duration_seconds",
    "Time to answer a request (to the first byte of a stream)",
    ["method", "view"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 2.5, 5.0, 10.0),
)
LIVE_STREAMS = Gauge("accord_live_streams", "Live event streams open", multiprocess_mode="livesum")

# An id a proxy may hand on: letters, digits and a few separators, not too long.
_SENSIBLE_ID = re.compile(r"[A-Za-z0-9._:-]{1,100}")


def _request_id(request: HttpRequest) -> str:
    given = request.headers.get("X-Request-ID", "")
    return given if _SENSIBLE_ID.fullmatch(given) else uuid.uuid4().hex


def _view(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    return match.view_name if match is not None else "unmatched"


def _finish(request: HttpRequest, response: HttpResponseBase, started: float) -> None:
    elapsed = time.perf_counter() - started
    view = _view(request)
    REQUESTS.labels(request.method, view, str(response.status_code)).inc()
    LATENCY.labels(request.method, view).observe(elapsed)
    response["X-Request-ID"] = REQUEST_ID.get()
    requests_log.info(
        "%s %s %s",
        request.method,
        request.path,
        response.status_code,
        extra={
            "method": request.method,
            "path": request.path,
            "view": view,
            "status": response.status_code,
            "duration_ms": round(elapsed * 1000, 2),
            "client": request.META.get("REMOTE_ADDR", ""),
        },
    )


@sync_and_async_middleware
def RequestIds(  # noqa: N802 - named as the class-like middleware it is
    get_response: Callable[[HttpRequest], Any],
) -> Callable[[HttpRequest], Any]:
    """Middleware: the request's id, log line and metrics (see the module's docstring)."""
    if iscoroutinefunction(get_response):

        async def answer_async(request: HttpRequest) -> HttpResponseBase:
            token = REQUEST_ID.set(_request_id(request))
            started = time.perf_counter()
            try:
                response: HttpResponseBase = await get_response(request)
                _finish(request, response, started)
                return response
            finally:
                REQUEST_ID.reset(token)

        return answer_async

    def answer(request: HttpRequest) -> HttpResponseBase:
        token = REQUEST_ID.set(_request_id(request))
        started = time.perf_counter()
        try:
            response: HttpResponseBase = get_response(request)
            _finish(request, response, started)
            return response
        finally:
            REQUEST_ID.reset(token)

    return answer


class RecordCollector(Collector):
    """The figures every instance shares, read from the database at each scrape."""

    def describe(self) -> list[GaugeMetricFamily]:
        # Registering asks what a collector makes; saying nothing keeps the database unread
        # until the first scrape (the registry would otherwise collect once to find out).
        return []

    def collect(self) -> Iterator[GaugeMetricFamily | CounterMetricFamily]:
        from accord.store.queries.operations import figures

        now = timezone.now()
        shared = figures(now)
        yield GaugeMetricFamily(
            "accord_task_queue_depth", "Background tasks ready to run", value=shared.queue_depth
        )
        yield GaugeMetricFamily(
            "accord_task_queue_oldest_seconds",
            "How long the oldest ready task has waited since it could run",
            value=shared.oldest_ready_seconds,
        )
        yield GaugeMetricFamily(
            "accord_tasks_running", "Background tasks running", value=shared.running
        )
        yield CounterMetricFamily(
            "accord_events_appended", "Events appended to the record", value=shared.events
        )
        if shared.checkpoint_age_seconds is not None:
            yield GaugeMetricFamily(
                "accord_checkpoint_age_seconds",
                "Age of the latest signed checkpoint",
                value=shared.checkpoint_age_seconds,
            )


_record = RecordCollector()
REGISTRY.register(_record)


def metrics_text() -> bytes:
    """Every metric in Prometheus' text format."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        registry.register(_record)
        return generate_latest(registry)
    return generate_latest(REGISTRY)


__all__ = ["LIVE_STREAMS", "RequestIds", "metrics_text"]
