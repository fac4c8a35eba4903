"""Send an email template to the step's recipients (fanned out on the ``email`` queue).

``sending`` claims the recipients and sends the batches (at most once per customer, see its
docstring); ``gate`` is the SMTP backend that lets a claim's commit overlap the SMTP
conversation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any, Self

from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from pydantic import Field, model_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from automation.registry import DslParam, DslSpec, Reference, StepType, register
from automation.step_config import ConfigModel, Recipients
from automation.wording import Lookups, Words
from executions.engine import StepContext, StepResult
from executions.errors import PermanentStepError
from executions.steps.send_email import sending

#: Template categories a user names a step by ("the reminder", "the form").
_KIND_OF_CATEGORY = {"reminder": "reminder", "bestilling": "form", "confirmation": "confirmation"}
_KIND_OF_NAME = (
    ("reminder", re.compile(r"påminn|purr|remind")),
    ("form", re.compile(r"skjema|form")),
    ("confirmation", re.compile(r"bekreft|confirm")),
)


@register
class SendEmail(StepType):
    key = "send_email"
    label = _("Send email")
    doc = "Send one email template to each recipient (batched on the email queue)."
    config_field = "action_config"
    acts_on_customers = True
    sends_email = True
    emails_customers = True
    queue = "email"
    references = (
        Reference(("template_id",), "template"),
        Reference(("template",), "template_name"),
        Reference(("from_email",), "email"),
        Reference(("reply_to",), "email"),
    )
    dsl = DslSpec(
        (
            DslParam("template", "template_id", "id_or_name", required=True, name_key="template"),
            DslParam("to", "recipients", "recipients", required=True),
            DslParam("from_email", "from_email"),
            DslParam("reply_to", "reply_to"),
        )
    )
    nouns = re.compile(r"\b(e-?post\w*|mail\w*|emails?|utsendelse\w*)\b")
    kind_words = {
        "reminder": re.compile(r"\b(påminnelse\w*|purring\w*|reminder\w*)"),
        "form": re.compile(r"(\w*skjema\w*|\border[- ]?forms?\b|\bforms?\b)"),
        "confirmation": re.compile(r"\b(bekreftelse\w*|confirmation\w*)"),
    }
    prompt = (
        "send_email sender en e-postmal (template_id fra listen) til mottakerne (recipients). "
        "Påminnelser får condition_config orders_missing."
    )

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

    error_codes = {
        "template_required": "send_email needs template_id or template.",
        "template_ambiguous": "send_email was given both template_id and template.",
    }

    def describe(self, step: Mapping[str, Any], w: Words, lookups: Lookups) -> str:
        action = step.get("action_config") or {}
        template = lookups.template(action.get("template_id"))
        name = template.name if template else action.get("template") or "?"
        who = w.who(step, lookups)
        return w.say(f"Send {name} til {who}", f"Send {name} to {who}")

    def reachable(self, customers: Any, step: Mapping[str, Any], lookups: Lookups) -> Any:
        # Who would actually get the email: suppressed addresses never, unsubscribed
        # customers only from a transactional template (an order confirmation).
        customers = customers.filter(suppressed_at__isnull=True)
        template = lookups.template((step.get("action_config") or {}).get("template_id"))
        if template is None or not template.is_transactional:
            customers = customers.filter(unsubscribed_at__isnull=True)
        return customers

    def kinds(self, step: Mapping[str, Any], categories: Mapping[int, str]) -> set[str]:
        action = step.get("action_config") or {}
        condition = step.get("condition_config") or {}
        category = categories.get(action.get("template_id"), "")  # type: ignore[arg-type]
        name = str(step.get("name") or "").lower()
        kinds = {kind for kind, pattern in _KIND_OF_NAME if pattern.search(name)}
        if category in _KIND_OF_CATEGORY:
            kinds.add(_KIND_OF_CATEGORY[category])
        if condition.get("check") == "orders_missing":
            kinds.add("reminder")
        return kinds

    def run(self, ctx: StepContext, config: SendEmail.Config) -> StepResult:
        action = ctx.step.get("action_config") or {}
        if ctx.is_test:
            return StepResult(customer_ids=sending.preview_step(ctx, action))
        prepared = sending.prepare_step(ctx, action)
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

    def work(self, execution_id: int, step_order: int, part: list[int] | None) -> None:
        sending.send_batch(execution_id, step_order, part or [])

    def redispatch(self, execution_id: int, step_order: int, pending: list[int]) -> int:
        return sending.enqueue_batches(execution_id, step_order, self.key, pending)
