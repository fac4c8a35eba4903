"""A durable wait until a weekday and time, a time, a delay or a moment."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from automation.registry import StepType, register
from automation.step_config import TimeTrigger
from executions.engine import StepContext, StepResult
from executions.models import WorkflowActionLog


@register
class WaitUntil(StepType):
    key = "wait_until"
    label = _("Wait until")
    config_field = "trigger_config"
    Config = TimeTrigger

    def run(self, ctx: StepContext, config: TimeTrigger) -> StepResult:
        # The engine has already waited (durably) for trigger_config; record that it is over.
        ctx.log(
            action_type=self.key,
            target_type=WorkflowActionLog.TargetType.EXECUTION,
            target_id=ctx.execution.pk,
            status=WorkflowActionLog.Status.SUCCESS,
            result_data={"until": ctx.execution.context.get("waits", {}).get(str(ctx.step_order))},
        )
        return StepResult()
