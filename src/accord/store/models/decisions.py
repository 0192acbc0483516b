"""Decisions on a version: adoptions, recorded votes, explanations of position."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accord.core.decisions import DecisionRule
from accord.store.models.choices import enum_choices
from accord.store.models.documents import Version
from accord.store.models.reference import Delegation

# How an adoption was decided: by consensus at a meeting, or by silence procedure.
ADOPTION_METHODS = [
    ("consensus", _("Consensus")),
    ("silence", _("Silence procedure")),
    ("vote", _("Recorded vote")),
]


class Adoption(models.Model):
    """The Chair's record of an adoption meeting on a version: adopted by consensus or not,
    the members who objected, those who joined but disassociated from named provisions, and
    the hash of every provision the decision covered."""

    version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="adoptions")
    adopted = models.BooleanField()
    objections = models.JSONField(default=list)
    disassociations = models.JSONField(default=dict)
    provision_hashes = models.JSONField(default=dict)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()
    method = models.CharField(max_length=20, choices=ADOPTION_METHODS, default="consensus")

    class Meta:
        ordering = ["decided_at", "id"]


class RecordedVote(models.Model):
    """The recorded vote an adoption was decided by: each member delegation's ballot (yes,
    no or abstain; a member not listed did not vote), the rule that said the majority needed,
    and the counts derived from the ballots."""

    adoption = models.OneToOneField(Adoption, on_delete=models.CASCADE, related_name="vote")
    rule = models.CharField(max_length=30, choices=enum_choices(DecisionRule))
    ballots = models.JSONField(default=dict)
    yes = models.PositiveIntegerField()
    no = models.PositiveIntegerField()
    abstentions = models.PositiveIntegerField()
    present = models.PositiveIntegerField()
    needed = models.PositiveIntegerField()
    quorum_needed = models.PositiveIntegerField()
    quorum_met = models.BooleanField()


class ExplanationOfPosition(models.Model):
    """A delegation's explanation after a decision: a national view, always attributed."""

    adoption = models.ForeignKey(Adoption, on_delete=models.CASCADE, related_name="explanations")
    delegation = models.ForeignKey(Delegation, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()

    class Meta:
        ordering = ["delegation__name"]
