"""The agreed-language checker: tell agreed language from altered quotes, national views and
text found nowhere. Pure Python; the store keeps the corpus, the layers above show findings."""

from accord.core.checker.alterations import Alteration
from accord.core.checker.check import PASSAGE_LIMIT, Report, check_passage
from accord.core.checker.corpus import CorpusEntry, SourceStatus, content_hash, parse_corpus
from accord.core.checker.findings import Finding, Mark, MarkKind, Verdict
from accord.core.checker.index import CorpusIndex, build_index

__all__ = [
    "PASSAGE_LIMIT",
    "Alteration",
    "CorpusEntry",
    "CorpusIndex",
    "Finding",
    "Mark",
    "MarkKind",
    "Report",
    "SourceStatus",
    "Verdict",
    "build_index",
    "check_passage",
    "content_hash",
    "parse_corpus",
]
