"""Shared by the assistant's tests."""

from __future__ import annotations

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_throttle_counts() -> None:
    # The throttle counts chat turns per user id in the cache (process memory unless a test
    # sets CACHES). On SQLite a rolled-back user's id comes back in the next test, which must
    # not inherit the turns counted for it; on PostgreSQL the ids differ anyway.
    cache.clear()
