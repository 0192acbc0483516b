"""Proposals, their fates in each revision and the invitations to co-sponsor them."""

from django.conf import settings
from django.db import models

from accord.core.proposals import ProposalStatus
from accord.store.models.choices import enum_choices
from accord.store.models.documents import Version
from accord.store.models.reference import Delegation, Group


class Proposal(models.Model):
    version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="proposals")
    provision_uid = models.CharField(max_length=40)
    delegation = models.ForeignKey(Delegation, on_delete=models.PROTECT, related_name="+")
    on_behalf_of = models.ForeignKey(
        Group, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    wording = models.TextField()
    amendment = models.JSONField()
    justification = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=enum_choices(ProposalStatus), default=ProposalStatus.OPEN
    )
    submitted_at = models.DateTimeField()
    # Alternative wordings (Option 1, Option 2, ...) when the proposal offers alternatives.
    options = models.JSONField(default=list, blank=True)
    # A whole-provision operation: {"op": "add"|"delete"|"move", ...}; null for a rewording.
    structure = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["submitted_at", "id"]
        indexes = [models.Index(fields=["version", "provision_uid"])]


class ProposalFate(models.Model):
    """What a revision did with a proposal: reflected (in which provisions), partly reflected,
    merged with others, not taken up, withdrawn or still pending. ``recorded`` is False where
    the Chair accepted the engine's suggestion without saying otherwise."""

    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="fates")
    revision = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="fates")
    kind = models.CharField(max_length=20)
    provisions = models.JSONField(default=list)
    merged_with = models.JSONField(default=list)
    recorded = models.BooleanField(default=True)

    class Meta:
        ordering = ["revision__number", "proposal_id"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "revision"], name="one_fate_per_revision")
        ]


class CoSponsorship(models.Model):
    """An invitation from a proposal's delegation to another member to co-sponsor it, and
    the answer: only an accepted invitation makes the invitee a co-sponsor."""

    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="invitations")
    delegation = models.ForeignKey(Delegation, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, default="pending")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    invited_at = models.DateTimeField()
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["invited_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "delegation"], name="one_invitation")
        ]
