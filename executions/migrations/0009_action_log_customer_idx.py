"""An index for a customer's history: action logs on one customer, newest first.

Built CONCURRENTLY: the table holds a row per customer per step (tens of millions in a
busy installation), and a plain CREATE INDEX would block every send while it is built.
"""

from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("executions", "0008_installation"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="workflowactionlog",
            index=models.Index(
                condition=models.Q(("target_type", "customer")),
                fields=["target_id", "-performed_at", "-id"],
                name="action_log_customer_idx",
            ),
        ),
    ]
