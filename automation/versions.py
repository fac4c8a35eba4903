"""A workflow's saved versions, and copies of a workflow: restore, duplicate, export, import.

Every saved version is a ``WorkflowVersion`` row holding the normalised document. What a
version changed is ``automation.diff.workflow_diff`` of it and the one before, so the version
list, the comparison page and the API say it in the same words.

Writes go through ``workflow_create`` and ``workflow_update`` (one validator, one policy
check, one transaction each): a restore is an edit whose document is an old version's, a
duplicate or an import is a new draft. Nothing here is saved half.

Export writes what a workflow names outside itself by name, so that the file can be imported
into another installation where ids differ: an email template by its ``name``, through the
step type's own pair of references (``template`` for the id, ``template_name`` for the name,
at the same place in its config); customer groups are already named by their slug in the
format. Import is ``workflow_create`` of such a document: the validator resolves the names
and answers ``unknown_template`` / ``unknown_group`` with the JSON Pointer of the field.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from automation.diff import Change, workflow_diff
from automation.models import WorkflowDefinition, WorkflowVersion
from automation.registry import step_types
from automation.services import (
    WorkflowStateError,
    unique_workflow_name,
    workflow_create,
    workflow_definition,
    workflow_update,
)
from templates_app.models import EmailTemplate

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

__all__ = [
    "VersionChanges",
    "version_changes",
    "version_get",
    "version_list",
    "version_summary",
    "versions_compare",
    "workflow_duplicate",
    "workflow_export",
    "workflow_import",
    "workflow_restore",
]

#: Keys of the canonical document an export carries (the definition, no read-only fields).
EXPORT_KEYS = ("name", "description", "workflow_type", "schedule", "event", "steps")


# --- Reads ----------------------------------------------------------------------------------


def version_list(*, workflow: WorkflowDefinition) -> QuerySet[WorkflowVersion]:
    """The workflow's versions, newest first, with who saved them."""
    return workflow.versions.select_related("created_by").order_by("-version")


def version_get(*, workflow: WorkflowDefinition, version: int) -> WorkflowVersion:
    """Version ``version`` of the workflow; ``WorkflowVersion.DoesNotExist`` otherwise."""
    return version_list(workflow=workflow).get(version=version)


def _previous(version: WorkflowVersion) -> WorkflowVersion | None:
    return (
        WorkflowVersion.objects.filter(workflow_id=version.workflow_id, version__lt=version.version)
        .order_by("-version")
        .first()
    )


@dataclass(frozen=True)
class VersionChanges:
    """What one version changed from the version before it (``previous`` None: the first)."""

    previous: int | None
    changes: list[Change]


def version_changes(version: WorkflowVersion, *, language: str = "nb") -> VersionChanges:
    """The changes of ``version`` from the version before it, in words."""
    previous = _previous(version)
    if previous is None:
        return VersionChanges(previous=None, changes=[])
    return VersionChanges(
        previous=previous.version,
        changes=workflow_diff(previous.definition, version.definition, language=language),
    )


def version_summary(version: WorkflowVersion, *, language: str = "nb") -> str:
    """One line saying what the version did: the first change, and how many more."""
    en = language.startswith("en")
    found = version_changes(version, language="en" if en else "nb")
    if found.previous is None:
        return "Created" if en else "Opprettet"
    if not found.changes:
        return "No visible change" if en else "Ingen synlig endring"
    first = found.changes[0].text
    more = len(found.changes) - 1
    if more:
        first += f" (+{more} more)" if en else f" (+{more} til)"
    return first


def versions_compare(
    *, workflow: WorkflowDefinition, old: int, new: int, language: str = "nb"
) -> list[Change]:
    """The difference between two versions of the workflow, in words.

    ``WorkflowVersion.DoesNotExist`` when either is not a version of it."""
    rows = {
        row.version: row
        for row in WorkflowVersion.objects.filter(workflow=workflow, version__in=[old, new])
    }
    if old not in rows or new not in rows:
        raise WorkflowVersion.DoesNotExist
    return workflow_diff(rows[old].definition, rows[new].definition, language=language)


# --- Restore and duplicate -------------------------------------------------------------------


def workflow_restore(
    *, workflow: WorkflowDefinition, version: int, by: AbstractBaseUser | None
) -> WorkflowDefinition:
    """Make the workflow equal to its version ``version`` again, as a new version.

    Validated again as any edit (a template it sent may be gone since): an invalid old version
    raises ``WorkflowValidationError`` and nothing changes. An archived workflow raises
    ``WorkflowStateError``. When the workflow equals that version already, nothing is saved.
    """
    row = version_get(workflow=workflow, version=version)
    if workflow.status == WorkflowDefinition.Status.ARCHIVED:
        raise WorkflowStateError(_("The workflow is archived: an old version cannot be restored."))
    return workflow_update(
        workflow=workflow,
        data=copy.deepcopy(row.definition),
        updated_by=by,
        expected_version=None,
    )


def workflow_duplicate(
    *, workflow: WorkflowDefinition, by: AbstractBaseUser | None
) -> WorkflowDefinition:
    """A new draft with the workflow's current definition, under a name no other has
    ("Ukentlig bestilling (2)")."""
    definition = workflow_definition(workflow)
    definition["name"] = unique_workflow_name(definition["name"])
    return workflow_create(created_by=by, data=definition)


# --- Export and import ----------------------------------------------------------------------


def _template_names(definitions: list[Mapping[str, Any]]) -> dict[int, str]:
    ids: set[int] = set()
    for definition in definitions:
        for step in definition.get("steps") or []:
            cls = step_types().get(step.get("step_type"))
            if cls is None:
                continue
            config = step.get(cls.config_field) or {}
            ids |= {
                value
                for _path, kind, value in cls.reference_values(config)
                if kind == "template" and isinstance(value, int)
            }
    return dict(EmailTemplate.objects.filter(pk__in=ids).values_list("pk", "name"))


def _by_name(step: dict[str, Any], names: Mapping[int, str]) -> None:
    """Replace the step's template ids by names, where its step type has a name field beside
    the id field (its ``template_name`` reference in the same place)."""
    cls = step_types().get(step.get("step_type"))
    if cls is None:
        return
    name_paths = {
        ref.path[:-1]: ref.path[-1] for ref in cls.references if ref.kind == "template_name"
    }
    config = step.get(cls.config_field) or {}
    for path, kind, value in list(cls.reference_values(config)):
        parent_path, key = tuple(path[:-1]), path[-1]
        if kind != "template" or parent_path not in name_paths or value not in names:
            continue
        parent: Any = config
        for part in parent_path:
            parent = parent[part]
        del parent[key]
        parent[name_paths[parent_path]] = names[value]


def workflow_export(*, workflow: WorkflowDefinition) -> dict[str, Any]:
    """The workflow's definition with email templates named instead of numbered: a document
    ``workflow_import`` (or ``POST /workflows``) accepts in any installation that has
    templates and groups of those names."""
    definition = copy.deepcopy(workflow_definition(workflow))
    names = _template_names([definition])
    for step in definition["steps"]:
        _by_name(step, names)
    return {key: definition[key] for key in EXPORT_KEYS if key in definition}


def workflow_import(*, data: Any, by: AbstractBaseUser | None) -> WorkflowDefinition:
    """A new draft from an exported document (validated by the one validator; templates and
    groups resolved by name). A name another workflow has already gets a number."""
    if isinstance(data, dict) and isinstance(data.get("name"), str) and data["name"].strip():
        data = {**data, "name": unique_workflow_name(data["name"])}
    return workflow_create(created_by=by, data=data)
