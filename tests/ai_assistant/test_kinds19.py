"""Kinds found by held-out v23's untuned misses (h-kinds19), in words of no phrasing set and in
another business (the office-coffee wholesaler of held-out v7): a filled-in form ("Hva: ... /
Når: ... / Til: ..."), a doubled letter in a word of the closed vocabulary, a webhook named
with a dash before "-webhooken" in letters beyond a-z, the dialect "tel" for "til", and a
choice of times answered in the conversation when "eller" is misspelt."""

from __future__ import annotations

from typing import Any

import pytest

from ai_assistant.context import ParseContext
from ai_assistant.offline import parse_description
from ai_assistant.offline.conversation import Pending, follow_up
from benchmarks.parser_accuracy import key_facts
from tests.ai_assistant import expected_facts as facts
from tests.ai_assistant.held_out_v7 import (
    HELD_OUT_V7_GROUPS,
    HELD_OUT_V7_STAFF_GROUPS,
    HELD_OUT_V7_TEMPLATES,
    HELD_OUT_V7_TODAY,
    held_out_v7_context,
)


def _facts(text: str) -> dict[str, Any]:
    context = held_out_v7_context()
    outcome = parse_description(text, context=context)
    assert outcome.workflow is not None, outcome.question
    assert not [n for n in outcome.notes if "forstod ikke" in n or "did not understand" in n]
    return key_facts(outcome.workflow, context)


@pytest.mark.parametrize(
    "text",
    [
        "Hva: bestillingsskjema, så påminnelse / Når: tirsdag 07:30, påminnelse torsdag 12:00 "
        "/ Til: frisørene",
        "Hva: bestillingsskjema, så påminnelse\nNår: tirsdag 07:30, påminnelse torsdag 12:00\n"
        "Til: frisørene",
        "What: order form, then reminder / When: Tuesday 07:30, reminder Thursday 12:00 / To: "
        "the hairdressers",
    ],
)
def test_a_filled_in_form_with_two_steps(text: str) -> None:
    facts = _facts(text)
    assert facts["steps"] == ["send_email", "send_email"]
    assert facts["templates"] == ["bestilling", "reminder"]
    assert facts["triggers"] == [
        {"day": "tuesday", "time": "07:30"},
        {"day": "thursday", "time": "12:00"},
    ]
    assert facts["recipients"] == [{"group": "frisorer"}, {"group": "frisorer"}]


def test_a_filled_in_form_with_a_webhook_named_with_a_dash() -> None:
    facts = _facts("Hva: prisoversikten / Når: straks kaffepris-webhooken kommer / Til: kafeene")
    assert facts["type"] == "event_based" and facts["event"] == "webhook"
    assert facts["event_name"] == "kaffepris"
    assert facts["templates"] == ["prisliste"]
    assert facts["recipients"] == [{"group": "kafeer"}]


def test_a_webhook_named_in_letters_beyond_a_z_and_tel_for_til() -> None:
    facts = _facts("Når bønnepris-webhooken kjem, send prislista tel skolene med en gang")
    assert facts["event_name"] == "bønnepris"
    assert facts["recipients"] == [{"group": "skoler"}]
    assert facts["templates"] == ["prisliste"]


@pytest.mark.parametrize(
    ("text", "facts_wanted"),
    [
        (
            "skjemma til klinikkene hverr onsdagg kl 0730",
            {"days": ["wednesday"], "time": "07:30", "templates": ["bestilling"]},
        ),
        (
            "sennd bestilingsskjemaa til aalle kundenne hver fredagg kl 10",
            {"days": ["friday"], "time": "10:00", "templates": ["bestilling"]},
        ),
        (
            "hver hverrdag kl 0645 skjemma til kontorene",
            {"weekdays_only": True, "time": "06:45", "templates": ["bestilling"]},
        ),
        (
            "prislista til skolene den 2. hver månedd kl 9",
            {"schedule": "monthly", "day_of_month": 2, "time": "09:00"},
        ),
    ],
)
def test_doubled_letters_in_known_words(text: str, facts_wanted: dict[str, Any]) -> None:
    facts = _facts(text)
    for key, value in facts_wanted.items():
        assert facts[key] == value, key


def test_a_doubled_letter_is_not_read_back_in_other_words() -> None:
    # "kaffe", "treningssentre" keep their double letters.
    facts = _facts("send prislista til treningssentrene hver mandag kl 8")
    assert facts["recipients"] == [{"group": "treningssentre"}]


def test_a_choice_of_times_with_eller_misspelt_is_answered() -> None:
    context = held_out_v7_context()
    first = parse_description("skjema til kafeene hver torsdag kl 7 ellr 8", context=context)
    assert first.workflow is None and first.pending
    outcome = follow_up(
        "kl 8", context=context, draft=None, pending=Pending.from_dict(first.pending)
    )
    assert outcome.workflow is not None, outcome.question
    facts = key_facts(outcome.workflow, context)
    assert facts["time"] == "08:00" and facts["days"] == ["thursday"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Den sekstende i hver måned klokka åtte sender vi prislista til klinikkene", 16),
        ("den fjortende hver måned kl 8 prislista til skolene", 14),
        ("send the price list to the clinics on the twelfth of every month at 9", 12),
    ],
)
def test_a_day_of_the_month_in_words(text: str, day: int) -> None:
    facts = _facts(text)
    assert facts["schedule"] == "monthly" and facts["day_of_month"] == day
    assert facts["templates"] == ["prisliste"]


