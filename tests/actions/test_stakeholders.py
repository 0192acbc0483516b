from datetime import timedelta

import pytest
from django.utils import timezone
from tests.builders import assert_refused_without_trace, make_user

from accord.actions.processes import AlreadyAccredited, accredit
from accord.actions.stakeholders import (
    RequestPending,
    decide_due_stakeholder_requests,
    object_to_stakeholder,
    propose_stakeholder,
)
from accord.core.accreditation import NoStakeholders, StakeholdersByNonObjection, StakeholdersOpen
from accord.core.decisions import StakeholderModality
from accord.core.errors import DeadlinePassed, DeadlineTooShort, Missing, NotPermitted
from accord.core.participants import Reason, Role
from accord.store import models

pytestmark = pytest.mark.django_db


def _state():
    return (
        list(models.StakeholderRequest.objects.values_list("pk", "accredited", "decided_at")),
        list(models.StakeholderObjection.objects.values_list("pk", flat=True)),
        models.Accreditation.objects.count(),
        models.Event.objects.count(),
    )


def _propose(negotiation, user=None, days=4):
    return propose_stakeholder(
        negotiation.process,
        by=negotiation.secretariat,
        organisation=" Digital Rights Watch ",
        user=user or make_user("drw"),
        deadline=timezone.now() + timedelta(days=days),
    )


def test_the_secretariat_proposes_a_stakeholder(negotiation):
    request = _propose(negotiation)
    assert (request.organisation, request.user.username, request.accredited) == (
        "Digital Rights Watch",
        "drw",
        None,
    )
    event = models.Event.objects.last()
    assert (event.kind, event.actor, event.subject) == (
        "stakeholder.proposed",
        negotiation.secretariat,
        f"stakeholder-request:{request.pk}",
    )
    assert event.payload == {
        "request": request.pk,
        "organisation": "Digital Rights Watch",
        "user": "drw",
        "deadline": request.deadline.isoformat(),
    }


def test_bad_proposals_are_refused(negotiation):
    user = make_user("drw")
    soon = timezone.now() + timedelta(hours=10)
    later = timezone.now() + timedelta(days=4)
    cases = [
        (negotiation.chair, "Org", user, later, NotPermitted(Reason.NOT_SECRETARIAT)),
        (negotiation.brazil, "Org", user, later, NotPermitted(Reason.NOT_SECRETARIAT)),
        (negotiation.secretariat, " ", user, later, Missing("organisation")),
        (negotiation.secretariat, "Org", negotiation.brazil, later, AlreadyAccredited("bra")),
    ]
    for by, name, who, deadline, error in cases:

        def act(by=by, name=name, who=who, deadline=deadline):
            return propose_stakeholder(
                negotiation.process, by=by, organisation=name, user=who, deadline=deadline
            )

        assert_refused_without_trace(error, _state, act)
    with pytest.raises(DeadlineTooShort):
        propose_stakeholder(
            negotiation.process,
            by=negotiation.secretariat,
            organisation="Org",
            user=user,
            deadline=soon,
        )
    _propose(negotiation, user=user)
    assert_refused_without_trace(
        RequestPending("drw"), _state, lambda: _propose(negotiation, user=user)
    )


def test_a_member_objects_with_its_reason(negotiation):
    request = _propose(negotiation)
    objection = object_to_stakeholder(request, by=negotiation.germany, reason=" Not neutral. ")
    assert (objection.delegation.code, objection.reason, objection.recorded_by) == (
        "DEU",
        "Not neutral.",
        negotiation.germany,
    )
    event = models.Event.objects.last()
    assert (event.kind, event.delegation.code) == ("stakeholder.objected", "DEU")
    assert event.payload == {
        "request": request.pk,
        "organisation": "Digital Rights Watch",
        "delegation": "DEU",
        "reason": "Not neutral.",
    }


@pytest.mark.parametrize(
    ("who", "reason", "error"),
    [
        ("holy_see", "No.", NotPermitted(Reason.NOT_A_DELEGATE)),
        ("stakeholder", "No.", NotPermitted(Reason.NOT_A_DELEGATE)),
        ("secretariat", "No.", NotPermitted(Reason.NOT_A_DELEGATE)),
        ("brazil", "  ", Missing("reason")),
    ],
)
def test_bad_objections_are_refused(negotiation, who, reason, error):
    request = _propose(negotiation)
    assert_refused_without_trace(
        error,
        _state,
        lambda: object_to_stakeholder(request, by=getattr(negotiation, who), reason=reason),
    )


