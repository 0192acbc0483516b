import re

import pytest
from tests.builders import DRAFT

from accord.actions.adoption import record_adoption
from accord.actions.positions import record_position
from accord.actions.proposals import submit_proposal
from accord.actions.revisions import issue_revision
from accord.actions.status import mark_provision_status
from accord.core.fates import Fate, FateKind
from accord.core.positions import Stance
from accord.core.status import ActKind
from accord.store import models

pytestmark = pytest.mark.django_db

P4 = "The voluntary, non-binding norms complement the application of international law."


def _text(response):
    return re.sub(
        r"\s+",
        " ",
        re.sub(r"<[^>]+>", " ", re.sub(r"</?bdi\b[^>]*>", "", response.content.decode())),
    ).strip()


def _mark(n, uid, kind=ActKind.AGREED, pending=(), version=None):
    return mark_provision_status(
        version or n.version, by=n.chair, provision_uid=uid, kind=kind, pending=pending
    )


def test_the_version_page_says_each_paragraphs_status_in_words(client, negotiation):
    _mark(negotiation, "p2")
    _mark(negotiation, "p4", ActKind.AGREED_PENDING, ["FRA", "BRA"])
    submit_proposal(
        negotiation.version, by=negotiation.brazil, provision_uid="p1", wording="The group met."
    )
    text = _text(client.get("/p/wg/report/v1/"))
    assert "1. The working group met in three substantive sessions" in text
    assert "informal consultations. Bracketed" in text
    assert "international law. Agreed ad ref" in text
    assert "(a) by designating points of contact; Open" in text
    assert f"{P4} Agreed pending Brazil, France" in text
    assert "Chair's mark on" not in text


