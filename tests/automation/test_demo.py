"""``manage.py demo``: the Nordgrossisten demo data, its gallery templates, and idempotency."""

from __future__ import annotations

import re
from collections import Counter
from io import StringIO
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management import call_command
from django.db.models import Model
from django.template import Context, Engine
from django.utils import timezone

from automation.demo import WORKFLOW_NAME, demo_load
from automation.models import (
    WorkflowDefinition,
    WorkflowSchedule,
    WorkflowStep,
    WorkflowVersion,
)
from customers import events
from customers.models import Customer, CustomerGroup, Order
from templates_app.gallery import GALLERY, gallery_body_html
from templates_app.models import EmailTemplate
from templates_app.rendering import BUILTIN_VARIABLES, template_check

pytestmark = pytest.mark.django_db

DEMO_MODELS: list[type[Model]] = [
    get_user_model(),
    CustomerGroup,
    Customer,
    Order,
    EmailTemplate,
    WorkflowDefinition,
    WorkflowSchedule,
    WorkflowStep,
    WorkflowVersion,
]


def _snapshot() -> dict[str, list[dict[str, Any]]]:
    """Every field of every row the demo touches (m2m included), keyed by model."""
    return {
        model._meta.label: serializers.serialize("python", model._default_manager.order_by("pk"))
        for model in DEMO_MODELS
    }


def _run_demo_command() -> str:
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def test_demo_creates_about_25_customers_in_the_three_groups() -> None:
    demo_load()

    groups = {g.slug: g.name for g in CustomerGroup.objects.all()}
    assert groups == {"butikker": "Butikker", "kafeer": "Kafeer", "restauranter": "Restauranter"}
    customers = list(Customer.objects.prefetch_related("groups"))
    assert len(customers) == 25
    assert all(len(c.groups.all()) == 1 for c in customers)
    per_group = Counter(c.groups.all()[0].slug for c in customers)
    assert set(per_group) == set(groups)
    assert min(per_group.values()) >= 5
    assert all(re.fullmatch(r"K-\d{4}", c.external_id or "") for c in customers)
    # Reserved TLD: a demo installation must never mail a real shop.
    assert all(c.email.endswith(".example") for c in customers)
    assert Customer.objects.get(external_id="K-1010").email == (
        "post@kaffebrenneriet-grunerlokka.example"
    )


def test_demo_has_english_inactive_and_unsubscribed_customers() -> None:
    demo_load()

    assert Customer.objects.filter(language="en").count() >= 2
    assert Customer.objects.filter(active=False).count() == 1
    unsubscribed = Customer.objects.filter(unsubscribed_at__isnull=False)
    assert unsubscribed.count() == 1
    assert unsubscribed.get().active, "the unsubscribed customer should differ from the inactive"


def test_demo_orders_are_past_imports_with_realistic_lines() -> None:
    demo_load()

    orders = Order.objects.all()
    assert orders.count() == 15
    assert {o.external_id for o in orders} == {f"DEMO-O-{n:03d}" for n in range(1, 16)}
    now = timezone.now()
    for order in orders:
        assert order.source == Order.Source.IMPORT
        assert order.created_at < now
        assert order.lines
        for line in order.lines:
            assert set(line) == {"sku", "name", "quantity"}
            assert line["quantity"] > 0
    lines = [line for order in orders for line in order.lines]
    assert {"sku": "MEL-25", "name": "Hvetemel 25 kg", "quantity": 4} in lines


def test_demo_creates_the_three_gallery_templates() -> None:
    demo_load()

    templates = {t.name: t for t in EmailTemplate.objects.all()}
    assert set(templates) == {"Bestillingsskjema", "Påminnelse", "Ordrebekreftelse"}
    assert templates["Bestillingsskjema"].category == "bestilling"
    assert templates["Påminnelse"].category == "reminder"
    assert templates["Ordrebekreftelse"].category == "confirmation"
    assert templates["Bestillingsskjema"].variables == ["kunde_navn", "bestilling_link"]
    assert templates["Påminnelse"].variables == ["kunde_navn", "bestilling_link"]
    assert "kunde_navn" in templates["Ordrebekreftelse"].variables
    for template in templates.values():
        assert template.subject
        assert template.body_html == gallery_body_html(
            next(e for e in GALLERY if e["name"] == template.name)
        )


@pytest.mark.parametrize("entry", GALLERY, ids=lambda e: e["file"])
def test_gallery_template_passes_the_sandbox_check_without_warnings(entry: dict) -> None:
    check = template_check(
        subject=entry["subject"], body_html=gallery_body_html(entry), variables=entry["variables"]
    )
    assert check.errors == []
    assert check.warnings == []


