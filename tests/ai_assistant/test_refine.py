"""The offline edit grammar: follow-ups that change a draft without a language model."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from ai_assistant.refine import detect_language, refine_draft

GROUPS = [{"slug": "kafeer", "name": "Kafeer"}, {"slug": "butikker", "name": "Butikker"}]
TEMPLATES = [
    {"id": 1, "name": "Bestillingsskjema", "category": "bestilling", "variables": []},
    {"id": 2, "name": "Påminnelse", "category": "reminder", "variables": []},
]


def weekly() -> dict[str, Any]:
    return {
        "name": "Ukentlig bestilling",
        "description": "Bestillingsskjema mandag 09:00, påminnelse torsdag 15:00",
        "workflow_type": "scheduled",
        "schedule": {
            "schedule_type": "weekly",
            "schedule_config": {"day": "monday", "time": "09:00"},
            "timezone": "Europe/Oslo",
        },
        "steps": [
            {
                "step_order": 1,
                "name": "Send bestillingsskjema",
                "step_type": "send_email",
                "trigger_type": "time_based",
                "trigger_config": {"day": "monday", "time": "09:00"},
                "action_config": {"template_id": 1, "recipients": {"group": "all"}},
                "condition_config": {},
            },
            {
                "step_order": 2,
                "name": "Påminnelse",
                "step_type": "send_email",
                "trigger_type": "time_based",
                "trigger_config": {"day": "thursday", "time": "15:00"},
                "action_config": {"template_id": 2, "recipients": {"group": "all"}},
                "condition_config": {"check": "orders_missing", "since": "execution_start"},
            },
        ],
    }


def refine(text: str, draft: dict[str, Any] | None = None) -> Any:
    return refine_draft(draft or weekly(), text, groups=GROUPS, templates=TEMPLATES)


def test_moving_the_reminder_changes_only_step_two():
    draft = weekly()
    outcome = refine("flytt påminnelsen til onsdag kl 12", draft)
    assert outcome.question is None
    steps = outcome.workflow["steps"]
    assert steps[1]["trigger_config"] == {"day": "wednesday", "time": "12:00"}
    assert steps[0] == draft["steps"][0]
    assert outcome.workflow["schedule"] == draft["schedule"]
    assert outcome.changes == ["Flyttet «Påminnelse» til onsdag 12:00."]
    # The old description named Thursday; it is rewritten from the steps.
    assert "onsdag 12:00" in outcome.workflow["description"]
    assert draft == weekly(), "the input draft is not modified"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("flytt purringen til onsdag", {"day": "wednesday", "time": "15:00"}),
        ("flytt påminnelsen fra torsdag til fredag", {"day": "friday", "time": "15:00"}),
        ("endre påminnelsen til kl 14:30", {"day": "thursday", "time": "14:30"}),
        ("move the reminder to Wednesday at noon", {"day": "wednesday", "time": "12:00"}),
        ("change the reminder to 4pm", {"day": "thursday", "time": "16:00"}),
        ("flytt steg 2 til tirsdag klokka 8", {"day": "tuesday", "time": "08:00"}),
        ("flytt siste steg til onsdagen kl 11", {"day": "wednesday", "time": "11:00"}),
        ("påminnelsen på onsdag i stedet", {"day": "wednesday", "time": "15:00"}),
    ],
)
def test_move_phrasings(text: str, expected: dict[str, str]):
    outcome = refine(text)
    assert outcome is not None and outcome.question is None, text
    assert outcome.workflow["steps"][1]["trigger_config"] == expected


def test_moving_the_first_step_moves_the_schedule_too():
    outcome = refine("flytt skjemaet til tirsdag kl 10")
    workflow = outcome.workflow
    assert workflow["schedule"]["schedule_config"] == {"day": "tuesday", "time": "10:00"}
    assert workflow["steps"][0]["trigger_config"] == {"day": "tuesday", "time": "10:00"}
    assert workflow["steps"][1]["trigger_config"] == {"day": "thursday", "time": "15:00"}


def test_time_of_a_daily_workflow_without_a_target():
    draft = {
        "name": "Dagens tilbud",
        "workflow_type": "scheduled",
        "schedule": {"schedule_type": "daily", "schedule_config": {"time": "06:00"}},
        "steps": [
            {
                "step_order": 1,
                "step_type": "send_email",
                "action_config": {"template_id": 1, "recipients": {"group": "kafeer"}},
            }
        ],
    }
    outcome = refine("endre tiden til 7", draft)
    assert outcome.workflow["schedule"]["schedule_config"] == {"time": "07:00"}
    assert outcome.workflow["steps"][0].get("trigger_type", "immediate") == "immediate"


def test_an_untargeted_move_with_several_timed_steps_is_a_question():
    draft = weekly()
    draft["steps"].append(
        {
            "step_order": 3,
            "name": "Ukesrapport",
            "step_type": "generate_report",
            "trigger_type": "time_based",
            "trigger_config": {"day": "friday", "time": "10:00"},
            "action_config": {"report": "weekly_orders", "send_to": ["leder@firma.no"]},
        }
    )
    outcome = refine("flytt til onsdag kl 12", draft)
    assert outcome.workflow is None
    assert "Hvilket steg" in outcome.question


def test_a_target_the_draft_lacks_is_a_question():
    outcome = refine("flytt rapporten til fredag kl 10")
    assert outcome.workflow is None
    assert "rapporten" in outcome.question


@pytest.mark.parametrize(
    "text", ["flytt integrasjonen til fredag kl 10", "move the integration to friday at 10"]
)
def test_the_integration_is_a_target_by_its_nouns(text: str):
    # "integrasjonen" / "the API": the call_integration step's nouns (word boundaries, not
    # the backspace characters a raw string once held); this draft has no such step.
    outcome = refine(text)
    assert outcome.workflow is None
    assert any(word in outcome.question.lower() for word in ("integrasjon", "integration"))


def test_step_number_out_of_range_is_a_question():
    outcome = refine("flytt steg 7 til fredag kl 10")
    assert outcome.workflow is None and "2 steg" in outcome.question


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("send det bare til kafeene", "kafeer"),
        ("endre gruppen til butikker", "butikker"),
        ("change the group to shops", "butikker"),
        ("only to the cafes", "kafeer"),
        ("send til alle kunder i stedet", "all"),
    ],
)
def test_changing_the_group(text: str, slug: str):
    draft = weekly()
    if slug == "all":
        for step in draft["steps"]:
            step["action_config"]["recipients"] = {"group": "kafeer"}
    outcome = refine(text, draft)
    assert outcome is not None and outcome.question is None, text
    assert [s["action_config"]["recipients"] for s in outcome.workflow["steps"]] == [
        {"group": slug},
        {"group": slug},
    ]


def test_changing_the_group_of_one_step():
    outcome = refine("send påminnelsen bare til kafeene")
    recipients = [s["action_config"]["recipients"] for s in outcome.workflow["steps"]]
    assert recipients == [{"group": "all"}, {"group": "kafeer"}]


def test_an_unknown_group_is_a_question_not_an_empty_audience():
    outcome = refine("send det bare til frisørene")
    assert outcome.workflow is None
    assert "frisørene" in outcome.question and "Kafeer" in outcome.question


def test_move_and_group_in_one_sentence():
    outcome = refine("flytt påminnelsen til onsdag kl 12 og send den bare til kafeene")
    reminder = outcome.workflow["steps"][1]
    assert reminder["trigger_config"] == {"day": "wednesday", "time": "12:00"}
    assert reminder["action_config"]["recipients"] == {"group": "kafeer"}
    assert outcome.workflow["steps"][0]["action_config"]["recipients"] == {"group": "all"}


@pytest.mark.parametrize(
    "text",
    [
        "Send skjema mandag, påminnelse torsdag",
        "Kjøp melk",
        "Hva betyr dette?",
        "Hver dag kl 06:00 send dagens tilbud til kafeene",
        "Hver mandag kl 08:15 send bestillingsskjema til alle kunder",
        "Every Thursday at 4pm send the order form to the shops group",
    ],
)
def test_text_that_is_not_an_edit_returns_none(text: str):
    assert refine(text) is None


def test_english_edit_answers_in_english():
    outcome = refine("move the reminder to Friday at 10am")
    assert outcome.language == "en"
    assert outcome.changes == ["Moved “Påminnelse” to Friday 10:00."]


def test_move_of_an_immediate_step_makes_it_timed():
    draft = copy.deepcopy(weekly())
    draft["steps"][1]["trigger_type"] = "immediate"
    draft["steps"][1]["trigger_config"] = {}
    outcome = refine("flytt påminnelsen til onsdag", draft)
    step = outcome.workflow["steps"][1]
    assert step["trigger_type"] == "time_based"
    # The reminder's default time from nl-examples.md.
    assert step["trigger_config"] == {"day": "wednesday", "time": "15:00"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("flytt påminnelsen til onsdag kl 12", "nb"),
        ("move the reminder to wednesday", "en"),
        ("Kjøp melk", "nb"),
    ],
)
def test_detect_language(text: str, language: str):
    assert detect_language(text) == language
