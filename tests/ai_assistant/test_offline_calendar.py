"""The offline assistant reads calendar schedules and the holiday policy, nb and en."""

from __future__ import annotations

from typing import Any

import pytest

from ai_assistant.offline import parse_description
from automation.validation import validate_workflow
from tests.ai_assistant.parser_phrasings import GROUPS, TEMPLATES, standard_context

FORM = "send bestillingsskjema"


@pytest.fixture(autouse=True)
def stored(db: None) -> None:
    """The standard context's templates and groups as rows, for the validator."""
    from customers.models import CustomerGroup
    from templates_app.models import EmailTemplate

    for template in TEMPLATES:
        EmailTemplate.objects.create(
            id=template["id"],
            name=template["name"],
            category=template["category"],
            subject="s",
            body_html="<p>x</p>",
        )
    for group in GROUPS:
        CustomerGroup.objects.create(slug=group["slug"], name=group["name"])


@pytest.mark.parametrize(
    ("text", "schedule_type", "config"),
    [
        (
            "Annenhver tirsdag kl 10 send bestillingsskjema",
            "weekly",
            # Today is Monday 30 March 2026: the first Tuesday is the next day.
            {"day": "tuesday", "time": "10:00", "every_weeks": 2, "anchor": "2026-03-31"},
        ),
        (
            "Every other Friday at 10 send the order form, first time on 11 December",
            "weekly",
            {"day": "friday", "time": "10:00", "every_weeks": 2, "anchor": "2026-12-11"},
        ),
        (
            "Hver tredje uke på torsdag kl 12 send skjema",
            "weekly",
            {"day": "thursday", "time": "12:00", "every_weeks": 3, "anchor": "2026-04-02"},
        ),
        (
            "Send skjema tirsdager kl 10 i partallsuker",
            "weekly",
            {"day": "tuesday", "time": "10:00", "iso_weeks": "even"},
        ),
        (
            "Order form on Tuesdays at 10 in odd weeks",
            "weekly",
            {"day": "tuesday", "time": "10:00", "iso_weeks": "odd"},
        ),
        (
            "Første mandag i måneden kl 8 send bestillingsskjema",
            "monthly",
            {"weekday": "monday", "nth": 1, "time": "08:00"},
        ),
        (
            "The last Friday of every month at 3pm send the order form",
            "monthly",
            {"weekday": "friday", "nth": -1, "time": "15:00"},
        ),
        (
            "Siste virkedag i måneden kl 14 send rapport til leder@firma.no",
            "monthly",
            {"business_day": -1, "time": "14:00"},
        ),
        (
            "First business day of the month at 8 send the report to ops@firma.no",
            "monthly",
            {"business_day": 1, "time": "08:00"},
        ),
        (
            "Hver virkedag kl 7 send bestillingsskjema",
            "daily",
            {"time": "07:00", "business_days_only": True},
        ),
        (
            "Every working day at 7am send the order form",
            "daily",
            {"time": "07:00", "business_days_only": True},
        ),
    ],
)
def test_calendar_schedules(text: str, schedule_type: str, config: dict[str, Any]) -> None:
    outcome = parse_description(text, context=standard_context())
    assert outcome.question is None, outcome.question
    result = validate_workflow(outcome.workflow)
    assert result.errors == []
    schedule = result.normalised["schedule"]
    assert (schedule["schedule_type"], schedule["schedule_config"]) == (schedule_type, config)


@pytest.mark.parametrize(
    ("text", "policy"),
    [
        (
            f"Hver mandag kl 9 {FORM}, men ikke på helligdager \N{EN DASH} da dagen etter",
            "next_business_day",
        ),
        (
            "Hver mandag kl 9 skjema \N{EN DASH} er det fridag, send tirsdag i stedet",
            "next_business_day",
        ),
        (f"Hver mandag kl 9 {FORM}, men ikke på helligdager", "skip"),
        (f"Hver mandag kl 9 {FORM}, hopp over helligdager", "skip"),
        (f"Hver fredag kl 9 {FORM}, er det helligdag så dagen før", "previous_business_day"),
        ("Every Monday at 9 send the order form, skip public holidays", "skip"),
        (
            "Every Monday at 9 send the order form; on public holidays the next business day",
            "next_business_day",
        ),
        ("Every Monday at 9 send the order form, even on public holidays", "run"),
    ],
)
def test_the_holiday_policy(text: str, policy: str) -> None:
    outcome = parse_description(text, context=standard_context())
    assert outcome.question is None, outcome.question
    result = validate_workflow(outcome.workflow)
    assert result.errors == []
    assert result.normalised["schedule"].get("holiday_policy", "run") == policy
    # The policy's own words ("send tirsdag") are not a step.
    assert len(result.normalised["steps"]) == 1


def test_an_every_other_week_reminder_looks_at_two_weeks_of_orders() -> None:
    outcome = parse_description(
        "Annenhver tirsdag kl 15 påminnelse til alle", context=standard_context()
    )
    (step,) = outcome.workflow["steps"]
    assert step["condition_config"] == {"check": "orders_missing", "days_back": 14}
    assert any("31.03.2026" in note for note in outcome.notes)  # the first time is said
