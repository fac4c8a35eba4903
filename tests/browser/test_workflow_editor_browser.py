"""In Chromium: a business user moves the demo workflow's reminder from Thursday 15:00 to
Wednesday 12:00 in the editor, sees the next runs change, saves and finds version 2; the
steps move with the keyboard; the page passes axe at 1366 px and at phone width."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache

from automation.demo import WORKFLOW_NAME, demo_load
from automation.models import WorkflowDefinition
from tests.browser.conftest import screenshot
from tests.browser.test_accessibility import PHONE, axe_source, axe_violations, describe  # noqa: F401
from tests.pages.workflow_helpers import no_celery

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = (1366, 900)


@pytest.fixture(autouse=True)
def quiet() -> Iterator[None]:
    cache.clear()
    with no_celery():
        yield
    cache.clear()


@pytest.fixture
def demo() -> WorkflowDefinition:
    demo_load()
    return WorkflowDefinition.objects.get(name=WORKFLOW_NAME)


def next_runs(page: Any) -> str:
    return " ".join(page.locator("#editor-next-runs").inner_text().split())


def reminder_field(page: Any, name: str) -> Any:
    """A field of the reminder's card, found by what the user sees (the step's name)."""
    card = page.locator("li.step-card", has=page.locator("input[value='Påminnelse']"))
    return card.locator(f"[name$='-{name}']")


def test_moving_the_reminder_to_wednesday_noon(page_as: Any, demo: WorkflowDefinition) -> None:
    page = page_as("business", viewport=DESKTOP)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{page.live_server_url}/arbeidsflyter/{demo.pk}/")
    page.click("#action-edit")
    page.wait_for_selector("#editor-form")
    assert "Påminnelse: torsdag" in next_runs(page)
    assert "15:00" in next_runs(page)

    reminder_field(page, "trigger_day").select_option("wednesday")
    page.wait_for_function(
        "() => document.querySelector('#editor-next-runs').innerText.includes('Påminnelse: onsdag')"
    )
    reminder_field(page, "trigger_time").fill("12:00")
    reminder_field(page, "trigger_time").press("Tab")  # leaving the field is a change
    page.wait_for_function(
        "() => /Påminnelse: onsdag [^\\n]*12:00/.test("
        "document.querySelector('#editor-next-runs').innerText)"
    )
    runs = next_runs(page)
    assert "torsdag" not in runs.split("Påminnelse: ", 1)[1][:20]
    assert "Kontrollert: arbeidsflyten er gyldig." in page.inner_text("#editor-status")
    assert "Onsdag 12:00" in page.inner_text("#editor-preview")
    page.evaluate("() => window.scrollTo(0, 0)")
    screenshot(page, "workflow-editor")

    page.click("#editor-save")
    page.wait_for_url(re.compile(rf"/arbeidsflyter/{demo.pk}/$"))
    assert "Lagret som versjon 2" in page.inner_text("main")
    version = page.locator("dl.facts div", has=page.locator("dt", has_text="Versjon"))
    assert version.locator("dd").inner_text() == "2"
    demo.refresh_from_db()
    assert demo.version == 2
    reminder = demo.steps.get(name="Påminnelse")
    assert reminder.trigger_config == {"day": "wednesday", "time": "12:00"}
    assert errors == []


def test_steps_move_with_the_keyboard_and_focus_follows_the_step(
    page_as: Any, demo: WorkflowDefinition
) -> None:
    page = page_as("business", viewport=DESKTOP)
    page.goto(f"{page.live_server_url}/arbeidsflyter/{demo.pk}/rediger/")
    first = page.locator("li.step-card").first
    down = first.locator("button[id$='-down']")
    button_id = down.get_attribute("id")
    down.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('li.step-card h3').innerText.includes('Påminnelse')"
    )
    # The focus stays on the moved step's button, now in the second card.
    assert page.evaluate("() => document.activeElement.id") == button_id
    titles = page.locator("li.step-card h3").all_inner_texts()
    assert titles[0].startswith("Steg 1: Påminnelse")
    assert titles[1].startswith("Steg 2: Send bestillingsskjema")
    # Nothing is saved until Save: the stored workflow is unchanged.
    demo.refresh_from_db()
    assert demo.version == 1


def test_the_editor_passes_axe_at_desktop_and_phone_width(
    page_as: Any,
    demo: WorkflowDefinition,
    axe_source: str,  # noqa: F811 (the fixture)
) -> None:
    report = []
    for viewport, suffix in ((DESKTOP, ""), (PHONE, "-phone")):
        page = page_as("business", viewport=viewport) if not suffix else page_as_again(page_as)
        page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
        page.goto(f"{page.live_server_url}/arbeidsflyter/{demo.pk}/rediger/")
        page.wait_for_selector("#editor-form")
        # With an error shown at its field, as after a mistake.
        page.fill("#f-name", "")
        page.locator("#f-name").dispatch_event("change")
        page.wait_for_selector("#f-name-error")
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= viewport[0], f"a sideways scrollbar at {viewport[0]} px ({width} px)"
        screenshot(page, f"workflow-editor-error{suffix}")
        violations = axe_violations(page, axe_source)
        if violations:
            report.append(describe(f"workflow-editor{suffix}", violations))
    assert not report, "\n".join(report)


def page_as_again(page_as: Any) -> Any:
    """A second page for the same test (a new user name: make_user names users by role)."""
    return page_as("developer", viewport=PHONE)
