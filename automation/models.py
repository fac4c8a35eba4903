from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class WorkflowDefinition(models.Model):
    class WorkflowType(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        EVENT_BASED = "event_based", _("Event based")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ACTIVE = "active", _("Active")
        PAUSED = "paused", _("Paused")
        ARCHIVED = "archived", _("Archived")

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=False)
    workflow_type = models.CharField(
        _("workflow type"), max_length=20, choices=WorkflowType.choices
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    event = models.JSONField(
        _("event"),
        null=True,
        blank=True,
        help_text=_('For event based workflows, e.g. {"type": "order.created"}.'),
    )
    grace_minutes = models.PositiveIntegerField(
        _("grace period (minutes)"),
        default=360,
        help_text=_(
            "A run missed by more than this (e.g. while the scheduler was down) is "
            "recorded as missed instead of being run late."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workflows",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("workflow")
        verbose_name_plural = _("workflows")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="active") | Q(is_active=True),
                name="workflow_active_status_consistent",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "workflow_type"], name="workflow_status_type_idx"),
        ]

    def __str__(self) -> str:
        return self.name


class WorkflowVersion(models.Model):
    """The canonical JSON of every saved version, for history and stale-edit detection."""

    workflow = models.ForeignKey(
        WorkflowDefinition,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("workflow"),
    )
    version = models.PositiveIntegerField(_("version"))
    definition = models.JSONField(_("definition"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["workflow", "-version"]
        verbose_name = _("workflow version")
        verbose_name_plural = _("workflow versions")
        constraints = [
            models.UniqueConstraint(fields=["workflow", "version"], name="workflow_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.workflow} v{self.version}"


class WorkflowStep(models.Model):
    class TriggerType(models.TextChoices):
        IMMEDIATE = "immediate", _("Immediately")
        TIME_BASED = "time_based", _("At a time")
        CONDITION_BASED = "condition_based", _("When a condition holds")

    workflow = models.ForeignKey(
        WorkflowDefinition,
        on_delete=models.CASCADE,
        related_name="steps",
        verbose_name=_("workflow"),
    )
    step_order = models.PositiveIntegerField(pgettext_lazy("position of a step", "order"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    # No choices: the step-type registry validates it, so a new type needs no migration.
    step_type = models.CharField(_("step type"), max_length=50)
    trigger_type = models.CharField(
        _("trigger type"),
        max_length=20,
        choices=TriggerType.choices,
        default=TriggerType.IMMEDIATE,
    )
    trigger_config = models.JSONField(_("trigger config"), default=dict, blank=True)
    action_config = models.JSONField(_("action config"), default=dict, blank=True)
    condition_config = models.JSONField(_("condition config"), default=dict, blank=True)
    template = models.ForeignKey(
        "templates_app.EmailTemplate",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="steps",
        verbose_name=_("email template"),
        help_text=_("Kept in step with action_config.template_id; protects used templates."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    max_retries = models.PositiveSmallIntegerField(_("max retries"), default=3)

    class Meta:
        ordering = ["workflow", "step_order"]
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")
        constraints = [
            models.UniqueConstraint(
                fields=["workflow", "step_order"], name="workflow_step_order_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.step_order}. {self.name or self.step_type}"


class HolidayPolicy(models.TextChoices):
    """What a run (or a step's weekday) does when it falls on a day the business is closed."""

    RUN = "run", _("Run anyway")
    SKIP = "skip", _("Skip it")
    NEXT_BUSINESS_DAY = "next_business_day", _("Move it to the next business day")
    PREVIOUS_BUSINESS_DAY = "previous_business_day", _("Move it to the business day before")


class WorkflowSchedule(models.Model):
    class ScheduleType(models.TextChoices):
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")
        MONTHLY = "monthly", _("Monthly")
        CRON = "cron", _("Cron expression")

    workflow = models.OneToOneField(
        WorkflowDefinition,
        on_delete=models.CASCADE,
        related_name="schedule",
        verbose_name=_("workflow"),
    )
    schedule_type = models.CharField(
        _("schedule type"), max_length=20, choices=ScheduleType.choices
    )
    schedule_config = models.JSONField(_("schedule config"), default=dict)
    timezone = models.CharField(_("time zone"), max_length=64, default="Europe/Oslo")
    holiday_policy = models.CharField(
        _("on public holidays and closed days"),
        max_length=30,
        choices=HolidayPolicy.choices,
        default=HolidayPolicy.RUN,
    )
    # Null while the workflow is not active: the dispatcher only looks at non-null rows.
    next_run = models.DateTimeField(_("next run"), null=True, blank=True)
    last_run = models.DateTimeField(_("last run"), null=True, blank=True)

    class Meta:
        verbose_name = _("workflow schedule")
        verbose_name_plural = _("workflow schedules")
        indexes = [
            models.Index(
                fields=["next_run"],
                condition=Q(next_run__isnull=False),
                name="schedule_due_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.workflow}: {self.get_schedule_type_display()}"


class Integration(models.Model):
    class AuthType(models.TextChoices):
        NONE = "none", _("None")
        BEARER = "bearer", _("Bearer token")
        BASIC = "basic", _("Username and password")
        HEADER = "header", _("API key header")

    name = models.CharField(_("name"), max_length=200, unique=True)
    base_url = models.URLField(_("base URL"), max_length=500)
    auth_type = models.CharField(
        _("authentication"), max_length=20, choices=AuthType.choices, default=AuthType.NONE
    )
    # Fernet token of the JSON credentials; never shown, never logged.
    credentials_encrypted = models.TextField(_("encrypted credentials"), blank=True, editable=False)
    headers = models.JSONField(
        _("extra headers"), default=dict, blank=True, help_text=_("Non-secret headers only.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    last_tested_at = models.DateTimeField(_("last tested at"), null=True, blank=True)
    last_test_ok = models.BooleanField(_("last test succeeded"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("integration")
        verbose_name_plural = _("integrations")

    def __str__(self) -> str:
        return self.name


class ClosedDay(models.Model):
    """Days the company is closed (besides the public holidays of its country): a date range
    with a name, e.g. "Julestengt" from 24 December to 1 January."""

    name = models.CharField(_("name"), max_length=100)
    start = models.DateField(_("from"))
    end = models.DateField(_("to (inclusive)"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["start", "end", "pk"]
        verbose_name = _("closed day")
        verbose_name_plural = _("closed days")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")), name="closed_day_end_after_start"
            )
        ]

    def __str__(self) -> str:
        if self.start == self.end:
            return f"{self.name} ({self.start:%d.%m.%Y})"
        return f"{self.name} ({self.start:%d.%m.%Y}\N{EN DASH}{self.end:%d.%m.%Y})"
