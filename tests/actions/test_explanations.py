import hashlib

import pytest
from tests.builders import assert_refused_without_trace

from accord.actions.adoption import (
    MAX_EXPLANATION_CHARS,
    AlreadyExplained,
    NotAdopted,
    deliver_explanation,
    record_adoption,
)
from accord.core.errors import Missing, NotPermitted, TextTooLong
from accord.core.participants import Reason
from accord.store import models

pytestmark = pytest.mark.django_db

TEXT = "Germany joined consensus; it reads paragraph 4 as recalling voluntary norms only."


def _state():
    return (models.ExplanationOfPosition.objects.count(), models.Event.objects.count())


@pytest.fixture
def adopted(negotiation):
    record_adoption(negotiation.version, by=negotiation.chair, confirm=True)
    return negotiation


def test_a_delegation_explains_its_position_after_the_adoption(adopted):
    document = adopted.version.document
    explanation = deliver_explanation(document, by=adopted.germany, text=f"  {TEXT}\n")
    assert (explanation.delegation.code, explanation.text) == ("DEU", TEXT)
    assert explanation.adoption == models.Adoption.objects.get()
    event = models.Event.objects.last()
    assert (event.kind, event.actor, event.delegation.code) == (
        "explanation.delivered",
        adopted.germany,
        "DEU",
    )
    assert event.payload == {
        "document": "report",
        "version": 1,
        "text_hash": hashlib.sha256(TEXT.encode()).hexdigest(),
    }
    # An observer explains too; its view is attributed like any other.
    deliver_explanation(document, by=adopted.holy_see, text="The Holy See welcomes the text.")
    codes = models.ExplanationOfPosition.objects.values_list("delegation__code", flat=True)
    assert sorted(codes) == ["DEU", "VAT"]


@pytest.mark.parametrize("who", ["chair", "secretariat", "stakeholder", "outsider"])
def test_only_delegations_explain_their_position(adopted, who):
    assert_refused_without_trace(
        NotPermitted(Reason.NOT_A_DELEGATE),
        _state,
        lambda: deliver_explanation(adopted.version.document, by=getattr(adopted, who), text=TEXT),
    )


def test_an_explanation_needs_an_adoption_text_and_comes_once(negotiation):
    document = negotiation.version.document
    assert_refused_without_trace(
        NotAdopted("report"),
        _state,
        lambda: deliver_explanation(document, by=negotiation.germany, text=TEXT),
    )
    record_adoption(negotiation.version, by=negotiation.chair, confirm=True)
    assert_refused_without_trace(
        Missing("explanation"),
        _state,
        lambda: deliver_explanation(document, by=negotiation.germany, text="  \n "),
    )
    too_long = "x" * (MAX_EXPLANATION_CHARS + 1)
    assert_refused_without_trace(
        TextTooLong(length=MAX_EXPLANATION_CHARS + 1, limit=MAX_EXPLANATION_CHARS),
        _state,
        lambda: deliver_explanation(document, by=negotiation.germany, text=too_long),
    )
    deliver_explanation(document, by=negotiation.germany, text=TEXT)
    assert_refused_without_trace(
        AlreadyExplained("Germany"),
        _state,
        lambda: deliver_explanation(document, by=negotiation.germany, text="Again."),
    )


def test_a_not_adopted_outcome_takes_no_explanation(negotiation):
    record_adoption(negotiation.version, by=negotiation.chair, objections=["BRA"], confirm=True)
    assert_refused_without_trace(
        NotAdopted("report"),
        _state,
        lambda: deliver_explanation(
            negotiation.version.document, by=negotiation.germany, text=TEXT
        ),
    )
