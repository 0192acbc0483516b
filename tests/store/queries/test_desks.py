"""A person's desk, as the store reads it."""

import pytest
from tests.actions.test_revisions import REV1

from accord.actions.desk import note_desk_visit
from accord.actions.positions import record_position
from accord.actions.revisions import issue_revision
from accord.core.positions import Stance
from accord.store import models, queries

pytestmark = pytest.mark.django_db


def test_the_desk_counts_changes_since_the_visit_and_names_stale_positions(negotiation):
    first = queries.desk(negotiation.brazil, negotiation.process)
    on_record = models.Event.objects.filter(process=negotiation.process).count()
    assert (first.last_visit, first.change_count, first.stale_positions) == (None, on_record, [])
    note_desk_visit(negotiation.brazil, negotiation.process, seen_seq=first.latest_seq)
    record_position(
        negotiation.version, by=negotiation.brazil, provision_uid="p2", stance=Stance.SUPPORT
    )
    rev1 = issue_revision(
        negotiation.version.document, by=negotiation.chair, text=REV1, label="Rev.1"
    )
    later = queries.desk(negotiation.brazil, negotiation.process)
    assert [e.kind for e in later.changes] == ["revision.issued", "position.recorded"]
    assert (later.change_count, later.latest_seq) == (2, later.changes[0].seq)
    assert later.stale_positions == [
        queries.StalePosition(rev1, queries.version_value(rev1).provision("p2"), "support")
    ]
    assert (later.invitations, later.open_silences) == ([], [])
