"""Small builders of the key facts a phrasing set expects (``benchmarks.parser_accuracy.
key_facts``), shared by the held-out sets from v7 on: each set imports them under its own short
names (``_all``, ``_g``, ``_wk1`` ...), so that a case reads as a line of facts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ai_assistant.context import GroupInfo, ParseContext, TemplateInfo

SEND = "send_email"
ORDER = "create_order"
REPORT = "generate_report"
QUESTION = "question"
HOUR = 60
DAY = 24 * HOUR


def business_context(
    templates: Sequence[TemplateInfo],
    groups: Sequence[GroupInfo],
    staff_groups: Sequence[str],
    today: dt.date,
) -> ParseContext:
    """A set's business: its templates, groups and staff groups, on its today, in Oslo."""
    return ParseContext(
        templates=[dict(t) for t in templates],  # type: ignore[misc]
        groups=[dict(g) for g in groups],  # type: ignore[misc]
        staff_groups=list(staff_groups),
        today=today,
        timezone="Europe/Oslo",
    )


def everyone() -> dict[str, Any]:
    return {"group": "all"}


def group(slug: str) -> dict[str, Any]:
    return {"group": slug}


def event_customer() -> dict[str, Any]:
    """The customer the event is about."""
    return {"event_customer": True}


def at(day: str, time: str) -> dict[str, Any]:
    return {"day": day, "time": time}


def delay(minutes: int) -> dict[str, Any]:
    return {"delay_minutes": minutes}


def missing_since_start() -> dict[str, Any]:
    """Still not ordered in this run (a reminder or usual-order step of a chain)."""
    return {"check": "orders_missing", "since": "execution_start"}


def missing(**window: Any) -> dict[str, Any]:
    return {"check": "orders_missing", **window}


def ordered(**window: Any) -> dict[str, Any]:
    return {"check": "has_ordered", **window}


def weekly(day: str, time: str, **more: Any) -> dict[str, Any]:
    return {"type": "scheduled", "schedule": "weekly", "days": [day], "time": time, **more}


def on_days(days: list[str], time: str, **more: Any) -> dict[str, Any]:
    return {"type": "scheduled", "schedule": "weekly", "days": days, "time": time, **more}


def daily(time: str, **more: Any) -> dict[str, Any]:
    return {"type": "scheduled", "schedule": "daily", "time": time, **more}


def monthly(time: str, **more: Any) -> dict[str, Any]:
    return {"type": "scheduled", "schedule": "monthly", "time": time, **more}


def event(kind: str, **more: Any) -> dict[str, Any]:
    return {"type": "event_based", "event": kind, **more}


def one_send(template: str | None, recipients: dict[str, Any], **more: Any) -> dict[str, Any]:
    """A single send_email step: ``template``'s category, to ``recipients``."""
    return {"steps": [SEND], "templates": [template], "recipients": [recipients], **more}


def weekly_send(
    day: str, time: str, template: str | None, recipients: dict[str, Any], **more: Any
) -> dict[str, Any]:
    """One weekly send whose step repeats the schedule's day and time."""
    return weekly(day, time, **one_send(template, recipients, triggers=[at(day, time)], **more))


def form_then_reminder(
    first: dict[str, Any], then: dict[str, Any], recipients: dict[str, Any]
) -> dict[str, Any]:
    """Order form, then a reminder to those still without an order; same audience."""
    return {
        "steps": [SEND, SEND],
        "templates": ["bestilling", "reminder"],
        "recipients": [recipients, recipients],
        "conditions": [None, missing_since_start()],
        "triggers": [first, then],
    }


def form_reminder_order(
    first: dict[str, Any], then: dict[str, Any], last: dict[str, Any], recipients: dict[str, Any]
) -> dict[str, Any]:
    """Order form, reminder, then the usual order for those still without one."""
    return {
        "steps": [SEND, SEND, ORDER],
        "templates": ["bestilling", "reminder", None],
        "recipients": [recipients, recipients, recipients],
        "conditions": [None, missing_since_start(), missing_since_start()],
        "triggers": [first, then, last],
        "mode": "repeat_last",
    }


def form_two_reminders_order(
    times: list[dict[str, Any]], recipients: dict[str, Any]
) -> dict[str, Any]:
    """Order form, two reminders, then the usual order for those still without one."""
    return {
        "steps": [SEND, SEND, SEND, ORDER],
        "templates": ["bestilling", "reminder", "reminder", None],
        "recipients": [recipients] * 4,
        "conditions": [None] + [missing_since_start()] * 3,
        "triggers": times,
        "mode": "repeat_last",
    }


# The days as the facts name them.
MON, TUE, WED, THU, FRI, SAT, SUN = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)


def chain(
    templates: Sequence[str | None],
    triggers: Sequence[dict[str, Any] | None] | None,
    recipients: dict[str, Any],
) -> dict[str, Any]:
    """Sends (a usual order where the template is ``None``): the first to ``recipients``,
    every later step to the same audience, only those still without an order in this run.
    ``triggers`` None: the schedule's kind lists none."""
    steps = [SEND if t is not None else ORDER for t in templates]
    out: dict[str, Any] = {
        "steps": steps,
        "templates": list(templates),
        "recipients": [recipients] * len(steps),
        "conditions": [None] + [missing_since_start()] * (len(steps) - 1),
    }
    if triggers is not None:
        out["triggers"] = list(triggers)
    if ORDER in steps:
        out["mode"] = "repeat_last"
    return out


def weekly_chain(
    templates: Sequence[str | None],
    triggers: Sequence[dict[str, Any] | None],
    recipients: dict[str, Any],
) -> dict[str, Any]:
    """A weekly ``chain`` whose schedule is its first step's day and time."""
    first = triggers[0]
    assert first is not None
    return weekly(first["day"], first["time"], **chain(templates, triggers, recipients))


def report(emails: list[str], report: str | None = None) -> dict[str, Any]:
    """One report step sent to ``emails`` (``report``: what it reports, where the text says)."""
    out: dict[str, Any] = {"steps": [REPORT], "send_to": emails}
    if report is not None:
        out["report"] = report
    return out


def event_sends(
    kind: str, templates: Sequence[str], triggers: Sequence[dict[str, Any] | None], **more: Any
) -> dict[str, Any]:
    """Sends to the customer the event is about, one per template, at ``triggers``."""
    return event(
        kind,
        steps=[SEND] * len(templates),
        templates=list(templates),
        recipients=[event_customer()] * len(templates),
        triggers=list(triggers),
        **more,
    )


def staff(kind: str, staff_group: str, **more: Any) -> dict[str, Any]:
    """Telling a staff group about an event: only the event and the staff group."""
    return event(kind, staff_group=staff_group, **more)
