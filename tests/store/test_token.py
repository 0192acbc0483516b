"""The signing key in a PKCS#11 token: a SoftHSM2 token made for the test, its Ed25519 key
generated on it. Events and checkpoints signed through the token verify with its public key;
no key file is made and the private key never leaves the token."""

import os
import subprocess
from datetime import UTC, datetime

import pytest
from pkcs11 import Attribute, KeyType
from pkcs11.util.ec import encode_named_curve_parameters

from accord import cli
from accord.actions.events import record as record_event
from accord.cli import verify_log
from accord.core import eventlog, merkle
from accord.store import chain, models, signing, token, tree

pytestmark = pytest.mark.django_db

SOFTHSM = "/usr/lib/softhsm/libsofthsm2.so"  # Debian's softhsm2 (scripts/ensure-test-tools)
TOKEN, PIN, LABEL = "accord-test", "246810", "accord-signing-key"
ED25519 = "1.3.101.112"  # the curve's object identifier (RFC 8410)
NOW = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def token_public(tmp_path_factory):
    """A token in a folder of the test's own, initialised before the library is loaded (it
    reads its configuration once), holding an Ed25519 key pair generated on it: the raw
    public key, as the token gives it."""
    home = tmp_path_factory.mktemp("softhsm")
    (home / "tokens").mkdir()
    conf = home / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {home / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n"
    )
    before = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    initialise = ["softhsm2-util", "--init-token", "--free", "--label", TOKEN]
    subprocess.run(
        [*initialise, "--pin", PIN, "--so-pin", "13579"],
        check=True,
        capture_output=True,
    )
    made = token._library(SOFTHSM).get_token(token_label=TOKEN)
    with made.open(user_pin=PIN, rw=True) as session:
        curve = {Attribute.EC_PARAMS: encode_named_curve_parameters(ED25519)}
        parameters = session.create_domain_parameters(KeyType.EC_EDWARDS, curve, local=True)
        public, private = parameters.generate_keypair(store=True, label=LABEL)
        assert private[Attribute.SENSITIVE]
        assert not private[Attribute.EXTRACTABLE]
        point = bytes(public[Attribute.EC_POINT])
    yield token.raw_point(point)
    if before is None:
        os.environ.pop("SOFTHSM2_CONF")
    else:
        os.environ["SOFTHSM2_CONF"] = before


@pytest.fixture
def on_token(settings, tmp_path, token_public):
    settings.ACCORD_SIGNING_KEY_FILE = tmp_path / "signing-key.pem"
    settings.ACCORD_PKCS11_MODULE = SOFTHSM
    settings.ACCORD_PKCS11_TOKEN = TOKEN
    settings.ACCORD_PKCS11_PIN = PIN
    settings.ACCORD_PKCS11_KEY_LABEL = LABEL
    chain._last_written.clear()
    yield token_public
    chain._last_written.clear()
    token.close_sessions()


def test_events_and_checkpoints_signed_by_the_token_verify_with_its_public_key(
    on_token, settings, tmp_path, capsys
):
    for _ in range(3):
        record_event("test.recorded", by=None, process=None, subject="s", payload={})
    checkpoint = tree.checkpoint_value(tree.sign_checkpoint(NOW))
    assert signing.public_raw() == on_token
    check = eventlog.SigningKey(on_token, 1).check
    for event in models.Event.objects.order_by("seq"):
        assert check(bytes.fromhex(event.signature), event.digest.encode())
    assert checkpoint.key_id == merkle.key_id(on_token)
    assert merkle.checkpoint_problem(checkpoint, check, merkle.key_id(on_token)) is None
    assert not settings.ACCORD_SIGNING_KEY_FILE.exists()

    log, pub = tmp_path / "log.jsonl", tmp_path / "log.pub"
    assert cli.main(["audit", "export", "--log", str(log), "--key", str(pub)]) == 0
    assert cli.main(["audit", "verify"]) == 0
    capsys.readouterr()
    assert verify_log.main([str(log), "--key", str(pub)]) == 0
    assert capsys.readouterr().out == "ok: 3 events, chain and signatures verified\n"
    assert pub.read_bytes() == eventlog.SigningKey(on_token, 1).pem().encode()


@pytest.mark.parametrize(
    ("setting", "value", "reason"),
    [
        ("ACCORD_PKCS11_PIN", "000000", "PinIncorrect"),
        ("ACCORD_PKCS11_KEY_LABEL", "no-such-key", "NoSuchKey"),
        ("ACCORD_PKCS11_TOKEN", "no-such-token", "NoSuchToken"),
    ],
)
def test_a_token_that_cannot_sign_is_named_and_nothing_is_recorded(
    on_token, settings, setting, value, reason
):
    setattr(settings, setting, value)
    with pytest.raises(token.TokenUnavailable) as raised:
        record_event("test.recorded", by=None, process=None, subject="s", payload={})
    assert str(raised.value).startswith(f"the PKCS#11 token cannot sign: {reason}")
    assert str(raised.value).endswith(
        "(ACCORD_PKCS11_MODULE, ACCORD_PKCS11_TOKEN, ACCORD_PKCS11_PIN, ACCORD_PKCS11_KEY_LABEL)"
    )
    assert not models.Event.objects.exists()
    assert not settings.ACCORD_SIGNING_KEY_FILE.exists()


def test_a_tokens_public_point_is_read_in_either_form():
    raw = bytes(range(32))
    assert token.raw_point(b"\x04\x20" + raw) == raw
    assert token.raw_point(raw) == raw
    with pytest.raises(token.TokenUnavailable, match="not an Ed25519 key"):
        token.raw_point(b"\x04\x41" + bytes(65))
