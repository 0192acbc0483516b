"""What the version page needs to show each paragraph's status and the Chair's controls."""

from typing import Any

from django.utils.translation import gettext_lazy

from accord.core import provisions as pv
from accord.core.status import ActKind
from accord.store import models, queries

KIND_CHOICES = [
    (ActKind.AGREED.value, gettext_lazy("Agreed ad referendum")),
    (ActKind.AGREED_PENDING.value, gettext_lazy("Agreed pending the delegations named")),
    (ActKind.REOPENED.value, gettext_lazy("Reopen")),
]


def status_context(version: models.Version, text: pv.Version) -> dict[str, Any]:
    rows = queries.statuses(version, text)
    return {"statuses": {row.provision.uid: row for row in rows}, "mark_choices": KIND_CHOICES}
