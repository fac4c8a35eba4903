"""The workflow editor page for business users (HTMX): the workflow as form fields, never JSON.

The form's state between HTMX calls is its own fields: one set per part of the format
(name, schedule or event in words, one card per step). The nested parts are rows
(``editor_parts``): order lines, a request body, a customer filter. Each step card also
carries the step as it was loaded in a hidden field (its retries, and what a user whose role
may not use the step type cannot change). Every change posts the whole
form; the view builds the workflow document from it, checks it with THE validator
(``validate_workflow``) plus the role rules (``automation.policy``) and renders the form again
with each problem at the field its JSON Pointer names. Save is ``workflow_update``: a new
version, refused with ``WorkflowConflict`` when someone saved in between; the page then shows
who did and what they changed (``workflow_diff``) instead of overwriting it.

What each step type has (a template, recipients, a condition, a time) is read from the
registry, never from a step type's key.
"""

from __future__ import annotations

import functools
import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_htmx.http import HttpResponseClientRedirect

from accounts.decorators import require_role
from accounts.roles import BUSINESS, user_has_role
from automation import editor_parts as parts
from automation.diff import workflow_diff
from automation.models import Integration, WorkflowDefinition, WorkflowVersion
from automation.policy import WorkflowPermissionError, role_errors, workflow_policy_errors
from automation.preview import EVENTS, workflow_preview
from automation.registry import StepType, step_types
from automation.scheduling import runs_and_adjustments, step_trigger
from automation.selectors import workflow_get
from automation.services import (
    WorkflowConflict,
    WorkflowValidationError,
    workflow_definition,
    workflow_update,
)
from automation.step_config import EVENT_TYPES, HOLIDAY_POLICIES
from automation.validation import validate_workflow
from automation.wording import WEEK_PARITY_NOTE, WEEKDAYS, Words, policy_outcome
from core.pages import HtmxHttpRequest, wants_fragment
from customers.models import Customer, CustomerGroup
from templates_app.models import EmailTemplate
from templates_app.rendering import render_email

PAGE = "automation/editor.html"
NEXT_RUNS = 4
#: Executions that started and have not finished: they keep the snapshot they started with.
UNFINISHED = ("running", "waiting", "paused")

SCHEDULE_KINDS = (
    ("daily", gettext_lazy("Every day")),
    ("business_days", gettext_lazy("Every business day")),
    ("weekly", gettext_lazy("Every week")),
    ("every_weeks", gettext_lazy("Every other week, every third week …")),
    ("iso_weeks", gettext_lazy("In even or odd week numbers")),
    ("monthly_day", gettext_lazy("On a day of the month")),
    ("monthly_nth", gettext_lazy("On the nth weekday of the month")),
    ("monthly_business", gettext_lazy("On the nth business day of the month")),
    ("cron", gettext_lazy("Cron expression (advanced)")),
)
WHEN_CHOICES = (
    ("immediate", gettext_lazy("Right after the previous step")),
    ("day_time", gettext_lazy("On a weekday at a time")),
    ("time", gettext_lazy("At the next given time")),
    ("delay", gettext_lazy("A while after the previous step")),
    ("at", gettext_lazy("On a date at a time")),
    ("condition_based", gettext_lazy("Right away, if its condition holds")),
)
WHO_CHOICES = (
    ("all", gettext_lazy("All customers")),
    ("group", gettext_lazy("A customer group")),
    ("customers", gettext_lazy("Specific customers")),
    ("from_step", gettext_lazy("The customers an earlier step found")),
)
#: The event's own customer, offered in an event-based workflow (every event names one: the
#: order's, the new customer, the one a webhook's sender names).
EVENT_CUSTOMER_CHOICE = ("event_customer", gettext_lazy("The customer of the event"))
WEBHOOK_CUSTOMER_CHOICE = ("event_customer", gettext_lazy("The customer the webhook is about"))
CONDITION_CHOICES = (
    ("", gettext_lazy("No condition")),
    ("orders_missing", gettext_lazy("Has not ordered")),
    ("has_ordered", gettext_lazy("Has ordered")),
    ("customer_filter", gettext_lazy("Match customer details")),
)
NTH_CHOICES = (
    (1, gettext_lazy("first")),
    (2, gettext_lazy("second")),
    (3, gettext_lazy("third")),
    (4, gettext_lazy("fourth")),
    (-1, gettext_lazy("last")),
)
BUSINESS_DAY_CHOICES = (
    (1, gettext_lazy("first")),
    (2, gettext_lazy("second")),
    (3, gettext_lazy("third")),
    (-2, gettext_lazy("second to last")),
    (-1, gettext_lazy("last")),
)


# --- The document from the form and the form from the document -----------------------------


def _words() -> Words:
    return Words("en" if (get_language() or "nb").startswith("en") else "nb")


def _int(value: Any) -> int | Any:
    """A number when the text is one; the text as typed otherwise (the validator says why)."""
    text = str(value or "").strip()
    try:
        return int(text)
    except ValueError:
        return text


def schedule_kind(schedule: Mapping[str, Any] | None) -> str:
    """Which of ``SCHEDULE_KINDS`` a schedule is."""
    if not schedule:
        return "weekly"
    kind, config = schedule.get("schedule_type"), schedule.get("schedule_config") or {}
    if kind == "daily":
        return "business_days" if config.get("business_days_only") else "daily"
    if kind == "weekly":
        if int(config.get("every_weeks") or 1) > 1:
            return "every_weeks"
        return "iso_weeks" if config.get("iso_weeks") else "weekly"
    if kind == "monthly":
        if config.get("business_day") is not None:
            return "monthly_business"
        return "monthly_nth" if config.get("weekday") is not None else "monthly_day"
    return "cron"


