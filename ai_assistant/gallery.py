"""The template gallery: prepared workflows a business user starts from.

The entries are in ``ai_assistant.fixtures.gallery``. Each entry is data: a workflow document
in the format of workflow-format.md, except that a step names a template *category*
(``"template_category"``) where its step type references a template, and an audience may
name a group the business probably has (``"group_hint"``). ``resolve``
turns an entry into a real document at use time, with the user's choices (which template,
which group, which address) or sensible defaults; the result still goes through the one
validator (``automation.services.workflow_create``) before anything is saved.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from ai_assistant.fixtures.gallery import GALLERY, GalleryItem
from automation.registry import step_types
from customers.models import CustomerGroup
from templates_app.models import EmailTemplate

__all__ = ["GALLERY", "Choice", "GalleryItem", "Resolved", "gallery_get", "resolve"]


def gallery_get(slug: str) -> GalleryItem | None:
    return next((item for item in GALLERY if item.slug == slug), None)


@dataclass
class Choice:
    """One thing the user may pick before using an entry (a select or an email field)."""

    key: str  # the form field name
    kind: str  # "template", "group" or "email"
    label: str
    value: str
    options: list[tuple[str, str]] = field(default_factory=list)
    note: str = ""


@dataclass
class Resolved:
    """An entry made concrete: the document to validate, the choices behind it and what is
    still missing (shown to the user; the validator would refuse the document anyway)."""

    item: GalleryItem
    workflow: dict[str, Any]
    choices: list[Choice]
    problems: list[str] = field(default_factory=list)


@dataclass
class _Picks:
    """What resolving an entry asks of the user so far, step by step."""

    choices: list[Choice] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def resolve(
    item: GalleryItem, values: Mapping[str, str] | None = None, *, default_email: str = ""
) -> Resolved:
    """The entry with real template ids, group slugs and addresses.

    A template defaults to the first one of the step's category; a group hint to the group
    whose slug or name matches it. ``values`` (the form's fields) override both.
    """
    values = values or {}
    templates = list(EmailTemplate.objects.order_by("name").values("id", "name", "category"))
    groups = list(CustomerGroup.objects.order_by("name").values("slug", "name"))
    workflow = copy.deepcopy(item.workflow)
    picks = _Picks()
    for step in workflow["steps"]:
        _resolve_template(step, templates, values, picks)
        _resolve_group(step, groups, values, picks)
        _resolve_addresses(step, values, default_email, picks)
    return Resolved(item=item, workflow=workflow, choices=picks.choices, problems=picks.problems)


def _chosen(
    values: Mapping[str, str], key: str, options: list[tuple[str, str]], default: str
) -> str:
    """The form's value for ``key`` when it is one of the options, else ``default``."""
    chosen = values.get(key, default)
    return chosen if chosen in {value for value, _label in options} else default


# --- A template category: which template -------------------------------------------------------


def _resolve_template(
    step: dict[str, Any],
    templates: list[dict[str, Any]],
    values: Mapping[str, str],
    picks: _Picks,
) -> None:
    """A step that names a template category sends the chosen template (by default the
    category's first); without one it names a template no one has, which the preview shows
    and the validator refuses."""
    action = step["action_config"]
    category = action.pop("template_category", None)
    if category is None:
        return
    order = step["step_order"]
    in_category = [t for t in templates if t["category"] == category]
    options = _template_options(templates, category)
    chosen = _chosen(
        values, f"template_{order}", options, str(in_category[0]["id"]) if in_category else ""
    )
    note = ""
    if not in_category:
        note = str(
            _("No email template has the category “%(category)s”; choose one.")
            % {"category": category}
        )
    label = _("Email template for step %(order)s (%(name)s)") % {
        "order": order,
        "name": step.get("name", ""),
    }
    picks.choices.append(
        Choice(
            key=f"template_{order}",
            kind="template",
            label=str(label),
            value=chosen,
            options=options,
            note=note,
        )
    )
    _set_template(step, chosen, category)
    if not chosen:
        picks.problems.append(note or str(_("Choose an email template.")))


def _template_options(templates: list[dict[str, Any]], category: str) -> list[tuple[str, str]]:
    """Every template, the category's own first."""
    return [(str(t["id"]), t["name"]) for t in templates if t["category"] == category] + [
        (str(t["id"]), t["name"]) for t in templates if t["category"] != category
    ]


def _set_template(step: dict[str, Any], chosen: str, category: str) -> None:
    """Write the chosen template into the step where its step type takes one: by id, or
    (none chosen) a placeholder name under the field that takes a template's name."""
    cls = step_types()[step["step_type"]]
    by_id = next(r.path[0] for r in cls.references if r.kind == "template")
    by_name = next(r.path[0] for r in cls.references if r.kind == "template_name")
    action = step["action_config"]
    if chosen:
        action[by_id] = int(chosen)
    else:
        action[by_name] = str(_("[template: %(category)s]") % {"category": category})


# --- A group hint: who gets it ----------------------------------------------------------------


def _resolve_group(
    step: dict[str, Any],
    groups: list[dict[str, Any]],
    values: Mapping[str, str],
    picks: _Picks,
) -> None:
    """A step whose recipients hint at a group goes to the chosen group: by default the one
    the hint names (by slug or name), else all customers."""
    recipients = step["action_config"].get("recipients") or {}
    if "group_hint" not in recipients:
        return
    hint = recipients.pop("group_hint")
    order = step["step_order"]
    match = _group_matching(groups, hint)
    options = [("all", str(_("All customers")))] + [(g["slug"], g["name"]) for g in groups]
    chosen = _chosen(values, f"group_{order}", options, match or "all")
    note = ""
    if not match:
        note = str(_("No customer group “%(group)s” found; choose who gets it.") % {"group": hint})
    picks.choices.append(
        Choice(
            key=f"group_{order}",
            kind="group",
            label=str(_("Who gets step %(order)s") % {"order": order}),
            value=chosen,
            options=options,
            note=note,
        )
    )
    recipients["group"] = chosen


def _group_matching(groups: list[dict[str, Any]], hint: str) -> str:
    """The slug of the group the hint names (its slug, its name slugified or lower-cased)."""
    return next(
        (
            g["slug"]
            for g in groups
            if g["slug"] == hint or slugify(g["name"]) == hint or g["name"].lower() == hint
        ),
        "",
    )


# --- An empty list of addresses: where it goes ---------------------------------------------------


def _resolve_addresses(
    step: dict[str, Any], values: Mapping[str, str], default_email: str, picks: _Picks
) -> None:
    """Each empty list of addresses the step type takes (a report's recipients) gets the
    entered address, by default the user's own."""
    cls = step_types().get(step["step_type"])
    action = step["action_config"]
    order = step["step_order"]
    for reference in cls.references if cls is not None else ():
        if reference.kind != "email" or reference.path[-1:] != ("*",):
            continue
        field_name = reference.path[0]
        if field_name not in action or action[field_name]:
            continue
        key = f"{field_name}_{order}"
        chosen = values.get(key, default_email).strip()
        label = _("%(step)s: send to (email address)") % {"step": step.get("name", "")}
        picks.choices.append(Choice(key=key, kind="email", label=str(label), value=chosen))
        action[field_name] = [chosen] if chosen else []
        if not chosen:
            picks.problems.append(str(_("Enter the address it goes to.")))
