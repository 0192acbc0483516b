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
    content_hash,
    parse_corpus,
)
from accord.core.checker.batch import batch_item
from accord.core.checker.errors import InvalidCorpus
from accord.core.checker.export import report_json
from accord.core.checker.languages import LANGUAGES
from accord.core.errors import Refusal
from accord.data.starter import starter_corpus_bytes


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Register ``check`` and ``corpus`` on the `accord` command's sub-parsers."""
    check = commands.add_parser("check", help="check a passage against agreed language")
    check.add_argument("text", nargs="?", help="the passage, or - to read it from standard input")
    check.add_argument(
        "--corpus",
        action="append",
        metavar="FILE.jsonl",
        help="check against this corpus file instead of the instance's corpus (repeatable)",
    )
    check.add_argument(
        "--starter",
        action="store_true",
        help="check against the agreed language shipped with accord (the default when the "
        "instance's corpus is empty)",
    )
    check.add_argument(
        "--language",
        choices=LANGUAGES,
        help="the passage's language (default: told from the text); it is checked against "
        "the corpus entries in that language",
    )
    check.add_argument("--json", action="store_true", help="print the findings as JSON")
    check.add_argument(
        "--batch",
        metavar="FILE.jsonl",
        help='check each line {"text": ..., "id": ...} of this file (- for standard input) '
        "and print one JSON result a line",
    )
    check.set_defaults(run=run_check)
    corpus = commands.add_parser("corpus", help="manage the checker's corpus")
    actions = corpus.add_subparsers(dest="corpus_command", required=True, metavar="ACTION")
    imported = actions.add_parser(
        "import", help="import a JSON Lines corpus file, or an adopted text in Akoma Ntoso"
    )
    imported.add_argument("file", metavar="FILE.jsonl|FILE.xml")
    imported.add_argument(
        "--status",
        help="for an Akoma Ntoso file (.xml, .akn): how its text came to be (consensus, vote, "
        "chairs-summary, national-view, proposal)",
    )
    imported.add_argument(
        "--holder", help="for an Akoma Ntoso file: whose view it is (national-view, proposal)"
    )
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


def _index(files: list[str] | None, *, starter: bool = False) -> CorpusIndex:
    if starter:
        return _files_index([("agreed_language.jsonl", starter_corpus_bytes())])
    if not files:
        from accord.store.queries import corpus_index

        migrate()
        index = corpus_index()
        return index if len(index) else _index(None, starter=True)
    return _files_index([(path, _read(path)) for path in files])


def _files_index(files: list[tuple[str, bytes]]) -> CorpusIndex:
    """The index of the corpus files, read back from the cache when it holds their hashes."""
    from accord.store.checker_index import cached_index

    key = content_hash(b"".join(content_hash(data).encode("ascii") for _, data in files))

    def build() -> CorpusIndex:
        entries: list[CorpusEntry] = []
        for path, data in files:
            try:
                entries += parse_corpus(data.decode("utf-8-sig", "replace").splitlines())
            except Refusal as refusal:
                raise _explained(refusal, f"{path}:") from None
        return build_index(entries)

    return cached_index(key, build)


def run_check(args: argparse.Namespace) -> int:
    if (args.text is None) == (args.batch is None):
        raise CommandError("give either a passage or --batch FILE.jsonl")
    index = _index(args.corpus, starter=args.starter)
    if args.batch is not None:
        return _run_batch(index, args.batch, args.language)
    text = sys.stdin.read() if args.text == "-" else args.text
    try:
        report = check_passage(index, text, language=args.language)
    except Refusal as refusal:
        raise _explained(refusal) from None
    if args.json:
        print(json.dumps(report_json(report), ensure_ascii=False, indent=2))
    else:
        for number, found in enumerate(report.findings, start=1):
            print(_describe(number, found))
    return 0


def _run_batch(index: CorpusIndex, path: str, language: str | None) -> int:
    """One JSON object a line for each passage of the batch file: its findings, or the
    refusal in words; a bad line does not stop the others. 1 when a line was refused. A
    line's own ``language`` wins over ``language``."""
    from accord.words.refusals import explain

    data = sys.stdin.buffer.read() if path == "-" else _read(path)
    refused = False
    for number, line in enumerate(data.decode("utf-8-sig", "replace").splitlines(), start=1):
        if not line.strip():
            continue
        out: dict[str, object] = {"line": number}
        try:
            item = batch_item(number, line)
            out["id"] = item.id
            said = item.language or language
            out.update(report_json(check_passage(index, item.text, language=said)))
        except Refusal as refusal:
            out["error"] = explain(refusal)
            refused = True
        print(json.dumps(out, ensure_ascii=False), flush=False)
    return 1 if refused else 0


def _describe(number: int, found: Finding) -> str:
    head = f"{number}. {found.verdict.value}"
    if found.frame:
        head += " (the writer's own words)"
    if found.source is not None:
        s = found.source
        whose = f", held by {s.holder}" if s.holder else ""
        head += f" — {s.document}, {s.provision} ({s.status.value}{whose}), "
        head += f"similarity {found.similarity:.2f}"
    lines = [head, f"   “{found.segment}”"]
    if found.quoted or found.reported:
        lines.append("   " + ("quoted" if found.quoted else f"reported after “{found.framing}”"))
    if found.agreement_claimed:
        lines.append("   said to be agreed, but the source is not an agreed text")
    if found.paraphrase:
        pairs = "; ".join(f"{a} = {b}" for a, b in found.alignment)
        lines.append(f"   paraphrase of the source; aligned: {pairs}")
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
    from accord.actions.corpus import import_corpus, import_corpus_akn

    data = _read(args.file)
    akn = Path(args.file).suffix.lower() in (".xml", ".akn")
    if akn and not args.status:
        raise CommandError("give --status for an Akoma Ntoso file (e.g. --status consensus)")
    if not akn and (args.status or args.holder):
        raise CommandError(
            "--status and --holder are for Akoma Ntoso files; a JSON Lines "
            "file gives them on each line"
        )
    migrate()
    name = Path(args.file).name
    try:
        if akn:
            count = import_corpus_akn(
                data, by=None, status=args.status, holder=args.holder, name=name
            )
        else:
            count = import_corpus(data, by=None, name=name)
    except Refusal as refusal:
        raise _explained(refusal) from None
    print(f"Imported {count} provisions from {args.file}.")
    return 0
