"""The signed hash chain: every kind of tampering is caught, and the event is named."""

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from hypothesis import given
from hypothesis import strategies as st

from accord.core import _chainscan, eventlog
from accord.core.eventlog import CHECKPOINT_EVERY, Verdict, canonical, chain_hash, verify

KEY = Ed25519PrivateKey.generate()


def _pem(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)


CHECK = eventlog.public_key_check(_pem(KEY))
C = CHECKPOINT_EVERY
EVENTS = 2 * C + C // 2


def _bodies(count: int) -> list[bytes]:
    return [
        canonical({"seq": n, "kind": "proposal.submitted", "payload": {"proposal": n}})
        for n in range(1, count + 1)
    ]


def _log(bodies: list[bytes], key: Ed25519PrivateKey = KEY) -> list[bytes]:
    lines, previous = [], eventlog.GENESIS
    for seq, body in enumerate(bodies, start=1):
        digest = chain_hash(previous, body)
        lines.append(eventlog.event_line(digest, body))
        if eventlog.needs_signature(seq, last=seq == len(bodies)):
            lines.append(eventlog.signature_line(seq, digest, key.sign(digest)))
        previous = digest
    return lines


LOG = _log(_bodies(EVENTS))


def _at(seq: int) -> int:
    """The index in LOG of event ``seq``'s line (signature lines come after checkpoints)."""
    return seq - 1 + (seq - 1) // CHECKPOINT_EVERY


def _replace(index: int, line: bytes) -> list[bytes]:
    return [*LOG[:index], line, *LOG[index + 1 :]]


@pytest.fixture(autouse=True, params=["C", "Python"])
def scanner(request, monkeypatch):
    """Every verification here runs twice: with the scanner accord ships in C, and with the
    pure Python one that a standalone copy of eventlog.py runs."""
    scan = {"C": _chainscan.scan, "Python": eventlog.scan_in_python}[request.param]
    monkeypatch.setattr(eventlog, "_scan", scan)
    return request.param


def _problem(lines: list[bytes], key=CHECK) -> tuple[int | None, str | None]:
    verdict = verify(lines, key)
    assert not verdict.ok
    assert verify(b"".join(lines), key) == verdict, "read whole, the log gives another verdict"
    return verdict.bad_seq, verdict.problem


HASH = "its hash does not match its content and the event before it"
BAD_SIGNATURE = "its signature does not verify with the published key"


def test_an_intact_log_verifies(tmp_path: Path):
    assert verify(LOG, CHECK) == Verdict(ok=True, events=EVENTS)
    assert verify(b"".join(LOG), CHECK) == Verdict(ok=True, events=EVENTS)
    (tmp_path / "log.jsonl").write_bytes(b"".join(LOG))
    assert eventlog.verify_file(tmp_path / "log.jsonl", CHECK) == Verdict(ok=True, events=EVENTS)
    assert verify([], CHECK) == Verdict(ok=True, events=0)
    (tmp_path / "empty.jsonl").write_bytes(b"")
    assert eventlog.verify_file(tmp_path / "empty.jsonl", CHECK) == Verdict(ok=True, events=0)


def test_signature_lines_follow_the_checkpoints_and_the_last_event():
    signed = [int(line.split(b"\t")[1]) for line in LOG if line.startswith(b"!")]
    assert signed == [C, 2 * C, EVENTS]
    assert LOG[_at(C + 1) - 1].startswith(b"!\t%d\t" % C)


def test_a_changed_event_is_named():
    changed = LOG[_at(42)].replace(b'"proposal":42', b'"proposal":43')
    verdict = verify(_replace(_at(42), changed), CHECK)
    assert verdict == Verdict(ok=False, events=42, bad_seq=42, problem=HASH)
    assert verdict.describe() == f"event 42: {HASH}"


