import datetime as dt
import html
import re

import pytest
from tests.builders import DRAFT, make_negotiation

from accord.actions.adoption import record_adoption
from accord.actions.proposals import submit_proposal
from accord.actions.revisions import issue_revision
from accord.actions.statements import (
    add_summary_entry,
    deliver_statement,
    move_to_summary,
    submit_input,
)
from accord.core.fates import Fate, FateKind
from accord.store import models

pytestmark = pytest.mark.django_db


def _text(response):
    return html.unescape(
        re.sub(
            r"\s+",
            " ",
            re.sub(r"<[^>]+>", " ", re.sub(r"</?bdi\b[^>]*>", "", response.content.decode())),
        ).strip()
    )


def _views(n):
    """Two statements, a written input, a proposal not taken up in Rev.1, an adoption with a
    disassociation and an explanation, and a Chair's summary of two entries."""
    deliver_statement(
        n.process,
        by=n.brazil,
        delegation="BRA",
        text="Brazil reads paragraph 4 as voluntary.",
        version=n.version,
        provision_uids=["p4"],
        delivered_on=dt.date(2026, 3, 12),
    )
    deliver_statement(
        n.process,
        by=n.holy_see,
        delegation="VAT",
        text="The Holy See recalls human dignity.",
        delivered_on=dt.date(2026, 3, 13),
    )
    n.stakeholder.first_name = "Open Networks Forum"
    n.stakeholder.save()
    submit_input(
        n.process, by=n.stakeholder, text="Hear civil society.", delivered_on=dt.date(2026, 3, 14)
    )
    proposal = submit_proposal(
        n.version,
        by=n.germany,
        provision_uid="p4",
        wording="The norms are voluntary.",
        on_behalf_of="eu",
    )
    rev1 = issue_revision(
        n.version.document,
        by=n.chair,
        text=DRAFT,
        label="Rev.1",
        fates={proposal.pk: Fate(proposal.pk, FateKind.NOT_TAKEN_UP)},
    )
    add_summary_entry(n.process, by=n.chair, proposal=proposal)
    add_summary_entry(
        n.process, by=n.chair, text="Some asked for binding rules.", delegations=["FRA"]
    )
    move_to_summary(rev1, by=n.chair, provision_uid="p3-b", delegations=["DEU"])
    record_adoption(
        rev1,
        by=n.chair,
        disassociations={"FRA": ["p2"]},
        explanations={"BRA": "Brazil reads the text as voluntary."},
        confirm=True,
    )
    return rev1


def test_the_national_views_page_attributes_every_view_and_never_calls_it_agreed(
    client, negotiation
):
    _views(negotiation)
    response = client.get("/p/wg/national-views/")
    assert response.status_code == 200
    text = _text(response)
    for said in (
        "Statement by Brazil 12 March 2026 On paragraph 4 of Report of the working group "
        "(test) (Zero draft) Brazil reads paragraph 4 as voluntary. "
        "Cite as: Statement by Brazil, 12 March 2026 (national view)",
        "Cite as: Statement by Holy See, 13 March 2026 (national view)",
        "Explanation of position by Brazil",
        "Brazil reads the text as voluntary.",
        "Disassociation by France France disassociated itself from paragraphs 2 of Report",
        "Proposal by Germany on behalf of European Union (on paragraph 4 of the Zero draft; not "
        "taken up in Rev.1) The norms are voluntary.",
        "Under the Chair's own responsibility; not negotiated. 3 entries.",
        "Written input by Open Networks Forum 14 March 2026 Hear civil society. Cite as: "
        "Written input by Open Networks Forum, 14 March 2026 (stakeholder input, not "
        "negotiated)",
    ):
        assert said in text
    # Stakeholders come last, in their own section, after every view of a state.
    assert text.index("Written inputs of stakeholders") > text.index("Proposals not taken up")
    assert text.index("Hear civil society.") > text.index("Written inputs of stakeholders")
    assert "agreed" not in text.lower()
    assert "consensus" not in text.lower()


