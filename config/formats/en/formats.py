"""English for readers in Norway: day before month, 24-hour clock, never the US order
("12/06/2026") nor Norwegian punctuation ("11. December")."""

DATE_FORMAT = "j F Y"  # 6 December 2026
TIME_FORMAT = "H:i"  # 12:21
DATETIME_FORMAT = "j F Y H:i"  # 6 December 2026 12:21
YEAR_MONTH_FORMAT = "F Y"  # December 2026
MONTH_DAY_FORMAT = "j F"  # 6 December
SHORT_DATE_FORMAT = "j M Y"  # 6 Dec 2026
SHORT_DATETIME_FORMAT = "j M Y H:i"  # 6 Dec 2026 12:21
FIRST_DAY_OF_WEEK = 1  # Monday

# <input type="date"> sends ISO dates; people type day first.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%d.%m.%Y %H:%M",
    "%d/%m/%Y %H:%M",
]

WEEKDAY_DATE_FORMAT = "l j F"  # Friday 11 December
WEEKDAY_YEAR_DATE_FORMAT = "l j F Y"  # Friday 11 December 2026
WEEKDAY_DATETIME_FORMAT = "l j F, H:i"  # Friday 11 December, 12:21
WEEKDAY_YEAR_DATETIME_FORMAT = "l j F Y, H:i"  # Friday 11 December 2026, 12:21
CHART_DAY_FORMAT = "j M"  # 11 Dec
