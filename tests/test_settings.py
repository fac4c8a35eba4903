import ast
import os
import socket
import subprocess
import sys

import pytest
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


def test_postgresql_connections_notice_a_dead_peer_in_seconds(db):
    """The libpq options reach the connection's socket: keepalive probes after 5 s idle, every
    2 s, 3 of them, and 11 s for unacknowledged data (TCP's defaults: 2 h and about 15 min)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("libpq options are PostgreSQL's")
    connection.ensure_connection()
    pg = connection.connection
    params = pg.info.get_parameters()
    assert params["connect_timeout"] == "5"
    assert params["keepalives_idle"] == "5"
    fd = pg.pgconn.socket
    sock = socket.socket(fileno=os.dup(fd))
    try:
        assert sock.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE) == 1
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE) == 5
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL) == 2
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT) == 3
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_USER_TIMEOUT) == 11000
    finally:
        sock.close()  # a duplicate of the descriptor: the connection keeps its own


def test_the_database_timeouts_come_from_the_environment():
    """Each option can be set by environment; one given in DATABASE_URL's query string wins."""
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://u@db.example:5432/flow?connect_timeout=9",
        "DATABASE_CONNECT_TIMEOUT_S": "3",
        "DATABASE_KEEPALIVES_IDLE_S": "7",
        "DATABASE_KEEPALIVES_INTERVAL_S": "1",
        "DATABASE_KEEPALIVES_COUNT": "4",
        "DATABASE_TCP_USER_TIMEOUT_MS": "6000",
        "DATABASE_PREPARED_STATEMENTS": "false",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    code = "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    options = ast.literal_eval(out.strip().splitlines()[-1])
    assert options == {
        "connect_timeout": 9,
        "keepalives": 1,
        "keepalives_idle": 7,
        "keepalives_interval": 1,
        "keepalives_count": 4,
        "tcp_user_timeout": 6000,
        "prepared_statements": False,
    }
