"""The benchmark runs end to end at a tiny size (its figures are in docs/performance-checker.md;
no timing is asserted here, since machines are shared and noisy)."""

from accord.bench_checker import run_bench
from accord.bench_checker.__main__ import _report
from accord.bench_checker.corpus import generate_corpus, make_passages


def test_the_generated_corpus_and_passages_are_seeded():
    assert generate_corpus(50, seed=3) == generate_corpus(50, seed=3)
    corpus = generate_corpus(50, seed=3)
    assert make_passages(corpus, 10, seed=4) == make_passages(corpus, 10, seed=4)
    assert {p.kind for p in make_passages(corpus, 10, seed=4)} == {
        "verbatim",
        "partial",
        "case-and-punctuation",
        "reworded",
        "qualifier-dropped",
    }


def test_the_benchmark_runs_at_a_tiny_size_and_finds_the_sources():
    figures = run_bench(size=400, passages=25, baseline_passages=5, runs=2)
    report = _report(figures)
    assert report["provisions"] == 400
    assert report["runs"] == 2
    assert report["recall_vs_exhaustive"] == 1.0
    assert len(figures.runs[0].check_ms) == 25
