"""Dates in the reader's language with a weekday: ``{{ run.at|moment:"WEEKDAY_DATETIME_FORMAT" }}``.

Django's ``date`` filter knows only its own format names; these (``WEEKDAY_DATE_FORMAT``,
``WEEKDAY_DATETIME_FORMAT``, ...) live beside them in ``config/formats/<language>/formats.py``,
so English never gets Norwegian punctuation ("Friday 11. December") and Norwegian never
English order.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils import formats, timezone
from django.utils.translation import get_language

register = template.Library()


def named_format(name: str, language: str | None = None) -> str:
    """The named format of the active (or given) language's format module; the name itself
    when no module has it (a literal format)."""
    for module in formats.get_format_modules(language or get_language()):
        value = getattr(module, name, None)
        if isinstance(value, str):
            return value
    return name


def format_moment(value: dt.date | dt.datetime, name: str) -> str:
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, named_format(name))


@register.filter(expects_localtime=True, is_safe=False)
def moment(value: Any, name: str = "WEEKDAY_DATETIME_FORMAT") -> str:
    if not isinstance(value, dt.date):
        return ""
    return format_moment(value, name)
