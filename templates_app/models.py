from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailTemplate(models.Model):
    class Category(models.TextChoices):
        # Known categories; `category` stays a free slug so businesses can add their own.
        BESTILLING = "bestilling", _("Order form")
        REMINDER = "reminder", _("Reminder")
        CONFIRMATION = "confirmation", _("Confirmation")

    # Transactional categories still reach customers who unsubscribed from marketing.
    TRANSACTIONAL_CATEGORIES = frozenset({Category.CONFIRMATION})

    name = models.CharField(_("name"), max_length=200, unique=True)
    subject = models.CharField(_("subject"), max_length=300)
    body_html = models.TextField(_("HTML body"))
    body_text = models.TextField(
        _("text body"), blank=True, help_text=_("Derived from the HTML body when empty.")
    )
    variables = models.JSONField(
        _("variables"),
        default=list,
        blank=True,
        help_text=_("Names of the variables the template uses, e.g. kunde_navn."),
    )
    # Where the customers' answers go when it is not the sender; a workflow step may say
    # otherwise, and without either settings.DEFAULT_REPLY_TO (or nothing) applies.
    reply_to = models.EmailField(
        _("reply-to address"),
        max_length=254,
        blank=True,
        help_text=_("Where replies go, if not to the sender. Empty: the default."),
    )
    category = models.SlugField(_("category"), max_length=50, default=Category.BESTILLING)
    # Drafted by the AI assistant and not yet opened and saved by a person: a workflow that
    # sends it cannot be activated (see automation.services.workflow_deploy).
    needs_review = models.BooleanField(
        _("needs review"),
        default=False,
        help_text=_("Drafted by the assistant; save it once checked before it is sent."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("email template")
        verbose_name_plural = _("email templates")

    def __str__(self) -> str:
        return self.name

    @property
    def is_transactional(self) -> bool:
        return self.category in self.TRANSACTIONAL_CATEGORIES
