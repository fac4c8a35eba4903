"""In Chromium: the running example through the AI chat (offline parser) to a saved draft,
a question for unclear text, and the template gallery."""

from __future__ import annotations

import re
from typing import Any

import pytest

from automation.models import WorkflowDefinition
from customers.models import Customer
from tests.automation.workflow_docs import make_refs
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RUNNING_EXAMPLE = "Send skjema mandag, påminnelse torsdag"


@pytest.fixture(autouse=True)
def offline(settings: Any) -> None:
    settings.AI_PROVIDER = "offline"


@pytest.fixture
def refs() -> Any:
    refs = make_refs()  # templates of category bestilling and reminder, three customers
    for i in range(3, 6):
        Customer.objects.create(name=f"Kafé {i}", email=f"kafe{i}@example.com")
    return refs


def _console_errors(page: Any) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


def test_running_example_through_the_chat(page_as: Any, refs: Any) -> None:
    page = page_as("business")
    errors = _console_errors(page)
    page.goto(page.live_server_url + "/assistent/")
    screenshot(page, "ai-chat-empty")

    page.fill("#chat-text", "Kjøp melk")
    page.click("#chat-send")
    page.wait_for_selector("#conversation .msg[data-kind=question]")
    assert page.locator("#confirm-button").count() == 0
    assert page.input_value("#chat-text") == ""

    page.fill("#chat-text", RUNNING_EXAMPLE)
    page.click("#chat-send")
    page.wait_for_selector("#conversation .msg[data-kind=workflow] .preview-lines")
    preview = page.locator("#conversation .msg[data-kind=workflow] .preview-lines").inner_text()
    assert "Mandag 09:00 \N{EN DASH} Send Bestillingsskjema til alle kunder (6)" in preview
    assert re.search(r"Torsdag 15:00 \N{EN DASH} Send Påminnelse .*\(6\)", preview)
    assert page.locator("#conversation .msg.user").count() == 2
    screenshot(page, "ai-chat-preview")

    page.fill("#chat-text", "flytt påminnelsen til onsdag kl 12")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#conversation .msg[data-kind=workflow] >> nth=1")
    assert (
        "Onsdag 12:00" in page.locator("#conversation .msg[data-kind=workflow]").last.inner_text()
    )
    assert not WorkflowDefinition.objects.exists()

    page.click("#confirm-button")
    page.wait_for_url(re.compile(r".*/arbeidsflyter/\d+/$"))
    workflow = WorkflowDefinition.objects.get()
    assert page.url.endswith(f"/arbeidsflyter/{workflow.pk}/")
    assert workflow.status == WorkflowDefinition.Status.DRAFT
    assert workflow.steps.count() == 2
    assert workflow.steps.get(step_order=2).trigger_config == {"day": "wednesday", "time": "12:00"}
    screenshot(page, "ai-chat-created")
    assert errors == []


def test_chat_on_a_phone(page_as: Any, refs: Any) -> None:
    page = page_as("developer", viewport=(390, 844))
    errors = _console_errors(page)
    page.goto(page.live_server_url + "/assistent/")
    page.fill("#chat-text", RUNNING_EXAMPLE)
    page.click("#chat-send")
    page.wait_for_selector("#conversation .msg[data-kind=workflow]")
    assert page.locator("#confirm-activate").count() == 1  # developers may activate
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390, "no sideways scrolling on a phone"
    screenshot(page, "ai-chat-phone")
    assert errors == []


def test_gallery_to_a_draft(page_as: Any, refs: Any) -> None:
    page = page_as("business")
    errors = _console_errors(page)
    page.goto(page.live_server_url + "/assistent/galleri/")
    assert page.locator(".gallery-card").count() == 5
    screenshot(page, "ai-gallery")

    page.click("a[href$='/assistent/galleri/ukentlig-bestilling/']")
    page.wait_for_selector("#gallery-preview")
    page.select_option("#id_template_2", str(refs.order_form.pk))
    page.wait_for_function(
        "() => document.querySelector('#gallery-preview').innerText"
        ".includes('Torsdag 15:00 \u2013 Send Bestillingsskjema')"
    )
    page.select_option("#id_template_2", str(refs.reminder.pk))
    page.wait_for_function(
        "() => document.querySelector('#gallery-preview').innerText"
        ".includes('Torsdag 15:00 \u2013 Send Påminnelse')"
    )
    screenshot(page, "ai-gallery-use")
    page.click("#gallery-create")
    page.wait_for_url(re.compile(r".*/arbeidsflyter/\d+/$"))
    workflow = WorkflowDefinition.objects.get()
    assert workflow.name == "Ukentlig bestilling" and workflow.steps.count() == 2
    assert errors == []
