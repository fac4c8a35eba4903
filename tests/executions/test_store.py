"""The action store's promises, checked against each implementation (``executions.store``):
the portable reference and, on PostgreSQL, the fast paths. The claim, batch and dispatch tests
(test_email_step, test_engine, test_sweep, test_dispatch) also run against both."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection, transaction
from django.utils import timezone

from core.reasons import Reason
from executions.models import WorkflowActionLog, WorkflowExecution
from executions.store import ActionRow, DispatchRow, PortableStore, SentRecord
from tests.customers.factories import CustomerFactory

pytestmark = pytest.mark.django_db

LogStatus = WorkflowActionLog.Status
Status = WorkflowExecution.Status
STEP = {"step_order": 1, "step_type": "send_email", "action_config": {}}


@pytest.fixture(params=["portable", "postgresql"])
def store(request: pytest.FixtureRequest) -> PortableStore:
    if request.param == "portable":
        return PortableStore()
    if connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL store needs PostgreSQL")
    from executions.store.postgresql import POSTGRES

    return POSTGRES


@pytest.fixture
def execution(make_workflow, start_execution) -> WorkflowExecution:
    from tests.templates_app.factories import EmailTemplateFactory

    template = EmailTemplateFactory()
    workflow = make_workflow(
        [
            {
                "step_order": 1,
                "step_type": "send_email",
                "action_config": {"template_id": template.pk, "recipients": {"group": "all"}},
            }
        ]
    )
    found = start_execution(workflow)
    WorkflowExecution.objects.filter(pk=found.pk).update(status=Status.RUNNING)
    found.refresh_from_db()
    return found


def insert(
    store: PortableStore, execution: WorkflowExecution, rows: list[ActionRow], *, fresh: bool
):
    store.insert_actions(
        execution_id=execution.pk,
        step_id=None,
        step_order=1,
        action_type="send_email",
        target_type=WorkflowActionLog.TargetType.CUSTOMER,
        rows=rows,
        fresh=fresh,
    )


def rows_of(execution: WorkflowExecution) -> dict[int, tuple[str, Any, int]]:
    return {
        row.target_id: (row.status, row.result_data, row.attempts)
        for row in WorkflowActionLog.objects.filter(execution=execution)
    }


def test_new_rows_go_in_as_given_and_a_repeat_keeps_what_exists(store, execution) -> None:
    text = {"template": 'Tab\there\nÆØÅ "q" \\N \u2603'}
    insert(
        store,
        execution,
        [ActionRow(1, LogStatus.PENDING, text), ActionRow(2, LogStatus.SKIPPED, {})],
        fresh=True,
    )
    WorkflowActionLog.objects.filter(target_id=1).update(status=LogStatus.SUCCESS)
    insert(
        store,
        execution,
        [ActionRow(1, LogStatus.PENDING, {}), ActionRow(3, LogStatus.PENDING, {})],
        fresh=False,
    )

    assert rows_of(execution) == {
        1: ("success", text, 0),
        2: ("skipped", {}, 0),
        3: ("pending", {}, 0),
    }


def test_a_batch_finds_its_rows_and_its_customers_by_key(store, execution) -> None:
    customers = [CustomerFactory() for _ in range(3)]
    gone = CustomerFactory()
    ids = [c.pk for c in customers]
    insert(store, execution, [ActionRow(pk, LogStatus.PENDING, {}) for pk in ids], fresh=True)
    gone_id = gone.pk
    gone.delete()

    found = store.batch_rows(
        execution_id=execution.pk,
        step_order=1,
        action_type="send_email",
        target_type=WorkflowActionLog.TargetType.CUSTOMER,
        target_ids=[*ids[:2], gone_id],
    )
    assert sorted((target, status) for target, _row, status in found) == [
        (ids[0], "pending"),
        (ids[1], "pending"),
    ]
    assert set(store.customers_by_id([*ids, gone_id])) == set(ids)


def _row_id(execution: WorkflowExecution, target: int) -> int:
    return WorkflowActionLog.objects.get(execution=execution, target_id=target).pk


def test_a_claim_takes_a_pending_row_once_and_records_the_send_before_it(store, execution) -> None:
    insert(
        store,
        execution,
        [ActionRow(1, LogStatus.PENDING, {}), ActionRow(2, LogStatus.PENDING, {})],
        fresh=True,
    )
    first, second = _row_id(execution, 1), _row_id(execution, 2)

    assert store.claim(execution_id=execution.pk, row_id=first, sent=None) == 1
    assert store.claim(execution_id=execution.pk, row_id=first, sent=None) is None  # never twice
    sent = SentRecord(first, {"message_id": "<x@y>"})
    assert store.claim(execution_id=execution.pk, row_id=second, sent=sent) == 1

    assert rows_of(execution) == {
        1: ("success", {"message_id": "<x@y>"}, 1),
        2: ("unknown", {}, 1),
    }


def test_nothing_is_claimed_once_the_execution_stops_running(store, execution) -> None:
    insert(store, execution, [ActionRow(1, LogStatus.PENDING, {})], fresh=True)
    WorkflowExecution.objects.filter(pk=execution.pk).update(status=Status.PAUSED)

    assert store.claim(execution_id=execution.pk, row_id=_row_id(execution, 1), sent=None) is None
    assert rows_of(execution)[1] == ("pending", {}, 0)


def test_a_started_claim_answers_like_a_claim(store, execution) -> None:
    insert(
        store,
        execution,
        [ActionRow(1, LogStatus.PENDING, {}), ActionRow(2, LogStatus.PENDING, {})],
        fresh=True,
    )
    claim = store.start_claim(execution_id=execution.pk, row_id=_row_id(execution, 1), sent=None)
    assert claim.result() == 1
    assert claim.result() == 1  # read twice, same answer
    again = store.start_claim(execution_id=execution.pk, row_id=_row_id(execution, 1), sent=None)
    assert again.result() is None
    # Abandoned before reading (an error on the way out): no error; on PostgreSQL the
    # connection, whose state is unknown, is closed (the claim, if it committed, stays).
    store.start_claim(execution_id=execution.pk, row_id=_row_id(execution, 2), sent=None).abandon()


def test_a_step_locks_the_execution_and_reads_its_status(store, execution) -> None:
    with transaction.atomic():
        status, updated_at = store.lock_for_step(execution.pk)
    assert (status, updated_at) == (Status.RUNNING, execution.updated_at)


def _fields(execution: WorkflowExecution, *, but: str = "") -> dict[str, Any]:
    return {
        field.attname: getattr(execution, field.attname)
        for field in WorkflowExecution._meta.concrete_fields
        if field.name != but
    }


@pytest.mark.django_db(transaction=True)  # committed, so another connection sees the row
def test_an_execution_is_read_locked_with_every_field_as_the_orm_reads_it(store, execution) -> None:
    event = {"type": "order.created", "order_id": 7, "name": "Æøå \u2603"}
    WorkflowExecution.objects.filter(pk=execution.pk).update(
        context={"event": event, "outputs": {"1": [1, 2]}},
        error_params={"step": 1},
        completed_at=timezone.now(),
    )
    expected = WorkflowExecution.objects.get(pk=execution.pk)

    with transaction.atomic():
        locked = store.execution_for_update(execution.pk)
        assert locked is not None
        # The row is locked: another connection's NOWAIT lock fails meanwhile.
        if connection.vendor == "postgresql":
            assert _locked_elsewhere(execution.pk)
    assert _fields(locked) == _fields(expected)
    assert locked.context == {"event": event, "outputs": {"1": [1, 2]}}
    assert locked.definition_snapshot == expected.definition_snapshot
    locked.save(update_fields=["error_params"])  # an instance the ORM can save
    with transaction.atomic():
        assert store.execution_for_update(10**9) is None


def other_connection() -> Any:
    """A second session on the test database, as another process would have."""
    import psycopg

    settings = connection.settings_dict
    return psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        autocommit=True,
    )


def _locked_elsewhere(execution_id: int) -> bool:
    import psycopg

    with other_connection() as other:
        try:
            other.execute(
                f"SELECT 1 FROM {WorkflowExecution._meta.db_table} WHERE id = %s FOR UPDATE NOWAIT",
                [execution_id],
            )
        except psycopg.errors.LockNotAvailable:
            return True
    return False


@pytest.mark.parametrize(
    "context", [{"event": {"customer_id": 3}, "outputs": {"1": [1]}}, {"outputs": {}}]
)
def test_a_batch_reads_the_execution_with_only_its_event(store, execution, context) -> None:
    WorkflowExecution.objects.filter(pk=execution.pk).update(context=context)
    expected = WorkflowExecution.objects.get(pk=execution.pk)

    found = store.batch_execution(execution.pk)

    assert found.context == {"event": context.get("event")}
    assert _fields(found, but="context") == _fields(expected, but="context")
    with pytest.raises(WorkflowExecution.DoesNotExist):
        store.batch_execution(10**9)


def test_a_step_counts_its_pending_and_failed_rows_and_an_execution_its_unknown(
    store, execution
) -> None:
    ids = [CustomerFactory().pk for _ in range(4)]
    insert(store, execution, [ActionRow(pk, LogStatus.PENDING, {}) for pk in ids], fresh=True)
    assert store.step_has_pending(execution.pk, 1)
    assert not store.step_has_pending(execution.pk, 2)
    assert store.step_counts(execution.pk, 1) == (4, 0)
    assert not store.has_unknown(execution.pk)

    WorkflowActionLog.objects.filter(target_id=ids[0]).update(status=LogStatus.FAILED)
    WorkflowActionLog.objects.filter(target_id=ids[1]).update(status=LogStatus.UNKNOWN)
    WorkflowActionLog.objects.filter(target_id__in=ids[2:]).update(status=LogStatus.SUCCESS)

    assert not store.step_has_pending(execution.pk, 1)
    assert store.step_counts(execution.pk, 1) == (0, 1)
    assert store.step_counts(execution.pk, 2) == (0, 0)
    assert store.has_unknown(execution.pk)


def test_a_dispatch_batch_inserts_each_key_once(store, make_workflow) -> None:
    from automation.services import workflow_definition, workflow_deploy

    workflow = workflow_deploy(workflow=make_workflow([STEP | _template_config()]), by=None)
    schedule = workflow.schedule
    at = timezone.now() + dt.timedelta(minutes=1)
    row = DispatchRow(
        workflow_id=workflow.pk,
        schedule_id=schedule.pk,
        status=Status.QUEUED,
        scheduled_for=at,
        idempotency_key="schedule:test:1",
        context={"dispatched_ahead": True},
        workflow_version=workflow.version,
        reason=Reason("execution.due"),
    )
    snapshots = {workflow.pk: workflow_definition(workflow)}

    ids = store.insert_dispatched([row], snapshots, trigger="schedule", now=timezone.now())
    assert ids is not None and list(ids) == ["schedule:test:1"]
    execution = WorkflowExecution.objects.get(pk=ids["schedule:test:1"])
    assert (execution.status, execution.scheduled_for, execution.context) == (
        Status.QUEUED,
        at,
        {"dispatched_ahead": True},
    )
    assert execution.definition_snapshot == snapshots[workflow.pk]
    assert [(t.reason, t.reason_code) for t in execution.transitions.all()] == [
        ("due by schedule", "execution.due")
    ]

    # The same key again (a second dispatcher): no second execution, and the store says so
    # (PostgreSQL skips the key, the portable store reports the race for the caller to retry
    # one by one).
    with transaction.atomic():
        again = store.insert_dispatched([row], snapshots, trigger="schedule", now=timezone.now())
    assert again in ({}, None)
    assert WorkflowExecution.objects.filter(idempotency_key="schedule:test:1").count() == 1


def _template_config() -> dict[str, Any]:
    from tests.templates_app.factories import EmailTemplateFactory

    return {
        "action_config": {
            "template_id": EmailTemplateFactory().pk,
            "recipients": {"group": "all"},
        }
    }


def test_a_transition_writes_the_fields_and_its_row_alike(store, execution, django_user_model):
    """``save_transition``: the execution's fields and ``updated_at`` (the instance's too, so a
    step's lock sees no change by someone else) and the transition row, with its reason."""
    from executions.models import ExecutionTransition

    actor = django_user_model.objects.create_user(username="staff-transition")
    done = timezone.now()
    execution.status = Status.COMPLETED
    execution.completed_at = done
    execution.current_step = None
    execution.context = {"outputs": {"1": [7]}, "note": "ø"}
    row = ExecutionTransition(
        execution=execution,
        from_status=Status.RUNNING,
        to_status=Status.COMPLETED,
        step_order=None,
        **Reason("execution.completed").reason_fields(),
        actor=actor,
    )
    with transaction.atomic():
        store.save_transition(execution, ["status", "completed_at", "current_step", "context"], row)
        assert store.lock_for_step(execution.pk) == (Status.COMPLETED, execution.updated_at)

    saved = WorkflowExecution.objects.get(pk=execution.pk)
    assert (saved.status, saved.completed_at, saved.current_step, saved.context) == (
        Status.COMPLETED,
        done,
        None,
        {"outputs": {"1": [7]}, "note": "ø"},
    )
    written = ExecutionTransition.objects.get(pk=row.pk)
    assert (written.execution_id, written.from_status, written.to_status, written.actor) == (
        execution.pk,
        Status.RUNNING,
        Status.COMPLETED,
        actor,
    )
    assert (written.reason_code, written.step_order) == ("execution.completed", None)
    assert written.at is not None and abs(written.at - saved.updated_at) < dt.timedelta(seconds=5)


