"""Workflow scripts: the running example in both languages, the builder API, export round trips."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ai_assistant.dsl import compile_script, docs, export_script
from automation.validation import validate_workflow
from tests.automation.test_roundtrip import workflow_doc
from tests.automation.workflow_docs import Refs, make_refs, running_example

pytestmark = pytest.mark.django_db
LANGUAGES = ("python", "javascript")

RUNNING_PYTHON = """
flow = workflow(
    "Ukentlig bestilling",
    description="Bestillingsskjema mandag 09:00, påminnelse torsdag 15:00",
    schedule=weekly("monday", "09:00"),
)
flow.send_email(
    name="Send bestillingsskjema",
    template={order_form},
    to=group("all"),
    when=on("monday", "09:00"),
)
flow.send_email(
    name="Påminnelse",
    template={reminder},
    to=group("all"),
    when=on("thursday", "15:00"),
    condition=orders_missing(since="execution_start"),
)
"""

RUNNING_JAVASCRIPT = """
// Send the order form on Monday, remind on Thursday
const flow = workflow("Ukentlig bestilling", {
  description: "Bestillingsskjema mandag 09:00, påminnelse torsdag 15:00",
  schedule: weekly("monday", "09:00"),
});
flow.sendEmail({
  name: "Send bestillingsskjema",
  template: {order_form},
  to: group("all"),
  when: on("monday", "09:00"),
});
flow.sendEmail({
  name: "Påminnelse",
  template: {reminder},
  to: group("all"),
  when: on("thursday", "15:00"),
  condition: ordersMissing({since: "execution_start"}),
});
"""


PY_FLOW = 'flow = workflow("X", schedule=weekly("monday", "09:00"))\n'
JS_FLOW = 'const flow = workflow("X", {schedule: weekly("monday", "09:00")});\n'


@pytest.fixture
def refs(db: None) -> Refs:
    return make_refs()


def compiled(source: str, language: str) -> dict[str, Any]:
    result = compile_script(source, language=language)
    assert result.errors == [], result.errors
    assert result.workflow is not None
    return result.workflow


def normalised(doc: dict[str, Any]) -> dict[str, Any]:
    result = validate_workflow(doc)
    assert result.errors == [], result.errors
    return result.normalised


@pytest.mark.parametrize(
    ("language", "source"), [("python", RUNNING_PYTHON), ("javascript", RUNNING_JAVASCRIPT)]
)
def test_running_example_compiles_to_the_running_example(
    refs: Refs, language: str, source: str
) -> None:
    ids = {"order_form": refs.order_form.pk, "reminder": refs.reminder.pk}
    script = source.replace("{order_form}", str(ids["order_form"])).replace(
        "{reminder}", str(ids["reminder"])
    )
    workflow = compiled(script, language)
    example = running_example(refs)
    # The script gives the canonical form: the example with every default filled in.
    assert workflow == normalised(example)
    assert normalised(workflow) == workflow
    assert workflow["name"] == example["name"]
    assert workflow["schedule"] == example["schedule"]
    for step, expected in zip(workflow["steps"], example["steps"], strict=True):
        assert {k: step[k] for k in expected} == expected


def test_template_names_resolve_like_ids(refs: Refs) -> None:
    by_name = RUNNING_PYTHON.replace("{order_form}", '"Bestillingsskjema"').replace(
        "{reminder}", '"Påminnelse"'
    )
    assert normalised(compiled(by_name, "python")) == normalised(running_example(refs))


def test_chained_and_variable_styles_agree(refs: Refs) -> None:
    chained = """
workflow("Ukentlig", schedule=weekly("monday", "09:00")).send_email(
    template=1, to=group("all"), when=on("monday", "09:00")
).generate_report(report="weekly_orders", send_to=["leder@firma.no"])
"""
    variables = """
monday = on("monday", "09:00")
everyone_ = group("all")
flow = workflow("Ukentlig", schedule=weekly("monday", "09:00"))
flow.send_email(template=1, to=everyone_, when=monday)
flow.generate_report(report="weekly_orders", send_to="leder@firma.no")
"""
    js = """
const monday = on("monday", "09:00");
workflow("Ukentlig", {schedule: weekly("monday", "09:00")})
  .sendEmail({template: 1, to: group("all"), when: monday})
  .generateReport({report: "weekly_orders", sendTo: ["leder@firma.no"]});
"""
    assert (
        compiled(chained, "python") == compiled(variables, "python") == compiled(js, "javascript")
    )


def test_every_builder_function_and_method(refs: Refs) -> None:
    source = f"""
