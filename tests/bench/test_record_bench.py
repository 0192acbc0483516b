"""The record benchmark runs, and checks what it measures, at a tiny size."""

import pytest

from accord.bench import record as bench
from accord.core import eventlog
from accord.store import models


def test_the_generated_log_verifies_and_is_measured():
    figures = bench.verification(events=2500, repeats=1)
    assert figures["events"] == 2500
    assert figures["native"] is True, "accord was built without its C scanner"
    assert all(figures[run] > 0 for run in ("whole", "per_line", "verify", "verify_python"))
    appended = {
        "appends": 1,
        "action_ms": 1.0,
        "with_event_ms": 2.5,
        "added_ms": 1.5,
        "with_event_p95_ms": 3.0,
        "round_trip_ms": 0.25,
    }
    report = bench.report(figures, appended, "sqlite")
    assert "appending adds 1.50 ms to an action" in report
    assert "(SELECT 1) takes 0.25 ms here" in report
    assert "accord audit verify (C scanner)" in report
    assert f"{figures['whole'] / figures['verify']:5.2f}×" in report
    *lines, pem = bench.generated_log(2500)
    assert eventlog.verify(lines, eventlog.public_key_check(pem)) == eventlog.Verdict(
        ok=True, events=2500
    )


@pytest.mark.django_db
def test_appending_is_measured_through_the_real_record():
    before = models.Event.objects.count()
    figures = bench.appending(appends=5)
    assert figures["appends"] == 5
    assert models.Event.objects.count() == before + 6
    assert figures["added_ms"] == figures["with_event_ms"] - figures["action_ms"]
    assert "appending adds" in bench.report(bench.verification(10, 1), figures, "sqlite")
