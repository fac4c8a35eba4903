"""The preview a user confirms: a workflow in words, with how many customers each step reaches.

    Ukentlig bestilling
    Hver mandag kl. 09:00 (Europe/Oslo)
    Mandag 09:00 - Send Bestillingsskjema til alle kunder (25)
    Torsdag 15:00 - Send Påminnelse til alle kunder som ikke har bestilt siden kjøringen startet (7)

(with an en dash between time and action). Counts are "if it ran now": recipients resolved
with the engine's own rules (``customers.selection``), conditions evaluated against the
orders that exist now, with the execution taken to have started at the schedule's latest run.
Reading those rules from the engine rather than re-implementing them keeps the preview honest
when they change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from django.utils import timezone as dj_timezone

DASH = "\N{EN DASH}"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_NAMES = {
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
EVENTS = {
    "order.created": ("Når en kunde legger inn en ordre", "When a customer places an order"),
    "customer.created": ("Når en ny kunde registreres", "When a new customer is registered"),
    "webhook": ("Når en webhook mottas", "When a webhook is received"),
}
REPORTS = {
    "execution_summary": ("kjøringsrapport", "run summary"),
    "orders_missing": ("rapport over manglende bestillinger", "missing orders report"),
    "weekly_orders": ("ukesrapport over bestillinger", "weekly orders report"),
}
# How far back to look for the schedule's latest run (a monthly schedule runs within 31 days).
LATEST_RUN_WINDOWS = (dt.timedelta(days=1), dt.timedelta(days=8), dt.timedelta(days=32))


@dataclass(frozen=True)
class PreviewLine:
    kind: str  # "name", "schedule", "event" or "step"
    text: str
    step_order: int | None = None
    count: int | None = None  # customers the step would reach now; None: not about customers

    def __str__(self) -> str:
        return self.text

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class _Words:
    def __init__(self, language: str) -> None:
        self.en = language == "en"
        self.days = DAY_NAMES["en" if self.en else "nb"]

    def say(self, nb: str, en: str) -> str:
        return en if self.en else nb

    def day(self, name: str | None) -> str:
        return self.days[WEEKDAYS.index(name)] if name in WEEKDAYS else str(name or "")

    def days_list(self, names: list[str]) -> str:
        words = [self.day(n) for n in names]
        if len(words) <= 1:
            return "".join(words)
        return f"{', '.join(words[:-1])} {self.say('og', 'and')} {words[-1]}"


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- Schedule and times -------------------------------------------------------------------------


def _schedule_text(schedule: Mapping[str, Any], w: _Words) -> str:
    kind = schedule.get("schedule_type")
    config = schedule.get("schedule_config") or {}
    time = config.get("time", "")
    tz = schedule.get("timezone") or ""
    at = w.say(f"kl. {time}", f"at {time}")
    if kind == "daily":
        if config.get("weekdays_only"):
            text = w.say(f"Hver hverdag {at}", f"Every weekday {at}")
        else:
            text = w.say(f"Hver dag {at}", f"Every day {at}")
    elif kind == "weekly":
        days = config.get("days") or [config.get("day")]
        text = w.say(f"Hver {w.days_list(days)} {at}", f"Every {w.days_list(days)} {at}")
    elif kind == "monthly":
        dom = config.get("day_of_month")
        if dom == "last":
            text = w.say(f"Siste dag i hver måned {at}", f"On the last day of every month {at}")
        else:
            text = w.say(f"Den {dom}. hver måned {at}", f"On day {dom} of every month {at}")
    elif kind == "cron":
        text = w.say(
            f"Etter cron-uttrykket «{config.get('expression')}»",
            f"On the cron schedule “{config.get('expression')}”",
        )
    else:
        text = str(kind)
    return f"{text} ({tz})" if tz else text


def _schedule_when(schedule: Mapping[str, Any] | None, w: _Words) -> str:
    """When the first step runs, in the short form of a step line ("Mandag 09:00")."""
    if not schedule:
        return ""
    config = schedule.get("schedule_config") or {}
    kind = schedule.get("schedule_type")
    time = config.get("time", "")
    if kind == "weekly":
        days = config.get("days") or [config.get("day")]
        return f"{_capitalise(w.days_list(days))} {time}"
    if kind == "daily":
        return (
            w.say(f"Hverdager {time}", f"Weekdays {time}")
            if config.get("weekdays_only")
            else w.say(f"Hver dag {time}", f"Daily {time}")
        )
    if kind == "monthly":
        dom = config.get("day_of_month")
        if dom == "last":
            return w.say(f"Siste dag i måneden {time}", f"Last day of the month {time}")
        return w.say(f"Den {dom}. {time}", f"Day {dom} {time}")
    return w.say("Ved hver kjøring", "At each run")


def _trigger_when(config: Mapping[str, Any], w: _Words, tz: str) -> str:
    if config.get("delay_minutes") is not None:
        minutes = int(config["delay_minutes"])
        if minutes % 60 == 0:
            hours = minutes // 60
            return w.say(f"Etter {hours} t", f"After {hours} h")
        return w.say(f"Etter {minutes} min", f"After {minutes} min")
    if config.get("at"):
        try:
            moment = dt.datetime.fromisoformat(str(config["at"]))
            return moment.strftime("%d.%m.%Y %H:%M")
        except ValueError:
            return str(config["at"])
    parts = [_capitalise(w.day(config["day"])) if config.get("day") else "", config.get("time", "")]
    return " ".join(p for p in parts if p)


def _step_when(step: Mapping[str, Any], index: int, workflow: Mapping[str, Any], w: _Words) -> str:
    trigger = step.get("trigger_type", "immediate")
    config = step.get("trigger_config") or {}
    tz = (workflow.get("schedule") or {}).get("timezone") or ""
    if step.get("step_type") == "wait_until":
        return w.say("Deretter", "Then")
    if trigger == "time_based" and config:
        return _trigger_when(config, w, tz)
    if index == 0:
        if workflow.get("workflow_type") == "event_based":
            return w.say("Straks", "Right away")
        return _schedule_when(workflow.get("schedule"), w)
    return w.say("Deretter", "Then")


# --- Audience and counts ----------------------------------------------------------------------


def _latest_run(schedule: Mapping[str, Any] | None, now: dt.datetime) -> dt.datetime:
    """The schedule's latest run at or before ``now``: the start an "if it ran now" count
    measures "since the run started" from. Falls back to ``now``."""
    if not schedule:
        return now
    from automation.scheduling import next_run_after

    for window in LATEST_RUN_WINDOWS:
        cursor = now - window
        latest = None
        try:
            # A handful of steps at most: every window holds few runs except for cron, and
            # cron schedules that run often enough to matter are refused by the validator.
            for _ in range(64):
                run = next_run_after(
                    schedule_type=schedule["schedule_type"],
                    schedule_config=schedule["schedule_config"],
                    timezone=schedule.get("timezone") or "Europe/Oslo",
                    after=cursor,
                )
                if run > now:
                    break
                latest, cursor = run, run
        except (KeyError, ValueError, TypeError):
            return now
        if latest is not None:
            return latest
    return now


def _condition_text(condition: Mapping[str, Any], w: _Words, groups: Mapping[str, str]) -> str:
    check = condition.get("check")
    if check in ("orders_missing", "has_ordered"):
        if "days_back" in condition:
            window = w.say(
                f"de siste {condition['days_back']} dagene",
                f"in the last {condition['days_back']} days",
            )
        else:
            since = condition.get("since", "execution_start")
            if since == "execution_start":
                window = w.say("siden kjøringen startet", "since the run started")
            else:
                window = w.say(
                    f"siden {w.day(since.removeprefix('last_'))}",
                    f"since {w.day(since.removeprefix('last_'))}",
                )
        if check == "orders_missing":
            return w.say(f"som ikke har bestilt {window}", f"who have not ordered {window}")
        return w.say(f"som har bestilt {window}", f"who have ordered {window}")
    if check == "customer_filter":
        parts = []
        if condition.get("group"):
            name = groups.get(condition["group"], condition["group"])
            parts.append(w.say(f"i gruppen {name}", f"in the group {name}"))
        if condition.get("language"):
            parts.append(
                w.say(
                    f"med språk {condition['language']}", f"with language {condition['language']}"
                )
            )
        if condition.get("active") is False:
            parts.append(w.say("som er inaktive", "who are inactive"))
        return " ".join(parts)
    return ""


def _audience_text(recipients: Mapping[str, Any], w: _Words, groups: Mapping[str, str]) -> str:
    if recipients.get("group") == "all":
        return w.say("alle kunder", "all customers")
    if "group" in recipients:
        name = groups.get(recipients["group"], recipients["group"])
        return w.say(f"gruppen {name}", f"the group {name}")
    if "customer_ids" in recipients:
        n = len(recipients["customer_ids"])
        return w.say(f"{n} valgte kunder", f"{n} selected customers")
    if "from_step" in recipients:
        return w.say(
            f"kundene fra steg {recipients['from_step']}",
            f"the customers from step {recipients['from_step']}",
        )
    if recipients.get("event_customer"):
        return w.say("kunden i hendelsen", "the customer of the event")
    return ""


class _Counter:
    """Customer sets per step, "if the workflow ran now"; ids are kept for from_step."""

    def __init__(self, workflow: Mapping[str, Any], now: dt.datetime) -> None:
        self.now = now
        self.tz = (workflow.get("schedule") or {}).get(
            "timezone"
        ) or dj_timezone.get_current_timezone_name()
        self.started = _latest_run(workflow.get("schedule"), now)
        self.outputs: dict[str, list[int]] = {}

    def _narrow(self, customers: Any, condition: Mapping[str, Any]) -> Any:
        from customers.selection import apply_condition

        if not condition:
            return customers
        return apply_condition(
            customers,
            dict(condition),
            execution_start=self.started,
            now=self.now,
            timezone=self.tz,
        )

    def count(self, step: Mapping[str, Any], templates: Mapping[int, Any]) -> int | None:
        from customers.models import Customer
        from customers.selection import resolve_recipients

        action = step.get("action_config") or {}
        condition = step.get("condition_config") or {}
        recipients = action.get("recipients")
        order = str(step.get("step_order"))
        if step.get("step_type") == "check_condition":
            found = self._narrow(Customer.objects.filter(active=True), condition)
            self.outputs[order] = list(found.values_list("pk", flat=True))
            return len(self.outputs[order])
        if not isinstance(recipients, dict) or recipients.get("event_customer"):
            return None
        try:
            customers = self._narrow(
                resolve_recipients(dict(recipients), outputs=self.outputs), condition
            )
        except (ValueError, KeyError):
            return None
        if step.get("step_type") == "send_email":
            # Who would actually get the email: the email step skips suppressed addresses,
            # and unsubscribed customers unless the template is transactional.
            customers = customers.filter(suppressed_at__isnull=True)
            template = templates.get(action.get("template_id"))
            if template is None or not template.is_transactional:
                customers = customers.filter(unsubscribed_at__isnull=True)
        ids = list(customers.values_list("pk", flat=True).distinct())
        self.outputs[order] = ids
        return len(ids)


# --- The preview ------------------------------------------------------------------------------


def _action_text(
    step: Mapping[str, Any],
    w: _Words,
    templates: Mapping[int, Any],
    groups: Mapping[str, str],
    integrations: Mapping[int, str],
) -> str:
    kind = step.get("step_type")
    action = step.get("action_config") or {}
    condition = step.get("condition_config") or {}
    audience = _audience_text(action.get("recipients") or {}, w, groups)
    narrowed = _condition_text(condition, w, groups) if condition else ""
    who = " ".join(p for p in (audience, narrowed) if p)
    if kind == "send_email":
        template = templates.get(action.get("template_id"))
        name = template.name if template else action.get("template") or "?"
        return w.say(f"Send {name} til {who}", f"Send {name} to {who}")
    if kind == "create_order":
        how = (
            w.say("gjenta siste ordre", "repeat the last order")
            if action.get("mode") == "repeat_last"
            else w.say(
                f"{len(action.get('lines') or [])} linjer",
                f"{len(action.get('lines') or [])} lines",
            )
        )
        return w.say(f"Opprett ordre ({how}) for {who}", f"Create orders ({how}) for {who}")
    if kind == "generate_report":
        names = REPORTS.get(action.get("report"), (action.get("report"), action.get("report")))
        to = ", ".join(action.get("send_to") or [])
        return w.say(f"Send {names[0]} til {to}", f"Send the {names[1]} to {to}")
    if kind == "call_integration":
        name = integrations.get(action.get("integration_id"), f"#{action.get('integration_id')}")
        request = f"{action.get('method')} /{str(action.get('path') or '').lstrip('/')}"
        return w.say(
            f"Kall integrasjonen {name}: {request}", f"Call the integration {name}: {request}"
        )
    if kind == "check_condition":
        return w.say(f"Finn kunder {narrowed}", f"Find customers {narrowed}")
    if kind == "wait_until":
        when = _trigger_when(step.get("trigger_config") or {}, w, "")
        return w.say(f"Vent til {when}", f"Wait until {when}")
    return str(kind)


def workflow_preview(
    workflow: dict[str, Any], *, language: str, now: dt.datetime | None = None
) -> list[PreviewLine]:
    """The workflow in words, in ``language`` ("nb" or "en"), one line per part.

    ``workflow`` should be valid (normalised); unknown references show as ids instead of
    failing, so a preview of a half-finished draft still renders.
    """
    from automation.models import Integration
    from customers.models import CustomerGroup
    from templates_app.models import EmailTemplate

    w = _Words(language)
    now = now or dj_timezone.now()
    steps = [s for s in workflow.get("steps") or [] if isinstance(s, dict)]
    template_ids = {(s.get("action_config") or {}).get("template_id") for s in steps} - {None}
    templates = {t.pk: t for t in EmailTemplate.objects.filter(pk__in=template_ids)}
    groups = dict(CustomerGroup.objects.values_list("slug", "name"))
    integration_ids = {
        (s.get("action_config") or {}).get("integration_id")
        for s in steps
        if s.get("step_type") == "call_integration"
    } - {None}
    integrations = dict(
        Integration.objects.filter(pk__in=integration_ids).values_list("pk", "name")
    )

    lines = [PreviewLine(kind="name", text=str(workflow.get("name") or ""))]
    if workflow.get("workflow_type") == "event_based":
        event = (workflow.get("event") or {}).get("type", "")
        texts = EVENTS.get(event, (event, event))
        lines.append(PreviewLine(kind="event", text=texts[1] if w.en else texts[0]))
    elif workflow.get("schedule"):
        lines.append(PreviewLine(kind="schedule", text=_schedule_text(workflow["schedule"], w)))

    counter = _Counter(workflow, now)
    for index, step in enumerate(sorted(steps, key=lambda s: s.get("step_order", 0))):
        when = _step_when(step, index, workflow, w)
        what = _action_text(step, w, templates, groups, integrations)
        count = counter.count(step, templates)
        text = f"{when} {DASH} {what}" if when else what
        if step.get("is_active") is False:
            text += w.say(" [av]", " [off]")
        if count is not None:
            text += f" ({count})"
        lines.append(
            PreviewLine(kind="step", text=text, step_order=step.get("step_order"), count=count)
        )
    return lines
