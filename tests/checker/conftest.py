"""The checker's tests load the test corpus of `tests/core_checker` through the real action."""

from pathlib import Path

import pytest

CORPUS_FILE = Path(__file__).parent.parent / "core_checker" / "corpus.jsonl"


@pytest.fixture
def corpus(db):  # type: ignore[no-untyped-def]
    from accord.actions.corpus import import_corpus

    return import_corpus(CORPUS_FILE.read_bytes(), by=None, name="corpus.jsonl")
