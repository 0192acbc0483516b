"""`accord bench checker`: the agreed-language checker against an exhaustive scan of the corpus.

It generates a seeded corpus, builds the index and checks passages drawn from it in each run,
and runs the exhaustive baseline (rapidfuzz's partial ratio against every provision) on every
passage, in the same process. The baseline's answer does not change from run to run, so it
runs once per passage; the checker's answers and times are taken in every run.

With ``--language zh`` the corpus and passages are Chinese, and the same figures are taken on
the English corpus in the same run, so that the two compare on one machine under one load.
"""

import argparse
import json
import random
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from accord.bench.checker_corpus import Passage, generate_corpus, make_passages
from accord.bench.targets import TARGETS, check
from accord.core.checker import CorpusEntry, CorpusIndex, build_index, check_passage, paraphrase


@dataclass(frozen=True, slots=True)
class RunFigures:
    build_seconds: float
    check_ms: list[float]
    ours_right: list[bool]


@dataclass(frozen=True, slots=True)
class Figures:
    """The runs of the checker, and the baseline on the first ``len(baseline_right)``
    passages (all of them unless a sample was asked for)."""

    size: int
    passages: int
    runs: list[RunFigures]
    baseline_ms: list[float]
    baseline_right: list[bool]

    @property
    def build_seconds(self) -> float:
        return statistics.median(r.build_seconds for r in self.runs)

    @property
    def check_ms(self) -> float:
        return statistics.median(statistics.median(r.check_ms) for r in self.runs)

    @property
    def judged(self) -> int:
        """How many passages the exhaustive scan judged."""
        return len(self.baseline_right)

    def right(self) -> tuple[int, int]:
        """Of the judged passages, how many each method put the source of first, in the
        first run: (ours, baseline)."""
        ours = self.runs[0].ours_right[: self.judged]
        return sum(ours), sum(self.baseline_right)

    @property
    def recall(self) -> float:
        """Sources the checker puts first over sources the exhaustive scan puts first, both
        counted over every judged passage (above 1 when the checker finds more)."""
        ours, baseline = self.right()
        return ours / baseline if baseline else 1.0


def _top(
    index: CorpusIndex, positions: dict[int, int], text: str, language: str = "en"
) -> int | None:
    report = check_passage(index, text, language=language)
    source = next((f.source for f in report.findings if f.source), None)
    return None if source is None else positions[id(source)]


def _one_run(corpus: list[CorpusEntry], passages: Sequence[Passage]) -> RunFigures:
    start = time.perf_counter()
    index = build_index(corpus)
    build = time.perf_counter() - start
    positions = {id(e): n for n, e in enumerate(index.entries)}
    language = corpus[0].language
    check_ms, right = [], []
    for passage in passages:
        start = time.perf_counter()
        found = _top(index, positions, passage.text, language)
        check_ms.append((time.perf_counter() - start) * 1000)
        right.append(_same(corpus, found, passage.truth))
    return RunFigures(build, check_ms, right)


def _exhaustive(texts: list[str], text: str) -> int:
    found = process.extractOne(
        text, texts, scorer=fuzz.partial_ratio, processor=utils.default_process
    )
    return int(found[2])


def _same(corpus: list[CorpusEntry], found: int | None, truth: int) -> bool:
    """Right when it is the source or a provision with the very same text."""
    return found is not None and corpus[found].text == corpus[truth].text


def run_bench(
    size: int,
    passages: int,
    runs: int,
    seed: int = 1,
    baseline_passages: int | None = None,
    language: str = "en",
) -> Figures:
    """Figures of ``runs`` runs of the checker on the same passages, and of the exhaustive
    scan on the first ``baseline_passages`` of them (all by default), on a corpus in
    ``language`` (English or Chinese)."""
    corpus = generate_corpus(size, seed, language)
    drawn = make_passages(corpus, passages, seed + 1)
    texts = [e.text for e in corpus]
    baseline_ms, baseline_right = [], []
    for passage in drawn[:baseline_passages]:
        start = time.perf_counter()
        best = _exhaustive(texts, passage.text)
        baseline_ms.append((time.perf_counter() - start) * 1000)
        baseline_right.append(_same(corpus, best, passage.truth))
    return Figures(
        size, passages, [_one_run(corpus, drawn) for _ in range(runs)], baseline_ms, baseline_right
    )


