"""The email template pages: list, editor, live preview; full pages and their HTMX fragments."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from templates_app.models import EmailTemplate
from tests.customers.factories import CustomerFactory
from tests.templates_app.factories import EmailTemplateFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
XSS_NAME = "<img src=x onerror=alert(1)>"


def client_as(role: str) -> Client:
    user = User.objects.create_user(username=f"{role}-user", password="x")
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


@pytest.fixture
def business() -> Client:
    return client_as("business")


@pytest.fixture
def viewer() -> Client:
    return client_as("viewer")


@pytest.fixture
def template() -> EmailTemplate:
    return EmailTemplateFactory(name="Ukentlig påminnelse", subject="Hei {{ kunde_navn }}")


def form_data(template: EmailTemplate, **changes: str) -> dict[str, str]:
    data = {
        "name": template.name,
        "category": template.category,
        "subject": template.subject,
        "body_html": template.body_html,
        "body_text": template.body_text,
        "variables": ", ".join(template.variables),
    }
    data.update(changes)
    return data


def is_fragment(html: str) -> bool:
    return "<html" not in html and "<body" not in html


# --- List -----------------------------------------------------------------------------------


def test_list_shows_templates_as_a_full_page(business, template):
    response = business.get(reverse("templates_app:list"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html
    assert template.name in html
    assert reverse("templates_app:edit", args=[template.pk]) in html
    assert reverse("templates_app:new") in html


def test_list_search_as_htmx_returns_only_the_results(business, template):
    other = EmailTemplateFactory(name="Ordrebekreftelse")

    response = business.get(reverse("templates_app:list"), {"q": "påminn"}, **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert is_fragment(html)
    assert html.strip().startswith('<div id="template-results"')
    assert template.name in html
    assert other.name not in html
    assert "HX-Request" in response["Vary"]


def test_list_filters_by_category(business):
    reminder = EmailTemplateFactory(category=EmailTemplate.Category.REMINDER)
    order = EmailTemplateFactory(category=EmailTemplate.Category.BESTILLING)

    html = business.get(reverse("templates_app:list"), {"kategori": "reminder"}).content.decode()

    assert reminder.name in html
    assert order.name not in html


def test_viewer_sees_the_list_without_a_new_button(viewer, template):
    html = viewer.get(reverse("templates_app:list")).content.decode()

    assert template.name in html
    assert reverse("templates_app:new") not in html


def test_anonymous_users_are_sent_to_log_in(template):
    response = Client().get(reverse("templates_app:edit", args=[template.pk]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# --- Editor ---------------------------------------------------------------------------------


def test_editor_page_has_monaco_the_textarea_the_preview_and_the_variables(business, template):
    response = business.get(reverse("templates_app:edit", args=[template.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html
    assert 'id="body-html-editor"' in html
    assert "vendor/monaco/vs/loader.js" in html
    assert "js/template-editor.js" in html
    assert re.search(r'<textarea id="id_body_html" name="body_html"', html)
    assert "Hei {{ kunde_navn }}!" in html  # in the textarea, escaped where needed
    # The preview is sanitised HTML in a sandboxed iframe without allow-scripts.
    frame = re.search(r"<iframe[^>]*>", html).group(0)
    assert "sandbox" in frame
    assert "allow-scripts" not in frame
    assert "srcdoc=" in frame and "Kari Nordmann" in frame
    for name in ("kunde_navn", "bestilling_link", "avmeldingslenke", "firma_navn"):
        assert f'data-insert-variable="{name}"' in html
    # No inline script code: the CSP allows only our own files.
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert not re.search(r"\son[a-z]+=", html.replace(XSS_NAME, ""))


def test_editor_as_htmx_returns_only_the_editor(business, template):
    response = business.get(reverse("templates_app:edit", args=[template.pk]), **HTMX)

    html = response.content.decode()
    assert is_fragment(html)
    assert html.strip().startswith('<form id="template-form"')
    assert 'id="template-preview"' in html


def test_creating_a_template_saves_it_and_opens_it(business):
    response = business.post(
        reverse("templates_app:new"),
        {
            "name": "Velkommen",
            "category": "bestilling",
            "subject": "Velkommen, {{ kunde_navn }}",
            "body_html": "<p>Hei {{ kunde_navn }}, rabatt: {{ rabatt_kode }}</p>",
            "body_text": "",
            "variables": "rabatt_kode",
        },
    )

    template = EmailTemplate.objects.get(name="Velkommen")
    assert response.status_code == 302
    assert response["Location"] == reverse("templates_app:edit", args=[template.pk])
    assert template.variables == ["rabatt_kode"]


def test_new_template_page_starts_with_a_working_example(business):
    html = business.get(reverse("templates_app:new")).content.decode()

    assert reverse("templates_app:preview-new") in html
    assert "srcdoc=" in html  # the starter template already previews


def test_a_forbidden_tag_is_shown_next_to_the_field_with_its_line_and_nothing_is_saved(
    business, template
):
    before = EmailTemplate.objects.get(pk=template.pk).body_html
    bad = "<p>Hei {{ kunde_navn }}</p>\n{% load static %}\n<p>Ha det</p>"

    response = business.post(
        reverse("templates_app:edit", args=[template.pk]),
        form_data(template, body_html=bad, name="Nytt navn"),
    )

    html = response.content.decode()
    assert response.status_code == 200
    errors = re.search(
        r'<ul class="errorlist field-problems" id="id_body_html-errors".*?</ul>', html, re.S
    )
    assert errors, html
    assert 'data-line="2"' in errors.group(0)
    assert "Line 2" in errors.group(0)
    assert "load" in errors.group(0)
    assert 'aria-invalid="true" aria-describedby="id_body_html-errors"' in html
    # The typed text stays in the form so the user can fix it.
    assert "{% load static %}" in html
    template.refresh_from_db()
    assert template.body_html == before
    assert template.name == "Ukentlig påminnelse"


def test_an_undeclared_variable_in_the_subject_is_shown_next_to_the_subject(business, template):
    response = business.post(
        reverse("templates_app:edit", args=[template.pk]),
        form_data(template, subject="Hei {{ fornavn }}"),
    )

    html = response.content.decode()
    assert 'id="id_subject-errors"' in html
    assert "fornavn" in re.search(r'id="id_subject-errors".*?</ul>', html, re.S).group(0)
    assert EmailTemplate.objects.get(pk=template.pk).subject == "Hei {{ kunde_navn }}"


def test_a_taken_name_is_shown_next_to_the_name(business, template):
    EmailTemplateFactory(name="Opptatt")

    html = business.post(
        reverse("templates_app:edit", args=[template.pk]), form_data(template, name="Opptatt")
    ).content.decode()

    assert 'id="id_name-errors"' in html


def test_saving_a_good_change_persists_it(business, template):
    response = business.post(
        reverse("templates_app:edit", args=[template.pk]),
        form_data(template, body_html="<h1>Ny tekst til {{ kunde_navn }}</h1>"),
    )

    assert response.status_code == 302
    template.refresh_from_db()
    assert template.body_html == "<h1>Ny tekst til {{ kunde_navn }}</h1>"


# --- Preview --------------------------------------------------------------------------------


def test_preview_of_typed_html_as_htmx_returns_only_the_preview(business, template):
    response = business.post(
        reverse("templates_app:preview", args=[template.pk]),
        form_data(template, body_html="<p>Utkast for {{ kunde_navn }}</p>"),
        **HTMX,
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert is_fragment(html)
    assert html.strip().startswith('<section id="template-preview"')
    assert "Utkast for Kari Nordmann" in html
    # Nothing is saved by a preview.
    assert "Utkast" not in EmailTemplate.objects.get(pk=template.pk).body_html


def test_preview_without_javascript_returns_the_whole_editor_with_the_typed_values(
    business, template
):
    response = business.post(
        reverse("templates_app:preview", args=[template.pk]),
        form_data(template, body_html="<p>Utkast for {{ kunde_navn }}</p>"),
    )

    html = response.content.decode()
    assert "<html" in html
    assert "&lt;p&gt;Utkast for {{ kunde_navn }}&lt;/p&gt;" in html  # the textarea
    assert "Utkast for Kari Nordmann" in html  # the preview


def test_preview_for_a_chosen_customer_uses_their_name(business, template):
    customer = CustomerFactory(name="Bakeriet AS")

    html = business.post(
        reverse("templates_app:preview", args=[template.pk]),
        {**form_data(template), "kunde": customer.pk},
        **HTMX,
    ).content.decode()

    assert "Hei Bakeriet AS" in html
    assert "As Bakeriet AS will see it." in html


def test_preview_escapes_a_customer_name_with_html(business, template):
    customer = CustomerFactory(name=XSS_NAME)

    for response in (
        business.get(reverse("templates_app:edit", args=[template.pk]), {"kunde": customer.pk}),
        business.get(
            reverse("templates_app:preview", args=[template.pk]), {"kunde": customer.pk}, **HTMX
        ),
    ):
        html = response.content.decode()
        assert XSS_NAME not in html
        assert "onerror=alert(1)&gt;" in html  # shown, as text
        # Inside srcdoc the name is escaped twice: once by the email, once for the attribute.
        frame = re.search(r'<iframe[^>]*srcdoc="([^"]*)"', html).group(1)
        assert "&amp;lt;img src=x onerror=alert(1)&amp;gt;" in frame


def test_preview_of_a_new_template_works_before_it_is_saved(business):
    html = business.post(
        reverse("templates_app:preview-new"),
        {"name": "", "category": "bestilling", "subject": "Hei", "body_html": "<b>Ny</b>"},
        **HTMX,
    ).content.decode()

    assert 'id="preview-frame"' in html
    assert "&lt;b&gt;Ny&lt;/b&gt;" in html


def test_preview_lists_problems_with_their_lines_instead_of_rendering(business, template):
    html = business.post(
        reverse("templates_app:preview", args=[template.pk]),
        form_data(template, body_html="<p>ok</p>\n<p>{{ x.y }}</p>"),
        **HTMX,
    ).content.decode()

    assert 'id="preview-problems"' in html
    assert 'data-line="2" data-field="body_html"' in html
    assert "<iframe" not in html


def test_preview_warns_about_declared_but_unused_variables_and_lists_them(business, template):
    html = business.post(
        reverse("templates_app:preview", args=[template.pk]),
        form_data(template, variables="rabatt_kode"),
        **HTMX,
    ).content.decode()

    warnings = re.search(r'id="preview-warnings".*?</ul>', html, re.S).group(0)
    assert "rabatt_kode" in warnings
    assert 'data-insert-variable="rabatt_kode"' in html


def test_preview_says_when_the_customer_does_not_exist(business, template):
    html = business.get(
        reverse("templates_app:preview", args=[template.pk]), {"kunde": "999999"}, **HTMX
    ).content.decode()

    assert "No customer with id 999999." in html
    assert "Kari Nordmann" in html


# --- Roles ----------------------------------------------------------------------------------


def test_viewer_reads_a_template_without_edit_controls(viewer, template):
    html = viewer.get(reverse("templates_app:edit", args=[template.pk])).content.decode()

    assert 'type="submit" class="button primary"' not in html
    assert 'method="get"' in html
    assert re.search(r'<textarea id="id_body_html"[^>]*disabled', html)
    assert "data-insert-variable" not in html
    assert "srcdoc=" in html


@pytest.mark.parametrize("url_name", ["templates_app:edit", "templates_app:preview"])
def test_viewer_may_not_post(viewer, template, url_name):
    response = viewer.post(reverse(url_name, args=[template.pk]), form_data(template, name="X"))

    assert response.status_code == 403
    assert EmailTemplate.objects.get(pk=template.pk).name == template.name


def test_viewer_may_not_create(viewer):
    assert viewer.get(reverse("templates_app:new")).status_code == 403
    assert viewer.post(reverse("templates_app:new"), {"name": "X"}).status_code == 403


def test_users_without_a_role_get_403(template):
    user = User.objects.create_user(username="nobody", password="x")
    client = Client()
    client.force_login(user)

    assert client.get(reverse("templates_app:list")).status_code == 403


@pytest.mark.parametrize("role", ["developer", "staff"])
def test_higher_roles_may_edit(role, template):
    client = client_as(role)

    response = client.post(
        reverse("templates_app:edit", args=[template.pk]), form_data(template, subject="Ny")
    )

    assert response.status_code == 302
    assert EmailTemplate.objects.get(pk=template.pk).subject == "Ny"


# --- Reply-To -------------------------------------------------------------------------------


def test_the_editor_saves_the_reply_to_address_and_shows_it_again(business, template):
    response = business.post(
        reverse("templates_app:edit", args=[template.pk]),
        form_data(template, reply_to="salg@grossisten.example"),
    )

    assert response.status_code == 302
    template.refresh_from_db()
    assert template.reply_to == "salg@grossisten.example"
    html = business.get(reverse("templates_app:edit", args=[template.pk])).content.decode()
    assert re.search(
        r'<input type="email" id="id_reply_to" [^>]*value="salg@grossisten.example"', html
    )
    assert '<span id="preview-reply-to">salg@grossisten.example</span>' in html


def test_a_bad_reply_to_address_is_not_saved_and_is_marked(business, template):
    response = business.post(
        reverse("templates_app:edit", args=[template.pk]),
        form_data(template, reply_to="ikke en adresse"),
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'id="id_reply_to"[^>]*aria-invalid="true"', html)
    assert 'id="id_reply_to-errors"' in html
    assert EmailTemplate.objects.get(pk=template.pk).reply_to == ""


@pytest.mark.parametrize(
    ("default", "typed", "shown"),
    [
        ("", "", "the sender"),
        ("svar@grossisten.example", "", "svar@grossisten.example"),
        ("svar@grossisten.example", "salg@grossisten.example", "salg@grossisten.example"),
    ],
    ids=["to the sender", "the default", "the template's"],
)
def test_the_preview_says_where_replies_go(business, template, settings, default, typed, shown):
    settings.DEFAULT_REPLY_TO = default

    html = business.post(
        reverse("templates_app:preview", args=[template.pk]),
        form_data(template, reply_to=typed),
        **HTMX,
    ).content.decode()

    assert f'<span id="preview-reply-to">{shown}</span>' in html


def test_the_reply_to_field_names_the_default_in_norwegian(template, settings):
    settings.DEFAULT_REPLY_TO = "svar@grossisten.example"
    client = client_as("business")
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "nb"

    html = client.get(reverse("templates_app:edit", args=[template.pk])).content.decode()

    assert "Svaradresse" in html
    assert "Tom: svar@grossisten.example." in html
    assert 'placeholder="svar@grossisten.example"' in html
    assert "Svar går til" in html
