"""`accord check` and `accord corpus import`: the agreed-language checker on the command line."""

import argparse
import json
import sys
from pathlib import Path

from accord.cli.database import migrate
from accord.cli.errors import CommandError
from accord.core.checker import (
    CorpusEntry,
    CorpusIndex,
    Finding,
    build_index,
    check_passage,
    parse_corpus,
)
from accord.core.checker.errors import InvalidCorpus
from accord.core.checker.export import report_json
from accord.core.errors import Refusal


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Register ``check`` and ``corpus`` on the `accord` command's sub-parsers."""
    check = commands.add_parser("check", help="check a passage against agreed language")
    check.add_argument("text", help="the passage, or - to read it from standard input")
    check.add_argument(
        "--corpus",
        action="append",
        metavar="FILE.jsonl",
        help="check against this corpus file instead of the instance's corpus (repeatable)",
    )
    check.add_argument("--json", action="store_true", help="print the findings as JSON")
    check.set_defaults(run=run_check)
    corpus = commands.add_parser("corpus", help="manage the checker's corpus")
    actions = corpus.add_subparsers(dest="corpus_command", required=True, metavar="ACTION")
    imported = actions.add_parser("import", help="import a JSON Lines corpus file")
    imported.add_argument("file", metavar="FILE.jsonl")
    imported.set_defaults(run=run_corpus_import)


def _explained(refusal: Refusal, *before: str) -> CommandError:
    """The refusal in the words the pages use, each corpus line's problem on a line of its
    own, after the lines ``before``."""
    from accord.words.refusals import explain, explain_corpus_line

    lines = [*before, explain(refusal)]
    if isinstance(refusal, InvalidCorpus):
        lines += [explain_corpus_line(p.line, p.reason, p.detail) for p in refusal.problems]
    return CommandError("\n".join(lines))


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise CommandError(f"cannot read {path}: {error.strerror}") from None


def _index(files: list[str] | None) -> CorpusIndex:
    if not files:
        from accord.store.queries import corpus_index

        migrate()
        index = corpus_index()
        if not len(index):
            raise CommandError("the instance's corpus is empty; load one with accord corpus import")
        return index
    entries: list[CorpusEntry] = []
    for path in files:
        try:
            entries += parse_corpus(_read(path).decode("utf-8-sig", "replace").splitlines())
        except Refusal as refusal:
            raise _explained(refusal, f"{path}:") from None
    return build_index(entries)


def run_check(args: argparse.Namespace) -> int:
    text = sys.stdin.read() if args.text == "-" else args.text
    try:
        report = check_passage(_index(args.corpus), text)
    except Refusal as refusal:
        raise _explained(refusal) from None
    if args.json:
        print(json.dumps(report_json(report), ensure_ascii=False, indent=2))
    else:
        for number, found in enumerate(report.findings, start=1):
            print(_describe(number, found))
    return 0


def _describe(number: int, found: Finding) -> str:
    head = f"{number}. {found.verdict.value}"
    if found.source is not None:
        s = found.source
        whose = f", held by {s.holder}" if s.holder else ""
        head += f" — {s.document}, {s.provision} ({s.status.value}{whose}), "
        head += f"similarity {found.similarity:.2f}"
    lines = [head, f"   “{found.segment}”"]
    if found.also_adopted is not None:
        also = found.also_adopted
        lines.append(f"   less close: adopted text in {also.document}, {also.provision}")
    if found.alterations:
        lines.append(f"   changes: {', '.join(a.value for a in found.alterations)}")
    for label, items in (
        ("qualifiers dropped", found.qualifiers_dropped),
        ("omitted", found.omitted),
        ("added", found.added),
    ):
        if items:
            lines.append(f"   {label}: " + "; ".join(f"“{i}”" for i in items))
    return "\n".join(lines)


def run_corpus_import(args: argparse.Namespace) -> int:
    from accord.actions.corpus import import_corpus

    data = _read(args.file)
    migrate()
    try:
        count = import_corpus(data, by=None, name=Path(args.file).name)
    except Refusal as refusal:
        raise _explained(refusal) from None
    print(f"Imported {count} provisions from {args.file}.")
    return 0
