"""The record: the append-only event log, its chain head and the Merkle tree over it (the
signing key lives in a file: `accord.store.signing`)."""

from django.conf import settings
from django.db import models

from accord.store.models.processes import Process
from accord.store.models.reference import Delegation


class EventQuerySet(models.QuerySet["Event"]):
    def update(self, **kwargs: object) -> int:
        raise EventsAreAppendOnly()

    def delete(self) -> tuple[int, dict[str, int]]:
        raise EventsAreAppendOnly()


class EventsAreAppendOnly(Exception):
    """The event log is append-only: events are never updated or deleted."""


class Event(models.Model):
    """One state change, written by exactly one action. Never updated, never deleted: the
    application refuses here, and the database refuses too (triggers in the migrations).

    ``body`` is the event's canonical JSON as the public log carries it, and the record
    itself; the other columns repeat parts of it for querying. ``digest`` chains it to the
    event before (see `accord.core.eventlog`) and ``signature`` is the instance's Ed25519
    signature of it. An event of a process that is not public is sealed: its full content is
    kept in ``sealed`` and its public ``body`` holds only a salted commitment to it, so the
    chain verifies without revealing it and a later release can be checked.
    """

    class Visibility(models.TextChoices):
        PUBLIC = "public"
        DELEGATIONS = "delegations"

    seq = models.PositiveBigIntegerField(unique=True)
    process = models.ForeignKey(
        Process, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    kind = models.CharField(max_length=60)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    delegation = models.ForeignKey(
        Delegation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    subject = models.CharField(max_length=200)
    payload = models.JSONField(default=dict)
    occurred_at = models.DateTimeField()
    visibility = models.CharField(
        max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    body = models.TextField()
    sealed = models.TextField(blank=True)
    salt = models.CharField(max_length=32, blank=True)
    digest = models.CharField(max_length=64, unique=True)
    signature = models.CharField(max_length=128)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["seq"]
        # The rotations of the signing key, found without reading every event: the key
        # history, and the signature line the log carries after each.
        indexes = [
            models.Index(
                fields=["seq"], condition=models.Q(kind="key.rotated"), name="store_event_rotations"
            )
        ]

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise EventsAreAppendOnly()
        super().save(*args, **kwargs)

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise EventsAreAppendOnly()


class ChainHead(models.Model):
    """The last event of the chain, one row locked by every append so that concurrent
    actions line up one after the other instead of forking the chain."""

    seq = models.PositiveBigIntegerField(default=0)
    digest = models.CharField(max_length=64)


class RecordTile(models.Model):
    """Part of the Merkle tree over the events (`accord.core.merkle`), kept so that proofs and
    roots are read rather than recomputed: the hashes of up to 256 consecutive nodes of one
    level of the tree, 32 bytes each, concatenated. Tile ``index`` of ``level`` holds the nodes
    ``256 * index`` onwards of the tree's level ``8 * level`` (level 0: the leaves); a tile
    grows until it is full, and its root then joins the tile above."""

    level = models.PositiveSmallIntegerField()
    index = models.PositiveBigIntegerField()
    hashes = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["level", "index"], name="record_tile_unique")
        ]


class TreeHead(models.Model):
    """How many events the kept Merkle tree holds: one row, locked while the tree grows."""

    size = models.PositiveBigIntegerField(default=0)


class Checkpoint(models.Model):
    """A signed statement of the tree at a time — its size and root hash — by the key with
    ``key_id``; ``signature`` signs the note `accord.core.merkle.Checkpoint.note` gives."""

    size = models.PositiveBigIntegerField()
    root = models.CharField(max_length=64)
    signed_at = models.DateTimeField()
    key_id = models.CharField(max_length=64)
    signature = models.CharField(max_length=128)

    class Meta:
        ordering = ["id"]


class Witness(models.Model):
    """Someone outside the instance — a delegation, an observer, a library — who keeps the
    checkpoints it saw and co-signs each new one it finds consistent with them, with an
    Ed25519 key whose public half (raw, hex) the Secretariat registered here."""

    name = models.CharField(max_length=200)
    public_key = models.CharField(max_length=64)
    key_id = models.CharField(max_length=64, unique=True)
    added_at = models.DateTimeField()

    class Meta:
        ordering = ["id"]


class Cosignature(models.Model):
    """A witness's signature of a checkpoint (`accord.core.merkle.Cosignature`); ``time`` is
    the moment the witness says it saw the checkpoint, as it signed it."""

    checkpoint = models.ForeignKey(
        Checkpoint, on_delete=models.PROTECT, related_name="cosignatures"
    )
    witness = models.ForeignKey(Witness, on_delete=models.PROTECT, related_name="cosignatures")
    time = models.CharField(max_length=40)
    signature = models.CharField(max_length=128)
    received_at = models.DateTimeField()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["checkpoint", "witness"], name="one_cosignature_each")
        ]
