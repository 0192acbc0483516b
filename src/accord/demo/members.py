"""The demo's smaller processes open alike: every member state admitted, the demo's Chair
and Secretariat accredited, and the delegates of a few delegations."""

from django.contrib.auth.models import User

from accord.actions.processes import accredit, admit_participants, create_process
from accord.core.decisions import DecisionRule
from accord.core.participants import ParticipantKind, Role
from accord.store import models


def open_process(
    slug: str,
    title: str,
    chair: User,
    secretariat: User,
    delegates: dict[str, User] | None = None,
    decision_rule: DecisionRule = DecisionRule.CONSENSUS,
) -> models.Process:
    """A process of the member states, with its Chair and Secretariat, and the delegates
    of ``delegates`` (delegation code → user) accredited by the Secretariat."""
    process = create_process(by=None, slug=slug, title=title, decision_rule=decision_rule)
    members = models.Delegation.objects.filter(kind="member-state").values_list("code", flat=True)
    admit_participants(process, by=None, codes=list(members), kind=ParticipantKind.MEMBER)
    accredit(process, by=None, user=chair, role=Role.CHAIR)
    accredit(process, by=None, user=secretariat, role=Role.SECRETARIAT)
    for code, delegate in (delegates or {}).items():
        accredit(process, by=secretariat, user=delegate, role=Role.DELEGATE, delegation=code)
    return process