flow = workflow("Alt", description="d", schedule=cron("0 9 * * 1", timezone="UTC"))
flow.check_condition(customer_filter(group="{refs.group.slug}", active=True, language="nb"))
flow.send_email(template={refs.order_form.pk}, to=from_step(1), reply_to="a@firma.no",
                from_email="b@firma.no", when=at("10:00"), condition=has_ordered(days_back=3))
flow.wait_until(at_moment("2026-04-01T09:00:00+02:00"), name="Vent")
flow.create_order(to=customers({refs.customers[0].pk}, {refs.customers[1].pk}), mode="lines",
                  lines=[line("KAFFE-1", 2, name="Kaffe"), {{"sku": "TE-1", "quantity": 1}}],
                  status="placed", when=after(days=1, hours=2))
flow.call_integration(integration={refs.integration.pk}, method="POST", path="orders",
                      body={{"a": [1, 2.5, None, True]}}, timeout_s=5, max_retries=0,
                      active=False)
flow.generate_report(report="orders_missing", send_to=["leder@firma.no"], trigger="immediate")
flow.send_email(template={refs.reminder.pk}, to=everyone(), trigger="condition_based",
                condition=orders_missing(since="last_monday"))
flow.step("wait_until", trigger_config={{"delay_minutes": 30}})
"""
    workflow = compiled(source, "python")
    assert normalised(workflow) == workflow
    steps = workflow["steps"]
    assert [s["step_type"] for s in steps] == [
        "check_condition",
        "send_email",
        "wait_until",
        "create_order",
        "call_integration",
        "generate_report",
        "send_email",
        "wait_until",
    ]
    assert steps[3]["trigger_config"] == {"delay_minutes": 26 * 60}
    assert steps[3]["action_config"]["lines"][0] == {
        "sku": "KAFFE-1",
        "quantity": 2,
        "name": "Kaffe",
    }
    assert steps[4]["is_active"] is False
    assert steps[6]["trigger_type"] == "condition_based"
    for language in LANGUAGES:
        assert compiled(export_script(workflow, language=language), language) == workflow


@pytest.mark.parametrize(
    "schedule",
    [
        'daily("06:00")',
        'daily("07:00", weekdays_only=True)',
        'weekly("mandag", "09:00")',
        'weekly(["monday", "thursday"], "09:00")',
        'monthly(10, "09:00")',
        'monthly("last", "16:00", timezone="Europe/London")',
        'cron("0 9 * * 1-5")',
    ],
)
def test_every_schedule_round_trips(refs: Refs, schedule: str) -> None:
    source = (
        f'workflow("S", schedule={schedule})'
        '.send_email(template="Bestillingsskjema", to=group("all"))'
    )
    workflow = normalised(compiled(source, "python"))
    for language in LANGUAGES:
        assert compiled(export_script(workflow, language=language), language) == workflow


@pytest.mark.parametrize("event", ["order.created", "customer.created", "webhook"])
def test_every_event_round_trips(refs: Refs, event: str) -> None:
    # Every event names its customer (a webhook in its data).
    source = f'workflow("E", event=event("{event}")).send_email(template=1, to=event_customer())'
    workflow = compiled(source, "python")
    assert workflow["event"] == {"type": event}
    for language in LANGUAGES:
        assert compiled(export_script(workflow, language=language), language) == workflow


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_valid_workflow_exports_to_a_script_that_compiles_back(
    refs: Refs, data: st.DataObject
) -> None:
    raw = data.draw(workflow_doc(refs))
    canonical = normalised(raw)
    for language in LANGUAGES:
        # The stored (normalised) form comes back exactly ...
        script = export_script(canonical, language=language)
        assert compile_script(script, language=language).workflow == canonical, script
        # ... and any valid submission comes back as the same workflow.
        script = export_script(raw, language=language)
        result = compile_script(script, language=language)
        assert result.errors == [], (script, result.errors)
        assert normalised(result.workflow) == canonical


def test_export_does_not_change_its_input(refs: Refs) -> None:
    doc = running_example(refs)
    before = copy.deepcopy(doc)
    export_script(doc, language="javascript")
    assert doc == before


@pytest.mark.parametrize(
    ("language", "source", "code", "line", "column"),
    [
        (
            "python",
            'workflow("X", schedule=weekly("monday", "09:00"))\nflow.send_email()',
            "unknown_name",
            2,
            1,
        ),
        (
            "python",
            PY_FLOW + 'flow.send_email(to=group("all"))',
            "missing_argument",
            2,
            1,
        ),
        (
            "python",
            PY_FLOW + 'flow.send_email(template=1, to="all")',
            "bad_argument",
            2,
            29,
        ),
        (
            "python",
            PY_FLOW + "flow.send_mail(template=1)",
            "unknown_method",
            2,
            1,
        ),
        (
            "python",
            PY_FLOW + 'flow.send_email(template=1, to=group("all"), colour="red")',
            "bad_argument",
            2,
            46,
        ),
        (
            "python",
            'flow = workflow("X", schedule=wekly("monday", "09:00"))',
            "unknown_function",
            1,
            31,
        ),
        ("python", 'flow = workflow("X")', "bad_argument", 1, 8),
        ("python", 'x = group("all")', "no_workflow", 1, 1),
        (
            "python",
            'workflow("A", schedule=daily("09:00"))\nworkflow("B", schedule=daily("09:00"))',
            "several_workflows",
            2,
            1,
        ),
        (
            "python",
            'flow = workflow("X", schedule=weekly("monday", "09:00")\n',
            "syntax_error",
            1,
            16,
        ),
        (
            "python",
            'flow = workflow("X", schedule=weekly("monday", "09:00"), event=true)',
            "unknown_name",
            1,
            64,
        ),
        (
            "javascript",
            JS_FLOW + "flow.send_email({template: 1});",
            "unknown_method",
            2,
            1,
        ),
        (
            "javascript",
            JS_FLOW + "\nflow.sendEmail({template: 1})",
            "missing_argument",
            3,
            1,
        ),
        (
            "javascript",
            'const flow = workflow("X", {schedule: weekly("monday", "09:00")})\n'
            'flow.sendEmail({template: 1, to: group("all"), sendTo: 3})',
            "bad_argument",
            2,
            16,
        ),
        (
            "javascript",
            'const flow = workflow("X", {schedule: weekly("monday" "09:00")});',
            "syntax_error",
            1,
            55,
        ),
        (
            "javascript",
            'const flow = workflow("X", {schedule: orders_missing()});',
            "unknown_function",
            1,
            39,
        ),
    ],
)
def test_errors_say_what_and_where(
    language: str, source: str, code: str, line: int, column: int
) -> None:
    result = compile_script(source, language=language)
    assert result.workflow is None
    assert len(result.errors) == 1
    error = result.errors[0]
    assert (error["code"], error["line"], error["column"]) == (code, line, column), error
    assert error["message"]


def test_a_javascript_name_in_python_gets_a_hint() -> None:
    result = compile_script(
        'workflow("X", schedule=weekly("monday", "09:00")).sendEmail()', language="python"
    )
    assert result.errors[0]["code"] == "unknown_method"
    result = compile_script("x = ordersMissing()", language="python")
    assert "orders_missing" in result.errors[0]["message"]


def test_the_documented_examples_compile(refs: Refs) -> None:
    blocks = re.findall(r"```(python|javascript)\n(.*?)```", docs(), flags=re.S)
    assert len(blocks) >= 5
    for language, source in blocks:
        result = compile_script(source, language=language)
        assert result.errors == [], (source, result.errors)


@pytest.mark.parametrize(
    "schedule",
    [
        {
            "schedule_type": "weekly",
            "schedule_config": {
                "days": ["tuesday"],
                "time": "10:00",
                "every_weeks": 2,
                "anchor": "2026-12-08",
            },
            "timezone": "Europe/Oslo",
            "holiday_policy": "next_business_day",
        },
        {
            "schedule_type": "weekly",
            "schedule_config": {"day": "tuesday", "time": "10:00", "iso_weeks": "even"},
            "timezone": "Europe/Oslo",
        },
        {
            "schedule_type": "monthly",
            "schedule_config": {"weekday": "monday", "nth": 1, "time": "08:00"},
            "timezone": "Europe/Oslo",
            "holiday_policy": "skip",
        },
        {
            "schedule_type": "monthly",
            "schedule_config": {"business_day": -1, "time": "14:00"},
            "timezone": "Europe/Oslo",
        },
        {
            "schedule_type": "daily",
            "schedule_config": {"time": "07:00", "business_days_only": True},
            "timezone": "Europe/Oslo",
            "holiday_policy": "previous_business_day",
        },
    ],
)
@pytest.mark.parametrize("language", ["python", "javascript"])
def test_calendar_schedules_round_trip_through_scripts(
    refs: Refs, schedule: dict[str, Any], language: str
) -> None:
    doc = {
        "name": "Kalender",
        "workflow_type": "scheduled",
        "schedule": schedule,
        "steps": [
            {
                "step_type": "send_email",
                "action_config": {
                    "template_id": refs.order_form.pk,
                    "recipients": {"group": "all"},
                },
            }
        ],
    }
    normalised = validate_workflow(doc).normalised
    assert normalised is not None
    script = export_script(normalised, language=language)
    # Said with the builder functions, not as a raw dict.
    assert "schedule_config" not in script and "scheduleConfig" not in script
    compiled = compile_script(script, language=language)
    assert compiled.ok, compiled.errors
    assert validate_workflow(compiled.workflow).normalised == normalised
