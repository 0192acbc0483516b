"""The convergence benchmark runs, at a tiny size, as a user runs it (no timing is asserted)."""

from tests.cli.commands import accord

SMALL = (
    "bench", "convergence", "--paragraphs", "40", "--proposals", "40", "--cosponsorships", "10",
    "--runs", "1",
)  # fmt: skip
LOOSE = ("--target", "analytics-ms=1e9", "--target", "page-ms=1e9", "--target", "api-ms=1e9")


def test_the_convergence_benchmark_measures_against_its_baselines(tmp_path):
    result = accord(*SMALL, *LOOSE, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        "Built the negotiation (193 members, 40 paragraphs, 40 proposals, 10 co-sponsorships) in "
    )
    assert " on sqlite: a stance matrix of 193 × 80 with " in lines[0]
    assert lines[1] == "| measured | median ms | baseline | × baseline |"
    assert [line.split("|")[1].strip() for line in lines[3:8]] == [
        "analytics recomputed from the matrix",
        "matrix read from the database + analytics",
        "convergence page (Chair), figures cached",
        "convergence page, figures computed (the first view after a change)",
        "convergence API read",
    ]
    # Three camps are planted; thirty contested paragraphs are enough to find them.
    assert "Planted camps found: 3 groups, adjusted Rand index 1.000." in lines[8]
    assert lines[-1] == "  met: page or API read not answering 200 0 (target < 1)  [failed]"


def test_a_missed_target_fails_the_run(tmp_path):
    result = accord(*SMALL, *LOOSE, "--target", "ari=1.01", tmp_path=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("accord bench: MISSED: planted camps found ")
