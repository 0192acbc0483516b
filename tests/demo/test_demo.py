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


def test_the_demo_zero_draft_exports_bracketed_and_rev1_carries_its_lifecycle():
    import json

    from lxml import etree

    from accord.documents import akn_schema
    from accord.documents.model import Format, View
    from accord.store import exports

    summary = load_demo()
    zero = summary.version.document.versions.select_related("document__process").get(number=1)
    bracketed = json.loads(exports.export_view(zero, View.BRACKETED, Format.JSON).content)
    disputed = [p for p in bracketed["provisions"] if "[" in p["text"]]
    # Exactly the paragraphs with an open proposal on their words show brackets (a proposal
    # to delete or move a whole paragraph brackets no words).
    from accord.store import convert

    worded = {
        p.provision_uid
        for p in map(convert.proposal_value, models.Proposal.objects.filter(version=zero))
        if p.status == "open" and p.structure is None
    }
    assert {p["uid"] for p in disputed} == worded
    assert len(disputed) >= 20
    root = etree.fromstring(exports.export_view(summary.version, View.CLEAN, Format.AKN).content)
    assert akn_schema.errors(root) == []
    ns = {"a": akn_schema.AKN_NS}
    assert root.xpath("//a:lifecycle/a:eventRef/@eId", namespaces=ns) == ["evt_v1", "evt_v2"]
