# ruff: noqa: RUF001 -- Chinese is written with full-width punctuation.
"""The checker benchmark runs end to end at a tiny size (its figures are in
docs/performance-checker.md; no timing is asserted here, since machines are shared and noisy)."""

import json

from accord.bench.checker import report, run_bench
from accord.bench.checker_corpus import generate_corpus, make_passages
from accord.cli import main


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


def test_the_baseline_judges_every_passage_and_recall_counts_them_all():
    figures = run_bench(size=400, passages=25, runs=2)
    assert figures.judged == 25
    assert len(figures.baseline_ms) == 25
    assert [len(r.check_ms) for r in figures.runs] == [25, 25]
    ours, baseline = figures.right()
    assert (ours, baseline) == (sum(figures.runs[0].ours_right), sum(figures.baseline_right))
    assert figures.recall == ours / baseline
    figures_json = report(figures)
    assert figures_json["baseline_passages"] == 25
    assert figures_json["recall_vs_exhaustive"] == round(ours / baseline, 4)


def test_a_sample_for_the_baseline_is_counted_as_such():
    figures = run_bench(size=400, passages=25, runs=1, baseline_passages=5)
    assert figures.judged == 5
    assert figures.right()[0] == sum(figures.runs[0].ours_right[:5])


def test_the_command_prints_json_with_its_targets_and_fails_on_a_miss(capsys):
    small = ["bench", "checker", "--size", "400", "--passages", "10", "--runs", "1"]
    untimed = ["--target", "build-s=1e9", "--target", "check-ms=1e9", "--target", "speed-up=0"]
    assert main([*small, *untimed]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["baseline_passages"] == 10
    assert figures["targets"][2].startswith("met: sources found against the exhaustive scan")
    assert main([*small, *untimed, "--target", "recall=1.01"]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out)["targets"][2].startswith("MISSED: sources found")
    assert (
        err == "accord bench: MISSED: sources found against the exhaustive scan 1 (target ≥ 1.01)\n"
    )


def test_the_paraphrase_path_is_timed_on_reordered_passages(capsys):
    from accord.bench.checker import reordered, run_paraphrase

    assert reordered("States should protect cables.", 3) == reordered(
        "States should protect cables.", 3
    )
    assert sorted(reordered("States should protect cables.", 3).rstrip(".").split()) == [
        "States",
        "cables",
        "protect",
        "should",
    ]
    para = run_paraphrase(size=300, passages=6)
    assert (len(para.check_ms), len(para.right)) == (6, 6)
    small = ["bench", "checker", "--size", "300", "--passages", "5", "--runs", "1"]
    untimed = ["--target", "build-s=1e9", "--target", "check-ms=1e9", "--target", "speed-up=0"]
    main([*small, *untimed, "--paraphrase-passages", "4"])
    assert json.loads(capsys.readouterr().out)["paraphrase_path"]["passages"] == 4
    main([*small, *untimed, "--paraphrase-passages", "0"])
    assert "paraphrase_path" not in json.loads(capsys.readouterr().out)


def test_the_chinese_corpus_is_seeded_and_its_passages_are_chinese():
    corpus = generate_corpus(50, seed=3, language="zh")
    assert corpus == generate_corpus(50, seed=3, language="zh")
    assert {e.language for e in corpus} == {"zh"}
    assert " " not in corpus[0].text
    assert corpus[0].text.endswith("。")
    passages = make_passages(corpus, 10, seed=4)
    assert passages == make_passages(corpus, 10, seed=4)
    kinds = {p.kind: p.text for p in passages}
    assert kinds["case-and-punctuation"].endswith("！")
    assert "，" not in kinds["case-and-punctuation"]
    assert kinds["qualifier-dropped"].endswith("。")
    assert "，" not in kinds["qualifier-dropped"]


def test_in_chinese_the_english_figures_of_the_same_run_come_along(capsys):
    small = ["bench", "checker", "--size", "300", "--passages", "5", "--runs", "1"]
    untimed = ["--target", "build-s=1e9", "--target", "check-ms=1e9", "--target", "speed-up=0"]
    main(
        [*small, *untimed, "--target", "recall=0", "--language", "zh", "--paraphrase-passages", "0"]
    )
    figures = json.loads(capsys.readouterr().out)
    assert (figures["language"], figures["provisions"]) == ("zh", 300)
    assert figures["english_same_run"]["provisions"] == 300
    assert "language" not in figures["english_same_run"]
    assert figures["check_ms_over_english"] == round(
        figures["check_ms_median"] / figures["english_same_run"]["check_ms_median"], 2
    )
