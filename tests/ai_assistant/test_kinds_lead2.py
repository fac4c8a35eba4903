"""Kinds found by trying the assistant after held-out v20's tuning (h-kinds16), in words of no
phrasing set: British "half nine" (half past nine, where Norwegian "halv ni" is half before), a
reason that names a habit ("siden de bestiller på tirsdager"), and "eller nei forresten" before
a correction."""

from __future__ import annotations

from typing import Any

import pytest

from ai_assistant.offline import parse_description
from benchmarks.parser_accuracy import key_facts
from tests.ai_assistant.held_out_v7 import held_out_v7_context


def _facts(text: str) -> dict[str, Any]:
    context = held_out_v7_context()
    outcome = parse_description(text, context=context)
    assert outcome.workflow is not None, outcome.question
    assert not [n for n in outcome.notes if "forstod ikke" in n or "did not understand" in n]
    return key_facts(outcome.workflow, context)


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("Newsletter to the cafés every Tuesday at half nine", "09:30"),
        ("newsletter to the cafés every Friday, half 2 pm", "14:30"),
        ("send the price list to the clinics every Monday at half 8", "08:30"),
        ("send the offer to the cafés every Thursday from half two", "14:30"),
        # Norwegian "halv ni" is still half before nine.
        ("send tilbudet til kafeene hver torsdag klokka halv ni", "08:30"),
    ],
)
def test_british_half_nine_is_half_past(text: str, time: str) -> None:
    assert _facts(text)["time"] == time


def test_half_an_hour_is_no_time_of_day() -> None:
    facts = _facts("send skjema til kafeene hver mandag kl 9 and the reminder half an hour later")
    assert facts["time"] == "09:00"
    assert facts["triggers"][1] == {"delay_minutes": 30}


@pytest.mark.parametrize(
    "text",
    [
        "Vi ønsker at frisørene får bestillingsskjemaet hver mandag kl 9, siden de bestiller på "
        "tirsdager. Tusen takk!",
        "Please send the order form to the hairdressers every Monday at 9, because they order "
        "on Tuesdays.",
    ],
)
def test_a_reason_that_names_a_habit_asks_for_nothing(text: str) -> None:
    facts = _facts(text)
    assert facts["steps"] == ["send_email"]
    assert facts["days"] == ["monday"] and facts["time"] == "09:00"
    assert facts["recipients"] == [{"group": "frisorer"}]
    assert facts["conditions"] == [None]


def test_a_reason_with_an_order_window_still_keeps_it() -> None:
    facts = _facts(
        "send påminnelse til kafeene torsdag kl 15, siden de ikke har bestilt siden mandag"
    )
    assert facts["conditions"] == [{"check": "orders_missing", "since": "last_monday"}]


@pytest.mark.parametrize(
    ("text", "day", "group"),
    [
        (
            "send tilbud til kafeene torsdag kl 12, eller nei forresten fredag kl 12",
            "friday",
            "kafeer",
        ),
        (
            "send the offer to the cafés on Thursday at 12, or no wait, Friday at 12",
            "friday",
            "kafeer",
        ),
        ("send tilbud til kafeene eller nei vent til skolene fredag kl 12", "friday", "skoler"),
    ],
)
def test_or_no_wait_corrects_like_no_wait(text: str, day: str, group: str) -> None:
    facts = _facts(text)
    assert facts["days"] == [day]
    assert facts["recipients"] == [{"group": group}]


# --- Edits of a draft: the one wanted said first, a template swapped in other words --------

_DRAFT = "send skjema til kafeene hver mandag kl 9"


def _edited(follow: str) -> tuple[dict[str, Any], list[str]]:
    from ai_assistant.offline.conversation import follow_up

    context = held_out_v7_context()
    first = parse_description(_DRAFT, context=context)
    assert first.workflow is not None
    outcome = follow_up(follow, context=context, draft=first.workflow, pending=None)
    assert outcome.workflow is not None, outcome.question
    return key_facts(outcome.workflow, context), outcome.notes


@pytest.mark.parametrize(
    ("follow", "days", "group"),
    [
        ("tirsdag, ikke mandag", ["tuesday"], "kafeer"),
        ("på tirsdag i stedet for mandag", ["tuesday"], "kafeer"),
        ("Tuesday instead of Monday", ["tuesday"], "kafeer"),
        ("skolene, ikke kafeene", ["monday"], "skoler"),
        ("til skolene istedenfor kafeene", ["monday"], "skoler"),
        ("the schools, not the cafés", ["monday"], "skoler"),
        ("to the gyms instead of the cafés", ["monday"], "treningssentre"),
    ],
)
def test_the_one_wanted_said_first_replaces_the_other(
    follow: str, days: list[str], group: str
) -> None:
    facts, _notes = _edited(follow)
    assert facts["days"] == days
    assert facts["recipients"] == [{"group": group}]
    assert facts["templates"] == ["bestilling"]


@pytest.mark.parametrize(
    "follow",
    [
        "bytt skjemaet med prislista",
        "Perfekt, men send prislista i stedet",
        "prislista, ikke skjemaet",
        "the price list, not the order form",
        "bruk prislista i stedet for skjemaet",
    ],
)
def test_a_template_swapped_in_other_words(follow: str) -> None:
    facts, notes = _edited(follow)
    assert facts["templates"] == ["prisliste"]
    assert facts["days"] == ["monday"] and facts["recipients"] == [{"group": "kafeer"}]
    if not follow.startswith("the "):
        # Answered in the language it was asked in.
        assert notes and notes[0].startswith("Bruker malen")


# --- A correction inside the text, of a time, a window, weeks or days ------------------------


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("prislista til klinikkene hver fredag kl 8, nei, gjør det kl 9", "time", "09:00"),
        ("price list to the clinics every Friday at 8, no, make it at 10", "time", "10:00"),
        (
            "påminnelse til kontorene som ikke har handlet de siste 14 dager, nei, siste 21 "
            "dager, hver tirsdag kl 12",
            "conditions",
            [{"check": "orders_missing", "days_back": 21}],
        ),
        ("partallsuker, nei, oddetallsuker: torsdag kl 8 tilbud til kafeene", "iso_weeks", "odd"),
        (
            "nyhetsbrev til skolene mandag og onsdag kl 10 hver uke, nei, mandag og fredag",
            "days",
            ["monday", "friday"],
        ),
    ],
)
def test_a_value_corrected_in_the_text_is_replaced(text: str, key: str, value: Any) -> None:
    facts = _facts(text)
    assert facts[key] == value
    assert len(facts["steps"]) == 1


def test_a_corrected_day_keeps_the_time_said_after_it() -> None:
    facts = _facts(
        "skjema til kafeene hver mandag kl 8, purring tirsdag, nei, onsdag, kl 14 til de som "
        "ikke har bestilt"
    )
    assert facts["steps"] == ["send_email", "send_email"]
    assert facts["triggers"] == [
        {"day": "monday", "time": "08:00"},
        {"day": "wednesday", "time": "14:00"},
    ]
