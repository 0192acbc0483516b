"""Conditions several actions share: work happens on the current version of a document that
is not yet adopted."""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef

from accord.core.errors import Refusal, VersionNotCurrent
from accord.core.silence import SilenceState
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


def require_open(version: models.Version) -> bool:
    """Raise `VersionNotCurrent` unless ``version`` is its document's current version, and
    `AlreadyAdopted` once the document has been adopted; else say whether a silence procedure
    is running on the document. One query for the three."""
    document = OuterRef("document")
    adopted = models.Adoption.objects.filter(version__document=document, adopted=True)
    silent = models.SilenceProcedure.objects.filter(
        version__document=document, state=SilenceState.RUNNING
    )
    current = (
        models.Version.objects.filter(document=version.document_id)
        .annotate(adopted=Exists(adopted), under_silence=Exists(silent))
        .order_by("-number")
        .values_list("pk", "label", "adopted", "under_silence")
        .first()
    )
    if current is None:
        raise models.Version.DoesNotExist(f"{version.document} has no version")
    pk, label, is_adopted, under_silence = current
    if pk != version.pk:
        raise VersionNotCurrent(version=version.label, current=label)
    if is_adopted:
        raise AlreadyAdopted(version.document.slug, queries.document_name(version.document))
    return bool(under_silence)
