"""Recording audit events: who changed what, from which entry point, with which values.

The services that change an audited object call ``audit_record`` inside their own
transaction, so a change that rolls back leaves no row behind. Who and from where come from
the request (``AuditContextMiddleware`` sets a context variable from the path, see
``settings.AUDIT_ENTRY_POINTS``); a service may say so itself (``actor=``, or
``with audit_entry_point("dsl")``). Without a request (Celery, management commands) the entry
point is ``system``.

No secret reaches a row: values under a key that names a secret (password, token,
credentials, authorization, API key...) are replaced by ``HIDDEN``, recursively, and callers
never pass the encrypted credentials of an integration at all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.signals import post_delete
from django.http import HttpRequest, HttpResponse

from audit.models import AuditEvent

__all__ = [
    "HIDDEN",
    "AuditContextMiddleware",
    "audit_changes",
    "audit_entry_point",
    "audit_record",
    "audit_snapshot",
    "audit_track_deletes",
    "current_entry_point",
    "masked",
]

HIDDEN = "[hidden]"
#: Keys whose values are secrets wherever they appear (a header, a step's config, a field).
SECRET_KEY = re.compile(
    r"pass(word|wd|phrase)?$|secret|token|credential|authori[sz]ation|api[-_ ]?key|cookie"
    r"|signature|private[-_ ]?key|^x-api",
    re.IGNORECASE,
)
#: Values that carry a secret whatever their key says ("Bearer abc...").
SECRET_VALUE = re.compile(r"^\s*(bearer|basic|token)\s+\S", re.IGNORECASE)
#: A value larger than this (as JSON) is recorded by its size only: an audit row says what
#: changed, the workflow's versions and the template itself keep the full text.
MAX_VALUE_CHARS = 20_000


@dataclass(frozen=True)
class _Context:
    entry_point: str
    request: HttpRequest | None = None


_context: ContextVar[_Context | None] = ContextVar("audit_context", default=None)


def entry_point_for_path(path: str) -> str:
    """The entry point a request path belongs to (first matching prefix pattern wins)."""
    for pattern, entry_point in settings.AUDIT_ENTRY_POINTS:
        if re.match(pattern, path):
            return str(entry_point)
    return AuditEvent.EntryPoint.PAGES


class AuditContextMiddleware:
    """Sets who and from where for the request's audit events (after authentication)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _context.set(_Context(entry_point_for_path(request.path_info), request))
        try:
            return self.get_response(request)
        finally:
            _context.reset(token)


def current_entry_point() -> str:
    context = _context.get()
    return context.entry_point if context else AuditEvent.EntryPoint.SYSTEM


@contextmanager
def audit_entry_point(entry_point: str) -> Iterator[None]:
    """Record the changes made inside the block as coming from ``entry_point`` (the request's
    user stays the actor)."""
    if entry_point not in AuditEvent.EntryPoint.values:
        raise ValueError(f"unknown entry point {entry_point!r}")
    current = _context.get()
    token = _context.set(_Context(entry_point, current.request if current else None))
    try:
        yield
    finally:
        _context.reset(token)


def _request_user() -> Any:
    context = _context.get()
    if context is None or context.request is None:
        return None
    # DRF's Request sets the authenticated user (token or session) on the Django request too.
    user = getattr(context.request, "user", None)
    return user if user is not None and getattr(user, "is_authenticated", False) else None


# --- Values --------------------------------------------------------------------------------


def _json_safe(value: Any) -> Any:
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, default=str))


def masked(value: Any, key: str | None = None) -> Any:
    """``value`` with every secret replaced by ``HIDDEN`` (see the module docstring)."""
    if key is not None and SECRET_KEY.search(key):
        return HIDDEN if value not in (None, "", {}, []) else value
    if isinstance(value, Mapping):
        return {str(k): masked(v, str(k)) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [masked(item) for item in value]
    if isinstance(value, str) and SECRET_VALUE.match(value):
        return HIDDEN
    return value


def _bounded(value: Any) -> Any:
    size = len(json.dumps(value, ensure_ascii=False))
    if size > MAX_VALUE_CHARS:
        return f"[{size} characters]"
    return value


def audit_snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The named fields of ``obj`` (foreign keys as ids), JSON-safe, for ``audit_changes``."""
    values: dict[str, Any] = {}
    for name in fields:
        field = obj._meta.get_field(name)
        attname = getattr(field, "attname", name)
        values[name] = getattr(obj, attname)
    return _json_safe(values)


def audit_changes(
    before: Mapping[str, Any] | None, after: Mapping[str, Any] | None
) -> dict[str, dict[str, Any]]:
    """``{field: {"old": ..., "new": ...}}`` for each key whose value differs, masked and
    bounded. ``before`` is None for a creation, ``after`` None for a deletion."""
    old_values = _json_safe(dict(before or {}))
    new_values = _json_safe(dict(after or {}))
    changes: dict[str, dict[str, Any]] = {}
    for key in dict.fromkeys([*old_values, *new_values]):
        old, new = old_values.get(key), new_values.get(key)
        if old == new and before is not None and after is not None:
            continue
        changes[key] = {
            "old": _bounded(masked(old, key)) if before is not None else None,
            "new": _bounded(masked(new, key)) if after is not None else None,
        }
    return changes


# --- Recording -----------------------------------------------------------------------------

_FROM_REQUEST: Any = object()


def _masked_changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Each field's old and new value masked as that field's value (a secret field keeps
    saying that it changed, as ``HIDDEN``)."""
    out: dict[str, Any] = {}
    for key, entry in changes.items():
        if isinstance(entry, Mapping) and set(entry) <= {"old", "new"}:
            out[key] = {side: masked(value, key) for side, value in entry.items()}
        else:
            out[key] = masked(entry, key)
    return out


def audit_record(
    *,
    action: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: Any = "",
    object_repr: str = "",
    changes: Mapping[str, Any] | None = None,
    actor: Any = _FROM_REQUEST,
) -> AuditEvent:
    """Write one audit event; call it inside the transaction that makes the change.

    ``obj`` names the object (type, id and text) unless they are given. ``actor`` defaults to
    the request's authenticated user; pass it when the service knows better (or ``None``).
    ``changes`` is masked again here, so a caller cannot leak a secret by mistake.
    """
    if actor is _FROM_REQUEST:
        actor = _request_user()
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or (obj.pk if obj.pk is not None else "")
        object_repr = object_repr or str(obj)
    return AuditEvent.objects.create(
        actor=actor,
        actor_name=actor.get_username() if actor is not None else "",
        entry_point=current_entry_point(),
        action=action,
        object_type=object_type,
        object_id=str(object_id)[:64],
        object_repr=str(object_repr)[:200],
        changes=_json_safe(_masked_changes(changes or {})),
    )


def audit_track_deletes(model: type[models.Model], *, fields: Iterable[str]) -> None:
    """Record every deletion of ``model``'s rows, whichever way it happens (API, admin, a
    cascade), in the deleting transaction, with the old values of ``fields``."""
    names = tuple(fields)

    def deleted(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
        audit_record(
            action=AuditEvent.Action.DELETE,
            obj=instance,
            changes=audit_changes(audit_snapshot(instance, names), None),
        )

    post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=f"audit-{model._meta}")
