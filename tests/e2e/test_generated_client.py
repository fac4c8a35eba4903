"""An integrator's client, generated from the served /api/schema/ by openapi-python-client
(pinned in the dev dependencies), runs the running example as is (issue 25, 1).

The live server (a free port on loopback), a real Celery worker and an SMTP sink: token,
create, deploy, execute with an Idempotency-Key, status, logs and the executions list, every
request made and every answer parsed by the generated code, none written by hand.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from django.contrib.auth.models import Group, User

from automation.api_schema import RUNNING_EXAMPLE
from customers.models import Customer
from templates_app.models import EmailTemplate
from tests.e2e.conftest import SmtpSink, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.slow]

PACKAGE = "wa_client"
PASSWORD = "generated-client-pw-5521"


def generate_client(base_url: str, into: Path) -> tuple[ModuleType, str]:
    """The client generated from the schema the server serves; and what the generator said."""
    served = httpx.get(
        f"{base_url}/api/schema/", headers={"Accept": "application/vnd.oai.openapi+json"}
    )
    assert served.status_code == 200, served.text[:500]
    schema_path = into / "openapi.json"
    schema_path.write_text(json.dumps(served.json()), encoding="utf-8")
    bin_dir = Path(sys.executable).parent  # the generator and the ruff it formats with
    result = subprocess.run(
        [
            str(bin_dir / "openapi-python-client"),
            "generate",
            "--path",
            str(schema_path),
            "--output-path",
            str(into / PACKAGE),
            "--meta",
            "none",
        ],
        env={**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    said = result.stdout + result.stderr
    assert result.returncode == 0, said
    sys.path.insert(0, str(into))
    return importlib.import_module(PACKAGE), said


def module(name: str) -> Any:
    return importlib.import_module(f"{PACKAGE}.{name}")


@pytest.fixture
def generated(tmp_path: Path, live_server: Any) -> Any:
    client, said = generate_client(live_server.url, tmp_path)
    try:
        yield client, said
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


@pytest.fixture
def shop(transactional_db: None) -> dict[str, Any]:
    user = User.objects.create_user(username="integrator", password=PASSWORD)
    user.groups.add(Group.objects.get_or_create(name="developer")[0])
    customers = [
        Customer.objects.create(name=f"Kafé {n}", email=f"kafe{n}@example.com") for n in range(3)
    ]
    form = EmailTemplate.objects.create(
        name="Bestillingsskjema", subject="Bestill nå", body_html="<p>Hei {{ kunde_navn }}</p>"
    )
    reminder = EmailTemplate.objects.create(
        name="Påminnelse", subject="Husk å bestille", body_html="<p>Husk {{ kunde_navn }}</p>"
    )
    document = json.loads(json.dumps(RUNNING_EXAMPLE))
    document["steps"][0]["action_config"]["template_id"] = form.pk
    document["steps"][1]["action_config"]["template_id"] = reminder.pk
    return {"user": user, "customers": customers, "document": document}


def test_the_generator_generates_everything_without_a_warning(generated: Any) -> None:
    _client, said = generated

    assert "Warning" not in said and "WARNING" not in said, said
    workflows = {path.stem for path in Path(module("api.workflows").__file__).parent.glob("*.py")}
    assert {"workflows_create", "workflows_update", "workflows_partial_update"} <= workflows


def test_the_running_example_through_the_generated_client(
    generated: Any,
    shop: dict[str, Any],
    live_server: Any,
    celery_worker: Any,
    smtp_server: SmtpSink,
) -> None:
    client_module, _said = generated
    models = module("models")
    auth_token = module("api.auth.auth_token_create")
    create = module("api.workflows.workflows_create")
    deploy = module("api.workflows.workflows_deploy_update")
    execute = module("api.workflows.workflows_execute_create")
    status = module("api.executions.executions_status_retrieve")
    logs = module("api.executions.executions_logs_list")
    executions = module("api.executions.executions_list")

    # Token.
    anonymous = client_module.Client(base_url=live_server.url, raise_on_unexpected_status=True)
    pair = auth_token.sync(
        client=anonymous,
        body=models.TokenObtainPairRequest(username="integrator", password=PASSWORD),
    )
    assert isinstance(pair, models.TokenPair), pair
    api = client_module.AuthenticatedClient(
        base_url=live_server.url, token=pair.access, raise_on_unexpected_status=True
    )

    # Create: the running example's document becomes typed models, one per step type.
    body = models.WorkflowRequest.from_dict(shop["document"])
    assert body.to_dict() == shop["document"]
    assert all(isinstance(s, models.WorkflowStepSendEmailRequest) for s in body.steps)
    assert isinstance(body.steps[0].action_config, models.WorkflowSendEmailConfig)
    assert isinstance(body.schedule, models.WorkflowScheduleWeeklyRequest)
    workflow = create.sync(client=api, body=body)
    assert isinstance(workflow, models.Workflow), workflow
    assert workflow.status == models.WorkflowStatusEnum.DRAFT
    first, reminder = workflow.steps
    assert isinstance(first, models.WorkflowStepSendEmail)
    assert isinstance(first.condition_config, models.WorkflowNoConfig)
    assert isinstance(reminder.condition_config, models.WorkflowCondition)
    assert reminder.condition_config.check == models.CheckEnum.ORDERS_MISSING
    assert isinstance(workflow.schedule, models.WorkflowScheduleWeekly)
    assert workflow.schedule.schedule_config.day == models.WeekdayEnum.MONDAY

    # Deploy.
    deployed = deploy.sync(workflow.id, client=api)
    assert isinstance(deployed, models.Workflow), deployed
    assert deployed.status == models.WorkflowStatusEnum.ACTIVE

    # Execute, twice with the same key: one execution.
    key = uuid.uuid4().hex
    started = execute.sync(workflow.id, client=api, idempotency_key=key)
    again = execute.sync(workflow.id, client=api, idempotency_key=key)
    assert isinstance(started, models.ExecutionStarted), started
    assert isinstance(started.status, models.ExecutionStatusEnum)
    assert again.execution_id == started.execution_id
    assert (
        started.status_url
        == f"/api/v1/workflow-automation/executions/{started.execution_id}/status"
    )

    # Status: the order form goes out now; the reminder waits for Thursday 15:00.
    def waiting() -> Any:
        answer = status.sync(started.execution_id, client=api)
        assert isinstance(answer, models.ExecutionStatus), answer
        return answer if answer.status == models.ExecutionStatusEnum.WAITING else None

    current = wait_for(waiting, what="step 1 sent and the reminder's wait")
    assert current.current_step == 2 and not current.is_finished
    assert smtp_server.count() == len(shop["customers"])

    # Logs: one sent email per customer, parsed.
    page = logs.sync(started.execution_id, client=api, step=1)
    assert isinstance(page, models.PaginatedActionLogList), page
    emails = [log for log in page.results if log.target_type == models.TargetTypeEnum.CUSTOMER]
    assert {log.target_id for log in emails} == {c.pk for c in shop["customers"]}
    assert {log.status for log in emails} == {models.ActionLogStatusEnum.SUCCESS}

    # The executions list.
    listed = executions.sync(client=api, workflow=workflow.id)
    assert isinstance(listed, models.PaginatedExecutionList), listed
    assert [e.id for e in listed.results] == [started.execution_id]
