"""Handlers that watch the workers: the dispatcher's heartbeat, step durations and the log
context of every task and step. Connected in OpsConfig.ready()."""

from __future__ import annotations

import contextlib
import contextvars
import functools
import inspect
import logging
from typing import Any

from celery.signals import task_postrun, task_prerun, task_success
from django.dispatch import receiver
from django.utils import timezone

from executions.signals import step_finished, step_started
from ops import logs, stepstats

logger = logging.getLogger(__name__)

#: The Celery task whose success is the dispatcher's heartbeat (beat runs it every tick).
DISPATCH_TASK = "executions.tasks.dispatch_due_task"
DISPATCHER = "dispatcher"

# Tokens of the log context bound per task (task id -> token) and per step (a stack: steps
# run one inside one task, but a test may run an execution inside another's step).
_task_tokens: dict[str, contextvars.Token] = {}
_step_tokens: list[contextvars.Token] = []


@task_success.connect
def _dispatcher_heartbeat(sender: Any = None, **kwargs: Any) -> None:
    if getattr(sender, "name", None) != DISPATCH_TASK:
        return
    from ops.models import Heartbeat

    try:
        Heartbeat.objects.update_or_create(name=DISPATCHER, defaults={"at": timezone.now()})
    except Exception:  # the tick's work is done; a missed heartbeat only ages the next one
        logger.exception("could not record the dispatcher's heartbeat")


@functools.lru_cache(maxsize=64)
def _parameters(task_name: str, run: Any) -> tuple[str, ...]:
    try:
        return tuple(inspect.signature(run).parameters)
    except (TypeError, ValueError):
        return ()


def _task_fields(task: Any, args: Any, kwargs: Any) -> dict[str, Any]:
    """execution_id and step from a task's arguments, by parameter name (our tasks take ids)."""
    names = _parameters(task.name, task.run)
    values = dict(zip(names, args or (), strict=False)) | dict(kwargs or {})
    return {"execution_id": values.get("execution_id"), "step": values.get("step_order")}


@task_prerun.connect
def _bind_task_context(
    sender: Any = None, task_id: str | None = None, args: Any = None, kwargs: Any = None, **_: Any
) -> None:
    if sender is None or task_id is None:
        return
    fields = _task_fields(sender, args, kwargs)
    _task_tokens[task_id] = logs.bind(task=sender.name, task_id=task_id, **fields)


@task_postrun.connect
def _unbind_task_context(task_id: str | None = None, **_: Any) -> None:
    token = _task_tokens.pop(task_id or "", None)
    if token is not None:
        # ValueError: bound in another context (an eager task inside a request).
        with contextlib.suppress(ValueError):
            logs.unbind(token)


@receiver(step_started)
def _bind_step_context(sender: Any, execution_id: int, step_order: int, **_: Any) -> None:
    _step_tokens.append(logs.bind(execution_id=execution_id, step=step_order))


@receiver(step_finished)
def _step_finished(sender: Any, step_type: str, seconds: float, ok: bool, **_: Any) -> None:
    stepstats.observe(step_type, seconds, ok)
    if _step_tokens:
        with contextlib.suppress(ValueError):
            logs.unbind(_step_tokens.pop())