def test_a_deleted_event_is_named():
    lines = [*LOG[: _at(10)], *LOG[_at(11) :]]
    assert _problem(lines) == (10, "expected event 10 here, found event 11")


def test_reordered_events_are_named():
    lines = [*LOG[: _at(10)], LOG[_at(11)], LOG[_at(10)], *LOG[_at(12) :]]
    assert _problem(lines) == (10, "expected event 10 here, found event 11")


def test_an_inserted_event_is_named():
    forged = eventlog.event_line(b"0" * 64, canonical({"seq": 10, "kind": "text.adopted"}))
    assert _problem([*LOG[: _at(10)], forged, *LOG[_at(10) :]]) == (10, HASH)


def test_a_rewritten_chain_fails_at_the_first_signature_the_forger_could_not_make():
    bodies = _bodies(EVENTS)
    bodies[C + 300] = canonical({"seq": C + 301, "kind": "text.adopted", "payload": {}})
    forged = _log(bodies, key=Ed25519PrivateKey.generate())
    assert _problem(LOG[: _at(C + 301)] + forged[_at(C + 301) :]) == (2 * C, BAD_SIGNATURE)


def test_an_altered_signature_is_named():
    mark, seq, digest, signature = LOG[_at(C) + 1].rstrip(b"\n").split(b"\t")
    flipped = signature[:-1] + (b"1" if signature.endswith(b"0") else b"0")
    altered = b"\t".join([mark, seq, digest, flipped]) + b"\n"
    assert _problem(_replace(_at(C) + 1, altered)) == (C, BAD_SIGNATURE)


def test_a_signature_that_is_not_hexadecimal_is_named():
    mark, seq, digest, _ = LOG[_at(C) + 1].split(b"\t")
    altered = b"\t".join([mark, seq, digest, b"zz\n"])
    assert _problem(_replace(_at(C) + 1, altered)) == (C, "its signature is not hexadecimal")


def test_a_signature_line_moved_away_from_its_event_is_named():
    moved = [*LOG[: _at(C) + 1], LOG[_at(C + 1)], LOG[_at(C) + 1], *LOG[_at(C + 2) :]]
    assert _problem(moved) == (C + 1, "the signature line after it does not name it")


def test_a_swapped_key_is_caught_at_the_first_signature():
    other = eventlog.public_key_check(_pem(Ed25519PrivateKey.generate()))
    assert _problem(LOG, other) == (C, BAD_SIGNATURE)


def test_a_log_cut_short_without_its_last_signature_is_refused():
    assert _problem(LOG[: _at(C + 500) + 1]) == (
        C + 500,
        "the last event of the log carries no signature",
    )


def test_a_checkpoint_stripped_of_its_signature_is_refused():
    stripped = [*LOG[: _at(C) + 1], *LOG[_at(C) + 2 :]]
    assert _problem(stripped) == (C, "this checkpoint event carries no signature")


@pytest.mark.parametrize("line", [b"garbage\n", b"x\t00\t\t{}\n", b"\n"])
def test_lines_of_no_known_kind_are_named(line):
    assert _problem([line]) == (
        1,
        "the line is neither an event (HASH TAB BODY) nor a signature line",
    )


def test_a_last_line_without_its_line_feed_no_longer_hashes_to_its_hash():
    assert _problem([*LOG[:-2], LOG[-2].rstrip(b"\n"), LOG[-1]]) == (EVENTS, HASH)


def test_a_key_that_is_not_ed25519_is_refused():
    from cryptography.hazmat.primitives.asymmetric.ec import SECP256R1, generate_private_key

    pem = (
        generate_private_key(SECP256R1())
        .public_key()
        .public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
    )
    with pytest.raises(ValueError, match="not an Ed25519 public key"):
        eventlog.public_key_check(pem)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@given(st.dictionaries(st.text(max_size=8), json_values, max_size=6))
def test_the_same_content_gives_the_same_bytes_whatever_the_key_order(value):
    reordered = dict(reversed(list(value.items())))
    assert canonical(value) == canonical(reordered)


