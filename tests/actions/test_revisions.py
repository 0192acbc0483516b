import pytest

from accord.actions.proposals import submit_proposal
from accord.actions.revisions import issue_revision
from accord.core.errors import MalformedDraft, NotPermitted, ProposalsWithoutFate
from accord.core.fates import Fate, FateKind
from accord.store import models

pytestmark = pytest.mark.django_db

FIRM = (
    "States shall not conduct or knowingly support ICT activity contrary to their "
    "obligations under international law."
)
REV1 = f"""# Report of the working group (test)

## A. Rules, norms and principles

1. {FIRM}

2. States should, in accordance with their national legislation, protect critical infrastructure:
   (a) by designating points of contact;
   (b) by sharing information on incidents.

3. The voluntary, non-binding norms complement the application of international law.
"""


def _state():
    return (
        models.Version.objects.count(),
        models.Provision.objects.count(),
        models.ProposalFate.objects.count(),
        models.Event.objects.count(),
    )


@pytest.fixture
def proposals(negotiation):
    reflected = submit_proposal(
        negotiation.version, by=negotiation.brazil, provision_uid="p2", wording=FIRM
    )
    ignored = submit_proposal(
        negotiation.version,
        by=negotiation.germany,
        provision_uid="p4",
        wording="The norms replace international law.",
    )
    return reflected, ignored


def test_the_chair_issues_a_revision_that_keeps_identifiers_and_settles_every_fate(
    negotiation, proposals
):
    reflected, ignored = proposals
    version = issue_revision(
        negotiation.version.document,
        by=negotiation.chair,
        text=REV1,
        label="Rev.1",
        fates={ignored.pk: Fate(ignored.pk, FateKind.NOT_TAKEN_UP)},
    )
    assert (version.number, version.label) == (2, "Rev.1")
    rows = list(version.provisions.values_list("label", "uid"))
    assert rows == [
        ("A", "s-b"),
        ("1", "p2"),
        ("2", "p3"),
        ("2(a)", "p3-a"),
        ("2(b)", "p3-b"),
        ("3", "p4"),
    ]
    fates = {
        f.proposal_id: (f.kind, f.provisions, f.recorded)
        for f in models.ProposalFate.objects.filter(revision=version)
    }
    assert fates == {
        reflected.pk: ("reflected", ["p2"], False),
        ignored.pk: ("not-taken-up", [], True),
    }
    event = models.Event.objects.last()
    assert (event.kind, event.actor) == ("revision.issued", negotiation.chair)
    assert event.payload["number_map"] == {
        "A": [],
        "1": [],
        "B": ["A"],
        "2": ["1"],
        "3": ["2"],
        "3(a)": ["2(a)"],
        "3(b)": ["2(b)"],
        "4": ["3"],
    }
    assert event.payload["fates"] == {
        str(reflected.pk): "reflected",
        str(ignored.pk): "not-taken-up",
    }


def test_a_proposal_that_would_vanish_stops_the_revision(negotiation, proposals):
    _, ignored = proposals
    before = _state()
    with pytest.raises(ProposalsWithoutFate) as raised:
        issue_revision(negotiation.version.document, by=negotiation.chair, text=REV1, label="Rev.1")
    assert raised.value == ProposalsWithoutFate((ignored.pk,))
    assert _state() == before


@pytest.mark.parametrize("who", ["secretariat", "brazil", "outsider"])
def test_only_the_chair_issues_revisions(negotiation, who):
    before = _state()
    with pytest.raises(NotPermitted):
        issue_revision(
            negotiation.version.document, by=getattr(negotiation, who), text=REV1, label="Rev.1"
        )
    assert _state() == before


def test_a_revision_that_cannot_be_read_stores_nothing(negotiation):
    before = _state()
    with pytest.raises(MalformedDraft):
        issue_revision(
            negotiation.version.document, by=negotiation.chair, text="Loose text.", label="Rev.1"
        )
    assert _state() == before
