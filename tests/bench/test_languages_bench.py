"""The languages benchmark runs, at a tiny size, as a user runs it (no timing is asserted)."""

from tests.cli.commands import accord

SMALL = ("bench", "languages", "--paragraphs", "8", "--proposals", "20", "--runs", "1")


def test_the_languages_benchmark_times_each_page_in_english_and_arabic(tmp_path):
    result = accord(*SMALL, "--target", "ar-over-en=1e9", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "A delegate's pages in English and in Arabic (8 paragraphs, 20 proposals, sqlite); "
        "median of 1 warm requests a page, × the baseline of the same language in the same run."
    )
    assert lines[1].split() == [
        "page", "en", "ms", "×", "base", "cpu", "ar", "ms", "×", "base", "cpu", "ar/en", "cpu"
    ]  # fmt: skip
    pages = [line[:26].strip() for line in lines[2:9]]
    assert pages == [
        "baseline (trivial view)",
        "home",
        "process",
        "document (clean text)",
        "compilation, first view",
        "status board",
        "participants",
    ]
    assert lines[9].startswith(
        "  met: the pages in Arabic over the same pages in English, summed processor time "
    )
    assert lines[10] == "  met: pages that did not answer 200 0 (target < 1)  [failed]"


def test_a_missed_target_fails_the_run(tmp_path):
    result = accord(*SMALL, "--target", "ar-over-en=0.000001", tmp_path=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(
        "accord bench: MISSED: the pages in Arabic over the same pages in English"
    )
