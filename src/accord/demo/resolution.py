"""A draft resolution in the demo, negotiated beside the working group's report: the General
Assembly's First Committee takes up the draft that would endorse the report, with its title
block, a preamble and operative paragraphs, proposals on both parts, and a revision that
reorders the preamble, splits one operative paragraph and merges two."""

from importlib import resources

from django.contrib.auth.models import User

from accord.actions.processes import publish_draft
from accord.actions.proposals import submit_proposal
from accord.actions.revisions import issue_revision
from accord.core.fates import Fate, FateKind
from accord.core.proposals import ProposalKind
from accord.demo.members import open_process

SLUG = "first-committee-demo"
TITLE = "First Committee: draft resolution on the OEWG report (demo)"
DOCUMENT = "resolution"
SYMBOL = "A/C.1/81/L.11"


def _file(name: str) -> str:
    return resources.files("accord.demo").joinpath(name).read_text("utf-8")


DELEGATIONS = ("BRA", "DEU", "EGY", "IDN", "IRN", "KEN", "SGP", "USA")


def add_demo_resolution(chair: User, secretariat: User, delegates: dict[str, User]) -> None:
    """Build the First Committee's negotiation through the same actions as the others."""
    process = open_process(
        SLUG, TITLE, chair, secretariat, {code: delegates[code] for code in DELEGATIONS}
    )
    draft = publish_draft(
        process,
        by=chair,
        slug=DOCUMENT,
        text=_file("resolution_draft.md"),
        label="Draft",
        symbol=SYMBOL,
    )
    moved = submit_proposal(
        draft,
        by=delegates["USA"],
        provision_uid="pp2",
        kind=ProposalKind.MOVE,
        after="pp4",
        justification="The preamble should open with what the Assembly welcomes.",
    )
    worded = submit_proposal(
        draft,
        by=delegates["DEU"],
        provision_uid="op3-a",
        wording="efforts taken at the national level to strengthen information security, "
        "including on the protection of critical infrastructure;",
    )
    added = submit_proposal(
        draft,
        by=delegates["EGY"],
        provision_uid="pp3",
        kind=ProposalKind.ADD,
        wording="Reaffirming the right of States to develop ICT capabilities for peaceful "
        "purposes,",
    )
    noted = submit_proposal(
        draft,
        by=delegates["IRN"],
        provision_uid="op1",
        wording="Takes note of the annual progress report of the Open-ended Working Group;",
    )
    deleted = submit_proposal(
        draft, by=delegates["IRN"], provision_uid="op4", kind=ProposalKind.DELETE
    )
    issue_revision(
        draft.document,
        by=chair,
        text=_file("resolution_rev1.md"),
        label="Rev.1",
        fates={
            moved.pk: Fate(moved.pk, FateKind.REFLECTED, revision="Rev.1"),
            worded.pk: Fate(worded.pk, FateKind.REFLECTED, revision="Rev.1"),
            added.pk: Fate(added.pk, FateKind.PENDING, revision="Rev.1"),
            noted.pk: Fate(noted.pk, FateKind.NOT_TAKEN_UP, revision="Rev.1"),
            deleted.pk: Fate(deleted.pk, FateKind.NOT_TAKEN_UP, revision="Rev.1"),
        },
    )
