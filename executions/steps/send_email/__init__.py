"""Send an email template to the step's recipients (fanned out on the ``email`` queue).

``sending`` claims the recipients and sends the batches (at most once per customer, see its
docstring); ``gate`` is the SMTP backend that lets a claim's commit overlap the SMTP
conversation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any, Self

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from pydantic import Field, model_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from automation.drafting import Facts, StepDraft
from automation.registry import DslParam, DslSpec, Phrases, Reference, StepType, register
from automation.step_config import ConfigModel, Recipients
from automation.wording import Lookups, Words
from core.reasons import Reason
from executions.engine import StepContext, StepResult
from executions.errors import PermanentStepError
from executions.steps.send_email import sending

#: Template categories a user names a step by ("the reminder", "the form").
_KIND_OF_CATEGORY = {"reminder": "reminder", "bestilling": "form", "confirmation": "confirmation"}
# What kind of email a request asks for, in the order they are tried, with the template
# category that kind means.
_KIND_WORDS = (
    (
        "reminder",
        re.compile(
            r"\w*påminnelse\w*|\w*påminning\w*|\bpaminnelse\w*|\bpurr\w*|\breminders?\b|\bremind\w*|\bminn\w*\b"
            r"|\bhusk\w*\s+å\s+bestille\b|\bnudge\w*|\bfollow[- ]up\b|\boppfølging\w*"
        ),
    ),
    (
        "confirmation",
        re.compile(r"\w*bekreftelse\w*|\bbekreft\w*|\bconfirm\w*|\bkvittering\w*|\breceipts?\b"),
    ),
    ("welcome", re.compile(r"\bvelkom\w*|\bwelcome\w*")),
    (
        "bestilling",
        re.compile(
            r"\b(?:bestillings|bestilling|ordre|order)?-?skjema\w*|\border[- ]?forms?\b"
            r"|\bordering\s+forms?\b|\border(?:ing)?\s+(?:sheets?|lists?)\b"
            r"|\bbestillingslist\w*|\bbestillingslenke\w*|\bordrelist\w*|\border\s+links?\b"
            r"|\bforms?\b"
        ),
    ),
)
_SEND_WORDS = (
    r"\bsend\w*|\be-?post\w*|\bepost\w*|\be-?mail\w*|\bmail\w*|\bnyhetsbrev\w*|\bnewsletters?"
    r"|\bmeny\w*|\bmenus?\b|\btilbud\w*|\boffers?\b|\bprislist\w*|\bprice\s*lists?\b"
    r"|\bkampanje\w*|\bcampaigns?\b|\bbeskjed\w*|\bmessage\w*|\bvarsl\w*|\bnotif\w*"
    r"|\blet\s+(?:the\s+|our\s+|all\s+)?[\w-]+(?:\s+[\w-]+)?\s+know\b|\binvit\w*|\binform\w*"
)
# kind: (step name, description label), in nb and en.
_KIND_NAMES = {
    "bestilling": (
        ("Send bestillingsskjema", "bestillingsskjema"),
        ("Send order form", "order form"),
    ),
    "reminder": (("Påminnelse", "påminnelse"), ("Reminder", "reminder")),
    "confirmation": (("Send bekreftelse", "bekreftelse"), ("Send confirmation", "confirmation")),
    "welcome": (("Send velkomst", "velkomst"), ("Send welcome email", "welcome email")),
}
# What an event means when the request does not say which email.
_EVENT_MEANS = {"order.created": "confirmation", "customer.created": "welcome"}
_PAYMENT = re.compile(r"faktura|invoice|betaling|payment|purring på|overdue|forfalt")
_DEFAULT_TIMES = {"bestilling": "09:00", "reminder": "15:00"}

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
    phrases = Phrases(
        re.compile("|".join([p.pattern for _k, p in _KIND_WORDS] + [_SEND_WORDS])), priority=0
    )
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
                    "template_required", gettext("Give template_id or template (a template name).")
                )
            if self.template_id is not None and self.template is not None:
                raise PydanticCustomError(
                    "template_ambiguous", gettext("Give template_id or template, not both.")
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
        if template is None and action.get("template") and lookups.template_is_new(name):
            dash = "\N{EN DASH}"
            name = w.say(f"{name} (ny mal {dash} utkast)", f"{name} (new template {dash} draft)")
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

    def draft(self, facts: Facts) -> StepDraft:
        if facts.emails:
            raise facts.ask(
                "E-poster fra en arbeidsflyt går til kunder. Skal den gå til alle kunder eller til "
                f"en kundegruppe? (Adressen {facts.emails[0]} kan få en rapport.)",
                "Workflow emails go to customers. Should it go to all customers or to a customer "
                f"group? ({facts.emails[0]} can receive a report.)",
            )
        kind = next((k for k, pattern in _KIND_WORDS if pattern.search(facts.rest)), None)
        if kind == "reminder" and _PAYMENT.search(facts.text):
            kind = None  # a payment reminder is about an invoice, not about ordering
        if kind is None and facts.follows_up:
            kind = "reminder"  # a later time for those who have not ordered: a reminder
        draft = StepDraft(kind=kind or "email")
        choice = facts.templates.choose(facts.text, prefer=[kind] if kind else [], topic=facts.rest)
        if choice is None and facts.event in _EVENT_MEANS:
            # "When a customer orders, send them an email": the confirmation.
            choice = facts.templates.choose("", prefer=[_EVENT_MEANS[facts.event]])
        if choice is None:
            # Nothing said about the content ("send en e-post hver mandag"): the order form,
            # the product's everyday email, when there is one; else a question.
            choice = facts.templates.choose("", prefer=["bestilling"])
            if choice is None or choice.template is None:
                names = ", ".join(f"«{n}»" for n in facts.templates.names()[:8])
                raise facts.ask(
                    "Hvilken e-postmal skal sendes?" + (f" Malene er {names}." if names else ""),
                    "Which email template should be sent?"
                    + (f" The templates are {names}." if names else ""),
                )
            name = choice.template["name"]
            choice.notes.append(
                (
                    f"Bruker malen «{name}»; si fra om en annen mal skal brukes.",
                    f"Using the template “{name}”; say so if another template should be used.",
                )
            )
        recipients = facts.recipients
        if choice.template is not None:
            template_name = str(choice.template["name"])
            draft.action_config = {"template_id": choice.template["id"], "recipients": recipients}
        else:
            assert choice.proposal is not None
            template_name = str(choice.proposal["name"])
            draft.action_config = {"template": template_name, "recipients": recipients}
            draft.new_template = choice.proposal
        draft.notes.extend(choice.notes)
        if kind in _KIND_NAMES:
            (nb_name, nb_label), (en_name, en_label) = _KIND_NAMES[kind]
        else:
            nb_name = en_name = f"Send {template_name}"
            nb_label = en_label = template_name
        draft.name, draft.label = (nb_name, en_name), (nb_label, en_label)
        timed_as = kind
        if timed_as is None and choice.template is not None:
            # "send ukeslista te hotellan fredag": the order form by its own name has the order
            # form's time.
            timed_as = str(choice.template.get("category") or "")
        draft.default_time = _DEFAULT_TIMES.get(timed_as or "")
        # A reminder of something other than ordering ("påminnelse om å levere tilbake
        # kassene", a new template of its own) is for everyone it is sent to, ordered or not.
        about_other = choice.proposal is not None and choice.proposal.get("category") != "reminder"
        draft.implies_orders_missing = kind == "reminder" and not about_other
        return draft

    def run(self, ctx: StepContext, config: SendEmail.Config) -> StepResult:
        action = ctx.step.get("action_config") or {}
        if ctx.is_test:
            return StepResult(customer_ids=sending.preview_step(ctx, action))
        prepared = sending.prepare_step(ctx, action)
        if not prepared.pending and prepared.failed:
            # Re-run after its batches were done (a resume after a pause that landed before
            # the step was wrapped up): the failures still decide, as in step_work_finished.
            raise PermanentStepError(Reason("actions.failed", count=prepared.failed))
        return StepResult(
            customer_ids=prepared.customer_ids,
            fanned_out=bool(prepared.pending),
            data={"pending": len(prepared.pending), "skipped": prepared.skipped},
            work_here=prepared.here or None,
        )

    def work(self, execution_id: int, step_order: int, part: list[int] | None) -> None:
        sending.send_batch(execution_id, step_order, part or [])

    def redispatch(self, execution_id: int, step_order: int, pending: list[int]) -> int:
        return sending.enqueue_batches(execution_id, step_order, self.key, pending)

    def email_subject(self, execution_id: int, step_order: int, customer_id: int) -> str:
        return sending.email_subject(execution_id, step_order, customer_id)

    def resend(self, action_log_id: int, *, message_id: str, resent_of: str) -> None:
        sending.resend(action_log_id, new_id=message_id, resent_of=resent_of)
