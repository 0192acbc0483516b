"""The corpus the checker compares passages with, and the JSON Lines format it is imported in.

One provision a line: ``{"document", "provision", "status", "holder", "date", "text"}``, and
optionally ``"language"`` (one of `LANGUAGES`; English when left out).
A file is taken whole or not at all: every bad line is reported with its number and reason.
"""

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from accord.core.checker.errors import EmptyCorpus, InvalidCorpus, LineProblem, LineReason
from accord.core.checker.languages import DEFAULT, LANGUAGES

FIELDS = ("document", "provision", "status", "holder", "date", "text")
OPTIONAL = ("language",)
TEXT_LIMIT = 20_000
LABEL_LIMIT = 300


class SourceStatus(StrEnum):
    """How a provision came to be: adopted (by consensus or vote) or only someone's view."""

    CONSENSUS = "consensus"
    VOTE = "vote"
    CHAIRS_SUMMARY = "chairs-summary"
    NATIONAL_VIEW = "national-view"
    PROPOSAL = "proposal"

    @property
    def is_adopted(self) -> bool:
        return self in (SourceStatus.CONSENSUS, SourceStatus.VOTE)


_HELD = (SourceStatus.NATIONAL_VIEW, SourceStatus.PROPOSAL)


@dataclass(frozen=True, slots=True)
class CorpusEntry:
    """One provision of the corpus, with where it comes from and whose it is."""

    document: str
    provision: str
    status: SourceStatus
    holder: str | None
    date: dt.date | None
    text: str
    language: str = DEFAULT


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parse_corpus(lines: Iterable[str]) -> tuple[CorpusEntry, ...]:
    """The entries of a JSON Lines corpus; blank lines are skipped.

    Raises `InvalidCorpus` listing every bad line, or `EmptyCorpus` when there is no entry.
    """
    entries: list[CorpusEntry] = []
    problems: list[LineProblem] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        found = _entry(number, line)
        if isinstance(found, LineProblem):
            problems.append(found)
        else:
            entries.append(found)
    if problems:
        raise InvalidCorpus(tuple(problems))
    if not entries:
        raise EmptyCorpus()
    return tuple(entries)


def _entry(number: int, line: str) -> CorpusEntry | LineProblem:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        return LineProblem(number, LineReason.NOT_JSON, error.msg)
    if not isinstance(data, dict):
        return LineProblem(number, LineReason.NOT_AN_OBJECT)
    problem = _field_problem(data)
    if problem is not None:
        return LineProblem(number, *problem)
    return _held_problem(number, data) or _build(number, data)


def _field_problem(data: dict[str, object]) -> tuple[str, str] | None:
    for name in FIELDS:
        if name not in data:
            return LineReason.MISSING_FIELD, name
    for name in sorted(set(data) - set(FIELDS) - set(OPTIONAL)):
        return LineReason.UNKNOWN_FIELD, name
    if data.get("language", DEFAULT) not in LANGUAGES:
        return LineReason.BAD_LANGUAGE, str(data["language"])
    for name in ("document", "provision", "status", "text"):
        value = data[name]
        if isinstance(value, int) and not isinstance(value, bool) and name == "provision":
            continue
        if not isinstance(value, str):
            return LineReason.NOT_TEXT, name
        if not value.strip():
            return LineReason.EMPTY_FIELD, name
    for name in ("holder", "date"):
        if data[name] is not None and not isinstance(data[name], str):
            return LineReason.NOT_TEXT, name
    return _length_problem(data)


def _length_problem(data: dict[str, object]) -> tuple[str, str] | None:
    if len(str(data["text"])) > TEXT_LIMIT:
        return LineReason.TOO_LONG, "text"
    for name in ("document", "provision", "holder"):
        if len(str(data[name] or "")) > LABEL_LIMIT:
            return LineReason.TOO_LONG, name
    if data["status"] not in tuple(SourceStatus):
        return LineReason.BAD_STATUS, str(data["status"])
    return None


def _held_problem(number: int, data: dict[str, object]) -> LineProblem | None:
    held = SourceStatus(str(data["status"])) in _HELD
    holder = str(data["holder"] or "").strip()
    if held and not holder:
        return LineProblem(number, LineReason.HOLDER_REQUIRED, str(data["status"]))
    if not held and data["holder"] is not None:
        return LineProblem(number, LineReason.HOLDER_NOT_ALLOWED, str(data["status"]))
    return None


def _build(number: int, data: dict[str, object]) -> CorpusEntry | LineProblem:
    date = None
    if data["date"] is not None:
        try:
            date = dt.date.fromisoformat(str(data["date"]))
        except ValueError:
            return LineProblem(number, LineReason.BAD_DATE, str(data["date"]))
    holder = str(data["holder"]).strip() if data["holder"] is not None else None
    return CorpusEntry(
        document=str(data["document"]).strip(),
        provision=str(data["provision"]).strip(),
        status=SourceStatus(str(data["status"])),
        holder=holder,
        date=date,
        text=" ".join(str(data["text"]).split()),
        language=str(data.get("language", DEFAULT)),
    )


def entry_json(entry: CorpusEntry) -> str:
    """One line of the import format for ``entry`` (the inverse of parsing it)."""
    return json.dumps(
        {
            "document": entry.document,
            "provision": entry.provision,
            "status": entry.status.value,
            "holder": entry.holder,
            "date": entry.date.isoformat() if entry.date else None,
            "text": entry.text,
            "language": entry.language,
        },
        ensure_ascii=False,
    )
