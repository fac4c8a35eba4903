"""The workflow editor page: the form round trip, live checks with errors at their fields,
adding and moving steps, saving a new version, a stale edit, and who may edit what."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from automation.models import WorkflowDefinition
from automation.services import (
    workflow_archive,
    workflow_create,
    workflow_definition,
    workflow_update,
)
from tests.automation.workflow_docs import Refs, make_refs, running_example
from tests.pages.workflow_helpers import (
    HTMX,
    client_as,
    example_workflow,
    make_execution,
    no_celery,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def queued() -> Iterator[None]:
    with no_celery():
        yield


@pytest.fixture
def refs() -> Refs:
    return make_refs()


@pytest.fixture
def workflow(refs: Refs) -> WorkflowDefinition:
    return example_workflow(refs)


def edit_url(workflow: WorkflowDefinition) -> str:
    return reverse("automation:workflow-edit", args=[workflow.pk])


class FormReader(HTMLParser):
    """What a browser would post for ``#editor-form`` as rendered (no button pressed)."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self.select: str | None = None
        self.options: list[tuple[str, bool]] = []
        self.textarea: str | None = None
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("id") == "editor-form":
            self.inside = True
        if not self.inside or "disabled" in a:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.fields.append((a["name"], a.get("value", "on")))
            elif kind not in ("submit", "button"):
                self.fields.append((a["name"], a.get("value", "")))
        elif tag == "select":
            self.select, self.options = a.get("name"), []
            self.multiple = "multiple" in a
        elif tag == "option" and self.select:
            self.options.append((a.get("value", ""), "selected" in a))
        elif tag == "textarea":
            self.textarea, self.text = a.get("name"), ""

    def handle_data(self, data: str) -> None:
        if self.textarea:
            self.text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        if tag == "select" and self.select:
            chosen = [value for value, selected in self.options if selected]
            if not chosen and self.options and not self.multiple:
                chosen = [self.options[0][0]]
            self.fields += [(self.select, value) for value in chosen]
            self.select = None
        if tag == "textarea" and self.textarea:
            self.fields.append((self.textarea, html_lib.unescape(self.text)))
            self.textarea = None


def form_of(html: str) -> dict[str, Any]:
    reader = FormReader()
    reader.feed(html)
    data: dict[str, Any] = {}
    for name, value in reader.fields:
        if name in data:
            data[name] = (
                [*data[name], value] if isinstance(data[name], list) else [data[name], value]
            )
        else:
            data[name] = value
    return data


def load(client: Client, workflow: WorkflowDefinition) -> dict[str, Any]:
    response = client.get(edit_url(workflow))
    assert response.status_code == 200
    return form_of(response.content.decode())


