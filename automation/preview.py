"""The preview a user confirms: a workflow in words, with how many customers each step reaches.

    Ukentlig bestilling
    Hver mandag kl. 09:00 (Europe/Oslo)
    Mandag 09:00 - Send Bestillingsskjema til alle kunder (25)
    Torsdag 15:00 - Send Påminnelse til alle kunder som ikke har bestilt siden kjøringen startet (7)

(with an en dash between time and action). Each step's action is its step type's own
``describe``; this module adds when it runs and how many customers it would reach.

Counts are "if it ran now": recipients resolved with the engine's own rules
(``customers.selection``), conditions evaluated against the orders that exist now, with the
execution taken to have started at the schedule's latest run, narrowed by the step type's
``reachable`` (an email step leaves out unsubscribed and suppressed addresses).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from django.utils import timezone as dj_timezone

from automation.registry import StepType, step_types
from automation.scheduling import next_run_after
from automation.wording import DASH, Lookups, Words, schedule_text, schedule_when
from customers.selection import apply_condition, resolve_recipients

__all__ = ["PreviewLine", "event_text", "step_when", "workflow_preview"]

EVENTS = {
    "order.created": ("Når en kunde legger inn en ordre", "When a customer places an order"),
    "customer.created": ("Når en ny kunde registreres", "When a new customer is registered"),
    "webhook": ("Når en webhook mottas", "When a webhook is received"),
}
# How far back to look for the schedule's latest run (a monthly schedule runs within 31 days).
LATEST_RUN_WINDOWS = (dt.timedelta(days=1), dt.timedelta(days=8), dt.timedelta(days=32))


def event_text(event: Mapping[str, Any], w: Words) -> str:
    """How an event workflow starts, in words; a named webhook says which one (a workflow
    listening for "lager-lavt" answers no other webhook)."""
    kind = str(event.get("type") or "")
    name = event.get("name")
    if kind == "webhook" and name:
        return w.say(f"Når webhooken «{name}» mottas", f"When the webhook “{name}” is received")
    return w.say(*EVENTS.get(kind, (kind, kind)))


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


def _step_when(step: Mapping[str, Any], index: int, workflow: Mapping[str, Any], w: Words) -> str:
    cls = step_types().get(step.get("step_type"))  # type: ignore[arg-type]
    trigger = step.get("trigger_type", "immediate")
    config = step.get("trigger_config") or {}
    if cls is not None and cls.waits_for_trigger:
        return w.say("Deretter", "Then")  # the step itself says until when
    if trigger == "time_based" and config:
        return w.trigger_when(config)
    if index == 0:
        if workflow.get("workflow_type") == "event_based":
            return w.say("Straks", "Right away")
        return schedule_when(workflow.get("schedule"), w)
    return w.say("Deretter", "Then")


#: When a step runs, exactly as its preview line says it ("Torsdag 15:00"); public so that
#: the difference between two versions (``automation.diff``) says it the same way.
step_when = _step_when


# --- Counts ---------------------------------------------------------------------------------


def _latest_run(schedule: Mapping[str, Any] | None, now: dt.datetime) -> dt.datetime:
    """The schedule's latest run at or before ``now``: the start an "if it ran now" count
    measures "since the run started" from. Falls back to ``now``."""
    if not schedule:
        return now
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


class _Counter:
    """Customer sets per step, "if the workflow ran now"; ids are kept for from_step."""

    def __init__(self, workflow: Mapping[str, Any], now: dt.datetime) -> None:
        self.now = now
        self.tz = (workflow.get("schedule") or {}).get(
            "timezone"
        ) or dj_timezone.get_current_timezone_name()
        self.started = _latest_run(workflow.get("schedule"), now)
        self.outputs: dict[str, list[int]] = {}

    def count(self, step: Mapping[str, Any], cls: StepType | None, lookups: Lookups) -> int | None:
        if cls is None or not (cls.acts_on_customers or cls.yields_customers):
            return None
        action = step.get("action_config") or {}
        condition = step.get("condition_config") or {}
        recipients = action.get("recipients") if cls.acts_on_customers else {"group": "all"}
        if not isinstance(recipients, dict) or recipients.get("event_customer"):
            return None  # known only when the event comes
        try:
            customers = resolve_recipients(dict(recipients), outputs=self.outputs)
            if condition:
                customers = apply_condition(
                    customers,
                    dict(condition),
                    execution_start=self.started,
                    now=self.now,
                    timezone=self.tz,
                )
        except (ValueError, KeyError):
            return None
        customers = cls.reachable(customers, step, lookups)
        ids = list(customers.values_list("pk", flat=True).distinct())
        self.outputs[str(step.get("step_order"))] = ids
        return len(ids)


def workflow_preview(
    workflow: dict[str, Any], *, language: str, now: dt.datetime | None = None
) -> list[PreviewLine]:
    """The workflow in words, in ``language`` ("nb" or "en"), one line per part.

    ``workflow`` should be valid (normalised); unknown references show as ids instead of
    failing, so a preview of a half-finished draft still renders.
    """
    w = Words(language)
    now = now or dj_timezone.now()
    lookups = Lookups(workflow)
    registry = step_types()
    steps = [s for s in workflow.get("steps") or [] if isinstance(s, dict)]

    lines = [PreviewLine(kind="name", text=str(workflow.get("name") or ""))]
    if workflow.get("workflow_type") == "event_based":
        lines.append(PreviewLine(kind="event", text=event_text(workflow.get("event") or {}, w)))
    elif workflow.get("schedule"):
        lines.append(PreviewLine(kind="schedule", text=schedule_text(workflow["schedule"], w)))

    counter = _Counter(workflow, now)
    for index, step in enumerate(sorted(steps, key=lambda s: s.get("step_order", 0))):
        cls = registry.get(step.get("step_type"))  # type: ignore[arg-type]
        step_type = cls() if cls is not None else None
        when = _step_when(step, index, workflow, w)
        what = (
            step_type.describe(step, w, lookups)
            if step_type is not None
            else str(step.get("step_type"))
        )
        count = counter.count(step, step_type, lookups)
        text = f"{when} {DASH} {what}" if when else what
        if step.get("is_active") is False:
            text += w.say(" [av]", " [off]")
        if count is not None:
            text += f" ({count})"
        lines.append(
            PreviewLine(kind="step", text=text, step_order=step.get("step_order"), count=count)
        )
    return lines
