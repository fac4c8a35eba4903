"""Measuring the offline parser: how often it gets the key facts of a request right.

A case is a text and what it must become: either ``"question"`` (the parser must ask,
and create nothing) or a dict of key facts, e.g.::

    {"type": "scheduled", "schedule": "weekly", "days": ["monday"], "time": "09:00",
     "steps": ["send_email"], "templates": ["bestilling"], "recipients": [{"group": "all"}],
     "conditions": [None]}

Only the facts a case lists are compared; a case counts as right when every one matches.
``keyword_baseline`` is a deliberately simple keyword matcher, measured next to the parser
so the accuracy number has something to be compared with.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ai_assistant.context import ParseContext
from ai_assistant.offline import ParseOutcome, detect_language, parse_description

Facts = dict[str, Any]
Expected = Facts | str  # "question"
Parser = Callable[..., ParseOutcome]


@dataclass(frozen=True)
class Case:
    text: str
    expected: Expected
    #: What kind of request it is ("chains", "templates_by_meaning", "calendar", "must_ask",
    #: ...), for accuracy per category.
    category: str = "basic"


@dataclass
class Miss:
    text: str
    expected: Expected
    got: Facts | str
    differences: list[str]


@dataclass
class AccuracyReport:
    total: int
    correct: int
    seconds: float
    misses: list[Miss] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def mean_latency_ms(self) -> float:
        return 1000 * self.seconds / self.total if self.total else 0.0


def key_facts(workflow: dict[str, Any], context: ParseContext) -> Facts:
    """The facts of ``workflow`` that cases are written in."""
    categories = {t["id"]: t["category"] for t in context.templates}
    names = {t["name"]: t["category"] for t in context.templates}
    facts: Facts = {"type": workflow.get("workflow_type")}
    schedule = workflow.get("schedule") or {}
    config = schedule.get("schedule_config") or {}
    if schedule:
        facts["schedule"] = schedule.get("schedule_type")
        if "day" in config:
            facts["days"] = [config["day"]]
        elif "days" in config:
            facts["days"] = list(config["days"])
        facts["time"] = config.get("time")
        facts["weekdays_only"] = bool(config.get("weekdays_only"))
        facts["business_days_only"] = bool(config.get("business_days_only"))
        facts["day_of_month"] = config.get("day_of_month")
        facts["cron"] = config.get("expression")
        for name in ("every_weeks", "anchor", "iso_weeks", "weekday", "nth", "business_day"):
            facts[name] = config.get(name)
        facts["holiday_policy"] = schedule.get("holiday_policy", "run")
    if workflow.get("event"):
        facts["event"] = workflow["event"].get("type")
        facts["event_name"] = workflow["event"].get("name")
    steps = workflow.get("steps") or []
    facts["steps"] = [s.get("step_type") for s in steps]
    facts["triggers"] = [
        (s.get("trigger_config") or None) if s.get("trigger_type") == "time_based" else None
        for s in steps
    ]
    facts["conditions"] = [s.get("condition_config") or None for s in steps]
    facts["recipients"] = [(s.get("action_config") or {}).get("recipients") for s in steps]
    proposed = {t.get("name") for t in workflow.get("_new_templates", [])}
    templates: list[str | None] = []
    for s in steps:
        action = s.get("action_config") or {}
        if "template_id" in action:
            templates.append(categories.get(action["template_id"]))
        elif "template" in action:
            name = action["template"]
            templates.append("new" if name in proposed else names.get(name))
        else:
            templates.append(None)
    facts["templates"] = templates
    reports = [s["action_config"] for s in steps if s.get("step_type") == "generate_report"]
    if reports:
        facts["report"] = reports[0].get("report")
        facts["send_to"] = reports[0].get("send_to")
    modes = [s["action_config"].get("mode") for s in steps if s.get("step_type") == "create_order"]
    if modes:
        facts["mode"] = modes[0]
    staff = [
        s["action_config"].get("staff_group") for s in steps if s.get("step_type") == "notify_staff"
    ]
    if staff:
        facts["staff_group"] = staff[0]
    return facts


def compare(expected: Expected, outcome: ParseOutcome, context: ParseContext) -> Miss | None:
    got: Facts | str
    if outcome.question is not None or outcome.workflow is None:
        got = "question"
    else:
        workflow = outcome.workflow
        proposals = getattr(outcome, "new_templates", None)
        if proposals:
            workflow = {**workflow, "_new_templates": proposals}
        got = key_facts(workflow, context)
    if expected == "question" or got == "question":
        if expected == got:
            return None
        return Miss("", expected, got, ["question" if expected == "question" else "workflow"])
    assert isinstance(expected, dict) and isinstance(got, dict)
    differences = [
        f"{key}: expected {value!r}, got {got.get(key)!r}"
        for key, value in expected.items()
        if got.get(key) != value
    ]
    return Miss("", expected, got, differences) if differences else None


def measure(
    cases: Sequence[Case], *, context: ParseContext, parse: Parser = parse_description
) -> AccuracyReport:
    report = AccuracyReport(total=len(cases), correct=0, seconds=0.0)
    for case in cases:
        start = time.perf_counter()
        outcome = parse(case.text, context=context)
        report.seconds += time.perf_counter() - start
        miss = compare(case.expected, outcome, context)
        if miss is None:
            report.correct += 1
        else:
            miss.text = case.text
            report.misses.append(miss)
    return report


# --- The baseline ------------------------------------------------------------------------------

_BASE_DAYS = {
    "mandag": "monday",
    "tirsdag": "tuesday",
    "onsdag": "wednesday",
    "torsdag": "thursday",
    "fredag": "friday",
    "lørdag": "saturday",
    "søndag": "sunday",
    **{d: d for d in ("monday", "tuesday", "wednesday", "thursday", "friday")},
    **{d: d for d in ("saturday", "sunday")},
}


def keyword_baseline(text: str, *, context: ParseContext) -> ParseOutcome:
    """One step, first day name, first HH:MM or "kl N", category by keyword; else a question.

    What a quick keyword matcher would do: no fragments, no audience windows, no defaults
    per step, groups ignored.
    """
    lower = text.lower()
    language = detect_language(text)
    if re.search(r"rapport|report", lower):
        emails = re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text)
        step: dict[str, Any] = {
            "step_type": "generate_report",
            "action_config": {"report": "execution_summary", "send_to": emails},
        }
    elif re.search(r"påminnelse|purring|remind", lower):
        template = next((t for t in context.templates if t["category"] == "reminder"), None)
        step = {
            "step_type": "send_email",
            "action_config": {"template_id": template and template["id"]},
            "condition_config": {"check": "orders_missing", "days_back": 7},
        }
    elif re.search(r"send|skjema|form|bekreft|confirm", lower):
        category = "confirmation" if re.search(r"bekreft|confirm", lower) else "bestilling"
        template = next((t for t in context.templates if t["category"] == category), None)
        step = {
            "step_type": "send_email",
            "action_config": {"template_id": template and template["id"]},
        }
    else:
        return ParseOutcome(question="?", language=language)
    if step["step_type"] == "send_email":
        step["action_config"]["recipients"] = {"group": "all"}
    step["step_order"] = 1
    doc: dict[str, Any] = {"name": text[:200], "steps": [step]}
    if re.search(r"\b(når|when)\b", lower) and re.search(r"ordre|order", lower):
        doc["workflow_type"] = "event_based"
        doc["event"] = {"type": "order.created"}
        step["action_config"]["recipients"] = {"event_customer": True}
        return ParseOutcome(workflow=doc, language=language)
    clock = re.search(r"(\d{1,2}):(\d{2})", lower) or re.search(r"kl\.?\s*(\d{1,2})()", lower)
    time_text = f"{int(clock.group(1)):02d}:{clock.group(2) or '00'}" if clock else "09:00"
    day = next((_BASE_DAYS[w] for w in re.findall(r"\w+", lower) if w in _BASE_DAYS), None)
    if re.search(r"hver dag|daily|every day", lower):
        schedule = {"schedule_type": "daily", "schedule_config": {"time": time_text}}
    elif re.search(r"måned|month", lower):
        schedule = {
            "schedule_type": "monthly",
            "schedule_config": {"day_of_month": 1, "time": time_text},
        }
    elif day:
        schedule = {"schedule_type": "weekly", "schedule_config": {"day": day, "time": time_text}}
    else:
        return ParseOutcome(question="?", language=language)
    doc["workflow_type"] = "scheduled"
    doc["schedule"] = {**schedule, "timezone": context.timezone}
    trigger = (
        {"time": time_text}
        if "day" not in schedule["schedule_config"]
        else {
            "day": day,
            "time": time_text,
        }
    )
    step["trigger_type"] = "time_based"
    step["trigger_config"] = trigger
    return ParseOutcome(workflow=doc, language=language)
