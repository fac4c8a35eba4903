"""Build a report and email it to staff addresses (on the low-priority ``report`` queue)."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from django.utils.translation import gettext_lazy as _
from pydantic import Field

from automation.registry import StepType, register
from automation.step_config import ConfigModel
from executions.engine import StepContext, StepResult
from executions.reports import prepare_report_step


@register
class GenerateReport(StepType):
    key = "generate_report"
    label = _("Generate report")
    config_field = "action_config"
    queue = "report"
    # Read by the validator's frequency policy (not a registry attribute yet).
    sends_email: ClassVar[bool] = True

    class Config(ConfigModel):
        """Generate a report and email it to send_to."""

        report: Literal["execution_summary", "orders_missing", "weekly_orders"]
        send_to: Annotated[
            list[Annotated[str, Field(min_length=3, max_length=254)]],
            Field(min_length=1, max_length=50),
        ]

    def run(self, ctx: StepContext, config: GenerateReport.Config) -> StepResult:
        fanned_out = prepare_report_step(ctx, ctx.step.get("action_config") or {})
        return StepResult(fanned_out=fanned_out)
