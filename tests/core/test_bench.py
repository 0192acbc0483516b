"""The benchmark runs on a tiny document and its correctness checks pass (no timing limits)."""

import json

import pytest
from tests.core.builders import FIXTURES

from accord.bench import main
from accord.bench.generate import generate


def test_the_generator_is_deterministic() -> None:
    assert generate(40, seed=3) == generate(40, seed=3)
    assert generate(40, seed=3).old_text != generate(40, seed=4).old_text


def test_the_bench_runs_small_and_its_checks_pass(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(
        ["--paragraphs", "60", "--proposals", "50", "--delegations", "12", "--runs", "1", "--json"]
    )
    figures = json.loads(capsys.readouterr().out)
    assert status == 0
    assert figures["checks_passed"] is True
    assert figures["redline_problems"] == 0
    assert figures["self_redline_empty"] is True
    assert figures["lineage_accuracy"] >= 0.99
    assert figures["proposals"] == 50


def test_the_bench_revises_a_real_draft(capsys: pytest.CaptureFixture[str]) -> None:
    draft = str(FIXTURES / "zero_draft.md")
    status = main(["--draft", draft, "--proposals", "20", "--runs", "1", "--json"])
    figures = json.loads(capsys.readouterr().out)
    assert status == 0
    assert figures["paragraphs"] == 9
    assert figures["checks_passed"] is True
