"""Schedules fire at wall-clock times in their own zone, exactly once, across DST.

The clock is controlled through the explicit ``after`` argument; nothing sleeps. Europe/Oslo
changes on 2026-03-29 (02:00 -> 03:00) and 2026-10-25 (03:00 -> 02:00).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from automation.scheduling import (
    next_run_after,
    normalise_day,
    trigger_time_after,
    upcoming_runs,
)

OSLO = ZoneInfo("Europe/Oslo")


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=OSLO)


def runs(schedule_type: str, config: dict[str, Any], after: datetime, count: int) -> list[datetime]:
    return upcoming_runs(
        schedule_type=schedule_type,
        schedule_config=config,
        timezone="Europe/Oslo",
        after=after,
        count=count,
    )


def nxt(schedule_type: str, config: dict[str, Any], after: datetime) -> datetime:
    return next_run_after(
        schedule_type=schedule_type, schedule_config=config, timezone="Europe/Oslo", after=after
    )


# --- Weekly across DST -----------------------------------------------------------------------


def test_weekly_monday_0900_stays_0900_local_across_spring_change() -> None:
    result = runs("weekly", {"day": "monday", "time": "09:00"}, utc(2026, 3, 20), 3)

    assert result == [utc(2026, 3, 23, 8), utc(2026, 3, 30, 7), utc(2026, 4, 6, 7)]
    assert {r.astimezone(OSLO).strftime("%A %H:%M") for r in result} == {"Monday 09:00"}


def test_weekly_monday_0900_stays_0900_local_across_autumn_change() -> None:
    result = runs("weekly", {"day": "monday", "time": "09:00"}, utc(2026, 10, 15), 3)

    assert result == [utc(2026, 10, 19, 7), utc(2026, 10, 26, 8), utc(2026, 11, 2, 8)]
    assert {r.astimezone(OSLO).strftime("%A %H:%M") for r in result} == {"Monday 09:00"}


def test_weekly_with_several_days_and_norwegian_names() -> None:
    result = runs("weekly", {"days": ["torsdag", "mandag"], "time": "15:00"}, utc(2026, 3, 23), 4)

    assert [r.astimezone(OSLO) for r in result] == [
        local(2026, 3, 23, 15),
        local(2026, 3, 26, 15),
        local(2026, 3, 30, 15),
        local(2026, 4, 2, 15),
    ]


def test_results_are_aware_utc() -> None:
    result = nxt("weekly", {"day": "monday", "time": "09:00"}, local(2026, 3, 20, 12))

    assert result.tzinfo is UTC


def test_next_run_is_strictly_after() -> None:
    monday_nine = utc(2026, 3, 30, 7)

    assert nxt("weekly", {"day": "monday", "time": "09:00"}, monday_nine) == utc(2026, 4, 6, 7)
    just_before = monday_nine - timedelta(microseconds=1)
    assert nxt("weekly", {"day": "monday", "time": "09:00"}, just_before) == monday_nine


# --- Daily 02:30 on the change days ----------------------------------------------------------


def _on_local_date(result: list[datetime], day: int, month: int) -> list[datetime]:
    return [r for r in result if (r.astimezone(OSLO).month, r.astimezone(OSLO).day) == (month, day)]


def test_daily_0230_runs_once_at_0300_when_spring_skips_it() -> None:
    result = runs("daily", {"time": "02:30"}, utc(2026, 3, 27), 4)

    on_change_day = _on_local_date(result, 29, 3)
    # 02:30 does not exist: the run is at the first instant after the gap, 03:00 CEST.
    assert on_change_day == [utc(2026, 3, 29, 1)]
    assert on_change_day[0].astimezone(OSLO).strftime("%H:%M") == "03:00"
    assert result == [
        utc(2026, 3, 27, 1, 30),
        utc(2026, 3, 28, 1, 30),
        utc(2026, 3, 29, 1, 0),
        utc(2026, 3, 30, 0, 30),
    ]


def test_daily_0230_runs_once_at_first_0230_when_autumn_repeats_it() -> None:
    result = runs("daily", {"time": "02:30"}, utc(2026, 10, 23), 4)

    # 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET): only the first counts.
    assert _on_local_date(result, 25, 10) == [utc(2026, 10, 25, 0, 30)]
    assert result[-1] == utc(2026, 10, 26, 1, 30)


def test_daily_0230_does_not_run_again_in_the_repeated_hour() -> None:
    # The dispatcher computes the next run after "now"; during the second 02:xx it must not
    # find the second 02:30.
    second_pass = datetime(2026, 10, 25, 2, 15, tzinfo=OSLO, fold=1)
    assert second_pass.astimezone(UTC) == utc(2026, 10, 25, 1, 15)

    assert nxt("daily", {"time": "02:30"}, second_pass) == utc(2026, 10, 26, 1, 30)


def test_daily_weekdays_only_skips_the_weekend() -> None:
    friday_evening = local(2026, 3, 27, 18)

    result = runs("daily", {"time": "07:00", "weekdays_only": True}, friday_evening, 2)

    assert [r.astimezone(OSLO) for r in result] == [local(2026, 3, 30, 7), local(2026, 3, 31, 7)]


def test_daily_without_weekdays_only_runs_on_the_weekend() -> None:
    result = runs("daily", {"time": "07:00"}, local(2026, 3, 27, 18), 2)

    assert [r.astimezone(OSLO) for r in result] == [local(2026, 3, 28, 7), local(2026, 3, 29, 7)]


# --- Monthly ---------------------------------------------------------------------------------


def test_monthly_31_runs_on_the_last_day_of_shorter_months() -> None:
    result = runs("monthly", {"day_of_month": 31, "time": "09:00"}, utc(2027, 1, 15), 4)

    assert [r.astimezone(OSLO) for r in result] == [
        local(2027, 1, 31, 9),
        local(2027, 2, 28, 9),
        local(2027, 3, 31, 9),
        local(2027, 4, 30, 9),
    ]


def test_monthly_last_day_handles_february_and_leap_years() -> None:
    result = runs("monthly", {"day_of_month": "last", "time": "18:00"}, utc(2027, 1, 31, 18), 4)

    assert [r.astimezone(OSLO).date().isoformat() for r in result] == [
        "2027-02-28",
        "2027-03-31",
        "2027-04-30",
        "2027-05-31",
    ]
    leap = nxt("monthly", {"day_of_month": "last", "time": "18:00"}, utc(2028, 2, 1))
    assert leap.astimezone(OSLO) == local(2028, 2, 29, 18)


def test_monthly_first_of_month_later_today_is_today() -> None:
    result = nxt("monthly", {"day_of_month": 1, "time": "09:00"}, local(2026, 4, 1, 8))

    assert result.astimezone(OSLO) == local(2026, 4, 1, 9)


# --- Cron ------------------------------------------------------------------------------------


def test_cron_is_evaluated_in_the_schedules_zone() -> None:
    result = runs("cron", {"expression": "0 9 * * 1"}, utc(2026, 3, 20), 3)

    assert result == [utc(2026, 3, 23, 8), utc(2026, 3, 30, 7), utc(2026, 4, 6, 7)]


def test_cron_in_the_spring_gap_runs_once_after_the_gap() -> None:
    result = runs("cron", {"expression": "30 2 * * *"}, utc(2026, 3, 28, 12), 2)

    assert result == [utc(2026, 3, 29, 1), utc(2026, 3, 30, 0, 30)]


def test_cron_in_the_repeated_autumn_hour_runs_once() -> None:
    result = runs("cron", {"expression": "30 2 * * *"}, utc(2026, 10, 24, 12), 2)

    assert result == [utc(2026, 10, 25, 0, 30), utc(2026, 10, 26, 1, 30)]


def test_cron_in_another_zone() -> None:
    result = next_run_after(
        schedule_type="cron",
        schedule_config={"expression": "0 9 * * *"},
        timezone="America/New_York",
        after=utc(2026, 7, 1),
    )

    assert result == utc(2026, 7, 1, 13)


# --- upcoming_runs ---------------------------------------------------------------------------


def test_upcoming_runs_lists_n_increasing_runs() -> None:
    result = runs("daily", {"time": "12:00"}, utc(2026, 1, 1), 10)

    assert len(result) == 10
    assert result == sorted(set(result))
    assert runs("daily", {"time": "12:00"}, utc(2026, 1, 1), 0) == []


# --- Validation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("schedule_type", "config", "timezone"),
    [
        ("daily", {"time": "25:00"}, "Europe/Oslo"),
        ("daily", {"time": "9"}, "Europe/Oslo"),
        ("weekly", {"day": "funday", "time": "09:00"}, "Europe/Oslo"),
        ("weekly", {"time": "09:00"}, "Europe/Oslo"),
        ("monthly", {"day_of_month": 32, "time": "09:00"}, "Europe/Oslo"),
        ("cron", {"expression": "0 9 * *"}, "Europe/Oslo"),
        ("cron", {"expression": "0 9 30 2 *"}, "Europe/Oslo"),
        ("hourly", {}, "Europe/Oslo"),
        ("daily", {"time": "09:00"}, "Mars/Olympus_Mons"),
    ],
)
def test_invalid_schedules_raise_value_error(
    schedule_type: str, config: dict[str, Any], timezone: str
) -> None:
    with pytest.raises(ValueError):
        next_run_after(
            schedule_type=schedule_type,
            schedule_config=config,
            timezone=timezone,
            after=utc(2026, 1, 1),
        )


def test_naive_after_is_rejected() -> None:
    with pytest.raises(ValueError, match="aware"):
        nxt("daily", {"time": "09:00"}, datetime(2026, 1, 1))


def test_day_names_normalise_from_norwegian() -> None:
    assert [normalise_day(d) for d in ("Mandag", "lørdag", "søndag", "FRIDAY")] == [
        "monday",
        "saturday",
        "sunday",
        "friday",
    ]


# --- Step triggers ---------------------------------------------------------------------------


def trigger(config: dict[str, Any], after: datetime) -> datetime:
    return trigger_time_after(trigger_config=config, timezone="Europe/Oslo", after=after)


def test_trigger_day_and_time_is_the_next_such_moment() -> None:
    monday_nine = local(2026, 3, 23, 9)

    result = trigger({"day": "thursday", "time": "15:00"}, monday_nine)

    assert result.astimezone(OSLO) == local(2026, 3, 26, 15)


def test_trigger_matching_exactly_now_fires_now() -> None:
    thursday_three = local(2026, 3, 26, 15)

    assert trigger({"day": "thursday", "time": "15:00"}, thursday_three) == thursday_three
    assert trigger({"time": "15:00"}, thursday_three) == thursday_three


def test_trigger_time_only_is_the_next_such_time() -> None:
    assert trigger({"time": "15:00"}, local(2026, 3, 26, 16)) == local(2026, 3, 27, 15)


def test_trigger_delay_counts_elapsed_time_across_dst() -> None:
    before_gap = local(2026, 3, 29, 1, 30)

    result = trigger({"delay_minutes": 90}, before_gap)

    assert result == before_gap.astimezone(UTC) + timedelta(minutes=90)
    assert result.astimezone(OSLO) == local(2026, 3, 29, 4)


def test_trigger_at_a_fixed_instant() -> None:
    after = utc(2026, 3, 20)

    assert trigger({"at": "2026-03-26T15:00:00+01:00"}, after) == utc(2026, 3, 26, 14)
    # A naive instant is read in the schedule's zone.
    assert trigger({"at": "2026-06-01T15:00"}, after) == utc(2026, 6, 1, 13)
    # One already past fires right away.
    assert trigger({"at": "2026-01-01T00:00:00+00:00"}, after) == after


def test_trigger_without_a_rule_is_rejected() -> None:
    with pytest.raises(ValueError):
        trigger({}, utc(2026, 1, 1))
