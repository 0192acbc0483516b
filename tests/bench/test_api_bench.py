"""The API benchmark runs, at a tiny size, as a user runs it (no timing is asserted)."""

from tests.cli.commands import accord

SMALL = ("bench", "api", "--paragraphs", "20", "--proposals", "50", "--runs", "1")


def test_the_api_benchmark_runs_and_loses_no_write(tmp_path):
    result = accord(*SMALL, "--target", "compile-json-ms=1e9", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].startswith("Compilation as JSON: 50 proposals,")
    assert "queries; the core alone " in lines[1]
    assert lines[2].startswith(
        "193 delegates recording a position at once (24 workers): 193 answered 201, 0 failed, "
        "193 positions and "
        "193 events stored"
    )
    assert lines[2].endswith("chain and signatures verified")
    assert lines[4] == "  met: positions or events lost 0 (target < 1)  [writes-lost]"


def test_fewer_clients_record_at_once_and_a_missed_target_fails_the_run(tmp_path):
    result = accord(*SMALL, "--clients", "5", "--target", "compile-json-ms=0", tmp_path=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[2].startswith(
        "5 delegates recording a position at once (5 workers): 5 answered 201, 0 failed, "
        "5 positions and 5 events stored"
    )
    assert lines[3].startswith("  MISSED: compilation as JSON ")
    assert result.stderr.startswith("accord bench: MISSED: compilation as JSON ")


def test_clients_beyond_the_members_are_refused(tmp_path):
    result = accord(*SMALL, "--clients", "194", tmp_path=tmp_path)
    assert result.returncode == 2
    assert result.stderr.endswith("argument --clients: 194 is not a number from 1 to 193\n")
