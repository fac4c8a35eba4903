"""An index for a customer's history: action logs on one customer, newest first.

Built CONCURRENTLY on PostgreSQL: the table holds a row per customer per step (tens of
millions in a busy installation), and a plain CREATE INDEX would block every send while it is
built. Other databases (SQLite in the zero-configuration start) build it the plain way.
"""

from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class _AddIndexConcurrentlyWherePossible(AddIndexConcurrently):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            return super().database_forwards(app_label, schema_editor, from_state, to_state)
        return migrations.AddIndex.database_forwards(
            self, app_label, schema_editor, from_state, to_state
        )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            return super().database_backwards(app_label, schema_editor, from_state, to_state)
        return migrations.AddIndex.database_backwards(
            self, app_label, schema_editor, from_state, to_state
        )


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("executions", "0008_installation"),
    ]

    operations = [
        _AddIndexConcurrentlyWherePossible(
            model_name="workflowactionlog",
            index=models.Index(
                condition=models.Q(("target_type", "customer")),
                fields=["target_id", "-performed_at", "-id"],
                name="action_log_customer_idx",
            ),
        ),
    ]
