"""Edits of a draft found missing or silently ignored by trying follow-ups as a user: a delay
set or shifted ("vent 2 timer før du sender den", "send påminnelsen en dag senere"), a group
change said by its name and renaming the assistant's own name, places in lower case asked
about, and a follow-up that changes nothing answered with a question."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from ai_assistant.context import ParseContext
from ai_assistant.offline import parse_description
from ai_assistant.offline.conversation import follow_up
from tests.ai_assistant.parser_phrasings_v2 import context_v2

EVENT_NB = "send ordrebekreftelse når noen bestiller"
EVENT_EN = "send order confirmation when someone orders"
FORM_AND_REMINDER = "Skjema mandag kl 9 og purring torsdag kl 15 til de som ikke har bestilt"
PRICE_LIST = "Send prislista til kafeene hver mandag kl 8"


def business() -> ParseContext:
    """The phrasing sets' business, with group names that are not their slugs."""
    return dataclasses.replace(
        context_v2(),
        groups=[
            {"slug": "butikker", "name": "Butikker"},
            {"slug": "kafeer", "name": "Kaféer og barer"},
            {"slug": "hotell-overnatting", "name": "Hoteller"},
            {"slug": "storkunder", "name": "Storkunder"},
        ],
    )


def draft_of(text: str, context: ParseContext | None = None) -> dict[str, Any]:
    outcome = parse_description(text, context=context or business())
    assert outcome.workflow is not None, outcome.question
    return outcome.workflow


def edit(first: str, then: str, context: ParseContext | None = None) -> Any:
    context = context or business()
    return follow_up(then, context=context, draft=draft_of(first, context))


# --- 1. Delays -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "then", "minutes", "note"),
    [
        (EVENT_NB, "vent 2 timer før du sender den", 120, "«Send bekreftelse» sendes nå 2 timer"),
        (EVENT_NB, "send den en time senere", 60, "1 time etter ordren"),
        (EVENT_NB, "send den 2 dager etter", 2880, "2 dager etter ordren"),
        (EVENT_NB, "vent en halvtime", 30, "30 minutter"),
        (EVENT_EN, "wait 30 minutes before sending it", 30, "now runs 30 minutes after"),
        (EVENT_EN, "make it 2 days after instead", 2880, "2 days after the order"),
        (EVENT_EN, "delay it by an hour", 60, "1 hour after the order"),
        (EVENT_EN, "send the confirmation 2 hours later", 120, "2 hours"),
    ],
)
def test_a_delay_said_after_an_event_draft_is_the_steps_wait(
    first: str, then: str, minutes: int, note: str
) -> None:
    outcome = edit(first, then)
    assert outcome.question is None
    (step,) = outcome.workflow["steps"]
    assert step["trigger_type"] == "time_based"
    assert step["trigger_config"] == {"delay_minutes": minutes}
    assert note in " ".join(outcome.notes)


def test_a_later_delay_adds_to_the_one_there_and_at_once_removes_it() -> None:
    context = business()
    first = follow_up("vent 2 timer før du sender den", context=context, draft=draft_of(EVENT_NB))
    later = follow_up("send den en time senere", context=context, draft=first.workflow)
    assert later.workflow["steps"][0]["trigger_config"] == {"delay_minutes": 180}
    again = follow_up("make it 2 hours after instead", context=context, draft=later.workflow)
    assert again.workflow["steps"][0]["trigger_config"] == {"delay_minutes": 120}
    now = follow_up("send den med en gang", context=context, draft=again.workflow)
    assert now.workflow["steps"][0]["trigger_type"] == "immediate"
    assert "trigger_config" not in now.workflow["steps"][0]
    assert now.notes == ["«Send bekreftelse» sendes nå straks."]


@pytest.mark.parametrize(
    ("then", "trigger", "note"),
    [
        ("send påminnelsen en dag senere", {"day": "friday", "time": "15:00"}, "fredag 15:00"),
        ("send the reminder one hour later", {"day": "thursday", "time": "16:00"}, "16:00"),
        ("make the reminder two hours later", {"day": "thursday", "time": "17:00"}, "17:00"),
        ("send påminnelsen en dag tidligere", {"day": "wednesday", "time": "15:00"}, "onsdag"),
        ("vent med purringa til fredag", {"day": "friday", "time": "15:00"}, "fredag 15:00"),
    ],
)
def test_later_or_earlier_in_a_scheduled_draft_moves_the_step(
    then: str, trigger: dict[str, str], note: str
) -> None:
    draft = draft_of(FORM_AND_REMINDER)
    outcome = follow_up(then, context=business(), draft=draft)
    assert outcome.question is None
    first, reminder = outcome.workflow["steps"]
    assert reminder["trigger_config"] == trigger
    assert first == draft["steps"][0]
    assert outcome.workflow["schedule"] == draft["schedule"]
    assert note in outcome.notes[0]


def test_later_for_the_first_step_moves_the_schedule() -> None:
    outcome = edit(PRICE_LIST, "send den halvannen time senere")
    schedule = outcome.workflow["schedule"]["schedule_config"]
    assert schedule == {"day": "monday", "time": "09:30"}
    assert outcome.workflow["steps"][0]["trigger_config"] == {"day": "monday", "time": "09:30"}
    assert outcome.notes[0].startswith("Ny tidsplan: Hver mandag kl. 09:30")


