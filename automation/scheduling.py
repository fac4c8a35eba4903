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

Calendar schedules (docs/workflow-format.md, "Calendar schedules"): weekly every N weeks from
the ISO week of an anchor date, or in even/odd ISO weeks; monthly on the nth weekday (1..4,
-1 the last) or the nth business day (1.., -1..); daily on business days only. A business
day comes from the business calendar (``automation.business_calendar``): Monday to Friday,
not a public holiday, not a closed day.

The holiday policy (``run``, ``skip``, ``next_business_day``, ``previous_business_day``) maps
each planned run that falls on a public holiday or closed day to its actual time: the same
wall-clock time on the next (or previous) business day, or nothing. A moved run never reaches
the next (or the previous) planned run: where it would, it is skipped. ``occurrences`` walks
planned runs with what the policy made of them; ``next_run_after`` answers actual runs only.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from croniter import CroniterBadDateError, croniter

from automation.business_calendar import BusinessCalendar, Closure

__all__ = [
    "DAY_NAMES",
    "Occurrence",
    "needs_calendar",
    "next_occurrence_after",
    "next_run_after",
    "normalise_day",
    "parse_time",
    "resolve_wall_time",
    "runs_and_adjustments",
    "step_trigger",
    "trigger_time_after",
    "upcoming_occurrences",
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


def _daily_candidates(
    config: dict[str, Any], start: date, business: BusinessCalendar | None
) -> Iterator[datetime]:
    at = parse_time(config.get("time", ""))
    weekdays_only = bool(config.get("weekdays_only", False))
    business_only = bool(config.get("business_days_only", False))
    for day in _days_from(start):
        if weekdays_only and day.weekday() >= 5:
            continue
        if business_only and not _calendar(business).is_business_day(day):
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


def _week_matches(config: dict[str, Any]) -> Any:
    """Which weeks a weekly schedule runs in: every Nth from the ISO week of ``anchor``, even
    or odd ISO weeks, or every week."""
    every = int(config.get("every_weeks") or 1)
    if every > 1:
        anchor = config.get("anchor")
        if anchor is None:
            raise ValueError("weekly 'every_weeks' > 1 needs an 'anchor' date")
        anchor_day = anchor if isinstance(anchor, date) else date.fromisoformat(str(anchor))
        anchor_monday = anchor_day - timedelta(days=anchor_day.weekday())
        return lambda day: (
            ((day - timedelta(days=day.weekday())) - anchor_monday).days // 7 % every == 0
        )
    parity = config.get("iso_weeks")
    if parity in ("even", "odd"):
        wanted = 0 if parity == "even" else 1
        return lambda day: day.isocalendar().week % 2 == wanted
    return lambda day: True


def _weekly_candidates(config: dict[str, Any], start: date) -> Iterator[datetime]:
    at = parse_time(config.get("time", ""))
    weekdays = _weekly_days(config)
    in_week = _week_matches(config)
    for day in _days_from(start):
        if day.weekday() in weekdays and in_week(day):
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


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (1..4; -1: the last) given weekday of a month."""
    if nth == -1:
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _monthly_day(
    config: dict[str, Any], year: int, month: int, business: BusinessCalendar | None
) -> date | None:
    """The day of this month a monthly schedule runs, or None when the month has none."""
    if config.get("business_day") is not None:
        nth = int(config["business_day"])
        days = _calendar(business).business_days(year, month)
        if not days or abs(nth) > len(days) or nth == 0:
            return None
        return days[nth - 1] if nth > 0 else days[nth]
    if config.get("weekday") is not None:
        weekday = DAY_NAMES.index(normalise_day(config["weekday"]))
        return _nth_weekday(year, month, weekday, int(config.get("nth") or 1))
    wanted = _day_of_month(config)
    last = calendar.monthrange(year, month)[1]
    # A day the month does not have means its last day (31 -> 30 April, 28/29 February).
    return date(year, month, last if wanted is None else min(wanted, last))


def _monthly_candidates(
    config: dict[str, Any], start: date, business: BusinessCalendar | None
) -> Iterator[datetime]:
    at = parse_time(config.get("time", ""))
    year, month = start.year, start.month
    for _ in range(_MAX_SEARCH_DAYS // 28):
        candidate = _monthly_day(config, year, month, business)
        if candidate is not None and candidate >= start:
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


def _calendar(business: BusinessCalendar | None) -> BusinessCalendar:
    """The given calendar, or the one the database has now (closed days read when needed)."""
    return business if business is not None else BusinessCalendar.load()


def _candidates(
    schedule_type: str,
    config: dict[str, Any],
    local: datetime,
    business: BusinessCalendar | None,
) -> Iterator[datetime]:
    """Planned runs as naive wall-clock times in the zone, from the day of ``local`` on."""
    if schedule_type == "daily":
        return _daily_candidates(config, local.date(), business)
    if schedule_type == "weekly":
        return _weekly_candidates(config, local.date())
    if schedule_type == "monthly":
        return _monthly_candidates(config, local.date(), business)
    if schedule_type == "cron":
        # croniter yields strictly after its start; back off a minute so an instant exactly
        # at `local` is still seen.
        return _cron_candidates(config, local - timedelta(minutes=1))
    raise ValueError(f"unknown schedule type {schedule_type!r}")


def _next(
    *,
    schedule_type: str,
    schedule_config: dict[str, Any],
    timezone: str,
    after: datetime,
    inclusive: bool,
    business: BusinessCalendar | None = None,
) -> datetime:
    zone = _zone(timezone)
    after = _require_aware(after, "after").astimezone(UTC)
    # Wall time of `after` in the zone. Candidates at or before it resolve at or before
    # `after` (resolution is monotonic), so starting here never skips a run.
    local = after.astimezone(zone).replace(tzinfo=None)
    candidates = _candidates(schedule_type, schedule_config or {}, local, business)
    return _first_after(candidates, zone, after, inclusive=inclusive)


# --- The holiday policy ---------------------------------------------------------------------


POLICIES = ("run", "skip", "next_business_day", "previous_business_day")


@dataclass(frozen=True)
class Occurrence:
    """A planned run and what the holiday policy made of it (times in UTC)."""

    planned: datetime
    #: When it runs; None when it is skipped.
    at: datetime | None
    #: Why it was moved or skipped (a public holiday or a closed day); None: as planned.
    closure: Closure | None = None

    @property
    def moment(self) -> datetime:
        """When the dispatcher deals with it: its run, or its planned time when skipped."""
        return self.at if self.at is not None else self.planned

    @property
    def adjusted(self) -> bool:
        return self.closure is not None


def _apply_policy(
    planned: list[datetime],
    index: int,
    policy: str,
    business: BusinessCalendar,
    zone: ZoneInfo,
) -> Occurrence:
    """What ``policy`` makes of the planned run ``planned[index]`` (naive wall times), with
    its neighbours for the rule that a moved run never reaches another planned run."""
    naive = planned[index]
    instant = resolve_wall_time(naive, zone)
    closure = business.closure(naive.date())
    if closure is None or policy == "run":
        return Occurrence(instant, instant)
    if policy == "next_business_day":
        moved = datetime.combine(business.next_business_day(naive.date()), naive.time())
        following = planned[index + 1] if index + 1 < len(planned) else None
        if following is not None and moved >= following:
            return Occurrence(instant, None, closure)
        return Occurrence(instant, resolve_wall_time(moved, zone), closure)
    if policy == "previous_business_day":
        moved = datetime.combine(business.previous_business_day(naive.date()), naive.time())
        before = planned[index - 1] if index > 0 else None
        if before is not None and moved <= before:
            return Occurrence(instant, None, closure)
        return Occurrence(instant, resolve_wall_time(moved, zone), closure)
    return Occurrence(instant, None, closure)  # skip


def needs_calendar(schedule_type: str, config: dict[str, Any], policy: str) -> bool:
    return (
        policy != "run"
        or bool(config.get("business_days_only"))
        or (schedule_type == "monthly" and config.get("business_day") is not None)
    )


def occurrences(
    *,
    schedule_type: str,
    schedule_config: dict[str, Any],
    timezone: str,
    after: datetime,
    holiday_policy: str = "run",
    business: BusinessCalendar | None = None,
) -> Iterator[Occurrence]:
    """Planned runs in order, with what the holiday policy made of each, whose ``moment`` is
    strictly after ``after`` (aware)."""
    zone = _zone(timezone)
    after = _require_aware(after, "after").astimezone(UTC)
    config = schedule_config or {}
    if holiday_policy not in POLICIES:
        raise ValueError(f"unknown holiday policy {holiday_policy!r}")
    if holiday_policy == "run":
        cursor = after
        while True:
            at = _next(
                schedule_type=schedule_type,
                schedule_config=config,
                timezone=timezone,
                after=cursor,
                inclusive=False,
                business=business,
            )
            yield Occurrence(at, at)
            cursor = at
    business = _calendar(business)
    # A run planned a little before `after` may be moved to after it (and one planned after
    # it, to before): start early enough to see the planned runs around it.
    lookback = timedelta(days=2 if schedule_type == "cron" else 45)
    local = (after - lookback).astimezone(zone).replace(tzinfo=None)
    candidates = _candidates(schedule_type, config, local, business)
    window: list[datetime] = []
    index = 0
    for naive in candidates:
        window.append(naive)
        # Each planned run is decided once its successor is known.
        while index + 1 < len(window):
            occurrence = _apply_policy(window, index, holiday_policy, business, zone)
            if occurrence.moment > after:
                yield occurrence
            index += 1
            if index > 2:  # keep the predecessor of the next one
                del window[0]
                index -= 1


def next_occurrence_after(**kwargs: Any) -> Occurrence:
    """The first of ``occurrences``: the next run, or the next planned run the policy skips."""
    return next(occurrences(**kwargs))


def upcoming_occurrences(*, count: int, **kwargs: Any) -> list[Occurrence]:
    """The next ``count`` occurrences (runs and skips) strictly after ``after``."""
    found = []
    for occurrence in occurrences(**kwargs):
        if len(found) >= count:
            break
        found.append(occurrence)
    return found


def next_run_after(
    *,
    schedule_type: str,
    schedule_config: dict[str, Any],
    timezone: str,
    after: datetime,
    holiday_policy: str = "run",
    business: BusinessCalendar | None = None,
) -> datetime:
    """The first actual run strictly after ``after`` (aware), as an aware datetime in UTC:
    planned runs the policy skips are passed over, moved ones count at their new time."""
    if holiday_policy == "run" and not needs_calendar(
        schedule_type, schedule_config or {}, holiday_policy
    ):
        return _next(
            schedule_type=schedule_type,
            schedule_config=schedule_config,
            timezone=timezone,
            after=after,
            inclusive=False,
        )
    for occurrence in occurrences(
        schedule_type=schedule_type,
        schedule_config=schedule_config,
        timezone=timezone,
        after=after,
        holiday_policy=holiday_policy,
        business=business,
    ):
        if occurrence.at is not None:
            return occurrence.at
    raise ValueError("schedule never fires")  # pragma: no cover - occurrences never ends


def upcoming_runs(
    *,
    schedule_type: str,
    schedule_config: dict[str, Any],
    timezone: str,
    after: datetime,
    count: int,
    holiday_policy: str = "run",
    business: BusinessCalendar | None = None,
) -> list[datetime]:
    """The next ``count`` actual runs strictly after ``after``, in order, in UTC."""
    runs: list[datetime] = []
    cursor = after
    for _ in range(max(count, 0)):
        cursor = next_run_after(
            schedule_type=schedule_type,
            schedule_config=schedule_config,
            timezone=timezone,
            after=cursor,
            holiday_policy=holiday_policy,
            business=business,
        )
        runs.append(cursor)
    return runs


def runs_and_adjustments(
    *,
    schedule_type: str,
    schedule_config: dict[str, Any],
    timezone: str,
    after: datetime,
    count: int,
    holiday_policy: str = "run",
    business: BusinessCalendar | None = None,
) -> list[Occurrence]:
    """The planned runs up to the ``count``-th actual run strictly after ``after``: the runs,
    and between them those the holiday policy moved or skipped (each says why)."""
    found: list[Occurrence] = []
    runs = 0
    source = occurrences(
        schedule_type=schedule_type,
        schedule_config=schedule_config,
        timezone=timezone,
        after=after,
        holiday_policy=holiday_policy,
        business=business,
    )
    for occurrence in source:
        if runs >= count or len(found) >= 3 * max(count, 1):
            break
        found.append(occurrence)
        runs += occurrence.at is not None
    return found


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


def step_trigger(
    *,
    trigger_config: dict[str, Any],
    timezone: str,
    after: datetime,
    holiday_policy: str = "run",
    before: datetime | None = None,
    business: BusinessCalendar | None = None,
) -> Occurrence:
    """When a time-based step fires, with the holiday policy applied to a step whose trigger
    names a weekday ("Thursday 15:00" on Kristi himmelfartsdag): moved to the next (or the
    previous) business day at the same time, or skipped (``at`` None). A moved step never
    goes back before ``after`` nor reaches ``before`` (the workflow's next regular run):
    there it is skipped too."""
    planned = trigger_time_after(trigger_config=trigger_config, timezone=timezone, after=after)
    config = trigger_config or {}
    if holiday_policy == "run" or config.get("day") is None:
        return Occurrence(planned, planned)
    zone = _zone(timezone)
    business = _calendar(business)
    local = planned.astimezone(zone).replace(tzinfo=None)
    closure = business.closure(local.date())
    if closure is None:
        return Occurrence(planned, planned)
    if holiday_policy == "skip":
        return Occurrence(planned, None, closure)
    if holiday_policy == "next_business_day":
        day = business.next_business_day(local.date())
    else:
        day = business.previous_business_day(local.date())
    moved = resolve_wall_time(datetime.combine(day, local.time()), zone)
    if moved < after or (before is not None and moved >= before):
        return Occurrence(planned, None, closure)
    return Occurrence(planned, moved, closure)
