"""Pages in real Chromium (Debian's, driven by Playwright) against pytest-django's live server.

`page_as(role)` logs a user of that role in and returns a Playwright page; `screenshot(page,
name)` saves test-artifacts/screenshots/<name>.png (git-ignored; the README shows copies).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "Test-passord-123"


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


def make_user(role: str):
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(
        username=f"{role}-bruker",
        password=PASSWORD,
        is_staff=role == "staff",
        is_superuser=role == "staff",
    )
    group, _ = Group.objects.get_or_create(name=role)
    user.groups.add(group)
    return user


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


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
