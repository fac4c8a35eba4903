"""The visual email editor (TipTap) in Chromium, as a business user does it.

The whole task: write an email in the visual editor with a variable chip and a button link,
save, preview, run a test run, then a real run (a real Celery worker, a real SMTP server on
loopback) whose email carries each customer's own order link. Then: chips are whole (one
Backspace removes all of one), an undeclared variable is marked at its chip while the preview
still renders, developers switch between the visual and the HTML mode without losing content,
and the page passes axe and fits a 1366 px window and a phone.
"""

from __future__ import annotations

import re
from email.message import Message
from typing import Any

import pytest
from django.conf import settings

from automation.services import workflow_create
from customers.models import Customer
from executions.models import WorkflowExecution
from templates_app.models import EmailTemplate
from tests.browser.conftest import screenshot
from tests.browser.test_accessibility import axe_source, axe_violations, describe
from tests.browser.test_template_browser import watch_errors
from tests.e2e import conftest as e2e
from tests.templates_app.factories import EmailTemplateFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

smtp_server = e2e.smtp_server
start_worker = e2e.start_worker
__all__ = ["axe_source"]  # a fixture, used by name

READY = "#visual-editor[data-ready=true] .visual-doc"
DOC = "#visual-doc"
ORDER_LINK = re.compile(r'href="(https?://[^"]+/k/[^"]+)"')


def srcdoc(page: Any) -> str:
    return page.locator("#preview-frame").get_attribute("srcdoc") or ""


def wait_for_preview(page: Any, text: str) -> None:
    page.wait_for_function(
        "(t) => document.querySelector('#preview-frame')?.getAttribute('srcdoc')?.includes(t)",
        arg=text,
    )


def tool(page: Any, name: str) -> Any:
    return page.locator("#visual-editor [role=toolbar]").get_by_role(
        "button", name=name, exact=True
    )


def no_sideways_scroll(page: Any) -> bool:
    return page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def click_and_back(page: Any, target: Any) -> None:
    """Click a tool or a variable, then wait for the focus to come back to the text (TipTap
    gives it back on the next animation frame), as a person's next key press would."""
    target.click()
    page.wait_for_function("() => document.activeElement?.id === 'visual-doc'")


def write_offer(page: Any) -> None:
    """Type the email: a heading with the customer's name as a chip, a paragraph with bold
    text, a button link to the customer's order form."""
    page.locator(DOC).click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    click_and_back(page, tool(page, "Overskrift 1"))
    page.keyboard.type("Hei ")
    click_and_back(page, page.locator("[data-insert-variable='kunde_navn']"))
    page.keyboard.type("!")
    page.keyboard.press("Enter")
    page.keyboard.type("Denne uken har vi ferske ")
    click_and_back(page, tool(page, "Fet"))
    page.keyboard.type("kanelboller")
    click_and_back(page, tool(page, "Fet"))
    page.keyboard.type(".")
    page.keyboard.press("Enter")
    tool(page, "Knapp").click()
    dialog = page.locator("#link-dialog")
    dialog.wait_for()
    page.fill("#link-text", "Bestill nå")
    page.select_option("#link-target", "var:bestilling_link")
    screenshot(page, "visual-editor-button-dialog")
    dialog.get_by_role("button", name="OK").click()
    page.wait_for_selector(f"{DOC} .email-button")


def _part(message: Message, content_type: str) -> str:
    for part in message.walk():
        if part.get_content_type() == content_type:
            return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
    raise AssertionError(f"no {content_type} part in the email to {message['To']}")


