"""Importing a Chair's draft from a file: the first version of a new document, or the next
revision of one that exists."""

import hashlib
from collections.abc import Mapping

from django.contrib.auth.models import User
from django.db import transaction

from accord.actions.events import record
from accord.actions.processes import (
    DRAFTERS,
    check_may_draft,
    first_version_payload,
    store_first_version,
)
from accord.actions.revisions import check_may_revise, issue_revision
from accord.core.errors import NotPermitted
from accord.core.fates import Fate, FateKind
from accord.core.participants import Reason
from accord.core.text_hygiene import clean_version
from accord.documents.akn_import import read_akn_file
from accord.documents.model import Format, ImportedDraft
from accord.documents.word_import import read_docx
from accord.store import models, queries

IMPORT_FORMATS = (Format.DOCX, Format.AKN)


def preview_import(
    process: models.Process, *, by: User | None, data: bytes, fmt: Format
) -> ImportedDraft:
    """What a file would import into ``process``, storing nothing: only those who may
    publish there (the Chair and the Secretariat; ``by=None`` for the instance) may have a
    file read, since reading a large one is costly. Raises `NotPermitted` before the file is
    opened, then the importers' refusals (see `read_draft`). Writes no event."""
    if by is not None and queries.actor(by, process).role not in DRAFTERS:
        raise NotPermitted(Reason.NOT_A_DRAFTER)
    return read_draft(data, fmt)


def read_draft(data: bytes, fmt: Format) -> ImportedDraft:
    """What a file holds, before anything is stored. Raises the importers' refusals
    (`UnreadableDocument`, `FileTooLarge`, `ArchiveTooLarge`, `TooManyParagraphs`). Callers
    acting for a person check first that the person may import (`preview_import`)."""
    if fmt is Format.AKN:
        found = read_akn_file(data)
        return ImportedDraft(version=found.version, symbol=found.meta.symbol, notices=found.notices)
    if fmt is Format.DOCX:
        return read_docx(data)
    raise ValueError(f"accord does not import {fmt.value} files")


@transaction.atomic
def import_draft(
    process: models.Process,
    *,
    by: User | None,
    slug: str,
    label: str,
    data: bytes,
    fmt: Format = Format.DOCX,
    filename: str = "",
    symbol: str = "",
) -> models.Version:
    """Publish the first version of a new document from a Word or Akoma Ntoso file.

    Only the Chair or the Secretariat import (`NotPermitted` otherwise); a file that cannot be
    read raises the importer's refusal. Either way nothing is written. Writes one
    ``draft.imported`` event naming the file by its SHA-256.
    """
    check_may_draft(by, process, slug)
    draft = read_draft(data, fmt)
    value = clean_version(draft.version)
    version = store_first_version(
        process, slug=slug, value=value, label=label, symbol=symbol or draft.symbol
    )
    record(
        "draft.imported",
        by=by,
        process=process,
        subject=f"document:{slug}",
        payload={
            **first_version_payload(version, value),
            "file": file_record(data, fmt, filename),
        },
    )
    return version


def file_record(data: bytes, fmt: Format, filename: str) -> dict[str, str]:
    """How an event names an imported file: by name, format and SHA-256."""
    return {"name": filename, "format": fmt.value, "sha256": hashlib.sha256(data).hexdigest()}


@transaction.atomic
def import_revision(
    document: models.Document,
    *,
    by: User | None,
    label: str,
    data: bytes,
    fmt: Format = Format.DOCX,
    filename: str = "",
    fates: Mapping[int, Fate] | None = None,
) -> models.Version:
    """Issue the version a Word or Akoma Ntoso file holds as the next revision of ``document``.

    It goes through `issue_revision`: the provisions it continues keep their identifiers,
    every open proposal gets a fate (the Chair's in ``fates``, the engine's suggestion
    otherwise) and a revision that would let a proposal vanish is refused
    (`ProposalsWithoutFate`, naming them). Only the Chair (`NotPermitted`), not after
    adoption (`AlreadyAdopted`); an unreadable file raises the importer's refusal. Nothing is
    written on a refusal. Writes one ``revision.issued`` event naming the file.
    """
    check_may_revise(document, by=by)
    draft = read_draft(data, fmt)
    return issue_revision(
        document,
        by=by,
        label=label,
        draft=draft.version,
        fates=fates,
        file=file_record(data, fmt, filename),
    )


def parse_fates(entries: list[str]) -> dict[int, Fate]:
    """The Chair's fates as the command and the API take them: ``12=not-taken-up``, one per
    entry (or several joined by commas). Raises ValueError naming the entry it cannot read."""
    fates: dict[int, Fate] = {}
    for entry in (e.strip() for item in entries for e in item.split(",")):
        if not entry:
            continue
        number, _, kind = entry.partition("=")
        if not number.strip().isdigit() or kind.strip() not in set(FateKind):
            raise ValueError(entry)
        fates[int(number)] = Fate(int(number), FateKind(kind.strip()))
    return fates