@pytest.mark.parametrize("entry", GALLERY, ids=lambda e: e["file"])
def test_gallery_template_is_an_email_client_safe_layout(entry: dict) -> None:
    html = gallery_body_html(entry)
    # Every customer email carries the unsubscribe link and links to the order form.
    assert 'href="{{ avmeldingslenke }}"' in html
    assert 'href="{{ bestilling_link }}"' in html
    assert "{{ kunde_navn }}" in html
    assert "{{ firma_navn }}" in html
    # The sandbox allows few tags; the gallery needs none but {% if %}.
    assert set(re.findall(r"{%\s*(\w+)", html)) <= {"if", "else", "endif"}
    # Email clients need inline styles and a fixed maximum width, not a stylesheet.
    assert "<style" not in html
    assert "max-width:600px" in html


@pytest.mark.parametrize("entry", GALLERY, ids=lambda e: e["file"])
def test_gallery_template_renders_and_escapes_values(entry: dict) -> None:
    context = {name: f"<b>{name}</b>" for name in [*entry["variables"], *BUILTIN_VARIABLES]}
    rendered = Engine().from_string(gallery_body_html(entry)).render(Context(context))
    assert "{{" not in rendered
    assert "<b>kunde_navn</b>" not in rendered
    assert "&lt;b&gt;kunde_navn&lt;/b&gt;" in rendered


def test_demo_creates_the_running_example_workflow() -> None:
    demo_load()

    workflow = WorkflowDefinition.objects.get(name=WORKFLOW_NAME)
    assert workflow.workflow_type == "scheduled"
    assert workflow.status == "draft"
    assert not workflow.is_active
    assert workflow.created_by is not None and workflow.created_by.username == "admin"
    assert workflow.versions.count() == 1

    schedule = workflow.schedule
    assert schedule.schedule_type == "weekly"
    assert schedule.schedule_config == {"day": "monday", "time": "09:00"}
    assert schedule.timezone == "Europe/Oslo"
    assert schedule.next_run is None, "a draft is never due"

    form = EmailTemplate.objects.get(name="Bestillingsskjema")
    reminder = EmailTemplate.objects.get(name="Påminnelse")
    first, second = workflow.steps.order_by("step_order")
    assert workflow.steps.count() == 2

    assert (first.step_order, first.step_type, first.trigger_type) == (
        1,
        "send_email",
        "time_based",
    )
    assert first.trigger_config == {"day": "monday", "time": "09:00"}
    assert first.action_config == {"template_id": form.pk, "recipients": {"group": "all"}}
    assert first.template_id == form.pk
    assert first.condition_config == {}

    assert (second.step_order, second.step_type, second.trigger_type) == (
        2,
        "send_email",
        "time_based",
    )
    assert second.trigger_config == {"day": "thursday", "time": "15:00"}
    assert second.action_config == {"template_id": reminder.pk, "recipients": {"group": "all"}}
    assert second.template_id == reminder.pk
    assert second.condition_config == {"check": "orders_missing", "since": "execution_start"}


def test_running_demo_twice_changes_nothing(django_capture_on_commit_callbacks) -> None:
    published: list[str] = []

    def count(event_type: str, payload: dict) -> None:
        published.append(event_type)

    events.subscribe(events.ORDER_CREATED, count)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            first_output = _run_demo_command()
        counts = {label: model._default_manager.count() for label, model in _models()}
        before = _snapshot()
        assert published.count(events.ORDER_CREATED) == 15

        with django_capture_on_commit_callbacks(execute=True):
            second_output = _run_demo_command()
    finally:
        events.unsubscribe(events.ORDER_CREATED, count)

    assert {label: model._default_manager.count() for label, model in _models()} == counts
    assert _snapshot() == before
    assert published.count(events.ORDER_CREATED) == 15, "no event fires again on a re-run"
    assert "25 created" in first_output
    assert "0 created,  25 already present" in second_output


def _models() -> list[tuple[str, type[Model]]]:
    return [(model._meta.label, model) for model in DEMO_MODELS]


def test_demo_creates_an_admin_superuser_and_prints_its_password_once() -> None:
    first = _run_demo_command()

    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff and admin.is_active
    match = re.search(r"created with password: (\S+)", first)
    assert match, first
    assert admin.check_password(match.group(1))

    second = _run_demo_command()
    assert "password:" not in second
    assert match.group(1) not in second
    assert "manage.py changepassword admin" in second


def test_demo_leaves_an_existing_admin_user_alone() -> None:
    user = get_user_model().objects.create_user(username="admin", password="kept-by-owner")

    result = demo_load()

    assert result.admin_password is None
    user.refresh_from_db()
    assert user.check_password("kept-by-owner")
