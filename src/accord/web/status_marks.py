"""The Chair's controls for marking a paragraph's status on the version page."""

from django.utils.translation import gettext_lazy

from accord.core.status import ActKind

KIND_CHOICES = [
    (ActKind.AGREED.value, gettext_lazy("Agreed ad referendum")),
    (ActKind.AGREED_PENDING.value, gettext_lazy("Agreed pending the delegations named")),
    (ActKind.REOPENED.value, gettext_lazy("Reopen")),
]
