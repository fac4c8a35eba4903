"""``{{ execution|choice_label:"status" }}``: what ``get_status_display`` shows, for tables.

Django's ``get_FOO_display`` builds a dictionary of the field's choices on every call, and
hashing each lazily translated label translates it: a status column of 25 rows translated
about 300 labels (a third of the executions list's rendering). Here a field's labels are
translated once per language and process (translations do not change while it runs).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django import template
from django.db.models import Field, Model
from django.utils.translation import get_language

register = template.Library()

__all__ = ["choice_label"]


@cache
def _labels(field: Field, language: str | None) -> dict[Any, str]:
    return {value: str(label) for value, label in field.flatchoices}


def choice_label(instance: Model, name: str) -> Any:
    """The label of the instance's ``name`` field's value in the active language, as
    ``get_<name>_display()`` gives it (a value without a choice is itself)."""
    field = instance._meta.get_field(name)
    value = getattr(instance, field.attname)
    return _labels(field, get_language()).get(value, value)


register.filter("choice_label", choice_label)
