"""The preview: a workflow in words, with how many customers each step would reach now."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

import pytest
from django.utils import timezone

from automation.preview import workflow_preview
from automation.validation import validate_workflow
from tests.ai_assistant.fake_llm import World, make_world, running_example
from tests.customers.factories import CustomerFactory, OrderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    return make_world()


def texts(workflow: dict[str, Any], language: str = "nb", **kwargs: Any) -> list[str]:
    # Previews are shown for validated drafts: go through the validator like the services do.
    normalised = validate_workflow(workflow).raise_if_invalid()
    return [line.text for line in workflow_preview(normalised, language=language, **kwargs)]


def test_running_example_in_norwegian(world: World):
    assert texts(running_example(world)) == [
        "Ukentlig bestilling",
        "Hver mandag kl. 09:00 (Europe/Oslo)",
        "Mandag 09:00 \N{EN DASH} Send Bestillingsskjema til alle kunder (25)",
        "Torsdag 15:00 \N{EN DASH} Send Påminnelse til alle kunder som ikke har bestilt siden "
        "kjøringen startet (20)",
    ]


def test_running_example_in_english(world: World):
    assert texts(running_example(world), "en") == [
        "Ukentlig bestilling",
        "Every Monday at 09:00 (Europe/Oslo)",
        "Monday 09:00 \N{EN DASH} Send Bestillingsskjema to all customers (25)",
        "Thursday 15:00 \N{EN DASH} Send Påminnelse to all customers who have not ordered "
        "since the run started (20)",
    ]


def test_lines_carry_step_order_and_count(world: World):
    normalised = validate_workflow(running_example(world)).raise_if_invalid()
    lines = workflow_preview(normalised, language="nb")
    assert [(line.kind, line.step_order, line.count) for line in lines] == [
        ("name", None, None),
        ("schedule", None, None),
        ("step", 1, 25),
        ("step", 2, 20),
    ]
    assert str(lines[2]) == lines[2].text


def test_email_counts_skip_unsubscribed_and_suppressed_customers(world: World):
    world.customers[10].unsubscribed_at = timezone.now()
    world.customers[10].save()
    world.customers[11].suppressed_at = timezone.now()
    world.customers[11].save()
    lines = texts(running_example(world))
    assert lines[2].endswith("(23)")
    assert lines[3].endswith("(18)")


def test_a_group_counts_its_members_only(world: World):
    workflow = {
        "name": "Dagens tilbud",
        "workflow_type": "scheduled",
        "schedule": {
            "schedule_type": "daily",
            "schedule_config": {"time": "06:00", "weekdays_only": True},
        },
        "steps": [
            {
                "step_type": "send_email",
                "action_config": {
                    "template_id": world.order_form.pk,
                    "recipients": {"group": "kafeer"},
                },
            }
        ],
    }
    assert texts(workflow) == [
        "Dagens tilbud",
        "Hver hverdag kl. 06:00 (Europe/Oslo)",
        "Hverdager 06:00 \N{EN DASH} Send Bestillingsskjema til gruppen Kafeer (5)",
    ]


def test_since_last_monday_counts_orders_from_that_monday(world: World):
    # Wednesday 2026-04-01 12:00 Oslo; last Monday is 2026-03-30.
    now = datetime(2026, 4, 1, 10, 0, tzinfo=UTC)
    for customer in world.customers:
        customer.orders.all().delete()
    OrderFactory(customer=world.customers[0], created_at=datetime(2026, 3, 31, 9, tzinfo=UTC))
    OrderFactory(customer=world.customers[1], created_at=datetime(2026, 3, 27, 9, tzinfo=UTC))
    workflow = {
        "name": "Purring",
        "workflow_type": "scheduled",
        "schedule": {
            "schedule_type": "weekly",
            "schedule_config": {"day": "wednesday", "time": "13:00"},
        },
        "steps": [
            {
                "step_type": "send_email",
                "action_config": {
                    "template_id": world.reminder.pk,
                    "recipients": {"group": "all"},
                },
                "condition_config": {"check": "orders_missing", "since": "last_monday"},
            }
        ],
    }
    lines = texts(workflow, now=now)
    # Only the order placed on Tuesday counts: 24 of 25 have not ordered since Monday.
    assert lines[2] == (
        "Onsdag 13:00 \N{EN DASH} Send Påminnelse til alle kunder som ikke har bestilt "
        "siden mandag (24)"
    )


def test_days_back_window(world: World):
    workflow = {
        "name": "Påminnelse",
        "workflow_type": "scheduled",
        "schedule": {"schedule_type": "daily", "schedule_config": {"time": "11:00"}},
        "steps": [
            {
                "step_type": "send_email",
                "action_config": {
                    "template_id": world.reminder.pk,
                    "recipients": {"group": "all"},
                },
                "condition_config": {"check": "orders_missing", "days_back": 5},
            }
        ],
    }
    assert texts(workflow, "en")[2] == (
        "Daily 11:00 \N{EN DASH} Send Påminnelse to all customers who have not ordered "
        "in the last 5 days (20)"
    )


def _confirmation_on_order(world: World, **step: Any) -> dict[str, Any]:
    """An order.created workflow sending the confirmation to the event's customer."""
    return {
        "name": "Ordrebekreftelse",
        "workflow_type": "event_based",
        "event": {"type": "order.created"},
        "steps": [
            {
                "step_type": "send_email",
                "action_config": {
                    "template_id": world.confirmation.pk,
                    "recipients": {"event_customer": True},
                },
                **step,
            }
        ],
    }


