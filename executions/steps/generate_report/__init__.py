"""Build a report and email it to staff addresses (on the low-priority ``report`` queue)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from pydantic import Field

from automation.registry import DslParam, DslSpec, Reference, StepType, register
from automation.step_config import ConfigModel
from automation.wording import Lookups, Words
from executions import queueing
from executions.engine import StepContext, StepResult
from executions.models import WorkflowActionLog, WorkflowExecution
from executions.one_off import perform_one_off, prepare_one_off
from executions.steps.generate_report.report import build_report, send_report, timezone_of

REPORT_NAMES = {
    "execution_summary": ("kjøringsrapport", "run summary"),
    "orders_missing": ("rapport over manglende bestillinger", "missing orders report"),
    "weekly_orders": ("ukesrapport over bestillinger", "weekly orders report"),
}


@register
class GenerateReport(StepType):
    key = "generate_report"
    label = _("Generate report")
    doc = "Build a report (CSV attached) and email it to staff addresses (send_to)."
    config_field = "action_config"
    queue = "report"
    sends_email = True
    references = (Reference(("send_to", "*"), "email"),)
    dsl = DslSpec(
        (
            DslParam("report", "report", required=True),
            DslParam("send_to", "send_to", "text_list", required=True),
        )
    )
    nouns = re.compile(r"\b(\w*rapport\w*|reports?|oversikt\w*|summary)\b")
    prompt = (
        "generate_report lager en rapport (report: execution_summary, orders_missing eller "
        "weekly_orders) og sender den til e-postadressene teksten nevner (send_to)."
    )

    class Config(ConfigModel):
        """Generate a report and email it to send_to."""

        report: Literal["execution_summary", "orders_missing", "weekly_orders"]
        send_to: Annotated[
            list[Annotated[str, Field(min_length=3, max_length=254)]],
            Field(min_length=1, max_length=50),
        ]

    def describe(self, step: Mapping[str, Any], w: Words, lookups: Lookups) -> str:
        action = step.get("action_config") or {}
        kind = action.get("report")
        nb, en = REPORT_NAMES.get(kind, (kind, kind))  # type: ignore[arg-type]
        to = ", ".join(action.get("send_to") or [])
        return w.say(f"Send {nb} til {to}", f"Send the {en} to {to}")

    def run(self, ctx: StepContext, config: GenerateReport.Config) -> StepResult:
        if ctx.is_test:
            # Test runs build the report and log a preview without sending it.
            report = build_report(
                config.report, ctx.execution, timezone_name=ctx.timezone, own_action=self.key
            )
            ctx.log(
                action_type=self.key,
                target_type=WorkflowActionLog.TargetType.REPORT,
                target_id=0,
                status=WorkflowActionLog.Status.SUCCESS,
                result_data={
                    "test": True,
                    "title": report.title,
                    "rows": len(report.rows),
                    "send_to": list(config.send_to),
                },
            )
            return StepResult()
        fanned_out = prepare_one_off(
            ctx,
            target_type=WorkflowActionLog.TargetType.REPORT,
            queue=self.queue,
            failed=gettext_noop("the report could not be sent: %(error)s"),
        )
        return StepResult(fanned_out=fanned_out)

    def work(self, execution_id: int, step_order: int, part: list[int] | None) -> None:
        perform_one_off(execution_id, step_order, self._send)

    def _send(self, execution: WorkflowExecution, step: dict[str, Any]) -> dict[str, Any]:
        config = step.get("action_config") or {}
        report = build_report(
            config["report"],
            execution,
            timezone_name=timezone_of(execution),
            own_action=self.key,
        )
        send_to = list(config.get("send_to", []))
        send_report(report, send_to=send_to, kind=config["report"])
        return {"title": report.title, "rows": len(report.rows), "send_to": send_to}

    def redispatch(self, execution_id: int, step_order: int, pending: list[int]) -> int:
        queueing.enqueue_step_work(execution_id, step_order, self.key, None, queue=self.queue)
        return 1