def _schedule_from(post: QueryDict, base: Mapping[str, Any] | None) -> dict[str, Any]:
    """The schedule the form's fields say (only the fields of the chosen kind count)."""
    kind = post.get("schedule_kind") or schedule_kind(base)
    time = (post.get("schedule_time") or "").strip()
    days = [d for d in post.getlist("schedule_days") if d in WEEKDAYS]
    config: dict[str, Any]
    if kind in ("daily", "business_days"):
        schedule_type, config = "daily", {"time": time}
        if kind == "business_days":
            config["business_days_only"] = True
        elif post.get("schedule_weekdays_only"):
            config["weekdays_only"] = True
    elif kind in ("weekly", "every_weeks", "iso_weeks"):
        schedule_type = "weekly"
        # One day is written as "day", as the format's running example does.
        config = {"day": days[0]} if len(days) == 1 else {"days": days}
        config["time"] = time
        if kind == "every_weeks":
            config["every_weeks"] = _int(post.get("schedule_every_weeks") or 2)
            config["anchor"] = (post.get("schedule_anchor") or "").strip() or None
        elif kind == "iso_weeks":
            config["iso_weeks"] = post.get("schedule_iso_weeks") or "even"
    elif kind in ("monthly_day", "monthly_nth", "monthly_business"):
        schedule_type, config = "monthly", {}
        if kind == "monthly_day":
            day = (post.get("schedule_day_of_month") or "1").strip()
            config["day_of_month"] = "last" if day == "last" else _int(day)
        elif kind == "monthly_nth":
            config["weekday"] = post.get("schedule_weekday") or "monday"
            config["nth"] = _int(post.get("schedule_nth") or 1)
        else:
            config["business_day"] = _int(post.get("schedule_business_day") or 1)
        config["time"] = time
    else:
        schedule_type, config = "cron", {"expression": (post.get("schedule_expression") or "")}
    config = {key: value for key, value in config.items() if value is not None}
    schedule: dict[str, Any] = {
        "schedule_type": schedule_type,
        "schedule_config": config,
        "timezone": (base or {}).get("timezone") or timezone.get_default_timezone_name(),
    }
    policy = post.get("holiday_policy") or "run"
    if policy != "run":
        schedule["holiday_policy"] = policy
    return schedule


def _trigger_from(post: QueryDict, prefix: str, zone: str) -> tuple[str, dict]:
    """(trigger_type, trigger config) from a card's "when" fields; a fixed moment is a date
    and a time in ``zone``."""
    when = post.get(f"{prefix}when") or "immediate"
    day = post.get(f"{prefix}trigger_day") or ""
    time = (post.get(f"{prefix}trigger_time") or "").strip()
    if when == "day_time":
        return "time_based", {"day": day, "time": time}
    if when == "time":
        return "time_based", {"time": time}
    if when == "delay":
        hours = (post.get(f"{prefix}trigger_hours") or "").strip()
        try:
            minutes: Any = round(float(hours.replace(",", ".")) * 60)
        except ValueError:
            minutes = hours
        return "time_based", {"delay_minutes": minutes}
    if when == "at":
        date = post.get(f"{prefix}trigger_date") or ""
        return "time_based", {"at": parts.moment_from(date, time, zone)}
    return when, {}


def _recipients_from(post: QueryDict, prefix: str) -> dict[str, Any]:
    who = post.get(f"{prefix}who") or "all"
    if who == "group":
        return {"group": post.get(f"{prefix}group") or ""}
    if who == "customers":
        return {"customer_ids": [_int(pk) for pk in post.getlist(f"{prefix}customer_ids")]}
    if who == "from_step":
        return {"from_step": _int(post.get(f"{prefix}from_step"))}
    if who == "event_customer":
        return {"event_customer": True}
    return {"group": "all"}


def _condition_from(
    post: QueryDict, index: int, base: Mapping[str, Any], op: str
) -> dict[str, Any]:
    prefix = f"s{index}-"
    check = post.get(f"{prefix}condition") or ""
    if not check:
        return {}
    if check == "customer_filter":
        return parts.filter_from(post, prefix, base, parts.row_op(op, "filter", index))
    window = post.get(f"{prefix}condition_window") or "execution_start"
    if window == "days_back":
        return {"check": check, "days_back": _int(post.get(f"{prefix}condition_days") or "")}
    return {"check": check, "since": window}


def _has_template(cls: type[StepType] | None) -> bool:
    return cls is not None and any(
        ref.kind == "template" and ref.path == ("template_id",) for ref in cls.references
    )


def _has_condition(cls: type[StepType] | None) -> bool:
    return cls is not None and (cls.acts_on_customers or cls.config_field == "condition_config")


#: Setting kinds edited as rows.
_ROWS = ("lines", "keyvalue")
#: Config keys the cards have fields of their own for (template picker, "who").
_OWN_FIELDS = ("template_id", "template", "recipients")
#: Names of the step types' other settings, read from each type's ``Config`` schema; a
#: setting not named here shows with its schema title.
SETTING_LABELS = {
    "report": gettext_lazy("Report"),
    "send_to": gettext_lazy("Send to (email addresses, separated by commas)"),
    "mode": gettext_lazy("What to order"),
    "status": gettext_lazy("Order status"),
    "staff_group": gettext_lazy("Staff group"),
    "subject": gettext_lazy("Subject"),
    "message": gettext_lazy("Message"),
    "from_email": gettext_lazy("From address (optional)"),
    "reply_to": gettext_lazy("Reply-to address (optional)"),
    "integration_id": gettext_lazy("Integration"),
    "lines": gettext_lazy("Order lines"),
    "body": gettext_lazy("Request body"),
    "method": gettext_lazy("HTTP method"),
    "path": gettext_lazy("Path"),
    "timeout_s": gettext_lazy("Timeout in seconds"),
}
SETTING_VALUES = {
    "repeat_last": gettext_lazy("Repeat the customer's last order"),
    "lines": gettext_lazy("The given lines"),
    "draft": gettext_lazy("Draft"),
    "placed": gettext_lazy("Placed"),
    "execution_summary": gettext_lazy("Summary of the run"),
    "orders_missing": gettext_lazy("Customers who have not ordered"),
    "weekly_orders": gettext_lazy("The week's orders"),
}


