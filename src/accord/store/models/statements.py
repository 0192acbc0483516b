"""National views in documents of their own: statements, written inputs and the Chair's
summary."""

from django.conf import settings
from django.db import models

from accord.store.models.documents import Version
from accord.store.models.processes import Process
from accord.store.models.proposals import Proposal
from accord.store.models.reference import Delegation, Group


class Statement(models.Model):
    """A national view in a document of its own: a statement delivered by a member or
    observer delegation, or a written input of a stakeholder (kept apart, never counted).
    ``holder`` is who holds it, as cited; ``provision_uids`` the paragraphs of ``version``
    it speaks to, if any."""

    class Kind(models.TextChoices):
        STATEMENT = "statement"
        WRITTEN_INPUT = "written-input"

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="statements")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    delegation = models.ForeignKey(
        Delegation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    holder = models.CharField(max_length=200)
    text = models.TextField()
    version = models.ForeignKey(
        Version, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    provision_uids = models.JSONField(default=list)
    delivered_on = models.DateField()
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField()

    class Meta:
        ordering = ["delivered_on", "id"]
        indexes = [models.Index(fields=["process", "kind"])]


class ChairSummary(models.Model):
    """The Chair's summary of a process: under the Chair's own responsibility, not
    negotiated, not adopted. Made of attributed entries."""

    process = models.OneToOneField(Process, on_delete=models.CASCADE, related_name="chair_summary")
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField()


class ChairSummaryEntry(models.Model):
    """One view or proposal that did not reach consensus, attributed to the delegations and
    groups that hold it: quoted from a proposal not taken up, written by the Chair, or moved
    out of the negotiated text (then ``provision_uid`` and ``text_hash`` name what moved)."""

    class Source(models.TextChoices):
        PROPOSAL = "proposal"
        FREE_TEXT = "free-text"
        MOVED_PROVISION = "moved-provision"

    summary = models.ForeignKey(ChairSummary, on_delete=models.CASCADE, related_name="entries")
    source = models.CharField(max_length=20, choices=Source.choices)
    text = models.TextField()
    delegations = models.ManyToManyField(Delegation, blank=True, related_name="+")
    groups = models.ManyToManyField(Group, blank=True, related_name="+")
    proposal = models.ForeignKey(
        Proposal, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.ForeignKey(
        Version, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    provision_uid = models.CharField(max_length=40, blank=True)
    text_hash = models.CharField(max_length=64, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField()

    class Meta:
        ordering = ["added_at", "id"]
