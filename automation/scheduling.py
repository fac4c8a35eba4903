"""When a schedule or a time-based step fires: pure functions, no database.

Every time in a schedule is a wall-clock time in the schedule's IANA zone, so 09:00 stays
09:00 local across daylight saving changes. Two wall-clock rules make each run happen exactly
once on the change days:

* A time that does not exist (spring forward, e.g. 02:30 on 2026-03-29 in Europe/Oslo) runs at
  the first instant after the gap (03:00 local), not an hour late and not skipped.
* A time that happens twice (fall back, e.g. 02:30 on 2026-10-25) runs only at its first
  occurrence (``fold=0``).

Cron expressions follow the same rules: they are evaluated on wall-clock times in the zone.
An hourly cron therefore runs once, not twice, in the repeated hour of an autumn change day.

All results are aware datetimes in **UTC** (``datetime.UTC``); show them in the schedule's zone
with ``.astimezone(ZoneInfo(timezone))``. Invalid input raises ``ValueError``; the validator
reports its own errors first, so here that means a programming error or a stale row.

Monthly schedules with a ``day_of_month`` the month does not have (31 in April, 29-31 in
February) run on the last day of that month, which is what users mean by "the 31st".
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from croniter import CroniterBadDateError, croniter

__all__ = [
    "DAY_NAMES",
    "next_run_after",
    "normalise_day",
    "parse_time",
    "resolve_wall_time",
    "trigger_time_after",
    "upcoming_runs",
]

#: Canonical day names, index = ``date.weekday()``.
DAY_NAMES: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)

# The validator stores English names; Norwegian ones (also spelt without æøå, as people type
# them on foreign keyboards) are accepted here too, so a row written by older code still runs.
_DAY_ALIASES: dict[str, str] = {
    **{name: name for name in DAY_NAMES},
    **{name[:3]: name for name in DAY_NAMES},
    "mandag": "monday",
    "tirsdag": "tuesday",
    "onsdag": "wednesday",
    "torsdag": "thursday",
    "fredag": "friday",
    "lørdag": "saturday",
    "lordag": "saturday",
    "loerdag": "saturday",
    "søndag": "sunday",
    "sondag": "sunday",
    "soendag": "sunday",
}

_TIME_RE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")

# Safety bound on how far ahead a rule is searched; every valid rule fires within it.
_MAX_SEARCH_DAYS = 4 * 366


def normalise_day(name: str) -> str:
    """The canonical English name for an English or Norwegian day name (any case)."""
    key = str(name).strip().lower()
    try:
        return _DAY_ALIASES[key]
    except KeyError:
        raise ValueError(f"unknown day name {name!r}") from None


def parse_time(value: str) -> time:
    """``"HH:MM"`` (24-hour clock) as a ``time``."""
    match = _TIME_RE.match(str(value))
    if not match:
        raise ValueError(f"time must be HH:MM, got {value!r}")
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        raise ValueError(f"time out of range: {value!r}")
    return time(hour, minute)


def _zone(timezone: str) -> ZoneInfo:
    try:
        return ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise ValueError(f"unknown time zone {timezone!r}") from None


def _require_aware(value: datetime, name: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime")
    return value


def resolve_wall_time(naive: datetime, zone: ZoneInfo) -> datetime:
    """The UTC instant of a wall-clock time in ``zone``, with the DST rules of this module.

    An ambiguous time (autumn) resolves to its first occurrence; a time inside a gap (spring)
    resolves to the first instant after the gap.
    """
    first = naive.replace(tzinfo=zone, fold=0).astimezone(UTC)
    if first.astimezone(zone).replace(tzinfo=None) == naive:
        return first
    # In a gap, fold=0 applies the offset from before the change, which lands after the gap,
    # and fold=1 the offset after it, which lands before. The transition lies between; find
    # the first instant whose wall time is at or past `naive` (local time is monotonic here).
    low = naive.replace(tzinfo=zone, fold=1).astimezone(UTC)
    high = first
    if low > high:  # pragma: no cover - defensive, zoneinfo always orders them this way
        low, high = high, low
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        if middle.astimezone(zone).replace(tzinfo=None) >= naive:
            high = middle
        else:
            low = middle
    # Transitions fall on whole seconds; drop the bisection's sub-second remainder.
    return high.replace(microsecond=0)


def _days_from(start: date) -> Iterator[date]:
    for offset in range(_MAX_SEARCH_DAYS):
        yield start + timedelta(days=offset)


def _daily_candidates(config: dict[str, Any], start: date) -> Iterator[datetime]:
    at = parse_time(config.get("time", ""))
    weekdays_only = bool(config.get("weekdays_only", False))
    for day in _days_from(start):
        if weekdays_only and day.weekday() >= 5:
            continue
        yield datetime.combine(day, at)


def _weekly_days(config: dict[str, Any]) -> set[int]:
    names: list[Any] = []
    if config.get("day") is not None:
        names.append(config["day"])
    days = config.get("days")
    if days is not None:
        if isinstance(days, str) or not isinstance(days, list | tuple):
            raise ValueError("weekly 'days' must be a list of day names")
        names.extend(days)
    if not names:
        raise ValueError("weekly schedule needs 'day' or 'days'")
    return {DAY_NAMES.index(normalise_day(name)) for name in names}


def _weekly_candidates(config: dict[str, Any], start: date) -> Iterator[datetime]:
    at = parse_time(config.get("time", ""))
    weekdays = _weekly_days(config)
    for day in _days_from(start):
        if day.weekday() in weekdays:
            yield datetime.combine(day, at)


def _day_of_month(config: dict[str, Any]) -> int | None:
    """The configured day (1..31), or None for "last"."""
    value = config.get("day_of_month")
    if isinstance(value, str) and value.strip().lower() in {"last", "siste"}:
        return None
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError("monthly 'day_of_month' must be 1..31 or 'last'")
    try:
        number = int(value)
    except ValueError:
        raise ValueError(f"monthly 'day_of_month' must be 1..31 or 'last', got {value!r}") from None
    if not 1 <= number <= 31:
        raise ValueError(f"monthly 'day_of_month' must be 1..31 or 'last', got {value!r}")
    return number


def _monthly_candidates(config: dict[str, Any], start: date) -> Iterator[datetime]:
    at = parse_time(config.get("time", ""))
    wanted = _day_of_month(config)
    year, month = start.year, start.month
    for _ in range(_MAX_SEARCH_DAYS // 28):
        last = calendar.monthrange(year, month)[1]
        # A day the month does not have means its last day (31 -> 30 April, 28/29 February).
        day = last if wanted is None else min(wanted, last)
        candidate = date(year, month, day)
        if candidate >= start:
            yield datetime.combine(candidate, at)
        month += 1
        if month > 12:
            year, month = year + 1, 1


def _cron_candidates(config: dict[str, Any], start: datetime) -> Iterator[datetime]:
    expression = str(config.get("expression", "")).strip()
    if len(expression.split()) != 5 or not croniter.is_valid(expression):
        raise ValueError(f"cron expression must have five valid fields, got {expression!r}")
    # Naive wall-clock iteration: croniter's own DST handling differs between versions, and
    # evaluating on wall time lets cron share the gap/fold rules of the other schedule types.
    iterator = croniter(expression, start)
    while True:
        try:
            yield iterator.get_next(datetime)
        except CroniterBadDateError:
            # e.g. "0 9 30 2 *": croniter gives up after searching for years.
            raise ValueError(f"cron expression {expression!r} never fires") from None


def _first_after(
    candidates: Iterator[datetime], zone: ZoneInfo, after: datetime, *, inclusive: bool
) -> datetime:
    for naive in candidates:
        instant = resolve_wall_time(naive, zone)
        if instant > after or (inclusive and instant == after):
            return instant
    raise ValueError("schedule never fires")


def _next(
    *,
    schedule_type: str,
    schedule_config: dict[str, Any],
    timezone: str,
    after: datetime,
    inclusive: bool,
) -> datetime:
    zone = _zone(timezone)
    after = _require_aware(after, "after").astimezone(UTC)
    # Wall time of `after` in the zone. Candidates at or before it resolve at or before
    # `after` (resolution is monotonic), so starting here never skips a run.
    local = after.astimezone(zone).replace(tzinfo=None)
    config = schedule_config or {}
    candidates: Iterator[datetime]
    if schedule_type == "daily":
        candidates = _daily_candidates(config, local.date())
    elif schedule_type == "weekly":
        candidates = _weekly_candidates(config, local.date())
    elif schedule_type == "monthly":
        candidates = _monthly_candidates(config, local.date())
    elif schedule_type == "cron":
        # croniter yields strictly after its start; back off a minute so an instant exactly
        # at `after` is still seen when inclusive.
        candidates = _cron_candidates(config, local - timedelta(minutes=1))
    else:
        raise ValueError(f"unknown schedule type {schedule_type!r}")
    return _first_after(candidates, zone, after, inclusive=inclusive)


def next_run_after(
    *, schedule_type: str, schedule_config: dict[str, Any], timezone: str, after: datetime
) -> datetime:
    """The first run strictly after ``after`` (aware), as an aware datetime in UTC."""
    return _next(
        schedule_type=schedule_type,
        schedule_config=schedule_config,
        timezone=timezone,
        after=after,
        inclusive=False,
    )


def upcoming_runs(
    *,
    schedule_type: str,
    schedule_config: dict[str, Any],
    timezone: str,
    after: datetime,
    count: int,
) -> list[datetime]:
    """The next ``count`` runs strictly after ``after``, in order, in UTC."""
    runs: list[datetime] = []
    cursor = after
    for _ in range(max(count, 0)):
        cursor = next_run_after(
            schedule_type=schedule_type,
            schedule_config=schedule_config,
            timezone=timezone,
            after=cursor,
        )
        runs.append(cursor)
    return runs


def trigger_time_after(
    *, trigger_config: dict[str, Any], timezone: str, after: datetime
) -> datetime:
    """When a time-based step (or a step that waits for its trigger) fires: the first matching
    moment at or after ``after``, in UTC.

    ``{"day": "thursday", "time": "15:00"}`` and ``{"time": "15:00"}`` are wall-clock times in
    ``timezone``; ``{"delay_minutes": 90}`` counts elapsed time; ``{"at": ISO}`` is a fixed
    instant (a naive one is read in ``timezone``), and one already past returns ``after``, so
    the step runs right away.
    """
    after = _require_aware(after, "after").astimezone(UTC)
    config = trigger_config or {}
    if config.get("delay_minutes") is not None:
        minutes = config["delay_minutes"]
        if isinstance(minutes, bool) or not isinstance(minutes, int | float) or minutes < 0:
            raise ValueError("delay_minutes must be a number >= 0")
        return after + timedelta(minutes=minutes)
    if config.get("at") is not None:
        try:
            moment = datetime.fromisoformat(str(config["at"]))
        except ValueError:
            raise ValueError(f"'at' must be an ISO 8601 datetime, got {config['at']!r}") from None
        if moment.tzinfo is None:
            moment = resolve_wall_time(moment, _zone(timezone))
        return max(moment.astimezone(UTC), after)
    if config.get("time") is not None:
        schedule_type, schedule_config = "daily", {"time": config["time"]}
        if config.get("day") is not None:
            schedule_type, schedule_config = (
                "weekly",
                {"day": config["day"], "time": config["time"]},
            )
        return _next(
            schedule_type=schedule_type,
            schedule_config=schedule_config,
            timezone=timezone,
            after=after,
            inclusive=True,
        )
    raise ValueError("trigger_config needs 'time', 'day' and 'time', 'delay_minutes' or 'at'")
