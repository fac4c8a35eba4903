from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CustomersConfig(AppConfig):
    name = "customers"
    verbose_name = _("Customers and orders")

    def ready(self) -> None:
        # Imported here: models are ready only now (app registry start-up).
        from audit.recording import audit_track_deletes
        from customers.models import CustomerGroup

        audit_track_deletes(CustomerGroup, fields=["name", "slug"])
