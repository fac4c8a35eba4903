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
from automation.services import workflow_create, workflow_definition
from tests.automation.workflow_docs import make_refs, running_example
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


def card_of(page: Any, number: int) -> Any:
    return page.locator("li.step-card").nth(number - 1)


def changed(page: Any, action: Any) -> None:
    """Do ``action`` and wait until the live check it causes has answered and the form has
    been swapped."""
    with page.expect_response(lambda r: r.request.method == "POST" and "/rediger/" in r.url):
        action()
    page.wait_for_function(
        "() => !document.querySelector('#editor-form.htmx-request, .htmx-settling, .htmx-swapping')"
    )


def test_order_lines_and_a_customer_filter_end_to_end(
    page_as: Any,
    demo: WorkflowDefinition,
    axe_source: str,  # noqa: F811 (the fixture)
) -> None:
    """A business user adds a standing order with two lines and narrows the reminder to the
    cafés that are still active, with the mouse and the keyboard, in words only; the page
    has no sideways scrollbar and passes axe at 1366 px and at phone width; Save stores
    exactly that as version 2."""
    page = page_as("business", viewport=DESKTOP)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{page.live_server_url}/arbeidsflyter/{demo.pk}/rediger/")
    page.wait_for_selector("#editor-form")
    steps = page.locator("li.step-card").count()

    # A new "create order" step, with the given lines rather than the last order.
    changed(page, lambda: page.select_option("#f-new-step-type", "create_order"))
    changed(page, lambda: page.click("#step-add"))
    assert page.locator("li.step-card").count() == steps + 1
    order = card_of(page, steps + 1)
    changed(page, lambda: order.get_by_label("Hva som bestilles").select_option("lines"))
    changed(page, lambda: order.get_by_label("Vare, linje 1").select_option("KAF-1000"))
    order.get_by_label("Antall").fill("3")
    changed(page, lambda: order.get_by_label("Antall").press("Tab"))
    # "Add a line" with the keyboard: the focus stays on the button after the form swaps.
    add = order.get_by_role("button", name="Legg til en linje")
    add_id = add.get_attribute("id")
    add.focus()
    changed(page, lambda: page.keyboard.press("Enter"))
    assert page.evaluate("() => document.activeElement.id") == add_id
    changed(page, lambda: order.get_by_label("Vare, linje 2").select_option("TE-0100"))
    order.locator("[name$='-cfg-lines-1-quantity']").fill("2")
    changed(page, lambda: order.locator("[name$='-cfg-lines-1-quantity']").press("Tab"))

    # The reminder: only customers in the cafés group who are active.
    reminder = page.locator("li.step-card", has=page.locator("input[value='Påminnelse']"))
    changed(page, lambda: reminder.locator("[name$='-condition']").select_option("customer_filter"))
    # The first row asks for a group, and says so at the row until one is chosen.
    assert reminder.locator("[id$='-filter-group-error']").count() == 1
    changed(page, lambda: reminder.get_by_label("Verdi").select_option("kafeer"))
    assert reminder.locator("[id$='-filter-group-error']").count() == 0
    changed(page, lambda: reminder.get_by_role("button", name="Legg til et filter").click())
    assert reminder.locator("[name$='-filter-1-field']").input_value() == "active"
    assert reminder.locator("[name$='-filter-1-value']").input_value() == "yes"
    assert "Kontrollert: arbeidsflyten er gyldig." in page.inner_text("#editor-status")

    report = []
    for viewport, suffix in ((DESKTOP, ""), (PHONE, "-phone")):
        page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= viewport[0], f"a sideways scrollbar at {viewport[0]} px ({width} px)"
        screenshot(page, f"workflow-editor-rows{suffix}")
        violations = axe_violations(page, axe_source)
        if violations:
            report.append(describe(f"workflow-editor-rows{suffix}", violations))
    assert not report, "\n".join(report)
    page.set_viewport_size({"width": DESKTOP[0], "height": DESKTOP[1]})

    page.click("#editor-save")
    page.wait_for_url(re.compile(rf"/arbeidsflyter/{demo.pk}/$"))
    demo.refresh_from_db()
    assert demo.version == 2
    new = demo.steps.get(step_order=steps + 1)
    assert new.step_type == "create_order"
    assert new.action_config["mode"] == "lines"
    assert new.action_config["lines"] == [
        {"sku": "KAF-1000", "quantity": 3, "name": "Kaffe, hele bønner"},
        {"sku": "TE-0100", "quantity": 2, "name": "Te, sort"},
    ]
    assert demo.steps.get(name="Påminnelse").condition_config == {
        "check": "customer_filter",
        "group": "kafeer",
        "active": True,
    }
    assert errors == []


def test_a_request_body_and_a_fixed_moment_in_the_browser(
    page_as: Any,
    axe_source: str,  # noqa: F811 (the fixture)
) -> None:
    """A developer adds a field to an integration's request body with a variable picked from
    the list, and moves the reminder to a fixed date and time; the rows fit a phone."""
    refs = make_refs()
    doc = running_example(refs)
    doc["steps"].append(
        {
            "step_order": 3,
            "name": "Meld ERP",
            "step_type": "call_integration",
            "action_config": {
                "integration_id": refs.integration.pk,
                "method": "POST",
                "path": "orders",
                "body": {"kilde": "arbeidsflyt"},
            },
        }
    )
    workflow = workflow_create(created_by=None, data=doc)
    page = page_as("developer", viewport=PHONE)
    page.goto(f"{page.live_server_url}/arbeidsflyter/{workflow.pk}/rediger/")
    page.wait_for_selector("#editor-form")

    erp = page.locator("li.step-card", has=page.locator("input[value='Meld ERP']"))
    erp.get_by_label("Nytt felt: navn").fill("dato")
    changed(page, lambda: page.keyboard.press("Tab"))
    new_row = erp.locator("li.row-item").nth(1)
    changed(page, lambda: new_row.get_by_label("Variabel").select_option("dato"))
    changed(page, lambda: new_row.get_by_role("button", name="Sett inn").click())
    assert erp.locator("li.row-item").nth(1).get_by_label("Felt 2: verdi").input_value() == (
        "{{ dato }}"
    )

    reminder = page.locator("li.step-card", has=page.locator("input[value='Påminnelse']"))
    changed(page, lambda: reminder.locator("[name$='-when']").select_option("at"))
    changed(page, lambda: reminder.get_by_label("Dato").fill("2027-06-15"))
    reminder.locator("[name$='-trigger_time']").fill("12:30")
    changed(page, lambda: reminder.locator("[name$='-trigger_time']").press("Tab"))
    assert "Kontrollert: arbeidsflyten er gyldig." in page.inner_text("#editor-status")

    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE[0], f"a sideways scrollbar at {PHONE[0]} px ({width} px)"
    screenshot(page, "workflow-editor-body-phone")
    violations = axe_violations(page, axe_source)
    assert not violations, describe("workflow-editor-body-phone", violations)

    page.click("#editor-save")
    page.wait_for_url(re.compile(rf"/arbeidsflyter/{workflow.pk}/$"))
    saved = workflow_definition(WorkflowDefinition.objects.get(pk=workflow.pk))
    assert saved["steps"][2]["action_config"]["body"] == {
        "kilde": "arbeidsflyt",
        "dato": "{{ dato }}",
    }
    assert saved["steps"][1]["trigger_config"] == {"at": "2027-06-15T12:30:00+02:00"}
