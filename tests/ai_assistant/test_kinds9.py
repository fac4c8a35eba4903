"""Held-out v13's kinds of failure, read in other words (h-kinds9; ``parser_phrasings_v7``)."""

from __future__ import annotations

from collections import Counter

import pytest

from benchmarks.parser_accuracy import measure, measure_conversations
from tests.ai_assistant.parser_phrasings_v7 import (
    GROUPS_V13K,
    KINDS_V13,
    KINDS_V13_CONVERSATIONS,
    STAFF_GROUPS_V13K,
    TEMPLATES_V13K,
    context_v13k,
)
from tests.ai_assistant.test_parser_accuracy import _drafts_are_valid, _load_business

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
    kinds = Counter(c.category for c in KINDS_V13)
    assert len(KINDS_V13) >= 35
    assert len(KINDS_V13_CONVERSATIONS) >= 6
    for kind in _KINDS:
        assert kinds[kind] >= 2, kind
    report = measure(KINDS_V13, context=context_v13k())
    assert [(m.text, m.differences) for m in report.misses] == []
    talks = measure_conversations(KINDS_V13_CONVERSATIONS, context=context_v13k())
    assert [(m.text, m.differences) for m in talks.misses] == []


@pytest.mark.django_db
def test_every_workflow_of_the_v13_kinds_is_valid() -> None:
    _load_business(TEMPLATES_V13K, GROUPS_V13K, STAFF_GROUPS_V13K)
    _drafts_are_valid(KINDS_V13, KINDS_V13_CONVERSATIONS, context_v13k())
