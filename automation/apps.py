from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AutomationConfig(AppConfig):
    name = "automation"
    verbose_name = _("Workflows")

    def ready(self) -> None:
        # Imported here: models are ready only now (app registry start-up).
        from audit.recording import audit_track_deletes
        from automation.models import ClosedDay, Integration, WorkflowDefinition

        # Deletions, whichever entry point makes them (API, admin), are recorded on delete;
        # creations and changes by the services (automation.services, integrations,
        # closed_days).
        audit_track_deletes(WorkflowDefinition, fields=["name", "status", "version"])
        audit_track_deletes(Integration, fields=["name", "base_url", "auth_type"])
        audit_track_deletes(ClosedDay, fields=["name", "start", "end"])
