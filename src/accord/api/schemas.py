from datetime import date, datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import BeforeValidator, ConfigDict, Field, JsonValue, Strict

from accord.core.provisions import Provision


def example(**body: JsonValue) -> ConfigDict:
    """A request body's configuration with an example of it, from the demo (`make demo`)."""
    return ConfigDict(json_schema_extra={"examples": [body]})


class StrictSchema(Schema):
    """A request body: a field it does not know is refused (422, naming the field), never
    silently dropped, so a misspelt ``confrim`` cannot pass for a missing ``confirm``; and a
    field takes only the JSON type the document gives it (``0`` is not ``false``, ``"3"`` not
    ``3``), so what the OpenAPI document calls invalid is refused."""

    model_config = ConfigDict(extra="forbid", strict=True)


def _text_only(value: object) -> object:
    if not isinstance(value, str):
        raise ValueError("Give a date or a moment as text (ISO 8601).")
    return value


def _number_only(value: object) -> object:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("Give a whole number.")
    return value


# A provision's uid or a delegation's code in a request body: never empty.
Identifier = Annotated[str, Field(min_length=1, max_length=80)]
# A whole number in a request body: JSON Schema counts 72.0 as one, so it is taken; text,
# true and 72.5 are not.
Whole = Annotated[int, Strict(False), BeforeValidator(_number_only)]
# A moment (ISO 8601, ``2026-06-04T09:01:00Z``) and a day (``2026-06-04``) in a request body:
# text only, read from text as the strict bodies cannot.
Moment = Annotated[datetime, Strict(False), BeforeValidator(_text_only)]
Day = Annotated[date, Strict(False), BeforeValidator(_text_only)]


class ProcessOut(Schema):
    slug: str
    title: str


class ProcessPage(Schema):
    items: list[ProcessOut]
    next: str | None


class VersionRef(Schema):
    number: int
    label: str


class OutcomeOut(Schema):
    """An outcome recorded on a version: adopted or not, how, in words, and who objected."""

    version: int
    adopted: bool
    method: str
    outcome: str
    objecting: list[str]
    decided_at: datetime


class DocumentOut(Schema):
    slug: str
    title: str
    symbol: str
    current_version: int
    versions: list[VersionRef]
    adopted: bool
    outcomes: list[OutcomeOut]


class ProvisionOut(Schema):
    """``kind``: ``section``, ``paragraph``, ``subparagraph`` or, in a resolution,
    ``preambular`` (labelled PP1, PP2, …; its operative paragraphs are labelled OP1, …)."""

    uid: str
    kind: str
    label: str
    text: str
    parent: str | None
    content_hash: str


def provision_body(p: Provision) -> dict[str, object]:
    """A provision as `ProvisionOut` describes it."""
    return {
        "uid": p.uid,
        "kind": p.kind.value,
        "label": p.label,
        "text": p.text,
        "parent": p.parent,
        "content_hash": p.content_hash,
    }


class TitleBlockOut(Schema):
    """What heads a resolution or decision."""

    body: str
    session: str
    agenda_item: str
    sponsors: list[str]


class VersionOut(Schema):
    """``title_block`` is null for a report."""

    document: str
    number: int
    label: str
    title: str
    title_block: TitleBlockOut | None
    issued_at: datetime
    content_hash: str
    is_current: bool
    outcomes: list[OutcomeOut]
    provisions: list[ProvisionOut]


class OperationOut(Schema):
    kind: str
    old: str
    new: str


class CosponsorOut(Schema):
    delegation: str
    delegation_name: str


class StructureOut(Schema):
    """A whole-provision operation: ``add`` a paragraph with ``text`` after ``after``,
    ``delete`` provision ``uid``, or ``move`` ``uid`` to follow ``after``."""

    op: Literal["add", "delete", "move"]
    uid: str | None = None
    after: str | None = None
    text: str | None = None


class FateOut(Schema):
    """What revision ``revision`` (its label; ``version`` its number) did with a proposal:
    ``fate`` is reflected (in ``provisions``), partly reflected, merged (``merged_with``
    other proposals), not taken up, withdrawn or pending; ``recorded`` is false where the
    engine's suggestion stood."""

    revision: str
    version: int
    fate: Literal["reflected", "partly-reflected", "merged", "not-taken-up", "withdrawn", "pending"]
    provisions: list[str]
    merged_with: list[int]
    recorded: bool


class CarriedOut(Schema):
    """Where an open proposal shown on a later version was made: the version (number and
    label) and the provision (uid and number there); ``changes`` says how that provision
    changed since: ``words`` (the words it touched were rewritten: its operations are read
    against today's text), ``split``, ``merged``."""

    version: int
    version_label: str
    provision: str
    provision_label: str
    changes: list[Literal["words", "split", "merged"]]


ProposalStatusOut = Literal[
    "open", "reflected", "partly-reflected", "merged", "not-taken-up", "withdrawn"
]


class ProposalOut(Schema):
    """A proposal. ``status`` is open until a revision gives it a final fate (``fates``, one
    per revision since it was made, oldest first), or withdrawn by its delegation."""

    id: int
    provision: str
    delegation: str
    delegation_name: str
    on_behalf_of: str | None
    cosponsors: list[CosponsorOut]
    kind: Literal["wording", "alternatives", "add", "delete", "move"]
    wording: str
    operations: list[OperationOut]
    options: list[str]
    structure: StructureOut | None
    justification: str
    status: ProposalStatusOut
    submitted_at: datetime
    fates: list[FateOut]
    carried: CarriedOut | None


class CompilationEntryOut(Schema):
    provision: ProvisionOut
    proposals: list[ProposalOut]


class CompilationOut(Schema):
    document: str
    version: int
    proposal_count: int
    entries: list[CompilationEntryOut]


class ProposalIn(StrictSchema):
    """``kind`` says what the proposal does: ``wording`` (new ``wording`` for the
    provision), ``alternatives`` (two or more ``options``), ``add`` (a new paragraph with
    ``wording`` after the provision), ``delete`` (the provision), ``move`` (the provision, to
    follow ``after``)."""

    model_config = example(
        provision="p29",
        wording="States reaffirmed that voluntary confidence-building measures help to lower "
        "tensions.",
        justification="Keep it short.",
    )

    provision: Identifier
    kind: Literal["wording", "alternatives", "add", "delete", "move"] = "wording"
    wording: str = ""
    options: list[str] = []
    after: str = ""
    justification: str = ""
    on_behalf_of: str | None = None


class FieldError(Schema):
    field: str
    message: str


class Problem(Schema):
    """An RFC 9457 problem document."""

    type: str
    title: str
    status: int
    detail: str
    errors: list[FieldError] | None = None


class PositionIn(StrictSchema):
    model_config = example(provision="p30", stance="reserve", note="Awaiting instructions.")

    provision: Identifier
    stance: Literal["support", "can-accept", "reserve", "object"]
    note: str = ""


class PositionOut(Schema):
    provision: str
    delegation: str
    stance: str
    note: str
    text_hash: str
    recorded_at: datetime
