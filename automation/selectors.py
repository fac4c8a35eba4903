"""Reads of workflows, scoped to what the user may see."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from automation.models import WorkflowDefinition

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


def _visible_to(
    qs: QuerySet[WorkflowDefinition], user: AbstractBaseUser | AnonymousUser | None
) -> QuerySet[WorkflowDefinition]:
    # Staff and members of a role group (viewer and up: the team the product serves) see
    # every workflow; other signed-in users see the ones they created. ``None`` means a
    # trusted caller (a task, the dispatcher, a management command).
    from accounts.roles import role_of

    if user is None or getattr(user, "is_staff", False):
        return qs
    if not user.is_authenticated:
        return qs.none()
    if role_of(user) is not None:
        return qs
    return qs.filter(created_by=user)


def workflow_list(
    *,
    user: AbstractBaseUser | AnonymousUser | None = None,
    status: str | None = None,
) -> QuerySet[WorkflowDefinition]:
    """Workflows the user may see, optionally with one status, with schedule and steps."""
    qs = WorkflowDefinition.objects.select_related("schedule", "created_by").prefetch_related(
        "steps"
    )
    if status is not None:
        qs = qs.filter(status=status)
    return _visible_to(qs, user).order_by("name", "pk")


def workflow_get(
    *, pk: int, user: AbstractBaseUser | AnonymousUser | None = None
) -> WorkflowDefinition:
    """One workflow the user may see; ``WorkflowDefinition.DoesNotExist`` otherwise."""
    return workflow_list(user=user).get(pk=pk)
