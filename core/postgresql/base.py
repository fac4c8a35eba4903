"""Django's PostgreSQL backend, with a cheaper per-request health check.

With persistent connections and ``CONN_HEALTH_CHECKS`` Django checks the connection before
its first use in every request (and every Celery task, config/celery.py) by sending
``SELECT 1``: a round trip to the server per request, a third of the statements of a status
read (``GET /executions/{id}/status``), and work for the database server on the same cores.

A server that closes a connection (a restart, ``pg_terminate_backend``,
``idle_session_timeout``) sends an error message and closes the socket; the kernel closes it
too when the keepalive probes (config/settings.py: 11 s) go unanswered. Either way the idle
socket becomes readable. An idle connection to a live server has nothing to read. So the check
first asks the kernel, without waiting, whether there is anything to read: nothing, and the
connection idle (no transaction open or failed), means the connection is as good as a
``SELECT 1`` would have found it; anything else gets Django's own ``SELECT 1``.

What neither catches: a server that vanished without a word less than the keepalive time
ago. ``SELECT 1`` would wait out ``tcp_user_timeout`` (11 s) and then reconnect to a server
that is not there either, so the request fails both ways.

``prepared_cursor()`` (use ``core.postgresql.prepared_cursor``): Django binds parameters on the
client, so PostgreSQL parses and plans every statement anew. For the two statements of a status
read (the user with their role, the execution with its counts) planning cost about as much as
running them. This cursor binds on the server and prepares each statement on the connection
the first time it runs: later runs on that connection skip parsing and planning. Only for
statements that name their columns (``SELECT *`` would fail with "cached plan must not change
result type" after a migration adds a column while the connection lives). Django turns
psycopg's preparing off (``prepare_threshold`` None); a connection of ours gets a threshold no
count reaches, so only these cursors, which ask for it, prepare (Django's own cursors bind on
the client and never do). ``OPTIONS["prepared_statements"] = False`` (the setting
``DATABASE_PREPARED_STATEMENTS``) keeps it off, e.g. behind a pooler in transaction mode that
cannot carry prepared statements (PgBouncer before 1.21).
"""

from __future__ import annotations

import select
import sys
from typing import Any

import psycopg
from django.db.backends.postgresql.base import DatabaseWrapper as _PostgreSQLWrapper
from django.db.backends.postgresql.operations import (
    DatabaseOperations as _PostgreSQLOperations,
)
from django.db.backends.postgresql.psycopg_any import register_tzloader
from django.db.backends.utils import CursorWrapper
from psycopg import pq
from psycopg.postgres import types as pg_types

__all__ = ["DatabaseWrapper", "PreparedCursor"]

TIMESTAMPTZ_OID = pg_types["timestamptz"].oid


class PreparedCursor(psycopg.Cursor):
    """Binds parameters on the server and prepares every statement it runs."""

    def execute(self, query: Any, params: Any = None, *, prepare: bool | None = None, **kw: Any):
        return super().execute(query, params, prepare=True if prepare is None else prepare, **kw)


def _pending(fileno: int) -> bool:
    """Whether the socket has something to read (or is closed or in error), now."""
    readable, _writable, failed = select.select([fileno], [], [fileno], 0)
    return bool(readable or failed)


class DatabaseOperations(_PostgreSQLOperations):
    def last_executed_query(self, cursor: Any, sql: str, params: Any) -> str | None:
        # Logged (DEBUG, tests) with the values written in, as Django's own cursors are.
        if isinstance(cursor, PreparedCursor):
            try:
                return self.compose_sql(sql, params)
            except psycopg.errors.DataError:
                return None
        return super().last_executed_query(cursor, sql, params)


class DatabaseWrapper(_PostgreSQLWrapper):
    ops_class = DatabaseOperations

    def get_connection_params(self) -> dict[str, Any]:
        params = super().get_connection_params()
        self._prepares = bool(params.pop("prepared_statements", True))
        return params

    def get_new_connection(self, conn_params: dict[str, Any]) -> Any:
        connection = super().get_new_connection(conn_params)
        if getattr(self, "_prepares", True) and connection.prepare_threshold is None:
            connection.prepare_threshold = sys.maxsize  # only when asked: PreparedCursor
        return connection

    def is_usable(self) -> bool:
        connection = self.connection
        if connection is None or connection.closed:
            return False
        try:
            idle = connection.info.transaction_status == pq.TransactionStatus.IDLE
            quiet = idle and not _pending(connection.fileno())
        except (OSError, ValueError):
            quiet = False
        return True if quiet else super().is_usable()

    def prepared_cursor(self) -> CursorWrapper:
        """Like ``cursor()`` (health check, error wrapping, query logging when on), with a
        ``PreparedCursor`` underneath."""
        self._want_prepared = True
        try:
            return self._cursor()
        finally:
            self._want_prepared = False

    def create_cursor(self, name: str | None = None) -> Any:
        if name or not getattr(self, "_want_prepared", False):
            return super().create_cursor(name)
        cursor = PreparedCursor(self.connection)
        # As Django does for its own cursors: the connection's time zone for timestamps.
        loader = self.connection.adapters.get_loader(TIMESTAMPTZ_OID, pq.Format.TEXT)
        if self.timezone != getattr(loader, "timezone", None):
            register_tzloader(self.timezone, cursor)
        return cursor
