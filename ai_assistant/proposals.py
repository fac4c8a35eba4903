"""Email templates the assistant proposes with a draft, when none of the business's fits.

A proposal is {"name", "category", "subject", "body_html"}; the draft's steps name it by
``template`` (its name). Nothing is created while the user talks: ``checked`` validates the
proposals and the draft together inside a savepoint that is rolled back, so the draft is
checked against the templates it will have, and ``create`` makes them (marked
``needs_review``) in the confirming transaction. A workflow that sends one cannot be activated
until a person has opened the template and saved it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from automation.registry import step_types
from automation.validation import WorkflowValidationError, validate_workflow
from templates_app.models import EmailTemplate
from templates_app.services import TemplateValidationError, template_create

__all__ = ["Checked", "checked", "create", "referenced_names", "use_existing"]

_FIELDS = ("name", "category", "subject", "body_html")


@dataclass
class Checked:
    """A draft validated together with its proposals."""

    #: The normalised draft, proposed templates named by ``template`` (None when invalid).
    workflow: dict[str, Any] | None
    errors: list[dict[str, Any]] = field(default_factory=list)
    #: The proposals the draft uses (those whose name is an existing template are dropped:
    #: the step sends that template).
    proposals: list[dict[str, Any]] = field(default_factory=list)


def _clean(proposal: Mapping[str, Any]) -> dict[str, Any]:
    return {key: str(proposal.get(key) or "").strip() for key in _FIELDS}


def referenced_names(workflow: Mapping[str, Any]) -> set[str]:
    """Template names the draft's steps use (``template`` rather than ``template_id``)."""
    names: set[str] = set()
    registry = step_types()
    for step in workflow.get("steps") or []:
        if not isinstance(step, Mapping):
            continue
        cls = registry.get(str(step.get("step_type")))
        if cls is None:
            continue
        for _path, kind, value in cls.reference_values(step.get(cls.config_field) or {}):
            if kind == "template_name" and isinstance(value, str):
                names.add(value)
    return names


def _wanted(workflow: Mapping[str, Any], proposals: Iterable[Mapping[str, Any]]) -> list[dict]:
    """The proposals the draft uses and that do not exist yet (by name, any case)."""
    used = {name.casefold() for name in referenced_names(workflow)}
    existing = {
        name.casefold()
        for name in EmailTemplate.objects.filter(
            name__in=[str(p.get("name") or "").strip() for p in proposals]
        ).values_list("name", flat=True)
    }
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for proposal in proposals:
        clean = _clean(proposal)
        key = clean["name"].casefold()
        if key in used and key not in existing and key not in seen:
            seen.add(key)
            out.append(clean)
    return out


def _create_all(proposals: Sequence[Mapping[str, Any]]) -> tuple[list[dict], dict[int, str]]:
    """Create each proposal (as a draft): the errors, pointed at ``/new_templates/<i>``, and
    the names of the templates created, by id."""
    errors: list[dict[str, Any]] = []
    created: dict[int, str] = {}
    for index, proposal in enumerate(proposals):
        try:
            template = template_create(**proposal, needs_review=True)
        except TemplateValidationError as exc:
            for error in exc.as_api_errors():
                errors.append({**error, "path": f"/new_templates/{index}{error['path']}"})
        else:
            created[template.pk] = template.name
    return errors, created


def checked(workflow: Mapping[str, Any], proposals: Sequence[Mapping[str, Any]] = ()) -> Checked:
    """Validate ``workflow`` as if its proposed templates existed; nothing is kept."""
    wanted = _wanted(workflow, proposals)
    if not wanted:
        result = validate_workflow(dict(workflow))
        return Checked(result.normalised, list(result.errors))
    with transaction.atomic():
        savepoint = transaction.savepoint()
        try:
            errors, created = _create_all(wanted)
            result = validate_workflow(dict(workflow)) if not errors else None
        finally:
            transaction.savepoint_rollback(savepoint)
    if errors:
        return Checked(None, errors, wanted)
    assert result is not None
    if not result.is_valid or result.normalised is None:
        return Checked(None, list(result.errors), wanted)
    return Checked(_named_again(result.normalised, created), [], wanted)


def _named_again(normalised: dict[str, Any], created: Mapping[int, str]) -> dict[str, Any]:
    """The normalised draft with the proposed templates named by ``template`` again: their
    ids were the savepoint's, gone with it."""
    registry = step_types()
    for step in normalised.get("steps") or []:
        cls = registry.get(str(step.get("step_type")))
        if cls is None:
            continue
        by_name = [r.path[-1] for r in cls.references if r.kind == "template_name"]
        if not by_name:
            continue
        config = step.get(cls.config_field) or {}
        for path, kind, value in list(cls.reference_values(config)):
            if kind != "template" or value not in created:
                continue
            holder = config
            for part in path[:-1]:
                holder = holder[part]
            del holder[path[-1]]
            holder[by_name[0]] = created[value]
    return normalised


def create(workflow: Mapping[str, Any], proposals: Sequence[Mapping[str, Any]]) -> list[int]:
    """Create the proposals the draft uses (inside the caller's transaction); their ids.
    Raises ``WorkflowValidationError`` (paths under ``/new_templates``) if one is invalid."""
    errors, created = _create_all(_wanted(workflow, proposals))
    if errors:
        raise WorkflowValidationError(errors)
    return list(created)


def use_existing(workflow: Mapping[str, Any], name: str, template_id: int) -> dict[str, Any]:
    """The draft with every step that sends the proposed template ``name`` sending the
    existing template ``template_id`` instead."""
    out = dict(workflow)
    steps = []
    registry = step_types()
    for step in workflow.get("steps") or []:
        step = dict(step)
        cls = registry.get(str(step.get("step_type")))
        keys = {r.kind: r.path for r in cls.references if len(r.path) == 1} if cls else {}
        if cls is not None and "template_name" in keys and "template" in keys:
            config = dict(step.get(cls.config_field) or {})
            (by_name,), (by_id,) = keys["template_name"], keys["template"]
            if str(config.get(by_name) or "").casefold() == name.casefold():
                config.pop(by_name, None)
                config[by_id] = template_id
                step[cls.config_field] = config
        steps.append(step)
    out["steps"] = steps
    return out
