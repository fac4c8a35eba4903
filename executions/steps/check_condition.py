"""Evaluate one check; the customers it selects are the step's output (``from_step``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from automation.registry import StepType, register
from automation.step_config import Condition
from executions.engine import StepContext, StepResult
from executions.models import WorkflowActionLog


@register
class CheckCondition(StepType):
    key = "check_condition"
    label = _("Check a condition")
    config_field = "condition_config"
    yields_customers = True
    Config = Condition

    def run(self, ctx: StepContext, config: Condition) -> StepResult:
        # ctx.customers() applies this step's condition_config to every active customer.
        ids = list(ctx.customers({"group": "all"}).values_list("pk", flat=True))
        ctx.log(
            action_type=self.key,
            target_type=WorkflowActionLog.TargetType.EXECUTION,
            target_id=ctx.execution.pk,
            status=WorkflowActionLog.Status.SUCCESS,
            result_data={"check": config.check, "count": len(ids), "customer_ids": ids[:1000]},
        )
        return StepResult(customer_ids=ids)
