"""The signing key leaves the database for a file only the service reads
(``ACCORD_SIGNING_KEY_FILE``): a record that has a key in its table gets that file, written
readable by its owner alone, and the table is dropped. A key file already there must hold the
same key, or the migration stops rather than leave a record its key cannot sign."""

import os
from pathlib import Path

from django.conf import settings
from django.db import migrations


def _move_key_out(apps, schema_editor):  # type: ignore[no-untyped-def]
    stored = apps.get_model("store", "SigningKey").objects.order_by("id").first()
    if stored is None:
        return
    path = Path(settings.ACCORD_SIGNING_KEY_FILE)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(stored.private_pem)
    elif path.read_text() != stored.private_pem:
        raise RuntimeError(
            f"the signing key file {path} holds another key than the one this record is"
            " signed with; move it aside and migrate again to have the record's key written"
        )


def _keep(apps, schema_editor):  # type: ignore[no-untyped-def]
    """Going back leaves the key in its file; an instance that needs it in the table again
    is given it by hand."""


class Migration(migrations.Migration):
    dependencies = [("store", "0020_events_chain_on_insert")]

    operations = [
        migrations.RunPython(_move_key_out, _keep),
        migrations.DeleteModel(name="SigningKey"),
    ]
