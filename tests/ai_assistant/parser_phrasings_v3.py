"""The own phrasing set, third part: the kinds of failure a held-out set found (issue 20).

Held-out set v5 (a seafood wholesaler) showed nine kinds of request the parser got wrong. Each
kind has its own phrasings here, written for another business, in other words, before the
parser was changed for that kind: so the parser is fixed for the kind, not for v5's cases.

1. ``groups``: English and dialect names of Norwegian customer groups ("the kindergartens",
   "båtane"), and a kind of customer the business has no group for (asked about).
2. ``multi_day``: a time after a day belongs to that day ("tue 2pm + wed 2pm", "Torsdag kl 13:").
3. ``chains``: reminder verbs in chains, several days in one phrase (one step per day).
4. ``usual_order``: "their usual order" in its many phrasings is ``create_order`` ``repeat_last``.
5. ``holidays``: holiday policies in many phrasings (policy only, never a step).
6. ``templates_by_meaning`` / ``new_template``: templates by meaning with the business's own
   template names (compounds, nb/en synonyms); content no template covers is a new template.
7. ``events``: a new order / customer asked as a question, in mixed language.
8. ``delays``: "en halvtime etterpå", "to timer seinere", "dei siste 4 dagane", "sia tirsdag".
9. ``must_ask``: a group that does not exist, contradictions, indecision.

The business: Vestland Bakst og Meieri, a bakery and dairy wholesaler in Bergen, whose customers
are grocers, kiosks, petrol stations, company canteens, kindergartens, hospitals, pubs, cafés,
care homes and ferries. Today is Wednesday 7 October 2026.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ai_assistant.context import ParseContext
from benchmarks.parser_accuracy import Case
from tests.ai_assistant.parser_phrasings import (
    ALL,
    EVENT_CUSTOMER,
    QUESTION,
    SINCE_START,
    event,
    missing,
    monthly,
    weekly,
)

TEMPLATES_V3: list[dict[str, Any]] = [
    {
        "id": 201,
        "name": "Ukens bestillingsliste",
        "category": "bestilling",
        "subject": "Bestill brød og meieri for neste uke",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 202,
        "name": "Purring",
        "category": "reminder",
        "subject": "Vi har ikke fått bestillingen din",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 203,
        "name": "Ordrebekreftelse",
        "category": "confirmation",
        "subject": "Takk, vi har fått ordren",
        "variables": ["kunde_navn", "ordre_nummer"],
    },
    {
        "id": 204,
        "name": "Ny kunde",
        "category": "onboarding",
        "subject": "Velkommen til Vestland Bakst og Meieri",
        "variables": ["kunde_navn"],
    },
    {
        "id": 205,
        "name": "Ferskt fra ovnen",
        "category": "tilbud",
        "subject": "Dagens bakst - ferskt i dag",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 206,
        "name": "Prisark",
        "category": "priser",
        "subject": "Nye priser fra neste måned",
        "variables": ["kunde_navn"],
    },
    {
        "id": 207,
        "name": "Julebaksten",
        "category": "sesong",
        "subject": "Julekakene er klare - forhåndsbestill nå",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 208,
        "name": "Leveringsvarsel",
        "category": "levering",
        "subject": "Bilen er på vei til deg",
        "variables": ["kunde_navn", "leveringstid"],
    },
    {
        "id": 209,
        "name": "Newsletter",
        "category": "newsletter",
        "subject": "Nytt fra bakeriet",
        "variables": ["kunde_navn"],
    },
]
GROUPS_V3: list[dict[str, str]] = [
    {"slug": "dagligvare", "name": "Dagligvarebutikker"},
    {"slug": "kiosker", "name": "Kiosker"},
    {"slug": "bensinstasjoner", "name": "Bensinstasjoner"},
    {"slug": "kantiner", "name": "Bedriftskantiner"},
    {"slug": "barnehager", "name": "Barnehager"},
    {"slug": "sykehus", "name": "Sykehus"},
    {"slug": "puber", "name": "Puber og barer"},
    {"slug": "kafeer", "name": "Kafeer"},
    {"slug": "pleiehjem", "name": "Pleiehjem"},
    {"slug": "ferjer", "name": "Ferjer og båter"},
]
STAFF_GROUPS_V3: list[str] = ["salg", "lager", "bakeri"]
TODAY_V3 = dt.date(2026, 10, 7)  # a Wednesday


def context_v3() -> ParseContext:
    return ParseContext(
        templates=[dict(t) for t in TEMPLATES_V3],  # type: ignore[misc]
        groups=[dict(g) for g in GROUPS_V3],  # type: ignore[misc]
        staff_groups=list(STAFF_GROUPS_V3),
        today=TODAY_V3,
        timezone="Europe/Oslo",
    )


def g(slug: str) -> dict[str, str]:
    return {"group": slug}


def at(day: str, time: str) -> dict[str, str]:
    return {"day": day, "time": time}


def later(minutes: int) -> dict[str, int]:
    return {"delay_minutes": minutes}


def one(template: str, to: dict[str, Any]) -> dict[str, Any]:
    return {"steps": ["send_email"], "templates": [template], "recipients": [to]}


PHRASINGS_V3: list[Case] = [
    # === 1. English and dialect names of the groups; a kind nobody has ======================
    # en
    Case(
        "every tuesday at 8 send the order form to the kindergartens",
        weekly("tuesday", "08:00", **one("bestilling", g("barnehager"))),
        category="groups",
    ),
    # en
    Case(
        "monday 6am the ordering list goes out to the hospitals",
        weekly("monday", "06:00", **one("bestilling", g("sykehus"))),
        category="groups",
    ),
    # en
    Case(
        "care homes should get the order form every wednesday at 11",
        weekly("wednesday", "11:00", **one("bestilling", g("pleiehjem"))),
        category="groups",
    ),
    # nb (dialect)
    Case(
        "send bestillingslista til båtane kvar onsdag kl 10",
        weekly("wednesday", "10:00", **one("bestilling", g("ferjer"))),
        category="groups",
    ),
    # en
    Case(
        "price sheet to the ferries every friday 7am",
        weekly("friday", "07:00", **one("priser", g("ferjer"))),
        category="groups",
    ),
    # mix
    Case(
        "hver torsdag kl 9 skjema til the grocery stores",
        weekly("thursday", "09:00", **one("bestilling", g("dagligvare"))),
        category="groups",
    ),
    # en
    Case("send the order form to the butchers every monday at 9", QUESTION, category="must_ask"),
    # nb
    Case("skjema til blomsterbutikkene hver fredag kl 8", QUESTION, category="must_ask"),
    # === 2. A time after a day belongs to that day ==========================================
    # en
    Case(
        "order form mon 8am, reminders tue 2pm + wed 2pm",
        weekly(
            "monday",
            "08:00",
            steps=["send_email", "send_email", "send_email"],
            triggers=[at("monday", "08:00"), at("tuesday", "14:00"), at("wednesday", "14:00")],
            templates=["bestilling", "reminder", "reminder"],
            conditions=[None, SINCE_START, SINCE_START],
        ),
        category="multi_day",
    ),
    # nb
    Case(
        "bestillingsliste onsdag 10 til kioskene, purring fredag 12 og lørdag 11",
        weekly(
            "wednesday",
            "10:00",
            steps=["send_email", "send_email", "send_email"],
            triggers=[at("wednesday", "10:00"), at("friday", "12:00"), at("saturday", "11:00")],
            templates=["bestilling", "reminder", "reminder"],
            recipients=[g("kiosker"), g("kiosker"), g("kiosker")],
        ),
        category="multi_day",
    ),
    # nb
    Case(
        "Bestillingsliste til kafeene tirsdag kl 8. Torsdag kl 13: minn de som ikke har bestilt.",
        weekly(
            "tuesday",
            "08:00",
            steps=["send_email", "send_email"],
            triggers=[at("tuesday", "08:00"), at("thursday", "13:00")],
            templates=["bestilling", "reminder"],
            recipients=[g("kafeer"), g("kafeer")],
            conditions=[None, SINCE_START],
        ),
        category="multi_day",
    ),
    # en
    Case(
        "Tuesday 7am: order list to the pubs. Thursday 5pm: nudge whoever hasn't ordered yet.",
        weekly(
            "tuesday",
            "07:00",
            steps=["send_email", "send_email"],
            triggers=[at("tuesday", "07:00"), at("thursday", "17:00")],
            templates=["bestilling", "reminder"],
            recipients=[g("puber"), g("puber")],
            conditions=[None, SINCE_START],
        ),
        category="multi_day",
    ),
    # en
    Case(
        "thu 11am order list to the pubs, fri 11am + sat 10am nudge those who havent ordered",
        weekly(
            "thursday",
            "11:00",
            steps=["send_email", "send_email", "send_email"],
            triggers=[at("thursday", "11:00"), at("friday", "11:00"), at("saturday", "10:00")],
            templates=["bestilling", "reminder", "reminder"],
            recipients=[g("puber"), g("puber"), g("puber")],
            conditions=[None, SINCE_START, SINCE_START],
        ),
        category="multi_day",
    ),
    # nb (a time's full stop ends the sentence)
    Case(
        "skjema til kioskene onsdag kl 8. purring fredag kl 8 og lørdag kl 9 til de som ikke har "
        "bestilt",
        weekly(
            "wednesday",
            "08:00",
            steps=["send_email", "send_email", "send_email"],
            triggers=[at("wednesday", "08:00"), at("friday", "08:00"), at("saturday", "09:00")],
            templates=["bestilling", "reminder", "reminder"],
            recipients=[g("kiosker"), g("kiosker"), g("kiosker")],
            conditions=[None, SINCE_START, SINCE_START],
        ),
        category="multi_day",
    ),
    # === 3. Reminder verbs in chains ========================================================
    # en
    Case(
        "Friday 9am order list to the cafés; Sunday 6pm and Monday 6pm nudge the ones that "
        "still haven't ordered",
        weekly(
            "friday",
            "09:00",
            steps=["send_email", "send_email", "send_email"],
            triggers=[at("friday", "09:00"), at("sunday", "18:00"), at("monday", "18:00")],
            templates=["bestilling", "reminder", "reminder"],
            recipients=[g("kafeer"), g("kafeer"), g("kafeer")],
            conditions=[None, SINCE_START, SINCE_START],
        ),
        category="chains",
    ),
    # nb
    Case(
        "skjema mandag kl 7 til kioskene, så purring onsdag og torsdag kl 11",
        weekly(
            "monday",
            "07:00",
            steps=["send_email", "send_email", "send_email"],
            triggers=[at("monday", "07:00"), at("wednesday", "11:00"), at("thursday", "11:00")],
            templates=["bestilling", "reminder", "reminder"],
            conditions=[None, SINCE_START, SINCE_START],
        ),
        category="chains",
    ),
    # mix
    Case(
        "order form to the canteens tuesday 10am, og torsdag kl 10 en påminnelse",
        weekly(
            "tuesday",
            "10:00",
            steps=["send_email", "send_email"],
            triggers=[at("tuesday", "10:00"), at("thursday", "10:00")],
            templates=["bestilling", "reminder"],
            recipients=[g("kantiner"), g("kantiner")],
            conditions=[None, SINCE_START],
        ),
        category="chains",
    ),
    # === 4. Their usual order ===============================================================
    # nb
    Case(
        "Send bestillingslista mandag kl 8, og onsdag kl 12 legger vi inn det faste for dem "
        "som ikke har bestilt",
        weekly(
            "monday",
            "08:00",
            steps=["send_email", "create_order"],
            triggers=[at("monday", "08:00"), at("wednesday", "12:00")],
            templates=["bestilling", None],
            conditions=[None, SINCE_START],
            mode="repeat_last",
        ),
        category="usual_order",
    ),
    # en
    Case(
        "order form monday 9am to the cafés, thursday noon place their normal order for those "
        "who haven't ordered",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "create_order"],
            triggers=[at("monday", "09:00"), at("thursday", "12:00")],
            templates=["bestilling", None],
            recipients=[g("kafeer"), g("kafeer")],
            conditions=[None, SINCE_START],
            mode="repeat_last",
        ),
        category="usual_order",
    ),
    # nb
    Case(
        "tirsdag kl 9 skjema til kioskene. fredag kl 9 bestill det samme som sist for de som "
        "fortsatt mangler",
        weekly(
            "tuesday",
            "09:00",
            steps=["send_email", "create_order"],
            triggers=[at("tuesday", "09:00"), at("friday", "09:00")],
            templates=["bestilling", None],
            recipients=[g("kiosker"), g("kiosker")],
            conditions=[None, SINCE_START],
            mode="repeat_last",
        ),
        category="usual_order",
    ),
    # nb
    Case(
        "skjema onsdag kl 8 til puber, og lørdag kl 10 legg inn det dei pleier å ta for dem som "
        "enda ikkje har bestilt",
        weekly(
            "wednesday",
            "08:00",
            steps=["send_email", "create_order"],
            triggers=[at("wednesday", "08:00"), at("saturday", "10:00")],
            templates=["bestilling", None],
            recipients=[g("puber"), g("puber")],
            conditions=[None, SINCE_START],
            mode="repeat_last",
        ),
        category="usual_order",
    ),
    # === 5. Holiday policies ================================================================
    # nb
    Case(
        "hver fredag kl 9 prisarket til kafeene; hvis fredagen er en helligdag, send dagen før",
        weekly(
            "friday", "09:00", holiday_policy="previous_business_day", **one("priser", g("kafeer"))
        ),
        category="holidays",
    ),
    # en
    Case(
        "every monday 7am order form to all, and if monday happens to be a public holiday send "
        "it on the next working day",
        weekly("monday", "07:00", holiday_policy="next_business_day", **one("bestilling", ALL)),
        category="holidays",
    ),
    # nb
    Case(
        "den 1. hver måned kl 8 nyhetsbrev til alle - er det rød dag, flytt det til neste virkedag",
        monthly(1, "08:00", holiday_policy="next_business_day", **one("newsletter", ALL)),
        category="holidays",
    ),
    # en
    Case(
        "every wednesday 10am price sheet to the pubs, but leave out bank holidays",
        weekly("wednesday", "10:00", holiday_policy="skip", **one("priser", g("puber"))),
        category="holidays",
    ),
    # en
    Case(
        "tuesdays 6am order list to the kiosks. Should tuesday be a holiday, send it the "
        "business day before",
        weekly(
            "tuesday",
            "06:00",
            holiday_policy="previous_business_day",
            **one("bestilling", g("kiosker")),
        ),
        category="holidays",
    ),
    # nb
    Case(
        "den 10. hver måned kl 9 nyhetsbrev til alle, er den 10. en helligdag så send dagen etter",
        monthly(10, "09:00", holiday_policy="next_business_day", **one("newsletter", ALL)),
        category="holidays",
    ),
    # === 6. Templates by meaning; content no template covers ================================
    # en
    Case(
        "every thursday 10am the christmas baking campaign to the cafés",
        weekly("thursday", "10:00", **one("sesong", g("kafeer"))),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "hver onsdag kl 15 send beskjed om at bilen er på vei til barnehagene",
        weekly("wednesday", "15:00", **one("levering", g("barnehager"))),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "every weekday at 6 send today's fresh bakes to the petrol stations",
        {
            "type": "scheduled",
            "schedule": "daily",
            "time": "06:00",
            "weekdays_only": True,
            **one("tilbud", g("bensinstasjoner")),
        },
        category="templates_by_meaning",
    ),
    # mix
    Case(
        "send the delivery notice til sykehusene hver mandag kl 5",
        weekly("monday", "05:00", **one("levering", g("sykehus"))),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "send the weekly recipe tips to the cafés every friday 8am",
        weekly("friday", "08:00", **one("new", g("kafeer"))),
        category="new_template",
    ),
    # nb
    Case(
        "hver mandag kl 7 send ukens åpningstider for bakeriutsalget til alle",
        weekly("monday", "07:00", **one("new", ALL)),
        category="new_template",
    ),
    # en
    Case(
        "on the 25th of every month at 9 send an invoice reminder to all customers",
        monthly(25, "09:00", **one("new", ALL)),
        category="new_template",
    ),
    # nb (dialect)
    Case(
        "send ordrelista til sykehusa kvar måndag kl 6",
        weekly("monday", "06:00", **one("bestilling", g("sykehus"))),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "send julekampanjen til kafeene hver torsdag kl 10",
        weekly("thursday", "10:00", **one("sesong", g("kafeer"))),
        category="templates_by_meaning",
    ),
    # nb (a compound of content and a word for email)
    Case(
        "send julebakstmailen til kafeene hver torsdag kl 10",
        weekly("thursday", "10:00", **one("sesong", g("kafeer"))),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "hver fredag kl 12 send ukas kakeoppskrift til kafeene",
        weekly("friday", "12:00", **one("new", g("kafeer"))),
        category="new_template",
    ),
    # === 7. Events asked as questions, mixed language =======================================
    # mix
    Case(
        "ny bestilling inn? send confirmation til kunden",
        event(
            "order.created",
            steps=["send_email"],
            templates=["confirmation"],
            recipients=[EVENT_CUSTOMER],
        ),
        category="events",
    ),
    # mix
    Case(
        "new customer registrert? send them the welcome email",
        event(
            "customer.created",
            steps=["send_email"],
            templates=["onboarding"],
            recipients=[EVENT_CUSTOMER],
        ),
        category="events",
    ),
    # en
    Case(
        "got a new order? email the customer a confirmation",
        event(
            "order.created",
            steps=["send_email"],
            templates=["confirmation"],
            recipients=[EVENT_CUSTOMER],
        ),
        category="events",
    ),
    # en
    Case(
        "new order in? email the customer a confirmation",
        event(
            "order.created",
            steps=["send_email"],
            templates=["confirmation"],
            recipients=[EVENT_CUSTOMER],
        ),
        category="events",
    ),
    # en
    Case(
        "customer just signed up? send the welcome email right away",
        event(
            "customer.created",
            steps=["send_email"],
            templates=["onboarding"],
            recipients=[EVENT_CUSTOMER],
        ),
        category="events",
    ),
    # === 8. Delays and windows ==============================================================
    # nb
    Case(
        "Tirsdag kl 8 bestillingsliste til kioskene, og en halvtime etterpå prisarket",
        weekly(
            "tuesday",
            "08:00",
            steps=["send_email", "send_email"],
            triggers=[at("tuesday", "08:00"), later(30)],
            templates=["bestilling", "priser"],
        ),
        category="delays",
    ),
    # nb (dialect)
    Case(
        "mandag kl 9 skjema til puban, to timer seinere prisarket",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email"],
            triggers=[at("monday", "09:00"), later(120)],
            templates=["bestilling", "priser"],
        ),
        category="delays",
    ),
    # nb (dialect)
    Case(
        "kvar fredag kl 14 purring te dei som ikkje har bestilt dei siste 4 dagane",
        weekly(
            "friday",
            "14:00",
            steps=["send_email"],
            templates=["reminder"],
            conditions=[missing(days_back=4)],
        ),
        category="delays",
    ),
    # mix
    Case(
        "torsdag kl 13 påminnelse til alle som ikkje har bestilt sia tirsdag",
        weekly(
            "thursday",
            "13:00",
            steps=["send_email"],
            templates=["reminder"],
            recipients=[ALL],
            conditions=[missing(since="last_tuesday")],
        ),
        category="delays",
    ),
    # en
    Case(
        "friday 1pm remind everyone who hasn't ordered since tuesday",
        weekly(
            "friday",
            "13:00",
            steps=["send_email"],
            templates=["reminder"],
            recipients=[ALL],
            conditions=[missing(since="last_tuesday")],
        ),
        category="delays",
    ),
    # mix (dialect)
    Case(
        "tirsdag kl 8 skjema til puber, ein halvtime seinare prisarket",
        weekly(
            "tuesday",
            "08:00",
            steps=["send_email", "send_email"],
            triggers=[at("tuesday", "08:00"), later(30)],
            templates=["bestilling", "priser"],
            recipients=[g("puber"), g("puber")],
        ),
        category="delays",
    ),
    # nb
    Case(
        "mandag kl 9 skjema til alle, tre kvarter senere prisarket",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email"],
            triggers=[at("monday", "09:00"), later(45)],
            templates=["bestilling", "priser"],
        ),
        category="delays",
    ),
    # nb (Nynorsk, dialect)
    Case(
        "kvar torsdag kl 10 påminning te alle som ikkje har handla dei siste 5 dagan",
        weekly(
            "thursday",
            "10:00",
            steps=["send_email"],
            templates=["reminder"],
            recipients=[ALL],
            conditions=[missing(days_back=5)],
        ),
        category="delays",
    ),
    # === 9. Must ask back; a correction is not indecision ==================================
    # en
    Case(
        "every tuesday 8am order list to the kiosks and the pubs... no sorry, just the pubs",
        weekly("tuesday", "08:00", **one("bestilling", g("puber"))),
        category="corrections",
    ),
    # nb
    Case(
        "send prisarket til sykehusene, nei unnskyld, barnehagene, hver fredag kl 7",
        weekly("friday", "07:00", **one("priser", g("barnehager"))),
        category="corrections",
    ),
    # nb
    Case(
        "skjema til kafeene mandag kl 9, nei vent, tirsdag kl 9",
        weekly("tuesday", "09:00", **one("bestilling", g("kafeer"))),
        category="corrections",
    ),
    # nb
    Case("hver onsdag kl 16 om morgenen send prisarket", QUESTION, category="must_ask"),
    # en
    Case(
        "every weekday at 9 send the price sheet, but only on weekends",
        QUESTION,
        category="must_ask",
    ),
    # mix
    Case(
        "skjema til alle fredag kl 8, nei forresten torsdag. eller var det fredag?",
        QUESTION,
        category="must_ask",
    ),
    # en
    Case(
        "price sheet every tuesday 10am... actually wednesday. hmm, or tuesday?",
        QUESTION,
        category="must_ask",
    ),
]
