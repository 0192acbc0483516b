"""The migration that makes a proposal's status follow its fates sets the status of the
proposals settled before it from their latest fate."""

from importlib import import_module

import pytest
from django.apps import apps
from tests.actions.test_revisions import FIRM, REV1

from accord.actions.proposals import submit_proposal, withdraw_proposal
from accord.actions.revisions import issue_revision
from accord.core.fates import Fate, FateKind
from accord.store import models

pytestmark = pytest.mark.django_db

migration = import_module("accord.store.migrations.0014_proposal_lifecycle")


def test_each_settled_proposal_takes_its_latest_fate_as_status(negotiation):
    def propose(uid, wording):
        return submit_proposal(
            negotiation.version, by=negotiation.brazil, provision_uid=uid, wording=wording
        ).pk

    rows = {
        "reflected": propose("p2", FIRM),
        "not taken up": propose("p4", "The norms replace international law."),
        "still pending": propose("p4", "The norms complement international law."),
        "withdrawn": propose("p3-a", "by designating national points of contact;"),
    }
    withdraw_proposal(models.Proposal.objects.get(pk=rows["withdrawn"]), by=negotiation.brazil)
    fates = {
        rows["not taken up"]: Fate(rows["not taken up"], FateKind.NOT_TAKEN_UP),
        rows["still pending"]: Fate(rows["still pending"], FateKind.PENDING),
    }
    issue_revision(
        negotiation.version.document, by=negotiation.chair, text=REV1, label="Rev.1", fates=fates
    )
    # As the proposals stood before: only a withdrawal changed a status.
    models.Proposal.objects.exclude(pk=rows["withdrawn"]).update(status="open")
    migration.status_from_latest_fate(apps, None)
    statuses = dict(models.Proposal.objects.values_list("pk", "status"))
    assert {name: statuses[pk] for name, pk in rows.items()} == {
        "reflected": "reflected",
        "not taken up": "not-taken-up",
        "still pending": "open",
        "withdrawn": "withdrawn",
    }
