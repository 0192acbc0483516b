"""The demo's status marks on Rev.1: the Chair gavels several paragraphs ad referendum,
one pending two delegations' confirmation, and reopens one of them."""

from django.contrib.auth.models import User

from accord.actions.status import mark_provision_status
from accord.core.status import ActKind
from accord.store import models, queries

# Rev.1 paragraph numbers.
AGREED = ("1", "2", "3", "5", "8", "21")
PENDING = ("14", ("BRA", "KEN"))
REOPENED = "5"


def mark_demo_statuses(document: models.Document, chair: User) -> None:
    version = queries.current_version(document)
    uid_of = dict(version.provisions.filter(kind="paragraph").values_list("label", "uid"))
    for label in AGREED:
        mark_provision_status(version, by=chair, provision_uid=uid_of[label], kind=ActKind.AGREED)
    label, pending = PENDING
    mark_provision_status(
        version,
        by=chair,
        provision_uid=uid_of[label],
        kind=ActKind.AGREED_PENDING,
        pending=pending,
    )
    mark_provision_status(version, by=chair, provision_uid=uid_of[REOPENED], kind=ActKind.REOPENED)