@given(
    st.dictionaries(st.text(max_size=8), json_values, min_size=1, max_size=6),
    st.dictionaries(st.text(max_size=8), json_values, min_size=1, max_size=6),
)
def test_different_content_gives_a_different_hash(a, b):
    if a != b:
        assert chain_hash(eventlog.GENESIS, canonical(a)) != chain_hash(
            eventlog.GENESIS, canonical(b)
        )


@pytest.mark.parametrize("value", [{"a": 1.5}, {"a": [1, {"b": 0.1}]}])
def test_floats_are_refused_because_their_text_is_not_canonical(value):
    with pytest.raises(TypeError, match="float"):
        canonical(value)


@pytest.mark.parametrize("body", [b"not json", b'{"no": "seq"}', b"[1, 2]"])
def test_a_line_shaped_like_an_event_but_not_one_is_a_hash_mismatch(body):
    line = eventlog.event_line(b"f" * 64, body)
    assert _problem([line]) == (1, HASH)


def test_a_commitment_binds_the_salt_and_the_content():
    sealed = canonical({"seq": 7, "kind": "position.recorded", "payload": {"position": "object"}})
    committed = eventlog.commitment("a1b2", sealed)
    assert len(committed) == 64
    assert committed == eventlog.commitment("a1b2", sealed)
    assert committed != eventlog.commitment("a1b3", sealed)
    assert committed != eventlog.commitment("a1b2", sealed.replace(b"object", b"support"))


# The events before the first signature line: a scanner takes them all, or stops at the damage.
WHOLE = b"".join(LOG[: _at(CHECKPOINT_EVERY)])


@given(
    st.integers(min_value=0, max_value=len(WHOLE) - 1),
    st.sampled_from([b"", b"0", b"\n", b"\t", b"!\t", b"a" * 64, b"}"]),
    st.integers(min_value=0, max_value=3),
)
def test_both_scanners_give_the_same_answer_on_any_damaged_log(position, patch, cut):
    damaged = WHOLE[:position] + patch + WHOLE[position + cut :]
    taken = _chainscan.scan(damaged, 0, eventlog.GENESIS)
    assert taken == eventlog.scan_in_python(damaged, 0, eventlog.GENESIS)
    assert damaged[: taken[0]] == WHOLE[: taken[0]], "a scanner took a damaged line"
    assert (taken[0] == len(damaged)) == (damaged == WHOLE)


def test_the_c_scanner_refuses_arguments_outside_the_log():
    with pytest.raises(ValueError, match="64 hex digits"):
        _chainscan.scan(WHOLE, 0, b"0")
    with pytest.raises(ValueError, match="outside the data"):
        _chainscan.scan(WHOLE, len(WHOLE) + 1, eventlog.GENESIS)


def test_a_signature_line_on_any_event_is_checked_so_older_checkpoints_still_verify():
    digest = LOG[_at(5)][:64]
    extra = eventlog.signature_line(5, digest, KEY.sign(digest))
    assert verify([*LOG[: _at(5) + 1], extra, *LOG[_at(5) + 1 :]], CHECK).ok
    forged = eventlog.signature_line(5, digest, Ed25519PrivateKey.generate().sign(digest))
    assert _problem([*LOG[: _at(5) + 1], forged, *LOG[_at(5) + 1 :]]) == (5, BAD_SIGNATURE)


def _sealed_log() -> tuple[list[bytes], list[bytes]]:
    """A log whose events 2 and 4 are sealed, and the release of both."""
    bodies, release = [], []
    for seq in range(1, 6):
        content = canonical(
            {"seq": seq, "kind": "position.recorded", "occurred_at": "t", "visibility": "x"}
        )
        if seq % 2:
            bodies.append(content)
            continue
        salt = f"{seq:032x}"
        bodies.append(
            canonical(
                {
                    "seq": seq,
                    "kind": "position.recorded",
                    "occurred_at": "t",
                    "visibility": "x",
                    "commitment": eventlog.commitment(salt, content),
                }
            )
        )
        line = json.dumps({"seq": seq, "salt": salt, "content": content.decode()})
        release.append(line.encode() + b"\n")
    return _log(bodies), release


