"""``{% load reasons %}``: ``{{ transition.reason|reason_label }}`` shows a text the engine stored
(a reason, an error, why a customer was skipped) in the reader's language."""

from __future__ import annotations

from django import template

from executions.reasons import reason_label as _reason_label

register = template.Library()


@register.filter
def reason_label(text: str | None) -> str:
    return _reason_label(text)
