"""Accessibility of every page in Chromium: axe-core (from npm, package.json) runs its WCAG 2
A and AA rules (2.0, 2.1, 2.2) on each page, at desktop and phone width, and a test fails on
any violation, whatever its impact. Keyboard use is checked apart: axe cannot see a focus ring.

axe is read from node_modules and evaluated in the page through Playwright (the DevTools
protocol), which the site's Content-Security-Policy does not govern, so the policy stays on
while the pages are checked.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.utils import timezone

from automation.demo import WORKFLOW_NAME, demo_load
from automation.models import WorkflowDefinition
from automation.services import workflow_definition, workflow_update
from customers.links import order_form_url, unsubscribe_url
from customers.models import Customer
from executions.decisions import email_mark_delivered
from executions.lifecycle import execution_test_run
from executions.models import WorkflowActionLog
from templates_app.models import EmailTemplate
from tests.browser.conftest import CHROMIUM, screenshot
from tests.pages.workflow_helpers import add_logs, make_execution, no_celery

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FAILING_IMPACTS = {"serious", "critical", "moderate", "minor", None}
PHONE = (390, 844)
RUNNING_EXAMPLE = "Send skjema mandag kl 9, påminnelse torsdag kl 15 til de som ikke har bestilt"


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        if os.environ.get("CI") == "true" and Path(CHROMIUM).exists():
            pytest.fail("CI must have axe-core in node_modules (npm ci)")
        pytest.skip("needs axe-core in node_modules: run scripts/setup (npm ci)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def quiet() -> Iterator[None]:
    cache.clear()
    with no_celery():
        yield
    cache.clear()


@pytest.fixture
def urls() -> dict[str, str]:
    """The demo company, one run with a log per customer and one test run: every page has
    its real content, tables, badges and previews included."""
    demo_load()
    workflow = WorkflowDefinition.objects.get(name=WORKFLOW_NAME)
    customers = list(Customer.objects.order_by("pk")[:4])
    execution = make_execution(workflow, status="running")
    add_logs(execution, customers, ["success", "failed", "skipped", "pending"])
    WorkflowActionLog.objects.filter(execution=execution, status="skipped").update(
        result_data={"reason": "unsubscribed"}
    )
    failed = make_execution(workflow, status="failed", error_message="Steg 1: 1 handling feilet")
    add_logs(failed, customers[:1], ["failed"])
    # A finished run with emails whose outcome was lost (an hour ago: ready to be decided)
    # and one already decided: the section staff decide in.
    unknown = make_execution(workflow, status="completed")
    add_logs(unknown, customers[:3], ["unknown", "unknown", "success"])
    WorkflowActionLog.objects.filter(execution=unknown, status="unknown").update(
        updated_at=timezone.now() - dt.timedelta(hours=1)
    )
    email_mark_delivered(log=unknown.action_logs.filter(status="unknown").first(), by=_staff())
    test_run = execution_test_run(workflow=workflow, by=None)
    # A second version, so that the versions page has a difference to show.
    doc = workflow_definition(workflow)
    doc["steps"][1]["trigger_config"] = {"day": "wednesday", "time": "12:00"}
    workflow_update(workflow=workflow, data=doc, updated_by=None, expected_version=None)
    customer = customers[0]
    template = EmailTemplate.objects.order_by("pk").first()
    return {
        "dashboard": "/",
        "workflows": "/arbeidsflyter/",
        "workflow": f"/arbeidsflyter/{workflow.pk}/",
        "workflow-editor": f"/arbeidsflyter/{workflow.pk}/rediger/",
        "test-run": f"/arbeidsflyter/{workflow.pk}/test/{test_run.pk}/",
        "workflow-versions": f"/arbeidsflyter/{workflow.pk}/versjoner/",
        "workflow-restore": f"/arbeidsflyter/{workflow.pk}/versjoner/1/gjenopprett/",
        "workflow-import": "/arbeidsflyter/importer/",
        "ai-chat": "/assistent/",
        "ai-chat-preview": "/assistent/",
        "script-editor": "/assistent/skript/",
        "script-editor-javascript": "/assistent/skript/",
        "gallery": "/assistent/galleri/",
        "gallery-use": "/assistent/galleri/ukentlig-bestilling/",
        "executions": "/kjoringer/",
        "execution": f"/kjoringer/{execution.pk}/",
        "execution-unknown": f"/kjoringer/{unknown.pk}/",
        "templates": "/maler/",
        "template-editor": f"/maler/{template.pk}/",
        "template-new": "/maler/ny/",
        "customers": "/kunder/",
        "customer": f"/kunder/{customer.pk}/",
        "customer-history": f"/kunder/{customer.pk}/historikk/",
        "executions-by-customer": f"/kjoringer/?customer={customer.email}",
        "orders": "/kunder/ordre/",
        "import": "/kunder/import/",
        # The customers' own pages, reached from the emails.
        "order-form": _path(order_form_url(customer)),
        "unsubscribe": _path(unsubscribe_url(customer)),
    }


def _staff() -> User:
    return User.objects.get_or_create(username="drift", defaults={"is_staff": True})[0]


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[-1].split("/", 1)[-1]


def axe_violations(page: Any, axe_source: str) -> list[dict[str, Any]]:
    """Run axe on the page as it is now: its WCAG A/AA violations (every impact).

    Iframes are left out: they hold the email previews (sandboxed, no scripts), which show a
    customer's email rather than this site, so axe could not run in them anyway.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)
    results = page.evaluate(
        """async (tags) => {
            const r = await window.axe.run(document, {
                runOnly: {type: 'tag', values: tags},
                resultTypes: ['violations'],
                iframes: false,
            });
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({
                    target: n.target.join(' '), impact: n.impact,
                    summary: n.failureSummary || '',
                })),
            }));
        }""",
        WCAG_TAGS,
    )
    return [v for v in results if v["impact"] in FAILING_IMPACTS]


