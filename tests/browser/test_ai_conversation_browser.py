"""In Chromium: a conversation that survives a reload, a proposed template swapped for an
existing one, and a saved workflow changed with "Endre med AI" (issue 20)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from ai_assistant.services import ai_confirm, ai_parse_description
from automation.models import WorkflowDefinition
from tests.automation.workflow_docs import make_refs
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def offline(settings: Any) -> None:
    settings.AI_PROVIDER = "offline"


@pytest.fixture
def refs() -> Any:
    return make_refs()  # templates of category bestilling and reminder, three customers


def _send(page: Any, text: str, kind: str, count: int) -> None:
    page.fill("#chat-text", text)
    page.click("#chat-send")
    page.wait_for_function(
        "([kind, n]) => document.querySelectorAll(`#conversation .msg[data-kind=${kind}]`)"
        ".length >= n",
        arg=[kind, count],
    )


def test_a_question_answered_in_one_word_and_a_reload_keeps_the_draft(
    page_as: Any, refs: Any
) -> None:
    page = page_as("business")
    page.goto(page.live_server_url + "/assistent/")

    _send(page, "send skjema annenhver uke", "question", 1)
    _send(page, "fredag kl 9", "workflow", 1)
    assert re.search(r"\?session=\d+$", page.url), page.url
    preview = page.locator("#conversation .msg[data-kind=workflow] .preview-lines").inner_text()
    assert "Annenhver fredag" in preview or "annenhver fredag" in preview.lower()

    page.reload()
    page.wait_for_selector("#conversation .msg[data-kind=workflow]")
    assert page.locator("#conversation .msg").count() == 4
    assert page.locator("#confirm-button").is_enabled()
    screenshot(page, "ai-chat-answered-question")


def test_a_proposed_template_is_shown_and_can_be_swapped(page_as: Any, refs: Any) -> None:
    page = page_as("business")
    page.goto(page.live_server_url + "/assistent/")

    _send(page, "Hver fredag kl 10 send prislisten til alle", "workflow", 1)
    panel = page.locator("#proposed-templates")
    assert "Prisliste" in panel.inner_text() and "Ny mal – utkast" in panel.inner_text()  # noqa: RUF001
    screenshot(page, "ai-chat-new-template")
    page.select_option("#use-template-1", label=refs.order_form.name)
    page.locator("#proposed-templates button").click()
    page.wait_for_function(
        "() => document.querySelectorAll('#conversation .msg[data-kind=workflow]').length >= 2"
    )
    assert page.locator("#proposed-templates").count() == 0
    last = page.locator("#conversation .msg[data-kind=workflow]").last.inner_text()
    assert f"Bruker malen «{refs.order_form.name}»" in last


def test_a_saved_workflow_is_changed_with_ai(page_as: Any, refs: Any, django_user_model) -> None:
    page = page_as("business")
    user = django_user_model.objects.get(username="business-bruker")
    first = ai_parse_description(user=user, text="Send skjema mandag, påminnelse torsdag")
    workflow = ai_confirm(user=user, session_id=first.session_id, activate=False)

    page.goto(f"{page.live_server_url}/arbeidsflyter/{workflow.pk}/")
    page.click("#action-edit-ai")
    page.wait_for_url(re.compile(r".*/assistent/\?session=\d+$"))
    assert "Ingen endringer ennå." in page.locator("#draft-panel").inner_text()

    _send(page, "flytt påminnelsen til onsdag kl 12", "workflow", 2)
    changes = page.locator("#draft-changes").inner_text()
    assert "Påminnelse: torsdag 15:00 → onsdag 12:00" in changes
    screenshot(page, "ai-chat-edit-workflow")
    page.click("#confirm-button")
    page.wait_for_url(re.compile(rf".*/arbeidsflyter/{workflow.pk}/$"))
    workflow.refresh_from_db()
    assert workflow.version == 2
    assert WorkflowDefinition.objects.count() == 1
