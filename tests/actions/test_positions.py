import pytest
from django.core.cache import cache
from tests.builders import assert_refused_without_trace

from accord.actions.positions import record_position
from accord.core.errors import (
    NotAMember,
    NotAmendable,
    NotPermitted,
    TextTooLong,
    UnknownProvision,
    VersionNotCurrent,
)
from accord.core.positions import Stance
from accord.core.provisions import content_hash
from accord.store import models, queries

pytestmark = pytest.mark.django_db

TEXT_4 = "The voluntary, non-binding norms complement the application of international law."


def _counts():
    return models.Position.objects.count(), models.Event.objects.count()


def test_a_delegate_records_a_position_bound_to_the_text_with_one_event(negotiation):
    position = record_position(
        negotiation.version,
        by=negotiation.brazil,
        provision_uid="p4",
        stance=Stance.OBJECT,
        note="  Too weak.  ",
    )
    assert (position.delegation.code, position.stance, position.note, position.text_hash) == (
        "BRA",
        "object",
        "Too weak.",
        content_hash(TEXT_4),
    )
    event = models.Event.objects.last()
    assert (event.kind, event.delegation.code, event.payload) == (
        "position.recorded",
        "BRA",
        {
            "document": "report",
            "version": 1,
            "provision": "p4",
            "label": "4",
            "stance": "object",
            "text_hash": content_hash(TEXT_4),
        },
    )


def test_the_board_counts_standing_positions_and_lists_stale_ones(negotiation):
    record_position(
        negotiation.version, by=negotiation.brazil, provision_uid="p4", stance=Stance.OBJECT
    )
    record_position(
        negotiation.version, by=negotiation.germany, provision_uid="p4", stance=Stance.SUPPORT
    )
    record_position(
        negotiation.version, by=negotiation.brazil, provision_uid="p4", stance=Stance.CAN_ACCEPT
    )
    row = next(
        r
        for r in queries.positions_board(
            negotiation.version, queries.version_value(negotiation.version)
        )
        if r.provision.uid == "p4"
    )
    assert row.stances == [["Germany"], ["Brazil"], [], []]
    assert row.stale == []
    # A version's text never changes in place (a revision is a new version); changed here
    # behind the record's back, the board kept for the record's position is let go too.
    models.Provision.objects.filter(version=negotiation.version, uid="p4").update(text="New.")
    cache.clear()
    row = next(
        r
        for r in queries.positions_board(
            negotiation.version, queries.version_value(negotiation.version)
        )
        if r.provision.uid == "p4"
    )
    assert row.stances == [[], [], [], []]
    assert row.stale == ["Brazil", "Germany"]
    assert queries.own_positions(
        negotiation.version, queries.version_value(negotiation.version), "BRA"
    ) == {"p4": queries.OwnPosition(stance="can-accept", stale=True)}


def _refused(negotiation, error, **kwargs):
    arguments = {"by": negotiation.brazil, "provision_uid": "p4", "stance": Stance.SUPPORT}
    arguments |= kwargs
    version = arguments.pop("version", negotiation.version)
    assert_refused_without_trace(error, _counts, lambda: record_position(version, **arguments))


@pytest.mark.parametrize("who", ["chair", "holy_see", "stakeholder", "outsider"])
def test_only_delegates_state_positions(negotiation, who):
    from accord.core.participants import Reason

    _refused(negotiation, NotPermitted(Reason.NOT_A_DELEGATE), by=getattr(negotiation, who))


def test_a_delegate_of_a_delegation_no_longer_a_member_is_refused(negotiation):
    models.Participation.objects.filter(delegation__code="BRA").update(kind="observer")
    _refused(negotiation, NotAMember("BRA"))


def test_unknown_provision_heading_and_long_note(negotiation):
    _refused(negotiation, UnknownProvision("p99"), provision_uid="p99")
    _refused(negotiation, NotAmendable("s-a"), provision_uid="s-a")
    _refused(negotiation, TextTooLong(length=2001, limit=2000), note="n" * 2001)


def test_positions_only_on_the_current_version(negotiation):
    zero = negotiation.version
    models.Version.objects.create(
        document=zero.document,
        number=2,
        label="Rev.1",
        title=zero.title,
        issued_at=zero.issued_at,
        content_hash=zero.content_hash,
    )
    _refused(negotiation, VersionNotCurrent(version="Zero draft", current="Rev.1"))
