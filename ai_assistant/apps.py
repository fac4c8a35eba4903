from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AiAssistantConfig(AppConfig):
    name = "ai_assistant"
    verbose_name = _("AI assistant")
