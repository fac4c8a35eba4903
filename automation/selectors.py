"""Reads of workflows, scoped to what the user may see."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet

from accounts.roles import role_of
from automation.models import WorkflowDefinition, WorkflowStep
from automation.registry import referencing, step_types
from templates_app.models import EmailTemplate

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


def workflow_visibility(user: AbstractBaseUser | AnonymousUser | None) -> tuple[bool, int | None]:
    """Which workflows the user may see: ``(True, None)`` all of them, ``(False, id)`` the
    ones user ``id`` created, ``(False, None)`` none."""
    # Staff and members of a role group (viewer and up: the team the product serves) see
    # every workflow; other signed-in users see the ones they created. ``None`` means a
    # trusted caller (a task, the dispatcher, a management command).
    if user is None or getattr(user, "is_staff", False):
        return True, None
    if not user.is_authenticated:
        return False, None
    if role_of(user) is not None:
        return True, None
    return False, user.pk


def visible_workflows_q(user: AbstractBaseUser | AnonymousUser | None, *, prefix: str = "") -> Q:
    """A filter for workflows the user may see, on rows that reach the workflow through
    ``prefix`` (``"workflow__"`` for executions); ``Q()`` when the user sees them all."""
    sees_all, creator = workflow_visibility(user)
    if sees_all:
        return Q()
    if creator is None:
        return Q(**{f"{prefix}pk__in": []})
    return Q(**{f"{prefix}created_by_id": creator})


def _visible_to(
    qs: QuerySet[WorkflowDefinition], user: AbstractBaseUser | AnonymousUser | None
) -> QuerySet[WorkflowDefinition]:
    return qs.filter(visible_workflows_q(user))


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


def steps_referencing(kind: str, value: Any) -> QuerySet[WorkflowStep]:
    """Saved steps whose config names ``value`` as a reference of ``kind`` (an integration's
    id, a template's id, ...), whatever step types do: they say where (``references``)."""
    matches = Q(pk__in=[])
    for key, cls in step_types().items():
        for reference in cls.references:
            if reference.kind == kind and "*" not in reference.path:
                lookup = "__".join((cls.config_field, *reference.path))
                matches |= Q(step_type=key, **{lookup: value})
    return WorkflowStep.objects.filter(matches)


def templates_to_review(workflow: WorkflowDefinition) -> list[EmailTemplate]:
    """The templates the workflow sends that the assistant drafted and no person has saved
    yet (it cannot be activated until they are)."""
    configs = [
        (step.step_type, getattr(step, cls.config_field) or {})
        for step in workflow.steps.all()
        if (cls := step_types().get(step.step_type)) is not None
    ]
    ids = {pk for pk in referencing("template", configs) if isinstance(pk, int)}
    return list(EmailTemplate.objects.filter(pk__in=ids, needs_review=True).order_by("name"))
