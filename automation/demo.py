"""Demo data: a Norwegian wholesaler, its customers, orders, email templates, the running
example workflow "Ukentlig bestilling" (see docs/workflow-format.md), left a draft for the user
to activate, and an active "Ordrebekreftelse" workflow that confirms every new order by email
(the order form's thank-you page promises that confirmation).

``demo_load()`` is idempotent. Every row has a stable natural key (group slug, customer
``external_id``, order ``external_id``, template name, workflow name, username) and is only
created when that key is missing; rows that exist are left exactly as they are, so running
the demo twice changes nothing and never overwrites what a user edited in between.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from automation.models import WorkflowDefinition
from automation.services import workflow_create, workflow_deploy
from customers.models import Customer, CustomerGroup, Order
from customers.services import customer_create, customers_unsubscribe, order_create
from templates_app.gallery import GALLERY, gallery_body_html
from templates_app.models import EmailTemplate
from templates_app.services import template_create

ADMIN_USERNAME = "admin"
ADMIN_EMAIL = "admin@nordgrossisten.example"
WORKFLOW_NAME = "Ukentlig bestilling"
CONFIRMATION_WORKFLOW_NAME = "Ordrebekreftelse"

GROUPS: list[tuple[str, str, str]] = [
    ("butikker", "Butikker", "Dagligvare, kolonial og delikatesse."),
    ("kafeer", "Kafeer", "Kafeer, bakerier og kaffebarer."),
    ("restauranter", "Restauranter", "Restauranter, bistroer og vertshus."),
]


@dataclass(frozen=True)
class DemoCustomer:
    external_id: str
    name: str
    email: str
    group: str
    language: str = Customer.Language.NB
    active: bool = True
    unsubscribed: bool = False


CUSTOMERS: list[DemoCustomer] = [
    # Butikker
    DemoCustomer(
        "K-1001",
        "Grønnsakshjørnet Majorstuen",
        "post@gronnsakshjornet-majorstuen.example",
        "butikker",
    ),
    DemoCustomer("K-1002", "Jacobsens Kolonial", "post@jacobsens-kolonial.example", "butikker"),
    # Closed for the winter: shows that inactive customers get no email.
    DemoCustomer(
        "K-1003",
        "Fjordkiosken Drøbak",
        "post@fjordkiosken-drobak.example",
        "butikker",
        active=False,
    ),
    DemoCustomer(
        "K-1004", "Bygdebutikken Hemsedal", "post@bygdebutikken-hemsedal.example", "butikker"
    ),
    DemoCustomer(
        "K-1005", "Delikatessen på Vulkan", "ordre@delikatessen-vulkan.example", "butikker"
    ),
    DemoCustomer("K-1006", "Nærbutikken Sagene", "post@naerbutikken-sagene.example", "butikker"),
    # Unsubscribed from marketing: still gets order confirmations, never the weekly form.
    DemoCustomer(
        "K-1007",
        "Helsekost Tromsø",
        "post@helsekost-tromso.example",
        "butikker",
        unsubscribed=True,
    ),
    DemoCustomer(
        "K-1008", "Torgets Frukt og Grønt Bergen", "bestilling@torgets-frukt.example", "butikker"
    ),
    DemoCustomer("K-1009", "Lofoten Landhandel", "post@lofoten-landhandel.example", "butikker"),
    # Kafeer
    DemoCustomer(
        "K-1010",
        "Kaffebrenneriet Grünerløkka",
        "post@kaffebrenneriet-grunerlokka.example",
        "kafeer",
    ),
    DemoCustomer("K-1011", "Café Fjellstua", "post@cafe-fjellstua.example", "kafeer"),
    DemoCustomer("K-1012", "Bakeriet på Bryggen", "post@bakeriet-bryggen.example", "kafeer"),
    DemoCustomer("K-1013", "Kaffekroken Trondheim", "post@kaffekroken-trondheim.example", "kafeer"),
    DemoCustomer("K-1014", "Søstrene Kanel Kafé", "post@sostrene-kanel.example", "kafeer"),
    DemoCustomer(
        "K-1015", "Nordic Bean Coffee Bar", "hello@nordicbean.example", "kafeer", language="en"
    ),
    DemoCustomer("K-1016", "Lillebrors Kafé Stavanger", "post@lillebrors-kafe.example", "kafeer"),
    DemoCustomer("K-1017", "Kafé Solsiden", "post@kafe-solsiden.example", "kafeer"),
    # Restauranter
    DemoCustomer(
        "K-1018", "Restaurant Fjord & Fjell", "kjokken@fjordogfjell.example", "restauranter"
    ),
    DemoCustomer(
        "K-1019",
        "Brasseriet Aker Brygge",
        "kjokken@brasseriet-akerbrygge.example",
        "restauranter",
    ),
    DemoCustomer(
        "K-1020",
        "Trattoria Bella Vista Oslo",
        "orders@bellavista-oslo.example",
        "restauranter",
        language="en",
    ),
    DemoCustomer(
        "K-1021", "Sjømatrestauranten Kaikanten", "post@kaikanten.example", "restauranter"
    ),
    DemoCustomer("K-1022", "Vertshuset Røros", "post@vertshuset-roros.example", "restauranter"),
    DemoCustomer("K-1023", "Smak Bistro Tromsø", "post@smak-bistro.example", "restauranter"),
    DemoCustomer(
        "K-1024",
        "The Harbour Kitchen Ålesund",
        "kitchen@harbourkitchen-alesund.example",
        "restauranter",
        language="en",
    ),
    DemoCustomer(
        "K-1025", "Gamle Christiania Spiseri", "post@gamle-christiania.example", "restauranter"
    ),
]

PRODUCTS: dict[str, str] = {
    "MEL-25": "Hvetemel 25 kg",
    "RUG-10": "Sammalt rugmel 10 kg",
    "SUK-10": "Sukker 10 kg",
    "SMR-10": "Meierismør 10 kg",
    "EGG-180": "Egg, brett à 180 stk",
    "KAF-1": "Kaffebønner, mellomristet 1 kg",
    "MLK-10": "Helmelk 10 x 1 l",
    "OST-5": "Gulost 5 kg",
    "LKS-1": "Røkt laks 1 kg",
    "POT-25": "Poteter 25 kg",
    "OLJ-5": "Rapsolje 5 l",
    "FLT-6": "Kremfløte 6 x 1 l",
}


@dataclass(frozen=True)
class DemoOrder:
    external_id: str
    customer: str  # customer external_id
    days_ago: int
    time: str  # local wall-clock time, settings.TIME_ZONE
    lines: tuple[tuple[str, int], ...]  # (sku, quantity)


# Spread over the past four weeks, mostly early in the week after the Monday form, the way a
# weekly ordering rhythm looks. Dates are relative to the first run, then frozen in the rows.
ORDERS: list[DemoOrder] = [
    DemoOrder("DEMO-O-001", "K-1012", 27, "07:45", (("MEL-25", 4), ("SMR-10", 2), ("SUK-10", 2))),
    DemoOrder("DEMO-O-002", "K-1018", 27, "10:20", (("LKS-1", 6), ("POT-25", 2), ("FLT-6", 2))),
    DemoOrder("DEMO-O-003", "K-1010", 26, "08:05", (("KAF-1", 12), ("MLK-10", 3))),
    DemoOrder("DEMO-O-004", "K-1002", 25, "13:40", (("MEL-25", 1), ("EGG-180", 1), ("OST-5", 2))),
    DemoOrder("DEMO-O-005", "K-1022", 20, "09:30", (("POT-25", 3), ("SMR-10", 1), ("OLJ-5", 2))),
    DemoOrder("DEMO-O-006", "K-1012", 20, "07:50", (("MEL-25", 5), ("RUG-10", 2), ("EGG-180", 1))),
    DemoOrder("DEMO-O-007", "K-1015", 19, "11:15", (("KAF-1", 8), ("MLK-10", 4), ("FLT-6", 1))),
    DemoOrder("DEMO-O-008", "K-1005", 18, "14:10", (("OST-5", 3), ("LKS-1", 2))),
    DemoOrder("DEMO-O-009", "K-1020", 13, "10:05", (("MEL-25", 2), ("OLJ-5", 3), ("OST-5", 1))),
    DemoOrder("DEMO-O-010", "K-1010", 13, "08:25", (("KAF-1", 10), ("MLK-10", 3), ("SUK-10", 1))),
    DemoOrder("DEMO-O-011", "K-1021", 12, "12:00", (("LKS-1", 8), ("POT-25", 2), ("FLT-6", 3))),
    DemoOrder("DEMO-O-012", "K-1008", 11, "15:30", (("EGG-180", 2), ("SMR-10", 1))),
    DemoOrder("DEMO-O-013", "K-1012", 6, "07:40", (("MEL-25", 4), ("SMR-10", 2), ("EGG-180", 1))),
    DemoOrder("DEMO-O-014", "K-1019", 5, "09:55", (("POT-25", 2), ("OLJ-5", 2), ("FLT-6", 2))),
    DemoOrder("DEMO-O-015", "K-1013", 4, "10:40", (("KAF-1", 6), ("MLK-10", 2), ("SUK-10", 1))),
]


def ukentlig_bestilling(*, form_template_id: int, reminder_template_id: int) -> dict[str, Any]:
    """The running example of docs/workflow-format.md, with real template ids."""
    return {
        "name": WORKFLOW_NAME,
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
                "action_config": {
                    "template_id": form_template_id,
                    "recipients": {"group": "all"},
                },
            },
            {
                "step_order": 2,
                "name": "Påminnelse",
                "step_type": "send_email",
                "trigger_type": "time_based",
                "trigger_config": {"day": "thursday", "time": "15:00"},
                "action_config": {
                    "template_id": reminder_template_id,
                    "recipients": {"group": "all"},
                },
                "condition_config": {"check": "orders_missing", "since": "execution_start"},
            },
        ],
    }


def ordrebekreftelse(*, template_id: int) -> dict[str, Any]:
    """Every new order is confirmed by email to the customer who placed it."""
    return {
        "name": CONFIRMATION_WORKFLOW_NAME,
        "description": "Bekrefter hver nye ordre på e-post til kunden som bestilte",
        "workflow_type": "event_based",
        "event": {"type": "order.created"},
        "steps": [
            {
                "step_order": 1,
                "name": "Send ordrebekreftelse",
                "step_type": "send_email",
                "action_config": {
                    "template_id": template_id,
                    "recipients": {"event_customer": True},
                },
            }
        ],
    }


@dataclass
class Tally:
    created: int = 0
    existing: int = 0

    def add(self, created: bool) -> None:
        if created:
            self.created += 1
        else:
            self.existing += 1


@dataclass
class DemoResult:
    company: str
    tallies: dict[str, Tally] = field(default_factory=dict)
    admin_username: str = ADMIN_USERNAME
    #: The generated password, set only by the run that created the admin user.
    admin_password: str | None = None


def demo_load() -> DemoResult:
    """Create whatever part of the demo is missing; see the module docstring."""
    result = DemoResult(company=settings.COMPANY_NAME)
    # One transaction: a crash halfway leaves nothing, so a re-run never meets half a demo
    # (say, a customer without its group) that get-or-create would then leave broken.
    with transaction.atomic():
        admin, result.admin_password = _admin_user()
        groups = _groups(result.tallies.setdefault("customer groups", Tally()))
        customers = _customers(groups, result.tallies.setdefault("customers", Tally()))
        _orders(customers, result.tallies.setdefault("orders", Tally()))
        templates = _templates(result.tallies.setdefault("email templates", Tally()))
        workflows = result.tallies.setdefault("workflows", Tally())
        _workflow(admin, templates, workflows)
        _confirmation_workflow(admin, templates, workflows)
    return result


def _admin_user() -> tuple[AbstractBaseUser, str | None]:
    user_model = get_user_model()
    user = user_model._default_manager.filter(username=ADMIN_USERNAME).first()
    if user is not None:
        return user, None
    # Random per installation: a well-known demo password would end up on a reachable server.
    password = secrets.token_urlsafe(12)
    user = user_model._default_manager.create_superuser(
        username=ADMIN_USERNAME, email=ADMIN_EMAIL, password=password
    )
    return user, password


def _groups(tally: Tally) -> dict[str, CustomerGroup]:
    groups: dict[str, CustomerGroup] = {}
    for slug, name, description in GROUPS:
        group, created = CustomerGroup.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )
        tally.add(created)
        groups[slug] = group
    return groups


def _customers(groups: dict[str, CustomerGroup], tally: Tally) -> dict[str, Customer]:
    customers = {
        customer.external_id: customer
        for customer in Customer.objects.filter(external_id__in=[c.external_id for c in CUSTOMERS])
    }
    for spec in CUSTOMERS:
        if spec.external_id in customers:
            # Left as it is: a user may have edited or regrouped the customer since.
            tally.add(False)
            continue
        customer = customer_create(
            name=spec.name,
            email=spec.email,
            language=spec.language,
            active=spec.active,
            groups=[groups[spec.group]],
            external_id=spec.external_id,
        )
        if spec.unsubscribed:
            customers_unsubscribe(customers=Customer.objects.filter(pk=customer.pk))
        tally.add(True)
        customers[spec.external_id] = customer
    return customers


def _order_time(days_ago: int, hhmm: str) -> dt.datetime:
    hour, minute = (int(part) for part in hhmm.split(":"))
    day = timezone.localdate() - dt.timedelta(days=days_ago)
    # make_aware on the local zone keeps the wall-clock time right across DST changes.
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _orders(customers: dict[str, Customer], tally: Tally) -> None:
    existing = set(
        Order.objects.filter(external_id__in=[o.external_id for o in ORDERS]).values_list(
            "external_id", flat=True
        )
    )
    for spec in ORDERS:
        if spec.external_id in existing:
            tally.add(False)
            continue
        # Through the service like every order; it publishes order.created once, on creation,
        # and a re-run never gets here for the same external_id.
        order_create(
            customer=customers[spec.customer],
            lines=[
                {"sku": sku, "name": PRODUCTS[sku], "quantity": quantity}
                for sku, quantity in spec.lines
            ],
            source=Order.Source.IMPORT,
            status=Order.Status.DELIVERED if spec.days_ago >= 7 else Order.Status.CONFIRMED,
            created_at=_order_time(spec.days_ago, spec.time),
            external_id=spec.external_id,
            note="Demodata",
        )
        tally.add(True)


def _templates(tally: Tally) -> dict[str, EmailTemplate]:
    templates = {
        template.name: template
        for template in EmailTemplate.objects.filter(name__in=[e["name"] for e in GALLERY])
    }
    for entry in GALLERY:
        if entry["name"] in templates:
            tally.add(False)
            continue
        # Through the service, so the gallery passes the same sandbox check as a user's edit.
        templates[entry["name"]] = template_create(
            name=entry["name"],
            category=entry["category"],
            subject=entry["subject"],
            body_html=gallery_body_html(entry),
            # Empty on purpose: the text part is derived from the HTML when sending.
            body_text="",
            variables=list(entry["variables"]),
        )
        tally.add(True)
    return templates


def _workflow(
    admin: AbstractBaseUser, templates: dict[str, EmailTemplate], tally: Tally
) -> WorkflowDefinition:
    workflow = WorkflowDefinition.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is not None:
        tally.add(False)
        return workflow
    data = ukentlig_bestilling(
        form_template_id=templates["Bestillingsskjema"].pk,
        reminder_template_id=templates["Påminnelse"].pk,
    )
    # The one validator and save function every entry point uses; it saves a draft (version 1)
    # whose schedule has no next_run until someone deploys it.
    workflow = workflow_create(created_by=admin, data=data)
    tally.add(True)
    return workflow


def _confirmation_workflow(
    admin: AbstractBaseUser, templates: dict[str, EmailTemplate], tally: Tally
) -> WorkflowDefinition:
    workflow = WorkflowDefinition.objects.filter(name=CONFIRMATION_WORKFLOW_NAME).first()
    if workflow is not None:
        tally.add(False)  # left as it is, paused or edited
        return workflow
    data = ordrebekreftelse(template_id=templates["Ordrebekreftelse"].pk)
    workflow = workflow_create(created_by=admin, data=data)
    # Activated after the commit, and after the order.created events of the demo's own orders
    # (their handlers were registered first and run first): those are history, not new orders,
    # and must not be confirmed the moment the demo is loaded.
    transaction.on_commit(partial(_activate, workflow.pk, admin))
    tally.add(True)
    return workflow


def _activate(workflow_pk: int, admin: AbstractBaseUser) -> None:
    workflow_deploy(workflow=WorkflowDefinition.objects.get(pk=workflow_pk), by=admin)
