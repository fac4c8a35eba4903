"""Held-out v16's kinds of failure, read in other words (h-kinds12; ``parser_phrasings_v10``)."""

from __future__ import annotations

import pytest

from ai_assistant.offline import parse_description
from ai_assistant.offline.calendar import read_policy
from ai_assistant.offline.kinds import kind_of_word
from ai_assistant.offline.limits import unsupported
from ai_assistant.offline.text import normalise
from tests.ai_assistant.kinds_checks import assert_drafts_valid, assert_kinds_read
from tests.ai_assistant.parser_phrasings_v10 import (
    GROUPS_V16K,
    KINDS_V16,
    KINDS_V16_CONVERSATIONS,
    STAFF_GROUPS_V16K,
    TEMPLATES_V16K,
    context_v16k,
)

_KINDS = (
    "must_ask_orders",
    "must_ask_payment",
    "must_ask_weather",
    "must_ask_season",
    "webhooks",
    "english_groups",
    "templates_by_meaning",
    "polite_delays",
    "staff",
    "holiday_policy",
    "unknown_groups",
    "anchors",
    "chains",
)
_TALKS = KINDS_V16_CONVERSATIONS


def test_the_kinds_held_out_v16_found_are_read_in_other_words() -> None:
    """Order counts and amounts, payment, the weather and seasons asked about; webhooks about
    our own data, English group words, templates by meaning, polite delays, staff pinged, the
    holiday policy said politely and dialect plurals of unknown groups: every phrasing of a
    garden, outdoor and boat supplies wholesaler is right (4/49 and 1/9 before the fixes)."""
    assert_kinds_read(KINDS_V16, _TALKS, context_v16k(), _KINDS, at_least=48, talks_at_least=9)


@pytest.mark.django_db
def test_every_workflow_of_the_v16_kinds_is_valid() -> None:
    business = (TEMPLATES_V16K, GROUPS_V16K, STAFF_GROUPS_V16K)
    assert_drafts_valid(business, KINDS_V16, _TALKS, context_v16k())


def test_a_restriction_no_workflow_keeps_is_found_with_the_words_an_answer_replaces() -> None:
    said = {
        "send tilbud til kundene som har bestilt mer enn fire ganger hver fredag kl 9": (
            "kundene som har bestilt mer enn fire ganger"
        ),
        "send the offer only to customers who have paid their last bill every monday at 9": (
            "only to customers who have paid their last bill"
        ),
        "send tilbud hver fredag kl 9 når det er meldt regn": "når det er meldt regn",
        "hver mandag kl 9, og i påsken send det bare til hyttelagene": (
            "i påsken send det bare til hyttelagene"
        ),
    }
    for text, words in said.items():
        limit = unsupported(normalise(text)[0])
        assert limit is not None, text
        assert limit.replace == words, text
    for text in (
        "send mailen om ubetalte fakturaer til borettslagene hver mandag kl 9",
        "send åpningstidene våre i påsken til alle kundene hver fredag kl 10",
        "når frost-alarm går, gi beskjed til lageret",
        "send tilbud til kundene som har bestilt de siste 14 dagene hver fredag kl 9",
    ):
        assert unsupported(normalise(text)[0]) is None, text


def test_a_restriction_is_asked_in_the_request_s_language() -> None:
    context = context_v16k()
    nb = parse_description(
        "Send prislista til hyttelaga kvar fredag kl 9 om det snør", context=context
    )
    en = parse_description(
        "Send the price list to the campsites every Friday at 9 if it is raining", context=context
    )
    assert nb.question is not None and "været" in nb.question
    assert en.question is not None and "weather" in en.question


def test_english_and_dialect_words_for_painters_and_harbours() -> None:
    for word in ("painters", "decorators", "maleran", "malarane", "malere"):
        assert kind_of_word(word) == "maler", word
    for word in ("marinas", "harbours", "båthamnene", "småbåthavner"):
        assert kind_of_word(word) == "båthavn", word
    assert kind_of_word("maler") is None  # "maler" alone is also "templates"


def test_the_holiday_policy_said_politely() -> None:
    said = {
        "men når mandagen er en helligdag, heller dagen etter": "next_business_day",
        "er fredagen en helligdag, send den siste virkedag før i stedet": "previous_business_day",
        "kunne dere hoppet over de gangene det er rød dag": "skip",
        "could you skip the weeks when it's a bank holiday": "skip",
    }
    for text, policy in said.items():
        assert read_policy(text)[0] == policy, text
