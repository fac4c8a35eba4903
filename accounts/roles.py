"""Roles: who may do what, one definition for the pages, the API, the AI assistant and the
services.

Roles are Django groups (created by ``automation/migrations/0002_roles.py``), ranked
viewer < business < developer < staff; every role includes what the roles below it may do. A
user's role is the highest group they belong to; ``is_staff`` users and superusers are always
``staff``. Nothing else in the product decides a role: pages use ``accounts.decorators``, the
API ``accounts.permissions``, and per-user rules about what a workflow may contain live with
the services that save workflows (``automation.policy``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.utils.translation import gettext

from core.postgresql import prepared_cursor

__all__ = [
    "BUSINESS",
    "DEVELOPER",
    "ROLES",
    "STAFF",
    "VIEWER",
    "Capabilities",
    "capabilities_of",
    "role_label",
    "role_of",
    "user_has_role",
    "user_with_role",
]

VIEWER, BUSINESS, DEVELOPER, STAFF = "viewer", "business", "developer", "staff"
#: Lowest to highest; every role includes what the roles before it may do.
ROLES: tuple[str, ...] = (VIEWER, BUSINESS, DEVELOPER, STAFF)
_RANK = {name: rank for rank, name in enumerate(ROLES)}
# Cached on the user object so that several checks in one request cost one query.
_ROLE_CACHE_ATTR = "_workflow_automation_role"


def role_of(user: Any) -> str | None:
    """The user's highest role, or None (anonymous, inactive or in no role group)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    if not getattr(user, "is_active", True):
        return None
    if getattr(user, "is_superuser", False) or getattr(user, "is_staff", False):
        return STAFF
    if hasattr(user, _ROLE_CACHE_ATTR):
        return getattr(user, _ROLE_CACHE_ATTR)
    names = set(user.groups.filter(name__in=ROLES).values_list("name", flat=True))
    role = max(names, key=_RANK.__getitem__) if names else None
    setattr(user, _ROLE_CACHE_ATTR, role)
    return role


def user_with_role(model: Any, field: str, value: Any) -> Any:
    """The user whose ``field`` is ``value``, with their role already known to ``role_of``,
    in one statement; None when there is no such user. Plain SQL: the API authenticates
    every request with it, and the ORM's compiling of the same query cost more than running
    it; prepared once per connection (``core.postgresql.prepared_cursor``)."""
    meta = model._meta
    quote = connection.ops.quote_name
    groups = meta.get_field("groups")
    through = groups.remote_field.through._meta
    group_table = groups.related_model._meta.db_table
    user_column = quote(through.get_field(groups.m2m_field_name()).column)
    group_column = quote(through.get_field(groups.m2m_reverse_field_name()).column)
    fields = list(meta.concrete_fields)
    columns = ", ".join(f"u.{quote(f.column)}" for f in fields)
    ranks = " ".join("WHEN %s THEN %s" for _ in ROLES)
    sql = (
        f"SELECT {columns}, (SELECT MAX(CASE g.name {ranks} END) "
        f"FROM {quote(through.db_table)} ug JOIN {quote(group_table)} g "
        f"ON g.id = ug.{group_column} WHERE ug.{user_column} = u.{quote(meta.pk.column)}) "
        f"FROM {quote(meta.db_table)} u WHERE u.{quote(meta.get_field(field).column)} = %s"
    )
    params = [p for name in ROLES for p in (name, _RANK[name])] + [value]
    with prepared_cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    user = model.from_db(connection.alias, [f.attname for f in fields], row[:-1])
    setattr(user, _ROLE_CACHE_ATTR, None if row[-1] is None else ROLES[row[-1]])
    return user


def user_has_role(user: Any, role: str) -> bool:
    """True when the user's role is ``role`` or a higher one."""
    if role not in _RANK:
        raise ValueError(f"Unknown role {role!r}; expected one of {ROLES}")
    current = role_of(user)
    return current is not None and _RANK[current] >= _RANK[role]


def role_label(role: str) -> str:
    """The role's name for people, in the active language."""
    labels = {
        VIEWER: gettext("viewer"),
        BUSINESS: gettext("business user"),
        DEVELOPER: gettext("developer"),
        STAFF: gettext("staff"),
    }
    return labels.get(role, role)


@dataclass(frozen=True)
class Capabilities:
    """What the signed-in user may do on the pages; templates read it as ``can``."""

    edit: bool  # business and up: workflows, templates, customers
    run: bool  # business and up: run now, test, pause; steer executions
    deploy: bool  # developer and up: activate (deploy) and archive
    scripts: bool  # developer and up: the script editor, integrations
    decide: bool = False  # staff: decide about emails whose outcome is unknown


def capabilities_of(user: Any) -> Capabilities:
    business, developer = user_has_role(user, BUSINESS), user_has_role(user, DEVELOPER)
    return Capabilities(
        edit=business,
        run=business,
        deploy=developer,
        scripts=developer,
        decide=user_has_role(user, STAFF),
    )
