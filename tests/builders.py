"""Builders for tests: a small negotiation made through the real actions."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User

from accord.actions.processes import accredit, admit_participants, create_process, publish_draft
from accord.core.decisions import DecisionRule, StakeholderModality
from accord.core.participants import ParticipantKind, Role
from accord.store import models

DRAFT = """# Report of the working group (test)

## A. Introduction

1. The working group met in three substantive sessions and held informal consultations.

## B. Rules, norms and principles

2. States should not conduct or knowingly support ICT activity contrary to their obligations
under international law.

3. States should, in accordance with their national legislation, protect critical infrastructure:
   (a) by designating points of contact;
   (b) by sharing information on incidents.

4. The voluntary, non-binding norms complement the application of international law.
"""

# The corpus of agreed language and national views the checker's tests are written against.
CORPUS_FILE = Path(__file__).parent / "core" / "checker" / "corpus.jsonl"
# Translations of some of its provisions in French, Spanish, Russian, Arabic and Chinese.
LANGUAGES_FILE = Path(__file__).parent / "core" / "checker" / "corpus_languages.jsonl"

# The initial password of the people the API tests accredit (and of their staff user).
PASSWORD = "a long pass phrase"


def accreditation_body(
    username: str, role: str, delegation: str | None = None, mandates: Iterable[str] = ()
) -> dict[str, object]:
    """What ``POST /api/v1/processes/<slug>/accreditations`` takes to accredit a new person."""
    return {
        "username": username,
        "role": role,
        "delegation": delegation,
        "mandates": list(mandates),
        "full_name": f"Person {username}",
        "email": f"{username}@example.org",
        "password": PASSWORD,
    }


@dataclass
class Negotiation:
    process: models.Process
    version: models.Version
    chair: User
    secretariat: User
    brazil: User
    germany: User
    holy_see: User
    stakeholder: User
    outsider: User

    def uid(self, label: str) -> str:
        return self.version.provisions.get(label=label).uid


def make_user(username: str) -> User:
    return get_user_model().objects.create_user(username=username, password="pw")


def make_negotiation(
    *, is_public: bool = True, members: tuple[str, ...] = ("BRA", "DEU", "FRA")
) -> Negotiation:
    """A process with three members, an observer state, a published draft and one person in
    every role. Germany holds the EU's mandate; the outsider has no accreditation. Its rules
    adopt texts by consensus or under a silence procedure, and admit stakeholders on a
    non-objection basis."""
    process = create_process(
        by=None,
        slug="wg",
        title="Working group (test)",
        is_public=is_public,
        decision_rule=DecisionRule.CONSENSUS_OR_SILENCE,
        stakeholder_modality=StakeholderModality.NON_OBJECTION,
    )
    admit_participants(process, by=None, codes=members, kind=ParticipantKind.MEMBER)
    admit_participants(process, by=None, codes=["VAT"], kind=ParticipantKind.OBSERVER)
    people = {
        name: make_user(name)
        for name in ("chair", "secretariat", "bra", "deu", "vat", "ngo", "outsider")
    }
    accredit(process, by=None, user=people["chair"], role=Role.CHAIR)
    accredit(process, by=None, user=people["secretariat"], role=Role.SECRETARIAT)
    accredit(process, by=None, user=people["bra"], role=Role.DELEGATE, delegation="BRA")
    accredit(
        process, by=None, user=people["deu"], role=Role.DELEGATE, delegation="DEU", mandates=["eu"]
    )
    accredit(process, by=None, user=people["vat"], role=Role.OBSERVER, delegation="VAT")
    accredit(process, by=None, user=people["ngo"], role=Role.STAKEHOLDER)
    version = publish_draft(
        process, by=people["chair"], slug="report", text=DRAFT, label="Zero draft"
    )
    return Negotiation(
        process,
        version,
        people["chair"],
        people["secretariat"],
        people["bra"],
        people["deu"],
        people["vat"],
        people["ngo"],
        people["outsider"],
    )


def assert_refused_without_trace(
    error: Exception, state: Callable[[], object], act: Callable[[], object]
) -> None:
    """``act`` raises exactly ``error`` and leaves ``state()`` as it was: a refused action
    writes nothing."""
    before = state()
    with pytest.raises(type(error)) as raised:
        act()
    assert raised.value == error
    assert state() == before
