"""Normalisation, at both ends of the validator.

``prenormalise`` (pass 1) only changes values, never positions, so that error paths still
point into the submitted document: day names to English, ``9:00`` to ``09:00``, HTTP methods
to upper case, and read-only fields (``id``, ``status``, ``schedule.next_run`` ...) dropped so
a client may send back what it read.

``normalised`` builds the canonical document once there is no problem: defaults filled,
template names resolved to ids, steps sorted and renumbered 1..n.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel

from automation.step_config import normalise_day, normalise_time
from automation.validation.document import (
    CONFIG_FIELDS,
    READ_ONLY_FIELDS,
    SCHEDULE_READ_ONLY_FIELDS,
    STEP_DEFAULTS,
    STEP_KEYS,
)
from automation.validation.steps import CheckedSteps

# --- Pass 1: light normalisation ------------------------------------------------------------


def prenormalise(doc: dict[str, Any]) -> None:
    """In place; only changes values, never positions, so error paths stay true."""
    for name in READ_ONLY_FIELDS:
        doc.pop(name, None)
    schedule = doc.get("schedule")
    if isinstance(schedule, dict):
        for name in SCHEDULE_READ_ONLY_FIELDS:
            schedule.pop(name, None)
        _normalise_time_fields(schedule.get("schedule_config"))
        if isinstance(schedule.get("holiday_policy"), str):
            schedule["holiday_policy"] = schedule["holiday_policy"].strip().lower()
    steps = doc.get("steps")
    if isinstance(steps, list):
        for step in steps:
            if isinstance(step, dict):
                _prenormalise_step(step)


def _prenormalise_step(step: dict[str, Any]) -> None:
    _normalise_time_fields(step.get("trigger_config"))
    condition = step.get("condition_config")
    if isinstance(condition, dict) and isinstance(condition.get("since"), str):
        since = condition["since"].strip().lower()
        if since.startswith("last_"):
            since = "last_" + str(normalise_day(since[5:]))
        condition["since"] = since
    action = step.get("action_config")
    if isinstance(action, dict) and isinstance(action.get("method"), str):
        action["method"] = action["method"].strip().upper()


def _normalise_time_fields(config: Any) -> None:
    if not isinstance(config, dict):
        return
    for key in ("day", "weekday"):
        if key in config:
            config[key] = normalise_day(config[key])
    if isinstance(config.get("days"), list):
        config["days"] = [normalise_day(d) for d in config["days"]]
    if "time" in config:
        config["time"] = normalise_time(config["time"])


# --- The canonical document -----------------------------------------------------------------


def _dump(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json", exclude_none=True)


def normalised(
    doc: dict[str, Any],
    schedule_config: BaseModel | None,
    tz: str | None,
    checked: CheckedSteps,
    template_names: dict[str, int],
) -> dict[str, Any]:
    """The canonical document; only called when no problem was found."""
    out: dict[str, Any] = {
        "name": doc["name"],
        "description": doc.get("description", ""),
        "workflow_type": doc["workflow_type"],
    }
    if doc["workflow_type"] == "scheduled":
        assert schedule_config is not None
        out["schedule"] = {
            "schedule_type": doc["schedule"]["schedule_type"],
            "schedule_config": _dump(schedule_config),
            "timezone": tz,
        }
        # "run" (the default) is left out, as the format's examples write it.
        policy = doc["schedule"].get("holiday_policy", "run")
        if policy != "run":
            out["schedule"]["holiday_policy"] = policy
    else:
        out["event"] = copy.deepcopy(doc["event"])
    # Sorted by the submitted step_order, then numbered 1..n; from_step follows the renumbering.
    step_orders = checked.step_orders
    ranked = sorted(range(len(checked.steps)), key=lambda i: step_orders[i])
    renumber = {step_orders[i]: n for n, i in enumerate(ranked, start=1)}
    out["steps"] = [
        _normalised_step(n, checked.steps[i], checked.parsed[i], renumber, template_names)
        for n, i in enumerate(ranked, start=1)
    ]
    return out


def _normalised_step(
    n: int,
    step: dict[str, Any],
    parsed: dict[str, BaseModel],
    renumber: dict[int, int],
    template_names: dict[str, int],
) -> dict[str, Any]:
    item: dict[str, Any] = {"step_order": n, "step_type": step["step_type"]}
    for name, default in STEP_DEFAULTS.items():
        if name in CONFIG_FIELDS:
            item[name] = _dump(parsed[name]) if name in parsed else {}
        else:
            item[name] = step.get(name, default)
    action = item["action_config"]
    if "template" in action:
        action["template_id"] = template_names[action.pop("template")]
    if "body" in action:
        # The body is free JSON: keep it as given (model_dump would drop its nulls).
        action["body"] = copy.deepcopy(step["action_config"]["body"])
    recipients = action.get("recipients")
    if isinstance(recipients, dict) and "from_step" in recipients:
        recipients["from_step"] = renumber[recipients["from_step"]]
    return {key: item[key] for key in STEP_KEYS}
