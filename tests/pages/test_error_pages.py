"""Our own 403, 404 and 500 pages: in the reader's language, with the site's landmarks."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from tests.pages.workflow_helpers import client_as

pytestmark = pytest.mark.django_db


def test_a_page_the_role_may_not_open_explains_itself_in_norwegian() -> None:
    response = client_as("viewer").get(reverse("ai_assistant:script-editor"))
    assert response.status_code == 403
    html = response.content.decode()
    assert '<main id="main"' in html
    assert "<h1>Ikke tillatt</h1>" in html
    assert 'href="#main"' in html  # the skip link of every page


def test_an_unknown_address_is_a_404_page_in_the_readers_language() -> None:
    response = client_as("viewer", language="en").get("/finnes-ikke/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert '<main id="main"' in html


def test_the_500_page_renders_without_a_request() -> None:
    with translation.override("nb"):
        html = render_to_string("500.html")
    assert "<h1>Noe gikk galt</h1>" in html


def test_an_unknown_api_address_answers_in_the_apis_error_shape() -> None:
    response = client_as("viewer").get("/api/v1/workflow-automation/finnes-ikke/")
    assert response.status_code == 404
    assert response.json() == {
        "errors": [{"path": "", "code": "not_found", "message": "Not found."}]
    }