def test_a_transition_of_an_execution_that_is_gone_raises_and_writes_nothing(
    store, execution
) -> None:
    from django.db import DatabaseError

    from executions.models import ExecutionTransition

    WorkflowExecution.objects.filter(pk=execution.pk).delete()
    execution.status = Status.FAILED
    with pytest.raises(DatabaseError), transaction.atomic():
        store.save_transition(
            execution,
            ["status"],
            ExecutionTransition(execution=execution, from_status="running", to_status="failed"),
        )
    assert not ExecutionTransition.objects.filter(execution_id=execution.pk).exists()


def _new_execution(workflow, key: str | None) -> tuple[WorkflowExecution, Any]:
    from executions.models import ExecutionTransition

    execution = WorkflowExecution(
        workflow=workflow,
        status=Status.QUEUED,
        trigger=WorkflowExecution.Trigger.MANUAL,
        idempotency_key=key,
        context={"event": {"name": "æøå"}},
        definition_snapshot={"steps": [STEP]},
        workflow_version=workflow.version,
    )
    first = ExecutionTransition(
        execution=execution,
        from_status="",
        to_status=Status.QUEUED,
        **Reason("execution.started_by_hand").reason_fields(),
    )
    return execution, first


def test_an_execution_is_created_with_its_first_transition_once_per_key(store, execution) -> None:
    from executions.models import ExecutionTransition

    workflow = execution.workflow
    execution, first = _new_execution(workflow, "manual:1:abc")
    with transaction.atomic():
        assert store.create_execution(execution, first) is True
        again, again_first = _new_execution(workflow, "manual:1:abc")
        # A repeat writes nothing, and the caller's transaction goes on.
        assert store.create_execution(again, again_first) is False
        assert WorkflowExecution.objects.filter(idempotency_key="manual:1:abc").count() == 1

    saved = WorkflowExecution.objects.get(pk=execution.pk)
    assert (saved.status, saved.idempotency_key, saved.context) == (
        Status.QUEUED,
        "manual:1:abc",
        {"event": {"name": "æøå"}},
    )
    assert saved.created_at == execution.created_at and saved.updated_at == execution.updated_at
    assert list(
        ExecutionTransition.objects.filter(execution=saved).values_list(
            "pk", "from_status", "to_status", "reason_code"
        )
    ) == [(first.pk, "", Status.QUEUED, "execution.started_by_hand")]
    # Without a key every call creates one.
    for _ in range(2):
        assert store.create_execution(*_new_execution(workflow, None)) is True
    assert WorkflowExecution.objects.filter(workflow=workflow).count() == 4


