"""Held-out v22's kinds of failure, read in other words (h-kinds18; ``parser_phrasings_v16``)."""

from __future__ import annotations

import pytest

from ai_assistant.offline.letters import the_request
from ai_assistant.offline.text import normalise
from tests.ai_assistant.kinds_checks import assert_drafts_valid, assert_kinds_read
from tests.ai_assistant.parser_phrasings_v16 import (
    GROUPS_V22K,
    KINDS_V22,
    KINDS_V22_CONVERSATIONS,
    STAFF_GROUPS_V22K,
    TEMPLATES_V22K,
    context_v22k,
)

_KINDS = (
    "forwarded",
    "list_fields",
    "run_on",
    "every_day_but",
    "month_and_holidays",
    "chains",
    "first_times",
    "templates",
    "events",
    "must_ask",
)
_TALKS = KINDS_V22_CONVERSATIONS


def test_the_kinds_held_out_v22_found_are_read_in_other_words() -> None:
    """Forwarded emails, lists of one request's fields, run-on dictation, every day but one,
    the month said short, holiday policies with the subject first, chains to the first step's
    audience, first times by a week number, templates by their own names, events told in
    other words, what must be asked, and answers to a choice of how often or a season: every
    phrasing of a fishing-gear wholesaler is right."""
    assert_kinds_read(KINDS_V22, _TALKS, context_v22k(), _KINDS, at_least=35, talks_at_least=6)


@pytest.mark.django_db
def test_every_workflow_of_the_v22_kinds_is_valid() -> None:
    business = (TEMPLATES_V22K, GROUPS_V22K, STAFF_GROUPS_V22K)
    assert_drafts_valid(business, KINDS_V22, _TALKS, context_v22k())


def test_a_forwarded_emails_header_lines_are_no_request() -> None:
    text = (
        "Fra: Kari\nEmne: Skjema\n\nHei!\nsend skjemaet til kafeene hver mandag kl 9.\n\nMvh Kari"
    )
    assert the_request(text) == "send skjemaet til kafeene hver mandag kl 9."
    # Without a subject or sender line, a "Til:" field stays (a list's whom).
    assert the_request("Til: kafeene\nskjema hver mandag kl 9") == (
        "Til: kafeene\nskjema hver mandag kl 9"
    )


def test_a_lists_fields_are_one_request() -> None:
    text = normalise("- prislista\n- til kafeene\n- hver mandag kl 9")[0]
    assert ";" not in text
    # Lines that each say what is done stay parts of their own.
    assert ";" in normalise("1. skjema mandag kl 9\n2. purring torsdag kl 12")[0]


def test_every_day_but_some_lists_the_others() -> None:
    assert (
        "hver mandag, tirsdag, onsdag, torsdag, fredag og lørdag kl 6"
        in (normalise("hver dag unntatt søndag kl 6 skjema")[0])
    )
    assert "hver hverdag kl 7" in normalise("hver dag kl 7 skjema, og så ikke i helgene")[0]
    # "also at weekends" keeps every day.
    assert "hver dag" in normalise("hver dag kl 7 skjema, også i helga")[0]


def test_a_dictated_end_says_nothing() -> None:
    assert normalise("skjema til kafeene hver mandag kl 9 og så er det det")[0] == (
        "skjema til kafeene hver mandag kl 9"
    )
    assert normalise("send the form every Monday at 9 and that's it")[0].endswith("at 9")
