"""Held-out v21's kinds of failure, read in other words (h-kinds17; ``parser_phrasings_v15``)."""

from __future__ import annotations

import pytest

from ai_assistant.offline import parse_description
from ai_assistant.offline.templates import TemplateMatcher
from ai_assistant.offline.text import normalise
from tests.ai_assistant.kinds_checks import assert_drafts_valid, assert_kinds_read
from tests.ai_assistant.parser_phrasings_v15 import (
    GROUPS_V21K,
    KINDS_V21,
    KINDS_V21_CONVERSATIONS,
    STAFF_GROUPS_V21K,
    TEMPLATES_V21K,
    context_v21k,
)

_KINDS = (
    "sms",
    "pseudo",
    "day_lists",
    "formal",
    "calendar",
    "by_meaning",
    "events",
    "corrections",
    "exceptions",
    "must_ask",
)
_TALKS = KINDS_V21_CONVERSATIONS


def test_the_kinds_held_out_v21_found_are_read_in_other_words() -> None:
    """Text-message shorthand, pseudo-code, day lists, formal holiday policies, first times by
    a week or a day off a holiday, weekdays in one month, templates by what they are about,
    events said formally or by a booking, corrections in the text, must-asks said short and
    follow-ups in shorthand: every phrasing of a farm-supplies wholesaler is right."""
    assert_kinds_read(KINDS_V21, _TALKS, context_v21k(), _KINDS, at_least=30, talks_at_least=3)


@pytest.mark.django_db
def test_every_workflow_of_the_v21_kinds_is_valid() -> None:
    business = (TEMPLATES_V21K, GROUPS_V21K, STAFF_GROUPS_V21K)
    assert_drafts_valid(business, KINDS_V21, _TALKS, context_v21k())


def test_shorthand_and_pseudo_code_read_as_words() -> None:
    assert "skjema til verkstedene hver fre kl 6" in normalise("skj t/ verkstedene hv fre kl6")[0]
    assert "ikke har bestilt" in normalise("påm t/ de som ikke har best")[0]
    said = normalise("every wed 07:30: send(price_list, flower_shops)")[0]
    assert "send price list to flower shops" in said
    assert "every tue/thu 08:00" in normalise("for day in [tue, thu]: 08:00 send(form, shops)")[0]


def test_things_an_email_is_about_find_its_template() -> None:
    templates = [
        {"id": 1, "name": "Bilpleie", "category": "pleie", "subject": "Bilshampo, voks og klut"},
        {"id": 2, "name": "Tilbud", "category": "tilbud", "subject": "Rabatt denne uka"},
        {"id": 3, "name": "Rengjøringsmidler", "category": "rengjoring", "subject": "Såpe"},
        {"id": 4, "name": "Restordre", "category": "restordre", "subject": "Varene er kommet"},
    ]
    matcher = TemplateMatcher(templates)
    for text, wanted in (
        ("send mailen om shampo/voks", 1),
        ("send rengjøringsmiddel-mailen", 3),
        ("send the backorder mail", 4),
    ):
        ranked = matcher.ranked(text)
        assert ranked and ranked[0].template["id"] == wanted, text


def test_a_booking_webhook_without_an_audience_emails_its_customer() -> None:
    outcome = parse_description(
        "When a stall-booking comes in, send the confirmation", context=context_v21k()
    )
    assert outcome.workflow is not None, outcome.question
    (step,) = outcome.workflow["steps"]
    assert step["action_config"]["recipients"] == {"event_customer": True}


def test_a_stock_webhook_without_an_audience_still_goes_to_everyone() -> None:
    outcome = parse_description(
        "Når lagertelling-hooken kommer inn, send restordre-mailen til alle", context=context_v21k()
    )
    assert outcome.workflow is not None, outcome.question
    (step,) = outcome.workflow["steps"]
    assert step["action_config"]["recipients"] == {"group": "all"}


def test_every_day_also_at_weekends_stays_every_day() -> None:
    outcome = parse_description(
        "send leveringsvarsel til skogeierne hver dag kl 9, også i helgene", context=context_v21k()
    )
    assert outcome.workflow is not None, outcome.question
    config = outcome.workflow["schedule"]["schedule_config"]
    assert outcome.workflow["schedule"]["schedule_type"] == "daily"
    assert not config.get("weekdays_only")
