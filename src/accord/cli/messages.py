"""`accord messages`: the interface's message catalogues, extracted, compiled and checked.

The catalogues are ``accord/locale/<language>/LC_MESSAGES/django.po``, one for each of the
five official languages besides English. ``accord messages`` re-extracts every translatable
string of the sources into them with Django's ``makemessages`` (``--no-location``; it runs GNU
gettext's xgettext and msgmerge, so strings already translated keep their translation) and
compiles each into the ``django.mo`` committed beside it. The compiler is Babel's, pure Python,
so a checkout needs no GNU gettext to run in every language. ``accord messages --check``
changes nothing: it extracts into a copy of the sources and reports every string without a
complete translation, every fuzzy entry and every compiled catalogue that differs from its
``.po``.
"""

import argparse
import contextlib
import gettext
import io
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accord.cli.errors import CommandError

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

LANGUAGES = ("ar", "es", "fr", "ru", "zh_Hans")


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    messages = commands.add_parser(
        "messages", help="extract and compile the message catalogues, or check them"
    )
    messages.add_argument(
        "--check",
        action="store_true",
        help="change nothing; fail on a missing translation, a fuzzy entry or a stale .mo",
    )
    messages.set_defaults(run=run_messages)


def run_messages(args: argparse.Namespace) -> None:
    source = Path(__file__).resolve().parent.parent
    if args.check:
        found = check(source, LANGUAGES)
        if found:
            raise CommandError("\n".join([*found, f"{len(found)} problems in the catalogues"]))
        print(f"The catalogues of {', '.join(LANGUAGES)} are complete and compiled.")
        return
    extract(source, LANGUAGES)
    for language in LANGUAGES:
        compile_catalogue(catalogue(source, language))
    print(f"Extracted and compiled the catalogues of {', '.join(LANGUAGES)}.")


def catalogue(source: Path, language: str) -> Path:
    return source / "locale" / language / "LC_MESSAGES" / "django.po"


def extract(source: Path, languages: Sequence[str]) -> None:
    """Re-extract the translatable strings under ``source`` into ``source/locale``."""
    from django.core.management import call_command
    from django.test.utils import override_settings

    if shutil.which("xgettext") is None:
        raise CommandError(
            "extracting the messages needs GNU gettext (Debian: apt-get install gettext)"
        )
    with override_settings(LOCALE_PATHS=[source / "locale"]), _working_in(source):
        call_command("makemessages", locale=list(languages), no_location=True, verbosity=0)


def compile_catalogue(po: Path) -> None:
    """Write the ``.mo`` beside ``po``: its translated, not fuzzy, entries."""
    po.with_suffix(".mo").write_bytes(_compiled(po))


def check(source: Path, languages: Sequence[str]) -> list[str]:
    """Every problem of the catalogues under ``source``, one line each; none when complete."""
    with tempfile.TemporaryDirectory(prefix="accord-messages-") as scratch:
        copy = Path(scratch) / source.name
        shutil.copytree(source, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        extract(copy, languages)
        found = [line for language in languages for line in untranslated(copy, language)]
    return found + [line for language in languages for line in stale(source, language)]


def untranslated(source: Path, language: str) -> Iterator[str]:
    """The entries of a catalogue without a complete translation, or marked fuzzy."""
    read = _read(catalogue(source, language))
    for message in read:
        if not message.id:
            continue  # the header
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        if message.fuzzy:
            yield f"{language}: fuzzy: {key!r}"
        elif isinstance(message.id, tuple):
            forms = message.string if isinstance(message.string, tuple) else (message.string,)
            if len(forms) < read.num_plurals or not all(forms[: read.num_plurals]):
                yield f"{language}: plural forms missing: {key!r}"
        elif not message.string:
            yield f"{language}: untranslated: {key!r}"


def stale(source: Path, language: str) -> Iterator[str]:
    """Whether the compiled catalogue says what its ``.po`` says."""
    po = catalogue(source, language)
    mo = po.with_suffix(".mo")
    if not mo.exists():
        yield f"{language}: {mo.name} is missing: run accord messages"
    elif _contents(mo.read_bytes()) != _contents(_compiled(po)):
        yield f"{language}: {mo.name} differs from {po.name}: run accord messages"


def _read(po: Path) -> "Catalog":
    from babel.messages.pofile import read_po

    # Babel prints a warning for every plural entry with more forms than the language has
    # (msgmerge gives Chinese two); the forms past the language's count are never used.
    with po.open("rb") as file, contextlib.redirect_stdout(io.StringIO()):
        return read_po(file)


def _compiled(po: Path) -> bytes:
    from babel.messages.mofile import write_mo

    read = _read(po)
    # Babel would keep a plural entry whose forms are empty; leave it out, as msgfmt does.
    for message in list(read):
        if message.id and message.pluralizable:
            forms = message.string if isinstance(message.string, tuple) else (message.string,)
            if not all(forms[: read.num_plurals]):
                read.delete(message.id, context=message.context)
    out = io.BytesIO()
    write_mo(out, read, use_fuzzy=False)
    return out.getvalue()


def _contents(mo: bytes) -> tuple[dict[Any, str], str | None]:
    """A compiled catalogue's translations and plural rule (not its header's dates)."""
    read = gettext.GNUTranslations(io.BytesIO(mo))
    translations = {key: value for key, value in read._catalog.items() if key != ""}  # type: ignore[attr-defined]
    return translations, read.info().get("plural-forms")


@contextmanager
def _working_in(directory: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(directory)
    try:
        yield
    finally:
        os.chdir(before)
