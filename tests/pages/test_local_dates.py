"""Dates in the reader's language: nb "06.12.2026 12:21", en "6 Dec 2026 12:21", never the
US order ("12/06/2026") nor Norwegian punctuation in English ("Friday 11. December")."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

ROOT = Path(__file__).resolve().parents[2]
MOMENT = timezone.make_aware(dt.datetime(2026, 12, 11, 12, 21))


def render(source: str, language: str) -> str:
    with translation.override(language):
        return Template("{% load local_dates %}" + source).render(Context({"at": MOMENT}))


@pytest.mark.parametrize(
    ("source", "nb", "en"),
    [
        ('{{ at|date:"SHORT_DATETIME_FORMAT" }}', "11.12.2026 12:21", "11 Dec 2026 12:21"),
        ('{{ at|date:"SHORT_DATE_FORMAT" }}', "11.12.2026", "11 Dec 2026"),
        ('{{ at|date:"DATETIME_FORMAT" }}', "11. desember 2026 12:21", "11 December 2026 12:21"),
        (
            '{{ at|moment:"WEEKDAY_DATETIME_FORMAT" }}',
            "fredag 11. desember, 12:21",
            "Friday 11 December, 12:21",
        ),
        ('{{ at|moment:"WEEKDAY_DATE_FORMAT" }}', "fredag 11. desember", "Friday 11 December"),
        (
            '{{ at|moment:"WEEKDAY_YEAR_DATETIME_FORMAT" }}',
            "fredag 11. desember 2026, 12:21",
            "Friday 11 December 2026, 12:21",
        ),
    ],
)
def test_each_format_reads_right_in_both_languages(source: str, nb: str, en: str) -> None:
    assert render(source, "nb") == nb
    assert render(source, "en") == en


def test_moment_shows_the_local_time_of_a_utc_value() -> None:
    utc = MOMENT.astimezone(dt.UTC)
    with translation.override("en"):
        html = Template('{% load local_dates %}{{ at|moment:"WEEKDAY_DATETIME_FORMAT" }}').render(
            Context({"at": utc})
        )
    assert html == "Friday 11 December, 12:21"


# Machine formats for attributes (datetime="..."), not for the reader.
MACHINE = {"Y-m-d", r"Y-m-d\TH:i:sO", "s"}


def test_no_page_spells_a_date_format_out() -> None:
    """Every date a reader sees goes through a named format of their language."""
    literal = re.compile(r"""\|(?:date|moment):["']([^"']+)["']""")
    offenders = []
    for path in [*ROOT.glob("*/templates/**/*.html"), *ROOT.glob("templates/**/*.html")]:
        if ".venv" in path.parts or "node_modules" in path.parts:
            continue
        for found in literal.findall(path.read_text()):
            if found not in MACHINE and not found.endswith("_FORMAT"):
                offenders.append(f"{path.relative_to(ROOT)}: {found}")
    assert offenders == []