def text_of(fragment: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", fragment))


# --- The page and the round trip -------------------------------------------------------------


def test_the_workflow_page_has_an_edit_button_for_business_users(
    workflow: WorkflowDefinition,
) -> None:
    detail = reverse("automation:workflow-detail", args=[workflow.pk])
    business = client_as("business").get(detail).content.decode()
    assert f'href="{edit_url(workflow)}" id="action-edit"' in business
    assert 'id="action-edit"' not in client_as("viewer").get(detail).content.decode()


def test_the_form_shows_the_workflow_in_fields_not_json(workflow: WorkflowDefinition) -> None:
    client = client_as("business")
    response = client.get(edit_url(workflow))
    page = response.content.decode()
    data = form_of(page)
    assert data["name"] == "Ukentlig bestilling"
    assert data["schedule_kind"] == "weekly"
    assert data["schedule_days"] == "monday"
    assert data["schedule_time"] == "09:00"
    assert data["step_count"] == "2"
    assert data["s1-name"] == "Påminnelse"
    assert data["s1-when"] == "day_time"
    assert (data["s1-trigger_day"], data["s1-trigger_time"]) == ("thursday", "15:00")
    assert data["s1-condition"] == "orders_missing"
    assert data["s1-who"] == "all"
    # The form is fields; the steps' JSON only travels in hidden inputs.
    assert page.count("<textarea") == 1  # the description
    assert "Husk å bestille" in page  # the reminder template's preview (its subject)
    assert "Mandag" in page  # next runs, in Norwegian


def test_posting_the_form_unchanged_saves_nothing(workflow: WorkflowDefinition) -> None:
    """The round trip: the document built from the form is the stored one, exactly."""
    client = client_as("business")
    data = load(client, workflow)
    response = client.post(edit_url(workflow), {**data, "save": "1"})
    assert response.status_code == 302
    workflow.refresh_from_db()
    assert workflow.version == 1
    assert "Ingenting ble endret" in client.get(response["Location"]).content.decode()


def test_moving_the_reminder_to_wednesday_saves_version_two(
    workflow: WorkflowDefinition, refs: Refs
) -> None:
    client = client_as("business")
    data = load(client, workflow)
    data.update({"s1-trigger_day": "wednesday", "s1-trigger_time": "12:00", "save": "1"})
    response = client.post(edit_url(workflow), data, **HTMX)
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("automation:workflow-detail", args=[workflow.pk])
    workflow.refresh_from_db()
    assert workflow.version == 2
    expected = running_example(refs)
    expected["steps"][1]["trigger_config"] = {"day": "wednesday", "time": "12:00"}
    saved = workflow_definition(workflow)
    assert saved["steps"][1]["trigger_config"] == {"day": "wednesday", "time": "12:00"}
    assert saved["steps"][0] == workflow.versions.get(version=1).definition["steps"][0]
    assert workflow.versions.get(version=2).created_by.username == "business-user"
    detail = client.get(response["HX-Redirect"]).content.decode()
    assert "Lagret som versjon 2" in detail


def test_an_active_workflow_says_the_edit_applies_from_the_next_run(
    workflow: WorkflowDefinition,
) -> None:
    make_execution(workflow, status="running")
    page = client_as("business").get(edit_url(workflow)).content.decode()
    assert "gjelder fra neste kjøring" in page
    assert "1 kjøring som pågår, beholder versjonen den startet med" in page


def test_the_schedule_is_edited_in_words_with_every_kind(workflow: WorkflowDefinition) -> None:
    client = client_as("business")
    data = load(client, workflow)
    cases = {
        "every_weeks": (
            {
                "schedule_days": "tuesday",
                "schedule_every_weeks": "2",
                "schedule_anchor": "2026-12-08",
            },
            {"day": "tuesday", "time": "09:00", "every_weeks": 2, "anchor": "2026-12-08"},
        ),
        "iso_weeks": (
            {"schedule_days": ["tuesday", "friday"], "schedule_iso_weeks": "odd"},
            {"days": ["tuesday", "friday"], "time": "09:00", "iso_weeks": "odd"},
        ),
        "monthly_nth": (
            {"schedule_nth": "-1", "schedule_weekday": "friday"},
            {"weekday": "friday", "nth": -1, "time": "09:00"},
        ),
        "monthly_business": (
            {"schedule_business_day": "1"},
            {"business_day": 1, "time": "09:00"},
        ),
        "business_days": ({}, {"time": "09:00", "business_days_only": True}),
        "monthly_day": (
            {"schedule_day_of_month": "last"},
            {"day_of_month": "last", "time": "09:00"},
        ),
    }
    version = 1
    for kind, (fields, config) in cases.items():
        post = {**data, "schedule_kind": kind, **fields}
        post.update({"holiday_policy": "next_business_day", "version": str(version), "save": "1"})
        response = client.post(edit_url(workflow), post)
        assert response.status_code == 302, (kind, response.content.decode()[:2000])
        workflow.refresh_from_db()
        version += 1
        assert workflow.version == version
        schedule = workflow_definition(workflow)["schedule"]
        assert schedule["schedule_config"] == config, kind
        assert schedule["holiday_policy"] == "next_business_day"
        # The form read back shows the kind it was saved as.
        assert load(client, workflow)["schedule_kind"] == kind


# --- Live checks: errors at their fields -------------------------------------------------------


def test_a_change_is_checked_live_and_errors_appear_at_their_fields(
    workflow: WorkflowDefinition,
) -> None:
    client = client_as("business")
    data = load(client, workflow)
    data.update(
        {
            "name": "",
            "s0-template_id": "",
            "schedule_kind": "every_weeks",
            "schedule_days": "tuesday",
            "schedule_anchor": "",
        }
    )
    response = client.post(edit_url(workflow), data, **HTMX)
    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<form id="editor-form"')  # the form only
    # Each problem sits right under its field (the field points at it for screen readers).
    name_error = fragment.split('id="f-name-error">', 1)[1].split("</p>", 1)[0]
    assert name_error
    assert 'aria-describedby="f-name-error"' in fragment
    assert 'id="f-anchor-error">' in fragment
    assert "anchor" in fragment.split('id="f-anchor-error">', 1)[1].split("</p>", 1)[0]
    card = fragment.split('id="step-', 1)[1].split("</li>", 1)[0]
    assert "-template-error" in card
    assert "3 problemer å rette; hvert er merket ved feltet sitt." in fragment
    workflow.refresh_from_db()
    assert workflow.version == 1  # checking saves nothing


def test_a_valid_change_updates_the_next_runs_and_the_preview(
    workflow: WorkflowDefinition,
) -> None:
    client = client_as("business")
    data = load(client, workflow)
    before = client.post(edit_url(workflow), data, **HTMX).content.decode()
    data.update({"s1-trigger_day": "wednesday", "s1-trigger_time": "12:00"})
    after = client.post(edit_url(workflow), data, **HTMX).content.decode()
    runs_before = text_of(before.split('id="editor-next-runs"', 1)[1].split("</section>", 1)[0])
    runs_after = text_of(after.split('id="editor-next-runs"', 1)[1].split("</section>", 1)[0])
    assert "Påminnelse: torsdag" in runs_before and "onsdag" not in runs_before
    assert "Påminnelse: onsdag" in runs_after and "torsdag" not in runs_after
    assert "12:00" in runs_after
    assert "Onsdag 12:00" in after.split('id="editor-preview"', 1)[1]
    assert "Kontrollert: arbeidsflyten er gyldig." in after


def test_a_save_with_errors_saves_nothing_and_shows_them(workflow: WorkflowDefinition) -> None:
    client = client_as("business")
    data = load(client, workflow)
    data.update({"s1-trigger_time": "25:99", "save": "1"})
    response = client.post(edit_url(workflow), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "-when-error" in page
    workflow.refresh_from_db()
    assert workflow.version == 1


# --- Steps: add, remove, move, on/off ---------------------------------------------------------


def test_steps_are_added_moved_switched_off_and_removed(workflow: WorkflowDefinition) -> None:
    client = client_as("business")
    data = load(client, workflow)

    moved = form_of(
        client.post(edit_url(workflow), {**data, "op": "down:0"}, **HTMX).content.decode()
    )
    assert (moved["s0-name"], moved["s1-name"]) == ("Påminnelse", "Send bestillingsskjema")
    # Each card's key (the ids of its fields) moves with it, so focus follows the step.
    assert (moved["s0-key"], moved["s1-key"]) == (data["s1-key"], data["s0-key"])
    back = form_of(
        client.post(edit_url(workflow), {**moved, "op": "up:1"}, **HTMX).content.decode()
    )
    assert (back["s0-name"], back["s1-name"]) == ("Send bestillingsskjema", "Påminnelse")

    added = form_of(
        client.post(
            edit_url(workflow), {**back, "op": "add", "new_step_type": "send_email"}, **HTMX
        ).content.decode()
    )
    assert added["step_count"] == "3"
    assert added["s2-step_type"] == "send_email"

    removed = form_of(
        client.post(edit_url(workflow), {**added, "op": "remove:0"}, **HTMX).content.decode()
    )
    assert removed["step_count"] == "2"
    assert removed["s0-name"] == "Påminnelse"

    back.pop("s1-is_active")  # unticked
    response = client.post(edit_url(workflow), {**back, "save": "1"})
    assert response.status_code == 302
    workflow.refresh_from_db()
    assert [s.is_active for s in workflow.steps.order_by("step_order")] == [True, False]


def test_recipients_can_be_a_group_specific_customers_or_an_earlier_step(
    workflow: WorkflowDefinition, refs: Refs
) -> None:
    client = client_as("business")
    refs.customers[0].groups.add(refs.group)
    data = load(client, workflow)
    page = client.post(edit_url(workflow), {**data, "s0-who": "group"}, **HTMX).content.decode()
    assert "Kafeer (1 kunde)" in page  # the group picker with its live count
    data.update({"s0-who": "group", "s0-group": "kafeer"})
    data.update({"s1-who": "customers", "s1-customer_ids": [str(c.pk) for c in refs.customers[:2]]})
    assert client.post(edit_url(workflow), {**data, "save": "1"}).status_code == 302
    steps = workflow_definition(WorkflowDefinition.objects.get(pk=workflow.pk))["steps"]
    assert steps[0]["action_config"]["recipients"] == {"group": "kafeer"}
    assert steps[1]["action_config"]["recipients"] == {
        "customer_ids": [c.pk for c in refs.customers[:2]]
    }
    # An earlier step's result: only steps that yield customers are offered, and the
    # validator's answer for a step that does not comes back at the "who" field.
    data = load(client, workflow)
    data.update({"s1-who": "from_step", "s1-from_step": "1"})
    fragment = client.post(edit_url(workflow), data, **HTMX).content.decode()
    card = fragment.split('id="step-' + data["s1-key"] + '"', 1)[1]
    assert "-who-error" in card


# --- Stale edits --------------------------------------------------------------------------------


def test_a_stale_save_shows_who_saved_in_between_and_what_changed(
    workflow: WorkflowDefinition, refs: Refs
) -> None:
    client = client_as("business")
    data = load(client, workflow)  # version 1
    other = User.objects.create_user(username="kari")
    theirs = running_example(refs)
    theirs["steps"][1]["trigger_config"] = {"day": "wednesday", "time": "12:00"}
    workflow_update(workflow=workflow, data=theirs, updated_by=other, expected_version=1)

    data.update({"name": "Ukentlig bestilling (ny)", "save": "1"})
    response = client.post(edit_url(workflow), data, **HTMX)
    fragment = response.content.decode()
    assert 'id="editor-conflict"' in fragment
    assert "Versjon 2: lagret av kari" in fragment
    theirs_list = fragment.split('id="conflict-theirs">', 1)[1].split("</ul>", 1)[0]
    assert "torsdag 15:00" in theirs_list and "onsdag 12:00" in theirs_list
    mine = fragment.split('id="conflict-mine">', 1)[1].split("</ul>", 1)[0]
    assert "Ukentlig bestilling (ny)" in mine
    workflow.refresh_from_db()
    assert (workflow.version, workflow.name) == (2, "Ukentlig bestilling")  # not overwritten

    # Keeping my changes on top of version 2 (that also reverts their reminder) and saving.
    kept = form_of(
        client.post(edit_url(workflow), {**data, "op": "rebase:2"}, **HTMX).content.decode()
    )
    assert kept["version"] == "2" and kept["name"] == "Ukentlig bestilling (ny)"
    assert client.post(edit_url(workflow), {**kept, "save": "1"}).status_code == 302
    workflow.refresh_from_db()
    assert (workflow.version, workflow.name) == (3, "Ukentlig bestilling (ny)")


# --- Roles ----------------------------------------------------------------------------------------


def test_viewers_may_not_open_or_post_the_editor(workflow: WorkflowDefinition) -> None:
    viewer = client_as("viewer")
    assert viewer.get(edit_url(workflow)).status_code == 403
    assert viewer.post(edit_url(workflow), {"save": "1"}).status_code == 403
    response = Client().get(edit_url(workflow))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_only_developers_may_add_integration_calls(
    workflow: WorkflowDefinition, refs: Refs
) -> None:
    business = client_as("business")
    page = business.get(edit_url(workflow)).content.decode()
    new_types = page.split('id="f-new-step-type"', 1)[1].split("</select>", 1)[0]
    assert 'value="send_email"' in new_types and 'value="call_integration"' not in new_types
    # Posted anyway: refused at the step's type field, live and on save.
    data = form_of(page)
    data.update({"s1-step_type": "call_integration", "save": "1"})
    fragment = business.post(edit_url(workflow), data, **HTMX).content.decode()
    assert "-type-error" in fragment and "utvikler" in fragment
    workflow.refresh_from_db()
    assert workflow.version == 1

    developer = Client(HTTP_ACCEPT_LANGUAGE="nb")
    developer.force_login(User.objects.create_user(username="dev", is_staff=False))
    developer_user = User.objects.get(username="dev")
    developer_user.groups.add(Group.objects.get_or_create(name="developer")[0])
    page = developer.get(edit_url(workflow)).content.decode()
    assert (
        'value="call_integration"' in page.split('id="f-new-step-type"', 1)[1].split("</select>")[0]
    )


def test_an_archived_workflow_cannot_be_edited(workflow: WorkflowDefinition) -> None:
    workflow_archive(workflow=workflow, by=None)
    client = client_as("business")
    response = client.get(edit_url(workflow))
    assert response.status_code == 302
    assert "arkivert" in client.get(response["Location"]).content.decode()


def test_the_page_and_the_fragment(workflow: WorkflowDefinition) -> None:
    client = client_as("business", language="en")
    page = client.get(edit_url(workflow)).content.decode()
    assert "<html" in page and "Edit Ukentlig bestilling" in page
    fragment = client.post(edit_url(workflow), load(client, workflow), **HTMX).content.decode()
    assert "<html" not in fragment and 'id="editor-form"' in fragment
    assert "Checked: the workflow is valid." in fragment


def test_an_event_workflow_keeps_its_event_and_the_event_customer(refs: Refs) -> None:
    doc = {
        "name": "Ordrebekreftelse",
        "workflow_type": "event_based",
        "event": {"type": "order.created"},
        "steps": [
            {
                "step_type": "send_email",
                "action_config": {
                    "template_id": refs.order_form.pk,
                    "recipients": {"event_customer": True},
                },
            }
        ],
    }
    workflow = workflow_create(created_by=None, data=doc)
    client = client_as("business")
    page = client.get(edit_url(workflow)).content.decode()
    assert "Når en kunde legger inn en ordre" in page
    data = form_of(page)
    assert data["s0-who"] == "event_customer"
    response = client.post(
        edit_url(workflow), {**data, "name": "Ordrebekreftelse (ny)", "save": "1"}
    )
    assert response.status_code == 302
    saved = workflow_definition(WorkflowDefinition.objects.get(pk=workflow.pk))
    assert saved["event"] == {"type": "order.created"}
    assert saved["steps"][0]["action_config"]["recipients"] == {"event_customer": True}
    assert saved["name"] == "Ordrebekreftelse (ny)"


def test_a_webhook_workflow_offers_the_webhooks_customer_and_saves_it(
    refs: Refs, workflow: WorkflowDefinition
) -> None:
    doc = {
        "name": "Lager lavt",
        "workflow_type": "event_based",
        "event": {"type": "webhook", "name": "lager-lavt"},
        "steps": [
            {
                "step_type": "send_email",
                "action_config": {
                    "template_id": refs.order_form.pk,
                    "recipients": {"group": "all"},
                },
            }
        ],
    }
    hook = workflow_create(created_by=None, data=doc)
    client = client_as("business")
    page = client.get(edit_url(hook)).content.decode()
    assert '<option value="event_customer">Kunden webhooken gjelder</option>' in page
    # A scheduled workflow has no event, so no event customer to offer.
    assert 'value="event_customer"' not in client.get(edit_url(workflow)).content.decode()

    response = client.post(
        edit_url(hook), {**form_of(page), "s0-who": "event_customer", "save": "1"}
    )

    assert response.status_code == 302
    saved = workflow_definition(WorkflowDefinition.objects.get(pk=hook.pk))
    assert saved["event"] == {"type": "webhook", "name": "lager-lavt"}
    assert saved["steps"][0]["action_config"]["recipients"] == {"event_customer": True}


def test_a_step_types_own_settings_are_fields_read_from_its_config(
    workflow: WorkflowDefinition,
) -> None:
    """A report step added in the form: its settings come from the step type's Config
    schema, its problems show at those fields, and it saves."""
    client = client_as("business")
    data = load(client, workflow)
    added = client.post(
        edit_url(workflow), {**data, "op": "add", "new_step_type": "generate_report"}, **HTMX
    ).content.decode()
    data = form_of(added)
    assert 'id="step-' + data["s2-key"] + '-cfg-report"' in added
    card = added.split('id="step-' + data["s2-key"] + '"', 1)[1]
    assert "-cfg-report-error" in card and "-cfg-send_to-error" in card  # both required

    data.update({"s2-cfg-report": "orders_missing", "s2-cfg-send_to": "salg@example.com, nope"})
    checked = client.post(edit_url(workflow), data, **HTMX).content.decode()
    card = checked.split('id="step-' + data["s2-key"] + '"', 1)[1].split("</li>", 1)[0]
    assert "-cfg-send_to-error" in card and "-cfg-report-error" not in card

    data.update({"s2-cfg-send_to": "salg@example.com, lager@example.com", "save": "1"})
    assert client.post(edit_url(workflow), data).status_code == 302
    step = workflow_definition(WorkflowDefinition.objects.get(pk=workflow.pk))["steps"][2]
    assert step["step_type"] == "generate_report"
    assert step["action_config"] == {
        "report": "orders_missing",
        "send_to": ["salg@example.com", "lager@example.com"],
    }


def test_the_new_steps_type_stays_chosen_through_a_live_check(
    workflow: WorkflowDefinition,
) -> None:
    """Choosing the type is a change the form checks; "Add step" then adds that type."""
    client = client_as("business")
    data = {**load(client, workflow), "new_step_type": "create_order"}
    fragment = client.post(edit_url(workflow), data, **HTMX).content.decode()
    assert form_of(fragment)["new_step_type"] == "create_order"
