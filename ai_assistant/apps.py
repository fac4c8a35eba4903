from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AiAssistantConfig(AppConfig):
    name = "ai_assistant"
    verbose_name = _("AI assistant")

    def ready(self) -> None:
        # Registers the system check of the throttle settings (a mistyped rate stops start-up).
        from ai_assistant import throttle  # noqa: F401
