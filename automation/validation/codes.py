"""Every error code the validator may report, and the messages for codes found by pydantic.

Codes are stable: clients, the AI assistant's repair prompt and translations key on them. A
step type adds the codes its own config raises (``StepType.error_codes``).
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from automation.registry import step_types

#: Every code the validator may report, with what it means. Codes are stable: clients, the
#: AI assistant's repair prompt and translations key on them.
ERROR_CODES: dict[str, str] = {
    # Structure (JSON Schema)
    "invalid_type": "The value has the wrong JSON type (e.g. a string where a number belongs).",
    "required": "A required field is missing.",
    "unknown_field": "A field that the format does not define.",
    "invalid_choice": "The value is not one of the allowed values.",
    "invalid_value": "The value is not acceptable here (see the message).",
    "too_short": "The text is too short (e.g. an empty name).",
    "too_long": "The text is too long (e.g. a name over 200 characters).",
    "too_few_items": "The list has too few items.",
    "too_many_items": "The list has too many items.",
    "out_of_range": "The number is outside the allowed range.",
    "too_few_steps": "A workflow needs at least one step.",
    "too_many_steps": "A workflow has at most 50 steps.",
    "unknown_step_type": "step_type names no registered step type.",
    "unknown_event_type": "event.type is not order.created, customer.created or webhook.",
    "invalid_method": "An HTTP method other than GET, POST, PUT, PATCH or DELETE.",
    "invalid_time": "A time that is not HH:MM on a 24-hour clock.",
    "invalid_day": "A day name that is not a weekday (English or Norwegian).",
    "invalid_since": 'since is neither "execution_start" nor "last_<weekday>".',
    "invalid_datetime": "Not an ISO 8601 date-time with a UTC offset.",
    "too_deep": "Objects and lists nested deeper than the format allows (64 levels).",
    "too_large": "The document is larger than the format allows (256 KiB as JSON).",
    "invalid_date": "Not a date in the form YYYY-MM-DD.",
    # Cross-field rules of one config (pydantic)
    "exactly_one_required": "Give exactly one of a set of alternative fields.",
    "condition_field_not_allowed": "A condition field that does not belong to this check.",
    "condition_filter_empty": "customer_filter needs at least one of group, active, language.",
    "invalid_trigger_config": "trigger_config is not one of the allowed shapes.",
    "days_conflict": "A daily schedule says both weekdays_only and business_days_only.",
    "anchor_required": "A weekly schedule with every_weeks over 1 needs an anchor date.",
    "anchor_unused": "anchor is given without every_weeks over 1.",
    "weeks_conflict": "A weekly schedule says both every_weeks (over 1) and iso_weeks.",
    "nth_required": "A monthly schedule on a weekday needs nth (1..4 or -1).",
    "nth_unused": "nth is given without weekday.",
    "invalid_business_day": "business_day is 0; it counts from 1 or from -1.",
    # Meaning
    "schedule_required": "A scheduled workflow needs a schedule.",
    "schedule_forbidden": "An event-based workflow has no schedule.",
    "event_required": "An event-based workflow needs an event.",
    "event_forbidden": "A scheduled workflow has no event.",
    "invalid_timezone": "Not an IANA time zone name (e.g. Europe/Oslo).",
    "invalid_cron": "Not a valid five-field cron expression.",
    "duplicate_step_order": "Two steps have the same step_order.",
    "unexpected_config": "A config field this step type and trigger do not use.",
    "unknown_template": "The email template (id or name) does not exist.",
    "unknown_group": 'The customer group is neither "all" nor an existing group slug.',
    "unknown_customer": "A customer id that does not exist.",
    "unknown_integration": "The integration does not exist.",
    "inactive_integration": "The integration exists but is switched off.",
    "from_step_unknown": "from_step names no step of this workflow.",
    "from_step_not_earlier": "from_step must name an earlier step.",
    "from_step_no_customers": "from_step names a step that does not produce customers.",
    "event_customer_unavailable": "event_customer needs an event-based workflow (order.created, "
    "customer.created or webhook); a scheduled or manual one has no event customer.",
    "invalid_email": "Not a valid email address.",
    "path_not_relative": "A path must stay under the integration's base URL.",
    "unknown_staff_group": "No group of users (Django auth group) has that name.",
    "schedule_too_frequent": "A workflow that sends email may run at most once an hour.",
    "workflow_archived": "An archived workflow cannot be changed.",
}


def error_codes() -> dict[str, str]:
    """Every code the validator may report: its own (``ERROR_CODES``) and those of the
    registered step types' configs (``StepType.error_codes``)."""
    codes = dict(ERROR_CODES)
    for cls in step_types().values():
        codes.update(cls.error_codes)
    return codes


def generic_message(code: str, fallback: str) -> str:
    """Our message for a code that pydantic found (its own messages are English only)."""
    messages = {
        "required": _("This field is required."),
        "unknown_field": _("This field is not part of the format."),
        "invalid_type": _("The value has the wrong type."),
        "invalid_choice": _("The value is not one of the allowed values."),
        "too_short": _("The text is too short."),
        "too_long": _("The text is too long."),
        "too_few_items": _("The list has too few items."),
        "too_many_items": _("The list has too many items."),
        "out_of_range": _("The number is outside the allowed range."),
        "invalid_datetime": _(
            "Expected an ISO 8601 date-time with a UTC offset, e.g. 2026-03-30T09:00:00+02:00."
        ),
        "invalid_date": _("Expected a date such as 2026-12-08."),
    }
    return messages.get(code, fallback)
