import json
from collections import Counter

import pytest
from django.db.models import Count

from accord.core.participants import ParticipantKind
from accord.demo import ACTIVE_DELEGATIONS, PROCESS_SLUG, load_demo
from accord.store import models, queries

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
    submitted = models.Event.objects.filter(kind="proposal.submitted", process=summary.process)
    assert submitted.count() == summary.proposals


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
    event = models.Event.objects.get(kind="revision.issued", process__slug=PROCESS_SLUG)
    assert event.payload["number_map"]["12"] == []
    assert event.payload["number_map"]["13"] == ["12"]
    assert event.payload["number_map"]["30"] == ["30"]


def test_the_demo_chair_revises_rev1_and_the_preview_lists_every_open_proposal(client):
    from django.contrib.auth.models import User

    from accord.actions.proposals import submit_proposal
    from accord.core.draft_text import render_draft

    summary = load_demo()
    rev1 = summary.version
    text = queries.version_value(rev1)
    paragraphs = [p for p in text if p.kind == "paragraph"]
    opened = [
        submit_proposal(
            rev1,
            by=User.objects.get(username=username),
            provision_uid=provision.uid,
            wording=provision.text.replace("States", "All States", 1),
        )
        for username, provision in (("arg", paragraphs[0]), ("ken", paragraphs[5]))
    ]
    client.force_login(User.objects.get(username="chair"))
    url = f"/p/{PROCESS_SLUG}/{rev1.document.slug}/revise/"
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["form"]["text"].value() == render_draft(text)
    events = models.Event.objects.count()
    preview = client.post(url, {"text": render_draft(text), "label": "Rev.2", "step": "preview"})
    assert preview.status_code == 200
    rows = preview.context["fate_rows"]
    # The proposals the Chair left pending in Rev.1 are still open, carried onto Rev.1.
    pending = models.ProposalFate.objects.filter(revision=rev1, kind="pending")
    carried = sorted(pending.values_list("proposal_id", flat=True))
    assert carried
    assert [row["proposal"].id for row in rows] == [*carried, *(p.pk for p in opened)]
    assert {row["proposal"].carried.version_label for row in rows[:-2]} == {"Zero draft"}
    assert [row["proposal"].proponent.delegation for row in rows[-2:]] == ["ARG", "KEN"]
    assert all(row["vanishing"] for row in rows)
    assert models.Event.objects.count() == events
    history = client.get(f"/p/{PROCESS_SLUG}/{rev1.document.slug}/provisions/{paragraphs[0].uid}/")
    assert history.status_code == 200
    assert [entry.version.label for entry in history.context["history"]] == [
        "Zero draft",
        "Rev.1",
    ]


def test_the_demo_chair_marks_rev1_paragraphs():
    summary = load_demo()
    version = summary.version
    marks = models.StatusMark.objects.filter(version=version)
    assert marks.count() == 8
    assert (
        models.Event.objects.filter(kind="status.marked", process__slug=PROCESS_SLUG).count() == 8
    )
    rows = queries.statuses(version, queries.version_value(version))
    by_label = {r.provision.label: r for r in rows if r.outcome}
    for label in ("1", "2", "3", "8", "21"):
        assert by_label[label].status == "agreed-ad-ref"
    assert by_label["5"].status == "reopened"
    assert by_label["14"].status == "agreed-pending"
    assert by_label["14"].pending_names == ("Brazil", "Kenya")


def test_the_demo_secretariat_may_set_up_processes_and_no_one_else():
    load_demo()
    staff = models.Accreditation.objects.filter(user__is_staff=True, process__slug=PROCESS_SLUG)
    assert list(staff.values_list("user__username", "role")) == [("secretariat", "secretariat")]


