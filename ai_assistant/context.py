"""What the assistant knows about this business when it reads a request.

The offline parser and the LLM prompts both take a ``ParseContext``: the email templates
(so "påminnelse" can become the reminder template's id), the customer groups (so "kafeene"
can become the group slug ``kafeer``), today's date and the time zone. ``from_db()`` builds
it from the database; tests build it by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, NotRequired, TypedDict

from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models import Count, Q
from django.utils import timezone

from accounts.roles import ROLES
from customers.models import CustomerGroup
from templates_app.models import EmailTemplate


class TemplateInfo(TypedDict):
    id: int
    name: str
    category: str
    variables: list[str]
    #: Read for its meaning too ("Månedsbrevet fra oss" is a newsletter).
    subject: NotRequired[str]


class GroupInfo(TypedDict):
    slug: str
    name: str
    #: Active customers in the group (for the assistant's answers and the LLM's context).
    size: NotRequired[int]


@dataclass(frozen=True)
class ParseContext:
    templates: list[TemplateInfo] = field(default_factory=list)
    groups: list[GroupInfo] = field(default_factory=list)
    #: Names of the groups of users (staff: "salg", "lager"), not counting the roles; a step
    #: type may name one (a reference of kind "staff_group").
    staff_groups: list[str] = field(default_factory=list)
    today: dt.date = field(default_factory=dt.date.today)
    timezone: str = "Europe/Oslo"

    @classmethod
    def from_db(cls, *, today: dt.date | None = None) -> ParseContext:
        """The templates and groups as they are now, today's date in the site's time zone."""
        templates: list[TemplateInfo] = [
            {
                "id": row["id"],
                "name": row["name"],
                "category": row["category"],
                "variables": list(row["variables"] or []),
                "subject": row["subject"],
            }
            for row in EmailTemplate.objects.order_by("id").values(
                "id", "name", "category", "variables", "subject"
            )
        ]
        groups: list[GroupInfo] = [
            {"slug": row["slug"], "name": row["name"], "size": row["size"]}
            for row in CustomerGroup.objects.order_by("name")
            .annotate(size=Count("customers", filter=Q(customers__active=True)))
            .values("slug", "name", "size")
        ]
        staff_groups = list(
            Group.objects.exclude(name__in=ROLES).order_by("name").values_list("name", flat=True)
        )
        return cls(
            templates=templates,
            groups=groups,
            staff_groups=staff_groups,
            today=today or timezone.localdate(),
            timezone=settings.TIME_ZONE,
        )

    def templates_in(self, category: str) -> list[TemplateInfo]:
        return [t for t in self.templates if t["category"] == category]

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly copy (for prompts and logs)."""
        return {
            "templates": [dict(t) for t in self.templates],
            "groups": [dict(g) for g in self.groups],
            "staff_groups": list(self.staff_groups),
            "today": self.today.isoformat(),
            "timezone": self.timezone,
        }
