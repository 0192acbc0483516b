"""What was said in the room, row by row, against the events that vouch for it: an insider
who edits a proposal's wording, a delegation's stance, a statement's text or a fate in the
database — or slips in a row of their own — is named by `record.first_row_mismatch`."""

import pytest
from django.db import connection

from accord.actions.positions import record_position
from accord.actions.proposals import submit_proposal
from accord.actions.revisions import issue_revision
from accord.actions.statements import deliver_statement
from accord.core.fates import Fate, FateKind
from accord.core.positions import Stance
from accord.store import models, record

pytestmark = pytest.mark.django_db

REV1 = """# Report of the working group (test)

## A. Rules, norms and principles

1. States should take appropriate measures to protect critical infrastructure.

2. The norms complement the application of international law.
"""


@pytest.fixture
def said(negotiation):
    """A negotiation in which something of every kind was said."""
    proposal = submit_proposal(
        negotiation.version,
        by=negotiation.brazil,
        provision_uid="p4",
        wording="The norms complement international law and its principles.",
    )
    record_position(
        negotiation.version, by=negotiation.brazil, provision_uid="p2", stance=Stance.OBJECT
    )
    record_position(
        negotiation.version, by=negotiation.brazil, provision_uid="p2", stance=Stance.SUPPORT
    )
    statement = deliver_statement(
        negotiation.process,
        by=negotiation.brazil,
        delegation="BRA",
        text="Brazil attaches great importance to capacity-building.",
    )
    return negotiation, proposal, statement


