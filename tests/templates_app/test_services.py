"""template_create / template_update refuse unsafe templates; template_preview for every door."""

from __future__ import annotations

import pytest
from django.utils import translation

from templates_app.models import EmailTemplate
from templates_app.services import (
    TemplateValidationError,
    email_address_suppress,
    email_allowed,
    template_create,
    template_preview,
    template_update,
)
from tests.customers.factories import CustomerFactory
from tests.templates_app.factories import EmailTemplateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_template_create_saves_a_valid_template():
    template = template_create(
        name="Ukens bestilling",
        subject="Hei {{ kunde_navn }}",
        body_html='<a href="{{ bestilling_link }}">Bestill</a>',
        variables=["kunde_navn"],
    )
    assert EmailTemplate.objects.get(pk=template.pk).subject == "Hei {{ kunde_navn }}"


def test_template_create_refuses_unsafe_template_and_saves_nothing():
    with pytest.raises(TemplateValidationError) as info:
        template_create(
            name="Farlig",
            subject="{{ settings.SECRET_KEY }}",
            body_html="<p>Hei</p>\n{% load static %}\n{% debug %}",
        )
    assert not EmailTemplate.objects.exists()
    error = info.value
    # Django's ValidationError shape, keyed by field, for forms and the admin...
    assert set(error.message_dict) == {"subject", "body_html"}
    assert error.error_dict["body_html"][0].params == {"line": 2}
    # ...and the workflow format's error list for the API.
    api = error.as_api_errors()
    assert [(item["path"], item["line"], item["code"]) for item in api] == [
        ("/subject", 1, "attribute_not_allowed"),
        ("/body_html", 2, "tag_not_allowed"),
        ("/body_html", 3, "tag_not_allowed"),
    ]


def test_template_create_reports_model_errors_with_template_errors():
    EmailTemplateFactory(name="Finnes")
    with pytest.raises(TemplateValidationError) as info:
        template_create(name="Finnes", subject="x", body_html="{{ ukjent }}")
    assert set(info.value.message_dict) == {"name", "body_html"}


def test_template_update_refuses_and_leaves_the_row_and_instance_unchanged():
    template = EmailTemplateFactory(body_html="<p>{{ kunde_navn }}</p>")
    with pytest.raises(TemplateValidationError):
        template_update(template=template, data={"body_html": "{% include 'x' %}"})
    template.refresh_from_db()
    assert template.body_html == "<p>{{ kunde_navn }}</p>"


def test_template_update_saves_valid_changes():
    template = EmailTemplateFactory()
    template_update(template=template, data={"subject": "  Ny uke, {{ kunde_navn }} "})
    assert template.subject == "Ny uke, {{ kunde_navn }}"
    template.refresh_from_db()
    assert template.subject == "Ny uke, {{ kunde_navn }}"


def test_preview_with_sample_data_and_unsaved_data():
    rendered = template_preview(
        template_or_data={
            "subject": "Hei {{ kunde_navn }}",
            "body_html": "<p>{{ kunde_navn }}, kode {{ kode }}</p>",
            "variables": ["kode"],
        }
    )
    assert rendered.subject == "Hei Kari Nordmann"
    assert rendered.html == "<p>Kari Nordmann, kode [kode]</p>"
    assert "List-Unsubscribe" in rendered.headers


def test_preview_with_a_chosen_customer_uses_their_signed_links():
    customer = CustomerFactory(name="Per Hansen")
    rendered = template_preview(template_or_data=EmailTemplateFactory(), customer=customer)
    assert "Per Hansen" in rendered.html
    assert "/k/bestill/eksempel/" not in rendered.html
    assert f"/k/avmeld/{customer.pk}:" in rendered.html


def test_preview_refuses_what_could_not_be_saved():
    with pytest.raises(TemplateValidationError):
        template_preview(template_or_data={"subject": "x", "body_html": "{{ x.y }}"})


def test_email_allowed_honours_unsubscribe_except_for_confirmations():
    from django.utils import timezone

    customer = CustomerFactory(unsubscribed_at=timezone.now())
    assert not email_allowed(template=EmailTemplateFactory(category="reminder"), customer=customer)
    assert email_allowed(template=EmailTemplateFactory(category="confirmation"), customer=customer)
    email_address_suppress(email=customer.email.upper(), reason="test")
    customer.refresh_from_db()
    assert not email_allowed(
        template=EmailTemplateFactory(category="confirmation"), customer=customer
    )


def test_skip_reasons_need_only_the_fields_the_email_step_loads(django_assert_num_queries):
    # prepare_step loads recipients with only these fields: a reason reading another would
    # cost one query per customer.
    from django.utils import timezone

    from customers.models import Customer
    from templates_app.services import SKIP_REASON_FIELDS, email_skip_reason

    now = timezone.now()
    CustomerFactory(email="")
    CustomerFactory(active=False)
    CustomerFactory(suppressed_at=now, suppression_reason="bounce")
    CustomerFactory(unsubscribed_at=now)
    CustomerFactory()
    template = EmailTemplateFactory(category="reminder")
    customers = list(Customer.objects.only(*SKIP_REASON_FIELDS).order_by("pk"))
    with django_assert_num_queries(0):
        reasons = [email_skip_reason(template=template, customer=c) for c in customers]
    assert [(r.code, r.params, r.text) if r else None for r in reasons] == [
        ("skip.no_email", {}, "no email address"),
        ("skip.customer_inactive", {}, "customer inactive"),
        ("skip.suppressed", {"reason": "bounce"}, "address suppressed (bounce)"),
        ("skip.unsubscribed", {}, "unsubscribed"),
        None,
    ]