def describe(name: str, violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{name}: {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            summary = " ".join(node["summary"].split())[:300]
            lines.append(f"    {node['target']}  [{node['impact']}] {summary}")
    return "\n".join(lines)


# --- What to look at on a page before axe runs ---------------------------------------------


def _monaco(page: Any) -> None:
    page.wait_for_selector("[data-monaco-ready], [data-ready]", state="attached")
    page.wait_for_selector(".monaco-editor .view-line")


def _template_editor(page: Any) -> None:
    # Monaco (HTML mode) or the visual editor, whichever the page opened in.
    page.wait_for_selector("[data-monaco-ready], #visual-editor[data-ready]", state="attached")
    html_mode = page.locator("#id_body_mode").input_value() == "html"
    if html_mode and page.evaluate("() => typeof window.require === 'function'"):
        page.wait_for_selector(".monaco-editor .view-line")


def _chat_preview(page: Any) -> None:
    page.fill("#chat-text", RUNNING_EXAMPLE)
    page.click("#chat-send")
    page.wait_for_selector("#conversation .msg[data-kind=workflow] .preview-lines")
    page.wait_for_selector("#confirm-button")


def _script_in_javascript(page: Any) -> None:
    _monaco(page)
    page.check("input[name=language][value=javascript]")
    page.wait_for_function(
        "() => window.monaco.editor.getModels()[0].getLanguageId() === 'javascript'"
    )
    page.wait_for_selector("#script-preview li")


def _first_details_open(selector: str) -> Callable[[Any], None]:
    def open_it(page: Any) -> None:
        page.locator(selector).first.click()

    return open_it


def _editor_with_an_error(page: Any) -> None:
    # The editor as a user sees it after a mistake: the error at its field, checked live.
    page.fill("#f-name", "")
    page.locator("#f-name").dispatch_event("change")
    page.wait_for_selector("#f-name-error")


def _compare_versions(page: Any) -> None:
    """Compare version 2 with version 1: the comparison comes back as an HTMX fragment."""
    page.select_option("#id_old", "2")
    page.select_option("#id_new", "1")
    page.locator("#compare-button").click()
    page.wait_for_function(
        "() => document.querySelector('#comparison').innerText.includes('versjon 2 til')"
    )


PREPARE: dict[str, Callable[[Any], None]] = {
    "workflow-editor": _editor_with_an_error,
    "workflow-versions": _compare_versions,
    "test-run": _first_details_open("ul.recipients summary"),
    "ai-chat-preview": _chat_preview,
    "script-editor": _monaco,
    "script-editor-javascript": _script_in_javascript,
    "execution": _first_details_open("#execution-logs details summary"),
    "template-editor": _template_editor,
    "template-new": _template_editor,
    # The history is loaded into the customer's page after it shows.
    "customer": lambda page: page.wait_for_selector("#activity-results"),
}


def check_pages(page: Any, axe_source: str, pages: dict[str, str], suffix: str = "") -> str:
    """Visit each page, screenshot it, run axe; the report of what failed ("" if nothing)."""
    report = []
    for name, path in pages.items():
        response = page.goto(page.live_server_url + path)
        assert response is not None and response.ok, f"{name}: {path} answered {response}"
        page.wait_for_load_state("networkidle")
        if name in PREPARE:
            PREPARE[name](page)
        screenshot(page, f"a11y-{name}{suffix}")
        violations = axe_violations(page, axe_source)
        if violations:
            report.append(describe(name + suffix, violations))
    return "\n".join(report)


def _fail_on(report: str) -> None:
    assert not report, "axe found WCAG A/AA violations:\n" + report


# --- Tests ------------------------------------------------------------------------------


def test_every_page_passes_axe_wcag_a_and_aa(page_as: Any, urls: dict[str, str], axe_source):
    page = page_as("developer")
    _fail_on(check_pages(page, axe_source, urls))


def test_the_decision_about_unknown_emails_passes_axe_for_staff(
    page_as: Any, urls: dict[str, str], axe_source
):
    page = page_as("staff")
    _fail_on(
        check_pages(page, axe_source, {"execution-unknown": urls["execution-unknown"]}, "-staff")
    )
    assert page.locator("#execution-unknowns button").count() == 2  # one email, two decisions


def test_the_login_page_passes_axe(browser: Any, live_server: Any, axe_source: str) -> None:
    context = browser.new_context(locale="nb-NO")
    try:
        page = context.new_page()
        page.live_server_url = live_server.url
        report = check_pages(page, axe_source, {"login": "/login/"})
        # The page with a wrong password: the error is announced and still readable.
        page.fill("#id_username", "ingen")
        page.fill("#id_password", "feil")
        page.click("button[type=submit]")
        page.wait_for_selector("p.error[role=alert]")
        screenshot(page, "a11y-login-error")
        violations = axe_violations(page, axe_source)
        report += describe("login-error", violations)
    finally:
        context.close()
    _fail_on(report)


PHONE_PAGES = [
    "dashboard",
    "workflows",
    "workflow",
    "workflow-editor",
    "workflow-versions",
    "test-run",
    "ai-chat-preview",
    "executions",
    "execution",
    "template-editor",
    "customers",
    "customer",
    "customer-history",
    "orders",
    "order-form",
]


def test_pages_on_a_phone_pass_axe(page_as: Any, urls: dict[str, str], axe_source: str):
    page = page_as("business", viewport=PHONE)
    _fail_on(check_pages(page, axe_source, {n: urls[n] for n in PHONE_PAGES}, "-phone"))


def test_the_check_finds_a_violation(page_as: Any, axe_source: str) -> None:
    """The check can fail: a page with an unnamed button and pale text has violations."""
    page = page_as("viewer")
    page.evaluate(
        """() => {
            const main = document.getElementById('main');
            const button = document.createElement('button');
            button.className = 'button';
            main.append(button);
            const pale = document.createElement('p');
            pale.textContent = 'Knapt lesbar';
            pale.style.color = '#cccccc';
            main.append(pale);
        }"""
    )
    found = {v["id"] for v in axe_violations(page, axe_source)}
    assert {"button-name", "color-contrast"} <= found


def _focus_ring(page: Any) -> dict[str, Any]:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {
                tag: el.tagName.toLowerCase(), id: el.id, text: (el.innerText || '').trim(),
                outline: style.outlineStyle, width: parseFloat(style.outlineWidth),
                colour: style.outlineColor,
            };
        }"""
    )


def test_the_keyboard_reaches_everything_with_a_visible_focus_ring(
    page_as: Any, urls: dict[str, str]
) -> None:
    """Tab from the top: the skip link comes first and moves focus to the content, and every
    stop on the way (menu, language, log-out, the page's own links and buttons) shows a ring
    of at least 2px (WCAG 2.4.7; its colour contrasts with the page, see app.css)."""
    page = page_as("developer")
    for name in ("dashboard", "workflow", "execution"):
        page.goto(page.live_server_url + urls[name])
        page.wait_for_load_state("networkidle")
        page.keyboard.press("Tab")
        first = _focus_ring(page)
        assert first["tag"] == "a" and first["text"] == "Gå til innholdet", first
        page.keyboard.press("Enter")
        assert page.evaluate("() => document.activeElement.id") == "main"
        page.goto(page.live_server_url + urls[name])  # from the top again, stop by stop
        page.wait_for_load_state("networkidle")
        for _ in range(16):
            page.keyboard.press("Tab")
            ring = _focus_ring(page)
            if ring["tag"] == "body":
                break
            assert ring["outline"] != "none" and ring["width"] >= 2, f"{name}: {ring}"
        screenshot(page, f"a11y-keyboard-{name}")
