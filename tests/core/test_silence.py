"""The lifecycle of a silence procedure: what closes it, into which state, and why a closed
one refuses every further step."""

from datetime import UTC, datetime

import pytest

from accord.core.decisions import SilenceOutcome
from accord.core.errors import (
    ProposalsFrozen,
    SilenceClosed,
    SilenceClosedByAdoption,
    SilenceSuperseded,
    SilenceWithdrawn,
)
from accord.core.silence import (
    ProposalsUnderSilence,
    SilenceState,
    at_deadline,
    check_may_propose,
    check_running,
)

DEADLINE = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
PASSED = SilenceOutcome(True, True, frozenset(), frozenset(), frozenset())
BROKEN = SilenceOutcome(False, True, frozenset({"BRA"}), frozenset(), frozenset())


def test_a_running_procedure_on_the_current_text_of_a_document_not_adopted_runs() -> None:
    assert check_running(SilenceState.RUNNING, document="report", deadline=DEADLINE) is None


@pytest.mark.parametrize(
    ("state", "current", "adopted", "refusal"),
    [
        (SilenceState.SUPERSEDED, True, False, SilenceSuperseded("report")),
        (SilenceState.RUNNING, False, False, SilenceSuperseded("report")),
        (SilenceState.RUNNING, False, True, SilenceSuperseded("report")),
        (SilenceState.CLOSED_BY_ADOPTION, True, True, SilenceClosedByAdoption("report")),
        (SilenceState.RUNNING, True, True, SilenceClosedByAdoption("report")),
        (SilenceState.WITHDRAWN, True, False, SilenceWithdrawn("report")),
        (SilenceState.PASSED, True, True, SilenceClosed(DEADLINE.isoformat())),
        (SilenceState.BROKEN, True, False, SilenceClosed(DEADLINE.isoformat())),
    ],
)
def test_a_closed_procedure_says_why_it_no_longer_runs(
    state: SilenceState, current: bool, adopted: bool, refusal: Exception
) -> None:
    with pytest.raises(type(refusal)) as raised:
        check_running(state, document="report", deadline=DEADLINE, current=current, adopted=adopted)
    assert raised.value == refusal
    assert raised.value.params() in ({"document": "report"}, {"deadline": DEADLINE.isoformat()})


@pytest.mark.parametrize(
    ("outcome", "current", "adopted", "state"),
    [
        (PASSED, True, False, SilenceState.PASSED),
        (BROKEN, True, False, SilenceState.BROKEN),
        (PASSED, False, False, SilenceState.SUPERSEDED),
        (PASSED, True, True, SilenceState.CLOSED_BY_ADOPTION),
    ],
)
def test_at_its_deadline_a_procedure_passes_or_is_broken_and_never_adopts_twice(
    outcome: SilenceOutcome, current: bool, adopted: bool, state: SilenceState
) -> None:
    assert at_deadline(outcome, current=current, adopted=adopted) is state


def test_the_rules_may_freeze_proposals_while_silence_runs() -> None:
    allowed, frozen = ProposalsUnderSilence.ALLOWED, ProposalsUnderSilence.FROZEN
    assert check_may_propose(allowed, under_silence=True, document="report") is None
    assert check_may_propose(frozen, under_silence=False, document="report") is None
    with pytest.raises(ProposalsFrozen) as raised:
        check_may_propose(frozen, under_silence=True, document="report")
    assert (raised.value, raised.value.params()) == (
        ProposalsFrozen("report"),
        {"document": "report"},
    )
