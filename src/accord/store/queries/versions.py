"""Documents and their versions: the current one, their text, and how they compare."""

from django.db.models import OuterRef, QuerySet, Subquery

from accord.core import provisions as pv
from accord.core.redline import Redline, compare_versions
from accord.store import convert, models


def current_version(document: models.Document) -> models.Version:
    return document.versions.order_by("-number").first() or _no_version(document)


def _no_version(document: models.Document) -> models.Version:
    raise models.Version.DoesNotExist(f"{document} has no version")


def version_value(version: models.Version) -> pv.Version:
    return convert.version_value(version, list(version.provisions.order_by("position")))


def version_values(versions: list[models.Version]) -> list[pv.Version]:
    """The text of each of ``versions``, in one query."""
    rows: dict[int, list[models.Provision]] = {v.pk: [] for v in versions}
    for row in models.Provision.objects.filter(version__in=versions).order_by(
        "version", "position"
    ):
        rows[row.version_id].append(row)
    return [convert.version_value(v, rows[v.pk]) for v in versions]


def documents_with_current_title() -> QuerySet[models.Document]:
    """Documents with ``current_title``: the title of their latest version, which a revision
    may have changed ("Zero draft of the report …" becomes "Revised draft …")."""
    latest = models.Version.objects.filter(document=OuterRef("pk")).order_by("-number")
    return models.Document.objects.annotate(
        current_title=Subquery(latest.values("title")[:1])
    ).order_by("id")


def documents_with_current_version(process: models.Process) -> list[models.Version]:
    """The current version of each of the process's documents, with its document."""
    latest = (
        models.Version.objects.filter(document=OuterRef("document"))
        .order_by("-number")
        .values("pk")[:1]
    )
    return list(
        models.Version.objects.filter(document__process=process, pk=Subquery(latest))
        .select_related("document")
        .order_by("document__title")
    )


def redline(version: models.Version, against: models.Version) -> Redline:
    """``version`` compared with the earlier ``against``, through their lineage."""
    return compare_versions(version_value(against), version_value(version))


def revision_labels(document: models.Document) -> dict[str, dict[str, str]]:
    """For each version label of ``document``, its provisions' number labels by uid."""
    rows = models.Provision.objects.filter(version__document=document).values_list(
        "version__label", "uid", "label"
    )
    labels: dict[str, dict[str, str]] = {}
    for version, uid, label in rows:
        labels.setdefault(version, {})[uid] = label
    return labels


def document_name(document: models.Document) -> str:
    """A document as people call it: its symbol, or else the title of its current version."""
    return document.symbol or current_version(document).title
