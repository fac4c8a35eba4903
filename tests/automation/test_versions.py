"""automation.versions: summaries of versions, comparison, export by name and import."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from automation.models import WorkflowDefinition, WorkflowVersion
from automation.services import workflow_create, workflow_definition, workflow_update
from automation.validation import WorkflowValidationError
from automation.versions import (
    version_get,
    version_summary,
    versions_compare,
    workflow_export,
    workflow_import,
)
from templates_app.models import EmailTemplate
from tests.automation.workflow_docs import Refs, make_refs, running_example

pytestmark = pytest.mark.django_db


@pytest.fixture
def refs() -> Refs:
    return make_refs()


@pytest.fixture
def workflow(refs: Refs) -> WorkflowDefinition:
    return workflow_create(created_by=None, data=running_example(refs))


def edit(workflow: WorkflowDefinition, change: Any) -> WorkflowDefinition:
    doc = copy.deepcopy(workflow_definition(workflow))
    change(doc)
    return workflow_update(workflow=workflow, data=doc, updated_by=None, expected_version=None)


def test_a_version_with_several_changes_is_summed_up_as_its_first_and_how_many_more(
    workflow: WorkflowDefinition,
) -> None:
    def change(doc: dict[str, Any]) -> None:
        doc["name"] = "Bestilling hver uke"
        doc["steps"][1]["trigger_config"] = {"day": "wednesday", "time": "12:00"}

    edit(workflow, change)
    version = version_get(workflow=workflow, version=2)

    nb = version_summary(version, language="nb")
    en = version_summary(version, language="en")

    assert nb.endswith("(+1 til)") and "Bestilling hver uke" in nb
    assert en.endswith("(+1 more)")
    assert version_summary(version_get(workflow=workflow, version=1)) == "Opprettet"


def test_compare_answers_either_direction_and_refuses_a_version_it_does_not_have(
    workflow: WorkflowDefinition,
) -> None:
    edit(
        workflow, lambda d: d["steps"][1].update(trigger_config={"day": "friday", "time": "10:00"})
    )

    forward = versions_compare(workflow=workflow, old=1, new=2)
    backward = versions_compare(workflow=workflow, old=2, new=1, language="en")

    assert [c.text for c in forward] == ["Påminnelse: torsdag 15:00 → fredag 10:00"]
    assert [c.text for c in backward] == ["Påminnelse: Friday 10:00 → Thursday 15:00"]
    assert versions_compare(workflow=workflow, old=2, new=2) == []
    with pytest.raises(WorkflowVersion.DoesNotExist):
        versions_compare(workflow=workflow, old=1, new=5)


def test_export_names_the_templates_and_leaves_other_steps_and_the_workflow_as_they_are(
    workflow: WorkflowDefinition, refs: Refs
) -> None:
    def add_report(doc: dict[str, Any]) -> None:
        doc["steps"].append(
            {
                "step_order": 3,
                "step_type": "generate_report",
                "action_config": {"report": "execution_summary", "send_to": ["sjef@example.com"]},
            }
        )

    workflow = edit(workflow, add_report)
    before = workflow_definition(workflow)

    exported = workflow_export(workflow=workflow)

    assert [s["action_config"].get("template") for s in exported["steps"]] == [
        "Bestillingsskjema",
        "Påminnelse",
        None,
    ]
    assert exported["steps"][2]["action_config"] == before["steps"][2]["action_config"]
    assert workflow_definition(workflow) == before  # the export copied, changed nothing


def test_an_import_into_an_installation_with_other_ids_finds_the_templates_by_name(
    workflow: WorkflowDefinition, refs: Refs
) -> None:
    exported = workflow_export(workflow=workflow)
    # Another installation: the same template names, other ids.
    old_ids = {refs.order_form.pk, refs.reminder.pk}
    WorkflowDefinition.objects.all().delete()
    refs.order_form.delete()
    refs.reminder.delete()
    form = EmailTemplate.objects.create(name="Bestillingsskjema", subject="S", body_html="<p>x</p>")
    reminder = EmailTemplate.objects.create(name="Påminnelse", subject="S", body_html="<p>y</p>")
    assert not {form.pk, reminder.pk} & old_ids

    imported = workflow_import(data=exported, by=None)

    steps = workflow_definition(imported)["steps"]
    assert [s["action_config"]["template_id"] for s in steps] == [form.pk, reminder.pk]
    assert imported.name == "Ukentlig bestilling" and imported.status == "draft"


def test_a_refused_import_saves_nothing(workflow: WorkflowDefinition) -> None:
    exported = workflow_export(workflow=workflow)
    exported["steps"][0]["action_config"]["template"] = "Finnes ikke"

    with pytest.raises(WorkflowValidationError) as caught:
        workflow_import(data=exported, by=None)

    assert [e["path"] for e in caught.value.errors] == ["/steps/0/action_config/template"]
    assert WorkflowDefinition.objects.count() == 1
    assert WorkflowVersion.objects.count() == 1