def test_the_chair_marks_and_reopens_from_the_version_page(client, negotiation):
    client.force_login(negotiation.chair)
    page = client.get("/p/wg/report/v1/").content.decode()
    assert 'action="/p/wg/report/v1/p4/status/"' in page
    assert '<label for="kind-p4">Chair\'s mark on 4</label>' in page
    form = page[page.index('action="/p/wg/report/v1/p4/status/"') :].split("</form>")[0]
    assert re.findall(r'<option value="([^"]+)"', form) == ["agreed", "agreed-pending"]
    response = client.post(
        "/p/wg/report/v1/p4/status/", {"kind": "agreed-pending", "pending": "bra, fra"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/p/wg/report/v1/#p4"
    mark = models.StatusMark.objects.get()
    assert (mark.kind, mark.pending) == ("agreed-pending", ["BRA", "FRA"])
    response = client.get("/p/wg/report/v1/")
    page = response.content.decode()
    form = page[page.index('action="/p/wg/report/v1/p4/status/"') :].split("</form>")[0]
    assert re.findall(r'<option value="([^"]+)"', form) == ["agreed", "agreed-pending", "reopened"]
    followed = _text(response)
    assert "The status of paragraph 4 was recorded." in followed
    assert f"{P4} Agreed pending Brazil, France" in followed
    client.post("/p/wg/report/v1/p4/status/", {"kind": "reopened"})
    assert f"{P4} Reopened" in _text(client.get("/p/wg/report/v1/"))
    assert models.StatusMark.objects.count() == 2


def test_a_refused_mark_says_why_and_stores_nothing(client, negotiation):
    client.force_login(negotiation.chair)
    before = (models.StatusMark.objects.count(), models.Event.objects.count())
    response = client.post("/p/wg/report/v1/p4/status/", {"kind": "agreed-pending", "pending": ""})
    assert response.status_code == 400
    assert "Name the delegations that still have to confirm" in _text(response)
    response = client.post(
        "/p/wg/report/v1/p4/status/", {"kind": "agreed-pending", "pending": "VAT"}
    )
    assert (
        "Holy See is not a member of this process; only members are named as still to confirm."
        in (_text(response))
    )
    response = client.post("/p/wg/report/v1/p4/status/", {"kind": "reopened"})
    assert "Paragraph 4 is not agreed, so there is nothing to reopen." in _text(response)
    assert (models.StatusMark.objects.count(), models.Event.objects.count()) == before
    assert client.get("/p/wg/report/v1/p99/status/").status_code == 404


def test_only_the_chair_may_mark(client, negotiation):
    client.force_login(negotiation.brazil)
    assert "Chair's mark on" not in _text(client.get("/p/wg/report/v1/"))
    response = client.post("/p/wg/report/v1/p4/status/", {"kind": "agreed"})
    assert response.status_code == 400
    assert "Only the Chair may do this." in _text(response)
    assert not models.StatusMark.objects.exists()
    client.logout()
    response = client.post("/p/wg/report/v1/p4/status/", {"kind": "agreed"})
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_the_status_board_counts_and_charts_progress(
    client, negotiation, django_assert_num_queries
):
    _mark(negotiation, "p2")
    _mark(negotiation, "p4", ActKind.AGREED_PENDING, ["DEU"])
    record_position(
        negotiation.version, by=negotiation.brazil, provision_uid="p1", stance=Stance.OBJECT
    )
    page = client.get("/p/wg/report/v1/status/")
    assert page.status_code == 200
    html = page.content.decode()
    text = _text(page)
    assert (
        "Counts Status Paragraphs Open 3 Bracketed 1 Agreed ad ref 1 Agreed pending 1 "
        "Reopened 0 Adopted 0 All paragraphs 6"
    ) in text
    assert "A. Introduction Paragraph Status Objecting 1 Bracketed Brazil" in text
    assert "B. Rules, norms and principles Paragraph Status Objecting 2 Agreed ad ref —" in text
    assert "4 Agreed pending Germany —" in text
    assert '<svg role="img" aria-labelledby="chart-title chart-desc"' in html
    assert '<title id="chart-title">Paragraphs by status after each recorded event</title>' in html
    assert html.count("<rect x=") == 6  # 1 + 2 + 3 segments
    rows = re.findall(r"<tr><td><time[^>]*>[^<]*</time></td>(.*?)</tr>", html)
    cells = [re.sub(r"<[^>]+>", "|", row).replace("||", "|").strip("|") for row in rows]
    assert cells == [
        "Zero draft issued|0|0|0|6",
        "Chair&#x27;s mark on paragraph 2|0|1|0|5",
        "Chair&#x27;s mark on paragraph 4|0|1|1|4",
    ]
    assert 'href="/p/wg/report/v1/status/" aria-current="page">Status board</a>' in html
    # Nothing happened since the request above: the statuses, the progress and the table of
    # paragraphs are read from the cache, by the record's position, read once.
    with django_assert_num_queries(6):
        client.get("/p/wg/report/v1/status/")
    # A mark moves the record on: they are worked out again (the statuses of the marked
    # paragraphs alone, after the events since), in as many queries however many paragraphs
    # are marked.
    _mark(negotiation, "p1")
    with django_assert_num_queries(18) as few:
        client.get("/p/wg/report/v1/status/")
    for uid in ("p3", "p3-a"):
        _mark(negotiation, uid)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get("/p/wg/report/v1/status/")


def _adopt_after_a_revision(n):
    proposal = submit_proposal(
        n.version, by=n.brazil, provision_uid="p4", wording=P4.replace("voluntary", "agreed")
    )
    other = submit_proposal(n.version, by=n.germany, provision_uid="p4", wording="Norms help.")
    _mark(n, "p2")
    rev1 = issue_revision(
        n.version.document,
        by=n.chair,
        text=DRAFT.replace("The voluntary", "The agreed"),
        label="Rev.1",
        fates={other.pk: Fate(other.pk, FateKind.NOT_TAKEN_UP)},
    )
    _mark(n, "p4", version=rev1)
    adoption = record_adoption(
        rev1,
        by=n.chair,
        disassociations={"FRA": ["p4"]},
        explanations={"FRA": "France reads paragraph 4 as it always has."},
        confirm=True,
    )
    return proposal, rev1, adoption


def test_the_provenance_of_an_adopted_paragraph(client, negotiation):
    assert client.get("/p/wg/report/provenance/p4/").status_code == 404
    _adopt_after_a_revision(negotiation)
    report = client.get("/p/wg/report/consensus-report/").content.decode()
    assert '<a href="/p/wg/report/provenance/p4/">Provenance of paragraph 4</a>' in report
    text = _text(client.get("/p/wg/report/provenance/p4/"))
    adopted = P4.replace("The voluntary", "The agreed")
    assert f"Adopted text {adopted} Adopted by consensus" in text
    assert "The adoption covered exactly this text." in text
    assert "Zero draft" in text
    assert f"Paragraph 4 (zero draft) {P4}" in text
    assert f"Paragraph 4 — revised: the text changed {adopted}" in text
    assert f"Brazil (on Zero draft, reflected) {adopted} Rev.1: reflected" in text
    assert "Germany (on Zero draft, not taken up) Norms help. Rev.1: not taken up" in text
    assert "Rev.1: agreed ad referendum" in text
    assert "France joined consensus and disassociated from this paragraph (national view)." in text
    assert "Explanation of position by France at the adoption (national view)" in text
    text2 = _text(client.get("/p/wg/report/provenance/p2/"))
    assert "Zero draft: agreed ad referendum" in text2
    assert "No delegation disassociated from this paragraph." in text2
    assert "No proposal was made on this paragraph." in text2
    assert client.get("/p/wg/report/provenance/p99/").status_code == 404


def test_the_provenance_of_a_private_process_is_for_the_accredited(client, db):
    from tests.builders import make_negotiation

    n = make_negotiation(is_public=False)
    record_adoption(n.version, by=n.chair, confirm=True)
    assert client.get("/p/wg/report/provenance/p4/").status_code == 404
    client.force_login(n.outsider)
    assert client.get("/p/wg/report/provenance/p4/").status_code == 404
    client.force_login(n.stakeholder)
    assert client.get("/p/wg/report/provenance/p4/").status_code == 200


def test_the_version_page_and_provenance_read_in_constant_queries(
    client, negotiation, django_assert_num_queries
):
    client.force_login(negotiation.chair)
    _mark(negotiation, "p4")
    with django_assert_num_queries(20):
        client.get("/p/wg/report/v1/")
    # Brought up to date from what was kept, in as many queries however many were marked.
    _mark(negotiation, "p1", ActKind.AGREED_PENDING, ["BRA"])
    with django_assert_num_queries(21) as few:
        client.get("/p/wg/report/v1/")
    for uid in ("p2", "p3"):
        _mark(negotiation, uid, ActKind.AGREED_PENDING, ["BRA"])
    with django_assert_num_queries(len(few.captured_queries)):
        assert "Agreed pending" in client.get("/p/wg/report/v1/").content.decode()
    client.logout()
    _adopt_after_a_revision(negotiation)
    with django_assert_num_queries(13):
        client.get("/p/wg/report/provenance/p4/")


def test_the_chair_names_pending_delegations_by_name_or_code(client, negotiation):
    client.force_login(negotiation.chair)
    response = client.post(
        "/p/wg/report/v1/p4/status/", {"kind": "agreed-pending", "pending": "Brazil; fra"}
    )
    assert response.status_code == 302
    assert models.StatusMark.objects.get().pending == ["BRA", "FRA"]


def test_a_name_that_names_no_member_is_refused_by_what_was_typed(client, negotiation):
    client.force_login(negotiation.chair)
    before = (models.StatusMark.objects.count(), models.Event.objects.count())
    response = client.post(
        "/p/wg/report/v1/p4/status/", {"kind": "agreed-pending", "pending": "Brazill"}
    )
    assert response.status_code == 400
    assert (
        "BRAZILL is not a member of this process; only members are named as still to confirm."
    ) in _text(response)
    assert (models.StatusMark.objects.count(), models.Event.objects.count()) == before
