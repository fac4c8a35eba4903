"""The email template editor in Chromium: Monaco, the live preview, saving."""

from __future__ import annotations

import pytest

from templates_app.models import EmailTemplate
from tests.browser.conftest import screenshot
from tests.customers.factories import CustomerFactory
from tests.templates_app.factories import EmailTemplateFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def watch_errors(page) -> list[str]:
    """Console errors and failed requests: a CSP violation shows up as one of these."""
    errors: list[str] = []
    page.on(
        "console",
        lambda msg: (
            errors.append(msg.text)
            if msg.type == "error" and "favicon" not in (msg.location or {}).get("url", "")
            else None
        ),
    )
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # Requests cut short by leaving the page (a worker still starting) are not failures.
    page.on(
        "requestfailed",
        lambda request: (
            errors.append(f"failed: {request.url} {request.failure}")
            if "ERR_ABORTED" not in (request.failure or "")
            else None
        ),
    )
    return errors


def preview_srcdoc(page) -> str:
    return page.locator("#preview-frame").get_attribute("srcdoc") or ""


def open_editor(page, template: EmailTemplate) -> None:
    page.goto(f"{page.live_server_url}/maler/{template.pk}/")
    page.wait_for_selector("#body-html-editor[data-monaco-ready=true] .monaco-editor")


def test_edit_a_template_in_monaco_see_the_live_preview_and_save(page_as):
    template = EmailTemplateFactory(name="Ukentlig påminnelse")
    page = page_as("developer")
    errors = watch_errors(page)

    page.goto(f"{page.live_server_url}/maler/")
    page.get_by_role("link", name="Ukentlig påminnelse").click()
    page.wait_for_selector("#body-html-editor[data-monaco-ready=true] .monaco-editor")
    # With Monaco running, the plain textarea is hidden but still carries the value.
    assert page.locator("#id_body_html").is_hidden()
    assert "Kari Nordmann" in preview_srcdoc(page)
    screenshot(page, "template-editor")

    page.evaluate(
        "window.monaco.editor.getModels()[0].setValue("
        "'<h1>Tilbud til {{ kunde_navn }}</h1>\\n<p>Hilsen {{ firma_navn }}</p>')"
    )
    page.wait_for_function(
        "() => document.querySelector('#preview-frame')?.getAttribute('srcdoc')"
        "?.includes('Tilbud til Kari Nordmann')"
    )
    # The preview renders inside the sandboxed frame.
    frame = page.frame_locator("#preview-frame")
    assert frame.locator("h1").inner_text() == "Tilbud til Kari Nordmann"
    assert page.locator("#preview-frame").get_attribute("sandbox") == ""

    # Typing into the editor updates the preview too.
    page.locator("#body-html-editor .monaco-editor .view-lines").click()
    page.keyboard.press("Control+End")
    page.keyboard.type("\n<p>Skrevet for hånd</p>")
    page.wait_for_function(
        "() => document.querySelector('#preview-frame')?.getAttribute('srcdoc')"
        "?.includes('Skrevet for hånd')"
    )
    screenshot(page, "template-editor-live-preview")

    page.get_by_role("button", name="Save").or_(page.get_by_role("button", name="Lagre")).click()
    page.wait_for_selector(".message.success")
    page.reload()
    page.wait_for_selector("#body-html-editor[data-monaco-ready=true] .monaco-editor")
    saved = page.evaluate("window.monaco.editor.getModels()[0].getValue()")
    assert "Tilbud til {{ kunde_navn }}" in saved
    assert "Skrevet for hånd" in saved
    template.refresh_from_db()
    assert "Skrevet for hånd" in template.body_html
    assert errors == []


