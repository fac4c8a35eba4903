"""Held-out v20's kinds of failure, read in other words (h-kinds16; ``parser_phrasings_v14``)."""

from __future__ import annotations

import datetime as dt

import pytest

from ai_assistant.offline.conversation import what_is_answered
from ai_assistant.offline.text import normalise
from tests.ai_assistant.kinds_checks import assert_drafts_valid, assert_kinds_read
from tests.ai_assistant.parser_phrasings_v14 import (
    GROUPS_V20K,
    KINDS_V20,
    KINDS_V20_CONVERSATIONS,
    STAFF_GROUPS_V20K,
    TEMPLATES_V20K,
    context_v20k,
)

_KINDS = (
    "times_said",
    "weekdays_except",
    "other_words",
    "corrections",
    "webhooks",
    "event_chains",
    "polite",
    "first_times",
    "must_ask",
    "templates",
    "slash_chains",
)
_TALKS = KINDS_V20_CONVERSATIONS


def test_the_kinds_held_out_v20_found_are_read_in_other_words() -> None:
    """Dictated and hasty times, weekdays with an exception, corrections and swaps of what is
    sent, webhooks named bare, event chains in dialect, requests inside polite letters, first
    times said by a week or the clocks, what the format cannot say, chains parted by slashes,
    and answers and edits said politely: every phrasing of a bakery supplier is right."""
    assert_kinds_read(KINDS_V20, _TALKS, context_v20k(), _KINDS, at_least=40, talks_at_least=10)


@pytest.mark.django_db
def test_every_workflow_of_the_v20_kinds_is_valid() -> None:
    business = (TEMPLATES_V20K, GROUPS_V20K, STAFF_GROUPS_V20K)
    assert_drafts_valid(business, KINDS_V20, _TALKS, context_v20k())


def test_times_said_as_words_or_four_digits() -> None:
    assert "kl 7:30" in normalise("hver onsdag klokka sju tretti")[0]
    assert "kl 15:45" in normalise("fredag klokka femten førtifem")[0]
    assert "06:00" in normalise("daglig 0600 skjema")[0]
    assert "07:30" in normalise("skjema tir 0730")[0]
    # "kl 8 ti" is no 08:10 ("ti" is also Tuesday's short name).
    assert "8:10" not in normalise("skjema kl 8 ti")[0]


def test_working_days_with_an_exception_are_listed() -> None:
    text = normalise("hver hverdag kl 7 send menyen, men ikke på fredager")[0]
    assert "mandag, tirsdag, onsdag og torsdag" in text
    assert "fredag" not in text
    text = normalise("alle hverdager unntatt mandag og onsdag kl 10")[0]
    assert "tirsdag, torsdag og fredag" in text


def test_a_chain_parted_by_slashes_is_cut_not_a_list_of_days() -> None:
    assert "; påminnelse" in normalise("skjema alle ons 9 / påminnelse tor")[0]
    assert ";" not in normalise("skjema alle man / ons kl 9")[0]


def test_a_follow_up_without_its_thanks_and_praise() -> None:
    said = what_is_answered(
        "Tusen takk, det ser flott ut! En liten ting: kan tilbudet heller gå til skolene? "
        "Ellers er alt perfekt."
    )
    assert said == "kan tilbudet heller gå til skolene?"
    assert what_is_answered("Takk for spørsmålet: onsdag kl 9 passer fint.") == "onsdag kl 9"
    assert what_is_answered("Takk!") == "Takk!"


def test_a_first_time_after_the_clocks_change() -> None:
    from ai_assistant.offline.calendar import _clocks_change

    assert _clocks_change(dt.date(2033, 10, 24), True) == dt.date(2033, 10, 30)
    assert _clocks_change(dt.date(2033, 11, 1), False) == dt.date(2034, 3, 26)
    assert _clocks_change(dt.date(2033, 11, 1), None) == dt.date(2034, 3, 26)