def test_a_template_is_read_whole_by_its_id(store) -> None:
    from templates_app.models import EmailTemplate
    from tests.templates_app.factories import EmailTemplateFactory

    made = EmailTemplateFactory(subject="Hei {{ kunde_navn }}, ÆØÅ", variables=["kunde_navn"])
    expected = EmailTemplate.objects.get(pk=made.pk)

    found = store.template(made.pk)

    assert found is not None
    assert {f.attname: getattr(found, f.attname) for f in EmailTemplate._meta.concrete_fields} == {
        f.attname: getattr(expected, f.attname) for f in EmailTemplate._meta.concrete_fields
    }
    assert store.template(10**9) is None


def test_step_work_in_progress_is_seen_from_another_process_until_it_ends() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL store needs PostgreSQL")
    from executions.store.postgresql import POSTGRES, _step_work_key

    def elsewhere(step_order: int = 2) -> bool:
        with transaction.atomic():
            return POSTGRES.step_work_elsewhere(41, step_order)

    assert not elsewhere()
    with other_connection() as other:
        # Another worker's part of step 2 of execution 41, as ``doing_step_work`` holds it.
        key = _step_work_key(41, 2)
        other.execute("SELECT pg_advisory_lock_shared(%s)", [key])
        assert elsewhere()
        assert not elsewhere(step_order=3)  # another step's work is no concern of step 2's
        with POSTGRES.doing_step_work(41, 2):  # parts run side by side
            pass
        assert elsewhere()
        other.execute("SELECT pg_advisory_unlock_shared(%s)", [key])
        assert not elsewhere()
        other.execute("SELECT pg_advisory_lock_shared(%s)", [key])
    # The other process is gone (its connection closed): its lock went with it.
    assert not elsewhere()
    with POSTGRES.doing_step_work(41, 2):
        pass
    assert not elsewhere()  # released at the end of the block
    assert PortableStore().step_work_elsewhere(41, 2) is False


def test_step_work_holds_no_session_lock_behind_a_pooler(settings) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL store needs PostgreSQL")
    from executions.store.postgresql import POSTGRES, _step_work_key

    settings.DATABASE_SESSION_LOCKS = False  # a pooler in transaction mode in between
    with POSTGRES.doing_step_work(42, 1), other_connection() as other:
        key = _step_work_key(42, 1)
        assert other.execute("SELECT pg_try_advisory_lock(%s)", [key]).fetchone() == (True,)
    settings.DATABASE_SESSION_LOCKS = True
    with POSTGRES.doing_step_work(42, 1), other_connection() as other:
        assert other.execute("SELECT pg_try_advisory_lock(%s)", [key]).fetchone() == (False,)
