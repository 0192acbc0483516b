"""Silence procedures get a lifecycle: ``outcome`` becomes ``state`` ("running" while open;
"adopted" becomes "passed"; a "lapsed" procedure, and one still open on a version that was
superseded or a document adopted meanwhile, becomes "superseded" or "closed-by-adoption"),
with the reason for a withdrawal and the revision that superseded one; and the rule of
procedure on proposals during silence."""

import django.db.models.deletion
from django.apps.registry import Apps
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor


def to_states(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    procedures = apps.get_model("store", "SilenceProcedure")
    versions = apps.get_model("store", "Version")
    adoptions = apps.get_model("store", "Adoption")
    procedures.objects.filter(state="adopted").update(state="passed")
    for row in procedures.objects.filter(state__in=["", "lapsed"]).select_related("version"):
        later = (
            versions.objects.filter(document_id=row.version.document_id, number__gt=row.version.number)
            .order_by("number")
            .first()
        )
        adopted = (
            adoptions.objects.filter(version__document_id=row.version.document_id, adopted=True)
            .order_by("decided_at", "id")
            .first()
        )
        if later is not None:
            row.state, row.superseded_by = "superseded", later
            row.closed_at = row.closed_at or later.issued_at
        elif adopted is not None:
            row.state = "closed-by-adoption"
            row.closed_at = row.closed_at or adopted.decided_at
        else:
            row.state = "running"
        row.save(update_fields=["state", "superseded_by", "closed_at"])


def to_outcomes(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    procedures = apps.get_model("store", "SilenceProcedure")
    procedures.objects.filter(state="passed").update(state="adopted")
    procedures.objects.filter(state="running").update(state="")
    procedures.objects.exclude(state__in=["", "adopted", "broken"]).update(state="lapsed")


class Migration(migrations.Migration):

    dependencies = [
        ("store", "0014_proposal_lifecycle"),
    ]

    operations = [
        migrations.AddField(
            model_name="process",
            name="proposals_under_silence",
            field=models.CharField(
                choices=[("allowed", "allowed"), ("frozen", "frozen")],
                default="allowed",
                max_length=20,
            ),
        ),
        migrations.RenameField(
            model_name="silenceprocedure", old_name="outcome", new_name="state"
        ),
        migrations.AddField(
            model_name="silenceprocedure",
            name="reason",
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name="silenceprocedure",
            name="superseded_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="store.version",
            ),
        ),
        migrations.RunPython(to_states, to_outcomes),
        migrations.AlterField(
            model_name="silenceprocedure",
            name="state",
            field=models.CharField(
                choices=[
                    ("running", "running"),
                    ("passed", "passed"),
                    ("broken", "broken"),
                    ("superseded", "superseded"),
                    ("withdrawn", "withdrawn"),
                    ("closed-by-adoption", "closed-by-adoption"),
                ],
                default="running",
                max_length=20,
            ),
        ),
    ]