@functools.cache
def step_settings(cls: type[StepType] | None) -> list[dict[str, Any]]:
    """The step type's own settings the card shows as fields, read from its ``Config``
    schema and references: choices, texts, numbers, yes/no, lists of texts, an integration
    (a picker), order lines (product and quantity rows) and a free-form object such as a
    request body (name and value rows). A nested setting of another shape is kept as it is.
    Cached: a schema is fixed once the registry is loaded; callers copy the dicts before
    adding to them."""
    if cls is None or cls.config_field != "action_config":
        return []
    schema = cls.Config.model_json_schema()
    required = set(schema.get("required") or [])
    integrations = {ref.path[0] for ref in cls.references if ref.kind == "integration"}
    settings = []
    for key, prop in (schema.get("properties") or {}).items():
        if key in _OWN_FIELDS:
            continue
        kind = "integration" if key in integrations else _setting_kind(prop, schema)
        settings.append(
            {
                "key": key,
                "kind": kind,
                "required": key in required,
                "label": SETTING_LABELS.get(key, prop.get("title") or key),
                "choices": [(v, SETTING_VALUES.get(v, v)) for v in prop.get("enum") or []],
            }
        )
    return settings


def _setting_kind(prop: Mapping[str, Any], schema: Mapping[str, Any]) -> str:
    """How a setting is edited, from its JSON schema (``schema``: the whole, for ``$defs``)."""
    kind = prop.get("type")
    if prop.get("enum"):
        return "choice"
    if kind == "array":
        items = dict(prop.get("items") or {})
        if "$ref" in items:
            items = (schema.get("$defs") or {}).get(items["$ref"].rsplit("/", 1)[-1], {})
        if items.get("type") == "string":
            return "list"
        if {"sku", "quantity"} <= set(items.get("properties") or {}):
            return "lines"
        return "kept"
    if kind is None and any(o.get("type") == "object" for o in prop.get("anyOf") or []):
        return "keyvalue"
    return kind if kind in ("string", "integer", "number", "boolean") else "kept"


def _setting_from(post: QueryDict, name: str, kind: str) -> Any:
    """A setting's value from its field; None: not given (the key is left out)."""
    if kind == "list":
        text = post.get(name) or ""
        items = [item.strip() for item in text.replace("\n", ",").split(",")]
        return [item for item in items if item] or None
    if kind == "boolean":
        return True if post.get(name) else None
    text = (post.get(name) or "").strip()
    if not text:
        return None
    if kind in ("integer", "integration"):
        return _int(text)
    if kind == "number":
        try:
            return float(text.replace(",", "."))
        except ValueError:
            return text
    return text


def may_use(cls: type[StepType] | None, user: Any) -> bool:
    """Whether the user's role may put a step of this type in a workflow (the registry's
    ``required_role``); the card's settings are fields only for them."""
    return cls is None or cls.required_role is None or user_has_role(user, cls.required_role)


def _nested_setting(
    post: QueryDict, index: int, setting: Mapping[str, Any], action: dict[str, Any]
) -> Any:
    """The value of a setting edited in rows (order lines, a body); None: leave it out."""
    key, op = setting["key"], post.get("op") or ""
    name = f"s{index}-cfg-{key}"
    if setting["kind"] == "lines":
        if action.get("mode") != "lines":
            return None
        base = action.get(key) if isinstance(action.get(key), list) else []
        return parts.lines_from(post, name, base, parts.row_op(op, "lines", index))
    return parts.body_from(post, name, action.get(key), parts.row_op(op, "body", index))


def _step_from(post: QueryDict, index: int, zone: str, user: Any) -> dict[str, Any]:
    """One step from its card: the loaded step, with what the card shows put over it."""
    prefix = f"s{index}-"
    try:
        base = json.loads(post.get(f"{prefix}base") or "{}")
    except ValueError:
        base = {}
    if not isinstance(base, dict):
        base = {}
    step_type = post.get(f"{prefix}step_type") or base.get("step_type") or ""
    cls = step_types().get(step_type)
    same_type = step_type == base.get("step_type")
    step: dict[str, Any] = {
        "step_order": index + 1,
        "name": (post.get(f"{prefix}name") or "").strip(),
        "step_type": step_type,
        "is_active": bool(post.get(f"{prefix}is_active")),
        "max_retries": base.get("max_retries", 3),
    }
    # Another type keeps none of the old config: it is a different kind of step.
    action = dict(base.get("action_config") or {}) if same_type else {}
    trigger_type, trigger = _trigger_from(post, prefix, zone)
    if cls is not None and cls.waits_for_trigger:
        # Its config is the time it waits for; it keeps its own trigger type.
        kept = base.get("trigger_type") or "immediate"
        step["trigger_type"] = kept if same_type else "immediate"
    else:
        step["trigger_type"] = trigger_type
    before = (base.get("trigger_config") or {}).get("at")
    if "at" in trigger and before and parts.same_moment(trigger["at"], before):
        trigger = {"at": before}
    step["trigger_config"] = trigger
    if same_type and may_use(cls, user):
        # Rows come after the settings they depend on (order lines after "what to order").
        settings = sorted(step_settings(cls), key=lambda s: s["kind"] in _ROWS)
        for setting in settings:
            if setting["kind"] == "kept":
                continue
            if setting["kind"] in _ROWS:
                value = _nested_setting(post, index, setting, action)
            else:
                value = _setting_from(post, f"{prefix}cfg-{setting['key']}", setting["kind"])
            if value is None:
                action.pop(setting["key"], None)
            else:
                action[setting["key"]] = value
    if _has_template(cls):
        action.pop("template", None)
        action["template_id"] = _int(post.get(f"{prefix}template_id"))
    if cls is not None and cls.acts_on_customers:
        action["recipients"] = _recipients_from(post, prefix)
    step["action_config"] = action
    op = post.get("op") or ""
    condition = _condition_from(post, index, base, op) if _has_condition(cls) else {}
    step["condition_config"] = condition
    return step


