"""A durable wait until a weekday and time, a time, a delay or a moment."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from automation.registry import DslParam, DslSpec, StepType, register
from automation.step_config import TimeTrigger
from automation.wording import Lookups, Words
from executions.engine import StepContext, StepResult
from executions.models import WorkflowActionLog


@register
class WaitUntil(StepType):
    key = "wait_until"
    label = _("Wait until")
    doc = "Wait (durably, across restarts) until a weekday and time, a time, a delay or a moment."
    config_field = "trigger_config"
    runs_locally = True
    waits_for_trigger = True
    Config = TimeTrigger
    dsl = DslSpec((DslParam("until", None, "trigger", required=True, positional=True),))
    nouns = re.compile(r"\b(vent\w*|pause\w*|waits?|waiting|delays?)\b")
    prompt = (
        "wait_until venter (varig) til trigger_config: {day, time}, {time}, {delay_minutes} "
        "eller {at}. Vanligere er trigger_type time_based på selve steget."
    )

    def describe(self, step: Mapping[str, Any], w: Words, lookups: Lookups) -> str:
        when = w.trigger_when(step.get("trigger_config") or {})
        return w.say(f"Vent til {when}", f"Wait until {when}")

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
