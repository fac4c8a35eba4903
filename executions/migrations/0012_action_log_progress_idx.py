"""An execution's progress from one index: (execution, status) covering target_type.

The status endpoint counts an execution's customer rows per status. With target_type in the
index that is an index-only scan, however the rows are spread over the table; without it,
every row's heap page is read (1,000 pages for a 1,000-customer execution whose rows were
written among other executions'). It replaces action_log_exec_status_idx, and the foreign
key's own index on execution goes: this index and the once-per-target constraint both begin
with execution, so it only cost every insert a third index to maintain.

Built and dropped CONCURRENTLY on PostgreSQL (the table is the largest; a plain CREATE INDEX
would block every send while it is built); the plain way elsewhere.
"""

from django.db import migrations, models

from core.index_operations import (
    AddIndexWherePossiblyConcurrently as _AddIndex,
)
from core.index_operations import (
    RemoveIndexWherePossiblyConcurrently as _RemoveIndex,
)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("executions", "0011_roles_new_models"),
    ]

    operations = [
        _AddIndex(
            model_name="workflowactionlog",
            index=models.Index(
                fields=["execution", "status"],
                include=["target_type"],
                name="action_log_progress_idx",
            ),
        ),
        _RemoveIndex(model_name="workflowactionlog", name="action_log_exec_status_idx"),
        migrations.AlterField(
            model_name="workflowactionlog",
            name="execution",
            field=models.ForeignKey(
                db_index=False,
                on_delete=models.deletion.CASCADE,
                related_name="action_logs",
                to="executions.workflowexecution",
                verbose_name="execution",
            ),
        ),
    ]
