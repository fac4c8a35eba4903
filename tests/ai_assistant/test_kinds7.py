"""The kinds held-out v11 still left open (h-kinds7), in other words for another business
(``parser_phrasings_v5``): letters, "og" inside what is sent, clock words without æøå and an
hour and a half, "begge dager", a template named with its punctuation, English words for a
group's kind, a reminder about something other than ordering, and answers and edits."""

from __future__ import annotations

from collections import Counter

import pytest

from ai_assistant.offline import parse_description
from ai_assistant.offline.conversation import Pending, follow_up
from ai_assistant.offline.letters import the_request
from benchmarks.parser_accuracy import key_facts, measure, measure_conversations
from tests.ai_assistant.parser_phrasings_v5 import KINDS_V5, KINDS_V5_CONVERSATIONS, context_v5


def test_every_kind_has_phrasings_and_all_are_read_right() -> None:
    kinds = Counter(c.category for c in KINDS_V5)
    for kind in ("email", "joined_things", "clock_words", "multi_day", "groups"):
        assert kinds[kind] >= 2, kind
    assert kinds["templates_by_name"] >= 2 and kinds["new_templates"] >= 3
    report = measure(KINDS_V5, context=context_v5())
    assert report.misses == [], [(m.text, m.differences) for m in report.misses]


def test_the_conversations_are_read_right() -> None:
    assert len(KINDS_V5_CONVERSATIONS) >= 4
    talks = measure_conversations(KINDS_V5_CONVERSATIONS, context=context_v5())
    assert talks.misses == [], [(m.text, m.differences) for m in talks.misses]


def test_a_letter_keeps_only_its_request() -> None:
    letter = (
        "Hei Nina!\n\nTakk for sist. Regnskapet for mai er levert. Kan dere sende prislista "
        "hver fredag kl 9? Ha en fin helg!\n\nMed vennlig hilsen\nJon Berg\nDaglig leder"
    )
    assert the_request(letter) == "Kan dere sende prislista hver fredag kl 9?"
    # What stands between two sentences of the request stays ("Bare til hotellene.").
    two = "Hei! Send prislista hver fredag kl 9. Bare til hotellene. Påminnelse mandag kl 12."
    assert "Bare til hotellene." in the_request(two)
    # Whom it is for, said after the request, is part of it.
    after = "Hei! Send prislista hver fredag. Bare til hotellene. Takk!\n\nHilsen Jon"
    assert the_request(after) == "Send prislista hver fredag.\nBare til hotellene."
    # No greeting and no signature: no letter, the text as it is.
    plain = "Takk. Send prislista hver fredag kl 9."
    assert the_request(plain) == plain
    # A greeting that is the request itself is not cut off.
    assert "skjema" in the_request("Hei send skjema hver mandag kl 8")


def test_a_place_in_the_small_talk_is_no_audience() -> None:
    text = (
        "Hei!\n\nVi er nettopp kommet hjem fra Italia. Send Kaffelista til kontorene hver "
        "mandag kl 8.\n\nHilsen Eva\nBergen"
    )
    outcome = parse_description(text, context=context_v5())
    assert outcome.workflow is not None, outcome.question
    facts = key_facts(outcome.workflow, context_v5())
    assert facts["recipients"] == [{"group": "kontorer"}]


def test_a_reminder_about_returning_things_is_for_everyone_it_goes_to() -> None:
    outcome = parse_description(
        "send påminnelse om å levere tilbake kaffesekkene til hotellene hver fredag kl 12",
        context=context_v5(),
    )
    assert outcome.workflow is not None
    step = outcome.workflow["steps"][0]
    assert "condition_config" not in step
    assert [t["name"] for t in outcome.new_templates] == [
        "Påminnelse om å levere tilbake kaffesekkene"
    ]
    # The order reminder still only goes to those who have not ordered.
    ordering = parse_description(
        "send påminnelse til hotellene hver fredag kl 12", context=context_v5()
    )
    assert ordering.workflow is not None
    assert ordering.workflow["steps"][0]["condition_config"]["check"] == "orders_missing"


def test_the_coffee_is_not_the_coffee_bars() -> None:
    outcome = parse_description(
        "send ukens priser på kaffe til kontorene hver mandag kl 8", context=context_v5()
    )
    assert outcome.workflow is not None
    facts = key_facts(outcome.workflow, context_v5())
    assert facts["recipients"] == [{"group": "kontorer"}]
    # "te" after a group's word is still dialect "til".
    dialect = parse_description("Bønnepriser kvar mandag kl 8 te hotellan", context=context_v5())
    assert dialect.workflow is not None
    assert key_facts(dialect.workflow, context_v5())["recipients"] == [{"group": "hoteller"}]


@pytest.mark.parametrize(
    ("answer", "time"),
    [("kl 9", "09:00"), ("09:00", "09:00"), ("kl 11", "11:00")],
)
def test_a_bare_time_after_a_draft_is_its_time(answer: str, time: str) -> None:
    context = context_v5()
    first = parse_description("Kaffelista til hotellene hver fredag", context=context)
    assert first.workflow is not None
    outcome = follow_up(answer, context=context, draft=first.workflow)
    assert outcome.workflow is not None, outcome.question
    assert outcome.workflow["schedule"]["schedule_config"]["time"] == time


def test_a_day_of_the_month_said_as_an_ordinal_answers_the_question() -> None:
    context = context_v5()
    first = parse_description("Kaffeposten til alle kunder hver måned", context=context)
    assert first.workflow is None
    outcome = follow_up(
        "den tiende kl 7", context=context, pending=Pending.from_dict(first.pending)
    )
    assert outcome.workflow is not None, outcome.question
    config = outcome.workflow["schedule"]["schedule_config"]
    assert (config["day_of_month"], config["time"]) == (10, "07:00")
    # "den andre mandagen" is still a weekday of the month, not the 2nd.
    nth = parse_description(
        "Kaffeposten til alle kunder den andre mandagen i måneden kl 8", context=context
    )
    assert nth.workflow is not None
    assert nth.workflow["schedule"]["schedule_config"].get("day_of_month") != 2


@pytest.mark.django_db
def test_every_workflow_of_the_fifth_set_is_valid() -> None:
    """What the coffee wholesaler's phrasings and conversations give passes the validator (a
    new template for returning sacks, a report asked for in a letter, an added order step)."""
    from tests.ai_assistant.parser_phrasings_v5 import GROUPS_V5, TEMPLATES_V5
    from tests.ai_assistant.test_parser_accuracy import _drafts_are_valid, _load_business

    _load_business(TEMPLATES_V5, GROUPS_V5, ["lager", "salg"])
    _drafts_are_valid(KINDS_V5, KINDS_V5_CONVERSATIONS, context_v5())
