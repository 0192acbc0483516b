"""The pages benchmark runs, at a tiny size, as a user runs it (no timing is asserted)."""

from tests.cli.commands import accord

SMALL = ("bench", "pages", "--paragraphs", "12", "--proposals", "40", "--runs", "1")
PAGES = [
    "baseline (trivial view)",
    "document (clean text)",
    "redline against the previous version",
    "compilation, first view",
    "compilation, filtered by delegation",
    "compilation, whole",
    "bracketed text",
    "status board",
    "positions",
    "history",
    "national views",
    "consensus report",
    "API: version",
    "API: compilation",
]


def _rows(stdout):
    """Each page's row of the table, as its cells."""
    return [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in stdout.splitlines()[3:]
        if line.startswith("| ")
    ]


def test_the_pages_benchmark_times_every_main_page_against_the_baseline(tmp_path):
    result = accord(*SMALL, "--target", "slowest-ms=1e9", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Built the negotiation (12 paragraphs, 40 proposals) in ")
    assert lines[0].endswith(" on sqlite; 1 warm requests a page.")
    assert lines[1] == "| page | status | median ms | × baseline | p95 ms | bytes | queries |"
    rows = _rows(result.stdout)
    assert [row[0] for row in rows] == PAGES
    assert {row[1] for row in rows} == {"200"}
    baseline = rows[0]
    assert (baseline[3], baseline[5], baseline[6]) == ("1", "6", "1")
    assert all(int(row[6]) > 0 for row in rows[1:])
    assert lines[-3].startswith("  met: slowest page or API read, median ")
    assert lines[-1] == "  met: pages that did not answer 200 0 (target < 1)  [failed]"


def test_a_missed_target_fails_the_run(tmp_path):
    held = ("--target", "slowest-ms=1e9", "--target", "first-view-kb=1")
    result = accord(*SMALL, *held, tmp_path=tmp_path)
    assert result.returncode == 1
    assert "  MISSED: largest first view " in result.stdout
    assert result.stderr.startswith("accord bench: MISSED: largest first view ")


def test_an_unknown_target_is_refused(tmp_path):
    result = accord(*SMALL, "--target", "fastest-ms=1", tmp_path=tmp_path)
    assert result.returncode != 0
    assert "no target 'fastest-ms' in this suite" in result.stderr
