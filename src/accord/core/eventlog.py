"""The hash-chained, signed event log, and its verification.

This module is deliberately self-contained — the Python standard library plus the
`cryptography` package, nothing from accord — so that anyone holding a published log can copy
it, with its command `accord/cli/verify_log.py` beside it, and check the log on their own
machine::

    python verify_log.py accord-log.jsonl --key accord-log.pub

`docs/verification.md` specifies the format and the algorithm precisely enough to reimplement.
In short, the log has two kinds of line::

    <hash> TAB <body> LF                              an event
    ! TAB <seq> TAB <hash> TAB <signature> LF         the instance's signature of an event

``body`` is the event as canonical JSON (keys sorted, no insignificant white space, UTF-8, no
floating-point numbers). ``hash`` is the hex SHA-256 of the previous event's hash (64 zeros
before the first event) followed by the rest of the event's line from its TAB to its LF, so
each hash commits to the whole history before it. A signature line follows every
`CHECKPOINT_EVERY`-th event, every rotation of the key and the last event: the hex Ed25519
signature, by the instance's key in force at that event, of that event's hash; through the
chain it vouches for every event before it. Once the instance has rotated its key, the log is
checked against its `KeyHistory`, and each ``key.rotated`` event against both its keys
(`check_rotations`).
"""

import hashlib
import itertools
import json
import mmap
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    PublicFormat,
    load_pem_public_key,
)

# The hash that stands before the first event.
GENESIS = b"0" * 64
# Checking a signature costs about as much as hashing 200 kB (0.14 ms); one signature in this
# many events, and one on the last, vouch for the whole chain at a small fraction of the cost of
# hashing it.
CHECKPOINT_EVERY = 10_000
_HASH_LENGTH = 64

# What a whole log can be read from: its bytes, or a memory map of its file.
LogBytes = bytes | mmap.mmap
# Takes event lines from a position, given the hash before them; see `scan_in_python`.
Scanner = Callable[[LogBytes, int, bytes], tuple[int, bytes, int]]


def canonical(value: Mapping[str, Any]) -> bytes:
    """The canonical JSON bytes of ``value``: same content, same bytes.

    Floating-point numbers are refused, because their text form is not canonical; so is
    anything JSON cannot hold.
    """
    _check_no_floats(dict(value))
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _check_no_floats(value: object) -> None:
    if isinstance(value, float):
        raise TypeError("not allowed in an event: float")
    if isinstance(value, dict):
        for item in value.values():
            _check_no_floats(item)
    elif isinstance(value, list):
        for item in value:
            _check_no_floats(item)


def chain_hash(previous: bytes, body: bytes) -> bytes:
    """The hash (64 hex digits, as ASCII bytes) that links ``body`` to the previous hash."""
    return hashlib.sha256(previous + b"\t" + body + b"\n").hexdigest().encode()


def commitment(salt: str, sealed: bytes) -> str:
    """The commitment a sealed event publishes: hex SHA-256 of its salt (as text) and content.

    The salt keeps a guessable content (a short position, a known name) from being found by
    hashing candidates; releasing salt and content later lets anyone check them against it.
    """
    return hashlib.sha256(salt.encode() + sealed).hexdigest()


def event_line(digest: bytes, body: bytes) -> bytes:
    return digest + b"\t" + body + b"\n"


def signature_line(seq: int, digest: bytes, signature: bytes) -> bytes:
    return b"!\t%d\t%s\t%s\n" % (seq, digest, signature.hex().encode())


def needs_signature(seq: int, *, last: bool, rotation: bool = False) -> bool:
    """Whether the log carries a signature line after event ``seq``: a checkpoint, the last
    event, and a rotation of the signing key (the last event the retiring key signs)."""
    return last or rotation or seq % CHECKPOINT_EVERY == 0


@dataclass(frozen=True, slots=True)
class Verdict:
    """What verification found: ``ok``, how many events were read, and — when not ok — the
    sequence number of the first bad event and what is wrong with it."""

    ok: bool
    events: int
    bad_seq: int | None = None
    problem: str | None = None

    def describe(self) -> str:
        if self.ok:
            return f"ok: {self.events} events, chain and signatures verified"
        return f"event {self.bad_seq}: {self.problem}"


