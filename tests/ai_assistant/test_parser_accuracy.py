"""Measuring the offline parser (issue 7, item 7): the measurement runs, the table is 100%."""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import pytest

from ai_assistant import proposals
from benchmarks.parser_accuracy import by_category, keyword_baseline, measure, measure_conversations
from tests.ai_assistant.parser_phrasings import (
    HELD_OUT,
    PHRASINGS,
    TABLE_EXAMPLES,
    TEMPLATES,
    standard_context,
)
from tests.ai_assistant.parser_phrasings_v2 import EDIT_CASES, PHRASINGS_V2, context_v2
from tests.ai_assistant.parser_phrasings_v3 import PHRASINGS_V3, context_v3
from tests.ai_assistant.parser_phrasings_v4 import (
    CALENDAR_V4,
    CHAINS_V4,
    CONVERSATIONS_V4,
    CONVERSATIONS_V4_BAKERY,
    CONVERSATIONS_V4_SECOND,
    EVENTS_V4,
    KINDS_V7,
    KINDS_V7_CONVERSATIONS,
    KINDS_V8,
    KINDS_V8_CONVERSATIONS,
    KINDS_V9,
    KINDS_V9_CONVERSATIONS,
    KINDS_V10,
    KINDS_V10_CONVERSATIONS,
    KINDS_V11,
    KINDS_V11_CONVERSATIONS,
    MUST_ASK_V4,
    PHRASINGS_V4,
    PHRASINGS_V4_BAKERY,
    PHRASINGS_V4_SECOND,
    STYLE_V4,
    context_v4,
    context_v7k,
    context_v8k,
    context_v9k,
    context_v10k,
    context_v11k,
)


def test_there_are_enough_phrasings_of_every_kind() -> None:
    cases = PHRASINGS + HELD_OUT
    assert len(PHRASINGS) >= 60
    assert sum(c.expected == "question" for c in cases) >= 10
    table = {c.text for c in TABLE_EXAMPLES}
    assert not table & {c.text for c in cases}
    # Issue 20, 8: at least 200 of our own, 20 that must be asked back, every kind.
    own = TABLE_EXAMPLES + PHRASINGS + PHRASINGS_V2
    assert len(own) >= 200
    assert sum(c.expected == "question" for c in own) >= 20
    kinds = Counter(c.category for c in own)
    for kind in ("chains", "multi_day", "templates_by_meaning", "new_template", "events"):
        assert kinds[kind] >= 10, kind
    assert kinds["calendar"] >= 15 and len(EDIT_CASES) >= 25
    assert not {c.text for c in own} & {c.text for c in HELD_OUT}


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
    assert measure(PHRASINGS, context=context).accuracy >= 0.95


def test_every_kind_of_the_second_set_is_at_least_95_percent() -> None:
    report = measure(PHRASINGS_V2, context=context_v2())
    for kind, score in by_category(PHRASINGS_V2, report).items():
        right, total = map(int, score.split("/"))
        assert right / total >= 0.95, (kind, score, [m.text for m in report.misses])
    must_ask = [c for c in PHRASINGS_V2 if c.expected == "question"]
    assert not {c.text for c in must_ask} & {m.text for m in report.misses}


def test_the_kinds_held_out_v5_found_are_read_in_other_words() -> None:
    """Issue 20: each kind of failure of held-out v5 has phrasings of its own (another
    business, nb/en/mix), all right, and every must-ask case is asked back."""
    kinds = Counter(c.category for c in PHRASINGS_V3)
    for kind in (
        "groups",
        "multi_day",
        "chains",
        "usual_order",
        "holidays",
        "templates_by_meaning",
        "new_template",
        "events",
        "delays",
        "must_ask",
    ):
        assert kinds[kind] >= 2, kind
    assert not {c.text for c in PHRASINGS_V3} & {c.text for c in PHRASINGS + PHRASINGS_V2}
    report = measure(PHRASINGS_V3, context=context_v3())
    assert report.misses == [], [(m.text, m.differences) for m in report.misses]