def document_from_post(
    post: QueryDict, workflow: WorkflowDefinition, user: Any = None
) -> dict[str, Any]:
    """The workflow document the form says. What the form does not edit (the type, the
    time zone, an event's further options) comes from the stored workflow."""
    stored = workflow_definition(workflow)
    doc: dict[str, Any] = {
        "name": (post.get("name") or "").strip(),
        "description": (post.get("description") or "").strip(),
        "workflow_type": stored["workflow_type"],
    }
    if stored["workflow_type"] == "scheduled":
        doc["schedule"] = _schedule_from(post, stored.get("schedule"))
    else:
        doc["event"] = parts.event_from(post, stored.get("event"))
    zone = _zone_of(doc)
    count = min(_int(post.get("step_count") or 0) or 0, 50)
    doc["steps"] = [_step_from(post, index, zone, user) for index in range(count)]
    return doc


def _zone_of(doc: Mapping[str, Any]) -> str:
    """The time zone a step's fixed moment is given in: the schedule's, or the default."""
    return (doc.get("schedule") or {}).get("timezone") or timezone.get_default_timezone_name()


def _step_keys(post: QueryDict, count: int) -> list[str]:
    """Each card's stable key: the ids of its fields, so focus follows a moved step."""
    return [post.get(f"s{index}-key") or uuid.uuid4().hex[:8] for index in range(count)]


def _apply_op(doc: dict[str, Any], keys: list[str], op: str, new_type: str) -> None:
    """Add, remove or move a step (in place); an impossible move does nothing."""
    steps = doc["steps"]
    verb, _sep, number = op.partition(":")
    index = _int(number)
    if verb == "add":
        cls = step_types().get(new_type)
        if cls is not None:
            steps.append(_new_step(cls, len(steps)))
            keys.append(uuid.uuid4().hex[:8])
    elif isinstance(index, int) and 0 <= index < len(steps):
        target = {"up": index - 1, "down": index + 1}.get(verb)
        if verb == "remove":
            del steps[index]
            del keys[index]
        elif target is not None and 0 <= target < len(steps):
            steps[index], steps[target] = steps[target], steps[index]
            keys[index], keys[target] = keys[target], keys[index]
    for number_, step in enumerate(steps, start=1):
        step["step_order"] = number_


def _new_step(cls: type[StepType], index: int) -> dict[str, Any]:
    step: dict[str, Any] = {
        "step_order": index + 1,
        "name": "",
        "step_type": cls.key,
        "trigger_type": "immediate",
        "trigger_config": {},
        "action_config": {},
        "condition_config": {},
        "is_active": True,
        "max_retries": 3,
    }
    if cls.acts_on_customers:
        step["action_config"]["recipients"] = {"group": "all"}
    return step


# --- Errors at their fields ----------------------------------------------------------------

_SCHEDULE_FIELDS = {
    "time": "schedule_time",
    "day": "schedule_days",
    "days": "schedule_days",
    "every_weeks": "schedule_every_weeks",
    "anchor": "schedule_anchor",
    "iso_weeks": "schedule_iso_weeks",
    "day_of_month": "schedule_day_of_month",
    "weekday": "schedule_weekday",
    "nth": "schedule_nth",
    "business_day": "schedule_business_day",
    "expression": "schedule_expression",
}
_STEP_FIELDS = {
    "name": "name",
    "step_type": "step_type",
    "trigger_type": "when",
    "trigger_config": "when",
    "action_config/template_id": "template",
    "action_config/template": "template",
    "action_config/recipients": "who",
    "condition_config": "condition",
}


#: Rules across a schedule's fields are reported at the config itself; the field a user
#: fixes them in is the one their code names.
_SCHEDULE_CODE_FIELDS = {
    "anchor_required": "schedule_anchor",
    "anchor_unused": "schedule_anchor",
    "weeks_conflict": "schedule_iso_weeks",
    "nth_required": "schedule_nth",
    "nth_unused": "schedule_nth",
    "invalid_business_day": "schedule_business_day",
}


def _setting_keys() -> set[str]:
    return {setting["key"] for cls in step_types().values() for setting in step_settings(cls)}


