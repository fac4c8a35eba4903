"""Found by fuzzing: a script's escapes could spell a NUL or an unpaired surrogate, which
passed the validator and ended in a 500 on save or while answering. Now a located error."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from ai_assistant.dsl import compile_script
from ai_assistant.models import ChatSession
from automation.models import WorkflowDefinition
from tests.automation.workflow_docs import make_refs

pytestmark = pytest.mark.django_db

PYTHON = (
    'workflow({name}, schedule=weekly("monday", "09:00")).send_email(\n'
    '    template="Bestillingsskjema", to=group({group}))'
)
JAVASCRIPT = (
    'workflow({name}, {{schedule: weekly("monday", "09:00")}}).sendEmail({{\n'
    '  template: "Bestillingsskjema", to: group({group})}})'
)


@pytest.mark.parametrize(
    ("language", "source", "line", "column"),
    [
        ("python", PYTHON.format(name='"Uke\\ud800"', group='"all"'), 1, 10),
        ("python", PYTHON.format(name='"Uke\\x00"', group='"all"'), 1, 10),
        ("python", PYTHON.format(name='"Uke"', group='"a\\U0000dc00"'), 2, 44),
        ("javascript", JAVASCRIPT.format(name='"Uke\\uD800"', group='"all"'), 1, 10),
        ("javascript", JAVASCRIPT.format(name='"Uke\\u0000"', group='"all"'), 1, 10),
        ("javascript", JAVASCRIPT.format(name='"Uke"', group="'\\0'"), 2, 44),
    ],
)
def test_text_no_database_can_store_is_a_located_error(
    language: str, source: str, line: int, column: int
) -> None:
    result = compile_script(source, language=language)

    [error] = result.errors
    assert (error["code"], error["line"], error["column"]) == ("invalid_text", line, column)


def test_the_script_endpoint_answers_400_not_500_and_saves_no_draft() -> None:
    make_refs()
    user = User.objects.create_user(username="dev", password="x")
    user.groups.add(Group.objects.get_or_create(name="developer")[0])
    session = ChatSession.objects.create(user=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    body: dict[str, Any] = {
        "language": "python",
        "source": PYTHON.format(name='"Uke\\x00"', group='"all"'),
        "session_id": session.pk,
    }

    response = client.post("/api/v1/workflow-automation/ai/execute-script", body, format="json")

    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "invalid_text"
    session.refresh_from_db()
    assert not session.current_draft
    assert not WorkflowDefinition.objects.exists()
