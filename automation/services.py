"""Every write to a workflow, and its (de)serialisation to the canonical JSON.

Each entry point (API, HTMX pages, admin, AI assistant, DSL) calls these functions; each
validates through ``automation.validation.validate_workflow`` and saves atomically, so an
invalid document never leaves a half-saved workflow behind.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.recording import audit_changes, audit_record
from automation.models import (
    WorkflowDefinition,
    WorkflowSchedule,
    WorkflowStep,
    WorkflowVersion,
)
from automation.policy import WorkflowPermissionError, role_errors, workflow_policy_errors
from automation.registry import referencing, step_types
from automation.scheduling import next_occurrence_after
from automation.validation import WorkflowValidationError, validate_workflow
from core.errors import DomainError
from templates_app.models import EmailTemplate

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

__all__ = [
    "WorkflowConflict",
    "WorkflowStateError",
    "WorkflowValidationError",
    "workflow_archive",
    "workflow_create",
    "workflow_definition",
    "workflow_deploy",
    "workflow_pause",
    "workflow_serialize",
    "workflow_serialize_many",
    "workflow_update",
]

STEP_FIELDS = (
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


class WorkflowStateError(WorkflowValidationError):
    """The workflow's state does not allow the transition (deploying or pausing an archived
    workflow). A ``WorkflowValidationError``, so every entry point that reports those (pages,
    admin, assistant) reports this one too; the API answers it 409 ``invalid_state``, as it
    answers invalid transitions of executions."""

    status_code = 409

    def __init__(self, message: str) -> None:
        super().__init__([{"path": "", "code": "invalid_state", "message": message}])


class WorkflowConflict(DomainError):
    """An edit was based on a version that is no longer the current one."""

    code = "version_conflict"
    status_code = 409

    def __init__(self, *, expected_version: int, current_version: int) -> None:
        self.expected_version = expected_version
        self.current_version = current_version
        message = _(
            "The workflow was changed by someone else: you edited version "
            "%(expected)s, the current version is %(current)s."
        ) % {"expected": expected_version, "current": current_version}
        super().__init__([{"path": "/version", "code": self.code, "message": message}])
        self.args = (message,)

    def __str__(self) -> str:
        return str(self.args[0])

    def as_dict(self) -> dict[str, Any]:
        """The same shape as validation errors, so callers can render one kind of answer."""
        return {"errors": list(self.errors), "current_version": self.current_version}

    def response_body(self) -> dict[str, Any]:
        return self.as_dict()

    def response_headers(self) -> dict[str, str]:
        # The current version as ETag, for the client's next If-Match.
        return {"ETag": f'"{self.current_version}"'}


# --- Serialisation -----------------------------------------------------------------------


def _iso(value: dt.datetime | None, tz_name: str | None = None) -> str | None:
    if value is None:
        return None
    if tz_name:
        try:
            return value.astimezone(ZoneInfo(tz_name)).isoformat()
        except (KeyError, ValueError):
            pass
    return timezone.localtime(value).isoformat()


def _schedule_of(workflow: WorkflowDefinition) -> WorkflowSchedule | None:
    try:
        return workflow.schedule
    except WorkflowSchedule.DoesNotExist:
        return None


def workflow_definition(
    workflow: WorkflowDefinition, *, steps: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The definition part of the canonical JSON: exactly what was submitted, normalised.

    ``workflow_definition(workflow_create(data=d)) == validate_workflow(d).normalised``: this
    is the part that round-trips. Read-only fields are added by ``workflow_serialize``.
    ``steps`` are the workflow's step rows as ``STEP_FIELDS`` dicts in step order, when the
    caller has read them already (``workflow_serialize_many``).
    """
    data: dict[str, Any] = {
        "name": workflow.name,
        "description": workflow.description,
        "workflow_type": workflow.workflow_type,
    }
    schedule = _schedule_of(workflow)
    if workflow.workflow_type == WorkflowDefinition.WorkflowType.SCHEDULED and schedule:
        data["schedule"] = {
            "schedule_type": schedule.schedule_type,
            "schedule_config": schedule.schedule_config,
            "timezone": schedule.timezone,
        }
        if schedule.holiday_policy != "run":
            data["schedule"]["holiday_policy"] = schedule.holiday_policy
    if workflow.workflow_type == WorkflowDefinition.WorkflowType.EVENT_BASED:
        data["event"] = workflow.event
    if steps is None:
        steps = [
            {field: getattr(step, field) for field in STEP_FIELDS}
            for step in sorted(workflow.steps.all(), key=lambda s: s.step_order)
        ]
    data["steps"] = steps
    return data


