"""Writing events: the one place that appends to the log, and so the one place that chains
and signs it."""

import secrets
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone

from accord.core.eventlog import canonical, chain_hash, commitment
from accord.store import chain, models


def record(
    kind: str,
    *,
    by: User | None,
    process: models.Process | None,
    subject: str,
    payload: dict[str, Any],
    delegation: models.Delegation | None = None,
) -> models.Event:
    """Append one event, chained to the one before and signed by the instance.

    ``by`` is None only for acts of the instance itself (setup). Call it inside the action's
    transaction: the chain head stays locked until that transaction ends, so a failed action
    leaves neither its event nor a gap behind.
    """
    occurred_at = timezone.now()
    visibility = _visibility(process)
    content = {
        "kind": kind,
        "process": process.slug if process else None,
        "actor": by.get_username() if by else None,
        "delegation": delegation.code if delegation else None,
        "subject": subject,
        "payload": payload,
        "occurred_at": occurred_at.isoformat(timespec="microseconds"),
        "visibility": visibility,
    }

    def chained(head: chain.Head) -> models.Event:
        body, sealed, salt = _published_form({**content, "seq": head.seq + 1})
        digest = chain_hash(head.digest, body)
        return models.Event(
            seq=head.seq + 1,
            kind=kind,
            actor=by,
            process=process,
            delegation=delegation,
            subject=subject,
            payload=payload,
            occurred_at=occurred_at,
            visibility=visibility,
            body=body.decode(),
            sealed=sealed.decode(),
            salt=salt,
            digest=digest.decode(),
            signature=head.key.sign(digest).hex(),
        )

    return chain.append(chained)


def _visibility(process: models.Process | None) -> str:
    if process is None or process.is_public:
        return models.Event.Visibility.PUBLIC.value
    return models.Event.Visibility.DELEGATIONS.value


def _published_form(content: dict[str, Any]) -> tuple[bytes, bytes, str]:
    """(public body, sealed content, salt). A public event is published whole; any other is
    published as its sequence number, kind, time and a salted commitment to the rest."""
    if content["visibility"] == models.Event.Visibility.PUBLIC:
        return canonical(content), b"", ""
    sealed, salt = canonical(content), secrets.token_hex(16)
    public = {key: content[key] for key in ("seq", "kind", "occurred_at", "visibility")}
    return canonical({**public, "commitment": commitment(salt, sealed)}), sealed, salt
