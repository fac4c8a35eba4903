"""The one validator: every error code, paths into the submitted document, normalisation."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from automation.models import WorkflowDefinition
from automation.validation import (
    ValidationResult,
    WorkflowValidationError,
    error_codes,
    validate_workflow,
    workflow_json_schema,
)
from tests.automation.workflow_docs import RUNNING_EXAMPLE, Refs, make_refs, running_example

pytestmark = pytest.mark.django_db

Doc = dict[str, Any]


@pytest.fixture
def refs(db: None) -> Refs:
    return make_refs()


@pytest.fixture
def doc(refs: Refs) -> Doc:
    return running_example(refs)


def _step(doc: Doc, i: int) -> Doc:
    return doc["steps"][i]


def _action(doc: Doc, i: int) -> Doc:
    return doc["steps"][i]["action_config"]


def _integration_step(refs: Refs, **overrides: Any) -> Doc:
    config = {"integration_id": refs.integration.pk, "method": "POST", "path": "orders/"}
    return {"step_type": "call_integration", "action_config": {**config, **overrides}}


def _notice_step(**config: Any) -> Doc:
    return {
        "step_type": "notify_staff",
        "action_config": {"recipients": {"group": "all"}, **config},
    }


def _event_based(doc: Doc) -> None:
    doc["workflow_type"] = "event_based"
    del doc["schedule"]
    doc["event"] = {"type": "order.created"}


def _nested_list(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth - 1):
        value = [value]
    return value


def _set(path: list[str | int], value: Any) -> Callable[[Doc, Refs], None]:
    def mutate(doc: Doc, refs: Refs) -> None:
        target: Any = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


def _delete(path: list[str | int]) -> Callable[[Doc, Refs], None]:
    def mutate(doc: Doc, refs: Refs) -> None:
        target: Any = doc
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return mutate


def _append_step(make: Callable[[Refs], Doc]) -> Callable[[Doc, Refs], None]:
    def mutate(doc: Doc, refs: Refs) -> None:
        doc["steps"].append(make(refs))

    return mutate


def _do(*mutations: Callable[[Doc, Refs], None]) -> Callable[[Doc, Refs], None]:
    def mutate(doc: Doc, refs: Refs) -> None:
        for m in mutations:
            m(doc, refs)

    return mutate


def _monthly(day_of_month: Any) -> Callable[[Doc, Refs], None]:
    return _set(
        ["schedule"],
        {
            "schedule_type": "monthly",
            "schedule_config": {"day_of_month": day_of_month, "time": "09:00"},
        },
    )


def _schedule(kind: str, **config: Any) -> Callable[[Doc, Refs], None]:
    return _set(["schedule"], {"schedule_type": kind, "schedule_config": config})


def _cron(expression: str) -> Callable[[Doc, Refs], None]:
    return _set(
        ["schedule"], {"schedule_type": "cron", "schedule_config": {"expression": expression}}
    )


CHECK_STEP: Doc = {
    "step_type": "check_condition",
    "condition_config": {"check": "orders_missing", "days_back": 7},
}

# (code, mutation of the running example, expected JSON Pointer)
CASES: list[tuple[str, Callable[[Doc, Refs], None], str]] = [
    ("invalid_type", _set(["name"], 5), "/name"),
    ("required", _delete(["steps", 0, "step_type"]), "/steps/0/step_type"),
    ("unknown_field", _set(["colour"], "red"), "/colour"),
    ("invalid_choice", _set(["steps", 1, "trigger_type"], "sometimes"), "/steps/1/trigger_type"),
    ("invalid_value", _monthly("first"), "/schedule/schedule_config/day_of_month"),
    ("too_short", _set(["name"], ""), "/name"),
    ("too_long", _set(["name"], "x" * 201), "/name"),
    (
        "too_few_items",
        _set(["steps", 0, "action_config", "recipients"], {"customer_ids": []}),
        "/steps/0/action_config/recipients/customer_ids",
    ),
    (
        "too_many_items",
        _set(["schedule", "schedule_config"], {"days": ["monday"] * 8, "time": "09:00"}),
        "/schedule/schedule_config/days",
    ),
    ("out_of_range", _set(["steps", 1, "max_retries"], 99), "/steps/1/max_retries"),
    ("too_few_steps", _set(["steps"], []), "/steps"),
    (
        "too_many_steps",
        lambda doc, refs: doc.update(
            steps=[copy.deepcopy(doc["steps"][0]) | {"step_order": n} for n in range(1, 52)]
        ),
        "/steps",
    ),
    ("unknown_step_type", _set(["steps", 1, "step_type"], "send_fax"), "/steps/1/step_type"),
    (
        "unknown_event_type",
        _do(lambda doc, refs: _event_based(doc), _set(["event", "type"], "order.deleted")),
        "/event/type",
    ),
    (
        "invalid_method",
        _append_step(lambda refs: _integration_step(refs, method="TRACE")),
        "/steps/2/action_config/method",
    ),
    (
        "invalid_time",
        _set(["schedule", "schedule_config", "time"], "25:00"),
        "/schedule/schedule_config/time",
    ),
    (
        "invalid_day",
        _set(["steps", 1, "trigger_config", "day"], "someday"),
        "/steps/1/trigger_config/day",
    ),
    (
        "invalid_since",
        _set(["steps", 1, "condition_config", "since"], "yesterday"),
        "/steps/1/condition_config/since",
    ),
    (
        "invalid_datetime",
        _set(["steps", 0, "trigger_config"], {"at": "2026-03-30T09:00:00"}),
        "/steps/0/trigger_config/at",
    ),
    (
        "exactly_one_required",
        _set(["steps", 0, "action_config", "recipients"], {"group": "all", "from_step": 1}),
        "/steps/0/action_config/recipients",
    ),
    (
        "condition_field_not_allowed",
        _set(["steps", 1, "condition_config", "group"], "kafeer"),
        "/steps/1/condition_config",
    ),
    (
        "condition_filter_empty",
        _set(["steps", 1, "condition_config"], {"check": "customer_filter"}),
        "/steps/1/condition_config",
    ),
    (
        "invalid_trigger_config",
        _set(["steps", 0, "trigger_config"], {"day": "monday"}),
        "/steps/0/trigger_config",
    ),
    (
        "template_required",
        _delete(["steps", 0, "action_config", "template_id"]),
        "/steps/0/action_config",
    ),
    (
        "template_ambiguous",
        _set(["steps", 0, "action_config", "template"], "Påminnelse"),
        "/steps/0/action_config",
    ),
    (
        "lines_required",
        _append_step(
            lambda refs: {
                "step_type": "create_order",
                "action_config": {"recipients": {"group": "all"}, "mode": "lines"},
            }
        ),
        "/steps/2/action_config",
    ),
    (
        "lines_not_allowed",
        _append_step(
            lambda refs: {
                "step_type": "create_order",
                "action_config": {
                    "recipients": {"group": "all"},
                    "mode": "repeat_last",
                    "lines": [{"sku": "A", "quantity": 1}],
                },
            }
        ),
        "/steps/2/action_config",
    ),
    ("schedule_required", _delete(["schedule"]), "/schedule"),
    (
        "schedule_forbidden",
        _do(_set(["workflow_type"], "event_based"), _set(["event"], {"type": "order.created"})),
        "/schedule",
    ),
    (
        "event_required",
        _do(_set(["workflow_type"], "event_based"), _delete(["schedule"])),
        "/event",
    ),
    ("event_forbidden", _set(["event"], {"type": "order.created"}), "/event"),
    ("invalid_timezone", _set(["schedule", "timezone"], "Mars/Olympus"), "/schedule/timezone"),
    ("invalid_cron", _cron("0 9 * *"), "/schedule/schedule_config/expression"),
    ("duplicate_step_order", _set(["steps", 1, "step_order"], 1), "/steps/1/step_order"),
    (
        "unexpected_config",
        _do(_set(["steps", 0, "trigger_type"], "immediate")),
        "/steps/0/trigger_config",
    ),
    (
        "unknown_template",
        _set(["steps", 1, "action_config", "template_id"], 999_999),
        "/steps/1/action_config/template_id",
    ),
    (
        "unknown_group",
        _set(["steps", 0, "action_config", "recipients"], {"group": "nobody"}),
        "/steps/0/action_config/recipients/group",
    ),
    (
        "unknown_customer",
        _set(["steps", 0, "action_config", "recipients"], {"customer_ids": [999_999]}),
        "/steps/0/action_config/recipients/customer_ids/0",
    ),
    (
        "unknown_integration",
        _append_step(lambda refs: _integration_step(refs, integration_id=999_999)),
        "/steps/2/action_config/integration_id",
    ),
    (
        "inactive_integration",
        _append_step(
            lambda refs: _integration_step(refs, integration_id=refs.inactive_integration.pk)
        ),
        "/steps/2/action_config/integration_id",
    ),
    (
        "from_step_unknown",
        _set(["steps", 1, "action_config", "recipients"], {"from_step": 7}),
        "/steps/1/action_config/recipients/from_step",
    ),
    (
        "from_step_not_earlier",
        _do(
            _append_step(lambda refs: {**CHECK_STEP, "step_order": 3}),
            _set(["steps", 1, "action_config", "recipients"], {"from_step": 3}),
        ),
        "/steps/1/action_config/recipients/from_step",
    ),
    (
        "from_step_no_customers",
        _set(["steps", 1, "action_config", "recipients"], {"from_step": 1}),
        "/steps/1/action_config/recipients/from_step",
    ),
    (
        "event_customer_unavailable",
        _set(["steps", 0, "action_config", "recipients"], {"event_customer": True}),
        "/steps/0/action_config/recipients/event_customer",
    ),
    (
        "invalid_email",
        _set(["steps", 0, "action_config", "reply_to"], "not-an-address"),
        "/steps/0/action_config/reply_to",
    ),
    (
        "path_not_relative",
        _append_step(lambda refs: _integration_step(refs, path="https://evil.example/steal")),
        "/steps/2/action_config/path",
    ),
    ("schedule_too_frequent", _cron("* * * * *"), "/schedule/schedule_config/expression"),
    (
        "days_conflict",
        _schedule("daily", time="07:00", weekdays_only=True, business_days_only=True),
        "/schedule/schedule_config",
    ),
    (
        "anchor_required",
        _schedule("weekly", days=["tuesday"], time="10:00", every_weeks=2),
        "/schedule/schedule_config",
    ),
    (
        "anchor_unused",
        _schedule("weekly", day="tuesday", time="10:00", anchor="2026-12-08"),
        "/schedule/schedule_config",
    ),
    (
        "weeks_conflict",
        _schedule(
            "weekly",
            day="tuesday",
            time="10:00",
            every_weeks=2,
            anchor="2026-12-08",
            iso_weeks="even",
        ),
        "/schedule/schedule_config",
    ),
    (
        "nth_required",
        _schedule("monthly", weekday="monday", time="08:00"),
        "/schedule/schedule_config",
    ),
    (
        "nth_unused",
        _schedule("monthly", day_of_month=1, nth=2, time="08:00"),
        "/schedule/schedule_config",
    ),
    (
        "invalid_business_day",
        _schedule("monthly", business_day=0, time="08:00"),
        "/schedule/schedule_config",
    ),
    (
        "invalid_date",
        _schedule("weekly", day="tuesday", time="10:00", every_weeks=2, anchor="8. des"),
        "/schedule/schedule_config/anchor",
    ),
    (
        "unknown_staff_group",
        _append_step(lambda refs: _notice_step(staff_group="nobody-here")),
        "/steps/2/action_config/staff_group",
    ),
    (
        "staff_required",
        _append_step(lambda refs: _notice_step()),
        "/steps/2/action_config",
    ),
    (
        "too_deep",
        _set(["steps", 0, "action_config", "recipients", "group"], _nested_list(70)),
        "/steps/0/action_config/recipients/group" + "/0" * 59,
    ),
    (
        "too_large",
        _append_step(lambda refs: _integration_step(refs, body={"note": "x" * 300_000})),
        "",
    ),
]


def test_every_error_code_has_a_case() -> None:
    # workflow_archived needs an instance, so it has its own test below.
    assert {code for code, _m, _p in CASES} | {"workflow_archived"} == set(error_codes())


@pytest.mark.parametrize(("code", "mutate", "path"), CASES, ids=[c[0] for c in CASES])
def test_error_code_is_reported_at_its_path(
    code: str, mutate: Callable[[Doc, Refs], None], path: str, doc: Doc, refs: Refs
) -> None:
    mutate(doc, refs)
    result = validate_workflow(doc)
    assert not result.is_valid
    assert {"path": path, "code": code} in [
        {"path": e["path"], "code": e["code"]} for e in result.errors
    ], result.errors
    error = next(e for e in result.errors if e["path"] == path)
    assert isinstance(error["message"], str) and error["message"]
    assert result.normalised is None


def test_editing_an_archived_workflow_is_refused(doc: Doc) -> None:
    archived = WorkflowDefinition(name="Old", workflow_type="scheduled", status="archived")
    result = validate_workflow(doc, instance=archived)
    assert {"path": "", "code": "workflow_archived"} in [
        {"path": e["path"], "code": e["code"]} for e in result.errors
    ]


def test_running_example_is_valid(doc: Doc) -> None:
    result = validate_workflow(doc)
    assert result.errors == []
    assert result.normalised is not None
    assert result.normalised["steps"][1]["condition_config"] == {
        "check": "orders_missing",
        "since": "execution_start",
    }


def test_every_problem_is_reported_not_just_the_first(doc: Doc, refs: Refs) -> None:
    doc["name"] = ""
    doc["schedule"]["timezone"] = "Nowhere/Land"
    doc["steps"][0]["action_config"]["template_id"] = 999_999
    doc["steps"][1]["trigger_config"]["time"] = "15:75"
    doc["steps"][1]["action_config"]["recipients"] = {"group": "nobody"}
    result = validate_workflow(doc)
    assert sorted((e["path"], e["code"]) for e in result.errors) == sorted(
        [
            ("/name", "too_short"),
            ("/schedule/timezone", "invalid_timezone"),
            ("/steps/0/action_config/template_id", "unknown_template"),
            ("/steps/1/trigger_config/time", "invalid_time"),
            ("/steps/1/action_config/recipients/group", "unknown_group"),
        ]
    )
    assert result.as_dict() == {"errors": result.errors}


def test_paths_index_into_the_submitted_array_even_when_out_of_order(doc: Doc) -> None:
    doc["steps"].reverse()  # step_order 2 first, step_order 1 second
    doc["steps"][1]["action_config"]["template_id"] = 999_999
    result = validate_workflow(doc)
    assert [(e["path"], e["code"]) for e in result.errors] == [
        ("/steps/1/action_config/template_id", "unknown_template")
    ]


def test_a_mistake_is_reported_once(doc: Doc) -> None:
    # The schema and the pydantic model both see a bad day; the user sees one error.
    doc["steps"][0]["trigger_config"]["day"] = "funday"
    result = validate_workflow(doc)
    assert [e["path"] for e in result.errors] == ["/steps/0/trigger_config/day"]


def test_not_an_object_is_an_invalid_type() -> None:
    result = validate_workflow(["not", "a", "workflow"])
    assert [(e["path"], e["code"]) for e in result.errors] == [("", "invalid_type")]


def test_raise_if_invalid_raises_with_every_error(doc: Doc) -> None:
    doc["name"] = ""
    doc["steps"][0]["step_type"] = "send_fax"
    with pytest.raises(WorkflowValidationError) as caught:
        validate_workflow(doc).raise_if_invalid()
    assert {e["code"] for e in caught.value.errors} == {"too_short", "unknown_step_type"}
    assert caught.value.as_dict() == {"errors": caught.value.errors}


@pytest.mark.parametrize(
    "path",
    ["https://evil.example/x", "//evil.example/x", "../admin", "a/%2e%2e/b", "mailto:x", "a\\b"],
)
def test_integration_path_may_not_leave_the_base_url(doc: Doc, refs: Refs, path: str) -> None:
    doc["steps"].append(_integration_step(refs, path=path))
    assert validate_workflow(doc).codes() == {"path_not_relative"}


@pytest.mark.parametrize("path", ["", "orders", "/orders/", "v1/orders?x=1", "a..b/c"])
def test_relative_integration_paths_are_accepted(doc: Doc, refs: Refs, path: str) -> None:
    doc["steps"].append(_integration_step(refs, path=path))
    assert validate_workflow(doc).errors == []


@pytest.mark.parametrize("expression", ["0 * * * *", "15 9-17 * * 1-5", "0 9 * * 1"])
def test_hourly_or_rarer_cron_may_send_email(doc: Doc, expression: str) -> None:
    doc["schedule"] = {"schedule_type": "cron", "schedule_config": {"expression": expression}}
    assert validate_workflow(doc).errors == []


def test_frequent_cron_is_allowed_when_nothing_is_emailed(doc: Doc) -> None:
    doc["schedule"] = {"schedule_type": "cron", "schedule_config": {"expression": "*/5 * * * *"}}
    doc["steps"] = [dict(CHECK_STEP)]
    assert validate_workflow(doc).errors == []


@pytest.mark.parametrize("expression", ["0 9 * * 1 2026", "@hourly", "61 * * * *", "0 9 * * xyz"])
def test_cron_needs_five_valid_fields(doc: Doc, expression: str) -> None:
    doc["schedule"] = {"schedule_type": "cron", "schedule_config": {"expression": expression}}
    assert [(e["path"], e["code"]) for e in validate_workflow(doc).errors] == [
        ("/schedule/schedule_config/expression", "invalid_cron")
    ]


# --- Normalisation ---------------------------------------------------------------------------


def test_norwegian_day_names_are_stored_in_english(doc: Doc) -> None:
    doc["schedule"]["schedule_config"] = {
        "days": ["fredag", "Mandag", "tirs", "man"],
        "time": "9:00",
    }
    doc["steps"][0]["trigger_config"] = {"day": "mandag", "time": "09:00"}
    doc["steps"][1]["trigger_config"] = {"day": "TORSDAG", "time": "15:00"}
    doc["steps"][1]["condition_config"] = {"check": "orders_missing", "since": "last_søndag"}
    normalised = validate_workflow(doc).raise_if_invalid()
    # Each day once, Monday first; "9:00" padded.
    assert normalised["schedule"]["schedule_config"] == {
        "days": ["monday", "tuesday", "friday"],
        "time": "09:00",
    }
    assert normalised["steps"][0]["trigger_config"]["day"] == "monday"
    assert normalised["steps"][1]["trigger_config"]["day"] == "thursday"
    assert normalised["steps"][1]["condition_config"]["since"] == "last_sunday"


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("lørdag", "saturday"),
        ("lordag", "saturday"),
        ("søn", "sunday"),
        ("ons", "wednesday"),
        ("Wed", "wednesday"),
        ("tors", "thursday"),
        ("fre", "friday"),
        ("onsdag", "wednesday"),
    ],
)
def test_day_aliases(doc: Doc, given: str, stored: str) -> None:
    doc["schedule"]["schedule_config"]["day"] = given
    normalised = validate_workflow(doc).raise_if_invalid()
    assert normalised["schedule"]["schedule_config"]["day"] == stored


def test_defaults_are_filled(doc: Doc, settings: Any) -> None:
    del doc["description"]
    del doc["schedule"]["timezone"]
    for step in doc["steps"]:
        step.pop("name")
    normalised = validate_workflow(doc).raise_if_invalid()
    assert normalised["description"] == ""
    assert normalised["schedule"]["timezone"] == settings.TIME_ZONE
    first = normalised["steps"][0]
    assert first["name"] == ""
    assert first["is_active"] is True
    assert first["max_retries"] == 3
    assert first["condition_config"] == {}


def test_trigger_type_defaults_to_immediate(doc: Doc) -> None:
    step = doc["steps"][0]
    del step["trigger_type"]
    del step["trigger_config"]
    normalised = validate_workflow(doc).raise_if_invalid()
    assert normalised["steps"][0]["trigger_type"] == "immediate"
    assert normalised["steps"][0]["trigger_config"] == {}


def test_template_name_is_resolved_to_its_id(doc: Doc, refs: Refs) -> None:
    action = doc["steps"][1]["action_config"]
    del action["template_id"]
    action["template"] = "Påminnelse"
    normalised = validate_workflow(doc).raise_if_invalid()
    assert normalised["steps"][1]["action_config"] == {
        "template_id": refs.reminder.pk,
        "recipients": {"group": "all"},
    }


def test_unknown_template_name_is_an_unknown_template(doc: Doc) -> None:
    action = doc["steps"][1]["action_config"]
    del action["template_id"]
    action["template"] = "Finnes ikke"
    assert [(e["path"], e["code"]) for e in validate_workflow(doc).errors] == [
        ("/steps/1/action_config/template", "unknown_template")
    ]


def test_steps_are_sorted_and_renumbered_and_from_step_follows(doc: Doc) -> None:
    check = {**CHECK_STEP, "step_order": 30}
    doc["steps"][0]["step_order"] = 10
    doc["steps"][1]["step_order"] = 40
    doc["steps"][1]["action_config"]["recipients"] = {"from_step": 30}
    doc["steps"].insert(0, check)  # submitted order: 30, 10, 40
    normalised = validate_workflow(doc).raise_if_invalid()
    assert [(s["step_order"], s["step_type"]) for s in normalised["steps"]] == [
        (1, "send_email"),
        (2, "check_condition"),
        (3, "send_email"),
    ]
    assert normalised["steps"][2]["action_config"]["recipients"] == {"from_step": 2}


def test_missing_step_order_is_the_position(doc: Doc) -> None:
    for step in doc["steps"]:
        del step["step_order"]
    normalised = validate_workflow(doc).raise_if_invalid()
    assert [s["name"] for s in normalised["steps"]] == ["Send bestillingsskjema", "Påminnelse"]


def test_read_only_fields_are_accepted_and_dropped(doc: Doc) -> None:
    expected = validate_workflow(doc).raise_if_invalid()
    doc.update(
        id=7,
        status="active",
        version=3,
        is_active=True,
        created_by=None,
        created_at="2026-01-01T00:00:00+01:00",
        updated_at="2026-01-01T00:00:00+01:00",
    )
    doc["schedule"].update(next_run="2026-01-05T09:00:00+01:00", last_run=None)
    assert validate_workflow(doc).raise_if_invalid() == expected


def test_normalisation_is_idempotent(doc: Doc) -> None:
    doc["schedule"]["schedule_config"]["day"] = "mandag"
    once = validate_workflow(doc).raise_if_invalid()
    assert validate_workflow(once).raise_if_invalid() == once


def test_method_is_upper_cased(doc: Doc, refs: Refs) -> None:
    doc["steps"].append(_integration_step(refs, method="patch"))
    normalised = validate_workflow(doc).raise_if_invalid()
    assert normalised["steps"][2]["action_config"] == {
        "integration_id": refs.integration.pk,
        "method": "PATCH",
        "path": "orders/",
        "timeout_s": 10,
    }


def test_event_based_workflow(doc: Doc) -> None:
    _event_based(doc)
    doc["event"]["note"] = "extra event options are kept"
    normalised = validate_workflow(doc).raise_if_invalid()
    assert normalised["event"] == {"type": "order.created", "note": "extra event options are kept"}
    assert "schedule" not in normalised


def test_validation_result_shape(doc: Doc) -> None:
    result = validate_workflow(doc)
    assert isinstance(result, ValidationResult)
    assert result.is_valid and result.as_dict() == {"errors": []}


# --- The JSON Schema -------------------------------------------------------------------------


def test_json_schema_is_a_valid_draft_2020_12_schema() -> None:
    for include_read_only in (True, False):
        Draft202012Validator.check_schema(workflow_json_schema(include_read_only=include_read_only))


def test_json_schema_covers_every_registered_step_type() -> None:
    from automation.registry import step_types

    schema = workflow_json_schema()
    assert set(schema["$defs"]["Step"]["properties"]["step_type"]["enum"]) == set(step_types())


def test_json_schema_accepts_the_running_example(doc: Doc) -> None:
    Draft202012Validator(workflow_json_schema(include_read_only=False)).validate(doc)


def test_json_schema_marks_read_only_fields() -> None:
    schema = workflow_json_schema()
    assert schema["properties"]["status"]["readOnly"] is True
    assert "status" not in workflow_json_schema(include_read_only=False)["properties"]


def test_a_structural_mistake_does_not_hide_meaning_errors_beside_it(doc: Doc, refs: Refs) -> None:
    doc["steps"].append(
        _integration_step(refs, integration_id=999_999, method="TRACE", path="//evil.example")
    )
    assert sorted((e["path"], e["code"]) for e in validate_workflow(doc).errors) == [
        ("/steps/2/action_config/integration_id", "unknown_integration"),
        ("/steps/2/action_config/method", "invalid_method"),
        ("/steps/2/action_config/path", "path_not_relative"),
    ]


def test_duplicate_step_order_is_found_next_to_an_unknown_step_type(doc: Doc) -> None:
    doc["steps"][0]["step_type"] = "send_fax"
    doc["steps"][1]["step_order"] = 1
    assert sorted((e["path"], e["code"]) for e in validate_workflow(doc).errors) == [
        ("/steps/0/step_type", "unknown_step_type"),
        ("/steps/1/step_order", "duplicate_step_order"),
    ]


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 100) | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def _mutated_example(draw: st.DrawFn) -> Doc:
    """The running example (fake template ids) with one value somewhere replaced."""
    doc = copy.deepcopy(RUNNING_EXAMPLE)
    target: Any = doc
    while True:
        keys = list(target) if isinstance(target, dict) else list(range(len(target)))
        key = draw(st.sampled_from(keys))
        child = target[key]
        if isinstance(child, dict | list) and child and draw(st.booleans()):
            target = child
            continue
        target[key] = draw(JSON)
        return doc


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.one_of(JSON, _mutated_example()))
def test_the_validator_never_crashes_and_always_answers_in_shape(refs: Refs, data: Any) -> None:
    result = validate_workflow(data)
    assert (result.normalised is None) == bool(result.errors)
    for error in result.errors:
        assert set(error) == {"path", "code", "message"}
        assert error["code"] in error_codes()
        assert error["path"] == "" or error["path"].startswith("/")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "event",
    [
        {"type": "order.created"},
        {"type": "customer.created"},
        # A webhook names its customer in its data (``executions.webhooks``).
        {"type": "webhook", "name": "lager-lavt"},
        {"type": "webhook"},
    ],
)
def test_event_customer_is_accepted_in_every_event_based_workflow(event: Doc) -> None:
    from templates_app.models import EmailTemplate

    template = EmailTemplate.objects.create(
        name="Bekreftelse", subject="Takk", body_html="<p>Takk</p>", category="confirmation"
    )
    result = validate_workflow(
        {
            "name": "Ordrebekreftelse",
            "workflow_type": "event_based",
            "event": event,
            "steps": [
                {
                    "step_order": 1,
                    "step_type": "send_email",
                    "action_config": {
                        "template_id": template.pk,
                        "recipients": {"event_customer": True},
                    },
                }
            ],
        }
    )
    assert result.errors == []
    assert result.normalised["steps"][0]["action_config"]["recipients"] == {"event_customer": True}


def test_event_customer_is_still_refused_in_a_scheduled_workflow(doc: Doc) -> None:
    # The running example is scheduled (and runs manually too): no event, so no customer.
    assert doc["workflow_type"] == "scheduled"
    doc["steps"][0]["action_config"]["recipients"] = {"event_customer": True}

    errors = validate_workflow(doc).errors

    assert [(e["path"], e["code"]) for e in errors] == [
        ("/steps/0/action_config/recipients/event_customer", "event_customer_unavailable")
    ]
    assert "webhook" in errors[0]["message"]


@pytest.mark.parametrize(
    ("config", "path", "code"),
    [
        ({"day": "tuesday", "time": "10:00", "every_weeks": 0}, "/every_weeks", "out_of_range"),
        ({"day": "tuesday", "time": "10:00", "every_weeks": 9}, "/every_weeks", "out_of_range"),
        ({"day": "tuesday", "time": "10:00", "iso_weeks": "third"}, "/iso_weeks", "invalid_choice"),
        (
            {"day": "tuesday", "time": "10:00", "every_weeks": 2, "anchor": "8. des"},
            "/anchor",
            "invalid_date",
        ),
    ],
)
def test_weekly_calendar_fields_are_checked_at_their_path(
    doc: Doc, config: dict[str, Any], path: str, code: str
) -> None:
    doc["schedule"] = {"schedule_type": "weekly", "schedule_config": config}
    errors = {(e["path"], e["code"]) for e in validate_workflow(doc).errors}
    assert (f"/schedule/schedule_config{path}", code) in errors, errors


@pytest.mark.parametrize(
    ("config", "path", "code"),
    [
        ({"weekday": "monday", "nth": 5, "time": "08:00"}, "/nth", "invalid_choice"),
        ({"weekday": "mandag", "nth": 0, "time": "08:00"}, "/nth", "invalid_choice"),
        ({"business_day": 30, "time": "08:00"}, "/business_day", "out_of_range"),
        ({"time": "08:00"}, "", "exactly_one_required"),
        ({"day_of_month": 1, "business_day": 1, "time": "08:00"}, "", "exactly_one_required"),
    ],
)
def test_monthly_calendar_fields_are_checked_at_their_path(
    doc: Doc, config: dict[str, Any], path: str, code: str
) -> None:
    doc["schedule"] = {"schedule_type": "monthly", "schedule_config": config}
    errors = {(e["path"], e["code"]) for e in validate_workflow(doc).errors}
    assert (f"/schedule/schedule_config{path}", code) in errors, errors


def test_calendar_schedules_and_the_holiday_policy_are_normalised(doc: Doc) -> None:
    doc["schedule"] = {
        "schedule_type": "monthly",
        "schedule_config": {"weekday": "Mandag", "nth": -1, "time": "8:00"},
        "holiday_policy": "Next_Business_Day",
    }
    result = validate_workflow(doc)
    assert result.errors == []
    assert result.normalised["schedule"] == {
        "schedule_type": "monthly",
        "schedule_config": {"weekday": "monday", "nth": -1, "time": "08:00"},
        "timezone": "Europe/Oslo",
        "holiday_policy": "next_business_day",
    }
    doc["schedule"]["holiday_policy"] = "run"
    assert "holiday_policy" not in validate_workflow(doc).normalised["schedule"]
    doc["schedule"]["holiday_policy"] = "sometimes"
    assert [(e["path"], e["code"]) for e in validate_workflow(doc).errors] == [
        ("/schedule/holiday_policy", "invalid_choice")
    ]
    doc["schedule"] = {
        "schedule_type": "weekly",
        "schedule_config": {"day": "tirsdag", "time": "10:00", "every_weeks": 1},
    }
    # every_weeks 1 says nothing more than a plain weekly schedule: left out.
    assert validate_workflow(doc).normalised["schedule"]["schedule_config"] == {
        "day": "tuesday",
        "time": "10:00",
    }
