"""Tell staff about customers: an internal notice to a group of users or listed addresses.

"Si fra til salg når en kunde ikke har bestilt på tre uker": the step finds its customers
(its recipients, narrowed by its condition, as any step that acts on customers) and emails
one notice listing them to the users of a group ("salg") and/or the addresses in
``send_to``. Nobody found: nothing is sent (the step is logged as skipped), so a daily check
only speaks up when there is something to say. The notice is sent once (claimed in the action
log before it leaves, ``executions.one_off``), on the ``email`` queue.

Everything about this step type is in this module: its config, its checks, how it reads in
a preview, its DSL method, how the offline assistant and the LLM prompt know it, and what it
does when it runs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any, Self

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db.models import Max, Q
from django.utils import timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, gettext_noop, ngettext
from django.utils.translation import gettext_lazy as _
from pydantic import Field, model_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from automation.drafting import Facts, StepDraft
from automation.registry import DslParam, DslSpec, Phrases, Reference, StepType, register
from automation.step_config import ConfigModel, NonEmptyStr, Recipients
from automation.wording import Lookups, Words
from core.reasons import Reason, Text, extend
from customers.models import Customer
from customers.selection import COUNTED_ORDER_STATUSES
from executions import queueing
from executions.engine import StepContext, StepResult
from executions.errors import PermanentStepError
from executions.models import WorkflowActionLog, WorkflowExecution
from executions.one_off import perform_one_off, prepare_one_off

#: At most this many customers are listed by name; the notice says how many more there are.
MAX_LISTED = 200

# Why the step did not tell anyone: its own reasons, in the one catalogue (core.reasons).
extend(
    Text("notify_staff.no_customers", gettext_noop("no customers to tell about")),
    Text(
        "notify_staff.nobody",
        gettext_noop("nobody to tell: %(name)s has no active user with an email"),
    ),
    Text(
        "notify_staff.not_sent",
        gettext_noop("the notice to staff could not be sent: %(error)s"),
    ),
)

# "si fra til salg", "gi beskjed til lageret", "varsle selgerne", "notify sales", "let the
# team know": a notice to people of the business, not an email to customers.
_STAFF = (
    r"(?:salg\w*|selger\w*|ansatt\w*|kontoret|lageret|lager|innkjøp\w*|sjefen|leder\w*|"
    r"teamet|staff|sales(?:\s+team)?|the\s+(?:sales\s+)?team|team|the\s+office|"
    r"the\s+warehouse|warehouse|purchasing|the\s+manager|manager|the\s+boss)"
    r"(?:\s+team)?"
)
_PHRASES = re.compile(
    r"\b(?:(?:si|gi)\s+(?:i?fra|beskjed)|beskjed|varsel|melding)\s+til\s+" + _STAFF
    + r"|\bgi\s+" + _STAFF + r"\s+beskjed\b"
    + r"|\bvarsl\w*\s+(?:til\s+)?" + _STAFF
    + r"|\b(?:notify|tell|alert|inform)\s+" + _STAFF
    + r"|\blet\s+" + _STAFF + r"\s+know\b"
    # "ping lager asap", "give the warehouse a heads-up", "send beskjed til salg".
    + r"|\b(?:ping|pinge|pinger|buzz|message|msg)\s+(?:til\s+|to\s+)?" + _STAFF
    + r"|\bgive\s+" + _STAFF + r"\s+a\s+heads[-\s]?up\b"
    + r"|\bsend\s+(?:en\s+|a\s+)?(?:beskjed|melding|varsel|heads[-\s]?up|note)\s+(?:til|to)\s+"
    + _STAFF
)  # fmt: skip


@register
class NotifyStaff(StepType):
    key = "notify_staff"
    label = _("Notify staff")
    doc = (
        "Email staff (a group of users and/or addresses) one notice listing the customers the "
        "step finds; nothing is sent when it finds none."
    )
    config_field = "action_config"
    acts_on_customers = True
    yields_customers = True
    sends_email = True
    queue = "email"
    references = (
        Reference(("staff_group",), "staff_group"),
        Reference(("send_to", "*"), "email"),
    )
    error_codes = {
        "staff_required": "notify_staff needs staff_group or send_to (or both).",
    }
    dsl = DslSpec(
        (
            DslParam("about", "recipients", "recipients", required=True),
            DslParam("staff_group", "staff_group"),
            DslParam("send_to", "send_to", "text_list"),
            DslParam("subject", "subject"),
            DslParam("message", "message"),
        )
    )
    nouns = re.compile(r"\b(varsel\w*|beskjed\w*|notices?|notifications?)\b")
    phrases = Phrases(_PHRASES, priority=30)
    prompt = (
        "notify_staff sender én intern e-post til ansatte (staff_group: en brukergruppe, "
        "og/eller send_to: adresser) med en liste over kundene steget finner (recipients, "
        "avgrenset av condition_config), f.eks. «si fra til salg når en kunde ikke har bestilt "
        'på tre uker» = recipients {"group": "all"} og condition_config orders_missing '
        "days_back 21. Sender ingenting når ingen kunder passer."
    )

    class Config(ConfigModel):
        """Tell staff about customers: one email listing the step's customers (recipients,
        narrowed by condition_config) to the users of staff_group (a group of users) and/or
        the addresses in send_to. subject and message are optional."""

        recipients: Recipients
        staff_group: NonEmptyStr | SkipJsonSchema[None] = None
        send_to: (
            Annotated[
                list[Annotated[str, Field(min_length=3, max_length=254)]],
                Field(min_length=1, max_length=50),
            ]
            | SkipJsonSchema[None]
        ) = None
        subject: Annotated[str, Field(max_length=200)] | SkipJsonSchema[None] = None
        message: Annotated[str, Field(max_length=2000)] | SkipJsonSchema[None] = None

        @model_validator(mode="after")
        def _someone_to_tell(self) -> Self:
            if self.staff_group is None and not self.send_to:
                raise PydanticCustomError(
                    "staff_required",
                    gettext("Say whom to tell: staff_group (a group of users), send_to, or both."),
                )
            return self

    # --- Words ------------------------------------------------------------------------------

    def describe(self, step: Mapping[str, Any], w: Words, lookups: Lookups) -> str:
        action = step.get("action_config") or {}
        staff = _staff_words(action, w)
        who = w.who(step, lookups)
        return w.say(f"Si fra til {staff} om {who}", f"Notify {staff} about {who}")

    def draft(self, facts: Facts) -> StepDraft:
        if facts.staff_group is None and not facts.emails:
            raise facts.ask(
                "Hvem skal få beskjed? Skriv navnet på en brukergruppe (for eksempel «salg») "
                "eller en e-postadresse.",
                "Who should be told? Give the name of a group of users (for example “sales”) "
                "or an email address.",
            )
        action: dict[str, Any] = {"recipients": facts.recipients or {"group": "all"}}
        if facts.staff_group is not None:
            action["staff_group"] = facts.staff_group
        if facts.emails:
            action["send_to"] = list(facts.emails)
        to = facts.staff_group or ", ".join(facts.emails)
        return StepDraft(
            action_config=action,
            name=(f"Si fra til {to}", f"Notify {to}"),
            label=(f"beskjed til {to}", f"notice to {to}"),
            kind="notice",
            default_time="08:00",
        )

    # --- Running ----------------------------------------------------------------------------

    def run(self, ctx: StepContext, config: NotifyStaff.Config) -> StepResult:
        ids = list(ctx.customers().values_list("pk", flat=True))
        addresses = _addresses(config)
        common = {
            "action_type": self.key,
            "target_type": WorkflowActionLog.TargetType.REPORT,
            "target_id": 0,
        }
        if not ids:
            ctx.log(
                **common,
                status=WorkflowActionLog.Status.SKIPPED,
                result_data=Reason("notify_staff.no_customers").result_fields(),
            )
            return StepResult(customer_ids=[])
        if not addresses:
            raise PermanentStepError(Reason("notify_staff.nobody", name=config.staff_group))
        if ctx.is_test:
            ctx.log(
                **common,
                status=WorkflowActionLog.Status.SUCCESS,
                result_data={"test": True, "would_tell": addresses, "customers": len(ids)},
            )
            return StepResult(customer_ids=ids)
        fanned_out = prepare_one_off(
            ctx,
            target_type=WorkflowActionLog.TargetType.REPORT,
            queue=self.queue,
            failed="notify_staff.not_sent",
            result={"customer_ids": ids},
        )
        return StepResult(customer_ids=ids, fanned_out=fanned_out)

    def work(self, execution_id: int, step_order: int, part: list[int] | None) -> None:
        perform_one_off(execution_id, step_order, self._send)

    def redispatch(self, execution_id: int, step_order: int, pending: list[int]) -> int:
        queueing.enqueue_step_work(execution_id, step_order, self.key, None, queue=self.queue)
        return 1

    def _send(
        self, execution: WorkflowExecution, step: dict[str, Any], claimed: dict[str, Any]
    ) -> dict[str, Any]:
        config = NotifyStaff.Config.model_validate(step.get("action_config") or {})
        addresses = _addresses(config)
        if not addresses:
            raise PermanentStepError(Reason("notify_staff.nobody", name=config.staff_group))
        ids = [int(pk) for pk in claimed.get("customer_ids", [])]
        # The notice is for the business, in its own language.
        with translation.override(settings.LANGUAGE_CODE):
            message = _notice(execution, config, ids, addresses)
        message.send()
        return {"sent_to": addresses, "customers": len(ids)}


def _staff_words(action: Mapping[str, Any], w: Words) -> str:
    parts = []
    if action.get("staff_group"):
        parts.append(
            w.say(f"gruppen {action['staff_group']}", f"the group {action['staff_group']}")
        )
    parts += list(action.get("send_to") or [])
    return w.listing(parts) or "?"


def _addresses(config: NotifyStaff.Config) -> list[str]:
    """The addresses to tell: the active users of the group who have one, and ``send_to``."""
    found: list[str] = []
    if config.staff_group:
        users = (
            get_user_model()
            .objects.filter(groups__name=config.staff_group, is_active=True)
            .exclude(Q(email="") | Q(email__isnull=True))
        )
        found += sorted({user.email for user in users})
    for address in config.send_to or []:
        if address not in found:
            found.append(address)
    return found


def _notice(
    execution: WorkflowExecution,
    config: NotifyStaff.Config,
    ids: list[int],
    addresses: list[str],
) -> EmailMultiAlternatives:
    customers = list(
        Customer.objects.filter(pk__in=ids)
        .annotate(
            last_order=Max(
                "orders__created_at", filter=Q(orders__status__in=COUNTED_ORDER_STATUSES)
            )
        )
        .order_by("name", "pk")[:MAX_LISTED]
    )
    count = len(ids)
    subject = config.subject or ngettext(
        "%(workflow)s: %(count)d customer",
        "%(workflow)s: %(count)d customers",
        count,
    ) % {"workflow": execution.workflow.name, "count": count}

    def last(customer: Customer) -> str:
        moment = customer.last_order  # type: ignore[attr-defined]
        return timezone.localtime(moment).strftime("%d.%m.%Y") if moment else gettext("never")

    rows = [(c.name, c.email, c.phone or "", last(c)) for c in customers]
    more = count - len(rows)
    intro = config.message or gettext("The workflow %(workflow)s found these customers:") % {
        "workflow": execution.workflow.name
    }
    header = (gettext("Customer"), gettext("Email"), gettext("Phone"), gettext("Last order"))
    more_text = (
        ngettext("… and %(n)d more customer.", "… and %(n)d more customers.", more) % {"n": more}
        if more > 0
        else ""
    )
    text = "\n".join(
        [intro, "", "; ".join(header), *("; ".join(row) for row in rows), more_text]
    ).strip()
    html = format_html(
        "<p>{}</p><table><thead><tr>{}</tr></thead><tbody>{}</tbody></table>{}",
        intro,
        format_html_join("", "<th>{}</th>", ((h,) for h in header)),
        format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", rows),
        format_html("<p>{}</p>", more_text) if more_text else "",
    )
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=addresses,
    )
    message.attach_alternative(html, "text/html")
    return message


__all__ = ["NotifyStaff"]
