"""The business calendar: its page, its API and the admin; closed days move schedules."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from rest_framework.test import APIClient

from automation.models import ClosedDay, WorkflowSchedule
from automation.services import workflow_create, workflow_deploy
from tests.pages.workflow_helpers import client_as

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
API = "/api/v1/workflow-automation/calendar"


def api_as(role: str) -> APIClient:
    client = APIClient()
    client.force_authenticate(client_as(role).user)  # type: ignore[attr-defined]
    return client


def test_the_page_lists_the_year_s_holidays_and_closed_days_in_norwegian() -> None:
    ClosedDay.objects.create(
        name="Julestengt", start=dt.date(2026, 12, 24), end=dt.date(2027, 1, 1)
    )
    page = client_as("viewer").get("/kalender/?ar=2027").content.decode()

    assert "Andre påskedag" in page and "Grunnlovsdag" in page
    assert "Julestengt" in page  # the range reaches into 2027
    assert "Helligdag" in page and "Stengt" in page
    assert 'name="start"' not in page  # a viewer only reads: no form to add closed days


def test_the_page_in_english_names_the_holidays_in_english() -> None:
    page = client_as("viewer", language="en").get("/kalender/?ar=2027").content.decode()
    assert "Easter Monday" in page


def test_a_business_user_adds_and_removes_closed_days_on_the_page() -> None:
    business = client_as("business")
    fragment = business.post(
        "/kalender/",
        {"name": "Sommerstengt", "start": "2027-07-12", "end": "2027-07-30", "ar": "2027"},
        **HTMX,
    ).content.decode()
    closed = ClosedDay.objects.get()
    assert (closed.name, closed.start, closed.end) == (
        "Sommerstengt",
        dt.date(2027, 7, 12),
        dt.date(2027, 7, 30),
    )
    assert "<html" not in fragment and "Sommerstengt" in fragment

    refused = business.post(
        "/kalender/", {"name": "Feil", "start": "2027-08-10", "end": "2027-08-01"}, **HTMX
    ).content.decode()
    assert "The last day cannot be before the first." in refused or "før den første" in refused
    assert ClosedDay.objects.count() == 1

    business.post(f"/kalender/stengt/{closed.pk}/slett/", **HTMX)
    assert not ClosedDay.objects.exists()


def test_a_viewer_may_not_add_closed_days() -> None:
    response = client_as("viewer").post(
        "/kalender/", {"name": "X", "start": "2027-07-12", "end": "2027-07-12"}
    )
    assert response.status_code == 403
    assert not ClosedDay.objects.exists()


def test_the_api_has_closed_days_crud_with_roles_as_for_templates() -> None:
    business, viewer = api_as("business"), api_as("viewer")
    created = business.post(
        f"{API}/closed-days",
        {"name": "Julestengt", "start": "2026-12-24", "end": "2027-01-01"},
        format="json",
    )
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    assert viewer.get(f"{API}/closed-days?year=2027").json()["results"][0]["name"] == "Julestengt"
    assert viewer.get(f"{API}/closed-days?year=2025").json()["results"] == []
    assert viewer.delete(f"{API}/closed-days/{pk}").status_code == 403

    bad = business.patch(f"{API}/closed-days/{pk}", {"end": "2026-12-01"}, format="json")
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["path"] == "/end"
    assert (
        business.patch(f"{API}/closed-days/{pk}", {"name": "Jul"}, format="json").json()["name"]
        == "Jul"
    )
    assert business.delete(f"{API}/closed-days/{pk}").status_code == 204


def test_the_api_lists_the_year_s_public_holidays() -> None:
    body = api_as("viewer").get(f"{API}/holidays?year=2027").json()
    assert body["country"] == "NO" and body["year"] == 2027
    days = {item["date"]: item for item in body["holidays"]}
    assert days["2027-03-29"]["name"] == "Andre påskedag"
    assert days["2027-03-29"]["name_en"] == "Easter Monday"


def test_adding_closed_days_moves_the_next_run_of_a_schedule_that_skips_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from django.utils import timezone

    from tests.templates_app.factories import EmailTemplateFactory

    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2027, 7, 1, 12, tzinfo=dt.UTC))
    doc = {
        "name": "Mandagsskjema",
        "workflow_type": "scheduled",
        "schedule": {
            "schedule_type": "weekly",
            "schedule_config": {"day": "monday", "time": "09:00"},
            "holiday_policy": "skip",
        },
        "steps": [
            {
                "step_type": "send_email",
                "action_config": {
                    "template_id": EmailTemplateFactory().pk,
                    "recipients": {"group": "all"},
                },
            }
        ],
    }
    workflow = workflow_deploy(workflow=workflow_create(created_by=None, data=doc), by=None)
    schedule = WorkflowSchedule.objects.get(workflow=workflow)
    assert schedule.next_run == dt.datetime(2027, 7, 5, 7, tzinfo=dt.UTC)

    api_as("business").post(
        f"{API}/closed-days",
        {"name": "Sommerstengt", "start": "2027-07-05", "end": "2027-07-16"},
        format="json",
    )

    schedule.refresh_from_db()
    # The Mondays 5 and 12 July are closed and skipped: the dispatcher next looks at the
    # first skip (to record it), on 5 July at 09:00.
    assert schedule.next_run == dt.datetime(2027, 7, 5, 7, tzinfo=dt.UTC)

    doc["schedule"]["holiday_policy"] = "next_business_day"
    from automation.services import workflow_update

    workflow_update(workflow=workflow, data=doc, updated_by=None, expected_version=None)
    schedule.refresh_from_db()
    # Moved to the next business day, Monday 5 July would reach the next Monday's run: it
    # is skipped, and so is the 12th; the first run is on the 19th.
    assert schedule.holiday_policy == "next_business_day"
    assert schedule.next_run == dt.datetime(2027, 7, 5, 7, tzinfo=dt.UTC)


def test_staff_edit_closed_days_in_the_admin(admin_client: Client) -> None:
    response = admin_client.post(
        "/admin/automation/closedday/add/",
        {"name": "Påskestengt", "start": "2027-03-22", "end": "2027-03-24"},
    )
    assert response.status_code == 302
    assert ClosedDay.objects.get().name == "Påskestengt"
    refused = admin_client.post(
        "/admin/automation/closedday/add/",
        {"name": "Feil", "start": "2027-03-24", "end": "2027-03-22"},
    )
    assert refused.status_code == 200 and ClosedDay.objects.count() == 1
