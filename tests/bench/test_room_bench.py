"""The full-room benchmark runs, at a tiny size, as a user runs it (no timing is asserted)."""

import json

import pytest
from tests.cli.commands import accord


@pytest.mark.parametrize(
    "pace",
    [("--think", "0", "--concurrency", "2"), ("--think", "0.01")],
    ids=["capacity", "delegates-pace"],
)
def test_the_room_benchmark_plays_a_session_and_checks_the_record(tmp_path, pace):
    result = accord(
        *("bench", "room", "--delegations", "4", "--rounds", "1", *pace),
        *("--instances", "2", "--workers", "1", "--json"),
        *("--target", "page-p95-ms=1e9", "--target", "action-p95-ms=1e9"),
        tmp_path=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    figures = json.loads(result.stdout)
    assert (figures["delegations"], figures["instances"], figures["workers"]) == (4, 2, 1)
    assert figures["think_seconds"] == float(pace[1])
    assert figures["requests"] == 4 * 4 + 1  # read, compile, propose, position; one break
    assert {name: row["count"] for name, row in figures["per_request"].items()} == {
        "read-text": 4,
        "read-compilation": 4,
        "propose": 4,
        "record-position": 4,
        "break-silence": 1,
    }
    assert figures["streams"] == 4
    assert figures["errors"] == {}
    assert {name: row["count"] for name, row in figures["baseline_alone"].items()} == {
        "read-text": 5,
        "read-compilation": 5,
        "propose": 5,
        "record-position": 5,
    }
    # Four proposals, four positions, the silence broken.
    assert figures["events"] == 9
    assert (figures["lost"], figures["silence_broken"], figures["chain_verified"]) == (
        0,
        True,
        True,
    )
