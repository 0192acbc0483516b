"""`accord import` and `accord export`: documents in and out from the command line.

Both run after Django is set up (see `accord.cli`). Refusals are printed in the same words
the web pages use, and the command exits with status 2.
"""

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from accord.documents.model import Format, View

if TYPE_CHECKING:
    from accord.store import models

# The parser is built before Django is set up, so everything that needs Django is imported
# inside the commands themselves.


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """The two sub-commands, for `accord.cli`'s parser."""
    imports = commands.add_parser("import", help="import a Word or Akoma Ntoso draft")
    imports.add_argument("file", type=Path)
    imports.add_argument("--process", required=True, help="the process's short name")
    imports.add_argument("--label", required=True, help='the version label, e.g. "Zero draft"')
    imports.add_argument(
        "--document",
        default="report",
        help="short name of the document: a new one, or one that exists to import the file as "
        "its next revision",
    )
    imports.add_argument("--symbol", default="", help="the document symbol, if the file has none")
    imports.add_argument("--preview", action="store_true", help="show what would be stored")
    imports.add_argument(
        "--fate",
        action="append",
        default=[],
        metavar="PROPOSAL=FATE",
        help="for a revision: what it does with an open proposal, e.g. 12=not-taken-up or "
        "12=pending (repeat for each)",
    )
    imports.set_defaults(run=import_file)

    export = commands.add_parser("export", help="export a view of a version")
    export.add_argument("--process", required=True)
    export.add_argument("--document", default="report")
    export.add_argument("--version", type=int, help="version number (default: current)")
    export.add_argument("--format", choices=[f.value for f in Format], default="docx")
    export.add_argument("--view", choices=[v.value for v in View], default="clean")
    export.add_argument("--against", type=int, help="the older version of a redline")
    export.add_argument("-o", "--output", type=Path, required=True)
    export.set_defaults(run=export_file)


def _fail(message: str) -> int:
    print(f"accord: {message}", file=sys.stderr)
    return 2


def _format(path: Path) -> Format:
    return Format.AKN if path.suffix.lower() == ".xml" else Format.DOCX


def import_file(args: argparse.Namespace) -> int:
    from accord.actions.imports import import_draft, import_revision, parse_fates
    from accord.core.errors import Refusal
    from accord.messages import explain
    from accord.store import models

    process = models.Process.objects.filter(slug=args.process).first()
    if process is None:
        return _fail(f"no process named {args.process}")
    data = args.file.read_bytes()
    document = process.documents.filter(slug=args.document).first()
    try:
        fates = parse_fates(args.fate)
    except ValueError as bad:
        return _fail(f"--fate takes PROPOSAL=FATE, e.g. 12=not-taken-up, not {bad}")
    try:
        if args.preview:
            return _preview(data, _format(args.file), document)
        if document is not None:
            version = import_revision(
                document, by=None, label=args.label, data=data, fmt=_format(args.file),
                filename=args.file.name, fates=fates,
            )  # fmt: skip
            return _revised(args, version)
        version = import_draft(
            process, by=None, slug=args.document, label=args.label, symbol=args.symbol,
            data=data, fmt=_format(args.file), filename=args.file.name,
        )  # fmt: skip
    except Refusal as refusal:
        return _fail(explain(refusal))
    count = version.provisions.count()
    print(f"Imported {args.file.name} as {args.process}/{args.document} {version.label}: "
          f"{count} provisions.")  # fmt: skip
    return 0


def _revised(args: argparse.Namespace, version: "models.Version") -> int:
    fates: dict[str, int] = {}
    for kind in version.fates.values_list("kind", flat=True):
        fates[kind] = fates.get(kind, 0) + 1
    settled = ", ".join(f"{n} {kind}" for kind, n in sorted(fates.items())) or "none"
    print(
        f"Imported {args.file.name} as {args.process}/{args.document} {version.label} "
        f"(version {version.number}): {version.provisions.count()} provisions; "
        f"fates of open proposals: {settled}."
    )
    return 0


def _preview(data: bytes, fmt: Format, document: "models.Document | None") -> int:
    from accord.actions.imports import read_draft
    from accord.store import queries

    draft = read_draft(data, fmt)
    symbol = draft.symbol or "no symbol"
    print(
        f"{draft.version.title} ({symbol}): {len(draft.version)} provisions, "
        f"{draft.footnotes} footnotes"
    )
    if document is not None:
        current = queries.current_version(document)
        print(
            f"  would be version {current.number + 1} of {document.slug}, "
            f"the revision of {current.label}"
        )
    for provision in draft.version:
        print(f"  {provision.label:<8} {provision.kind.value:<13} {provision.text[:60]}")
    for notice in draft.notices:
        print(f"  check: {notice.kind} after {notice.where or 'the start'}: {notice.detail}")
    return 0


def export_file(args: argparse.Namespace) -> int:
    from accord.store import exports, models, queries

    document = models.Document.objects.filter(
        process__slug=args.process, slug=args.document
    ).first()
    if document is None:
        return _fail(f"no document {args.process}/{args.document}")
    version = (
        _numbered(document, args.version) if args.version else queries.current_version(document)
    )
    older = _numbered(document, args.against) if args.against else None
    if version is None or (args.against and older is None):
        return _fail("no such version")
    try:
        exported = exports.export_view(version, View(args.view), Format(args.format), against=older)
    except exports.NoSuchView:
        if args.view == View.REDLINE:
            return _fail("a redline needs --against, the number of the older version")
        return _fail(f"the {args.view} view cannot be exported yet")
    args.output.write_bytes(exported.content)
    print(f"Wrote {args.output} ({len(exported.content)} bytes).")
    return 0


def _numbered(document: "models.Document", number: int) -> "models.Version | None":
    return document.versions.filter(number=number).first()
