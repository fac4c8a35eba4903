"""Index migrations for large tables: CONCURRENTLY on PostgreSQL, the plain way elsewhere.

A plain ``CREATE INDEX`` locks the table against writes while it is built; on the action
log (the largest table) that would hold up every send. PostgreSQL builds and drops an index
``CONCURRENTLY`` instead (the migration must not be atomic); other databases (SQLite in the
zero-configuration setup) have no such thing and take the plain operation.
"""

from __future__ import annotations

from typing import Any

from django.contrib.postgres.operations import AddIndexConcurrently, RemoveIndexConcurrently
from django.db import migrations


def _postgresql(schema_editor: Any) -> bool:
    return schema_editor.connection.vendor == "postgresql"


class AddIndexWherePossiblyConcurrently(AddIndexConcurrently):
    """``AddIndexConcurrently`` on PostgreSQL, ``AddIndex`` elsewhere."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state) -> None:
        args = (app_label, schema_editor, from_state, to_state)
        if _postgresql(schema_editor):
            return super().database_forwards(*args)
        return migrations.AddIndex.database_forwards(self, *args)

    def database_backwards(self, app_label, schema_editor, from_state, to_state) -> None:
        args = (app_label, schema_editor, from_state, to_state)
        if _postgresql(schema_editor):
            return super().database_backwards(*args)
        return migrations.AddIndex.database_backwards(self, *args)


class RemoveIndexWherePossiblyConcurrently(RemoveIndexConcurrently):
    """``RemoveIndexConcurrently`` on PostgreSQL, ``RemoveIndex`` elsewhere."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state) -> None:
        args = (app_label, schema_editor, from_state, to_state)
        if _postgresql(schema_editor):
            return super().database_forwards(*args)
        return migrations.RemoveIndex.database_forwards(self, *args)

    def database_backwards(self, app_label, schema_editor, from_state, to_state) -> None:
        args = (app_label, schema_editor, from_state, to_state)
        if _postgresql(schema_editor):
            return super().database_backwards(*args)
        return migrations.RemoveIndex.database_backwards(self, *args)