def test_a_delay_for_a_step_the_draft_has_not_is_asked_about() -> None:
    outcome = edit(PRICE_LIST, "send påminnelsen en dag senere")
    assert outcome.workflow is None
    assert "påminnelsen" in outcome.question


# --- 2. Group changes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "then", "name", "note"),
    [
        (PRICE_LIST, "bytt til hotellene", "Prisliste til Hoteller hver mandag", "Hoteller"),
        (PRICE_LIST, "send det til hotellene i stedet", "Prisliste til Hoteller hver mandag", ""),
        (PRICE_LIST, "switch to the hotels", "Prisliste til Hoteller hver mandag", ""),
        (
            "Send the price list to the cafes every monday at 8",
            "send it to the hotels instead",
            "Prisliste to Hoteller every Monday",
            "Recipients changed to Hoteller.",
        ),
    ],
)
def test_another_group_is_said_by_its_name_and_the_assistants_name_follows(
    first: str, then: str, name: str, note: str
) -> None:
    outcome = edit(first, then)
    assert outcome.question is None
    assert outcome.workflow["steps"][0]["action_config"]["recipients"] == {
        "group": "hotell-overnatting"
    }
    assert outcome.workflow["name"] == name
    assert all("hotell-overnatting" not in n for n in outcome.notes)
    assert note in " ".join(outcome.notes)


def test_a_name_the_user_gave_is_kept() -> None:
    draft = draft_of(PRICE_LIST)
    draft["name"] = "Mandagsprisliste kafé"
    outcome = follow_up("bytt til hotellene", context=business(), draft=draft)
    assert outcome.workflow["steps"][0]["action_config"]["recipients"]["group"] == (
        "hotell-overnatting"
    )
    assert outcome.workflow["name"] == "Mandagsprisliste kafé"


def test_a_name_made_unique_follows_too_and_a_schedule_change_renames() -> None:
    draft = draft_of(PRICE_LIST)
    draft["name"] += " (2)"
    outcome = follow_up("bytt til onsdag", context=business(), draft=draft)
    assert outcome.workflow["name"] == "Prisliste til Kaféer og barer hver onsdag"


def test_bytt_til_a_template_or_a_day_is_no_group_change() -> None:
    swapped = edit(PRICE_LIST, "bytt til ukens tilbud")
    assert swapped.workflow["steps"][0]["action_config"]["recipients"] == {"group": "kafeer"}
    assert swapped.notes == ["Bruker malen «Ukens tilbud»."]


# --- 3. Places in lower case ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("send prislista til kundene i haugesund hver mandag kl 9", "haugesund"),
        ("send til alle i tromsø hver fredag kl 9", "tromsø"),
        ("send prislista til butikkene i alta hver mandag kl 9", "alta"),
        ("send the price list to customers in bergen every monday at 9", "bergen"),
        ("send prislista til de i bodø hver fredag kl 9", "bodø"),
        ("send the price list to the shops in molde every friday at 9", "molde"),
        ("send prislista til alle i alta", "alta"),
    ],
)
def test_a_place_in_lower_case_is_asked_about(text: str, place: str) -> None:
    outcome = parse_description(text, context=business())
    assert outcome.workflow is None
    assert f"«{place}»" in outcome.question or f"“{place}”" in outcome.question


@pytest.mark.parametrize(
    "text",
    [
        "send skjema til alle i partallsuker mandag kl 9",
        "send prislista til kafeene i sommar hver fredag kl 9",
        "send prislista til alle i morgen kl 9 hver fredag",
        "send the price list to the cafes in town every friday at 9",
        "send prislista til kafeene på fredag kl 9",
        "send tilbud til kafeene i kjeden hver fredag kl 9",
        "send tilbud til kafeene på kaffe hver fredag kl 9",
    ],
)
def test_words_that_are_no_place_are_not_asked_about(text: str) -> None:
    outcome = parse_description(text, context=business())
    assert outcome.workflow is not None, outcome.question


def test_a_word_of_a_groups_own_name_is_no_place() -> None:
    groups = [*business().groups, {"slug": "butikker-alta", "name": "Butikker i Alta"}]
    context = dataclasses.replace(business(), groups=groups)
    outcome = parse_description(
        "send prislista til butikkene i alta hver mandag kl 9", context=context
    )
    assert outcome.workflow is not None, outcome.question


# --- 4. Nothing changed is not said to have changed ---------------------------------------------


def test_a_follow_up_that_changes_nothing_is_asked_about() -> None:
    outcome = edit(PRICE_LIST, "ikke på mandag")
    assert outcome.workflow is None
    assert outcome.question.startswith("Jeg ser ingen endring i utkastet")


def test_right_away_when_it_already_is_says_so() -> None:
    outcome = edit(EVENT_NB, "send den umiddelbart")
    assert outcome.workflow["steps"][0]["trigger_type"] == "immediate"
    assert outcome.notes == ["«Send bekreftelse» sendes allerede straks; utkastet er uendret."]
