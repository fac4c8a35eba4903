"""Creates the one periodic task that drives every workflow: beat runs the dispatcher.

Stored in django-celery-beat's tables, so staff can change the interval in the admin.
Idempotent: running it against a database that already has the task changes nothing.
"""

from django.conf import settings
from django.db import migrations
from django.utils import timezone

TASK_NAME = "dispatch-due-workflows"
TASK_PATH = "executions.tasks.dispatch_due_task"


def _touch_beat(apps) -> None:
    # The DatabaseScheduler reloads its schedule when this timestamp changes; historical
    # models do not send django-celery-beat's signals, so do it by hand.
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def create_dispatch_task(apps, schema_editor) -> None:
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every = getattr(settings, "WORKFLOW_DISPATCH_INTERVAL_S", 10)
    # IntervalSchedule has no unique constraint, so reuse any equal row rather than get_or_create.
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
            "description": "Claims due workflow schedules and finished waits and queues their runs.",
        },
    )
    if created:
        _touch_beat(apps)


def remove_dispatch_task(apps, schema_editor) -> None:
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    deleted, _ = PeriodicTask.objects.filter(name=TASK_NAME).delete()
    if deleted:
        _touch_beat(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("executions", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        migrations.RunPython(create_dispatch_task, remove_dispatch_task),
    ]
