"""Processes and their rules of procedure: read one, or set one up (staff users)."""

from typing import Annotated, Literal

from django.http import HttpRequest
from ninja import Field, NinjaAPI, Schema, Status
from pydantic import Strict

from accord.actions.processes import rules_of_procedure, set_up_process
from accord.api.auth import AUTH, writer
from accord.api.contract import READ, WRITE, errors
from accord.api.lookups import visible_process
from accord.api.schemas import StrictSchema, Whole, example
from accord.core.convergence_audience import Audience
from accord.core.decisions import DecisionRule, StakeholderModality
from accord.core.silence import ProposalsUnderSilence
from accord.store import models, queries

Code = Annotated[str, Field(min_length=1, max_length=40)]
Rule = Literal["consensus", "consensus-or-silence", "vote-simple-majority", "vote-two-thirds"]


class RulesOut(Schema):
    decision_rule: Rule
    silence_minimum_hours: int
    stakeholder_modality: Literal["none", "non-objection", "open"]
    proposals_under_silence: Literal["allowed", "frozen"]
    delegates_second_factor: bool
    convergence_audience: Audience


class ProcessDetailOut(Schema):
    slug: str
    title: str
    public: bool
    rules: RulesOut
    members: list[str]
    observers: list[str]
    stakeholders: list[str]


class ProcessIn(StrictSchema):
    """A process to set up. ``members`` left out (or null) admits every member State of the
    United Nations; otherwise it lists the members' codes."""

    model_config = example(
        slug="bbnj-5",
        title="Fifth session",
        public=False,
        decision_rule="consensus-or-silence",
        silence_minimum_hours=48,
        members=["BRA", "KEN"],
        observers=["VAT"],
    )

    slug: str = Field(max_length=80)
    title: str = Field(max_length=300)
    public: bool = True
    decision_rule: Rule = "consensus"
    silence_minimum_hours: Whole = Field(72, ge=1, le=8760)
    stakeholder_modality: Literal["none", "non-objection", "open"] = "none"
    proposals_under_silence: Literal["allowed", "frozen"] = "allowed"
    delegates_second_factor: bool = False
    convergence_audience: Annotated[Audience, Strict(False)] = Audience.CHAIR_AND_BUREAU
    members: list[Code] | None = Field(None, max_length=400)
    observers: list[Code] = Field(default_factory=list, max_length=400)


def _detail(process: models.Process) -> dict[str, object]:
    taking_part = queries.participants(process)
    return {
        "slug": process.slug,
        "title": process.title,
        "public": process.is_public,
        "rules": rules_of_procedure(process),
        **{kind + "s": [d.code for d in taking_part[kind]] for kind in taking_part},
    }


def install(api: NinjaAPI) -> None:
    """Add the endpoints to ``api`` itself: POST /processes shares its path with the list."""

    @api.get("/processes/{process}", response={200: ProcessDetailOut, **errors(*READ)})
    def get_process(request: HttpRequest, process: str) -> dict[str, object]:
        """A process, its rules of procedure and the codes of the delegations taking part."""
        return _detail(visible_process(request, process))

    @api.post("/processes", response={201: ProcessDetailOut, **errors(*WRITE)}, auth=AUTH)
    def create_process(request: HttpRequest, body: ProcessIn) -> Status[dict[str, object]]:
        """Set up a process; only staff users of the instance may, and they become its
        Secretariat. Refused with 409 when the short name is taken and 422 for a short name
        that cannot go into addresses or codes that name no delegation; nothing is stored."""
        process = set_up_process(
            by=writer(request),
            slug=body.slug,
            title=body.title,
            is_public=body.public,
            decision_rule=DecisionRule(body.decision_rule),
            silence_minimum_hours=body.silence_minimum_hours,
            stakeholder_modality=StakeholderModality(body.stakeholder_modality),
            proposals_under_silence=ProposalsUnderSilence(body.proposals_under_silence),
            delegates_second_factor=body.delegates_second_factor,
            convergence_audience=body.convergence_audience,
            members=body.members,
            observers=body.observers,
        )
        return Status(201, _detail(process))
