"""The email template admin saves through the services and previews through template_preview."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from django.urls import reverse

from templates_app.models import EmailTemplate
from tests.customers.factories import CustomerFactory
from tests.templates_app.factories import EmailTemplateFactory

pytestmark = pytest.mark.django_db

XSS_NAME = "<img src=x onerror=alert(1)>"
VALID = {
    "name": "Bestillingsskjema",
    "category": "bestilling",
    "subject": "Hei {{ kunde_navn }}",
    "body_html": '<p>Hei {{ kunde_navn }}!</p>\n<p><a href="{{ bestilling_link }}">Bestill</a></p>',
    "body_text": "",
    "variables": "kunde_navn, bestilling_link",
}


@pytest.fixture(autouse=True)
def english_and_fast(settings) -> None:
    settings.LANGUAGE_CODE = "en"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def change_url(template: EmailTemplate) -> str:
    return reverse("admin:templates_app_emailtemplate_change", args=[template.pk])


def field_errors(response: Any) -> dict[str, list[str]]:
    return {
        name: list(errors) for name, errors in response.context["adminform"].form.errors.items()
    }


def test_add_creates_the_template_through_the_service(admin_client):
    response = admin_client.post(reverse("admin:templates_app_emailtemplate_add"), VALID)

    assert response.status_code == 302, field_errors(response)
    template = EmailTemplate.objects.get()
    assert template.variables == ["kunde_navn", "bestilling_link"]
    assert template.subject == "Hei {{ kunde_navn }}"


def test_add_refuses_load_with_the_line_and_saves_nothing(admin_client):
    data = {**VALID, "body_html": "<p>Hei {{ kunde_navn }}</p>\n{% load static %}\n<p>x</p>"}

    response = admin_client.post(reverse("admin:templates_app_emailtemplate_add"), data)

    assert response.status_code == 200
    errors = field_errors(response)
    assert list(errors) == ["body_html"]
    assert "Line 2" in errors["body_html"][0]
    assert "load" in errors["body_html"][0]
    assert not EmailTemplate.objects.exists()


def test_change_refuses_a_forbidden_tag_and_keeps_the_saved_version(admin_client):
    template = EmailTemplateFactory(name="Påminnelse")
    before = template.body_html
    data = {
        **VALID,
        "name": "Påminnelse",
        "subject": "{% debug %}",
        "body_html": "{% load static %}",
    }

    response = admin_client.post(change_url(template), data)

    assert response.status_code == 200
    errors = field_errors(response)
    assert "Line 1" in errors["subject"][0]
    assert "Line 1" in errors["body_html"][0]
    template.refresh_from_db()
    assert template.body_html == before


def test_change_saves_through_the_service(admin_client):
    template = EmailTemplateFactory(name="Påminnelse")

    response = admin_client.post(change_url(template), {**VALID, "name": "Påminnelse"})

    assert response.status_code == 302, field_errors(response)
    template.refresh_from_db()
    assert template.body_html == VALID["body_html"]


def test_duplicate_name_is_reported_on_the_name_field(admin_client):
    EmailTemplateFactory(name="Bestillingsskjema")

    response = admin_client.post(reverse("admin:templates_app_emailtemplate_add"), VALID)

    assert response.status_code == 200
    assert list(field_errors(response)) == ["name"]
    assert EmailTemplate.objects.count() == 1


def test_preview_with_sample_data(admin_client):
    template = EmailTemplateFactory()

    response = admin_client.get(change_url(template))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Hei Kari Nordmann" in content
    assert re.search(r"<iframe sandbox [^>]*srcdoc=\"[^\"]*Kari Nordmann", content)


def test_preview_for_a_customer_escapes_the_name(admin_client):
    template = EmailTemplateFactory()
    customer = CustomerFactory(name=XSS_NAME)

    response = admin_client.get(change_url(template), {"preview_customer": customer.pk})

    content = response.content.decode()
    assert response.status_code == 200
    assert XSS_NAME not in content
    assert html.escape(XSS_NAME, quote=False) in content  # subject, text part and picker
    srcdoc = re.search(r'<iframe sandbox [^>]*srcdoc="([^"]*)"', content)
    assert srcdoc is not None
    # The attribute decodes to the sanitised email, in which the name is still escaped text.
    email_html = html.unescape(srcdoc.group(1))
    assert XSS_NAME not in email_html
    assert "&lt;img src=x onerror=alert(1)&gt;" in email_html
    assert f'<option value="{customer.pk}" selected>' in content


def test_preview_for_an_unknown_customer_says_so(admin_client):
    template = EmailTemplateFactory()

    response = admin_client.get(change_url(template), {"preview_customer": "999999"})

    assert response.status_code == 200
    assert "No customer with id 999999" in response.content.decode()


def test_the_admin_saves_and_checks_the_reply_to_address(admin_client):
    template = EmailTemplateFactory(name="Påminnelse")
    data = {**VALID, "name": "Påminnelse"}

    bad = admin_client.post(change_url(template), {**data, "reply_to": "ikke en adresse"})
    good = admin_client.post(change_url(template), {**data, "reply_to": "salg@grossisten.example"})

    assert bad.status_code == 200
    assert list(field_errors(bad)) == ["reply_to"]
    assert good.status_code == 302, field_errors(good)
    template.refresh_from_db()
    assert template.reply_to == "salg@grossisten.example"
    assert 'name="reply_to"' in admin_client.get(change_url(template)).content.decode()
