"""Structured logs: ``LOG_FORMAT=json`` writes one JSON object per line.

Every record made while a task or a step runs carries the ids it is about (``execution_id``,
``step``, and ``customer_id`` where the caller passes it with ``extra=``), taken from a
context that the Celery task and step signals set (ops/signals.py), so that the log lines of
one run can be found with one filter however many processes and machines wrote them.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pythonjsonlogger.json import JsonFormatter as _JsonFormatter

#: The fields the context may add to a record; a record's own ``extra=`` wins.
CONTEXT_FIELDS = ("execution_id", "step", "customer_id", "task", "task_id")

_context: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar(
    "ops_log_context", default=None
)


def bind(**fields: Any) -> contextvars.Token:
    """Add fields to the log context; returns the token that ``unbind`` takes."""
    values = {k: v for k, v in fields.items() if v is not None}
    return _context.set({**(_context.get() or {}), **values})


def unbind(token: contextvars.Token) -> None:
    _context.reset(token)


@contextmanager
def log_context(**fields: Any) -> Iterator[None]:
    token = bind(**fields)
    try:
        yield
    finally:
        unbind(token)


def current_context() -> dict[str, Any]:
    return dict(_context.get() or {})


class ContextFilter(logging.Filter):
    """Copies the log context onto each record (attributes the record already has stay)."""

    def filter(self, record: logging.LogRecord) -> bool:
        for key, value in (_context.get() or {}).items():
            if not hasattr(record, key):
                setattr(record, key, value)
        return True


class JsonFormatter(_JsonFormatter):
    """python-json-logger with the names operators search for: ``time``, ``level``,
    ``logger``, ``message``; exceptions as one ``exc_info`` string field (still one line)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("fmt", "%(asctime)s %(levelname)s %(name)s %(message)s")
        kwargs.setdefault(
            "rename_fields", {"asctime": "time", "levelname": "level", "name": "logger"}
        )
        kwargs.setdefault("datefmt", "%Y-%m-%dT%H:%M:%S%z")
        super().__init__(*args, **kwargs)