def workflow_serialize_many(workflows: list[WorkflowDefinition]) -> dict[int, dict[str, Any]]:
    """``workflow_serialize`` of each workflow, by id, reading all their steps in one query.

    For the dispatcher, which snapshots hundreds of workflows per batch: plain rows instead of
    a prefetch of model instances, the same JSON. The schedules are expected to be loaded
    already (``select_related`` from the schedule side caches ``workflow.schedule``).
    """
    steps: dict[int, list[dict[str, Any]]] = {workflow.pk: [] for workflow in workflows}
    rows = (
        WorkflowStep.objects.filter(workflow_id__in=list(steps))
        .order_by("workflow_id", "step_order")
        .values_list("workflow_id", *STEP_FIELDS)
    )
    for workflow_id, *values in rows:
        steps[workflow_id].append(dict(zip(STEP_FIELDS, values, strict=True)))
    return {
        workflow.pk: workflow_serialize(workflow, steps=steps[workflow.pk])
        for workflow in workflows
    }


def workflow_serialize(
    workflow: WorkflowDefinition, *, steps: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The canonical JSON of a stored workflow, as the API returns it.

    The definition (see ``workflow_definition``) plus the read-only fields: ``id``,
    ``status``, ``version``, ``is_active``, ``created_by`` (user id), ``created_at``,
    ``updated_at`` and ``schedule.next_run`` / ``schedule.last_run`` (ISO 8601 with offset,
    in the schedule's own time zone). The validator accepts and ignores the read-only
    fields, so a client may GET, edit and send the document back.
    """
    data: dict[str, Any] = {"id": workflow.pk, **workflow_definition(workflow, steps=steps)}
    if "schedule" in data:
        schedule = _schedule_of(workflow)
        assert schedule is not None
        data["schedule"] = {
            **data["schedule"],
            "next_run": _iso(schedule.next_run, schedule.timezone),
            "last_run": _iso(schedule.last_run, schedule.timezone),
        }
    data.update(
        {
            "status": workflow.status,
            "version": workflow.version,
            "is_active": workflow.is_active,
            "created_by": workflow.created_by_id,
            "created_at": _iso(workflow.created_at),
            "updated_at": _iso(workflow.updated_at),
        }
    )
    return data


# --- Writes -------------------------------------------------------------------------------


def _next_run(schedule: WorkflowSchedule, *, after: dt.datetime | None = None) -> dt.datetime:
    """When the dispatcher next looks at the schedule: its next run, or the next planned run
    its holiday policy skips (recorded as skipped then)."""
    return next_occurrence_after(
        schedule_type=schedule.schedule_type,
        schedule_config=schedule.schedule_config,
        timezone=schedule.timezone,
        after=after or timezone.now(),
        holiday_policy=schedule.holiday_policy,
    ).moment


def _template_id(step: dict[str, Any]) -> int | None:
    """The email template the step names, for the step row's foreign key."""
    configs = [(step["step_type"], step.get("action_config") or {})]
    return next(iter(referencing("template", configs)), None)


def _check_policy(definition: dict[str, Any], *, user: AbstractBaseUser | None) -> None:
    """Refuse what this user may not have in a workflow (see ``automation.policy``)."""
    denied = role_errors(definition, user=user)
    if denied:
        raise WorkflowPermissionError(denied)
    problems = workflow_policy_errors(definition, user=user)
    if problems:
        raise WorkflowValidationError(problems)


def unique_workflow_name(name: str, *, exclude: int | None = None) -> str:
    """``name``, or ``name (2)``, ``(3)`` ... when another workflow is called that already:
    drafts named from what they do would otherwise fill the list with twins."""
    taken = set(
        WorkflowDefinition.objects.exclude(pk=exclude)
        .filter(name__istartswith=name[:190])
        .values_list("name", flat=True)
    )
    taken = {t.casefold() for t in taken}
    if name.casefold() not in taken:
        return name
    for n in range(2, 1000):
        candidate = f"{name[:190]} ({n})"
        if candidate.casefold() not in taken:
            return candidate
    return name


def _check_reviewed(definition: dict[str, Any]) -> None:
    """Refuse to activate a workflow that sends a template no person has checked yet (one
    the assistant drafted: ``EmailTemplate.needs_review``)."""
    found: list[tuple[str, int]] = []
    for index, step in enumerate(definition.get("steps") or []):
        step_type = step_types().get(str(step.get("step_type")))
        if step_type is None:
            continue
        config = step.get(step_type.config_field) or {}
        for path, kind, value in step_type.reference_values(config):
            if kind == "template" and isinstance(value, int):
                pointer = "/".join(str(part) for part in (step_type.config_field, *path))
                found.append((f"/steps/{index}/{pointer}", value))
    if not found:
        return
    drafts = dict(
        EmailTemplate.objects.filter(
            pk__in={pk for _path, pk in found}, needs_review=True
        ).values_list("pk", "name")
    )
    problems = [
        {
            "path": path,
            "code": "template_not_reviewed",
            "message": _(
                "The email template “%(name)s” is a draft from the assistant: open it, check "
                "the text and save it before the workflow is activated."
            )
            % {"name": drafts[pk]},
        }
        for path, pk in found
        if pk in drafts
    ]
    if problems:
        raise WorkflowValidationError(problems)


def _save_steps(workflow: WorkflowDefinition, steps: list[dict[str, Any]]) -> None:
    """Make the workflow's step rows equal ``steps`` (normalised, numbered 1..n).

    Rows are updated in place by position rather than replaced, so action logs that point at
    a step row keep pointing at the step in that position.
    """
    existing = {step.step_order: step for step in workflow.steps.all()}
    for data in steps:
        row = existing.pop(data["step_order"], None) or WorkflowStep(workflow=workflow)
        for name in STEP_FIELDS:
            setattr(row, name, data[name])
        row.template_id = _template_id(data)
        row.save()
    if existing:
        WorkflowStep.objects.filter(pk__in=[row.pk for row in existing.values()]).delete()


def _save_schedule(
    workflow: WorkflowDefinition, schedule: dict[str, Any] | None
) -> WorkflowSchedule | None:
    """Create, update or delete the schedule row. Returns it when the definition changed."""
    current = _schedule_of(workflow)
    if schedule is None:
        if current is not None:
            current.delete()
        return None
    schedule = {"holiday_policy": "run", **schedule}  # the document leaves the default out
    if current is None:
        return WorkflowSchedule.objects.create(workflow=workflow, next_run=None, **schedule)
    changed = any(getattr(current, key) != value for key, value in schedule.items())
    if changed:
        for key, value in schedule.items():
            setattr(current, key, value)
        current.save(update_fields=list(schedule))
        return current
    return None


def _apply(workflow: WorkflowDefinition, definition: dict[str, Any]) -> WorkflowSchedule | None:
    workflow.name = definition["name"]
    workflow.description = definition["description"]
    workflow.workflow_type = definition["workflow_type"]
    workflow.event = definition.get("event")
    workflow.save()
    _save_steps(workflow, definition["steps"])
    changed = _save_schedule(workflow, definition.get("schedule"))
    # Drop cached relations so later reads (serialisation) see the new rows.
    workflow._prefetched_objects_cache = {}  # type: ignore[attr-defined]
    workflow._state.fields_cache.pop("schedule", None)
    return changed


def workflow_create(*, created_by: AbstractBaseUser | None, data: Any) -> WorkflowDefinition:
    """Validate ``data`` and save it as a new draft workflow (version 1).

    Raises ``WorkflowValidationError`` (nothing saved) when ``data`` is invalid. The
    schedule's ``next_run`` stays NULL until the workflow is deployed.
    """
    with transaction.atomic():
        definition = validate_workflow(data).raise_if_invalid()
        _check_policy(definition, user=created_by)
        workflow = WorkflowDefinition(
            status=WorkflowDefinition.Status.DRAFT,
            is_active=False,
            version=1,
            created_by=created_by,
        )
        _apply(workflow, definition)
        WorkflowVersion.objects.create(
            workflow=workflow, version=1, definition=definition, created_by=created_by
        )
        audit_record(
            action=AuditEvent.Action.CREATE,
            obj=workflow,
            changes=audit_changes(None, definition),
            actor=created_by,
        )
    return workflow


def workflow_update(
    *,
    workflow: WorkflowDefinition,
    data: Any,
    updated_by: AbstractBaseUser | None,
    expected_version: int | None,
) -> WorkflowDefinition:
    """Replace the workflow's definition with ``data`` as a new version.

    ``expected_version`` is the version the edit was based on; when it is given and is no
    longer current, ``WorkflowConflict`` is raised instead of overwriting someone else's
    edit. An unchanged definition saves nothing. An active workflow whose schedule changed
    gets a new ``next_run``. Returns the updated (re-read) workflow.
    """
    with transaction.atomic():
        # The row lock serialises concurrent edits, so the version check cannot race.
        locked = WorkflowDefinition.objects.select_for_update().get(pk=workflow.pk)
        if expected_version is not None and expected_version != locked.version:
            raise WorkflowConflict(
                expected_version=expected_version, current_version=locked.version
            )
        definition = validate_workflow(data, instance=locked).raise_if_invalid()
        # The edited document as a whole, so that a workflow with a step the user may not
        # use cannot be changed by them at all (not even renamed).
        _check_policy(definition, user=updated_by)
        before = workflow_definition(locked)
        if definition == before:
            return locked
        locked.version += 1
        changed_schedule = _apply(locked, definition)
        if changed_schedule is not None:
            changed_schedule.next_run = (
                _next_run(changed_schedule) if locked.status == locked.Status.ACTIVE else None
            )
            changed_schedule.save(update_fields=["next_run"])
        WorkflowVersion.objects.create(
            workflow=locked, version=locked.version, definition=definition, created_by=updated_by
        )
        audit_record(
            action=AuditEvent.Action.UPDATE,
            obj=locked,
            changes={
                "version": {"old": locked.version - 1, "new": locked.version},
                **audit_changes(before, definition),
            },
            actor=updated_by,
        )
    return locked


def workflow_deploy(
    *, workflow: WorkflowDefinition, by: AbstractBaseUser | None
) -> WorkflowDefinition:
    """Validate the stored definition again and activate it (``next_run`` computed).

    The stored document is re-validated because what it references (templates, groups,
    integrations) may have changed since it was saved.
    """
    with transaction.atomic():
        locked = WorkflowDefinition.objects.select_for_update().get(pk=workflow.pk)
        if locked.status == locked.Status.ARCHIVED:
            raise WorkflowStateError(_("The workflow is archived: it cannot be deployed again."))
        definition = validate_workflow(workflow_definition(locked), instance=locked)
        _check_policy(definition.raise_if_invalid(), user=by)
        _check_reviewed(definition.raise_if_invalid())
        was_active = locked.status == locked.Status.ACTIVE
        old_status = locked.status
        locked.status = locked.Status.ACTIVE
        locked.is_active = True
        locked.save(update_fields=["status", "is_active", "updated_at"])
        schedule = _schedule_of(locked)
        # Re-deploying an active workflow keeps a due run instead of skipping it.
        if schedule is not None and not (was_active and schedule.next_run):
            schedule.next_run = _next_run(schedule)
            schedule.save(update_fields=["next_run"])
        audit_record(
            action=AuditEvent.Action.DEPLOY,
            obj=locked,
            changes={"status": {"old": old_status, "new": locked.status}},
            actor=by,
        )
    return locked


def workflow_pause(
    *, workflow: WorkflowDefinition, by: AbstractBaseUser | None
) -> WorkflowDefinition:
    """Stop the workflow: no more scheduled runs or event triggers until it is deployed.

    An archived workflow is refused (``WorkflowStateError``): it is stopped for good already.
    """
    return _deactivate(workflow, WorkflowDefinition.Status.PAUSED, by=by)


def workflow_archive(
    *, workflow: WorkflowDefinition, by: AbstractBaseUser | None
) -> WorkflowDefinition:
    """Retire the workflow for good: it stops and can no longer be edited or deployed."""
    return _deactivate(workflow, WorkflowDefinition.Status.ARCHIVED, by=by)


def _deactivate(
    workflow: WorkflowDefinition, status: str, *, by: AbstractBaseUser | None
) -> WorkflowDefinition:
    with transaction.atomic():
        locked = WorkflowDefinition.objects.select_for_update().get(pk=workflow.pk)
        if locked.status == locked.Status.ARCHIVED:
            if status != locked.Status.ARCHIVED:
                raise WorkflowStateError(_("The workflow is archived: it cannot be paused."))
            return locked  # archiving again changes nothing
        old_status = locked.status
        locked.status = status
        locked.is_active = False
        locked.save(update_fields=["status", "is_active", "updated_at"])
        # The dispatcher only looks at rows with a next_run: NULL is what stops the runs.
        WorkflowSchedule.objects.filter(workflow=locked).update(next_run=None)
        action = (
            AuditEvent.Action.ARCHIVE
            if status == WorkflowDefinition.Status.ARCHIVED
            else AuditEvent.Action.PAUSE
        )
        audit_record(
            action=action,
            obj=locked,
            changes={"status": {"old": old_status, "new": status}},
            actor=by,
        )
    return locked
