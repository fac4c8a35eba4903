"""What every kinds set's test checks (``test_kinds8`` ... ``test_kinds11``): enough phrasings
of each kind, all of them right, and every draft they give valid as saved."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from ai_assistant.context import ParseContext
from benchmarks.parser_accuracy import measure, measure_conversations
from tests.ai_assistant.test_parser_accuracy import _drafts_are_valid, _load_business


def assert_kinds_read(
    cases: Sequence[Any],
    talks: Sequence[Any],
    context: ParseContext,
    kinds: Sequence[str],
    *,
    at_least: int,
    talks_at_least: int = 0,
) -> None:
    """At least ``at_least`` cases, two of each kind, ``talks_at_least`` conversations, and
    no case nor conversation missed."""
    counted = Counter(c.category for c in cases)
    assert len(cases) >= at_least
    assert len(talks) >= talks_at_least
    for kind in kinds:
        assert counted[kind] >= 2, kind
    report = measure(list(cases), context=context)
    assert [(m.text, m.differences) for m in report.misses] == []
    if talks:
        conversations = measure_conversations(list(talks), context=context)
        assert [(m.text, m.differences) for m in conversations.misses] == []


def assert_drafts_valid(
    business: tuple[Sequence[Any], Sequence[Any], Sequence[str]],
    cases: Sequence[Any],
    talks: Sequence[Any],
    context: ParseContext,
) -> None:
    """The set's business (templates, groups, staff groups) saved, every draft validates."""
    templates, groups, staff_groups = business
    _load_business(templates, groups, staff_groups)
    _drafts_are_valid(cases, talks, context)
