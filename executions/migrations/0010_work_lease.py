"""Leases on fanned-out work (executions.leases), and the periodic task that recovers work
whose holder died or whose broker message was lost (executions.recovery), every
WORKFLOW_RECOVERY_INTERVAL_S. Self-contained: the task is written here, as in 0002.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

TASK_NAME = "recover-lost-work"
TASK_PATH = "executions.tasks.recover_task"


def _touch_beat(apps) -> None:
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def create_recovery_task(apps, schema_editor) -> None:
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every = getattr(settings, "WORKFLOW_RECOVERY_INTERVAL_S", 5)
    interval = IntervalSchedule.objects.filter(every=every, period="seconds").order_by("pk").first()
    if interval is None:
        interval = IntervalSchedule.objects.create(every=every, period="seconds")
    _task, created = PeriodicTask.objects.get_or_create(
        name=TASK_NAME,
        defaults={
            "task": TASK_PATH,
            "interval": interval,
            "enabled": True,
            "queue": "default",
            # A tick that waited longer than its interval is replaced by the next one.
            "expire_seconds": every * 2,
            "description": "Enqueues again work whose worker died or whose message the broker lost.",
        },
    )
    if created:
        _touch_beat(apps)


def remove_recovery_task(apps, schema_editor) -> None:
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    deleted, _ = PeriodicTask.objects.filter(name=TASK_NAME).delete()
    if deleted:
        _touch_beat(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("executions", "0009_action_log_customer_idx"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        migrations.CreateModel(
            name="WorkLease",
            fields=[
                (
                    "task_id",
                    models.CharField(
                        max_length=255, primary_key=True, serialize=False, verbose_name="task id"
                    ),
                ),
                ("step_order", models.IntegerField(verbose_name="step")),
                ("step_type", models.CharField(max_length=60, verbose_name="step type")),
                ("part", models.JSONField(blank=True, null=True, verbose_name="part")),
                ("holder", models.CharField(max_length=255, verbose_name="held by")),
                ("lease_until", models.DateTimeField(db_index=True, verbose_name="lease until")),
                ("taken_at", models.DateTimeField(verbose_name="taken at")),
                (
                    "execution",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="work_leases",
                        to="executions.workflowexecution",
                        verbose_name="execution",
                    ),
                ),
            ],
            options={
                "verbose_name": "work lease",
                "verbose_name_plural": "work leases",
            },
        ),
        migrations.RunPython(create_recovery_task, remove_recovery_task),
    ]
