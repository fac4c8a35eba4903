"""The workflow pages: list with filters, detail with its actions per role, the test-run page."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from automation.models import WorkflowDefinition
from automation.services import workflow_archive
from customers.models import Customer
from executions.models import WorkflowExecution
from tests.automation.workflow_docs import Refs, make_refs
from tests.pages.workflow_helpers import HTMX, client_as, example_workflow, no_celery

pytestmark = pytest.mark.django_db

LIST = "/arbeidsflyter/"


@pytest.fixture(autouse=True)
def queued() -> Iterator[dict[str, list[Any]]]:
    with no_celery() as calls:
        yield calls


@pytest.fixture
def refs() -> Refs:
    return make_refs()


@pytest.fixture
def workflow(refs: Refs) -> WorkflowDefinition:
    return example_workflow(refs)


def detail_url(workflow: WorkflowDefinition) -> str:
    return reverse("automation:workflow-detail", args=[workflow.pk])


def action_url(name: str, workflow: WorkflowDefinition) -> str:
    # Starting a run lives beside the executions it creates.
    app = "executions" if name in ("run-now", "test") else "automation"
    return reverse(f"{app}:workflow-{name}", args=[workflow.pk])


# --- List ---------------------------------------------------------------------------------


def test_the_list_shows_status_type_and_next_run_in_norwegian_local_time(
    workflow: WorkflowDefinition, refs: Refs
) -> None:
    example_workflow(refs, active=False, name="Utkast til nyhetsbrev")
    next_run = timezone.localtime(workflow.schedule.next_run)

    response = client_as("viewer").get(LIST)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html
    assert '<span class="badge active">Aktiv</span>' in html or 'class="badge active"' in html
    assert 'class="badge draft"' in html
    assert next_run.strftime("%d.%m.%Y %H:%M") in html
    assert next_run.strftime("%H:%M") == "09:00"  # Monday 09:00 Oslo, shown in Oslo time
    assert 'data-label="' in html  # phone-friendly table


def test_the_list_fragment_filters_by_status_and_search(
    workflow: WorkflowDefinition, refs: Refs
) -> None:
    draft = example_workflow(refs, active=False, name="Utkast til nyhetsbrev")
    viewer = client_as("viewer")

    by_status = viewer.get(LIST, {"status": "draft"}, **HTMX).content.decode()
    by_search = viewer.get(LIST, {"q": "ukentlig"}, **HTMX).content.decode()

    assert "<html" not in by_status
    assert by_status.strip().startswith('<section id="workflow-results"')
    assert draft.name in by_status and workflow.name not in by_status
    assert workflow.name in by_search and draft.name not in by_search


def test_the_list_needs_a_login(client: Any) -> None:
    assert client.get(LIST).status_code == 302


# --- Detail --------------------------------------------------------------------------------


def test_the_detail_page_shows_the_preview_next_runs_and_version_history(
    workflow: WorkflowDefinition,
) -> None:
    response = client_as("viewer").get(detail_url(workflow))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Bestillingsskjema mandag 09:00" in html  # the description
    assert "Hver mandag kl. 09:00 (Europe/Oslo)" in html  # the schedule in words (preview)
    steps = re.search(r'<ol class="preview-lines">(.*?)</ol>', html, re.S).group(1)
    assert steps.count("<li>") == 2
    assert "Bestillingsskjema" in steps and "Påminnelse" in steps
    runs = re.search(r'<ol class="next-runs">(.*?)</ol>', html, re.S).group(1)
    assert runs.count("<li>") == 5
    assert runs.count("Mandag") == 5
    assert "Versjon 1" in html or "Version 1" in html
    assert "&quot;step_type&quot;: &quot;send_email&quot;" in html  # the stored JSON


def test_the_detail_fragment_is_the_summary(workflow: WorkflowDefinition) -> None:
    html = client_as("viewer").get(detail_url(workflow), **HTMX).content.decode()
    assert "<html" not in html
    assert html.strip().startswith('<div id="workflow-summary">')
    assert "preview-lines" not in html


BUTTONS = ("action-deploy", "action-pause", "action-test", "action-run-now", "action-archive")


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("viewer", set()),
        ("business", {"action-pause", "action-test", "action-run-now"}),
        ("developer", {"action-pause", "action-test", "action-run-now", "action-archive"}),
        ("staff", {"action-pause", "action-test", "action-run-now", "action-archive"}),
    ],
)
def test_the_buttons_follow_the_role(
    workflow: WorkflowDefinition, role: str, shown: set[str]
) -> None:
    html = client_as(role).get(detail_url(workflow)).content.decode()
    assert {b for b in BUTTONS if f'id="{b}"' in html} == shown


def test_a_paused_workflow_offers_activate_to_developers_only(refs: Refs) -> None:
    paused = example_workflow(refs, active=False)
    assert 'id="action-deploy"' in client_as("developer").get(detail_url(paused)).content.decode()
    assert (
        'id="action-deploy"' not in client_as("business").get(detail_url(paused)).content.decode()
    )


@pytest.mark.parametrize("action", ["deploy", "pause", "archive", "run-now", "test"])
def test_a_viewer_may_not_post_any_action(workflow: WorkflowDefinition, action: str) -> None:
    response = client_as("viewer").post(action_url(action, workflow), **HTMX)
    assert response.status_code == 403
    workflow.refresh_from_db()
    assert workflow.status == "active"
    assert not WorkflowExecution.objects.exists()


@pytest.mark.parametrize("action", ["deploy", "archive"])
def test_business_users_may_not_deploy_or_archive(
    workflow: WorkflowDefinition, action: str
) -> None:
    assert client_as("business").post(action_url(action, workflow)).status_code == 403


def test_actions_answer_htmx_with_the_refreshed_summary(refs: Refs) -> None:
    workflow = example_workflow(refs, active=False)
    developer = client_as("developer")

    response = developer.post(action_url("deploy", workflow), **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.strip().startswith('<div id="workflow-summary">')
    assert 'class="badge active"' in html
    assert 'class="message success"' in html
    workflow.refresh_from_db()
    assert workflow.status == "active" and workflow.schedule.next_run is not None

    response = client_as("business").post(action_url("pause", workflow), **HTMX)
    workflow.refresh_from_db()
    assert workflow.status == "paused" and workflow.schedule.next_run is None


def test_actions_without_htmx_redirect_back_with_a_message(workflow: WorkflowDefinition) -> None:
    developer = client_as("developer")
    response = developer.post(action_url("archive", workflow), follow=True)
    assert response.redirect_chain == [(detail_url(workflow), 302)]
    assert 'class="message success"' in response.content.decode()
    workflow.refresh_from_db()
    assert workflow.status == "archived"
    # An archived workflow offers no actions at all.
    assert 'id="action-run-now"' not in response.content.decode()


def test_run_now_starts_one_execution_per_click(
    workflow: WorkflowDefinition, queued: dict[str, list[Any]]
) -> None:
    business = client_as("business")
    html = business.get(detail_url(workflow)).content.decode()
    key = re.search(r'name="idempotency_key" value="([0-9a-f]+)"', html).group(1)

    first = business.post(action_url("run-now", workflow), {"idempotency_key": key}, **HTMX)
    again = business.post(action_url("run-now", workflow), {"idempotency_key": key}, **HTMX)

    execution = WorkflowExecution.objects.get()
    assert execution.trigger == "manual" and execution.triggered_by == business.user
    target = reverse("executions:execution-detail", args=[execution.pk])
    assert first["HX-Redirect"] == again["HX-Redirect"] == target
    assert queued["runs"] == [([execution.pk],)]  # enqueued once

    # The next rendering of the form carries a new key: a later click is a new run.
    html = business.get(detail_url(workflow)).content.decode()
    new_key = re.search(r'name="idempotency_key" value="([0-9a-f]+)"', html).group(1)
    assert new_key != key
    response = business.post(action_url("run-now", workflow), {"idempotency_key": new_key})
    assert response.status_code == 302
    assert WorkflowExecution.objects.count() == 2


def test_run_now_refuses_an_archived_workflow(workflow: WorkflowDefinition) -> None:
    workflow_archive(workflow=workflow, by=None)
    # Developers see no button, but a stale form may still be posted.
    response = client_as("developer").post(
        action_url("run-now", workflow), {"idempotency_key": "abc"}, **HTMX
    )
    assert response.status_code == 200
    assert 'class="message error"' in response.content.decode()
    assert not WorkflowExecution.objects.exists()


# --- Test run --------------------------------------------------------------------------------


@pytest.fixture
def tested(workflow: WorkflowDefinition, refs: Refs) -> dict[str, Any]:
    """A test run of the running example where one customer has unsubscribed, and the form's
    template tries to smuggle a script into the page."""
    refs.order_form.body_html = (
        '<p>Hei {{ kunde_navn }}</p><script>alert("x")</script><img src="x" onerror="alert(1)">'
    )
    refs.order_form.save()
    Customer.objects.filter(pk=refs.customers[2].pk).update(
        unsubscribed_at=timezone.now() - dt.timedelta(days=1)
    )
    business = client_as("business")
    response = business.post(action_url("test", workflow))
    execution = WorkflowExecution.objects.get(is_test=True)
    return {"client": business, "response": response, "execution": execution}


def test_test_runs_the_workflow_and_opens_the_report(
    tested: dict[str, Any], workflow: WorkflowDefinition
) -> None:
    execution = tested["execution"]
    report_url = reverse("executions:workflow-test-run", args=[workflow.pk, execution.pk])
    assert tested["response"].status_code == 302
    assert tested["response"]["Location"] == report_url
    assert execution.trigger == "test" and execution.status == "completed"

    htmx = tested["client"].post(action_url("test", workflow), **HTMX)
    assert htmx["HX-Redirect"].startswith(f"/arbeidsflyter/{workflow.pk}/test/")


def test_the_test_run_page_shows_who_would_get_which_email_and_who_is_skipped(
    tested: dict[str, Any], workflow: WorkflowDefinition, refs: Refs
) -> None:
    execution = tested["execution"]
    url = reverse("executions:workflow-test-run", args=[workflow.pk, execution.pk])

    response = tested["client"].get(url)

    html = response.content.decode()
    assert response.status_code == 200
    first_step = html.split('id="step-1-heading"')[1].split('id="step-2-heading"')[0]
    for customer in refs.customers[:2]:
        assert customer.name in first_step and customer.email in first_step
    assert "Bestill nå" in first_step  # the rendered subject
    assert first_step.count("<iframe") == 2
    assert 'sandbox=""' in first_step
    srcdocs = [html_lib.unescape(s) for s in re.findall(r'srcdoc="([^"]*)"', first_step)]
    assert all("Hei Kunde" in doc for doc in srcdocs)
    assert not any("<script" in doc or "onerror" in doc for doc in srcdocs)
    # Kunde 2 has unsubscribed: skipped, with the reason in words.
    skipped = first_step.split("Hoppet over")[-1] if "Hoppet over" in first_step else first_step
    assert refs.customers[2].name in skipped
    assert "Unsubscribed" in html or "Avmeldt" in html


def test_the_test_run_fragment_is_the_report(
    tested: dict[str, Any], workflow: WorkflowDefinition
) -> None:
    execution = tested["execution"]
    url = reverse("executions:workflow-test-run", args=[workflow.pk, execution.pk])
    html = tested["client"].get(url, **HTMX).content.decode()
    assert "<html" not in html
    assert html.strip().startswith('<div id="test-report">')
    assert "<iframe" in html


def test_the_test_run_page_is_only_for_test_runs_of_that_workflow(
    tested: dict[str, Any], workflow: WorkflowDefinition, refs: Refs
) -> None:
    other = example_workflow(refs, name="En annen")
    execution = tested["execution"]
    real = WorkflowExecution.objects.create(
        workflow=workflow, trigger="manual", definition_snapshot={}
    )
    client = tested["client"]
    bad = [(other.pk, execution.pk), (workflow.pk, real.pk), (workflow.pk, 999999)]
    for workflow_pk, execution_pk in bad:
        url = reverse("executions:workflow-test-run", args=[workflow_pk, execution_pk])
        assert client.get(url).status_code == 404


def test_the_test_run_says_where_replies_go_the_steps_address_first(
    workflow: WorkflowDefinition, refs: Refs
) -> None:
    refs.order_form.reply_to = "salg@grossisten.example"
    refs.order_form.save()
    business = client_as("business")

    def first_step_of_a_test_run() -> str:
        business.post(action_url("test", workflow))
        execution = WorkflowExecution.objects.filter(is_test=True).latest("pk")
        url = reverse("executions:workflow-test-run", args=[workflow.pk, execution.pk])
        html = business.get(url).content.decode()
        return html.split('id="step-1-heading"')[1].split('id="step-2-heading"')[0]

    assert "Svar går til salg@grossisten.example" in first_step_of_a_test_run()

    step = workflow.steps.get(step_order=1)
    step.action_config = {**step.action_config, "reply_to": "ola@grossisten.example"}
    step.save()
    first_step = first_step_of_a_test_run()
    assert "Svar går til ola@grossisten.example" in first_step
    assert "salg@grossisten.example" not in first_step
