from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = _("Audit trail")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Roles are Django's own groups, changed only in the admin: no service of ours writes
        # them, so their changes are recorded from the auth models' signals.
        from audit import roles  # noqa: F401  (app registry start-up)
