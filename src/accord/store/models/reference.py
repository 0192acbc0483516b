"""Reference data: the delegations and the groups they form."""

from django.db import models


class Delegation(models.Model):
    """A state or organisation that takes part in processes (reference data)."""

    class Kind(models.TextChoices):
        MEMBER_STATE = "member-state"
        OBSERVER_STATE = "observer-state"
        OBSERVER_ORGANISATION = "observer-organisation"
        STAKEHOLDER = "stakeholder"

    code = models.CharField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    regional_group = models.ForeignKey(
        "Group", null=True, blank=True, on_delete=models.PROTECT, related_name="regional_members"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Group(models.Model):
    """A coalition that may speak on behalf of its members (regional group, EU, ...)."""

    class Kind(models.TextChoices):
        REGIONAL = "regional"
        POLITICAL = "political"

    code = models.CharField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    members = models.ManyToManyField(Delegation, related_name="groups", blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
