"""Held-out v19's kinds of failure, read in other words (h-kinds15; ``parser_phrasings_v13``)."""

from __future__ import annotations

import pytest

from ai_assistant.offline.templates import TemplateMatcher
from ai_assistant.offline.text import normalise
from tests.ai_assistant.kinds_checks import assert_drafts_valid, assert_kinds_read
from tests.ai_assistant.parser_phrasings_v13 import (
    GROUPS_V19K,
    KINDS_V19,
    KINDS_V19_CONVERSATIONS,
    STAFF_GROUPS_V19K,
    TEMPLATES_V19K,
    context_v19k,
)

_KINDS = ("templates_inflected", "chains_glued", "webhook_definite")
_TALKS = KINDS_V19_CONVERSATIONS


def test_the_kinds_held_out_v19_found_are_read_in_other_words() -> None:
    """Templates by an inflected word of their subject or by a plan of deliveries, chains whose
    later day is glued to its hour, signal webhooks in their definite form, answers picking
    one of two options: every phrasing of a garden, outdoor and boat supplies wholesaler is
    right."""
    assert_kinds_read(KINDS_V19, _TALKS, context_v19k(), _KINDS, at_least=10, talks_at_least=3)


@pytest.mark.django_db
def test_every_workflow_of_the_v19_kinds_is_valid() -> None:
    business = (TEMPLATES_V19K, GROUPS_V19K, STAFF_GROUPS_V19K)
    assert_drafts_valid(business, KINDS_V19, _TALKS, context_v19k())


def test_a_day_glued_to_its_hour_is_split() -> None:
    assert "onsdag kl 12" in normalise("påminnelse onsdagkl 12")[0]
    assert "fredag kl 8" in normalise("ordre fredagkl. 8")[0]
    assert "afternoon" in normalise("Wed arvo half past 3")[0]


def test_care_advice_and_english_names_find_their_template() -> None:
    templates = [
        {"id": 1, "name": "Sorg og minne", "category": "sorg", "subject": "Kranser til bisettelse"},
        {
            "id": 2,
            "name": "Planter på kontoret",
            "category": "plantestell",
            "subject": "Stelletips: vanning av plantene",
        },
        {"id": 3, "name": "Tilbud", "category": "tilbud", "subject": "Rabatt denne uka"},
    ]
    matcher = TemplateMatcher(templates)
    for text, wanted in (
        ("send the funeral wreaths email", 1),
        ("send vanningsrådene", 2),
        ("skicka skötselråden", 2),
        ("send stelletipsene", 2),
    ):
        ranked = matcher.ranked(text)
        assert ranked and ranked[0].template["id"] == wanted, text