@pytest.mark.worker
@pytest.mark.slow
def test_write_an_email_visually_save_preview_test_run_and_real_run(
    start_worker: Any, smtp_server: e2e.SmtpSink, live_server: Any, page_as: Any
) -> None:
    worker = start_worker(env={"SECRET_KEY": settings.SECRET_KEY, "SITE_URL": live_server.url})
    customers = [
        Customer.objects.create(name=f"Kafé {name}", email=f"{address}@example.com")
        for name, address in (("Nord", "nord"), ("Sør", "sor"))
    ]
    page = page_as("business", viewport=(1366, 900))
    page.on("dialog", lambda dialog: dialog.accept())  # hx-confirm
    errors = watch_errors(page)

    # 1. A new template opens in the visual editor; write it, see the live preview.
    page.goto(f"{live_server.url}/maler/ny/")
    page.wait_for_selector(READY)
    assert page.locator("#body-html-editor").is_hidden()
    page.fill("#id_name", "Ukens tilbud")
    page.fill("#id_subject", "Ukens tilbud til {{ kunde_navn }}")
    write_offer(page)
    assert page.locator(f"{DOC} .variable-chip[data-variable=kunde_navn]").count() == 1
    wait_for_preview(page, "Bestill nå")
    preview = srcdoc(page)
    assert "Hei Kari Nordmann!" in preview, page.locator(DOC).inner_html()
    assert "<strong>kanelboller</strong>" in preview
    button = page.frame_locator("#preview-frame").get_by_role("link", name="Bestill nå")
    assert "/k/" in (button.get_attribute("href") or "")  # the sample customer's order form
    assert no_sideways_scroll(page)
    screenshot(page, "visual-editor")

    # 2. Save: the stored HTML is the email-safe layout, the chip a template variable.
    page.get_by_role("button", name="Lagre").click()
    page.wait_for_selector(".message.success")
    template = EmailTemplate.objects.get(name="Ukens tilbud")
    assert "Hei {{ kunde_navn }}!</h1>" in template.body_html
    assert re.search(
        r'<td align="center" bgcolor="#[0-9a-f]{6}" style="[^"]+">'
        r'<a href="\{\{ bestilling_link \}\}" target="_blank" style="[^"]+">Bestill nå</a>',
        template.body_html,
    )
    assert 'role="presentation"' in template.body_html
    assert "data-variable" not in template.body_html and "<span" not in template.body_html

    # 3. Loaded again, the chips are chips and the button a button.
    page.reload()
    page.wait_for_selector(READY)
    assert page.locator(f"{DOC} .variable-chip[data-variable=kunde_navn]").inner_text() == (
        "kunde_navn"
    )
    assert page.locator(f"{DOC} .email-button").inner_text() == "Bestill nå"
    assert page.locator(f"{DOC} .email-button").get_attribute("data-href") == (
        "{{ bestilling_link }}"
    )
    page.locator("#template-preview summary").click()
    assert "Bestill nå (http" in page.locator("#preview-text").inner_text()  # text version

    # 4. A workflow that sends it; a test run shows who would get it, and sends nothing.
    workflow = workflow_create(
        created_by=None,
        data={
            "name": "Ukens tilbud",
            "workflow_type": "scheduled",
            "schedule": {
                "schedule_type": "weekly",
                "schedule_config": {"day": "monday", "time": "09:00"},
                "timezone": "Europe/Oslo",
            },
            "steps": [
                {
                    "step_order": 1,
                    "name": "Send tilbud",
                    "step_type": "send_email",
                    "trigger_type": "time_based",
                    "trigger_config": {"day": "monday", "time": "09:00"},
                    "action_config": {
                        "template_id": template.pk,
                        "recipients": {"group": "all"},
                    },
                }
            ],
        },
    )
    page.goto(f"{live_server.url}/arbeidsflyter/{workflow.pk}/")
    page.click("#action-test")
    page.wait_for_url(f"**/arbeidsflyter/{workflow.pk}/test/*/")
    recipients = page.locator("ul.recipients").first
    for customer in customers:
        assert customer.email in recipients.inner_text()
    recipients.locator("summary").first.click()
    assert (
        "Bestill nå"
        in page.frame_locator("ul.recipients iframe").first.locator("body").inner_text()
    )
    screenshot(page, "visual-editor-test-run")
    assert smtp_server.count() == 0

    # 5. The real run: each customer's email carries that customer's own order link.
    page.goto(f"{live_server.url}/arbeidsflyter/{workflow.pk}/")
    page.click("#action-run-now")
    page.wait_for_url(re.compile(r".*/kjoringer/\d+/$"))
    execution = WorkflowExecution.objects.get(workflow=workflow, is_test=False)
    page.wait_for_selector("#execution-live .live-inner[data-status='completed']", timeout=60_000)
    links = {}
    for customer in customers:
        (message,) = smtp_server.to(customer.email)
        body = _part(message, "text/html")
        assert f"Hei {customer.name}!" in body
        assert "<strong>kanelboller</strong>" in body
        links[customer.pk] = ORDER_LINK.search(body).group(1)
        assert links[customer.pk].startswith(live_server.url)
        assert f"Bestill nå ({links[customer.pk]})" in _part(message, "text/plain")
    assert len(set(links.values())) == len(customers)
    for customer in customers:
        own = page.context.new_page()
        own.goto(links[customer.pk])
        assert customer.name in own.locator("main").inner_text()
        own.close()
    execution.refresh_from_db()
    assert execution.status == "completed"
    assert errors == [], errors
    assert "Traceback" not in worker.log()