@dataclass(frozen=True, slots=True)
class ParaphraseFigures:
    """The paraphrase path on its own: its index built once, then sentences whose words were
    put in another order, so that no run of words matches and only the paraphrase path can
    find them."""

    build_seconds: float
    check_ms: list[float]
    right: list[bool]


def reordered(text: str, seed: int) -> str:
    """``text`` with its words in a seeded random order."""
    words = text.rstrip(".!").split()
    random.Random(seed).shuffle(words)  # noqa: S311 -- a reproducible order, not a secret
    return " ".join(words) + "."


def run_paraphrase(size: int, passages: int, seed: int = 1) -> ParaphraseFigures:
    corpus = generate_corpus(size, seed)
    drawn = make_passages(corpus, passages, seed + 1)
    index = build_index(corpus)
    start = time.perf_counter()
    index.concepts = paraphrase.ConceptIndex(index.vocabulary, index.ids)
    build = time.perf_counter() - start
    positions = {id(e): n for n, e in enumerate(index.entries)}
    check_ms, right = [], []
    for n, passage in enumerate(drawn):
        text = reordered(passage.text, seed + n)
        start = time.perf_counter()
        found = _top(index, positions, text)
        check_ms.append((time.perf_counter() - start) * 1000)
        right.append(_same(corpus, found, passage.truth))
    return ParaphraseFigures(build, check_ms, right)


def report(figures: Figures) -> dict[str, object]:
    ours, baseline = figures.right()
    baseline_ms = statistics.median(figures.baseline_ms)
    return {
        "provisions": figures.size,
        "passages": figures.passages,
        "baseline_passages": figures.judged,
        "runs": len(figures.runs),
        "index_build_s_median": round(figures.build_seconds, 2),
        "index_build_s_each_run": [round(r.build_seconds, 2) for r in figures.runs],
        "check_ms_median": round(figures.check_ms, 2),
        "check_ms_median_each_run": [round(statistics.median(r.check_ms), 2) for r in figures.runs],
        "baseline_ms_median": round(baseline_ms, 1),
        "speed_up": round(baseline_ms / figures.check_ms, 1),
        "source_first_ours": ours,
        "source_first_baseline": baseline,
        "recall_vs_exhaustive": round(figures.recall, 4),
    }


def run(args: argparse.Namespace) -> int:
    """Measure and print the figures as JSON, with the targets; 1 when one is missed. In
    another language than English, the English figures of the same run come with them."""
    measured_run = run_bench(
        args.size, args.passages, args.runs, args.seed, args.baseline_passages, args.language
    )
    figures = report(measured_run)
    figures["language"] = args.language
    if args.language != "en":
        english = run_bench(args.size, args.passages, args.runs, args.seed, args.baseline_passages)
        figures["english_same_run"] = report(english)
        # The ratios of the figures as printed, so that a reader can redo them.
        figures["check_ms_over_english"] = round(
            round(measured_run.check_ms, 2) / round(english.check_ms, 2), 2
        )
        figures["index_build_over_english"] = round(
            round(measured_run.build_seconds, 2) / round(english.build_seconds, 2), 2
        )
    measured = {
        "build-s": figures["index_build_s_median"],
        "check-ms": figures["check_ms_median"],
        "recall": figures["recall_vs_exhaustive"],
        "speed-up": figures["speed_up"],
    }
    lines, status = check(TARGETS["checker"], measured, args.limits)  # type: ignore[arg-type]
    figures["targets"] = [line.strip() for line in lines]
    if args.paraphrase_passages:
        para = run_paraphrase(args.size, args.paraphrase_passages, args.seed)
        figures["paraphrase_path"] = {
            "passages": len(para.check_ms),
            "concept_index_build_s": round(para.build_seconds, 2),
            "check_ms_median": round(statistics.median(para.check_ms), 2),
            "source_first": sum(para.right),
        }
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    return status