def _anchors(count: int) -> dict[str, str]:
    """JSON Pointer prefix -> the form field that shows its problems."""
    anchors = {"/name": "name", "/description": "description", "/schedule": "schedule"}
    anchors["/schedule/holiday_policy"] = "holiday_policy"
    anchors |= {"/event": "event", "/event/type": "event_type", "/event/name": "event_name"}
    anchors["/schedule/schedule_type"] = "schedule_kind"
    for key, name in _SCHEDULE_FIELDS.items():
        anchors[f"/schedule/schedule_config/{key}"] = name
    anchors["/steps"] = "steps"
    for index in range(count):
        anchors[f"/steps/{index}"] = f"s{index}-card"
        for key, name in _STEP_FIELDS.items():
            anchors[f"/steps/{index}/{key}"] = f"s{index}-{name}"
        for key in _setting_keys():
            anchors[f"/steps/{index}/action_config/{key}"] = f"s{index}-cfg-{key}"
        for key, _label in parts.FILTER_FIELDS:
            anchors[f"/steps/{index}/condition_config/{key}"] = f"s{index}-filter-{key}"
    return anchors


#: An order line's field: its row's own field.
_LINE_FIELD = re.compile(r"^/steps/(\d+)/action_config/lines/(\d+)/(sku|quantity)(?:/|$)")


def errors_by_field(errors: list[dict[str, str]], count: int) -> dict[str, list[str]]:
    """Each problem under the field of the longest pointer prefix that names it ("" for the
    workflow as a whole)."""
    anchors = _anchors(count)
    found: dict[str, list[str]] = {}
    for error in errors:
        path = error.get("path") or ""
        best = ""
        for prefix in anchors:
            if (path == prefix or path.startswith(prefix + "/")) and len(prefix) > len(best):
                best = prefix
        key = anchors.get(best, "")
        if line := _LINE_FIELD.match(path):
            key = f"s{line[1]}-cfg-lines-{line[2]}-{line[3]}"
        if path == "/schedule/schedule_config":
            key = _SCHEDULE_CODE_FIELDS.get(error.get("code", ""), key)
        messages_ = found.setdefault(key, [])
        if error["message"] not in messages_:
            messages_.append(error["message"])
    return found


def check_document(doc: dict[str, Any], *, workflow: WorkflowDefinition, user: Any) -> Any:
    """THE validator's verdict on the document, with the role rules for this user."""
    result = validate_workflow(doc, instance=workflow)
    policy = role_errors(doc, user=user)
    if result.is_valid:
        policy += workflow_policy_errors(result.normalised or doc, user=user)
    return result, policy


# --- What the page shows besides the fields -------------------------------------------------


@dataclass
class NextRun:
    at: Any
    planned: Any
    why: str
    steps: list[tuple[str, Any, str]] = field(default_factory=list)


def next_runs(doc: Mapping[str, Any]) -> list[NextRun]:
    """The schedule's next runs, each with when its timed steps would fire (moved or skipped
    by the holiday policy as the engine would)."""
    schedule = doc.get("schedule")
    if not schedule:
        return []
    policy = schedule.get("holiday_policy") or "run"
    try:
        found = runs_and_adjustments(
            schedule_type=schedule["schedule_type"],
            schedule_config=schedule["schedule_config"],
            timezone=schedule["timezone"],
            after=timezone.now(),
            count=NEXT_RUNS,
            holiday_policy=policy,
        )
    except (KeyError, TypeError, ValueError):
        return []
    w = _words()
    actual = [o.at for o in found if o.at is not None]
    runs = []
    for occurrence in found:
        run = NextRun(
            at=occurrence.at,
            planned=occurrence.planned,
            why=occurrence.closure.name(w.language) if occurrence.closure else "",
        )
        if occurrence.at is not None:
            later = [at for at in actual if at > occurrence.at]
            run.steps = _step_times(doc, occurrence.at, later[0] if later else None, policy)
        runs.append(run)
    return runs


def _step_times(
    doc: Mapping[str, Any], start: Any, before: Any, policy: str
) -> list[tuple[str, Any, str]]:
    """(step label, when, why moved or skipped) for each timed step of one run."""
    w = _words()
    registry = step_types()
    cursor = start
    out: list[tuple[str, Any, str]] = []
    for step in doc.get("steps") or []:
        cls = registry.get(step.get("step_type"))
        timed = step.get("trigger_type") == "time_based" or (cls and cls.waits_for_trigger)
        if not timed or step.get("is_active") is False:
            continue
        try:
            occurrence = step_trigger(
                trigger_config=step.get("trigger_config") or {},
                timezone=doc["schedule"]["timezone"],
                after=cursor,
                holiday_policy=policy,
                before=before,
            )
        except (KeyError, TypeError, ValueError):
            return out
        label = step.get("name") or _("Step %(n)s") % {"n": step.get("step_order")}
        why = occurrence.closure.name(w.language) if occurrence.closure else ""
        out.append((label, occurrence.at, why))
        if occurrence.at is not None:
            cursor = occurrence.at
    return out


def _groups() -> list[dict[str, Any]]:
    """Every customer group with how many active customers are in it now."""
    rows = CustomerGroup.objects.annotate(
        n=Count("customers", filter=Q(customers__active=True), distinct=True)
    ).order_by("name")
    return [{"slug": g.slug, "name": g.name, "count": g.n} for g in rows]


def _template_preview(template: EmailTemplate | None) -> dict[str, str] | None:
    if template is None:
        return None
    try:
        email = render_email(template=template, customer=None, sample=True)
    except Exception:  # a broken template still shows its name; its own page says what is wrong
        return {"subject": template.subject, "text": ""}
    text = email.text.strip()
    return {"subject": email.subject, "text": text[:400] + ("…" if len(text) > 400 else "")}


