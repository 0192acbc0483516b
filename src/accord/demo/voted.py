"""A concluded process in the demo whose rules of procedure decide by vote: a short
resolution adopted by a recorded vote of the 193 members, with explanations of vote, next to
the processes decided by consensus."""

import zlib

from django.contrib.auth.models import User

from accord.actions.adoption import record_vote
from accord.actions.processes import publish_draft
from accord.actions.status import mark_provision_status
from accord.core.decisions import Ballot, DecisionRule
from accord.core.status import ActKind
from accord.demo.members import open_process
from accord.store import models, queries

SLUG = "ict-capacity-vote-demo"
TITLE = "Conference on ICT capacity-building (demo, decided by vote)"
SYMBOL = "A/CONF.250/2025/L.3"

DRAFT = """# Capacity-building in the use of ICTs (demo)

## Operative part

1. Decides to establish a voluntary fund to support capacity-building for developing
States in the security of and in the use of information and communications technologies.

2. Invites Member States and other donors to contribute to the fund.

3. Requests the Secretary-General to report on the operation of the fund at the next
session.
"""

# Each delegation's explanation of vote, and the ballot it explains.
EXPLANATIONS = {
    "KEN": (
        Ballot.YES,
        "Kenya voted in favour: the fund answers needs that developing States have long voiced.",
    ),
    "CHE": (
        Ballot.ABSTAIN,
        "Switzerland abstained: it supports capacity-building but would have preferred to "
        "strengthen existing funds rather than create a new one.",
    ),
}


def _ballot(code: str) -> Ballot | None:
    """A spread that does not depend on the run: most members in favour, some against, some
    abstaining, a few not voting (None)."""
    bucket = zlib.crc32(code.encode()) % 40
    if bucket < 2:
        return Ballot.NO
    if bucket < 8:
        return Ballot.ABSTAIN
    if bucket < 10:
        return None
    return Ballot.YES


def add_voted_process(chair: User, secretariat: User) -> None:
    """Build the voted process through the same actions as the others."""
    process = open_process(
        SLUG, TITLE, chair, secretariat, decision_rule=DecisionRule.VOTE_TWO_THIRDS
    )
    version = publish_draft(
        process, by=chair, slug="resolution", text=DRAFT, label="L.3", symbol=SYMBOL
    )
    for uid in (p.uid for p in queries.version_value(version) if p.is_amendable):
        mark_provision_status(version, by=chair, provision_uid=uid, kind=ActKind.AGREED)
    members = models.Delegation.objects.filter(kind="member-state").values_list("code", flat=True)
    ballots = {code: ballot for code in members if (ballot := _ballot(code)) is not None}
    ballots |= {code: ballot for code, (ballot, _) in EXPLANATIONS.items()}
    record_vote(
        version,
        by=chair,
        ballots=ballots,
        explanations={code: text for code, (_, text) in EXPLANATIONS.items()},
    )
