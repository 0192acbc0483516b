"""The signing key in a PKCS#11 token — a hardware security module, a smart card, SoftHSM —
when ``settings.ACCORD_PKCS11_MODULE`` names the token's library: the Ed25519 key pair
labelled ``ACCORD_PKCS11_KEY_LABEL`` on the token labelled ``ACCORD_PKCS11_TOKEN``, signing
there with CKM_EDDSA after logging in with ``ACCORD_PKCS11_PIN``. The private key never
leaves the token: accord holds a session and asks the token to sign.
"""

import functools
import threading
from typing import TYPE_CHECKING

import pkcs11
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.conf import settings
from pkcs11 import Attribute, KeyType, Mechanism, ObjectClass
from pkcs11.exceptions import PKCS11Error
from pkcs11.types import SignMixin

if TYPE_CHECKING:
    from pkcs11._pkcs11 import lib as Library  # noqa: N812 - the class pkcs11.lib() returns


class TokenUnavailable(Exception):
    """The configured token, or its key, cannot be reached."""

    def __init__(self, what: str) -> None:
        super().__init__(
            f"the PKCS#11 token cannot sign: {what} (ACCORD_PKCS11_MODULE, ACCORD_PKCS11_TOKEN,"
            " ACCORD_PKCS11_PIN, ACCORD_PKCS11_KEY_LABEL)"
        )


class TokenKey:
    """An Ed25519 key pair on a token, in an open session: `sign` asks the token."""

    def __init__(self, session: pkcs11.Session, private: SignMixin, public: bytes) -> None:
        self._session, self._private, self._public = session, private, public
        self._lock = threading.Lock()  # one operation at a time in a session

    def sign(self, data: bytes) -> bytes:
        with self._lock:
            return bytes(self._private.sign(data, mechanism=Mechanism.EDDSA))

    def public_key(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self._public)

    def close(self) -> None:
        with self._lock:
            self._session.close()


# The key of each configuration this process opened, with its session.
_opened: dict[tuple[str, str, str, str], TokenKey] = {}


def token_key() -> TokenKey:
    """The configured token's key, its session opened once per process."""
    wanted = (
        settings.ACCORD_PKCS11_MODULE,
        settings.ACCORD_PKCS11_TOKEN,
        settings.ACCORD_PKCS11_PIN,
        settings.ACCORD_PKCS11_KEY_LABEL,
    )
    if wanted not in _opened:
        _opened[wanted] = _open(*wanted)
    return _opened[wanted]


def close_sessions() -> None:
    """Close the sessions this process opened: the token logs its user out when the last
    one closes, and the next signature opens one again (with the PIN then configured)."""
    while _opened:
        _, key = _opened.popitem()
        key.close()


@functools.cache
def _library(module: str) -> "Library":
    return pkcs11.lib(module)


def _open(module: str, token_label: str, pin: str, label: str) -> TokenKey:
    try:
        token = _library(module).get_token(token_label=token_label)
        session = token.open(user_pin=pin)
        private = session.get_key(ObjectClass.PRIVATE_KEY, KeyType.EC_EDWARDS, label=label)
        public = session.get_key(ObjectClass.PUBLIC_KEY, KeyType.EC_EDWARDS, label=label)
        point = bytes(public[Attribute.EC_POINT])
    except (PKCS11Error, RuntimeError) as error:
        raise TokenUnavailable(f"{type(error).__name__} {error}".strip()) from None
    assert isinstance(private, SignMixin)  # a private key of the token's signs
    return TokenKey(session, private, raw_point(point))


def raw_point(point: bytes) -> bytes:
    """The raw 32-byte Ed25519 public key from a token's CKA_EC_POINT: the DER OCTET STRING
    that PKCS#11 3.0 specifies, or the bare 32 bytes some tokens give."""
    if len(point) == 34 and point[:2] == b"\x04\x20":
        return point[2:]
    if len(point) == 32:
        return point
    raise TokenUnavailable("the key's public point is not an Ed25519 key")
