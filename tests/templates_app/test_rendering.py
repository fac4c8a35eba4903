"""Rendering: escaping, the derived text part, the unsubscribe headers, sanitised previews."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.utils.html import escape

from customers.models import Customer
from templates_app.gallery import GALLERY, gallery_body_html
from templates_app.models import EmailTemplate
from templates_app.rendering import (
    TemplateRenderError,
    html_to_text,
    render_email,
    sanitize_html,
)
from tests.customers.factories import CustomerFactory
from tests.templates_app.factories import EmailTemplateFactory

pytestmark = pytest.mark.django_db

XSS_NAME = "<img src=x onerror=alert(1)>"


def test_customer_name_is_escaped_in_html_and_plain_in_text_and_subject():
    customer = CustomerFactory(name=XSS_NAME)
    template = EmailTemplateFactory(body_text="Hei {{ kunde_navn }}")
    rendered = render_email(template=template, customer=customer)
    assert XSS_NAME not in rendered.html
    assert escape(XSS_NAME) in rendered.html
    # Text and subject are not HTML: escaping them would show "&lt;" to the reader.
    assert rendered.text.strip() == f"Hei {XSS_NAME}"
    assert rendered.subject == f"Hei {XSS_NAME}"


def test_customer_name_stays_escaped_in_the_sanitised_preview():
    customer = CustomerFactory(name=XSS_NAME)
    rendered = render_email(template=EmailTemplateFactory(), customer=customer)
    preview = rendered.preview_html
    assert "<img" not in preview
    assert "onerror=alert" not in preview.replace("&lt;img src=x onerror=alert(1)&gt;", "")
    assert "&lt;img src=x onerror=alert(1)&gt;" in preview


def test_declared_extra_values_are_escaped_too():
    template = EmailTemplateFactory(
        body_html="<p>{{ kunde_navn }} {{ ordre_nummer }}</p>",
        variables=["ordre_nummer"],
    )
    rendered = render_email(
        template=template, customer=CustomerFactory(), extra={"ordre_nummer": "<b>7</b>"}
    )
    assert "&lt;b&gt;7&lt;/b&gt;" in rendered.html


def test_context_holds_only_plain_strings_even_for_safe_strings_and_undeclared_keys():
    from django.utils.safestring import mark_safe

    template = EmailTemplateFactory(body_html="{{ notat }}|{{ hemmelig }}", variables=["notat"])
    rendered = render_email(
        template=template,
        customer=CustomerFactory(),
        extra={"notat": mark_safe("<script>x</script>"), "hemmelig": "s3cret"},
    )
    # mark_safe must not bypass escaping, and keys the template did not declare never arrive.
    assert rendered.html == "&lt;script&gt;x&lt;/script&gt;|"


def test_extra_values_must_be_text_numbers_or_dates():
    template = EmailTemplateFactory(body_html="{{ kunde }}", variables=["kunde"])
    customer = CustomerFactory()
    with pytest.raises(TypeError):
        render_email(template=template, customer=customer, extra={"kunde": customer})


def test_subject_newlines_from_values_are_flattened():
    customer = CustomerFactory(name="Kari\r\nBcc: spam@example.com")
    rendered = render_email(template=EmailTemplateFactory(), customer=customer)
    assert "\n" not in rendered.subject and "\r" not in rendered.subject


def test_text_part_is_derived_from_html_when_empty():
    template = EmailTemplateFactory(
        body_html=(
            "<html><head><title>Tittel</title><style>p{color:red}</style></head><body>"
            '<div style="display:none">Forhåndstekst</div>'
            "<h1>Hei {{ kunde_navn }}!</h1>"
            "<p>Første avsnitt\n   fortsetter her.<br>Ny linje.</p>"
            '<p><a href="{{ bestilling_link }}">Bestill her</a></p>'
            "<ul><li>Kaffe</li><li>Te</li></ul>"
            "<script>alert(1)</script></body></html>"
        )
    )
    customer = CustomerFactory(name="Kari")
    rendered = render_email(template=template, customer=customer)
    text = rendered.text
    assert "<" not in text
    assert "Tittel" not in text and "color:red" not in text and "alert" not in text
    assert "Forhåndstekst" not in text
    assert text.startswith("Hei Kari!\n\nFørste avsnitt fortsetter her.\nNy linje.\n\n")
    assert "Bestill her (http://" in text and "/k/bestill/" in text
    assert "- Kaffe\n- Te" in text


def test_explicit_text_body_is_used_as_is():
    template = EmailTemplateFactory(body_text="Hei {{ kunde_navn }}\n\nHilsen {{ firma_navn }}")
    rendered = render_email(template=template, customer=CustomerFactory(name="Ola & Co"))
    assert rendered.text == f"Hei Ola & Co\n\nHilsen {settings.COMPANY_NAME}\n"


def test_html_to_text_link_whose_text_is_the_url_is_not_doubled():
    assert html_to_text('<a href="https://x.no/a">https://x.no/a</a>') == "https://x.no/a"


def test_list_unsubscribe_headers_point_at_a_working_one_click_url():
    customer = CustomerFactory()
    rendered = render_email(template=EmailTemplateFactory(), customer=customer)
    assert rendered.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header = rendered.headers["List-Unsubscribe"]
    assert header.startswith("<http") and header.endswith(">")
    url = header[1:-1]
    assert url in rendered.html  # the same link the body's avmeldingslenke shows
    path = url.removeprefix("http://127.0.0.1:8000")
    response = Client(enforce_csrf_checks=True).post(
        path, data="List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    customer.refresh_from_db()
    assert customer.unsubscribed_at is not None


def test_sample_render_needs_no_customer():
    template = EmailTemplateFactory(
        body_html="{{ kunde_navn }} {{ rabatt }} {{ bestilling_link }}", variables=["rabatt"]
    )
    rendered = render_email(template=template, customer=None, sample=True)
    assert rendered.html.startswith("Kari Nordmann [rabatt] http")
    assert "/k/bestill/eksempel/" in rendered.html
    with pytest.raises(ValueError):
        render_email(template=template, customer=None)


def test_a_template_saved_around_the_service_is_refused_at_render_time():
    template = EmailTemplateFactory(body_html="{% load static %}{% static 'x' %}")
    with pytest.raises(TemplateRenderError):
        render_email(template=template, customer=CustomerFactory())


@pytest.mark.parametrize("entry", GALLERY, ids=[entry["name"] for entry in GALLERY])
def test_gallery_templates_pass_the_check_and_render(entry):
    from templates_app.rendering import template_check

    body = gallery_body_html(entry)
    check = template_check(
        subject=entry["subject"], body_html=body, body_text="", variables=entry["variables"]
    )
    assert check.ok, check.errors
    template = EmailTemplate(
        name=entry["name"], subject=entry["subject"], body_html=body, variables=entry["variables"]
    )
    customer = CustomerFactory(language=Customer.Language.NB)
    rendered = render_email(template=template, customer=customer, extra={"ordre_nummer": "12"})
    assert "/k/avmeld/" in rendered.html and "/k/avmeld/" in rendered.text


def test_sanitize_html_removes_scripts_handlers_frames_and_javascript_links():
    dirty = (
        '<p onclick="steal()" style="color:red;position:fixed">Hei</p>'
        "<script>alert(1)</script>"
        '<a href="javascript:alert(1)">klikk</a>'
        '<a href="https://example.com/" onmouseover="x()">ok</a>'
        '<iframe src="https://evil.example/"></iframe>'
        '<img src="x" onerror="alert(1)">'
        "<svg><script>alert(2)</script></svg>"
        '<form action="https://evil.example/"><input name="p"></form>'
    )
    clean = sanitize_html(dirty)
    for bad in ("script", "onclick", "onerror", "onmouseover", "javascript:", "iframe", "form"):
        assert bad not in clean.lower()
    assert "position" not in clean
    assert 'style="color:red"' in clean
    assert 'href="https://example.com/"' in clean
