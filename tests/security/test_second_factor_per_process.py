"""A process whose rules ask its delegates for a second factor: a delegate without one is
sent to set one up before any write in it, on the pages and through the API (session or
token), and nothing is stored; reading goes on, other processes are not affected."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from accord.actions.tokens import create_api_token
from accord.store import models

STATEMENT = "/api/v1/processes/wg/statements"
PROBLEM = {
    "type": "urn:accord:problem:second-factor-required-by-process",
    "title": "second-factor-required-by-process",
    "status": 403,
    "detail": (
        "The rules of this process ask delegates for a second factor: set up a passkey or "
        "an authenticator app under Account before acting in it."
    ),
}


@pytest.fixture
def strict(negotiation):
    negotiation.process.delegates_second_factor = True
    negotiation.process.save(update_fields=["delegates_second_factor"])
    return negotiation


def _nothing_stored(events_before):
    assert models.Statement.objects.count() == 0
    assert models.Event.objects.count() == events_before


def test_the_page_sends_a_delegate_without_a_second_factor_to_set_one_up(client, strict):
    client.force_login(strict.brazil)
    before = models.Event.objects.count()
    assert client.get("/p/wg/national-views/new/").status_code == 200
    sent = client.post("/p/wg/national-views/new/", {"text": "Brazil on 3(a)."}, follow=True)
    assert sent.redirect_chain == [
        ("/account/second-factor/setup/?next=%2Fp%2Fwg%2Fnational-views%2Fnew%2F", 302)
    ]
    assert (
        "The rules of this process ask delegates for a second factor before they act."
        in sent.content.decode()
    )
    _nothing_stored(before)


def test_the_api_refuses_a_delegates_session_and_token_alike(client, strict):
    before = models.Event.objects.count()
    client.force_login(strict.brazil)
    by_session = client.post(STATEMENT, {"text": "x"}, content_type="application/json")
    assert (by_session.status_code, by_session.json()) == (403, PROBLEM)
    client.logout()
    token = create_api_token(by=strict.brazil, name="program")[1]
    before = models.Event.objects.count()
    by_token = client.post(
        STATEMENT,
        {"text": "x"},
        content_type="application/json",
        headers={"authorization": f"Bearer {token}"},
    )
    assert (by_token.status_code, by_token.json()) == (403, PROBLEM)
    _nothing_stored(before)
    assert client.get(STATEMENT).status_code == 200


def test_with_a_second_factor_the_delegate_acts(client, strict):
    TOTPDevice.objects.create(user=strict.brazil, name="app", confirmed=True)
    token = create_api_token(by=strict.brazil, name="program")[1]
    made = client.post(
        STATEMENT,
        {"text": "Brazil on 3(a)."},
        content_type="application/json",
        headers={"authorization": f"Bearer {token}"},
    )
    assert made.status_code == 201
    assert models.Statement.objects.get().text == "Brazil on 3(a)."


def test_without_the_rule_nobody_is_asked(client, negotiation):
    client.force_login(negotiation.brazil)
    made = client.post(STATEMENT, {"text": "Brazil."}, content_type="application/json")
    assert made.status_code == 201
    assert client.post("/p/wg/national-views/new/", {"text": "Again."}).status_code == 302
    assert models.Statement.objects.count() == 2


def test_the_rule_binds_delegates_not_observers(client, strict):
    client.force_login(strict.holy_see)
    made = client.post(STATEMENT, {"text": "The Holy See."}, content_type="application/json")
    assert made.status_code == 201
