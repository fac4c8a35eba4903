"""Edits of a draft found wrong by trying follow-ups as a user (second round): another group
added to the recipients ("legg til hotellene", "also the gyms"), the same emails in another
language ("send den på engelsk"), the description and the assistant's own name following every
edit, an order's or a webhook's draft moved to a group, and one customer of an unknown kind
after a webhook asked about instead of sent to everyone."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from ai_assistant.context import ParseContext
from ai_assistant.offline import parse_description
from ai_assistant.offline.conversation import Pending, follow_up
from ai_assistant.refine import template_language
from tests.ai_assistant.test_edit_kinds import business, draft_of, edit

PRICE_LIST = "Send prislista til kafeene hver mandag kl 8"
PRICE_LIST_EN = "Every Monday at 9 send the price list to the shops"
CHAIN = "Skjema mandag kl 9 og purring torsdag kl 15 til de som ikke har bestilt til kafeene"
ORDER = "send ordrebekreftelse når noen bestiller"
ORDER_EN = "send order confirmation when someone orders"
WEBHOOK = "når webhooken lager-lavt mottas send prislista til kunden"
WEBHOOK_EN = "when the webhook stock-low arrives send the price list to the customer"


def recipients(outcome: Any) -> list[dict[str, Any]]:
    return [s["action_config"].get("recipients") for s in outcome.workflow["steps"]]


def said(outcome: Any) -> str:
    return " ".join(outcome.notes)


# --- 1. Another group added to the recipients --------------------------------------------------


@pytest.mark.parametrize(
    ("then", "slug", "note"),
    [
        ("legg til hotellene", "hotell-overnatting", "Sender også til Hoteller"),
        ("og hotellene", "hotell-overnatting", "Sender også til Hoteller"),
        ("ta med butikkene også", "butikker", "Sender også til Butikker"),
        ("hotellene også", "hotell-overnatting", "Sender også til Hoteller"),
        ("send den også til storkundene", "storkunder", "Sender også til Storkunder"),
        ("also the shops", "butikker", "Also sends to Butikker"),
        ("include the hotels too", "hotell-overnatting", "Also sends to Hoteller"),
        ("and the key accounts as well", "storkunder", "Also sends to Storkunder"),
    ],
)
def test_a_group_added_gets_a_step_of_its_own_right_after_and_the_reply_says_why(
    then: str, slug: str, note: str
) -> None:
    outcome = edit(PRICE_LIST, then)
    assert outcome.question is None, outcome.question
    assert recipients(outcome) == [{"group": "kafeer"}, {"group": slug}]
    first, twin = outcome.workflow["steps"]
    assert twin["action_config"]["template_id"] == first["action_config"]["template_id"]
    # The same run: the twin goes right after (the same day and time would wait a week).
    assert twin["trigger_type"] == "immediate" and "trigger_config" not in twin
    assert [s["step_order"] for s in outcome.workflow["steps"]] == [1, 2]
    assert note in said(outcome)
    # Why it is a step of its own, not a second group on the same step.
    assert "én kundegruppe" in said(outcome) or "one customer group" in said(outcome)


def test_groups_added_to_a_chain_follow_each_step_and_show_in_name_and_description() -> None:
    outcome = edit(CHAIN, "og hotellene og butikkene også")
    assert recipients(outcome) == [
        {"group": "kafeer"},
        {"group": "hotell-overnatting"},
        {"group": "butikker"},
        {"group": "kafeer"},
        {"group": "hotell-overnatting"},
        {"group": "butikker"},
    ]
    steps = outcome.workflow["steps"]
    # The reminders keep their condition; each twin runs right after its step.
    assert [s.get("condition_config", {}).get("check") for s in steps[3:]] == ["orders_missing"] * 3
    assert [s["trigger_type"] for s in steps] == [
        "time_based",
        "immediate",
        "immediate",
        "time_based",
        "immediate",
        "immediate",
    ]
    assert "Hoteller, Butikker" in outcome.workflow["name"] or (
        "Hoteller" in outcome.workflow["name"] and "Butikker" in outcome.workflow["name"]
    )
    assert "til Hoteller" in outcome.workflow["description"]


def test_a_group_added_that_already_gets_it_or_to_everyone_changes_nothing() -> None:
    same = edit(PRICE_LIST, "og kafeene også")
    assert recipients(same) == [{"group": "kafeer"}]
    assert "allerede" in said(same)
    everyone = edit("Send prislista til alle kunder hver mandag kl 8", "og hotellene")
    assert recipients(everyone) == [{"group": "all"}]
    assert "alle kunder" in said(everyone)


@pytest.mark.parametrize(("then", "word"), [("og skolene", "skolene"), ("also the gyms", "gyms")])
def test_a_kind_of_customer_without_a_group_is_asked_about(then: str, word: str) -> None:
    outcome = edit(PRICE_LIST, then)
    assert outcome.workflow is None
    assert word in outcome.question and "Hoteller" in outcome.question


def test_adding_a_group_to_an_order_draft_asks_whether_the_group_replaces_the_customer() -> None:
    outcome = edit(ORDER, "og hotellene")
    assert outcome.workflow is None
    assert "kunden hendelsen gjelder" in outcome.question


@pytest.mark.parametrize(
    ("then", "added"),
    [
        ("legg til en purring torsdag", "Påminnelse"),
        ("og en påminnelse fredag kl 10 til hotellene", "Påminnelse"),
    ],
)
def test_more_steps_are_still_steps_not_groups(then: str, added: str) -> None:
    outcome = edit(PRICE_LIST, then)
    assert outcome.question is None
    assert len(outcome.workflow["steps"]) == 2
    assert outcome.workflow["steps"][1]["action_config"]["template_id"] == 12
    assert added in said(outcome)


# --- 2. The same emails in another language ------------------------------------------------------


def bilingual() -> ParseContext:
    """The business with English templates for some kinds, told by their names or subjects."""
    context = business()
    return dataclasses.replace(
        context,
        templates=[
            *context.templates,
            {
                "id": 41,
                "name": "Price list (English)",
                "category": "prisliste",
                "subject": "New prices from the wholesaler",
                "variables": ["kunde_navn"],
            },
            {
                "id": 42,
                "name": "Order form EN",
                "category": "bestilling",
                "subject": "Your weekly order form",
                "variables": ["kunde_navn", "bestilling_link"],
            },
        ],
    )


@pytest.mark.parametrize(
    ("then", "note"),
    [
        ("send den på engelsk", "Bruker den engelske malen «Price list (English)»"),
        ("kan den være på engelsk?", "Bruker den engelske malen «Price list (English)»"),
        ("in English please", "Using the English template “Price list (English)”"),
        ("please send an English version", "Using the English template “Price list (English)”"),
    ],
)
def test_another_language_picks_that_languages_template_of_the_same_kind(
    then: str, note: str
) -> None:
    context = bilingual()
    draft = draft_of(PRICE_LIST, context)
    assert draft["steps"][0]["action_config"]["template_id"] == 15
    outcome = follow_up(then, context=context, draft=draft)
    assert outcome.question is None, outcome.question
    assert outcome.workflow["steps"][0]["action_config"]["template_id"] == 41
    # Said, with the template it replaces: never a silent swap.
    assert note in said(outcome) and "Prisliste" in said(outcome)
    assert not outcome.new_templates


def test_without_such_a_template_one_is_proposed_and_said_so() -> None:
    context = bilingual()
    draft = draft_of(CHAIN, context)
    outcome = follow_up("send dem på engelsk", context=context, draft=draft)
    form, reminder = (s["action_config"] for s in outcome.workflow["steps"])
    assert form["template_id"] == 42  # the English order form
    assert "template_id" not in reminder
    assert reminder["template"] == "Påminnelse om bestilling (English)"
    (proposal,) = outcome.new_templates
    assert proposal["name"] == "Påminnelse om bestilling (English)"
    assert proposal["category"] == "reminder"
    assert "Order here" in proposal["body_html"]  # an English starter text
    assert "ingen engelsk mal" in said(outcome) and "foreslår en ny mal" in said(outcome)


def test_back_to_norwegian_and_already_english() -> None:
    context = bilingual()
    draft = draft_of(PRICE_LIST, context)
    english = follow_up("in English please", context=context, draft=draft)
    again = follow_up("in English please", context=context, draft=english.workflow)
    assert again.workflow["steps"][0]["action_config"]["template_id"] == 41
    assert "in English already" in said(again)
    back = follow_up("send den på norsk igjen", context=context, draft=english.workflow)
    assert back.workflow["steps"][0]["action_config"]["template_id"] == 15


def test_a_templates_language_is_read_from_its_marks_and_words_not_the_article() -> None:
    assert template_language({"name": "Prisliste (EN)", "subject": ""}) == "en"
    assert template_language({"name": "Price list", "subject": "New prices from us"}) == "en"
    assert template_language({"name": "En liten hilsen", "subject": "Hei på deg"}) == "nb"
    assert template_language({"name": "Prisliste", "subject": ""}) == "nb"
    assert template_language({"name": "Kampanje", "subject": ""}) is None


# --- 3. The description and the assistant's name follow every edit -----------------------------


@pytest.mark.parametrize(
    ("first", "then", "described", "named"),
    [
        (
            PRICE_LIST,
            "flytt den til onsdag kl 12",
            "Prisliste til Kaféer og barer onsdag 12:00",
            "onsdag",
        ),
        (PRICE_LIST, "hver onsdag kl 10", "til Kaféer og barer onsdag 10:00", "hver onsdag"),
        (PRICE_LIST, "send den en time senere", "til Kaféer og barer mandag 09:00", "mandag"),
        (
            PRICE_LIST,
            "send den til hotellene i stedet",
            "Prisliste til Hoteller mandag 08:00",
            "til Hoteller",
        ),
        (
            ORDER,
            "vent 2 timer før du sender den",
            "Ved ny ordre: bekreftelse 2 timer senere",
            "ved ny ordre",
        ),
        (
            ORDER_EN,
            "wait 30 minutes before sending it",
            "On a new order: confirmation 30 minutes later",
            "on new orders",
        ),
        (
            WEBHOOK,
            "vent en halvtime",
            "Ved webhook «lager-lavt»: Prisliste 30 minutter senere",
            "Prisliste",
        ),
        (
            PRICE_LIST_EN,
            "move it to Wednesday at 10",
            "Prisliste to Butikker Wednesday 10:00",
            "every Wednesday",
        ),
    ],
)
def test_the_description_and_the_assistants_name_follow_the_edit(
    first: str, then: str, described: str, named: str
) -> None:
    outcome = edit(first, then)
    assert outcome.question is None, outcome.question
    assert described in outcome.workflow["description"]
    assert named in outcome.workflow["name"]


def test_the_description_keeps_its_language_after_a_follow_up_in_another() -> None:
    outcome = edit(ORDER, "in English please")
    assert outcome.workflow["description"].startswith("Ved ny ordre:")
    delayed = edit(PRICE_LIST_EN, "vent 1 time")
    assert delayed.workflow["description"].startswith("Prisliste to Butikker Monday 10:00")


def test_a_users_own_name_is_kept_and_a_saved_description_too() -> None:
    context = business()
    draft = draft_of(PRICE_LIST, context)
    draft["name"] = "Mandagsprisene"
    moved = follow_up("flytt den til onsdag kl 12", context=context, draft=draft)
    assert moved.workflow["name"] == "Mandagsprisene"
    assert "onsdag 12:00" in moved.workflow["description"]
    saved = dict(draft, description="Prisene våre til kafeene")
    kept = follow_up(
        "flytt den til onsdag kl 12", context=context, draft=saved, keep_description=True
    )
    assert kept.workflow["description"] == "Prisene våre til kafeene"


# --- 4. An order's or a webhook's draft moved to a group ---------------------------------------


@pytest.mark.parametrize(
    ("first", "then", "slug"),
    [
        (ORDER, "send den til alle kafeene i stedet", "kafeer"),
        (ORDER, "send den til hotellene i stedet", "hotell-overnatting"),
        (ORDER, "bare til butikkene", "butikker"),
        (ORDER_EN, "send it to all the shops instead", "butikker"),
        (WEBHOOK, "send den til storkundene i stedet", "storkunder"),
        (WEBHOOK_EN, "only to the hotels", "hotell-overnatting"),
    ],
)
def test_an_event_customers_draft_can_be_sent_to_a_group(first: str, then: str, slug: str) -> None:
    outcome = edit(first, then)
    assert outcome.question is None, outcome.question
    assert recipients(outcome) == [{"group": slug}]
    group_name = {g["slug"]: g["name"] for g in business().groups}[slug]
    assert group_name in said(outcome)
    assert f" {group_name}" in outcome.workflow["description"]


@pytest.mark.parametrize(
    ("then", "expected"),
    [
        ("send den til alle hotellene i stedet", {"group": "hotell-overnatting"}),
        ("send it to all the hotels instead", {"group": "hotell-overnatting"}),
        ("send den til alle i stedet", {"group": "all"}),
        ("bare til alle kunder", {"group": "all"}),
    ],
)
def test_all_of_a_group_is_that_group_and_all_alone_is_everyone(
    then: str, expected: dict[str, str]
) -> None:
    assert recipients(edit(PRICE_LIST, then)) == [expected]


# --- 5. One customer of an unknown kind after a webhook ------------------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("når webhooken lager-lavt mottas send prislista til taktekkeren", "taktekkeren"),
        ("når webhooken lager-lavt mottas send prislista til den glassmesteren", "glassmesteren"),
        ("when the webhook stock-low arrives send the price list to that roofer", "roofer"),
        ("when the webhook stock-low arrives email the price list to this locksmith", "locksmith"),
    ],
)
def test_one_customer_of_a_kind_we_do_not_know_after_a_webhook_is_asked(
    text: str, word: str
) -> None:
    context = business()
    outcome = parse_description(text, context=context)
    assert outcome.workflow is None
    assert word in outcome.question
    # The answer "kunden" makes it the webhook's customer, in the same conversation.
    answered = follow_up("kunden", context=context, pending=Pending.from_dict(outcome.pending))
    assert answered.workflow is not None, answered.question
    assert recipients(answered) == [{"event_customer": True}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (WEBHOOK, {"event_customer": True}),
        (WEBHOOK_EN, {"event_customer": True}),
        ("når webhooken lager-lavt mottas send prislista til alle", {"group": "all"}),
        ("når webhooken lager-lavt mottas send prislista til kafeene", {"group": "kafeer"}),
    ],
)
def test_a_webhooks_customer_everyone_and_a_group_are_still_read_so(
    text: str, expected: dict[str, Any]
) -> None:
    outcome = parse_description(text, context=business())
    assert outcome.workflow is not None, outcome.question
    assert recipients(outcome) == [expected]


@pytest.mark.parametrize(
    ("then", "word"),
    [("send it to that roofer instead", "roofer"), ("send den til taktekkeren", "taktekkeren")],
)
def test_an_unknown_one_said_in_an_edit_of_a_webhook_draft_is_asked(then: str, word: str) -> None:
    outcome = edit(WEBHOOK, then)
    assert outcome.workflow is None
    assert f"«{word}»" in outcome.question or f"“{word}”" in outcome.question


# --- 6. The words read after "i"/"in" that are no place --------------------------------------


def test_the_common_nouns_are_nouns_and_the_other_words_still_no_place() -> None:
    from ai_assistant.offline.builder import _COMMON_NOUNS, _NOT_NOUNS_AFTER_IN

    verbs = {"mean", "think", "guess", "want", "need", "said", "hope", "believe", "know"}
    assert not (verbs | {"alle", "them", "those", "tonight"}) & _COMMON_NOUNS
    assert verbs <= _NOT_NOUNS_AFTER_IN
    assert not _COMMON_NOUNS & _NOT_NOUNS_AFTER_IN


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("send the price list to the customers i mean every monday at 9", None),
        ("send the price list to customers i think every monday at 9", None),
        ("send the price list to customers in total every monday at 9", None),
        ("send prislista til kundene i kjeden hver mandag kl 9", None),
        ("send prislista til kundene i alt hver mandag kl 9", None),
        ("send prislista til kundene i bergen hver mandag kl 9", "bergen"),
        ("send the price list to customers in narvik every monday at 9", "narvik"),
    ],
)
def test_customers_in_a_place_are_asked_about_and_other_words_after_in_are_not(
    text: str, place: str | None
) -> None:
    outcome = parse_description(text, context=business())
    if place is None:
        assert outcome.workflow is not None, outcome.question
        assert recipients(outcome) == [{"group": "all"}]
    else:
        assert outcome.workflow is None
        assert f"«{place}»" in outcome.question or f"“{place}”" in outcome.question


# --- More of the same, said otherwise --------------------------------------------------------


@pytest.mark.parametrize(
    ("then", "slug"),
    [
        ("hotellene skal også ha den", "hotell-overnatting"),
        ("the key accounts should get it too", "storkunder"),
        ("send til butikkene også", "butikker"),
    ],
)
def test_a_group_that_should_get_it_too(then: str, slug: str) -> None:
    outcome = edit(PRICE_LIST, then)
    assert recipients(outcome) == [{"group": "kafeer"}, {"group": slug}]
    english = then.startswith("the ")
    assert ("Also sends to" if english else "Sender også til") in said(outcome)


def test_the_assistants_name_names_an_added_group_and_follows_a_later_move() -> None:
    context = business()
    added = follow_up("og hotellene", context=context, draft=draft_of(PRICE_LIST, context))
    assert added.workflow["name"] == "Prisliste til Kaféer og barer og Hoteller hver mandag"
    moved = follow_up("flytt den til onsdag kl 12", context=context, draft=added.workflow)
    assert moved.workflow["name"] == "Prisliste til Kaféer og barer og Hoteller hver onsdag"
    assert moved.workflow["description"].startswith("Prisliste til Kaféer og barer onsdag 12:00")


def test_a_language_with_another_edit_does_both_or_says_what_it_did_not() -> None:
    context = business()
    both = follow_up(
        "in English and move it to friday at 10", context=context, draft=draft_of(PRICE_LIST)
    )
    (step,) = both.workflow["steps"]
    assert step["action_config"]["template"] == "Prisliste (English)"
    assert step["trigger_config"] == {"day": "friday", "time": "10:00"}
    assert "Prisliste (English)" in said(both) and "Friday 10:00" in said(both)
    regrouped = follow_up(
        "send den på engelsk til storkundene i stedet", context=context, draft=draft_of(PRICE_LIST)
    )
    assert recipients(regrouped) == [{"group": "storkunder"}]
    assert "Storkunder" in said(regrouped) and "engelsk" in said(regrouped)
    unclear = follow_up("på engelsk, og til kantinene", context=context, draft=draft_of(PRICE_LIST))
    assert "kantinene" in said(unclear) and "ikke endret" in said(unclear)


def test_a_proposed_english_template_is_english_already_and_norwegian_brings_back_the_old() -> None:
    context = business()
    english = follow_up("send den på engelsk", context=context, draft=draft_of(PRICE_LIST))
    again = follow_up("kan du oversette den til engelsk?", context=context, draft=english.workflow)
    assert "allerede på engelsk" in said(again)
    back = follow_up("send den på norsk igjen", context=context, draft=english.workflow)
    assert back.workflow["steps"][0]["action_config"] == {
        "recipients": {"group": "kafeer"},
        "template_id": 15,
    }


def test_what_the_name_says_follows_a_step_removed_and_a_template_swapped() -> None:
    context = business()
    removed = follow_up("fjern påminnelsen", context=context, draft=draft_of(CHAIN, context))
    assert removed.workflow["name"] == "Bestillingsskjema til Kaféer og barer hver mandag"
    swapped = follow_up("bytt til prislista", context=context, draft=removed.workflow)
    (step,) = swapped.workflow["steps"]
    assert step["name"] == "Send Prisliste"
    assert swapped.workflow["name"] == "Prisliste til Kaféer og barer hver mandag"
    assert swapped.workflow["description"] == "Prisliste til Kaféer og barer mandag 09:00"


def test_a_webhook_drafts_name_names_its_new_group_and_a_users_name_stays() -> None:
    context = business()
    chain = draft_of(WEBHOOK + " og en påminnelse 2 dager senere", context)
    assert chain["name"] == "Prisliste og påminnelse"
    moved = follow_up("send den til hotellene i stedet", context=context, draft=chain)
    assert moved.workflow["name"] == "Prisliste og påminnelse til Hoteller"
    own = dict(draft_of(WEBHOOK, context), name="Lagervarsel")
    kept = follow_up("send den til hotellene i stedet", context=context, draft=own)
    assert kept.workflow["name"] == "Lagervarsel"
    assert recipients(kept) == [{"group": "hotell-overnatting"}]


# --- A correction inside the edit itself --------------------------------------------------------


@pytest.mark.parametrize(
    ("then", "first", "second"),
    [
        ("mandag, nei tirsdag kl 10", {"day": "tuesday", "time": "10:00"}, None),
        ("kl 9, nei kl 10", {"day": "monday", "time": "10:00"}, None),
        (
            "flytt påminnelsen til onsdag, nei fredag kl 12",
            None,
            {"day": "friday", "time": "12:00"},
        ),
        (
            "move the reminder to Wednesday, no, Friday at 11",
            None,
            {"day": "friday", "time": "11:00"},
        ),
    ],
)
def test_an_edit_that_corrects_itself_takes_the_corrected_day_or_time(
    then: str, first: dict[str, str] | None, second: dict[str, str] | None
) -> None:
    start = "Skjema mandag kl 9 og purring torsdag kl 15 til de som ikke har bestilt"
    outcome = edit(start, then)
    assert outcome.question is None, outcome.question
    triggers = [s.get("trigger_config") for s in outcome.workflow["steps"]]
    assert triggers[0] == (first or {"day": "monday", "time": "09:00"})
    assert triggers[1] == (second or {"day": "thursday", "time": "15:00"})
    assert outcome.workflow["schedule"]["schedule_config"]["day"] == triggers[0]["day"]