def _cards(
    doc: Mapping[str, Any],
    keys: list[str],
    errors: Mapping[str, list[str]],
    user: Any,
    templates: Mapping[int, EmailTemplate],
    chosen: Mapping[str, str],
) -> list[dict[str, Any]]:
    """What each step card shows, read from the step and its type's registry entry."""
    registry = step_types()
    steps = list(doc.get("steps") or [])
    cards = []
    for index, step in enumerate(steps):
        cls = registry.get(step.get("step_type"))
        timing = _card_when(doc, step, cls)
        cards.append(
            {
                "index": index,
                "number": index + 1,
                "key": keys[index],
                "prefix": f"s{index}-",
                "step": step,
                "base": json.dumps(step, ensure_ascii=False, default=str),
                **_card_type(step, index, cls, registry, user, errors, chosen),
                **timing,
                **_card_who(step, steps[:index], registry),
                **_card_condition(step, index, errors),
                **_card_template(step, templates),
                "errors": {
                    name: errors.get(f"s{index}-{name}", [])
                    for name in ("card", *set(_STEP_FIELDS.values()))
                },
                "first": index == 0,
                "last": index == len(steps) - 1,
            }
        )
    return cards


def _card_type(
    step: Mapping[str, Any],
    index: int,
    cls: type[StepType] | None,
    registry: Mapping[str, type[StepType]],
    user: Any,
    errors: Mapping[str, list[str]],
    chosen: Mapping[str, str],
) -> dict[str, Any]:
    """The step's type, the types the user may change it to, its settings and which of the
    card's parts its type has."""
    return {
        "label": cls.label if cls else step.get("step_type"),
        "types": [
            (key, c.label)
            for key, c in registry.items()
            if key == step.get("step_type")
            or c.required_role is None
            or user_has_role(user, c.required_role)
        ],
        "settings": [
            _setting_card(step, index, setting, errors, cls, chosen)
            for setting in step_settings(cls)
        ],
        "may_edit": may_use(cls, user),
        "has_template": _has_template(cls),
        "has_recipients": bool(cls and cls.acts_on_customers),
        "has_condition": _has_condition(cls),
        "waits": bool(cls and cls.waits_for_trigger),
    }


def _card_when(
    doc: Mapping[str, Any], step: Mapping[str, Any], cls: type[StepType] | None
) -> dict[str, Any]:
    """When the step acts: the kind of trigger and its fields."""
    trigger = step.get("trigger_config") or {}
    when = _when_kind(step, cls, trigger)
    delay = trigger.get("delay_minutes")
    moment = parts.moment_fields(trigger.get("at"), _zone_of(doc))
    return {
        "when": when,
        "day": trigger.get("day") or "",
        "time": moment[1] if when == "at" else trigger.get("time") or "",
        "date": moment[0] if when == "at" else "",
        "hours": "" if delay is None else _hours(delay),
    }


def _when_kind(
    step: Mapping[str, Any], cls: type[StepType] | None, trigger: Mapping[str, Any]
) -> str:
    """A timed step's kind of time (after a delay, at a moment, on a day, at a time of day),
    else its trigger type."""
    if step.get("trigger_type") == "time_based" or (cls and cls.waits_for_trigger):
        if "delay_minutes" in trigger:
            return "delay"
        if "at" in trigger:
            return "at"
        if "day" in trigger:
            return "day_time"
        return "time"
    return step.get("trigger_type") or "immediate"


def _card_who(
    step: Mapping[str, Any],
    earlier: list[Mapping[str, Any]],
    registry: Mapping[str, type[StepType]],
) -> dict[str, Any]:
    """Whom the step acts on, and the ``earlier`` steps whose customers it may take."""
    recipients = (step.get("action_config") or {}).get("recipients") or {}
    return {
        "who": _who_kind(recipients),
        "group": recipients.get("group", ""),
        "customer_ids": [str(pk) for pk in recipients.get("customer_ids") or []],
        "from_step": str(recipients.get("from_step", "")),
        "earlier": [
            (s.get("step_order"), s.get("name") or _("Step %(n)s") % {"n": n})
            for n, s in enumerate(earlier, start=1)
            if (c := registry.get(s.get("step_type"))) and c.yields_customers
        ],
    }


