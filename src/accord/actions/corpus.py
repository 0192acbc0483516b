"""Loading agreed texts and national views into the agreed-language checker's corpus."""

import json
from datetime import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from accord.actions.events import record
from accord.core.checker.corpus import CorpusEntry, content_hash, parse_corpus
from accord.core.checker.errors import (
    CorpusAlreadyImported,
    CorpusTooLarge,
    InvalidCorpus,
    LineProblem,
    LineReason,
)
from accord.core.errors import NotPermitted
from accord.core.participants import Reason
from accord.documents.akn_import import read_akn_file
from accord.documents.notes import without_notes
from accord.store import models

SIZE_LIMIT = 64 * 1024 * 1024


@transaction.atomic
def import_corpus(data: bytes, *, by: User | None, name: str = "") -> int:
    """Add every provision of a JSON Lines file to the corpus; return how many.

    Only the instance itself (``by=None``, from the CLI) or staff import. The whole file is
    refused when any line is bad (`InvalidCorpus`, naming each line), when it is empty
    (`EmptyCorpus`), too large (`CorpusTooLarge`) or already imported (`CorpusAlreadyImported`).
    Writes one ``corpus.imported`` event with the counts and the file's content hash.
    """
    digest = _check_file(data, by=by)
    entries = parse_corpus(_text(data).splitlines())
    return _store(_numbered(data, entries), digest, by=by, name=name)


@transaction.atomic
def import_corpus_akn(
    data: bytes, *, by: User | None, status: str, holder: str | None = None, name: str = ""
) -> int:
    """Add every paragraph and sub-paragraph of an Akoma Ntoso file (an adopted resolution
    or decision, accord's or another tool's) to the corpus with ``status``; return how many.

    The document is named by the file's symbol (its title when it has none), each provision
    by its label (PP3, OP6, OP6(a)), the date is the file's adoption date (its expression's
    date otherwise); footnotes are left out of the text. The same checks and refusals as
    `import_corpus` (a bad ``status`` or ``holder`` refuses the whole file, each entry
    counted as a line in reading order), and the importer's (`UnreadableDocument`,
    `InvalidAkomaNtoso`). Writes one ``corpus.imported`` event naming the format.
    """
    digest = _check_file(data, by=by)
    found = read_akn_file(data)
    meta, version = found.meta, found.version
    day = meta.adopted or meta.issued
    # As lines of the JSON Lines format, so that the one parser checks both kinds of file.
    lines = [
        json.dumps(
            {
                "document": meta.symbol or meta.title,
                "provision": p.label,
                "status": status,
                "holder": holder,
                "date": day.isoformat(),
                "text": without_notes(p.text),
            }
        )
        for p in version
        if p.is_amendable
    ]
    entries = parse_corpus(lines)
    numbered = list(enumerate(entries, start=1))
    return _store(numbered, digest, by=by, name=name, fmt="akn")


def _check_file(data: bytes, *, by: User | None) -> str:
    """The file's content hash, once the importer and the file have passed the checks."""
    if by is not None and not by.is_staff:
        raise NotPermitted(Reason.NOT_SECRETARIAT)
    if len(data) > SIZE_LIMIT:
        raise CorpusTooLarge(len(data), SIZE_LIMIT)
    digest = content_hash(data)
    if models.CorpusEntry.objects.filter(batch=digest).exists():
        raise CorpusAlreadyImported(digest)
    return digest


def _store(
    numbered: list[tuple[int, CorpusEntry]],
    digest: str,
    *,
    by: User | None,
    name: str,
    fmt: str = "",
) -> int:
    now = timezone.now()
    models.CorpusEntry.objects.bulk_create(
        (_row(entry, digest, line, now) for line, entry in numbered), batch_size=2000
    )
    entries = tuple(entry for _, entry in numbered)
    payload = {"name": name, "content_hash": digest, "entries": len(entries), **_counts(entries)}
    record(
        "corpus.imported",
        by=by,
        process=None,
        subject=f"corpus:{digest[:16]}",
        payload={**payload, "format": fmt} if fmt else payload,
    )
    return len(entries)


def import_corpus_once(data: bytes, *, by: User | None, name: str) -> int:
    """`import_corpus`, unless this very file, or a file of the same name, was imported
    before: then 0, and nothing is written. The demo loads its corpus this way, so loading
    the demo again, even after its corpus file changed, never doubles the corpus."""
    same_name = models.Event.objects.filter(kind="corpus.imported", payload__name=name)
    if same_name.exists() or models.CorpusEntry.objects.filter(batch=content_hash(data)).exists():
        return 0
    return import_corpus(data, by=by, name=name)


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InvalidCorpus((LineProblem(line, LineReason.NOT_UTF8),)) from None


def _numbered(data: bytes, entries: tuple[CorpusEntry, ...]) -> list[tuple[int, CorpusEntry]]:
    """Each entry with its line number (blank lines are skipped by the parser)."""
    lines = [n for n, line in enumerate(_text(data).splitlines(), start=1) if line.strip()]
    return list(zip(lines, entries, strict=True))


def _counts(entries: tuple[CorpusEntry, ...]) -> dict[str, dict[str, int]]:
    counts: dict[str, int] = {}
    languages: dict[str, int] = {}
    for entry in entries:
        counts[entry.status.value] = counts.get(entry.status.value, 0) + 1
        languages[entry.language] = languages.get(entry.language, 0) + 1
    return {
        "by_status": dict(sorted(counts.items())),
        "by_language": dict(sorted(languages.items())),
    }


def _row(entry: CorpusEntry, batch: str, line: int, now: datetime) -> models.CorpusEntry:
    return models.CorpusEntry(
        document=entry.document,
        provision=entry.provision,
        status=entry.status.value,
        holder=entry.holder or "",
        date=entry.date,
        text=entry.text,
        language=entry.language,
        batch=batch,
        line=line,
        imported_at=now,
    )
