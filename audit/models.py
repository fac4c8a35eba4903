"""One row per change to something that decides what the product does: a workflow, an email
template, an integration, a customer group, a role or a closed day. Written by the services
that make the change (``audit.recording``), in the same transaction; never edited."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    class EntryPoint(models.TextChoices):
        ADMIN = "admin", _("Admin")
        PAGES = "pages", _("Pages")
        API = "api", _("API")
        AI = "ai", _("AI assistant")
        DSL = "dsl", _("Script (DSL)")
        SYSTEM = "system", _("System")

    class Action(models.TextChoices):
        CREATE = "create", _("Created")
        UPDATE = "update", _("Changed")
        DELETE = "delete", _("Deleted")
        DEPLOY = "deploy", _("Deployed")
        PAUSE = "pause", _("Paused")
        ARCHIVE = "archive", _("Archived")
        RESTORE = "restore", _("Restored")
        ADD_MEMBER = "add_member", _("Member added")
        REMOVE_MEMBER = "remove_member", _("Member removed")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    # Kept as written, so the row still says who after the user is deleted or renamed.
    actor_name = models.CharField(_("who (name)"), max_length=150, blank=True)
    entry_point = models.CharField(
        _("entry point"), max_length=10, choices=EntryPoint.choices, db_index=True
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    object_type = models.CharField(_("object type"), max_length=100, db_index=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    changes = models.JSONField(
        _("changes"),
        default=dict,
        blank=True,
        help_text=_("Field name: old and new value. Secrets are never recorded."),
    )

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.object_type} {self.object_repr}"
