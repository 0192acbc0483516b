"""Guessing passwords: after five wrong ones for an account, or from an address, sign-in is
refused for a while (django-axes); the operator can unlock sooner. It used to answer 50
wrong passwords for the Chair in a row without delay."""

from datetime import timedelta

import time_machine
from django.contrib.auth import SESSION_KEY
from django.core.management import call_command

from accord.security.models import SignedInSession

START = "2026-03-02 09:00:00+00:00"
LOCKED = (
    "Too many wrong passwords for this account or from this address. Try again in 15 minutes,"
    " or ask the instance's operator to unlock it."
)


def _sign_in(client, username, password, address="198.51.100.7"):
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_the_account_even_from_other_addresses(client, negotiation):
    answers = [
        _sign_in(client, "chair", f"guess-{n}", f"203.0.113.{n}").status_code for n in range(5)
    ]
    # The sign-in page again, with its error, four times; the fifth wrong password locks.
    assert answers == [200, 200, 200, 200, 429]
    locked = _sign_in(client, "chair", "pw", "192.0.2.99")
    assert locked.status_code == 429
    assert LOCKED in locked.content.decode()
    assert SESSION_KEY not in client.session
    assert SignedInSession.objects.count() == 0


def test_five_wrong_passwords_from_one_address_lock_that_address(client, negotiation):
    for name in ("bra", "deu", "vat", "ngo"):
        assert _sign_in(client, name, "wrong").status_code == 200
    assert _sign_in(client, "outsider", "wrong").status_code == 429
    assert _sign_in(client, "chair", "pw").status_code == 429
    assert SESSION_KEY not in client.session
    elsewhere = _sign_in(client, "chair", "pw", "192.0.2.10")
    assert elsewhere.status_code == 302, "the Chair is not locked out from another address"


def test_the_lockout_ends_after_its_cool_off(client, negotiation):
    with time_machine.travel(START, tick=False) as clock:
        for _ in range(5):
            _sign_in(client, "chair", "wrong")
        clock.shift(timedelta(minutes=14))
        assert _sign_in(client, "chair", "pw").status_code == 429
        clock.shift(timedelta(minutes=2))
        assert _sign_in(client, "chair", "pw").status_code == 302
        assert client.session[SESSION_KEY] == str(negotiation.chair.pk)


def test_the_operator_unlocks_an_account_and_an_address(client, negotiation):
    for _ in range(5):
        _sign_in(client, "chair", "wrong")
    assert _sign_in(client, "chair", "pw").status_code == 429
    call_command("axes_reset_username", "chair", verbosity=0)
    call_command("axes_reset_ip", "198.51.100.7", verbosity=0)
    assert _sign_in(client, "chair", "pw").status_code == 302


def test_a_wrong_password_on_the_confirmation_page_counts_too(client, negotiation):
    client.force_login(negotiation.chair)
    answers = [
        client.post("/account/confirm/", {"password": "wrong"}, REMOTE_ADDR="198.51.100.7")
        for _ in range(5)
    ]
    assert [answer.status_code for answer in answers] == [400, 400, 400, 400, 429]
    assert _sign_in(client, "chair", "pw", "192.0.2.44").status_code == 429
