"""The models live in one module per area; the package names every one of them, and the
split changed nothing the migrations describe."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.models import Model

from accord.store import models


def test_the_models_package_names_every_model_of_the_store():
    registered = set(apps.get_app_config("store").get_models())
    named = {
        value
        for value in (getattr(models, name) for name in models.__all__)
        if isinstance(value, type) and issubclass(value, Model)
    }
    assert named == registered
    assert len(registered) == 38
    assert {m._meta.db_table for m in registered} == {
        f"store_{m.__name__.lower()}" for m in registered
    }
    assert models.Proposal.__module__ == "accord.store.models.proposals"


@pytest.mark.django_db
def test_the_migrations_describe_the_models_as_they_are():
    out = StringIO()
    call_command("makemigrations", "store", "--check", "--dry-run", stdout=out)
    assert out.getvalue() == "No changes detected in app 'store'\n"
