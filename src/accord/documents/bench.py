"""Timing the documents layer on a negotiation of realistic size.

    python -m accord.documents.bench [--paragraphs 300] [--proposals 5000] [--seed 7]

Builds a seeded draft (sections of numbered paragraphs, some with sub-paragraphs) and seeded
proposals, then times each import and export once and prints the peak memory of the process.
The figures and the machine they were taken on are in docs/performance-documents.md.
"""

import argparse
import random
import resource
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from accord.core.amendments import derive_amendment
from accord.core.compilation import Compilation, compile_version
from accord.core.proposals import Proponent, Proposal, ProposalStatus
from accord.core.provisions import Provision, ProvisionKind, Version
from accord.documents.export import export_clean, export_compilation
from accord.documents.model import DocumentMeta, Format
from accord.documents.word_import import read_docx

_WORDS = [
    "States", "international", "security", "cooperation", "framework", "norms", "responsible",
    "behaviour", "information", "communications", "technologies", "capacity-building",
    "confidence-building", "measures", "critical", "infrastructure", "incidents", "law",
    "sovereignty", "human", "rights", "voluntary", "non-binding", "implementation", "national",
    "regional", "exchange", "views", "consensus", "Group", "further", "develop", "existing",
    "potential", "threats", "supply", "chains", "vulnerabilities", "reporting", "assistance",
]  # fmt: skip
DELEGATIONS = [
    ("ARG", "Argentina"), ("BRA", "Brazil"), ("CHN", "China"), ("DEU", "Germany"),
    ("EGY", "Egypt"), ("FRA", "France"), ("IND", "India"), ("KEN", "Kenya"),
    ("MEX", "Mexico"), ("RUS", "Russian Federation"), ("USA", "United States"),
]  # fmt: skip


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def draft(paragraphs: int, rng: random.Random) -> Version:
    """``paragraphs`` numbered paragraphs in sections of 20; every eighth has three (a)-(c)."""
    provisions: list[Provision] = []
    for number in range(1, paragraphs + 1):
        if number % 20 == 1:
            letter = chr(ord("A") + number // 20)
            uid = f"s-{letter.lower()}"
            heading = _sentence(rng, 4)
            provisions.append(Provision(uid, ProvisionKind.SECTION, letter, heading))
        text = " ".join(_sentence(rng, rng.randint(12, 25)) for _ in range(4))
        provisions.append(Provision(f"p{number}", ProvisionKind.PARAGRAPH, str(number), text))
        if number % 8 == 0:
            for letter in "abc":
                provisions.append(
                    Provision(
                        f"p{number}-{letter}",
                        ProvisionKind.SUBPARAGRAPH,
                        f"{number}({letter})",
                        _sentence(rng, 15),
                        f"p{number}",
                    )
                )
    return Version("Draft report (benchmark)", tuple(provisions))


def proposals(version: Version, count: int, rng: random.Random) -> Compilation:
    amendable = [p for p in version if p.is_amendable]
    start = datetime(2026, 3, 1, 9, tzinfo=UTC)
    made = []
    for number in range(1, count + 1):
        provision = rng.choice(amendable)
        words = provision.text.split()
        for _ in range(rng.randint(1, 3)):
            words[rng.randrange(len(words))] = rng.choice(_WORDS)
        wording = " ".join(words)
        code, name = rng.choice(DELEGATIONS)
        made.append(
            Proposal(
                number,
                provision.uid,
                Proponent(code, name),
                wording,
                derive_amendment(provision.text, wording),
                "",
                ProposalStatus.OPEN,
                start + timedelta(minutes=number),
            )
        )
    return compile_version(version, made)


def _timed(label: str, work: Callable[[], object]) -> float:
    """Wall-clock and CPU seconds: on a shared machine the CPU time is the steadier figure."""
    began, cpu = time.perf_counter(), time.process_time()
    work()
    seconds = time.perf_counter() - began
    print(f"{label:<36} {seconds:8.2f} s wall {time.process_time() - cpu:8.2f} s CPU")
    return seconds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=300)
    parser.add_argument("--proposals", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)  # noqa: S311 - seeded sample text, not a secret
    version = draft(args.paragraphs, rng)
    compiled = proposals(version, args.proposals, rng)
    meta = DocumentMeta(version.title, "Zero draft", date(2026, 3, 1), "A/AC.999/2026/L.1")
    word = export_clean(meta, version, Format.DOCX).content
    print(f"{len(version)} provisions, {compiled.proposal_count} proposals")
    _timed("Word import (clean .docx)", lambda: read_docx(word))
    _timed("compilation to Word", lambda: export_compilation(meta, compiled, Format.DOCX))
    _timed("compilation to Akoma Ntoso", lambda: export_compilation(meta, compiled, Format.AKN))
    _timed("clean version to PDF", lambda: export_clean(meta, version, Format.PDF))
    _timed("compilation to PDF", lambda: export_compilation(meta, compiled, Format.PDF))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory (resident set)':<36} {peak:8.0f} MB")


if __name__ == "__main__":
    main()
