"""Held-out v15's kinds of failure, read in other words (h-kinds11; ``parser_phrasings_v9``)."""

from __future__ import annotations

import pytest

from ai_assistant.offline import parse_description
from ai_assistant.offline.calendar import read_policy
from ai_assistant.offline.templates import _indefinite
from ai_assistant.offline.text import correct_typos, normalise, unglued
from tests.ai_assistant import expected_facts as facts
from tests.ai_assistant.kinds_checks import assert_drafts_valid, assert_kinds_read
from tests.ai_assistant.parser_phrasings_v9 import (
    GROUPS_V15K,
    KINDS_V15,
    KINDS_V15_CONVERSATIONS,
    STAFF_GROUPS_V15K,
    TEMPLATES_V15K,
    TODAY_V15K,
    context_v15k,
)

_KINDS = (
    "typos",
    "anchors",
    "holiday_policy",
    "delays",
    "quoted_templates",
    "formal",
    "must_ask",
)
_TALKS = KINDS_V15_CONVERSATIONS


def test_the_kinds_held_out_v15_found_are_read_in_other_words() -> None:
    """Glued verbs and swapped letters in day names, a first date in Nynorsk and English, the
    holiday policy in dialect, Nynorsk and English, Nynorsk delays, a template quoted by what it
    says, formal passive Bokmål and a school holiday to ask about: every phrasing of an office
    and cleaning supplies wholesaler is right."""
    assert_kinds_read(KINDS_V15, _TALKS, context_v15k(), _KINDS, at_least=35, talks_at_least=4)


@pytest.mark.django_db
def test_every_workflow_of_the_v15_kinds_is_valid() -> None:
    business = (TEMPLATES_V15K, GROUPS_V15K, STAFF_GROUPS_V15K)
    assert_drafts_valid(business, KINDS_V15, _TALKS, context_v15k())


def test_a_verb_glued_to_what_it_sends_is_split_but_its_own_forms_stay() -> None:
    assert unglued("sendprislista til butikkene") == "send prislista til butikkene"
    assert unglued("sendeskjemaet hver mandag") == "sende skjemaet hver mandag"
    assert unglued("sendnyhetsbrevmailen") == "send nyhetsbrevmailen"
    for word in ("sendes", "sendingen", "senderen", "sendebud", "sendte"):
        assert unglued(word) == word


def test_two_swapped_letters_of_a_nynorsk_day_are_the_day() -> None:
    assert correct_typos("kvar tysdga og måndga") == "kvar tysdag og måndag"
    assert correct_typos("laurdga") == "laurdag"


def test_the_holiday_policy_in_nynorsk_and_dialect() -> None:
    said = {
        "e det raud dag så ta det dagen etter": "next_business_day",
        "viss det er ein heilagdag, send det dagen før": "previous_business_day",
        "fell det på ein raud dag hopp over": "skip",
        "er det raud dag tek me det dagen i forvegen": "previous_business_day",
        "if it's a bank holiday just skip it": "skip",
    }
    for text, policy in said.items():
        assert read_policy(text)[0] == policy, text


def test_formal_passive_is_read_as_a_send() -> None:
    text, _emails = normalise("Nyhetsbrev utsendes barnehagene hver mandag kl. 09.00.")
    assert text.startswith("send nyhetsbrev til barnehagene hver mandag kl 09:00")
    text, _emails = normalise("Hver mandag kl. 10.00 oversendes prislisten til kafeene.")
    assert "send prislisten til kafeene" in text
    text, _emails = normalise("Hver tirsdag kl 08:30 skal prislisten sendes til kafeene.")
    assert text.startswith("hver tirsdag kl 08:30 send prislisten til kafeene")
    text, _emails = normalise("Skjema sendes torsdag kl 10, og en purring skal sendes fredag.")
    assert "og send en purring fredag" in text
    text, _emails = normalise("Vedr. nytt sortiment: nyhetsbrev tilsendes hotellene.")
    assert "om nytt sortiment" in text


def test_a_proposed_template_keeps_no_nynorsk_inflection() -> None:
    """ "prislista" where the business has no price list is proposed as "Prisliste"."""
    assert _indefinite("handlelista") == "handleliste"
    assert _indefinite("påminninga") == "påminning"
    assert _indefinite("vårkatalogane") == "vårkatalog"
    templates = [t for t in TEMPLATES_V15K if t["category"] != "prisliste"]
    context = facts.business_context(templates, GROUPS_V15K, STAFF_GROUPS_V15K, TODAY_V15K)
    outcome = parse_description("Send prislista til hotella kvar fredag kl 10", context=context)
    assert [t["name"] for t in outcome.new_templates] == ["Prisliste"]