def test_no_objection_after_the_deadline(negotiation):
    request = _propose(negotiation)
    past = timezone.now() - timedelta(seconds=1)
    models.StakeholderRequest.objects.filter(pk=request.pk).update(deadline=past)
    assert_refused_without_trace(
        DeadlinePassed(past.isoformat()),
        _state,
        lambda: object_to_stakeholder(request, by=negotiation.brazil, reason="Late."),
    )


def test_without_objection_the_stakeholder_is_accredited_at_the_deadline(negotiation):
    request = _propose(negotiation)
    assert decide_due_stakeholder_requests(request.deadline - timedelta(seconds=1)) == []
    assert decide_due_stakeholder_requests(request.deadline) == [request]
    request.refresh_from_db()
    assert (request.accredited, request.decided_at) == (True, request.deadline)
    found = models.Accreditation.objects.get(process=negotiation.process, user=request.user)
    assert (found.role, found.delegation) == ("stakeholder", None)
    event = models.Event.objects.last()
    assert (event.kind, event.actor) == ("stakeholder.decided", None)
    assert event.payload == {
        "request": request.pk,
        "organisation": "Digital Rights Watch",
        "user": "drw",
        "accredited": True,
        "objections": [],
        "already_accredited": False,
    }
    after = _state()
    assert decide_due_stakeholder_requests(request.deadline + timedelta(days=1)) == []
    assert _state() == after


def test_with_an_objection_the_stakeholder_is_not_accredited(negotiation):
    request = _propose(negotiation)
    object_to_stakeholder(request, by=negotiation.brazil, reason="Not neutral.")
    assert decide_due_stakeholder_requests(request.deadline) == [request]
    request.refresh_from_db()
    assert request.accredited is False
    assert not models.Accreditation.objects.filter(user=request.user).exists()
    payload = models.Event.objects.last().payload
    assert (payload["accredited"], payload["objections"]) == (False, ["BRA"])


# The rules of procedure name the one way stakeholders are admitted.


def _with_modality(negotiation, modality):
    negotiation.process.stakeholder_modality = modality.value
    negotiation.process.save(update_fields=["stakeholder_modality"])


@pytest.mark.parametrize(
    ("modality", "error"),
    [(StakeholderModality.NONE, NoStakeholders()), (StakeholderModality.OPEN, StakeholdersOpen())],
)
def test_no_request_for_non_objection_where_the_rules_admit_stakeholders_otherwise(
    negotiation, modality, error
):
    _with_modality(negotiation, modality)
    assert_refused_without_trace(error, _state, lambda: _propose(negotiation))


@pytest.mark.parametrize(
    ("modality", "error"),
    [
        (StakeholderModality.NONE, NoStakeholders()),
        (StakeholderModality.NON_OBJECTION, StakeholdersByNonObjection()),
    ],
)
def test_the_secretariat_accredits_a_stakeholder_only_where_the_rules_are_open(
    negotiation, modality, error
):
    _with_modality(negotiation, modality)
    user = make_user("drw")
    assert_refused_without_trace(
        error,
        _state,
        lambda: accredit(
            negotiation.process, by=negotiation.secretariat, user=user, role=Role.STAKEHOLDER
        ),
    )


def test_where_the_rules_are_open_the_secretariat_accredits_a_stakeholder(negotiation):
    _with_modality(negotiation, StakeholderModality.OPEN)
    found = accredit(
        negotiation.process,
        by=negotiation.secretariat,
        user=make_user("drw"),
        role=Role.STAKEHOLDER,
    )
    assert (found.role, found.delegation) == ("stakeholder", None)
    event = models.Event.objects.last()
    assert (event.kind, event.actor, event.payload) == (
        "accreditation.granted",
        negotiation.secretariat,
        {"user": "drw", "role": "stakeholder", "delegation": None, "mandates": []},
    )
