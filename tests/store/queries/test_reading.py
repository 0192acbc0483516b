"""What every reading view of a version shows, as the reader's role makes it."""

import pytest

from accord.store import queries

pytestmark = pytest.mark.django_db


def test_the_public_reads_the_current_text_without_proposing(
    negotiation, django_assert_num_queries
):
    version = negotiation.version
    with django_assert_num_queries(5):
        reading = queries.reading_of(version, negotiation.outsider)
    assert reading == queries.Reading(
        process=negotiation.process,
        document=version.document,
        version=version,
        versions=[version],
        is_current=True,
        text=queries.version_value(version),
        actor=reading.actor,
        accreditation=None,
        can_propose=False,
        adoption=None,
        disassociating=[],
        not_adopted=[],
        is_chair=False,
        prepares_revisions=False,
        silence=None,
    )
    assert reading.actor.delegation is None


def test_a_member_proposes_and_the_chair_prepares_revisions(negotiation):
    brazil = queries.reading_of(negotiation.version, negotiation.brazil)
    assert (brazil.can_propose, brazil.is_chair, brazil.prepares_revisions) == (True, False, False)
    assert brazil.actor.delegation == "BRA"
    assert (brazil.accreditation.user, brazil.accreditation.delegation.code) == (
        negotiation.brazil,
        "BRA",
    )
    chair = queries.reading_of(negotiation.version, negotiation.chair)
    assert (chair.can_propose, chair.is_chair, chair.prepares_revisions) == (False, True, True)
