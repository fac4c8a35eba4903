from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TemplatesAppConfig(AppConfig):
    name = "templates_app"
    verbose_name = _("Email templates")

    def ready(self) -> None:
        from anymail.signals import tracking

        from audit.recording import audit_track_deletes
        from templates_app.models import EmailTemplate
        from templates_app.tracking import handle_tracking_event

        audit_track_deletes(EmailTemplate, fields=["name", "subject", "category"])

        # dispatch_uid: ready() may run more than once; one bounce must be handled once.
        tracking.connect(handle_tracking_event, dispatch_uid="templates_app.tracking")
