"""Benchmarks run in a throw-away database so they never touch real data.

``BENCH_KEEP_DB=1`` keeps that database ("test_<name>") after the run and reuses it on the
next one instead of creating it again (Django's ``keepdb``): a benchmark that can reuse its
seed (``history_reads``) then skips building it. Other benchmarks add their own rows to a kept
database, so run them without it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection
from django.test.utils import setup_databases, teardown_databases


def keep_database() -> bool:
    return os.environ.get("BENCH_KEEP_DB", "").strip().lower() in {"1", "true", "yes"}


@contextmanager
def benchmark_database() -> Iterator[None]:
    # The test-database machinery creates "test_<name>" (or a temporary SQLite file) and
    # migrates it; the real database is left alone.
    keep = keep_database()
    # Not serialized (that is for TransactionTestCase's rollback): a kept database holds a
    # seed of millions of rows.
    old_config = setup_databases(
        verbosity=0, interactive=False, keepdb=keep, serialized_aliases=set()
    )
    try:
        yield
    finally:
        connection.close()
        teardown_databases(old_config, verbosity=0, keepdb=keep)
