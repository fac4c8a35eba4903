"""Pages in real Chromium (Debian's, driven by Playwright) against pytest-django's live server.

`page_as(role)` logs a user of that role in and returns a Playwright page; `screenshot(page,
name)` saves test-artifacts/screenshots/<name>.png (git-ignored; the README shows copies).
"""

from __future__ import annotations

from pathlib import Path

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


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
