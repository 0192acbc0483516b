"""`accord redline OLD NEW`: compare two draft files and print the redline.

The files are in the plain-text numbered format of `accord.core.draft_text`. The exit status
is 0 when the redline is printed, 2 when a file cannot be read or parsed (the refusal's code
and parameters are printed, since the core speaks no language).
"""

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from accord.core.draft_text import parse_draft
from accord.core.errors import Refusal
from accord.core.redline import Redline, compare_versions
from accord.core.redline_render import redline_data, redline_html, redline_markdown, redline_text

FORMATS: dict[str, Callable[[Redline], str]] = {
    "text": redline_text,
    "md": redline_markdown,
    "html": redline_html,
    "json": lambda r: json.dumps(redline_data(r), ensure_ascii=False, indent=2),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``accord redline``, for the CLI's parser and for `main`."""
    parser.add_argument("old", type=Path, help="the earlier version, as a draft text file")
    parser.add_argument("new", type=Path, help="the later version, as a draft text file")
    parser.add_argument("--format", choices=sorted(FORMATS), default="text")


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``accord redline`` with ``argv``; print to standard output."""
    parser = argparse.ArgumentParser(prog="accord redline", description=__doc__.splitlines()[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


def run(args: argparse.Namespace) -> int:
    """Compare the two files named in ``args`` and print the redline in ``args.format``."""
    versions = []
    for path in (args.old, args.new):
        try:
            versions.append(parse_draft(path.read_text(encoding="utf-8"), default_title=path.name))
        except (OSError, UnicodeDecodeError) as error:
            print(f"accord redline: {error}", file=sys.stderr)
            return 2
        except Refusal as refusal:
            params = json.dumps(refusal.params())
            print(f"accord redline: {path}: {refusal.code} {params}", file=sys.stderr)
            return 2
    redline = compare_versions(versions[0], versions[1])
    sys.stdout.write(FORMATS[args.format](redline) + "\n")
    return 0