def test_conversations_continue_the_draft_or_the_question() -> None:
    report = measure_conversations(EDIT_CASES, context=context_v2())
    assert report.accuracy >= 0.95, [(m.text, m.differences) for m in report.misses]
    base = measure_conversations(EDIT_CASES, context=context_v2(), keyword_only=True)
    assert report.accuracy >= base.accuracy + 0.4


def _reset_template_ids() -> None:
    """The templates were made with the ids the phrasing sets name: move the id sequence past
    them, so the templates a draft proposes (made and rolled back while checking) get new ids
    whatever ran before in this database."""
    from django.core.management.color import no_style
    from django.db import connection

    from templates_app.models import EmailTemplate

    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [EmailTemplate]):
            cursor.execute(sql)


def _load_business(
    templates: Sequence[Mapping[str, Any]],
    groups: Sequence[Mapping[str, Any]],
    staff_groups: Sequence[str] = (),
) -> None:
    """A phrasing set's business in the database (its templates with the ids the set names,
    its customer groups and staff groups), so that the drafts can be checked as saved."""
    from django.contrib.auth.models import Group

    from customers.models import CustomerGroup
    from templates_app.models import EmailTemplate

    for template in templates:
        EmailTemplate.objects.create(
            id=template["id"],
            name=template["name"],
            category=template["category"],
            subject=template.get("subject") or "s",
            body_html="<p>x</p>",
        )
    _reset_template_ids()
    for group in groups:
        CustomerGroup.objects.create(slug=group["slug"], name=group["name"])
    for name in staff_groups:
        Group.objects.create(name=name)


@pytest.mark.django_db
def test_every_workflow_the_phrasings_give_is_valid() -> None:
    from tests.ai_assistant.parser_phrasings import GROUPS

    _load_business(TEMPLATES, GROUPS)
    from ai_assistant.offline import parse_description

    context = standard_context()
    for case in TABLE_EXAMPLES + PHRASINGS + HELD_OUT:
        outcome = parse_description(case.text, context=context)
        if outcome.workflow is not None:
            result = proposals.checked(outcome.workflow, outcome.new_templates)
            assert result.errors == [], (case.text, result.errors)


@pytest.mark.django_db
def test_every_workflow_of_the_second_set_and_its_conversations_is_valid() -> None:

    from ai_assistant.offline import parse_description
    from ai_assistant.offline.conversation import Pending, follow_up
    from tests.ai_assistant.parser_phrasings_v2 import GROUPS_V2, STAFF_GROUPS_V2, TEMPLATES_V2

    _load_business(TEMPLATES_V2, GROUPS_V2, STAFF_GROUPS_V2)
    context = context_v2()
    outcomes = [parse_description(c.text, context=context) for c in PHRASINGS_V2]
    for case in EDIT_CASES:
        first = parse_description(case.start, context=context)
        pending = Pending.from_dict(first.pending) if first.workflow is None else None
        outcomes.append(
            follow_up(case.follow_up, context=context, draft=first.workflow, pending=pending)
        )
    for outcome in outcomes:
        if outcome.workflow is not None:
            result = proposals.checked(outcome.workflow, outcome.new_templates)
            assert result.errors == [], (outcome.workflow["name"], result.errors)


