"""`accord bench engine`: time the redline and the compilation on a generated document.

Each figure is the median of several runs, with its baseline measured in the same run:
Python's `difflib.SequenceMatcher` on the same paragraph pairs, and `git diff --no-index
--word-diff` on the same two texts written to files. The correctness checks run on the
output that was timed.
"""

import argparse
import difflib
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from accord.bench.generate import Scenario, generate, revise_draft
from accord.bench.proposals import make_proposals
from accord.bench.targets import TARGETS, check
from accord.core.amendments import tokenize
from accord.core.compilation import compile_version
from accord.core.compilation_render import compilation_data, compilation_html
from accord.core.draft_text import parse_draft
from accord.core.lineage import Lineage, trace_lineage
from accord.core.provisions import Version
from accord.core.redline import compare_versions, redline_problems


def run(args: argparse.Namespace) -> int:
    """Measure, check and print; the exit status is 1 when a correctness check fails or a
    target is missed."""
    if args.draft:
        scenario = revise_draft(parse_draft(args.draft.read_text(encoding="utf-8")), args.seed)
    else:
        scenario = generate(args.paragraphs, seed=args.seed)
    figures = measure_redline(scenario, args.runs)
    figures |= measure_compilation(scenario, args.proposals, args.delegations, args.runs, args.seed)
    figures["peak_rss_mb"] = round(_peak_rss_mb(), 1)
    lines, missed = check(TARGETS["engine"], _measured(figures), args.limits)
    if args.json:
        figures["targets"] = [line.strip() for line in lines]
        print(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        print("\n".join([_table(figures), *lines]))
    if not figures["checks_passed"]:
        print("accord bench: a correctness check failed (see checks_passed)", file=sys.stderr)
    return 0 if figures["checks_passed"] and not missed else 1


def _measured(figures: dict[str, object]) -> dict[str, float]:
    """The figures the targets are set on, by target name."""
    names = {
        "redline-speedup": "speedup_vs_difflib_chars",
        "lineage-accuracy": "lineage_accuracy",
        "compile-data-ms": "compile_data_ms",
        "compile-html-ms": "compile_html_ms",
        "peak-rss-mb": "peak_rss_mb",
    }
    measured = {name: float(figures[key]) for name, key in names.items()}  # type: ignore[arg-type]
    if figures.get("git_word_diff_ms") is not None:
        git, ours = figures["git_word_diff_ms"], figures["parse_and_redline_ms"]
        measured["git-ratio"] = round(float(git) / float(ours), 2)  # type: ignore[arg-type]
    return measured


def _median_ms(runs: int, work: Callable[[], object]) -> float:
    return _race(runs, {"work": work})["work"]


def measure_redline(scenario: Scenario, runs: int) -> dict[str, object]:
    """Redline timings with both baselines, lineage accuracy and the correctness checks.

    The redline and its baselines take turns within each run, so that a noisy neighbour on
    a shared machine slows all of them alike and the ratios stay fair.
    """
    old = parse_draft(scenario.old_text)
    new = parse_draft(scenario.new_text)
    lineage = trace_lineage(old, new)
    redline = compare_versions(old, new, lineage)
    pairs = _pairs(old, new, lineage)
    texts = (scenario.old_text, scenario.new_text)
    with tempfile.TemporaryDirectory() as folder:
        works: dict[str, Callable[[], object]] = {
            "redline_ms": lambda: compare_versions(old, new),
            "parse_and_redline_ms": lambda: _from_texts(*texts),
            "difflib_chars_ms": lambda: _difflib_chars(pairs),
            "difflib_words_ms": lambda: _difflib_words(pairs),
        }
        git = _git(scenario, Path(folder))
        if git is not None:
            works["git_word_diff_ms"] = git
        figures: dict[str, object] = {
            "words": scenario.words,
            "paragraphs": sum(1 for p in old if p.kind == "paragraph"),
            **_race(runs, works),
        }
    figures |= {
        "lineage_accuracy": round(lineage_accuracy(scenario, lineage), 4),
        "redline_problems": len(redline_problems(old, new, redline)),
        "self_redline_empty": compare_versions(new, new).is_empty,
    }
    figures |= _ratios(figures)
    figures["checks_passed"] = (
        figures["redline_problems"] == 0
        and figures["self_redline_empty"] is True
        and float(figures["lineage_accuracy"]) >= 0.99  # type: ignore[arg-type]
    )
    return figures


def _race(runs: int, works: dict[str, Callable[[], object]]) -> dict[str, float]:
    """The median time of each work, the works taking turns in every run."""
    times: dict[str, list[float]] = {name: [] for name in works}
    for _ in range(runs):
        for name, work in works.items():
            # Every run tokenizes afresh: a warm cache would flatter the core.
            tokenize.cache_clear()
            start = time.perf_counter()
            work()
            times[name].append((time.perf_counter() - start) * 1000)
    return {name: round(statistics.median(t), 2) for name, t in times.items()}


def _pairs(old: Version, new: Version, lineage: Lineage) -> list[tuple[str, str]]:
    """The (old text, new text) pairs the redline compares, for the difflib baseline."""
    return [
        (
            " ".join(old.provision(u).text for u in link.old),
            " ".join(new.provision(u).text for u in link.new),
        )
        for link in lineage.links
    ]


def _from_texts(old_text: str, new_text: str) -> object:
    return compare_versions(parse_draft(old_text), parse_draft(new_text))


def _difflib_chars(pairs: list[tuple[str, str]]) -> None:
    """SequenceMatcher as it is usually called: on the two strings, with its defaults."""
    for a, b in pairs:
        difflib.SequenceMatcher(None, a, b).get_opcodes()


def _difflib_words(pairs: list[tuple[str, str]]) -> None:
    """SequenceMatcher on the same word tokens the redline aligns."""
    for a, b in pairs:
        difflib.SequenceMatcher(None, tokenize(a), tokenize(b), autojunk=False).get_opcodes()


def _ratios(figures: dict[str, object]) -> dict[str, object]:
    """How many times faster the redline is than each baseline (below 1: slower)."""
    ours = float(figures["redline_ms"])  # type: ignore[arg-type]
    found: dict[str, object] = {}
    for key in ("difflib_chars_ms", "difflib_words_ms", "git_word_diff_ms"):
        if figures.get(key) is not None:
            found[f"speedup_vs_{key.removesuffix('_ms')}"] = round(float(figures[key]) / ours, 2)  # type: ignore[arg-type]
    return found


def _git(scenario: Scenario, folder: Path) -> Callable[[], object] | None:
    """A run of ``git diff --no-index --word-diff`` on the two texts written to ``folder``."""
    git = shutil.which("git")
    if git is None:
        return None
    old, new = folder / "old.txt", folder / "new.txt"
    old.write_text(scenario.old_text, encoding="utf-8")
    new.write_text(scenario.new_text, encoding="utf-8")
    command = [git, "diff", "--no-index", "--no-color", "--word-diff=plain", str(old), str(new)]
    return lambda: subprocess.run(command, capture_output=True, check=False)  # noqa: S603


def lineage_accuracy(scenario: Scenario, lineage: Lineage) -> float:
    """Share of provisions whose successors (or absence of predecessor) match the truth."""
    found = dict(lineage.number_map())
    right = sum(frozenset(found.get(label, ())) == news for label, news in scenario.truth.items())
    truly_new = scenario.new_labels - {n for news in scenario.truth.values() for n in news}
    seen_new = {n for link in lineage.links if not link.old for n in link.new_labels}
    right += len(truly_new & seen_new)
    wrong_new = len(seen_new - truly_new)
    return right / (len(scenario.truth) + len(truly_new) + wrong_new)


def measure_compilation(
    scenario: Scenario, proposals: int, delegations: int, runs: int, seed: int
) -> dict[str, object]:
    """Compilation of the old version with generated proposals, to data and to HTML."""
    version = parse_draft(scenario.old_text)
    made = make_proposals(version, proposals, delegations, seed)
    compilation = compile_version(version, made)
    return {
        "proposals": len(made),
        "delegations": delegations,
        "compile_data_ms": _median_ms(
            runs, lambda: compilation_data(compile_version(version, made))
        ),
        "compile_html_ms": _median_ms(
            runs, lambda: compilation_html(compile_version(version, made))
        ),
        "compile_html_kb": len(compilation_html(compilation)) // 1024,
    }


def _peak_rss_mb() -> float:
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


def _table(figures: dict[str, object]) -> str:
    width = max(len(k) for k in figures)
    return "\n".join(f"{key:<{width}}  {value}" for key, value in figures.items())
