"""Shared fixtures. The test command points DATABASE_URL at PostgreSQL and CELERY_BROKER_URL
at Redis when they are reachable; tests that need them for real say so with these fixtures."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.db import connection
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, PASSWORD, make_user

# Property-based tests (hypothesis; the fuzzing of tests/fuzz/): a property that sets no
# example count of its own runs the profile's. "ci" keeps each such property to a few seconds
# and is derandomised, so a red CI run is the same run again on a laptop; "dev" is smaller
# still; HYPOTHESIS_PROFILE=deep hunts for a long while (e.g. before a release).
_FUZZ_HEALTH = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
hypothesis_settings.register_profile(
    "ci", max_examples=60, deadline=None, derandomize=True, suppress_health_check=_FUZZ_HEALTH
)
hypothesis_settings.register_profile(
    "dev", max_examples=30, deadline=None, suppress_health_check=_FUZZ_HEALTH
)
hypothesis_settings.register_profile(
    "deep", max_examples=3000, deadline=None, suppress_health_check=_FUZZ_HEALTH
)
hypothesis_settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") == "true" else "dev")
)


@pytest.fixture(autouse=True)
def _installation_key_read_afresh() -> None:
    """Tests empty the database between them (and with it the installation's row, which the
    next use makes anew): no process may keep a key read before."""
    from executions.message_ids import forget_installation_key  # models: after Django's setup

    forget_installation_key()


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


# --- Browser tests: one Chromium per session, shared by every test that drives pages -------


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI must have Debian's chromium for browser tests")
        pytest.skip("needs /usr/bin/chromium")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls in the
    # test itself are still synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page_as(browser, live_server) -> Iterator[Callable[..., object]]:
    contexts = []

    def login(role: str = "developer", *, language: str = "nb", viewport=(1280, 900)):
        user = make_user(role)
        context = browser.new_context(
            locale="nb-NO" if language == "nb" else "en-GB",
            viewport={"width": viewport[0], "height": viewport[1]},
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(live_server.url + "/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(live_server.url + "/")
        page.live_server_url = live_server.url
        return page

    yield login
    for context in contexts:
        context.close()
