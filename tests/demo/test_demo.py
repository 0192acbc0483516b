from collections import Counter

import pytest

from accord.core.participants import ParticipantKind
from accord.demo import ACTIVE_DELEGATIONS, PROCESS_SLUG, load_demo
from accord.store import models

pytestmark = pytest.mark.django_db


def test_the_demo_is_a_whole_negotiation_made_through_the_actions():
    summary = load_demo()
    assert summary.created
    process = summary.process
    kinds = Counter(process.participations.values_list("kind", flat=True))
    assert kinds == {ParticipantKind.MEMBER: 193, ParticipantKind.OBSERVER: 3}
    assert process.accreditations.filter(role="delegate").count() == len(ACTIVE_DELEGATIONS) == 26
    version = summary.version
    assert version.label == "Rev.1"
    sections = list(version.provisions.filter(kind="section").values_list("text", flat=True))
    assert sections == [
        "Introduction",
        "Existing and potential threats",
        "Rules, norms and principles for responsible State behaviour",
        "International law",
        "Confidence-building measures",
        "Capacity-building",
        "Regular institutional dialogue",
    ]
    assert version.provisions.filter(kind="paragraph").count() >= 40
    zero = version.document.versions.get(number=1)
    assert zero.label == "Zero draft"
    proposals = models.Proposal.objects.filter(version=zero)
    assert summary.proposals == proposals.count() >= 36
    assert proposals.values("delegation").distinct().count() >= 20
    assert proposals.exclude(on_behalf_of=None).count() >= 5
    assert models.Event.objects.filter(kind="proposal.submitted").count() == summary.proposals


def test_loading_the_demo_again_adds_nothing():
    first = load_demo()
    counts = (
        models.Proposal.objects.count(),
        models.Event.objects.count(),
        models.Accreditation.objects.count(),
    )
    again = load_demo()
    assert not again.created
    assert again.process == first.process
    assert (
        models.Proposal.objects.count(),
        models.Event.objects.count(),
        models.Accreditation.objects.count(),
    ) == counts
    assert models.Process.objects.filter(slug=PROCESS_SLUG).count() == 1
    assert again.logins[:3] == [
        ("chair", "Chair"),
        ("secretariat", "Secretariat"),
        ("arg", "Delegate — Argentina"),
    ]


def test_the_demo_revision_settles_every_proposal_and_renumbers():
    summary = load_demo()
    fates = models.ProposalFate.objects.filter(revision=summary.version)
    assert fates.count() == summary.proposals
    assert set(fates.values_list("kind", flat=True)) == {"reflected", "not-taken-up", "pending"}
    event = models.Event.objects.get(kind="revision.issued")
    assert event.payload["number_map"]["12"] == []
    assert event.payload["number_map"]["13"] == ["12"]
    assert event.payload["number_map"]["30"] == ["30"]


def test_the_demo_has_a_silence_broken_on_two_paragraphs_and_a_pending_stakeholder():
    from datetime import timedelta

    from django.utils import timezone

    summary = load_demo()
    procedure = models.SilenceProcedure.objects.get()
    assert (procedure.version, procedure.closed_at, procedure.launched_by.username) == (
        summary.version,
        None,
        "chair",
    )
    left = procedure.deadline - timezone.now()
    assert timedelta(days=2, hours=23) < left <= timedelta(days=3, minutes=1)
    (letter,) = procedure.breaks.all()
    assert letter.delegation.code == "IRN"
    assert len(letter.provisions) == 2
    labels = dict(summary.version.provisions.values_list("uid", "label"))
    first, second = (labels[uid] for uid in letter.provisions)
    assert f"paragraphs {first} and {second}" in letter.letter
    (request,) = models.StakeholderRequest.objects.all()
    assert (request.organisation, request.user.username, request.accredited) == (
        "Global Forum on Cyber Expertise (demo)",
        "gfce",
        None,
    )
    assert not summary.process.accreditations.filter(user=request.user).exists()
