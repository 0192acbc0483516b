"""The pages benchmark runs, at a tiny size, as a user runs it (no timing is asserted)."""

import re

from tests.cli.commands import accord

SMALL = ("bench", "pages", "--paragraphs", "12", "--proposals", "40", "--runs", "1")
LOOSE = ("--target", "slowest-ms=1e9", "--target", "after-event-ms=1e9")
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
    result = accord(*SMALL, *LOOSE, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Built the negotiation (12 paragraphs, 40 proposals) in ")
    assert lines[0].endswith(" on sqlite; 1 warm requests a page.")
    assert lines[1] == (
        "| page | status | median ms | × baseline | p95 ms | first byte ms | cpu ms | first ms "
        "| after an event ms | bytes | queries |"
    )
    rows = _rows(result.stdout)
    assert [row[0] for row in rows] == PAGES
    assert {row[1] for row in rows} == {"200"}
    baseline = rows[0]
    assert (baseline[3], baseline[9], baseline[10]) == ("1", "6", "1")
    assert all(int(row[10]) > 0 for row in rows[1:])
    # The whole compilation is streamed: its first byte is timed apart; no other page is.
    assert [row[0] for row in rows if row[5]] == ["compilation, whole"]
    assert all(float(row[8].split()[0]) > 0 for row in rows)
    # So is its first byte after an event, which the target holds.
    streamed = [row[8] for row in rows if "(" in row[8]]
    assert len(streamed) == 1
    assert re.fullmatch(r"[0-9.]+ \(first byte [0-9.]+\)", streamed[0])
    assert "Growth" not in result.stdout
    assert lines[-4].startswith("  met: slowest page or API read (a streamed page's first byte)")
    assert lines[-3].startswith("  met: slowest first request after a position and a proposal")
    assert lines[-1] == "  met: pages that did not answer 200 0 (target < 1)  [failed]"


def test_a_missed_target_fails_the_run(tmp_path):
    held = (*LOOSE, "--target", "first-view-kb=1")
    result = accord(*SMALL, *held, tmp_path=tmp_path)
    assert result.returncode == 1
    assert "  MISSED: largest first view " in result.stdout
    assert result.stderr.startswith("accord bench: MISSED: largest first view ")


def test_an_unknown_target_is_refused(tmp_path):
    result = accord(*SMALL, "--target", "fastest-ms=1", tmp_path=tmp_path)
    assert result.returncode != 0
    assert "no target 'fastest-ms' in this suite" in result.stderr


def test_the_growth_run_times_the_pages_at_each_size(tmp_path):
    grown = ("bench", "pages", "--paragraphs", "12", "--growth", "20,40", "--runs", "1")
    held = (*LOOSE, "--target", "slowest-large-ms=1e9")
    result = accord(*grown, *held, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Built the negotiation (12 paragraphs, 20 proposals) in ")
    assert lines[17].startswith("Built the negotiation (12 paragraphs, 40 proposals) in ")
    at = lines.index("Growth: median ms (× the baseline of the same run).")
    assert lines[at + 1] == "| page | 20 proposals | 40 proposals | ms per 1,000 proposals more |"
    growth = [line.split(" | ")[0].strip("| ") for line in lines[at + 3 : at + 3 + len(PAGES)]]
    assert growth == PAGES
    assert lines[at + 3].startswith("| baseline (trivial view) | ")
    assert lines[at + 3 + len(PAGES)].startswith("  met: slowest page or API read (a streamed")
    assert "  met: slowest page or API read above 5,000 proposals" not in result.stdout


def test_the_growth_sizes_are_increasing_numbers(tmp_path):
    result = accord("bench", "pages", "--growth", "5000,1000", tmp_path=tmp_path)
    assert result.returncode != 0
    assert "5000,1000 is not a list of increasing numbers separated by commas" in result.stderr