def _released(release: list[bytes]) -> eventlog.Finding:
    log, _ = _sealed_log()
    return eventlog.check_release(log, release)


def test_released_content_is_checked_against_the_commitments_in_the_log():
    log, release = _sealed_log()
    assert verify(log, CHECK).ok
    verdict = eventlog.check_release(log, release)
    assert verdict == eventlog.Finding(ok=True, checked=2, what=eventlog._RELEASED)
    assert verdict.describe() == "ok: 2 released events match their commitments"
    assert eventlog.check_release(log, release[:1]).describe() == (
        "ok: 1 released event matches its commitment"
    )


def _altered(index: int, **changes) -> list[bytes]:
    _, release = _sealed_log()
    item = json.loads(release[index])
    item.update(changes)
    release[index] = json.dumps(item).encode() + b"\n"
    return release


def test_released_content_that_differs_from_what_was_sealed_is_named():
    _, release = _sealed_log()
    content = json.loads(release[1])["content"].replace('"t"', '"u"')
    verdict = _released(_altered(1, content=content))
    assert (verdict.ok, verdict.bad_seq) == (False, 4)
    assert verdict.describe() == (
        "event 4: the released content does not match the commitment the log published"
    )
    assert _released(_altered(0, salt="0" * 32)).bad_seq == 2


def test_a_release_of_an_event_never_sealed_or_not_in_the_log_is_named():
    assert _released(_altered(0, seq=3)).describe() == "event 3: released, but it was never sealed"
    assert _released(_altered(0, seq=9)).describe() == (
        "event 9: released, but the log holds no such event"
    )


def test_released_content_that_matches_its_commitment_but_not_its_event_is_named():
    def sealed_as(content: bytes) -> tuple[list[bytes], list[bytes]]:
        salt = "a" * 32
        body = canonical(
            {
                "seq": 1,
                "kind": "position.recorded",
                "occurred_at": "t",
                "visibility": "x",
                "commitment": eventlog.commitment(salt, content),
            }
        )
        line = json.dumps({"seq": 1, "salt": salt, "content": content.decode()}).encode()
        return _log([body]), [line + b"\n"]

    elsewhere = canonical({"seq": 1, "kind": "adoption.recorded", "occurred_at": "t"})
    assert eventlog.check_release(*sealed_as(elsewhere)).describe() == (
        "event 1: the released content gives another kind than the log"
    )
    assert eventlog.check_release(*sealed_as(b"not json")).describe() == (
        "event 1: the released content is not JSON"
    )


@pytest.mark.parametrize(
    "line",
    [
        b"not json\n",
        b'{"seq": 2}\n',
        b"[2]\n",
        b'{"seq": 2, "salt": "a", "content": 5}\n',
        b'{"seq": 2, "salt": 7, "content": "{}"}\n',
        b'{"seq": "2", "salt": "a", "content": "{}"}\n',
    ],
)
def test_a_release_line_that_is_not_a_released_event_is_named_by_its_number(line):
    _, release = _sealed_log()
    verdict = _released([release[0], line])
    assert (verdict.ok, verdict.bad_seq) == (False, None)
    assert verdict.describe() == "line 2 of the release is not a released event"


# Published documents checked against the log: a version of three provisions, published, then
# adopted with two of its paragraphs covered; the third was moved to the Chair's summary.
PROVISIONS = [
    {"uid": "s1", "kind": "section", "label": "A", "parent": None, "text": "Norms"},
    {"uid": "p1", "kind": "paragraph", "label": "1", "parent": None, "text": "States should."},
    {"uid": "p2", "kind": "paragraph", "label": "2", "parent": None, "text": "States may."},
    {"uid": "p3", "kind": "paragraph", "label": "3", "parent": None, "text": "States must."},
]
for _p in PROVISIONS:
    _p["content_hash"] = eventlog.text_hash(_p["text"])


