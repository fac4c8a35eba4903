"""A customer's history counted from one index.

The history pages and ``GET /customers/{id}/activity`` count a customer's rows for their
page numbers. ``action_log_customer_idx`` found the rows, but every counted row's heap page was
read for its execution (to leave test runs out) and for the filters' columns: about 2,000 pages
for a customer with 2,000 rows spread over a large table. ``action_log_customer_cover_idx`` is
the same index (the same order and condition) carrying execution, status and action type, so
the count (with any filter of the page) is an index-only scan; it replaces the old one. Test
runs are found by ``execution_test_idx``, a partial index of the few test executions.

Built and dropped CONCURRENTLY on PostgreSQL, as in 0012; the plain way elsewhere.
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
        ("executions", "0012_action_log_progress_idx"),
    ]

    operations = [
        _AddIndex(
            model_name="workflowactionlog",
            index=models.Index(
                fields=["target_id", "-performed_at", "-id"],
                condition=models.Q(("target_type", "customer")),
                include=["execution", "status", "action_type"],
                name="action_log_customer_cover_idx",
            ),
        ),
        _RemoveIndex(model_name="workflowactionlog", name="action_log_customer_idx"),
        _AddIndex(
            model_name="workflowexecution",
            index=models.Index(
                fields=["id"], condition=models.Q(("is_test", True)), name="execution_test_idx"
            ),
        ),
    ]
