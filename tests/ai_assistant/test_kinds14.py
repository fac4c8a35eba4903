"""Held-out v18's kinds of failure, read in other words (h-kinds14; ``parser_phrasings_v12``)."""

from __future__ import annotations

import pytest

from ai_assistant.offline.limits import unsupported
from ai_assistant.offline.text import normalise
from tests.ai_assistant.kinds_checks import assert_drafts_valid, assert_kinds_read
from tests.ai_assistant.parser_phrasings_v12 import (
    GROUPS_V18K,
    KINDS_V18,
    KINDS_V18_CONVERSATIONS,
    STAFF_GROUPS_V18K,
    TEMPLATES_V18K,
    context_v18k,
)

_KINDS = (
    "webhook_signal_names",
    "chains_spoken",
    "not_a_step",
    "anchors_v18",
    "meaning_v18",
    "must_ask_v18",
)
_TALKS = KINDS_V18_CONVERSATIONS


def test_the_kinds_held_out_v18_found_are_read_in_other_words() -> None:
    """Webhooks named by an alarm or a notice, spoken chains, clauses that are no steps, first
    times a day off a date, templates and groups by meaning, and restrictions no workflow
    keeps: every phrasing of a garden, outdoor and boat supplies wholesaler is right."""
    assert_kinds_read(KINDS_V18, _TALKS, context_v18k(), _KINDS, at_least=35, talks_at_least=7)


@pytest.mark.django_db
def test_every_workflow_of_the_v18_kinds_is_valid() -> None:
    business = (TEMPLATES_V18K, GROUPS_V18K, STAFF_GROUPS_V18K)
    assert_drafts_valid(business, KINDS_V18, _TALKS, context_v18k())


def test_restrictions_are_found_with_the_words_an_answer_replaces() -> None:
    said = {
        "send tilbudet til kunder som har kjøpt mer enn 20 sekker jord hver mandag kl 9": (
            "kunder som har kjøpt mer enn 20 sekker jord"
        ),
        "send nyhetsbrevet til dei offentlege kundane kvar tysdag kl 9": ("dei offentlege kundane"),
        "send skjema annenhver virkedag kl 9 til alle": "annenhver virkedag",
    }
    for text, words in said.items():
        limit = unsupported(normalise(text)[0])
        assert limit is not None, text
        assert limit.replace == normalise(words)[0], text
    for text in (
        # What the email is about, not who gets it.
        "send prislista til hagesentrene hver mandag kl 9 med over 50 nye varer",
        "send tilbud på 20 sekker jord til alle hver mandag kl 9",
        # Two times of two days, a window of ordering, a group of a kind.
        "send skjema hver mandag kl 9 og kl 15 til alle",
        "send tilbudet til alle som har kjøpt noe de siste 30 dagene hver mandag kl 9",
        "send the offer to customers who bought last month every monday at 9",
        "send skjema annenhver tirsdag kl 9 til alle",
    ):
        assert unsupported(normalise(text)[0]) is None, text
