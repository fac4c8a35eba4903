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
    choices: list[Choice] = []
    problems: list[str] = []

    for step in workflow["steps"]:
        action = step["action_config"]
        order = step["step_order"]
        category = action.pop("template_category", None)
        if category is not None:
            key = f"template_{order}"
            in_category = [t for t in templates if t["category"] == category]
            options = [(str(t["id"]), t["name"]) for t in in_category] + [
                (str(t["id"]), t["name"]) for t in templates if t["category"] != category
            ]
            default = str(in_category[0]["id"]) if in_category else ""
            chosen = values.get(key, default)
            if chosen not in {o[0] for o in options}:
                chosen = default
            note = ""
            if not in_category:
                note = str(
                    _("No email template has the category “%(category)s”; choose one.")
                    % {"category": category}
                )
            choices.append(
                Choice(
                    key=key,
                    kind="template",
                    label=str(
                        _("Email template for step %(order)s (%(name)s)")
                        % {"order": order, "name": step.get("name", "")}
                    ),
                    value=chosen,
                    options=options,
                    note=note,
                )
            )
            cls = step_types()[step["step_type"]]
            by_id = next(r.path[0] for r in cls.references if r.kind == "template")
            by_name = next(r.path[0] for r in cls.references if r.kind == "template_name")
            if chosen:
                action[by_id] = int(chosen)
            else:
                # A name no template has: the preview shows what is missing, the validator
                # refuses it.
                action[by_name] = str(_("[template: %(category)s]") % {"category": category})
                problems.append(note or str(_("Choose an email template.")))
        recipients = action.get("recipients") or {}
        if "group_hint" in recipients:
            hint = recipients.pop("group_hint")
            key = f"group_{order}"
            match = next(
                (
                    g["slug"]
                    for g in groups
                    if g["slug"] == hint or slugify(g["name"]) == hint or g["name"].lower() == hint
                ),
                "",
            )
            options = [("all", str(_("All customers")))] + [(g["slug"], g["name"]) for g in groups]
            chosen = values.get(key, match or "all")
            if chosen not in {o[0] for o in options}:
                chosen = match or "all"
            note = (
                ""
                if match
                else str(
                    _("No customer group “%(group)s” found; choose who gets it.") % {"group": hint}
                )
            )
            choices.append(
                Choice(
                    key=key,
                    kind="group",
                    label=str(_("Who gets step %(order)s") % {"order": order}),
                    value=chosen,
                    options=options,
                    note=note,
                )
            )
            recipients["group"] = chosen
        cls = step_types().get(step["step_type"])
        for reference in cls.references if cls is not None else ():
            # An empty list of addresses (a report's recipients): ask for one.
            if reference.kind != "email" or reference.path[-1:] != ("*",):
                continue
            field_name = reference.path[0]
            if field_name not in action or action[field_name]:
                continue
            key = f"{field_name}_{order}"
            chosen = values.get(key, default_email).strip()
            choices.append(
                Choice(
                    key=key,
                    kind="email",
                    label=str(
                        _("%(step)s: send to (email address)") % {"step": step.get("name", "")}
                    ),
                    value=chosen,
                )
            )
            action[field_name] = [chosen] if chosen else []
            if not chosen:
                problems.append(str(_("Enter the address it goes to.")))
    return Resolved(item=item, workflow=workflow, choices=choices, problems=problems)
