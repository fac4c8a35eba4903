"""Found by fuzzing: text no database can store (a NUL, an unpaired surrogate) reached the
database on save (a 500 in every door that is not the JSON API), and a value with a surrogate
broke urlencode while rendering. Now a clear error at save and preview, and U+FFFD in an email."""

from __future__ import annotations

import pytest
from django.utils import translation

from templates_app.models import EmailTemplate
from templates_app.rendering import render_email
from templates_app.services import TemplateValidationError, template_create, template_preview
from tests.customers.factories import CustomerFactory
from tests.templates_app.factories import EmailTemplateFactory

pytestmark = pytest.mark.django_db

GOOD = {
    "name": "Prisliste",
    "subject": "Priser",
    "body_html": '<p>{{ kunde_navn }}</p><a href="{{ avmeldingslenke }}">x</a>',
    "body_text": "",
}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize("field", ["name", "subject", "body_html", "body_text"])
@pytest.mark.parametrize("bad", ["a\x00b", "a\ud800b"])
def test_unstorable_text_is_refused_at_save_and_preview_and_nothing_is_saved(field, bad):
    data = {**GOOD, field: GOOD[field] + bad}

    with pytest.raises(TemplateValidationError) as saved:
        template_create(**data)
    with pytest.raises(TemplateValidationError) as previewed:
        template_preview(template_or_data=data)

    for caught in (saved, previewed):
        problems = {(p.field, p.code) for p in caught.value.problems}
        assert (field, "invalid_text") in problems
    assert not EmailTemplate.objects.exists()


def test_a_value_with_unstorable_text_renders_as_the_replacement_character():
    template = EmailTemplateFactory(
        body_html='<a href="https://x.example/?q={{ sok|urlencode }}">{{ sok }}</a>',
        variables=["sok"],
    )

    rendered = render_email(
        template=template, customer=CustomerFactory(), extra={"sok": "a\ud800b\x00"}
    )

    assert "?q=a%EF%BF%BDb%EF%BF%BD" in rendered.html
    assert ">a\ufffdb\ufffd</a>" in rendered.html
