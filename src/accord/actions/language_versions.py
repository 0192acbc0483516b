"""Adding a language version of a version (from a Word file or provision by provision) and
of an entry of the Chair's summary: the Secretariat's, each an event of the record."""

import dataclasses
from collections.abc import Mapping

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from accord.actions.events import record
from accord.actions.imports import file_record, read_draft
from accord.core import language_versions as lv
from accord.core import national_views as nv
from accord.core.errors import NotPermitted
from accord.core.participants import Reason, Role
from accord.core.provisions import Version, content_hash
from accord.core.text_hygiene import clean_version
from accord.documents.model import Format
from accord.store import models, queries


def check_may_translate(version: models.Version, *, by: User | None, language: str) -> None:
    """Only the Secretariat adds a language version (`NotPermitted`), in an official language
    other than the document's own (`UnknownLanguage`, `NegotiatingLanguage`)."""
    process = version.document.process
    if by is not None and queries.actor(by, process).role is not Role.SECRETARIAT:
        raise NotPermitted(Reason.NOT_SECRETARIAT)
    lv.check_language(language, version.document.language)


@transaction.atomic
def add_language_version(
    version: models.Version,
    *,
    by: User | None,
    language: str,
    title: str,
    texts: Mapping[str, str],
) -> models.LanguageVersion:
    """Add (or replace) ``version`` in ``language`` from every provision's text by uid.

    Refuses as `check_may_translate` does, then `UnknownProvision`, `MissingTranslation` and
    the text hygiene's `UnsafeCharacter`; nothing is written on a refusal. Writes one
    ``language-version.added`` event."""
    check_may_translate(version, by=by, language=language)
    original = queries.version_value(version)
    return _store(version, by, language, title, lv.renderings(original, texts), None)


@transaction.atomic
def import_language_version(
    version: models.Version,
    *,
    by: User | None,
    language: str,
    data: bytes,
    fmt: Format = Format.DOCX,
    filename: str = "",
) -> models.LanguageVersion:
    """Add ``version`` in ``language`` from a Word (or Akoma Ntoso) file whose numbering
    follows the original's: the importer's refusals, then `TranslationLength` or
    `TranslationMismatch` when its provisions do not match the original's one for one.
    Nothing is written on a refusal. The event names the file by its SHA-256."""
    check_may_translate(version, by=by, language=language)
    draft = read_draft(data, fmt)
    matched = lv.match_structure(queries.version_value(version), draft.version)
    return _store(
        version, by, language, draft.version.title, matched, file_record(data, fmt, filename)
    )


def _store(
    version: models.Version,
    by: User | None,
    language: str,
    title: str,
    renderings: tuple[lv.Rendering, ...],
    file: dict[str, str] | None,
) -> models.LanguageVersion:
    original = queries.version_value(version)
    cleaned = clean_version(
        Version(
            title=title or version.title,
            provisions=tuple(
                dataclasses.replace(original.provision(r.uid), text=r.text) for r in renderings
            ),
        )
    )
    renderings = tuple(
        lv.Rendering(r.uid, p.text, r.source)
        for r, p in zip(renderings, cleaned.provisions, strict=True)
    )
    digest = lv.renderings_hash(cleaned.title, renderings)
    row, _created = models.LanguageVersion.objects.update_or_create(
        version=version,
        language=language,
        defaults={
            "title": cleaned.title,
            "renderings": [dataclasses.asdict(r) for r in renderings],
            "content_hash": digest,
            "added_by": by,
            "added_at": timezone.now(),
        },
    )
    document = version.document
    payload: dict[str, object] = {
        "document": document.slug,
        "version": version.number,
        "label": version.label,
        "language": language,
        "title": cleaned.title,
        "content_hash": digest,
    }
    if file is not None:
        payload["file"] = file
    record(
        "language-version.added",
        by=by,
        process=document.process,
        subject=f"document:{document.slug}",
        payload=payload,
    )
    return row


@transaction.atomic
def translate_summary_entry(
    entry: models.ChairSummaryEntry, *, by: User | None, language: str, text: str
) -> models.SummaryEntryTranslation:
    """Add (or replace) ``entry`` of the Chair's summary in ``language`` (the Secretariat
    only; the summary is written in English). Raises `NotPermitted`, `UnknownLanguage`,
    `NegotiatingLanguage`, `EmptyStatement`, `TextTooLong` or `UnsafeCharacter`; nothing is
    written on a refusal. Writes one ``summary.translated`` event."""
    process = entry.summary.process
    if by is not None and queries.actor(by, process).role is not Role.SECRETARIAT:
        raise NotPermitted(Reason.NOT_SECRETARIAT)
    lv.check_language(language, "en")
    cleaned = nv.clean_text(text, nv.MAX_ENTRY_CHARS)
    source = content_hash(entry.text)
    row, _created = models.SummaryEntryTranslation.objects.update_or_create(
        entry=entry,
        language=language,
        defaults={"text": cleaned, "source": source, "added_by": by, "added_at": timezone.now()},
    )
    record(
        "summary.translated",
        by=by,
        process=process,
        subject=f"summary-entry:{entry.pk}",
        payload={"language": language, "content_hash": content_hash(cleaned), "source": source},
    )
    return row