def _complaints_context() -> ParseContext:
    """v7's coffee business with a complaint answer named in Norwegian."""
    templates = [
        *HELD_OUT_V7_TEMPLATES,
        {
            "id": 790,
            "name": "Klage mottatt",
            "category": "klage",
            "variables": ["kunde_navn"],
            "subject": "Vi har mottatt klagen din på leveransen",
        },
    ]
    return facts.business_context(
        templates, HELD_OUT_V7_GROUPS, HELD_OUT_V7_STAFF_GROUPS, HELD_OUT_V7_TODAY
    )


def _event_facts(text: str, context: ParseContext) -> dict[str, Any]:
    outcome = parse_description(text, context=context)
    assert outcome.workflow is not None, outcome.question
    assert not [n for n in outcome.notes if "forstod ikke" in n or "did not understand" in n]
    return key_facts(outcome.workflow, context)


@pytest.mark.parametrize(
    "text",
    [
        "When the klage-webhook fires, please to send the complaint received mail to the "
        "customer right away",
        "klage-webhook 👉 send svar på klagen til kunden med en gang",
        "Når klage-webhooken kommer, send svar på klagen til kunden straks",
    ],
)
def test_a_webhook_named_by_a_word_and_its_answer_named_by_it(text: str) -> None:
    facts = _event_facts(text, _complaints_context())
    assert facts["event"] == "webhook" and facts["event_name"] == "klage"
    assert facts["templates"] == ["klage"]
    assert facts["recipients"] == [{"event_customer": True}]


@pytest.mark.parametrize(
    ("text", "delay"),
    [
        ("Når en kunde bestiller, send ordrebekreftelsen tretti minutter etter", 30),
        ("When a customer places an order, send the order confirmation fifty minutes later", 50),
    ],
)
def test_a_delay_in_tens_said_in_words(text: str, delay: int) -> None:
    facts = _facts(text)
    assert facts["event"] == "order.created"
    assert facts["triggers"] == [{"delay_minutes": delay}]


def test_an_order_that_kjem_inn_is_the_order_event() -> None:
    facts = _facts(
        "Når ei bestilling kjem inn: ordrebekreftelse straks, og prislista ein time etter"
    )
    assert facts["event"] == "order.created"
    assert facts["templates"] == ["confirmation", "prisliste"]
    assert facts["triggers"] == [None, {"delay_minutes": 60}]


@pytest.mark.parametrize(
    "text",
    [
        "Send tilbudet - nei, vent, prislista - til kafeene hver onsdag kl 11",
        "send the offer - no wait, the price list - to the cafés every Wednesday at 11",
    ],
)
def test_what_is_sent_corrected_between_dashes(text: str) -> None:
    facts = _facts(text)
    assert facts["templates"] == ["prisliste"]
    assert facts["recipients"] == [{"group": "kafeer"}]
    assert facts["triggers"] == [{"day": "wednesday", "time": "11:00"}]


def test_a_day_corrected_between_dashes() -> None:
    facts = _facts(
        "Skjema til skolene tirsdag kl 7, påminnelse torsdag - nei, fredag kl 9 - til de som "
        "ikke har bestilt"
    )
    assert facts["steps"] == ["send_email", "send_email"]
    assert facts["triggers"] == [
        {"day": "tuesday", "time": "07:00"},
        {"day": "friday", "time": "09:00"},
    ]


def test_thanks_with_an_emoji_is_no_step() -> None:
    facts = _facts("kan du fikse at kafeene får tilbudet hver tirsdag kl 14? tusen takk 🙏")
    assert facts["steps"] == ["send_email"]
    assert facts["triggers"] == [{"day": "tuesday", "time": "14:00"}]


def test_daglig_leder_is_a_person_not_daily() -> None:
    facts = _facts("månedsrapport til daglig leder -> sjef@kaffe.example hver mandag kl 7")
    assert facts["schedule"] == "weekly" and facts["days"] == ["monday"]
    assert facts["send_to"] == ["sjef@kaffe.example"]


@pytest.mark.parametrize(
    "text",
    [
        "Skjema til treningssentrene tirsdag kl 9. Ingen purring, men de som ikke har bestilt "
        "innen torsdag kl 12 får den faste ordren lagt inn",
        "Order form to the gyms Tuesday at 9. No reminder, but those who have not ordered by "
        "Thursday at 12 get the usual order placed",
    ],
)
def test_no_reminder_then_the_usual_order(text: str) -> None:
    facts = _facts(text)
    assert facts["steps"] == ["send_email", "create_order"]
    assert facts["triggers"] == [
        {"day": "tuesday", "time": "09:00"},
        {"day": "thursday", "time": "12:00"},
    ]


@pytest.mark.parametrize(
    "text",
    [
        "send velkomstmailen til kunden når kunden er ny",
        "Hva: velkomst, så prislista / Når: når kunden er ny, prislista to dager etter "
        "velkomsten / Til: kunden",
        "send the welcome mail to the customer when the customer is new",
    ],
)
def test_a_customer_that_is_new_is_the_new_customer_event(text: str) -> None:
    facts = _facts(text)
    assert facts["event"] == "customer.created"
    assert facts["templates"][0] == "velkomst"
