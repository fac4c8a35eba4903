"""The installation's random key, part of every Message-ID (``executions.message_ids``).

Made here, once, so that every process and machine sharing the database reads the same key
from the start; ``installation_key`` makes it on first use should the row be missing. Running
the data step again keeps the key it finds. The key is written out here rather than made by
``message_ids``: a migration must keep meaning what it meant when it was written.
"""

import secrets

from django.db import migrations, models
from django.utils import timezone


def create_installation(apps, schema_editor):
    Installation = apps.get_model("executions", "Installation")
    Installation.objects.get_or_create(
        pk=1, defaults={"key": secrets.token_hex(6), "created_at": timezone.now()}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("executions", "0007_roles_email_decisions"),
    ]

    operations = [
        migrations.CreateModel(
            name="Installation",
            fields=[
                (
                    "id",
                    models.PositiveSmallIntegerField(
                        default=1, editable=False, primary_key=True, serialize=False
                    ),
                ),
                (
                    "key",
                    models.CharField(
                        editable=False, max_length=32, unique=True, verbose_name="key"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
            ],
            options={
                "verbose_name": "installation",
                "verbose_name_plural": "installations",
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("id", 1)), name="installation_single_row"
                    )
                ],
            },
        ),
        # Removing the table removes the key; nothing to undo beyond that.
        migrations.RunPython(create_installation, migrations.RunPython.noop),
    ]
