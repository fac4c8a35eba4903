"""Norwegian Bokmål: Django's own formats ("06.12.2026 12:21"), and the named formats with a
weekday that the pages use through ``core.templatetags.local_dates``."""

from django.conf.locale.nb.formats import *  # noqa: F403

WEEKDAY_DATE_FORMAT = "l j. F"  # fredag 11. desember
WEEKDAY_YEAR_DATE_FORMAT = "l j. F Y"  # fredag 11. desember 2026
WEEKDAY_DATETIME_FORMAT = "l j. F, H:i"  # fredag 11. desember, 12:21
WEEKDAY_YEAR_DATETIME_FORMAT = "l j. F Y, H:i"  # fredag 11. desember 2026, 12:21
CHART_DAY_FORMAT = "j. b"  # 11. des
