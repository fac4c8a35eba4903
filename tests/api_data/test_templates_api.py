"""Email templates over the API: CRUD, preview, roles, and the sandbox's errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from automation.models import WorkflowStep
from templates_app.models import EmailTemplate
from tests.api_data.conftest import error_paths, url
from tests.automation.factories import WorkflowDefinitionFactory
from tests.customers.factories import CustomerFactory
from tests.templates_app.factories import EmailTemplateFactory

pytestmark = pytest.mark.django_db

Api = Callable[[str | None], Any]

GOOD = {
    "name": "Bestillingsskjema",
    "subject": "Ukens bestilling, {{ kunde_navn }}",
    "body_html": (
        '<p>Hei {{ kunde_navn }}!</p><p><a href="{{ bestilling_link }}">Bestill</a></p>'
        '<p><a href="{{ avmeldingslenke }}">Meld deg av</a></p>'
    ),
    "variables": ["kunde_navn", "bestilling_link"],
    "category": "bestilling",
}


def test_business_creates_a_template(api: Api) -> None:
    response = api("business").post(url("templates"), GOOD, format="json")

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["name"] == "Bestillingsskjema"
    assert EmailTemplate.objects.get(pk=body["id"]).subject == GOOD["subject"]


def test_template_outside_the_sandbox_is_refused_with_every_problem(api: Api) -> None:
    data = {
        **GOOD,
        "subject": "{{ settings.SECRET_KEY }}",
        "body_html": "{% load static %}<p>{{ ukjent }}</p>",
    }

    response = api("business").post(url("templates"), data, format="json")

    assert response.status_code == 400
    paths = error_paths(response)
    assert "/subject" in paths
    assert "/body_html" in paths
    assert all(item.get("line") == 1 for item in response.json()["errors"])
    assert not EmailTemplate.objects.exists()


def test_missing_fields_are_reported_as_json_pointers(api: Api) -> None:
    response = api("business").post(url("templates"), {"name": "x"}, format="json")

    assert response.status_code == 400
    assert {"/subject", "/body_html"} <= set(error_paths(response))


def test_viewer_reads_but_cannot_write(api: Api) -> None:
    template = EmailTemplateFactory()
    viewer = api("viewer")

    listing = viewer.get(url("templates"))
    assert listing.status_code == 200
    assert [t["id"] for t in listing.json()["results"]] == [template.pk]
    assert viewer.get(url(f"templates/{template.pk}")).status_code == 200

    refused = viewer.post(url("templates"), GOOD, format="json")
    assert refused.status_code == 403
    assert error_paths(refused) == {"": "permission_denied"}
    assert (
        viewer.patch(url(f"templates/{template.pk}"), {"subject": "x"}, format="json").status_code
        == 403
    )
    assert viewer.delete(url(f"templates/{template.pk}")).status_code == 403


def test_anonymous_gets_401(api: Api) -> None:
    response = api(None).get(url("templates"))

    assert response.status_code == 401
    assert error_paths(response) == {"": "not_authenticated"}


def test_list_filters_by_category_and_search(api: Api) -> None:
    EmailTemplateFactory(name="Påminnelse torsdag", category="reminder")
    EmailTemplateFactory(name="Skjema mandag", category="bestilling")

    by_category = api("viewer").get(url("templates"), {"category": "reminder"}).json()
    by_search = api("viewer").get(url("templates"), {"search": "mandag"}).json()

    assert [t["name"] for t in by_category["results"]] == ["Påminnelse torsdag"]
    assert [t["name"] for t in by_search["results"]] == ["Skjema mandag"]


def test_unknown_template_is_404_in_the_error_shape(api: Api) -> None:
    response = api("viewer").get(url("templates/999999"))

    assert response.status_code == 404
    assert error_paths(response) == {"": "not_found"}


def test_patch_changes_one_field_and_invalid_patch_changes_nothing(api: Api) -> None:
    template = EmailTemplateFactory(subject="Hei {{ kunde_navn }}")
    client = api("business")

    ok = client.patch(url(f"templates/{template.pk}"), {"subject": "Ny uke"}, format="json")
    bad = client.patch(
        url(f"templates/{template.pk}"), {"subject": "{{ kunde_navn.pk }}"}, format="json"
    )

    assert ok.status_code == 200
    assert ok.json()["subject"] == "Ny uke"
    assert bad.status_code == 400
    assert "/subject" in error_paths(bad)
    template.refresh_from_db()
    assert template.subject == "Ny uke"


def test_put_replaces_the_template(api: Api) -> None:
    template = EmailTemplateFactory(category="reminder", variables=["kunde_navn", "uke"])

    response = api("business").put(url(f"templates/{template.pk}"), GOOD, format="json")

    assert response.status_code == 200, response.content
    template.refresh_from_db()
    assert (template.name, template.category) == ("Bestillingsskjema", "bestilling")
    assert template.variables == GOOD["variables"]


def test_delete_removes_an_unused_template_and_refuses_a_used_one(api: Api) -> None:
    unused = EmailTemplateFactory()
    used = EmailTemplateFactory()
    workflow = WorkflowDefinitionFactory()
    WorkflowStep.objects.create(
        workflow=workflow,
        step_order=1,
        step_type="send_email",
        template=used,
        action_config={"template_id": used.pk, "recipients": {"group": "all"}},
    )
    client = api("business")

    assert client.delete(url(f"templates/{unused.pk}")).status_code == 204
    refused = client.delete(url(f"templates/{used.pk}"))

    assert refused.status_code == 409
    assert error_paths(refused) == {"": "template_in_use"}
    assert list(EmailTemplate.objects.all()) == [used]


# --- Preview ----------------------------------------------------------------------------------


def test_preview_escapes_a_hostile_customer_name(api: Api) -> None:
    template = EmailTemplateFactory()
    customer = CustomerFactory(name='<script>alert("x")</script><img src=x onerror=alert(1)>')

    response = api("viewer").post(
        url(f"templates/{template.pk}/preview"), {"customer_id": customer.pk}, format="json"
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == {"subject", "text", "preview_html", "headers"}  # never raw "html"
    assert "<script" not in body["preview_html"]
    assert "<img" not in body["preview_html"]
    assert "&lt;img" in body["preview_html"]  # shown as text, not an element
    assert "&lt;script&gt;" in body["preview_html"]
    assert body["headers"]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_preview_without_customer_uses_the_sample_customer_and_given_variables(
    api: Api,
) -> None:
    template = EmailTemplateFactory(
        body_html='<p>{{ kunde_navn }}: uke {{ uke }}</p><a href="{{ avmeldingslenke }}">x</a>',
        variables=["kunde_navn", "uke"],
    )

    response = api("business").post(
        url(f"templates/{template.pk}/preview"), {"variables": {"uke": "<b>14</b>"}}, format="json"
    )

    assert response.status_code == 200
    html = response.json()["preview_html"]
    assert "Kari Nordmann" in html
    assert "&lt;b&gt;14&lt;/b&gt;" in html


def test_preview_for_an_unknown_customer_is_404(api: Api) -> None:
    template = EmailTemplateFactory()

    response = api("viewer").post(
        url(f"templates/{template.pk}/preview"), {"customer_id": 999999}, format="json"
    )

    assert response.status_code == 404


def test_preview_of_unsaved_template_checks_it_like_a_save(api: Api) -> None:
    client = api("business")

    ok = client.post(url("templates/preview"), {"template": GOOD}, format="json")
    bad = client.post(
        url("templates/preview"),
        {"template": {**GOOD, "body_html": "{% include 'x.html' %}"}},
        format="json",
    )

    assert ok.status_code == 200
    assert "Kari Nordmann" in ok.json()["preview_html"]
    assert bad.status_code == 400
    assert "/body_html" in error_paths(bad)
    assert not EmailTemplate.objects.exists()


# --- Reply-To -------------------------------------------------------------------------------


def test_the_reply_to_address_is_written_read_and_previewed(api: Api, settings) -> None:
    settings.DEFAULT_REPLY_TO = "svar@grossisten.example"
    client = api("business")

    created = client.post(
        url("templates"), {**GOOD, "reply_to": " salg@grossisten.example "}, format="json"
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert created.json()["reply_to"] == "salg@grossisten.example"
    assert EmailTemplate.objects.get(pk=pk).reply_to == "salg@grossisten.example"
    preview = client.post(url(f"templates/{pk}/preview"), {}, format="json")
    assert preview.json()["headers"]["Reply-To"] == "salg@grossisten.example"

    # Emptied: the default applies again.
    cleared = client.patch(url(f"templates/{pk}"), {"reply_to": ""}, format="json")
    assert cleared.status_code == 200
    assert cleared.json()["reply_to"] == ""
    preview = client.post(url(f"templates/{pk}/preview"), {}, format="json")
    assert preview.json()["headers"]["Reply-To"] == "svar@grossisten.example"


def test_without_any_reply_to_address_the_preview_has_no_reply_to(api: Api, settings) -> None:
    settings.DEFAULT_REPLY_TO = ""
    template = EmailTemplateFactory()

    preview = api("business").post(url(f"templates/{template.pk}/preview"), {}, format="json")

    assert "Reply-To" not in preview.json()["headers"]


@pytest.mark.parametrize(
    "address", ["ikke-en-adresse", "a@b.no\r\nBcc: alle@example.com", "x" * 250 + "@b.no"]
)
def test_a_bad_reply_to_address_is_refused_and_nothing_changes(api: Api, address: str) -> None:
    template = EmailTemplateFactory(reply_to="salg@grossisten.example")

    response = api("business").patch(
        url(f"templates/{template.pk}"), {"reply_to": address}, format="json"
    )

    assert response.status_code == 400
    assert "/reply_to" in error_paths(response)
    template.refresh_from_db()
    assert template.reply_to == "salg@grossisten.example"


def test_put_without_reply_to_clears_it(api: Api) -> None:
    template = EmailTemplateFactory(reply_to="salg@grossisten.example")

    response = api("business").put(url(f"templates/{template.pk}"), GOOD, format="json")

    assert response.status_code == 200
    template.refresh_from_db()
    assert template.reply_to == ""
