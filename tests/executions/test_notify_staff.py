"""notify_staff, the step type added as one module (executions/steps/notify_staff.py): the API
and the validator, the engine, test runs, the preview, the DSL in both languages and the
offline assistant in both languages all know it through the registry alone."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from rest_framework.test import APIClient

from ai_assistant.context import ParseContext
from ai_assistant.dsl import compile_script, export_script
from ai_assistant.offline import parse_description
from automation.preview import workflow_preview
from automation.validation import validate_workflow
from executions import engine
from executions.lifecycle import execution_test_run
from executions.models import WorkflowActionLog, WorkflowExecution
from tests.customers.factories import CustomerFactory, CustomerGroupFactory, OrderFactory

pytestmark = pytest.mark.django_db

STEP = {
    "step_order": 1,
    "name": "Si fra til salg",
    "step_type": "notify_staff",
    "action_config": {
        "recipients": {"group": "all"},
        "staff_group": "salg",
        "send_to": ["sjef@example.com"],
    },
    "condition_config": {"check": "orders_missing", "days_back": 21},
}


@pytest.fixture
def sales() -> Group:
    group = Group.objects.create(name="salg")
    users = get_user_model().objects
    for name, email, active in (("kari", "kari@example.com", True), ("ola", "", True)):
        users.create_user(username=name, email=email, is_active=active).groups.add(group)
    users.create_user(username="gone", email="gone@example.com", is_active=False).groups.add(group)
    return group


@pytest.fixture
def customers(clock) -> dict[str, Any]:
    quiet = CustomerFactory(name="Kafé Stille", email="stille@example.com", phone="12345678")
    busy = CustomerFactory(name="Butikk Travel", email="travel@example.com")
    OrderFactory(customer=busy, created_at=clock.now - dt.timedelta(days=3))
    OrderFactory(customer=quiet, created_at=clock.now - dt.timedelta(days=40))
    return {"quiet": quiet, "busy": busy}


def test_the_validator_checks_whom_to_tell(sales: Group) -> None:
    def errors(action: dict[str, Any]) -> list[tuple[str, str]]:
        doc = {
            "name": "Varsel",
            "workflow_type": "scheduled",
            "schedule": {"schedule_type": "daily", "schedule_config": {"time": "08:00"}},
            "steps": [{**STEP, "action_config": action}],
        }
        return [(e["path"], e["code"]) for e in validate_workflow(doc).errors]

    assert errors(STEP["action_config"]) == []
    assert errors({"recipients": {"group": "all"}}) == [
        ("/steps/0/action_config", "staff_required")
    ]
    assert errors({"recipients": {"group": "all"}, "staff_group": "lager"}) == [
        ("/steps/0/action_config/staff_group", "unknown_staff_group")
    ]
    assert errors({"recipients": {"group": "all"}, "send_to": ["ikke en adresse"]}) == [
        ("/steps/0/action_config/send_to/0", "invalid_email")
    ]
    assert errors({"staff_group": "salg"}) == [("/steps/0/action_config/recipients", "required")]


def test_a_business_user_creates_it_through_the_api(sales: Group) -> None:
    user = get_user_model().objects.create_user(username="bente")
    user.groups.add(Group.objects.get_or_create(name="business")[0])
    business = APIClient()
    business.force_authenticate(user)
    doc = {
        "name": "Varsle salg",
        "workflow_type": "scheduled",
        "schedule": {
            "schedule_type": "weekly",
            "schedule_config": {"day": "monday", "time": "08:00"},
        },
        "steps": [STEP],
    }
    response = business.post("/api/v1/workflow-automation/workflows", doc, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["steps"][0]["action_config"]["staff_group"] == "salg"


def test_it_tells_staff_once_about_the_customers_it_finds(
    clock, queue, mail_backend, mailoutbox, make_workflow, start_execution, sales, customers
) -> None:
    workflow = make_workflow([STEP])
    execution = start_execution(workflow)

    engine.run_execution(execution.pk)
    assert queue.of("email") == [(execution.pk, 1, "notify_staff", None)]
    queue.drain()
    # A redelivered message sends nothing more.
    engine.run_step_work(execution.pk, 1, "notify_staff", None)

    (notice,) = mailoutbox
    assert sorted(notice.to) == ["kari@example.com", "sjef@example.com"]
    assert "Kafé Stille" in notice.body and "12345678" in notice.body
    assert "Butikk Travel" not in notice.body  # ordered three days ago
    html = notice.alternatives[0][0]
    assert "Kafé Stille" in html and "<td>" in html
    assert notice.subject == f"{workflow.name}: 1 kunde"  # the business's language
    execution.refresh_from_db()
    assert execution.status == WorkflowExecution.Status.COMPLETED
    assert execution.context["outputs"]["1"] == [customers["quiet"].pk]
    row = WorkflowActionLog.objects.get(execution=execution, action_type="notify_staff")
    assert row.status == "success" and row.result_data["customers"] == 1


def test_with_nobody_to_tell_about_nothing_is_sent(
    clock, queue, mail_backend, mailoutbox, make_workflow, start_execution, sales
) -> None:
    CustomerFactory()  # no order ever, but the step only looks at group "kafeer"
    CustomerGroupFactory(slug="kafeer", name="Kafeer")
    step = {**STEP, "action_config": {**STEP["action_config"], "recipients": {"group": "kafeer"}}}
    execution = start_execution(make_workflow([step]))

    engine.run_execution(execution.pk)
    queue.drain()

    assert mailoutbox == []
    execution.refresh_from_db()
    assert execution.status == WorkflowExecution.Status.COMPLETED
    row = WorkflowActionLog.objects.get(execution=execution)
    assert (row.status, row.result_data["reason"]) == ("skipped", "no customers to tell about")


def test_a_group_without_addresses_fails_the_step(
    clock, queue, mail_backend, mailoutbox, make_workflow, start_execution, customers
) -> None:
    Group.objects.create(name="lager")
    step = {**STEP, "action_config": {"recipients": {"group": "all"}, "staff_group": "lager"}}
    execution = start_execution(make_workflow([step]))

    engine.run_execution(execution.pk)

    execution.refresh_from_db()
    assert execution.status == WorkflowExecution.Status.FAILED
    assert "lager" in execution.error_message
    assert mailoutbox == []


def test_a_test_run_says_whom_it_would_tell_and_sends_nothing(
    clock, mail_backend, mailoutbox, make_workflow, sales, customers
) -> None:
    execution = execution_test_run(workflow=make_workflow([STEP]), by=None)

    assert execution.status == WorkflowExecution.Status.COMPLETED
    row = WorkflowActionLog.objects.get(execution=execution)
    assert row.result_data["would_tell"] == ["kari@example.com", "sjef@example.com"]
    assert mailoutbox == []


def test_the_preview_says_it_in_both_languages(clock, sales, customers) -> None:
    doc = validate_workflow(
        {
            "name": "Varsel",
            "workflow_type": "scheduled",
            "schedule": {
                "schedule_type": "weekly",
                "schedule_config": {"day": "monday", "time": "08:00"},
            },
            "steps": [STEP],
        }
    ).normalised
    nb = workflow_preview(doc, language="nb")[-1].text
    en = workflow_preview(doc, language="en")[-1].text
    assert nb == (
        "Mandag 08:00 \N{EN DASH} Si fra til gruppen salg og sjef@example.com om alle kunder "
        "som ikke har bestilt de siste 21 dagene (1)"
    )
    assert en == (
        "Monday 08:00 \N{EN DASH} Notify the group salg and sjef@example.com about all "
        "customers who have not ordered in the last 21 days (1)"
    )


@pytest.mark.parametrize(
    ("language", "script"),
    [
        (
            "python",
            'flow = workflow("Varsel", schedule=weekly("monday", "08:00"))\n'
            'flow.notify_staff(about=everyone(), staff_group="salg", send_to="sjef@example.com",'
            " condition=orders_missing(days_back=21))\n",
        ),
        (
            "javascript",
            'const flow = workflow("Varsel", {schedule: weekly("monday", "08:00")});\n'
            'flow.notifyStaff({about: everyone(), staffGroup: "salg", sendTo: ["sjef@example.com"],'
            " condition: ordersMissing({daysBack: 21})});\n",
        ),
    ],
)
def test_the_dsl_writes_it_in_both_languages(sales: Group, language: str, script: str) -> None:
    compiled = compile_script(script, language=language)
    assert compiled.ok, compiled.errors
    result = validate_workflow(compiled.workflow)
    assert result.errors == []
    step = result.normalised["steps"][0]
    assert step["step_type"] == "notify_staff"
    assert step["action_config"] == {
        "recipients": {"group": "all"},
        "staff_group": "salg",
        "send_to": ["sjef@example.com"],
    }
    # And back: the exported script compiles to the same document.
    exported = export_script(result.normalised, language=language)
    assert f"flow.{'notify_staff' if language == 'python' else 'notifyStaff'}(" in exported
    again = validate_workflow(compile_script(exported, language=language).workflow).normalised
    assert again == result.normalised


@pytest.mark.parametrize(
    ("text", "group", "days_back"),
    [
        ("Hver mandag kl 8: si fra til salg om kunder som ikke har bestilt på tre uker", "all", 21),
        ("Varsle selgerne hver fredag kl 12 om kafeene uten ordre siste 14 dager", "kafeer", 14),
        (
            "Every weekday at 7 notify sales about cafés that have not ordered in 14 days",
            "kafeer",
            14,
        ),
    ],
)
def test_the_offline_assistant_drafts_it_in_both_languages(
    sales: Group, text: str, group: str, days_back: int
) -> None:
    CustomerGroupFactory(slug="kafeer", name="Kafeer")
    context = ParseContext.from_db(today=dt.date(2026, 12, 7))

    outcome = parse_description(text, context=context)

    assert outcome.question is None, outcome.question
    result = validate_workflow(outcome.workflow)
    assert result.errors == []
    (step,) = result.normalised["steps"]
    assert step["step_type"] == "notify_staff"
    assert step["action_config"]["staff_group"] == "salg"
    assert step["action_config"]["recipients"] == {"group": group}
    assert step["condition_config"] == {"check": "orders_missing", "days_back": days_back}


def test_the_offline_assistant_asks_whom_to_tell(sales: Group) -> None:
    context = ParseContext.from_db(today=dt.date(2026, 12, 7))
    outcome = parse_description("Hver dag kl 8 si fra til teamet om nye kunder", context=context)
    assert outcome.workflow is None
    assert "Hvem skal få beskjed" in outcome.question
