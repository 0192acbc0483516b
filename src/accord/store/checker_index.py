"""The checker's index kept on disk between processes, keyed by the content it indexes.

Building the index of a large corpus takes seconds; reading it back takes a fraction of that.
The files live in the instance's own data directory (``ACCORD_DATA_DIR``/cache/checker-index),
are named by the SHA-256 of the corpus they index and are read in accord's own format
(`accord.core.checker.stored`), which holds numbers and text only: a file that does not read
back is built again and replaced, never trusted.
"""

import hashlib
import mmap
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings

from accord.core.checker import CorpusEntry, CorpusIndex
from accord.core.checker.corpus import entry_json
from accord.core.checker.stored import VERSION, UnreadableIndex, dump_index, load_index


def cache_dir() -> Path:
    """``ACCORD_CHECKER_CACHE`` when set (the tests use their own), else in the data dir."""
    chosen = getattr(settings, "ACCORD_CHECKER_CACHE", None)
    return Path(chosen) if chosen else Path(settings.DATA_DIR) / "cache" / "checker-index"


def entries_key(entries: list[CorpusEntry] | tuple[CorpusEntry, ...]) -> str:
    """The SHA-256 of the entries in the import format, one a line."""
    digest = hashlib.sha256()
    for entry in entries:
        digest.update(entry_json(entry).encode("utf-8") + b"\n")
    return digest.hexdigest()


def cached_index(key: str, build: Callable[[], CorpusIndex]) -> CorpusIndex:
    """The index stored under ``key``, or ``build()``'s, stored for next time.

    ``key`` must be a hash of the indexed content. The cache is a convenience: a directory
    that cannot be written only means the next process builds the index again.
    """
    path = cache_dir() / f"{key}.v{VERSION}.index"
    try:
        with path.open("rb") as stored:
            # Mapped, not read: the arrays are used in place and the system pages in only
            # what a check touches. The mapping outlives the closed file.
            return load_index(mmap.mmap(stored.fileno(), 0, access=mmap.ACCESS_READ))
    except (OSError, ValueError, UnreadableIndex):
        pass
    index = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as out:
            out.write(dump_index(index))
        os.replace(out.name, path)
    except OSError:
        pass
    return index
