"""Held-out v12's kinds of failure, read in other words (h-kinds8; ``parser_phrasings_v6``)."""

from __future__ import annotations

import pytest

from ai_assistant.offline import parse_description
from ai_assistant.offline.audience import GroupMatcher, apply_correction
from benchmarks.parser_accuracy import key_facts
from tests.ai_assistant.kinds_checks import assert_drafts_valid, assert_kinds_read
from tests.ai_assistant.parser_phrasings_v6 import (
    GROUPS_V12K,
    KINDS_V12,
    KINDS_V12_CONVERSATIONS,
    STAFF_GROUPS_V12K,
    TEMPLATES_V12K,
    context_v12k,
)

_KINDS = (
    "danish",
    "groups",
    "corrections",
    "day_lists",
    "bullets",
    "repeat_last",
    "conditions",
    "iso_weeks",
    "holiday_policy",
    "webhooks",
    "templates",
    "new_templates",
    "small_talk",
    "must_ask",
)


def test_the_kinds_held_out_v12_found_are_read_in_other_words() -> None:
    """Danish, groups by meaning in nn/da/en, corrections inside a message, day lists, bullets,
    a standing order in other words, weeks in conditions, odd/even weeks, a season in a holiday
    policy, a webhook named with its suffix, care tips and new templates by meaning, and what
    must be asked: every phrasing of a building-supplies wholesaler is right."""
    assert_kinds_read(
        KINDS_V12,
        KINDS_V12_CONVERSATIONS,
        context_v12k(),
        _KINDS,
        at_least=35,
        talks_at_least=6,
    )


@pytest.mark.django_db
def test_every_workflow_of_the_v12_kinds_is_valid() -> None:
    business = (TEMPLATES_V12K, GROUPS_V12K, STAFF_GROUPS_V12K)
    assert_drafts_valid(business, KINDS_V12, KINDS_V12_CONVERSATIONS, context_v12k())


def test_a_bare_no_corrects_only_a_day_or_time_after_it() -> None:
    groups = GroupMatcher(context_v12k().groups)
    # The time said after the corrected day is that day's (test_kinds_lead2).
    assert apply_correction("tilbud hver mandag, nei tirsdag, kl 8", groups) == (
        "tilbud hver tirsdag kl 8"
    )
    assert apply_correction("tilbud hver mandag kl 9, nei kl 10", groups) == (
        "tilbud hver mandag kl 10"
    )
    # "nei" that is no correction of a day or time stays.
    text = "send tilbud til kunder som sier nei, hver mandag kl 9"
    assert apply_correction(text, groups) == text


def test_a_verb_ending_a_group_name_is_no_group() -> None:
    """ "legger vi inn" is placing an order, not the group "Rørleggere"."""
    groups = GroupMatcher(context_v12k().groups)
    assert groups.match("legger") is None
    assert groups.match("rørleggerne")["slug"] == "rorleggere"  # type: ignore[index]


def test_deleting_customers_is_asked_but_removing_a_step_from_a_draft_is_not() -> None:
    context = context_v12k()
    asked = parse_description(
        "Fjern alle kundene som ikke har handlet i år, hver fredag kl 9", context=context
    )
    assert asked.is_question
    built = parse_description(
        "Send prislista til rørleggerne hver mandag kl 7 og fjern ingenting", context=context
    )
    assert built.workflow is not None


def test_a_season_only_with_the_holidays_is_a_policy_not_a_step() -> None:
    context = context_v12k()
    outcome = parse_description(
        "Send tilbud til snekkerne hver torsdag kl 9, også i jula og på røde dager",
        context=context,
    )
    assert outcome.workflow is not None
    facts = key_facts(outcome.workflow, context)
    assert facts["steps"] == ["send_email"]
    assert facts["holiday_policy"] == "run"
    # The seasonal template asked for by name is still that template.
    seasonal = parse_description(
        "Send vintersortimentet til alle hver mandag kl 8", context=context
    )
    assert seasonal.workflow is not None
    assert key_facts(seasonal.workflow, context)["templates"] == ["sesong"]
