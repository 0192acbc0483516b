"""The live-updates benchmark runs, at a tiny size, as a user runs it (no timing is asserted)."""

import json

from tests.cli.commands import accord


def test_the_live_benchmark_delivers_every_event_to_every_stream(tmp_path):
    result = accord(
        *("bench", "live", "--clients", "3", "--instances", "1", "--events", "2", "--json"),
        *("--target", "max-ms=1e9"),
        tmp_path=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert (figures["clients"], figures["instances"], figures["events"]) == (3, 1, 2)
    assert figures["all_clients"]["lost"] == figures["baseline_1_client"]["lost"] == 0
    assert figures["targets"][1] == "met: deliveries lost 0 (target < 1)  [lost]"
