"""Importing a Chair's draft from a file: the first version of a new document."""

import hashlib

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from accord.actions.events import record
from accord.actions.processes import DocumentExists
from accord.core.errors import NotPermitted
from accord.core.participants import Reason, Role
from accord.documents.akn_import import read_akn
from accord.documents.model import Format, ImportedDraft
from accord.documents.word_import import read_docx
from accord.store import convert, models, queries

_DRAFTERS = (Role.CHAIR, Role.SECRETARIAT)
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
    if by is not None and queries.actor(by, process).role not in _DRAFTERS:
        raise NotPermitted(Reason.NOT_A_DRAFTER)
    if process.documents.filter(slug=slug).exists():
        raise DocumentExists(slug)
    draft = read_draft(data, fmt)
    value = draft.version
    document = models.Document.objects.create(
        process=process,
        slug=slug,
        title=value.title[:300] or slug,
        symbol=(symbol or draft.symbol)[:80],
    )
    version = models.Version.objects.create(
        document=document,
        number=1,
        label=label,
        title=value.title[:300] or slug,
        issued_at=timezone.now(),
        content_hash=value.content_hash,
    )
    models.Provision.objects.bulk_create(convert.provision_rows(version, value))
    record(
        "draft.imported",
        by=by,
        process=process,
        subject=f"document:{slug}",
        payload={
            "document": slug,
            "version": 1,
            "label": label,
            "content_hash": value.content_hash,
            "provisions": len(value),
            "file": {
                "name": filename,
                "format": fmt.value,
                "sha256": hashlib.sha256(data).hexdigest(),
            },
        },
    )
    return version
