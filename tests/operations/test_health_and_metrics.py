"""/healthz, /readyz and /metrics, the request ids, the request log and its JSON lines."""

import contextlib
import io
import json
import logging
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.db import DatabaseError
from django.utils import timezone
from tests.tasks import run_ready_tasks

from accord.actions import periodic
from accord.security.logs import JsonFormatter, RequestIdFilter
from accord.store.queries import operations

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_looking_at_anything(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "up"})


def test_readyz_wants_a_worker_and_a_fresh_checkpoint(client, negotiation):
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        waiting = client.get("/readyz")
    assert waiting.status_code == 503
    assert waiting.json() == {
        "status": "not ready",
        "checks": {
            "database": {"ok": True, "detail": "answering", "age_seconds": None},
            "worker": {
                "ok": False,
                "detail": "no background task has ever finished: is `accord worker` running?",
                "age_seconds": None,
            },
            "checkpoint": {"ok": False, "detail": "no checkpoint signed yet", "age_seconds": None},
        },
    }
    with time_machine.travel(now, tick=False):
        periodic.enqueue_all_now()
        assert run_ready_tasks() == len(periodic.JOBS)  # the worker ran: a checkpoint signed
    with time_machine.travel(now + timedelta(seconds=30), tick=False):
        ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {
        "status": "ready",
        "checks": {
            "database": {"ok": True, "detail": "answering", "age_seconds": None},
            "worker": {"ok": True, "detail": "finishing tasks", "age_seconds": 30.0},
            "checkpoint": {"ok": True, "detail": "fresh", "age_seconds": 30.0},
        },
    }
    # A worker silent for more than a minute, a checkpoint older than a quarter of an hour.
    later = now + operations.CHECKPOINT_STALE_AFTER + timedelta(seconds=1)
    with time_machine.travel(later, tick=False):
        stale = client.get("/readyz")
    assert stale.status_code == 503
    checks = stale.json()["checks"]
    assert checks["worker"] == {
        "ok": False,
        "detail": "no background task finished lately",
        "age_seconds": 901.0,
    }
    assert checks["checkpoint"] == {
        "ok": False,
        "detail": "the latest checkpoint is old",
        "age_seconds": 901.0,
    }


def test_readyz_says_when_the_database_does_not_answer(client, monkeypatch):
    def unreachable(*args, **kwargs):
        raise DatabaseError("gone")

    monkeypatch.setattr(operations.connection, "cursor", unreachable)
    response = client.get("/readyz")
    assert response.status_code == 503
    failed = {"ok": False, "detail": "not answering: DatabaseError", "age_seconds": None}
    assert response.json()["checks"] == {"database": failed, "worker": failed, "checkpoint": failed}


def _metric(text: str, name: str) -> float:
    for line in text.splitlines():
        if line.startswith(name + " ") or line.startswith(name + "{"):
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"{name} not in the metrics")


def test_metrics_count_requests_and_read_the_queue_and_the_record(client, negotiation):
    from accord.store import models

    now = timezone.now()
    with time_machine.travel(now, tick=False):
        periodic.run_job.enqueue("sign-checkpoint")
        periodic.run_job.using(run_after=now + timedelta(minutes=5)).enqueue("sign-checkpoint")
    with time_machine.travel(now + timedelta(seconds=42), tick=False):
        client.get("/healthz")
        text = client.get("/metrics", REMOTE_ADDR="127.0.0.1").content.decode()
    assert _metric(text, "accord_task_queue_depth") == 1  # the later one is not ready yet
    assert _metric(text, "accord_task_queue_oldest_seconds") == 42.0
    assert _metric(text, "accord_tasks_running") == 0
    assert _metric(text, "accord_events_appended_total") == models.Event.objects.count()
    assert "accord_checkpoint_age_seconds" not in text
    assert 'accord_http_requests_total{method="GET",status="200",view="healthz"}' in text
    assert 'accord_http_request_duration_seconds_bucket{le="0.01",method="GET",view="healthz"}' in (
        text
    )
    assert "accord_live_streams " in text


