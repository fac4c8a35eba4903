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


# --- prepared_cursor: hot statements parsed and planned once per connection -----------------


def _prepared(wrapper: Any) -> list[str]:
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


def test_a_prepared_cursor_prepares_its_statement_once_per_connection(fresh: Any) -> None:
    sql = "SELECT %s::int + 1 /* prepared cursor test */"
    assert not [s for s in _prepared(fresh) if "prepared cursor test" in s]
    results = []
    for value in (1, 2, 3):
        with fresh.prepared_cursor() as cursor:
            cursor.execute(sql, [value])
            results.append(cursor.fetchone()[0])

    assert results == [2, 3, 4]
    (statement,) = [s for s in _prepared(fresh) if "prepared cursor test" in s]
    assert "$1" in statement  # bound on the server, not with the value written in
    # A plain cursor of the same connection still binds on the client and prepares nothing.
    with fresh.cursor() as cursor:
        cursor.execute("SELECT %s::int /* plain cursor test */", [5])
    assert not [s for s in _prepared(fresh) if "plain cursor test" in s]


def test_a_prepared_cursor_reads_timestamps_in_the_connections_zone_and_is_logged(
    fresh: Any,
) -> None:
    import datetime as dt

    from django.db import DatabaseError
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(fresh) as queries, fresh.prepared_cursor() as cursor:
        cursor.execute("SELECT %s::timestamptz", ["2026-03-29 01:30:00+00"])
        (value,) = cursor.fetchone()
    assert value == dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.UTC)
    assert value.utcoffset() == dt.timedelta(0)
    assert len(queries) == 1 and "2026-03-29 01:30:00+00" in queries[0]["sql"]
    # Errors come as Django's, like any cursor's.
    with pytest.raises(DatabaseError), fresh.prepared_cursor() as cursor:
        cursor.execute("SELECT 1 / %s::int", [0])


def test_prepared_cursor_uses_the_default_connection(db: None) -> None:
    from django.db import connection

    from core.postgresql import prepared_cursor

    with prepared_cursor() as cursor:
        cursor.execute("SELECT %s::text", ["hei"])
        assert cursor.fetchone() == ("hei",)
    if connection.vendor == "postgresql":
        assert type(cursor.cursor).__name__ == "PreparedCursor"


def test_prepared_statements_can_be_turned_off(requires_postgres: None) -> None:
    # Behind a pooler in transaction mode: server-side binding still, nothing prepared.
    wrapper = connections.create_connection("default")
    wrapper.settings_dict = {
        **wrapper.settings_dict,
        "OPTIONS": {**wrapper.settings_dict["OPTIONS"], "prepared_statements": False},
    }
    try:
        for _ in range(3):
            with wrapper.prepared_cursor() as cursor:
                cursor.execute("SELECT %s::int /* not prepared test */", [1])
                assert cursor.fetchone() == (1,)
        assert not [s for s in _prepared(wrapper) if "not prepared test" in s]
    finally:
        wrapper.close()