def test_the_benchmark_reports_accuracy_next_to_its_baseline(db: None) -> None:
    from benchmarks import bench_offline_parser

    results = bench_offline_parser.run(argparse.Namespace(quick=True))
    by_metric = {r.metric: r for r in results}
    assert set(by_metric) == {
        "accuracy_table",
        "accuracy_phrasings",
        "accuracy_phrasings_v2",
        "accuracy_phrasings_v3",
        "accuracy_held_out",
        "accuracy_held_out_v2",
        "accuracy_held_out_v3",
        "accuracy_held_out_v4",
        "accuracy_held_out_v5",
        "accuracy_held_out_v6",
        "accuracy_held_out_v7",
        "accuracy_held_out_v8",
        "accuracy_held_out_v9",
        "accuracy_held_out_v10",
        "accuracy_held_out_v11",
        "accuracy_held_out_v12",
        "accuracy_held_out_v13",
        "accuracy_held_out_v14",
        "accuracy_held_out_v15",
        "accuracy_held_out_v16",
        "accuracy_held_out_v17",
        "accuracy_held_out_v18",
        "accuracy_held_out_v19",
        "accuracy_held_out_v20",
        "accuracy_held_out_v21",
        "accuracy_held_out_v22",
        "accuracy_held_out_v23",
        "accuracy_conversations",
        "accuracy_conversations_v6",
        "accuracy_conversations_v7",
        "accuracy_conversations_v8",
        "accuracy_conversations_v9",
        "accuracy_conversations_v10",
        "accuracy_conversations_v11",
        "accuracy_conversations_v12",
        "accuracy_conversations_v13",
        "accuracy_conversations_v14",
        "accuracy_conversations_v15",
        "accuracy_conversations_v16",
        "accuracy_conversations_v17",
        "accuracy_conversations_v18",
        "accuracy_conversations_v19",
        "accuracy_conversations_v20",
        "accuracy_conversations_v21",
        "accuracy_conversations_v22",
        "accuracy_conversations_v23",
        "parse_latency_ms",
    }
    v2 = by_metric["accuracy_phrasings_v2"].conditions
    assert set(v2["by_category"]) >= {"chains", "multi_day", "new_template", "must_ask"}
    assert v2["must_ask_asked"] == "20/20"
    assert by_metric["accuracy_table"].value == 1.0
    assert by_metric["accuracy_phrasings"].conditions["cases"] == len(PHRASINGS)


@pytest.mark.django_db
def test_every_workflow_of_the_third_set_is_valid() -> None:

    from ai_assistant.offline import parse_description
    from tests.ai_assistant.parser_phrasings_v3 import GROUPS_V3, STAFF_GROUPS_V3, TEMPLATES_V3

    _load_business(TEMPLATES_V3, GROUPS_V3, STAFF_GROUPS_V3)
    context = context_v3()
    checked = 0
    for case in PHRASINGS_V3:
        outcome = parse_description(case.text, context=context)
        if outcome.workflow is not None:
            result = proposals.checked(outcome.workflow, outcome.new_templates)
            assert result.errors == [], (case.text, result.errors)
            checked += 1
    assert checked == sum(c.expected != "question" for c in PHRASINGS_V3)


def test_the_kinds_held_out_v6_found_are_read_in_other_words() -> None:
    """Issue 20: each kind of failure of held-out v6 has phrasings of its own (a building
    supplies wholesaler, nb/en/mix), all right, every must-ask case asked back, and the
    conversations of its kinds continue the draft."""
    kinds = Counter(c.category for c in PHRASINGS_V4)
    for kind in (
        "multi_day",
        "abbreviations",
        "groups",
        "must_ask",
        "delays",
        "conditions",
        "calendar",
        "chains",
        "events",
    ):
        assert kinds[kind] >= 2, kind
    earlier = PHRASINGS + PHRASINGS_V2 + PHRASINGS_V3
    assert not {c.text for c in PHRASINGS_V4} & {c.text for c in earlier}
    report = measure(PHRASINGS_V4, context=context_v4())
    assert report.misses == [], [(m.text, m.differences) for m in report.misses]
    talks = measure_conversations(CONVERSATIONS_V4, context=context_v4())
    assert talks.misses == [], [(m.text, m.differences) for m in talks.misses]
    # The same kinds for another business (the bakery of the third set).
    bakery = measure(PHRASINGS_V4_BAKERY, context=context_v3())
    assert bakery.misses == [], [(m.text, m.differences) for m in bakery.misses]
    talks = measure_conversations(CONVERSATIONS_V4_BAKERY, context=context_v3())
    assert talks.misses == [], [(m.text, m.differences) for m in talks.misses]
    chains = measure(CHAINS_V4, context=context_v4())
    assert chains.misses == [], [(m.text, m.differences) for m in chains.misses]
    calendars = measure(CALENDAR_V4, context=context_v4())
    assert calendars.misses == [], [(m.text, m.differences) for m in calendars.misses]
    events = measure(EVENTS_V4, context=context_v4())
    assert events.misses == [], [(m.text, m.differences) for m in events.misses]
    style = measure(STYLE_V4, context=context_v4())
    assert style.misses == [], [(m.text, m.differences) for m in style.misses]
    asked = measure(MUST_ASK_V4, context=context_v4())
    assert asked.misses == [], [m.text for m in asked.misses]
    # And for the wholesaler of the second set.
    second = measure(PHRASINGS_V4_SECOND, context=context_v2())
    assert second.misses == [], [(m.text, m.differences) for m in second.misses]
    talks = measure_conversations(CONVERSATIONS_V4_SECOND, context=context_v2())
    assert talks.misses == [], [(m.text, m.differences) for m in talks.misses]


