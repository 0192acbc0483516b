"""The agreed-language checker in the JSON API: ``POST /api/v1/check``."""

from typing import Any, Literal

from django.http import HttpRequest
from ninja import Router, Schema

from accord.api.contract import errors
from accord.api.schemas import StrictSchema, example
from accord.api.throttling import COSTLY
from accord.core.checker.export import report_json
from accord.store import queries

router = Router(tags=["checker"])


class CheckIn(StrictSchema):
    model_config = example(
        text="States reaffirmed that international law is applicable to the use of ICTs."
    )

    text: str
    # The passage's language; told from the text when left out.
    language: Literal["en", "fr", "es", "ru", "ar", "zh"] | None = None


class SourceOut(Schema):
    document: str
    provision: str
    status: str
    holder: str | None
    date: str | None
    text: str
    language: str


class SubstitutionOut(Schema):
    old: str
    new: str


class AlignedOut(Schema):
    passage: str
    source: str


class SegmentOut(Schema):
    segment: str
    start: int
    end: int
    sentence: int
    verdict: str
    source: SourceOut | None
    similarity: float
    omitted: list[str]
    added: list[str]
    substituted: list[SubstitutionOut]
    qualifiers_dropped: list[str]
    alterations: list[str]
    partial: bool
    joined: bool
    framing: str
    also_adopted: SourceOut | None
    frame: bool
    quoted: bool
    reported: bool
    agreement_claimed: bool
    paraphrase: bool
    alignment: list[AlignedOut]


class CheckOut(Schema):
    language: str
    language_detected: bool
    segments: list[SegmentOut]


@router.post("/check", response={200: CheckOut, **errors(400, 413, 422)}, throttle=COSTLY)
def check(request: HttpRequest, body: CheckIn) -> dict[str, Any]:
    """Each sentence (or clause) of the passage with its verdict, source and changes, checked
    against the corpus entries in the passage's language (given, or told from the text)."""
    return report_json(queries.check_text(body.text, language=body.language))
