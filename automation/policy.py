"""What a user may put in a workflow: the per-user rules the validator does not know.

The validator checks the format and what the workflow names; it does not know who is asking.
Each step type says the least role that may use it (``StepType.required_role``: an
integration call reaches outside systems with stored credentials, so developers only) and may
add rules of its own (``StepType.policy_errors``). ``workflow_create``, ``workflow_update``
and ``workflow_deploy`` check them with the acting user, so the API, the pages, the assistant,
the DSL and the admin all refuse the same things in the same words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from accounts.roles import role_label, user_has_role
from automation.registry import step_types
from core.errors import DomainError
from core.pointer import pointer

__all__ = ["WorkflowPermissionError", "workflow_policy_errors"]


class WorkflowPermissionError(DomainError):
    """The user's role does not allow a step of the workflow (nothing has been saved)."""

    status_code = 403


def role_errors(definition: Mapping[str, Any], *, user: Any) -> list[dict[str, str]]:
    """A step whose type needs a role the user does not have; ``user=None`` is a trusted
    caller (a task, a management command, the demo) and may use every step type."""
    if user is None:
        return []
    errors = []
    registry = step_types()
    for index, step in enumerate(definition.get("steps") or []):
        cls = registry.get(step.get("step_type")) if isinstance(step, Mapping) else None
        if cls is None or cls.required_role is None or user_has_role(user, cls.required_role):
            continue
        errors.append(
            {
                "path": pointer("steps", index, "step_type"),
                "code": "permission_denied",
                "message": _(
                    "Only a %(role)s or higher may use “%(label)s” steps (%(type)s) in a workflow."
                )
                % {"role": role_label(cls.required_role), "label": cls.label, "type": cls.key},
            }
        )
    return errors


def workflow_policy_errors(definition: Mapping[str, Any], *, user: Any) -> list[dict[str, str]]:
    """The step types' own rules for this user (addresses an integration may call, ...)."""
    errors: list[dict[str, str]] = []
    registry = step_types()
    for index, step in enumerate(definition.get("steps") or []):
        cls = registry.get(step.get("step_type")) if isinstance(step, Mapping) else None
        if cls is not None:
            errors += cls().policy_errors(step, user=user, path=pointer("steps", index))
    return errors
