"""The documents benchmark runs on a small negotiation (no timing is asserted)."""

from accord.cli import main

UNTIMED = [
    f"--target={name}=1e9"
    for name in ("import-s", "word-s", "akn-s", "clean-pdf-s", "compilation-pdf-s", "peak-mb")
]


def test_the_benchmark_runs_on_a_small_negotiation(capsys):
    assert main(["bench", "documents", "--paragraphs", "12", "--proposals", "20", *UNTIMED]) == 0
    out = capsys.readouterr().out
    assert out.startswith("16 provisions, 20 proposals\nWord import (clean .docx)")
    assert "  baseline: python-docx reading it" in out
    assert "compilation to PDF" in out
    assert "  baseline: WeasyPrint setting it" in out
    assert "  Typst against WeasyPrint (CPU)" in out
    assert "peak memory (resident set)" in out
    assert out.count("  met: ") == 6


def test_a_missed_target_fails_the_run(capsys):
    impossible = [*UNTIMED, "--target=peak-mb=1"]
    assert main(["bench", "documents", "--paragraphs", "12", "--proposals", "20", *impossible]) == 1
    assert "MISSED: peak memory" in capsys.readouterr().err
