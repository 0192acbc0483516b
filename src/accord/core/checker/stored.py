"""The checker's index written to bytes and read back, so that a corpus indexed once is not
indexed again in the next process.

The format is accord's own and holds only numbers and text: a fixed first line, a JSON header
(version, byte order, the corpus entries, the vocabulary, the lengths of what follows), then
four arrays of machine integers. Reading it never runs code, unlike `pickle`; a file that is
cut short, from another version or another byte order is refused with `UnreadableIndex`, and
the caller builds the index again. Read back, the pair postings and the entries' word ids stay
in the flat arrays they were stored in and are sliced on use: nothing is rebuilt.
"""

import bisect
import datetime as dt
import json
import sys
from array import array
from collections.abc import Buffer, Iterator, Mapping, Sequence
from typing import overload

from accord.core.checker.corpus import CorpusEntry, SourceStatus
from accord.core.checker.index import CorpusIndex
from accord.core.checker.languages import DEFAULT, LANGUAGES

MAGIC = b"accord checker index\n"
VERSION = 2
# The arrays in the order they follow the header: (name, typecode).
_ARRAYS = (("keys", "q"), ("starts", "q"), ("values", "i"), ("ids", "i"), ("offsets", "q"))
_SIZE_DIGITS = 12
_ROW = ("document", "provision", "status", "holder", "date", "text", "language")


class UnreadableIndex(Exception):
    """Bytes that are not an index this version of accord wrote; build the index anew."""


class FlatIds(Sequence[array]):  # type: ignore[type-arg]
    """Each entry's word ids, sliced from one flat array by offsets."""

    __slots__ = ("_flat", "_offsets")

    def __init__(self, flat: memoryview, offsets: memoryview) -> None:
        self._flat = flat
        self._offsets = offsets

    def __len__(self) -> int:
        return len(self._offsets) - 1

    @overload
    def __getitem__(self, i: int) -> "array[int]": ...
    @overload
    def __getitem__(self, i: slice) -> "list[array[int]]": ...
    def __getitem__(self, i: int | slice) -> "array[int] | list[array[int]]":
        if isinstance(i, slice):
            return [self[n] for n in range(*i.indices(len(self)))]
        i = range(len(self))[i]
        found = array("i")
        found.frombytes(self._flat[self._offsets[i] : self._offsets[i + 1]].cast("B"))
        return found


class FlatPostings(Mapping[int, array]):  # type: ignore[type-arg]
    """The pair postings as sorted keys, and for each key a slice of one flat array."""

    __slots__ = ("_keys", "_starts", "_values")

    def __init__(self, keys: memoryview, starts: memoryview, values: memoryview) -> None:
        self._keys = keys
        self._starts = starts
        self._values = values

    def _find(self, key: object) -> int:
        if not isinstance(key, int):
            return -1
        at = bisect.bisect_left(self._keys, key)
        return at if at < len(self._keys) and self._keys[at] == key else -1

    def __contains__(self, key: object) -> bool:
        return self._find(key) >= 0

    def __getitem__(self, key: int) -> memoryview:  # type: ignore[override]
        at = self._find(key)
        if at < 0:
            raise KeyError(key)
        return self._values[self._starts[at] : self._starts[at + 1]]

    def __iter__(self) -> Iterator[int]:
        return iter(self._keys.tolist())

    def __len__(self) -> int:
        return len(self._keys)


def dump_index(index: CorpusIndex) -> bytes:
    """The bytes `load_index` reads ``index`` back from."""
    keys = array("q", sorted(index.postings))
    starts, values = array("q", [0]), array("i")
    for key in keys:
        values.extend(index.postings[key])
        starts.append(len(values))
    ids, offsets = array("i"), array("q", [0])
    for entry_ids in index.ids:
        ids.extend(entry_ids)
        offsets.append(len(ids))
    arrays = {"keys": keys, "starts": starts, "values": values, "ids": ids, "offsets": offsets}
    words = sorted(index.vocabulary, key=index.vocabulary.__getitem__)
    header = {
        "version": VERSION,
        "byteorder": sys.byteorder,
        "entries": [_entry_row(e) for e in index.entries],
        "vocabulary": words,
        "lengths": [len(arrays[name]) for name, _ in _ARRAYS],
    }
    head = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    # Spaces after the header set the arrays on a multiple of eight bytes, so that they can be
    # read in place from a mapped file.
    size = len(MAGIC) + _SIZE_DIGITS + 1 + len(head)
    head += b" " * (-size % 8)
    parts = [MAGIC, str(len(head)).zfill(_SIZE_DIGITS).encode("ascii"), b"\n", head]
    parts += [arrays[name].tobytes() for name, _ in _ARRAYS]
    return b"".join(parts)


