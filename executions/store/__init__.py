"""The seam between the engine's logic and the database's fast paths.

Every write whose speed matters for a run goes through one ``ActionStore``: claiming a new
step's recipients in the action log, looking up a batch's rows and customers, claiming one
customer right before their email (with the previous send's success in the same round trip),
locking the execution for a step, and inserting a dispatcher tick's executions.

``PortableStore`` (``executions.store.portable``) does it all with Django's ORM on any
database: it is the reference, and what the tests compare against. ``PostgresStore``
(``executions.store.postgresql``) does the same with PostgreSQL's means: COPY, key lookups
with ``unnest ... LATERAL``, the claim as one prepared statement whose answer is read while
the SMTP conversation goes on (the gate before DATA), ``synchronous_commit = off`` for a
step's own progress, and a dispatcher batch in one statement. Both keep the same promises
(at most one email per customer and step, exactly one execution per due time); the same
tests run against both (``tests/executions/test_store.py`` and the claim tests).

``store()`` answers the implementation for the default database's vendor.
"""

from __future__ import annotations

from django.db import connection

from executions.store.portable import (
    ActionRow,
    Claim,
    DispatchRow,
    PortableStore,
    SentRecord,
)

__all__ = [
    "ActionRow",
    "Claim",
    "DispatchRow",
    "PortableStore",
    "SentRecord",
    "store",
]

_PORTABLE = PortableStore()
_override: PortableStore | None = None


def store() -> PortableStore:
    """The store for the default database: PostgreSQL's fast paths, or the portable one."""
    if _override is not None:
        return _override
    if connection.vendor == "postgresql":
        from executions.store.postgresql import POSTGRES  # psycopg only where it is used

        return POSTGRES
    return _PORTABLE


def use(implementation: PortableStore | None) -> None:
    """Use ``implementation`` whatever the database (None: choose by vendor again). For the
    tests that run the same checks against both implementations."""
    global _override
    _override = implementation
