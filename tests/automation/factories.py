"""factory_boy factories for the automation app's models."""

from __future__ import annotations

from datetime import UTC, datetime

import factory

from automation.models import WorkflowDefinition, WorkflowSchedule, WorkflowStep


class WorkflowDefinitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkflowDefinition

    name = factory.Sequence(lambda n: f"Workflow {n}")
    workflow_type = WorkflowDefinition.WorkflowType.SCHEDULED
    status = WorkflowDefinition.Status.ACTIVE
    is_active = True

    class Params:
        draft = factory.Trait(status=WorkflowDefinition.Status.DRAFT, is_active=False)
        paused = factory.Trait(status=WorkflowDefinition.Status.PAUSED, is_active=False)
        event_based = factory.Trait(
            workflow_type=WorkflowDefinition.WorkflowType.EVENT_BASED,
            event={"type": "order.created"},
        )


class WorkflowStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkflowStep

    workflow = factory.SubFactory(WorkflowDefinitionFactory)
    step_order = factory.Sequence(lambda n: n + 1)
    name = "Report"
    step_type = "generate_report"
    action_config = factory.LazyFunction(
        lambda: {"report": "execution_summary", "send_to": ["boss@example.com"]}
    )


class WorkflowScheduleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkflowSchedule

    workflow = factory.SubFactory(WorkflowDefinitionFactory)
    schedule_type = WorkflowSchedule.ScheduleType.WEEKLY
    schedule_config = factory.LazyFunction(lambda: {"day": "monday", "time": "09:00"})
    timezone = "Europe/Oslo"
    next_run = datetime(2026, 3, 30, 7, 0, tzinfo=UTC)
