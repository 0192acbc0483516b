"""Benchmark of the agreed-language checker against an exhaustive scan of the corpus.

``python -m accord.bench_checker`` generates a seeded corpus, builds the index, checks
passages drawn from it, and runs the exhaustive baseline (rapidfuzz's partial ratio against
every provision) on a share of the same passages, in the same process.
"""

import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from accord.bench_checker.corpus import Passage, generate_corpus, make_passages
from accord.core.checker import CorpusEntry, CorpusIndex, build_index, check_passage


@dataclass(frozen=True, slots=True)
class RunFigures:
    build_seconds: float
    check_ms: list[float]
    baseline_ms: list[float]
    ours_right: list[bool]
    baseline_right: list[bool]


@dataclass(frozen=True, slots=True)
class Figures:
    size: int
    passages: int
    baseline_passages: int
    runs: list[RunFigures]

    @property
    def build_seconds(self) -> float:
        return statistics.median(r.build_seconds for r in self.runs)

    @property
    def check_ms(self) -> float:
        return statistics.median(statistics.median(r.check_ms) for r in self.runs)

    @property
    def baseline_ms(self) -> float:
        return statistics.median(statistics.median(r.baseline_ms) for r in self.runs)

    def _pairs(self) -> list[tuple[bool, bool]]:
        return [p for r in self.runs for p in zip(r.ours_right, r.baseline_right, strict=True)]

    @property
    def recall(self) -> float:
        """Of the passages whose source the exhaustive scan finds, the share we find too."""
        found = [ours for ours, base in self._pairs() if base]
        return sum(found) / len(found) if found else 1.0

    @property
    def accuracy(self) -> tuple[float, float]:
        """Share of passages whose source each method puts first: (ours, baseline)."""
        pairs = self._pairs()
        return sum(o for o, _ in pairs) / len(pairs), sum(b for _, b in pairs) / len(pairs)


def _top(index: CorpusIndex, positions: dict[int, int], text: str) -> int | None:
    source = check_passage(index, text).findings[0].source
    return None if source is None else positions[id(source)]


def _timed_ms(work: object, *args: object) -> tuple[object, float]:
    start = time.perf_counter()
    result = work(*args)  # type: ignore[operator]
    return result, (time.perf_counter() - start) * 1000


def _one_run(
    corpus: list[CorpusEntry], passages: Sequence[Passage], baseline: Sequence[Passage]
) -> RunFigures:
    start = time.perf_counter()
    index = build_index(corpus)
    build = time.perf_counter() - start
    positions = {id(e): n for n, e in enumerate(index.entries)}
    check_ms = [_timed_ms(_top, index, positions, p.text)[1] for p in passages]
    texts = [e.text for e in corpus]
    ours, theirs, baseline_ms = [], [], []
    for passage in baseline:
        found, _ = _timed_ms(_top, index, positions, passage.text)
        best, spent = _timed_ms(_exhaustive, texts, passage.text)
        ours.append(_same(corpus, found, passage.truth))
        theirs.append(_same(corpus, best, passage.truth))
        baseline_ms.append(spent)
    return RunFigures(build, check_ms, baseline_ms, ours, theirs)


def _exhaustive(texts: list[str], text: str) -> int:
    found = process.extractOne(
        text, texts, scorer=fuzz.partial_ratio, processor=utils.default_process
    )
    return int(found[2])


def _same(corpus: list[CorpusEntry], found: object, truth: int) -> bool:
    """Right when it is the source or a provision with the very same text."""
    return isinstance(found, int) and corpus[found].text == corpus[truth].text


def run_bench(
    size: int, passages: int, baseline_passages: int, runs: int, seed: int = 1
) -> Figures:
    """Figures of ``runs`` runs; each run checks a different share of passages exhaustively."""
    corpus = generate_corpus(size, seed)
    drawn = make_passages(corpus, passages, seed + 1)
    figures = []
    for run in range(runs):
        share = [
            drawn[(run * baseline_passages + k) % len(drawn)] for k in range(baseline_passages)
        ]
        figures.append(_one_run(corpus, drawn, share))
    return Figures(size, passages, baseline_passages, figures)
