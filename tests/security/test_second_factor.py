"""A second factor for those whose account would do the most harm in other hands: the
Chair, the Bureau, the Secretariat and staff confirm every sign-in with an authenticator
app or a recovery code. Nobody had one before."""

import re
from datetime import timedelta

import pytest
import time_machine
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

START = "2026-03-02 09:00:00+00:00"
HOME = "/p/wg/"


@pytest.fixture(autouse=True)
def _required(settings):
    settings.ACCORD_SECOND_FACTOR = "required"


def _sign_in(client, username):
    return client.post("/login/", {"username": username, "password": "pw", "next": HOME})


def _code(device):
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def _set_up(client, username):
    """Sign in and turn the authenticator app on; the recovery codes shown."""
    _sign_in(client, username)
    client.get("/account/second-factor/setup/")
    device = TOTPDevice.objects.get(user__username=username)
    page = client.post("/account/second-factor/setup/", {"code": _code(device), "next": HOME})
    assert page.status_code == 200
    return device, re.findall(r"<li><code>(\w+)</code></li>", page.content.decode())


def test_the_chair_without_a_second_factor_is_sent_to_set_one_up(client, negotiation):
    assert _sign_in(client, "chair")["Location"] == HOME
    sent = client.get(HOME)
    assert (sent.status_code, sent["Location"]) == (
        302,
        "/account/second-factor/setup/?next=%2Fp%2Fwg%2F",
    )
    assert client.get("/account/tokens/").status_code == 302
    assert TOTPDevice.objects.filter(confirmed=True).count() == 0


def test_a_delegate_is_not_asked(client, negotiation):
    _sign_in(client, "bra")
    assert client.get(HOME).status_code == 200


def test_setting_up_shows_ten_recovery_codes_once_then_opens_the_pages(client, negotiation):
    with time_machine.travel(START, tick=False):
        device, codes = _set_up(client, "chair")
        assert len(codes) == 10
        assert len(set(codes)) == 10
        assert TOTPDevice.objects.get(pk=device.pk).confirmed
        assert client.get(HOME).status_code == 200
        assert client.get("/account/").status_code == 200


def test_a_wrong_code_sets_nothing_up(client, negotiation):
    _sign_in(client, "chair")
    with time_machine.travel(START, tick=False):
        client.get("/account/second-factor/setup/")
        device = TOTPDevice.objects.get(user=negotiation.chair)
        wrong = f"{(int(_code(device)) + 1) % 10**6:06d}"
        refused = client.post("/account/second-factor/setup/", {"code": wrong})
    assert refused.status_code == 400
    assert "This code is not the one the app shows now; try again." in refused.content.decode()
    assert not TOTPDevice.objects.get(user=negotiation.chair).confirmed
    assert StaticToken.objects.count() == 0
    assert client.get(HOME).status_code == 302


def test_the_next_sign_in_asks_for_the_code(client, negotiation):
    with time_machine.travel(START, tick=False) as clock:
        device, _codes = _set_up(client, "chair")
        client.post("/logout/")
        _sign_in(client, "chair")
        sent = client.get(HOME)
        assert sent["Location"] == "/account/second-factor/?next=%2Fp%2Fwg%2F"
        wrong = client.post("/account/second-factor/", {"code": "123456", "next": HOME})
        assert wrong.status_code == 400
        assert "This code is not valid, or it was used already." in wrong.content.decode()
        clock.shift(timedelta(seconds=30))
        right = client.post("/account/second-factor/", {"code": _code(device), "next": HOME})
        assert right["Location"] == HOME
        assert client.get(HOME).status_code == 200


def test_a_recovery_code_works_once(client, negotiation):
    with time_machine.travel(START, tick=False):
        _device, codes = _set_up(client, "chair")
        client.post("/logout/")
        _sign_in(client, "chair")
        used = client.post("/account/second-factor/", {"code": codes[0], "next": HOME})
        assert used["Location"] == HOME
        client.post("/logout/")
        _sign_in(client, "chair")
        again = client.post("/account/second-factor/", {"code": codes[0], "next": HOME})
        assert again.status_code == 400
        assert StaticToken.objects.count() == 9


def test_a_stolen_password_cannot_replace_the_second_factor(client, negotiation):
    with time_machine.travel(START, tick=False):
        device, _codes = _set_up(client, "chair")
        client.post("/logout/")
        _sign_in(client, "chair")
        sent = client.get("/account/second-factor/setup/")
        assert sent["Location"] == "/account/second-factor/?next=%2F"
        assert list(TOTPDevice.objects.values_list("pk", flat=True)) == [device.pk]


def test_the_api_refuses_a_session_that_owes_its_second_factor(client, negotiation):
    _sign_in(client, "chair")
    refused = client.post(
        "/api/v1/processes/wg/statements", {"body": "x"}, content_type="application/json"
    )
    assert refused.status_code == 403
    assert refused.json() == {
        "type": "urn:accord:problem:second-factor-required",
        "title": "second-factor-required",
        "status": 403,
        "detail": "Confirm this sign-in with your second factor on the sign-in page first.",
    }


def test_until_the_second_factor_the_api_reads_as_for_anybody(client, negotiation):
    negotiation.process.is_public = False
    negotiation.process.save()
    _sign_in(client, "chair")
    hidden = client.get("/api/v1/processes/wg")
    assert hidden.status_code == 404
    assert client.get("/api/v1/processes").json()["items"] == []


def test_where_it_is_optional_only_those_who_set_one_up_are_asked(client, negotiation, settings):
    settings.ACCORD_SECOND_FACTOR = "optional"
    _sign_in(client, "chair")
    assert client.get(HOME).status_code == 200
    page = client.get("/login/").content.decode()
    assert "This instance asks nobody for a second factor" in page
    with time_machine.travel(START, tick=False):
        _set_up(client, "chair")
        client.post("/logout/")
        _sign_in(client, "chair")
        assert client.get(HOME)["Location"] == "/account/second-factor/?next=%2Fp%2Fwg%2F"