def _payload_event(seq: int, kind: str, payload: dict) -> bytes:
    return canonical({"seq": seq, "kind": kind, "process": "wg", "payload": payload})


def _published_log(*, adopted: bool = True) -> list[bytes]:
    published = {
        "document": "report",
        "version": 2,
        "content_hash": eventlog.version_hash("Report", PROVISIONS),
    }
    covered = {p["uid"]: p["content_hash"] for p in PROVISIONS[1:3]}
    moved = {"document": "report", "version": 2, "provision": "p3"}
    decided = {
        "document": "report",
        "version": 2,
        "adopted": adopted,
        "content_hash": eventlog.version_hash("Report", PROVISIONS),
        "provision_hashes": covered,
    }
    return _log(
        [
            _payload_event(1, "revision.issued", published),
            _payload_event(2, "summary.moved", moved),
            _payload_event(3, "adoption.recorded", decided),
        ]
    )


def _exported(view: str, provisions: list[dict], **extra) -> bytes:
    data = {
        "format": "accord-document",
        "format_version": 1,
        "view": view,
        "document": {"slug": "report", "title": "Report", "symbol": ""},
        "version": {"number": 2, "label": "Rev.1", "issued": "2026-11-29", "language": "en"},
        "provisions": provisions,
        **extra,
    }
    return json.dumps(data).encode()


OUTLINE = [
    {key: p[key] for key in ("uid", "kind", "label", "parent", "content_hash")} for p in PROVISIONS
]
ADOPTION = {
    "process": "wg",
    "method": "consensus",
    "decided": "2026-11-29",
    "event": 3,
    "outline": OUTLINE,
}
REPORT = _exported("consensus-report", PROVISIONS[:3], adoption=ADOPTION)


def _documents(**files: bytes) -> eventlog.Finding:
    return eventlog.check_documents(_published_log(), files)


def test_a_published_version_and_its_consensus_report_check_against_the_log():
    assert verify(_published_log(), CHECK).ok
    finding = _documents(clean=_exported("clean", PROVISIONS), report=REPORT)
    assert finding.describe() == "ok: 2 documents match the log"


def _edited(provisions: list[dict], uid: str, text: str, *, rehash: bool) -> list[dict]:
    edited = [dict(p) for p in provisions]
    for p in edited:
        if p["uid"] == uid:
            p["text"] = text
            p["content_hash"] = eventlog.text_hash(text) if rehash else p["content_hash"]
    return edited


def test_a_version_whose_text_was_changed_after_publication_is_named():
    stale = _exported("clean", _edited(PROVISIONS, "p2", "States shall.", rehash=False))
    assert _documents(**{"rev1.json": stale}).describe() == (
        "rev1.json: the text of provision p2 does not have its content hash"
    )
    rehashed = _exported("clean", _edited(PROVISIONS, "p2", "States shall.", rehash=True))
    assert _documents(**{"rev1.json": rehashed}).describe() == (
        "rev1.json: the log published no version 2 of 'report' with this text"
    )


