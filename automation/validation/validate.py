"""``validate_workflow``: the passes in order (see the package docstring)."""

from __future__ import annotations

import copy
from typing import Any

from django.utils.translation import gettext as _

from automation.models import WorkflowDefinition
from automation.validation.normalise import normalised, prenormalise
from automation.validation.problems import Problems, ValidationResult
from automation.validation.references import check_event_customers, check_refs
from automation.validation.schedules import check_schedule, check_workflow_type
from automation.validation.schema import schema_problems
from automation.validation.steps import check_steps


def validate_workflow(data: Any, *, instance: WorkflowDefinition | None = None) -> ValidationResult:
    """Validate a submitted workflow document; see the package docstring.

    ``instance`` is the workflow being edited (None when creating one).
    """
    problems = Problems()
    if not isinstance(data, dict):
        problems.add((), "invalid_type", _("A workflow is a JSON object."))
        return ValidationResult(errors=problems.as_list())
    if instance is not None and instance.status == "archived":
        problems.add((), "workflow_archived", _("An archived workflow cannot be changed."))

    doc = copy.deepcopy(data)
    # 1. Light normalisation (values only, so that paths stay true).
    prenormalise(doc)
    # 2. Structure: the JSON Schema.
    schema_problems(doc, problems)
    # 3. and 4. Config models and meaning: when it runs, then each step, then what they name.
    check_workflow_type(doc, problems)
    schedule_config, tz = check_schedule(doc, problems)
    steps = check_steps(doc, problems)
    template_names = check_refs(steps.refs, problems, steps.orders, steps.seen_orders)
    check_event_customers(doc, steps.refs, problems)

    errors = problems.as_list()
    if errors:
        return ValidationResult(errors=errors)
    return ValidationResult(normalised=normalised(doc, schedule_config, tz, steps, template_names))
