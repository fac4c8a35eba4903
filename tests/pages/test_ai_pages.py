"""The "new workflow" pages: AI chat (offline parser), script editor and template gallery,
each as a full page and as its HTMX fragment."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from ai_assistant.models import ChatMessage, ChatSession
from automation.models import WorkflowDefinition
from templates_app.models import EmailTemplate
from tests.automation.workflow_docs import Refs, make_refs
from tests.pages.workflow_helpers import HTMX, client_as

pytestmark = pytest.mark.django_db

RUNNING_EXAMPLE = "Send skjema mandag, påminnelse torsdag"
GOOD_PYTHON = """\
flow = workflow("Skriptet bestilling", schedule=weekly("monday", "09:00"))
flow.send_email(template="Bestillingsskjema", to=group("all"), when=on("monday", "09:00"))
flow.send_email(
    template="Påminnelse",
    to=group("all"),
    when=on("thursday", "15:00"),
    condition=orders_missing(since="execution_start"),
)
"""
GOOD_JAVASCRIPT = """\
const flow = workflow("JS bestilling", {schedule: weekly("monday", "09:00")});
flow.sendEmail({template: "Bestillingsskjema", to: group("all"), when: on("monday", "09:00")});
"""


@pytest.fixture(autouse=True)
def offline(settings: Any) -> None:
    settings.AI_PROVIDER = "offline"
    settings.OPENAI_API_KEY = ""
    settings.ANTHROPIC_API_KEY = ""


@pytest.fixture
def refs() -> Refs:
    return make_refs()


@pytest.fixture
def business() -> Client:
    return client_as("business")


@pytest.fixture
def developer() -> Client:
    return client_as("developer")


def _send(client: Client, text: str, session: int | None = None, **extra: Any) -> Any:
    data = {"text": text, "session": session or ""}
    return client.post(reverse("ai_assistant:chat-message"), data, **extra)


# --- AI chat --------------------------------------------------------------------------------


def test_chat_page_and_its_fragment(business: Client):
    page = business.get(reverse("ai_assistant:chat"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<html" in html and 'id="conversation"' in html and 'aria-live="polite"' in html
    assert 'for="chat-text"' in html and "js/ai-chat.js" in html
    # The three ways in; scripts are a developer's.
    assert reverse("ai_assistant:gallery") in html
    assert reverse("ai_assistant:script-editor") not in html

    fragment = business.get(reverse("ai_assistant:chat"), **HTMX)
    assert fragment.status_code == 200
    body = fragment.content.decode()
    assert "<html" not in body and 'id="chat-workspace"' in body


def test_running_example_previews_then_opprett_creates_a_draft(refs: Refs, business: Client):
    response = _send(business, RUNNING_EXAMPLE, **HTMX)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert RUNNING_EXAMPLE in html  # the user's message, appended
    assert "Mandag 09:00 \N{EN DASH} Send Bestillingsskjema til alle kunder (3)" in html
    assert "Torsdag 15:00 \N{EN DASH} Send Påminnelse til alle kunder" in html
    assert 'id="confirm-button"' in html and 'hx-swap-oob="true"' in html
    assert not WorkflowDefinition.objects.exists(), "nothing saved before Opprett"
    session = ChatSession.objects.get()

    confirm = business.post(reverse("ai_assistant:chat-confirm"), {"session": session.pk}, **HTMX)

    workflow = WorkflowDefinition.objects.get()
    assert confirm.status_code == 200
    assert confirm["HX-Redirect"] == reverse("automation:workflow-detail", args=[workflow.pk])
    assert workflow.status == WorkflowDefinition.Status.DRAFT and not workflow.is_active
    assert workflow.steps.count() == 2
    assert workflow.created_by == business.user


def test_chat_without_htmx_redirects_back_to_the_conversation(refs: Refs, business: Client):
    response = _send(business, RUNNING_EXAMPLE)

    session = ChatSession.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('ai_assistant:chat')}?session={session.pk}"
    page = business.get(response["Location"])
    html = page.content.decode()
    assert RUNNING_EXAMPLE in html
    assert "Mandag 09:00 \N{EN DASH} Send Bestillingsskjema til alle kunder (3)" in html
    assert 'id="confirm-button"' in html

    confirm = business.post(reverse("ai_assistant:chat-confirm"), {"session": session.pk})
    workflow = WorkflowDefinition.objects.get()
    assert confirm.status_code == 302
    assert confirm["Location"] == reverse("automation:workflow-detail", args=[workflow.pk])


def test_unclear_text_gets_a_question_and_creates_nothing(refs: Refs, business: Client):
    response = _send(business, "Kjøp melk", **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-kind="question"' in html and "Kjøp melk" in html
    assert 'id="confirm-button"' not in html
    session = ChatSession.objects.get()
    assert session.current_draft is None
    assert not WorkflowDefinition.objects.exists()
    confirm = business.post(reverse("ai_assistant:chat-confirm"), {"session": session.pk})
    assert confirm.status_code == 400
    assert not WorkflowDefinition.objects.exists()


def test_follow_up_moves_the_reminder(refs: Refs, business: Client):
    _send(business, RUNNING_EXAMPLE, **HTMX)
    session = ChatSession.objects.get()

    response = _send(business, "flytt påminnelsen til onsdag kl 12", session.pk, **HTMX)

    html = response.content.decode()
    assert "Onsdag 12:00 \N{EN DASH} Send Påminnelse" in html
    session.refresh_from_db()
    reminder = session.current_draft["steps"][1]
    assert reminder["trigger_config"] == {"day": "wednesday", "time": "12:00"}
    assert ChatSession.objects.count() == 1, "the follow-up continues the same conversation"

    business.post(reverse("ai_assistant:chat-confirm"), {"session": session.pk})
    step = WorkflowDefinition.objects.get().steps.get(step_order=2)
    assert step.trigger_config == {"day": "wednesday", "time": "12:00"}


def test_empty_message_keeps_the_form_and_shows_the_error(business: Client):
    fragment = _send(business, "   ", **HTMX)
    assert fragment.status_code == 200
    assert fragment["HX-Retarget"] == "#form-errors"
    assert "errorlist" in fragment.content.decode()

    page = _send(business, "   ")
    assert page.status_code == 400 and "<html" in page.content.decode()


def test_a_failing_provider_keeps_the_message_and_the_text(
    refs: Refs, business: Client, settings: Any
):
    settings.AI_PROVIDER = "no-such-provider"

    response = _send(business, "Hver mandag send skjema", **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Hver mandag send skjema" in html and 'data-kind="error"' in html
    roles = list(ChatMessage.objects.values_list("role", flat=True))
    assert roles == ["user", "system"]


def test_business_user_may_not_activate(refs: Refs, business: Client):
    _send(business, RUNNING_EXAMPLE)
    session = ChatSession.objects.get()
    page = business.get(f"{reverse('ai_assistant:chat')}?session={session.pk}")
    assert 'name="activate"' not in page.content.decode()

    response = business.post(
        reverse("ai_assistant:chat-confirm"), {"session": session.pk, "activate": "1"}
    )

    assert response.status_code == 403
    assert not WorkflowDefinition.objects.exists()


def test_developer_may_create_an_active_workflow(refs: Refs, developer: Client):
    _send(developer, RUNNING_EXAMPLE)
    session = ChatSession.objects.get()

    developer.post(reverse("ai_assistant:chat-confirm"), {"session": session.pk, "activate": "1"})

    assert WorkflowDefinition.objects.get().status == WorkflowDefinition.Status.ACTIVE


def test_someone_elses_conversation_is_not_found(refs: Refs, business: Client, developer: Client):
    _send(developer, RUNNING_EXAMPLE)
    session = ChatSession.objects.get()

    assert business.get(f"{reverse('ai_assistant:chat')}?session={session.pk}").status_code == 404
    assert _send(business, "flytt påminnelsen til onsdag", session.pk).status_code == 404
    confirm = business.post(reverse("ai_assistant:chat-confirm"), {"session": session.pk})
    assert confirm.status_code == 404


# --- Script editor ----------------------------------------------------------------------------


def test_script_editor_page_and_its_fragment(refs: Refs, developer: Client):
    page = developer.get(reverse("ai_assistant:script-editor"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "vendor/monaco/vs/loader.js" in html and "js/script-editor.js" in html
    assert 'id="script-examples"' in html and "flow.send_email(" in html
    assert "Mandag 09:00 \N{EN DASH} Send Bestillingsskjema" in html  # the example's preview

    js = developer.get(reverse("ai_assistant:script-editor"), {"language": "javascript"}, **HTMX)
    body = js.content.decode()
    assert js.status_code == 200 and "<html" not in body and 'id="script-result"' in body


def test_script_check_reports_line_and_column(refs: Refs, developer: Client):
    bad = 'flow = workflow("X", schedule=weekly("monday", "09:00"))\nflow.send_email(template=\n'

    data = developer.post(
        reverse("ai_assistant:script-check"), {"language": "python", "source": bad}
    ).json()

    assert data["ok"] is False and data["preview"] == []
    error = data["errors"][0]
    assert error["line"] >= 2 and error["column"] >= 1 and error["message"]


def test_script_check_refuses_imports(refs: Refs, developer: Client):
    source = "import os\n" + GOOD_PYTHON

    data = developer.post(
        reverse("ai_assistant:script-check"), {"language": "python", "source": source}
    ).json()

    assert data["ok"] is False
    assert [(e["line"], e["column"]) for e in data["errors"]] == [(1, 1)]


def test_script_check_places_validator_errors_on_the_step(refs: Refs, developer: Client):
    source = GOOD_PYTHON.replace('"Påminnelse"', '"Ingen slik mal"')

    data = developer.post(
        reverse("ai_assistant:script-check"), {"language": "python", "source": source}
    ).json()

    assert data["ok"] is False
    assert [(e["line"], e["path"].split("/")[1:3]) for e in data["errors"]] == [(3, ["steps", "1"])]


def test_script_check_previews_a_valid_script(refs: Refs, developer: Client):
    data = developer.post(
        reverse("ai_assistant:script-check"), {"language": "javascript", "source": GOOD_JAVASCRIPT}
    ).json()

    assert data["ok"] is True and data["errors"] == []
    assert [line["kind"] for line in data["preview"]] == ["name", "schedule", "step"]


def test_saving_a_valid_script_creates_a_draft(refs: Refs, developer: Client):
    response = developer.post(
        reverse("ai_assistant:script-editor"), {"language": "python", "source": GOOD_PYTHON}
    )

    workflow = WorkflowDefinition.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("automation:workflow-detail", args=[workflow.pk])
    assert workflow.name == "Skriptet bestilling"
    assert workflow.status == WorkflowDefinition.Status.DRAFT
    assert workflow.steps.count() == 2


def test_saving_a_script_with_htmx_redirects_or_shows_problems(refs: Refs, developer: Client):
    url = reverse("ai_assistant:script-editor")
    bad = developer.post(url, {"language": "python", "source": "import os\n"}, **HTMX)
    body = bad.content.decode()
    assert bad.status_code == 200 and "<html" not in body
    assert 'data-line="1"' in body
    assert not WorkflowDefinition.objects.exists()

    good = developer.post(url, {"language": "javascript", "source": GOOD_JAVASCRIPT}, **HTMX)
    workflow = WorkflowDefinition.objects.get()
    assert good["HX-Redirect"] == reverse("automation:workflow-detail", args=[workflow.pk])


def test_saving_an_invalid_script_keeps_the_source(refs: Refs, developer: Client):
    source = GOOD_PYTHON.replace('"Påminnelse"', '"Ingen slik mal"')

    response = developer.post(
        reverse("ai_assistant:script-editor"), {"language": "python", "source": source}
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Ingen slik mal" in html and 'id="script-errors"' in html
    assert not WorkflowDefinition.objects.exists()


def test_scripts_are_for_developers(refs: Refs, business: Client):
    assert business.get(reverse("ai_assistant:script-editor")).status_code == 403
    check = business.post(
        reverse("ai_assistant:script-check"), {"language": "python", "source": GOOD_PYTHON}
    )
    assert check.status_code == 403
    save = business.post(
        reverse("ai_assistant:script-editor"), {"language": "python", "source": GOOD_PYTHON}
    )
    assert save.status_code == 403
    assert not WorkflowDefinition.objects.exists()


# --- Gallery ------------------------------------------------------------------------------


def test_gallery_page_and_its_fragment(refs: Refs, business: Client):
    page = business.get(reverse("ai_assistant:gallery"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Ukentlig bestilling" in html
    assert "Mandag 09:00 \N{EN DASH} Send Bestillingsskjema til alle kunder (3)" in html
    for slug in ("ukentlig-bestilling", "dagens-tilbud", "manedsrapport", "ordrebekreftelse"):
        assert reverse("ai_assistant:gallery-use", args=[slug]) in html

    fragment = business.get(reverse("ai_assistant:gallery"), **HTMX)
    assert "<html" not in fragment.content.decode()
    assert 'id="gallery-list"' in fragment.content.decode()


def test_gallery_entry_uses_the_real_templates_and_creates_a_draft(refs: Refs, business: Client):
    url = reverse("ai_assistant:gallery-use", args=["ukentlig-bestilling"])
    page = business.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert f'<option value="{refs.order_form.pk}" selected>' in html
    fragment = business.get(url, {"template_2": refs.order_form.pk}, **HTMX)
    assert "<html" not in fragment.content.decode()
    assert "Torsdag 15:00 \N{EN DASH} Send Bestillingsskjema" in fragment.content.decode()

    response = business.post(url)

    workflow = WorkflowDefinition.objects.get()
    assert response["Location"] == reverse("automation:workflow-detail", args=[workflow.pk])
    assert workflow.name == "Ukentlig bestilling"
    assert workflow.status == WorkflowDefinition.Status.DRAFT
    template_ids = [s.action_config["template_id"] for s in workflow.steps.order_by("step_order")]
    assert template_ids == [refs.order_form.pk, refs.reminder.pk]


def test_gallery_offer_goes_to_the_cafe_group(refs: Refs, business: Client):
    EmailTemplate.objects.create(
        name="Dagens tilbud", subject="Tilbud", body_html="<p>Tilbud</p>", category="tilbud"
    )
    url = reverse("ai_assistant:gallery-use", args=["dagens-tilbud"])

    business.post(url)

    step = WorkflowDefinition.objects.get().steps.get()
    assert step.action_config["recipients"] == {"group": "kafeer"}


def test_gallery_report_needs_an_address(refs: Refs, business: Client):
    url = reverse("ai_assistant:gallery-use", args=["manedsrapport"])

    refused = business.post(url, {"send_to_1": ""})
    assert refused.status_code == 400 and not WorkflowDefinition.objects.exists()

    business.post(url, {"send_to_1": "leder@firma.no"})
    step = WorkflowDefinition.objects.get().steps.get()
    assert step.action_config["send_to"] == ["leder@firma.no"]


def test_gallery_confirmation_runs_on_orders(refs: Refs, business: Client):
    EmailTemplate.objects.create(
        name="Ordrebekreftelse", subject="Takk", body_html="<p>Takk</p>", category="confirmation"
    )

    business.post(reverse("ai_assistant:gallery-use", args=["ordrebekreftelse"]))

    workflow = WorkflowDefinition.objects.get()
    assert workflow.workflow_type == "event_based"


def test_gallery_entry_opens_in_the_script_editor(refs: Refs, developer: Client):
    page = developer.get(reverse("ai_assistant:gallery-use", args=["paminnelse"]))
    link = reverse("ai_assistant:script-editor") + "?galleri=paminnelse"
    assert link in page.content.decode()

    editor = developer.get(
        reverse("ai_assistant:script-editor"), {"galleri": "paminnelse", "language": "javascript"}
    )
    html = editor.content.decode()
    assert "Påminnelse torsdag" in html and "sendEmail" in html
    assert 'id="script-errors"' in html and "data-line=" not in html


def test_unknown_gallery_entry_is_not_found(business: Client):
    assert business.get(reverse("ai_assistant:gallery-use", args=["nope"])).status_code == 404


# --- Roles --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "name", "args"),
    [
        ("get", "chat", []),
        ("post", "chat-message", []),
        ("post", "chat-confirm", []),
        ("get", "script-editor", []),
        ("post", "script-check", []),
        ("get", "gallery", []),
        ("get", "gallery-use", ["ukentlig-bestilling"]),
        ("post", "gallery-use", ["ukentlig-bestilling"]),
    ],
)
def test_viewers_may_not_create(refs: Refs, method: str, name: str, args: list[str]):
    viewer = client_as("viewer")
    url = reverse(f"ai_assistant:{name}", args=args)
    data = {"text": RUNNING_EXAMPLE, "source": GOOD_PYTHON, "language": "python"}

    response = getattr(viewer, method)(url, data if method == "post" else None)

    assert response.status_code == 403
    assert not WorkflowDefinition.objects.exists() and not ChatSession.objects.exists()


def test_anonymous_users_log_in_first():
    response = Client().get(reverse("ai_assistant:chat"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_check_answers_json(refs: Refs, developer: Client):
    response = developer.post(
        reverse("ai_assistant:script-check"), {"language": "python", "source": ""}
    )
    assert response["Content-Type"] == "application/json"
    assert isinstance(json.loads(response.content)["errors"], list)
