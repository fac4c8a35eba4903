"""Build a report and email it to staff addresses (on the low-priority ``report`` queue)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from django.utils.translation import gettext_lazy as _
from pydantic import Field

from automation.drafting import Facts, StepDraft
from automation.registry import DslParam, DslSpec, Phrases, Reference, StepType, register
from automation.step_config import ConfigModel
from automation.wording import Lookups, Words
from executions import queueing
from executions.engine import StepContext, StepResult
from executions.models import WorkflowActionLog, WorkflowExecution
from executions.one_off import perform_one_off, prepare_one_off
from executions.steps.generate_report.report import build_report, send_report, timezone_of

REPORT_NAMES = {
    "execution_summary": ("kjøringsrapport", "run summary"),
    "orders_missing": ("rapport over manglende bestillinger", "missing orders report"),
    "weekly_orders": ("ukesrapport over bestillinger", "weekly orders report"),
}


@register
class GenerateReport(StepType):
    key = "generate_report"
    label = _("Generate report")
    doc = "Build a report (CSV attached) and email it to staff addresses (send_to)."
    config_field = "action_config"
    queue = "report"
    sends_email = True
    references = (Reference(("send_to", "*"), "email"),)
    dsl = DslSpec(
        (
            DslParam("report", "report", required=True),
            DslParam("send_to", "send_to", "text_list", required=True),
        )
    )
    nouns = re.compile(r"\b(\w*rapport\w*|reports?|oversikt\w*|summary)\b")
    phrases = Phrases(
        re.compile(
            r"\w*rapport\w*|\breports?\b|(?<![\w-])oversikt\w*|\bsummary\b|\bsammendrag\w*"
            r"|\boppsummering\w*|\bstatisti\w*|\b(?:a\s+)?list\s+of\b|\bliste\s+over\b"
        ),
        priority=20,
    )
    prompt = (
        "generate_report lager en rapport (report: execution_summary, orders_missing eller "
        "weekly_orders) og sender den til e-postadressene teksten nevner (send_to)."
    )

    class Config(ConfigModel):
        """Generate a report and email it to send_to."""

        report: Literal["execution_summary", "orders_missing", "weekly_orders"]
        send_to: Annotated[
            list[Annotated[str, Field(min_length=3, max_length=254)]],
            Field(min_length=1, max_length=50),
        ]

    def describe(self, step: Mapping[str, Any], w: Words, lookups: Lookups) -> str:
        action = step.get("action_config") or {}
        kind = action.get("report")
        nb, en = REPORT_NAMES.get(kind, (kind, kind))  # type: ignore[arg-type]
        to = ", ".join(action.get("send_to") or [])
        return w.say(f"Send {nb} til {to}", f"Send the {en} to {to}")

    def draft(self, facts: Facts) -> StepDraft:
        if not facts.emails:
            raise facts.ask(
                "Hvilken e-postadresse skal rapporten sendes til?",
                "Which email address should the report go to?",
            )
        return StepDraft(
            action_config={"report": _report_kind(facts.text), "send_to": list(facts.emails)},
            name=("Send rapport", "Send report"),
            label=("rapport", "report"),
            kind="report",
            # "who have not ordered" is what the report is about, not whom it goes to.
            takes_no_condition=True,
        )

    def run(self, ctx: StepContext, config: GenerateReport.Config) -> StepResult:
        if ctx.is_test:
            # Test runs build the report and log a preview without sending it.
            report = build_report(
                config.report, ctx.execution, timezone_name=ctx.timezone, own_action=self.key
            )
            ctx.log(
                action_type=self.key,
                target_type=WorkflowActionLog.TargetType.REPORT,
                target_id=0,
                status=WorkflowActionLog.Status.SUCCESS,
                result_data={
                    "test": True,
                    "title": report.title,
                    "rows": len(report.rows),
                    "send_to": list(config.send_to),
                },
            )
            return StepResult()
        fanned_out = prepare_one_off(
            ctx,
            target_type=WorkflowActionLog.TargetType.REPORT,
            queue=self.queue,
            failed="report.not_sent",
        )
        return StepResult(fanned_out=fanned_out)

    def work(self, execution_id: int, step_order: int, part: list[int] | None) -> None:
        perform_one_off(execution_id, step_order, self._send)

    def _send(
        self, execution: WorkflowExecution, step: dict[str, Any], claimed: dict[str, Any]
    ) -> dict[str, Any]:
        config = step.get("action_config") or {}
        report = build_report(
            config["report"],
            execution,
            timezone_name=timezone_of(execution),
            own_action=self.key,
        )
        send_to = list(config.get("send_to", []))
        send_report(report, send_to=send_to, kind=config["report"])
        return {"title": report.title, "rows": len(report.rows), "send_to": send_to}

    def redispatch(self, execution_id: int, step_order: int, pending: list[int]) -> int:
        queueing.enqueue_step_work(execution_id, step_order, self.key, None, queue=self.queue)
        return 1


_NOT_ORDERED = re.compile(
    r"\b(?:ikke|not|never|aldri|ikkje|yet\s+to|n't)\s+(?:\w+\s+){0,3}?"
    r"(?:bestilt|bestille|bestiller|ordered|order|lagt\s+inn|sendt\s+inn|handlet|placed)\w*"
    r"|\b\w+n't\s+(?:\w+\s+){0,2}?(?:ordered|order|placed)\b"
    r"|\b(?:havent|hasnt|didnt|have\s+not|has\s+not)\s+(?:\w+\s+){0,2}?(?:ordered|order|placed)\b"
    r"|\bmangler\w*|\bmissing\b|\buten\s+(?:ordre|bestilling)\w*|\bwithout\s+(?:an?\s+)?orders?"
    r"|\bno\s+orders?\b|\bingen\s+(?:ordre|bestilling)\w*|\bnot\s+yet\s+ordered\b"
    r"|\bhar\s+glemt\s+å\s+bestille\b|\bforgot\s+to\s+order\b"
)


def _report_kind(text: str) -> str:
    """Which report a request asks for, by what it says it is about."""
    if _NOT_ORDERED.search(text) or re.search(r"\bhvem\s+som\b|\bwho\b", text):
        return "orders_missing"
    if re.search(
        r"\bordre\w*|\border\w*|\bbestilling\w*|\bsalg\w*|\bsales\b|\bukesrapport\w*", text
    ):
        return "weekly_orders"
    return "execution_summary"
