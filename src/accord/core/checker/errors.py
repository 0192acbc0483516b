"""Refusals of the agreed-language checker. Each carries data; `accord.words.refusals`
says the words."""

from dataclasses import dataclass

from accord.core.errors import Refusal


@dataclass(frozen=True, slots=True)
class LineProblem:
    """Why one line of a corpus file was refused. ``reason`` is one of `LineReason`."""

    line: int
    reason: str
    detail: str = ""


class LineReason:
    NOT_UTF8 = "not-utf8"
    NOT_JSON = "not-json"
    NOT_AN_OBJECT = "not-an-object"
    MISSING_FIELD = "missing-field"
    UNKNOWN_FIELD = "unknown-field"
    NOT_TEXT = "not-text"
    EMPTY_FIELD = "empty-field"
    BAD_STATUS = "bad-status"
    HOLDER_REQUIRED = "holder-required"
    HOLDER_NOT_ALLOWED = "holder-not-allowed"
    BAD_DATE = "bad-date"
    TOO_LONG = "too-long"
    BAD_LANGUAGE = "bad-language"


@dataclass(slots=True, unsafe_hash=True)
class InvalidCorpus(Refusal):
    """A corpus file with at least one bad line; nothing from it is stored."""

    problems: tuple[LineProblem, ...]
    code = "invalid-corpus"

    def params(self) -> dict[str, object]:
        return {"count": len(self.problems), "first": self.problems[0].line}


@dataclass(slots=True, unsafe_hash=True)
class EmptyCorpus(Refusal):
    """A corpus file without a single provision."""

    code = "empty-corpus"


@dataclass(slots=True, unsafe_hash=True)
class CorpusTooLarge(Refusal):
    size: int
    limit: int
    code = "corpus-too-large"


@dataclass(slots=True, unsafe_hash=True)
class CorpusAlreadyImported(Refusal):
    """The same file (by content hash) is already in the corpus."""

    content_hash: str
    code = "corpus-already-imported"


@dataclass(slots=True, unsafe_hash=True)
class EmptyPassage(Refusal):
    code = "empty-passage"


@dataclass(slots=True, unsafe_hash=True)
class PassageTooLong(Refusal):
    length: int
    limit: int
    code = "passage-too-long"


@dataclass(slots=True, unsafe_hash=True)
class UnknownLanguage(Refusal):
    """A passage said to be in a language the checker does not read."""

    language: str
    code = "unknown-language"


@dataclass(slots=True, unsafe_hash=True)
class InvalidBatchLine(Refusal):
    """A line of a batch file that is not ``{"text": ..., "id": ...}``. ``reason`` is one of
    "not-json", "no-text", "unknown-field" (``detail`` names the field)."""

    line: int
    reason: str
    detail: str = ""
    code = "invalid-batch-line"