def load_index(data: Buffer) -> CorpusIndex:
    """The index `dump_index` wrote; raises `UnreadableIndex` on anything else.

    ``data`` may be a mapped file: the arrays are read in place, not copied.
    """
    view = memoryview(data)
    body = len(MAGIC) + _SIZE_DIGITS + 1
    if bytes(view[: len(MAGIC)]) != MAGIC or bytes(view[body - 1 : body]) != b"\n":
        raise UnreadableIndex("not an index")
    try:
        size = int(bytes(view[len(MAGIC) : body - 1]))
        header = json.loads(bytes(view[body : body + size]))
        if header["version"] != VERSION or header["byteorder"] != sys.byteorder:
            raise UnreadableIndex("another version or byte order")
        entries = LazyEntries(header["entries"])
        vocabulary = {word: n for n, word in enumerate(header["vocabulary"])}
        arrays = _arrays(view[body + size :], header["lengths"])
    except (ValueError, KeyError, TypeError) as error:
        raise UnreadableIndex(str(error)) from None
    if len(arrays["offsets"]) != len(entries) + 1 or len(arrays["starts"]) != (
        len(arrays["keys"]) + 1
    ):
        raise UnreadableIndex("the arrays do not fit the entries")
    index = CorpusIndex(entries=entries, vocabulary=vocabulary)  # type: ignore[arg-type]
    index.ids = FlatIds(arrays["ids"], arrays["offsets"])
    index.languages = entries.languages()
    index.postings = FlatPostings(arrays["keys"], arrays["starts"], arrays["values"])
    return index


def _arrays(body: memoryview, lengths: list[int]) -> dict[str, memoryview]:
    if len(lengths) != len(_ARRAYS):
        raise ValueError("wrong number of arrays")
    out: dict[str, memoryview] = {}
    at = 0
    for (name, code), length in zip(_ARRAYS, lengths, strict=True):
        end = at + length * array(code).itemsize
        if end > len(body):
            raise ValueError("cut short")
        out[name] = body[at:end].cast(code)  # type: ignore[call-overload]
        at = end
    if at != len(body):
        raise ValueError("bytes left over")
    return out


class LazyEntries(Sequence[CorpusEntry]):
    """The corpus entries as stored rows, each made an entry when first asked for (and the
    same entry every time after)."""

    __slots__ = ("_made", "_rows")

    def __init__(self, rows: list[list[object]]) -> None:
        statuses = set(SourceStatus)
        if not isinstance(rows, list) or not all(
            isinstance(r, list) and len(r) == len(_ROW) and r[2] in statuses and r[6] in LANGUAGES
            for r in rows
        ):
            raise TypeError("entries are not rows of an entry")
        self._rows = rows
        self._made: dict[int, CorpusEntry] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def languages(self) -> tuple[str, ...]:
        """The language of each entry, read from the rows; empty when all are English."""
        found = tuple(str(r[6]) for r in self._rows)
        return found if any(lang != DEFAULT for lang in found) else ()

    @overload
    def __getitem__(self, i: int) -> CorpusEntry: ...
    @overload
    def __getitem__(self, i: slice) -> list[CorpusEntry]: ...
    def __getitem__(self, i: int | slice) -> CorpusEntry | list[CorpusEntry]:
        if isinstance(i, slice):
            return [self[n] for n in range(*i.indices(len(self)))]
        i = range(len(self._rows))[i]
        made = self._made.get(i)
        if made is None:
            made = self._made[i] = _entry(self._rows[i])
        return made


def _entry_row(entry: CorpusEntry) -> list[object]:
    date = entry.date.isoformat() if entry.date else None
    return [
        entry.document,
        entry.provision,
        entry.status.value,
        entry.holder,
        date,
        entry.text,
        entry.language,
    ]


def _entry(row: list[object]) -> CorpusEntry:
    document, provision, status, holder, date, text, language = row
    return CorpusEntry(
        document=str(document),
        provision=str(provision),
        status=SourceStatus(str(status)),
        holder=None if holder is None else str(holder),
        date=dt.date.fromisoformat(str(date)) if date is not None else None,
        text=str(text),
        language=str(language),
    )
