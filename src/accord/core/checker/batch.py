"""The lines of a batch file for `accord check --batch`: one JSON object a line,
``{"text": "...", "id": ..., "language": "fr"}`` (``id`` optional, any JSON value, echoed in
the result; ``language`` optional, told from the text when left out)."""

import json
from dataclasses import dataclass

from accord.core.checker.errors import InvalidBatchLine


@dataclass(frozen=True, slots=True)
class BatchItem:
    text: str
    id: object = None
    language: str | None = None


def batch_item(number: int, line: str) -> BatchItem:
    """The passage on line ``number``; raises `InvalidBatchLine` saying what is wrong."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError:
        raise InvalidBatchLine(number, "not-json") from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise InvalidBatchLine(number, "no-text")
    unknown = sorted(set(data) - {"text", "id", "language"})
    if unknown:
        raise InvalidBatchLine(number, "unknown-field", unknown[0])
    language = data.get("language")
    return BatchItem(data["text"], data.get("id"), None if language is None else str(language))
