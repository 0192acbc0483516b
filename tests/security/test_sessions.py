"""Sessions end: after an hour without a request, and twelve hours after signing in
whatever happens (both configurable; they used to last 14 days). The account page lists
one's sessions and ends any of them."""

import re
from datetime import timedelta

import time_machine
from django.contrib.auth import SESSION_KEY
from django.test import Client

from accord.security.models import SignedInSession

START = "2026-03-02 09:00:00+00:00"
HOME = "/account/"


def _sign_in(client, username="bra", browser="Firefox"):
    return client.post("/login/", {"username": username, "password": "pw"}, HTTP_USER_AGENT=browser)


def test_an_idle_session_ends_after_an_hour(client, negotiation):
    with time_machine.travel(START, tick=False) as clock:
        _sign_in(client)
        clock.shift(timedelta(minutes=59))
        assert client.get(HOME).status_code == 200
        clock.shift(timedelta(minutes=59))
        assert client.get(HOME).status_code == 200, "each request restarts the idle clock"
        clock.shift(timedelta(minutes=61))
        ended = client.get(HOME)
        assert (ended.status_code, ended["Location"]) == (302, "/login/?next=/account/")
        assert SESSION_KEY not in client.session
    assert SignedInSession.objects.count() == 0


def test_a_busy_session_ends_twelve_hours_after_signing_in(client, negotiation):
    with time_machine.travel(START, tick=False) as clock:
        _sign_in(client)
        for _ in range(23):
            clock.shift(timedelta(minutes=30))
            assert client.get(HOME).status_code == 200
        clock.shift(timedelta(minutes=31))
        assert client.get(HOME).status_code == 302


def test_the_idle_time_and_the_lifetime_are_settings(client, negotiation, settings):
    settings.ACCORD_SESSION_IDLE = timedelta(minutes=5)
    with time_machine.travel(START, tick=False) as clock:
        _sign_in(client)
        clock.shift(timedelta(minutes=6))
        assert client.get(HOME).status_code == 302


def test_the_account_page_lists_ones_sessions_and_ends_one(negotiation):
    laptop, phone, other = Client(), Client(), Client()
    _sign_in(laptop, browser="Laptop browser")
    _sign_in(phone, browser="Phone browser")
    _sign_in(other, username="deu", browser="Germany's browser")
    page = laptop.get(HOME).content.decode()
    assert "Laptop browser" in page
    assert "Phone browser" in page
    assert "Germany" not in page
    phone_session = SignedInSession.objects.get(browser="Phone browser")
    ended = laptop.post(f"/account/sessions/{phone_session.pk}/end/")
    assert ended["Location"] == HOME
    assert phone.get(HOME).status_code == 302, "the phone is signed out"
    assert laptop.get(HOME).status_code == 200
    assert set(SignedInSession.objects.values_list("browser", flat=True)) == {
        "Laptop browser",
        "Germany's browser",
    }


def test_nobody_ends_someone_elses_session(negotiation):
    mine, theirs = Client(), Client()
    _sign_in(mine)
    _sign_in(theirs, username="deu", browser="Germany's browser")
    german = SignedInSession.objects.get(user=negotiation.germany)
    assert mine.post(f"/account/sessions/{german.pk}/end/").status_code == 404
    assert theirs.get(HOME).status_code == 200


def test_the_account_page_lists_tokens_with_a_way_to_revoke_them(client, negotiation):
    from accord.actions.tokens import create_api_token

    token, _ = create_api_token(by=negotiation.brazil, name="Capital's tool")
    client.force_login(negotiation.brazil)
    page = client.get(HOME).content.decode()
    assert re.search(rf'action="/account/tokens/{token.pk}/revoke/"', page)
    assert "Revoke “Capital&#x27;s tool”" in page


def test_signing_out_forgets_the_session(client, negotiation):
    _sign_in(client)
    assert SignedInSession.objects.count() == 1
    client.post("/logout/")
    assert SignedInSession.objects.count() == 0
