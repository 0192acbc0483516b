import pytest
from tests.builders import make_user

from accord.actions.processes import (
    UnknownDelegations,
    accredit,
    admit_participants,
    publish_draft,
)
from accord.core.errors import MalformedDraft, NotPermitted, Refusal
from accord.core.participants import ParticipantKind, Reason, Role
from accord.store import models

pytestmark = pytest.mark.django_db


def _state():
    return (
        models.Document.objects.count(),
        models.Version.objects.count(),
        models.Provision.objects.count(),
        models.Event.objects.count(),
    )


def test_publishing_a_draft_stores_its_provisions_and_one_event(negotiation):
    rows = list(negotiation.version.provisions.values_list("uid", "kind", "label", "parent_uid"))
    assert rows == [
        ("s-a", "section", "A", ""),
        ("p1", "paragraph", "1", ""),
        ("s-b", "section", "B", ""),
        ("p2", "paragraph", "2", ""),
        ("p3", "paragraph", "3", ""),
        ("p3-a", "subparagraph", "3(a)", "p3"),
        ("p3-b", "subparagraph", "3(b)", "p3"),
        ("p4", "paragraph", "4", ""),
    ]
    event = models.Event.objects.get(kind="draft.published")
    assert event.actor == negotiation.chair
    assert event.payload == {
        "document": "report",
        "version": 1,
        "label": "Zero draft",
        "content_hash": negotiation.version.content_hash,
        "provisions": 8,
    }


@pytest.mark.parametrize("who", ["brazil", "holy_see", "stakeholder", "outsider"])
def test_only_the_chair_or_secretariat_publish(negotiation, who):
    before = _state()
    with pytest.raises(NotPermitted) as raised:
        publish_draft(
            negotiation.process,
            by=getattr(negotiation, who),
            slug="other",
            text="1. Text.",
            label="Zero draft",
        )
    assert raised.value.reason == Reason.NOT_A_DRAFTER
    assert _state() == before


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("", 0, "no-paragraphs"),
        ("## A. Heading only", 0, "no-paragraphs"),
        ("# Title\nLoose words before any paragraph", 2, "text-outside-paragraph"),
        ("   (a) orphan sub-paragraph", 1, "subparagraph-without-paragraph"),
        ("1. One.\n\n1. One again.", 3, "duplicate-number"),
    ],
)
def test_a_malformed_draft_is_refused_and_nothing_is_stored(negotiation, text, line, problem):
    before = _state()
    with pytest.raises(MalformedDraft) as raised:
        publish_draft(
            negotiation.process,
            by=negotiation.secretariat,
            slug="other",
            text=text,
            label="Zero draft",
        )
    assert raised.value == MalformedDraft(line=line, problem=problem)
    assert _state() == before


def test_admitting_participants_again_admits_nobody_and_writes_no_event(negotiation):
    before = _state()
    assert (
        admit_participants(
            negotiation.process,
            by=negotiation.secretariat,
            codes=["BRA", "DEU"],
            kind=ParticipantKind.MEMBER,
        )
        == 0
    )
    assert _state() == before
    assert (
        admit_participants(
            negotiation.process,
            by=negotiation.secretariat,
            codes=["BRA", "KEN"],
            kind=ParticipantKind.MEMBER,
        )
        == 1
    )
    assert models.Event.objects.last().payload == {"kind": "member", "delegations": ["KEN"]}


def test_unknown_delegation_codes_are_refused(negotiation):
    before = (_state(), models.Participation.objects.count())
    with pytest.raises(UnknownDelegations) as raised:
        admit_participants(
            negotiation.process, by=None, codes=["XXX", "KEN", "ZZ"], kind=ParticipantKind.MEMBER
        )
    assert raised.value == UnknownDelegations(("XXX", "ZZ"))
    assert (_state(), models.Participation.objects.count()) == before


def test_only_the_secretariat_accredits(negotiation):
    before = _state()
    with pytest.raises(NotPermitted) as raised:
        accredit(
            negotiation.process,
            by=negotiation.chair,
            user=make_user("new"),
            role=Role.DELEGATE,
            delegation="FRA",
        )
    assert raised.value.reason == Reason.NOT_SECRETARIAT
    assert _state() == before


def test_a_document_name_already_taken_is_refused(negotiation):
    from accord.actions.processes import DocumentExists

    before = _state()
    with pytest.raises(DocumentExists) as raised:
        publish_draft(
            negotiation.process,
            by=negotiation.chair,
            slug="report",
            text="1. Another text.",
            label="Zero draft",
        )
    assert raised.value == DocumentExists("report")
    assert _state() == before


def _people():
    from django.contrib.auth.models import User

    return (
        User.objects.count(),
        models.Accreditation.objects.count(),
        models.Event.objects.count(),
    )


def test_the_secretariat_accredits_a_new_person_with_one_event(negotiation):
    from accord.actions.processes import accredit_person

    found = accredit_person(
        negotiation.process,
        by=negotiation.secretariat,
        username="fra-1",
        full_name="Delegate of France",
        email="fra@example.org",
        password="a long pass phrase",
        role=Role.DELEGATE,
        delegation="FRA",
        mandates=["eu"],
    )
    assert (found.user.username, found.user.first_name, found.delegation.code) == (
        "fra-1",
        "Delegate of France",
        "FRA",
    )
    assert found.user.check_password("a long pass phrase")
    assert list(found.mandates.values_list("code", flat=True)) == ["eu"]
    event = models.Event.objects.last()
    assert (event.kind, event.actor, event.payload) == (
        "accreditation.granted",
        negotiation.secretariat,
        {"user": "fra-1", "role": "delegate", "delegation": "FRA", "mandates": ["eu"]},
    )


@pytest.mark.parametrize(
    ("role", "delegation", "error"),
    [
        (Role.DELEGATE, "KEN", "NotParticipating"),
        (Role.DELEGATE, "VAT", "RoleMismatch"),
        (Role.CHAIR, "FRA", "RoleMismatch"),
        (Role.OBSERVER, "FRA", "RoleMismatch"),
    ],
)
def test_an_accreditation_that_does_not_fit_creates_nothing(negotiation, role, delegation, error):
    from accord.actions import processes

    before = _people()
    with pytest.raises(Refusal) as raised:
        processes.accredit_person(
            negotiation.process,
            by=negotiation.secretariat,
            username="someone",
            full_name="",
            email="",
            password="a long pass phrase",
            role=role,
            delegation=delegation,
        )
    assert type(raised.value).__name__ == error
    assert _people() == before


def test_a_person_holds_one_role_per_process(negotiation):
    from accord.actions.processes import AlreadyAccredited

    before = _people()
    with pytest.raises(AlreadyAccredited):
        accredit(
            negotiation.process,
            by=negotiation.secretariat,
            user=negotiation.brazil,
            role=Role.DELEGATE,
            delegation="FRA",
        )
    assert _people() == before


@pytest.mark.parametrize("password", ["", "short"])
def test_a_new_account_needs_a_real_password(negotiation, password):
    from accord.actions.processes import PasswordNeeded, accredit_person

    before = _people()
    with pytest.raises(PasswordNeeded):
        accredit_person(
            negotiation.process,
            by=negotiation.secretariat,
            username="new",
            full_name="",
            email="",
            password=password,
            role=Role.DELEGATE,
            delegation="FRA",
        )
    assert _people() == before
