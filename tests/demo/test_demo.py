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


def test_the_demo_has_national_views_and_a_chairs_summary(client):
    import html
    import re

    summary = load_demo()
    process = summary.process
    statements = process.statements.filter(kind="statement").order_by("id")
    assert [(s.delegation.code, s.delivered_on.isoformat()) for s in statements] == [
        ("BRA", "2026-03-12"),
        ("CHN", "2026-03-12"),
        ("EST", "2026-03-13"),
        ("VAT", "2026-03-13"),
    ]
    assert process.participations.get(delegation__code="VAT").kind == ParticipantKind.OBSERVER
    assert statements[0].version == summary.version
    written = process.statements.get(kind="written-input")
    assert (written.holder, written.submitted_by.username) == (
        "Open Networks Civic Forum (NGO)",
        "stakeholder",
    )
    assert process.accreditations.get(user__username="stakeholder").role == "stakeholder"
    entries = list(process.chair_summary.entries.order_by("id"))
    assert [e.source for e in entries] == ["proposal", "free-text"]
    fate = models.ProposalFate.objects.get(proposal=entries[0].proposal, revision=summary.version)
    assert fate.kind == "not-taken-up"
    assert sorted(entries[1].delegations.values_list("code", flat=True)) == [
        "CHN",
        "CUB",
        "IRN",
        "RUS",
    ]
    assert models.Event.objects.filter(kind="statement.delivered").count() == 4
    assert models.Event.objects.filter(kind="input.submitted").count() == 1
    assert models.Event.objects.filter(kind="summary.added").count() == 2
    page = client.get(f"/p/{PROCESS_SLUG}/national-views/").content.decode()
    # The demo's proposals quote draft wording; outside quotations the page never says
    # "agreed" or "consensus" of a national view.
    ours = re.sub(r"<blockquote.*?</blockquote>", " ", page, flags=re.S)
    text = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", ours)))
    assert "Statement by Holy See, 13 March 2026 (national view)" in text
    assert "Cite as: Statement by Brazil, 12 March 2026 (national view)" in text
    assert "agreed" not in text.lower()
    assert "consensus" not in text.lower()
