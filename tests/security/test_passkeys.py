"""Passkeys (WebAuthn) as a second factor: registered on the account page, used to confirm a
sign-in and before a grave act. The answers here come from a small software authenticator
that signs as a real one does (P-256, "none" attestation); the browser ceremony itself is
tested in tests/browser/test_passkeys.py. Every refused answer stores nothing and confirms
nothing."""

import hashlib
import json
import os
import re
import struct

import cbor2
import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from django_otp.plugins.otp_static.models import StaticToken
from webauthn.helpers import bytes_to_base64url

from accord.security.models import Passkey

HOME = "/p/wg/"
ORIGIN = "http://testserver"
ADD = "/account/passkeys/add/"
CONFIRM = "/account/second-factor/"


@pytest.fixture(autouse=True)
def _required(settings):
    settings.ACCORD_SECOND_FACTOR = "required"


class SoftAuthenticator:
    """One passkey on a pretend authenticator: a P-256 key, its credential id, a counter."""

    def __init__(self, rp_id: str = "testserver", origin: str = ORIGIN) -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.credential_id = os.urandom(32)
        self.count = 0
        self.rp_id, self.origin = rp_id, origin

    def _client_data(self, kind: str, challenge: str) -> bytes:
        data = {"type": kind, "challenge": challenge, "origin": self.origin}
        return json.dumps(data).encode()

    def _auth_data(self, flags: int, extra: bytes = b"") -> bytes:
        rp_hash = hashlib.sha256(self.rp_id.encode()).digest()
        return rp_hash + bytes([flags]) + struct.pack(">I", self.count) + extra

    def create(self, options: dict) -> str:
        """The answer to navigator.credentials.create, as the browser's toJSON() gives it."""
        numbers = self.key.public_key().public_numbers()
        cose = {1: 2, 3: -7, -1: 1, -2: numbers.x.to_bytes(32), -3: numbers.y.to_bytes(32)}
        attested = bytes(16) + struct.pack(">H", 32) + self.credential_id + cbor2.dumps(cose)
        auth_data = self._auth_data(0x45, attested)  # user present, verified, attested data
        attestation = cbor2.dumps({"fmt": "none", "attStmt": {}, "authData": auth_data})
        client_data = self._client_data("webauthn.create", options["challenge"])
        return self._credential(
            {
                "clientDataJSON": bytes_to_base64url(client_data),
                "attestationObject": bytes_to_base64url(attestation),
            }
        )

    def get(self, options: dict, *, count_up: bool = True) -> str:
        """The answer to navigator.credentials.get: the challenge signed, the counter on."""
        self.count += count_up
        auth_data = self._auth_data(0x05)
        client_data = self._client_data("webauthn.get", options["challenge"])
        signed = auth_data + hashlib.sha256(client_data).digest()
        signature = self.key.sign(signed, ec.ECDSA(hashes.SHA256()))
        return self._credential(
            {
                "clientDataJSON": bytes_to_base64url(client_data),
                "authenticatorData": bytes_to_base64url(auth_data),
                "signature": bytes_to_base64url(signature),
            }
        )

    def _credential(self, response: dict) -> str:
        encoded = bytes_to_base64url(self.credential_id)
        kind = {"type": "public-key", "clientExtensionResults": {}}
        return json.dumps({"id": encoded, "rawId": encoded, "response": response, **kind})


def _options(page) -> dict:
    found = re.search(
        r'<script id="passkey-options" type="application/json">(.*?)</script>',
        page.content.decode(),
    )
    assert found, "the page carries no passkey options"
    return json.loads(found.group(1))


def _sign_in(client, username="chair"):
    client.post("/login/", {"username": username, "password": "pw", "next": HOME})


def _register(client, authenticator, name="Laptop"):
    options = _options(client.get(ADD))
    answer = authenticator.create(options)
    return client.post(ADD, {"name": name, "credential": answer, "next": HOME})


def _signed_in_again(client, username="chair"):
    client.post("/logout/")
    _sign_in(client, username)
    return _options(client.get(CONFIRM + "?next=%2Fp%2Fwg%2F"))


def test_the_chair_registers_a_passkey_and_gets_recovery_codes(client, negotiation):
    _sign_in(client)
    assert client.get(HOME)["Location"] == "/account/second-factor/setup/?next=%2Fp%2Fwg%2F"
    options = _options(client.get(ADD))
    assert options["rp"] == {"id": "testserver", "name": "accord"}
    assert options["user"]["name"] == "chair"
    page = _register(client, SoftAuthenticator())
    assert page.status_code == 200
    assert len(re.findall(r"<li><code>(\w+)</code></li>", page.content.decode())) == 10
    passkey = Passkey.objects.get()
    assert (passkey.user, passkey.name, passkey.confirmed) == (negotiation.chair, "Laptop", True)
    assert client.get(HOME).status_code == 200
    account = client.get("/account/").content.decode()
    assert "Your sign-ins are confirmed with a passkey:" in account
    assert "Laptop" in account


