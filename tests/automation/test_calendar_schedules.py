"""Calendar schedules and the holiday policy (docs/workflow-format.md, "Calendar schedules"),
in Europe/Oslo, with Norway's public holidays from the holidays package."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from automation.business_calendar import BusinessCalendar, public_holidays
from automation.scheduling import (
    next_run_after,
    step_trigger,
    upcoming_occurrences,
    upcoming_runs,
)

OSLO = ZoneInfo("Europe/Oslo")
NO_CLOSED_DAYS = BusinessCalendar(country="NO", closed=[])
CHRISTMAS_CLOSED = BusinessCalendar(
    country="NO", closed=[(dt.date(2026, 12, 24), dt.date(2027, 1, 1), "Julestengt")]
)


def local(year: int, month: int, day: int = 1, *rest: int) -> dt.datetime:
    return dt.datetime(year, month, day, *rest, tzinfo=OSLO)


def runs(
    schedule_type: str,
    config: dict[str, Any],
    after: dt.datetime,
    count: int = 4,
    *,
    policy: str = "run",
    business: BusinessCalendar = NO_CLOSED_DAYS,
) -> list[dt.datetime]:
    found = upcoming_runs(
        schedule_type=schedule_type,
        schedule_config=config,
        timezone="Europe/Oslo",
        after=after,
        count=count,
        holiday_policy=policy,
        business=business,
    )
    return [run.astimezone(OSLO).replace(tzinfo=None) for run in found]


MONDAY_9 = {"day": "monday", "time": "09:00"}


def test_norway_s_public_holidays_come_from_the_holidays_package() -> None:
    days = public_holidays("NO", 2027)
    assert days[dt.date(2027, 3, 29)] == ("Andre påskedag", "Easter Monday")
    assert "Grunnlovsdag" in days[dt.date(2027, 5, 17)][0]
    assert dt.date(2027, 5, 6) in days  # Kristi himmelfartsdag
    assert dt.date(2026, 12, 24) not in public_holidays("NO", 2026)  # julaften is a workday


def test_next_business_day_moves_monday_holidays_to_tuesday() -> None:
    easter = runs("weekly", MONDAY_9, local(2027, 3, 23), 2, policy="next_business_day")
    may = runs("weekly", MONDAY_9, local(2027, 5, 11), 2, policy="next_business_day")
    assert easter == [dt.datetime(2027, 3, 30, 9, 0), dt.datetime(2027, 4, 5, 9, 0)]
    assert may == [dt.datetime(2027, 5, 18, 9, 0), dt.datetime(2027, 5, 24, 9, 0)]


def test_skip_runs_neither_holiday_nor_the_day_after() -> None:
    assert runs("weekly", MONDAY_9, local(2027, 3, 23), 2, policy="skip") == [
        dt.datetime(2027, 4, 5, 9, 0),
        dt.datetime(2027, 4, 12, 9, 0),
    ]
    assert runs("weekly", MONDAY_9, local(2027, 5, 11), 1, policy="skip") == [
        dt.datetime(2027, 5, 24, 9, 0)
    ]


def test_run_keeps_the_holiday() -> None:
    assert runs("weekly", MONDAY_9, local(2027, 3, 23), 1) == [dt.datetime(2027, 3, 29, 9, 0)]


def test_the_adjusted_runs_name_their_holiday() -> None:
    found = upcoming_occurrences(
        schedule_type="weekly",
        schedule_config=MONDAY_9,
        timezone="Europe/Oslo",
        after=local(2027, 3, 23),
        count=2,
        holiday_policy="next_business_day",
        business=NO_CLOSED_DAYS,
    )
    moved = found[0]
    assert moved.planned.astimezone(OSLO) == local(2027, 3, 29, 9)
    assert moved.at.astimezone(OSLO) == local(2027, 3, 30, 9)
    assert (moved.closure.kind, moved.closure.name("nb"), moved.closure.name("en")) == (
        "holiday",
        "Andre påskedag",
        "Easter Monday",
    )
    assert not found[1].adjusted


def test_a_thursday_reminder_on_kristi_himmelfartsdag_moves_to_friday() -> None:
    started = local(2027, 5, 3, 9)  # the Monday run
    reminder = {"day": "thursday", "time": "15:00"}
    moved = step_trigger(
        trigger_config=reminder,
        timezone="Europe/Oslo",
        after=started,
        holiday_policy="next_business_day",
        before=local(2027, 5, 10, 9),
        business=NO_CLOSED_DAYS,
    )
    skipped = step_trigger(
        trigger_config=reminder,
        timezone="Europe/Oslo",
        after=started,
        holiday_policy="skip",
        business=NO_CLOSED_DAYS,
    )
    assert moved.at.astimezone(OSLO) == local(2027, 5, 7, 15)
    assert skipped.at is None and skipped.closure.kind == "holiday"


def test_a_moved_step_never_reaches_the_next_run() -> None:
    # A Friday step on langfredag 2027-03-26 would move to Tuesday 30 March (Monday is a
    # holiday too), which is after the next weekly run on Monday: it is skipped instead.
    found = step_trigger(
        trigger_config={"day": "friday", "time": "10:00"},
        timezone="Europe/Oslo",
        after=local(2027, 3, 22, 9),
        holiday_policy="next_business_day",
        before=local(2027, 3, 29, 9),
        business=NO_CLOSED_DAYS,
    )
    assert found.at is None


def test_every_second_week_and_even_weeks_differ_after_iso_week_53() -> None:
    tuesday = {"days": ["tuesday"], "time": "10:00"}
    every_second = runs(
        "weekly", {**tuesday, "every_weeks": 2, "anchor": "2026-12-08"}, local(2026, 12, 1)
    )
    even_weeks = runs("weekly", {**tuesday, "iso_weeks": "even"}, local(2026, 12, 1))
    assert [run.date() for run in every_second] == [
        dt.date(2026, 12, 8),
        dt.date(2026, 12, 22),
        dt.date(2027, 1, 5),
        dt.date(2027, 1, 19),
    ]
    # 2026 has an ISO week 53, so even weeks skip from week 52 to week 2.
    assert [run.date() for run in even_weeks] == [
        dt.date(2026, 12, 8),
        dt.date(2026, 12, 22),
        dt.date(2027, 1, 12),
        dt.date(2027, 1, 26),
    ]


def test_the_nth_weekday_and_the_last_one() -> None:
    first_monday = runs(
        "monthly", {"weekday": "monday", "nth": 1, "time": "08:00"}, local(2027, 1, 1)
    )
    last_friday = runs(
        "monthly", {"weekday": "friday", "nth": -1, "time": "08:00"}, local(2026, 11, 1)
    )
    assert [run.date() for run in first_monday] == [
        dt.date(2027, 1, 4),
        dt.date(2027, 2, 1),
        dt.date(2027, 3, 1),
        dt.date(2027, 4, 5),
    ]
    assert [run.date() for run in last_friday[:2]] == [dt.date(2026, 11, 27), dt.date(2026, 12, 25)]


def test_the_last_friday_of_december_2026_is_christmas_day_and_moves_by_policy() -> None:
    rule = {"weekday": "friday", "nth": -1, "time": "08:00"}
    after = local(2026, 12, 1)
    assert runs("monthly", rule, after, 1, policy="next_business_day")[0].date() == dt.date(
        2026, 12, 28
    )
    assert runs("monthly", rule, after, 1, policy="previous_business_day")[0].date() == dt.date(
        2026, 12, 24
    )
    assert runs("monthly", rule, after, 1, policy="skip")[0].date() == dt.date(2027, 1, 29)


def test_business_days_of_the_month() -> None:
    first = runs("monthly", {"business_day": 1, "time": "08:00"}, local(2026, 12, 15), 2)
    last = runs("monthly", {"business_day": -1, "time": "14:00"}, local(2027, 3, 1), 2)
    # 1 January is a holiday and the 2nd and 3rd a weekend; Easter ends March 2027 early.
    assert [run.date() for run in first] == [dt.date(2027, 1, 4), dt.date(2027, 2, 1)]
    assert [run.date() for run in last] == [dt.date(2027, 3, 31), dt.date(2027, 4, 30)]


def test_every_business_day_leaves_out_weekends_holidays_and_closed_days() -> None:
    found = runs(
        "daily",
        {"time": "07:00", "business_days_only": True},
        local(2026, 12, 22),
        4,
        business=CHRISTMAS_CLOSED,
    )
    assert [run.date() for run in found] == [
        dt.date(2026, 12, 22),
        dt.date(2026, 12, 23),
        dt.date(2027, 1, 4),
        dt.date(2027, 1, 5),
    ]


def test_a_closed_range_skips_the_monday_inside_it() -> None:
    found = runs(
        "weekly", MONDAY_9, local(2026, 12, 20), 2, policy="skip", business=CHRISTMAS_CLOSED
    )
    assert found == [dt.datetime(2026, 12, 21, 9, 0), dt.datetime(2027, 1, 4, 9, 0)]
    # Moved to the next business day it would reach the next Monday's run: skipped too.
    moved = runs(
        "weekly",
        MONDAY_9,
        local(2026, 12, 22),
        1,
        policy="next_business_day",
        business=CHRISTMAS_CLOSED,
    )
    assert moved == [dt.datetime(2027, 1, 4, 9, 0)]


@pytest.mark.parametrize(
    ("schedule_type", "config", "after", "expected"),
    [
        # Spring forward on Sunday 2027-03-28: 02:30 does not exist, it runs at 03:00.
        (
            "weekly",
            {"days": ["sunday"], "time": "02:30", "every_weeks": 2, "anchor": "2027-03-14"},
            (2027, 3, 20),
            [(2027, 3, 28, 3, 0), (2027, 4, 11, 2, 30)],
        ),
        (
            "monthly",
            {"weekday": "sunday", "nth": -1, "time": "02:30"},
            (2027, 3, 1),
            [(2027, 3, 28, 3, 0), (2027, 4, 25, 2, 30)],
        ),
        # Fall back on Sunday 2026-10-25: 02:30 happens twice and runs once, the first time.
        (
            "weekly",
            {"days": ["sunday"], "time": "02:30", "iso_weeks": "odd"},
            (2026, 10, 20),
            [(2026, 10, 25, 2, 30), (2026, 11, 8, 2, 30)],
        ),
        (
            "monthly",
            {"weekday": "sunday", "nth": -1, "time": "02:30"},
            (2026, 10, 1),
            [(2026, 10, 25, 2, 30), (2026, 11, 29, 2, 30)],
        ),
        # Business days keep their wall-clock time on the Mondays after both changes.
        (
            "daily",
            {"time": "09:00", "business_days_only": True},
            (2027, 3, 26, 12),
            [(2027, 3, 30, 9, 0), (2027, 3, 31, 9, 0)],
        ),
        (
            "monthly",
            {"business_day": 1, "time": "09:00"},
            (2026, 10, 15),
            [(2026, 11, 2, 9, 0), (2026, 12, 1, 9, 0)],
        ),
    ],
)
def test_calendar_kinds_across_daylight_saving_changes(
    schedule_type: str, config: dict[str, Any], after: tuple[int, ...], expected: list[tuple]
) -> None:
    found = upcoming_runs(
        schedule_type=schedule_type,
        schedule_config=config,
        timezone="Europe/Oslo",
        after=local(*after),
        count=len(expected),
        business=NO_CLOSED_DAYS,
    )
    assert [run.astimezone(OSLO) for run in found] == [local(*e) for e in expected]
    # The autumn runs are the first of the two 02:30s (summer time, +02:00).
    assert all(
        run.astimezone(OSLO).utcoffset() in (dt.timedelta(hours=1), dt.timedelta(hours=2))
        for run in found
    )
    if (2026, 10, 25, 2, 30) in expected:
        assert found[0] == dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC)


def test_next_run_after_is_strictly_after_and_policy_aware() -> None:
    moved = next_run_after(
        schedule_type="weekly",
        schedule_config=MONDAY_9,
        timezone="Europe/Oslo",
        after=local(2027, 3, 29, 9),  # the planned (holiday) run's own time
        holiday_policy="next_business_day",
        business=NO_CLOSED_DAYS,
    )
    assert moved.astimezone(OSLO) == local(2027, 3, 30, 9)
    assert next_run_after(
        schedule_type="weekly",
        schedule_config=MONDAY_9,
        timezone="Europe/Oslo",
        after=moved,
        holiday_policy="next_business_day",
        business=NO_CLOSED_DAYS,
    ).astimezone(OSLO) == local(2027, 4, 5, 9)
