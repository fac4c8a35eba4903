"""Create an order for each recipient: a copy of their last order, or the given lines.

E.g. the standing order of whoever has not ordered by Friday. Idempotent per (execution,
step, customer) through the order's external id and the action log's unique row; test runs
only log what would be created.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal, Self

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from pydantic import Field, model_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from automation.drafting import Facts, StepDraft
from automation.registry import DslParam, DslSpec, Phrases, StepType, register
from automation.step_config import ConfigModel, Recipients
from automation.wording import Lookups, Words
from core.reasons import Reason
from customers.models import Order
from customers.selection import COUNTED_ORDER_STATUSES
from customers.services import order_create
from executions.engine import StepContext, StepResult
from executions.models import WorkflowActionLog

LogStatus = WorkflowActionLog.Status


class OrderLine(ConfigModel):
    """One order line."""

    sku: Annotated[str, Field(min_length=1, max_length=100)]
    quantity: Annotated[int, Field(ge=1, le=100_000)]
    name: Annotated[str, Field(max_length=200)] | SkipJsonSchema[None] = None


@register
class CreateOrder(StepType):
    key = "create_order"
    label = _("Create order")
    doc = "Create one order per recipient: a copy of their last order, or the given lines."
    config_field = "action_config"
    acts_on_customers = True
    creates_orders = True
    runs_locally = True
    dsl = DslSpec(
        (
            DslParam("to", "recipients", "recipients", required=True),
            DslParam("mode", "mode", required=True),
            DslParam("lines", "lines", "lines"),
            DslParam("status", "status"),
        )
    )
    nouns = re.compile(r"\b((?:standard)?ord(?:re|ra)\w*|bestillingen|standing orders?|orders?)\b")
    phrases = Phrases(
        re.compile(
            r"\b(?:legg\w*|legge)\s+inn\s+(?:\w+\s+){0,3}?(?:ordre\w*|bestilling\w*)"
            r"|\b(?:opprett\w*|lag|lage|create|place|put\s+in|submit|make|generate)\s+"
            r"(?:\w+\s+){0,3}?(?:ordre\w*|bestilling\w*|orders?)\b"
            r"|\b(?:standing|repeat|recurring|automatic)\s+orders?\b"
            r"|\b(?:stående|faste?|automatisk\w*)\s+(?:ordre\w*|bestilling\w*)"
            r"|\brepeat\s+(?:their\s+|the\s+)?last\s+order\b"
            r"|\bgjenta\w*\s+(?:\w+\s+){0,2}?(?:ordre\w*|bestilling\w*)|\bauto-?order\w*"
            r"|\bbestill\w*\s+(?:automatisk|for\s+dem|på\s+vegne)"
            # "legger vi inn den vanlige ordren", "ordre som forrige gang", "their usual order"
            r"|\blegg\w*\s+(?:\w+\s+){1,2}inn\s+(?:\w+\s+){0,3}?(?:ordre\w*|bestilling\w*)"
            r"|\b(?:vanlige?|faste|samme)\s+(?:ordre\w*|bestilling\w*)"
            r"|\b(?:ordre\w*|bestilling\w*)\s+som\s+(?:forrige\s+gang|sist|vanlig)"
            r"|\b(?:usual|regular|same|normal|standard)\s+orders?\b|\b(?:order|orders)\s+(?:as|like)\s+last\s+time\b"
            r"|\bbestill\w*\s+(?:det|den|de)\s+(?:vanlige|samme|faste)\b"
            r"|\b(?:order|place)\s+(?:the|their)\s+usual\b"
            # "legg inn det vanlige / det faste", "standardbestillingen deres", "det de pleier å
            # bestille", "place their normal order": what each customer usually orders.
            r"|\blegg\w*\s+(?:\w+\s+){0,2}?inn\s+(?:\w+\s+){0,2}?(?:det|den|de)\s+"
            r"(?:vanlige|faste|samme)\b"
            r"|\b(?:standard|vanlig|fast)(?:ordre|bestilling)\w*"
            r"|\b(?:det|de|dei|what)\s+(?:de|dei|dem|they)\s+(?:pleier|pleide|bruker|usually)\s+"
            r"(?:å\s+|to\s+)?(?:bestille|ta|kjøpe|handle|order|get|buy)\b"
            r"|\b(?:normal|standard|typical)\s+orders?\b"
            # "their previous order gets repeated", "repeat their previous order", "forrige
            # bestilling deres gjentas": the last order said with a verb of repeating.
            r"|\b(?:their|the|its|his|her)\s+(?:last|previous|latest|most\s+recent)\s+orders?\s+"
            r"(?:gets?|is|are|will\s+be|to\s+be|should\s+be)\s+(?:repeated|re-?placed|placed"
            r"|copied|re-?sent)\b"
            r"|\b(?:repeat|re-?place|copy|re-?send)\s+(?:their|the|its)\s+(?:previous|latest"
            r"|most\s+recent)\s+orders?\b"
            r"|\b(?:forrige|siste)\s+(?:ordre\w*|bestilling\w*)\s+(?:deres\s+|hans\s+|hennes\s+)?"
            r"(?:gjentas|blir\s+gjentatt|legges\s+inn|blir\s+lagt\s+inn)\b"
        ),
        priority=10,
    )
    prompt = (
        'create_order lager én ordre per mottaker: mode "repeat_last" gjentar kundens siste '
        'ordre («den faste ordren»), mode "lines" bruker lines. status er "draft" (standard).'
    )
    error_codes = {
        "lines_required": 'create_order with mode "lines" needs lines.',
        "lines_not_allowed": 'create_order with mode "repeat_last" takes no lines.',
    }

    class Config(ConfigModel):
        """Create one order per recipient. mode "repeat_last" copies the customer's last
        order; mode "lines" uses lines. status is "draft" (default) or "placed"."""

        recipients: Recipients
        mode: Literal["repeat_last", "lines"]
        lines: (
            Annotated[list[OrderLine], Field(min_length=1, max_length=500)] | SkipJsonSchema[None]
        ) = None
        status: Literal["draft", "placed"] = "draft"

        @model_validator(mode="after")
        def _lines_fit_mode(self) -> Self:
            if self.mode == "lines" and not self.lines:
                raise PydanticCustomError("lines_required", gettext('mode "lines" needs lines.'))
            if self.mode == "repeat_last" and self.lines:
                raise PydanticCustomError(
                    "lines_not_allowed", gettext('mode "repeat_last" takes no lines.')
                )
            return self

    def describe(self, step: Mapping[str, Any], w: Words, lookups: Lookups) -> str:
        action = step.get("action_config") or {}
        if action.get("mode") == "repeat_last":
            how = w.say("gjenta siste ordre", "repeat the last order")
        else:
            count = len(action.get("lines") or [])
            how = w.say(f"{count} linjer", f"{count} lines")
        who = w.who(step, lookups)
        return w.say(f"Opprett ordre ({how}) for {who}", f"Create orders ({how}) for {who}")

    def draft(self, facts: Facts) -> StepDraft:
        # "Their usual order" / "the standing order": a copy of each customer's last order.
        return StepDraft(
            action_config={"recipients": facts.recipients, "mode": "repeat_last"},
            name=("Legg inn fast ordre", "Place standing order"),
            label=("fast ordre", "standing order"),
            kind="order",
            # After other steps, orders are placed for those who have not ordered themselves
            # (never a second order for a customer who did).
            implies_orders_missing=facts.position > 0,
        )

    def run(self, ctx: StepContext, config: CreateOrder.Config) -> StepResult:
        action = ctx.step.get("action_config") or {}
        mode = action.get("mode", "repeat_last")
        status = action.get("status", Order.Status.DRAFT)
        customers = list(ctx.customers(action.get("recipients")))
        for customer in customers:
            lines = _last_lines(customer.pk) if mode == "repeat_last" else action["lines"]
            common = {
                "action_type": self.key,
                "target_type": WorkflowActionLog.TargetType.CUSTOMER,
                "target_id": customer.pk,
            }
            if not lines:
                ctx.log(
                    **common,
                    status=LogStatus.SKIPPED,
                    result_data=Reason("skip.no_previous_order").result_fields(),
                )
                continue
            external_id = f"wf-{ctx.execution.pk}-{ctx.step_order}-{customer.pk}"
            if ctx.is_test:
                ctx.log(
                    **common,
                    status=LogStatus.SUCCESS,
                    result_data={"test": True, "would_create": {"lines": lines, "status": status}},
                )
                continue
            order = Order.objects.filter(external_id=external_id).first() or order_create(
                customer=customer,
                lines=lines,
                source=Order.Source.WORKFLOW,
                status=status,
                external_id=external_id,
                note=f"Created by workflow execution #{ctx.execution.pk}",
                references_checked=True,
            )
            ctx.log(
                **common,
                status=LogStatus.SUCCESS,
                result_data={"order_id": order.pk, "lines": lines, "status": order.status},
            )
        return StepResult(customer_ids=[c.pk for c in customers])


def _last_lines(customer_id: int) -> list[dict[str, Any]] | None:
    order = (
        Order.objects.filter(customer_id=customer_id, status__in=COUNTED_ORDER_STATUSES)
        .order_by("-created_at")
        .only("lines")
        .first()
    )
    return [dict(line) for line in order.lines] if order and order.lines else None
