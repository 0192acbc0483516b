"""`accord bench documents`: the documents layer on a negotiation of realistic size.

    accord bench documents [--paragraphs 300] [--proposals 5000] [--seed 7]
                           [--weasyprint-compilation]

Builds a seeded draft (sections of numbered paragraphs, some with sub-paragraphs) and seeded
proposals, then times each import and export once and prints the peak memory of the process.
The baselines, in the same run, are python-docx (where it is installed, as it is for
development) reading the same Word file that accord's importer reads, and WeasyPrint setting
the same pages as PDF from their print HTML, as accord did before it used Typst: the clean
version always, the whole compilation with ``--weasyprint-compilation`` (about 40 s).
The figures and the machine they were taken on are in docs/performance-documents.md.
"""

import argparse
import io
import random
import resource
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from functools import partial

from accord.bench.targets import TARGETS, check
from accord.core.amendments import derive_amendment
from accord.core.compilation import Compilation, compile_version
from accord.core.proposals import Proponent, Proposal, ProposalStatus
from accord.core.provisions import Provision, ProvisionKind, Version
from accord.documents import html_export
from accord.documents.export import export_clean, export_compilation
from accord.documents.model import DocumentMeta, Format
from accord.documents.pdf_export import html_to_pdf
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


_CPU: dict[str, float] = {}
"""The CPU seconds of each step timed, by label: the steadier figure for a ratio."""


def _timed(label: str, work: Callable[[], object]) -> float:
    """Wall-clock and CPU seconds: on a shared machine the CPU time is the steadier figure."""
    began, cpu = time.perf_counter(), time.process_time()
    work()
    seconds = time.perf_counter() - began
    _CPU[label] = time.process_time() - cpu
    print(f"{label:<36} {seconds:8.2f} s wall {_CPU[label]:8.2f} s CPU")
    return seconds


def _python_docx() -> Callable[[bytes], object] | None:
    """The baseline reader: python-docx's document model, every paragraph's text."""
    try:
        import docx  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        return None
    return lambda data: [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def _against_weasyprint(ours: str, theirs: Callable[[], object]) -> None:
    """The baseline for a PDF, step ``ours``: WeasyPrint setting the same pages from their
    print HTML. The ratio is of CPU times (a PDF's wall time moves with the machine's load)."""
    label = "  baseline: WeasyPrint setting it"
    _timed(label, theirs)
    print(f"{'  Typst against WeasyPrint (CPU)':<36} {_CPU[label] / max(_CPU[ours], 1e-6):8.2f}×")


DOCX, AKN, PDF = Format.DOCX, Format.AKN, Format.PDF


def run(args: argparse.Namespace) -> int:
    """Time every step once and print it; the exit status is 1 when a target is missed."""
    rng = random.Random(args.seed)  # noqa: S311 - seeded sample text, not a secret
    version = draft(args.paragraphs, rng)
    compiled = proposals(version, args.proposals, rng)
    meta = DocumentMeta(version.title, "Zero draft", date(2026, 3, 1), "A/AC.999/2026/L.1")
    word = export_clean(meta, version, Format.DOCX).content
    print(f"{len(version)} provisions, {compiled.proposal_count} proposals")
    measured = {"import-s": _timed("Word import (clean .docx)", lambda: read_docx(word))}
    baseline = _python_docx()
    if baseline is not None:
        theirs = _timed("  baseline: python-docx reading it", lambda: baseline(word))
        print(f"{'  accord against python-docx':<36} {theirs / measured['import-s']:8.2f}×")
    steps: list[tuple[str, str, Callable[[], object]]] = [
        ("word-s", "compilation to Word", lambda: export_compilation(meta, compiled, DOCX)),
        ("akn-s", "compilation to Akoma Ntoso", lambda: export_compilation(meta, compiled, AKN)),
        ("clean-pdf-s", "clean version to PDF", lambda: export_clean(meta, version, PDF)),
        (
            "compilation-pdf-s",
            "compilation to PDF",
            lambda: export_compilation(meta, compiled, PDF),
        ),
    ]
    for name, label, work in steps:
        measured[name] = _timed(label, work)
        if name == "clean-pdf-s":
            page = html_export.clean_html(meta, version, for_print=True)
            _against_weasyprint(label, partial(html_to_pdf, page))
    if args.weasyprint_compilation:
        parts = html_export.compilation_print_parts(meta, compiled)
        _against_weasyprint("compilation to PDF", lambda: [html_to_pdf(part(1)) for part in parts])
    measured["peak-mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory (resident set)':<36} {measured['peak-mb']:8.0f} MB")
    rounded = {name: round(value, 2) for name, value in measured.items()}
    lines, status = check(TARGETS["documents"], rounded, args.limits)
    print("\n".join(lines))
    return status
