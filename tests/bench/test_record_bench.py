"""The record benchmark runs, and checks what it measures, at a tiny size."""

import pytest

from accord.bench import record as bench
from accord.core import eventlog
from accord.store import models


def test_the_generated_log_verifies_and_is_measured():
    figures = bench.verification(events=2500, repeats=1)
    assert figures["events"] == 2500
    assert figures["verify_s"] > 0
    assert figures["speed_vs_per_line"] == figures["sha256_per_line_s"] / figures["verify_s"]
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
    assert "median" in bench.report(bench.verification(10, 1), figures, "sqlite")
