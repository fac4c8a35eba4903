"""The own phrasing set, eleventh part: the kinds of failure held-out v17 found (h-kinds13).

Held-out v17 (a fish wholesaler) showed restrictions no workflow can keep answered with a
workflow: whether the customers have paid said in Swedish ("till de kunder som inte har
betalat"), whether they opened, read or clicked an email ("customers who didn't open last
week's one"), a choice between days said short ("tor el. fre kl 9"), and a webhook about our
own data ("fangstmelding-webhooken") followed by "til kunden"; with a group said, such a
webhook went to the event's customer instead of the group. The time in English words ("half
past eight") was not read.

Each kind has phrasings here in other words, for another business: the garden, outdoor and boat
supplies wholesaler of ``parser_phrasings_v10`` (its templates, groups and staff). None copies
a v17 case. After h-kinds13's fixes all 24 are right.
"""

from __future__ import annotations

from typing import Any

from benchmarks.parser_accuracy import Case
from tests.ai_assistant import expected_facts as facts
from tests.ai_assistant.expected_facts import QUESTION
from tests.ai_assistant.parser_phrasings_v2 import EditCase
from tests.ai_assistant.parser_phrasings_v10 import (
    GROUPS_V16K,
    STAFF_GROUPS_V16K,
    TEMPLATES_V16K,
    context_v16k,
)

TEMPLATES_V17K = TEMPLATES_V16K
GROUPS_V17K = GROUPS_V16K
STAFF_GROUPS_V17K = STAFF_GROUPS_V16K
context_v17k = context_v16k


def _hook(name: str, template: str, to: dict[str, Any]) -> Any:
    """One send when the webhook ``name`` arrives."""
    return facts.event(
        "webhook", event_name=name, steps=[facts.SEND], templates=[template], recipients=[to]
    )


KINDS_V17: list[Case] = [
    # === 1. Must ask: whether they have paid, in Swedish =======================================
    Case(
        "Skicka prislistan varje måndag kl 9 bara till kunderna som har betalat sina fakturor",
        QUESTION,
        category="must_ask_payment_sv",
    ),
    Case(
        "Varje fredag kl 10 ska de som inte betalat få påminnelsen",
        QUESTION,
        category="must_ask_payment_sv",
    ),
    Case(
        "Skicka erbjudandet till alla kunder med obetalda fakturor varje onsdag kl 8",
        QUESTION,
        category="must_ask_payment_sv",
    ),
    # === 2. Must ask: whether they opened, read or clicked an email ============================
    Case(
        "Send nyhetsbrevet på nytt hver fredag kl 9 til kundene som ikke har åpnet det forrige",
        QUESTION,
        category="must_ask_engagement",
    ),
    Case(
        "Skicka nyhetsbrevet varje måndag kl 8 till de kunder som inte har öppnat förra veckans",
        QUESTION,
        category="must_ask_engagement",
    ),
    Case(
        "Kvar tysdag kl 10 send tilbodet til dei som klikka på lenkja i nyheitsbrevet",
        QUESTION,
        category="must_ask_engagement",
    ),
    Case(
        "Every Thursday at 2pm send the offer to the campsites that never read the price list",
        QUESTION,
        category="must_ask_engagement",
    ),
    # === 3. Must ask: a choice between days said short =========================================
    Case("man el. tir kl 9: skjema -> alle", QUESTION, category="must_ask_day_choice"),
    Case(
        "ons evt. tor kl 14: påminnelse -> hagesentrene",
        QUESTION,
        category="must_ask_day_choice",
    ),
    Case(
        "skicka prislistan tis el. ons kl 8 till alla",
        QUESTION,
        category="must_ask_day_choice",
    ),
    Case("mon or tue at 9: newsletter -> everyone", QUESTION, category="must_ask_day_choice"),
    Case(
        "Send tilbudet til malerne fre el lør kl 10",
        QUESTION,
        category="must_ask_day_choice",
    ),
    Case(
        "Send the price list to everyone who opened the offer every Friday at 9",
        QUESTION,
        category="must_ask_engagement",
    ),
    # === 4. Must ask: a webhook about our own data, then "the customer" =======================
    Case(
        "Når fangstrapport-webhooken kommer inn, send tilbodet til kunden",
        QUESTION,
        category="must_ask_webhook_our_data",
    ),
    Case(
        "When the stock-report webhook fires, send the offer to the customer",
        QUESTION,
        category="must_ask_webhook_our_data",
    ),
    Case(
        "Når webhooken landingsdata kjem, send tilbodet til kunden",
        QUESTION,
        category="must_ask_webhook_our_data",
    ),
    # === 5. A webhook about our own data and a group: the group, not the event's customer ====
    Case(
        "When the catch-report webhook fires, send the offer to the garden centres",
        _hook("catch-report", "tilbud", facts.group("hagesenter")),
        category="webhook_our_data_groups",
    ),
    Case(
        "When the inventory-sync webhook fires, send the price list to the small boat harbours "
        "straight away",
        _hook("inventory-sync", "prisliste", facts.group("havn")),
        category="webhook_our_data_groups",
    ),
    Case(
        "Når webhooken lagerstatus kommer, send prislisten til hagesentrene med en gang",
        _hook("lagerstatus", "prisliste", facts.group("hagesenter")),
        category="webhook_our_data_groups",
    ),
    # === 6. The time in English words: "half past eight", "a quarter to ten" ==================
    Case(
        "Every Tuesday at half past eight, please send the price list to the garden centres",
        facts.weekly_send("tuesday", "08:30", "prisliste", facts.group("hagesenter")),
        category="english_clock_words",
    ),
    Case(
        "Send the newsletter to the campsites every Friday at a quarter to ten",
        facts.weekly_send("friday", "09:45", "newsletter", facts.group("camping")),
        category="english_clock_words",
    ),
    Case(
        "On Wednesdays at quarter past seven send the order form to everyone",
        facts.weekly_send("wednesday", "07:15", "bestilling", facts.everyone()),
        category="english_clock_words",
    ),
    Case(
        "Every Monday at ten past 9 send the offer to the marinas",
        facts.weekly_send("monday", "09:10", "tilbud", facts.group("havn")),
        category="english_clock_words",
    ),
    # Not a choice of days, not a restriction: a workflow.
    Case(
        "send tilbud på torsk eller fersk laks til alle hver mandag kl 9",
        facts.weekly_send("monday", "09:00", "tilbud", facts.everyone()),
        category="not_a_restriction",
    ),
]

KINDS_V17_CONVERSATIONS: list[EditCase] = [
    # A choice between days said short, answered by one day: the day stands in for the two.
    EditCase(
        "man el. tir kl 9: skjema -> alle",
        "tirsdag",
        facts.weekly_send("tuesday", "09:00", "bestilling", facts.everyone()),
        category="answers",
    ),
    EditCase(
        "ons evt. tor kl 14: påminnelse -> hagesentrene",
        "onsdag",
        facts.weekly_send("wednesday", "14:00", "reminder", facts.group("hagesenter")),
        category="answers",
    ),
    EditCase(
        "mon or tue at 9: newsletter -> everyone",
        "tuesday",
        facts.weekly_send("tuesday", "09:00", "newsletter", facts.everyone()),
        category="answers",
    ),
]
