"""`accord bench checker-eval`: the checker on real sentences, against its plain reading.

The sentences (`checker_eval.jsonl`) are taken word for word from public pages about the UN
norms on ICTs: the norms quoted, commentary and press paraphrase, national statements; each
line names the page it comes from (``cited``) and the verdict and source a careful reader gives
it against the starter corpus (``verdict``, ``provisions``). Every sentence is checked twice in
the same run, against the starter corpus: as the checker reads it now (quotations, frames and
paraphrases apart) and as it read it before (runs of words only, ``plain=True``). A sentence is
right when its verdict is the labelled one and, when found, its source is one of the labelled
provisions, named with their document ("A/70/174 13(g)", "A/76/136 Estonia, …").
"""

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from accord.bench.targets import TARGETS, check
from accord.core.checker import CorpusIndex, Finding, build_index, check_passage, parse_corpus
from accord.data.starter import starter_corpus_bytes


@dataclass(frozen=True, slots=True)
class Labelled:
    text: str
    verdict: str
    provisions: tuple[str, ...]
    cited: str


def labelled() -> list[Labelled]:
    lines = resources.files("accord.bench").joinpath("checker_eval.jsonl").read_text("utf-8")
    return [
        Labelled(d["text"], d["verdict"], tuple(d["provisions"]), d["cited"])
        for d in map(json.loads, lines.splitlines())
    ]


def verdict_of(findings: Sequence[Finding]) -> tuple[str, str | None]:
    """A sentence's verdict: that of its first finding with a source (the writer's own words
    set aside), or not-found; and that source's document and provision ("A/70/174 13(g)")."""
    for found in findings:
        if found.source is not None:
            return found.verdict.value, f"{found.source.document} {found.source.provision}"
    return "not-found", None


def right(item: Labelled, verdict: str, provision: str | None) -> bool:
    if verdict != item.verdict:
        return False
    return verdict == "not-found" or provision in item.provisions


def evaluate(index: CorpusIndex, items: Sequence[Labelled], *, plain: bool) -> list[bool]:
    return [
        right(item, *verdict_of(check_passage(index, item.text, plain=plain).findings))
        for item in items
    ]


def per_verdict(items: Sequence[Labelled], results: Sequence[bool]) -> dict[str, object]:
    out: dict[str, object] = {}
    for verdict in ("agreed-verbatim", "agreed-altered", "national-view", "not-found"):
        mine = [r for item, r in zip(items, results, strict=True) if item.verdict == verdict]
        out[verdict] = {"right": sum(mine), "of": len(mine), "accuracy": _share(mine)}
    return out


def _share(results: Sequence[bool]) -> float:
    return round(sum(results) / len(results), 3) if results else 1.0


def report(items: Sequence[Labelled]) -> dict[str, object]:
    index = build_index(parse_corpus(starter_corpus_bytes().decode("utf-8").splitlines()))
    now = evaluate(index, items, plain=False)
    before = evaluate(index, items, plain=True)
    classes = per_verdict(items, now)
    return {
        "sentences": len(items),
        "corpus_entries": len(index),
        "accuracy": _share(now),
        "accuracy_plain_reading": _share(before),
        "per_verdict": classes,
        "per_verdict_plain_reading": per_verdict(items, before),
        "lowest_class": min(c["accuracy"] for c in classes.values()),  # type: ignore[index]
        "missed": [
            {
                "text": item.text,
                "labelled": item.verdict,
                "found": verdict_of(check_passage(index, item.text).findings),
            }
            for item, ok in zip(items, now, strict=True)
            if not ok
        ],
    }


def run(args: argparse.Namespace) -> int:
    """Print the figures as JSON with the targets; 1 when one is missed."""
    figures = report(labelled())
    if not args.misses:
        figures.pop("missed")
    measured = {"accuracy": figures["accuracy"], "class-min": figures["lowest_class"]}
    lines, status = check(TARGETS["checker-eval"], measured, args.limits)  # type: ignore[arg-type]
    figures["targets"] = [line.strip() for line in lines]
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    return status
