"""The verifiable record through the API: the signed checkpoints of the Merkle tree over the
events, consistency proofs between them, receipts, and the witnesses' co-signatures
(docs/verification.md)."""

from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from accord.actions.witnesses import keep_cosignature
from accord.api.contract import errors
from accord.api.pagination import DEFAULT_LIMIT, Cursor, Limit, page
from accord.api.problems import Problem
from accord.api.schemas import example
from accord.core import merkle
from accord.store import models, signing, tree

router = Router(tags=["record"])


class CheckpointOut(Schema):
    size: int
    root: str
    time: str
    key_id: str
    signature: str


class CheckpointPage(Schema):
    items: list[CheckpointOut]
    next: str | None


class ConsistencyOut(Schema):
    first: int
    second: int
    proof: list[str]


class ReceiptOut(Schema):
    event: str
    leaf_index: int
    checkpoint: CheckpointOut
    inclusion_proof: list[str]


@router.get("/record/checkpoints", response={200: CheckpointPage, **errors(400, 422)})
def list_checkpoints(
    request: HttpRequest, cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT
) -> object:
    """Every checkpoint the instance signed, oldest first: the tree's size and root hash
    (hex), the time, the id of the signing key and the hex Ed25519 signature of the note
    these make."""
    rows, following = page(models.Checkpoint.objects.all(), cursor=cursor, limit=limit)
    return {"items": [tree.checkpoint_value(row).as_json() for row in rows], "next": following}


@router.get("/record/checkpoints/latest", response={200: CheckpointOut, **errors()})
def latest_checkpoint(request: HttpRequest) -> object:
    """The newest checkpoint, signed now if events were appended since the last one."""
    tree.sign_checkpoint(timezone.now())
    latest = tree.latest_checkpoint()
    assert latest is not None
    return tree.checkpoint_value(latest).as_json()


@router.get("/record/consistency", response={200: ConsistencyOut, **errors(422)})
def consistency(request: HttpRequest, first: int, second: int) -> object:
    """The proof that the tree of ``first`` events is the beginning of the tree of ``second``
    (RFC 9162 §2.1.4), as hex hashes: check it against the roots of two checkpoints."""
    try:
        proof = tree.consistency(first, second)
    except ValueError:
        raise Problem(
            422,
            "invalid-tree-sizes",
            _("Give two sizes with 0 ≤ first ≤ second ≤ %(size)d, the size of the tree.")
            % {"size": tree.tree_size()},
        ) from None
    return {"first": first, "second": second, "proof": proof}


@router.get("/record/events/{seq}/receipt", response={200: ReceiptOut, **errors(404, 422)})
def receipt(request: HttpRequest, seq: int) -> object:
    """The receipt of event ``seq``: its public body, its leaf index, a checkpoint that covers
    it and the inclusion proof. The lone verifier checks it with nothing but the public key
    (``python verify_log.py --receipt FILE --key accord-log.pub``)."""
    event = models.Event.objects.filter(seq=seq).first()
    if event is None:
        raise Http404
    return tree.receipt(event, timezone.now()).as_json()


class KeyOut(Schema):
    key_id: str
    public_key: str
    from_event: int
    until_event: int | None
    rotation_event: int | None


class KeyHistoryOut(Schema):
    keys: list[KeyOut]


@router.get("/record/keys", response={200: KeyHistoryOut, **errors()})
def key_history(request: HttpRequest) -> object:
    """Every key that signed the record, oldest first: its id, its public key (PEM), the
    first and the last event it signs (the last null for the key in force) and the rotation
    event that brought it in (null for the first). A checkpoint of n events is signed by the
    key in force for event n + 1. The lone verifier takes this file (``--keys``)."""
    return signing.key_history().as_json()


class WitnessOut(Schema):
    name: str
    key_id: str
    public_key: str


class CosignatureIn(Schema):
    model_config = example(
        checkpoint={
            "size": 74,
            "root": "5f1c" * 16,
            "time": "2026-06-01T09:00:00Z",
            "key_id": "a1b2c3d4",
            "signature": "9e8d" * 32,
        },
        witness="0f1e2d3c",
        time="2026-06-01T09:00:05Z",
        signature="7c6b" * 32,
    )

    checkpoint: CheckpointOut
    witness: str
    time: str
    signature: str


class CosignatureOut(CosignatureIn):
    witness_name: str


class CosignaturePage(Schema):
    items: list[CosignatureOut]
    next: str | None


@router.get("/record/witnesses", response={200: list[WitnessOut], **errors()})
def list_witnesses(request: HttpRequest) -> object:
    """The witnesses the Secretariat registered, with their Ed25519 public keys (raw, hex)
    and key ids: what anyone needs to check their co-signatures."""
    return models.Witness.objects.values("name", "key_id", "public_key")


@router.get("/record/cosignatures", response={200: CosignaturePage, **errors(400, 422)})
def list_cosignatures(
    request: HttpRequest, cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT
) -> object:
    """Every co-signature the witnesses gave, oldest first: the checkpoint co-signed, the
    witness's key id and name, when the witness saw it and its hex Ed25519 signature of the
    co-signature's note."""
    kept = models.Cosignature.objects.select_related("checkpoint", "witness")
    rows, following = page(kept, cursor=cursor, limit=limit)
    return {"items": [_cosignature(row) for row in rows], "next": following}


@router.post(
    "/record/cosignatures", response={201: CosignatureOut, **errors(400, 403, 404, 413, 422)}
)
def post_cosignature(request: HttpRequest, body: CosignatureIn) -> object:
    """A registered witness's co-signature of a checkpoint this instance signed, kept and
    published beside it (`accord witness` posts it). No account is needed: the signature,
    by a key the Secretariat registered, is the credential."""
    cosignature = merkle.Cosignature.from_json(body.dict())  # the schema checked its shape
    return Status(201, _cosignature(keep_cosignature(cosignature)))


def _cosignature(row: models.Cosignature) -> dict[str, object]:
    signed = tree.checkpoint_value(row.checkpoint)
    kept = merkle.Cosignature(signed, row.witness.key_id, row.time, row.signature)
    return kept.as_json() | {"witness_name": row.witness.name}
