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
"""

from __future__ import annotations

import select

from django.db.backends.postgresql.base import DatabaseWrapper as _PostgreSQLWrapper
from psycopg import pq

__all__ = ["DatabaseWrapper"]


def _pending(fileno: int) -> bool:
    """Whether the socket has something to read (or is closed or in error), now."""
    readable, _writable, failed = select.select([fileno], [], [fileno], 0)
    return bool(readable or failed)


class DatabaseWrapper(_PostgreSQLWrapper):
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
