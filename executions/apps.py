from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExecutionsConfig(AppConfig):
    name = "executions"
    verbose_name = _("Executions")

    def ready(self) -> None:
        # Registers every step type (one module each) with automation.registry.
        from executions import steps  # noqa: F401