def test_a_consensus_report_cannot_carry_a_paragraph_the_adoption_did_not_cover():
    with_moved = _exported("consensus-report", PROVISIONS, adoption=ADOPTION)
    assert _documents(r=with_moved).describe() == (
        "r: provision p3 was moved to the Chair's summary (event 2)"
    )
    extra = {"uid": "p9", "kind": "paragraph", "label": "9", "parent": None, "text": "Also."}
    extra["content_hash"] = eventlog.text_hash(extra["text"])
    never = _exported("consensus-report", [*PROVISIONS[:3], extra], adoption=ADOPTION)
    assert _documents(r=never).describe() == "r: provision p9 is not one event 3 adopted"
    changed = _exported(
        "consensus-report",
        _edited(PROVISIONS[:3], "p1", "States shall.", rehash=True),
        adoption=ADOPTION,
    )
    assert _documents(r=changed).describe() == "r: provision p1 is not the text event 3 adopted"
    short = _exported("consensus-report", PROVISIONS[:2], adoption=ADOPTION)
    assert _documents(r=short).describe() == "r: it leaves out provision p2, which event 3 adopted"


@pytest.mark.parametrize("event", [1, 2, 7, None, "3"])
def test_a_consensus_report_must_name_the_event_that_adopted_it(event):
    adoption = {**ADOPTION, "event": event}
    report = _exported("consensus-report", PROVISIONS[:3], adoption=adoption)
    assert _documents(r=report).describe() == (
        "r: it names no event of the log adopting version 2 of 'report'"
    )


def test_a_consensus_report_keeps_the_title_and_numbering_of_the_version_adopted():
    retitled = json.loads(REPORT)
    retitled["document"]["title"] = "Report, as we would have liked it"
    assert _documents(r=json.dumps(retitled).encode()).describe() == (
        "r: its title or outline is not that of the version event 3 adopted"
    )
    renumbered = [{**p, "label": "7"} if p["uid"] == "p2" else p for p in PROVISIONS[:3]]
    assert _documents(
        r=_exported("consensus-report", renumbered, adoption=ADOPTION)
    ).describe() == ("r: provision p2 is numbered or placed otherwise than event 3 adopted")
    outline = [{**p, "label": "7"} if p["uid"] == "p2" else p for p in OUTLINE]
    forged = {**ADOPTION, "outline": outline}
    assert _documents(r=_exported("consensus-report", renumbered, adoption=forged)).describe() == (
        "r: its title or outline is not that of the version event 3 adopted"
    )
    for missing in (None, [{"uid": "p1"}]):
        bare = {**ADOPTION, "outline": missing}
        assert _documents(
            r=_exported("consensus-report", PROVISIONS[:3], adoption=bare)
        ).describe() == ("r: it gives no outline of the version adopted")


def test_a_report_of_an_adoption_that_failed_is_refused():
    finding = eventlog.check_documents(_published_log(adopted=False), {"r": REPORT})
    assert finding.describe() == "r: it names no event of the log adopting version 2 of 'report'"


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"not json", "not an accord document in JSON (the clean view or a consensus report)"),
        (
            b'{"view": "clean"}',
            "not an accord document in JSON (the clean view or a consensus report)",
        ),
        (
            _exported("clean", [{**PROVISIONS[1], "text": 5}]),
            "not an accord document in JSON (the clean view or a consensus report)",
        ),
        (
            _exported("clean", [{"uid": "p1", "text": "x", "content_hash": "y"}]),
            "not an accord document in JSON (the clean view or a consensus report)",
        ),
        (
            json.dumps({"view": "clean", "provisions": [], "document": {"slug": "r"}}).encode(),
            "not an accord document in JSON (the clean view or a consensus report)",
        ),
        (
            _exported("compilation", PROVISIONS),
            "the compilation view is not checked against the log; check the clean view",
        ),
    ],
)
def test_a_file_that_is_not_a_checkable_document_is_named(raw, problem):
    assert _documents(f=raw).describe() == f"f: {problem}"


def test_a_sealed_publication_vouches_for_no_document_until_it_is_released():
    sealed = canonical({"seq": 1, "kind": "revision.issued", "commitment": "0" * 64})
    finding = eventlog.check_documents(
        _log([sealed]), {"rev1.json": _exported("clean", PROVISIONS)}
    )
    assert finding.describe() == (
        "rev1.json: the log published no version 2 of 'report' with this text"
    )
