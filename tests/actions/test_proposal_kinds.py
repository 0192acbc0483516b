"""Proposals that offer alternatives, add a paragraph, delete one or move one."""

import pytest
from tests.builders import assert_refused_without_trace

from accord.actions.proposals import submit_proposal
from accord.core.amendments import derive_amendment
from accord.core.errors import ContradictoryOperations, EmptyText, UnknownProvision
from accord.core.proposals import ProposalKind, TooFewOptions
from accord.core.provisions import content_hash
from accord.core.structure import AddProvision, DeleteProvision, MoveProvision
from accord.store import convert, models, queries

pytestmark = pytest.mark.django_db

OLD_4 = "The voluntary, non-binding norms complement the application of international law."


def _state():
    return models.Proposal.objects.count(), models.Event.objects.count()


def _submit(negotiation, uid="p4", **kwargs):
    return submit_proposal(negotiation.version, by=negotiation.brazil, provision_uid=uid, **kwargs)


def _payload():
    return models.Event.objects.order_by("-seq").first().payload


def test_alternatives_are_stored_with_their_options(negotiation):
    options = ("The norms complement international law.", "The norms reflect international law.")
    row = _submit(negotiation, kind=ProposalKind.ALTERNATIVES, options=options)
    assert (row.wording, row.options, row.structure) == (options[0], list(options), None)
    assert row.amendment == convert.amendment_json(derive_amendment(OLD_4, options[0]))
    payload = _payload()
    assert payload["kind"] == "alternatives"
    assert payload["structure"] is None
    assert payload["option_hashes"] == [content_hash(o) for o in options]
    (value,) = [p for e in queries.compilation(negotiation.version).entries for p in e.proposals]
    assert value.options == options


def test_a_new_paragraph_after_another(negotiation):
    row = _submit(negotiation, uid="p2", kind=ProposalKind.ADD, wording="States  cooperate.")
    assert (row.provision_uid, row.wording, row.structure) == (
        "p2",
        "States cooperate.",
        {"op": "add", "after": "p2", "text": "States cooperate."},
    )
    assert row.amendment["ops"] == []
    assert (_payload()["kind"], _payload()["structure"]) == ("add", row.structure)
    (value,) = queries.proposal_values(negotiation.version, ids=[row.pk])
    assert value.structure == AddProvision("p2", "States cooperate.")


def test_a_deletion_and_a_move(negotiation):
    deleted = _submit(negotiation, kind=ProposalKind.DELETE)
    assert (deleted.wording, deleted.structure) == ("", {"op": "delete", "uid": "p4"})
    assert deleted.amendment == convert.amendment_json(derive_amendment(OLD_4, ""))
    moved = _submit(negotiation, uid="p1", kind=ProposalKind.MOVE, after="p4")
    assert moved.structure == {"op": "move", "uid": "p1", "after": "p4"}
    assert _payload() == {
        "proposal": moved.pk,
        "document": "report",
        "version": 1,
        "provision": "p1",
        "label": "1",
        "on_behalf_of": None,
        "base_hash": content_hash(moved.wording),
        "wording_hash": content_hash(moved.wording),
        "kind": "move",
        "structure": {"op": "move", "uid": "p1", "after": "p4"},
        "option_hashes": [],
    }
    values = {
        p.id: p.structure
        for p in queries.proposal_values(negotiation.version, ids=[deleted.pk, moved.pk])
    }
    assert values == {deleted.pk: DeleteProvision("p4"), moved.pk: MoveProvision("p1", "p4")}


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"kind": ProposalKind.ALTERNATIVES, "options": ("Only one.",)}, TooFewOptions(1)),
        ({"kind": ProposalKind.ADD, "wording": " "}, EmptyText()),
        ({"kind": ProposalKind.MOVE, "after": "p4"}, ContradictoryOperations("p4")),
        ({"kind": ProposalKind.MOVE, "after": "p9"}, UnknownProvision("p9")),
        ({"kind": "delete", "uid": "p9"}, UnknownProvision("p9")),
    ],
)
def test_bad_proposals_of_any_kind_store_nothing(negotiation, kwargs, error):
    uid = kwargs.pop("uid", "p4")
    assert_refused_without_trace(error, _state, lambda: _submit(negotiation, uid=uid, **kwargs))
