"""The engine benchmark runs on a tiny document and its correctness checks pass; a missed
target fails the run (no timing is asserted: the machines are shared and noisy)."""

import json

import pytest
from tests.core.builders import FIXTURES

from accord.bench.generate import generate
from accord.cli import main

SMALL = ["--paragraphs", "60", "--proposals", "50", "--delegations", "12", "--runs", "1"]
# Timings and memory depend on the machine and on everything else it runs; a small run is
# held to the correctness targets only.
UNTIMED = [
    *("--target", "redline-speedup=0", "--target", "git-ratio=0"),
    *("--target", "compile-data-ms=1e9", "--target", "compile-html-ms=1e9"),
    *("--target", "peak-rss-mb=1e9"),
]


def test_the_generator_is_deterministic() -> None:
    assert generate(40, seed=3) == generate(40, seed=3)
    assert generate(40, seed=3).old_text != generate(40, seed=4).old_text


def test_the_bench_runs_small_and_its_checks_pass(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["bench", "engine", *SMALL, *UNTIMED, "--json"])
    figures = json.loads(capsys.readouterr().out)
    assert status == 0
    assert figures["checks_passed"] is True
    assert figures["redline_problems"] == 0
    assert figures["self_redline_empty"] is True
    assert figures["lineage_accuracy"] >= 0.99
    assert figures["proposals"] == 50
    assert figures["speedup_vs_difflib_chars"] > 0
    assert [line.split("[")[-1] for line in figures["targets"]] == [
        "redline-speedup]",
        "git-ratio]",
        "lineage-accuracy]",
        "compile-data-ms]",
        "compile-html-ms]",
        "peak-rss-mb]",
    ]
    assert all(line.startswith("met: ") for line in figures["targets"])


def test_the_bench_revises_a_real_draft(capsys: pytest.CaptureFixture[str]) -> None:
    draft = str(FIXTURES / "zero_draft.md")
    status = main(
        [
            "bench",
            "engine",
            "--draft",
            draft,
            "--proposals",
            "20",
            "--runs",
            "1",
            *UNTIMED,
            "--json",
        ]
    )
    figures = json.loads(capsys.readouterr().out)
    assert status == 0
    assert figures["paragraphs"] == 9
    assert figures["checks_passed"] is True


def test_a_missed_target_fails_the_run_and_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    impossible = ["--target", "lineage-accuracy=1.01"]
    assert main(["bench", "engine", *SMALL, *UNTIMED, *impossible]) == 1
    out, err = capsys.readouterr()
    missed = "MISSED: lineage accuracy 1 (target ≥ 1.01)"
    assert f"  {missed}  [lineage-accuracy]" in out.splitlines()
    assert err == f"accord bench: {missed}\n"


def test_a_target_the_suite_does_not_have_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "engine", "--target", "speed=2"]) == 2
    assert capsys.readouterr().err == (
        "accord: no target 'speed' in this suite (its targets: compile-data-ms, compile-html-ms, "
        "git-ratio, lineage-accuracy, peak-rss-mb, redline-speedup)\n"
    )
    assert main(["bench", "engine", "--target", "git-ratio=fast"]) == 2
    assert capsys.readouterr().err == (
        "accord: --target git-ratio needs a number, as in git-ratio=2.5\n"
    )