def _who_choices(doc: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    """Whom a step can be for: the event's customer too in an event-based workflow."""
    if doc.get("workflow_type") != "event_based":
        return WHO_CHOICES
    event = doc.get("event")
    webhook = isinstance(event, Mapping) and event.get("type") == "webhook"
    return (*WHO_CHOICES, WEBHOOK_CUSTOMER_CHOICE if webhook else EVENT_CUSTOMER_CHOICE)


def _who_kind(recipients: Mapping[str, Any]) -> str:
    if "group" in recipients:
        return "all" if recipients["group"] == "all" else "group"
    if "customer_ids" in recipients:
        return "customers"
    if "from_step" in recipients:
        return "from_step"
    if recipients.get("event_customer"):
        return "event_customer"
    return "all"


def _card_condition(
    step: Mapping[str, Any], index: int, errors: Mapping[str, list[str]]
) -> dict[str, Any]:
    """The step's condition: its check, the window it looks back over and its filters."""
    condition = step.get("condition_config") or {}
    return {
        "condition": condition.get("check", ""),
        "window": (
            "days_back" if "days_back" in condition else condition.get("since", "execution_start")
        ),
        "days_back": condition.get("days_back", ""),
        "filters": [
            {**row, "errors": errors.get(f"s{index}-filter-{row['field']}", [])}
            for row in parts.filter_rows(condition)
        ],
        "filter_more": parts.filter_unused(condition) is not None,
    }


def _card_template(
    step: Mapping[str, Any], templates: Mapping[int, EmailTemplate]
) -> dict[str, Any]:
    """The step's email template and a preview of it."""
    template_id = (step.get("action_config") or {}).get("template_id")
    return {
        "template_id": str(template_id or ""),
        "template_preview": _template_preview(
            templates.get(template_id) if isinstance(template_id, int) else None
        ),
    }


def _setting_card(
    step: Mapping[str, Any],
    index: int,
    setting: Mapping[str, Any],
    errors: Mapping[str, list[str]],
    cls: type[StepType] | None,
    chosen: Mapping[str, str],
) -> dict[str, Any]:
    """What the card shows for one setting; rows for order lines and a body (``chosen``:
    the pickers that are no part of the document, as the user left them)."""
    config = step.get("action_config") or {}
    name = f"s{index}-cfg-{setting['key']}"
    card = {**setting, "value": _setting_value(config, setting), "errors": errors.get(name, [])}
    if setting["kind"] == "lines":
        lines = config.get(setting["key"])
        rows = parts.lines_rows(lines)
        card["shown"] = config.get("mode") == "lines"
        card["rows"] = [
            {
                **row,
                "errors": errors.get(f"{name}-{number}-sku", [])
                + errors.get(f"{name}-{number}-quantity", []),
            }
            for number, row in enumerate(rows)
        ]
        card["products"] = parts.products(_words().language, lines or [])
    elif setting["kind"] == "keyvalue":
        body = config.get(setting["key"])
        card["as_rows"] = parts.body_is_rows(body)
        card["rows"] = [
            {**row, "var": chosen.get(f"{name}-{number}-var", "")}
            for number, row in enumerate([*parts.body_rows(body), {"key": "", "value": ""}])
        ]
        card["text"] = "" if card["as_rows"] else parts.body_text(body)
        card["variables"] = list((cls.variables if cls else {}).items())
    elif setting["kind"] == "integration":
        card["choices"] = _integrations(config.get(setting["key"]))
    return card


def _integrations(current: Any) -> list[tuple[str, str]]:
    """(id, name) of the active integrations, and the step's own even when it is not."""
    rows = Integration.objects.filter(Q(is_active=True) | Q(pk=_int(current) or 0))
    return [(str(i.pk), i.name) for i in rows.order_by("name")]


def _setting_value(config: Mapping[str, Any], setting: Mapping[str, Any]) -> Any:
    value = config.get(setting["key"])
    if value is None:
        return ""
    if setting["kind"] == "list" and isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if setting["kind"] == "boolean":
        return bool(value)
    return value if setting["kind"] in ("kept", *_ROWS) else str(value)


def _hours(minutes: Any) -> str:
    try:
        hours = float(minutes) / 60
    except (TypeError, ValueError):
        return str(minutes)
    return f"{hours:g}"


def _schedule_fields(doc: Mapping[str, Any]) -> dict[str, Any]:
    schedule = doc.get("schedule") or {}
    config = schedule.get("schedule_config") or {}
    days = config.get("days") or ([config["day"]] if config.get("day") else [])
    return {
        "kind": schedule_kind(schedule),
        "time": config.get("time", ""),
        "days": days,
        "every_weeks": config.get("every_weeks") or 2,
        "anchor": config.get("anchor") or "",
        "iso_weeks": config.get("iso_weeks") or "even",
        "day_of_month": str(config.get("day_of_month") or 1),
        "weekday": config.get("weekday") or "monday",
        "nth": str(config.get("nth") or 1),
        "business_day": str(config.get("business_day") or 1),
        "expression": config.get("expression", ""),
        "weekdays_only": bool(config.get("weekdays_only")),
        "holiday_policy": schedule.get("holiday_policy") or "run",
        "timezone": schedule.get("timezone", ""),
    }


def _editor_context(
    request: HttpRequest,
    workflow: WorkflowDefinition,
    *,
    doc: dict[str, Any],
    keys: list[str],
    base_version: int,
    errors: list[dict[str, str]],
    normalised: dict[str, Any] | None,
    conflict: dict[str, Any] | None = None,
    checked: bool = False,
    chosen: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The page's context; ``chosen``: the posted pickers that are no part of the document
    (the new step's type, a variable to insert), shown as the user left them."""
    chosen = chosen or {}
    w = _words()
    by_field = errors_by_field(errors, len(doc.get("steps") or []))
    shown = {"", "name", "description", "schedule", "holiday_policy", "steps"}
    shown |= {"schedule_kind", "event", "event_type", "event_name", *_SCHEDULE_FIELDS.values()}
    templates = EmailTemplate.objects.in_bulk()
    cards = _cards(doc, keys, by_field, request.user, templates, chosen)
    preview = workflow_preview(normalised, language=w.language) if normalised else []
    customers = list(Customer.objects.filter(active=True).order_by("name").values("pk", "name"))
    event = (doc.get("event") or {}).get("type", "")
    return {
        "event_type": event,
        "event_name": (doc.get("event") or {}).get("name", ""),
        "event_types": [(kind, w.say(*EVENTS.get(kind, (kind, kind)))) for kind in EVENT_TYPES],
        "languages": parts.filter_languages(),
        "zone": _zone_of(doc),
        "workflow": workflow,
        "doc": doc,
        "schedule": _schedule_fields(doc),
        "cards": cards,
        "base_version": base_version,
        "errors": by_field,
        "error_count": len(errors),
        "general_errors": [
            m
            for key, found in by_field.items()
            if key not in shown and "-" not in key
            for m in found
        ]
        + by_field.get("", []),
        "checked": checked,
        "valid": not errors,
        "next_runs": next_runs(normalised or doc) if not _schedule_errors(by_field) else [],
        "preview": [line for line in preview if line.kind in ("schedule", "event", "step")],
        "conflict": conflict,
        "groups": _groups(),
        "all_count": sum(1 for _c in customers),
        "customers": customers,
        "templates": sorted(templates.values(), key=lambda t: t.name.casefold()),
        "weekdays": list(zip(WEEKDAYS, [w.day(d) for d in WEEKDAYS], strict=True)),
        "schedule_kinds": SCHEDULE_KINDS,
        "days_of_month": [str(n) for n in range(1, 32)],
        "when_choices": WHEN_CHOICES,
        "who_choices": _who_choices(doc),
        "condition_choices": CONDITION_CHOICES,
        "nth_choices": NTH_CHOICES,
        "business_day_choices": BUSINESS_DAY_CHOICES,
        "policies": [(p, policy_outcome(p, w)) for p in HOLIDAY_POLICIES],
        "parity_note": w.say(*WEEK_PARITY_NOTE),
        "new_type": chosen.get("new_step_type", ""),
        "new_types": [
            (key, cls.label)
            for key, cls in step_types().items()
            if cls.required_role is None or user_has_role(request.user, cls.required_role)
        ],
        "in_progress": workflow.executions.filter(status__in=UNFINISHED).count(),  # type: ignore[attr-defined]
    }


def _chosen(post: QueryDict) -> dict[str, str]:
    """The posted pickers that are no part of the document."""
    return {
        name: value
        for name, value in post.items()
        if name == "new_step_type" or name.endswith("-var")
    }


def _schedule_errors(by_field: Mapping[str, list[str]]) -> bool:
    return any(
        key in by_field
        for key in ("schedule", "schedule_kind", "holiday_policy", *_SCHEDULE_FIELDS.values())
    )


# --- Views ---------------------------------------------------------------------------------


def _workflow_or_404(request: HttpRequest, pk: int) -> WorkflowDefinition:
    try:
        return workflow_get(pk=pk, user=request.user)
    except WorkflowDefinition.DoesNotExist:
        raise Http404(_("No such workflow.")) from None


def _conflict(
    workflow: WorkflowDefinition, base_version: int, mine: dict[str, Any] | None
) -> dict[str, Any]:
    """Who saved since ``base_version`` and what they changed, in words."""
    language = _words().language
    versions = list(
        WorkflowVersion.objects.filter(workflow=workflow)
        .filter(Q(version=base_version) | Q(version__gt=base_version))
        .select_related("created_by")
        .order_by("version")
    )
    base = next((v for v in versions if v.version == base_version), None)
    later = [v for v in versions if v.version > base_version]
    current = workflow_definition(workflow)
    theirs = workflow_diff(base.definition, current, language=language) if base else []
    own = workflow_diff(current, mine, language=language) if mine else []
    return {
        "versions": later,
        "current": workflow.version,
        "theirs": [str(change) for change in theirs],
        "mine": [str(change) for change in own],
    }


@require_role(BUSINESS)
@require_http_methods(["GET", "POST"])
def workflow_editor_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """GET: the form filled from the current version. POST: check the form live (an HTMX
    change), add, remove or move a step (``op``), or save (``save``)."""
    workflow = _workflow_or_404(request, pk)
    detail = reverse("automation:workflow-detail", args=[workflow.pk])
    if workflow.status == WorkflowDefinition.Status.ARCHIVED:
        messages.error(request, _("An archived workflow cannot be changed."))
        return HttpResponseClientRedirect(detail) if request.htmx else redirect(detail)
    if request.method == "GET":
        doc = workflow_definition(workflow)
        keys = [uuid.uuid4().hex[:8] for _step in doc["steps"]]
        context = _editor_context(
            request,
            workflow,
            doc=doc,
            keys=keys,
            base_version=workflow.version,
            errors=[],
            normalised=validate_workflow(doc, instance=workflow).normalised,
        )
        return render(request, PAGE, context)

    post = request.POST
    doc = document_from_post(post, workflow, request.user)
    keys = _step_keys(post, len(doc["steps"]))
    base_version = _int(post.get("version"))
    if not isinstance(base_version, int):
        base_version = workflow.version
    op = post.get("op") or ""
    if op.startswith("rebase:"):
        # Keep my edit, now on top of the current version: checked again, then saved by hand.
        base_version = workflow.version
    elif op:
        _apply_op(doc, keys, op, post.get("new_step_type") or "")
    result, policy = check_document(doc, workflow=workflow, user=request.user)
    errors = list(result.errors) + policy
    conflict = None
    if "save" in post and not op and not errors:
        try:
            saved = workflow_update(
                workflow=workflow,
                data=doc,
                updated_by=request.user,
                expected_version=base_version,
            )
        except WorkflowConflict:
            workflow.refresh_from_db()
            conflict = _conflict(workflow, base_version, result.normalised)
        except (WorkflowValidationError, WorkflowPermissionError) as exc:
            errors = list(exc.errors)
        else:
            if saved.version == base_version:
                messages.info(request, _("Nothing was changed."))
            elif saved.status == WorkflowDefinition.Status.ACTIVE:
                messages.success(
                    request,
                    _(
                        "Saved as version %(n)s. It applies from the next run; a run in "
                        "progress finishes with the version it started with."
                    )
                    % {"n": saved.version},
                )
            else:
                messages.success(request, _("Saved as version %(n)s.") % {"n": saved.version})
            return HttpResponseClientRedirect(detail) if request.htmx else redirect(detail)
    context = _editor_context(
        request,
        workflow,
        doc=doc,
        keys=keys,
        base_version=base_version,
        errors=errors,
        normalised=result.normalised if not errors else None,
        conflict=conflict,
        checked=True,
        chosen=_chosen(post),
    )
    template = f"{PAGE}#editor" if wants_fragment(request) else PAGE
    return render(request, template, context)
