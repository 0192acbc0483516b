"""Fixtures shared by the tests that use Django. `tests/core` never needs any of them."""

import pytest
from hypothesis import HealthCheck, settings

# No property test may depend on the machine's speed: no deadline for an example, and no
# health check that times how long the examples take to draw.
settings.register_profile("accord", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("accord")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """The test database holds the shipped reference data, as every real instance does."""
    from accord.store.reference import load_reference_data

    with django_db_blocker.unblock():
        load_reference_data()


@pytest.fixture
def negotiation(db):  # type: ignore[no-untyped-def]
    from tests.builders import make_negotiation

    return make_negotiation()


@pytest.fixture
def corpus(db):  # type: ignore[no-untyped-def]
    """The checker's test corpus, imported through the real action."""
    from tests.builders import CORPUS_FILE

    from accord.actions.corpus import import_corpus

    return import_corpus(CORPUS_FILE.read_bytes(), by=None, name="corpus.jsonl")
