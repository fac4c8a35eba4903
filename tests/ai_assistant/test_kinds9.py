"""Held-out v13's kinds of failure, read in other words (h-kinds9; ``parser_phrasings_v7``)."""

from __future__ import annotations

import pytest

from ai_assistant.offline import parse_description
from ai_assistant.offline.audience import GroupMatcher
from ai_assistant.offline.conversation import Pending, continued
from ai_assistant.offline.events import webhook_name
from benchmarks.parser_accuracy import key_facts
from tests.ai_assistant.kinds_checks import assert_drafts_valid, assert_kinds_read
from tests.ai_assistant.parser_phrasings_v7 import (
    GROUPS_V13K,
    KINDS_V13,
    KINDS_V13_CONVERSATIONS,
    STAFF_GROUPS_V13K,
    TEMPLATES_V13K,
    context_v13k,
)

_KINDS = (
    "relative_days",
    "groups",
    "day_lists",
    "holiday_policy",
    "calendar",
    "webhooks",
    "delays",
    "templates",
    "event_chains",
    "must_ask",
)


def test_the_kinds_held_out_v13_found_are_read_in_other_words() -> None:
    """Implied relative days in chains, English group names, weekend day lists, an English
    holiday policy, calendar words, a webhook named after "webhooken", shorthand and dialect
    delays, templates by meaning and a webhook chain with a condition: every phrasing of a
    wine importer is right."""
    assert_kinds_read(
        KINDS_V13,
        KINDS_V13_CONVERSATIONS,
        context_v13k(),
        _KINDS,
        at_least=35,
        talks_at_least=6,
    )


@pytest.mark.django_db
def test_every_workflow_of_the_v13_kinds_is_valid() -> None:
    business = (TEMPLATES_V13K, GROUPS_V13K, STAFF_GROUPS_V13K)
    assert_drafts_valid(business, KINDS_V13, KINDS_V13_CONVERSATIONS, context_v13k())


def test_the_first_word_of_a_two_word_group_name_is_no_group() -> None:
    """ "Food trucks" is named by "food trucks" or "truckene", not by "food" ("food safety")."""
    groups = GroupMatcher(
        [
            {"slug": "foodtrucks", "name": "Food trucks", "size": 3},
            {"slug": "barer", "name": "Barer og puber", "size": 4},
        ]
    )
    assert groups.match("food") is None
    assert groups.match("truckene")["slug"] == "foodtrucks"  # type: ignore[index]
    # Both words of a name joined by "og" still name it.
    assert groups.match("barene")["slug"] == "barer"  # type: ignore[index]
    assert groups.match("pubene")["slug"] == "barer"  # type: ignore[index]


def test_an_hour_word_alone_answers_what_time() -> None:
    pending = Pending("Send tilbudet til barene hver onsdag")
    assert continued(pending, "elleve") == "Send tilbudet til barene hver onsdag kl 11"
    assert continued(pending, "nine pm") == "Send tilbudet til barene hver onsdag kl 21"
    # Words that are no hour are kept as they are.
    assert continued(pending, "hotellene") == "Send tilbudet til barene hver onsdag hotellene"


def test_a_webhook_named_by_one_word_after_webhooken() -> None:
    assert webhook_name("Når webhooken varetelling kommer inn, send rapport") == "varetelling"
    assert webhook_name("når vi får webhooken varetelling, send rapport") == "varetelling"
    # The arrival itself is no name.
    assert webhook_name("når webhooken kommer inn, send rapport") is None


def test_season_chatter_names_no_template() -> None:
    context = context_v13k()
    outcome = parse_description(
        "send the price list to the hotels on saturday and sunday at 9, it is high season now",
        context=context,
    )
    assert outcome.workflow is not None
    assert key_facts(outcome.workflow, context)["templates"] == ["prisliste"]
