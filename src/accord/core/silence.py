"""The lifecycle of a silence procedure, as a rule: what each state means and which
transitions are allowed.

A procedure is *running* from its launch. It closes once, into one of five states, and
never runs again:

- *passed*: the deadline came and no member had broken silence; the text is adopted;
- *broken*: the deadline came and at least one member had broken silence; not adopted;
- *superseded*: a revision of the document was issued while it ran;
- *withdrawn*: the Chair withdrew it, giving a reason;
- *closed by adoption*: the document was adopted otherwise (at a meeting) while it ran.

Only a running procedure on the current version of a document not yet adopted accepts a
letter breaking silence, or any other transition. Whether members may make proposals while
a procedure runs is a rule of procedure (`ProposalsUnderSilence`).
"""

from datetime import datetime
from enum import StrEnum

from accord.core.decisions import SilenceOutcome
from accord.core.errors import (
    ProposalsFrozen,
    SilenceClosed,
    SilenceClosedByAdoption,
    SilenceSuperseded,
    SilenceWithdrawn,
)

# A letter breaking silence, or the reason the Chair gives for withdrawing a procedure.
MAX_LETTER_CHARS = 20_000


class SilenceState(StrEnum):
    RUNNING = "running"
    PASSED = "passed"
    BROKEN = "broken"
    SUPERSEDED = "superseded"
    WITHDRAWN = "withdrawn"
    CLOSED_BY_ADOPTION = "closed-by-adoption"


class ProposalsUnderSilence(StrEnum):
    """A rule of procedure: while a silence procedure runs on a text, members may still make
    proposals on it (they are considered in a later revision), or they may not."""

    ALLOWED = "allowed"
    FROZEN = "frozen"


def check_running(
    state: SilenceState,
    *,
    document: str,
    deadline: datetime,
    current: bool = True,
    adopted: bool = False,
) -> None:
    """Raise the refusal saying why a procedure in ``state`` no longer runs: it was
    superseded (`SilenceSuperseded`, also for one still marked running on a version that is
    no longer ``current``), withdrawn (`SilenceWithdrawn`), closed because ``document`` was
    ``adopted`` (`SilenceClosedByAdoption`), or closed at its ``deadline`` (`SilenceClosed`).
    Every transition starts from a procedure that passes this check."""
    if state is SilenceState.SUPERSEDED or (state is SilenceState.RUNNING and not current):
        raise SilenceSuperseded(document)
    if state is SilenceState.CLOSED_BY_ADOPTION or (state is SilenceState.RUNNING and adopted):
        raise SilenceClosedByAdoption(document)
    if state is SilenceState.WITHDRAWN:
        raise SilenceWithdrawn(document)
    if state is not SilenceState.RUNNING:
        raise SilenceClosed(deadline.isoformat())


def at_deadline(outcome: SilenceOutcome, *, current: bool, adopted: bool) -> SilenceState:
    """The state a running procedure closes into at its deadline: passed or broken; or, for
    one whose version is no longer ``current`` or whose document was ``adopted`` otherwise
    without closing it then, superseded or closed by adoption (nothing is adopted twice)."""
    if not current:
        return SilenceState.SUPERSEDED
    if adopted:
        return SilenceState.CLOSED_BY_ADOPTION
    return SilenceState.PASSED if outcome.passed else SilenceState.BROKEN


def check_may_propose(rule: ProposalsUnderSilence, *, under_silence: bool, document: str) -> None:
    """Raise `ProposalsFrozen` for a proposal on a text under silence where the rules of
    procedure freeze proposals while silence runs."""
    if under_silence and rule is ProposalsUnderSilence.FROZEN:
        raise ProposalsFrozen(document)
