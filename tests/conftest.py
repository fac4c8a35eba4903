"""Shared fixtures. The test command points DATABASE_URL at PostgreSQL and CELERY_BROKER_URL
at Redis when they are reachable; tests that need them for real say so with these fixtures."""

from __future__ import annotations

import os

import pytest
from django.db import connection


@pytest.fixture
def requires_postgres(db) -> None:
    if connection.vendor != "postgresql":
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run this test on PostgreSQL")
        pytest.skip("needs PostgreSQL (DATABASE_URL)")


@pytest.fixture
def redis_url() -> str:
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run this test with Redis (TEST_REDIS_URL)")
        pytest.skip("needs Redis (TEST_REDIS_URL)")
    return url