def test_the_national_views_page_reads_in_a_fixed_number_of_queries(
    client, negotiation, django_assert_num_queries
):
    _views(negotiation)
    with django_assert_num_queries(15):
        client.get("/p/wg/national-views/")
    deliver_statement(negotiation.process, by=negotiation.germany, delegation="DEU", text="More.")
    add_summary_entry(negotiation.process, by=negotiation.chair, text="x", delegations=["DEU"])
    submit_input(negotiation.process, by=negotiation.stakeholder, text="More from us.")
    with django_assert_num_queries(15):
        assert client.get("/p/wg/national-views/").status_code == 200


def test_the_chairs_summary_is_labelled_as_not_negotiated_in_its_own_layout(client, negotiation):
    _views(negotiation)
    response = client.get("/p/wg/chairs-summary/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<article class="chairs-summary">' in page
    assert 'role="note"' in page
    text = _text(response)
    assert "Chair's summary — not negotiated, does not reflect consensus" in text
    assert text.lower().count("consensus") == 1
    assert "agreed" not in text.lower()
    proposal = models.Proposal.objects.get().pk
    assert (
        f"Held by: Germany, European Union Proposal {proposal} by Germany on the Zero draft, "
        "not taken up in Rev.1 The norms are voluntary."
    ) in text
    assert "Held by: France In the Chair's words Some asked for binding rules." in text
    assert (
        "Held by: Germany Moved by the Chair from Report of the working group (test) (Rev.1)"
        in text
    )
    today = dt.date.today()
    assert (
        f"Cite as: Working group (test), para 2, {today.day} {today:%B %Y} (Chair's summary, "
        "not negotiated)"
    ) in text
    assert "The Chair's desk" not in text


def test_a_moved_paragraph_is_named_apart_in_the_consensus_report(client, negotiation):
    _views(negotiation)
    text = _text(client.get("/p/wg/report/consensus-report/"))
    assert "by sharing information on incidents" not in text
    assert (
        "1 paragraph was moved to the Chair's summary and is not part of this report: 3(b)"
    ) in text
    assert "Cite as: Report of the working group (test), para 3(a) (adopted by consensus)" in text


def test_the_process_page_and_the_version_header_link_national_views(client, negotiation):
    process = client.get("/p/wg/").content.decode()
    assert 'href="/p/wg/national-views/"' in process
    assert 'href="/p/wg/chairs-summary/"' in process
    assert 'href="/p/wg/national-views/"' in client.get("/p/wg/report/v1/").content.decode()


def test_confidential_views_are_for_accredited_people_only(client, db):
    n = make_negotiation(is_public=False)
    deliver_statement(n.process, by=n.brazil, delegation="BRA", text="Brazil, privately.")
    add_summary_entry(n.process, by=n.chair, text="A view.", delegations=["BRA"])
    assert client.get("/p/wg/national-views/").status_code == 404
    assert client.get("/p/wg/chairs-summary/").status_code == 404
    client.force_login(n.outsider)
    assert client.get("/p/wg/national-views/").status_code == 404
    client.force_login(n.stakeholder)
    assert "Brazil, privately." in _text(client.get("/p/wg/national-views/"))
    assert "A view." in _text(client.get("/p/wg/chairs-summary/"))


def test_the_public_reads_a_public_processs_views_but_submits_nothing(client, negotiation):
    _views(negotiation)
    assert client.get("/p/wg/chairs-summary/").status_code == 200
    assert "Submit a statement" not in _text(client.get("/p/wg/national-views/"))
    assert client.get("/p/wg/national-views/new/").status_code == 302
    client.force_login(negotiation.outsider)
    assert client.get("/p/wg/national-views/new/").status_code == 404
    client.force_login(negotiation.chair)
    assert client.get("/p/wg/national-views/new/").status_code == 404


def test_a_delegate_delivers_a_statement_through_the_form(client, negotiation):
    client.force_login(negotiation.brazil)
    page = client.get("/p/wg/national-views/new/")
    assert "The statement is published as a national view of Brazil." in _text(page)
    response = client.post(
        "/p/wg/national-views/new/",
        {
            "text": "Brazil on 3(a).",
            "delivered_on": "2026-03-12",
            "document": "report",
            "paragraphs": "3(a), 4",
        },
    )
    assert response.status_code == 302
    row = models.Statement.objects.get()
    assert (row.delegation.code, row.text, row.provision_uids, row.delivered_on) == (
        "BRA",
        "Brazil on 3(a).",
        ["p3-a", "p4"],
        dt.date(2026, 3, 12),
    )


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"text": "   "}, "This field is required."),
        (
            {"text": "Brazil.", "document": "report", "paragraphs": "9"},
            "No paragraph 9 in this version.",
        ),
        ({"text": "Brazil.", "paragraphs": "4"}, "No paragraph 4 in this version."),
    ],
)
def test_a_refused_statement_says_why_and_stores_nothing(client, negotiation, data, error):
    client.force_login(negotiation.brazil)
    events = models.Event.objects.count()
    response = client.post("/p/wg/national-views/new/", data)
    assert response.status_code == 400
    assert error in _text(response)
    assert (models.Statement.objects.count(), models.Event.objects.count()) == (0, events)