def test_metrics_answer_only_this_machine_or_the_bearer_of_the_token(client, settings):
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 404
    settings.ACCORD_METRICS_TOKEN = "scrape-me"
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 404
    wrong = client.get("/metrics", HTTP_AUTHORIZATION="Bearer nope", REMOTE_ADDR="203.0.113.9")
    assert wrong.status_code == 404
    right = client.get("/metrics", HTTP_AUTHORIZATION="Bearer scrape-me", REMOTE_ADDR="203.0.113.9")
    assert right.status_code == 200
    assert right["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8"


def test_every_answer_carries_a_request_id_and_is_logged_with_it(client, caplog):
    with caplog.at_level(logging.INFO, logger="accord.requests"):
        given = client.get("/healthz", HTTP_X_REQUEST_ID="proxy-42")
        made = client.get("/healthz", HTTP_X_REQUEST_ID="not a sensible id; drop it")
    assert given["X-Request-ID"] == "proxy-42"
    assert len(made["X-Request-ID"]) == 32
    assert made["X-Request-ID"] != "not a sensible id; drop it"
    first, second = (r for r in caplog.records if r.name == "accord.requests")
    line = json.loads(JsonFormatter().format(first))
    assert set(line) == {
        "time",
        "level",
        "logger",
        "message",
        "request_id",
        "method",
        "path",
        "view",
        "status",
        "duration_ms",
        "client",
    }
    assert {k: line[k] for k in ("level", "logger", "message", "method", "path", "view")} == {
        "level": "INFO",
        "logger": "accord.requests",
        "message": "GET /healthz 200",
        "method": "GET",
        "path": "/healthz",
        "view": "healthz",
    }
    assert line["status"] == 200
    assert (first.status, second.status) == (200, 200)


@contextlib.contextmanager
def _json_lines(name: str) -> Iterator[list[dict[str, Any]]]:
    """The lines logger ``name`` writes in the block, read back from JSON once it ends,
    through a handler as the settings make the console's: the request id filter, JSON."""
    written = io.StringIO()
    handler = logging.StreamHandler(written)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger(name)
    logger.addHandler(handler)
    lines: list[dict[str, Any]] = []
    try:
        yield lines
    finally:
        logger.removeHandler(handler)
        lines.extend(json.loads(line) for line in written.getvalue().splitlines())


def test_a_log_line_written_while_answering_carries_the_request_id(client, monkeypatch):
    from accord.web import operations_views

    real = operations_views.readiness

    def noting(now):
        logging.getLogger("accord.test").warning("looking")
        return real(now)

    monkeypatch.setattr(operations_views, "readiness", noting)
    with _json_lines("accord.test") as lines:
        client.get("/readyz", HTTP_X_REQUEST_ID="abc-123")
        logging.getLogger("accord.test").warning("after")
    assert [(line["message"], line["request_id"], line["level"]) for line in lines] == [
        ("looking", "abc-123", "WARNING"),
        ("after", "-", "WARNING"),
    ]


def test_a_server_error_is_logged_with_the_request_id_its_answer_carries(client, monkeypatch):
    from accord.web import operations_views

    def failing(now):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(operations_views, "readiness", failing)
    client.raise_request_exception = False
    with _json_lines("django.request") as lines:
        answer = client.get("/readyz", HTTP_X_REQUEST_ID="abc-500")
    assert (answer.status_code, answer["X-Request-ID"]) == (500, "abc-500")
    (line,) = lines
    assert {k: line[k] for k in ("level", "logger", "message", "request_id")} == {
        "level": "ERROR",
        "logger": "django.request",
        "message": "Internal Server Error: /readyz",
        "request_id": "abc-500",
    }
    assert line["error"].splitlines()[-1] == "RuntimeError: the disk is full"
