"""Create an order for each recipient: a copy of their last order, or the given lines."""

from __future__ import annotations

from typing import Annotated, Literal, Self

from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from pydantic import Field, model_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from automation.registry import StepType, register
from automation.step_config import ConfigModel, Recipients
from executions.engine import StepContext, StepResult
from executions.orders import create_orders


class OrderLine(ConfigModel):
    """One order line."""

    sku: Annotated[str, Field(min_length=1, max_length=100)]
    quantity: Annotated[int, Field(ge=1, le=100_000)]
    name: Annotated[str, Field(max_length=200)] | SkipJsonSchema[None] = None


@register
class CreateOrder(StepType):
    key = "create_order"
    label = _("Create order")
    config_field = "action_config"
    acts_on_customers = True

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
                raise PydanticCustomError("lines_required", _g('mode "lines" needs lines.'))
            if self.mode == "repeat_last" and self.lines:
                raise PydanticCustomError(
                    "lines_not_allowed", _g('mode "repeat_last" takes no lines.')
                )
            return self

    def run(self, ctx: StepContext, config: CreateOrder.Config) -> StepResult:
        return StepResult(customer_ids=create_orders(ctx, ctx.step.get("action_config") or {}))
