"""Benchmarks run in a throw-away database so they never touch real data."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection
from django.test.utils import setup_databases, teardown_databases


@contextmanager
def benchmark_database() -> Iterator[None]:
    # The test-database machinery creates "test_<name>" (or a temporary SQLite file) and
    # migrates it; the real database is left alone.
    old_config = setup_databases(verbosity=0, interactive=False, keepdb=False)
    try:
        yield
    finally:
        connection.close()
        teardown_databases(old_config, verbosity=0)