def test_the_kinds_held_out_v7_found_are_read_in_other_words() -> None:
    """Issue 20: the kinds of failure of held-out v7 (groups named in English / Swedish /
    Nynorsk, surveys and order forms by meaning, a business word shared by templates, Swedish
    events, delays, "varannan", "veckor") have phrasings of their own for another business
    (a cleaning supplies wholesaler), all right and every must-ask case asked back."""
    kinds = Counter(c.category for c in KINDS_V7)
    for kind in ("groups", "templates_by_meaning", "new_templates", "events", "delays"):
        assert kinds[kind] >= 2, kind
    report = measure(KINDS_V7, context=context_v7k())
    assert report.misses == [], [(m.text, m.differences) for m in report.misses]
    talks = measure_conversations(KINDS_V7_CONVERSATIONS, context=context_v7k())
    assert talks.misses == [], [(m.text, m.differences) for m in talks.misses]


def test_the_kinds_held_out_v8_found_are_read_in_other_words() -> None:
    """Issue 20: the kinds of failure of held-out v8 (a template by what the email is, never
    by a word it shares with another; places and self-cancelling requests asked back; a
    webhook's own customer (the one its sender names), delays and repeat orders on a webhook;
    dialect and Danish events,
    "hver anden", "næste hverdag"; every N weeks from a date; spoken chains with hours as
    words; another group left out; requests said as questions; a corrected time, "ta bort X,
    send til Y i stedet", "make it 8 instead") have phrasings of their own for another
    business (a florist wholesaler), all right and every must-ask case asked back."""
    kinds = Counter(c.category for c in KINDS_V8)
    assert len(KINDS_V8) >= 40
    assert kinds["must_ask"] >= 8
    assert kinds["templates_by_meaning"] + kinds["new_templates"] >= 6
    for kind in ("events", "delays", "calendar", "chains"):
        assert kinds[kind] >= 2, kind
    report = measure(KINDS_V8, context=context_v8k())
    assert report.misses == [], [(m.text, m.differences) for m in report.misses]
    assert len(KINDS_V8_CONVERSATIONS) >= 5
    talks = measure_conversations(KINDS_V8_CONVERSATIONS, context=context_v8k())
    assert talks.misses == [], [(m.text, m.differences) for m in talks.misses]


def _drafts_are_valid(cases: Sequence[Any], talks: Sequence[Any], context: Any) -> None:
    """Every workflow the cases give passes the validator (as the preview would save it), every
    case not meant to be asked about gives one, and so does each conversation's second turn."""
    from ai_assistant.offline import parse_description
    from ai_assistant.offline.conversation import Pending, follow_up

    checked = 0
    for case in cases:
        outcome = parse_description(case.text, context=context)
        if outcome.workflow is not None:
            result = proposals.checked(outcome.workflow, outcome.new_templates)
            assert result.errors == [], (case.text, result.errors)
            checked += 1
    assert checked == sum(c.expected != "question" for c in cases)
    for talk in talks:
        first = parse_description(talk.start, context=context)
        outcome = follow_up(
            talk.follow_up,
            context=context,
            draft=first.workflow,
            pending=Pending.from_dict(first.pending) if first.workflow is None else None,
        )
        assert outcome.workflow is not None, talk.follow_up
        result = proposals.checked(outcome.workflow, outcome.new_templates)
        assert result.errors == [], (talk.follow_up, result.errors)


