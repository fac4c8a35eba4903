"""Hostile templates: filter arguments are bounded, and so is the size of a rendered email, at
save, at preview (services and pages) and while rendering for a customer (issue 22, 1 A)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from django.utils import translation

from templates_app.models import EmailTemplate
from templates_app.rendering import TemplateRenderError, render_email, template_check
from templates_app.services import (
    TemplateValidationError,
    template_create,
    template_preview,
    template_update,
)
from tests.customers.factories import CustomerFactory
from tests.templates_app.factories import EmailTemplateFactory

pytestmark = pytest.mark.django_db

LINKS = '<a href="{{ bestilling_link }}">x</a><a href="{{ avmeldingslenke }}">y</a>'
# The two findings: a 500 from decimal, and a 540-byte template rendering 20 MB.
CRASHING = "<p>{{ pris|floatformat:4000000 }}</p>"
AMPLIFYING = "<p>" + "{{ pris|floatformat:999999 }}" * 20 + "</p>"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def draft(body_html: str, **fields: object) -> dict[str, object]:
    return {
        "name": "Prisliste",
        "subject": "Priser",
        "body_html": body_html + LINKS,
        "variables": ["pris", "desimaler"],
        **fields,
    }


def codes(exc: TemplateValidationError | TemplateRenderError) -> set[tuple[str, str]]:
    return {(problem.field, problem.code) for problem in exc.problems}


# --- Filter arguments at save time ----------------------------------------------------------


@pytest.mark.parametrize(
    "expression",
    [
        "pris|floatformat",
        "pris|floatformat:2",
        "pris|floatformat:-2",
        'pris|floatformat:"2g"',
        'pris|floatformat:"-3u"',
        'pris|floatformat:"gu"',
        "pris|floatformat:20",
        "pris|floatformat:-20",
        "kunde_navn|truncatechars:90",
        "kunde_navn|truncatewords:10000",
        'kunde_navn|default:"kunde"',
        'kunde_navn|urlencode:""',
        'kunde_navn|urlencode:"/"',
        "pris|floatformat:desimaler",  # a variable: checked while rendering
    ],
)
def test_filter_arguments_within_bounds_pass_the_check(expression):
    check = template_check(
        subject="x", body_html=f"{{{{ {expression} }}}}", variables=["pris", "desimaler"]
    )
    assert check.ok, check.errors


@pytest.mark.parametrize(
    ("expression", "fragment"),
    [
        ("pris|floatformat:4000000", "floatformat takes a whole number of decimals"),
        ("pris|floatformat:999999", "from -20 to 20"),
        ("pris|floatformat:21", "not “21”"),
        ("pris|floatformat:-21", "not “-21”"),
        ('pris|floatformat:""', "not “”"),
        ("pris|floatformat:1e400", "not “inf”"),
        ('pris|floatformat:"to"', "not “to”"),
        ('pris|floatformat:"2.5"', "not “2.5”"),
        ("kunde_navn|truncatechars:1e400", "truncatechars takes a whole number from 1 to 10000"),
        ("kunde_navn|truncatechars:0", "truncatechars takes"),
        ("kunde_navn|truncatewords:10001", "truncatewords takes"),
        ("kunde_navn|truncatewords:-1", "truncatewords takes"),
        ('kunde_navn|default:"' + "x" * 1001 + '"', "default is longer than 1000"),
        ('kunde_navn|urlencode:"' + "/" * 51 + '"', "urlencode is longer than 50"),
    ],
)
def test_filter_arguments_out_of_bounds_are_refused_with_their_line(expression, fragment):
    check = template_check(
        subject="x", body_html=f"<p>Hei</p>\n{{{{ {expression} }}}}", variables=["pris"]
    )

    assert not check.ok
    [problem] = check.errors
    assert (problem.field, problem.line) == ("body_html", 2)
    assert problem.code == "filter_argument_invalid"
    assert problem.message.startswith("Line 2: ")
    assert fragment in problem.message


def test_arguments_in_an_if_condition_are_checked_too():
    check = template_check(
        subject="x",
        body_html="{% if pris|floatformat:4000000 %}dyrt{% endif %}",
        variables=["pris"],
    )
    assert [(p.line, p.code) for p in check.errors] == [(1, "filter_argument_invalid")]


# --- Save and preview through the services --------------------------------------------------


@pytest.mark.parametrize("body", [CRASHING, AMPLIFYING])
def test_the_reported_templates_are_refused_at_save_and_nothing_is_saved(body):
    with pytest.raises(TemplateValidationError) as caught:
        template_create(**draft(body))

    assert codes(caught.value) == {("body_html", "filter_argument_invalid")}
    assert not EmailTemplate.objects.exists()


@pytest.mark.parametrize("body", [CRASHING, AMPLIFYING])
def test_the_reported_templates_are_refused_at_preview(body):
    with pytest.raises(TemplateValidationError) as caught:
        template_preview(template_or_data=draft(body), extra={"pris": "1.5"})

    assert codes(caught.value) == {("body_html", "filter_argument_invalid")}


def test_a_variable_argument_out_of_range_is_refused_at_preview_with_its_line():
    data = draft("<p>Pris:</p>\n<p>{{ pris|floatformat:desimaler }}</p>")
    template_preview(template_or_data=data, extra={"pris": "1.5", "desimaler": "2"})

    with pytest.raises(TemplateValidationError) as caught:
        template_preview(template_or_data=data, extra={"pris": "1.5", "desimaler": "4000000"})

    [problem] = caught.value.problems
    assert (problem.field, problem.line) == ("body_html", 2)
    assert problem.code == "filter_argument_invalid"
    assert problem.message.startswith("Line 2: floatformat takes")


def test_a_variable_argument_that_is_no_number_is_ignored_as_django_does():
    data = draft("<p>{{ pris|floatformat:desimaler }}</p>")
    rendered = template_preview(template_or_data=data, extra={"pris": "1.5", "desimaler": "to"})
    assert "<p>1.5</p>" in rendered.html


def test_a_long_variable_argument_is_held_only_to_the_size_of_the_email():
    # A literal default is at most 1,000 characters; a value that arrives with the send is
    # not refused for its length alone.
    data = draft("<p>{{ pris|default:desimaler }}</p>")
    rendered = template_preview(template_or_data=data, extra={"pris": "", "desimaler": "x" * 1500})
    assert "x" * 1500 in rendered.html


def test_a_template_rendering_more_than_the_limit_is_refused_at_save(settings):
    settings.TEMPLATE_MAX_RENDERED_BYTES = 5_000
    body = "<p>" + "Tilbud! " * 700 + "</p>"  # 5,607 bytes of text

    with pytest.raises(TemplateValidationError) as caught:
        template_create(**draft(body))

    assert codes(caught.value) == {("body_html", "rendered_too_large")}
    [message] = [p.message for p in caught.value.problems]
    assert message == "The HTML body would be larger than the limit of 5,000 bytes."
    assert not EmailTemplate.objects.exists()


def test_the_limit_counts_bytes_not_characters(settings):
    settings.TEMPLATE_MAX_RENDERED_BYTES = 5_000
    fits_as_characters = "<p>" + "ø" * 4_500 + "</p>"  # 4,507 characters, 9,007 bytes

    with pytest.raises(TemplateValidationError) as caught:
        template_create(**draft(fits_as_characters))

    assert codes(caught.value) == {("body_html", "rendered_too_large")}


def test_an_update_that_renders_too_large_leaves_the_template_as_it_was(settings):
    template = template_create(**draft("<p>{{ pris }}</p>"))
    settings.TEMPLATE_MAX_RENDERED_BYTES = 2_000

    with pytest.raises(TemplateValidationError):
        template_update(template=template, data={"body_text": "Tilbud! " * 300})

    template.refresh_from_db()
    assert template.body_text == ""


def test_a_subject_and_text_body_are_held_to_the_limit_too(settings):
    settings.TEMPLATE_MAX_RENDERED_BYTES = 2_000
    data = draft("<p>kort</p>", body_text="{{ pris }} " * 10, subject="{{ pris }}{{ pris }}")

    with pytest.raises(TemplateValidationError) as caught:
        template_preview(template_or_data=data, extra={"pris": "x" * 1_500})

    assert codes(caught.value) == {("subject", "rendered_too_large")}
    data["subject"] = "Priser"
    with pytest.raises(TemplateValidationError) as caught:
        template_preview(template_or_data=data, extra={"pris": "x" * 1_500})
    assert codes(caught.value) == {("body_text", "rendered_too_large")}


def test_a_chain_of_growing_filters_stops_at_the_limit(settings):
    # Every urlencode turns "%" into "%25": each link of the chain makes the value bigger.
    settings.TEMPLATE_MAX_RENDERED_BYTES = 50_000
    chain = "|urlencode" * 30
    data = draft(f"<p>{{{{ pris{chain} }}}}</p>")

    with pytest.raises(TemplateValidationError) as caught:
        template_preview(template_or_data=data, extra={"pris": "ø" * 1_000})

    assert codes(caught.value) == {("body_html", "rendered_too_large")}


def test_an_if_branch_is_held_to_the_limit_while_it_renders(settings):
    settings.TEMPLATE_MAX_RENDERED_BYTES = 10_000
    data = draft("{% if pris %}" + "{{ pris }}" * 50 + "{% endif %}")

    with pytest.raises(TemplateValidationError) as caught:
        template_preview(template_or_data=data, extra={"pris": "x" * 1_000})

    assert codes(caught.value) == {("body_html", "rendered_too_large")}


# --- Rendering for a customer (the send path's render) --------------------------------------


def test_rendering_for_a_customer_over_the_limit_raises_a_render_error_naming_the_part(settings):
    template = EmailTemplateFactory(body_html="<p>{{ kunde_navn }}</p>" * 10 + LINKS)
    customer = CustomerFactory(name="N" * 200)
    render_email(template=template, customer=customer)  # 2 kB: fine under the default
    settings.TEMPLATE_MAX_RENDERED_BYTES = 1_500

    with pytest.raises(TemplateRenderError) as caught:
        render_email(template=template, customer=customer)

    assert codes(caught.value) == {("body_html", "rendered_too_large")}


def test_a_stored_template_with_a_bad_argument_is_refused_when_rendered():
    # Saved around the services (an old row, a raw SQL fix): the renderer checks again.
    template = EmailTemplateFactory(body_html="<p>{{ kunde_navn|floatformat:4000000 }}</p>")

    with pytest.raises(TemplateRenderError) as caught:
        render_email(template=template, customer=CustomerFactory(name="12.5"))

    assert codes(caught.value) == {("", "filter_argument_invalid")}


# --- The editor page ------------------------------------------------------------------------


@pytest.fixture
def business() -> Client:
    user = User.objects.create_user(username="business-user", password="x")
    user.groups.add(Group.objects.get_or_create(name="business")[0])
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def editor_form(body_html: str) -> dict[str, str]:
    return {
        "name": "Prisliste",
        "category": "bestilling",
        "subject": "Priser",
        "body_html": body_html + LINKS,
        "body_text": "",
        "variables": "pris",
    }


def test_the_editor_preview_lists_the_problem_instead_of_rendering(business):
    response = business.post(
        reverse("templates_app:preview-new"), editor_form(AMPLIFYING), HTTP_HX_REQUEST="true"
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="preview-problems"' in html
    assert 'data-line="1" data-field="body_html"' in html
    assert "floatformat takes a whole number of decimals" in html
    assert "<iframe" not in html
    assert len(response.content) < 100_000


def test_the_editor_preview_says_when_the_email_is_too_large(business, settings):
    settings.TEMPLATE_MAX_RENDERED_BYTES = 5_000
    response = business.post(
        reverse("templates_app:preview-new"),
        editor_form("<p>" + "Tilbud! " * 700 + "</p>"),
        HTTP_HX_REQUEST="true",
    )

    html = response.content.decode()
    assert 'data-field="body_html"' in html
    assert "The HTML body would be larger than the limit of 5,000 bytes." in html


def test_saving_in_the_editor_shows_the_problem_next_to_the_field_and_saves_nothing(business):
    response = business.post(reverse("templates_app:new"), editor_form(CRASHING))

    html = response.content.decode()
    errors = re.search(
        r'<ul class="errorlist field-problems" id="id_body_html-errors".*?</ul>', html, re.S
    )
    assert errors, html
    assert "floatformat takes a whole number of decimals" in errors.group(0)
    assert not EmailTemplate.objects.exists()
