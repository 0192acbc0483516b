"""Passkeys (WebAuthn) as a second factor, on the server's side of the two ceremonies.

Registering: the server hands the browser options with a fresh challenge (kept in the session,
good once); the browser's authenticator makes a key pair and signs; the server checks the
answer against the challenge, this site's origin and relying-party id, and keeps the public
key. Signing in: the same with a new challenge, the user's passkeys allowed, the signature
checked with the stored key and the authenticator's counter required to have moved on (a
cloned or replayed answer does not). py_webauthn does the checking; this module keeps the
challenge, the credentials and the rules on who may use which.

A refusal raises `PasskeyRefused` before anything is stored; the challenge is spent either
way, so an answer cannot be tried twice.
"""

import enum
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.http import HttpRequest
from django.http.request import split_domain_port
from django.utils import timezone
from django.utils.translation import gettext as _
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import (
    base64url_to_bytes,
    bytes_to_base64url,
    options_to_json_dict,
    parse_authentication_credential_json,
)
from webauthn.helpers.exceptions import (
    InvalidAuthenticationResponse,
    InvalidCBORData,
    InvalidJSONStructure,
    InvalidRegistrationResponse,
)
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from accord.security.models import Passkey

REGISTRATION = "accord.passkey.registration"
AUTHENTICATION = "accord.passkey.authentication"
# Answers that are not even well-formed are refused like wrong ones.
_MALFORMED = (InvalidJSONStructure, InvalidCBORData, ValueError, KeyError, TypeError)


class Problem(enum.Enum):
    NO_CHALLENGE = "no-challenge"
    NOT_VERIFIED = "not-verified"
    UNKNOWN_CREDENTIAL = "unknown-credential"
    REPLAYED = "replayed"
    ALREADY_REGISTERED = "already-registered"


@dataclass(slots=True)
class PasskeyRefused(Exception):
    """The browser's answer does not prove what it should; nothing was stored."""

    problem: Problem

    def __str__(self) -> str:
        return explain(self.problem)


def explain(problem: Problem) -> str:
    """The sentence a page shows for a refused passkey."""
    sentences = {
        Problem.NO_CHALLENGE: _("This request has expired or was used already; try again."),
        Problem.NOT_VERIFIED: _("The passkey's answer could not be verified; try again."),
        Problem.UNKNOWN_CREDENTIAL: _("This passkey is not one of yours on this site."),
        Problem.REPLAYED: _(
            "This passkey's counter went backwards: the answer was replayed or the passkey "
            "was copied. Use another second factor."
        ),
        Problem.ALREADY_REGISTERED: _("This passkey is registered already."),
    }
    return sentences[problem]


def relying_party(request: HttpRequest) -> tuple[str, str]:
    """The relying-party id (``ACCORD_PASSKEY_RP_ID``, or this request's host name, which
    ``ALLOWED_HOSTS`` vouches for) and the origin the browser must report."""
    host = request.get_host()
    rp_id = settings.ACCORD_PASSKEY_RP_ID or split_domain_port(host)[0]
    return rp_id, f"{request.scheme}://{host}"


def _take_challenge(request: HttpRequest, key: str) -> bytes:
    challenge = request.session.pop(key, None)
    if not challenge:
        raise PasskeyRefused(Problem.NO_CHALLENGE)
    return base64url_to_bytes(challenge)


def _descriptors(user: User) -> list[PublicKeyCredentialDescriptor]:
    return [
        PublicKeyCredentialDescriptor(id=base64url_to_bytes(key.credential_id))
        for key in Passkey.objects.filter(user=user, confirmed=True)
    ]


def registration_options(request: HttpRequest, user: User) -> dict[str, Any]:
    """The options for ``navigator.credentials.create``, as JSON data; the challenge is kept in
    the session for `register`."""
    rp_id, _origin = relying_party(request)
    options = generate_registration_options(
        rp_id=rp_id,
        rp_name="accord",
        user_id=str(user.pk).encode(),
        user_name=user.get_username(),
        user_display_name=user.get_full_name() or user.get_username(),
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.PREFERRED,
            user_verification=UserVerificationRequirement.PREFERRED,
        ),
        exclude_credentials=_descriptors(user),
    )
    request.session[REGISTRATION] = bytes_to_base64url(options.challenge)
    return options_to_json_dict(options)


def register(request: HttpRequest, user: User, credential: str, name: str) -> Passkey:
    """Check the browser's answer to `registration_options` and keep the new passkey."""
    challenge = _take_challenge(request, REGISTRATION)
    rp_id, origin = relying_party(request)
    try:
        verified = verify_registration_response(
            credential=credential,
            expected_challenge=challenge,
            expected_rp_id=rp_id,
            expected_origin=origin,
        )
    except (InvalidRegistrationResponse, *_MALFORMED):
        raise PasskeyRefused(Problem.NOT_VERIFIED) from None
    credential_id = bytes_to_base64url(verified.credential_id)
    if Passkey.objects.filter(credential_id=credential_id).exists():
        raise PasskeyRefused(Problem.ALREADY_REGISTERED)
    passkey: Passkey = Passkey.objects.create(
        user=user,
        name=name[:64] or _("Passkey"),
        confirmed=True,
        credential_id=credential_id,
        public_key=verified.credential_public_key,
        sign_count=verified.sign_count,
    )
    return passkey


def authentication_options(request: HttpRequest, user: User) -> dict[str, Any] | None:
    """The options for ``navigator.credentials.get`` allowing the user's passkeys, as JSON data,
    the challenge kept in the session for `authenticate`; None when they have none."""
    allowed = _descriptors(user)
    if not allowed:
        return None
    rp_id, _origin = relying_party(request)
    options = generate_authentication_options(
        rp_id=rp_id,
        allow_credentials=allowed,
        user_verification=UserVerificationRequirement.PREFERRED,
    )
    request.session[AUTHENTICATION] = bytes_to_base64url(options.challenge)
    return options_to_json_dict(options)


def authenticate(request: HttpRequest, user: User, credential: str) -> Passkey:
    """Check the browser's answer to `authentication_options`: one of this user's passkeys
    signed this session's challenge, and its counter moved on. Returns the passkey, its
    counter and last use updated."""
    challenge = _take_challenge(request, AUTHENTICATION)
    try:
        parsed = parse_authentication_credential_json(credential)
    except _MALFORMED:
        raise PasskeyRefused(Problem.NOT_VERIFIED) from None
    passkey: Passkey | None = Passkey.objects.filter(
        user=user, confirmed=True, credential_id=bytes_to_base64url(parsed.raw_id)
    ).first()
    if passkey is None:
        raise PasskeyRefused(Problem.UNKNOWN_CREDENTIAL)
    rp_id, origin = relying_party(request)
    try:
        verified = verify_authentication_response(
            credential=parsed,
            expected_challenge=challenge,
            expected_rp_id=rp_id,
            expected_origin=origin,
            credential_public_key=bytes(passkey.public_key),
            # The counter is judged below, once the signature is known to be good.
            credential_current_sign_count=0,
        )
    except (InvalidAuthenticationResponse, *_MALFORMED):
        raise PasskeyRefused(Problem.NOT_VERIFIED) from None
    counted = verified.new_sign_count > 0 or passkey.sign_count > 0
    if counted and verified.new_sign_count <= passkey.sign_count:
        raise PasskeyRefused(Problem.REPLAYED)
    passkey.sign_count = verified.new_sign_count
    passkey.last_used_at = timezone.now()
    passkey.save(update_fields=["sign_count", "last_used_at"])
    return passkey
