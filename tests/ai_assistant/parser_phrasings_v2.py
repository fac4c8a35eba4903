"""The own phrasing set, second part (issue 20, item 8): chains, several days, templates by
meaning, new templates, events, calendar kinds, groups and requests that must be asked back,
plus conversations that change a draft (``EDIT_CASES``).

Written from the docs (nl-examples.md, workflow-format.md and its "Calendar schedules", issues
19 and 20), not from what the parser does: each case says what a user means and what the
product should make of it, in the key facts of ``benchmarks.parser_accuracy``. Facts a text
leaves open are left out. None is a copy of the example table of nl-examples.md.

The business is richer than in ``parser_phrasings``: templates with subjects, some with
Norwegian category slugs (``prisliste``, ``nyhetsbrev``, ``tilbud``, ``faktura``), six
customer groups and two groups of staff. Today is Monday 30 March 2026.

Within each category the cases are in sections by language: ``# nb``, ``# en``, ``# mixed``.

One convention settled after the set was written (the lead's decision, applied to the
expectations): a notice to staff tells about the step's customers, so its ``recipients`` are
that audience. One action on several days is one step per day, as the set was written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ai_assistant.context import ParseContext
from benchmarks.parser_accuracy import Case, Expected
from tests.ai_assistant.parser_phrasings import (
    ALL,
    CAFES,
    EVENT_CUSTOMER,
    QUESTION,
    RESTAURANTS,
    SHOPS,
    SINCE_START,
    daily,
    email,
    event,
    missing,
    monthly,
    weekly,
)

TEMPLATES_V2: list[dict[str, Any]] = [
    {
        "id": 11,
        "name": "Bestillingsskjema",
        "category": "bestilling",
        "subject": "Bestill varene for neste uke",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 12,
        "name": "Påminnelse om bestilling",
        "category": "reminder",
        "subject": "Har du glemt å bestille?",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 13,
        "name": "Ordrebekreftelse",
        "category": "confirmation",
        "subject": "Takk for bestillingen din",
        "variables": ["kunde_navn", "ordre_nummer"],
    },
    {
        "id": 14,
        "name": "Velkommen",
        "category": "welcome",
        "subject": "Velkommen som kunde hos Grossisten",
        "variables": ["kunde_navn"],
    },
    {
        "id": 15,
        "name": "Prisliste",
        "category": "prisliste",
        "subject": "Nye priser fra Grossisten",
        "variables": ["kunde_navn"],
    },
    {
        "id": 16,
        "name": "Nyhetsbrev",
        "category": "nyhetsbrev",
        "subject": "Månedsbrev: nytt fra Grossisten",
        "variables": ["kunde_navn"],
    },
    {
        "id": 17,
        "name": "Ukens tilbud",
        "category": "tilbud",
        "subject": "Denne ukens kampanjevarer",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 18,
        "name": "Faktura",
        "category": "faktura",
        "subject": "Faktura og betalingsinformasjon",
        "variables": ["kunde_navn"],
    },
]
GROUPS_V2: list[dict[str, str]] = [
    {"slug": "butikker", "name": "Butikker"},
    {"slug": "kafeer", "name": "Kafeer"},
    {"slug": "restauranter", "name": "Restauranter"},
    {"slug": "hoteller", "name": "Hoteller"},
    {"slug": "kantiner", "name": "Kantiner"},
    {"slug": "storkunder", "name": "Storkunder"},
]
STAFF_GROUPS_V2: list[str] = ["salg", "lager"]
TODAY_V2 = dt.date(2026, 3, 30)  # a Monday


def context_v2() -> ParseContext:
    return ParseContext(
        templates=[dict(t) for t in TEMPLATES_V2],  # type: ignore[misc]
        groups=[dict(g) for g in GROUPS_V2],  # type: ignore[misc]
        staff_groups=list(STAFF_GROUPS_V2),
        today=TODAY_V2,
        timezone="Europe/Oslo",
    )


HOTELS = {"group": "hoteller"}
CANTEENS = {"group": "kantiner"}
KEY_ACCOUNTS = {"group": "storkunder"}
SINCE_MONDAY = missing(since="last_monday")


def at(day: str, time: str) -> dict[str, str]:
    """A step trigger on a weekday."""
    return {"day": day, "time": time}


def later(minutes: int) -> dict[str, int]:
    """A step trigger some time after the step before."""
    return {"delay_minutes": minutes}


def every(n: int, day: str, time: str, **facts: Any) -> dict[str, Any]:
    """Every ``n``th week on ``day``."""
    return weekly(day, time, every_weeks=n, **facts)


def nth_weekday(weekday: str, nth: int, time: str, **facts: Any) -> dict[str, Any]:
    return {
        "type": "scheduled",
        "schedule": "monthly",
        "weekday": weekday,
        "nth": nth,
        "time": time,
        **facts,
    }


def business_day(n: int, time: str, **facts: Any) -> dict[str, Any]:
    return {"type": "scheduled", "schedule": "monthly", "business_day": n, "time": time, **facts}


def business_daily(time: str, **facts: Any) -> dict[str, Any]:
    return {
        "type": "scheduled",
        "schedule": "daily",
        "time": time,
        "business_days_only": True,
        **facts,
    }


PHRASINGS_V2: list[Case] = [
    # === chains (three or more steps) =========================================================
    # nb
    Case(
        "skjema til alle man kl 9, purring tors kl 14 til dem som ikke har bestilt, og fre kl 10 "
        "legger vi inn den vanlige ordren for de som fortsatt ikke har bestilt",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email", "create_order"],
            triggers=[at("monday", "09:00"), at("thursday", "14:00"), at("friday", "10:00")],
            templates=["bestilling", "reminder", None],
            recipients=[ALL, ALL, ALL],
            conditions=[None, SINCE_START, SINCE_START],
            mode="repeat_last",
        ),
        category="chains",
    ),
    Case(
        "Mandag 08:30 bestillingsskjema til kafeene, onsdag 13 påminnelse, torsdag kl 11 fast "
        "ordre på de som fortsatt mangler, og send en oppsummering til innkjop@grossisten.no "
        "etterpå",
        weekly(
            "monday",
            "08:30",
            steps=["send_email", "send_email", "create_order", "generate_report"],
            triggers=[
                at("monday", "08:30"),
                at("wednesday", "13:00"),
                at("thursday", "11:00"),
                None,
            ],
            templates=["bestilling", "reminder", None, None],
            recipients=[CAFES, CAFES, CAFES, None],
            conditions=[None, SINCE_START, SINCE_START, None],
            mode="repeat_last",
            report="execution_summary",
            send_to=["innkjop@grossisten.no"],
        ),
        category="chains",
    ),
    Case(
        "til butikkene: ukens tilbud mandag kl 7, prislista tirsdag kl 7 og nyhetsbrevet onsdag "
        "kl 7",
        weekly(
            "monday",
            "07:00",
            steps=["send_email", "send_email", "send_email"],
            triggers=[at("monday", "07:00"), at("tuesday", "07:00"), at("wednesday", "07:00")],
            templates=["tilbud", "prisliste", "nyhetsbrev"],
            recipients=[SHOPS, SHOPS, SHOPS],
            conditions=[None, None, None],
        ),
        category="chains",
    ),
    Case(
        "Hver mandag kl 9 skjema til restaurantene. Purring tirsdag kl 12 og igjen torsdag kl 12 "
        "til de som ikke har bestilt. Fredag morgen kl 8 lager du ordre som forrige gang for de "
        "som ennå ikke har bestilt",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email", "send_email", "create_order"],
            triggers=[
                at("monday", "09:00"),
                at("tuesday", "12:00"),
                at("thursday", "12:00"),
                at("friday", "08:00"),
            ],
            templates=["bestilling", "reminder", "reminder", None],
            recipients=[RESTAURANTS] * 4,
            conditions=[None, SINCE_START, SINCE_START, SINCE_START],
            mode="repeat_last",
        ),
        category="chains",
    ),
    Case(
        "mandag kl 10 skjema, onsdag kl 15 påminnelse, og torsdag kl 9 en rapport til "
        "salg@grossisten.no over hvem som fortsatt ikke har bestilt",
        weekly(
            "monday",
            "10:00",
            steps=["send_email", "send_email", "generate_report"],
            triggers=[at("monday", "10:00"), at("wednesday", "15:00"), at("thursday", "09:00")],
            templates=["bestilling", "reminder", None],
            recipients=[ALL, ALL, None],
            report="orders_missing",
            send_to=["salg@grossisten.no"],
        ),
        category="chains",
    ),
    Case(
        "Skjema til hotellene tirsdag kl 8, purring torsdag kl 10, og fredag kl 9 gi beskjed til "
        "salg om hvordan det gikk",
        weekly(
            "tuesday",
            "08:00",
            steps=["send_email", "send_email", "notify_staff"],
            triggers=[at("tuesday", "08:00"), at("thursday", "10:00"), at("friday", "09:00")],
            templates=["bestilling", "reminder", None],
            recipients=[HOTELS, HOTELS, HOTELS],
            conditions=[None, SINCE_START, None],
            staff_group="salg",
        ),
        category="chains",
    ),
    Case(
        "Mandag kl 9 send bestillingsskjema, 3 timer etter en kort påminnelse til de som ikke "
        "har svart, og tirsdag kl 9 stående ordre for resten",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email", "create_order"],
            triggers=[at("monday", "09:00"), later(180), at("tuesday", "09:00")],
            templates=["bestilling", "reminder", None],
            conditions=[None, SINCE_START, SINCE_START],
            mode="repeat_last",
        ),
        category="chains",
    ),
    Case(
        "Ny kunde registrert -> velkomstmail og beskjed til salg, så prislista dagen etter",
        event(
            "customer.created",
            steps=["send_email", "notify_staff", "send_email"],
            templates=["welcome", None, "prisliste"],
            recipients=[EVENT_CUSTOMER, EVENT_CUSTOMER, EVENT_CUSTOMER],
            staff_group="salg",
        ),
        category="chains",
    ),
    Case(
        "Første mandag i mnd kl 8: prisliste til storkundene, onsdag kl 12 purring for de som "
        "ikke har bestilt, og fredag kl 14 send en rapport til leder@grossisten.no",
        nth_weekday(
            "monday",
            1,
            "08:00",
            steps=["send_email", "send_email", "generate_report"],
            templates=["prisliste", "reminder", None],
            recipients=[KEY_ACCOUNTS, KEY_ACCOUNTS, None],
            send_to=["leder@grossisten.no"],
        ),
        category="chains",
    ),
    Case(
        "hver fredag kl 14 send skjema for neste uke til kantinene, mandag kl 8 purring til de "
        "som ikke har bestilt, og mandag kl 10 legg inn stående ordre på resten",
        weekly(
            "friday",
            "14:00",
            steps=["send_email", "send_email", "create_order"],
            triggers=[at("friday", "14:00"), at("monday", "08:00"), at("monday", "10:00")],
            templates=["bestilling", "reminder", None],
            recipients=[CANTEENS, CANTEENS, CANTEENS],
            conditions=[None, SINCE_START, SINCE_START],
            mode="repeat_last",
        ),
        category="chains",
    ),
    # en
    Case(
        "mon 9am order form to the cafes, thurs 2pm remind the ones who havent ordered, fri 11am "
        "put in their usual order if they still havent, then email a summary to "
        "ops@grossisten.no",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email", "create_order", "generate_report"],
            triggers=[
                at("monday", "09:00"),
                at("thursday", "14:00"),
                at("friday", "11:00"),
                None,
            ],
            templates=["bestilling", "reminder", None, None],
            recipients=[CAFES, CAFES, CAFES, None],
            conditions=[None, SINCE_START, SINCE_START, None],
            mode="repeat_last",
            report="execution_summary",
            send_to=["ops@grossisten.no"],
        ),
        category="chains",
    ),
    Case(
        "Every Tuesday 8:00 send the price list to the hotels, Wednesday 10:00 the weekly deals, "
        "and Thursday 15:00 a reminder to those who still haven't ordered",
        weekly(
            "tuesday",
            "08:00",
            steps=["send_email", "send_email", "send_email"],
            triggers=[at("tuesday", "08:00"), at("wednesday", "10:00"), at("thursday", "15:00")],
            templates=["prisliste", "tilbud", "reminder"],
            recipients=[HOTELS, HOTELS, HOTELS],
            conditions=[None, None, SINCE_START],
        ),
        category="chains",
    ),
    Case(
        "When someone places an order: confirmation to the customer, tell the warehouse, and 3 "
        "days later send them our price list",
        event(
            "order.created",
            steps=["send_email", "notify_staff", "send_email"],
            triggers=[None, None, later(4320)],
            templates=["confirmation", None, "prisliste"],
            recipients=[EVENT_CUSTOMER, EVENT_CUSTOMER, EVENT_CUSTOMER],
            staff_group="lager",
        ),
        category="chains",
    ),
    Case(
        "Send the order form to the canteens every Monday 7.30, remind them Wednesday at 1pm, on "
        "Friday 9am create the standing order for anyone still missing, and right after that "
        "send the report of who's still missing to lead@grossisten.no",
        weekly(
            "monday",
            "07:30",
            steps=["send_email", "send_email", "create_order", "generate_report"],
            templates=["bestilling", "reminder", None, None],
            recipients=[CANTEENS, CANTEENS, CANTEENS, None],
            conditions=[None, SINCE_START, SINCE_START, None],
            mode="repeat_last",
            report="orders_missing",
            send_to=["lead@grossisten.no"],
        ),
        category="chains",
    ),
    Case(
        "Every other Monday at 9 send the order form, Thursday 3pm reminder, Friday 10 their "
        "usual order for those who still didn't order",
        every(
            2,
            "monday",
            "09:00",
            steps=["send_email", "send_email", "create_order"],
            triggers=[at("monday", "09:00"), at("thursday", "15:00"), at("friday", "10:00")],
            templates=["bestilling", "reminder", None],
            conditions=[None, SINCE_START, SINCE_START],
            mode="repeat_last",
        ),
        category="chains",
    ),
    # mixed
    Case(
        "man kl 9 order form til butikkene, tors 15 reminder, fre kl 10 legg inn their usual "
        "order for de som fortsatt mangler",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email", "create_order"],
            triggers=[at("monday", "09:00"), at("thursday", "15:00"), at("friday", "10:00")],
            templates=["bestilling", "reminder", None],
            recipients=[SHOPS, SHOPS, SHOPS],
            conditions=[None, SINCE_START, SINCE_START],
            mode="repeat_last",
        ),
        category="chains",
    ),
    Case(
        "Every Monday kl 8 skjema, onsdag 14 purring, and on Friday at 16 send rapport over hvem "
        "som ikke har bestilt to sjef@grossisten.no",
        weekly(
            "monday",
            "08:00",
            steps=["send_email", "send_email", "generate_report"],
            triggers=[at("monday", "08:00"), at("wednesday", "14:00"), at("friday", "16:00")],
            templates=["bestilling", "reminder", None],
            recipients=[ALL, ALL, None],
            report="orders_missing",
            send_to=["sjef@grossisten.no"],
        ),
        category="chains",
    ),
    # === multi_day (one phrase, several days: one step per day) ===============================
    # nb
    Case(
        "Skjema mandag kl 9, purring onsdag og torsdag kl 14",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email", "send_email"],
            triggers=[at("monday", "09:00"), at("wednesday", "14:00"), at("thursday", "14:00")],
            templates=["bestilling", "reminder", "reminder"],
            conditions=[None, SINCE_START, SINCE_START],
        ),
        category="multi_day",
    ),
    Case(
        "send bestillingsskjemaet til kafeene på mandag kl 8, så purring tirsdag, onsdag og "
        "torsdag kl 12 hvis de ikke har bestilt",
        weekly(
            "monday",
            "08:00",
            steps=["send_email"] * 4,
            triggers=[
                at("monday", "08:00"),
                at("tuesday", "12:00"),
                at("wednesday", "12:00"),
                at("thursday", "12:00"),
            ],
            templates=["bestilling", "reminder", "reminder", "reminder"],
            recipients=[CAFES] * 4,
            conditions=[None, SINCE_START, SINCE_START, SINCE_START],
        ),
        category="multi_day",
    ),
    Case(
        "purring onsdag og torsdag kl 15 til de som ikke har bestilt siden mandag",
        # One action on several days on its own: one step on a schedule on those days.
        weekly(
            ["wednesday", "thursday"],
            "15:00",
            steps=["send_email"],
            templates=["reminder"],
            conditions=[SINCE_MONDAY],
        ),
        category="multi_day",
    ),
    Case(
        "Hver mandag kl 9 skjema til restaurantene. påminnelse ons + fre kl 13",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email", "send_email"],
            triggers=[at("monday", "09:00"), at("wednesday", "13:00"), at("friday", "13:00")],
            templates=["bestilling", "reminder", "reminder"],
            recipients=[RESTAURANTS] * 3,
            conditions=[None, SINCE_START, SINCE_START],
        ),
        category="multi_day",
    ),
    Case(
        "Mandag kl 8 skjema til alle, påminnelse tirsdag og onsdag kl 15, torsdag kl 9 fast ordre "
        "for de som fortsatt ikke har bestilt",
        weekly(
            "monday",
            "08:00",
            steps=["send_email", "send_email", "send_email", "create_order"],
            triggers=[
                at("monday", "08:00"),
                at("tuesday", "15:00"),
                at("wednesday", "15:00"),
                at("thursday", "09:00"),
            ],
            templates=["bestilling", "reminder", "reminder", None],
            conditions=[None, SINCE_START, SINCE_START, SINCE_START],
            mode="repeat_last",
        ),
        category="multi_day",
    ),
    Case(
        "purring tirsdag og fredag, kl 11 begge dager, til kantinene som ikke har bestilt siden "
        "mandag",
        # One action on several days on its own: one step on a schedule on those days.
        weekly(
            ["tuesday", "friday"],
            "11:00",
            steps=["send_email"],
            templates=["reminder"],
            recipients=[CANTEENS],
            conditions=[SINCE_MONDAY],
        ),
        category="multi_day",
    ),
    Case(
        "skjema mandag og onsdag kl 9, purring fredag kl 12 til dem som ikke har bestilt",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email", "send_email"],
            triggers=[at("monday", "09:00"), at("wednesday", "09:00"), at("friday", "12:00")],
            templates=["bestilling", "bestilling", "reminder"],
            conditions=[None, None, SINCE_START],
        ),
        category="multi_day",
    ),
    # en
    Case(
        "Order form Monday 9am, then reminders Wednesday and Thursday at 2pm for anyone who "
        "hasn't ordered",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email", "send_email"],
            triggers=[at("monday", "09:00"), at("wednesday", "14:00"), at("thursday", "14:00")],
            templates=["bestilling", "reminder", "reminder"],
            conditions=[None, SINCE_START, SINCE_START],
        ),
        category="multi_day",
    ),
    Case(
        "Send the order form to the shops Mon 8am and nudge the ones who still haven't ordered on "
        "Tue, Wed and Thu at noon",
        weekly(
            "monday",
            "08:00",
            steps=["send_email"] * 4,
            triggers=[
                at("monday", "08:00"),
                at("tuesday", "12:00"),
                at("wednesday", "12:00"),
                at("thursday", "12:00"),
            ],
            templates=["bestilling", "reminder", "reminder", "reminder"],
            recipients=[SHOPS] * 4,
            conditions=[None, SINCE_START, SINCE_START, SINCE_START],
        ),
        category="multi_day",
    ),
    Case(
        "remind restaurants on wednesday and friday at 10am if they havent ordered since monday",
        # One action on several days on its own: one step on a schedule on those days.
        weekly(
            ["wednesday", "friday"],
            "10:00",
            steps=["send_email"],
            templates=["reminder"],
            recipients=[RESTAURANTS],
            conditions=[SINCE_MONDAY],
        ),
        category="multi_day",
    ),
    Case(
        "Monday 7am the weekly deals to cafes, reminder Thursday and Friday 3pm",
        weekly(
            "monday",
            "07:00",
            steps=["send_email", "send_email", "send_email"],
            triggers=[at("monday", "07:00"), at("thursday", "15:00"), at("friday", "15:00")],
            templates=["tilbud", "reminder", "reminder"],
            recipients=[CAFES] * 3,
            conditions=[None, SINCE_START, SINCE_START],
        ),
        category="multi_day",
    ),
    # mixed
    Case(
        "skjema mandag kl 9, reminder onsdag and torsdag kl 14",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email", "send_email"],
            triggers=[at("monday", "09:00"), at("wednesday", "14:00"), at("thursday", "14:00")],
            templates=["bestilling", "reminder", "reminder"],
            conditions=[None, SINCE_START, SINCE_START],
        ),
        category="multi_day",
    ),
    Case(
        "Mon kl 10 order form til hotellene, purring wed og fri kl 12",
        weekly(
            "monday",
            "10:00",
            steps=["send_email", "send_email", "send_email"],
            triggers=[at("monday", "10:00"), at("wednesday", "12:00"), at("friday", "12:00")],
            templates=["bestilling", "reminder", "reminder"],
            recipients=[HOTELS] * 3,
            conditions=[None, SINCE_START, SINCE_START],
        ),
        category="multi_day",
    ),
    Case(
        "Man og tors kl 7 send weekly deals til butikkene, og fredag kl 12 purring",
        weekly(
            "monday",
            "07:00",
            steps=["send_email", "send_email", "send_email"],
            triggers=[at("monday", "07:00"), at("thursday", "07:00"), at("friday", "12:00")],
            templates=["tilbud", "tilbud", "reminder"],
            recipients=[SHOPS, SHOPS, SHOPS],
            conditions=[None, None, SINCE_START],
        ),
        category="multi_day",
    ),
    # === templates_by_meaning (name, category, subject; nb and en words) ======================
    # nb
    Case(
        "Send ut prislista til restaurantene hver mandag kl 07",
        weekly("monday", "07:00", **email("prisliste", RESTAURANTS)),
        category="templates_by_meaning",
    ),
    Case(
        "nye priser til butikkene hver fredag kl 15",
        weekly("friday", "15:00", **email("prisliste", SHOPS)),
        category="templates_by_meaning",
    ),
    Case(
        "Månedsbrevet skal ut til alle den 1. hver mnd kl 10",
        monthly(1, "10:00", **email("nyhetsbrev")),
        category="templates_by_meaning",
    ),
    Case(
        "nyhetsbrev til alle kundene siste dag i måneden kl 12",
        monthly("last", "12:00", **email("nyhetsbrev")),
        category="templates_by_meaning",
    ),
    Case(
        "hver torsdag kl 6 send ukas tilbud til kafeene",
        weekly("thursday", "06:00", **email("tilbud", CAFES)),
        category="templates_by_meaning",
    ),
    Case(
        "send kampanjevarene våre til kantinene hver mandag kl 8",
        weekly("monday", "08:00", **email("tilbud", CANTEENS)),
        category="templates_by_meaning",
    ),
    Case(
        "Send fakturaen til storkundene den 20. hver måned kl 9",
        monthly(20, "09:00", **email("faktura", KEY_ACCOUNTS)),
        category="templates_by_meaning",
    ),
    Case(
        "Alle nye kunder skal få et velkomstbrev",
        event("customer.created", **email("welcome", EVENT_CUSTOMER)),
        category="templates_by_meaning",
    ),
    Case(
        "Hver fredag kl 16 send tilbudene til hotellene",
        weekly("friday", "16:00", **email("tilbud", HOTELS)),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "email the price list to hotels every Monday at 8",
        weekly("monday", "08:00", **email("prisliste", HOTELS)),
        category="templates_by_meaning",
    ),
    Case(
        "send our newsletter on the 15th of every month at 10am",
        monthly(15, "10:00", **email("nyhetsbrev")),
        category="templates_by_meaning",
    ),
    Case(
        "Every Friday 7am send this week's specials to the restaurants",
        weekly("friday", "07:00", **email("tilbud", RESTAURANTS)),
        category="templates_by_meaning",
    ),
    Case(
        "Invoices out to all customers on the last day of the month at 4pm",
        monthly("last", "16:00", **email("faktura")),
        category="templates_by_meaning",
    ),
    Case(
        "welcome mail for every new customer pls",
        event("customer.created", **email("welcome", EVENT_CUSTOMER)),
        category="templates_by_meaning",
    ),
    Case(
        "Monthly letter to everyone on the 5th at 9",
        monthly(5, "09:00", **email("nyhetsbrev")),
        category="templates_by_meaning",
    ),
    # mixed
    Case(
        "send pricelist til kafeene hver tirsdag kl 9",
        weekly("tuesday", "09:00", **email("prisliste", CAFES)),
        category="templates_by_meaning",
    ),
    Case(
        "hver mandag kl 8 send weekly offers til butikkene",
        weekly("monday", "08:00", **email("tilbud", SHOPS)),
        category="templates_by_meaning",
    ),
    Case(
        "send invoice til storkundene den 25. kl 12 every month",
        monthly(25, "12:00", **email("faktura", KEY_ACCOUNTS)),
        category="templates_by_meaning",
    ),
    # === new_template (nothing of the business fits: propose a new one) =======================
    # nb
    Case(
        "Send ukesmenyen til kantinene hver fredag kl 14",
        weekly("friday", "14:00", **email("new", CANTEENS)),
        category="new_template",
    ),
    Case(
        "Den 1. hver måned kl 12 send en kundeundersøkelse til alle",
        monthly(1, "12:00", **email("new")),
        category="new_template",
    ),
    Case(
        "Send leveringsplanen for neste uke til butikkene hver fredag kl 12",
        weekly("friday", "12:00", **email("new", SHOPS)),
        category="new_template",
    ),
    Case(
        "Hver torsdag kl 16 send ut varsel om utsolgte varer til storkundene",
        weekly("thursday", "16:00", **email("new", KEY_ACCOUNTS)),
        category="new_template",
    ),
    Case(
        "Siste fredag i måneden kl 15 send månedens oppskrift til kafeene",
        nth_weekday("friday", -1, "15:00", **email("new", CAFES)),
        category="new_template",
    ),
    Case(
        "Hver mandag kl 8 send returskjema til butikkene",
        weekly("monday", "08:00", **email("new", SHOPS)),
        category="new_template",
    ),
    # en
    Case(
        "Every Monday at 8 send the delivery schedule to the hotels",
        weekly("monday", "08:00", **email("new", HOTELS)),
        category="new_template",
    ),
    Case(
        "Send a customer satisfaction survey on the 1st of every month at noon",
        monthly(1, "12:00", **email("new")),
        category="new_template",
    ),
    Case(
        "When a new customer signs up, send them our terms and conditions",
        event("customer.created", **email("new", EVENT_CUSTOMER)),
        category="new_template",
    ),
    Case(
        "every friday 3pm send the recipe of the week to cafes",
        weekly("friday", "15:00", **email("new", CAFES)),
        category="new_template",
    ),
    # mixed
    Case(
        "hver onsdag kl 10 send allergen-oversikt to the restaurants",
        weekly("wednesday", "10:00", **email("new", RESTAURANTS)),
        category="new_template",
    ),
    Case(
        "Når en ny kunde signs up, send vilkårene våre",
        event("customer.created", **email("new", EVENT_CUSTOMER)),
        category="new_template",
    ),
    # === events ===============================================================================
    # nb
    Case(
        "Når noen blir registrert som ny kunde skal de få velkomstmailen",
        event("customer.created", **email("welcome", EVENT_CUSTOMER)),
        category="events",
    ),
    Case(
        "ved ny ordre: send ordrebekreftelse til kunden",
        event("order.created", **email("confirmation", EVENT_CUSTOMER)),
        category="events",
    ),
    Case(
        "Når en kunde legger inn bestilling, gi beskjed til lageret",
        event("order.created", steps=["notify_staff"], staff_group="lager"),
        category="events",
    ),
    Case(
        "Nye kunder: send velkomst og prislista med en gang",
        event(
            "customer.created",
            steps=["send_email", "send_email"],
            triggers=[None, None],
            templates=["welcome", "prisliste"],
            recipients=[EVENT_CUSTOMER, EVENT_CUSTOMER],
        ),
        category="events",
    ),
    Case(
        "Gi salg beskjed hver gang en ny kunde registrerer seg",
        event("customer.created", steps=["notify_staff"], staff_group="salg"),
        category="events",
    ),
    Case(
        "når det kommer en ordre, send bekreftelse, og en time etter send ukens tilbud",
        event(
            "order.created",
            steps=["send_email", "send_email"],
            triggers=[None, later(60)],
            templates=["confirmation", "tilbud"],
            recipients=[EVENT_CUSTOMER, EVENT_CUSTOMER],
        ),
        category="events",
    ),
    Case(
        "ny kunde -> send velkomstmail, 1 uke senere nyhetsbrevet",
        event(
            "customer.created",
            steps=["send_email", "send_email"],
            triggers=[None, later(7 * 24 * 60)],
            templates=["welcome", "nyhetsbrev"],
            recipients=[EVENT_CUSTOMER, EVENT_CUSTOMER],
        ),
        category="events",
    ),
    # en
    Case(
        "whenever a new customer is created send them the welcome email",
        event("customer.created", **email("welcome", EVENT_CUSTOMER)),
        category="events",
    ),
    Case(
        "When a new customer registers, send them the price list",
        event("customer.created", **email("prisliste", EVENT_CUSTOMER)),
        category="events",
    ),
    Case(
        "On every new order email the customer a confirmation and notify the sales team",
        event(
            "order.created",
            steps=["send_email", "notify_staff"],
            templates=["confirmation", None],
            recipients=[EVENT_CUSTOMER, EVENT_CUSTOMER],
            staff_group="salg",
        ),
        category="events",
    ),
    Case(
        "new order in -> confirmation mail to the customer",
        event("order.created", **email("confirmation", EVENT_CUSTOMER)),
        category="events",
    ),
    # mixed
    Case(
        "Når a new customer signs up, send velkomstmail",
        event("customer.created", **email("welcome", EVENT_CUSTOMER)),
        category="events",
    ),
    Case(
        "new order -> send ordrebekreftelse og gi beskjed til lager",
        event(
            "order.created",
            steps=["send_email", "notify_staff"],
            templates=["confirmation", None],
            recipients=[EVENT_CUSTOMER, EVENT_CUSTOMER],
            staff_group="lager",
        ),
        category="events",
    ),
    # === calendar (every N weeks, even/odd weeks, nth weekday, business days, holidays) =======
    # nb
    Case(
        "annenhver tirsdag kl 10 send skjema til restaurantene",
        every(2, "tuesday", "10:00", **email("bestilling", RESTAURANTS)),
        category="calendar",
    ),
    Case(
        "Hver 2. fredag kl 8 bestillingsskjema til butikkene, første gang 10. april",
        every(2, "friday", "08:00", anchor="2026-04-10", **email("bestilling", SHOPS)),
        category="calendar",
    ),
    Case(
        "bestillingsskjema i partallsuker, mandag kl 9",
        weekly("monday", "09:00", iso_weeks="even", **email("bestilling")),
        category="calendar",
    ),
    Case(
        "første mandag i måneden kl 8 send prislista til alle",
        nth_weekday("monday", 1, "08:00", **email("prisliste")),
        category="calendar",
    ),
    Case(
        "siste virkedag i måneden kl 14 send faktura til storkundene",
        business_day(-1, "14:00", **email("faktura", KEY_ACCOUNTS)),
        category="calendar",
    ),
    Case(
        "første virkedag hver måned kl 7 prislista til butikkene",
        business_day(1, "07:00", **email("prisliste", SHOPS)),
        category="calendar",
    ),
    Case(
        "hver virkedag kl 6:30 send dagens tilbud til kantinene",
        business_daily("06:30", **email("tilbud", CANTEENS)),
        category="calendar",
    ),
    Case(
        "Skjema hver mandag kl 9, men ikke på helligdager",
        weekly("monday", "09:00", holiday_policy="skip", **email("bestilling")),
        category="calendar",
    ),
    Case(
        "Send skjema mandag kl 9 og påminnelse torsdag kl 15, faller det på en helligdag så ta "
        "dagen etter",
        weekly(
            "monday",
            "09:00",
            holiday_policy="next_business_day",
            steps=["send_email", "send_email"],
            triggers=[at("monday", "09:00"), at("thursday", "15:00")],
            templates=["bestilling", "reminder"],
            conditions=[None, SINCE_START],
        ),
        category="calendar",
    ),
    Case(
        "Fredager kl 12 prisliste til restaurantene. Er det fridag, send dagen før",
        weekly(
            "friday",
            "12:00",
            holiday_policy="previous_business_day",
            **email("prisliste", RESTAURANTS),
        ),
        category="calendar",
    ),
    Case(
        "nest siste virkedag i mnd kl 12 rapport over hvem som mangler bestilling til "
        "leder@grossisten.no",
        business_day(
            -2,
            "12:00",
            steps=["generate_report"],
            report="orders_missing",
            send_to=["leder@grossisten.no"],
        ),
        category="calendar",
    ),
    # en
    Case(
        "every other thursday at 11 send the order form to canteens",
        every(2, "thursday", "11:00", **email("bestilling", CANTEENS)),
        category="calendar",
    ),
    Case(
        "even weeks only, tuesday 9am, order form to everyone",
        weekly("tuesday", "09:00", iso_weeks="even", **email("bestilling")),
        category="calendar",
    ),
    Case(
        "last friday of the month 2pm send out the newsletter",
        nth_weekday("friday", -1, "14:00", **email("nyhetsbrev")),
        category="calendar",
    ),
    Case(
        "2nd business day of each month at 8:00 send invoices to all customers",
        business_day(2, "08:00", **email("faktura")),
        category="calendar",
    ),
    Case(
        "Every business day at 7 send today's deals to the cafes",
        business_daily("07:00", **email("tilbud", CAFES)),
        category="calendar",
    ),
    Case(
        "Order form every Monday 9am, skip public holidays",
        weekly("monday", "09:00", holiday_policy="skip", **email("bestilling")),
        category="calendar",
    ),
    Case(
        "Send the price list every 4 weeks on Monday at 8, first one on May 4",
        every(4, "monday", "08:00", anchor="2026-05-04", **email("prisliste")),
        category="calendar",
    ),
    # mixed
    Case(
        "annenhver mandag kl 9 order form til hotellene, starting 13. april",
        every(2, "monday", "09:00", anchor="2026-04-13", **email("bestilling", HOTELS)),
        category="calendar",
    ),
    Case(
        "siste mandag i måneden at 3pm send reminder to those who haven't ordered",
        nth_weekday("monday", -1, "15:00", **email("reminder")),
        category="calendar",
    ),
    Case(
        "hver tredje onsdag kl 9 price list til hotellene",
        every(3, "wednesday", "09:00", **email("prisliste", HOTELS)),
        category="calendar",
    ),
    Case(
        "odd weeks torsdag kl 14: ukens tilbud til kafeene",
        weekly("thursday", "14:00", iso_weeks="odd", **email("tilbud", CAFES)),
        category="calendar",
    ),
    Case(
        "andre tirsdag i hver mnd kl 10 newsletter til alle kunder",
        nth_weekday("tuesday", 2, "10:00", **email("nyhetsbrev")),
        category="calendar",
    ),
    # === groups ===============================================================================
    # nb
    Case(
        "Send bestillingsskjema til kantinene hver tirsdag kl 9",
        weekly("tuesday", "09:00", **email("bestilling", CANTEENS)),
        category="groups",
    ),
    Case(
        "purring til hotella fredag kl 11",
        weekly("friday", "11:00", **email("reminder", HOTELS)),
        category="groups",
    ),
    Case(
        "Skjema til storkundene mandag kl 7",
        weekly("monday", "07:00", **email("bestilling", KEY_ACCOUNTS)),
        category="groups",
    ),
    Case(
        "ukens tilbud til restaurantane og kafeane hver mandag kl 8",
        weekly(
            "monday",
            "08:00",
            steps=["send_email", "send_email"],
            templates=["tilbud", "tilbud"],
            recipients=[RESTAURANTS, CAFES],
        ),
        category="groups",
    ),
    Case(
        "Send prislista bare til butikkane hver onsdag kl 10",
        weekly("wednesday", "10:00", **email("prisliste", SHOPS)),
        category="groups",
    ),
    # en
    Case(
        "send the order form to the canteens every Thursday at 10",
        weekly("thursday", "10:00", **email("bestilling", CANTEENS)),
        category="groups",
    ),
    Case(
        "Remind the hotels every Friday at 1pm if they haven't ordered",
        weekly("friday", "13:00", **email("reminder", HOTELS)),
        category="groups",
    ),
    Case(
        "Price list to the restaurants and hotels on Mondays at 6am",
        weekly(
            "monday",
            "06:00",
            steps=["send_email", "send_email"],
            templates=["prisliste", "prisliste"],
            recipients=[RESTAURANTS, HOTELS],
        ),
        category="groups",
    ),
    # mixed
    Case(
        "Order form til hotellene every Tuesday 8am",
        weekly("tuesday", "08:00", **email("bestilling", HOTELS)),
        category="groups",
    ),
    Case(
        "reminder til kantinene fredag kl 12",
        weekly("friday", "12:00", **email("reminder", CANTEENS)),
        category="groups",
    ),
    # === must_ask (unclear, something essential missing, unknown group, not a workflow) =======
    # nb
    Case("Månedsbrevet må ut til kundene hver måned", QUESTION, category="must_ask"),
    Case("send prislista til bakeriene hver mandag kl 8", QUESTION, category="must_ask"),
    Case("Skjema til sykehjemmene fredag kl 9", QUESTION, category="must_ask"),
    Case("annenhver uke send prisliste kl 10", QUESTION, category="must_ask"),
    Case("Hei! Hva kan du hjelpe meg med?", QUESTION, category="must_ask"),
    Case("Slett alle kunder som ikke har bestilt i år", QUESTION, category="must_ask"),
    Case("send ting til folk", QUESTION, category="must_ask"),
    Case("Send fakturaen til storkundene", QUESTION, category="must_ask"),
    Case("Purring kl 14", QUESTION, category="must_ask"),
    Case("Send skjema mandag kl 9 eller tirsdag, vet ikke helt", QUESTION, category="must_ask"),
    Case("Gi beskjed til innkjøp når en ny kunde registrerer seg", QUESTION, category="must_ask"),
    Case("Den 31. februar kl 9 send faktura", QUESTION, category="must_ask"),
    # en
    Case("Fifth Monday of every month at 9 send the newsletter", QUESTION, category="must_ask"),
    Case("Remind the bars on Thursday 3pm", QUESTION, category="must_ask"),
    Case("what's the weather like tomorrow?", QUESTION, category="must_ask"),
    Case("send the weekly deals at 9", QUESTION, category="must_ask"),
    Case("Email the price list to the schools every Monday at 8", QUESTION, category="must_ask"),
    # mixed
    Case("send reminder til catering-kundene fre kl 10", QUESTION, category="must_ask"),
    Case("hver måned send invoice til storkundene", QUESTION, category="must_ask"),
    Case("every 12th week mandag kl 9 send prisliste", QUESTION, category="must_ask"),
    # === basic (sloppy spelling of everyday requests) =========================================
    # nb
    Case(
        "bestillingskjema hver tirdag kl 9",
        weekly("tuesday", "09:00", **email("bestilling")),
        category="basic",
    ),
    Case(
        "påminelse tors kl 15",
        weekly("thursday", "15:00", **email("reminder")),
        category="basic",
    ),
    Case(
        "Daglig kl 16 rapport til lager@grossisten.no",
        daily("16:00", steps=["generate_report"], send_to=["lager@grossisten.no"]),
        category="basic",
    ),
    # en
    Case(
        "send order from every monday 9am",
        weekly("monday", "09:00", **email("bestilling")),
        category="basic",
    ),
    Case(
        "reminder fri 11am to everyone who hasnt ordered",
        weekly("friday", "11:00", **email("reminder")),
        category="basic",
    ),
    # mixed
    Case(
        "skjema every wednesday kl 10",
        weekly("wednesday", "10:00", **email("bestilling")),
        category="basic",
    ),
]


@dataclass(frozen=True)
class EditCase:
    """A conversation that changes a draft: ``start`` creates one (or makes the assistant
    ask), ``follow_up`` is the user's next message in the same chat, ``expected`` the key facts
    of the draft after it (or ``"question"``)."""

    start: str
    follow_up: str
    expected: Expected
    category: str = "edits"


FORM_AND_REMINDER = {
    "steps": ["send_email", "send_email"],
    "templates": ["bestilling", "reminder"],
    "conditions": [None, SINCE_START],
}


EDIT_CASES: list[EditCase] = [
    # nb
    EditCase(
        "Skjema mandag kl 9 og purring torsdag kl 15 til de som ikke har bestilt",
        "flytt påminnelsen til onsdag kl 12",
        weekly(
            "monday",
            "09:00",
            triggers=[at("monday", "09:00"), at("wednesday", "12:00")],
            **FORM_AND_REMINDER,
        ),
    ),
    EditCase(
        "Send bestillingsskjema til butikkene hver mandag kl 8",
        "legg til en påminnelse fredag",
        weekly(
            "monday",
            "08:00",
            triggers=[at("monday", "08:00"), at("friday", "15:00")],
            recipients=[SHOPS, SHOPS],
            **FORM_AND_REMINDER,
        ),
    ),
    EditCase(
        "Prisliste til kafeer og restauranter hver mandag kl 7",
        "ta bort kafeene",
        weekly("monday", "07:00", **email("prisliste", RESTAURANTS)),
    ),
    EditCase(
        "skjema hver mandag kl 9 til alle",
        "hopp over helligdager",
        weekly("monday", "09:00", holiday_policy="skip", **email("bestilling")),
    ),
    EditCase(
        "Send ukens tilbud til alle hver fredag kl 10",
        "bare til butikkene",
        weekly("friday", "10:00", **email("tilbud", SHOPS)),
    ),
    EditCase(
        "send skjema annenhver uke",
        "fredag kl 9",
        every(2, "friday", "09:00", **email("bestilling")),
    ),
    EditCase(
        "Send nyhetsbrev til alle kundene hver måned",
        "den 1. kl 10",
        monthly(1, "10:00", **email("nyhetsbrev")),
    ),
    EditCase(
        "Send prislista til hotellene kl 8",
        "hver mandag",
        weekly("monday", "08:00", **email("prisliste", HOTELS)),
    ),
    EditCase(
        "Skjema til bakeriene mandag kl 9",
        "kafeene da",
        weekly("monday", "09:00", **email("bestilling", CAFES)),
    ),
    EditCase(
        "Send skjema mandag kl 9",
        "kl 10",
        weekly("monday", "10:00", triggers=[at("monday", "10:00")], **email("bestilling")),
    ),
    EditCase("Lag noe lurt for kundene", "ja", QUESTION),
    EditCase(
        "Skjema mandag kl 9, påminnelse torsdag kl 15",
        "ja, ser bra ut",
        weekly(
            "monday",
            "09:00",
            triggers=[at("monday", "09:00"), at("thursday", "15:00")],
            **FORM_AND_REMINDER,
        ),
    ),
    EditCase(
        "Send skjema hver 10. uke på mandag kl 9",
        "hver uke",
        weekly("monday", "09:00", every_weeks=None, **email("bestilling")),
    ),
    EditCase(
        "Send purring til kafeene",
        "torsdag kl 14",
        weekly("thursday", "14:00", **email("reminder", CAFES)),
    ),
    EditCase(
        "send rapport hver fredag kl 15",
        "til sjef@grossisten.no",
        weekly("friday", "15:00", steps=["generate_report"], send_to=["sjef@grossisten.no"]),
    ),
    EditCase(
        "Send fakturaen til storkundene",
        "siste virkedag i mnd kl 12",
        business_day(-1, "12:00", **email("faktura", KEY_ACCOUNTS)),
    ),
    EditCase(
        "Når en ny kunde registrerer seg, send velkomstmail",
        "og send prislista 2 dager etter",
        event(
            "customer.created",
            steps=["send_email", "send_email"],
            triggers=[None, later(2 * 24 * 60)],
            templates=["welcome", "prisliste"],
            recipients=[EVENT_CUSTOMER, EVENT_CUSTOMER],
        ),
    ),
    EditCase(
        "Når noen bestiller, send bekreftelse",
        "gi også beskjed til lageret",
        event(
            "order.created",
            steps=["send_email", "notify_staff"],
            templates=["confirmation", None],
            staff_group="lager",
        ),
    ),
    EditCase(
        "skjema mandag kl 9 til restaurantene, purring torsdag kl 14",
        "legg til purring onsdag også, samme tid",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email", "send_email"],
            triggers=[at("monday", "09:00"), at("wednesday", "14:00"), at("thursday", "14:00")],
            templates=["bestilling", "reminder", "reminder"],
            recipients=[RESTAURANTS] * 3,
            conditions=[None, SINCE_START, SINCE_START],
        ),
    ),
    EditCase(
        "Send prisliste første mandag i måneden kl 8",
        "gjør det til første virkedag i stedet",
        business_day(1, "08:00", weekday=None, nth=None, **email("prisliste")),
    ),
    EditCase("Skjema mandag kl 9 til alle", "send den også til bakeriene", QUESTION),
    EditCase(
        "Skjema mandag kl 9, påminnelse torsdag kl 15, fast ordre fredag kl 10 for de som "
        "fortsatt mangler",
        "fjern den faste ordren",
        weekly(
            "monday",
            "09:00",
            triggers=[at("monday", "09:00"), at("thursday", "15:00")],
            **FORM_AND_REMINDER,
        ),
    ),
    EditCase(
        "Send ukens tilbud til kafeene hver mandag kl 7",
        "nei, bytt til prislista",
        weekly("monday", "07:00", **email("prisliste", CAFES)),
    ),
    EditCase(
        "Send skjema mandag kl 9 til hotellene",
        "bare partallsuker",
        weekly("monday", "09:00", iso_weeks="even", **email("bestilling", HOTELS)),
    ),
    EditCase(
        "Fredager kl 12 send prislista til restaurantene",
        "er det helligdag, send dagen før",
        weekly(
            "friday",
            "12:00",
            holiday_policy="previous_business_day",
            **email("prisliste", RESTAURANTS),
        ),
    ),
    # en
    EditCase(
        "Every Monday 9am order form to shops, Thursday 3pm reminder",
        "move the reminder to Wednesday at noon",
        weekly(
            "monday",
            "09:00",
            triggers=[at("monday", "09:00"), at("wednesday", "12:00")],
            recipients=[SHOPS, SHOPS],
            **FORM_AND_REMINDER,
        ),
    ),
    EditCase(
        "Order form to the cafes Mondays at 8",
        "add a report to boss@grossisten.no on Friday at 4pm listing who still hasn't ordered",
        weekly(
            "monday",
            "08:00",
            steps=["send_email", "generate_report"],
            triggers=[at("monday", "08:00"), at("friday", "16:00")],
            templates=["bestilling", None],
            recipients=[CAFES, None],
            report="orders_missing",
            send_to=["boss@grossisten.no"],
        ),
    ),
    EditCase(
        "Send the price list to the hotels every Monday at 8",
        "and to the canteens too",
        weekly(
            "monday",
            "08:00",
            steps=["send_email", "send_email"],
            templates=["prisliste", "prisliste"],
            recipients=[HOTELS, CANTEENS],
        ),
    ),
    EditCase(
        "Order form every Tuesday at 10",
        "skip public holidays",
        weekly("tuesday", "10:00", holiday_policy="skip", **email("bestilling")),
    ),
    EditCase(
        "Send the order form to restaurants every Monday at 9",
        "actually make it every other week",
        every(2, "monday", "09:00", **email("bestilling", RESTAURANTS)),
    ),
    EditCase(
        "Newsletter to all customers on the 1st of each month at 10",
        "change the time to 8",
        monthly(1, "08:00", **email("nyhetsbrev")),
    ),
    EditCase(
        "Order form Monday 9, reminder Thursday 3pm",
        "remove the reminder",
        weekly("monday", "09:00", **email("bestilling")),
    ),
    EditCase(
        "Send the newsletter to everyone monthly",
        "last Friday at 2pm",
        nth_weekday("friday", -1, "14:00", **email("nyhetsbrev")),
    ),
    EditCase(
        "every other week send the price list to restaurants",
        "tuesdays 10am",
        every(2, "tuesday", "10:00", **email("prisliste", RESTAURANTS)),
    ),
    EditCase(
        "Remind the cafes every Thursday at 2pm",
        "only the restaurants instead",
        weekly("thursday", "14:00", **email("reminder", RESTAURANTS)),
    ),
    EditCase(
        "Order form Monday 9am, reminder Thursday 3pm",
        "and on Friday at 10 place their usual order for those still missing",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email", "create_order"],
            triggers=[at("monday", "09:00"), at("thursday", "15:00"), at("friday", "10:00")],
            templates=["bestilling", "reminder", None],
            conditions=[None, SINCE_START, SINCE_START],
            mode="repeat_last",
        ),
    ),
    EditCase(
        "Send the weekly deals to the shops",
        "every Monday at 7",
        weekly("monday", "07:00", **email("tilbud", SHOPS)),
    ),
    EditCase("help me set something up", "yes", QUESTION),
    EditCase(
        "When a customer places an order, send a confirmation",
        "also tell the warehouse",
        event(
            "order.created",
            steps=["send_email", "notify_staff"],
            templates=["confirmation", None],
            staff_group="lager",
        ),
    ),
    # mixed
    EditCase(
        "Skjema mandag kl 9",
        "also a reminder thursday 3pm",
        weekly(
            "monday",
            "09:00",
            triggers=[at("monday", "09:00"), at("thursday", "15:00")],
            **FORM_AND_REMINDER,
        ),
    ),
]
