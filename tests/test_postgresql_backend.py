"""core.postgresql: the per-request health check of a persistent connection without a round
trip while the connection is plainly alive, and still replacing one the server closed."""

from __future__ import annotations

import select
import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connections

MARK = "/* health check test */"


@pytest.fixture
def fresh(requires_postgres: None) -> Iterator[Any]:
    """A connection of its own (autocommit, outside the test's transaction), with the
    project's settings: persistent, health-checked."""
    wrapper = connections.create_connection("default")
    wrapper.ensure_connection()
    assert wrapper.health_check_enabled
    try:
        yield wrapper
    finally:
        wrapper.close()


def _pid(wrapper: Any) -> int:
    with wrapper.cursor() as cursor:
        cursor.execute(f"SELECT pg_backend_pid() {MARK}")
        return cursor.fetchone()[0]


def _last_statement(observer: Any, pid: int) -> str:
    with observer.cursor() as cursor:
        cursor.execute("SELECT query FROM pg_stat_activity WHERE pid = %s", [pid])
        return cursor.fetchone()[0]


def _check(wrapper: Any) -> None:
    """What Django does before the first use of the connection in a request."""
    wrapper.health_check_done = False
    wrapper.close_if_health_check_failed()


def test_a_live_idle_connection_is_checked_without_a_statement(fresh: Any) -> None:
    observer = connections.create_connection("default")
    try:
        pid = _pid(fresh)
        _check(fresh)
        # Django's own check sends SELECT 1; the server's last statement would be that.
        assert fresh.connection is not None
        assert MARK in _last_statement(observer, pid)
    finally:
        observer.close()


def test_a_connection_the_server_closed_is_replaced(fresh: Any) -> None:
    observer = connections.create_connection("default")
    try:
        pid = _pid(fresh)
        with observer.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if select.select([fresh.connection.fileno()], [], [], 0.1)[0]:
                break
        _check(fresh)
        assert fresh.connection is None  # closed: the next use connects again
        assert _pid(fresh) != pid
    finally:
        observer.close()


def test_a_connection_inside_a_transaction_gets_the_full_check(fresh: Any) -> None:
    observer = connections.create_connection("default")
    try:
        pid = _pid(fresh)
        fresh.set_autocommit(False)
        with fresh.cursor() as cursor:
            cursor.execute(f"SELECT 2 {MARK}")
        _check(fresh)
        assert _last_statement(observer, pid).strip() == "SELECT 1"
        fresh.rollback()
        fresh.set_autocommit(True)
    finally:
        observer.close()