def test_a_forbidden_tag_is_marked_in_the_editor_and_not_saved(page_as):
    template = EmailTemplateFactory()
    original = template.body_html
    page = page_as("developer")
    errors = watch_errors(page)
    open_editor(page, template)

    page.evaluate(
        "window.monaco.editor.getModels()[0].setValue('<p>Hei</p>\\n{% load static %}\\n')"
    )
    page.wait_for_selector("#preview-problems li[data-line='2']")
    page.wait_for_function(
        "() => window.monaco.editor.getModelMarkers({owner: 'template-check'}).length > 0"
    )
    marker = page.evaluate(
        "window.monaco.editor.getModelMarkers({owner: 'template-check'})[0].startLineNumber"
    )
    assert marker == 2
    screenshot(page, "template-editor-problem")

    page.locator("#template-form button.primary").click()
    page.wait_for_selector("#id_body_html-errors li[data-line='2']")
    screenshot(page, "template-editor-save-error")
    template.refresh_from_db()
    assert template.body_html == original
    assert errors == []


def test_preview_for_a_chosen_customer_and_insert_a_variable(page_as):
    template = EmailTemplateFactory()
    bakery = CustomerFactory(name="Bakeriet på hjørnet")
    attacker = CustomerFactory(name="<img src=x onerror=alert(1)>")
    page = page_as("developer")
    errors = watch_errors(page)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_editor(page, template)

    page.select_option("#id_preview_customer", value=str(bakery.pk))
    page.wait_for_function(
        "() => document.querySelector('#preview-frame')?.getAttribute('srcdoc')"
        "?.includes('Bakeriet på hjørnet')"
    )
    page.select_option("#id_preview_customer", value=str(attacker.pk))
    page.wait_for_function(
        "() => document.querySelector('#preview-frame')?.getAttribute('srcdoc')"
        "?.includes('onerror')"
    )
    frame = page.frame_locator("#preview-frame")
    assert frame.locator("img").count() == 0
    assert "<img src=x onerror=alert(1)>" in frame.locator("body").inner_text()

    page.evaluate("window.monaco.editor.getModels()[0].setValue('')")
    page.locator("[data-insert-variable='firma_navn']").click()
    assert page.evaluate("window.monaco.editor.getModels()[0].getValue()") == "{{ firma_navn }}"
    assert page.locator("#id_body_html").input_value() == "{{ firma_navn }}"
    assert dialogs == []
    assert errors == []


def test_template_list_new_template_and_read_only_view(page_as):
    template = EmailTemplateFactory(name="Ordrebekreftelse", category="confirmation")
    EmailTemplateFactory(name="Påminnelse", category="reminder")
    page = page_as("business")
    errors = watch_errors(page)

    page.goto(f"{page.live_server_url}/maler/")
    screenshot(page, "template-list")
    page.fill("#template-q", "ordre")
    page.wait_for_function(
        "() => !document.querySelector('#template-results').innerText.includes('Påminnelse')"
    )
    assert page.locator("#template-table tbody tr").count() == 1

    page.goto(f"{page.live_server_url}/maler/ny/")
    page.wait_for_selector("#visual-editor[data-ready=true] .visual-doc")  # business: visual
    page.fill("#id_name", "Velkommen")
    screenshot(page, "template-new")
    page.locator("#template-form button.primary").click()
    page.wait_for_selector(".message.success")
    assert EmailTemplate.objects.filter(name="Velkommen").exists()
    assert errors == []

    viewer = page_as("viewer")
    viewer.goto(f"{viewer.live_server_url}/maler/{template.pk}/")
    viewer.wait_for_selector("#body-html-editor[data-monaco-ready=true] .monaco-editor")
    assert viewer.locator("#template-form button.primary").count() == 0
    assert viewer.evaluate(
        "window.monaco.editor.getEditors()[0].getOption(window.monaco.editor.EditorOption.readOnly)"
    )
    viewer.frame_locator("#preview-frame").locator("body").wait_for()
    assert "Kari Nordmann" in viewer.frame_locator("#preview-frame").locator("body").inner_text()
    screenshot(viewer, "template-editor-viewer")

    phone = page_as("developer", viewport=(390, 844))
    phone.goto(f"{phone.live_server_url}/maler/{template.pk}/")
    phone.wait_for_selector("#body-html-editor[data-monaco-ready=true] .monaco-editor")
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390
    phone.frame_locator("#preview-frame").locator("body").wait_for()
    screenshot(phone, "template-editor-phone")
