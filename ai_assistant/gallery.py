"""The template gallery: prepared workflows a business user starts from.

Each entry is data: a workflow document in the format of workflow-format.md, except that an
email step names a template *category* (``"template_category"``) instead of a template id,
and an audience may name a group the business probably has (``"group_hint"``). ``resolve``
turns an entry into a real document at use time, with the user's choices (which template,
which group, which address) or sensible defaults; the result still goes through the one
validator (``automation.services.workflow_create``) before anything is saved.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

__all__ = ["GALLERY", "Choice", "GalleryItem", "Resolved", "gallery_get", "resolve"]


@dataclass(frozen=True)
class GalleryItem:
    slug: str
    title: str | Promise
    description: str | Promise
    workflow: dict[str, Any]


GALLERY: tuple[GalleryItem, ...] = (
    GalleryItem(
        slug="ukentlig-bestilling",
        title=_("Weekly order"),
        description=_(
            "The order form to every customer on Monday at 09:00, and a reminder on Thursday "
            "at 15:00 to those who have not ordered since."
        ),
        workflow={
            "name": "Ukentlig bestilling",
            "description": "Bestillingsskjema mandag 09:00, påminnelse torsdag 15:00",
            "workflow_type": "scheduled",
            "schedule": {
                "schedule_type": "weekly",
                "schedule_config": {"day": "monday", "time": "09:00"},
            },
            "steps": [
                {
                    "step_order": 1,
                    "name": "Send bestillingsskjema",
                    "step_type": "send_email",
                    "trigger_type": "time_based",
                    "trigger_config": {"day": "monday", "time": "09:00"},
                    "action_config": {
                        "template_category": "bestilling",
                        "recipients": {"group": "all"},
                    },
                },
                {
                    "step_order": 2,
                    "name": "Påminnelse",
                    "step_type": "send_email",
                    "trigger_type": "time_based",
                    "trigger_config": {"day": "thursday", "time": "15:00"},
                    "action_config": {
                        "template_category": "reminder",
                        "recipients": {"group": "all"},
                    },
                    "condition_config": {"check": "orders_missing", "since": "execution_start"},
                },
            ],
        },
    ),
    GalleryItem(
        slug="dagens-tilbud",
        title=_("Daily offer to the cafés"),
        description=_("Every day at 06:00, today's offer to the customers in the café group."),
        workflow={
            "name": "Dagens tilbud til kafeene",
            "workflow_type": "scheduled",
            "schedule": {"schedule_type": "daily", "schedule_config": {"time": "06:00"}},
            "steps": [
                {
                    "step_order": 1,
                    "name": "Send dagens tilbud",
                    "step_type": "send_email",
                    "action_config": {
                        "template_category": "tilbud",
                        "recipients": {"group_hint": "kafeer"},
                    },
                },
            ],
        },
    ),
    GalleryItem(
        slug="manedsrapport",
        title=_("Monthly report"),
        description=_("On the 1st of every month at 08:00, a summary of last month's runs."),
        workflow={
            "name": "Månedsrapport",
            "workflow_type": "scheduled",
            "schedule": {
                "schedule_type": "monthly",
                "schedule_config": {"day_of_month": 1, "time": "08:00"},
            },
            "steps": [
                {
                    "step_order": 1,
                    "name": "Send månedsrapport",
                    "step_type": "generate_report",
                    "action_config": {"report": "execution_summary", "send_to": []},
                },
            ],
        },
    ),
    GalleryItem(
        slug="ordrebekreftelse",
        title=_("Order confirmation"),
        description=_("When a customer places an order, a confirmation to that customer."),
        workflow={
            "name": "Ordrebekreftelse",
            "workflow_type": "event_based",
            "event": {"type": "order.created"},
            "steps": [
                {
                    "step_order": 1,
                    "name": "Send ordrebekreftelse",
                    "step_type": "send_email",
                    "action_config": {
                        "template_category": "confirmation",
                        "recipients": {"event_customer": True},
                    },
                },
            ],
        },
    ),
    GalleryItem(
        slug="paminnelse",
        title=_("Reminder only"),
        description=_(
            "Every Thursday at 15:00, a reminder to the customers who have not ordered since "
            "Monday."
        ),
        workflow={
            "name": "Påminnelse torsdag",
            "workflow_type": "scheduled",
            "schedule": {
                "schedule_type": "weekly",
                "schedule_config": {"day": "thursday", "time": "15:00"},
            },
            "steps": [
                {
                    "step_order": 1,
                    "name": "Påminnelse",
                    "step_type": "send_email",
                    "action_config": {
                        "template_category": "reminder",
                        "recipients": {"group": "all"},
                    },
                    "condition_config": {"check": "orders_missing", "since": "last_monday"},
                },
            ],
        },
    ),
)


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
    from customers.models import CustomerGroup
    from templates_app.models import EmailTemplate

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
            if chosen:
                action["template_id"] = int(chosen)
            else:
                # A name no template has: the preview shows what is missing, the validator
                # refuses it.
                action["template"] = str(_("[template: %(category)s]") % {"category": category})
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
        if step["step_type"] == "generate_report":
            key = f"send_to_{order}"
            chosen = values.get(key, default_email).strip()
            choices.append(
                Choice(
                    key=key,
                    kind="email",
                    label=str(_("Send the report to (email address)")),
                    value=chosen,
                )
            )
            action["send_to"] = [chosen] if chosen else []
            if not chosen:
                problems.append(str(_("Enter the address the report goes to.")))
    return Resolved(item=item, workflow=workflow, choices=choices, problems=problems)
