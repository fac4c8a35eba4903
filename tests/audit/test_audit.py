"""The audit trail: each entry point records its name and who acted, in the change's own
transaction, and only staff read it (admin, read-only; ``GET /audit``)."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.db import transaction
from django.urls import reverse
from rest_framework.test import APIClient

from ai_assistant.models import ChatSession, DraftOrigin
from audit.models import AuditEvent
from audit.recording import HIDDEN, audit_changes, audit_entry_point, audit_record, masked
from automation.closed_days import closed_day_create
from automation.models import ClosedDay, WorkflowDefinition
from automation.services import workflow_create
from customers.models import CustomerGroup
from tests.api.conftest import bearer, make_user
from tests.automation.workflow_docs import Refs, make_refs, running_example
from tests.pages.workflow_helpers import HTMX, client_as

pytestmark = pytest.mark.django_db

API = "/api/v1/workflow-automation"
GOOD_PYTHON = """\
flow = workflow("Skriptet bestilling", schedule=weekly("monday", "09:00"))
flow.send_email(template="Bestillingsskjema", to=group("all"), when=on("monday", "09:00"))
"""


@pytest.fixture(autouse=True)
def _setup(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.AI_PROVIDER = "offline"
    settings.OPENAI_API_KEY = ""
    settings.ANTHROPIC_API_KEY = ""


@pytest.fixture
def refs() -> Refs:
    return make_refs()


def api_as(user: User) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=bearer(user))
    return client


def events_of(object_type: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(object_type=object_type).order_by("pk"))


# --- Each entry point records itself and its user --------------------------------------------


def test_an_admin_change_is_recorded_as_admin_with_the_admin_user(admin_client, admin_user):
    group = CustomerGroup.objects.create(name="Butikker", slug="butikker")

    response = admin_client.post(
        reverse("admin:customers_customergroup_change", args=[group.pk]),
        {"name": "Kafeer", "slug": "butikker", "description": ""},
    )

    assert response.status_code == 302
    (event,) = events_of("customers.customergroup")
    assert (event.entry_point, event.action) == ("admin", "update")
    assert (event.actor, event.actor_name) == (admin_user, admin_user.username)
    assert event.object_id == str(group.pk) and event.object_repr == "Kafeer"
    assert event.changes == {"name": {"old": "Butikker", "new": "Kafeer"}}


def test_a_closed_day_added_and_deleted_in_the_admin_is_recorded(admin_client, admin_user):
    admin_client.post(
        reverse("admin:automation_closedday_add"),
        {"name": "Inventar", "start": "04.01.2027", "end": "05.01.2027"},
    )
    closed = ClosedDay.objects.get()
    admin_client.post(
        reverse("admin:automation_closedday_delete", args=[closed.pk]), {"post": "yes"}
    )

    created, deleted = events_of("automation.closedday")
    assert (created.action, deleted.action) == ("create", "delete")
    assert {created.entry_point, deleted.entry_point} == {"admin"}
    assert {created.actor_id, deleted.actor_id} == {admin_user.pk}
    assert created.changes["start"] == {"old": None, "new": "2027-01-04"}
    assert deleted.changes["name"] == {"old": "Inventar", "new": None}


def test_a_template_saved_on_its_page_is_recorded_as_pages(refs: Refs):
    business = client_as("business")

    business.post(
        reverse("templates_app:new"),
        {
            "name": "Velkommen",
            "category": "bestilling",
            "subject": "Velkommen, {{ kunde_navn }}",
            "body_html": "<p>Hei {{ kunde_navn }}</p>",
            "body_text": "",
            "variables": "",
        },
    )

    (event,) = events_of("templates_app.emailtemplate")
    assert (event.entry_point, event.action, event.actor) == ("pages", "create", business.user)
    assert event.changes["subject"]["new"] == "Velkommen, {{ kunde_navn }}"


def test_an_api_patch_of_a_workflow_is_recorded_as_api_with_the_token_s_user(refs: Refs):
    developer = make_user("developer")
    workflow = workflow_create(created_by=developer, data=running_example(refs))

    response = api_as(developer).patch(
        f"{API}/workflows/{workflow.pk}", {"name": "Ny bestilling"}, format="json"
    )

    assert response.status_code == 200, response.content
    created, updated = events_of("automation.workflowdefinition")
    assert created.entry_point == "system"  # the service called without a request
    assert (updated.entry_point, updated.action, updated.actor) == ("api", "update", developer)
    assert updated.changes == {
        "version": {"old": 1, "new": 2},
        "name": {"old": running_example(refs)["name"], "new": "Ny bestilling"},
    }


def test_an_ai_confirm_is_recorded_as_ai(refs: Refs):
    developer = client_as("developer")
    developer.post(
        reverse("ai_assistant:chat-message"),
        {"text": "Send skjema mandag, påminnelse torsdag", "session": ""},
        **HTMX,
    )
    session = ChatSession.objects.get()
    developer.post(
        reverse("ai_assistant:chat-confirm"), {"session": session.pk, "activate": "1"}, **HTMX
    )

    events = events_of("automation.workflowdefinition")
    assert [e.action for e in events] == ["create", "deploy"]
    assert {e.entry_point for e in events} == {"ai"}
    assert {e.actor for e in events} == {developer.user}
    assert events[1].changes == {"status": {"old": "draft", "new": "active"}}


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_a_script_saved_in_the_editor_is_recorded_as_dsl(refs: Refs, htmx: bool):
    developer = client_as("developer")

    response = developer.post(
        reverse("ai_assistant:script-editor"),
        {"language": "python", "source": GOOD_PYTHON},
        **(HTMX if htmx else {}),
    )

    assert response.status_code == (200 if htmx else 302)
    assert not htmx or response.headers["HX-Redirect"]
    (event,) = events_of("automation.workflowdefinition")
    assert (event.entry_point, event.action, event.actor) == ("dsl", "create", developer.user)
    assert event.object_repr == "Skriptet bestilling"


# --- A script saved through the chat's confirm is the DSL's -------------------------------------


def _script_into(client: APIClient, session_id: int) -> None:
    response = client.post(
        f"{API}/ai/execute-script",
        {"language": "python", "source": GOOD_PYTHON, "session_id": session_id},
        format="json",
    )
    assert response.status_code == 200, response.content


def _chat_turn(client: APIClient, text: str, session_id: int | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"text": text}
    if session_id is not None:
        body["session_id"] = session_id
    response = client.post(f"{API}/ai/parse-description", body, format="json")
    assert response.status_code == 200, response.content
    return response.json()


def test_a_script_confirmed_on_the_api_is_recorded_as_dsl(refs: Refs):
    developer = make_user("developer")
    client = api_as(developer)
    # A conversation that began in words; the script replaces its draft.
    session_id = _chat_turn(client, "Send skjema mandag, påminnelse torsdag")["session_id"]
    _script_into(client, session_id)

    response = client.post(
        f"{API}/ai/confirm", {"session_id": session_id, "activate": True}, format="json"
    )

    assert response.status_code == 201, response.content
    events = events_of("automation.workflowdefinition")
    assert [(e.action, e.entry_point) for e in events] == [("create", "dsl"), ("deploy", "dsl")]
    assert {e.actor for e in events} == {developer}
    assert events[0].object_repr == "Skriptet bestilling"


def test_a_script_draft_confirmed_on_the_chat_page_is_recorded_as_dsl(refs: Refs):
    developer = client_as("developer")
    developer.post(
        reverse("ai_assistant:chat-message"),
        {"text": "Send skjema mandag, påminnelse torsdag", "session": ""},
        **HTMX,
    )
    session = ChatSession.objects.get()
    _script_into(api_as(developer.user), session.pk)

    developer.post(reverse("ai_assistant:chat-confirm"), {"session": session.pk}, **HTMX)

    (event,) = events_of("automation.workflowdefinition")
    assert (event.entry_point, event.action, event.actor) == ("dsl", "create", developer.user)
    assert event.object_repr == "Skriptet bestilling"


def test_a_script_that_changes_a_saved_workflow_is_recorded_as_dsl(refs: Refs):
    developer = make_user("developer")
    workflow = workflow_create(created_by=developer, data=running_example(refs))
    client = api_as(developer)
    edit = client.post(f"{API}/ai/edit", {"workflow_id": workflow.pk}, format="json")
    session_id = edit.json()["session_id"]
    _script_into(client, session_id)

    response = client.post(f"{API}/ai/confirm", {"session_id": session_id}, format="json")

    assert response.status_code == 201, response.content
    created, updated = events_of("automation.workflowdefinition")
    assert created.entry_point == "system"
    assert (updated.entry_point, updated.action, updated.actor) == ("dsl", "update", developer)
    assert updated.changes["name"] == {
        "old": running_example(refs)["name"],
        "new": "Skriptet bestilling",
    }


def test_a_draft_the_assistant_makes_from_text_after_a_script_is_recorded_as_ai(refs: Refs):
    developer = make_user("developer")
    client = api_as(developer)
    session_id = _chat_turn(client, "Send skjema mandag, påminnelse torsdag")["session_id"]
    _script_into(client, session_id)
    assert ChatSession.objects.get(pk=session_id).draft_origin == "dsl"

    reply = _chat_turn(client, "Hver dag kl 06:00 send dagens tilbud til kafeene", session_id)
    client.post(f"{API}/ai/confirm", {"session_id": session_id}, format="json")

    assert reply["kind"] == "workflow", reply
    assert ChatSession.objects.get(pk=session_id).draft_origin == "ai"
    (event,) = events_of("automation.workflowdefinition")
    assert (event.entry_point, event.action) == ("ai", "create")
    assert event.object_repr != "Skriptet bestilling"


def test_every_origin_a_draft_can_have_is_an_audit_entry_point():
    assert set(DraftOrigin.values) <= set(AuditEvent.EntryPoint.values)
    assert ChatSession().draft_origin == AuditEvent.EntryPoint.AI


def test_pausing_and_archiving_on_the_api_are_recorded(refs: Refs):
    developer = make_user("developer")
    workflow = workflow_create(created_by=developer, data=running_example(refs))
    client = api_as(developer)

    client.post(f"{API}/workflows/{workflow.pk}/pause")
    client.delete(f"{API}/workflows/{workflow.pk}")

    actions = [(e.action, e.entry_point) for e in events_of("automation.workflowdefinition")]
    assert actions == [("create", "system"), ("pause", "api"), ("archive", "api")]


# --- Only what was committed ------------------------------------------------------------------


def test_a_change_that_rolls_back_leaves_no_audit_event(refs: Refs):
    with pytest.raises(RuntimeError), transaction.atomic():
        closed_day_create(name="Inventar", start="2027-01-04", end="2027-01-05")
        workflow_create(created_by=None, data=running_example(refs))
        raise RuntimeError("the caller's transaction fails after the services ran")

    assert not ClosedDay.objects.exists() and not WorkflowDefinition.objects.exists()
    assert not AuditEvent.objects.exclude(object_type="auth.user").exists()


def test_a_refused_change_records_nothing(refs: Refs):
    business = make_user("business")
    workflow = workflow_create(created_by=business, data=running_example(refs))
    before = AuditEvent.objects.count()

    response = api_as(business).patch(
        f"{API}/workflows/{workflow.pk}", {"steps": "not a list"}, format="json"
    )

    assert response.status_code == 400
    assert AuditEvent.objects.count() == before


# --- Roles ------------------------------------------------------------------------------------


def test_a_role_group_and_its_permissions_added_in_the_admin_are_recorded(admin_client, admin_user):
    permission = Permission.objects.get(codename="view_workflowdefinition")

    admin_client.post(
        reverse("admin:auth_group_add"), {"name": "Regnskap", "permissions": [permission.pk]}
    )

    created, permissions = events_of("auth.group")
    assert created.changes == {"name": {"old": None, "new": "Regnskap"}}
    assert permissions.changes == {
        "permissions_added": {"old": None, "new": ["view_workflowdefinition"]}
    }
    assert {created.entry_point, permissions.entry_point} == {"admin"}
    assert {created.actor, permissions.actor} == {admin_user}


def test_adding_and_removing_a_user_s_role_is_recorded_never_the_password():
    user = User.objects.create_user("kari", password="correct horse battery staple")
    business = Group.objects.get(name="business")

    with audit_entry_point("admin"):
        user.groups.add(business)
        business.user_set.remove(user)
        user.is_staff = True
        user.set_password("another secret password")
        user.save()

    added = AuditEvent.objects.get(action="add_member")
    removed = AuditEvent.objects.get(action="remove_member")
    staff = AuditEvent.objects.get(action="update", object_type="auth.user")
    assert added.changes == {"groups_added": {"old": None, "new": ["business"]}}
    assert removed.object_type == "auth.group"
    assert removed.changes == {"users_removed": {"old": None, "new": ["kari"]}}
    assert staff.changes == {"is_staff": {"old": False, "new": True}}
    assert {added.entry_point, removed.entry_point, staff.entry_point} == {"admin"}
    assert "pbkdf2" not in str(list(AuditEvent.objects.values_list("changes", flat=True)))


# --- Secrets never recorded -------------------------------------------------------------------


def test_secret_values_are_masked_wherever_they_are():
    value = {
        "headers": {"Authorization": "Bearer abc", "Accept": "json", "X-Api-Key": "k"},
        "steps": [{"action_config": {"password": "p", "note": "Basic dXNlcjpwYXNz"}}],
        "token": "",
    }

    assert masked(value) == {
        "headers": {"Authorization": HIDDEN, "Accept": "json", "X-Api-Key": HIDDEN},
        "steps": [{"action_config": {"password": HIDDEN, "note": HIDDEN}}],
        "token": "",
    }


def test_a_secret_field_records_only_that_it_changed():
    changes = audit_changes({"password": "old", "name": "a"}, {"password": "new", "name": "a"})
    assert changes == {"password": {"old": HIDDEN, "new": HIDDEN}}

    event = audit_record(
        action="update", object_type="x.y", changes={"api_key": {"old": "a", "new": "b"}}
    )
    assert event.changes == {"api_key": {"old": HIDDEN, "new": HIDDEN}}


# --- Reading it: staff only, read-only ----------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [(None, 401), ("viewer", 403), ("business", 403), ("developer", 403), ("staff", 200)],
)
def test_only_staff_read_the_audit_trail_on_the_api(role: str | None, status: int):
    client = api_as(make_user(role)) if role else APIClient()

    response = client.get(f"{API}/audit")

    assert response.status_code == status, response.content


def test_the_api_lists_newest_first_and_filters(admin_user):
    client = api_as(make_user("staff"))
    audit_record(action="create", object_type="automation.closedday", object_repr="Inventar")
    with audit_entry_point("dsl"):
        audit_record(
            action="update",
            object_type="automation.workflowdefinition",
            object_id=7,
            object_repr="Ukentlig",
            actor=admin_user,
        )
    base = AuditEvent.objects.exclude(object_type__startswith="auth.").count()

    everything = client.get(f"{API}/audit").json()
    dsl = client.get(f"{API}/audit", {"entry_point": "dsl"}).json()
    by_actor = client.get(f"{API}/audit", {"actor": admin_user.pk}).json()
    by_object = client.get(
        f"{API}/audit", {"object_type": "automation.workflowdefinition", "object_id": "7"}
    ).json()
    searched = client.get(f"{API}/audit", {"search": "inventar"}).json()
    future = client.get(f"{API}/audit", {"since": "2999-01-01T00:00:00Z"}).json()
    bad = client.get(f"{API}/audit", {"entry_point": "telefon"})

    assert base == 2
    assert everything["results"][0]["object_repr"] == "Ukentlig"  # newest first
    assert [e["object_repr"] for e in dsl["results"]] == ["Ukentlig"]
    assert dsl["results"][0]["actor"] == admin_user.pk
    assert dsl["results"][0]["actor_name"] == admin_user.username
    assert [e["object_repr"] for e in by_actor["results"]] == ["Ukentlig"]
    assert [e["object_repr"] for e in by_object["results"]] == ["Ukentlig"]
    assert [e["object_repr"] for e in searched["results"]] == ["Inventar"]
    assert future["results"] == []
    assert bad.status_code == 400


def test_the_admin_shows_the_trail_but_nobody_adds_changes_or_deletes(admin_client):
    event = audit_record(action="create", object_type="automation.closedday", object_repr="Ferie")

    listing = admin_client.get(
        reverse("admin:audit_auditevent_changelist"), {"entry_point": "system"}
    )
    detail = admin_client.get(reverse("admin:audit_auditevent_change", args=[event.pk]))
    changed = admin_client.post(
        reverse("admin:audit_auditevent_change", args=[event.pk]), {"object_repr": "Endret"}
    )
    added = admin_client.get(reverse("admin:audit_auditevent_add"))
    deleted = admin_client.post(
        reverse("admin:audit_auditevent_delete", args=[event.pk]), {"post": "yes"}
    )

    assert listing.status_code == 200 and "Ferie" in listing.content.decode()
    assert detail.status_code == 200
    assert changed.status_code == 403 and added.status_code == 403 and deleted.status_code == 403
    event.refresh_from_db()
    assert event.object_repr == "Ferie"


def test_events_outlive_their_actor(admin_user):
    user = make_user("business", username="ola")
    event = audit_record(action="create", object_type="x.y", actor=user)

    user.delete()

    event.refresh_from_db()
    assert event.actor is None and event.actor_name == "ola"


def test_the_schema_documents_the_audit_list_with_its_filters():
    schema = APIClient().get("/api/schema/", {"format": "json"}).json()

    operation = schema["paths"][f"{API}/audit"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert names >= {"entry_point", "action", "object_type", "actor", "since", "until", "page"}
    assert set(operation["responses"]) >= {"200", "400", "401", "403"}
