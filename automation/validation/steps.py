"""Passes 3 and 4 for the steps: each step's ``step_order``, which config model each of its
config fields follows (its step type's ``Config``, the time trigger, the condition), the
parsed configs, and what the step names (collected into ``Refs`` for ``references``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from pydantic import BaseModel

from automation.registry import StepType, step_types
from automation.step_config import Condition, TimeTrigger
from automation.validation.configs import parse
from automation.validation.document import CONFIG_FIELDS
from automation.validation.problems import Path, Problems
from automation.validation.references import (
    Refs,
    collect_condition_group,
    collect_references,
)


@dataclass
class CheckedSteps:
    """What the step checks found, index by index as submitted."""

    steps: list[Any]
    refs: Refs = field(default_factory=Refs)
    #: Submitted step_order -> step_type (known types only).
    orders: dict[int, str] = field(default_factory=dict)
    #: Every step_order taken, whatever its step's type.
    seen_orders: set[int] = field(default_factory=set)
    #: The step_order of each step (its position + 1 when it gave none or a bad one).
    step_orders: list[int] = field(default_factory=list)
    #: The parsed configs of each step, by config field.
    parsed: list[dict[str, BaseModel]] = field(default_factory=list)


def check_steps(doc: dict[str, Any], problems: Problems) -> CheckedSteps:
    steps: list[Any] = doc.get("steps") if isinstance(doc.get("steps"), list) else []  # type: ignore[assignment]
    checked = CheckedSteps(steps=steps)
    for index, step in enumerate(steps):
        if not isinstance(step, dict):
            checked.parsed.append({})
            checked.step_orders.append(index + 1)
            continue
        order = _step_order(index, step, checked, problems)
        checked.step_orders.append(order)
        checked.parsed.append(_check_step(index, step, order, problems, checked.refs))
    return checked


def _step_order(index: int, step: dict[str, Any], checked: CheckedSteps, problems: Problems) -> int:
    order = step.get("step_order", index + 1)
    if not isinstance(order, int) or problems.under(("steps", index, "step_order")):
        order = index + 1
    if order in checked.seen_orders:
        problems.add(
            ("steps", index, "step_order"),
            "duplicate_step_order",
            _("Another step already has step_order %(n)s.") % {"n": order},
        )
    else:
        checked.seen_orders.add(order)
        if isinstance(step.get("step_type"), str) and step["step_type"] in step_types():
            checked.orders[order] = step["step_type"]
    return order


def _check_step(
    index: int,
    step: dict[str, Any],
    own_order: int,
    problems: Problems,
    refs: Refs,
) -> dict[str, BaseModel]:
    """Parse a step's configs and collect its references; return the parsed configs."""
    base: Path = ("steps", index)
    key = step.get("step_type")
    cls = step_types().get(key) if isinstance(key, str) else None
    if cls is None or problems.under((*base, "step_type")):
        return {}
    trigger_type = step.get("trigger_type", "immediate")
    parsed: dict[str, BaseModel] = {}
    for name in CONFIG_FIELDS:
        value = step.get(name, {})
        path = (*base, name)
        model = _config_model(cls, name, value, trigger_type)
        if model is None:
            if value and not problems.under(path):
                problems.add(
                    path,
                    "unexpected_config",
                    _("A %(type)s step with trigger %(trigger)s does not use %(field)s.")
                    % {"type": cls.key, "trigger": trigger_type, "field": name},
                )
            continue
        config = parse(model, value, path, problems)
        if config is not None:
            parsed[name] = config

    # Meaning is checked on the raw values, field by field, so that one structural mistake
    # in a config does not hide an unknown template or integration next to it.
    own = step.get(cls.config_field)
    if isinstance(own, dict):
        collect_references(cls, own, (*base, cls.config_field), own_order, problems, refs)
    collect_condition_group(step.get("condition_config"), base, problems, refs)
    return parsed


def _config_model(
    cls: type[StepType], name: str, value: Any, trigger_type: Any
) -> type[BaseModel] | None:
    """The model that config field ``name`` follows in such a step; None: it is not used."""
    if name == cls.config_field:
        return cls.Config
    if name == "trigger_config" and trigger_type == "time_based":
        return TimeTrigger
    if name == "condition_config" and (value or trigger_type == "condition_based"):
        return Condition
    return None
