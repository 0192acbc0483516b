"""The revision workspace: the stored draft of the next revision, who reads and edits it."""

from datetime import UTC, datetime

import pytest
from tests.actions.test_revisions import REV1
from tests.builders import assert_refused_without_trace, make_user

from accord.actions.adoption import record_adoption
from accord.actions.preconditions import AlreadyAdopted
from accord.actions.processes import accredit
from accord.actions.revisions import issue_revision
from accord.actions.workspace import (
    MAX_DRAFT_CHARS,
    discard_working_draft,
    read_working_draft,
    save_working_draft,
    share_working_draft,
)
from accord.core.draft_text import render_draft
from accord.core.errors import NotPermitted, TextTooLong
from accord.core.fates import FateKind
from accord.core.participants import Reason, Role
from accord.store import models, queries
from accord.words.refusals import explain

pytestmark = pytest.mark.django_db

NINE = datetime(2026, 3, 2, 9, 2, tzinfo=UTC)


@pytest.fixture
def team(negotiation):
    vice = make_user("vice")
    accredit(negotiation.process, by=None, user=vice, role=Role.BUREAU)
    negotiation.vice = vice
    return negotiation


def _document(negotiation):
    return negotiation.version.document


def _state():
    return (
        list(
            models.WorkingDraft.objects.values_list(
                "text", "label", "choices", "others_may_edit", "saved_by__username", "saved_at"
            )
        ),
        models.Event.objects.count(),
    )


def test_the_chair_saves_the_draft_with_the_fates_chosen_and_no_event(team):
    events = models.Event.objects.count()
    saved = save_working_draft(
        _document(team),
        by=team.chair,
        text=REV1,
        label=" Rev.1 ",
        choices={7: (FateKind.MERGED, (3, 2)), 3: (FateKind.PENDING, ())},
        now=NINE,
    )
    assert (saved.text, saved.label, saved.saved_by, saved.saved_at) == (
        REV1,
        "Rev.1",
        team.chair,
        NINE,
    )
    assert saved.choices == {
        "3": {"fate": "pending", "merged_with": []},
        "7": {"fate": "merged", "merged_with": [3, 2]},
    }
    assert models.Event.objects.count() == events
    again = save_working_draft(_document(team), by=team.chair, text="1. Typing", label="", now=NINE)
    assert (again.pk, again.text, again.choices["3"]) == (saved.pk, "1. Typing", saved.choices["3"])


@pytest.mark.parametrize("who", ["chair", "vice", "secretariat"])
def test_the_chair_the_bureau_and_the_secretariat_read_the_draft(team, who):
    assert read_working_draft(_document(team), by=getattr(team, who)) is None
    save_working_draft(_document(team), by=team.chair, text=REV1, label="Rev.1", now=NINE)
    assert read_working_draft(_document(team), by=getattr(team, who)).text == REV1


@pytest.mark.parametrize("who", ["brazil", "holy_see", "stakeholder", "outsider"])
def test_nobody_else_reads_the_draft(team, who):
    save_working_draft(_document(team), by=team.chair, text=REV1, label="Rev.1", now=NINE)
    with pytest.raises(NotPermitted) as refused:
        read_working_draft(_document(team), by=getattr(team, who))
    assert refused.value == NotPermitted(Reason.NOT_REVISION_TEAM)


@pytest.mark.parametrize("who", ["vice", "secretariat"])
def test_the_bureau_and_the_secretariat_edit_only_when_the_chair_allows(team, who):
    person = getattr(team, who)
    assert_refused_without_trace(
        NotPermitted(Reason.WORKSPACE_CLOSED),
        _state,
        lambda: save_working_draft(_document(team), by=person, text=REV1, label="", now=NINE),
    )
    share_working_draft(_document(team), by=team.chair, others_may_edit=True, now=NINE)
    saved = save_working_draft(_document(team), by=person, text=REV1, label="Rev.1", now=NINE)
    assert (saved.text, saved.saved_by, saved.others_may_edit) == (REV1, person, True)
    share_working_draft(_document(team), by=team.chair, others_may_edit=False)
    assert_refused_without_trace(
        NotPermitted(Reason.WORKSPACE_CLOSED),
        _state,
        lambda: save_working_draft(_document(team), by=person, text="1. No", label="", now=NINE),
    )


