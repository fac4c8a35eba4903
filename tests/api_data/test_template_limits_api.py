"""Hostile templates over the API: 400 in the error shape at save and at both previews, never
a 500 or a 20 MB answer (issue 22, 1 A)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from templates_app.models import EmailTemplate
from tests.api_data.conftest import error_paths, url
from tests.templates_app.factories import EmailTemplateFactory

pytestmark = pytest.mark.django_db

Api = Callable[[str | None], Any]

LINKS = '<a href="{{ bestilling_link }}">x</a><a href="{{ avmeldingslenke }}">y</a>'
CRASHING = "<p>{{ pris|floatformat:4000000 }}</p>" + LINKS
AMPLIFYING = "<p>" + "{{ pris|floatformat:999999 }}" * 20 + "</p>" + LINKS


def template_data(body_html: str) -> dict[str, Any]:
    return {
        "name": "Prisliste",
        "subject": "Priser",
        "body_html": body_html,
        "variables": ["pris", "desimaler"],
        "category": "bestilling",
    }


@pytest.mark.parametrize("body", [CRASHING, AMPLIFYING])
def test_draft_preview_answers_400_with_the_line(api: Api, body: str) -> None:
    response = api("business").post(
        url("templates/preview"),
        {"template": template_data(body), "variables": {"pris": "1.5"}},
        format="json",
    )

    assert response.status_code == 400, response.content[:500]
    assert error_paths(response) == {"/body_html": "filter_argument_invalid"}
    assert response.json()["errors"][0]["line"] == 1
    assert len(response.content) < 10_000


@pytest.mark.parametrize("body", [CRASHING, AMPLIFYING])
def test_create_answers_400_and_saves_nothing(api: Api, body: str) -> None:
    response = api("business").post(url("templates"), template_data(body), format="json")

    assert response.status_code == 400
    assert error_paths(response) == {"/body_html": "filter_argument_invalid"}
    assert not EmailTemplate.objects.exists()


def test_saved_template_preview_with_a_variable_argument_out_of_range_answers_400(
    api: Api,
) -> None:
    template = EmailTemplateFactory(
        body_html="<p>{{ pris|floatformat:desimaler }}</p>" + LINKS,
        variables=["pris", "desimaler"],
    )
    ok = api("viewer").post(
        url(f"templates/{template.pk}/preview"),
        {"variables": {"pris": "1.5", "desimaler": "2"}},
        format="json",
    )
    assert ok.status_code == 200

    response = api("viewer").post(
        url(f"templates/{template.pk}/preview"),
        {"variables": {"pris": "1.5", "desimaler": "4000000"}},
        format="json",
    )

    assert response.status_code == 400
    assert error_paths(response) == {"/body_html": "filter_argument_invalid"}


def test_preview_over_the_rendered_size_limit_answers_400(api: Api, settings: Any) -> None:
    settings.TEMPLATE_MAX_RENDERED_BYTES = 10_000
    template = EmailTemplateFactory(body_html="{{ pris }}" * 10 + LINKS, variables=["pris"])

    response = api("viewer").post(
        url(f"templates/{template.pk}/preview"),
        {"variables": {"pris": "x" * 1_500}},
        format="json",
    )

    assert response.status_code == 400
    assert error_paths(response) == {"/body_html": "rendered_too_large"}
    assert re.search(r"\b10\W000\b", response.json()["errors"][0]["message"])  # the limit