def test_chips_are_whole_and_an_undeclared_variable_is_marked(page_as: Any) -> None:
    template = EmailTemplateFactory(name="Tilbud")
    page = page_as("business")
    errors = watch_errors(page)
    page.goto(f"{page.live_server_url}/maler/{template.pk}/")
    page.wait_for_selector(READY)

    # Typing {{ name }} makes a chip; it is not declared, so it is marked while the
    # rest of the preview renders.
    page.locator(f"{DOC} p").first.click()
    page.keyboard.press("End")
    page.keyboard.type(" Koden er {{ rabatt_kode }}")
    chip = page.locator(f"{DOC} .variable-chip[data-variable=rabatt_kode]")
    chip.wait_for()
    page.wait_for_selector("#undeclared-variables li[data-variable=rabatt_kode]")
    page.wait_for_selector(f"{DOC} .variable-chip.is-error[data-variable=rabatt_kode]")
    assert chip.get_attribute("aria-invalid") == "true"
    assert (
        page.locator(f"{DOC} .variable-chip[data-variable=kunde_navn]").get_attribute(
            "aria-invalid"
        )
        is None
    )
    wait_for_preview(page, "[rabatt_kode]")
    assert "Hei Kari Nordmann!" in srcdoc(page)
    screenshot(page, "visual-editor-undeclared-variable")

    # Saving is refused, and nothing is stored.
    original = template.body_html
    page.get_by_role("button", name="Lagre").click()
    page.wait_for_selector("#id_body_html-errors")
    assert "rabatt_kode" in page.locator("#id_body_html-errors").inner_text()
    assert "Linje" not in page.locator("#id_body_html-errors").inner_text()
    template.refresh_from_db()
    assert template.body_html == original
    page.wait_for_selector(f"{DOC} .variable-chip.is-error[data-variable=rabatt_kode]")

    # Declared, the chip is fine; one Backspace removes all of a chip, never half of it.
    page.fill("#id_variables", "kunde_navn, bestilling_link, rabatt_kode")
    page.locator("#id_variables").press("End")  # htmx previews on keyup
    page.wait_for_selector(f"{DOC} .variable-chip.is-error", state="detached")
    page.locator(f"{DOC} p").first.click()
    page.keyboard.press("End")
    before = page.locator(DOC).inner_html()
    page.keyboard.press("Backspace")
    assert chip.count() == 0, before
    text = page.locator(DOC).inner_text()
    assert "rabatt" not in text and "{{" not in text and "}}" not in text
    assert "Koden er" in text
    assert errors == []


def test_a_developer_switches_between_visual_and_html(page_as: Any) -> None:
    template = EmailTemplateFactory(name="Nyhetsbrev")
    page = page_as("developer")
    errors = watch_errors(page)
    page.goto(f"{page.live_server_url}/maler/{template.pk}/")
    page.wait_for_selector("#body-html-editor[data-monaco-ready=true] .monaco-editor")
    switch = page.locator("#mode-switch")
    assert switch.get_by_role("button", name="HTML").get_attribute("aria-pressed") == "true"

    switch.get_by_role("button", name="Visuelt").click()
    page.wait_for_selector(f"{READY}:visible")
    assert page.locator("#body-html-editor").is_hidden()
    assert page.locator(f"{DOC} .variable-chip[data-variable=kunde_navn]").count() == 1
    page.locator(f"{DOC} p").first.click()
    page.keyboard.press("End")
    page.keyboard.type(" Velkommen tilbake.")

    # Back to HTML: Monaco shows the email HTML the visual content is stored as.
    switch.get_by_role("button", name="HTML").click()
    page.wait_for_selector("#body-html-editor:visible")
    html = page.evaluate("window.monaco.editor.getModels()[0].getValue()")
    assert "Hei {{ kunde_navn }}! Velkommen tilbake.</p>" in html
    assert 'role="presentation"' in html
    wait_for_preview(page, "Velkommen tilbake.")

    # HTML the visual editor cannot show all of stays in HTML mode, with a note.
    page.evaluate(
        "window.monaco.editor.getModels()[0].setValue("
        "'<div style=\"color:red\">{% if kunde_navn %}Hei{% endif %}</div>')"
    )
    switch.get_by_role("button", name="Visuelt").click()
    page.wait_for_selector("#mode-note:visible")
    assert "HTML-modus" in page.locator("#mode-note").inner_text()
    assert page.locator("#id_body_mode").input_value() == "html"
    screenshot(page, "visual-editor-developer-note")
    # The refusal (422, in the error shape) is the only failed request.
    assert [e for e in errors if "422" not in e] == []