def test_the_next_sign_in_is_confirmed_with_the_passkey(client, negotiation):
    authenticator = SoftAuthenticator()
    _sign_in(client)
    _register(client, authenticator)
    options = _signed_in_again(client)
    assert options["allowCredentials"] == [
        {"id": bytes_to_base64url(authenticator.credential_id), "type": "public-key"}
    ]
    assert client.get(HOME).status_code == 302
    answer = authenticator.get(options)
    confirmed = client.post(CONFIRM, {"credential": answer, "next": HOME})
    assert confirmed["Location"] == HOME
    assert client.get(HOME).status_code == 200
    assert Passkey.objects.get().sign_count == 1
    assert Passkey.objects.get().last_used_at is not None


def _refused(client, answer, sentence):
    page = client.post(CONFIRM, {"credential": answer, "next": HOME})
    assert page.status_code == 400
    assert sentence in page.content.decode()
    assert client.get(HOME).status_code == 302


def test_an_answer_to_another_challenge_is_refused(client, negotiation):
    authenticator = SoftAuthenticator()
    _sign_in(client)
    _register(client, authenticator)
    options = _signed_in_again(client)
    stale = authenticator.get({**options, "challenge": bytes_to_base64url(b"x" * 64)})
    _refused(client, stale, "The passkey&#x27;s answer could not be verified; try again.")
    assert Passkey.objects.get().sign_count == 0


def test_an_answer_cannot_be_used_twice(client, negotiation):
    authenticator = SoftAuthenticator()
    _sign_in(client)
    _register(client, authenticator)
    answer = authenticator.get(_signed_in_again(client))
    assert client.post(CONFIRM, {"credential": answer, "next": HOME})["Location"] == HOME
    client.post("/logout/")
    _sign_in(client)
    # The same answer again, in a new session that asked for no challenge of its own.
    _refused(client, answer, "This request has expired or was used already; try again.")
    assert Passkey.objects.get().sign_count == 1


def test_a_passkey_of_someone_else_is_unknown(client, negotiation):
    _sign_in(client, "bra")
    _register(client, SoftAuthenticator())
    client.post("/logout/")
    mine = SoftAuthenticator()
    _sign_in(client)
    _register(client, mine)
    options = _signed_in_again(client)
    # An authenticator holding a key this site never registered for the Chair.
    stranger = SoftAuthenticator()
    _refused(client, stranger.get(options), "This passkey is not one of yours on this site.")
    assert list(Passkey.objects.values_list("sign_count", flat=True)) == [0, 0]


def test_a_counter_that_did_not_move_on_is_refused(client, negotiation):
    authenticator = SoftAuthenticator()
    _sign_in(client)
    _register(client, authenticator)
    first = authenticator.get(_signed_in_again(client))
    assert client.post(CONFIRM, {"credential": first, "next": HOME})["Location"] == HOME
    # A copy of the key signs a fresh challenge with the counter it had before.
    copied = authenticator.get(_signed_in_again(client), count_up=False)
    _refused(client, copied, "This passkey&#x27;s counter went backwards")
    assert Passkey.objects.get().sign_count == 1


def test_an_answer_for_another_site_registers_nothing(client, negotiation):
    _sign_in(client)
    phished = _register(client, SoftAuthenticator(origin="https://accord.example.net"))
    assert phished.status_code == 400
    assert "could not be verified" in phished.content.decode()
    assert Passkey.objects.count() == 0
    assert StaticToken.objects.count() == 0
    assert client.get(HOME).status_code == 302


def test_a_malformed_answer_registers_nothing(client, negotiation):
    _sign_in(client)
    client.get(ADD)
    refused = client.post(ADD, {"credential": '{"id": 1}', "next": HOME})
    assert refused.status_code == 400
    assert Passkey.objects.count() == 0


def test_a_stolen_password_cannot_add_a_passkey(client, negotiation):
    _sign_in(client)
    _register(client, SoftAuthenticator())
    client.post("/logout/")
    _sign_in(client)
    sent = client.get(ADD)
    assert sent["Location"] == "/account/second-factor/?next=%2F"
    assert Passkey.objects.count() == 1


def test_a_passkey_confirms_a_grave_act_with_the_password(client, negotiation):
    authenticator = SoftAuthenticator()
    _sign_in(client)
    _register(client, authenticator)
    page = client.get("/account/confirm/?next=%2Faccount%2Ftokens%2F")
    answer = authenticator.get(_options(page))
    wrong = client.post(
        "/account/confirm/", {"password": "nope", "credential": answer, "next": HOME}
    )
    assert wrong.status_code == 400
    assert Passkey.objects.get().sign_count == 0
    answer = authenticator.get(_options(client.get("/account/confirm/")))
    right = client.post("/account/confirm/", {"password": "pw", "credential": answer, "next": HOME})
    assert right["Location"] == HOME
    assert Passkey.objects.get().sign_count == 2
