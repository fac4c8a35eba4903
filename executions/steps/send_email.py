"""Send an email template to the step's recipients (fanned out on the ``email`` queue)."""

from __future__ import annotations

from typing import Annotated, ClassVar, Self

from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from pydantic import Field, model_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from automation.registry import StepType, register
from automation.step_config import ConfigModel, Recipients
from executions import emailing
from executions.engine import StepContext, StepResult
from executions.errors import PermanentStepError


@register
class SendEmail(StepType):
    key = "send_email"
    label = _("Send email")
    config_field = "action_config"
    acts_on_customers = True
    queue = "email"
    # Read by the validator's frequency policy (not a registry attribute yet).
    sends_email: ClassVar[bool] = True

    class Config(ConfigModel):
        """Send one email template to each recipient. Give template_id, or template (the
        template's name, resolved to template_id on save)."""

        template_id: Annotated[int, Field(ge=1)] | SkipJsonSchema[None] = None
        template: Annotated[str, Field(min_length=1, max_length=200)] | SkipJsonSchema[None] = None
        recipients: Recipients
        from_email: Annotated[str, Field(max_length=254)] | SkipJsonSchema[None] = None
        reply_to: Annotated[str, Field(max_length=254)] | SkipJsonSchema[None] = None

        @model_validator(mode="after")
        def _one_template(self) -> Self:
            if self.template_id is None and self.template is None:
                raise PydanticCustomError(
                    "template_required", _g("Give template_id or template (a template name).")
                )
            if self.template_id is not None and self.template is not None:
                raise PydanticCustomError(
                    "template_ambiguous", _g("Give template_id or template, not both.")
                )
            return self

    def run(self, ctx: StepContext, config: SendEmail.Config) -> StepResult:
        action = ctx.step.get("action_config") or {}
        if ctx.is_test:
            return StepResult(customer_ids=emailing.preview_step(ctx, action))
        prepared = emailing.prepare_step(ctx, action)
        if not prepared.pending and prepared.failed:
            # Re-run after its batches were done (a resume after a pause that landed before
            # the step was wrapped up): the failures still decide, as in step_work_finished.
            raise PermanentStepError(
                f"{prepared.failed} action(s) failed"  # shown translated: see executions.reasons
            )
        return StepResult(
            customer_ids=prepared.customer_ids,
            fanned_out=bool(prepared.pending),
            data={"pending": len(prepared.pending), "skipped": prepared.skipped},
        )