def test_event_based_workflow_has_no_count(world: World):
    workflow = _confirmation_on_order(world)
    normalised = validate_workflow(workflow).raise_if_invalid()
    lines = workflow_preview(normalised, language="nb")
    assert [line.text for line in lines] == [
        "Ordrebekreftelse",
        "Når en kunde legger inn en ordre",
        "Straks \N{EN DASH} Send Ordrebekreftelse til kunden i hendelsen",
    ]
    assert lines[-1].count is None


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nb",
            "Straks \N{EN DASH} Send Ordrebekreftelse til kunden i hendelsen, bare når "
            "kunden er i gruppen Kafeer",
        ),
        (
            "en",
            "Right away \N{EN DASH} Send Ordrebekreftelse to the customer of the event, "
            "only when they are in the group Kafeer",
        ),
    ],
)
def test_an_event_step_for_one_group_says_when_it_sends(
    world: World, language: str, expected: str
) -> None:
    from customers.models import CustomerGroup

    group = CustomerGroup.objects.get_or_create(slug="kafeer", defaults={"name": "Kafeer"})[0]
    workflow = _confirmation_on_order(
        world, condition_config={"check": "customer_filter", "group": group.slug}
    )
    normalised = validate_workflow(workflow).raise_if_invalid()
    lines = workflow_preview(normalised, language=language)
    assert lines[-1].text == expected.replace("Kafeer", group.name)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nb",
            [
                "Varsel om tomt lager",
                "Når webhooken «lager-lavt» mottas",
                "Straks \N{EN DASH} Send Ordrebekreftelse til kunden webhooken gjelder",
            ],
        ),
        (
            "en",
            [
                "Varsel om tomt lager",
                "When the webhook “lager-lavt” is received",
                "Right away \N{EN DASH} Send Ordrebekreftelse to the customer the webhook is about",
            ],
        ),
    ],
)
def test_a_webhook_step_for_the_event_customer_names_the_webhooks_customer(
    world: World, language: str, expected: list[str]
) -> None:
    workflow = {
        **_confirmation_on_order(world),
        "name": "Varsel om tomt lager",
        "event": {"type": "webhook", "name": "lager-lavt"},
    }
    normalised = validate_workflow(workflow).raise_if_invalid()
    lines = workflow_preview(normalised, language=language)
    assert [line.text for line in lines] == expected
    assert lines[-1].count is None  # known only when the webhook comes


def test_monthly_report_and_standing_order(world: World):
    workflow = {
        "name": "Månedsrapport",
        "workflow_type": "scheduled",
        "schedule": {
            "schedule_type": "monthly",
            "schedule_config": {"day_of_month": "last", "time": "09:00"},
        },
        "steps": [
            {
                "step_type": "generate_report",
                "action_config": {"report": "weekly_orders", "send_to": ["leder@firma.no"]},
            },
            {
                "step_type": "create_order",
                "trigger_type": "time_based",
                "trigger_config": {"time": "10:00"},
                "action_config": {"recipients": {"group": "butikker"}, "mode": "repeat_last"},
                "condition_config": {"check": "orders_missing", "since": "execution_start"},
            },
        ],
    }
    assert texts(workflow) == [
        "Månedsrapport",
        "Siste dag i hver måned kl. 09:00 (Europe/Oslo)",
        "Siste dag i måneden 09:00 \N{EN DASH} Send ukesrapport over bestillinger til "
        "leder@firma.no",
        "10:00 \N{EN DASH} Opprett ordre (gjenta siste ordre) for gruppen Butikker som ikke "
        "har bestilt siden kjøringen startet (20)",
    ]


def test_from_step_counts_the_earlier_steps_customers(world: World):
    workflow = copy.deepcopy(running_example(world))
    workflow["steps"] = [
        {
            "step_type": "check_condition",
            "condition_config": {"check": "has_ordered", "days_back": 7},
        },
        {
            "step_type": "send_email",
            "action_config": {
                "template_id": world.confirmation.pk,
                "recipients": {"from_step": 1},
            },
        },
    ]
    lines = texts(workflow)
    assert lines[2] == "Mandag 09:00 \N{EN DASH} Finn kunder som har bestilt de siste 7 dagene (5)"
    assert lines[3] == "Deretter \N{EN DASH} Send Ordrebekreftelse til kundene fra steg 1 (5)"


def test_inactive_customers_are_never_counted(world: World):
    CustomerFactory.create_batch(3, active=False)
    assert texts(running_example(world))[2].endswith("(25)")


@pytest.mark.parametrize(
    ("event", "nb", "en"),
    [
        ({"type": "webhook"}, "Når en webhook mottas", "When a webhook is received"),
        (
            {"type": "webhook", "name": "kjøl-tom"},
            "Når webhooken «kjøl-tom» mottas",
            "When the webhook “kjøl-tom” is received",
        ),
        (
            {"type": "order.created"},
            "Når en kunde legger inn en ordre",
            "When a customer places an order",
        ),
    ],
)
def test_an_event_is_said_in_words_and_a_named_webhook_by_its_name(
    event: dict, nb: str, en: str
) -> None:
    from automation.preview import event_text
    from automation.wording import Words

    assert (event_text(event, Words("nb")), event_text(event, Words("en"))) == (nb, en)