class _Bad(Exception):
    def __init__(self, seq: int, problem: str) -> None:
        super().__init__(problem)
        self.seq, self.problem = seq, problem


def verify(
    log: LogBytes | Iterable[bytes],
    signed_by: "SignedBy | KeyHistory",
    *,
    scan: Scanner | None = None,
) -> Verdict:
    """Check a whole log: order, hash chain, and signatures (``signed_by(signature, hash)``,
    or, given the instance's `KeyHistory`, the key in force at each signed event, which must
    also sign every rotation of the key). The verdict names the first bad event.

    ``log`` is the log's bytes (``bytes`` or an ``mmap`` of the file), or its lines one by one,
    which are then checked in batches. ``scan`` takes the event lines: by default the C
    scanner where accord has one, otherwise `scan_in_python`.
    """
    walk = _Walk(signed_by, scan or _scan)
    try:
        for part in [log] if isinstance(log, LogBytes) else _batches(log):
            walk.through(part)
        rotations = signed_by.rotations() if isinstance(signed_by, KeyHistory) else ()
        _check_coverage(walk.seq, walk.signed, rotations)
    except _Bad as bad:
        return Verdict(
            ok=False, events=max(walk.seq, bad.seq), bad_seq=bad.seq, problem=bad.problem
        )
    return Verdict(ok=True, events=walk.seq)


