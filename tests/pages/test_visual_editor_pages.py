"""The template editor's visual mode over HTTP: saving what the visual editor posts, the
mode each role opens in, the preview with an undeclared variable, the mode-switch endpoint."""

from __future__ import annotations

import pytest
from django.urls import reverse

from templates_app.models import EmailTemplate
from templates_app.visual import LAYOUT_START
from tests.pages.test_template_pages import HTMX, client_as, form_data
from tests.templates_app.factories import EmailTemplateFactory

pytestmark = pytest.mark.django_db

VISUAL = (
    '<h2>Hei <span data-variable="kunde_navn">kunde_navn</span>!</h2>'
    '<div data-type="email-button" data-href="{{ bestilling_link }}">Bestill nå</div>'
)
HAND_MADE = (
    '<table style="background:#eee"><tr><td>{% if kunde_navn %}Hei{% endif %}</td></tr></table>'
)


def visual_data(template: EmailTemplate, content: str, **changes: str) -> dict[str, str]:
    return form_data(template, body_mode="visual", body_visual=content, **changes)


def test_saving_the_visual_content_stores_email_html_and_clears_needs_review():
    template = EmailTemplateFactory(needs_review=True)
    client = client_as("business")
    response = client.post(
        reverse("templates_app:edit", args=[template.pk]),
        # The HTML mode's stale copy is ignored in visual mode.
        visual_data(template, VISUAL + '<p onclick="alert(1)">Takk<script>x</script></p>'),
    )
    assert response.status_code == 302
    template.refresh_from_db()
    assert template.body_html.startswith(LAYOUT_START)
    assert "Hei {{ kunde_navn }}!</h2>" in template.body_html
    assert '<a href="{{ bestilling_link }}" target="_blank"' in template.body_html
    assert "onclick" not in template.body_html and "script" not in template.body_html
    assert not template.needs_review


def test_an_empty_visual_body_is_refused_and_nothing_is_saved():
    template = EmailTemplateFactory()
    original = template.body_html
    client = client_as("business")
    response = client.post(
        reverse("templates_app:edit", args=[template.pk]), visual_data(template, "<p></p>")
    )
    assert response.status_code == 200
    assert "Write the content of the email." in response.content.decode()
    template.refresh_from_db()
    assert template.body_html == original


def test_a_refused_save_keeps_the_visual_content_without_lines():
    template = EmailTemplateFactory()
    client = client_as("business")
    response = client.post(
        reverse("templates_app:edit", args=[template.pk]),
        visual_data(template, "<p>Kode: {{ rabatt_kode }}</p>"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_body_html-errors"' in html
    assert "Line " not in html.split('id="id_body_html-errors"')[1].split("</ul>")[0]
    assert 'data-mode="visual"' in html
    assert "&lt;span data-variable=&quot;rabatt_kode&quot;&gt;" in html  # kept, as a chip


@pytest.mark.parametrize(
    ("role", "body", "mode"),
    [
        ("business", None, "visual"),
        ("business", HAND_MADE, "readonly"),
        ("developer", None, "html"),
        ("developer", HAND_MADE, "html"),
        ("viewer", None, "html"),
    ],
)
def test_the_mode_each_role_opens_in(role, body, mode):
    template = EmailTemplateFactory(**({"body_html": body} if body else {}))
    response = client_as(role).get(reverse("templates_app:edit", args=[template.pk]))
    assert f'data-mode="{mode}"' in response.content.decode()


def test_the_preview_renders_despite_an_undeclared_variable():
    template = EmailTemplateFactory()
    response = client_as("business").post(
        reverse("templates_app:preview", args=[template.pk]),
        visual_data(template, "<p>Hei {{ kunde_navn }}, koden er {{ rabatt_kode }}</p>"),
        **HTMX,
    )
    html = response.content.decode()
    assert 'id="undeclared-variables"' in html
    assert '<li data-variable="rabatt_kode">' in html
    assert 'id="preview-frame"' in html
    assert "Hei Kari Nordmann, koden er [rabatt_kode]" in html
    assert 'id="preview-problems"' not in html


def test_convert_both_ways():
    client = client_as("business")
    url = reverse("templates_app:visual-convert")
    html = client.post(url, {"to": "html", "content": VISUAL}).json()["html"]
    assert html.startswith(LAYOUT_START)
    back = client.post(url, {"to": "visual", "content": html}).json()["visual"]
    assert '<span data-variable="kunde_navn">' in back

    refused = client.post(url, {"to": "visual", "content": HAND_MADE})
    assert refused.status_code == 422
    (error,) = refused.json()["errors"]
    assert (error["path"], error["code"]) == ("/content", "not_representable")

    lenient = client.post(url, {"to": "visual", "content": HAND_MADE, "lenient": "1"})
    # Simplified, the layout goes; the template code stays in sight as text to rewrite.
    assert lenient.json()["visual"] == "<p>&#123;% if kunde_navn %}Hei&#123;% endif %}</p>"

    bad = client.post(url, {"to": "pdf", "content": ""})
    assert bad.status_code == 400 and bad.json()["errors"][0]["path"] == "/to"


def test_convert_needs_a_writer():
    url = reverse("templates_app:visual-convert")
    assert client_as("viewer").post(url, {"to": "html", "content": ""}).status_code == 403
