"""Call a configured integration (an outbound HTTP request under its base URL)."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from pydantic import Field
from pydantic.json_schema import SkipJsonSchema

from automation.http import OutboundHTTPError, UnsafeURLError, check_url
from automation.integrations import integration_request
from automation.models import Integration
from automation.registry import DslParam, DslSpec, Reference, StepType, register
from automation.step_config import ConfigModel
from automation.wording import Lookups, Words
from core.reasons import Reason
from executions.engine import StepContext, StepResult
from executions.errors import PermanentStepError, RetryableStepError
from executions.models import WorkflowActionLog

logger = logging.getLogger(__name__)


@register
class CallIntegration(StepType):
    key = "call_integration"
    label = _("Call integration")
    doc = "Send an HTTP request to a configured integration (developers only)."
    config_field = "action_config"
    # It reaches outside systems with our stored credentials.
    required_role = "developer"
    references = (
        Reference(("integration_id",), "integration"),
        Reference(("path",), "relative_path"),
    )
    dsl = DslSpec(
        (
            DslParam("integration", "integration_id", required=True),
            DslParam("method", "method", required=True),
            DslParam("path", "path"),
            DslParam("body", "body"),
            DslParam("timeout_s", "timeout_s"),
        )
    )
    # The values ``_variables`` fills in, with what each holds.
    variables = {
        "firma_navn": _("the company's name"),
        "arbeidsflyt": _("the workflow's name"),
        "kjoring_id": _("the run's number"),
        "dato": _("today's date (YYYY-MM-DD)"),
        "antall_kunder": _("how many customers the last step found"),
    }
    nouns = re.compile(r"\b(integrasjon\w*|integrations?|api)\b")
    prompt = (
        "call_integration sender en HTTP-forespørsel til en integrasjon (integration_id fra "
        "listen, method, path under integrasjonens adresse, body kan bruke {{ variabler }})."
    )

    class Config(ConfigModel):
        """Send an HTTP request to an active integration. path is relative to the
        integration's base URL (no scheme or host); body may use template variables."""

        integration_id: Annotated[int, Field(ge=1)]
        method: Literal["GET", "POST", "PUT", "PATCH", "DELETE"]
        path: Annotated[str, Field(max_length=2000)] = ""
        body: dict[str, Any] | list[Any] | str | SkipJsonSchema[None] = None
        timeout_s: Annotated[float, Field(gt=0, le=120)] = 10

    def describe(self, step: Mapping[str, Any], w: Words, lookups: Lookups) -> str:
        action = step.get("action_config") or {}
        name = lookups.integration_name(action.get("integration_id"))
        request = f"{action.get('method')} /{str(action.get('path') or '').lstrip('/')}"
        return w.say(
            f"Kall integrasjonen {name}: {request}", f"Call the integration {name}: {request}"
        )

    def policy_errors(
        self, step: Mapping[str, Any], *, user: Any, path: str
    ) -> list[dict[str, str]]:
        # Checked again when saved: a row may predate the address rules, or have been
        # changed in the database since.
        integration_id = (step.get("action_config") or {}).get("integration_id")
        integration = Integration.objects.filter(pk=integration_id).first()
        if integration is None:
            return []  # the validator reports unknown integrations
        try:
            check_url(integration.base_url)
        except UnsafeURLError:
            return [
                {
                    "path": f"{path}/action_config/integration_id",
                    "code": "integration_address_not_allowed",
                    "message": gettext(
                        "Integration “%(name)s” points to an address that workflows may not "
                        "call (internal network or cloud metadata)."
                    )
                    % {"name": integration.name},
                }
            ]
        except Exception:  # DNS trouble is not a policy matter; the engine checks each call
            logger.info("Could not resolve integration %s while checking policy", integration.pk)
        return []

    def run(self, ctx: StepContext, config: CallIntegration.Config) -> StepResult:
        body = _fill(config.body, _variables(ctx))
        common = {
            "action_type": self.key,
            "target_type": WorkflowActionLog.TargetType.INTEGRATION,
            "target_id": config.integration_id,
        }
        request = {"method": config.method, "path": config.path}
        if ctx.is_test:
            ctx.log(
                **common,
                status=WorkflowActionLog.Status.SUCCESS,
                result_data={"test": True, "would_call": {**request, "body": body}},
            )
            return StepResult()
        try:
            integration = Integration.objects.get(pk=config.integration_id)
        except Integration.DoesNotExist as exc:
            raise PermanentStepError(Reason("integration.gone", id=config.integration_id)) from exc
        try:
            response = integration_request(
                integration=integration,
                method=config.method,
                path=config.path,
                body=body,
                timeout_s=config.timeout_s,
            )
            response.raise_for_status()
        except OutboundHTTPError as exc:
            error = RetryableStepError if exc.retryable else PermanentStepError
            raise error(
                Reason("integration.failed", name=integration.name, error=exc.reason)
            ) from exc
        ctx.log(
            **common,
            status=WorkflowActionLog.Status.SUCCESS,
            result_data={**request, "status": response.status, "bytes": len(response.body)},
        )
        return StepResult(data={"status": response.status})


_VARIABLE = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")


def _variables(ctx: StepContext) -> dict[str, str]:
    """The values a request body may use: plain strings, nothing from settings or models."""
    outputs = ctx.outputs
    last_set = outputs[max(outputs, key=int)] if outputs else []
    return {
        "firma_navn": settings.COMPANY_NAME,
        "arbeidsflyt": ctx.execution.workflow.name,
        "kjoring_id": str(ctx.execution.pk),
        "dato": ctx.now.date().isoformat(),
        "antall_kunder": str(len(last_set)),
    }


def _fill(value: Any, variables: dict[str, str]) -> Any:
    """Replace {{ name }} in every string of a JSON body; unknown names stay as written."""
    if isinstance(value, str):
        return _VARIABLE.sub(lambda m: variables.get(m.group(1), m.group(0)), value)
    if isinstance(value, list):
        return [_fill(item, variables) for item in value]
    if isinstance(value, dict):
        return {key: _fill(item, variables) for key, item in value.items()}
    return value
