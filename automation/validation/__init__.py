"""THE validator of the workflow format (``shared/docs/workflow-format.md``).

Every entry point (API, HTMX pages, admin, AI assistant, DSLs) calls ``validate_workflow``;
the services call it before any write. It works in four passes over a copy of the input:

1. Light normalisation that never moves anything (so error paths still point into the
   submitted document): day names to English, ``9:00`` to ``09:00``, HTTP methods to upper
   case; read-only fields (``id``, ``status``, ``schedule.next_run`` ...) are dropped so a
   client may send back what it read.
2. Structure: the JSON Schema from ``workflow_json_schema()`` (built from the step types'
   pydantic ``Config`` classes), every error translated to a JSON Pointer and a code.
3. Config models: each config that passed the schema is parsed with its pydantic model,
   which adds the cross-field rules ("exactly one of") the schema does not express.
4. Meaning: referenced templates, groups, customers and integrations exist, ``from_step``
   names an earlier step that yields customers, time zone and cron are valid, schedule vs
   event fits the workflow type, and the sending-frequency policy.

Every problem is reported (one per location), each as ``{"path", "code", "message"}``.
When there is none, ``ValidationResult.normalised`` is the canonical document: defaults
filled, template names resolved to ids, steps sorted and renumbered 1..n.

Where each part lives:

- ``validate``: ``validate_workflow``, the passes in order;
- ``normalise``: pass 1, and the canonical document at the end;
- ``schema``: ``workflow_json_schema()``, the schema pass and its errors in our words;
- ``configs``: parsing a config with its pydantic model (pass 3);
- ``schedules``: schedule vs event, time zone, cron, the sending-frequency rule;
- ``steps``: step orders, which model each config field follows, what a step names;
- ``references``: collecting and checking what the document names (one query per table);
- ``codes``: every error code and the messages for pydantic's; ``problems``: the problems
  collected and the results handed back; ``document``: the format's fields and defaults.

The step-type registry (``automation.registry``) is the contract: nothing here names a step
type.
"""

from __future__ import annotations

# Importable as before the split: ``__all__`` below, and these (``X as X`` re-exports them).
from automation.validation.codes import ERROR_CODES
from automation.validation.codes import error_codes as error_codes
from automation.validation.document import CONFIG_FIELDS as CONFIG_FIELDS
from automation.validation.document import HTTP_METHODS as HTTP_METHODS
from automation.validation.document import MAX_STEPS as MAX_STEPS
from automation.validation.document import READ_ONLY_FIELDS
from automation.validation.document import SCHEDULE_READ_ONLY_FIELDS as SCHEDULE_READ_ONLY_FIELDS
from automation.validation.document import STEP_DEFAULTS as STEP_DEFAULTS
from automation.validation.document import STEP_KEYS as STEP_KEYS
from automation.validation.document import TRIGGER_TYPES as TRIGGER_TYPES
from automation.validation.problems import Path as Path
from automation.validation.problems import ValidationResult, WorkflowValidationError
from automation.validation.problems import pointer as pointer
from automation.validation.schema import workflow_json_schema
from automation.validation.validate import validate_workflow

__all__ = [
    "ERROR_CODES",
    "READ_ONLY_FIELDS",
    "ValidationResult",
    "WorkflowValidationError",
    "validate_workflow",
    "workflow_json_schema",
]
