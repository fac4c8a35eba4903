"""Shared test data for the workflow-format tests: referenced rows and the running example."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from automation.models import Integration
from customers.models import Customer, CustomerGroup
from templates_app.models import EmailTemplate


@dataclass
class Refs:
    """Rows a valid workflow may reference."""

    order_form: EmailTemplate
    reminder: EmailTemplate
    group: CustomerGroup
    customers: list[Customer]
    integration: Integration
    inactive_integration: Integration


def make_refs() -> Refs:
    return Refs(
        order_form=EmailTemplate.objects.create(
            name="Bestillingsskjema",
            subject="Bestill nå",
            body_html="<p>Hei {{ kunde_navn }}</p>",
            category="bestilling",
        ),
        reminder=EmailTemplate.objects.create(
            name="Påminnelse",
            subject="Husk å bestille",
            body_html="<p>Husk {{ kunde_navn }}</p>",
            category="reminder",
        ),
        group=CustomerGroup.objects.create(name="Kafeer", slug="kafeer"),
        customers=[
            Customer.objects.create(name=f"Kunde {i}", email=f"kunde{i}@example.com")
            for i in range(3)
        ],
        integration=Integration.objects.create(name="ERP", base_url="https://erp.example.com/api/"),
        inactive_integration=Integration.objects.create(
            name="Old ERP", base_url="https://old.example.com/", is_active=False
        ),
    )


RUNNING_EXAMPLE: dict[str, Any] = {
    "name": "Ukentlig bestilling",
    "description": "Bestillingsskjema mandag 09:00, påminnelse torsdag 15:00",
    "workflow_type": "scheduled",
    "schedule": {
        "schedule_type": "weekly",
        "schedule_config": {"day": "monday", "time": "09:00"},
        "timezone": "Europe/Oslo",
    },
    "steps": [
        {
            "step_order": 1,
            "name": "Send bestillingsskjema",
            "step_type": "send_email",
            "trigger_type": "time_based",
            "trigger_config": {"day": "monday", "time": "09:00"},
            "action_config": {"template_id": 1, "recipients": {"group": "all"}},
        },
        {
            "step_order": 2,
            "name": "Påminnelse",
            "step_type": "send_email",
            "trigger_type": "time_based",
            "trigger_config": {"day": "thursday", "time": "15:00"},
            "action_config": {"template_id": 2, "recipients": {"group": "all"}},
            "condition_config": {"check": "orders_missing", "since": "execution_start"},
        },
    ],
}


def running_example(refs: Refs) -> dict[str, Any]:
    """The running example of workflow-format.md with this database's template ids."""
    doc = copy.deepcopy(RUNNING_EXAMPLE)
    doc["steps"][0]["action_config"]["template_id"] = refs.order_form.pk
    doc["steps"][1]["action_config"]["template_id"] = refs.reminder.pk
    return doc
