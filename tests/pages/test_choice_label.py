"""core.templatetags.choices: a field's choice labels translated once per language, and the
same text as Django's ``get_FOO_display``."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

from core.templatetags.choices import choice_label
from executions.models import WorkflowActionLog, WorkflowExecution

Status = WorkflowExecution.Status


@pytest.mark.parametrize("language", ["nb", "en"])
def test_labels_are_the_displays_in_the_active_language(language: str) -> None:
    with translation.override(language):
        for value, _label in Status.choices:
            execution = WorkflowExecution(status=value, trigger="manual")
            assert choice_label(execution, "status") == execution.get_status_display()
        log = WorkflowActionLog(status="unknown", target_type="customer")
        assert choice_label(log, "status") == log.get_status_display()
        assert choice_label(log, "target_type") == log.get_target_type_display()


def test_the_language_is_that_of_the_request_not_the_first_one_seen() -> None:
    execution = WorkflowExecution(status=Status.FAILED)
    with translation.override("nb"):
        norwegian = choice_label(execution, "status")
    with translation.override("en"):
        english = choice_label(execution, "status")
    assert (norwegian, english) == ("Feilet", "Failed")


def test_a_value_without_a_choice_is_shown_as_itself_and_escaped_in_templates() -> None:
    execution = WorkflowExecution(status="<odd>")
    assert choice_label(execution, "status") == "<odd>"
    rendered = Template('{% load choices %}{{ e|choice_label:"status" }}').render(
        Context({"e": execution})
    )
    assert rendered == "&lt;odd&gt;"
