"""A template problem whose message quotes the user's text, "%" signs included, is reported
as it is (found by the API fuzz test: "%³" in a template crashed the error handling)."""

from __future__ import annotations

import pytest

from templates_app.services import TemplateValidationError, template_create

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("text", ["{% nope 50%³ %}", "{{ rabatt%s }}", "{{ 100%(x)s }}"])
def test_problems_quoting_percent_signs_are_reported_whole(text: str) -> None:
    with pytest.raises(TemplateValidationError) as caught:
        template_create(name="Tilbud", subject="Hei", body_html=f"<p>{text}</p>", body_text="")

    assert caught.value.messages  # Django formats every message with its params
    errors = caught.value.as_api_errors()
    assert errors and all(error["path"].startswith("/") for error in errors)
    assert all(isinstance(error["message"], str) and error["message"] for error in errors)
