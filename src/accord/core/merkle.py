"""The Merkle tree over the event log, its signed checkpoints, proofs and receipts.

Like `eventlog`, this module needs nothing but the Python standard library, so that the lone
verifier (`accord/cli/verify_log.py`, with `eventlog.py` and this file beside it) can check a
receipt on any machine. `docs/verification.md` specifies every format here.

The tree is the one of RFC 9162 (Certificate Transparency 2.0, §2.1), over the events' public
bodies in order (event ``seq`` is leaf ``seq - 1``)::

    leaf hash  = SHA-256(0x00 || body)
    node hash  = SHA-256(0x01 || left || right)
    empty tree = SHA-256("")

The tree of ``n`` leaves splits at the largest power of two smaller than ``n``; the inclusion
and consistency proofs and their verification are the RFC's algorithms.

Whoever keeps the tree gives the proofs a `Nodes` function: the hash of a *complete* subtree,
by its level (0 for a leaf) and its index at that level. The store reads it from the hashes it
keeps; a test computes it from a list of leaves.
"""

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

# The hash of a complete subtree: ``nodes(level, index)`` covers the leaves
# ``index * 2**level`` to ``(index + 1) * 2**level - 1``.
Nodes = Callable[[int, int], bytes]

EMPTY_ROOT = hashlib.sha256(b"").digest()
# The first line of a checkpoint's signed note: what it is, in which version of the format.
CHECKPOINT_HEADER = "accord checkpoint v1"
# The first line of a witness's co-signature of a checkpoint.
COSIGNATURE_HEADER = "accord cosignature v1"


def leaf_hash(data: bytes) -> bytes:
    """The hash of a leaf: an event's public body, as the log carries it."""
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def _split(size: int) -> int:
    """The largest power of two smaller than ``size`` (which is at least 2)."""
    return 1 << ((size - 1).bit_length() - 1)


def subtree_hash(start: int, end: int, nodes: Nodes) -> bytes:
    """The RFC's MTH of the leaves ``start`` to ``end - 1`` (at least one): read whole from
    ``nodes`` when they form a complete subtree, else from its two parts."""
    size = end - start
    level = size.bit_length() - 1
    if size == 1 << level and start % size == 0:
        return nodes(level, start >> level)
    middle = start + _split(size)
    return node_hash(subtree_hash(start, middle, nodes), subtree_hash(middle, end, nodes))


def root(size: int, nodes: Nodes) -> bytes:
    """The root hash of the tree of the first ``size`` leaves."""
    return subtree_hash(0, size, nodes) if size else EMPTY_ROOT


def inclusion_proof(index: int, size: int, nodes: Nodes) -> list[bytes]:
    """The audit path of leaf ``index`` in the tree of ``size`` leaves, leaf end first."""
    if not 0 <= index < size:
        raise ValueError(f"leaf {index} is not in a tree of {size} leaves")
    path: list[bytes] = []
    start, end = 0, size
    while end - start > 1:
        middle = start + _split(end - start)
        if index < middle:
            path.append(subtree_hash(middle, end, nodes))
            end = middle
        else:
            path.append(subtree_hash(start, middle, nodes))
            start = middle
    path.reverse()
    return path


def consistency_proof(first: int, second: int, nodes: Nodes) -> list[bytes]:
    """The proof that the tree of ``first`` leaves is the start of the tree of ``second``
    (RFC 9162 §2.1.4.1); empty when the two are the same size or the first is empty."""
    if not 0 <= first <= second:
        raise ValueError(f"a tree of {first} leaves cannot precede one of {second}")
    if first in (0, second):
        return []
    path: list[bytes] = []
    start, end, whole = 0, second, True
    while first != end:
        middle = start + _split(end - start)
        if first <= middle:
            path.append(subtree_hash(middle, end, nodes))
            end = middle
        else:
            path.append(subtree_hash(start, middle, nodes))
            start, whole = middle, False
    if not whole:
        path.append(subtree_hash(start, end, nodes))
    path.reverse()
    return path


def verify_inclusion(
    leaf: bytes, index: int, size: int, proof: Sequence[bytes], root_hash: bytes
) -> bool:
    """Whether ``proof`` shows that ``leaf`` (a leaf hash) is leaf ``index`` of the tree of
    ``size`` leaves whose root is ``root_hash`` (RFC 9162 §2.1.3.2)."""
    if not 0 <= index < size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root_hash


