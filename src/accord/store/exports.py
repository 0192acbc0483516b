"""The read side of exports: a version as the documents layer describes it."""

from django.utils import timezone

from accord.documents.model import DocumentMeta
from accord.store import models


def document_meta(version: models.Version) -> DocumentMeta:
    """What the front page of an exported ``version`` says. Needs ``document`` selected."""
    document = version.document
    first = document.versions.order_by("number").values_list("issued_at", flat=True).first()
    return DocumentMeta(
        title=version.title,
        version_label=version.label,
        issued=timezone.localdate(version.issued_at),
        symbol=document.symbol,
        process_title=document.process.title,
        document_slug=document.slug,
        version_number=version.number,
        work_date=timezone.localdate(first) if first else None,
    )