def verify_file(path: Path, signed_by: "SignedBy | KeyHistory") -> Verdict:
    """`verify` a log file, read through a memory map rather than into memory."""
    with path.open("rb") as log:
        if not os.fstat(log.fileno()).st_size:
            return verify(b"", signed_by)
        with mmap.mmap(log.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return verify(data, signed_by)


class _Walk:
    """The state of a verification: the events read so far, the hash the next event must follow
    from, and the events whose signatures were checked."""

    def __init__(self, signed_by: "SignedBy | KeyHistory", scan: Scanner) -> None:
        self.signed_by, self.scan, self.expected, self.seq = signed_by, scan, GENESIS, 0
        self.signed: list[int] = []

    def through(self, data: LogBytes) -> None:
        """Read every line of ``data``. The scanner takes the event lines, the hot path of
        verifying millions of events; the rare signature lines, and anything wrong, come
        back here."""
        size, position = len(data), 0
        while position < size:
            position, self.expected, events = self.scan(data, position, self.expected)
            self.seq += events
            if position == size:
                return
            end = data.find(b"\n", position) + 1 or size
            line = data[position:end]
            if not line.startswith(b"!\t"):
                raise _Bad(self.seq + 1, _mismatch(self.seq + 1, line))
            keys = self.signed_by
            check = keys.at(self.seq).check if isinstance(keys, KeyHistory) else keys
            self.signed.append(_check_signature_line(line, self.seq, self.expected, check))
            position = end


def scan_in_python(data: LogBytes, position: int, expected: bytes) -> tuple[int, bytes, int]:
    """Take event lines from ``data[position]`` while each one's hash follows from the one
    before: the first line not taken, the hash of the last event taken, how many were taken.

    accord ships this loop in C as well (``accord.core._chainscan.scan``), with the same
    answers; this one is what a standalone copy of this file runs.
    """
    sha256, find, size, events = hashlib.sha256, data.find, len(data), 0
    while position < size:
        end = find(b"\n", position) + 1 or size
        digest = sha256(expected + data[position + _HASH_LENGTH : end]).hexdigest().encode()
        if data[position : position + _HASH_LENGTH] != digest:
            break
        expected, position, events = digest, end, events + 1
    return position, expected, events


try:
    from accord.core._chainscan import scan as _scan
except ImportError:  # pragma: no cover - the lone-verifier test runs this in its own process
    _scan = scan_in_python  # a standalone copy of this file, or accord built without a compiler


def native_scan() -> bool:
    """Whether event lines are checked by the C scanner rather than in Python."""
    return _scan is not scan_in_python


def _batches(lines: Iterable[bytes], size: int = 4096) -> Iterator[bytes]:
    batch: list[bytes] = []
    for line in lines:
        batch.append(line)
        if len(batch) == size:
            yield b"".join(batch)
            batch.clear()
    if batch:
        yield b"".join(batch)


def _check_signature_line(line: bytes, seq: int, digest: bytes, signed_by: "SignedBy") -> int:
    fields = line.rstrip(b"\n").split(b"\t")
    if len(fields) != 4 or fields[1] != b"%d" % seq or fields[2] != digest:
        raise _Bad(seq, "the signature line after it does not name it")
    try:
        signature = bytes.fromhex(fields[3].decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        raise _Bad(seq, "its signature is not hexadecimal") from None
    if not signed_by(signature, digest):
        raise _Bad(seq, "its signature does not verify with the published key")
    return seq


def _check_coverage(events: int, signed: list[int], rotations: Iterable[int]) -> None:
    """Every checkpoint, every rotation of the key and the last event must have been signed."""
    present = set(signed)
    turns = {seq for seq in rotations if seq < events}
    wanted = [*range(CHECKPOINT_EVERY, events + 1, CHECKPOINT_EVERY), *turns, events]
    missing = min((seq for seq in wanted if seq not in present and seq), default=None)
    if missing in turns:
        raise _Bad(missing, "this rotation of the key carries no signature by the retiring key")
    if missing == events:
        raise _Bad(events, "the last event of the log carries no signature")
    if missing is not None:
        raise _Bad(missing, "this checkpoint event carries no signature")


def _mismatch(seq: int, line: bytes) -> str:
    """Why an event line does not follow: a missing, extra or moved event, or changed bytes."""
    head, tab, body = line.partition(b"\t")
    if len(head) != _HASH_LENGTH or not tab:
        return "the line is neither an event (HASH TAB BODY) nor a signature line"
    try:
        found = json.loads(body)["seq"]
    except (ValueError, KeyError, TypeError):
        found = seq
    if isinstance(found, int) and found != seq:
        return f"expected event {seq} here, found event {found}"
    return "its hash does not match its content and the event before it"


@dataclass(frozen=True, slots=True)
class Finding:
    """What checking something against a verified log found: ``ok`` and how many items were
    checked (``what`` says of what, singular and plural), or the first problem — with the
    event it concerns, where there is one."""

    ok: bool
    checked: int
    what: tuple[str, str]
    bad_seq: int | None = None
    problem: str | None = None

    def describe(self) -> str:
        if self.ok:
            return f"ok: {self.checked} {self.what[self.checked != 1]}"
        return f"event {self.bad_seq}: {self.problem}" if self.bad_seq else str(self.problem)


_RELEASED = (
    "released event matches its commitment",
    "released events match their commitments",
)


def check_release(log: Iterable[bytes], release: Iterable[bytes]) -> Finding:
    """Check content released from sealed events against the commitments in a log, read line
    by line, that has been verified. Each line of ``release`` is a JSON object ``{"seq": N,
    "salt": S, "content": C}``: C is the sealed event's canonical JSON as text, S its salt."""
    released: dict[int, tuple[str, str]] = {}
    for number, line in enumerate(release, start=1):
        try:
            item = json.loads(line)
            seq, salt, content = item["seq"], item["salt"], item["content"]
            if not (isinstance(seq, int) and isinstance(salt, str) and isinstance(content, str)):
                raise TypeError("a field of the wrong type")
            released[seq] = (salt, content)
        except (ValueError, KeyError, TypeError):
            problem = f"line {number} of the release is not a released event"
            return Finding(ok=False, checked=0, what=_RELEASED, problem=problem)
    bodies, seq = {}, 0
    for line in log:
        if not line.startswith(b"!\t"):
            seq += 1
            if seq in released:
                bodies[seq] = json.loads(line[_HASH_LENGTH + 1 :])
    for seq, (salt, content) in sorted(released.items()):
        wrong = _release_problem(bodies.get(seq), salt, content)
        if wrong:
            return Finding(False, len(released), _RELEASED, bad_seq=seq, problem=wrong)
    return Finding(ok=True, checked=len(released), what=_RELEASED)


def _release_problem(body: dict[str, Any] | None, salt: str, content: str) -> str | None:
    if body is None:
        return "released, but the log holds no such event"
    if "commitment" not in body:
        return "released, but it was never sealed"
    if commitment(salt, content.encode()) != body["commitment"]:
        return "the released content does not match the commitment the log published"
    try:
        unsealed = json.loads(content)
    except ValueError:
        return "the released content is not JSON"
    for field in ("seq", "kind", "occurred_at", "visibility"):
        if not isinstance(unsealed, dict) or unsealed.get(field) != body.get(field):
            return f"the released content gives another {field} than the log"
    return None


_DOCUMENTS = ("document matches the log", "documents match the log")
# The events that publish a version, and those that decide on its adoption: they carry the
# content hashes documents are checked against.
PUBLISHING_KINDS = ("draft.published", "draft.imported", "revision.issued")
DECIDING_KINDS = ("adoption.recorded", "silence.closed")
_MOVED = "summary.moved"  # a paragraph taken out of the draft into the Chair's summary
_MARKERS = tuple(
    b'"kind":"%s"' % kind.encode() for kind in (*PUBLISHING_KINDS, *DECIDING_KINDS, _MOVED)
)


def check_documents(log: Iterable[bytes], documents: Mapping[str, bytes]) -> Finding:
    """Check published documents — accord's JSON exports, by file name — against a log, read
    line by line, that has been verified. A clean view must be a version the log published,
    exactly; a consensus report must hold every provision the adoption it names covered,
    each with the text it covered, and nothing else."""
    events, seq = {}, 0
    for line in log:
        if line.startswith(b"!\t"):
            continue
        seq += 1
        if any(marker in line for marker in _MARKERS):
            body = json.loads(line[_HASH_LENGTH + 1 :])
            if isinstance(body.get("payload"), dict):
                events[seq] = body
    for name, raw in documents.items():
        wrong = _document_problem(raw, events)
        if wrong:
            return Finding(False, len(documents), _DOCUMENTS, problem=f"{name}: {wrong}")
    return Finding(ok=True, checked=len(documents), what=_DOCUMENTS)


def text_hash(text: str) -> str:
    """A text's content hash, as events and exports give it: hex SHA-256 of its UTF-8."""
    return hashlib.sha256(text.encode()).hexdigest()


def version_hash(
    title: str,
    provisions: Iterable[Mapping[str, Any]],
    title_block: Mapping[str, Any] | None = None,
) -> str:
    """A version's content hash from its exported title, a resolution's exported title block
    (body, session, agenda_item, sponsors) and its provisions in order, each with its uid,
    kind, label, parent and content hash."""
    lines = (
        f"{p['uid']}\t{p['kind']}\t{p['label']}\t{p.get('parent') or ''}\t{p['content_hash']}"
        for p in provisions
    )
    if title_block is not None:
        # As `accord.core.provisions.TitleBlock.canonical` writes it: this file is copied on
        # its own to verify a log, so it imports nothing of accord's but merkle.
        fields = ("body", "session", "agenda_item")
        block = "\t".join((*(title_block[f] for f in fields), "; ".join(title_block["sponsors"])))
        title = f"{title}\n{block}"
    return text_hash(f"{title}\n" + "\n".join(lines))


def _document_problem(raw: bytes, events: Mapping[int, dict[str, Any]]) -> str | None:
    try:
        data = json.loads(raw)
        view, provisions = data["view"], data["provisions"]
        title, slug = data["document"]["title"], data["document"]["slug"]
        number = data["version"]["number"]
        if not all(_is_provision(p) for p in provisions):
            raise TypeError("a provision without its fields")
    except (ValueError, KeyError, TypeError):
        return "not an accord document in JSON (the clean view or a consensus report)"
    changed = [p["uid"] for p in provisions if p["content_hash"] != text_hash(p["text"])]
    if changed:
        return f"the text of provision {changed[0]} does not have its content hash"
    if view == "clean":
        computed = version_hash(title, provisions, data["version"].get("title_block"))
        for body in events.values():
            payload = body["payload"]
            if body["kind"] in PUBLISHING_KINDS and (
                payload.get("document"),
                payload.get("version"),
                payload.get("content_hash"),
            ) == (slug, number, computed):
                return None
        return f"the log published no version {number} of '{slug}' with this text"
    if view == "consensus-report":
        return _report_problem(data.get("adoption"), title, slug, number, provisions, events)
    return f"the {view} view is not checked against the log; check the clean view"


def _is_provision(provision: Any, fields: tuple[str, ...] = ("text",)) -> bool:
    fields = ("uid", "kind", "label", "content_hash", *fields)
    return isinstance(provision, dict) and all(
        isinstance(provision.get(field), str) for field in fields
    )


# What places a provision in its version: the outline of an adopted version gives these.
_PLACE = ("uid", "kind", "label", "parent", "content_hash")


def _report_problem(
    adoption: Any,
    title: str,
    slug: str,
    number: int,
    provisions: list[dict[str, Any]],
    events: Mapping[int, dict[str, Any]],
) -> str | None:
    seq = adoption.get("event") if isinstance(adoption, dict) else None
    body = events.get(seq, {}) if isinstance(seq, int) else {}
    payload = body.get("payload", {})
    adopted = payload.get("adopted") is True or payload.get("outcome") == "adopted"
    named = (payload.get("document"), payload.get("version")) == (slug, number)
    if not (isinstance(seq, int) and adopted and named):
        return f"it names no event of the log adopting version {number} of '{slug}'"
    covered = payload.get("provision_hashes") or {}
    moved = {
        event["payload"].get("provision"): at
        for at, event in events.items()
        if event["kind"] == _MOVED
        and (event.get("process"), event["payload"].get("document")) == (body.get("process"), slug)
    }
    present = {p["uid"] for p in provisions if p["kind"] != "section"}
    for p in provisions:
        if p["kind"] == "section":
            continue
        if p["uid"] in moved:
            return (
                f"provision {p['uid']} was moved to the Chair's summary (event {moved[p['uid']]})"
            )
        if p["uid"] not in covered:
            return f"provision {p['uid']} is not one event {seq} adopted"
        if covered[p["uid"]] != p["content_hash"]:
            return f"provision {p['uid']} is not the text event {seq} adopted"
    left_out = sorted(set(covered) - present - set(moved))
    if left_out:
        return f"it leaves out provision {left_out[0]}, which event {seq} adopted"
    outline = adoption.get("outline")
    return _outline_problem(outline, title, provisions, seq, payload, adoption.get("title_block"))


def _outline_problem(
    outline: Any,
    title: str,
    provisions: list[dict[str, Any]],
    seq: int,
    payload: Mapping[str, Any],
    adoption_block: Mapping[str, Any] | None = None,
) -> str | None:
    """The report's title (and a resolution's title block), and each provision's number and
    place, against the outline of the adopted version — every provision, without its text —
    which must give the content hash the deciding event recorded."""
    if not isinstance(outline, list) or not all(_is_provision(p, ()) for p in outline):
        return "it gives no outline of the version adopted"
    if version_hash(title, outline, adoption_block) != payload.get("content_hash"):
        return f"its title or outline is not that of the version event {seq} adopted"
    placed = {p["uid"]: p for p in outline}
    for p in provisions:
        if any(p.get(field) != placed.get(p["uid"], {}).get(field) for field in _PLACE):
            return f"provision {p['uid']} is numbered or placed otherwise than event {seq} adopted"
    return None


def public_key_check(pem: bytes) -> "SignedBy":
    """A ``signed_by`` function for the Ed25519 public key in ``pem``."""
    key = load_pem_public_key(pem)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("the published key is not an Ed25519 public key")
    return _checker(key)


def _checker(key: Ed25519PublicKey) -> "SignedBy":
    def signed_by(signature: bytes, digest: bytes) -> bool:
        try:
            key.verify(signature, digest)
        except InvalidSignature:
            return False
        return True

    return signed_by


def check_beside(log: Path, release: Path | None, documents: Sequence[Path]) -> list[Finding]:
    """Check a release and published documents against a log file that has been verified:
    one finding for each that was given."""
    findings = []
    if release is not None:
        with log.open("rb") as lines, release.open("rb") as released:
            findings.append(check_release(lines, released))
    if documents:
        with log.open("rb") as lines:
            published = {path.name: path.read_bytes() for path in documents}
            findings.append(check_documents(lines, published))
    return findings


# Checks an Ed25519 signature (first argument) over a message (second) with one public key.
SignedBy = Callable[[bytes, bytes], bool]

# The event that hands the signing of the log from one key to the next.
ROTATION_KIND = "key.rotated"
# The first line of the note both keys of a rotation sign.
ROTATION_HEADER = "accord key rotation v1"
_ROTATION_MARKER = b'"kind":"%s"' % ROTATION_KIND.encode()


def rotation_note(seq: int, old_key_id: str, new_key_id: str) -> bytes:
    """What the retiring key and the new key both sign when the log passes from one to the
    other at event ``seq``: the header, ``seq`` and the two keys' ids, a line each."""
    return "".join(f"{line}\n" for line in (ROTATION_HEADER, seq, old_key_id, new_key_id)).encode()


@dataclass(frozen=True, slots=True)
class SigningKey:
    """One of the instance's keys: its raw 32-byte Ed25519 public key, the first event it
    signs, and the rotation event that brought it in (None for the record's first key)."""

    public: bytes
    first: int
    rotation: int | None = None

    @property
    def key_id(self) -> str:
        """Hex SHA-256 of the raw public key, as checkpoints name it (`merkle.key_id`)."""
        return hashlib.sha256(self.public).hexdigest()

    @property
    def check(self) -> SignedBy:
        return _checker(Ed25519PublicKey.from_public_bytes(self.public))

    def pem(self) -> str:
        key = Ed25519PublicKey.from_public_bytes(self.public)
        return key.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo).decode()


class KeyHistory:
    """The instance's keys in the order they signed the log. Each signs the events from its
    ``first`` to the rotation event that retires it, that one included; the next key signs
    from the event after. A checkpoint of ``n`` events is signed by the key in force for
    event ``n + 1``: the one that would sign the next event."""

    def __init__(self, keys: Sequence[SigningKey]) -> None:
        self.keys = tuple(keys)

    @classmethod
    def single(cls, pem: bytes) -> "KeyHistory":
        """One key, from the first event on (`ValueError` unless ``pem`` is an Ed25519 key)."""
        key = load_pem_public_key(pem)
        if not isinstance(key, Ed25519PublicKey):
            raise ValueError("the published key is not an Ed25519 public key")
        return cls([SigningKey(key.public_bytes(Encoding.Raw, PublicFormat.Raw), 1)])

    @classmethod
    def from_json(cls, raw: bytes) -> "KeyHistory":
        """The history the instance publishes (`as_json`); `ValueError` naming what is wrong."""
        try:
            keys = [_key_from_json(item) for item in json.loads(raw)["keys"]]
        except (ValueError, KeyError, TypeError):
            raise ValueError("not an accord key history (keys: key_id, public_key, …)") from None
        if not keys or keys[0].first != 1 or keys[0].rotation is not None:
            raise ValueError("the key history does not begin with a key from event 1")
        for before, after in itertools.pairwise(keys):
            if after.rotation is None or after.first != after.rotation + 1:
                raise ValueError(f"key {after.key_id} comes in without its rotation event")
            if after.first <= before.first:
                raise ValueError(f"key {after.key_id} is out of order in the key history")
        return cls(keys)

    def as_json(self) -> dict[str, Any]:
        """Every key with its id, public key (PEM), the first and last events it signs (the
        last null for the key in force) and the rotation event that brought it in."""
        ends = [key.rotation for key in self.keys[1:]] + [None]
        return {
            "keys": [
                {
                    "key_id": key.key_id,
                    "public_key": key.pem(),
                    "from_event": key.first,
                    "until_event": until,
                    "rotation_event": key.rotation,
                }
                for key, until in zip(self.keys, ends, strict=True)
            ]
        }

    def at(self, seq: int) -> SigningKey:
        """The key that signs event ``seq``."""
        return next(key for key in reversed(self.keys) if key.first <= seq)

    def rotations(self) -> list[int]:
        return [key.rotation for key in self.keys if key.rotation is not None]


def _key_from_json(item: dict[str, Any]) -> SigningKey:
    key = load_pem_public_key(item["public_key"].encode())
    first, rotation = item["from_event"], item["rotation_event"]
    if not (
        isinstance(key, Ed25519PublicKey)
        and isinstance(first, int)
        and (rotation is None or isinstance(rotation, int))
    ):
        raise TypeError("a field of the wrong type")
    signing_key = SigningKey(key.public_bytes(Encoding.Raw, PublicFormat.Raw), first, rotation)
    if signing_key.key_id != item["key_id"]:
        raise ValueError("a key id that is not its key's")
    return signing_key


_NO_ROTATION = object()
_ROTATIONS = ("rotation of the key verified", "rotations of the key verified")


def check_rotations(log: Iterable[bytes], keys: KeyHistory) -> Finding:
    """Check, in a log read line by line that has been verified with ``keys``, that every
    rotation of the key it records is one the history holds and carries valid signatures by
    the retiring key and the new one; and that it records every rotation the history names
    within its events."""
    found: dict[int, Any] = {}
    seq = 0
    for line in log:
        if line.startswith(b"!\t"):
            continue
        seq += 1
        if _ROTATION_MARKER in line:
            body = json.loads(line[_HASH_LENGTH + 1 :])
            if body.get("kind") == ROTATION_KIND:
                found[seq] = body.get("payload")
    named = {at for at in keys.rotations() if at <= seq}
    for at in sorted(found.keys() | named):
        problem = _rotation_problem(found.get(at, _NO_ROTATION), at, keys)
        if problem:
            return Finding(False, len(found), _ROTATIONS, bad_seq=at, problem=problem)
    return Finding(ok=True, checked=len(found), what=_ROTATIONS)


def rotation_event_problem(body: str, seq: int, keys: KeyHistory) -> str | None:
    """What is wrong with ``body``, the public body of event ``seq`` as a receipt carries it,
    as the rotation of the key that ``keys`` says happened there; None if nothing."""
    try:
        event = json.loads(body)
        found = event.get("seq") == seq and event.get("kind") == ROTATION_KIND
    except (ValueError, AttributeError):
        found = False
    return _rotation_problem(event.get("payload") if found else _NO_ROTATION, seq, keys)


def _rotation_problem(payload: Any, seq: int, keys: KeyHistory) -> str | None:
    """What is wrong with the rotation at event ``seq``, whose payload is ``payload``
    (`_NO_ROTATION` when the event there is not a rotation)."""
    if payload is _NO_ROTATION:
        return "the key history says the key was rotated here, but this event is no rotation"
    old, new = keys.at(seq), keys.at(seq + 1)
    if new is old:
        return "it rotates the key, but the key history holds no key from the event after it"
    try:
        named = (payload["old_key"], payload["new_key"])
        signatures = (
            bytes.fromhex(payload["old_signature"]),
            bytes.fromhex(payload["new_signature"]),
        )
    except (ValueError, KeyError, TypeError):
        return "it rotates the key but does not carry both keys and their signatures"
    if named != (old.public.hex(), new.public.hex()):
        return "it names other keys than the key history"
    note = rotation_note(seq, old.key_id, new.key_id)
    for key, signature, whose in ((old, signatures[0], "retiring"), (new, signatures[1], "new")):
        if not key.check(signature, note):
            return f"its signature by the {whose} key does not verify"
    return None
