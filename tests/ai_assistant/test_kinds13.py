"""Held-out v17's kinds of failure, read in other words (h-kinds13; ``parser_phrasings_v11``)."""

from __future__ import annotations

import pytest

from ai_assistant.offline.limits import unsupported
from ai_assistant.offline.text import normalise
from tests.ai_assistant.kinds_checks import assert_drafts_valid, assert_kinds_read
from tests.ai_assistant.parser_phrasings_v11 import (
    GROUPS_V17K,
    KINDS_V17,
    KINDS_V17_CONVERSATIONS,
    STAFF_GROUPS_V17K,
    TEMPLATES_V17K,
    context_v17k,
)

_KINDS = (
    "must_ask_payment_sv",
    "must_ask_engagement",
    "must_ask_day_choice",
    "must_ask_webhook_our_data",
    "webhook_our_data_groups",
    "english_clock_words",
)
_TALKS = KINDS_V17_CONVERSATIONS


def test_the_kinds_held_out_v17_found_are_read_in_other_words() -> None:
    """Payment said in Swedish, emails opened, read or clicked, and a choice between days said
    short are asked about; every phrasing of a garden, outdoor and boat supplies wholesaler is
    right."""
    assert_kinds_read(KINDS_V17, _TALKS, context_v17k(), _KINDS, at_least=24, talks_at_least=3)


@pytest.mark.django_db
def test_every_workflow_of_the_v17_kinds_is_valid() -> None:
    business = (TEMPLATES_V17K, GROUPS_V17K, STAFF_GROUPS_V17K)
    assert_drafts_valid(business, KINDS_V17, _TALKS, context_v17k())


def test_opening_or_paying_is_found_with_the_words_an_answer_replaces() -> None:
    said = {
        "skicka påminnelsen till de kunder som inte har betalat varje torsdag kl 10": (
            "de kunder som inte har betalat"
        ),
        "send the newsletter to customers who didn't open the last one every monday at 9": (
            "customers who didn't open the last one"
        ),
    }
    for text, words in said.items():
        limit = unsupported(normalise(text)[0])
        assert limit is not None, text
        assert limit.replace == normalise(words)[0], text
    for text in (
        "send prislista til hagesentrene hver mandag kl 9 når butikkene åpner",
        "send the opening hours to the shops that open on sundays every friday at 9",
        "send mailen om ubetalte fakturaer til borettslagene hver mandag kl 9",
    ):
        assert unsupported(normalise(text)[0]) is None, text
