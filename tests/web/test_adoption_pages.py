"""The adoption pages: the checklist the Chair confirms, outcomes not adopted shown with who
objected, and the recorded vote where the rules decide by vote."""

import re

import pytest

from accord.actions.adoption import record_adoption, record_vote
from accord.actions.status import mark_provision_status
from accord.core.decisions import Ballot
from accord.core.status import ActKind
from accord.store import models

pytestmark = pytest.mark.django_db

ADOPTION = "/p/wg/report/v1/adoption/"


def _text(response):
    return re.sub(
        r"\s+",
        " ",
        re.sub(r"<[^>]+>", " ", re.sub(r"</?bdi\b[^>]*>", "", response.content.decode())),
    ).strip()


def _state():
    return (
        models.Adoption.objects.count(),
        models.RecordedVote.objects.count(),
        models.Event.objects.count(),
    )


def test_the_chair_sees_what_is_outstanding_and_must_confirm(client, negotiation):
    client.force_login(negotiation.chair)
    page = _text(client.get(ADOPTION))
    assert "Before recording the outcome: what is outstanding" in page
    assert "6 paragraphs are not agreed: 1, 2, 3, 3(a), 3(b), 4." in page
    assert "I have seen what is outstanding and record the outcome all the same" in page
    before = _state()
    refused = client.post(ADOPTION, {"objections": "DEU"})
    assert refused.status_code == 400
    assert "Matters are outstanding. 6 paragraphs are not agreed." in _text(refused)
    assert _state() == before


def test_with_nothing_outstanding_the_page_says_so(client, negotiation):
    for uid in ("p1", "p2", "p3", "p3-a", "p3-b", "p4"):
        mark_provision_status(
            negotiation.version, by=negotiation.chair, provision_uid=uid, kind=ActKind.AGREED
        )
    client.force_login(negotiation.chair)
    assert "Nothing outstanding: every paragraph is agreed" in _text(client.get(ADOPTION))
    response = client.post(ADOPTION, {}, follow=True)
    assert "Adopted by consensus" in _text(response)


def test_an_objection_shows_as_not_adopted_naming_who_objected(client, negotiation):
    client.force_login(negotiation.chair)
    response = client.post(ADOPTION, {"objections": "DEU, VAT", "confirm": "on"}, follow=True)
    assert "Not adopted — objection by Germany" in _text(response)
    client.logout()
    for page in ("/p/wg/report/v1/", "/p/wg/report/v1/status/"):
        assert "Not adopted — objection by Germany" in _text(client.get(page))
    history = _text(client.get("/p/wg/history/"))
    assert "Adoption recorded: Not adopted — objection by Germany" in history
    assert models.Adoption.objects.get().adopted is False


@pytest.fixture
def voting(negotiation):
    negotiation.process.decision_rule = "vote-two-thirds"
    negotiation.process.save()
    return negotiation


def test_where_the_rules_decide_by_vote_the_chair_records_each_members_ballot(client, voting):
    client.force_login(voting.chair)
    page = client.get(ADOPTION)
    text = _text(page)
    assert "Record the vote on Zero draft" in text
    assert "a two-thirds majority of the members present and voting" in text
    html = page.content.decode()
    assert "<legend>Ballots of the member delegations</legend>" in html
    assert '<label for="ballot-BRA-yes" class="visually-hidden">Brazil: Yes</label>' in html
    assert "ballot-VAT" not in html  # observers never vote
    form = {
        "ballot-BRA": "yes",
        "ballot-DEU": "yes",
        "ballot-FRA": "no",
        "explanations": "FRA: France voted against.",
        "confirm": "on",
    }
    response = client.post(ADOPTION, form, follow=True)
    assert "Adopted by a recorded vote of 2–1–0 (yes, no, abstain)" in _text(response)  # noqa: RUF001 (a tally is written with en dashes)
    vote = models.RecordedVote.objects.get()
    assert vote.ballots == {"BRA": "yes", "DEU": "yes", "FRA": "no"}
    client.logout()
    version = _text(client.get("/p/wg/report/v1/"))
    assert "Explanation of vote by France (national view) France voted against." in version
    tally = _text(client.get("/p/wg/report/v1/recorded-vote/"))
    assert "Brazil Yes France No Germany Yes" in tally
    assert "3 members present, a quorum of 2; 2 yes votes needed." in tally
    report = _text(client.get("/p/wg/report/consensus-report/"))
    assert "Adopted by a recorded vote of 2–1–0 (yes, no, abstain)" in report  # noqa: RUF001 (a tally is written with en dashes)
    assert "(adopted by a recorded vote)" in report


def test_a_vote_not_carried_is_shown_as_not_adopted(client, voting):
    record_vote(
        voting.version,
        by=voting.chair,
        ballots={"BRA": Ballot.YES, "DEU": Ballot.NO, "FRA": Ballot.NO},
        confirm=True,
    )
    expected = "Not adopted — a recorded vote of 1–2–0 (yes, no, abstain); 2 yes votes were needed"  # noqa: RUF001 (a tally is written with en dashes)
    assert expected in _text(client.get("/p/wg/report/v1/"))
    assert expected in _text(client.get("/p/wg/history/"))


def test_a_refused_vote_on_the_page_stores_nothing(client, voting):
    client.force_login(voting.chair)
    before = _state()
    unconfirmed = client.post(ADOPTION, {"ballot-BRA": "yes"})
    assert unconfirmed.status_code == 400
    assert "Matters are outstanding" in _text(unconfirmed)
    assert 'value="yes" id="ballot-BRA-yes" checked' in unconfirmed.content.decode()
    typed = client.post(ADOPTION, {"ballot-BRA": "maybe", "confirm": "on"})
    assert typed.status_code == 400
    assert _state() == before


def test_there_is_no_recorded_vote_page_without_a_vote(client, negotiation):
    record_adoption(negotiation.version, by=negotiation.chair, confirm=True)
    assert client.get("/p/wg/report/v1/recorded-vote/").status_code == 404
