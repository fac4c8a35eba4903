"""Phrasings for measuring the offline parser (issue 7, item 7), with the key facts each must
give (see ``benchmarks.parser_accuracy``). Written for this purpose: none is a copy of the example
table in nl-examples.md, which is ``TABLE_EXAMPLES`` below. Norwegian, English and mixed; some
must give a question.

Facts left out of a case are not checked (e.g. the audience window when the text leaves it
open and the parser fills in a documented default).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ai_assistant.context import ParseContext
from benchmarks.parser_accuracy import Case

TEMPLATES: list[dict[str, Any]] = [
    {"id": 1, "name": "Bestillingsskjema", "category": "bestilling", "variables": []},
    {"id": 2, "name": "Påminnelse", "category": "reminder", "variables": []},
    {"id": 3, "name": "Ordrebekreftelse", "category": "confirmation", "variables": []},
    {"id": 4, "name": "Velkommen som kunde", "category": "welcome", "variables": []},
]
GROUPS: list[dict[str, str]] = [
    {"slug": "butikker", "name": "Butikker"},
    {"slug": "kafeer", "name": "Kafeer"},
    {"slug": "restauranter", "name": "Restauranter"},
]


def standard_context() -> ParseContext:
    return ParseContext(
        templates=[dict(t) for t in TEMPLATES],  # type: ignore[misc]
        groups=[dict(g) for g in GROUPS],  # type: ignore[misc]
        today=dt.date(2026, 3, 30),
        timezone="Europe/Oslo",
    )


ALL = {"group": "all"}
SHOPS = {"group": "butikker"}
CAFES = {"group": "kafeer"}
RESTAURANTS = {"group": "restauranter"}
EVENT_CUSTOMER = {"event_customer": True}
SINCE_START = {"check": "orders_missing", "since": "execution_start"}
QUESTION = "question"


def weekly(day: str | list[str], time: str, **facts: Any) -> dict[str, Any]:
    days = day if isinstance(day, list) else [day]
    return {"type": "scheduled", "schedule": "weekly", "days": days, "time": time, **facts}


def daily(time: str, *, weekdays_only: bool = False, **facts: Any) -> dict[str, Any]:
    return {
        "type": "scheduled",
        "schedule": "daily",
        "time": time,
        "weekdays_only": weekdays_only,
        **facts,
    }


def monthly(day: int | str, time: str, **facts: Any) -> dict[str, Any]:
    return {"type": "scheduled", "schedule": "monthly", "day_of_month": day, "time": time, **facts}


def event(kind: str, **facts: Any) -> dict[str, Any]:
    return {"type": "event_based", "event": kind, **facts}


def missing(**window: Any) -> dict[str, Any]:
    return {"check": "orders_missing", **window}


def email(category: str, to: dict[str, Any] = ALL) -> dict[str, Any]:
    return {"steps": ["send_email"], "templates": [category], "recipients": [to]}


TABLE_EXAMPLES: list[Case] = [
    Case(
        "Send skjema mandag, påminnelse torsdag",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email"],
            triggers=[{"day": "monday", "time": "09:00"}, {"day": "thursday", "time": "15:00"}],
            templates=["bestilling", "reminder"],
            recipients=[ALL, ALL],
            conditions=[None, SINCE_START],
        ),
        category="basic",
    ),
    Case(
        "Hver mandag kl 08:15 send bestillingsskjema til alle kunder",
        weekly("monday", "08:15", **email("bestilling"), conditions=[None]),
        category="basic",
    ),
    Case(
        "Purring onsdag kl 13 til de som ikke har bestilt siden mandag",
        weekly(
            "wednesday", "13:00", **email("reminder"), conditions=[missing(since="last_monday")]
        ),
        category="basic",
    ),
    Case(
        "Hver dag kl 06:00 send dagens tilbud til kafeene",
        daily("06:00", steps=["send_email"], recipients=[CAFES], conditions=[None]),
        category="groups",
    ),
    Case(
        "Den 10. hver måned kl 09:00 send månedsrapport til leder@firma.no",
        monthly(10, "09:00", steps=["generate_report"], send_to=["leder@firma.no"]),
        category="basic",
    ),
    Case(
        "Når en kunde legger inn en ordre, send bekreftelse",
        event("order.created", **email("confirmation", EVENT_CUSTOMER)),
        category="events",
    ),
    Case(
        "Every Thursday at 4pm send the order form to the shops group",
        weekly("thursday", "16:00", **email("bestilling", SHOPS)),
        category="groups",
    ),
    Case(
        "Remind everyone who has not ordered in the last 5 days, every day at 11",
        daily("11:00", **email("reminder"), conditions=[missing(days_back=5)]),
        category="basic",
    ),
    Case(
        "Mon 9am order form, Thu 3pm reminder, Fri 10am place the standing order for anyone "
        "still missing",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email", "create_order"],
            triggers=[
                {"day": "monday", "time": "09:00"},
                {"day": "thursday", "time": "15:00"},
                {"day": "friday", "time": "10:00"},
            ],
            templates=["bestilling", "reminder", None],
            recipients=[ALL, ALL, ALL],
            conditions=[None, SINCE_START, SINCE_START],
            mode="repeat_last",
        ),
        category="chains",
    ),
    Case(
        "Hver hverdag kl 07 send meny",
        daily("07:00", weekdays_only=True, steps=["send_email"], recipients=[ALL]),
        category="basic",
    ),
    Case(
        "Annenhver fredag kl 10 send bestillingsskjema til butikkene, første gang 11. desember",
        weekly("friday", "10:00", every_weeks=2, anchor="2026-12-11", **email("bestilling", SHOPS)),
        category="calendar",
    ),
    Case(
        "Hver mandag kl 9 skjema – er det fridag, send tirsdag i stedet",  # noqa: RUF001 (as the docs write it)
        weekly("monday", "09:00", holiday_policy="next_business_day", **email("bestilling")),
        category="calendar",
    ),
    Case(
        "Last business day of the month at 15 send the monthly report to ops@firma.no",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "business_day": -1,
            "time": "15:00",
            "steps": ["generate_report"],
            "send_to": ["ops@firma.no"],
        },
        category="calendar",
    ),
    Case("Send nyhetsbrevet til alle kundene hver måned", QUESTION, category="must_ask"),
    Case("Kjøp melk", QUESTION, category="must_ask"),
]


PHRASINGS: list[Case] = [
    # --- Norwegian -----------------------------------------------------------------------
    Case(
        "Send bestillingsskjema hver tirsdag kl 10",
        weekly("tuesday", "10:00", **email("bestilling")),
        category="basic",
    ),
    Case(
        "Hver fredag klokka 14 skal kafeene få bestillingsskjemaet",
        weekly("friday", "14:00", **email("bestilling", CAFES)),
        category="groups",
    ),
    Case(
        "Påminnelse torsdag kl. 12:30 til alle som ikke har bestilt denne uken",
        weekly("thursday", "12:30", **email("reminder"), conditions=[missing(since="last_monday")]),
        category="basic",
    ),
    Case(
        "Purring til butikkene fredag 9",
        weekly("friday", "09:00", **email("reminder", SHOPS)),
        category="groups",
    ),
    Case(
        "Hver dag kl 7 send meny til restaurantene",
        daily("07:00", steps=["send_email"], recipients=[RESTAURANTS]),
        category="groups",
    ),
    Case(
        "Send bestillingsskjema til alle kunder hver hverdag kl 08:00",
        daily("08:00", weekdays_only=True, **email("bestilling")),
        category="basic",
    ),
    Case(
        "Man-fre kl 06:30 send tilbud til kafeer",
        daily("06:30", weekdays_only=True, steps=["send_email"], recipients=[CAFES]),
        category="groups",
    ),
    Case(
        "Siste dag i måneden kl 16 send rapport til okonomi@firma.no",
        monthly(
            "last",
            "16:00",
            steps=["generate_report"],
            report="execution_summary",
            send_to=["okonomi@firma.no"],
        ),
        category="basic",
    ),
    Case(
        "Den 1. hver måned kl 08 send rapport over ordre til leder@firma.no",
        monthly(1, "08:00", steps=["generate_report"], report="weekly_orders"),
        category="basic",
    ),
    Case(
        "Send en rapport over hvem som mangler bestilling til salg@firma.no hver fredag kl 15",
        weekly(
            "friday",
            "15:00",
            steps=["generate_report"],
            report="orders_missing",
            send_to=["salg@firma.no"],
        ),
        category="basic",
    ),
    Case(
        "Når en ny kunde registrerer seg, send velkomstmail",
        event("customer.created", **email("welcome", EVENT_CUSTOMER)),
        category="events",
    ),
    Case(
        "Når en kunde bestiller, send ordrebekreftelse",
        event("order.created", **email("confirmation", EVENT_CUSTOMER)),
        category="events",
    ),
    Case(
        "Hver gang det kommer inn en ny ordre skal kunden få en bekreftelse",
        event("order.created", **email("confirmation", EVENT_CUSTOMER)),
        category="events",
    ),
    Case(
        "Mandag kl 9 bestillingsskjema, torsdag kl 14 purring til de som ikke har bestilt",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email"],
            triggers=[{"day": "monday", "time": "09:00"}, {"day": "thursday", "time": "14:00"}],
            templates=["bestilling", "reminder"],
            conditions=[None, SINCE_START],
        ),
        category="basic",
    ),
    Case(
        "Send skjema til restaurantene tirsdag kl 10, og påminnelse onsdag kl 15",
        weekly(
            "tuesday",
            "10:00",
            steps=["send_email", "send_email"],
            recipients=[RESTAURANTS, RESTAURANTS],
            conditions=[None, SINCE_START],
        ),
        category="groups",
    ),
    Case("Kan du fikse noe greier", QUESTION, category="must_ask"),
    Case("Husk å ringe Ola", QUESTION, category="must_ask"),
    Case("Send skjema", QUESTION, category="must_ask"),
    Case("Send påminnelse til hotellene fredag kl 10", QUESTION, category="must_ask"),
    Case("Hver uke send bestillingsskjema", QUESTION, category="must_ask"),
    # Every other week is a calendar schedule now (issue 19); the first Monday is the anchor.
    Case(
        "Send bestillingsskjema annenhver mandag kl 9",
        weekly("monday", "09:00", every_weeks=2, **email("bestilling")),
        category="calendar",
    ),
    Case("Send rapport hver mandag kl 8", QUESTION, category="must_ask"),
    Case(
        "Hver lørdag kl 10:00 send ukens tilbud til alle",
        weekly("saturday", "10:00", steps=["send_email"], recipients=[ALL]),
        category="basic",
    ),
    Case(
        "Søndag kl 18 send bestillingsskjema for neste uke",
        weekly("sunday", "18:00", **email("bestilling")),
        category="basic",
    ),
    Case(
        "Onsdager kl 11 sendes påminnelse til kafeene som ikke har bestilt siden mandag",
        weekly(
            "wednesday",
            "11:00",
            **email("reminder", CAFES),
            conditions=[missing(since="last_monday")],
        ),
        category="groups",
    ),
    Case(
        "Hver torsdag kl 15 legg inn fast ordre for kunder som ikke har bestilt",
        weekly("thursday", "15:00", steps=["create_order"], recipients=[ALL], mode="repeat_last"),
        category="basic",
    ),
    Case(
        "Fredag kl 12 gjenta forrige ordre for restaurantene",
        weekly("friday", "12:00", steps=["create_order"], recipients=[RESTAURANTS]),
        category="groups",
    ),
    Case(
        "Hver morgen kl 06 send dagens meny", daily("06:00", steps=["send_email"]), category="basic"
    ),
    Case(
        "Send bestillingsskjema kl 9 hver mandag og torsdag",
        # One action on several days and nothing else: a weekly schedule on those days, one
        # step (workflow-format.md's ``days``); in a chain it is one step per day.
        weekly(["monday", "thursday"], "09:00", **email("bestilling")),
        category="multi_day",
    ),
    Case(
        "Bestillingsskjema tirsdag og fredag kl 10",
        weekly(["tuesday", "friday"], "10:00", **email("bestilling")),
        category="multi_day",
    ),
    Case(
        "Send påminnelse kl 14 hver dag til de som ikke har bestilt de siste 3 dagene",
        daily("14:00", **email("reminder"), conditions=[missing(days_back=3)]),
        category="basic",
    ),
    Case(
        "Purring hver fredag klokken halv ti",
        weekly("friday", "09:30", **email("reminder")),
        category="basic",
    ),
    Case(
        "Send skjema midt på dagen hver onsdag",
        weekly("wednesday", "12:00", **email("bestilling")),
        category="basic",
    ),
    Case(
        "Send bekreftelse når en kunde legger inn bestilling",
        event("order.created", **email("confirmation", EVENT_CUSTOMER)),
        category="events",
    ),
    Case(
        "Rapport til leder@firma.no hver mandag kl 07:30",
        weekly("monday", "07:30", steps=["generate_report"], send_to=["leder@firma.no"]),
        category="basic",
    ),
    Case(
        "Den 15. hver måned kl 10 send påminnelse til alle som ikke har bestilt siste 30 dager",
        monthly(15, "10:00", **email("reminder"), conditions=[missing(days_back=30)]),
        category="basic",
    ),
    Case(
        "Hver mandag kl 9 send bestillingsskjema til butikker og kafeer",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email"],
            recipients=[SHOPS, CAFES],
            templates=["bestilling", "bestilling"],
        ),
        category="groups",
    ),
    Case(
        "Send bestillingsskjema til kaféene hver mandag kl 9",
        weekly("monday", "09:00", **email("bestilling", CAFES)),
        category="groups",
    ),
    Case(
        "Hver fredag kl 13 send påminnelse til restauranter som ikke har bestilt på 7 dager",
        weekly(
            "friday",
            "13:00",
            **email("reminder", RESTAURANTS),
            conditions=[missing(days_back=7)],
        ),
        category="groups",
    ),
    Case(
        "Send skjema mandag kl 9, påminnelse onsdag kl 12 og legg inn stående ordre fredag kl 10 "
        "for de som fortsatt mangler",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email", "create_order"],
            triggers=[
                {"day": "monday", "time": "09:00"},
                {"day": "wednesday", "time": "12:00"},
                {"day": "friday", "time": "10:00"},
            ],
            conditions=[None, SINCE_START, SINCE_START],
        ),
        category="chains",
    ),
    Case(
        "Tirsdager klokka 8 går bestillingsskjemaet ut til butikkene",
        weekly("tuesday", "08:00", **email("bestilling", SHOPS)),
        category="groups",
    ),
    Case(
        "Hver torsdag kl 15: påminnelse",
        weekly("thursday", "15:00", **email("reminder")),
        category="basic",
    ),
    Case("Send månedsrapport til leder@firma.no", QUESTION, category="must_ask"),
    Case("Lag en arbeidsflyt", QUESTION, category="must_ask"),
    Case("Påminnelse til kafeene", QUESTION, category="must_ask"),
    Case("Hver dag kl 25 send meny", QUESTION, category="must_ask"),
    Case(
        "Send bestillingsskjema kl 08:00 den 1. i hver måned",
        monthly(1, "08:00", **email("bestilling")),
        category="basic",
    ),
    Case(
        "Send påminnelse torsdag",
        weekly("thursday", "15:00", **email("reminder")),
        category="basic",
    ),
    Case(
        "Hver mandag kl 10 send bestillingsskjema, og 2 dager senere en påminnelse",
        weekly(
            "monday",
            "10:00",
            steps=["send_email", "send_email"],
            triggers=[{"day": "monday", "time": "10:00"}, {"delay_minutes": 2880}],
            templates=["bestilling", "reminder"],
        ),
        category="basic",
    ),
    Case(
        "Hver hverdag kl 07:15 send meny til kafeer og restauranter",
        daily(
            "07:15",
            weekdays_only=True,
            steps=["send_email", "send_email"],
            recipients=[CAFES, RESTAURANTS],
        ),
        category="groups",
    ),
    # --- English -----------------------------------------------------------------------------
    Case(
        "Send the order form every Tuesday at 10am",
        weekly("tuesday", "10:00", **email("bestilling")),
        category="basic",
    ),
    Case(
        "Every Friday at 2pm remind customers who haven't ordered since Monday",
        weekly("friday", "14:00", **email("reminder"), conditions=[missing(since="last_monday")]),
        category="basic",
    ),
    Case(
        "Daily at 7am send the menu to the cafes",
        daily("07:00", steps=["send_email"], recipients=[CAFES]),
        category="groups",
    ),
    Case(
        "Weekdays at 8:30 send the order form to all customers",
        daily("08:30", weekdays_only=True, **email("bestilling")),
        category="basic",
    ),
    Case(
        "On the last day of the month at 5pm send a report to boss@company.com",
        monthly("last", "17:00", steps=["generate_report"], send_to=["boss@company.com"]),
        category="basic",
    ),
    Case(
        "1st of every month at 9 send the report to finance@company.com",
        monthly(1, "09:00", steps=["generate_report"], send_to=["finance@company.com"]),
        category="basic",
    ),
    Case(
        "When a customer places an order, send a confirmation",
        event("order.created", **email("confirmation", EVENT_CUSTOMER)),
        category="events",
    ),
    Case(
        "When a new customer signs up, send the welcome email",
        event("customer.created", **email("welcome", EVENT_CUSTOMER)),
        category="events",
    ),
    Case(
        "Send a reminder to restaurants every Wednesday at noon",
        weekly("wednesday", "12:00", **email("reminder", RESTAURANTS)),
        category="groups",
    ),
    Case(
        "Mondays 9am: order form to shops. Thursdays 3pm: reminder to shops that haven't ordered",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email"],
            triggers=[{"day": "monday", "time": "09:00"}, {"day": "thursday", "time": "15:00"}],
            recipients=[SHOPS, SHOPS],
            templates=["bestilling", "reminder"],
            conditions=[None, SINCE_START],
        ),
        category="groups",
    ),
    Case(
        "Every day at 11 remind everyone who hasn't ordered in the last week",
        daily("11:00", **email("reminder"), conditions=[missing(days_back=7)]),
        category="basic",
    ),
    Case(
        "Place the standing order every Friday at 10 for customers still missing an order",
        weekly("friday", "10:00", steps=["create_order"], mode="repeat_last"),
        category="basic",
    ),
    Case("Send newsletter", QUESTION, category="must_ask"),
    Case("Buy milk", QUESTION, category="must_ask"),
    Case("Send a reminder to the hotels group on Friday at 10", QUESTION, category="must_ask"),
    Case("Every other week send the order form", QUESTION, category="must_ask"),
    Case(
        "Thursday 4pm: reminder to everyone without an order since Monday",
        weekly("thursday", "16:00", **email("reminder"), conditions=[missing(since="last_monday")]),
        category="basic",
    ),
    Case(
        "At 6am every weekday send today's offers to the restaurants",
        daily("06:00", weekdays_only=True, steps=["send_email"], recipients=[RESTAURANTS]),
        category="groups",
    ),
    Case(
        "Send the weekly order report to ops@firma.no every Monday at 8",
        weekly("monday", "08:00", steps=["generate_report"], report="weekly_orders"),
        category="basic",
    ),
    Case(
        "Every month on the 20th at 12:00 send a report of who is missing orders to lead@firma.no",
        monthly(20, "12:00", steps=["generate_report"], report="orders_missing"),
        category="basic",
    ),
    Case(
        "Mon 8am order form to cafés, Wed 2pm reminder",
        weekly(
            "monday",
            "08:00",
            steps=["send_email", "send_email"],
            recipients=[CAFES, CAFES],
            triggers=[{"day": "monday", "time": "08:00"}, {"day": "wednesday", "time": "14:00"}],
        ),
        category="groups",
    ),
    Case(
        "When an order comes in, send the customer a receipt",
        event("order.created", **email("confirmation", EVENT_CUSTOMER)),
        category="events",
    ),
    Case(
        "Email the order form to the shops every Monday at 07:45",
        weekly("monday", "07:45", **email("bestilling", SHOPS)),
        category="groups",
    ),
    Case(
        "Send a reminder at 3pm on Thursdays",
        weekly("thursday", "15:00", **email("reminder")),
        category="basic",
    ),
    Case(
        "Every Tuesday and Friday at 9 send the order form",
        weekly(["tuesday", "friday"], "09:00", **email("bestilling")),
        category="multi_day",
    ),
    Case(
        "Send the order form to restaurants on Mondays at 9 and a reminder on Thursdays at 3pm",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email"],
            recipients=[RESTAURANTS, RESTAURANTS],
            triggers=[{"day": "monday", "time": "09:00"}, {"day": "thursday", "time": "15:00"}],
            conditions=[None, SINCE_START],
        ),
        category="groups",
    ),
    Case(
        "Every weekday at noon send the menu to cafes",
        daily("12:00", weekdays_only=True, steps=["send_email"], recipients=[CAFES]),
        category="groups",
    ),
    Case(
        "Every Monday send the order form",
        weekly("monday", "09:00", **email("bestilling")),
        category="basic",
    ),
    # --- Mixed -----------------------------------------------------------------------------
    Case(
        "Hver mandag at 9am send order form til kafeene",
        weekly("monday", "09:00", **email("bestilling", CAFES)),
        category="groups",
    ),
    Case(
        "Every fredag kl 10 send påminnelse to the shops",
        weekly("friday", "10:00", **email("reminder", SHOPS)),
        category="groups",
    ),
    Case(
        "Send reminder torsdag kl 15 til de som ikke har ordered",
        weekly("thursday", "15:00", **email("reminder")),
        category="basic",
    ),
    Case(
        "Daily kl 07 send meny to all customers",
        daily("07:00", steps=["send_email"]),
        category="basic",
    ),
    Case(
        "Når a customer places an order, send bekreftelse",
        event("order.created", **email("confirmation", EVENT_CUSTOMER)),
        category="events",
    ),
    Case(
        "Mandag 9am skjema, torsdag 3pm reminder",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email"],
            triggers=[{"day": "monday", "time": "09:00"}, {"day": "thursday", "time": "15:00"}],
            conditions=[None, SINCE_START],
        ),
        category="basic",
    ),
    Case(
        "Send order form til butikkene every Wednesday kl 13:15",
        weekly("wednesday", "13:15", **email("bestilling", SHOPS)),
        category="groups",
    ),
    Case("Remind kafeene", QUESTION, category="must_ask"),
]


# Written after the parser was finished and measured once as they stand (not tuned against):
# the honest estimate of how it does on phrasings nobody fitted it to.
HELD_OUT: list[Case] = [
    Case(
        "Vennligst send bestillingsskjemaet til alle kundene våre hver mandag morgen kl 07",
        weekly("monday", "07:00", **email("bestilling")),
        category="basic",
    ),
    Case(
        "Kl 16 hver torsdag: send purring til de som ikke har lagt inn ordre",
        weekly("thursday", "16:00", **email("reminder")),
        category="basic",
    ),
    Case(
        "Jeg vil at restaurantene får skjema på tirsdager kl 11",
        weekly("tuesday", "11:00", **email("bestilling", RESTAURANTS)),
        category="groups",
    ),
    Case(
        "Send ut påminnelse til kafeene hver onsdag klokken 10:30 hvis de ikke har bestilt",
        weekly("wednesday", "10:30", **email("reminder", CAFES)),
        category="groups",
    ),
    Case(
        "Hver dag klokka 17 vil jeg ha en rapport på e-post til drift@firma.no",
        daily("17:00", steps=["generate_report"], send_to=["drift@firma.no"]),
        category="basic",
    ),
    Case(
        "Send kundene en ordrebekreftelse med en gang de har bestilt",
        event("order.created", **email("confirmation", EVENT_CUSTOMER)),
        category="events",
    ),
    Case(
        "Nye kunder skal få velkomstmail",
        event("customer.created", **email("welcome", EVENT_CUSTOMER)),
        category="events",
    ),
    Case(
        "Ukentlig bestillingsskjema mandag kl 8, purring onsdag kl 14, stående ordre fredag kl 9",
        weekly(
            "monday",
            "08:00",
            steps=["send_email", "send_email", "create_order"],
            triggers=[
                {"day": "monday", "time": "08:00"},
                {"day": "wednesday", "time": "14:00"},
                {"day": "friday", "time": "09:00"},
            ],
        ),
        category="chains",
    ),
    Case("Send månedsrapporten siste dagen i måneden", QUESTION, category="must_ask"),
    Case("Gjør noe smart med kundene", QUESTION, category="must_ask"),
    Case(
        "Fredager kl 15 send rapport over ukens ordre til sjef@firma.no",
        weekly("friday", "15:00", steps=["generate_report"], report="weekly_orders"),
        category="basic",
    ),
    Case(
        "Send bestillingsskjema til butikkene kvart over ni hver mandag",
        weekly("monday", "09:15", **email("bestilling", SHOPS)),
        category="groups",
    ),
    Case("Send skjema til bakeriene hver fredag kl 8", QUESTION, category="must_ask"),
    Case(
        "Please send our order form to every customer on Wednesdays at 9:15",
        weekly("wednesday", "09:15", **email("bestilling")),
        category="basic",
    ),
    Case(
        "Each weekday at 7:30am email the daily offers to restaurants",
        daily("07:30", weekdays_only=True, steps=["send_email"], recipients=[RESTAURANTS]),
        category="groups",
    ),
    Case(
        "Remind the cafes on Thursday afternoon at 3 if they still have not ordered",
        weekly("thursday", "15:00", **email("reminder", CAFES)),
        category="groups",
    ),
    Case(
        "Send an order confirmation whenever a customer places an order",
        event("order.created", **email("confirmation", EVENT_CUSTOMER)),
        category="events",
    ),
    Case(
        "On the 5th of each month at 08:00 send the sales report to cfo@firma.no",
        monthly(5, "08:00", steps=["generate_report"], send_to=["cfo@firma.no"]),
        category="basic",
    ),
    Case(
        "Every Sunday evening at 8 send the order form for next week",
        weekly("sunday", "20:00", **email("bestilling")),
        category="basic",
    ),
    Case("Can you help me with something?", QUESTION, category="must_ask"),
    Case("Send a reminder to the bars on Monday at 10", QUESTION, category="must_ask"),
    Case(
        "Send the order form Monday 9:00 and remind those who have not ordered on Wednesday "
        "at 13:00",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email"],
            triggers=[{"day": "monday", "time": "09:00"}, {"day": "wednesday", "time": "13:00"}],
            conditions=[None, SINCE_START],
        ),
        category="basic",
    ),
    Case(
        "Hver mandag kl 9 send order form, og thursday 15:00 reminder",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email"],
            triggers=[{"day": "monday", "time": "09:00"}, {"day": "thursday", "time": "15:00"}],
        ),
        category="basic",
    ),
    Case(
        "Every day at 10 send påminnelse til de som ikke har bestilt de siste 2 dagene",
        daily("10:00", **email("reminder"), conditions=[missing(days_back=2)]),
        category="basic",
    ),
    Case(
        "Send rapport om hvem som ikke har bestilt til leder@firma.no hver torsdag kl 16",
        weekly("thursday", "16:00", steps=["generate_report"], report="orders_missing"),
        category="basic",
    ),
]
