"""Evaluate one check; the customers it selects are the step's output (``from_step``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from automation.registry import DslParam, DslSpec, StepType, register
from automation.step_config import Condition
from automation.wording import Lookups, Words
from executions.engine import StepContext, StepResult
from executions.models import WorkflowActionLog


@register
class CheckCondition(StepType):
    key = "check_condition"
    label = _("Check a condition")
    doc = "Select the customers a check holds for; later steps use them with from_step."
    config_field = "condition_config"
    yields_customers = True
    runs_locally = True
    Config = Condition
    dsl = DslSpec((DslParam("check", None, "condition", required=True, positional=True),))
    nouns = re.compile(r"\b(sjekk\w*|kontroll\w*|betingelse\w*|checks?|conditions?)\b")
    prompt = (
        "check_condition finner kundene en sjekk gjelder for (condition_config); et senere "
        'steg kan bruke dem med recipients {"from_step": n}.'
    )

    def describe(self, step: Mapping[str, Any], w: Words, lookups: Lookups) -> str:
        narrowed = w.condition(step.get("condition_config") or {}, lookups)
        return w.say(f"Finn kunder {narrowed}", f"Find customers {narrowed}")

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
