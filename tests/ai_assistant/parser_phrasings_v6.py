"""The own phrasing set, sixth part: the kinds of failure held-out v12 found (h-kinds8).

Held-out v12 (a flower wholesaler in Ålesund) showed kinds of request the parser got wrong:
Danish words ("kunderne", "bestillingsformularen", "påmindelse", "de sidste 14 dage", "skal
... have"), groups named by meaning in another language or dialect ("kyrkjene", "landscapers",
"blomsterhandlerne", "event agencies"), a correction inside one message ("mandag, nei
tirsdag"), abbreviated day lists ("man ons fre") and "o'clock", bulleted English chains and
"Please to send", a standing order said in other words ("standardordren", "det same som
sist"), "no orders in 3 weeks", odd and even ISO weeks in Nynorsk ("oddetalsveker"), a holiday
policy that names a season ("også i jula"), a webhook named with its suffix
("reklamasjon-webhooken"), a care-tips template by meaning ("stelltips", "care
instructions"), new templates whose subject only shares a loose word with a seasonal one,
contradictions and destructive requests to ask about, and conversations (a one-word group
answer, an edit adding a reminder and a repeat of the last order).

Each kind has phrasings here in other words, for another business: Sørlandet Byggvare AS, a
building-supplies and hardware wholesaler in Kristiansand whose customers are hardware shops,
plumbers, electricians, carpenters, roofers, municipalities and parishes; its webhook
``garantisak`` (a customer's warranty claim; names that customer). None copies a v12 case.
Written after reading v12's misses and before the parser was changed for them: 18/51 and 2/6
conversations right before any fix. Added after the fixes: the two ``small_talk`` cases, and
(found while checking them) two more Danish requests, "the councils", "jernvarehandlarane", a
list of days corrected to one, an invitation to "julebordet" and two conversations answering
"de viktigste kundene" / "our VIP customers".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ai_assistant.context import ParseContext
from benchmarks.parser_accuracy import Case
from tests.ai_assistant.parser_phrasings import (
    EVENT_CUSTOMER,
    QUESTION,
    SINCE_START,
    event,
    weekly,
)
from tests.ai_assistant.parser_phrasings_v2 import EditCase

TEMPLATES_V12K: list[dict[str, Any]] = [
    {
        "id": 1301,
        "name": "Ukesbestilling byggevarer",
        "category": "bestilling",
        "subject": "Bestill byggevarer til neste uke",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 1302,
        "name": "Har du glemt bestillingen?",
        "category": "reminder",
        "subject": "Vi har ikke fått bestillingen din ennå",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 1303,
        "name": "Ordrebekreftelse",
        "category": "confirmation",
        "subject": "Takk, vi plukker varene dine",
        "variables": ["kunde_navn", "ordre_nummer"],
    },
    {
        "id": 1304,
        "name": "Trelastpriser",
        "category": "prisliste",
        "subject": "Ukens priser på trelast, rør og kabel",
        "variables": ["kunde_navn", "prisliste_link"],
    },
    {
        "id": 1305,
        "name": "Byggeposten",
        "category": "newsletter",
        "subject": "Månedsbrev fra Sørlandet Byggvare",
        "variables": ["kunde_navn"],
    },
    {
        "id": 1306,
        "name": "Ukens røverkjøp",
        "category": "tilbud",
        "subject": "Røverkjøp så langt lageret rekker",
        "variables": ["kunde_navn", "tilbud_liste"],
    },
    {
        "id": 1307,
        "name": "Vintersortiment: jul og påske",
        "category": "sesong",
        "subject": "Forhåndsbestill strøsand, snøskuffer og julebelysning",
        "variables": ["kunde_navn", "sesong"],
    },
    {
        "id": 1308,
        "name": "Betalingspåminnelse",
        "category": "faktura",
        "subject": "Ubetalt faktura",
        "variables": ["kunde_navn", "faktura_nummer"],
    },
    {
        "id": 1309,
        "name": "Vedlikehold av treverk",
        "category": "pleierad",
        "subject": "Slik tar du vare på terrassen og kledningen",
        "variables": ["kunde_navn"],
    },
]
GROUPS_V12K: list[dict[str, Any]] = [
    {"slug": "jernvare", "name": "Jernvarebutikker", "size": 41},
    {"slug": "rorleggere", "name": "Rørleggere", "size": 36},
    {"slug": "elektrikere", "name": "Elektrikere", "size": 29},
    {"slug": "snekkere", "name": "Snekkere og tømrere", "size": 58},
    {"slug": "taktekkere", "name": "Taktekkere", "size": 14},
    {"slug": "kommuner", "name": "Kommuner", "size": 11},
    {"slug": "menigheter", "name": "Menigheter og kirkegårder", "size": 17},
]
STAFF_GROUPS_V12K: list[str] = ["lager", "salg", "kundeservice"]
TODAY_V12K = dt.date(2029, 1, 10)  # a Wednesday, ISO week 2 (even)


def context_v12k() -> ParseContext:
    return ParseContext(
        templates=[dict(t) for t in TEMPLATES_V12K],  # type: ignore[misc]
        groups=[dict(g) for g in GROUPS_V12K],  # type: ignore[misc]
        staff_groups=list(STAFF_GROUPS_V12K),
        today=TODAY_V12K,
        timezone="Europe/Oslo",
    )


ALL: dict[str, Any] = {"group": "all"}


def g(slug: str) -> dict[str, str]:
    return {"group": slug}


def at(day: str, time: str) -> dict[str, str]:
    return {"day": day, "time": time}


def one(template: str | None, to: dict[str, Any]) -> dict[str, Any]:
    return {"steps": ["send_email"], "templates": [template], "recipients": [to]}


def _weekly1(day: str, time: str, template: str, to: dict[str, Any], **more: Any) -> dict[str, Any]:
    return weekly(day, time, **one(template, to), triggers=[at(day, time)], **more)


def _days(days: list[str], time: str, template: str, to: dict[str, Any]) -> dict[str, Any]:
    return weekly(days, time, **one(template, to))


def _chain(
    first: tuple[str, str], *rest: tuple[str, str, str], to: dict[str, Any] = ALL
) -> dict[str, Any]:
    """The form on ``first`` (day, time), then each of ``rest`` (day, time, "reminder" /
    "order") to those who have not ordered since the run started."""
    steps = ["send_email"] + ["create_order" if r[2] == "order" else "send_email" for r in rest]
    templates: list[str | None] = ["bestilling"] + [None if r[2] == "order" else r[2] for r in rest]
    facts: dict[str, Any] = {
        "steps": steps,
        "templates": templates,
        "recipients": [to] * len(steps),
        "conditions": [None] + [SINCE_START] * len(rest),
        "triggers": [at(*first)] + [at(r[0], r[1]) for r in rest],
    }
    if any(r[2] == "order" for r in rest):
        facts["mode"] = "repeat_last"
    return weekly(first[0], first[1], **facts)


def _claim(**facts: Any) -> dict[str, Any]:
    return event("webhook", event_name="garantisak", **facts)


KINDS_V12: list[Case] = [
    # === 1. Danish ============================================================================
    Case(
        "Hver tirsdag klokken 8 skal kunderne have bestillingsformularen",
        _weekly1("tuesday", "08:00", "bestilling", ALL),
        category="danish",
    ),
    Case(
        "Send prislisten til rørlæggerne hver fredag klokken 7",
        _weekly1("friday", "07:00", "prisliste", g("rorleggere")),
        category="danish",
    ),
    Case(
        "Bestillingsformularen onsdag klokken 8, påmindelse fredag klokken 12 til dem der ikke "
        "har bestilt",
        _chain(("wednesday", "08:00"), ("friday", "12:00", "reminder")),
        category="danish",
    ),
    Case(
        "Send tilbud hver torsdag klokken 9 til de kunder der har bestilt de sidste 30 dage",
        _weekly1(
            "thursday",
            "09:00",
            "tilbud",
            ALL,
            conditions=[{"check": "has_ordered", "days_back": 30}],
        ),
        category="danish",
    ),
    Case(
        "Send en påmindelse til kunderne der ikke har bestilt de sidste 10 dage, hver mandag "
        "klokken 11",
        _weekly1(
            "monday",
            "11:00",
            "reminder",
            ALL,
            conditions=[{"check": "orders_missing", "days_back": 10}],
        ),
        category="danish",
    ),
    Case(
        "Hver anden uge om mandagen klokken 7 skal elektrikerne have prislisten",
        weekly("monday", "07:00", every_weeks=2, **one("prisliste", g("elektrikere"))),
        category="danish",
    ),
    # Found while checking the fixes: more Danish words.
    Case(
        "Når en kunde bestiller, send en ordrebekræftelse med det samme og prislisten 2 dage efter",
        event(
            "order.created",
            steps=["send_email", "send_email"],
            templates=["confirmation", "prisliste"],
            recipients=[EVENT_CUSTOMER, EVENT_CUSTOMER],
            triggers=[None, {"delay_minutes": 2880}],
        ),
        category="danish",
    ),
    Case(
        "Hver hverdag klokken 7 skal elektrikerne have tilbuddene, men ikke på helligdage",
        {
            "type": "scheduled",
            "schedule": "daily",
            "time": "07:00",
            "weekdays_only": True,
            "holiday_policy": "skip",
            **one("tilbud", g("elektrikere")),
        },
        category="danish",
    ),
    # === 2. Groups by meaning, in another language or dialect =================================
    Case(
        "Every Tuesday at 7 send the price list to the plumbers",
        _weekly1("tuesday", "07:00", "prisliste", g("rorleggere")),
        category="groups",
    ),
    Case(
        "Ukesbestilling kvar måndag kl 8 til røyrleggjarane",
        _weekly1("monday", "08:00", "bestilling", g("rorleggere")),
        category="groups",
    ),
    Case(
        "send tilbodet til snikkarane kvar fredag kl 10",
        _weekly1("friday", "10:00", "tilbud", g("snekkere")),
        category="groups",
    ),
    Case(
        "Email the weekly deals to the roofers every Wednesday at 9",
        _weekly1("wednesday", "09:00", "tilbud", g("taktekkere")),
        category="groups",
    ),
    Case(
        "Prislista til elektrikarane kvar torsdag kl 7",
        _weekly1("thursday", "07:00", "prisliste", g("elektrikere")),
        category="groups",
    ),
    Case(
        "Send the order form to the hardware stores every Monday at 6",
        _weekly1("monday", "06:00", "bestilling", g("jernvare")),
        category="groups",
    ),
    Case(
        "bestillingsskjema til kyrkjelydane kvar tysdag kl 9",
        _weekly1("tuesday", "09:00", "bestilling", g("menigheter")),
        category="groups",
    ),
    Case(
        "Send the price list to the churches every Friday at 8",
        _weekly1("friday", "08:00", "prisliste", g("menigheter")),
        category="groups",
    ),
    Case(
        "Prisliste til jernvarehandlerne hver onsdag kl 8",
        _weekly1("wednesday", "08:00", "prisliste", g("jernvare")),
        category="groups",
    ),
    Case(
        "Tilbud til kommunane kvar måndag kl 10",
        _weekly1("monday", "10:00", "tilbud", g("kommuner")),
        category="groups",
    ),
    Case(
        "Send the deals to the carpenters every Thursday at 9",
        _weekly1("thursday", "09:00", "tilbud", g("snekkere")),
        category="groups",
    ),
    # Found while checking the fixes.
    Case(
        "Send the newsletter to the councils every Monday at 9",
        _weekly1("monday", "09:00", "newsletter", g("kommuner")),
        category="groups",
    ),
    # === 3. A correction inside one message ===================================================
    Case(
        "Send prislista til taktekkerne hver tirsdag, nei onsdag, kl 7",
        _weekly1("wednesday", "07:00", "prisliste", g("taktekkere")),
        category="corrections",
    ),
    Case(
        "Bestillingsskjema fredag kl 8, nei torsdag kl 8, og påminnelse fredag kl 13 til de som "
        "ikke har bestilt",
        _chain(("thursday", "08:00"), ("friday", "13:00", "reminder")),
        category="corrections",
    ),
    Case(
        "Order form every Wednesday at 10, no, Thursday at 10, to the electricians",
        _weekly1("thursday", "10:00", "bestilling", g("elektrikere")),
        category="corrections",
    ),
    Case(
        "Tilbud til snekkerne hver mandag kl 9, nei, fredag kl 9",
        _weekly1("friday", "09:00", "tilbud", g("snekkere")),
        category="corrections",
    ),
    # Found while checking the fixes: a list of days corrected to one.
    Case(
        "Tilbud til snekkerne hver mandag og torsdag, nei bare torsdag, kl 9",
        _weekly1("thursday", "09:00", "tilbud", g("snekkere")),
        category="corrections",
    ),
    Case(
        "Send tilbud til jernvarehandlarane kvar tysdag kl 9",
        _weekly1("tuesday", "09:00", "tilbud", g("jernvare")),
        category="groups",
    ),
    # === 4. Several days in short, "o'clock" ==================================================
    Case(
        "send prisliste til rørleggerne tir tor kl 7",
        _days(["tuesday", "thursday"], "07:00", "prisliste", g("rorleggere")),
        category="day_lists",
    ),
    Case(
        "Send the deals to the plumbers Tuesday and Friday 9 o'clock",
        _days(["tuesday", "friday"], "09:00", "tilbud", g("rorleggere")),
        category="day_lists",
    ),
    Case(
        "bestillingsskjema man ons fre kl 6 til jernvarebutikkene",
        _days(["monday", "wednesday", "friday"], "06:00", "bestilling", g("jernvare")),
        category="day_lists",
    ),
    Case(
        "Every Tuesday at 10 o'clock send the newsletter to everyone",
        _weekly1("tuesday", "10:00", "newsletter", ALL),
        category="day_lists",
    ),
    # === 5. Bullets and learner's English =====================================================
    Case(
        "- Monday 07:00: order sheet to the plumbers\n"
        "- Tuesday 13:00: reminder to those who have not ordered\n"
        "- Wednesday 08:00: put in their standard order if still nothing came",
        _chain(
            ("monday", "07:00"),
            ("tuesday", "13:00", "reminder"),
            ("wednesday", "08:00", "order"),
            to=g("rorleggere"),
        ),
        category="bullets",
    ),
    Case(
        "Please to send price list to the electricians every Friday 8:00, thanks",
        _weekly1("friday", "08:00", "prisliste", g("elektrikere")),
        category="bullets",
    ),
    Case(
        "Kindly send the order sheet to the roofers on Wednesdays at 7",
        _weekly1("wednesday", "07:00", "bestilling", g("taktekkere")),
        category="bullets",
    ),
    # === 6. A standing order in other words ===================================================
    Case(
        "Ukesbestilling tirsdag kl 7 til elektrikerne, påminnelse onsdag kl 12 til de som ikke "
        "har bestilt, og torsdag kl 8 legger vi inn standardbestillingen for de som fortsatt "
        "ikke har bestilt",
        _chain(
            ("tuesday", "07:00"),
            ("wednesday", "12:00", "reminder"),
            ("thursday", "08:00", "order"),
            to=g("elektrikere"),
        ),
        category="repeat_last",
    ),
    Case(
        "skjema tir 7:00, reminder ons 12:00, og tor 9:00 standard bestilling for de som mangler",
        _chain(
            ("tuesday", "07:00"), ("wednesday", "12:00", "reminder"), ("thursday", "09:00", "order")
        ),
        category="repeat_last",
    ),
    Case(
        "bestillingsskjema kvar måndag kl 8 til snikkarane, og fredag kl 9 bestiller me det "
        "same som sist for dei som ikkje har bestilt",
        _chain(("monday", "08:00"), ("friday", "09:00", "order"), to=g("snekkere")),
        category="repeat_last",
    ),
    Case(
        "Ukeordre til taktekkerne hver mandag kl 7, påminnelse tirsdag kl 12 til de som ikke "
        "har bestilt",
        _chain(("monday", "07:00"), ("tuesday", "12:00", "reminder"), to=g("taktekkere")),
        category="repeat_last",
    ),
    # === 7. Conditions in weeks ==============================================================
    Case(
        "Every Friday at 10 send the reminder to plumbers with no orders in 2 weeks",
        _weekly1(
            "friday",
            "10:00",
            "reminder",
            g("rorleggere"),
            conditions=[{"check": "orders_missing", "days_back": 14}],
        ),
        category="conditions",
    ),
    Case(
        "Send reminder every Tuesday at 9 to customers with no orders in 5 weeks",
        _weekly1(
            "tuesday",
            "09:00",
            "reminder",
            ALL,
            conditions=[{"check": "orders_missing", "days_back": 35}],
        ),
        category="conditions",
    ),
    # === 8. Odd and even ISO weeks (nb / nn) ==================================================
    Case(
        "I partalsveker, fredag kl 7, send prislista til røyrleggjarane",
        weekly("friday", "07:00", iso_weeks="even", **one("prisliste", g("rorleggere"))),
        category="iso_weeks",
    ),
    Case(
        "Oddetallsuker tirsdag kl 8: bestillingsskjema til elektrikerne",
        weekly("tuesday", "08:00", iso_weeks="odd", **one("bestilling", g("elektrikere"))),
        category="iso_weeks",
    ),
    Case(
        "kvar onsdag kl 9 i oddetalsvekene, tilbod til snikkarane",
        weekly("wednesday", "09:00", iso_weeks="odd", **one("tilbud", g("snekkere"))),
        category="iso_weeks",
    ),
    # === 9. A holiday policy that names a season ==============================================
    Case(
        "Hver tirsdag kl 7 prisliste til alle, også i påsken og på helligdager",
        weekly("tuesday", "07:00", holiday_policy="run", **one("prisliste", ALL)),
        category="holiday_policy",
    ),
    Case(
        "Send bestillingsskjema hver fredag kl 8, også i romjula og på røde dager",
        weekly("friday", "08:00", holiday_policy="run", **one("bestilling", ALL)),
        category="holiday_policy",
    ),
    # === 10. A webhook named with its suffix, delays inside it ===============================
    Case(
        "Når garantisak-webhooken slår inn, gi beskjed til salg",
        _claim(staff_group="salg"),
        category="webhooks",
    ),
    Case(
        "Kommer det en garantisak (webhook garantisak), send kunden vedlikeholdsråd med en gang",
        _claim(
            steps=["send_email"],
            templates=["pleierad"],
            recipients=[EVENT_CUSTOMER],
            triggers=[None],
        ),
        category="webhooks",
    ),
    Case(
        "Når garantisak-webhooken kommer inn: send kunden pleietips etter 3 timer",
        _claim(
            steps=["send_email"],
            templates=["pleierad"],
            recipients=[EVENT_CUSTOMER],
            triggers=[{"delay_minutes": 180}],
        ),
        category="webhooks",
    ),
    # === 11. Templates by meaning; a subject no template covers is a new one ==================
    Case(
        "Hver onsdag kl 9 send vedlikeholdstips til snekkerne",
        _weekly1("wednesday", "09:00", "pleierad", g("snekkere")),
        category="templates",
    ),
    Case(
        "Every Monday at 8 send the maintenance tips to the roofers",
        _weekly1("monday", "08:00", "pleierad", g("taktekkere")),
        category="templates",
    ),
    Case(
        "Når en kunde bestiller, send bekreftelse med en gang og stelleråd for treverket 2 "
        "dager etter",
        event(
            "order.created",
            steps=["send_email", "send_email"],
            templates=["confirmation", "pleierad"],
            recipients=[EVENT_CUSTOMER, EVENT_CUSTOMER],
            triggers=[None, {"delay_minutes": 2880}],
        ),
        category="templates",
    ),
    Case(
        "Hver fredag kl 12 send åpningstidene våre i påsken til alle kunder",
        _weekly1("friday", "12:00", "new", ALL),
        category="new_templates",
    ),
    Case(
        "Den 1. hver måned kl 8 send invitasjon til sommerfesten vår til rørleggerne",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "time": "08:00",
            "day_of_month": 1,
            **one("new", g("rorleggere")),
        },
        category="new_templates",
    ),
    # Found while checking the fixes: an invitation to a party named after a season.
    Case(
        "Send invitasjon til julebordet vårt til alle kunder den 1. hver måned kl 9",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "time": "09:00",
            "day_of_month": 1,
            **one("new", ALL),
        },
        category="new_templates",
    ),
    # === 12. Small talk before the request ("Uansett", "Anyway"); written after the fixes ====
    Case(
        "Travel uke, lageret er fullt av gipsplater og takrenner. Uansett: kan dere sende "
        "prislista til rørleggerne hver mandag kl 7?",
        _weekly1("monday", "07:00", "prisliste", g("rorleggere")),
        category="small_talk",
    ),
    Case(
        "Crazy week here, the trucks from the sawmill came late again and the yard is full of "
        "snow. Anyway, please send the order form to the electricians every Tuesday at 8",
        _weekly1("tuesday", "08:00", "bestilling", g("elektrikere")),
        category="small_talk",
    ),
    # === 13. Must ask: contradictions, destructive requests ==================================
    Case("Send prislisten hver lørdag kl 8, men aldri i helgene", QUESTION, category="must_ask"),
    Case(
        "Email the deals every Saturday at 9 but never at weekends", QUESTION, category="must_ask"
    ),
    Case(
        "Slett alle kunder som ikke har handlet på to år, hver mandag kl 23",
        QUESTION,
        category="must_ask",
    ),
    Case(
        "Delete the plumbers who have not ordered this year, every Friday at 20",
        QUESTION,
        category="must_ask",
    ),
]

KINDS_V12_CONVERSATIONS: list[EditCase] = [
    EditCase(
        "Send the weekly deals to the key accounts every Friday at 9",
        "roofers",
        _weekly1("friday", "09:00", "tilbud", g("taktekkere")),
        category="answers",
    ),
    EditCase(
        "Send tilbodet til dei store kundane kvar tysdag kl 8",
        "elektrikarane",
        _weekly1("tuesday", "08:00", "tilbud", g("elektrikere")),
        category="answers",
    ),
    # Found while checking the fixes: other words for a group the business does not have.
    EditCase(
        "Send tilbud til de viktigste kundene hver fredag kl 9",
        "taktekkerne",
        _weekly1("friday", "09:00", "tilbud", g("taktekkere")),
        category="answers",
    ),
    EditCase(
        "Send the price list to our VIP customers every Monday at 7",
        "plumbers",
        _weekly1("monday", "07:00", "prisliste", g("rorleggere")),
        category="answers",
    ),
    EditCase(
        "bestillingsskjema kvar måndag kl 8 til kyrkjelydane",
        "og påminning onsdag kl 12 til dei som ikkje har bestilt",
        _chain(("monday", "08:00"), ("wednesday", "12:00", "reminder"), to=g("menigheter")),
    ),
    EditCase(
        "Kvar tysdag kl 7 send ukesbestilling til snikkarane",
        "legg til at dei som ikkje har bestilt innan torsdag kl 10 får ei påminning, og at me "
        "bestiller det same som sist for dei fredag kl 9",
        _chain(
            ("tuesday", "07:00"),
            ("thursday", "10:00", "reminder"),
            ("friday", "09:00", "order"),
            to=g("snekkere"),
        ),
    ),
    EditCase(
        "Order sheet every Monday at 8 to the plumbers",
        "add a reminder Wednesday at 12 for those who haven't ordered, and place their usual "
        "order Thursday at 9",
        _chain(
            ("monday", "08:00"),
            ("wednesday", "12:00", "reminder"),
            ("thursday", "09:00", "order"),
            to=g("rorleggere"),
        ),
    ),
    EditCase(
        "Prisliste til jernvarehandlerne hver mandag",
        "kl 7",
        _weekly1("monday", "07:00", "prisliste", g("jernvare")),
        category="answers",
    ),
]
