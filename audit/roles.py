"""Roles are Django's auth groups; a user's role is the groups they are in (and ``is_staff``,
``is_superuser``, ``is_active``: see ``accounts.roles``). They are changed in the admin, by
Django's own views, so they are recorded from the auth models' signals (in the admin's
transaction). Never a password: only the fields below are read."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_save, pre_save

from audit.models import AuditEvent
from audit.recording import audit_changes, audit_record, audit_track_deletes

User = get_user_model()
#: What decides a user's role besides their groups.
USER_ROLE_FIELDS = ("is_active", "is_staff", "is_superuser")
_OLD = "_audit_role_fields"


def _group_saved(sender: Any, instance: Group, created: bool, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    old = getattr(instance, _OLD, None)
    if created:
        audit_record(
            action=AuditEvent.Action.CREATE,
            obj=instance,
            changes=audit_changes(None, {"name": instance.name}),
        )
    elif old is not None and old != instance.name:
        audit_record(
            action=AuditEvent.Action.UPDATE,
            obj=instance,
            changes=audit_changes({"name": old}, {"name": instance.name}),
        )


def _group_before_save(sender: Any, instance: Group, **kwargs: Any) -> None:
    if instance.pk and not kwargs.get("raw"):
        old = Group.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
        setattr(instance, _OLD, old)


def _user_before_save(sender: Any, instance: Any, **kwargs: Any) -> None:
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and not set(update_fields) & set(USER_ROLE_FIELDS):
        return  # a login's last_login, a password change: nothing about the role
    if instance.pk and not kwargs.get("raw"):
        old = User.objects.filter(pk=instance.pk).values(*USER_ROLE_FIELDS).first()
        setattr(instance, _OLD, old)


def _user_saved(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    """A change of the fields that decide a role (a new user has no role until grouped,
    unless created as staff)."""
    if kwargs.get("raw"):
        return
    new = {name: getattr(instance, name) for name in USER_ROLE_FIELDS}
    if created:
        if instance.is_staff or instance.is_superuser:
            audit_record(
                action=AuditEvent.Action.CREATE, obj=instance, changes=audit_changes(None, new)
            )
        return
    old = getattr(instance, _OLD, None)
    setattr(instance, _OLD, None)
    if old is not None and old != new:
        audit_record(action=AuditEvent.Action.UPDATE, obj=instance, changes=audit_changes(old, new))


def _names(model: Any, pks: set[int] | None, field: str) -> list[str]:
    return sorted(model.objects.filter(pk__in=pks or ()).values_list(field, flat=True))


def _memberships_changed(
    sender: Any, instance: Any, action: str, reverse: bool, pk_set: set[int] | None, **kwargs: Any
) -> None:
    """A user added to or removed from a role group (from either side of the relation)."""
    if action == "pre_clear":
        pks = (
            set(instance.groups.values_list("pk", flat=True))
            if not reverse
            else set(instance.user_set.values_list("pk", flat=True))
        )
        instance._audit_cleared = pks
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if action == "post_clear":
        pk_set = getattr(instance, "_audit_cleared", set())
    if not pk_set:
        return
    verb = AuditEvent.Action.ADD_MEMBER if action == "post_add" else AuditEvent.Action.REMOVE_MEMBER
    key = "added" if action == "post_add" else "removed"
    if not reverse:  # instance is the user, pk_set are groups
        audit_record(
            action=verb,
            obj=instance,
            changes={f"groups_{key}": {"old": None, "new": _names(Group, pk_set, "name")}},
        )
    else:  # instance is the group, pk_set are users
        users = _names(User, pk_set, User.USERNAME_FIELD)
        audit_record(
            action=verb, obj=instance, changes={f"users_{key}": {"old": None, "new": users}}
        )


def _permissions_changed(
    sender: Any, instance: Any, action: str, reverse: bool, pk_set: set[int] | None, **kwargs: Any
) -> None:
    if reverse or action not in ("post_add", "post_remove") or not pk_set:
        return
    codenames = _names(Permission, pk_set, "codename")
    key = "permissions_added" if action == "post_add" else "permissions_removed"
    audit_record(
        action=AuditEvent.Action.UPDATE,
        obj=instance,
        changes={key: {"old": None, "new": codenames}},
    )


pre_save.connect(_group_before_save, sender=Group, dispatch_uid="audit-group-pre")
post_save.connect(_group_saved, sender=Group, dispatch_uid="audit-group")
pre_save.connect(_user_before_save, sender=User, dispatch_uid="audit-user-pre")
post_save.connect(_user_saved, sender=User, dispatch_uid="audit-user")
m2m_changed.connect(_memberships_changed, sender=User.groups.through, dispatch_uid="audit-members")
m2m_changed.connect(
    _permissions_changed, sender=Group.permissions.through, dispatch_uid="audit-permissions"
)
audit_track_deletes(Group, fields=["name"])
