"""Django's PostgreSQL backend with a health check that costs no round trip while the
connection is plainly alive, and cursors that prepare their statements on the server (see
``core.postgresql.base``)."""

from __future__ import annotations

from typing import Any

from django.db import connections
from django.db.utils import DEFAULT_DB_ALIAS

__all__ = ["prepared_cursor"]


def prepared_cursor(using: str = DEFAULT_DB_ALIAS) -> Any:
    """A cursor whose statements PostgreSQL prepares once per connection (our backend); a
    plain cursor on any other database. For hot statements with named columns."""
    connection = connections[using]
    factory = getattr(connection, "prepared_cursor", None)
    return factory() if factory is not None else connection.cursor()
