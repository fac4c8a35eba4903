"""Property: every valid document saves and reads back as its normalised form, exactly."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from automation.models import WorkflowDefinition, WorkflowVersion
from automation.services import workflow_create, workflow_definition, workflow_serialize
from automation.step_config import WEEKDAYS
from automation.validation import validate_workflow
from tests.automation.workflow_docs import Refs, make_refs

pytestmark = pytest.mark.django_db

Doc = dict[str, Any]
Draw = Any

NORWEGIAN = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
# PostgreSQL text and jsonb cannot hold NUL; everything else printable is fair game.
TEXT = st.characters(min_codepoint=32, max_codepoint=0x2FFF, exclude_categories=("Cs",))
EMAILS = st.sampled_from(["leder@firma.no", "ops@example.com", "a.b+c@sub.example.org"])


@pytest.fixture
def refs(db: None) -> Refs:
    return make_refs()


def day() -> st.SearchStrategy[str]:
    # Input may use English or Norwegian names, in any case; storage is English.
    return st.sampled_from([*WEEKDAYS, *NORWEGIAN]).flatmap(
        lambda d: st.sampled_from([d, d.capitalize(), d.upper()])
    )


def hhmm() -> st.SearchStrategy[str]:
    return st.builds(
        lambda h, m, pad: f"{h:02d}:{m:02d}" if pad or h >= 10 else f"{h}:{m:02d}",
        st.integers(0, 23),
        st.integers(0, 59),
        st.booleans(),
    )


def aware_iso() -> st.SearchStrategy[str]:
    offsets = st.sampled_from([0, 60, 120, -300, 330])
    return st.builds(
        lambda d, off: d.replace(tzinfo=dt.timezone(dt.timedelta(minutes=off))).isoformat(),
        st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2035, 1, 1)),
        offsets,
    )


def time_trigger() -> st.SearchStrategy[Doc]:
    return st.one_of(
        st.fixed_dictionaries({"day": day(), "time": hhmm()}),
        st.fixed_dictionaries({"time": hhmm()}),
        st.fixed_dictionaries({"delay_minutes": st.integers(1, 60 * 24 * 30)}),
        st.fixed_dictionaries({"at": aware_iso()}),
    )


def condition(refs: Refs) -> st.SearchStrategy[Doc]:
    window = st.one_of(
        st.fixed_dictionaries({"days_back": st.integers(1, 3650)}),
        st.fixed_dictionaries(
            {
                "since": st.one_of(
                    st.just("execution_start"), day().map(lambda d: f"last_{d.lower()}")
                )
            }
        ),
    )
    orders = st.builds(
        lambda check, w: {"check": check, **w},
        st.sampled_from(["orders_missing", "has_ordered"]),
        window,
    )
    customer_filter = st.fixed_dictionaries(
        {"check": st.just("customer_filter")},
        optional={
            "group": st.sampled_from(["all", refs.group.slug]),
            "active": st.booleans(),
            "language": st.sampled_from(["nb", "en"]),
        },
    ).filter(lambda c: len(c) > 1)
    return st.one_of(orders, customer_filter)


def recipients(refs: Refs, earlier_checks: list[int]) -> st.SearchStrategy[Doc]:
    options = [
        st.fixed_dictionaries({"group": st.sampled_from(["all", refs.group.slug])}),
        st.fixed_dictionaries(
            {
                "customer_ids": st.lists(
                    st.sampled_from([c.pk for c in refs.customers]), min_size=1, max_size=3
                )
            }
        ),
    ]
    if earlier_checks:
        options.append(st.fixed_dictionaries({"from_step": st.sampled_from(earlier_checks)}))
    return st.one_of(options)


def action(refs: Refs, step_type: str, earlier_checks: list[int]) -> st.SearchStrategy[Doc]:
    if step_type == "send_email":
        template = st.one_of(
            st.fixed_dictionaries(
                {"template_id": st.sampled_from([refs.order_form.pk, refs.reminder.pk])}
            ),
            st.fixed_dictionaries(
                {"template": st.sampled_from([refs.order_form.name, refs.reminder.name])}
            ),
        )
        rest = st.fixed_dictionaries(
            {"recipients": recipients(refs, earlier_checks)},
            optional={"from_email": EMAILS, "reply_to": EMAILS},
        )
        return st.builds(lambda a, b: {**a, **b}, template, rest)
    if step_type == "create_order":
        line = st.fixed_dictionaries(
            {"sku": st.text(TEXT, min_size=1, max_size=20), "quantity": st.integers(1, 99)},
            optional={"name": st.text(TEXT, max_size=30)},
        )
        return st.one_of(
            st.fixed_dictionaries(
                {"recipients": recipients(refs, earlier_checks), "mode": st.just("repeat_last")},
                optional={"status": st.sampled_from(["draft", "placed"])},
            ),
            st.fixed_dictionaries(
                {
                    "recipients": recipients(refs, earlier_checks),
                    "mode": st.just("lines"),
                    "lines": st.lists(line, min_size=1, max_size=3),
                },
                optional={"status": st.sampled_from(["draft", "placed"])},
            ),
        )
    if step_type == "call_integration":
        json_values = st.recursive(
            st.none() | st.booleans() | st.integers(-1000, 1000) | st.text(TEXT, max_size=10),
            lambda children: (
                st.lists(children, max_size=3)
                | st.dictionaries(st.text(TEXT, max_size=5), children, max_size=3)
            ),
            max_leaves=6,
        )
        return st.fixed_dictionaries(
            {
                "integration_id": st.just(refs.integration.pk),
                "method": st.sampled_from(["GET", "POST", "PUT", "PATCH", "DELETE", "post"]),
            },
            optional={
                "path": st.sampled_from(["", "orders", "/v1/orders/", "x?y=1"]),
                "body": st.dictionaries(st.text(TEXT, max_size=8), json_values, max_size=3)
                | st.text(TEXT, max_size=20),
                "timeout_s": st.integers(1, 120) | st.sampled_from([0.5, 2.5, 30.0]),
            },
        )
    if step_type == "generate_report":
        return st.fixed_dictionaries(
            {
                "report": st.sampled_from(["execution_summary", "orders_missing", "weekly_orders"]),
                "send_to": st.lists(EMAILS, min_size=1, max_size=3),
            }
        )
    raise AssertionError(step_type)


@st.composite
def step(draw: Draw, refs: Refs, order: int, earlier_checks: list[int]) -> Doc:
    step_type = draw(
        st.sampled_from(
            [
                "send_email",
                "check_condition",
                "wait_until",
                "create_order",
                "call_integration",
                "generate_report",
            ]
        )
    )
    trigger_type = draw(st.sampled_from(["immediate", "time_based", "condition_based", None]))
    out: Doc = {"step_order": order, "step_type": step_type}
    if trigger_type is not None:
        out["trigger_type"] = trigger_type
    if step_type == "wait_until" or trigger_type == "time_based":
        out["trigger_config"] = draw(time_trigger())
    # A condition is required by these two, and optional narrowing for acting steps.
    needs_condition = step_type == "check_condition" or trigger_type == "condition_based"
    narrows = step_type in ("send_email", "create_order") and draw(st.booleans())
    if needs_condition or narrows:
        out["condition_config"] = draw(condition(refs))
    if step_type not in ("check_condition", "wait_until"):
        out["action_config"] = draw(action(refs, step_type, earlier_checks))
    for key, strategy in (
        ("name", st.text(TEXT, max_size=200)),
        ("is_active", st.booleans()),
        ("max_retries", st.integers(0, 10)),
    ):
        if draw(st.booleans()):
            out[key] = draw(strategy)
    return out


@st.composite
def workflow_doc(draw: Draw, refs: Refs) -> Doc:
    count = draw(st.integers(1, 6))
    # Sparse, increasing step_order values, submitted in a shuffled order.
    orders = sorted(draw(st.sets(st.integers(1, 1000), min_size=count, max_size=count)))
    steps: list[Doc] = []
    checks: list[int] = []
    for order in orders:
        item = draw(step(refs, order, list(checks)))
        if item["step_type"] == "check_condition":
            checks.append(order)
        steps.append(item)
    steps = draw(st.permutations(steps))
    doc: Doc = {
        "name": draw(st.text(TEXT, min_size=1, max_size=200)),
        "workflow_type": draw(st.sampled_from(["scheduled", "event_based"])),
        "steps": steps,
    }
    if draw(st.booleans()):
        doc["description"] = draw(st.text(TEXT, max_size=300))
    if doc["workflow_type"] == "scheduled":
        config = draw(
            st.one_of(
                st.tuples(
                    st.just("daily"),
                    st.fixed_dictionaries(
                        {"time": hhmm()}, optional={"weekdays_only": st.booleans()}
                    ),
                ),
                st.tuples(
                    st.just("weekly"),
                    st.fixed_dictionaries({"day": day(), "time": hhmm()})
                    | st.fixed_dictionaries(
                        {"days": st.lists(day(), min_size=1, max_size=7), "time": hhmm()}
                    ),
                ),
                st.tuples(
                    st.just("monthly"),
                    st.fixed_dictionaries(
                        {
                            "day_of_month": st.integers(1, 31) | st.just("last"),
                            "time": hhmm(),
                        }
                    ),
                ),
                st.tuples(
                    st.just("cron"),
                    st.builds(
                        lambda m, h, dow: {"expression": f"{m} {h} * * {dow}"},
                        st.integers(0, 59),
                        st.sampled_from(["*", "9", "6-18", "7,12"]),
                        st.sampled_from(["*", "1", "1-5", "MON,THU"]),
                    ),
                ),
            )
        )
        doc["schedule"] = {"schedule_type": config[0], "schedule_config": config[1]}
        if draw(st.booleans()):
            doc["schedule"]["timezone"] = draw(
                st.sampled_from(["Europe/Oslo", "UTC", "America/New_York", "Asia/Kolkata"])
            )
    else:
        doc["event"] = {
            "type": draw(st.sampled_from(["order.created", "customer.created", "webhook"]))
        }
    return doc


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_valid_documents_save_and_read_back_unchanged(refs: Refs, data: st.DataObject) -> None:
    doc = data.draw(workflow_doc(refs))
    result = validate_workflow(doc)
    assert result.errors == [], result.errors
    normalised = result.normalised
    assert normalised is not None
    # Normalising the normalised form changes nothing.
    assert validate_workflow(normalised).normalised == normalised

    # A savepoint per example keeps the database clean between examples.
    with transaction.atomic():
        workflow = workflow_create(created_by=None, data=doc)
        stored = WorkflowDefinition.objects.get(pk=workflow.pk)
        assert workflow_definition(stored) == normalised
        assert WorkflowVersion.objects.get(workflow=stored).definition == normalised
        serialized = workflow_serialize(stored)
        assert validate_workflow(serialized).normalised == normalised
        transaction.set_rollback(True)
    assert not WorkflowDefinition.objects.exists()