def test_business_users_get_a_read_only_preview_of_a_hand_made_layout(page_as: Any) -> None:
    body = (
        '<table style="background:#eee"><tr><td>{% if kunde_navn %}Hei{% endif %}</td></tr></table>'
    )
    template = EmailTemplateFactory(name="Håndlaget", body_html=body)
    page = page_as("business")
    errors = watch_errors(page)
    page.goto(f"{page.live_server_url}/maler/{template.pk}/")
    page.wait_for_selector("#visual-editor[data-ready=true]", state="attached")
    assert page.locator("#visual-editor").is_hidden()
    assert page.locator("#mode-note").is_visible()
    assert page.locator("#id_body_html").is_hidden()
    assert "Hei" in page.frame_locator("#preview-frame").locator("body").inner_text()
    # Saving a new subject keeps the body exactly as it was.
    page.fill("#id_subject", "Ny tittel {{ kunde_navn }}")
    page.get_by_role("button", name="Lagre").click()
    page.wait_for_selector(".message.success")
    template.refresh_from_db()
    assert template.subject == "Ny tittel {{ kunde_navn }}"
    assert template.body_html == body
    screenshot(page, "visual-editor-read-only")
    assert errors == []


@pytest.mark.parametrize("viewport", [(1366, 900), (390, 844)], ids=["desktop", "phone"])
def test_the_visual_editor_passes_axe_and_fits(
    page_as: Any, axe_source: str, viewport: tuple[int, int]
) -> None:
    template = EmailTemplateFactory(name="Tilgjengelig")
    template.body_html = template.body_html + "<p>{{ ukjent }}</p>"
    template.save()
    page = page_as("business", viewport=viewport)
    suffix = "-phone" if viewport[0] < 600 else ""
    report = []
    for name, path in (("new", "/maler/ny/"), ("edit", f"/maler/{template.pk}/")):
        page.goto(page.live_server_url + path)
        page.wait_for_selector(READY)
        page.wait_for_load_state("networkidle")
        assert no_sideways_scroll(page), f"{name} scrolls sideways at {viewport}"
        screenshot(page, f"visual-editor-{name}{suffix}")
        report.append(describe(name + suffix, axe_violations(page, axe_source)))
    # With the chip marked as an error and with the link dialog open.
    page.wait_for_selector(f"{DOC} .variable-chip.is-error")
    page.locator(f"{DOC} p").first.click()
    tool(page, "Lenke").click()
    page.locator("#link-dialog").wait_for()
    assert no_sideways_scroll(page)
    screenshot(page, f"visual-editor-link-dialog{suffix}")
    report.append(describe("link-dialog" + suffix, axe_violations(page, axe_source)))
    page.keyboard.press("Escape")
    tool(page, "Bilde").click()
    page.locator("#image-dialog").wait_for()
    report.append(describe("image-dialog" + suffix, axe_violations(page, axe_source)))
    report = [line for line in report if line]
    assert not report, "axe found WCAG A/AA violations:\n" + "\n".join(report)


def test_the_toolbar_works_from_the_keyboard(page_as: Any) -> None:
    page = page_as("business")
    page.goto(f"{page.live_server_url}/maler/ny/")
    page.wait_for_selector(READY)
    page.locator(DOC).click()
    page.keyboard.press("Control+A")
    page.keyboard.type("Tekst")
    page.keyboard.press("Control+A")
    # One tab stop for the toolbar; arrows move inside it; Enter/Space press.
    page.locator("#id_variables").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.command") == "bold"
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.dataset.command") == "italic"
    page.keyboard.press("Enter")
    page.wait_for_selector(f"{DOC} em")
    assert tool(page, "Kursiv").get_attribute("aria-pressed") == "true"
    # The command gives the focus back to the text; Shift+Tab returns to the same tool.
    assert page.evaluate("document.activeElement.id") == "visual-doc"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.dataset.command") == "italic"