def test_a_stakeholder_submits_a_written_input_through_the_same_form(client, negotiation):
    client.force_login(negotiation.stakeholder)
    assert "Submit a written input" in _text(client.get("/p/wg/national-views/new/"))
    client.post("/p/wg/national-views/new/", {"text": "Hear us."})
    row = models.Statement.objects.get()
    assert (row.kind, row.text) == ("written-input", "Hear us.")


def test_the_chair_writes_the_summary_at_the_desk(client, negotiation):
    proposal = submit_proposal(
        negotiation.version, by=negotiation.brazil, provision_uid="p2", wording="States shall not."
    )
    issue_revision(
        negotiation.version.document,
        by=negotiation.chair,
        text=DRAFT,
        label="Rev.1",
        fates={proposal.pk: Fate(proposal.pk, FateKind.NOT_TAKEN_UP)},
    )
    client.force_login(negotiation.chair)
    assert "The Chair's desk" in _text(client.get("/p/wg/chairs-summary/"))
    ok = client.post(
        "/p/wg/chairs-summary/",
        {"form": "entry", "entry-text": "A view.", "entry-holders": "BRA, eu"},
    )
    assert ok.status_code == 302
    client.post("/p/wg/chairs-summary/", {"form": "proposal", "proposal-proposal": proposal.pk})
    client.post(
        "/p/wg/chairs-summary/",
        {"form": "move", "move-document": "report", "move-paragraph": "4", "move-holders": "DEU"},
    )
    entries = list(models.ChairSummaryEntry.objects.order_by("id"))
    assert [(e.source, e.text) for e in entries] == [
        ("free-text", "A view."),
        ("proposal", "States shall not."),
        (
            "moved-provision",
            "The voluntary, non-binding norms complement the application of international law.",
        ),
    ]
    assert list(entries[0].groups.values_list("code", flat=True)) == ["eu"]
    assert list(entries[0].delegations.values_list("code", flat=True)) == ["BRA"]
    events = models.Event.objects.count()
    refused = client.post(
        "/p/wg/chairs-summary/",
        {"form": "move", "move-document": "report", "move-paragraph": "4", "move-holders": "DEU"},
    )
    assert refused.status_code == 400
    assert "Provision p4 has already been moved to the Chair's summary." in _text(refused)
    unknown = client.post(
        "/p/wg/chairs-summary/",
        {"form": "move", "move-document": "report", "move-paragraph": "99", "move-holders": "DEU"},
    )
    assert "No paragraph 99 in this version." in _text(unknown)
    nobody = client.post(
        "/p/wg/chairs-summary/", {"form": "entry", "entry-text": "x", "entry-holders": "KEN"}
    )
    assert "Kenya does not take part in this process." in _text(nobody)
    assert (models.ChairSummaryEntry.objects.count(), models.Event.objects.count()) == (3, events)


def test_only_the_chair_posts_to_the_summary(client, negotiation):
    client.force_login(negotiation.brazil)
    response = client.post(
        "/p/wg/chairs-summary/", {"form": "entry", "entry-text": "x", "entry-holders": "BRA"}
    )
    assert response.status_code == 404
    assert models.ChairSummaryEntry.objects.count() == 0


def test_the_chairs_summary_reads_in_a_fixed_number_of_queries(
    client, negotiation, django_assert_num_queries
):
    _views(negotiation)
    with django_assert_num_queries(8) as few:
        client.get("/p/wg/chairs-summary/")
    add_summary_entry(negotiation.process, by=negotiation.chair, text="x", groups=["eu"])
    with django_assert_num_queries(len(few.captured_queries)):
        assert client.get("/p/wg/chairs-summary/").status_code == 200
