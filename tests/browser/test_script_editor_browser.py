"""In Chromium: a workflow script in Monaco, checked as you type (errors as editor markers),
fixed and saved as a draft workflow."""

from __future__ import annotations

import re
from typing import Any

import pytest

from automation.models import WorkflowDefinition
from tests.automation.workflow_docs import make_refs
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GOOD = """\
flow = workflow("Skrevet i Monaco", schedule=weekly("monday", "09:00"))
flow.send_email(template="Bestillingsskjema", to=group("all"), when=on("monday", "09:00"))
flow.send_email(
    template="Påminnelse",
    to=group("all"),
    when=on("thursday", "15:00"),
    condition=orders_missing(since="execution_start"),
)
"""
BROKEN = GOOD.replace('to=group("all"),\n    when', 'to=group("all"),\n    import os\n    when')

MARKERS = "() => window.monaco.editor.getModelMarkers({})"


def _console_errors(page: Any) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


def _set_source(page: Any, source: str) -> None:
    page.evaluate("(s) => window.monaco.editor.getModels()[0].setValue(s)", source)


def _wait_for_check(page: Any) -> None:
    page.wait_for_function("() => !document.getElementById('script-form').dataset.checking")


def test_write_a_script_in_monaco_and_save_it(page_as: Any) -> None:
    make_refs()
    page = page_as("developer")
    errors = _console_errors(page)
    page.goto(page.live_server_url + "/assistent/skript/")
    page.wait_for_selector("#script-editor[data-ready=true] .monaco-editor")
    _wait_for_check(page)
    assert page.evaluate(MARKERS) == []
    assert "Mandag 09:00" in page.inner_text("#script-preview")
    screenshot(page, "script-editor")

    # Typed into the editor: an unknown builder call on a new last line is marked there.
    page.click("#script-editor .monaco-editor .view-lines")
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("flow.delete_everything(")
    page.wait_for_function(f"() => ({MARKERS})().length > 0")
    _wait_for_check(page)
    line_count = page.evaluate("() => window.monaco.editor.getModels()[0].getLineCount()")
    markers = page.evaluate(MARKERS)
    assert [m["startLineNumber"] for m in markers] == [line_count]

    # A broken line in the middle: the marker points at it, the list names it.
    _set_source(page, BROKEN)
    page.wait_for_function(f"() => ({MARKERS})().some(m => m.startLineNumber === 6)", polling=100)
    assert page.locator("#script-errors li[data-line='6']").count() == 1
    assert page.locator("#script-preview li").count() == 0
    screenshot(page, "script-editor-error")

    _set_source(page, GOOD)
    page.wait_for_function(f"() => ({MARKERS})().length === 0")
    _wait_for_check(page)
    assert "Skrevet i Monaco" in page.inner_text("#script-preview")
    assert page.locator("#script-errors li").count() == 0

    page.click("#script-save")
    page.wait_for_url(re.compile(r".*/arbeidsflyter/\d+/$"))
    workflow = WorkflowDefinition.objects.get()
    assert workflow.name == "Skrevet i Monaco"
    assert workflow.status == WorkflowDefinition.Status.DRAFT
    assert workflow.steps.count() == 2
    screenshot(page, "script-editor-saved")
    assert errors == []


def test_switching_to_javascript_swaps_the_example(page_as: Any) -> None:
    make_refs()
    page = page_as("developer")
    errors = _console_errors(page)
    page.goto(page.live_server_url + "/assistent/skript/")
    page.wait_for_selector("#script-editor[data-ready=true] .monaco-editor")

    page.check("input[name=language][value=javascript]")
    page.wait_for_function(
        "() => window.monaco.editor.getModels()[0].getValue().includes('flow.sendEmail(')"
    )
    assert page.evaluate("() => window.monaco.editor.getModels()[0].getLanguageId()") == (
        "javascript"
    )
    _wait_for_check(page)
    assert page.evaluate(MARKERS) == []
    assert "Mandag 09:00" in page.inner_text("#script-preview")
    screenshot(page, "script-editor-javascript")
    assert errors == []