def verify_consistency(
    first: int, second: int, proof: Sequence[bytes], first_root: bytes, second_root: bytes
) -> bool:
    """Whether ``proof`` shows that the tree of ``first`` leaves with root ``first_root`` is
    the start of the tree of ``second`` leaves with root ``second_root`` (RFC 9162
    §2.1.4.2; the empty tree precedes every tree, and a tree is consistent with itself)."""
    if not 0 <= first <= second:
        return False
    if first in (0, second):
        same = first_root == (EMPTY_ROOT if first == 0 else second_root)
        return same and not proof
    path = list(proof)
    if first & (first - 1) == 0:
        path.insert(0, first_root)
    if not path:
        return False
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while not fn & 1 and fn:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return fr == first_root and sr == second_root and sn == 0


class Frontier:
    """The tree's right edge as leaves arrive: the roots of its complete subtrees, largest
    first — enough for the root of the tree so far, in memory logarithmic in its size."""

    def __init__(self) -> None:
        self.size = 0
        self._edge: list[bytes] = []

    def append(self, leaf: bytes) -> None:
        self._edge.append(leaf)
        self.size += 1
        carry = self.size
        while not carry & 1:
            right = self._edge.pop()
            self._edge.append(node_hash(self._edge.pop(), right))
            carry >>= 1

    def root(self) -> bytes:
        if not self._edge:
            return EMPTY_ROOT
        hashes = iter(reversed(self._edge))
        result = next(hashes)
        for left in hashes:
            result = node_hash(left, result)
        return result


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A signed statement of the log's tree at a time: its size, root hash, when, and the id
    of the key that signed it (`key_id`). ``signature`` is the hex Ed25519 signature of
    `note`; ``root`` is hex."""

    size: int
    root: str
    time: str
    key_id: str
    signature: str = ""

    def note(self) -> bytes:
        """The text the instance signs: one field a line, in a fixed order."""
        lines = (CHECKPOINT_HEADER, str(self.size), self.root, self.time, self.key_id)
        return "".join(f"{line}\n" for line in lines).encode()

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, value: Any) -> "Checkpoint":
        """The checkpoint a JSON object gives; ``ValueError`` when it is not one."""
        texts = ("root", "time", "key_id", "signature")
        if not (
            isinstance(value, dict)
            and set(value) == {"size", *texts}
            and isinstance(value["size"], int)
            and all(isinstance(value[field], str) for field in texts)
        ):
            raise ValueError("not a checkpoint")
        return cls(**value)

    def root_bytes(self) -> bytes:
        return _unhex(self.root, "the checkpoint's root")


def _unhex(text: str, what: str) -> bytes:
    try:
        return bytes.fromhex(text)
    except ValueError:
        raise ValueError(f"{what} is not hexadecimal") from None


def key_id(public_raw: bytes) -> str:
    """The id of a signing key: hex SHA-256 of its raw 32-byte Ed25519 public key."""
    return hashlib.sha256(public_raw).hexdigest()


# Checks an Ed25519 signature over a message with the instance's public key (eventlog's
# `public_key_check` makes one from a PEM file).
SignedBy = Callable[[bytes, bytes], bool]


def checkpoint_problem(
    checkpoint: Checkpoint, signed_by: SignedBy, expected_key: str
) -> str | None:
    """What is wrong with a checkpoint for the key with id ``expected_key``; None if nothing."""
    if checkpoint.key_id != expected_key:
        return f"checkpoint {checkpoint.size} names another key than the published one"
    try:
        signature = _unhex(checkpoint.signature, "its signature")
        checkpoint.root_bytes()
    except ValueError as error:
        return f"checkpoint {checkpoint.size}: {error}"
    if not signed_by(signature, checkpoint.note()):
        return f"checkpoint {checkpoint.size}: its signature does not verify with the key"
    return None


def prefix_problem(bodies: Iterable[bytes], checkpoint: Checkpoint) -> str | None:
    """What is wrong with a log, given as its events' bodies in order, against a checkpoint
    kept from it (whose signature was checked): None when the log's first events are exactly
    those the checkpoint signed."""
    frontier = Frontier()
    for body in bodies:
        if frontier.size == checkpoint.size:
            break
        frontier.append(leaf_hash(body))
    if frontier.size < checkpoint.size:
        return (
            f"the log holds {frontier.size} events, fewer than checkpoint {checkpoint.size}"
            " signed: it was cut short"
        )
    if frontier.root() != checkpoint.root_bytes():
        return (
            f"its first {checkpoint.size} events are not those checkpoint {checkpoint.size}"
            " signed: the log was rewritten"
        )
    return None


def consistency_problem(older: Checkpoint, newer: Checkpoint, proof: Sequence[bytes]) -> str | None:
    """What a witness finds wrong with ``newer`` given ``older``, the last checkpoint of the
    same log it saw (both signatures checked) and the consistency proof between them: None
    when the tree ``newer`` signed extends the one ``older`` signed."""
    both = f"checkpoint {newer.size} of {newer.time} and checkpoint {older.size} of {older.time}"
    if newer.size < older.size:
        return f"{both}: the log shrank, events were taken out"
    if not verify_consistency(
        older.size, newer.size, proof, older.root_bytes(), newer.root_bytes()
    ):
        return f"{both} are not consistent: the log was rewritten or forked"
    return None


@dataclass(frozen=True, slots=True)
class Cosignature:
    """A witness's statement that it saw ``checkpoint``, signed by the instance, at ``time``,
    and found it consistent with every checkpoint of the log it had seen before:
    ``signature`` is the hex Ed25519 signature of `note` by the witness's key, whose id
    (`key_id`) is ``witness``."""

    checkpoint: Checkpoint
    witness: str
    time: str
    signature: str = ""

    def note(self) -> bytes:
        """What the witness signs: the header, its key id, the time, the instance's signature
        of the checkpoint, then the checkpoint's own note."""
        lines = (COSIGNATURE_HEADER, self.witness, self.time, self.checkpoint.signature)
        return "".join(f"{line}\n" for line in lines).encode() + self.checkpoint.note()

    def as_json(self) -> dict[str, Any]:
        return {
            "checkpoint": self.checkpoint.as_json(),
            "witness": self.witness,
            "time": self.time,
            "signature": self.signature,
        }

    @classmethod
    def from_json(cls, value: Any) -> "Cosignature":
        """The co-signature a JSON object gives; ``ValueError`` when it is not one."""
        texts = ("witness", "time", "signature")
        if not (
            isinstance(value, dict)
            and set(value) == {"checkpoint", *texts}
            and all(isinstance(value[field], str) for field in texts)
        ):
            raise ValueError("not a co-signature")
        checkpoint = Checkpoint.from_json(value["checkpoint"])
        return cls(checkpoint, value["witness"], value["time"], value["signature"])