@pytest.mark.django_db
def test_every_workflow_of_the_v8_kinds_and_their_conversations_is_valid() -> None:
    """What the florist wholesaler's phrasings give is a valid workflow (a name kept whole, a
    webhook's "the customer" its own, a place asked about) and so is each edited draft."""
    from tests.ai_assistant.parser_phrasings_v4 import GROUPS_V8K, TEMPLATES_V8K

    _load_business(TEMPLATES_V8K, GROUPS_V8K, ["pakking", "salg"])
    _drafts_are_valid(KINDS_V8, KINDS_V8_CONVERSATIONS, context_v8k())


def test_the_kinds_held_out_v9_found_are_read_in_other_words() -> None:
    """Issue 20: the kinds of failure of held-out v9 (groups named in other words than their
    name: English for Norwegian and back, the head or a part of a compound, a kind with no
    group asked about; a webhook's "that workshop" its own customer; templates by their own
    inflected name, another form or reminder than ordering's a new template named by the
    request's words; German core words; dialect and German events; numbered and spoken chains;
    "flytt det til tirsdag hvis mandag er fridag") have phrasings of their own for another
    business (a building-materials wholesaler), all right and every must-ask case asked back."""
    kinds = Counter(c.category for c in KINDS_V9)
    assert len(KINDS_V9) >= 30
    # Two of the five first asked were a webhook's "that contractor", now its own customer.
    assert kinds["must_ask"] >= 3
    for kind in ("groups", "german", "events", "chains", "new_templates"):
        assert kinds[kind] >= 2, kind
    report = measure(KINDS_V9, context=context_v9k())
    assert report.misses == [], [(m.text, m.differences) for m in report.misses]
    assert len(KINDS_V9_CONVERSATIONS) >= 4
    talks = measure_conversations(KINDS_V9_CONVERSATIONS, context=context_v9k())
    assert talks.misses == [], [(m.text, m.differences) for m in talks.misses]


@pytest.mark.django_db
def test_every_workflow_of_the_v9_kinds_and_their_conversations_is_valid() -> None:
    """What the building-materials wholesaler's phrasings give is a valid workflow (a new
    template named by the request's words, a German request, a group by its kind) and so is
    each edited draft."""
    from tests.ai_assistant.parser_phrasings_v4 import GROUPS_V9K, TEMPLATES_V9K

    _load_business(TEMPLATES_V9K, GROUPS_V9K, ["lager", "salg"])
    _drafts_are_valid(KINDS_V9, KINDS_V9_CONVERSATIONS, context_v9k())


def test_the_kinds_held_out_v10_found_are_read_in_other_words() -> None:
    """Issue 20: the kinds of failure of held-out v10 (whole days later at a time in a weekly
    chain, Swedish chains, polite chatter that is no step, clock words, templates by meaning
    and by a category without æøå, new templates about two things, odd/even weeks and the
    month's first business day in Nynorsk and Swedish, holiday moves and examples, order
    windows in Nynorsk, weekend days with a reason, order events in Swedish and Nynorsk, a
    request taken back, an event on stock; answers and edits in a conversation) have
    phrasings of their own for another business (a pet-food wholesaler), all right and every
    must-ask case asked back."""
    kinds = Counter(c.category for c in KINDS_V10)
    assert len(KINDS_V10) >= 40
    assert kinds["must_ask"] >= 4
    for kind in ("chains", "clock_words", "templates_by_meaning", "new_templates", "calendar"):
        assert kinds[kind] >= 4, kind
    for kind in ("chatter", "conditions", "weekend", "events"):
        assert kinds[kind] >= 2, kind
    report = measure(KINDS_V10, context=context_v10k())
    assert report.misses == [], [(m.text, m.differences) for m in report.misses]
    assert len(KINDS_V10_CONVERSATIONS) >= 6
    talks = measure_conversations(KINDS_V10_CONVERSATIONS, context=context_v10k())
    assert talks.misses == [], [(m.text, m.differences) for m in talks.misses]


@pytest.mark.django_db
def test_every_workflow_of_the_v10_kinds_and_their_conversations_is_valid() -> None:
    """What the pet-food wholesaler's phrasings give is a valid workflow (a weekday for whole
    days later, odd weeks, the month's business day, a holiday policy, a new template about two
    things) and so is each answered or edited draft."""
    from tests.ai_assistant.parser_phrasings_v4 import GROUPS_V10K, TEMPLATES_V10K

    _load_business(TEMPLATES_V10K, GROUPS_V10K, ["lager", "salg"])
    _drafts_are_valid(KINDS_V10, KINDS_V10_CONVERSATIONS, context_v10k())


