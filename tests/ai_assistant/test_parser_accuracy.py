"""Measuring the offline parser (issue 7, item 7): the measurement runs, the table is 100%."""

from __future__ import annotations

import argparse

import pytest

from ai_assistant import proposals
from benchmarks.parser_accuracy import keyword_baseline, measure
from tests.ai_assistant.parser_phrasings import (
    HELD_OUT,
    PHRASINGS,
    TABLE_EXAMPLES,
    TEMPLATES,
    standard_context,
)


def test_there_are_enough_phrasings_of_every_kind() -> None:
    cases = PHRASINGS + HELD_OUT
    assert len(PHRASINGS) >= 60
    assert sum(c.expected == "question" for c in cases) >= 10
    table = {c.text for c in TABLE_EXAMPLES}
    assert not table & {c.text for c in cases}


def test_the_table_examples_are_all_right() -> None:
    report = measure(TABLE_EXAMPLES, context=standard_context())
    assert report.misses == []
    assert report.accuracy == 1.0


def test_the_accuracy_measurement_runs() -> None:
    context = standard_context()
    for cases in (PHRASINGS, HELD_OUT):
        ours = measure(cases, context=context)
        base = measure(cases, context=context, parse=keyword_baseline)
        assert ours.total == base.total == len(cases)
        assert 0 <= base.accuracy <= 1 and 0 <= ours.accuracy <= 1
        assert ours.correct == ours.total - len(ours.misses)
        # Not a timing assertion: the parser must beat a keyword matcher by a wide margin.
        assert ours.accuracy >= base.accuracy + 0.4
    assert measure(PHRASINGS, context=context).accuracy >= 0.9


@pytest.mark.django_db
def test_every_workflow_the_phrasings_give_is_valid() -> None:
    from customers.models import CustomerGroup
    from templates_app.models import EmailTemplate
    from tests.ai_assistant.parser_phrasings import GROUPS

    for template in TEMPLATES:
        EmailTemplate.objects.create(
            id=template["id"],
            name=template["name"],
            category=template["category"],
            subject="s",
            body_html="<p>x</p>",
        )
    for group in GROUPS:
        CustomerGroup.objects.create(slug=group["slug"], name=group["name"])
    from ai_assistant.offline import parse_description

    context = standard_context()
    for case in TABLE_EXAMPLES + PHRASINGS + HELD_OUT:
        outcome = parse_description(case.text, context=context)
        if outcome.workflow is not None:
            result = proposals.checked(outcome.workflow, outcome.new_templates)
            assert result.errors == [], (case.text, result.errors)


def test_the_benchmark_reports_accuracy_next_to_its_baseline(db: None) -> None:
    from benchmarks import bench_offline_parser

    results = bench_offline_parser.run(argparse.Namespace(quick=True))
    by_metric = {r.metric: r for r in results}
    assert set(by_metric) == {
        "accuracy_table",
        "accuracy_phrasings",
        "accuracy_held_out",
        "parse_latency_ms",
    }
    assert by_metric["accuracy_table"].value == 1.0
    assert by_metric["accuracy_phrasings"].conditions["cases"] == len(PHRASINGS)
