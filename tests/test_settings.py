from django.conf import settings


def test_norwegian_and_oslo_are_the_defaults():
    assert settings.LANGUAGE_CODE == "nb"
    assert [code for code, _ in settings.LANGUAGES] == ["nb", "en"]
    assert settings.TIME_ZONE == "Europe/Oslo"
    assert settings.USE_TZ is True


def test_celery_queues_and_delivery_guarantees():
    from config.celery import app

    assert {q.name for q in app.conf.task_queues} == {"default", "email", "report"}
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    assert app.conf.worker_prefetch_multiplier == 1
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert visibility > settings.CELERY_MAX_COUNTDOWN_S


def test_models_and_migrations_are_in_sync(db):
    from django.core.management import call_command

    # --check exits non-zero when a model change has no migration.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_the_dispatch_task_is_a_periodic_task_editable_in_the_admin(db):
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="executions.tasks.dispatch_due_task")
    assert task.enabled and task.interval.every == settings.WORKFLOW_DISPATCH_INTERVAL_S
