"""Importing a Chair's draft from a file: the first version of a new document."""

import hashlib

from django.contrib.auth.models import User
from django.db import transaction

from accord.actions.events import record
from accord.actions.processes import check_may_draft, first_version_payload, store_first_version
from accord.documents.akn_import import read_akn
from accord.documents.model import Format, ImportedDraft
from accord.documents.word_import import read_docx
from accord.store import models

IMPORT_FORMATS = (Format.DOCX, Format.AKN)


def read_draft(data: bytes, fmt: Format) -> ImportedDraft:
    """What a file holds, before anything is stored (the preview). Raises the importers'
    refusals (`UnreadableDocument`, `FileTooLarge`, `ArchiveTooLarge`)."""
    if fmt is Format.AKN:
        meta, version = read_akn(data)
        return ImportedDraft(version=version, symbol=meta.symbol)
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
    version = store_first_version(
        process, slug=slug, value=draft.version, label=label, symbol=symbol or draft.symbol
    )
    record(
        "draft.imported",
        by=by,
        process=process,
        subject=f"document:{slug}",
        payload={
            **first_version_payload(version, draft.version),
            "file": {
                "name": filename,
                "format": fmt.value,
                "sha256": hashlib.sha256(data).hexdigest(),
            },
        },
    )
    return version
