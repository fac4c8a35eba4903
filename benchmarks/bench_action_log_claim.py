"""Claiming (execution, step, customer) rows in the action log before sending.

Every email is claimed under the unique constraint before it goes out, so the cost of the claim
matters for large sends. Measured: claims per second with one bulk INSERT ... ON CONFLICT DO
NOTHING per batch (what the engine does), next to the baseline of one INSERT per customer.
"""

from __future__ import annotations

import argparse

from django.db import transaction

from benchmarks import Result, best_of, machine_conditions


def _setup(n_customers: int):
    from automation.models import WorkflowDefinition
    from customers.models import Customer
    from executions.models import WorkflowExecution

    workflow = WorkflowDefinition.objects.create(name="bench", workflow_type="scheduled")
    Customer.objects.bulk_create(
        Customer(name=f"Kunde {i}", email=f"k{i}@bench.example") for i in range(n_customers)
    )
    ids = list(Customer.objects.values_list("id", flat=True))
    return workflow, ids, WorkflowExecution


def run(args: argparse.Namespace) -> list[Result]:
    from executions.models import WorkflowActionLog

    n = 500 if args.quick else 5000
    workflow, ids, execution_model = _setup(n)

    def fresh_execution():
        return execution_model.objects.create(workflow=workflow, trigger="manual")

    def one_by_one() -> None:
        execution = fresh_execution()
        for cid in ids:
            with transaction.atomic():
                WorkflowActionLog.objects.create(
                    execution=execution,
                    step_order=1,
                    action_type="send_email",
                    target_type="customer",
                    target_id=cid,
                    status="pending",
                )

    def bulk() -> None:
        execution = fresh_execution()
        for start in range(0, len(ids), 500):
            WorkflowActionLog.objects.bulk_create(
                [
                    WorkflowActionLog(
                        execution=execution,
                        step_order=1,
                        action_type="send_email",
                        target_type="customer",
                        target_id=cid,
                        status="pending",
                    )
                    for cid in ids[start : start + 500]
                ],
                ignore_conflicts=True,
            )

    baseline = n / best_of(2, one_by_one)
    value = n / best_of(3, bulk)
    return [
        Result(
            benchmark="action_log_claim",
            metric="claims_per_second",
            value=round(value, 1),
            baseline=round(baseline, 1),
            conditions={
                **machine_conditions(),
                "customers": n,
                "better": "higher",
                "baseline_is": "one INSERT per customer",
            },
        )
    ]
