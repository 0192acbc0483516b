"""The signing key lives in a file only the service reads, never in the database."""

import importlib
import stat

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from accord.actions.events import record
from accord.store import chain, models, signing

pytestmark = pytest.mark.django_db


@pytest.fixture
def key_file(settings, tmp_path):
    settings.ACCORD_SIGNING_KEY_FILE = tmp_path / "keys" / "signing-key.pem"
    return settings.ACCORD_SIGNING_KEY_FILE


def _tables() -> set[str]:
    return set(connection.introspection.table_names())


def test_the_first_signature_of_an_empty_record_makes_a_key_file_only_its_owner_reads(key_file):
    assert not key_file.exists()
    record("test.recorded", by=None, process=None, subject="s", payload={})
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert key_file.read_text().startswith("-----BEGIN PRIVATE KEY-----")
    assert signing.public_pem().startswith("-----BEGIN PUBLIC KEY-----")
    assert signing.public_pem() == signing.public_pem()
    assert "store_signingkey" not in _tables()
    with connection.cursor() as cursor:
        for table in _tables():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            assert not any("PRIVATE KEY" in str(value) for row in cursor for value in row)


def test_an_instance_started_without_the_key_file_refuses_to_make_a_new_key(key_file):
    record("test.recorded", by=None, process=None, subject="s", payload={})
    key_file.unlink()
    chain._last_written.clear()  # as in an instance that has not signed anything yet
    before = models.Event.objects.count()
    with pytest.raises(signing.SigningKeyMissing) as raised:
        record("test.recorded", by=None, process=None, subject="s", payload={})
    assert str(raised.value) == (
        f"the signing key file {key_file} is missing, and the record already has signed"
        " events: give this instance the key the others use (ACCORD_SIGNING_KEY_FILE)"
    )
    assert not key_file.exists()
    assert models.Event.objects.count() == before


def test_a_key_file_that_holds_no_key_is_refused(key_file):
    key_file.parent.mkdir()
    key_file.write_text("not a key")
    with pytest.raises(signing.SigningKeyUnreadable) as raised:
        signing.private_key()
    assert (
        str(raised.value) == f"the signing key file {key_file} holds no Ed25519 private key in PEM"
    )


PEM = (
    "-----BEGIN PRIVATE KEY-----\n"
    "MC4CAQAwBQYDK2VwBCIEIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n"
    "-----END PRIVATE KEY-----\n"
)


def _upgrade_from_a_record_whose_key_is_in_its_table(pem: str) -> None:
    """Run the migration's step on the table as the previous version of accord kept it."""
    moving = importlib.import_module("accord.store.migrations.0021_signing_key_leaves_the_database")
    before = MigrationExecutor(connection).loader.project_state(
        [("store", "0020_events_chain_on_insert")]
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE store_signingkey (id integer PRIMARY KEY, private_pem text NOT NULL,"
            " public_pem text NOT NULL, created_at timestamp NOT NULL)"
        )
    old = before.apps.get_model("store", "SigningKey")
    old.objects.create(id=1, private_pem=pem, public_pem="", created_at=timezone.now())
    moving._move_key_out(before.apps, None)


def test_a_key_kept_in_the_database_moves_to_its_file_when_accord_is_upgraded(key_file):
    _upgrade_from_a_record_whose_key_is_in_its_table(PEM)
    assert key_file.read_text() == PEM
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_an_upgrade_that_finds_another_key_in_the_file_stops_and_overwrites_nothing(key_file):
    key_file.parent.mkdir()
    key_file.write_text("another key")
    with pytest.raises(RuntimeError) as raised:
        _upgrade_from_a_record_whose_key_is_in_its_table(PEM)
    assert str(raised.value) == (
        f"the signing key file {key_file} holds another key than the one this record is"
        " signed with; move it aside and migrate again to have the record's key written"
    )
    assert key_file.read_text() == "another key"
