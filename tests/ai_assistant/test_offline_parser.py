"""The offline parser over the example table of nl-examples.md and natural variations."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ai_assistant import proposals
from ai_assistant.context import ParseContext
from ai_assistant.offline import ParseOutcome, parse_description
from benchmarks.parser_accuracy import compare, key_facts
from tests.ai_assistant.parser_phrasings import TABLE_EXAMPLES, standard_context
from tests.automation.workflow_docs import RUNNING_EXAMPLE
from tests.customers.factories import CustomerGroupFactory
from tests.templates_app.factories import EmailTemplateFactory

TODAY = dt.date(2026, 3, 30)


@pytest.fixture
def context(db: None) -> ParseContext:
    """Templates of the three categories and the three groups, as stored rows."""
    EmailTemplateFactory(name="Bestillingsskjema", category="bestilling")
    EmailTemplateFactory(name="Påminnelse", category="reminder")
    EmailTemplateFactory(name="Ordrebekreftelse", category="confirmation")
    for slug, name in (
        ("butikker", "Butikker"),
        ("kafeer", "Kafeer"),
        ("restauranter", "Restauranter"),
    ):
        CustomerGroupFactory(slug=slug, name=name)
    return ParseContext.from_db(today=TODAY)


def parse(text: str, context: ParseContext) -> ParseOutcome:
    return parse_description(text, context=context)


def valid(outcome: ParseOutcome) -> dict[str, Any]:
    assert outcome.question is None, outcome.question
    assert outcome.workflow is not None
    # Validated as the assistant does: with the templates it proposes (see ai_assistant.proposals).
    result = proposals.checked(outcome.workflow, outcome.new_templates)
    assert result.errors == [], result.errors
    return outcome.workflow


@pytest.mark.parametrize("case", TABLE_EXAMPLES, ids=[c.text[:40] for c in TABLE_EXAMPLES])
def test_every_example_of_the_table_gives_its_workflow(case, context: ParseContext) -> None:
    outcome = parse(case.text, context)
    miss = compare(case.expected, outcome, context)
    assert miss is None, miss.differences
    if case.expected != "question":
        valid(outcome)


def test_the_example_table_is_the_one_in_the_docs() -> None:
    from pathlib import Path

    doc = Path("/work/shared/docs/nl-examples.md")
    if not doc.exists():
        pytest.skip("shared docs not present")
    rows = [
        line.split("|")[1].strip()
        for line in doc.read_text(encoding="utf-8").splitlines()
        if line.startswith("| ") and not line.startswith("| text")
    ]
    assert rows == [case.text for case in TABLE_EXAMPLES]


def test_running_example_sentence_gives_the_running_example(context: ParseContext) -> None:
    outcome = parse(
        "Send bestillingsskjema mandag kl 09, påminnelse torsdag kl 15 til dem som ikke har "
        "bestilt",
        context,
    )
    workflow = valid(outcome)
    ids = {t["category"]: t["id"] for t in context.templates}
    expected = {**RUNNING_EXAMPLE, "steps": [dict(s) for s in RUNNING_EXAMPLE["steps"]]}
    # Named from what it does, for whom and when (issue 20, item 6).
    expected["name"] = "Bestillingsskjema og påminnelse hver mandag"
    expected["steps"][0]["action_config"] = {
        "template_id": ids["bestilling"],
        "recipients": {"group": "all"},
    }
    expected["steps"][1]["action_config"] = {
        "template_id": ids["reminder"],
        "recipients": {"group": "all"},
    }
    assert workflow == expected


def test_unclear_text_gets_a_question_and_no_workflow(context: ParseContext) -> None:
    outcome = parse("Kjøp melk", context)
    assert outcome.workflow is None
    assert outcome.question and "når" in outcome.question
    assert outcome.language == "nb"


def test_english_unclear_text_is_asked_in_english(context: ParseContext) -> None:
    outcome = parse("Buy milk", context)
    assert outcome.workflow is None
    assert outcome.language == "en"
    assert "when" in outcome.question


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Send skjema til hotellene hver mandag kl 9", "hotellene"),
        ("Send a reminder to the hotels group on Friday at 10", "hotels"),
        ("Påminnelse til bakeriene torsdag kl 15", "bakeriene"),
    ],
)
def test_unknown_group_is_a_question_naming_it(text: str, word: str, context: ParseContext) -> None:
    outcome = parse(text, context)
    assert outcome.workflow is None
    assert word in outcome.question
    assert "Kafeer" in outcome.question  # the groups that do exist are offered


def test_a_missing_kind_of_template_is_proposed_never_substituted(db: None) -> None:
    form = EmailTemplateFactory(name="Bestillingsskjema", category="bestilling")
    context = ParseContext.from_db(today=TODAY)
    outcome = parse("Send påminnelse torsdag kl 15", context)

    workflow = valid(outcome)
    action = workflow["steps"][0]["action_config"]
    assert "template_id" not in action  # not the order form in its place
    assert action["template"] == "Påminnelse"
    [proposed] = outcome.new_templates
    assert proposed["name"] == "Påminnelse" and proposed["category"] == "reminder"
    assert "{{ kunde_navn }}" in proposed["body_html"]
    assert any("ny mal" in note for note in outcome.notes)
    assert form.name not in " ".join(outcome.notes)


def test_defaults_are_reported_as_notes(context: ParseContext) -> None:
    outcome = parse("Send skjema mandag, påminnelse torsdag", context)
    valid(outcome)
    assert any("09:00" in n for n in outcome.notes)
    assert any("15:00" in n for n in outcome.notes)


def test_a_step_without_a_default_time_asks(context: ParseContext) -> None:
    outcome = parse("Send rapport til leder@firma.no hver mandag", context)
    assert outcome.workflow is None
    assert "klokkeslett" in outcome.question


@pytest.mark.parametrize(
    ("when", "time"),
    [
        ("kl 9", "09:00"),
        ("kl. 09:30", "09:30"),
        ("klokka 9", "09:00"),
        ("klokken 14", "14:00"),
        ("kl 0930", "09:30"),
        ("9am", "09:00"),
        ("at 3pm", "15:00"),
        ("at 12am", "00:00"),
        ("15", "15:00"),
        ("16.45", "16:45"),
        ("middag", "12:00"),
        ("noon", "12:00"),
        ("halv ti", "09:30"),
        ("kvart over ni", "09:15"),
        ("kvart på ti", "09:45"),
        ("kl 3 om ettermiddagen", "15:00"),
        ("at 8 in the evening", "20:00"),
    ],
)
def test_times(when: str, time: str, context: ParseContext) -> None:
    workflow = valid(parse(f"Send bestillingsskjema mandag {when}", context))
    assert workflow["schedule"]["schedule_config"] == {"day": "monday", "time": time}


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Send skjema mandag kl 9", ["monday"]),
        ("Send skjema man kl 9", ["monday"]),
        ("Send skjema hver mandag kl 9", ["monday"]),
        ("Send skjema mandager kl 9", ["monday"]),
        ("Send the order form Mon 9am", ["monday"]),
        ("Send the order form mondays at 9", ["monday"]),
        ("Send the order form on Monday at 9", ["monday"]),
        ("Send skjema tirs kl 9", ["tuesday"]),
        ("Send skjema lørdag kl 9", ["saturday"]),
        ("Send the order form every Sunday at 9", ["sunday"]),
        ("Send skjema mandag og torsdag kl 9", ["monday", "thursday"]),
        ("Send the order form Tue, Thu at 9", ["tuesday", "thursday"]),
    ],
)
def test_days(text: str, days: list[str], context: ParseContext) -> None:
    facts = key_facts(valid(parse(text, context)), context)
    assert facts["schedule"] == "weekly"
    # One action on several days is one step per day (issue 20, 1): the run's days are the
    # schedule's and those of the later steps.
    later = [t["day"] for t in facts["triggers"][1:] if t and "day" in t]
    assert facts["days"] + later == days


@pytest.mark.parametrize(
    "text",
    [
        "Send skjema hver hverdag kl 7",
        "Send skjema på hverdager kl 7",
        "Send skjema mandag til fredag kl 7",
        "Send skjema man-fre kl 7",
        "Send the order form on weekdays at 7",
        "Send the order form every weekday at 7am",
        "Send the order form Monday to Friday at 7",
    ],
)
def test_weekdays(text: str, context: ParseContext) -> None:
    workflow = valid(parse(text, context))
    assert workflow["schedule"]["schedule_type"] == "daily"
    assert workflow["schedule"]["schedule_config"] == {"time": "07:00", "weekdays_only": True}


@pytest.mark.parametrize(
    "text",
    [
        "Send skjema hver dag kl 7",
        "Send skjema daglig kl 7",
        "Daily at 7 send the order form",
        "Send the order form every day at 7am",
    ],
)
def test_daily(text: str, context: ParseContext) -> None:
    workflow = valid(parse(text, context))
    assert workflow["schedule"]["schedule_config"] == {"time": "07:00"}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Den 10. hver måned kl 9 send rapport til a@firma.no", 10),
        ("Siste dag i måneden kl 9 send rapport til a@firma.no", "last"),
        ("Send rapport til a@firma.no den siste dagen i måneden kl 9", "last"),
        ("On the last day of the month at 9 send a report to a@firma.no", "last"),
        ("1st of every month at 9 send a report to a@firma.no", 1),
        ("Send a report to a@firma.no on the 15th of each month at 9am", 15),
        ("Første dag i måneden kl 9 send rapport til a@firma.no", 1),
    ],
)
def test_monthly(text: str, day: int | str, context: ParseContext) -> None:
    workflow = valid(parse(text, context))
    assert workflow["schedule"]["schedule_type"] == "monthly"
    assert workflow["schedule"]["schedule_config"] == {"day_of_month": day, "time": "09:00"}
    assert workflow["steps"][0]["action_config"]["send_to"] == ["a@firma.no"]


@pytest.mark.parametrize(
    ("phrase", "slug"),
    [
        ("kafeene", "kafeer"),
        ("kafeer", "kafeer"),
        ("kaféene", "kafeer"),
        ("cafés", "kafeer"),
        ("cafes", "kafeer"),
        ("butikkene", "butikker"),
        ("shops", "butikker"),
        ("the shops group", "butikker"),
        ("restaurantene", "restauranter"),
        ("restaurants", "restauranter"),
        ("Restauranter", "restauranter"),
    ],
)
def test_groups_by_name_slug_or_inflection(phrase: str, slug: str, context: ParseContext) -> None:
    workflow = valid(parse(f"Send skjema til {phrase} hver mandag kl 9", context))
    assert workflow["steps"][0]["action_config"]["recipients"] == {"group": slug}


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        (
            "Purring torsdag kl 15 til de som ikke har bestilt siden mandag",
            {"check": "orders_missing", "since": "last_monday"},
        ),
        (
            "Remind customers who have not ordered since Tuesday, Friday at 10",
            {"check": "orders_missing", "since": "last_tuesday"},
        ),
        (
            "Påminnelse hver dag kl 11 til de som ikke har bestilt i de siste 5 dagene",
            {"check": "orders_missing", "days_back": 5},
        ),
        (
            "Reminder every day at 11 to those who haven't ordered in the last 5 days",
            {"check": "orders_missing", "days_back": 5},
        ),
        (
            "Send skjema fredag kl 9 til de som har bestilt siste 2 uker",
            {"check": "has_ordered", "days_back": 14},
        ),
    ],
)
def test_audience_windows(text: str, condition: dict, context: ParseContext) -> None:
    workflow = valid(parse(text, context))
    assert workflow["steps"][0]["condition_config"] == condition


def test_a_reminder_implies_orders_missing_unless_told_otherwise(context: ParseContext) -> None:
    implied = valid(parse("Påminnelse fredag kl 10", context))
    assert implied["steps"][0]["condition_config"]["check"] == "orders_missing"
    told = valid(parse("Påminnelse til alle fredag kl 10, uansett om de har bestilt", context))
    assert "condition_config" not in told["steps"][0]


def test_new_customer_event_sends_to_that_customer(context: ParseContext) -> None:
    EmailTemplateFactory(name="Velkommen", category="welcome")
    context = ParseContext.from_db(today=TODAY)
    workflow = valid(parse("When a new customer signs up, send the welcome email", context))
    assert workflow["event"] == {"type": "customer.created"}
    assert workflow["steps"][0]["action_config"]["recipients"] == {"event_customer": True}


@pytest.mark.parametrize(
    ("text", "only_group"),
    [
        # One customer of a kind (the singular, "that ...", "... det gjelder"): the one the
        # webhook names, only when they are of that kind when it is a group of ours.
        ("når lager-lavt kommer, send verkstedet prislista", "verksteder"),
        (
            "når webhooken lager-lavt kommer inn, send prislista til verkstedet det gjelder",
            "verksteder",
        ),
        ("When the lager-lavt webhook arrives, send that workshop the price list", "verksteder"),
        # The customer, with no kind.
        ("når lager-lavt kommer, send kunden prislista", None),
        ("When the lager-lavt webhook fires, send the price list to that customer", None),
    ],
)
def test_a_webhooks_own_customer_is_the_event_customer(
    text: str, only_group: str | None, context: ParseContext
) -> None:
    EmailTemplateFactory(name="Prisliste", category="other", subject="Prislista vår")
    CustomerGroupFactory(slug="verksteder", name="Verksteder")
    context = ParseContext.from_db(today=TODAY)

    workflow = valid(parse(text, context))

    assert workflow["event"] == {"type": "webhook", "name": "lager-lavt"}
    [step] = workflow["steps"]
    assert step["action_config"]["recipients"] == {"event_customer": True}
    condition = step.get("condition_config")
    if only_group is None:
        assert condition in (None, {})
    else:
        assert condition == {"check": "customer_filter", "group": only_group}


@pytest.mark.parametrize(
    ("text", "group"),
    [
        # The kind in the plural, or everyone of it, is the whole group.
        ("når lager-lavt kommer, send verkstedene prislista", "verksteder"),
        ("når lager-lavt kommer, send alle verkstedene prislista", "verksteder"),
        ("When the lager-lavt webhook fires, send the price list to the workshops", "verksteder"),
        ("når lager-lavt kommer, send prislista til alle kunder", "all"),
    ],
)
def test_a_webhook_to_a_kind_in_the_plural_is_the_group(
    text: str, group: str, context: ParseContext
) -> None:
    EmailTemplateFactory(name="Prisliste", category="other", subject="Prislista vår")
    CustomerGroupFactory(slug="verksteder", name="Verksteder")
    context = ParseContext.from_db(today=TODAY)

    workflow = valid(parse(text, context))

    assert [s["action_config"]["recipients"] for s in workflow["steps"]] == [{"group": group}]


def test_a_webhooks_customer_and_a_group_in_one_request_stay_apart(
    context: ParseContext,
) -> None:
    EmailTemplateFactory(name="Prisliste", category="other", subject="Prislista vår")
    CustomerGroupFactory(slug="verksteder", name="Verksteder")
    context = ParseContext.from_db(today=TODAY)

    workflow = valid(
        parse(
            "når lager-lavt kommer, send verkstedet prislista, og send bestillingsskjemaet "
            "til butikkene",
            context,
        )
    )

    assert [s["action_config"]["recipients"] for s in workflow["steps"]] == [
        {"event_customer": True},
        {"group": "butikker"},
    ]


def test_names_follow_the_language(context: ParseContext) -> None:
    nb = valid(parse("Hver mandag kl 9 send bestillingsskjema", context))
    en = valid(parse("Every Monday at 9 send the order form", context))
    assert nb["name"] == "Bestillingsskjema hver mandag"
    assert en["name"] == "Order form every Monday"
    assert en["description"] == "Order form Monday 09:00"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Prisliste til kafeene hver fredag kl 10", "Prisliste til Kafeer hver fredag"),
        (
            "Annenhver fredag kl 10 send skjema til butikkene",
            "Bestillingsskjema til Butikker annenhver fredag",
        ),
        ("Hver hverdag kl 07 send meny", "Meny hver hverdag"),
        ("Når en kunde legger inn en ordre, send bekreftelse", "Bekreftelse ved ny ordre"),
        (
            "First Monday of the month at 8 send the order form",
            "Order form on the first Monday of the month",
        ),
    ],
)
def test_names_say_what_for_whom_and_when(text: str, name: str, context: ParseContext) -> None:
    assert valid(parse(text, context))["name"] == name


def test_the_parser_is_deterministic() -> None:
    context = standard_context()
    text = "Mon 9am order form, Thu 3pm reminder, Fri 10am place the standing order"
    first = parse_description(text, context=context)
    assert all(parse_description(text, context=context) == first for _ in range(5))


def test_context_from_db_lists_templates_and_groups(context: ParseContext) -> None:
    assert {t["category"] for t in context.templates} == {"bestilling", "reminder", "confirmation"}
    assert [g["slug"] for g in context.groups] == ["butikker", "kafeer", "restauranter"]
    assert context.today == TODAY
    assert context.timezone == "Europe/Oslo"
