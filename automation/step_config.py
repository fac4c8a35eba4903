"""Pydantic models shared by the step types (``executions/steps/``) and the validator.

These models are the single description of each config shape: their JSON schemas are
embedded in ``automation.validation.workflow_json_schema()`` (for the API and the LLM), and
the validator parses every config with them. Rules that a JSON Schema cannot say simply
("exactly one of") raise ``PydanticCustomError`` whose type is the stable error code, so
the validator reports them with that code and the field's JSON Pointer.

Optional fields are written ``X | SkipJsonSchema[None] = None``: absent is allowed, but the
published schema does not invite ``null``, and normalisation drops unset fields.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any, Literal, Self
from urllib.parse import unquote

from django.utils.translation import gettext as _
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

WEEKDAYS: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)

# Norwegian (and common abbreviations in both languages) -> canonical English day name.
DAY_ALIASES: dict[str, str] = {
    **{day: day for day in WEEKDAYS},
    **{day[:3]: day for day in WEEKDAYS},
    "tue": "tuesday",
    "tues": "tuesday",
    "wed": "wednesday",
    "thu": "thursday",
    "thur": "thursday",
    "thurs": "thursday",
    "mandag": "monday",
    "man": "monday",
    "tirsdag": "tuesday",
    "tir": "tuesday",
    "tirs": "tuesday",
    "onsdag": "wednesday",
    "ons": "wednesday",
    "torsdag": "thursday",
    "tor": "thursday",
    "tors": "thursday",
    "fredag": "friday",
    "fre": "friday",
    "lørdag": "saturday",
    "lordag": "saturday",
    "lør": "saturday",
    "søndag": "sunday",
    "sondag": "sunday",
    "søn": "sunday",
}

TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
SINCE_PATTERN = r"^(execution_start|last_(" + "|".join(WEEKDAYS) + r"))$"

GROUP_ALL = "all"

Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
HHMM = Annotated[str, Field(pattern=TIME_PATTERN, description="Wall-clock time, HH:MM (24 h).")]
NonEmptyStr = Annotated[str, Field(min_length=1, max_length=200)]


def normalise_day(value: Any) -> Any:
    """English canonical day name for ``value`` if it is a known alias; else ``value``."""
    if isinstance(value, str):
        return DAY_ALIASES.get(value.strip().lower(), value)
    return value


def normalise_time(value: Any) -> Any:
    """``"9:00"`` -> ``"09:00"``; anything else unchanged (the pattern then judges it)."""
    if isinstance(value, str) and re.fullmatch(r"\d:[0-5]\d", value.strip()):
        return "0" + value.strip()
    return value


def is_relative_path(path: str) -> bool:
    """True when ``path`` stays under an integration's base URL once joined to it.

    The engine joins ``base_url.rstrip("/") + "/" + path.lstrip("/")``; a scheme, a host
    (``//host``), a backslash, a control character or a ``..`` segment (also percent-encoded)
    could leave the base URL, so they are refused.
    """
    decoded = unquote(path)
    if any(ord(ch) < 32 or ch == "\\" for ch in decoded):
        return False
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", decoded) or decoded.startswith("//"):
        return False
    segments = decoded.split("?", 1)[0].split("#", 1)[0].split("/")
    return ".." not in segments


def _drop_null_defaults(schema: dict[str, Any]) -> None:
    # ``default: null`` on a field whose schema forbids null confuses readers and LLMs alike.
    for prop in schema.get("properties", {}).values():
        if prop.get("default", ...) is None:
            del prop["default"]


def _given(model: BaseModel, *names: str) -> list[str]:
    return [name for name in names if getattr(model, name) is not None]


def exactly_one(model: BaseModel, *names: str) -> None:
    given = _given(model, *names)
    if len(given) != 1:
        raise PydanticCustomError(
            "exactly_one_required",
            _("Give exactly one of {fields} (got {count})."),
            {"fields": ", ".join(names), "count": len(given)},
        )


class ConfigModel(BaseModel):
    """Base of every config model: unknown keys are errors, never silently dropped."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_drop_null_defaults)


class Recipients(ConfigModel):
    """Whom a step acts on. Exactly one of: group ("all" or a customer group slug),
    customer_ids, from_step (the step_order of an earlier step whose output is a
    customer set), or event_customer (true: the customer of the event that started an
    event-based workflow: the order's customer, the new customer, or the customer a webhook
    names in its data)."""

    group: NonEmptyStr | SkipJsonSchema[None] = None
    customer_ids: Annotated[list[int], Field(min_length=1)] | SkipJsonSchema[None] = None
    from_step: Annotated[int, Field(ge=1, le=10_000)] | SkipJsonSchema[None] = None
    event_customer: Literal[True] | SkipJsonSchema[None] = None

    @model_validator(mode="after")
    def _one_source(self) -> Self:
        exactly_one(self, "group", "customer_ids", "from_step", "event_customer")
        return self


class Condition(ConfigModel):
    """One check. orders_missing / has_ordered: customers with no order / with an order in
    the window, given by exactly one of days_back or since ("execution_start" or
    "last_<weekday>"). customer_filter: at least one of group, active, language."""

    check: Literal["orders_missing", "has_ordered", "customer_filter"]
    days_back: Annotated[int, Field(ge=1, le=3650)] | SkipJsonSchema[None] = None
    since: Annotated[str, Field(pattern=SINCE_PATTERN)] | SkipJsonSchema[None] = None
    group: NonEmptyStr | SkipJsonSchema[None] = None
    active: bool | SkipJsonSchema[None] = None
    language: Literal["nb", "en"] | SkipJsonSchema[None] = None

    @model_validator(mode="after")
    def _fields_fit_check(self) -> Self:
        if self.check == "customer_filter":
            if _given(self, "days_back", "since"):
                raise PydanticCustomError(
                    "condition_field_not_allowed",
                    _("customer_filter takes group, active or language, not days_back or since."),
                )
            if not _given(self, "group", "active", "language"):
                raise PydanticCustomError(
                    "condition_filter_empty",
                    _("customer_filter needs at least one of group, active, language."),
                )
        else:
            if _given(self, "group", "active", "language"):
                raise PydanticCustomError(
                    "condition_field_not_allowed",
                    _("{check} takes days_back or since, not group, active or language."),
                    {"check": self.check},
                )
            exactly_one(self, "days_back", "since")
        return self


class TimeTrigger(ConfigModel):
    """When a time_based step (or a step that waits for its trigger) runs: {"day", "time"}
    (next such weekday and time), {"time"} (next such time), {"delay_minutes"} or {"at"} (an
    ISO 8601 datetime with offset)."""

    day: Weekday | SkipJsonSchema[None] = None
    time: HHMM | SkipJsonSchema[None] = None
    delay_minutes: Annotated[int, Field(ge=1, le=60 * 24 * 366)] | SkipJsonSchema[None] = None
    at: AwareDatetime | SkipJsonSchema[None] = None

    @model_validator(mode="after")
    def _one_shape(self) -> Self:
        shape = frozenset(_given(self, "day", "time", "delay_minutes", "at"))
        allowed = {
            frozenset({"day", "time"}),
            frozenset({"time"}),
            frozenset({"delay_minutes"}),
            frozenset({"at"}),
        }
        if shape not in allowed:
            raise PydanticCustomError(
                "invalid_trigger_config",
                _('Use "day" with "time", "time" alone, "delay_minutes" or "at" (got: {fields}).'),
                {"fields": ", ".join(sorted(shape)) or "nothing"},
            )
        return self


# --- Schedules ---------------------------------------------------------------------------


class DailySchedule(ConfigModel):
    """Every day (or every weekday, or every business day: Monday to Friday except public
    holidays and the company's closed days) at a wall-clock time."""

    time: HHMM
    weekdays_only: bool | SkipJsonSchema[None] = None
    business_days_only: bool | SkipJsonSchema[None] = None

    @model_validator(mode="after")
    def _one_kind_of_day(self) -> Self:
        if self.weekdays_only and self.business_days_only:
            raise PydanticCustomError(
                "days_conflict",
                _("Give weekdays_only or business_days_only, not both."),
            )
        return self


class WeeklySchedule(ConfigModel):
    """On one day or several days of the week at a wall-clock time; every week, every Nth
    week (every_weeks, counted from the ISO week that holds anchor) or in even or odd ISO
    weeks (iso_weeks)."""

    day: Weekday | SkipJsonSchema[None] = None
    days: Annotated[list[Weekday], Field(min_length=1, max_length=7)] | SkipJsonSchema[None] = None
    time: HHMM
    every_weeks: Annotated[int, Field(ge=1, le=8)] | SkipJsonSchema[None] = None
    anchor: datetime.date | SkipJsonSchema[None] = None
    iso_weeks: Literal["even", "odd"] | SkipJsonSchema[None] = None

    @model_validator(mode="after")
    def _day_or_days(self) -> Self:
        exactly_one(self, "day", "days")
        if self.days is not None:
            # Canonical form: each day once, Monday first.
            self.days = sorted(set(self.days), key=WEEKDAYS.index)  # type: ignore[assignment]
        every = self.every_weeks or 1
        if every > 1 and self.anchor is None:
            raise PydanticCustomError(
                "anchor_required",
                _("every_weeks over 1 needs anchor: a date in the first week it runs."),
            )
        if self.anchor is not None and every == 1:
            raise PydanticCustomError(
                "anchor_unused", _("anchor is only used with every_weeks over 1.")
            )
        if self.iso_weeks is not None and every > 1:
            raise PydanticCustomError(
                "weeks_conflict", _("Give every_weeks or iso_weeks, not both.")
            )
        if self.every_weeks == 1:
            self.every_weeks = None  # the same as not saying it
        return self


class MonthlySchedule(ConfigModel):
    """Once a month at a wall-clock time, on exactly one of: a day of the month (1-31, or
    "last"; months without that day run on their last day), the nth weekday (weekday with
    nth 1..4, or -1 for the last), or the nth business day (business_day 1, 2, ... from the
    start, -1, -2, ... from the end)."""

    day_of_month: Annotated[int, Field(ge=1, le=31)] | Literal["last"] | SkipJsonSchema[None] = None
    weekday: Weekday | SkipJsonSchema[None] = None
    nth: Literal[1, 2, 3, 4, -1] | SkipJsonSchema[None] = None
    business_day: (
        Annotated[int, Field(ge=-23, le=23)] | SkipJsonSchema[None]  # never more in a month
    ) = None
    time: HHMM

    @model_validator(mode="after")
    def _one_day(self) -> Self:
        exactly_one(self, "day_of_month", "weekday", "business_day")
        if self.weekday is not None and self.nth is None:
            raise PydanticCustomError(
                "nth_required", _("weekday needs nth: 1 to 4, or -1 for the last one.")
            )
        if self.nth is not None and self.weekday is None:
            raise PydanticCustomError("nth_unused", _("nth is only used with weekday."))
        if self.business_day == 0:
            raise PydanticCustomError(
                "invalid_business_day",
                _("business_day counts from 1 (the first) or from -1 (the last)."),
            )
        return self


class CronSchedule(ConfigModel):
    """A standard five-field cron expression, evaluated in the schedule's time zone."""

    expression: Annotated[str, Field(min_length=1, max_length=200)]


SCHEDULE_CONFIGS: dict[str, type[ConfigModel]] = {
    "daily": DailySchedule,
    "weekly": WeeklySchedule,
    "monthly": MonthlySchedule,
    "cron": CronSchedule,
}

EVENT_TYPES: tuple[str, ...] = ("order.created", "customer.created", "webhook")

#: What a run (or a step's weekday) does on a public holiday or closed day.
HOLIDAY_POLICIES: tuple[str, ...] = ("run", "skip", "next_business_day", "previous_business_day")
