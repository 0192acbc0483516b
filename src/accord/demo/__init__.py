"""The demo negotiation, kept in one place that later capabilities extend.

`load_demo` builds an OEWG-like process with all 193 members through the same actions a
Secretariat, a Chair and the delegations use, so the demo's record is a real record.
"""

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.db import transaction

from accord.actions.corpus import import_corpus_once
from accord.actions.processes import accredit, admit_participants, create_process, publish_draft
from accord.actions.proposals import submit_proposal
from accord.core.decisions import DecisionRule, StakeholderModality
from accord.core.participants import ParticipantKind, Role
from accord.demo.concluded import add_concluded_process
from accord.demo.cosponsors import add_demo_cosponsors
from accord.demo.positions import add_demo_positions
from accord.demo.resolution import add_demo_resolution
from accord.demo.revision import issue_demo_revision
from accord.demo.room import let_the_secretariat_set_up_processes
from accord.demo.silence import add_demo_silence
from accord.demo.status import mark_demo_statuses
from accord.demo.views import add_national_views
from accord.demo.voted import add_voted_process
from accord.store import models
from accord.store.reference import load_reference_data, reference_data

PROCESS_SLUG = "oewg-ict-demo"
PROCESS_TITLE = "OEWG on ICT security (demo)"
DOCUMENT_SLUG = "report"
DOCUMENT_SYMBOL = "A/AC.292/2026/CRP.1"
PASSWORD = "accord-demo"

# The delegations active in the demo; each has one login, its code in lower case.
ACTIVE_DELEGATIONS = (
    "ARG", "AUS", "BRA", "CAN", "CHE", "CHN", "CUB", "DEU", "EGY", "EST", "FRA", "GBR", "IDN",
    "IND", "IRN", "JPN", "KEN", "KOR", "MEX", "NGA", "NLD", "RUS", "SAU", "SGP", "USA", "ZAF",
)  # fmt: skip
# Who coordinates each group in the demo, and so may propose on its behalf.
GROUP_MANDATES = {"DEU": ["eu"], "NGA": ["african-group"], "EGY": ["arab-group"], "MEX": ["grulac"]}
OBSERVER_LOGINS = {"vat": "VAT"}


@dataclass(frozen=True, slots=True)
class DemoSummary:
    created: bool
    process: models.Process
    version: models.Version
    proposals: int
    logins: list[tuple[str, str]]


def _file(name: str) -> str:
    return resources.files("accord.demo").joinpath(name).read_text("utf-8")


def _bytes(name: str) -> bytes:
    return resources.files("accord.demo").joinpath(name).read_bytes()


def _user(username: str, full_name: str, password_hash: str) -> User:
    # Every demo login shares one password, so it is hashed once rather than thirty times.
    user: User = get_user_model().objects.create(
        username=username, password=password_hash, first_name=full_name[:150]
    )
    return user


def load_demo() -> DemoSummary:
    """Create the demo once; later calls only report what is there."""
    load_reference_data()
    created = not models.Process.objects.filter(slug=PROCESS_SLUG).exists()
    if created:
        _create(make_password(PASSWORD))
    import_corpus_once(_bytes("agreed_corpus.jsonl"), by=None, name="agreed_corpus.jsonl")
    existing = models.Process.objects.get(slug=PROCESS_SLUG)
    version = existing.documents.get(slug=DOCUMENT_SLUG).versions.order_by("-number").first()
    assert version is not None
    logins = [
        (
            a.user.get_username(),
            " — ".join(str(x) for x in (a.get_role_display(), a.delegation) if x),
        )
        for a in existing.accreditations.select_related("user", "delegation").order_by("id")
    ]
    return DemoSummary(
        created=created,
        process=existing,
        version=version,
        proposals=models.Proposal.objects.filter(version__document__process=existing).count(),
        logins=logins,
    )


@transaction.atomic
def _create(password_hash: str) -> None:
    data = reference_data()
    process = create_process(
        by=None,
        slug=PROCESS_SLUG,
        title=PROCESS_TITLE,
        decision_rule=DecisionRule.CONSENSUS_OR_SILENCE,
        stakeholder_modality=StakeholderModality.NON_OBJECTION,
    )
    admit_participants(
        process, by=None, codes=[m["code"] for m in data["members"]], kind=ParticipantKind.MEMBER
    )
    observers = [o["code"] for o in data["observer_states"] + data["observer_organisations"]]
    admit_participants(process, by=None, codes=observers, kind=ParticipantKind.OBSERVER)
    chair = _user("chair", "Chair of the working group", password_hash)
    accredit(process, by=None, user=chair, role=Role.CHAIR)
    secretariat = _user("secretariat", "Secretariat", password_hash)
    accredit(process, by=None, user=secretariat, role=Role.SECRETARIAT)
    delegates = _accredit_delegations(process, secretariat, password_hash)
    version = publish_draft(
        process,
        by=chair,
        slug=DOCUMENT_SLUG,
        text=_file("zero_draft.md"),
        label="Zero draft",
        symbol=DOCUMENT_SYMBOL,
    )
    _submit_proposals(version, delegates)
    # Co-sponsors are invited while the zero draft is current: a proposal the revision takes
    # in is closed to co-sponsors from then on.
    add_demo_cosponsors(version)
    issue_demo_revision(version, chair)
    mark_demo_statuses(version.document, chair)
    add_demo_positions(version.document, delegates)
    let_the_secretariat_set_up_processes(secretariat)
    add_demo_silence(version.document, chair, password_hash)
    add_national_views(process, chair, password_hash)
    add_concluded_process(chair, secretariat, delegates)
    add_voted_process(chair, secretariat)
    add_demo_resolution(chair, secretariat, delegates)


def _accredit_delegations(
    process: models.Process, secretariat: User, password_hash: str
) -> dict[str, User]:
    names = dict(models.Delegation.objects.values_list("code", "name"))
    delegates = {}
    for code in ACTIVE_DELEGATIONS:
        user = _user(code.lower(), f"Delegate of {names[code]}", password_hash)
        accredit(
            process,
            by=secretariat,
            user=user,
            role=Role.DELEGATE,
            delegation=code,
            mandates=GROUP_MANDATES.get(code, []),
        )
        delegates[code] = user
    for username, code in OBSERVER_LOGINS.items():
        user = _user(username, f"Observer of {names[code]}", password_hash)
        accredit(process, by=secretariat, user=user, role=Role.OBSERVER, delegation=code)
    return delegates


def _submit_proposals(version: models.Version, delegates: dict[str, User]) -> None:
    uids = dict(version.provisions.values_list("label", "uid"))
    entries: list[dict[str, Any]] = json.loads(_file("proposals.json"))
    for entry in entries:
        submit_proposal(
            version,
            by=delegates[entry["delegation"]],
            provision_uid=uids[entry["paragraph"]],
            wording=entry["text"],
            justification=entry["justification"],
            on_behalf_of=entry["on_behalf_of"],
        )
