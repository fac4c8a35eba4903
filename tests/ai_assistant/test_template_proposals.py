"""Templates by meaning, and new templates the assistant proposes when none fits (issue 20,
item 2): matched on name, category and subject words; never another template in its place;
proposed as a draft, created on confirm, and a workflow sending it is not activated before a
person has saved the template."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from ai_assistant import proposals
from ai_assistant.models import ChatSession
from ai_assistant.services import ai_confirm, ai_parse_description, ai_use_template
from automation.models import WorkflowDefinition
from automation.services import workflow_deploy
from automation.validation import WorkflowValidationError
from templates_app.models import EmailTemplate
from templates_app.services import template_update
from tests.ai_assistant.fake_llm import World, make_user, make_world
from tests.templates_app.factories import EmailTemplateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def offline(settings: Any) -> None:
    settings.AI_PROVIDER = "offline"


@pytest.fixture
def world() -> World:
    return make_world(customers=6, ordered=1)


@pytest.fixture
def business() -> Any:
    return make_user("berit", "business")


@pytest.fixture
def developer() -> Any:
    return make_user("dag", "developer")


PRICE_LIST = "Hver fredag kl 10 send prislisten til kafeene"


def _action(reply: Any, index: int = 0) -> dict[str, Any]:
    return reply.workflow["steps"][index]["action_config"]


def test_a_template_is_found_by_its_norwegian_category_and_its_subject(world: World, business):
    prices = EmailTemplateFactory(name="Våre priser", category="prisliste", subject="Uke 12")
    news = EmailTemplateFactory(
        name="Info fra oss", category="annet", subject="Månedsbrevet fra grossisten"
    )

    by_category = ai_parse_description(user=business, text=PRICE_LIST)
    by_subject = ai_parse_description(
        user=business, text="Send the monthly letter on the 1st of every month at 8"
    )
    english = ai_parse_description(
        user=business, text="Every Friday at 10 send the price list to the cafes"
    )

    assert _action(by_category)["template_id"] == prices.pk
    assert _action(english)["template_id"] == prices.pk
    assert _action(by_subject)["template_id"] == news.pk
    assert by_category.new_templates == [] and english.new_templates == []


def test_no_fitting_template_is_proposed_never_replaced_by_another(world: World, business):
    before = EmailTemplate.objects.count()

    reply = ai_parse_description(user=business, text=PRICE_LIST)

    assert reply.kind == "workflow"
    action = _action(reply)
    assert "template_id" not in action, "the order form must not be sent in its place"
    assert action["template"] == "Prisliste"
    [proposal] = reply.new_templates
    assert proposal["name"] == "Prisliste" and proposal["category"] == "prisliste"
    assert "{{ kunde_navn }}" in proposal["body_html"]
    assert "{{ avmeldingslenke }}" in proposal["body_html"]
    step_line = next(line.text for line in reply.preview if line.kind == "step")
    assert "Prisliste (ny mal \N{EN DASH} utkast)" in step_line
    assert "ny mal" in reply.text
    assert EmailTemplate.objects.count() == before, "nothing is created before confirming"
    session = ChatSession.objects.get(pk=reply.session_id)
    assert session.draft_templates == reply.new_templates


@pytest.mark.parametrize("then", ["flytt den til tirsdag kl 9", "send den en time senere"])
def test_an_edit_of_a_draft_with_a_new_template_keeps_the_proposal(
    world: World, business, then: str
):
    first = ai_parse_description(user=business, text=PRICE_LIST)
    [proposal] = first.new_templates

    edited = ai_parse_description(user=business, text=then, session_id=first.session_id)

    assert edited.kind == "workflow", edited.text
    assert edited.workflow != first.workflow
    assert _action(edited)["template"] == "Prisliste"
    assert edited.new_templates == [proposal]
    assert ChatSession.objects.get(pk=first.session_id).draft_templates == [proposal]
    workflow = ai_confirm(user=business, session_id=first.session_id, activate=False)
    template = EmailTemplate.objects.get(name="Prisliste")
    assert workflow.steps.get().action_config["template_id"] == template.pk


def test_an_old_proposal_the_draft_no_longer_sends_is_dropped(world: World, business):
    first = ai_parse_description(user=business, text=PRICE_LIST)
    world_form = EmailTemplate.objects.filter(category="bestilling").first()
    assert world_form is not None

    other = ai_parse_description(
        user=business,
        text="Send bestillingsskjema hver mandag kl 9 til kafeene",
        session_id=first.session_id,
    )

    assert other.kind == "workflow", other.text
    assert other.new_templates == []
    assert ChatSession.objects.get(pk=first.session_id).draft_templates == []


def test_an_english_request_gets_an_english_proposal(world: World, business):
    reply = ai_parse_description(
        user=business, text="Every Friday at 10 send today's offer to the cafes"
    )

    [proposal] = reply.new_templates
    assert proposal["name"] == "Today's offer"
    assert "Hello {{ kunde_navn }}" in proposal["body_html"]
    assert "new template" in reply.text


def test_confirm_creates_the_template_to_review_and_activation_waits_for_it(
    world: World, business, developer
):
    reply = ai_parse_description(user=business, text=PRICE_LIST)

    workflow = ai_confirm(user=business, session_id=reply.session_id, activate=False)
    again = ai_confirm(user=business, session_id=reply.session_id, activate=False)

    template = EmailTemplate.objects.get(name="Prisliste")
    assert template.needs_review and template.category == "prisliste"
    assert again.pk == workflow.pk and EmailTemplate.objects.filter(name="Prisliste").count() == 1
    step = workflow.steps.get()
    assert step.action_config["template_id"] == template.pk

    with pytest.raises(WorkflowValidationError) as refused:
        workflow_deploy(workflow=workflow, by=developer)
    [error] = refused.value.errors
    assert error["code"] == "template_not_reviewed"
    assert error["path"] == "/steps/0/action_config/template_id"
    assert "Prisliste" in error["message"]
    workflow.refresh_from_db()
    assert workflow.status == WorkflowDefinition.Status.DRAFT

    template_update(template=template, data={"subject": "Ny prisliste fra oss"})
    template.refresh_from_db()
    assert not template.needs_review
    assert workflow_deploy(workflow=workflow, by=developer).status == "active"


def test_activating_at_confirm_with_a_new_template_saves_nothing(world: World, developer):
    reply = ai_parse_description(user=developer, text=PRICE_LIST)

    with pytest.raises(WorkflowValidationError) as refused:
        ai_confirm(user=developer, session_id=reply.session_id, activate=True)

    assert refused.value.errors[0]["code"] == "template_not_reviewed"
    assert not WorkflowDefinition.objects.exists()
    assert not EmailTemplate.objects.filter(name="Prisliste").exists()


def test_the_user_may_pick_an_existing_template_instead(world: World, business):
    reply = ai_parse_description(user=business, text=PRICE_LIST)

    picked = ai_use_template(
        user=business, session_id=reply.session_id, name="Prisliste", template_id=world.reminder.pk
    )

    assert picked.kind == "workflow" and picked.new_templates == []
    assert _action(picked)["template_id"] == world.reminder.pk
    assert "Påminnelse" in picked.text and "Prisliste" in picked.text
    workflow = ai_confirm(user=business, session_id=reply.session_id, activate=False)
    assert workflow.steps.get().action_config["template_id"] == world.reminder.pk
    assert not EmailTemplate.objects.filter(name="Prisliste").exists()


def test_two_steps_asking_for_the_same_new_template_share_one_proposal(world: World, business):
    reply = ai_parse_description(
        user=business, text="Send prislisten til kafeene og butikkene hver fredag kl 10"
    )

    assert [s["action_config"]["template"] for s in reply.workflow["steps"]] == [
        "Prisliste",
        "Prisliste",
    ]
    assert [p["name"] for p in reply.new_templates] == ["Prisliste"]


def test_an_invalid_proposal_is_an_error_named_by_its_field(world: World):
    draft = {
        "name": "Prisliste",
        "workflow_type": "scheduled",
        "schedule": {
            "schedule_type": "weekly",
            "schedule_config": {"day": "friday", "time": "10:00"},
        },
        "steps": [
            {
                "name": "Send prisliste",
                "step_type": "send_email",
                "action_config": {"template": "Prisliste", "recipients": {"group": "all"}},
            }
        ],
    }
    bad = {
        "name": "Prisliste",
        "category": "prisliste",
        "subject": "Priser",
        "body_html": "{% load static %}",
    }

    checked = proposals.checked(draft, [bad])

    assert checked.workflow is None
    assert checked.errors and checked.errors[0]["path"].startswith("/new_templates/0/body_html")
    assert not EmailTemplate.objects.filter(name="Prisliste").exists()
    # Without the proposal, the name is unknown: the validator says so.
    assert proposals.checked(draft).errors[0]["code"] == "unknown_template"


def test_the_workflow_page_says_which_template_to_review(world: World, business, client):
    reply = ai_parse_description(user=business, text=PRICE_LIST)
    workflow = ai_confirm(user=business, session_id=reply.session_id, activate=False)
    template = EmailTemplate.objects.get(name="Prisliste")
    client.force_login(business)

    page = client.get(reverse("automation:workflow-detail", args=[workflow.pk])).content.decode()
    listed = client.get(reverse("templates_app:list")).content.decode()
    editor = client.get(reverse("templates_app:edit", args=[template.pk])).content.decode()

    assert f'id="review-template-{template.pk}"' in page
    assert reverse("templates_app:edit", args=[template.pk]) in page
    assert "utkast fra assistenten" in page
    assert "Ny mal – utkast" in listed  # noqa: RUF001 (the badge's dash)
    assert 'id="needs-review"' in editor
    template_update(template=template, data={})
    page = client.get(reverse("automation:workflow-detail", args=[workflow.pk])).content.decode()
    assert f'id="review-template-{template.pk}"' not in page
