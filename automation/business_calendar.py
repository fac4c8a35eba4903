"""The business calendar: which days the business works.

A business day is Monday to Friday that is neither a public holiday of the country in
``settings.BUSINESS_CALENDAR`` (the ``holidays`` package: Norway's 1. nyttårsdag,
skjærtorsdag, langfredag, 2. påskedag, 1. mai, 17. mai, Kristi himmelfartsdag, 2. pinsedag,
1. and 2. juledag, ...) nor one of the company's closed days (``ClosedDay`` ranges, edited in
the admin, on the calendar page and through the API).

``BusinessCalendar`` reads the closed days once and keeps them: the dispatcher makes one per
tick, so thousands of due schedules cost one query; the public holidays are computed once per
country and year for the whole process.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import holidays
from django.conf import settings

from automation.models import ClosedDay

__all__ = ["BusinessCalendar", "Closure", "public_holidays"]

#: The holidays package's language codes for ours.
_LANGUAGES = {"nb": "no", "en": "en_US"}


@dataclass(frozen=True)
class Closure:
    """Why a day is not a business day: a public holiday or a closed day, and its names."""

    kind: str  # "holiday" or "closed"
    name_nb: str
    name_en: str

    def name(self, language: str) -> str:
        return self.name_en if language == "en" else self.name_nb


@lru_cache(maxsize=64)
def public_holidays(country: str, year: int) -> dict[dt.date, tuple[str, str]]:
    """The public holidays of ``country`` in ``year``: date -> (Norwegian name, English name).
    A language the package does not have for that country falls back to its default names."""
    names: dict[str, dict[dt.date, str]] = {}
    for ours, theirs in _LANGUAGES.items():
        try:
            found = holidays.country_holidays(country, years=year, language=theirs)
        except NotImplementedError:
            found = holidays.country_holidays(country, years=year)
        names[ours] = dict(found.items())
    return {day: (name, names["en"].get(day, name)) for day, name in names["nb"].items()}


class BusinessCalendar:
    """Business days for one read of the closed days (see the module docstring)."""

    def __init__(
        self,
        *,
        country: str | None = None,
        closed: list[tuple[dt.date, dt.date, str]] | None = None,
    ) -> None:
        self.country = (country or getattr(settings, "BUSINESS_CALENDAR", "NO")).upper()
        self._closed = closed

    @classmethod
    def load(cls) -> BusinessCalendar:
        """The calendar as the database has it now (closed days read on first use)."""
        return cls()

    @property
    def closed(self) -> list[tuple[dt.date, dt.date, str]]:
        if self._closed is None:
            self._closed = list(
                ClosedDay.objects.order_by("start").values_list("start", "end", "name")
            )
        return self._closed

    def closure(self, day: dt.date) -> Closure | None:
        """Why ``day`` is not a business day, or None when it is one (weekends: None here;
        see ``is_business_day``)."""
        holiday = public_holidays(self.country, day.year).get(day)
        if holiday is not None:
            return Closure("holiday", *holiday)
        for start, end, name in self.closed:
            if start <= day <= end:
                return Closure("closed", name, name)
        return None

    def is_business_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and self.closure(day) is None

    def next_business_day(self, day: dt.date) -> dt.date:
        """The first business day after ``day``."""
        day += dt.timedelta(days=1)
        for _ in range(400):  # a closed range of more than a year is a data error
            if self.is_business_day(day):
                return day
            day += dt.timedelta(days=1)
        raise ValueError("no business day within a year")

    def previous_business_day(self, day: dt.date) -> dt.date:
        """The last business day before ``day``."""
        day -= dt.timedelta(days=1)
        for _ in range(400):
            if self.is_business_day(day):
                return day
            day -= dt.timedelta(days=1)
        raise ValueError("no business day within a year")

    def business_days(self, year: int, month: int) -> list[dt.date]:
        """The business days of a month, in order."""
        day = dt.date(year, month, 1)
        found = []
        while day.month == month:
            if self.is_business_day(day):
                found.append(day)
            day += dt.timedelta(days=1)
        return found

    def year(self, year: int) -> list[tuple[dt.date, dt.date, Closure]]:
        """The year's public holidays and closed days as ``(first day, last day, closure)``,
        in date order (a closed range that reaches into the year is included)."""
        entries = [
            (day, day, Closure("holiday", nb, en))
            for day, (nb, en) in public_holidays(self.country, year).items()
        ]
        for start, end, name in self.closed:
            if start.year <= year <= end.year:
                entries.append((start, end, Closure("closed", name, name)))
        return sorted(entries, key=lambda entry: (entry[0], entry[1]))
