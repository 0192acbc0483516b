"""Conditions several actions share: work happens on the current version of a document that
is not yet adopted."""

from dataclasses import dataclass, field

from accord.core.errors import Refusal, VersionNotCurrent
from accord.store import models, queries


@dataclass(slots=True, unsafe_hash=True)
class AlreadyAdopted(Refusal):
    """The document is adopted: nothing more is proposed, revised, judged or adopted on it.
    ``document`` is its short name; ``name`` what people call it (see `queries.document_name`),
    for messages only."""

    document: str
    name: str = field(default="", compare=False)
    code = "already-adopted"


def check_not_adopted(document: models.Document) -> None:
    """Raise `AlreadyAdopted` once ``document`` has been adopted."""
    if models.Adoption.objects.filter(version__document=document, adopted=True).exists():
        raise AlreadyAdopted(document.slug, queries.document_name(document))


def require_open(version: models.Version) -> None:
    """Raise `VersionNotCurrent` unless ``version`` is its document's current version, and
    `AlreadyAdopted` once the document has been adopted."""
    current = queries.current_version(version.document)
    if current.pk != version.pk:
        raise VersionNotCurrent(version=version.label, current=current.label)
    check_not_adopted(version.document)