def test_the_demo_has_cosponsors_by_consent_and_one_invitation_awaiting_brazil():
    summary = load_demo()
    rows = models.CoSponsorship.objects.filter(proposal__version__document__process=summary.process)
    assert sorted(rows.values_list("proposal__delegation__code", "delegation__code", "status")) == [
        ("CAN", "AUS", "accepted"),
        ("CAN", "BRA", "pending"),
        ("CAN", "GBR", "accepted"),
        ("IRN", "CUB", "accepted"),
        ("NLD", "DEU", "accepted"),
        ("NLD", "FRA", "declined"),
    ]
    (pending,) = queries.pending_invitations(summary.process, "BRA")
    assert pending.proposal.delegation.code == "CAN"
    kinds = Counter(
        models.Event.objects.filter(kind__startswith="cosponsorship.").values_list(
            "kind", flat=True
        )
    )
    assert kinds == {
        "cosponsorship.invited": 6,
        "cosponsorship.accepted": 4,
        "cosponsorship.declined": 1,
    }
    zero = summary.version.document.versions.get(number=1)
    cosponsored = {
        p.proponent.delegation: [c.delegation for c in p.cosponsors]
        for e in queries.compilation(zero).entries
        for p in e.proposals
        if p.cosponsors
    }
    assert cosponsored == {"CAN": ["AUS", "GBR"], "NLD": ["DEU"], "IRN": ["CUB"]}


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
    assert models.Event.objects.filter(kind="summary.added", process=process).count() == 2
    page = client.get(f"/p/{PROCESS_SLUG}/national-views/").content.decode()
    # The demo's proposals quote draft wording; outside quotations the page never says
    # "agreed" or "consensus" of a national view.
    ours = re.sub(r"<blockquote.*?</blockquote>", " ", page, flags=re.S)
    text = html.unescape(
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", re.sub(r"</?bdi\b[^>]*>", "", ours)))
    )
    assert "Statement by Holy See, 13 March 2026 (national view)" in text
    assert "Cite as: Statement by Brazil, 12 March 2026 (national view)" in text
    assert "agreed" not in text.lower()
    assert "consensus" not in text.lower()


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
    # Exactly the paragraphs with a proposal on their words open while it was current show
    # brackets (a proposal to delete or move a whole paragraph brackets no words).
    from accord.store import convert

    worded = {
        p.provision_uid
        for p in map(convert.proposal_value, models.Proposal.objects.filter(version=zero))
        if p.status != "withdrawn" and p.structure is None
    }
    assert {p["uid"] for p in disputed} == worded
    assert len(disputed) >= 20
    root = etree.fromstring(exports.export_view(summary.version, View.CLEAN, Format.AKN).content)
    assert akn_schema.errors(root) == []
    ns = {"a": akn_schema.AKN_NS}
    assert root.xpath("//a:lifecycle/a:eventRef/@eId", namespaces=ns) == ["evt_v1", "evt_v2"]


def test_the_demo_has_a_concluded_process_with_provenance_for_every_adopted_paragraph(client):
    from accord.demo.concluded import SLUG

    load_demo()
    adoption = models.Adoption.objects.get(version__document__process__slug=SLUG)
    assert (adoption.adopted, adoption.method, adoption.version.label) == (
        True,
        "consensus",
        "Rev.1",
    )
    assert adoption.disassociations == {"RUS": ["p4"]}
    assert sorted(adoption.explanations.values_list("delegation__code", flat=True)) == [
        "CHN",
        "USA",
    ]
    report = client.get(f"/p/{SLUG}/report/consensus-report/").content.decode()
    assert len(adoption.provision_hashes) == 5
    for uid in adoption.provision_hashes:
        assert f'href="/p/{SLUG}/report/provenance/{uid}/"' in report
        page = client.get(f"/p/{SLUG}/report/provenance/{uid}/")
        assert page.status_code == 200
    story = client.get(f"/p/{SLUG}/report/provenance/p2/").content.decode()
    assert "Germany" in story  # the proposal that shaped paragraph 2, attributed


def test_the_concluded_report_and_its_chairs_summary_are_in_five_other_languages(client):
    from accord.demo.concluded import SLUG

    load_demo()
    version = models.Version.objects.get(document__process__slug=SLUG, label="Rev.1")
    texts = {t.language: t for t in queries.language_texts(version)}
    assert list(texts) == ["ar", "zh", "fr", "ru", "es"]
    assert [t.stale for t in texts.values()][:4] == [()] * 4
    # Spanish was added to the zero draft: Rev.1 carries it, out of date where it changed.
    assert texts["es"].carried
    assert [p.label for p in texts["es"].out_of_date] == ["2", "4", "5"]
    assert texts["zh"].title == "工作组最后报告（演示）"  # noqa: RUF001
    page = client.get(f"/p/{SLUG}/report/v2/").content.decode()
    for code, name in (("ar", "العربية"), ("zh", "中文"), ("fr", "Français"), ("ru", "Русский")):
        assert f'hreflang="{code}">{name}</a>' in page
    arabic = client.get(f"/p/{SLUG}/report/v2/languages/ar/").content.decode()
    assert (
        '<td lang="ar" dir="rtl"><strong>التقرير الختامي للفريق العامل (عرض توضيحي)</strong>'
        in (arabic)
    )
    summary = client.get(f"/p/{SLUG}/chairs-summary/").content.decode()
    assert summary.count('<blockquote class="translation"') == 10
    assert '<blockquote class="translation" lang="ar" dir="rtl">' in summary
    assert "Plusieurs délégations ont proposé" in summary
    assert (
        models.Event.objects.filter(kind="language-version.added", process__slug=SLUG).count() == 5
    )
    assert models.Event.objects.filter(kind="summary.translated", process__slug=SLUG).count() == 10


