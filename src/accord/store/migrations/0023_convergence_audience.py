from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("store", "0022_witnesses"),
    ]

    operations = [
        migrations.AddField(
            model_name="process",
            name="convergence_audience",
            field=models.CharField(
                choices=[("chair-bureau", "chair-bureau"), ("room", "room"), ("public", "public")],
                default="chair-bureau",
                max_length=20,
            ),
        ),
    ]
