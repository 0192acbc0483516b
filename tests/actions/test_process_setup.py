"""Setting up a process: a staff user creates it under its rules of procedure, becomes its
Secretariat and admits its members and observers, all or nothing."""

import pytest
from django.contrib.auth.models import User
from tests.builders import assert_refused_without_trace, make_user

from accord.actions.processes import (
    BadSlug,
    ProcessExists,
    UnknownDelegations,
    accredit,
    create_process,
    set_up_process,
)
from accord.core.convergence_audience import Audience
from accord.core.decisions import DecisionRule, StakeholderModality
from accord.core.errors import EmptyText, ImpossibleThreshold, NotPermitted, TextTooLong
from accord.core.participants import Reason, Role
from accord.core.silence import ProposalsUnderSilence
from accord.store import models

pytestmark = pytest.mark.django_db


def _staff(username: str = "sec") -> User:
    user = make_user(username)
    user.is_staff = True
    user.save()
    return user


def _state():
    return (
        models.Process.objects.count(),
        models.Participation.objects.count(),
        models.Accreditation.objects.count(),
        models.Event.objects.count(),
    )


def test_a_staff_user_sets_up_a_process_and_becomes_its_secretariat(db):
    staff = _staff()
    process = set_up_process(
        by=staff,
        slug="bbnj-5",
        title="  Fifth  session ",
        is_public=False,
        decision_rule=DecisionRule.CONSENSUS_OR_SILENCE,
        silence_minimum_hours=48,
        stakeholder_modality=StakeholderModality.NON_OBJECTION,
        proposals_under_silence=ProposalsUnderSilence.FROZEN,
        delegates_second_factor=True,
        convergence_audience=Audience.ROOM,
        members=["KEN", "BRA"],
        observers=["VAT"],
    )
    row = models.Process.objects.get(slug="bbnj-5")
    assert (row.title, row.is_public, row.decision_rule, row.silence_minimum_hours) == (
        "Fifth session",
        False,
        "consensus-or-silence",
        48,
    )
    assert (row.stakeholder_modality, row.proposals_under_silence) == ("non-objection", "frozen")
    assert row.convergence_audience == "room"
    assert sorted(process.participations.values_list("delegation__code", "kind")) == [
        ("BRA", "member"),
        ("KEN", "member"),
        ("VAT", "observer"),
    ]
    assert list(process.accreditations.values_list("user__username", "role")) == [
        ("sec", "secretariat")
    ]
    events = list(models.Event.objects.filter(process=process).order_by("seq"))
    assert [(e.kind, e.actor) for e in events] == [
        ("process.created", staff),
        ("participants.admitted", staff),
        ("participants.admitted", staff),
    ]
    assert events[0].payload == {
        "slug": "bbnj-5",
        "title": "Fifth session",
        "public": False,
        "rules": {
            "decision_rule": "consensus-or-silence",
            "silence_minimum_hours": 48,
            "stakeholder_modality": "non-objection",
            "proposals_under_silence": "frozen",
            "delegates_second_factor": True,
            "convergence_audience": "room",
        },
        "secretariat": "sec",
    }
    assert events[1].payload == {"kind": "member", "delegations": ["BRA", "KEN"]}
    assert events[2].payload == {"kind": "observer", "delegations": ["VAT"]}


def test_without_a_list_every_member_state_of_the_united_nations_is_a_member(db):
    process = set_up_process(by=_staff(), slug="ga", title="General Assembly")
    members = process.participations.filter(kind="member")
    assert members.count() == 193
    assert not members.exclude(delegation__kind="member-state").exists()
    assert (process.decision_rule, process.silence_minimum_hours) == ("consensus", 72)
    assert (process.stakeholder_modality, process.proposals_under_silence) == ("none", "allowed")


def test_the_instance_creates_a_process_without_a_secretariat(db):
    process = create_process(by=None, slug="cli", title="From the command line")
    assert not process.accreditations.exists()
    assert models.Event.objects.get(kind="process.created").payload == {
        "slug": "cli",
        "title": "From the command line",
        "public": True,
        "rules": {
            "decision_rule": "consensus",
            "silence_minimum_hours": 72,
            "stakeholder_modality": "none",
            "proposals_under_silence": "allowed",
            "delegates_second_factor": False,
            "convergence_audience": "chair-bureau",
        },
    }


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"slug": "Upper"}, BadSlug("Upper")),
        ({"slug": "with space"}, BadSlug("with space")),
        ({"slug": "-leading"}, BadSlug("-leading")),
        ({"slug": "trailing-"}, BadSlug("trailing-")),
        ({"slug": ""}, BadSlug("")),
        ({"slug": "x" * 81}, BadSlug("x" * 81)),
        ({"slug": "taken"}, ProcessExists("taken")),
        ({"title": " \n "}, EmptyText()),
        ({"title": "t" * 301}, TextTooLong(length=301, limit=300)),
        ({"silence_minimum_hours": 0}, ImpossibleThreshold("silence-minimum", "0.0")),
        ({"silence_minimum_hours": 8761}, ImpossibleThreshold("silence-minimum", "8761")),
        ({"silence_minimum_hours": 10**12}, ImpossibleThreshold("silence-minimum", str(10**12))),
        ({"members": ["BRA", "XXX"]}, UnknownDelegations(("XXX",))),
        ({"observers": ["VAT", "NOPE"]}, UnknownDelegations(("NOPE",))),
    ],
)
def test_bad_setups_are_refused_and_store_nothing(db, kwargs, error):
    staff = _staff()
    create_process(by=None, slug="taken", title="Taken")
    arguments = {"slug": "new", "title": "New", "members": ["BRA"], **kwargs}
    assert_refused_without_trace(error, _state, lambda: set_up_process(by=staff, **arguments))


def test_people_who_are_not_staff_may_not_set_up_a_process(negotiation):
    """Not even the Secretariat of another process: setting up processes is the instance's."""
    inactive = _staff("gone")
    inactive.is_active = False
    inactive.save()
    for who in (negotiation.secretariat, negotiation.chair, negotiation.brazil, inactive):
        assert_refused_without_trace(
            NotPermitted(Reason.MAY_NOT_CREATE_PROCESS),
            _state,
            lambda who=who: set_up_process(by=who, slug="new", title="New", members=["BRA"]),
        )


def test_the_secretariat_accredits_the_chair_and_members_of_the_bureau(db):
    staff = _staff()
    process = set_up_process(by=staff, slug="wg2", title="Working group", members=["BRA"])
    chair, vice = make_user("chair2"), make_user("vice")
    accredit(process, by=staff, user=chair, role=Role.CHAIR)
    accredit(process, by=staff, user=vice, role=Role.BUREAU)
    assert sorted(process.accreditations.values_list("user__username", "role")) == [
        ("chair2", "chair"),
        ("sec", "secretariat"),
        ("vice", "bureau"),
    ]
    assert models.Event.objects.last().payload == {
        "user": "vice",
        "role": "bureau",
        "delegation": None,
        "mandates": [],
    }
