"""The admin, model by model: every page opens, nothing is N+1, audit trails stay read-only.

The page tests iterate over ``admin.site._registry``, so a newly registered model is covered
without touching this file; ``sample_objects`` needs one line per new model for its change page.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.db import connection
from django.db.models import Model
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_celery_beat.models import (
    ClockedSchedule,
    CrontabSchedule,
    IntervalSchedule,
    PeriodicTask,
    SolarSchedule,
)
from django_celery_results.models import GroupResult, TaskResult

import executions.admin
from ai_assistant.models import AIRequestLog, ChatMessage, ChatSession
from audit.models import AuditEvent
from automation.models import (
    ClosedDay,
    Integration,
    WorkflowDefinition,
    WorkflowSchedule,
    WorkflowStep,
    WorkflowVersion,
)
from customers.models import Customer, CustomerGroup, Order
from executions.models import (
    EmailDecision,
    ExecutionTransition,
    Installation,
    WorkflowActionLog,
    WorkflowExecution,
    WorkLease,
)
from templates_app.models import EmailTemplate
from tests.customers.factories import CustomerFactory, CustomerGroupFactory, OrderFactory

PROJECT_APPS = ["customers", "templates_app", "automation", "executions", "ai_assistant", "audit"]
REGISTERED_MODELS = list(admin.site._registry)
SEARCHABLE_MODELS = [
    m for m, model_admin in admin.site._registry.items() if model_admin.search_fields
]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings) -> None:
    # Every test creates a superuser, and the production hasher is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def label(model: type[Model]) -> str:
    return model._meta.label


def admin_url(model: type[Model], page: str, *args: object) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}", args=args)


def make_workflow(name: str = "Ukentlig bestilling") -> WorkflowDefinition:
    return WorkflowDefinition.objects.create(
        name=name, workflow_type=WorkflowDefinition.WorkflowType.SCHEDULED
    )


def make_execution(workflow: WorkflowDefinition) -> WorkflowExecution:
    return WorkflowExecution.objects.create(
        workflow=workflow, trigger=WorkflowExecution.Trigger.MANUAL
    )


def make_log(execution: WorkflowExecution, target_id: int) -> WorkflowActionLog:
    return WorkflowActionLog.objects.create(
        execution=execution,
        step_order=1,
        action_type="send_email",
        target_type=WorkflowActionLog.TargetType.CUSTOMER,
        target_id=target_id,
        status=WorkflowActionLog.Status.SUCCESS,
    )


@pytest.fixture
def sample_objects(db, admin_user: User) -> dict[type[Model], Model]:
    """One saved object of every registered model, to open its change page."""
    group = CustomerGroupFactory(name="Butikker", slug="butikker")
    customer = CustomerFactory(groups=[group], external_id="K-1")
    order = OrderFactory(customer=customer)
    template = EmailTemplate.objects.create(
        name="Bestillingsskjema", subject="Ukens bestilling", body_html="<p>Hei</p>"
    )
    workflow = make_workflow()
    version = WorkflowVersion.objects.create(workflow=workflow, version=1, definition={"a": 1})
    step = WorkflowStep.objects.create(
        workflow=workflow, step_order=1, step_type="send_email", template=template
    )
    schedule = WorkflowSchedule.objects.create(
        workflow=workflow, schedule_type="weekly", schedule_config={"day": "monday"}
    )
    integration = Integration.objects.create(
        name="Regnskap", base_url="https://erp.example", credentials_encrypted="gAAAA-secret"
    )
    execution = make_execution(workflow)
    transition = ExecutionTransition.objects.create(
        execution=execution, from_status="queued", to_status="running"
    )
    log = make_log(execution, customer.pk)
    interval = IntervalSchedule.objects.create(every=10, period=IntervalSchedule.SECONDS)
    chat = ChatSession.objects.create(user=admin_user, title="Ukentlig bestilling")
    objects: list[Model] = [
        chat,
        ChatMessage.objects.create(session=chat, role="user", content="Send skjema mandag"),
        AIRequestLog.objects.create(provider="offline", status="ok", session=chat),
        group,
        customer,
        order,
        template,
        workflow,
        version,
        step,
        schedule,
        integration,
        execution,
        transition,
        log,
        EmailDecision.objects.create(
            action_log=log,
            execution=execution,
            message_id="<wf-1.1.1@example.com>",
            decision="marked_delivered",
            decided_by=admin_user,
        ),
        Installation.objects.get_or_create(pk=1, defaults={"key": "0123456789ab"})[0],
        WorkLease.objects.create(
            task_id="task-lease-1",
            execution=execution,
            step_order=1,
            step_type="send_email",
            part=[customer.pk],
            holder="worker-1:123",
            lease_until=timezone.now(),
            taken_at=timezone.now(),
        ),
        admin_user,
        Group.objects.create(name="Kundeservice"),
        interval,
        CrontabSchedule.objects.create(minute="0", hour="9"),
        SolarSchedule.objects.create(event="sunrise", latitude=59.91, longitude=10.75),
        ClockedSchedule.objects.create(clocked_time=timezone.now()),
        PeriodicTask.objects.create(name="admin test", task="debug", interval=interval),
        TaskResult.objects.create(task_id="task-1"),
        GroupResult.objects.create(group_id="group-1"),
        ClosedDay.objects.create(
            name="Inventar", start=datetime.date(2027, 1, 4), end=datetime.date(2027, 1, 5)
        ),
        AuditEvent.objects.create(
            actor=admin_user,
            actor_name=admin_user.username,
            entry_point=AuditEvent.EntryPoint.ADMIN,
            action=AuditEvent.Action.UPDATE,
            object_type="automation.workflowdefinition",
            object_id=str(workflow.pk),
            object_repr=workflow.name,
            changes={"name": {"old": "Gammel", "new": workflow.name}},
        ),
    ]
    return {type(obj): obj for obj in objects}


def test_every_project_model_is_in_the_admin():
    missing = [
        label(model)
        for app_label in PROJECT_APPS
        for model in apps.get_app_config(app_label).get_models()
        if model not in admin.site._registry
    ]
    assert missing == []


@pytest.mark.parametrize("model", REGISTERED_MODELS, ids=label)
def test_changelist_answers_200(admin_client, sample_objects, model):
    response = admin_client.get(admin_url(model, "changelist"))

    assert response.status_code == 200


@pytest.mark.parametrize("model", SEARCHABLE_MODELS, ids=label)
def test_changelist_search_answers_200(admin_client, sample_objects, model):
    response = admin_client.get(admin_url(model, "changelist"), {"q": "a"})

    assert response.status_code == 200


@pytest.mark.parametrize("model", REGISTERED_MODELS, ids=label)
def test_add_page_answers_200_unless_adding_is_deliberately_off(admin_client, admin_user, model):
    request = RequestFactory().get("/")
    request.user = admin_user
    can_add = admin.site._registry[model].has_add_permission(request)

    response = admin_client.get(admin_url(model, "add"))

    assert response.status_code == (200 if can_add else 403)


@pytest.mark.parametrize("model", REGISTERED_MODELS, ids=label)
def test_change_page_answers_200(admin_client, sample_objects, model):
    obj = sample_objects.get(model)
    assert obj is not None, f"add a {label(model)} to sample_objects"

    response = admin_client.get(admin_url(model, "change", obj.pk))

    assert response.status_code == 200


def test_integration_pages_never_show_the_credentials(admin_client, sample_objects):
    integration = sample_objects[Integration]

    change = admin_client.get(admin_url(Integration, "change", integration.pk))
    listing = admin_client.get(admin_url(Integration, "changelist"))

    for response in (change, listing):
        assert b"gAAAA-secret" not in response.content
        assert b"credentials_encrypted" not in response.content


def test_action_logs_are_a_read_only_inline_of_their_execution(admin_client, admin_user):
    execution = make_execution(make_workflow())
    make_log(execution, target_id=4242)
    request = RequestFactory().get("/")
    request.user = admin_user
    execution_admin = admin.site._registry[WorkflowExecution]
    inline = next(
        i
        for i in execution_admin.get_inline_instances(request, execution)
        if i.model is WorkflowActionLog
    )

    response = admin_client.get(admin_url(WorkflowExecution, "change", execution.pk))

    assert response.status_code == 200
    assert b"4242" in response.content
    assert not inline.has_add_permission(request, execution)
    assert not inline.has_change_permission(request, execution)
    assert not inline.has_delete_permission(request, execution)
    assert b'name="action_logs-0-status"' not in response.content


def test_execution_page_shows_the_first_logs_and_links_to_all_of_them(admin_client, monkeypatch):
    monkeypatch.setattr(executions.admin, "INLINE_LOG_LIMIT", 2)
    execution = make_execution(make_workflow())
    for target_id in (9001, 9002, 9003):
        make_log(execution, target_id)

    response = admin_client.get(admin_url(WorkflowExecution, "change", execution.pk))

    content = response.content.decode()
    assert "9001" in content and "9002" in content
    assert "9003" not in content
    assert f"execution__id__exact={execution.pk}" in content


def test_action_log_list_filters_by_execution(admin_client):
    workflow = make_workflow()
    first, second = make_execution(workflow), make_execution(workflow)
    make_log(first, 111111)
    make_log(second, 222222)

    response = admin_client.get(
        admin_url(WorkflowActionLog, "changelist"), {"execution__id__exact": first.pk}
    )

    assert response.status_code == 200
    assert b"111111" in response.content
    assert b"222222" not in response.content


# --- Changelists do a fixed number of queries, however many rows they show ------------------


def _make_customer() -> None:
    CustomerFactory(groups=[CustomerGroupFactory()])
    OrderFactory(customer=CustomerFactory())


def _make_audit_event() -> None:
    AuditEvent.objects.create(
        actor=User.objects.create_user(f"u{User.objects.count()}"),
        entry_point=AuditEvent.EntryPoint.API,
        action=AuditEvent.Action.CREATE,
        object_type="customers.customergroup",
        object_repr="Butikker",
    )


def _make_workflow_with_everything() -> None:
    workflow = make_workflow(name=f"wf {WorkflowDefinition.objects.count()}")
    WorkflowStep.objects.create(workflow=workflow, step_order=1, step_type="send_email")
    WorkflowSchedule.objects.create(workflow=workflow, schedule_type="daily")
    WorkflowVersion.objects.create(workflow=workflow, version=1, definition={})
    execution = make_execution(workflow)
    log = make_log(execution, target_id=CustomerFactory().pk)
    ExecutionTransition.objects.create(execution=execution, to_status="running")
    EmailDecision.objects.create(
        action_log=log, execution=execution, message_id="<m@x>", decision="resent"
    )


@pytest.mark.parametrize(
    ("model", "make_rows"),
    [
        (Customer, _make_customer),
        (CustomerGroup, _make_customer),
        (Order, _make_customer),
        (WorkflowDefinition, _make_workflow_with_everything),
        (WorkflowVersion, _make_workflow_with_everything),
        (WorkflowStep, _make_workflow_with_everything),
        (WorkflowSchedule, _make_workflow_with_everything),
        (WorkflowExecution, _make_workflow_with_everything),
        (WorkflowActionLog, _make_workflow_with_everything),
        (ExecutionTransition, _make_workflow_with_everything),
        (AuditEvent, _make_audit_event),
        (EmailDecision, _make_workflow_with_everything),
    ],
    ids=lambda value: label(value) if isinstance(value, type) else "",
)
def test_changelist_queries_do_not_grow_with_the_rows(
    admin_client, model: type[Model], make_rows: Callable[[], None]
):
    url = admin_url(model, "changelist")
    make_rows()
    admin_client.get(url)  # warm caches (content types, session) out of the count
    with CaptureQueriesContext(connection) as one_row:
        admin_client.get(url)
    for _ in range(5):
        make_rows()
    with CaptureQueriesContext(connection) as six_rows:
        admin_client.get(url)

    assert len(six_rows) == len(one_row), [q["sql"] for q in six_rows.captured_queries]
