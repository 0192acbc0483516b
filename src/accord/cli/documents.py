"""`accord import`, `accord export` and `accord redline`: documents in and out, and the
redline between two draft files.

Import and export run after Django is set up (see `accord.cli`); a refusal is said in the
words the web pages use, and the command exits with status 2. The redline needs neither
Django nor a database: the core speaks no language, so a draft it cannot read is named by the
refusal's code and parameters.
"""

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from accord.cli.errors import CommandError
from accord.core.draft_text import parse_draft
from accord.core.errors import Refusal
from accord.core.redline import Redline, compare_versions
from accord.core.redline_render import redline_data, redline_html, redline_markdown, redline_text
from accord.documents.model import Format, View

if TYPE_CHECKING:
    from accord.store import models

# The parser is built before Django is set up, so everything that needs Django is imported
# inside the commands themselves.


REDLINE_FORMATS: dict[str, Callable[[Redline], str]] = {
    "text": redline_text,
    "md": redline_markdown,
    "html": redline_html,
    "json": lambda r: json.dumps(redline_data(r), ensure_ascii=False, indent=2),
}


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    redline = commands.add_parser("redline", help="compare two draft files, print the redline")
    redline.add_argument("old", type=Path, help="the earlier version, as a draft text file")
    redline.add_argument("new", type=Path, help="the later version, as a draft text file")
    redline.add_argument("--format", choices=sorted(REDLINE_FORMATS), default="text")
    redline.set_defaults(run=run_redline, django=False)

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
    export.add_argument(
        "--against", type=int, help="the older version of a redline (default: the previous one)"
    )
    export.add_argument("-o", "--output", type=Path, required=True)
    export.set_defaults(run=export_file)


def run_redline(args: argparse.Namespace) -> int:
    """Compare the two draft files (the plain-text numbered format of
    `accord.core.draft_text`) and print the redline in ``args.format``."""
    versions = []
    for path in (args.old, args.new):
        try:
            versions.append(parse_draft(path.read_text(encoding="utf-8"), default_title=path.name))
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(str(error)) from None
        except Refusal as refusal:
            raise CommandError(f"{path}: {refusal.code} {json.dumps(refusal.params())}") from None
    redline = compare_versions(versions[0], versions[1])
    sys.stdout.write(REDLINE_FORMATS[args.format](redline) + "\n")
    return 0


def _format(path: Path) -> Format:
    return Format.AKN if path.suffix.lower() == ".xml" else Format.DOCX


def import_file(args: argparse.Namespace) -> int:
    from accord.actions.imports import import_draft, import_revision, parse_fates
    from accord.store import models
    from accord.words.refusals import explain

    process = models.Process.objects.filter(slug=args.process).first()
    if process is None:
        raise CommandError(f"no process named {args.process}")
    try:
        data = args.file.read_bytes()
    except OSError as error:
        raise CommandError(f"cannot read {args.file}: {error.strerror}") from None
    document = process.documents.filter(slug=args.document).first()
    try:
        fates = parse_fates(args.fate)
    except ValueError as bad:
        raise CommandError(f"--fate takes PROPOSAL=FATE, e.g. 12=not-taken-up, not {bad}") from None
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
        raise CommandError(explain(refusal)) from None
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
        raise CommandError(f"no document {args.process}/{args.document}")
    version = (
        _numbered(document, args.version) if args.version else queries.current_version(document)
    )
    older = _numbered(document, args.against) if args.against else None
    if version is None or (args.against and older is None):
        raise CommandError("no such version")
    try:
        exported = exports.export_view(version, View(args.view), Format(args.format), against=older)
    except exports.NoSuchView:
        if args.view == View.REDLINE:
            raise CommandError(
                f"version {version.number} is the first: there is no earlier version to compare"
            ) from None
        raise CommandError(f"the {args.view} view cannot be exported yet") from None
    args.output.write_bytes(exported.content)
    print(f"Wrote {args.output} ({len(exported.content)} bytes).")
    return 0


def _numbered(document: "models.Document", number: int) -> "models.Version | None":
    return document.versions.filter(number=number).first()
