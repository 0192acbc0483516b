"""The evaluation on real sentences: every sentence cited, labelled against the starter corpus,
and the figures of this very code (docs/checker.md reports them)."""

import json

from accord.bench.checker_eval import Labelled, labelled, per_verdict, report, right, verdict_of
from accord.cli import main
from accord.core.checker import parse_corpus
from accord.data.starter import starter_corpus_bytes

ITEMS = labelled()
STARTER = parse_corpus(starter_corpus_bytes().decode("utf-8").splitlines())


def test_over_a_hundred_cited_sentences_labelled_with_sources_the_corpus_holds():
    assert len(ITEMS) == 147
    assert len({i.text for i in ITEMS}) == len(ITEMS)
    assert all(i.cited.startswith("https://") for i in ITEMS)
    provisions = {f"{e.document} {e.provision}" for e in STARTER}
    for item in ITEMS:
        assert item.verdict in ("agreed-verbatim", "agreed-altered", "national-view", "not-found")
        assert bool(item.provisions) == (item.verdict != "not-found"), item.text
        assert set(item.provisions) <= provisions, item.text


def test_right_needs_the_verdict_and_one_of_the_sources():
    item = Labelled("x", "agreed-altered", ("A/70/174 13(g)",), "https://example.org")
    assert right(item, "agreed-altered", "A/70/174 13(g)")
    assert not right(item, "agreed-altered", "A/70/174 13(f)")
    assert not right(item, "agreed-verbatim", "A/70/174 13(g)")
    assert right(Labelled("x", "not-found", (), "https://example.org"), "not-found", None)
    assert verdict_of(()) == ("not-found", None)


def test_accuracy_per_verdict_counts_each_class():
    items = [
        Labelled("a", "not-found", (), "u"),
        Labelled("b", "not-found", (), "u"),
        Labelled("c", "national-view", ("N",), "u"),
    ]
    assert per_verdict(items, [True, False, True]) == {
        "agreed-verbatim": {"right": 0, "of": 0, "accuracy": 1.0},
        "agreed-altered": {"right": 0, "of": 0, "accuracy": 1.0},
        "national-view": {"right": 1, "of": 1, "accuracy": 1.0},
        "not-found": {"right": 1, "of": 2, "accuracy": 0.5},
    }


def test_the_figures_of_this_code_against_its_plain_reading():
    figures = report(ITEMS)
    assert (figures["accuracy"], figures["accuracy_plain_reading"]) == (0.905, 0.864)
    assert {k: v["right"] for k, v in figures["per_verdict"].items()} == {
        "agreed-verbatim": 25,
        "agreed-altered": 24,
        "national-view": 10,
        "not-found": 74,
    }
    assert {k: v["right"] for k, v in figures["per_verdict_plain_reading"].items()} == {
        "agreed-verbatim": 24,
        "agreed-altered": 17,
        "national-view": 10,
        "not-found": 76,
    }
    assert {k: v["of"] for k, v in figures["per_verdict"].items()} == {
        "agreed-verbatim": 26,
        "agreed-altered": 30,
        "national-view": 10,
        "not-found": 81,
    }
    assert len(figures["missed"]) == 14


def test_the_command_prints_the_figures_and_the_targets_met(capsys):
    assert main(["bench", "checker-eval"]) == 0
    out = capsys.readouterr()
    figures = json.loads(out.out)
    assert "missed" not in figures
    assert figures["targets"] == [
        "met: verdicts right on real sentences 0.905 (target ≥ 0.9)  [accuracy]",
        "met: the lowest accuracy of one verdict 0.8 (target ≥ 0.8)  [class-min]",
    ]