def test_sharing_a_workspace_not_yet_started_starts_it_from_the_current_text(team):
    events = models.Event.objects.count()
    shared = share_working_draft(_document(team), by=team.chair, others_may_edit=True, now=NINE)
    current = render_draft(queries.version_value(team.version))
    assert (shared.text, shared.label, shared.saved_by, shared.others_may_edit) == (
        current,
        "",
        team.chair,
        True,
    )
    assert models.Event.objects.count() == events


@pytest.mark.parametrize("who", ["vice", "secretariat", "brazil"])
@pytest.mark.parametrize("act", ["share", "discard"])
def test_only_the_chair_shares_or_discards_the_draft(team, who, act):
    save_working_draft(_document(team), by=team.chair, text=REV1, label="Rev.1", now=NINE)
    person = getattr(team, who)
    acts = {
        "share": lambda: share_working_draft(_document(team), by=person, others_may_edit=True),
        "discard": lambda: discard_working_draft(_document(team), by=person),
    }
    assert_refused_without_trace(NotPermitted(Reason.NOT_THE_CHAIR), _state, acts[act])


def test_starting_again_drops_the_draft_but_keeps_the_sharing(team):
    save_working_draft(_document(team), by=team.chair, text=REV1, label="Rev.1", now=NINE)
    discard_working_draft(_document(team), by=team.chair)
    assert not models.WorkingDraft.objects.exists()
    discard_working_draft(_document(team), by=team.chair)
    share_working_draft(_document(team), by=team.chair, others_may_edit=True, now=NINE)
    save_working_draft(
        _document(team), by=team.vice, text=REV1, label="Rev.1", choices={}, now=NINE
    )
    discard_working_draft(_document(team), by=team.chair, now=NINE)
    kept = models.WorkingDraft.objects.get()
    current = render_draft(queries.version_value(team.version))
    assert (kept.text, kept.label, kept.choices, kept.others_may_edit, kept.saved_by) == (
        current,
        "",
        {},
        True,
        team.chair,
    )


def test_too_long_a_draft_or_label_is_refused(team):
    for text, label, error in (
        ("x" * (MAX_DRAFT_CHARS + 1), "", TextTooLong(MAX_DRAFT_CHARS + 1, MAX_DRAFT_CHARS)),
        ("1. Text", "R" * 81, TextTooLong(81, 80)),
    ):
        assert_refused_without_trace(
            error,
            _state,
            lambda t=text, lab=label: save_working_draft(
                _document(team), by=team.chair, text=t, label=lab, now=NINE
            ),
        )


def test_no_draft_is_saved_or_shared_after_adoption(team):
    record_adoption(team.version, by=team.chair, confirm=True)
    for act in (
        lambda: save_working_draft(_document(team), by=team.chair, text=REV1, label="", now=NINE),
        lambda: share_working_draft(_document(team), by=team.chair, others_may_edit=True),
    ):
        assert_refused_without_trace(AlreadyAdopted("report"), _state, act)


def test_issuing_the_revision_clears_the_draft(team):
    share_working_draft(_document(team), by=team.chair, others_may_edit=True, now=NINE)
    save_working_draft(_document(team), by=team.vice, text=REV1, label="Rev.1", now=NINE)
    issue_revision(_document(team), by=team.chair, text=REV1, label="Rev.1")
    assert not models.WorkingDraft.objects.exists()


def test_the_workspace_refusals_say_why():
    assert explain(NotPermitted(Reason.NOT_REVISION_TEAM)) == (
        "Only the Chair, the Bureau and the Secretariat see the draft of a revision before it "
        "is issued."
    )
    assert explain(NotPermitted(Reason.WORKSPACE_CLOSED)) == (
        "The Chair has not allowed the Bureau and the Secretariat to edit the draft of this "
        "revision; you may read it."
    )
