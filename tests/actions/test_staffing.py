"""Accrediting people with their group mandates, and withdrawing accreditations."""

import pytest
from django.contrib.auth.models import User
from tests.builders import assert_refused_without_trace, make_user

from accord.actions.processes import NotAccredited, accredit, withdraw_accreditation
from accord.core.accreditation import MandateOutsideGroup, UnknownGroups
from accord.core.errors import NotPermitted
from accord.core.participants import Reason, Role
from accord.store import models
from accord.words.refusals import explain

pytestmark = pytest.mark.django_db


def _people():
    return (
        User.objects.count(),
        models.Accreditation.objects.count(),
        list(models.Accreditation.objects.values_list("user__username", "role")),
        models.Event.objects.count(),
    )


@pytest.mark.parametrize(
    ("delegation", "mandates", "error"),
    [
        ("BRA", ["eu"], MandateOutsideGroup("eu", "BRA")),
        ("FRA", ["eu", "nowhere"], UnknownGroups(("nowhere",))),
    ],
)
def test_a_mandate_the_delegation_cannot_hold_is_refused(negotiation, delegation, mandates, error):
    user = make_user("new")
    assert_refused_without_trace(
        error,
        _people,
        lambda: accredit(
            negotiation.process,
            by=negotiation.secretariat,
            user=user,
            role=Role.DELEGATE,
            delegation=delegation,
            mandates=mandates,
        ),
    )


def test_a_mandate_refusal_says_why():
    assert explain(MandateOutsideGroup("eu", "BRA")) == (
        "Only a delegation that is one of its members may hold the mandate of the group eu."
    )
    assert explain(UnknownGroups(("nowhere",))) == "No group has the code nowhere."


def test_the_secretariat_withdraws_an_accreditation_with_one_event(negotiation):
    withdraw_accreditation(negotiation.process, by=negotiation.secretariat, username="deu")
    assert not models.Accreditation.objects.filter(user=negotiation.germany).exists()
    assert User.objects.filter(username="deu").exists()
    event = models.Event.objects.last()
    assert (event.kind, event.actor, event.delegation.code, event.payload) == (
        "accreditation.withdrawn",
        negotiation.secretariat,
        "DEU",
        {"user": "deu", "role": "delegate", "delegation": "DEU"},
    )


def test_a_withdrawn_person_can_be_accredited_again(negotiation):
    withdraw_accreditation(negotiation.process, by=negotiation.secretariat, username="bra")
    accredit(
        negotiation.process,
        by=negotiation.secretariat,
        user=negotiation.brazil,
        role=Role.DELEGATE,
        delegation="BRA",
    )
    assert models.Accreditation.objects.get(user=negotiation.brazil).delegation.code == "BRA"


@pytest.mark.parametrize(
    ("who", "username", "error"),
    [
        ("chair", "bra", NotPermitted(Reason.NOT_SECRETARIAT)),
        ("brazil", "deu", NotPermitted(Reason.NOT_SECRETARIAT)),
        ("secretariat", "secretariat", NotPermitted(Reason.OWN_ACCREDITATION)),
        ("secretariat", "outsider", NotAccredited("outsider")),
        ("secretariat", "nobody", NotAccredited("nobody")),
    ],
)
def test_a_refused_withdrawal_changes_nothing(negotiation, who, username, error):
    assert_refused_without_trace(
        error,
        _people,
        lambda: withdraw_accreditation(
            negotiation.process, by=getattr(negotiation, who), username=username
        ),
    )


def test_withdrawal_refusals_say_why():
    assert explain(NotAccredited("bob")) == "bob holds no accreditation to this process."
    assert explain(NotPermitted(Reason.OWN_ACCREDITATION)) == (
        "You cannot withdraw your own accreditation; another member of the Secretariat may."
    )