# The kinds of KINDS_V11 fixed: h-kinds6 the first seven, h-kinds7 the rest (letters, clock
# words and delays, templates by meaning and new ones, "og" inside what is sent).
_V11_KINDS_FIXED: tuple[str, ...] = (
    "groups",
    "same_day",
    "events",
    "chains",
    "multi_day",
    "calendar",
    "must_ask",
    "email",
    "delays",
    "clock_words",
    "templates_by_meaning",
    "new_templates",
)
_V11_RIGHT_AT_LEAST = 31


def test_the_kinds_held_out_v11_found_are_read_in_other_words() -> None:
    """Held-out v11's kinds of failure in other words, for a bakery-supplies wholesaler: "the
    shops" are the grocery shops, not the sellers named by a place ("Markedshandlere"); "same
    day at 2" in a weekly chain is that weekday, in the afternoon after a morning step; a
    request inside a polite letter; "halvannen time etter"; "bargains" are the offer; a
    reminder to bring back the crates is a new template. Every phrasing and conversation is
    right."""
    kinds = Counter(c.category for c in KINDS_V11)
    assert len(KINDS_V11) >= 30
    assert len(KINDS_V11_CONVERSATIONS) >= 6
    for kind in _V11_KINDS_FIXED:
        assert kinds[kind] >= 1, kind
    assert set(kinds) <= set(_V11_KINDS_FIXED)
    report = measure(KINDS_V11, context=context_v11k())
    fixed = {c.text for c in KINDS_V11 if c.category in _V11_KINDS_FIXED}
    wrong = [(m.text, m.differences) for m in report.misses if m.text in fixed]
    assert wrong == []
    assert report.correct >= _V11_RIGHT_AT_LEAST
    talks = measure_conversations(KINDS_V11_CONVERSATIONS, context=context_v11k())
    assert talks.misses == [], [(m.text, m.differences) for m in talks.misses]


@pytest.mark.django_db
def test_every_workflow_of_the_v11_kinds_is_valid() -> None:
    """What the bakery-supplies wholesaler's phrasings give is a valid workflow (a same-day
    step on its weekday, the grocery shops' group, a new template for returning crates, a
    report asked for in a letter), and so is each answered or edited draft."""
    from tests.ai_assistant.parser_phrasings_v4 import GROUPS_V11K, TEMPLATES_V11K

    _load_business(TEMPLATES_V11K, GROUPS_V11K, ["lager", "salg", "service"])
    fixed = [c for c in KINDS_V11 if c.category in _V11_KINDS_FIXED]
    _drafts_are_valid(fixed, KINDS_V11_CONVERSATIONS, context_v11k())


@pytest.mark.django_db
def test_every_workflow_of_the_fourth_set_and_its_conversations_is_valid() -> None:
    from tests.ai_assistant.parser_phrasings_v4 import GROUPS_V4, STAFF_GROUPS_V4, TEMPLATES_V4

    _load_business(TEMPLATES_V4, GROUPS_V4, STAFF_GROUPS_V4)
    _drafts_are_valid(PHRASINGS_V4, CONVERSATIONS_V4, context_v4())


@pytest.mark.django_db
def test_every_workflow_of_the_fourth_set_for_the_bakery_is_valid() -> None:

    from ai_assistant.offline import parse_description
    from tests.ai_assistant.parser_phrasings_v3 import GROUPS_V3, STAFF_GROUPS_V3, TEMPLATES_V3

    _load_business(TEMPLATES_V3, GROUPS_V3, STAFF_GROUPS_V3)
    context = context_v3()
    checked = 0
    for case in PHRASINGS_V4_BAKERY:
        outcome = parse_description(case.text, context=context)
        if outcome.workflow is not None:
            result = proposals.checked(outcome.workflow, outcome.new_templates)
            assert result.errors == [], (case.text, result.errors)
            checked += 1
    assert checked == sum(c.expected != "question" for c in PHRASINGS_V4_BAKERY)