def _edit(sql: str, params: list[object]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _seq(kind: str, **payload: object) -> int:
    events = models.Event.objects.filter(kind=kind).order_by("seq")
    return next(e.seq for e in events if all(e.payload.get(k) == v for k, v in payload.items()))


def test_rows_made_by_actions_match_their_events(said):
    assert record.first_row_mismatch() is None


def test_an_edited_proposal_wording_is_named_with_its_event(said):
    _, proposal, _ = said
    models.Proposal.objects.filter(pk=proposal.pk).update(wording="States shall comply.")
    assert record.first_row_mismatch() == (
        f"event {_seq('proposal.submitted', proposal=proposal.pk)}:"
        f" proposal {proposal.pk}'s wording differs from what the event says"
    )


def test_a_proposal_moved_to_another_delegation_is_named(said):
    _, proposal, _ = said
    france = models.Delegation.objects.get(code="FRA")
    models.Proposal.objects.filter(pk=proposal.pk).update(delegation=france)
    assert record.first_row_mismatch() == (
        f"event {_seq('proposal.submitted', proposal=proposal.pk)}:"
        f" proposal {proposal.pk}'s delegation differs from what the event says"
    )


def test_a_proposal_slipped_in_without_an_event_is_named(said):
    negotiation, proposal, _ = said
    forged = models.Proposal.objects.create(
        version=proposal.version,
        provision_uid="p2",
        delegation=proposal.delegation,
        submitted_by=negotiation.brazil,
        wording="Forged words.",
        amendment=proposal.amendment,
        submitted_at=proposal.submitted_at,
    )
    assert record.first_row_mismatch() == f"proposal {forged.pk} has no event that vouches for it"


def test_a_changed_stance_is_named_with_the_event_that_recorded_it(said):
    latest = models.Position.objects.order_by("id").last()
    assert latest is not None
    assert latest.stance == "support"
    models.Position.objects.filter(pk=latest.pk).update(stance="object")
    recorded = _seq("position.recorded", stance="support")
    assert record.first_row_mismatch() == (
        f"event {recorded}: position {latest.pk} differs from what the event says"
    )


def test_a_deleted_position_is_named_by_the_event_that_recorded_it(said):
    latest = models.Position.objects.order_by("id").last()
    assert latest is not None
    models.Position.objects.filter(pk=latest.pk).delete()
    recorded = _seq("position.recorded", stance="support")
    assert record.first_row_mismatch() == f"event {recorded}: the position it records is missing"


def test_an_edited_statement_is_named(said):
    _, _, statement = said
    models.Statement.objects.filter(pk=statement.pk).update(text="Brazil agrees with everything.")
    assert record.first_row_mismatch() == (
        f"event {_seq('statement.delivered', statement=statement.pk)}:"
        f" statement {statement.pk}'s text differs from what the event says"
    )


def test_a_statement_without_its_row_is_named(said):
    _, _, statement = said
    models.Statement.objects.filter(pk=statement.pk).delete()
    assert record.first_row_mismatch() == (
        f"event {_seq('statement.delivered', statement=statement.pk)}:"
        " the statement it vouches for is missing"
    )


def _revise_without(negotiation, proposal):
    """Rev.1, which does not take ``proposal`` up."""
    issue_revision(
        negotiation.version.document,
        by=negotiation.chair,
        text=REV1,
        label="Rev.1",
        fates={proposal.pk: Fate(proposal.pk, FateKind.NOT_TAKEN_UP)},
    )


def test_a_fate_changed_after_the_revision_is_named(said):
    negotiation, proposal, _ = said
    _revise_without(negotiation, proposal)
    assert record.first_row_mismatch() is None
    models.ProposalFate.objects.filter(proposal=proposal).update(kind=FateKind.REFLECTED.value)
    assert record.first_row_mismatch() == (
        f"event {_seq('revision.issued')}: the fate of proposal {proposal.pk} differs from"
        " its event's"
    )


def test_a_fate_removed_after_the_revision_is_named(said):
    negotiation, proposal, _ = said
    _revise_without(negotiation, proposal)
    models.ProposalFate.objects.filter(proposal=proposal).delete()
    assert (
        record.first_row_mismatch() == f"event {_seq('revision.issued')}: a fate it gave is missing"
    )


def test_a_fate_no_revision_gave_is_named(said):
    negotiation, proposal, _ = said
    models.ProposalFate.objects.create(
        proposal=proposal, revision=negotiation.version, kind=FateKind.NOT_TAKEN_UP.value
    )
    assert record.first_row_mismatch() == (
        f"the fate of proposal {proposal.pk} in version 1 has no event"
    )


def test_the_command_names_the_first_row_that_differs(said, capsys):
    from accord import cli

    _, _, statement = said
    assert cli.main(["audit", "verify"]) == 0
    models.Statement.objects.filter(pk=statement.pk).update(holder="Someone else")
    assert cli.main(["audit", "verify"]) == 1
    assert capsys.readouterr().err == (
        f"event {_seq('statement.delivered', statement=statement.pk)}:"
        f" statement {statement.pk}'s holder differs from what the event says\n"
    )


def test_the_database_refuses_an_event_that_does_not_chain_to_the_last(negotiation):
    from django.db import DatabaseError, transaction

    from accord.core.eventlog import chain_hash

    last = models.Event.objects.order_by("seq").last()
    assert last is not None
    count = models.Event.objects.count()
    body = b'{"kind":"forged"}'
    for seq, digest in (
        (last.seq + 1, "f" * 64),  # the next number, a hash that binds nothing
        (last.seq + 2, chain_hash(last.digest.encode(), body).decode()),  # out of turn
        (last.seq, chain_hash(last.digest.encode(), body).decode()),  # a number taken
    ):
        with (
            pytest.raises(DatabaseError, match="must follow the last one"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(
                "INSERT INTO store_event (seq, kind, subject, payload, occurred_at, visibility,"
                " body, sealed, salt, digest, signature)"
                " VALUES (%s, 'forged', 's', '{}', %s, 'public', %s, '', '', %s, %s)",
                [seq, last.occurred_at, body.decode(), digest, "ab" * 64],
            )
    assert models.Event.objects.count() == count


def test_an_event_that_chains_is_let_through_and_its_missing_signature_is_named(negotiation):
    from accord.core import eventlog
    from accord.core.eventlog import chain_hash
    from accord.store import signing

    last = models.Event.objects.order_by("seq").last()
    assert last is not None
    digest = chain_hash(last.digest.encode(), b'{"kind":"forged"}').decode()
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO store_event (seq, kind, subject, payload, occurred_at, visibility,"
            " body, sealed, salt, digest, signature)"
            " VALUES (%s, 'forged', 's', '{}', %s, 'public', '{\"kind\":\"forged\"}', '', '',"
            " %s, %s)",
            [last.seq + 1, last.occurred_at, digest, "ab" * 64],
        )
    verdict = eventlog.verify(
        record.log_lines(), eventlog.public_key_check(signing.public_pem().encode())
    )
    assert (verdict.ok, verdict.bad_seq, verdict.problem) == (
        False,
        last.seq + 1,
        "its signature does not verify with the published key",
    )
