import re

import pytest
from tests.actions.test_revisions import REV1

from accord.actions.desk import note_desk_visit
from accord.actions.positions import record_position
from accord.actions.revisions import issue_revision
from accord.cli import verify_log
from accord.core import eventlog, merkle
from accord.core.positions import Stance
from accord.store import models, signing

pytestmark = pytest.mark.django_db


def _text(response):
    return re.sub(
        r"\s+",
        " ",
        re.sub(r"<[^>]+>", " ", re.sub(r"</?bdi\b[^>]*>", "", response.content.decode())),
    ).strip()


def test_the_desk_counts_from_the_last_visit_and_names_stale_positions(client, negotiation):
    client.force_login(negotiation.brazil)
    on_record = models.Event.objects.filter(process=negotiation.process).count()
    first = _text(client.get("/p/wg/desk/"))
    assert "You act as Delegate for Brazil." in first
    assert f"This is your first visit; {on_record} events are on the record." in first
    assert "None: every position you recorded still concerns the current text." in first

    again = _text(client.get("/p/wg/desk/"))
    assert "0 changes since your last visit on" in again

    record_position(
        negotiation.version, by=negotiation.brazil, provision_uid="p2", stance=Stance.SUPPORT
    )
    issue_revision(negotiation.version.document, by=negotiation.chair, text=REV1, label="Rev.1")
    later = _text(client.get("/p/wg/desk/"))
    assert "2 changes since your last visit on" in later
    assert later.index("Revision issued") < later.index("Position recorded")
    assert "Position recorded · paragraph 2 of Zero draft — Brazil ·" in later
    assert "Revision issued · Rev.1 of Report of the working group (test) — chair" in later
    assert "Paragraph 1 of Report of the working group (test) (Rev.1) — stale" in later
    assert "0 changes since your last visit" in _text(client.get("/p/wg/desk/"))


def test_the_chair_has_a_desk_without_positions(client, negotiation):
    client.force_login(negotiation.chair)
    page = _text(client.get("/p/wg/desk/"))
    assert "You act as Chair." in page
    assert "None: every position you recorded still concerns the current text." in page


def test_the_desk_is_for_the_accredited(client, negotiation):
    assert client.get("/p/wg/desk/").status_code == 302
    client.force_login(negotiation.outsider)
    assert client.get("/p/wg/desk/").status_code == 404
    assert not models.DeskVisit.objects.exists()


def test_a_visit_mark_never_moves_back(negotiation):
    note_desk_visit(negotiation.brazil, negotiation.process, seen_seq=7)
    note_desk_visit(negotiation.brazil, negotiation.process, seen_seq=3)
    visit = models.DeskVisit.objects.get()
    assert (visit.user, visit.process, visit.seen_seq) == (
        negotiation.brazil,
        negotiation.process,
        7,
    )
    events = models.Event.objects.count()
    note_desk_visit(negotiation.brazil, negotiation.process, seen_seq=9)
    assert models.DeskVisit.objects.get().seen_seq == 9
    assert models.Event.objects.count() == events  # not an act of the negotiation


def test_the_desk_lists_invitations_awaiting_consent_and_open_silence_procedures(
    client, negotiation
):
    from datetime import timedelta

    from django.utils import timezone

    from accord.actions.cosponsorship import invite_cosponsor
    from accord.actions.proposals import submit_proposal
    from accord.actions.silence import break_silence, launch_silence

    proposal = submit_proposal(
        negotiation.version,
        by=negotiation.germany,
        provision_uid="p4",
        wording="The norms complement international law.",
    )
    invite_cosponsor(proposal, by=negotiation.germany, invitee="BRA")
    deadline = timezone.now() + timedelta(hours=80)
    procedure = launch_silence(negotiation.version, by=negotiation.chair, deadline=deadline)
    break_silence(procedure, by=negotiation.germany, letter="We cannot.", provisions=["p2"])
    client.force_login(negotiation.brazil)
    page = client.get("/p/wg/desk/")
    text = _text(page)
    when = timezone.localtime(deadline, timezone.UTC).strftime("%-d %B %Y %H:%M")
    assert (
        "Open silence procedures Report of the working group (test) (Zero draft) — "
        f"silence until {when} (UTC) — broken by 1 delegation so far"
    ) in text
    assert (
        "Proposals awaiting your consent to co-sponsor Germany invites you to co-sponsor its "
        f"proposal {proposal.pk} on paragraph 4 of Report of the working group (test) "
        "(Zero draft) — answer"
    ) in text
    assert f'href="/p/wg/silence/{procedure.pk}/"' in page.content.decode()
    client.force_login(negotiation.chair)
    assert "Proposals awaiting your consent to co-sponsor None." in _text(client.get("/p/wg/desk/"))


def test_a_delegation_delivers_its_explanation_of_position_through_the_page(client, negotiation):
    from accord.actions.adoption import record_adoption

    record_adoption(negotiation.version, by=negotiation.chair, confirm=True)
    client.force_login(negotiation.brazil)
    version = client.get("/p/wg/report/v1/")
    assert 'href="/p/wg/report/explanation/"' in version.content.decode()
    refused = client.post("/p/wg/report/explanation/", {"text": "  "})
    assert refused.status_code == 400
    assert models.ExplanationOfPosition.objects.count() == 0
    done = client.post("/p/wg/report/explanation/", {"text": "Brazil joins consensus."})
    assert (done.status_code, done["Location"]) == (302, "/p/wg/report/")
    page = _text(client.get("/p/wg/report/v1/"))
    assert "Explanation of position by Brazil (national view) Brazil joins consensus." in page
    again = client.post("/p/wg/report/explanation/", {"text": "Once more."})
    assert "Brazil has already explained its position on this adoption." in _text(again)
    assert models.ExplanationOfPosition.objects.count() == 1


def test_the_desk_offers_a_receipt_for_each_act_of_the_delegation(client, negotiation):
    client.force_login(negotiation.brazil)
    client.get("/p/wg/desk/")
    record_position(
        negotiation.version, by=negotiation.brazil, provision_uid="p2", stance=Stance.SUPPORT
    )
    issue_revision(negotiation.version.document, by=negotiation.chair, text=REV1, label="Rev.1")
    position = models.Event.objects.get(kind="position.recorded")
    page = client.get("/p/wg/desk/").content.decode()
    # Brazil's position has its receipt; the Chair's revision is not Brazil's act.
    assert re.findall(r'href="(/record/receipts/\d+\.json)" download', page) == [
        f"/record/receipts/{position.seq}.json"
    ]
    response = client.get(f"/record/receipts/{position.seq}.json")
    assert response["Content-Disposition"] == (
        f'attachment; filename="accord-receipt-{position.seq}.json"'
    )
    pem = signing.public_pem().encode()
    problem = merkle.receipt_problem(
        response.content, eventlog.public_key_check(pem), verify_log.key_id(pem)
    )
    assert problem is None
    assert response.json()["event"] == position.body
    assert client.get("/record/receipts/9999.json").status_code == 404
