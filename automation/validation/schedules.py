"""Pass 4, when a workflow runs: schedule or event as its type says, the schedule's config
(parsed with its model from ``step_config.SCHEDULE_CONFIGS``), the time zone, cron
expressions and the sending-frequency rule (a workflow that sends email runs at most hourly).

Every schedule check lives here: a new schedule kind adds its config model to
``SCHEDULE_CONFIGS`` and, when it has rules a model cannot say, a check in ``check_schedule``.
"""

from __future__ import annotations

import functools
from typing import Any
from zoneinfo import available_timezones

from croniter import croniter
from django.conf import settings
from django.utils.translation import gettext as _
from pydantic import BaseModel

from automation.registry import step_types
from automation.step_config import SCHEDULE_CONFIGS
from automation.validation.configs import parse
from automation.validation.problems import Path, Problems


def check_workflow_type(doc: dict[str, Any], problems: Problems) -> None:
    """A scheduled workflow has a schedule and no event; an event-based one the opposite."""
    workflow_type = doc.get("workflow_type")
    if workflow_type == "scheduled":
        if "schedule" not in doc:
            problems.add(
                ("schedule",), "schedule_required", _("A scheduled workflow needs a schedule.")
            )
        if "event" in doc:
            problems.add(("event",), "event_forbidden", _("A scheduled workflow takes no event."))
    elif workflow_type == "event_based":
        if "event" not in doc:
            problems.add(("event",), "event_required", _("An event-based workflow needs an event."))
        if "schedule" in doc:
            problems.add(
                ("schedule",), "schedule_forbidden", _("An event-based workflow takes no schedule.")
            )


def check_schedule(doc: dict[str, Any], problems: Problems) -> tuple[BaseModel | None, str | None]:
    """The parsed ``schedule_config`` and the time zone, when the schedule's structure is
    sound (None, None otherwise, or when there is no schedule)."""
    schedule = doc.get("schedule")
    if not isinstance(schedule, dict) or problems.under(("schedule",)):
        return None, None
    tz = schedule.get("timezone", settings.TIME_ZONE)
    if tz not in _timezones():
        problems.add(
            ("schedule", "timezone"),
            "invalid_timezone",
            _("“%(value)s” is not an IANA time zone such as Europe/Oslo.") % {"value": tz},
        )
    kind = schedule["schedule_type"]
    config = parse(
        SCHEDULE_CONFIGS[kind],
        schedule["schedule_config"],
        ("schedule", "schedule_config"),
        problems,
    )
    if kind == "cron" and config is not None:
        _check_cron(config.expression, doc, problems)  # type: ignore[attr-defined]
    return config, tz


@functools.cache
def _timezones() -> frozenset[str]:
    return frozenset(available_timezones())


def _check_cron(expression: str, doc: dict[str, Any], problems: Problems) -> None:
    path: Path = ("schedule", "schedule_config", "expression")
    fields = expression.split()
    if len(fields) != 5 or not croniter.is_valid(expression):
        problems.add(
            path,
            "invalid_cron",
            _("“%(value)s” is not a valid cron expression with five fields.")
            % {"value": expression},
        )
        return
    # Runs come more often than hourly exactly when the minute field has several values:
    # every hour that fires at all then fires more than once.
    minutes = croniter(expression).expanded[0]  # ["*"] for every minute
    if (minutes == ["*"] or len(minutes) > 1) and sends_email(doc):
        problems.add(
            path,
            "schedule_too_frequent",
            _(
                "“%(value)s” runs more than once an hour; a workflow that sends email may "
                "run at most once an hour."
            )
            % {"value": expression},
        )


def sends_email(doc: dict[str, Any]) -> bool:
    """Whether any step's type sends email (``StepType.sends_email``)."""
    registry = step_types()
    for step in doc.get("steps") or []:
        key = step.get("step_type") if isinstance(step, dict) else None
        cls = registry.get(key) if isinstance(key, str) else None
        if cls is not None and cls.sends_email:
            return True
    return False