def test_the_demo_consensus_report_and_its_version_check_against_the_published_log(client):
    from accord.core import eventlog
    from accord.demo.concluded import SLUG
    from accord.store import record

    load_demo()
    downloaded = client.get(f"/p/{SLUG}/report/consensus-report.json")
    assert downloaded["Content-Disposition"] == (
        'attachment; filename="report-consensus-report.json"'
    )
    report = json.loads(downloaded.content)
    adoption = models.Adoption.objects.get(version__document__process__slug=SLUG)
    assert [p["uid"] for p in report["provisions"] if p["kind"] != "section"] == list(
        adoption.provision_hashes
    )
    decided = models.Event.objects.get(seq=report["adoption"]["event"])
    assert (decided.kind, decided.process.slug) == ("adoption.recorded", SLUG)
    clean = client.get(f"/p/{SLUG}/report/v{adoption.version.number}/download/clean.json")
    log = list(record.log_lines())
    found = eventlog.check_documents(
        log, {"report.json": downloaded.content, "rev1.json": clean.content}
    )
    assert found.describe() == "ok: 2 documents match the log"

    report["provisions"][-1]["text"] = "A national view, passed off as agreed."
    report["provisions"][-1]["content_hash"] = eventlog.text_hash(report["provisions"][-1]["text"])
    tampered = eventlog.check_documents(log, {"report.json": json.dumps(report).encode()})
    uid = report["provisions"][-1]["uid"]
    assert tampered.describe() == (
        f"report.json: provision {uid} is not the text event {decided.seq} adopted"
    )


def test_the_home_page_names_each_document_by_the_title_of_its_current_version(client):
    load_demo()
    home = client.get("/").content.decode()
    assert (
        "Revised draft of the report of the Open-ended Working Group on security of and in the "
        "use of ICTs (demo)"
    ) in home
    assert "Zero draft of the report" not in home


def test_the_demo_has_a_process_decided_by_a_recorded_vote(client):
    from accord.core import eventlog
    from accord.demo.voted import SLUG
    from accord.store import record

    load_demo()
    adoption = models.Adoption.objects.select_related("vote").get(
        version__document__process__slug=SLUG
    )
    vote = adoption.vote
    assert (adoption.adopted, adoption.method, vote.rule) == (True, "vote", "vote-two-thirds")
    assert (vote.yes, vote.no, vote.abstentions, vote.present, vote.needed) == (
        145,
        6,
        32,
        183,
        101,
    )
    assert sorted(adoption.explanations.values_list("delegation__code", flat=True)) == [
        "CHE",
        "KEN",
    ]
    page = client.get(f"/p/{SLUG}/resolution/v1/").content.decode()
    assert "Adopted by a recorded vote of 145–6–32 (yes, no, abstain)" in page  # noqa: RUF001 (a tally is written with en dashes)
    assert "Explanation of vote by <bdi>Switzerland</bdi> (national view)" in page
    tally = client.get(f"/p/{SLUG}/resolution/v1/recorded-vote/")
    assert tally.status_code == 200
    report = client.get(f"/p/{SLUG}/resolution/consensus-report/").content.decode()
    assert "(adopted by a recorded vote)" in report
    downloaded = client.get(f"/p/{SLUG}/resolution/consensus-report.json")
    assert json.loads(downloaded.content)["adoption"]["method"] == "vote"
    found = eventlog.check_documents(record.log_lines(), {"report.json": downloaded.content})
    assert found.describe() == "ok: 1 document matches the log"


def test_the_demo_loads_its_corpus_once():
    load_demo()
    counts = dict(models.CorpusEntry.objects.values_list("status").annotate(n=Count("id")))
    # Thirty English provisions, and three of them in the five other languages.
    assert counts["consensus"] == 45
    languages = dict(models.CorpusEntry.objects.values_list("language").annotate(n=Count("id")))
    assert languages == {"en": 43, "fr": 4, "es": 4, "ru": 4, "ar": 4, "zh": 4}
    assert counts["chairs-summary"] == 6
    assert counts["national-view"] >= 4
    assert counts["proposal"] >= 2
    assert models.Event.objects.filter(kind="corpus.imported").count() == 1
    total = models.CorpusEntry.objects.count()
    load_demo()
    assert models.CorpusEntry.objects.count() == total
    assert models.Event.objects.filter(kind="corpus.imported").count() == 1


def test_the_demo_negotiates_a_draft_resolution_beside_the_report():
    from accord.demo.resolution import DOCUMENT, SLUG

    load_demo()
    document = models.Document.objects.get(process__slug=SLUG, slug=DOCUMENT)
    draft, rev1 = document.versions.order_by("number")
    assert (draft.label, rev1.label) == ("Draft", "Rev.1")
    value = queries.version_value(rev1)
    assert value.title_block is not None
    assert value.title_block.sponsors == ("Brazil", "Indonesia", "Kenya", "Singapore")
    assert [p.label for p in value if p.kind.value == "preambular"] == ["PP1", "PP2", "PP3", "PP4"]
    assert [p.uid for p in value][:4] == ["pp1", "pp3", "pp4", "pp2"]
    fates = dict(
        models.ProposalFate.objects.filter(revision=rev1).values_list(
            "proposal__delegation__code", "kind"
        )
    )
    assert fates == {
        "USA": "reflected",
        "DEU": "reflected",
        "EGY": "pending",
        "IRN": "not-taken-up",
    }
    event = models.Event.objects.get(kind="revision.issued", process__slug=SLUG)
    assert event.payload["number_map"]["OP2"] == ["OP2", "OP3"]
    assert event.payload["number_map"]["OP5"] == ["OP5"]
