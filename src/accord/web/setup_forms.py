"""The form a staff user fills in to set up a process; the rules are the actions'."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from accord.core.convergence_audience import Audience
from accord.core.decisions import DecisionRule, StakeholderModality
from accord.core.silence import ProposalsUnderSilence

DECISION_RULES = [
    (DecisionRule.CONSENSUS.value, _("Consensus")),
    (
        DecisionRule.CONSENSUS_OR_SILENCE.value,
        _("Consensus, and adoption under a silence procedure allowed"),
    ),
    (
        DecisionRule.VOTE_SIMPLE_MAJORITY.value,
        _("A recorded vote: a simple majority of the members present and voting"),
    ),
    (
        DecisionRule.VOTE_TWO_THIRDS.value,
        _("A recorded vote: a two-thirds majority of the members present and voting"),
    ),
]
STAKEHOLDER_MODALITIES = [
    (StakeholderModality.NONE.value, _("None: stakeholders do not take part")),
    (
        StakeholderModality.NON_OBJECTION.value,
        _("Non-objection: stakeholders are admitted unless a member objects"),
    ),
    (StakeholderModality.OPEN.value, _("Open: any accredited stakeholder takes part")),
]
PROPOSALS_UNDER_SILENCE = [
    (
        ProposalsUnderSilence.ALLOWED.value,
        _("Allowed: members may still propose on a text under silence"),
    ),
    (
        ProposalsUnderSilence.FROZEN.value,
        _("Frozen: no proposal on a text while a silence procedure runs on it"),
    ),
]
CONVERGENCE_AUDIENCES = [
    (Audience.CHAIR_AND_BUREAU.value, _("The Chair and the Bureau")),
    (Audience.ROOM.value, _("Everyone accredited to the process")),
    (Audience.PUBLIC.value, _("Everyone who may read the process")),
]
ALL_MEMBERS, CHOSEN_MEMBERS = "all", "chosen"


def codes(text: str) -> list[str]:
    """Delegation codes typed as a list: separated by spaces, commas or new lines."""
    return [code.upper() for code in re.split(r"[\s,;]+", text) if code]


class ProcessForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    slug = forms.CharField(
        label=_("Short name in addresses (lower-case letters, digits and hyphens)"),
        max_length=80,
    )
    visibility = forms.ChoiceField(
        label=_("Who may read it"),
        choices=[
            ("public", _("Public: anyone may read the texts and the record")),
            ("confidential", _("Confidential: only the people accredited to it")),
        ],
    )
    decision_rule = forms.ChoiceField(label=_("Decision rule"), choices=DECISION_RULES)
    silence_minimum_hours = forms.IntegerField(
        label=_("Shortest silence procedure, in hours"), initial=72, min_value=1, max_value=8760
    )
    proposals_under_silence = forms.TypedChoiceField(
        label=_("Proposals during a silence procedure"),
        choices=PROPOSALS_UNDER_SILENCE,
        coerce=ProposalsUnderSilence,
        empty_value=ProposalsUnderSilence.ALLOWED,
        required=False,
    )
    stakeholder_modality = forms.ChoiceField(
        label=_("Stakeholder participation"), choices=STAKEHOLDER_MODALITIES
    )
    delegates_second_factor = forms.BooleanField(
        label=_("Delegates confirm their sign-ins with a second factor before acting here"),
        required=False,
    )
    convergence_audience = forms.TypedChoiceField(
        label=_("Who sees the convergence analytics"),
        choices=CONVERGENCE_AUDIENCES,
        coerce=Audience,
        initial=Audience.CHAIR_AND_BUREAU,
        empty_value=Audience.CHAIR_AND_BUREAU,
        required=False,
    )
    member_scope = forms.ChoiceField(
        label=_("Members"),
        choices=[
            (ALL_MEMBERS, _("All member States of the United Nations")),
            (CHOSEN_MEMBERS, _("Only the members listed below")),
        ],
    )
    members = forms.CharField(
        label=_("Member codes (for a chosen list; for example BRA DEU KEN)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
    )
    observers = forms.CharField(
        label=_("Observer codes (optional; for example VAT PSE)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=5000,
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("member_scope") == CHOSEN_MEMBERS and not codes(data.get("members", "")):
            self.add_error("members", _("List the members, or choose all member States."))
        return data
