"""The index written to bytes reads back as the same index, and anything else is refused."""

import json
import sys

import pytest
from tests.builders import CORPUS_FILE

from accord.core.checker import build_index, check_passage, parse_corpus
from accord.core.checker.export import report_json
from accord.core.checker.stored import (
    MAGIC,
    FlatIds,
    FlatPostings,
    LazyEntries,
    UnreadableIndex,
    dump_index,
    load_index,
)

ENTRIES = parse_corpus(CORPUS_FILE.read_text("utf-8").splitlines())
INDEX = build_index(ENTRIES)
DATA = dump_index(INDEX)


def _header(data: bytes) -> tuple[int, dict]:
    size = int(data[len(MAGIC) : len(MAGIC) + 12])
    start = len(MAGIC) + 13
    return start, json.loads(data[start : start + size])


def _with_header(**changes: object) -> bytes:
    start, header = _header(DATA)
    size = int(DATA[len(MAGIC) : len(MAGIC) + 12])
    head = json.dumps({**header, **changes}).encode()
    return MAGIC + str(len(head)).zfill(12).encode() + b"\n" + head + DATA[start + size :]


def test_the_index_reads_back_whole():
    loaded = load_index(DATA)
    assert list(loaded.entries) == list(ENTRIES)
    assert loaded.vocabulary == INDEX.vocabulary
    assert [list(i) for i in loaded.ids] == [list(i) for i in INDEX.ids]
    assert {k: list(v) for k, v in loaded.postings.items()} == {
        k: list(v) for k, v in INDEX.postings.items()
    }
    assert len(loaded.postings) == len(INDEX.postings)


def test_a_loaded_index_checks_as_the_built_one():
    passage = (
        "States should, where appropriate, share information on threats to submarine cables. "
        "We thank the Chair."
    )
    assert report_json(check_passage(load_index(DATA), passage)) == report_json(
        check_passage(INDEX, passage)
    )


def test_the_arrays_start_on_eight_bytes():
    start, _ = _header(DATA)
    size = int(DATA[len(MAGIC) : len(MAGIC) + 12])
    assert (start + size) % 8 == 0


def test_entries_are_made_once_and_sliced():
    entries = load_index(DATA).entries
    assert entries[0] is entries[0]
    assert entries[-1] == ENTRIES[-1]
    assert entries[1:3] == list(ENTRIES[1:3])
    with pytest.raises(IndexError):
        entries[len(ENTRIES)]
    with pytest.raises(TypeError):
        LazyEntries({"not": "rows"})  # type: ignore[arg-type]


def test_ids_are_sliced_by_offsets():
    ids = load_index(DATA).ids
    assert isinstance(ids, FlatIds)
    assert len(ids) == len(ENTRIES)
    assert [list(i) for i in ids[:2]] == [list(i) for i in INDEX.ids[:2]]
    assert list(ids[-1]) == list(INDEX.ids[-1])


def test_postings_answer_only_for_their_keys():
    postings = load_index(DATA).postings
    assert isinstance(postings, FlatPostings)
    key = next(iter(INDEX.postings))
    assert key in postings
    assert "a pair" not in postings
    assert -1 not in postings
    assert max(INDEX.postings) + 1 not in postings
    with pytest.raises(KeyError):
        postings[-1]


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"not an index", "not an index"),
        (MAGIC + b"000000000012x{}", "not an index"),
        (MAGIC + b"00000000000x\n{}", "invalid literal"),
        (MAGIC + b"000000000002\n[]", "list indices"),
        (MAGIC + b"000000000002\n{}", "version"),
        (_with_header(version=99), "another version or byte order"),
        (
            _with_header(byteorder="big" if sys.byteorder == "little" else "little"),
            "another version or byte order",
        ),
        (_with_header(lengths=[1, 2]), "wrong number of arrays"),
        (_with_header(entries=[]), "the arrays do not fit the entries"),
        (_with_header(entries=[[1, 2]]), "not rows of an entry"),
        (_with_header(entries=[["D", "1", "agreed", None, None, "T"]]), "not rows of an entry"),
        (DATA[:-4], "cut short"),
        (DATA + b"\0" * 8, "bytes left over"),
    ],
)
def test_anything_else_is_unreadable(data, why):
    with pytest.raises(UnreadableIndex, match=why):
        load_index(data)


def test_keys_out_of_step_with_their_starts_are_unreadable():
    _, header = _header(DATA)
    keys, starts, *rest = header["lengths"]
    # One start fewer, one key's worth of bytes moved to the end: the sizes still add up.
    with pytest.raises(UnreadableIndex, match="the arrays do not fit"):
        load_index(_with_header(lengths=[keys, starts - 1, rest[0] + 2, *rest[1:]]))
