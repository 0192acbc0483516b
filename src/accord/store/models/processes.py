"""Processes and who takes part in them: participations, accreditations and the
stakeholders' accreditation on a non-objection basis."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accord.core.convergence_audience import Audience
from accord.core.decisions import DecisionRule, StakeholderModality
from accord.core.participants import ParticipantKind, Role
from accord.core.silence import ProposalsUnderSilence
from accord.store.models.choices import enum_choices
from accord.store.models.reference import Delegation, Group

ROLE_LABELS = {
    Role.CHAIR: _("Chair"),
    Role.SECRETARIAT: _("Secretariat"),
    Role.BUREAU: _("Member of the Bureau"),
    Role.DELEGATE: _("Delegate"),
    Role.OBSERVER: _("Observer"),
    Role.STAKEHOLDER: _("Stakeholder"),
    Role.PUBLIC: _("Public"),
}


class Process(models.Model):
    """One negotiating body and mandate, with its rules of procedure."""

    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=300)
    is_public = models.BooleanField(default=True)
    silence_minimum_hours = models.PositiveIntegerField(default=72)
    decision_rule = models.CharField(
        max_length=30, choices=enum_choices(DecisionRule), default=DecisionRule.CONSENSUS.value
    )
    stakeholder_modality = models.CharField(
        max_length=20,
        choices=enum_choices(StakeholderModality),
        default=StakeholderModality.NONE.value,
    )
    proposals_under_silence = models.CharField(
        max_length=20,
        choices=enum_choices(ProposalsUnderSilence),
        default=ProposalsUnderSilence.ALLOWED.value,
    )
    # The rules may ask every delegate to confirm their sign-ins with a second factor before
    # they act in this process (`accord.security.per_process`).
    delegates_second_factor = models.BooleanField(default=False)
    # Who sees the convergence analytics: the Chair and the Bureau unless the rules say more.
    convergence_audience = models.CharField(
        max_length=20, choices=enum_choices(Audience), default=Audience.CHAIR_AND_BUREAU.value
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.title


class Participation(models.Model):
    """A delegation's place in a process: member, observer or stakeholder."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="participations")
    delegation = models.ForeignKey(Delegation, on_delete=models.PROTECT)
    kind = models.CharField(max_length=20, choices=enum_choices(ParticipantKind))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["process", "delegation"], name="one_participation")
        ]


class Accreditation(models.Model):
    """A user's role in a process and, for delegates, the delegation they act for."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="accreditations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="accreditations"
    )
    role = models.CharField(max_length=20, choices=[(r.value, ROLE_LABELS[r]) for r in Role])
    delegation = models.ForeignKey(Delegation, null=True, blank=True, on_delete=models.PROTECT)
    mandates = models.ManyToManyField(Group, blank=True, related_name="mandated")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["process", "user"], name="one_role")]


class StakeholderRequest(models.Model):
    """The Secretariat's proposal to accredit a stakeholder organisation on a non-objection
    basis: accredited at ``deadline`` unless a member delegation objected. ``accredited`` is
    None while pending."""

    process = models.ForeignKey(
        Process, on_delete=models.CASCADE, related_name="stakeholder_requests"
    )
    organisation = models.CharField(max_length=200)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField()
    deadline = models.DateTimeField(db_index=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    accredited = models.BooleanField(null=True)

    class Meta:
        ordering = ["proposed_at", "id"]


class StakeholderObjection(models.Model):
    """A member delegation's objection to a stakeholder request, with its reason."""

    request = models.ForeignKey(
        StakeholderRequest, on_delete=models.CASCADE, related_name="objections"
    )
    delegation = models.ForeignKey(Delegation, on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField()
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]