def cosignature_problem(cosignature: Cosignature, signed_by: SignedBy) -> str | None:
    """What is wrong with a co-signature for the witness key that ``signed_by`` checks with;
    None if nothing."""
    size = cosignature.checkpoint.size
    try:
        signature = _unhex(cosignature.signature, "its signature")
    except ValueError as error:
        return f"the co-signature of checkpoint {size}: {error}"
    if not signed_by(signature, cosignature.note()):
        return f"the co-signature of checkpoint {size} does not verify with the witness's key"
    return None


@dataclass(frozen=True, slots=True)
class Receipt:
    """Proof that an event is in the log: the event's public body, its leaf index, a signed
    checkpoint of a tree that holds it, and the inclusion proof (hex hashes)."""

    event: str
    leaf_index: int
    checkpoint: Checkpoint
    inclusion_proof: list[str]

    def as_json(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "leaf_index": self.leaf_index,
            "checkpoint": self.checkpoint.as_json(),
            "inclusion_proof": self.inclusion_proof,
        }


def receipt_problem(raw: bytes, signed_by: SignedBy, expected_key: str) -> str | None:
    """What is wrong with a receipt (its JSON bytes) for the key with id ``expected_key``;
    None when it proves that its event is in the log the checkpoint signed."""
    try:
        value = json.loads(raw)
        receipt = Receipt(
            event=value["event"],
            leaf_index=value["leaf_index"],
            checkpoint=Checkpoint.from_json(value["checkpoint"]),
            inclusion_proof=value["inclusion_proof"],
        )
        seq = json.loads(receipt.event)["seq"]
        proof = [_unhex(item, "the inclusion proof") for item in receipt.inclusion_proof]
        if not (isinstance(seq, int) and isinstance(receipt.leaf_index, int)):
            raise TypeError("a number of the wrong type")
    except (ValueError, KeyError, TypeError):
        return "not an accord receipt (event, leaf_index, checkpoint, inclusion_proof)"
    if seq != receipt.leaf_index + 1:
        return f"its event is event {seq}, not leaf {receipt.leaf_index}"
    wrong = checkpoint_problem(receipt.checkpoint, signed_by, expected_key)
    if wrong:
        return wrong
    leaf = leaf_hash(receipt.event.encode())
    cp = receipt.checkpoint
    if not verify_inclusion(leaf, receipt.leaf_index, cp.size, proof, cp.root_bytes()):
        return f"event {seq} is not proven to be in checkpoint {cp.size}"
    return None
