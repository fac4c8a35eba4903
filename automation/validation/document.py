"""The shape of a workflow document that the passes share: read-only fields, step defaults
and key order, the limits and the fixed choices (``shared/docs/workflow-format.md``)."""

from __future__ import annotations

from typing import Any

#: Fields that responses carry but a submitted document may not set; they are ignored.
READ_ONLY_FIELDS: tuple[str, ...] = (
    "id",
    "status",
    "version",
    "is_active",
    "created_by",
    "created_at",
    "updated_at",
)
SCHEDULE_READ_ONLY_FIELDS: tuple[str, ...] = ("next_run", "last_run")

MAX_STEPS = 50
STEP_DEFAULTS: dict[str, Any] = {
    "name": "",
    "trigger_type": "immediate",
    "trigger_config": {},
    "action_config": {},
    "condition_config": {},
    "is_active": True,
    "max_retries": 3,
}
# Key order of a normalised step (dict order is kept through JSON and the API).
STEP_KEYS: tuple[str, ...] = (
    "step_order",
    "name",
    "step_type",
    "trigger_type",
    "trigger_config",
    "action_config",
    "condition_config",
    "is_active",
    "max_retries",
)
TRIGGER_TYPES = ("immediate", "time_based", "condition_based")
CONFIG_FIELDS = ("trigger_config", "action_config", "condition_config")
HTTP_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
