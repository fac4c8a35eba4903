"""The own phrasing set, fourth part: the kinds of failure held-out v6 found (issue 20).

Held-out set v6 (a fruit and dairy wholesaler in Kristiansand) showed kinds of request the
parser got wrong. Each kind has its own phrasings here, written for another business, in other
words, before the parser was changed for that kind: so the parser is fixed for the kind, not
for v6's cases.

1. ``multi_day``: one action on several days and nothing else is one step on a weekly
   schedule on those ``days``; in a chain, one step per day ("både onsdag og fredag").
2. ``abbreviations``: two-letter day names ("ma/ti/on/to/fr/lø/sø") next to a time or in a list
   of days, and dialect ("ittj", "ikkje", "dokker").
3. ``groups``: a compound naming a group by its kinds ("klubbkafeene" for "Idrettslagenes
   kafeer"), a group named by two kinds joined with "og" ("hotell og camping").
4. ``must_ask``: text messages (the format only emails), a request taken back in the same
   message, impossible dates, "every day, but only once a week".
5. ``delays``: "wait an hour and a half, then ...", "vent 3 døgn og send ...", "N min etter at
   en kunde har bestilt".
6. ``conditions``: "who have ordered in the last N weeks" (``has_ordered``), "in 48 hours".
7. ``calendar``: holiday policies in more words, once a year on a date (a cron schedule).
8. ``chains``: "bestiller vi det vanlige", one audience for every step ("alt bare til ...",
   "begge til ...", "- only for ...").
9. ``events``: a webhook's name before "webhook" and its verbs ("slår inn", "utløses").
10. More phrasings of the same kinds, written after the first fixes and before the second
    (a first run of them: 34/45 cases and 7/9 conversations right).

The conversations (``CONVERSATIONS_V4``): one action on more days ("og på tirsdager også"), a
move said as where a step should be, another day of the month, a calendar kind as the answer
to "when?", dialect in a follow-up, group changes, a day taken out of a schedule.

The lists, each written before the round of fixes it tested (its first run is in the comment
above it): ``PHRASINGS_V4`` (the kinds in this business's words), ``CHAINS_V4``,
``CALENDAR_V4``, ``EVENTS_V4``, ``STYLE_V4`` (typos, greetings, word order, several-day
shapes), ``MUST_ASK_V4``, and the same kinds for two other businesses: ``PHRASINGS_V4_BAKERY``
/ ``CONVERSATIONS_V4_BAKERY`` (``parser_phrasings_v3.context_v3``) and ``PHRASINGS_V4_SECOND`` /
``CONVERSATIONS_V4_SECOND`` (``parser_phrasings_v2.context_v2``). 327 in all; none copies a
held-out case.

Then the kinds held-out v7 found (issue 20, h-kinds2), for a third business (Vestland Renhold, a
cleaning supplies wholesaler; ``context_v7k``): ``KINDS_V7`` (46 phrasings: groups named in
English, Swedish or Nynorsk, surveys and order forms by meaning, a business word shared by
templates, Swedish events, delays and calendar words, politeness, four-digit times, two times
or two audiences to choose between, a report to an own address, the month's last business day)
and ``KINDS_V7_CONVERSATIONS`` (5). Written before the fix of each kind; the first 31 scored 5/31
before any fix.

Then the kinds held-out v8 found (issue 20, h-kinds3), for a fourth business (Trøndelag
Blomsterlager, a florist wholesaler; ``context_v8k``): ``KINDS_V8`` (69 phrasings: a template by
what the email is, never by a word it shares with another, places and self-cancelling requests
asked back, a webhook's "the customer", webhooks named without the word, delays
after a webhook, dialect and Danish events, Danish and English every-N-weeks and holiday
words, spoken chains with hours as words, another group excluded, requests said as questions)
and ``KINDS_V8_CONVERSATIONS`` (11).
Written before the fixes: 10/40 and 1/6 before any fix. A webhook's "the customer" was first
written as ``event_customer`` (as held-out v8 has it), then found invalid (the validator's
``event_customer_unavailable``: a webhook carried no customer) and was a question, with two
webhook cases to a group added; since a webhook names its customer (``data.customer_id`` or
``customer_email``) those four cases are ``event_customer`` again (``events``). Then 20 more
phrasings and 3 more conversations of the same kinds, written after those fixes: 19/20 and 3/3
on their first run (the miss: "byråene" for "Begravelsesbyråer", a group named by the head of
its compound name). Last, 3 phrasings of a part that says what is not sent and 2 of a payment
reminder in more words, 2 of a place in lower case and 1 conversation answering a place, found
while checking the fixes.

Then the kinds held-out v9 found (issue 20, h-kinds4), for a fifth business (Vestfold Byggvare,
a building-materials wholesaler whose groups are painters, housing cooperatives, hardware shops;
``context_v9k``): ``KINDS_V9`` (40 phrasings: groups named in English for Norwegian names, by
a part of a compound or of a name with "og", a kind with no group asked about, a webhook's
"that contractor" (asked about until a webhook could name its customer, now
``event_customer`` narrowed to the kind), templates by their own inflected name, another form
or reminder than ordering's a new template, German core words, dialect and German events and delays,
numbered and spoken chains, "flytt det til tirsdag hvis mandag er fridag") and
``KINDS_V9_CONVERSATIONS`` (5). Written before the fixes: 11/30 and 1/4 before any fix. Added
after the first fixes: the two webhook cases; found while checking the fixes: dialect "å"
between steps, "første gang" that is no template's name, an offer "på lim og fugemasse" whose
"og" joins two things, two of a group's word in a template's name ("Fargekart malere", which
an email to the painters is not), the conversation "bytt ut purringen med ...", and German
"Wenn ein Kunde bestellt", "im Monat" and dialect "ei halvtime".

Then the kinds held-out v10 found (issue 20, h-kinds5), for a sixth business (Salten Dyrefôr,
a pet-food and farm-supplies wholesaler in Bodø whose customers are pet shops, stables, farms,
vets and kennels; ``context_v10k``): ``KINDS_V10`` (54 phrasings: whole days later at a time
of their own in a weekly chain, "dagen etter kl 13", "the next day at 2 pm"; Swedish chains
with "sedan" and "och"; Filipino English chatter, "Maraming salamat po!", that is no step;
clock words, "ti over sju", "fem på tolv", "tjue på ett", "tirsdagsmorran"; a survey and an
offer by meaning and a category slug without æøå; new templates about two things, "info om
vinterføret og kjøreruta", "the feeding guide and nutrition sheet"; udda/jämna veckor,
"fyrste arbeidsdag i månaden", "hopp over helligdaga" with annenhver, a holiday move to the
day before or after, "starting tomorrow the 2nd of March"; "sidan tysdag", "dei siste 5
dagan"; weekend days with a reason after them; Swedish and Nynorsk order events; a request
taken back and an event on stock asked about) and ``KINDS_V10_CONVERSATIONS`` (7: a one-word
day as an answer, "send det på mail da" after the SMS question, "hopp over helligdager",
"nei send heller dyrebladet", "actually make that the kennels"). Written before the fixes:
20/44 and 1/6 before any fix; then 10 phrasings and 1 conversation of the same kinds written
after the fixes (10/10, 1/1 on their first run).

The business: Buskerud Byggevare AS, a building-supplies wholesaler in Drammen, whose customers
are carpenters, plumbers, electricians, contractors, hardware stores, sports clubs' cafés (its
kiosk line) and hotels and campsites (its holiday-cabin line). Today is Thursday 11 March 2027.
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
    daily,
    event,
    weekly,
)
from tests.ai_assistant.parser_phrasings_v2 import EditCase

TEMPLATES_V4: list[dict[str, Any]] = [
    {
        "id": 401,
        "name": "Ukentlig bestillingsliste",
        "category": "bestilling",
        "subject": "Bestill byggevarer for neste uke",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 402,
        "name": "Purring bestilling",
        "category": "reminder",
        "subject": "Vi har ikke fått bestillingen din ennå",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 403,
        "name": "Ordrebekreftelse",
        "category": "confirmation",
        "subject": "Vi har mottatt ordren din",
        "variables": ["kunde_navn", "ordre_nummer"],
    },
    {
        "id": 404,
        "name": "Prisliste byggevarer",
        "category": "priser",
        "subject": "Nye priser på trelast og byggevarer",
        "variables": ["kunde_navn", "prisliste_link"],
    },
    {
        "id": 405,
        "name": "Månedens kampanje",
        "category": "kampanje",
        "subject": "Kampanjetilbud denne måneden",
        "variables": ["kunde_navn", "tilbud_liste"],
    },
    {
        "id": 406,
        "name": "Byggenytt",
        "category": "nyhetsbrev",
        "subject": "Nytt fra Buskerud Byggevare",
        "variables": ["kunde_navn"],
    },
    {
        "id": 407,
        "name": "Velkommen",
        "category": "velkomst",
        "subject": "Velkommen som kunde hos Buskerud Byggevare",
        "variables": ["kunde_navn"],
    },
]
GROUPS_V4: list[dict[str, Any]] = [
    {"slug": "snekkere", "name": "Snekkere og tømrere", "size": 44},
    {"slug": "rorleggere", "name": "Rørleggere", "size": 21},
    {"slug": "elektrikere", "name": "Elektrikere", "size": 18},
    {"slug": "entreprenorer", "name": "Entreprenører", "size": 12},
    {"slug": "jernvare", "name": "Jernvarebutikker", "size": 30},
    {"slug": "klubbkiosker", "name": "Idrettslagenes kiosker", "size": 9},
    {"slug": "hytte-camping", "name": "Hytteutleie og campingplasser", "size": 14},
    {"slug": "drammen", "name": "Drammen-kunder", "size": 60},
]
STAFF_GROUPS_V4: list[str] = ["salg", "lager", "sjåfører"]
TODAY_V4 = dt.date(2027, 3, 11)  # a Thursday


def context_v4() -> ParseContext:
    return ParseContext(
        templates=[dict(t) for t in TEMPLATES_V4],  # type: ignore[misc]
        groups=[dict(g) for g in GROUPS_V4],  # type: ignore[misc]
        staff_groups=list(STAFF_GROUPS_V4),
        today=TODAY_V4,
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


MONDAY = {"check": "orders_missing", "since": "last_monday"}
ALL = {"group": "all"}

PHRASINGS_V4: list[Case] = [
    # === 1. Several days for one action: a schedule on those days, or one step per day ======
    # nb
    Case(
        "prislista til snekkerne tirsdager og torsdager kl 7",
        weekly(["tuesday", "thursday"], "07:00", **one("priser", g("snekkere"))),
        category="multi_day",
    ),
    # en
    Case(
        "Send the campaign email to the electricians Mon and Thu at 6:30",
        weekly(["monday", "thursday"], "06:30", **one("kampanje", g("elektrikere"))),
        category="multi_day",
    ),
    # en
    Case(
        "every wed and sat at 9am the order list goes to the hardware stores",
        weekly(["wednesday", "saturday"], "09:00", **one("bestilling", g("jernvare"))),
        category="multi_day",
    ),
    # mix
    Case(
        "order list til rørleggerne on Tuesdays + Fridays 11am",
        weekly(["tuesday", "friday"], "11:00", **one("bestilling", g("rorleggere"))),
        category="multi_day",
    ),
    # nb
    Case(
        "Kampanjen skal ut hver man, ons og fre kl 10",
        weekly(["monday", "wednesday", "friday"], "10:00", **one("kampanje", ALL)),
        category="multi_day",
    ),
    # en
    Case(
        "Both Tuesday and Thursday at 3pm remind the plumbers who haven't ordered since Monday",
        weekly(
            ["tuesday", "thursday"],
            "15:00",
            **one("reminder", g("rorleggere")),
            conditions=[MONDAY],
        ),
        category="multi_day",
    ),
    # nb (chain: one step per day)
    Case(
        "Bestillingsliste mandag kl 7 til snekkerne, purring både onsdag og fredag kl 13",
        weekly(
            "monday",
            "07:00",
            steps=["send_email"] * 3,
            templates=["bestilling", "reminder", "reminder"],
            triggers=[at("monday", "07:00"), at("wednesday", "13:00"), at("friday", "13:00")],
            recipients=[g("snekkere")] * 3,
            conditions=[None, SINCE_START, SINCE_START],
        ),
        category="multi_day",
    ),
    # en (chain)
    Case(
        "order list Monday 8am, and then a reminder on both Wednesday and Thursday at noon",
        weekly(
            "monday",
            "08:00",
            steps=["send_email"] * 3,
            templates=["bestilling", "reminder", "reminder"],
            triggers=[at("monday", "08:00"), at("wednesday", "12:00"), at("thursday", "12:00")],
            conditions=[None, SINCE_START, SINCE_START],
        ),
        category="multi_day",
    ),
    # === 2. Two-letter day names and dialect ===============================================
    # nb
    Case(
        "bestillingslista ma og to kl 8 til rørleggerne",
        weekly(["monday", "thursday"], "08:00", **one("bestilling", g("rorleggere"))),
        category="abbreviations",
    ),
    # nb (dialect)
    Case(
        "ti/to kl 14 purring te entreprenørene som ittj har bestilt sia mandag",
        weekly(
            ["tuesday", "thursday"],
            "14:00",
            **one("reminder", g("entreprenorer")),
            conditions=[MONDAY],
        ),
        category="abbreviations",
    ),
    # nb
    Case(
        "ma kl 7 bestillingsliste, on kl 12 purring og fr kl 9 legger dokker inn fast bestilling "
        "for dem som ittj har bestilt",
        weekly(
            "monday",
            "07:00",
            steps=["send_email", "send_email", "create_order"],
            triggers=[at("monday", "07:00"), at("wednesday", "12:00"), at("friday", "09:00")],
            conditions=[None, SINCE_START, SINCE_START],
            mode="repeat_last",
        ),
        category="abbreviations",
    ),
    # nb
    Case(
        "lø kl 9 kampanje til jernvarebutikkene",
        weekly("saturday", "09:00", **one("kampanje", g("jernvare"))),
        category="abbreviations",
    ),
    # mix
    Case(
        "fr kl 15 send prisliste te elektrikerne",
        weekly("friday", "15:00", **one("priser", g("elektrikere"))),
        category="abbreviations",
    ),
    # === 3. Groups named by a compound of two kinds, or two kinds joined by "og" / "and" ===
    # nb
    Case(
        "idrettskioskene får bestillingslista hver fredag kl 8",
        weekly("friday", "08:00", **one("bestilling", g("klubbkiosker"))),
        category="groups",
    ),
    # en
    Case(
        "send the order list to the club kiosks every friday at 8",
        weekly("friday", "08:00", **one("bestilling", g("klubbkiosker"))),
        category="groups",
    ),
    # nb
    Case(
        "kampanje te hytte og camping hver torsdag kl 9",
        weekly("thursday", "09:00", **one("kampanje", g("hytte-camping"))),
        category="groups",
    ),
    # en
    Case(
        "price list to the cabins and campsites every monday 7am",
        weekly("monday", "07:00", **one("priser", g("hytte-camping"))),
        category="groups",
    ),
    # mix
    Case(
        "Mon kl 7 order list til campingplassene og hyttene, reminder thu kl 14",
        weekly(
            "monday",
            "07:00",
            steps=["send_email", "send_email"],
            templates=["bestilling", "reminder"],
            recipients=[g("hytte-camping")] * 2,
            triggers=[at("monday", "07:00"), at("thursday", "14:00")],
            conditions=[None, SINCE_START],
        ),
        category="groups",
    ),
    # === 4. Must ask: not email, taken back, impossible dates, contradictions ===============
    # nb
    Case("send tekstmelding til elektrikerne hver mandag kl 7 om kampanjen", QUESTION, "must_ask"),
    # en
    Case("SMS the plumbers every friday at 2pm about the new prices", QUESTION, "must_ask"),
    # nb
    Case("post kampanjen på facebook hver fredag kl 12", QUESTION, "must_ask"),
    # mix
    Case("whatsapp snekkerne hver torsdag kl 9 om bestillinga", QUESTION, "must_ask"),
    # nb
    Case(
        "prisliste til snekkerne hver tirsdag kl 8 - nei forresten, dropp det", QUESTION, "must_ask"
    ),
    # en
    Case(
        "Every Wednesday 10am the order list to the contractors... forget it, not needed after all",
        QUESTION,
        "must_ask",
    ),
    # nb
    Case("send kampanjen den 31. april kl 9", QUESTION, "must_ask"),
    # en
    Case("price list to the carpenters on the 31st of June at 8", QUESTION, "must_ask"),
    # nb
    Case("bestillingslista hver dag kl 6 men bare en gang i uka", QUESTION, "must_ask"),
    # en
    Case("order list daily at 7 but only once a week", QUESTION, "must_ask"),
    # === 5. Delays: "wait N, then", "vent N og", "N min etter at en kunde har bestilt" =====
    # nb
    Case(
        "20 min etter at en kunde har bestilt, send ordrebekreftelsen",
        event("order.created", **one("confirmation", EVENT_CUSTOMER), triggers=[later(20)]),
        category="delays",
    ),
    # nb
    Case(
        "Når noen har handlet: vent en time og send bekreftelse",
        event("order.created", **one("confirmation", EVENT_CUSTOMER), triggers=[later(60)]),
        category="delays",
    ),
    # en
    Case(
        "When a new customer signs up, wait 2 days, then send the welcome email",
        event("customer.created", **one("velkomst", EVENT_CUSTOMER), triggers=[later(2880)]),
        category="delays",
    ),
    # en
    Case(
        "new order -> wait half an hour and then send the confirmation",
        event("order.created", **one("confirmation", EVENT_CUSTOMER), triggers=[later(30)]),
        category="delays",
    ),
    # nb
    Case(
        "Ny kunde registrert? Vent to døgn før du sender velkomstmailen",
        event("customer.created", **one("velkomst", EVENT_CUSTOMER), triggers=[later(2880)]),
        category="delays",
    ),
    # === 6. Conditions: has ordered, windows in hours =====================================
    # en
    Case(
        "every tuesday at 7 send the campaign to customers who've ordered in the last 2 weeks",
        weekly(
            "tuesday",
            "07:00",
            **one("kampanje", ALL),
            conditions=[{"check": "has_ordered", "days_back": 14}],
        ),
        category="conditions",
    ),
    # nb
    Case(
        "kampanjen til kundene som har handlet de siste 30 dagene hver fredag kl 9",
        weekly(
            "friday",
            "09:00",
            **one("kampanje", ALL),
            conditions=[{"check": "has_ordered", "days_back": 30}],
        ),
        category="conditions",
    ),
    # nb
    Case(
        "purring hver dag kl 15 til snekkere som ikke har bestilt på 72 timer",
        daily(
            "15:00",
            **one("reminder", g("snekkere")),
            conditions=[{"check": "orders_missing", "days_back": 3}],
        ),
        category="conditions",
    ),
    # en
    Case(
        "remind anyone who hasn't ordered within 24 hours, daily at 10",
        daily(
            "10:00",
            **one("reminder", ALL),
            conditions=[{"check": "orders_missing", "days_back": 1}],
        ),
        category="conditions",
    ),
    # === 7. Calendar: holiday policies in more words, once a year ========================
    # en
    Case(
        "Every Tuesday 7am price list to the electricians, but skip it on bank holidays",
        {
            **weekly("tuesday", "07:00", **one("priser", g("elektrikere"))),
            "holiday_policy": "skip",
        },
        category="calendar",
    ),
    # nb
    Case(
        "hver fredag kl 9 kampanje til snekkerne, hopp over den på røde dager",
        {
            **weekly("friday", "09:00", **one("kampanje", g("snekkere"))),
            "holiday_policy": "skip",
        },
        category="calendar",
    ),
    # en
    Case(
        "Mondays 8am order list to the plumbers. Should the Monday be a public holiday, move it "
        "to the next working day",
        {
            **weekly("monday", "08:00", **one("bestilling", g("rorleggere"))),
            "holiday_policy": "next_business_day",
        },
        category="calendar",
    ),
    # en
    Case(
        "Thursday 2pm price list to contractors; if that thursday is a holiday, send it the "
        "working day before",
        {
            **weekly("thursday", "14:00", **one("priser", g("entreprenorer"))),
            "holiday_policy": "previous_business_day",
        },
        category="calendar",
    ),
    # nb
    Case(
        "Hvert år den 15. mars kl 7: kampanjen til jernvarebutikkene",
        {
            "type": "scheduled",
            "schedule": "cron",
            "cron": "0 7 15 3 *",
            **one("kampanje", g("jernvare")),
        },
        category="calendar",
    ),
    # en
    Case(
        "every year on September 1st at 9am send the price list to all customers",
        {"type": "scheduled", "schedule": "cron", "cron": "0 9 1 9 *", **one("priser", ALL)},
        category="calendar",
    ),
    # === 8. Chains: the usual order whoever places it, one audience for every step =========
    # nb
    Case(
        "ma kl 7 bestillingsliste til snekkerne, to kl 10 bestiller vi det faste for dem som "
        "ikke har bestilt",
        weekly(
            "monday",
            "07:00",
            steps=["send_email", "create_order"],
            triggers=[at("monday", "07:00"), at("thursday", "10:00")],
            recipients=[g("snekkere")] * 2,
            conditions=[None, SINCE_START],
            mode="repeat_last",
        ),
        category="chains",
    ),
    # en
    Case(
        "Order list Monday 7, reminder Wednesday 12, Friday 9 the usual order for those still "
        "missing - all of it only to the plumbers",
        weekly(
            "monday",
            "07:00",
            steps=["send_email", "send_email", "create_order"],
            recipients=[g("rorleggere")] * 3,
            conditions=[None, SINCE_START, SINCE_START],
        ),
        category="chains",
    ),
    # nb
    Case(
        "skjema ma kl 8 og purring on kl 13, alt sammen til elektrikerne",
        weekly(
            "monday",
            "08:00",
            steps=["send_email", "send_email"],
            templates=["bestilling", "reminder"],
            recipients=[g("elektrikere")] * 2,
            triggers=[at("monday", "08:00"), at("wednesday", "13:00")],
        ),
        category="chains",
    ),
    # === 9. Events: webhook names and verbs; a time right before a word like "uke..." =====
    # nb
    Case(
        "Når lager-lav-webhooken utløses, send rapport til innkjop@byggevare.no",
        {
            "type": "event_based",
            "event": "webhook",
            "event_name": "lager-lav",
            "steps": ["generate_report"],
            "send_to": ["innkjop@byggevare.no"],
        },
        category="events",
    ),
    # en
    Case(
        "the crm-sync webhook triggers -> email a report to salg@byggevare.no",
        {
            "type": "event_based",
            "event": "webhook",
            "event_name": "crm-sync",
            "steps": ["generate_report"],
        },
        category="events",
    ),
    # nb
    Case(
        "hver onsdag kl 10 ukeskampanjen til elektrikerne",
        weekly("wednesday", "10:00", **one("kampanje", g("elektrikere"))),
        category="templates_by_meaning",
    ),
    # === 10. More phrasings of the same kinds (written before the second round of fixes) ===
    Case(
        "Send bestillingslista til snekkerne hver mandag, onsdag og fredag kl 7",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "wednesday", "friday"],
            "time": "07:00",
            "templates": ["bestilling"],
            "recipients": [{"group": "snekkere"}],
        },
        category="multi_day",
    ),
    Case(
        "every Mon/Wed/Fri 8am price list to the plumbers",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "wednesday", "friday"],
            "time": "08:00",
            "templates": ["priser"],
            "recipients": [{"group": "rorleggere"}],
        },
        category="multi_day",
    ),
    Case(
        "kampanje tirsdag + torsdag kl 10",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday", "thursday"],
            "time": "10:00",
            "templates": ["kampanje"],
        },
        category="multi_day",
    ),
    Case(
        "order list to electricians on mondays and thursdays, 6:45",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "thursday"],
            "time": "06:45",
            "templates": ["bestilling"],
            "recipients": [{"group": "elektrikere"}],
        },
        category="multi_day",
    ),
    Case(
        "prisliste man. og tors. kl. 9 til entreprenørene",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "thursday"],
            "time": "09:00",
            "templates": ["priser"],
            "recipients": [{"group": "entreprenorer"}],
        },
        category="multi_day",
    ),
    Case(
        "ma/on/fr kl 8 bestillingsliste",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "wednesday", "friday"],
            "time": "08:00",
            "templates": ["bestilling"],
        },
        category="multi_day",
    ),
    Case(
        "bestillingsliste mandag og torsdag, begge dager kl 7",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "thursday"],
            "time": "07:00",
            "templates": ["bestilling"],
        },
        category="multi_day",
    ),
    Case(
        "send kampanjen både tirsdag og fredag kl 9 til jernvarebutikkene",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday", "friday"],
            "time": "09:00",
            "templates": ["kampanje"],
            "recipients": [{"group": "jernvare"}],
        },
        category="multi_day",
    ),
    Case(
        "Skjema mandag 7, purring tirsdag og torsdag 13",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "triggers": [
                {"day": "monday", "time": "07:00"},
                {"day": "tuesday", "time": "13:00"},
                {"day": "thursday", "time": "13:00"},
            ],
        },
        category="chains",
    ),
    Case(
        "Order list Mon 7am; reminders Tue, Wed and Thu at 1pm for those who still haven't ordered",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "conditions": [
                None,
                {"check": "orders_missing", "since": "execution_start"},
                {"check": "orders_missing", "since": "execution_start"},
                {"check": "orders_missing", "since": "execution_start"},
            ],
        },
        category="chains",
    ),
    Case(
        "on kl 9 bestillingsliste til rørleggerne",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["wednesday"],
            "time": "09:00",
            "templates": ["bestilling"],
            "recipients": [{"group": "rorleggere"}],
        },
        category="abbreviations",
    ),
    Case(
        "fr 14:00 purring til de som ikke har bestilt siden ma",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "14:00",
            "templates": ["reminder"],
            "conditions": [{"check": "orders_missing", "since": "last_monday"}],
        },
        category="abbreviations",
    ),
    Case(
        "Hver ma kl 8 skjema",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "templates": ["bestilling"],
        },
        category="abbreviations",
    ),
    Case(
        "purring te dæm som ikkje har bestilt, torsdag kl 14",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday"],
            "time": "14:00",
            "templates": ["reminder"],
        },
        category="abbreviations",
    ),
    Case("send en melding på Teams til salg hver mandag kl 9", "question", category="must_ask"),
    Case("text message to the contractors every monday at 7", "question", category="must_ask"),
    Case("send kampanjen 30. februar kl 9", "question", category="must_ask"),
    Case(
        "bestillingsliste hver mandag kl 8... nei forresten, glem det",
        "question",
        category="must_ask",
    ),
    Case("order list every friday at 9 - actually, don't bother", "question", category="must_ask"),
    Case(
        "After a customer orders, wait 45 min and send the order confirmation",
        {
            "type": "event_based",
            "event": "order.created",
            "steps": ["send_email"],
            "templates": ["confirmation"],
            "triggers": [{"delay_minutes": 45}],
        },
        category="delays",
    ),
    Case(
        "når ordren er registrert: vent 2 timer, send ordrebekreftelse",
        {
            "type": "event_based",
            "event": "order.created",
            "steps": ["send_email"],
            "templates": ["confirmation"],
            "triggers": [{"delay_minutes": 120}],
        },
        category="delays",
    ),
    Case(
        "Ny kunde -> vent ett døgn -> velkomstmail",
        {
            "type": "event_based",
            "event": "customer.created",
            "steps": ["send_email"],
            "templates": ["velkomst"],
            "triggers": [{"delay_minutes": 1440}],
        },
        category="delays",
    ),
    Case(
        "new customer? send welcome mail after 3 days",
        {
            "type": "event_based",
            "event": "customer.created",
            "steps": ["send_email"],
            "templates": ["velkomst"],
            "triggers": [{"delay_minutes": 4320}],
        },
        category="delays",
    ),
    Case(
        "2 timer etter at en ny kunde er registrert, send velkomst",
        {
            "type": "event_based",
            "event": "customer.created",
            "steps": ["send_email"],
            "templates": ["velkomst"],
            "triggers": [{"delay_minutes": 120}],
        },
        category="delays",
    ),
    Case(
        "every monday 9 campaign to customers who bought something in the last 4 weeks",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "templates": ["kampanje"],
            "conditions": [{"check": "has_ordered", "days_back": 28}],
        },
        category="conditions",
    ),
    Case(
        "purring kl 10 hver dag til de som ikke har bestilt på 36 timer",
        {
            "type": "scheduled",
            "schedule": "daily",
            "time": "10:00",
            "steps": ["send_email"],
            "templates": ["reminder"],
            "conditions": [{"check": "orders_missing", "days_back": 2}],
        },
        category="conditions",
    ),
    Case(
        "remind those with no orders in the past fortnight every monday at 8",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "templates": ["reminder"],
            "conditions": [{"check": "orders_missing", "days_back": 14}],
        },
        category="conditions",
    ),
    Case(
        "hver mandag kl 8 bestillingsliste, men ikke på røde dager",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "templates": ["bestilling"],
            "holiday_policy": "skip",
        },
        category="calendar",
    ),
    Case(
        "every friday 9am price list; on public holidays send it the day before",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "09:00",
            "templates": ["priser"],
            "holiday_policy": "previous_business_day",
        },
        category="calendar",
    ),
    Case(
        "every year on December 1 at 8 send the campaign",
        {
            "type": "scheduled",
            "schedule": "cron",
            "cron": "0 8 1 12 *",
            "steps": ["send_email"],
            "templates": ["kampanje"],
        },
        category="calendar",
    ),
    Case(
        "årlig 15. januar kl 9: prisliste til alle",
        {
            "type": "scheduled",
            "schedule": "cron",
            "cron": "0 9 15 1 *",
            "steps": ["send_email"],
            "templates": ["priser"],
        },
        category="calendar",
    ),
    Case(
        "Oddetallsuker: onsdag kl 9 bestillingsliste",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["wednesday"],
            "time": "09:00",
            "templates": ["bestilling"],
            "iso_weeks": "odd",
        },
        category="calendar",
    ),
    Case(
        "annenhver torsdag kl 7 kampanje til snekkerne",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday"],
            "time": "07:00",
            "templates": ["kampanje"],
            "recipients": [{"group": "snekkere"}],
            "every_weeks": 2,
        },
        category="calendar",
    ),
    Case(
        "When the 'pris-oppdatert' webhook fires, send the price list to all customers",
        {
            "type": "event_based",
            "event": "webhook",
            "event_name": "pris-oppdatert",
            "steps": ["send_email"],
            "templates": ["priser"],
        },
        category="events",
    ),
    Case(
        "når webhook lager-tomt kommer inn, send rapport til lager@x.no",
        {
            "type": "event_based",
            "event": "webhook",
            "event_name": "lager-tomt",
            "steps": ["generate_report"],
        },
        category="events",
    ),
    Case(
        "hver mandag kl 9 ukeskampanje til snekkerne",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "templates": ["kampanje"],
            "recipients": [{"group": "snekkere"}],
        },
        category="templates_by_meaning",
    ),
    Case(
        "Mandag kl 7 bestillingsliste til rørleggerne, onsdag kl 12 purring, fredag kl 9 legger "
        "vi inn det faste for de som fortsatt ikke har bestilt",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "recipients": [
                {"group": "rorleggere"},
                {"group": "rorleggere"},
                {"group": "rorleggere"},
            ],
            "conditions": [
                None,
                {"check": "orders_missing", "since": "execution_start"},
                {"check": "orders_missing", "since": "execution_start"},
            ],
            "mode": "repeat_last",
        },
        category="chains",
    ),
    Case(
        "mon 7 order list, thu 14 reminder, fri 10 place standing order for the rest - only for "
        "the electricians",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "recipients": [
                {"group": "elektrikere"},
                {"group": "elektrikere"},
                {"group": "elektrikere"},
            ],
            "conditions": [
                None,
                {"check": "orders_missing", "since": "execution_start"},
                {"check": "orders_missing", "since": "execution_start"},
            ],
        },
        category="chains",
    ),
    Case(
        "Bestillingsliste ma kl 7 og purring to kl 12, begge til snekkerne",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "recipients": [{"group": "snekkere"}, {"group": "snekkere"}],
        },
        category="chains",
    ),
    Case(
        "weekly deals hver tirs og fre kl 6 til elektrikerne",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday", "friday"],
            "time": "06:00",
            "recipients": [{"group": "elektrikere"}],
        },
        category="multi_day",
    ),
    Case(
        "send prislista på mandager og torsdager klokka 8 til hytte- og campingkundene",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "thursday"],
            "time": "08:00",
            "templates": ["priser"],
            "recipients": [{"group": "hytte-camping"}],
        },
        category="multi_day",
    ),
    Case(
        "price list mondays & thursdays 8am to the cabins + campsites",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "thursday"],
            "time": "08:00",
            "templates": ["priser"],
            "recipients": [{"group": "hytte-camping"}],
        },
        category="multi_day",
    ),
    Case("sms til snekkerne fredag kl 12", "question", category="must_ask"),
    Case("send the order list to the roofers every monday at 7", "question", category="must_ask"),
]


def monthly_on(time: str, **facts: Any) -> dict[str, Any]:
    return {"type": "scheduled", "schedule": "monthly", "time": time, **facts}


#: Two-turn conversations of the kinds held-out v6's conversations found: one action on more
#: days ("og på tirsdager også"), a move said as where a step should be ("purringa skal komme
#: onsdag"), another day of the month ("nei, den 15. i stedet"), a calendar kind as the answer
#: to "when?", and dialect in a follow-up ("send den te rørleggerne istedenfor").
CONVERSATIONS_V4: list[EditCase] = [
    # nb
    EditCase(
        "Prisliste til snekkerne hver fredag kl 8",
        "og på tirsdager også",
        weekly(["tuesday", "friday"], "08:00", **one("priser", g("snekkere"))),
    ),
    # en
    EditCase(
        "campaign to the electricians every monday 7am",
        "wednesdays as well",
        weekly(["monday", "wednesday"], "07:00", **one("kampanje", g("elektrikere"))),
    ),
    # nb
    EditCase(
        "Bestillingsliste ma kl 7, purring to kl 12 til de som ikke har bestilt",
        "nei, purringa skal komme onsdag kl 14",
        weekly(
            "monday",
            "07:00",
            steps=["send_email", "send_email"],
            templates=["bestilling", "reminder"],
            triggers=[at("monday", "07:00"), at("wednesday", "14:00")],
            conditions=[None, SINCE_START],
        ),
    ),
    # en
    EditCase(
        "order list monday 8am, reminder thursday 3pm",
        "the reminder should go out on Wednesday at noon",
        weekly(
            "monday",
            "08:00",
            steps=["send_email", "send_email"],
            templates=["bestilling", "reminder"],
            triggers=[at("monday", "08:00"), at("wednesday", "12:00")],
        ),
    ),
    # nb
    EditCase(
        "Byggenytt til alle den 1. hver måned kl 9",
        "nei, den 15. i stedet",
        monthly_on("09:00", day_of_month=15, **one("nyhetsbrev", ALL)),
    ),
    # mix
    EditCase(
        "nyhetsbrevet til elektrikerne hver måned",
        "siste virkedag kl 15",
        monthly_on("15:00", business_day=-1, **one("nyhetsbrev", g("elektrikere"))),
        category="answers",
    ),
    # nb (dialect)
    EditCase(
        "Kampanje til snekkerne hver mandag kl 7",
        "send den te rørleggerne istedenfor",
        weekly("monday", "07:00", **one("kampanje", g("rorleggere"))),
    ),
]


#: More conversations of the same kinds (written before the second round of fixes).
CONVERSATIONS_V4 += [
    EditCase(
        "Prisliste til snekkerne hver fredag kl 8",
        "legg til onsdag også",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["wednesday", "friday"],
            "time": "08:00",
            "templates": ["priser"],
            "recipients": [{"group": "snekkere"}],
        },
    ),
    EditCase(
        "campaign to the electricians every monday 7am",
        "also on thursdays",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "thursday"],
            "time": "07:00",
            "templates": ["kampanje"],
            "recipients": [{"group": "elektrikere"}],
        },
    ),
    EditCase(
        "Bestillingsliste ma kl 7, purring to kl 12",
        "purringa bør heller gå ut onsdag kl 10",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "triggers": [{"day": "monday", "time": "07:00"}, {"day": "wednesday", "time": "10:00"}],
        },
    ),
    EditCase(
        "Byggenytt til alle den 1. hver måned kl 9",
        "make it the 10th instead",
        {"type": "scheduled", "schedule": "monthly", "day_of_month": 10, "time": "09:00"},
    ),
    EditCase(
        "Byggenytt til alle den 1. hver måned kl 9",
        "heller den 20.",
        {"type": "scheduled", "schedule": "monthly", "day_of_month": 20, "time": "09:00"},
    ),
    EditCase(
        "order list monday 8am, reminder thursday 3pm",
        "no, the reminder has to be on friday at 10",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "triggers": [{"day": "monday", "time": "08:00"}, {"day": "friday", "time": "10:00"}],
        },
    ),
    EditCase(
        "kampanje til snekkerne hver tirsdag kl 9",
        "og torsdager",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday", "thursday"],
            "time": "09:00",
            "templates": ["kampanje"],
            "recipients": [{"group": "snekkere"}],
        },
    ),
    EditCase(
        "send bestillingslista hver måned",
        "første mandag kl 8",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "weekday": "monday",
            "nth": 1,
            "time": "08:00",
        },
    ),
    EditCase(
        "send bestillingslista til snekkerne annenhver uke",
        "tirsdag kl 9",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday"],
            "time": "09:00",
            "every_weeks": 2,
        },
    ),
]


#: The same kinds for the bakery and dairy wholesaler of ``parser_phrasings_v3``
#: (``context_v3``), written after the second round of fixes; a first run: 24/28 cases
#: and 5/5 conversations right (nynorsk 'sjukehusa', 'to the food trucks' sent to everyone,
#: 'sender vi torsdag i stedet' for a Friday, '- bare til X og Y').
PHRASINGS_V4_BAKERY: list[Case] = [
    Case(
        "prisarket til pubene tirsdag og fredag kl 11",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday", "friday"],
            "time": "11:00",
            "steps": ["send_email"],
            "templates": ["priser"],
            "recipients": [{"group": "puber"}],
        },
        category="multi_day",
    ),
    Case(
        "Mon & Thu 7am: order list to the ferries",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "thursday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "ferjer"}],
        },
        category="multi_day",
    ),
    Case(
        "send bestillingslista te sjukehusa kvar måndag og torsdag kl 6",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "thursday"],
            "time": "06:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "sykehus"}],
        },
        category="multi_day",
    ),
    Case(
        "order list to the care homes every tuesday, thursday and saturday at 9am",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday", "thursday", "saturday"],
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "pleiehjem"}],
        },
        category="multi_day",
    ),
    Case(
        "skjema ti og to kl 8 te kafeene",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday", "thursday"],
            "time": "08:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "kafeer"}],
        },
        category="multi_day",
    ),
    Case(
        "Bestillingsliste til kantinene mandag kl 7, purring onsdag og torsdag kl 12 til dei som "
        "ikkje har bestilt",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email", "send_email", "send_email"],
            "triggers": [
                {"day": "monday", "time": "07:00"},
                {"day": "wednesday", "time": "12:00"},
                {"day": "thursday", "time": "12:00"},
            ],
            "conditions": [
                None,
                {"check": "orders_missing", "since": "execution_start"},
                {"check": "orders_missing", "since": "execution_start"},
            ],
            "recipients": [{"group": "kantiner"}, {"group": "kantiner"}, {"group": "kantiner"}],
        },
        category="chains",
    ),
    Case(
        "ma kl 6 skjema til barnehagene, on kl 11 purring, fr kl 8 vanlig bestilling for resten",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "06:00",
            "steps": ["send_email", "send_email", "create_order"],
            "recipients": [
                {"group": "barnehager"},
                {"group": "barnehager"},
                {"group": "barnehager"},
            ],
            "conditions": [
                None,
                {"check": "orders_missing", "since": "execution_start"},
                {"check": "orders_missing", "since": "execution_start"},
            ],
            "mode": "repeat_last",
        },
        category="chains",
    ),
    Case(
        "Order list to petrol stations on Monday 6am and remind them Tuesday and Thursday at 10 if "
        "they haven't ordered",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "06:00",
            "steps": ["send_email", "send_email", "send_email"],
            "triggers": [
                {"day": "monday", "time": "06:00"},
                {"day": "tuesday", "time": "10:00"},
                {"day": "thursday", "time": "10:00"},
            ],
            "conditions": [
                None,
                {"check": "orders_missing", "since": "execution_start"},
                {"check": "orders_missing", "since": "execution_start"},
            ],
        },
        category="chains",
    ),
    Case("sms til pubene hver fredag kl 15", "question", category="must_ask"),
    Case("post the weekly offer on instagram every friday at 8", "question", category="must_ask"),
    Case(
        "send the price sheet to the ferries every monday at 8. wait, never mind",
        "question",
        category="must_ask",
    ),
    Case("skjema til kafeene kvar fredag kl 9 - nei, dropp det", "question", category="must_ask"),
    Case("send the order list on 31 September at 8", "question", category="must_ask"),
    Case("purring hver dag kl 12, men bare en gang per uke", "question", category="must_ask"),
    Case(
        "send the order list to the food trucks every monday at 7", "question", category="must_ask"
    ),
    Case(
        "when an order is placed, wait 20 minutes and then send the order confirmation",
        {
            "type": "event_based",
            "event": "order.created",
            "steps": ["send_email"],
            "templates": ["confirmation"],
            "triggers": [{"delay_minutes": 20}],
        },
        category="delays",
    ),
    Case(
        "ny kunde? vent ei uke og send prisarket",
        {
            "type": "event_based",
            "event": "customer.created",
            "steps": ["send_email"],
            "templates": ["priser"],
            "triggers": [{"delay_minutes": 10080}],
        },
        category="delays",
    ),
    Case(
        "1 time etter at en kunde har lagt inn en ordre, send ordrebekreftelse",
        {
            "type": "event_based",
            "event": "order.created",
            "steps": ["send_email"],
            "templates": ["confirmation"],
            "triggers": [{"delay_minutes": 60}],
        },
        category="delays",
    ),
    Case(
        "every thursday 2pm the fresh bakes offer to cafes that have ordered in the past 10 days",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday"],
            "time": "14:00",
            "steps": ["send_email"],
            "templates": ["tilbud"],
            "recipients": [{"group": "kafeer"}],
            "conditions": [{"check": "has_ordered", "days_back": 10}],
        },
        category="conditions",
    ),
    Case(
        "purring til kiosker som ikke har bestilt på 24 timer, hver dag kl 9",
        {
            "type": "scheduled",
            "schedule": "daily",
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["reminder"],
            "recipients": [{"group": "kiosker"}],
            "conditions": [{"check": "orders_missing", "days_back": 1}],
        },
        category="conditions",
    ),
    Case(
        "Mondays at 8 the order list to canteens, skip it on holidays",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "kantiner"}],
            "holiday_policy": "skip",
        },
        category="calendar",
    ),
    Case(
        "hver fredag kl 10 tilbud te kafeene, faller fredagen på en helligdag sender vi torsdag i "
        "stedet",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "10:00",
            "steps": ["send_email"],
            "templates": ["tilbud"],
            "recipients": [{"group": "kafeer"}],
            "holiday_policy": "previous_business_day",
        },
        category="calendar",
    ),
    Case(
        "every year on 1 December at 7 send the christmas bakes email to all customers",
        {
            "type": "scheduled",
            "schedule": "cron",
            "cron": "0 7 1 12 *",
            "steps": ["send_email"],
            "templates": ["sesong"],
        },
        category="calendar",
    ),
    Case(
        "når webhooken kasse-stengt slår inn, send rapport til sjef@bakst.no",
        {
            "type": "event_based",
            "event": "webhook",
            "event_name": "kasse-stengt",
            "steps": ["generate_report"],
        },
        category="events",
    ),
    Case(
        "Skjema mandag kl 8 og purring torsdag kl 14, alt til sykehusene",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "steps": ["send_email", "send_email"],
            "recipients": [{"group": "sykehus"}, {"group": "sykehus"}],
        },
        category="chains",
    ),
    Case(
        "Bestillingsliste ma kl 7 og purring ti kl 12 - bare til kiosker og bensinstasjoner",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email", "send_email", "send_email", "send_email"],
        },
        category="chains",
    ),
    Case(
        "Hver mandag 06:30: ukas tilbud til kantinene",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "06:30",
            "steps": ["send_email"],
            "templates": ["tilbud"],
            "recipients": [{"group": "kantiner"}],
        },
        category="templates_by_meaning",
    ),
    Case(
        "fr kl. 13 leveringsvarsel til ferjene",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "13:00",
            "steps": ["send_email"],
            "templates": ["levering"],
            "recipients": [{"group": "ferjer"}],
        },
        category="templates_by_meaning",
    ),
]

CONVERSATIONS_V4_BAKERY: list[EditCase] = [
    EditCase(
        "prisark til pubene hver tirsdag kl 11",
        "og fredager også",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday", "friday"],
            "time": "11:00",
            "steps": ["send_email"],
            "templates": ["priser"],
            "recipients": [{"group": "puber"}],
        },
    ),
    EditCase(
        "Skjema mandag kl 8, purring torsdag kl 14",
        "purringa må heller komme onsdag kl 12",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "steps": ["send_email", "send_email"],
            "triggers": [{"day": "monday", "time": "08:00"}, {"day": "wednesday", "time": "12:00"}],
        },
    ),
    EditCase(
        "Newsletter til alle den 1. hver måned kl 9",
        "nei, den 3. istedenfor",
        {"type": "scheduled", "schedule": "monthly", "day_of_month": 3, "time": "09:00"},
    ),
    EditCase(
        "ferskt fra ovnen til kafeene hver dag kl 7",
        "send det te kantinene istedenfor",
        {
            "type": "scheduled",
            "schedule": "daily",
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["tilbud"],
            "recipients": [{"group": "kantiner"}],
        },
    ),
    EditCase(
        "sms til pubene hver fredag kl 15",
        "ja",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "15:00",
            "steps": ["send_email"],
            "recipients": [{"group": "puber"}],
        },
    ),
]


#: The same kinds for the wholesaler of ``parser_phrasings_v2`` (``context_v2``), written
#: after the third round of fixes; a first run: 26/30 cases and 8/8 conversations right
#: ('(mon + thu)', 'mån og tors', 'Weds', a list of days opening a sentence).
PHRASINGS_V4_SECOND: list[Case] = [
    Case(
        "Prislisten skal ut til restaurantene hver tirsdag og torsdag morgen kl 6",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday", "thursday"],
            "time": "06:00",
            "steps": ["send_email"],
            "templates": ["prisliste"],
            "recipients": [{"group": "restauranter"}],
        },
        category="multi_day",
    ),
    Case(
        "twice a week (mon + thu) at 7 send ukens tilbud to the shops",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "thursday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["tilbud"],
            "recipients": [{"group": "butikker"}],
        },
        category="multi_day",
    ),
    Case(
        "nyhetsbrev til storkundene mandager og fredager kl 10:30",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "friday"],
            "time": "10:30",
            "steps": ["send_email"],
            "templates": ["nyhetsbrev"],
            "recipients": [{"group": "storkunder"}],
        },
        category="multi_day",
    ),
    Case(
        "skjema til hotellene mån og tors kl 9",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "thursday"],
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "hoteller"}],
        },
        category="multi_day",
    ),
    Case(
        "Order form out Monday 9am. Reminder Weds and Fri 2pm to anyone still missing. Place the "
        "usual order Saturday 8am for whoever hasn't ordered by then",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email", "send_email", "send_email", "create_order"],
            "conditions": [
                None,
                {"check": "orders_missing", "since": "execution_start"},
                {"check": "orders_missing", "since": "execution_start"},
                {"check": "orders_missing", "since": "execution_start"},
            ],
            "mode": "repeat_last",
        },
        category="chains",
    ),
    Case(
        "skjema mandag kl 9 til kafeene; tirsdag, onsdag og torsdag kl 12 purring",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email", "send_email", "send_email", "send_email"],
            "triggers": [
                {"day": "monday", "time": "09:00"},
                {"day": "tuesday", "time": "12:00"},
                {"day": "wednesday", "time": "12:00"},
                {"day": "thursday", "time": "12:00"},
            ],
            "recipients": [
                {"group": "kafeer"},
                {"group": "kafeer"},
                {"group": "kafeer"},
                {"group": "kafeer"},
            ],
        },
        category="chains",
    ),
    Case(
        "sende skjema på mandag kl 08.00, purre på onsdag kl 13.00 og legge inn fast ordre torsdag "
        "kl 10.00 for de som ikke har bestilt",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "steps": ["send_email", "send_email", "create_order"],
            "triggers": [
                {"day": "monday", "time": "08:00"},
                {"day": "wednesday", "time": "13:00"},
                {"day": "thursday", "time": "10:00"},
            ],
            "conditions": [
                None,
                {"check": "orders_missing", "since": "execution_start"},
                {"check": "orders_missing", "since": "execution_start"},
            ],
            "mode": "repeat_last",
        },
        category="chains",
    ),
    Case("send faktura via sms hver fredag", "question", category="must_ask"),
    Case("ring kundene som ikke har bestilt hver torsdag kl 14", "question", category="must_ask"),
    Case(
        "send the order form every monday at 9 to the golf clubs", "question", category="must_ask"
    ),
    Case("send ukens tilbud hver mandag kl 25", "question", category="must_ask"),
    Case(
        "Send the newsletter every day at 9, but just once a month", "question", category="must_ask"
    ),
    Case(
        "send bestillingsskjema til butikkene hver mandag kl 9. Eller nei, la det være.",
        "question",
        category="must_ask",
    ),
    Case(
        "when someone places an order, wait a day and send them the price list",
        {
            "type": "event_based",
            "event": "order.created",
            "steps": ["send_email"],
            "templates": ["prisliste"],
            "triggers": [{"delay_minutes": 1440}],
        },
        category="delays",
    ),
    Case(
        "Når det kommer inn en ny ordre: vent 10 min, så send ordrebekreftelse",
        {
            "type": "event_based",
            "event": "order.created",
            "steps": ["send_email"],
            "templates": ["confirmation"],
            "triggers": [{"delay_minutes": 10}],
        },
        category="delays",
    ),
    Case(
        "when a new customer is added, wait 1 week then send the newsletter",
        {
            "type": "event_based",
            "event": "customer.created",
            "steps": ["send_email"],
            "templates": ["nyhetsbrev"],
            "triggers": [{"delay_minutes": 10080}],
        },
        category="delays",
    ),
    Case(
        "send ukens tilbud hver mandag kl 8 til kunder som har bestilt siste måned",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "steps": ["send_email"],
            "templates": ["tilbud"],
            "conditions": [{"check": "has_ordered", "days_back": 30}],
        },
        category="conditions",
    ),
    Case(
        "reminder every day 3pm to cafes that haven't placed an order in 2 days",
        {
            "type": "scheduled",
            "schedule": "daily",
            "time": "15:00",
            "steps": ["send_email"],
            "templates": ["reminder"],
            "recipients": [{"group": "kafeer"}],
            "conditions": [{"check": "orders_missing", "days_back": 2}],
        },
        category="conditions",
    ),
    Case(
        "hver fredag kl 10 prisliste til butikkene, men hopp over helligdagene",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "10:00",
            "steps": ["send_email"],
            "templates": ["prisliste"],
            "recipients": [{"group": "butikker"}],
            "holiday_policy": "skip",
        },
        category="calendar",
    ),
    Case(
        "Every Monday 9am order form; if Monday's a bank holiday, Tuesday instead",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "holiday_policy": "next_business_day",
        },
        category="calendar",
    ),
    Case(
        "hvert år den 1. desember kl 8 send nyhetsbrev til alle",
        {
            "type": "scheduled",
            "schedule": "cron",
            "cron": "0 8 1 12 *",
            "steps": ["send_email"],
            "templates": ["nyhetsbrev"],
        },
        category="calendar",
    ),
    Case(
        "siste fredag i hver måned kl 14 nyhetsbrev til storkundene",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "weekday": "friday",
            "nth": -1,
            "time": "14:00",
            "steps": ["send_email"],
            "templates": ["nyhetsbrev"],
            "recipients": [{"group": "storkunder"}],
        },
        category="calendar",
    ),
    Case(
        "annenhver mandag kl 7 ukens tilbud til kantinene",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["tilbud"],
            "recipients": [{"group": "kantiner"}],
            "every_weeks": 2,
        },
        category="calendar",
    ),
    Case(
        "every second week on thursday 9am order form to hotels",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday"],
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "hoteller"}],
            "every_weeks": 2,
        },
        category="calendar",
    ),
    Case(
        "Partallsuker mandag kl 8: skjema til butikkene",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "butikker"}],
            "iso_weeks": "even",
        },
        category="calendar",
    ),
    Case(
        "fakturapåminnelse til storkundene hver mandag kl 10",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "10:00",
            "steps": ["send_email"],
            "templates": ["faktura"],
            "recipients": [{"group": "storkunder"}],
        },
        category="templates_by_meaning",
    ),
    Case(
        "send allergeninfo til restaurantene hver mandag kl 9",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["new"],
            "recipients": [{"group": "restauranter"}],
        },
        category="new_templates",
    ),
    Case(
        "hver torsdag kl 12 send oppskrifter te kafeene",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday"],
            "time": "12:00",
            "steps": ["send_email"],
            "templates": ["new"],
            "recipients": [{"group": "kafeer"}],
        },
        category="new_templates",
    ),
    Case(
        "When the webhook 'lager.lavt' fires, email a report to lager@firma.no",
        {
            "type": "event_based",
            "event": "webhook",
            "event_name": "lager.lavt",
            "steps": ["generate_report"],
        },
        category="events",
    ),
    Case(
        "mandag kl 9 skjema, onsdag kl 14 purring og fredag kl 10 fast ordre, alt for kantinene",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email", "send_email", "create_order"],
            "recipients": [{"group": "kantiner"}, {"group": "kantiner"}, {"group": "kantiner"}],
        },
        category="chains",
    ),
]

CONVERSATIONS_V4_SECOND: list[EditCase] = [
    EditCase(
        "Nyhetsbrev til alle hver mandag kl 10",
        "legg til torsdag også",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "thursday"],
            "time": "10:00",
            "steps": ["send_email"],
            "templates": ["nyhetsbrev"],
        },
    ),
    EditCase(
        "Skjema mandag kl 9, purring torsdag kl 15",
        "flytt purringa til fredag",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email", "send_email"],
            "triggers": [{"day": "monday", "time": "09:00"}, {"day": "friday", "time": "15:00"}],
        },
    ),
    EditCase(
        "Prisliste til butikkene hver fredag kl 10",
        "hopp over helligdager",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "10:00",
            "holiday_policy": "skip",
        },
    ),
    EditCase(
        "send nyhetsbrevet hver måned",
        "første mandag kl 9",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "weekday": "monday",
            "nth": 1,
            "time": "09:00",
        },
    ),
    EditCase(
        "skjema til alle annenhver uke",
        "fredag kl 9",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "09:00",
            "every_weeks": 2,
        },
    ),
    EditCase(
        "skjema til golfklubbene mandag kl 9",
        "kafeene da",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "kafeer"}],
        },
    ),
    EditCase(
        "Ukens tilbud til kafeene hver mandag kl 7",
        "nei, kl 6:30",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "06:30",
            "steps": ["send_email"],
            "templates": ["tilbud"],
            "recipients": [{"group": "kafeer"}],
        },
    ),
    EditCase(
        "Ukens tilbud til kafeene hver mandag kl 7",
        "onsdager også",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "wednesday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["tilbud"],
            "recipients": [{"group": "kafeer"}],
        },
    ),
]


#: Requests that must be asked back, of the kinds the format cannot do (events it lacks,
#: other channels, impossible times, vague, taken back, everyone except a group); a first
#: run: 17/24 asked (taken back in other words, 'except the plumbers' sent to the plumbers,
#: fax, phone calls and letters sent as email).
MUST_ASK_V4: list[Case] = [
    Case("når en kunde bytter leveringsadresse, send bekreftelse", QUESTION, category="must_ask"),
    Case("when an order is cancelled, email the customer", QUESTION, category="must_ask"),
    Case("when a customer pays an invoice, send a thank you", QUESTION, category="must_ask"),
    Case("når varene er levert, send en takkemail", QUESTION, category="must_ask"),
    Case("when a customer unsubscribes, notify sales", QUESTION, category="must_ask"),
    Case("send bestillingslista kl 24:30 hver mandag", QUESTION, category="must_ask"),
    Case("den 32. hver måned kl 9 nyhetsbrev", QUESTION, category="must_ask"),
    Case("femte fredag i måneden kl 10 kampanje", QUESTION, category="must_ask"),
    Case("every 12 weeks on monday send the price list", QUESTION, category="must_ask"),
    Case("send something nice to customers sometimes", QUESTION, category="must_ask"),
    Case("fiks noe lurt for snekkerne", QUESTION, category="must_ask"),
    Case("nyhetsbrev annenhver uke", QUESTION, category="must_ask"),
    Case("send prislista hver måned", QUESTION, category="must_ask"),
    Case(
        "send the campaign to the electricians every monday at 8, no wait, actually don't",
        QUESTION,
        category="must_ask",
    ),
    Case("Every Monday at 9 send the order list. Just kidding.", QUESTION, category="must_ask"),
    Case(
        "send the order list to everyone except the plumbers every monday at 8",
        QUESTION,
        category="must_ask",
    ),
    Case(
        "bestillingslista til alle unntatt rørleggerne hver mandag kl 8",
        QUESTION,
        category="must_ask",
    ),
    Case("send bestillingslista til snekkerne kl 9", QUESTION, category="must_ask"),
    Case("fax the price list to the contractors every friday at 9", QUESTION, category="must_ask"),
    Case("ring snekkerne hver mandag kl 9", QUESTION, category="must_ask"),
    Case(
        "send brev i posten til entreprenørene hver måned den 1. kl 9",
        QUESTION,
        category="must_ask",
    ),
    Case("purring onsdag kl 25 til de som ikke har bestilt", QUESTION, category="must_ask"),
    Case("send the order list on the 0th of every month", QUESTION, category="must_ask"),
    Case("every other day at 9 send the reminder", QUESTION, category="must_ask"),
]


#: Chains written as lists, arrows and sentences, events with a second step; a first run:
#: 14/16 right (a numbered list, 'etter hver ordre').
CHAINS_V4: list[Case] = [
    Case(
        "1) mandag kl 7: bestillingsliste til snekkerne\n2) onsdag kl 12: purring\n3) fredag kl "
        "9: legg inn fast ordre for de som mangler",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "recipients": [{"group": "snekkere"}, {"group": "snekkere"}, {"group": "snekkere"}],
            "steps": ["send_email", "send_email", "create_order"],
            "triggers": [
                {"day": "monday", "time": "07:00"},
                {"day": "wednesday", "time": "12:00"},
                {"day": "friday", "time": "09:00"},
            ],
            "conditions": [
                None,
                {"check": "orders_missing", "since": "execution_start"},
                {"check": "orders_missing", "since": "execution_start"},
            ],
            "mode": "repeat_last",
        },
        category="chains",
    ),
    Case(
        "Monday 7am order list → Wednesday noon reminder → Friday 9am usual order for non-orderers",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email", "send_email", "create_order"],
            "triggers": [
                {"day": "monday", "time": "07:00"},
                {"day": "wednesday", "time": "12:00"},
                {"day": "friday", "time": "09:00"},
            ],
            "conditions": [
                None,
                {"check": "orders_missing", "since": "execution_start"},
                {"check": "orders_missing", "since": "execution_start"},
            ],
            "mode": "repeat_last",
        },
        category="chains",
    ),
    Case(
        "- Mon 07:00 order list\n- Wed 12:00 reminder to those who haven't ordered\n- Fri 09:00 "
        "standing order for the rest",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email", "send_email", "create_order"],
            "triggers": [
                {"day": "monday", "time": "07:00"},
                {"day": "wednesday", "time": "12:00"},
                {"day": "friday", "time": "09:00"},
            ],
            "conditions": [
                None,
                {"check": "orders_missing", "since": "execution_start"},
                {"check": "orders_missing", "since": "execution_start"},
            ],
            "mode": "repeat_last",
        },
        category="chains",
    ),
    Case(
        "Bestillingsliste mandag 07.00, purring onsdag 12.00, fast ordre fredag 09.00 for de som "
        "ikke har bestilt",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email", "send_email", "create_order"],
            "triggers": [
                {"day": "monday", "time": "07:00"},
                {"day": "wednesday", "time": "12:00"},
                {"day": "friday", "time": "09:00"},
            ],
            "conditions": [
                None,
                {"check": "orders_missing", "since": "execution_start"},
                {"check": "orders_missing", "since": "execution_start"},
            ],
            "mode": "repeat_last",
        },
        category="chains",
    ),
    Case(
        "first the order list on monday at 7, then a reminder on wednesday at 12 and finally the "
        "usual order on friday at 9 for anyone still missing",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email", "send_email", "create_order"],
            "triggers": [
                {"day": "monday", "time": "07:00"},
                {"day": "wednesday", "time": "12:00"},
                {"day": "friday", "time": "09:00"},
            ],
            "conditions": [
                None,
                {"check": "orders_missing", "since": "execution_start"},
                {"check": "orders_missing", "since": "execution_start"},
            ],
            "mode": "repeat_last",
        },
        category="chains",
    ),
    Case(
        "mandag kl 7 går bestillingslista ut. har de ikke bestilt innen onsdag kl 12 får de en "
        "purring. fredag kl 9 legger vi inn den faste ordren for dem som fortsatt mangler",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email", "send_email", "create_order"],
            "triggers": [
                {"day": "monday", "time": "07:00"},
                {"day": "wednesday", "time": "12:00"},
                {"day": "friday", "time": "09:00"},
            ],
            "conditions": [
                None,
                {"check": "orders_missing", "since": "execution_start"},
                {"check": "orders_missing", "since": "execution_start"},
            ],
            "mode": "repeat_last",
        },
        category="chains",
    ),
    Case(
        "Order list goes out Mondays at 7. Wednesday at noon, a reminder to whoever hasn't "
        "ordered yet. Friday 9am: place their regular order if they still haven't",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email", "send_email", "create_order"],
            "triggers": [
                {"day": "monday", "time": "07:00"},
                {"day": "wednesday", "time": "12:00"},
                {"day": "friday", "time": "09:00"},
            ],
            "conditions": [
                None,
                {"check": "orders_missing", "since": "execution_start"},
                {"check": "orders_missing", "since": "execution_start"},
            ],
            "mode": "repeat_last",
        },
        category="chains",
    ),
    Case(
        "bestillingsliste man 7, purring ons 12, fast ordre fre 9",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email", "send_email", "create_order"],
            "triggers": [
                {"day": "monday", "time": "07:00"},
                {"day": "wednesday", "time": "12:00"},
                {"day": "friday", "time": "09:00"},
            ],
            "conditions": [
                None,
                {"check": "orders_missing", "since": "execution_start"},
                {"check": "orders_missing", "since": "execution_start"},
            ],
            "mode": "repeat_last",
        },
        category="chains",
    ),
    Case(
        "Mandag 7: bestillingsliste. Onsdag 12: purring. Fredag 9: fast ordre til dem som mangler.",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email", "send_email", "create_order"],
            "triggers": [
                {"day": "monday", "time": "07:00"},
                {"day": "wednesday", "time": "12:00"},
                {"day": "friday", "time": "09:00"},
            ],
            "conditions": [
                None,
                {"check": "orders_missing", "since": "execution_start"},
                {"check": "orders_missing", "since": "execution_start"},
            ],
            "mode": "repeat_last",
        },
        category="chains",
    ),
    Case(
        "order list mon 7am + reminder wed 12pm + usual order fri 9am for those missing",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email", "send_email", "create_order"],
            "triggers": [
                {"day": "monday", "time": "07:00"},
                {"day": "wednesday", "time": "12:00"},
                {"day": "friday", "time": "09:00"},
            ],
            "conditions": [
                None,
                {"check": "orders_missing", "since": "execution_start"},
                {"check": "orders_missing", "since": "execution_start"},
            ],
            "mode": "repeat_last",
        },
        category="chains",
    ),
    Case(
        "Send velkomstmail når en ny kunde registrerer seg, og prislista to dager etter",
        {
            "type": "event_based",
            "event": "customer.created",
            "steps": ["send_email", "send_email"],
            "templates": ["velkomst", "priser"],
            "triggers": [None, {"delay_minutes": 2880}],
        },
        category="events",
    ),
    Case(
        "new customer: welcome email right away, then the price list 3 days later",
        {
            "type": "event_based",
            "event": "customer.created",
            "steps": ["send_email", "send_email"],
            "templates": ["velkomst", "priser"],
            "triggers": [None, {"delay_minutes": 4320}],
        },
        category="events",
    ),
    Case(
        "Etter hver ordre: bekreftelse med en gang, og varsle lager",
        {"type": "event_based", "event": "order.created", "steps": ["send_email", "notify_staff"]},
        category="events",
    ),
    Case(
        "every friday at 3pm email a report of who hasn't ordered this week to salg@byggevare.no",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "15:00",
            "steps": ["generate_report"],
            "report": "orders_missing",
        },
        category="chains",
    ),
    Case(
        "send kampanjen til snekkerne og elektrikerne hver mandag kl 8",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "steps": ["send_email", "send_email"],
            "recipients": [{"group": "snekkere"}, {"group": "elektrikere"}],
        },
        category="groups",
    ),
    Case(
        "hver mandag kl 8 prisliste til alle snekkere og tømrere",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "steps": ["send_email"],
            "templates": ["priser"],
            "recipients": [{"group": "snekkere"}],
        },
        category="groups",
    ),
]


#: Templates by meaning, new templates and calendar kinds in more words; a first run: 18/22
#: right ('first on March 19', two days of the month, 'send den tirsdag' on a holiday,
#: 'holidays: skip').
CALENDAR_V4: list[Case] = [
    Case(
        "send the newest prices to the carpenters every monday 7",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["priser"],
            "recipients": [{"group": "snekkere"}],
        },
        category="templates_by_meaning",
    ),
    Case(
        "oppdatert prisoversikt til elektrikerne hver fredag kl 14",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "14:00",
            "steps": ["send_email"],
            "templates": ["priser"],
            "recipients": [{"group": "elektrikere"}],
        },
        category="templates_by_meaning",
    ),
    Case(
        "månedens tilbud ut til alle den første i måneden kl 8",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "time": "08:00",
            "day_of_month": 1,
            "steps": ["send_email"],
            "templates": ["kampanje"],
        },
        category="templates_by_meaning",
    ),
    Case(
        "Send out the monthly newsletter on the last business day at 3pm",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "time": "15:00",
            "business_day": -1,
            "steps": ["send_email"],
            "templates": ["nyhetsbrev"],
        },
        category="templates_by_meaning",
    ),
    Case(
        "welcome mail when a customer is created",
        {
            "type": "event_based",
            "event": "customer.created",
            "steps": ["send_email"],
            "templates": ["velkomst"],
        },
        category="templates_by_meaning",
    ),
    Case(
        "send leveringsplan til entreprenørene hver torsdag kl 12",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday"],
            "time": "12:00",
            "steps": ["send_email"],
            "templates": ["new"],
            "recipients": [{"group": "entreprenorer"}],
        },
        category="new_templates",
    ),
    Case(
        "HMS-datablad til rørleggerne første mandag i måneden kl 8",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "time": "08:00",
            "weekday": "monday",
            "nth": 1,
            "steps": ["send_email"],
            "templates": ["new"],
            "recipients": [{"group": "rorleggere"}],
        },
        category="new_templates",
    ),
    Case(
        "send a survey to the electricians on the last friday of every month at 2pm",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "time": "14:00",
            "weekday": "friday",
            "nth": -1,
            "steps": ["send_email"],
            "templates": ["new"],
            "recipients": [{"group": "elektrikere"}],
        },
        category="new_templates",
    ),
    Case(
        "juleåpningstider til alle kunder 1. desember kl 9 hvert år",
        {
            "type": "scheduled",
            "schedule": "cron",
            "cron": "0 9 1 12 *",
            "steps": ["send_email"],
            "templates": ["new"],
        },
        category="new_templates",
    ),
    Case(
        "send the stocktaking notice every other friday at 10, first on March 19",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "10:00",
            "steps": ["send_email"],
            "templates": ["new"],
            "every_weeks": 2,
            "anchor": "2027-03-19",
        },
        category="new_templates",
    ),
    Case(
        "annenhver tirsdag kl 8 bestillingsliste til snekkerne, første gang 16. mars",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday"],
            "time": "08:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "snekkere"}],
            "every_weeks": 2,
            "anchor": "2027-03-16",
        },
        category="calendar",
    ),
    Case(
        "hver 3. uke på mandag kl 7 prisliste",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["priser"],
            "every_weeks": 3,
        },
        category="calendar",
    ),
    Case(
        "every weekday at 6:30 send the order list to the contractors",
        {
            "type": "scheduled",
            "schedule": "daily",
            "time": "06:30",
            "weekdays_only": True,
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "entreprenorer"}],
        },
        category="calendar",
    ),
    Case(
        "hver virkedag kl 7 purring til de som ikke har bestilt siste 3 dager",
        {
            "type": "scheduled",
            "schedule": "daily",
            "time": "07:00",
            "business_days_only": True,
            "steps": ["send_email"],
            "templates": ["reminder"],
            "conditions": [{"check": "orders_missing", "days_back": 3}],
        },
        category="calendar",
    ),
    Case(
        "oddetallsuker fredag kl 9: kampanje til jernvarebutikkene",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["kampanje"],
            "recipients": [{"group": "jernvare"}],
            "iso_weeks": "odd",
        },
        category="calendar",
    ),
    Case(
        "in even weeks on wednesdays at 10 send the price list",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["wednesday"],
            "time": "10:00",
            "steps": ["send_email"],
            "templates": ["priser"],
            "iso_weeks": "even",
        },
        category="calendar",
    ),
    Case(
        "second tuesday of the month at 9am order list to plumbers",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "time": "09:00",
            "weekday": "tuesday",
            "nth": 2,
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "rorleggere"}],
        },
        category="calendar",
    ),
    Case(
        "den 15. hver måned kl 12 byggenytt",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "time": "12:00",
            "day_of_month": 15,
            "steps": ["send_email"],
            "templates": ["nyhetsbrev"],
        },
        category="calendar",
    ),
    Case(
        "on the 1st and 15th of every month at 9 send the newsletter",
        "question",
        category="must_ask",
    ),
    Case(
        "hver mandag kl 9 bestillingsliste, og er mandagen en helligdag, send den tirsdag",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "holiday_policy": "next_business_day",
        },
        category="calendar",
    ),
    Case(
        "fridays 2pm order list; holidays: skip",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "14:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "holiday_policy": "skip",
        },
        category="calendar",
    ),
    Case(
        "every monday at 8 the order list, also on public holidays",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "holiday_policy": "run",
        },
        category="calendar",
    ),
]


#: Answers and edits in more words; a first run: 19/24 right ('til takleggerne' sent to
#: everyone instead of asked about, a group change said as 'purringa skal til ...', 'ikke på
#: fredag, på torsdag', 'ta bort mandag' from a schedule on two days).
CONVERSATIONS_V4 += [
    EditCase(
        "sms til snekkerne hver fredag kl 12",
        "ja, på e-post",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "12:00",
            "steps": ["send_email"],
            "recipients": [{"group": "snekkere"}],
        },
    ),
    EditCase(
        "bestillingsliste til takleggerne hver mandag kl 7",
        "snekkerne",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "snekkere"}],
        },
    ),
    EditCase(
        "bestillingsliste til takleggerne hver mandag kl 7",
        "send it to everyone",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "all"}],
        },
    ),
    EditCase(
        "prisliste til elektrikerne hver mandag",
        "kl 10",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "10:00",
            "steps": ["send_email"],
            "templates": ["priser"],
            "recipients": [{"group": "elektrikere"}],
        },
    ),
    EditCase(
        "kampanje til snekkerne kl 9",
        "hver torsdag",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday"],
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["kampanje"],
            "recipients": [{"group": "snekkere"}],
        },
    ),
    EditCase(
        "send the newsletter every month",
        "on the 5th at 10am",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "time": "10:00",
            "day_of_month": 5,
            "steps": ["send_email"],
            "templates": ["nyhetsbrev"],
        },
    ),
    EditCase(
        "send the order list every other week",
        "tuesdays at 7",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "every_weeks": 2,
        },
    ),
    EditCase(
        "bestillingslista hver 10. uke på mandag kl 8",
        "hver uke",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
        },
    ),
    EditCase(
        "Bestillingsliste ma kl 7, purring on kl 12, fast ordre fr kl 9 for de som mangler",
        "dropp purringa",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email", "create_order"],
        },
    ),
    EditCase(
        "Bestillingsliste ma kl 7, purring on kl 12, fast ordre fr kl 9 for de som mangler",
        "remove the standing order",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email", "send_email"],
        },
    ),
    EditCase(
        "Bestillingsliste til snekkerne hver mandag kl 7",
        "bytt til prislista",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["priser"],
            "recipients": [{"group": "snekkere"}],
        },
    ),
    EditCase(
        "Bestillingsliste til snekkerne hver mandag kl 7",
        "legg til en purring torsdag kl 14",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email", "send_email"],
            "templates": ["bestilling", "reminder"],
            "triggers": [{"day": "monday", "time": "07:00"}, {"day": "thursday", "time": "14:00"}],
            "recipients": [{"group": "snekkere"}, {"group": "snekkere"}],
            "conditions": [None, {"check": "orders_missing", "since": "execution_start"}],
        },
    ),
    EditCase(
        "Bestillingsliste til snekkerne hver mandag kl 7",
        "og til elektrikerne også",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email", "send_email"],
            "recipients": [{"group": "snekkere"}, {"group": "elektrikere"}],
        },
    ),
    EditCase(
        "Bestillingsliste til snekkerne hver mandag kl 7",
        "kl 6:30 heller",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "06:30",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "snekkere"}],
        },
    ),
    EditCase(
        "Bestillingsliste til snekkerne hver mandag kl 7",
        "flytt den til tirsdag",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "snekkere"}],
        },
    ),
    EditCase(
        "Bestillingsliste til snekkerne hver mandag kl 7",
        "hopp over røde dager",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "holiday_policy": "skip",
        },
    ),
    EditCase(
        "Bestillingsliste til snekkerne hver mandag kl 7",
        "make it every other week",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "every_weeks": 2,
        },
    ),
    EditCase(
        "Bestillingsliste til snekkerne hver mandag kl 7",
        "only in even weeks",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "iso_weeks": "even",
        },
    ),
    EditCase(
        "Bestillingsliste til snekkerne hver mandag kl 7",
        "ser bra ut",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "snekkere"}],
        },
    ),
    EditCase(
        "Skjema mandag kl 9, purring torsdag kl 15",
        "purringa skal til elektrikerne",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email", "send_email"],
            "recipients": [{"group": "all"}, {"group": "elektrikere"}],
        },
    ),
    EditCase(
        "Prisliste til snekkerne hver fredag kl 8",
        "ikke på fredag, på torsdag",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday"],
            "time": "08:00",
            "steps": ["send_email"],
            "templates": ["priser"],
            "recipients": [{"group": "snekkere"}],
        },
    ),
    EditCase(
        "Prisliste til snekkerne hver fredag kl 8",
        "every day instead",
        {
            "type": "scheduled",
            "schedule": "daily",
            "time": "08:00",
            "steps": ["send_email"],
            "templates": ["priser"],
            "recipients": [{"group": "snekkere"}],
        },
    ),
    EditCase(
        "Prisliste til snekkerne hver fredag kl 8",
        "also mondays",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "friday"],
            "time": "08:00",
            "steps": ["send_email"],
            "templates": ["priser"],
            "recipients": [{"group": "snekkere"}],
        },
    ),
    EditCase(
        "Prisliste til snekkerne mandag og fredag kl 8",
        "ta bort mandag",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "08:00",
            "steps": ["send_email"],
            "templates": ["priser"],
            "recipients": [{"group": "snekkere"}],
        },
    ),
]

MUST_ASK_V4.append(Case("bestillingsliste til takleggerne hver mandag kl 7", QUESTION, "must_ask"))


#: Templates by meaning and new templates for the bakery (``context_v3``): an email no
#: template covers is a new template, never another one; a first run: 14/15 right ('dagens
#: bakst' took 'Julebaksten' over the template whose subject says 'Dagens bakst').
PHRASINGS_V4_BAKERY += [
    Case(
        "send betalingspåminnelse til kafeene hver fredag kl 10",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "10:00",
            "steps": ["send_email"],
            "templates": ["new"],
        },
        category="new_templates",
    ),
    Case(
        "invoice reminder to the pubs every monday at 9",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["new"],
        },
        category="new_templates",
    ),
    Case(
        "åpningstider i påsken til alle kunder hver mandag kl 8",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "steps": ["send_email"],
            "templates": ["new"],
        },
        category="new_templates",
    ),
    Case(
        "send frokostmenyen til kantinene hver mandag kl 6",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "06:00",
            "steps": ["send_email"],
            "templates": ["new"],
        },
        category="new_templates",
    ),
    Case(
        "the delivery schedule to the ferries every sunday at 18",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["sunday"],
            "time": "18:00",
            "steps": ["send_email"],
            "templates": ["levering"],
        },
        category="templates_by_meaning",
    ),
    Case(
        "send nye priser til kioskene hver fredag kl 7",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["priser"],
        },
        category="templates_by_meaning",
    ),
    Case(
        "dagens bakst til kafeene hver dag kl 6",
        {
            "type": "scheduled",
            "schedule": "daily",
            "time": "06:00",
            "steps": ["send_email"],
            "templates": ["tilbud"],
        },
        category="templates_by_meaning",
    ),
    Case(
        "julebestilling til dagligvare hver mandag kl 8",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "steps": ["send_email"],
            "templates": ["sesong"],
        },
        category="templates_by_meaning",
    ),
    Case(
        "send a welcome email to the hospitals every monday at 9",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["onboarding"],
        },
        category="templates_by_meaning",
    ),
    Case(
        "kundeundersøkelse til pubene første mandag i måneden kl 10",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "weekday": "monday",
            "nth": 1,
            "time": "10:00",
            "steps": ["send_email"],
            "templates": ["new"],
        },
        category="new_templates",
    ),
    Case(
        "allergeninformasjon til barnehagene hver tirsdag kl 9",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday"],
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["new"],
        },
        category="new_templates",
    ),
    Case(
        "send kontrakten til sykehusene hver måned den 1. kl 9",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "day_of_month": 1,
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["new"],
        },
        category="new_templates",
    ),
    Case(
        "send the monthly newsletter to the cafes on the 1st at 9",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "day_of_month": 1,
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["newsletter"],
        },
        category="templates_by_meaning",
    ),
    Case(
        "send ordrebekreftelse til kiosker hver fredag kl 9",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["confirmation"],
        },
        category="templates_by_meaning",
    ),
    Case(
        "send promo email to the pubs every friday at 9",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["tilbud"],
        },
        category="templates_by_meaning",
    ),
]


#: Conditions, events and delays in more words; a first run: 17/18 right ('denne uka').
EVENTS_V4: list[Case] = [
    Case(
        "Thursday 3pm: remind plumbers who haven't ordered since Monday",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday"],
            "time": "15:00",
            "steps": ["send_email"],
            "templates": ["reminder"],
            "recipients": [{"group": "rorleggere"}],
            "conditions": [{"check": "orders_missing", "since": "last_monday"}],
        },
        category="conditions",
    ),
    Case(
        "purring fredag kl 12 til de som ikke har handlet denne uka",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "12:00",
            "steps": ["send_email"],
            "templates": ["reminder"],
            "conditions": [{"check": "orders_missing", "since": "last_monday"}],
        },
        category="conditions",
    ),
    Case(
        "remind anyone who hasn't ordered yet this week, every thursday at 1pm",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday"],
            "time": "13:00",
            "steps": ["send_email"],
            "templates": ["reminder"],
            "conditions": [{"check": "orders_missing", "since": "last_monday"}],
        },
        category="conditions",
    ),
    Case(
        "hver dag kl 14 purring til kunder uten ordre de siste 5 dagene",
        {
            "type": "scheduled",
            "schedule": "daily",
            "time": "14:00",
            "steps": ["send_email"],
            "templates": ["reminder"],
            "conditions": [{"check": "orders_missing", "days_back": 5}],
        },
        category="conditions",
    ),
    Case(
        "daily at 11 nudge customers with no order in the last week",
        {
            "type": "scheduled",
            "schedule": "daily",
            "time": "11:00",
            "steps": ["send_email"],
            "templates": ["reminder"],
            "conditions": [{"check": "orders_missing", "days_back": 7}],
        },
        category="conditions",
    ),
    Case(
        "purring til snekkerne som ikke har bestilt på to uker, hver mandag kl 9",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["reminder"],
            "recipients": [{"group": "snekkere"}],
            "conditions": [{"check": "orders_missing", "days_back": 14}],
        },
        category="conditions",
    ),
    Case(
        "kampanje hver fredag kl 8 til kunder som har bestilt siden mandag",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "08:00",
            "steps": ["send_email"],
            "templates": ["kampanje"],
            "conditions": [{"check": "has_ordered", "since": "last_monday"}],
        },
        category="conditions",
    ),
    Case(
        "send the campaign every friday at 8 to everyone, even those who ordered",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "08:00",
            "steps": ["send_email"],
            "templates": ["kampanje"],
            "conditions": [None],
        },
        category="conditions",
    ),
    Case(
        "når en ny kunde blir lagt inn, send velkomstmail med en gang",
        {
            "type": "event_based",
            "event": "customer.created",
            "steps": ["send_email"],
            "templates": ["velkomst"],
            "triggers": [None],
        },
        category="events",
    ),
    Case(
        "as soon as someone signs up, send the welcome mail, and 1 week later the price list",
        {
            "type": "event_based",
            "event": "customer.created",
            "steps": ["send_email", "send_email"],
            "templates": ["velkomst", "priser"],
            "triggers": [None, {"delay_minutes": 10080}],
        },
        category="events",
    ),
    Case(
        "når kunden har bestilt: ordrebekreftelse etter 15 minutter",
        {
            "type": "event_based",
            "event": "order.created",
            "steps": ["send_email"],
            "templates": ["confirmation"],
            "triggers": [{"delay_minutes": 15}],
        },
        category="delays",
    ),
    Case(
        "an hour after each new order, email the order confirmation",
        {
            "type": "event_based",
            "event": "order.created",
            "steps": ["send_email"],
            "templates": ["confirmation"],
            "triggers": [{"delay_minutes": 60}],
        },
        category="delays",
    ),
    Case(
        "new order → confirmation email after half an hour",
        {
            "type": "event_based",
            "event": "order.created",
            "steps": ["send_email"],
            "templates": ["confirmation"],
            "triggers": [{"delay_minutes": 30}],
        },
        category="delays",
    ),
    Case(
        "etter at ordren er mottatt, vent to timer før du sender bekreftelse",
        {
            "type": "event_based",
            "event": "order.created",
            "steps": ["send_email"],
            "templates": ["confirmation"],
            "triggers": [{"delay_minutes": 120}],
        },
        category="delays",
    ),
    Case(
        "når det kommer en bestilling, send bekreftelse og gi beskjed til lager",
        {"type": "event_based", "event": "order.created", "steps": ["send_email", "notify_staff"]},
        category="events",
    ),
    Case(
        "new order: tell the warehouse right away",
        {"type": "event_based", "event": "order.created", "steps": ["notify_staff"]},
        category="events",
    ),
    Case(
        "send rapport over hvem som ikke har bestilt til salg@byggevare.no hver fredag kl 15",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "15:00",
            "steps": ["generate_report"],
            "report": "orders_missing",
        },
        category="basic",
    ),
    Case(
        "weekly sales summary to boss@byggevare.no every monday at 7",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["generate_report"],
        },
        category="basic",
    ),
]

CALENDAR_V4 += [
    # nb: a range of two-letter days
    Case(
        "fra ma til fr kl 7 bestillingsliste til snekkerne",
        {
            "type": "scheduled",
            "schedule": "daily",
            "time": "07:00",
            "weekdays_only": True,
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "snekkere"}],
        },
        category="abbreviations",
    ),
]


#: Typos, greetings and thanks, capitals, word order; a first run: 11/15 right (a 'takk' /
#: 'Thanks!' after the request became a step of its own, typos of 'bestillingslista').
STYLE_V4: list[Case] = [
    Case(
        "send bestilingslista til snekkerne hver mandga kl 7",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "snekkere"}],
        },
        category="basic",
    ),
    Case(
        "pruring torsdag kl 14 til de som ikek har bestilt",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday"],
            "time": "14:00",
            "steps": ["send_email"],
            "templates": ["reminder"],
        },
        category="basic",
    ),
    Case(
        "asap: bestillingsliste til snekkerne hver mandag kl 7 pls",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "snekkere"}],
        },
        category="basic",
    ),
    Case(
        "hei! kan dere sette opp at prislista går ut til elektrikerne hver fredag kl 9? takk :)",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["priser"],
            "recipients": [{"group": "elektrikere"}],
        },
        category="basic",
    ),
    Case(
        "Could you set it up so the plumbers get the order list every Monday morning at 7? Thanks!",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "rorleggere"}],
        },
        category="basic",
    ),
    Case(
        "jeg vil at snekkerne skal få kampanjen hver torsdag kl 10",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday"],
            "time": "10:00",
            "steps": ["send_email"],
            "templates": ["kampanje"],
            "recipients": [{"group": "snekkere"}],
        },
        category="basic",
    ),
    Case(
        "btw, bestillingslista te rørleggerne mån kl 07:30",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:30",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "rorleggere"}],
        },
        category="basic",
    ),
    Case(
        "ORDER LIST TO CONTRACTORS EVERY FRIDAY 6AM",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "06:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "entreprenorer"}],
        },
        category="basic",
    ),
    Case(
        "bestillingsliste til snekkerne hver mandag kl 7 og purring onsdag kl 12 og torsdag kl 12 "
        "til de som ikke har bestilt",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email", "send_email", "send_email"],
            "triggers": [
                {"day": "monday", "time": "07:00"},
                {"day": "wednesday", "time": "12:00"},
                {"day": "thursday", "time": "12:00"},
            ],
            "conditions": [
                None,
                {"check": "orders_missing", "since": "execution_start"},
                {"check": "orders_missing", "since": "execution_start"},
            ],
        },
        category="chains",
    ),
    Case(
        "hver man kl 7: bestillingsliste, hver tors kl 14: purring",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email", "send_email"],
            "triggers": [{"day": "monday", "time": "07:00"}, {"day": "thursday", "time": "14:00"}],
            "conditions": [None, {"check": "orders_missing", "since": "execution_start"}],
        },
        category="chains",
    ),
    Case(
        "every monday and thursday: order list at 7 to the hardware stores",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "thursday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "jernvare"}],
        },
        category="multi_day",
    ),
    Case(
        "order list to the carpenters at 7 on mondays and thursdays",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "thursday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [{"group": "snekkere"}],
        },
        category="multi_day",
    ),
    Case(
        "kl 7 mandager og torsdager: prisliste til entreprenørene",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "thursday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["priser"],
            "recipients": [{"group": "entreprenorer"}],
        },
        category="multi_day",
    ),
]


#: Several days in more shapes (mon-wed-fri, man+tors, weekends); a first run: 9/12 right.
STYLE_V4 += [
    Case(
        "hver mandag og torsdag sender vi prislista kl 7",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "thursday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["priser"],
        },
        category="multi_day",
    ),
    Case(
        "prislista skal ut mandag og torsdag, kl 7",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "thursday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["priser"],
        },
        category="multi_day",
    ),
    Case(
        "prisliste man+tors kl 7",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "thursday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["priser"],
        },
        category="multi_day",
    ),
    Case(
        "price list mon-wed-fri 7am",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "wednesday", "friday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["priser"],
        },
        category="multi_day",
    ),
    Case(
        "price list on mon, wed & fri at 7",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "wednesday", "friday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["priser"],
        },
        category="multi_day",
    ),
    Case(
        "prisliste mandag onsdag fredag kl 7",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "wednesday", "friday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["priser"],
        },
        category="multi_day",
    ),
    Case(
        "prisliste kl 7 på mandager, onsdager og fredager",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "wednesday", "friday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["priser"],
        },
        category="multi_day",
    ),
    Case(
        "mandag, onsdag, fredag 07:00 prisliste",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "wednesday", "friday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["priser"],
        },
        category="multi_day",
    ),
    Case(
        "kampanjen ut til snekkerne tirsdag kl 9 og torsdag kl 9",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday", "thursday"],
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["kampanje"],
            "recipients": [{"group": "snekkere"}],
        },
        category="multi_day",
    ),
    Case(
        "order list every Tuesday at 8 and every Friday at 8",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday", "friday"],
            "time": "08:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
        },
        category="multi_day",
    ),
    Case(
        "weekly offer to the electricians on weekends at 10",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["saturday", "sunday"],
            "time": "10:00",
            "steps": ["send_email"],
            "templates": ["kampanje"],
            "recipients": [{"group": "elektrikere"}],
        },
        category="multi_day",
    ),
    Case(
        "prislista i helgene kl 10 til hytte og camping",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["saturday", "sunday"],
            "time": "10:00",
            "steps": ["send_email"],
            "templates": ["priser"],
            "recipients": [{"group": "hytte-camping"}],
        },
        category="multi_day",
    ),
    Case(
        "hver torsdag kl 14 send info om vaktordningen i helgene til entreprenørene",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday"],
            "time": "14:00",
            "steps": ["send_email"],
            "templates": ["new"],
            "recipients": [{"group": "entreprenorer"}],
        },
        category="new_templates",
    ),
]


#: Several days with several groups, schedules, policies; a first run: 6/10 right (a later
#: step went to the last group only, 'om morgenen' became a template, a monthly later step
#: in a weekly run was run at once, ', only the cafes').
PHRASINGS_V4_SECOND += [
    Case(
        "skjema til kafeene og restaurantene mandag kl 9, purring onsdag og fredag kl 13",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": [
                "send_email",
                "send_email",
                "send_email",
                "send_email",
                "send_email",
                "send_email",
            ],
        },
        category="chains",
    ),
    Case(
        "ukens tilbud til hotellene tirsdag og fredag kl 7, og prislisten første mandag i måneden",
        "question",
        category="must_ask",
    ),
    Case(
        "send the order form monday 9 and remind them wednesday and friday 1pm, only the cafes",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email", "send_email", "send_email"],
            "recipients": [{"group": "kafeer"}, {"group": "kafeer"}, {"group": "kafeer"}],
            "triggers": [
                {"day": "monday", "time": "09:00"},
                {"day": "wednesday", "time": "13:00"},
                {"day": "friday", "time": "13:00"},
            ],
        },
        category="chains",
    ),
    Case(
        "Purring til storkundene hver tirsdag og torsdag kl 10 hvis de ikke har bestilt denne uka",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday", "thursday"],
            "time": "10:00",
            "steps": ["send_email"],
            "templates": ["reminder"],
            "recipients": [{"group": "storkunder"}],
            "conditions": [{"check": "orders_missing", "since": "last_monday"}],
        },
        category="multi_day",
    ),
    Case(
        "send nyhetsbrevet til alle kundene på mandager og torsdager halv ni",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "thursday"],
            "time": "08:30",
            "steps": ["send_email"],
            "templates": ["nyhetsbrev"],
        },
        category="multi_day",
    ),
    Case(
        "faktura til storkundene hver mandag og torsdag kl 8 om morgenen",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "thursday"],
            "time": "08:00",
            "steps": ["send_email"],
            "templates": ["faktura"],
            "recipients": [{"group": "storkunder"}],
        },
        category="multi_day",
    ),
    Case(
        "Skjema mandag kl 9. Påminnelse onsdag og torsdag kl 14 til de som ikke har bestilt. "
        "Fredag kl 10 legger vi inn vanlig ordre for resten.",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email", "send_email", "send_email", "create_order"],
            "triggers": [
                {"day": "monday", "time": "09:00"},
                {"day": "wednesday", "time": "14:00"},
                {"day": "thursday", "time": "14:00"},
                {"day": "friday", "time": "10:00"},
            ],
            "conditions": [
                None,
                {"check": "orders_missing", "since": "execution_start"},
                {"check": "orders_missing", "since": "execution_start"},
                {"check": "orders_missing", "since": "execution_start"},
            ],
            "mode": "repeat_last",
        },
        category="chains",
    ),
    Case(
        "hver tirsdag og fredag kl 11 send ukens tilbud til hotellene, men hopp over helligdager",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday", "friday"],
            "time": "11:00",
            "steps": ["send_email"],
            "templates": ["tilbud"],
            "recipients": [{"group": "hoteller"}],
            "holiday_policy": "skip",
        },
        category="calendar",
    ),
    Case(
        "every tuesday and friday at 11 the price list, except on public holidays",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday", "friday"],
            "time": "11:00",
            "steps": ["send_email"],
            "templates": ["prisliste"],
            "holiday_policy": "skip",
        },
        category="calendar",
    ),
    Case(
        "annenhver mandag og torsdag kl 8 prisliste",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "thursday"],
            "time": "08:00",
            "steps": ["send_email"],
            "templates": ["prisliste"],
            "every_weeks": 2,
        },
        category="calendar",
    ),
]


# --- The kinds held-out v7 found, in another business's words ---------------------------------
#
# Held-out v7 (a coffee wholesaler, measured once at 98/134) showed these kinds; each has
# phrasings here for Vestland Renhold AS, a cleaning and hygiene supplies wholesaler in Bergen,
# written before the parser was changed for it:
#
# 1. ``groups``: a group named in English or Swedish / Nynorsk while the group's name is
#    Norwegian ("the gyms" for "Treningssentre", "the dentists" for "Tannleger og legekontor",
#    "key accounts" for "Nøkkelkunder", "skulane", "kontoren"), a kind that only qualifies
#    elsewhere ("skole") but is a group alone here.
# 2. ``templates_by_meaning``: a survey ("enkäten", "tilbakemeldingsundersøkelsen", "the
#    satisfaction survey"), "månadsbrevet", an order form in a compound ("ukebestillinga"); the
#    business's own product word in the order form's name ("Ukesbestilling renhold") is no
#    reason to send the order form for any email about that product.
# 3. ``events`` / ``delays`` in Swedish ("när en ny kund registreras", "efter att en order
#    kommit in", "minuter"), "N døgn etter at en ny kunde ...", "N dag(er) senere".
# 4. ``calendar`` / ``conditions`` in Swedish ("varannan", "veckor").
#
# Today (``TODAY_V7K``) is Wednesday 14 April 2027 (ISO week 15).

TEMPLATES_V7K: list[dict[str, Any]] = [
    {
        "id": 771,
        "name": "Ukesbestilling renhold",
        "category": "bestilling",
        "subject": "Bestill renholdsprodukter og papir for neste uke",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 772,
        "name": "Glemt bestillingen?",
        "category": "reminder",
        "subject": "Fristen nærmer seg",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 773,
        "name": "Prisliste renhold",
        "category": "prisliste",
        "subject": "Nye priser fra Vestland Renhold",
        "variables": ["kunde_navn"],
    },
    {
        "id": 774,
        "name": "Renholdsnytt",
        "category": "newsletter",
        "subject": "Månedsbrev fra Vestland Renhold",
        "variables": ["kunde_navn"],
    },
    {
        "id": 775,
        "name": "Velkommen til oss",
        "category": "velkomst",
        "subject": "Velkommen som kunde",
        "variables": ["kunde_navn"],
    },
    {
        "id": 776,
        "name": "Hva synes du om oss?",
        "category": "survey",
        "subject": "Si din mening - kundeundersøkelse",
        "variables": ["kunde_navn"],
    },
]
GROUPS_V7K: list[dict[str, Any]] = [
    {"slug": "kontorer", "name": "Kontorer", "size": 80},
    {"slug": "treningssentre", "name": "Treningssentre", "size": 12},
    {"slug": "tannleger", "name": "Tannleger og legekontor", "size": 25},
    {"slug": "skoler", "name": "Skoler", "size": 31},
    {"slug": "salonger", "name": "Frisørsalonger", "size": 14},
    {"slug": "nokkelkunder", "name": "Nøkkelkunder", "size": 7},
    {"slug": "barnehager", "name": "Barnehager", "size": 40},
]
TODAY_V7K = dt.date(2027, 4, 14)  # a Wednesday


def context_v7k() -> ParseContext:
    return ParseContext(
        templates=[dict(t) for t in TEMPLATES_V7K],  # type: ignore[misc]
        groups=[dict(g) for g in GROUPS_V7K],  # type: ignore[misc]
        staff_groups=["salg", "lager"],
        today=TODAY_V7K,
        timezone="Europe/Oslo",
    )


def _weekly1(day: str, time: str, template: str, to: dict[str, Any]) -> dict[str, Any]:
    return weekly(day, time, **one(template, to), triggers=[at(day, time)])


KINDS_V7: list[Case] = [
    # === 1. Groups named in English, Swedish or Nynorsk ======================================
    Case(
        "order form to the gyms every Tuesday, 8am",
        _weekly1("tuesday", "08:00", "bestilling", g("treningssentre")),
        category="groups",
    ),
    Case(
        "the dentists should get the price list on Fridays at 10",
        _weekly1("friday", "10:00", "prisliste", g("tannleger")),
        category="groups",
    ),
    Case(
        "Please send the order form to our schools every Monday at 7:30, thank you!",
        _weekly1("monday", "07:30", "bestilling", g("skoler")),
        category="groups",
    ),
    Case(
        "skjema til skulane kvar tysdag kl 8",
        _weekly1("tuesday", "08:00", "bestilling", g("skoler")),
        category="groups",
    ),
    Case(
        "bestillningsformulär till kontoren varje måndag kl 9",
        _weekly1("monday", "09:00", "bestilling", g("kontorer")),
        category="groups",
    ),
    Case(
        "key accounts get the price list every Thursday at 7",
        _weekly1("thursday", "07:00", "prisliste", g("nokkelkunder")),
        category="groups",
    ),
    Case(
        "prislista til hårsalongene hver onsdag kl 12",
        _weekly1("wednesday", "12:00", "prisliste", g("salonger")),
        category="groups",
    ),
    Case(
        "Reminder Thursday 2pm to the offices that haven't ordered",
        weekly("thursday", "14:00", **one("reminder", g("kontorer"))),
        category="groups",
    ),
    Case(
        "send the clinics the price list every Monday at 9",
        _weekly1("monday", "09:00", "prisliste", g("tannleger")),
        category="groups",
    ),
    Case(
        "påminnelse till gymmen på fredag kl 11 om de inte har beställt",
        weekly("friday", "11:00", **one("reminder", g("treningssentre"))),
        category="groups",
    ),
    Case("order form to the hotels every Monday at 9", QUESTION, category="must_ask"),
    Case("skjema til sykehusene hver mandag kl 9", QUESTION, category="must_ask"),
    # === 2. Templates by meaning ==============================================================
    Case(
        "send enkäten till kontoren varje torsdag kl 15",
        _weekly1("thursday", "15:00", "survey", g("kontorer")),
        category="templates_by_meaning",
    ),
    Case(
        "the satisfaction survey to the gyms every Friday at 1pm",
        _weekly1("friday", "13:00", "survey", g("treningssentre")),
        category="templates_by_meaning",
    ),
    Case(
        "spørreundersøkelsen til barnehagene hver tirsdag kl 10",
        _weekly1("tuesday", "10:00", "survey", g("barnehager")),
        category="templates_by_meaning",
    ),
    Case(
        "send kundeundersøkinga te skulane kvar fredag kl 9",
        _weekly1("friday", "09:00", "survey", g("skoler")),
        category="templates_by_meaning",
    ),
    Case(
        "månadsbrevet till alla kunder den 1:a varje månad kl 8",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "day_of_month": 1,
            "time": "08:00",
            **one("newsletter", ALL),
        },
        category="templates_by_meaning",
    ),
    Case(
        "ukebestillinga til barnehagene hver mandag kl 7",
        _weekly1("monday", "07:00", "bestilling", g("barnehager")),
        category="templates_by_meaning",
    ),
    Case(
        "ukesskjemaet til kontorene hver torsdag kl 10",
        _weekly1("thursday", "10:00", "bestilling", g("kontorer")),
        category="templates_by_meaning",
    ),
    Case(
        "hver mandag kl 8 tips om renhold av gulv til kontorene",
        _weekly1("monday", "08:00", "new", g("kontorer")),
        category="new_templates",
    ),
    Case(
        "Every Friday at 2pm email the schools our cleaning checklist for the weekend",
        _weekly1("friday", "14:00", "new", g("skoler")),
        category="new_templates",
    ),
    Case(
        "send oppskrift på miljøvennlig renholdsmiddel til barnehagene hver onsdag kl 9",
        _weekly1("wednesday", "09:00", "new", g("barnehager")),
        category="new_templates",
    ),
    # === 3. Events and delays in Swedish, døgn / dager senere =================================
    Case(
        "När en ny kund registreras, skicka välkomstmejlet",
        event("customer.created", **one("velkomst", EVENT_CUSTOMER), triggers=[None]),
        category="events",
    ),
    Case(
        "när en ny kund har registrerat sig: välkomstmejl direkt",
        event("customer.created", **one("velkomst", EVENT_CUSTOMER), triggers=[None]),
        category="events",
    ),
    Case(
        "30 minuter efter att en order kommit in, skicka prislistan till kunden",
        event("order.created", **one("prisliste", EVENT_CUSTOMER), triggers=[later(30)]),
        category="delays",
    ),
    Case(
        "2 døgn etter at en ny kunde er registrert, send velkomstmailen",
        event("customer.created", **one("velkomst", EVENT_CUSTOMER), triggers=[later(2880)]),
        category="delays",
    ),
    Case(
        "ny kunde: velkomst med en gang, og prislista 2 dager senere",
        event(
            "customer.created",
            steps=["send_email", "send_email"],
            templates=["velkomst", "prisliste"],
            triggers=[None, later(2880)],
        ),
        category="delays",
    ),
    Case(
        "when a customer signs up send the welcome email, and the price list 3 days later",
        event(
            "customer.created",
            steps=["send_email", "send_email"],
            templates=["velkomst", "prisliste"],
            triggers=[None, later(4320)],
        ),
        category="delays",
    ),
    # === 4. Calendar and conditions in Swedish ================================================
    Case(
        "varannan tisdag kl 10 prislista till salongerna",
        weekly(
            "tuesday",
            "10:00",
            **one("prisliste", g("salonger")),
            every_weeks=2,
            anchor="2027-04-20",
        ),
        category="calendar",
    ),
    Case(
        "påminnelse varje fredag kl 12 till kunder som inte har beställt på två veckor",
        weekly(
            "friday",
            "12:00",
            **one("reminder", ALL),
            conditions=[{"check": "orders_missing", "days_back": 14}],
        ),
        category="conditions",
    ),
    Case(
        "purring hver mandag kl 9 til de som ikke har bestilt på 3 veckor",
        weekly(
            "monday",
            "09:00",
            **one("reminder", ALL),
            conditions=[{"check": "orders_missing", "days_back": 21}],
        ),
        category="conditions",
    ),
    # === 5. Politeness, four-digit times, two times to choose, an audience taken back ========
    Case(
        "Hello! Could you please send the price list to the schools? Fridays at 10 would be "
        "perfect. Many thanks!",
        _weekly1("friday", "10:00", "prisliste", g("skoler")),
        category="basic",
    ),
    Case(
        "prislista til kontorene hver tirsdag kl 7, det hadde vært fint. takk!",
        _weekly1("tuesday", "07:00", "prisliste", g("kontorer")),
        category="basic",
    ),
    Case(
        "Skjema tirsdag 0730 til barnehagene. Purring ons 1300 hvis ikke bestilt",
        weekly(
            "tuesday",
            "07:30",
            steps=["send_email", "send_email"],
            templates=["bestilling", "reminder"],
            recipients=[g("barnehager"), g("barnehager")],
            conditions=[None, SINCE_START],
            triggers=[at("tuesday", "07:30"), at("wednesday", "13:00")],
        ),
        category="chains",
    ),
    Case(
        "mandag kl 8 skjema til skolene; de som ennå ikke har kommet med en bestilling får "
        "påminnelse onsdag kl 12",
        weekly(
            "monday",
            "08:00",
            steps=["send_email", "send_email"],
            templates=["bestilling", "reminder"],
            recipients=[g("skoler"), g("skoler")],
            conditions=[None, SINCE_START],
        ),
        category="chains",
    ),
    Case("order form to the gyms on Monday at 8 or 9, whichever", QUESTION, category="must_ask"),
    Case("prislista fredag kl 10 eller kl 11 til kontorene", QUESTION, category="must_ask"),
    Case(
        "remind those who haven't ordered, but only the ones who have ordered, Thursday at 2pm",
        QUESTION,
        category="must_ask",
    ),
    # === 6. "1 dag senere", the month's last business day said without "i måneden" ==========
    Case(
        "ny kunde: velkomst med en gang og prislista 1 dag senere",
        event(
            "customer.created",
            steps=["send_email", "send_email"],
            templates=["velkomst", "prisliste"],
            triggers=[None, later(1440)],
        ),
        category="delays",
    ),
    Case(
        "1 dag etter at en ny kunde er registrert, send prislista",
        event("customer.created", **one("prisliste", EVENT_CUSTOMER), triggers=[later(1440)]),
        category="delays",
    ),
    Case(
        "nyhetsbrevet om neste måneds kampanjer til alle siste virkedag kl 13",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "business_day": -1,
            "time": "13:00",
            **one("newsletter", ALL),
        },
        category="calendar",
    ),
    Case(
        "price list to the key accounts on the last working day at 3pm",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "business_day": -1,
            "time": "15:00",
            **one("prisliste", g("nokkelkunder")),
        },
        category="calendar",
    ),
    # === 7. An email to one of the business's own addresses that lists who: a report =========
    Case(
        "order form to the offices Monday 8am, then Thursday 1pm an email to lager@renhold.no "
        "listing who hasn't ordered",
        weekly(
            "monday",
            "08:00",
            steps=["send_email", "generate_report"],
            templates=["bestilling", None],
            triggers=[at("monday", "08:00"), at("thursday", "13:00")],
            report="orders_missing",
            send_to=["lager@renhold.no"],
        ),
        category="chains",
    ),
    Case(
        "skjema til skolene mandag kl 7 og onsdag kl 15 en e-post til salg@renhold.no med en "
        "liste over hvem som ikke har bestilt",
        weekly(
            "monday",
            "07:00",
            steps=["send_email", "generate_report"],
            templates=["bestilling", None],
            triggers=[at("monday", "07:00"), at("wednesday", "15:00")],
            report="orders_missing",
            send_to=["salg@renhold.no"],
        ),
        category="chains",
    ),
    # === 8. Swedish definite plurals ==========================================================
    Case(
        "Skicka prislistan till skolorna varje tisdag kl 9",
        _weekly1("tuesday", "09:00", "prisliste", g("skoler")),
        category="groups",
    ),
    Case(
        "beställningsformulär till tandläkarna varje onsdag kl 8",
        _weekly1("wednesday", "08:00", "bestilling", g("tannleger")),
        category="groups",
    ),
]


#: Conversations of v7's kinds for the cleaning wholesaler: an answer that apologises before the
#: group ("sorry, I meant ..."), a first date for an every-other-week draft, a new time said
#: with the English "to" (not Thursday).
KINDS_V7_CONVERSATIONS: list[EditCase] = [
    EditCase(
        "price list to the hotels every Friday at 9",
        "oops, I meant the gyms",
        _weekly1("friday", "09:00", "prisliste", g("treningssentre")),
        category="answers",
    ),
    EditCase(
        "skjema til sykehjemmene hver mandag kl 8",
        "nei beklager, jeg mente barnehagene",
        _weekly1("monday", "08:00", "bestilling", g("barnehager")),
        category="answers",
    ),
    EditCase(
        "annenhver torsdag kl 9 prislista til kontorene",
        "første gang 29. april",
        weekly(
            "thursday",
            "09:00",
            every_weeks=2,
            anchor="2027-04-29",
            **one("prisliste", g("kontorer")),
        ),
    ),
    EditCase(
        "every weekday at 8 the order form to the schools",
        "move it to 7:30",
        daily("07:30", weekdays_only=True, **one("bestilling", g("skoler"))),
    ),
    EditCase(
        "newsletter to the dentists every Monday at 10",
        "change the time to 9:15",
        _weekly1("monday", "09:15", "newsletter", g("tannleger")),
    ),
]


# === The kinds held-out v8 found, for a florist wholesaler (issue 20, h-kinds3) ==============
# Trøndelag Blomsterlager AS, a wholesaler of cut flowers and pot plants in Trondheim: its
# customers are flower shops, funeral homes, hotels and conference venues, garden centres,
# grocery stores and wedding and party planners. Its webhooks: ``hylle-tom`` (a connected
# shelf at a shop reports it is empty) and ``kontrakt-signert`` (a new customer contract).
TEMPLATES_V8K: list[dict[str, Any]] = [
    {
        "id": 881,
        "name": "Ukas bukett",
        "category": "bestilling",
        "subject": "Bestill snittblomster og potteplanter for neste uke",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 882,
        "name": "Glemt oss?",
        "category": "reminder",
        "subject": "Bestillingsfristen nærmer seg",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 883,
        "name": "Kvittert!",
        "category": "confirmation",
        "subject": "Ordren din er registrert",
        "variables": ["kunde_navn", "ordre_nummer"],
    },
    {
        "id": 884,
        "name": "Dagspriser",
        "category": "prisliste",
        "subject": "Priser på snittblomster og potteplanter",
        "variables": ["kunde_navn", "prisliste_link"],
    },
    {
        "id": 885,
        "name": "Blomsterbrevet",
        "category": "newsletter",
        "subject": "Nytt fra Trøndelag Blomsterlager",
        "variables": ["kunde_navn"],
    },
    {
        "id": 886,
        "name": "Ukens røverkjøp",
        "category": "tilbud",
        "subject": "Gode priser på roser og tulipaner denne uken",
        "variables": ["kunde_navn", "tilbud_liste"],
    },
    {
        "id": 887,
        "name": "Velkommen inn",
        "category": "velkomst",
        "subject": "Velkommen som kunde hos Trøndelag Blomsterlager",
        "variables": ["kunde_navn"],
    },
    {
        "id": 888,
        "name": "Hva syns du?",
        "category": "survey",
        "subject": "Hvor fornøyd er du med leveringen og blomstene?",
        "variables": ["kunde_navn", "undersokelse_link"],
    },
]
GROUPS_V8K: list[dict[str, Any]] = [
    {"slug": "butikker", "name": "Blomsterbutikker", "size": 55},
    {"slug": "byraer", "name": "Begravelsesbyråer", "size": 14},
    {"slug": "hotell", "name": "Hoteller og konferansesteder", "size": 11},
    {"slug": "hagesentre", "name": "Hagesentre", "size": 9},
    {"slug": "dagligvare", "name": "Dagligvarebutikker", "size": 38},
    {"slug": "selskap", "name": "Bryllup og selskap", "size": 16},
]
TODAY_V8K = dt.date(2027, 2, 4)  # a Thursday


def context_v8k() -> ParseContext:
    return ParseContext(
        templates=[dict(t) for t in TEMPLATES_V8K],  # type: ignore[misc]
        groups=[dict(g) for g in GROUPS_V8K],  # type: ignore[misc]
        staff_groups=["pakking", "salg"],
        today=TODAY_V8K,
        timezone="Europe/Oslo",
    )


def _hook(name: str, **facts: Any) -> dict[str, Any]:
    return event("webhook", event_name=name, **facts)


KINDS_V8: list[Case] = [
    # === 1. A template by what the email IS, never by a word it shares with another ==========
    Case(
        "Send leveringsruta til hotellene hver mandag kl 8",
        _weekly1("monday", "08:00", "new", g("hotell")),
        category="new_templates",
    ),
    Case(
        "send et leveringsvarsel til begravelsesbyråene hver tirsdag kl 15",
        _weekly1("tuesday", "15:00", "new", g("byraer")),
        category="new_templates",
    ),
    Case(
        "Every Friday at 3pm, send the flower shops a care guide for roses",
        _weekly1("friday", "15:00", "new", g("butikker")),
        category="new_templates",
    ),
    Case(
        "Every Wednesday at 10 send the garden centres a delivery timetable for next week",
        _weekly1("wednesday", "10:00", "new", g("hagesentre")),
        category="new_templates",
    ),
    Case(
        "betalingspåminnelse til bryllup og selskap den 5. hver måned kl 9",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "day_of_month": 5,
            "time": "09:00",
            **one("new", g("selskap")),
        },
        category="new_templates",
    ),
    Case(
        "send åpningstidene for påska til alle kundene hver fredag kl 12",
        _weekly1("friday", "12:00", "new", ALL),
        category="new_templates",
    ),
    Case(
        "send dagsprisene til blomsterbutikkene hver mandag kl 6",
        _weekly1("monday", "06:00", "prisliste", g("butikker")),
        category="templates_by_meaning",
    ),
    Case(
        "røverkjøpene til dagligvarebutikkene hver torsdag kl 7",
        _weekly1("thursday", "07:00", "tilbud", g("dagligvare")),
        category="templates_by_meaning",
    ),
    Case(
        "the questionnaire to the funeral homes every Tuesday at 1pm",
        _weekly1("tuesday", "13:00", "survey", g("byraer")),
        category="templates_by_meaning",
    ),
    Case(
        "send bestillingslista til hagesentrene hver onsdag kl 9",
        _weekly1("wednesday", "09:00", "bestilling", g("hagesentre")),
        category="templates_by_meaning",
    ),
    # === 2. An audience the context has no group for, a request that cancels itself ==========
    Case("skjema til kundene i Bodø hver mandag kl 9", QUESTION, category="must_ask"),
    Case("price list to the shops in Molde every Friday at 10", QUESTION, category="must_ask"),
    Case(
        "ka med kundan på Steinkjer, kan du send dem prislista kvar tysdag kl 8?",
        QUESTION,
        category="must_ask",
    ),
    Case("tilbudene til kafeene hver torsdag kl 9", QUESTION, category="must_ask"),
    Case("send bestillingslista til kontorene hver fredag kl 9", QUESTION, category="must_ask"),
    Case(
        "Send the newsletter to the hotels on Friday at 8 - actually, forget it, don't send "
        "anything",
        QUESTION,
        category="must_ask",
    ),
    Case(
        "send prislista til butikkene hver onsdag kl 10, nei forresten ikke send noe til butikkene",
        QUESTION,
        category="must_ask",
    ),
    Case("SMS til begravelsesbyråene med dagsprisene hver dag kl 7", QUESTION, category="must_ask"),
    Case("the order form to the florists every Monday at 27", QUESTION, category="must_ask"),
    # === 3. Webhooks and events: a webhook's "customer" is the one its sender names
    # (``event_customer``; first asked about while a webhook could name none), a dashed webhook
    # name that arrives, delays after it, a template name with "og" in it, dialect and Danish
    # events ====================================================================================
    Case(
        "Når webhooken hylle-tom kommer inn, send kunden bestillingslista",
        _hook("hylle-tom", **one("bestilling", EVENT_CUSTOMER), triggers=[None]),
        category="events",
    ),
    Case(
        "When the kontrakt-signert webhook arrives, send the welcome email to that customer",
        _hook("kontrakt-signert", **one("velkomst", EVENT_CUSTOMER), triggers=[None]),
        category="events",
    ),
    Case(
        "Når hylle-tom slår inn, legg inn den faste bestillingen for den kunden",
        _hook(
            "hylle-tom",
            steps=["create_order"],
            recipients=[EVENT_CUSTOMER],
            triggers=[None],
            mode="repeat_last",
        ),
        category="events",
    ),
    Case(
        "Whenever a shelf reports empty through the hylle-tom webhook, place that customer's "
        "usual order",
        _hook(
            "hylle-tom",
            steps=["create_order"],
            recipients=[EVENT_CUSTOMER],
            triggers=[None],
            mode="repeat_last",
        ),
        category="events",
    ),
    Case(
        "Når hylle-tom slår inn, send bestillingslista til blomsterbutikkene",
        _hook("hylle-tom", **one("bestilling", g("butikker")), triggers=[None]),
        category="events",
    ),
    Case(
        "Whenever the shelf-empty webhook fires, send the order form to all customers",
        _hook("shelf-empty", **one("bestilling", ALL), triggers=[None]),
        category="events",
    ),
    Case(
        "når nån bestille nåkka, send kvitteringa med en gang",
        event("order.created", **one("confirmation", EVENT_CUSTOMER), triggers=[None]),
        category="events",
    ),
    Case(
        "45 min etter at hylle-tom kommer inn, send purring til blomsterbutikkene",
        _hook("hylle-tom", **one("reminder", g("butikker")), triggers=[later(45)]),
        category="delays",
    ),
    Case(
        "2 timer etter at kontrakt-signert kommer inn, send dagsprisene til alle kundene",
        _hook("kontrakt-signert", **one("prisliste", ALL), triggers=[later(120)]),
        category="delays",
    ),
    Case(
        "ved kontrakt-signert webhook: send 'Velkommen inn' til hotellene og dagsprisene after "
        "2 hours",
        _hook(
            "kontrakt-signert",
            steps=["send_email", "send_email"],
            templates=["velkomst", "prisliste"],
            recipients=[g("hotell"), g("hotell")],
            triggers=[None, later(120)],
        ),
        category="delays",
    ),
    Case(
        "Når en kunde oprettes, send velkomstmailen og efter 2 dage prislisten",
        event(
            "customer.created",
            steps=["send_email", "send_email"],
            templates=["velkomst", "prisliste"],
            recipients=[EVENT_CUSTOMER, EVENT_CUSTOMER],
            triggers=[None, later(2880)],
        ),
        category="delays",
    ),
    # === 4. Danish and English calendar kinds ================================================
    Case(
        "Send prislisten til hotellerne hver anden onsdag kl. 10",
        weekly(
            "wednesday",
            "10:00",
            **one("prisliste", g("hotell")),
            every_weeks=2,
            anchor="2027-02-10",
        ),
        category="calendar",
    ),
    Case(
        "Send bestillingslisten hver mandag kl. 8 til alle kunder, og hvis det er helligdag så "
        "flyt den til næste hverdag",
        weekly(
            "monday",
            "08:00",
            **one("bestilling", ALL),
            triggers=[at("monday", "08:00")],
            holiday_policy="next_business_day",
        ),
        category="calendar",
    ),
    Case(
        "Every 2 weeks on Tuesday at 8:00 send the price list to the garden centres, starting "
        "16 March",
        weekly(
            "tuesday",
            "08:00",
            **one("prisliste", g("hagesentre")),
            every_weeks=2,
            anchor="2027-03-16",
        ),
        category="calendar",
    ),
    Case(
        "Every 4 weeks on Monday at 9 send the newsletter to the funeral homes, starting 8 March",
        weekly(
            "monday",
            "09:00",
            **one("newsletter", g("byraer")),
            every_weeks=4,
            anchor="2027-03-08",
        ),
        category="calendar",
    ),
    # === 5. A spoken chain with hours as words, no punctuation ===============================
    Case(
        "send bestillingslista til butikkene mandag klokka ni så påminnelse onsdag klokka elleve "
        "til dem som ikke har bestilt så torsdag klokka sju bestiller du den vanlige bestillingen "
        "deres for de som fortsatt ikke har bestilt",
        weekly(
            "monday",
            "09:00",
            steps=["send_email", "send_email", "create_order"],
            templates=["bestilling", "reminder", None],
            recipients=[g("butikker"), g("butikker"), g("butikker")],
            conditions=[None, SINCE_START, SINCE_START],
            triggers=[at("monday", "09:00"), at("wednesday", "11:00"), at("thursday", "07:00")],
            mode="repeat_last",
        ),
        category="chains",
    ),
    Case(
        "skjema til hotellene tirsdag klokka åtte så purring torsdag klokka tolv til de som ikke "
        "har bestilt",
        weekly(
            "tuesday",
            "08:00",
            steps=["send_email", "send_email"],
            templates=["bestilling", "reminder"],
            recipients=[g("hotell"), g("hotell")],
            conditions=[None, SINCE_START],
            triggers=[at("tuesday", "08:00"), at("thursday", "12:00")],
        ),
        category="chains",
    ),
    # === 6. Another group excluded next to the named one =====================================
    Case(
        "Send prislista til hotellene hver fredag kl 10, ikke til blomsterbutikkene",
        _weekly1("friday", "10:00", "prisliste", g("hotell")),
        category="basic",
    ),
    Case(
        "newsletter to the garden centres every Monday at 8, not to the grocery stores",
        _weekly1("monday", "08:00", "newsletter", g("hagesentre")),
        category="basic",
    ),
    # === 7. Requests said as questions, in dialect and in English =============================
    Case(
        "ka med å send bestillingslista te alle kundan kvar onsdag kl 10?",
        _weekly1("wednesday", "10:00", "bestilling", ALL),
        category="basic",
    ),
    Case(
        "How about sending the price list to the hotels every Thursday at 9?",
        _weekly1("thursday", "09:00", "prisliste", g("hotell")),
        category="basic",
    ),
    Case(
        "kan du sende kundeundersøkelsen til bryllup og selskap hver fredag kl 14?",
        _weekly1("friday", "14:00", "survey", g("selskap")),
        category="basic",
    ),
    Case(
        "hva med å sende tilbudene til dagligvarebutikkene hver mandag kl 7?",
        _weekly1("monday", "07:00", "tilbud", g("dagligvare")),
        category="basic",
    ),
    # === 8. More phrasings of the same kinds, written after the fixes above and before any
    # further change (their first run is in the module docstring) =========================
    Case(
        "send leveringsinformasjon til begravelsesbyråene hver mandag kl 7",
        _weekly1("monday", "07:00", "new", g("byraer")),
        category="new_templates",
    ),
    Case(
        "Every Tuesday at 11 send the hotels a note about delivery times",
        _weekly1("tuesday", "11:00", "new", g("hotell")),
        category="new_templates",
    ),
    Case(
        "send pleietips for tulipaner til hagesentrene hver onsdag kl 8",
        _weekly1("wednesday", "08:00", "new", g("hagesentre")),
        category="new_templates",
    ),
    Case(
        "send the rose offer to the flower shops every Monday at 8",
        _weekly1("monday", "08:00", "tilbud", g("butikker")),
        category="templates_by_meaning",
    ),
    Case(
        "priser til dagligvarebutikkene hver fredag kl 6",
        _weekly1("friday", "06:00", "prisliste", g("dagligvare")),
        category="templates_by_meaning",
    ),
    Case("send skjema til kundene på Hitra hver tirsdag kl 9", QUESTION, category="must_ask"),
    Case(
        "price list to our customers in Trondheim every Monday at 8", QUESTION, category="must_ask"
    ),
    Case(
        "send tilbudene til hotellene fredag kl 9, nei vent, ikke send noe likevel",
        QUESTION,
        category="must_ask",
    ),
    Case(
        "Newsletter to the funeral homes every Thursday at 10. Actually, don't send anything to "
        "the funeral homes.",
        QUESTION,
        category="must_ask",
    ),
    Case(
        "Når webhooken lager-lavt kommer, send dagsprisene til hagesentrene",
        _hook("lager-lavt", **one("prisliste", g("hagesentre")), triggers=[None]),
        category="events",
    ),
    Case(
        "30 minutter etter at kontrakt-signert har kommet inn, send velkomsten til bryllup og "
        "selskap",
        _hook("kontrakt-signert", **one("velkomst", g("selskap")), triggers=[later(30)]),
        category="delays",
    ),
    Case(
        "når noen bestiller, send kvittering med en gang og 1 dag senere kundeundersøkelsen",
        event(
            "order.created",
            steps=["send_email", "send_email"],
            templates=["confirmation", "survey"],
            recipients=[EVENT_CUSTOMER, EVENT_CUSTOMER],
            triggers=[None, later(1440)],
        ),
        category="delays",
    ),
    Case(
        "Når en ny kunde bliver oprettet, send velkomstmail",
        event("customer.created", **one("velkomst", EVENT_CUSTOMER), triggers=[None]),
        category="events",
    ),
    Case(
        "Send tilbuddene til butikkerne hver anden fredag kl. 8",
        weekly(
            "friday", "08:00", **one("tilbud", g("butikker")), every_weeks=2, anchor="2027-02-05"
        ),
        category="calendar",
    ),
    Case(
        "Every 3 weeks on Wednesday at 9 send the newsletter to the hotels, starting 10 March",
        weekly(
            "wednesday",
            "09:00",
            **one("newsletter", g("hotell")),
            every_weeks=3,
            anchor="2027-03-10",
        ),
        category="calendar",
    ),
    Case(
        "hver torsdag kl 10 prislisten til alle kunder, er det helligdag så flyt til næste hverdag",
        weekly(
            "thursday",
            "10:00",
            **one("prisliste", ALL),
            triggers=[at("thursday", "10:00")],
            holiday_policy="next_business_day",
        ),
        category="calendar",
    ),
    Case(
        "skjema til byråene mandag klokka sju så purring tirsdag klokka ti for dem som ikke har "
        "bestilt",
        weekly(
            "monday",
            "07:00",
            steps=["send_email", "send_email"],
            templates=["bestilling", "reminder"],
            recipients=[g("byraer"), g("byraer")],
            conditions=[None, SINCE_START],
            triggers=[at("monday", "07:00"), at("tuesday", "10:00")],
        ),
        category="chains",
    ),
    Case(
        "tilbudene til hagesentrene hver mandag kl 9 men ikke til dagligvarebutikkene",
        _weekly1("monday", "09:00", "tilbud", g("hagesentre")),
        category="basic",
    ),
    Case(
        "Could you send the price list to the funeral homes every Friday at 8?",
        _weekly1("friday", "08:00", "prisliste", g("byraer")),
        category="basic",
    ),
    Case(
        "hva om vi sender bestillingslista til hotellene hver søndag kl 18?",
        _weekly1("sunday", "18:00", "bestilling", g("hotell")),
        category="basic",
    ),
    # === 9. A part that says what is NOT sent is no step (found while checking the fixes
    # above: on main such a part became a second step with a proposed template) ==========
    Case(
        "send skjema til hotellene hver mandag kl 9, men ikke send noe på helligdager",
        weekly(
            "monday",
            "09:00",
            **one("bestilling", g("hotell")),
            triggers=[at("monday", "09:00")],
            holiday_policy="skip",
        ),
        category="calendar",
    ),
    Case(
        "send skjema til alle hver mandag kl 9, men ikke send noe til hotellene",
        QUESTION,
        category="must_ask",
    ),
    Case(
        "Reminder to the garden centres every Monday at 9 for those who haven't ordered; don't "
        "send anything to those who have",
        weekly("monday", "09:00", **one("reminder", g("hagesentre"))),
        category="conditions",
    ),
    # === 10. A payment reminder said in more words is not the order reminder (found while
    # checking the fixes above) ===========================================================
    Case(
        "send purring på faktura til hotellene hver mandag kl 9",
        _weekly1("monday", "09:00", "new", g("hotell")),
        category="new_templates",
    ),
    Case(
        "send a reminder about the invoice to the funeral homes every Friday at 10",
        _weekly1("friday", "10:00", "new", g("byraer")),
        category="new_templates",
    ),
    # === 11. A place written in lower case (found while checking the fixes above) ==========
    Case(
        "send bestillingslista til kundene i bodø hver mandag kl 9", QUESTION, category="must_ask"
    ),
    Case(
        "price list to the customers in trondheim every friday at 8", QUESTION, category="must_ask"
    ),
]


#: Conversations of v8's kinds for the florist wholesaler: a time corrected after an impossible
#: one was refused, e-mail instead of SMS, a group swapped for all customers, a new hour.
KINDS_V8_CONVERSATIONS: list[EditCase] = [
    EditCase(
        "Send dagsprisene til alle hver tirsdag kl 26",
        "kl 16 mente jeg",
        _weekly1("tuesday", "16:00", "prisliste", ALL),
        category="answers",
    ),
    EditCase(
        "SMS med bestillingslista til hotellene hver mandag kl 9",
        "greit, send den på e-post da",
        _weekly1("monday", "09:00", "bestilling", g("hotell")),
        category="answers",
    ),
    EditCase(
        "bestillingslista til hagesentrene hver tirsdag kl 8",
        "fjern hagesentrene, send til alle kundene i stedet",
        _weekly1("tuesday", "08:00", "bestilling", ALL),
    ),
    EditCase(
        "Price list to the funeral homes every Wednesday at 7",
        "make it 9 instead",
        _weekly1("wednesday", "09:00", "prisliste", g("byraer")),
    ),
    EditCase(
        "newsletter to the hotels every Friday at 31",
        "sorry, I meant 13",
        _weekly1("friday", "13:00", "newsletter", g("hotell")),
        category="answers",
    ),
    EditCase(
        "Når webhooken hylle-tom kommer inn, send kunden bestillingslista",
        "nei, send dagsprisene i stedet",
        _hook("hylle-tom", **one("prisliste", EVENT_CUSTOMER), triggers=[None]),
    ),
    EditCase(
        "tilbudene til butikkene hver torsdag kl 7",
        "nei, ta bort butikkene og send til begravelsesbyråene i stedet",
        _weekly1("thursday", "07:00", "tilbud", g("byraer")),
    ),
    EditCase(
        "Price list to the hotels every Monday at 25",
        "I meant 15",
        _weekly1("monday", "15:00", "prisliste", g("hotell")),
        category="answers",
    ),
    EditCase(
        "newsletter to the garden centres every Tuesday at 8",
        "make it 10",
        _weekly1("tuesday", "10:00", "newsletter", g("hagesentre")),
    ),
    EditCase(
        "skjema til butikkene hver fredag kl 9",
        "fjern butikkene og send til hotellene i stedet",
        _weekly1("friday", "09:00", "bestilling", g("hotell")),
    ),
    EditCase(
        "skjema til kundene i Bodø hver mandag kl 9",
        "hotellene",
        _weekly1("monday", "09:00", "bestilling", g("hotell")),
        category="answers",
    ),
]


# === The kinds held-out v9 found (issue 20, h-kinds4), for a fifth business ==================
# Vestfold Byggvare, a building-materials wholesaler: its groups are named in Norwegian, its
# customers and users write English, German, dialect and spoken chains.
TEMPLATES_V9K: list[dict[str, Any]] = [
    {
        "id": 951,
        "name": "Ukeliste byggvare",
        "category": "bestilling",
        "subject": "Bestill materialer til neste uke",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 952,
        "name": "Husk fristen",
        "category": "reminder",
        "subject": "Vi har ikke fått bestillingen deres ennå",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 953,
        "name": "Ordren er plukket",
        "category": "confirmation",
        "subject": "Takk for ordren - materialene er plukket",
        "variables": ["kunde_navn", "ordre_nummer"],
    },
    {
        "id": 954,
        "name": "Dagspriser trelast",
        "category": "prisliste",
        "subject": "Dagens priser på trelast og plater",
        "variables": ["kunde_navn", "prisliste_link"],
    },
    {
        "id": 955,
        "name": "Månedens kupp",
        "category": "tilbud",
        "subject": "Kampanje på isolasjon og gips",
        "variables": ["kunde_navn", "tilbud_liste"],
    },
    {
        "id": 956,
        "name": "Byggebrevet",
        "category": "newsletter",
        "subject": "Nytt fra Vestfold Byggvare",
        "variables": ["kunde_navn"],
    },
    {
        "id": 957,
        "name": "Velkommen som kunde",
        "category": "velkomst",
        "subject": "Velkommen til Vestfold Byggvare",
        "variables": ["kunde_navn"],
    },
    {
        "id": 958,
        "name": "Hvordan gikk det?",
        "category": "survey",
        "subject": "Hvor fornøyd er du med leveringen?",
        "variables": ["kunde_navn", "undersokelse_link"],
    },
    {
        "id": 959,
        "name": "Fargekart malere",
        "category": "annet",
        "subject": "Årets farger fra Vestfold Byggvare",
        "variables": ["kunde_navn"],
    },
]
GROUPS_V9K: list[dict[str, Any]] = [
    {"slug": "snekkere", "name": "Snekkere og tømrere", "size": 64},
    {"slug": "entreprenorer", "name": "Entreprenører", "size": 31},
    {"slug": "jernvare", "name": "Jernvarehandler", "size": 18},
    {"slug": "borettslag", "name": "Borettslag og sameier", "size": 22},
    {"slug": "malere", "name": "Malermestere", "size": 15},
    {"slug": "kommune", "name": "Kommunale eiendommer", "size": 9},
]
TODAY_V9K = dt.date(2027, 5, 4)  # a Tuesday


def context_v9k() -> ParseContext:
    return ParseContext(
        templates=[dict(t) for t in TEMPLATES_V9K],  # type: ignore[misc]
        groups=[dict(g) for g in GROUPS_V9K],  # type: ignore[misc]
        staff_groups=["lager", "salg"],
        today=TODAY_V9K,
        timezone="Europe/Oslo",
    )


def _chain(
    first: tuple[str, str], *rest: tuple[str, str, str], to: dict[str, Any] = ALL
) -> dict[str, Any]:
    """Form on ``first`` (day, time), then each of ``rest`` (day, time, "reminder" / "order")
    to those who have not ordered since the run started."""
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


KINDS_V9: list[Case] = [
    # === 1. Groups named in other words than their name ======================================
    Case(
        "Every Monday at 7 send the order form to the painters",
        _weekly1("monday", "07:00", "bestilling", g("malere")),
        category="groups",
    ),
    Case(
        "price list to the housing cooperatives every Friday at 10",
        _weekly1("friday", "10:00", "prisliste", g("borettslag")),
        category="groups",
    ),
    Case(
        "send bestillingslista te sameiene kvær tysdag kl 8",
        _weekly1("tuesday", "08:00", "bestilling", g("borettslag")),
        category="groups",
    ),
    Case(
        "pleas send order list to all contractor every wednesday 7 oclock",
        _weekly1("wednesday", "07:00", "bestilling", g("entreprenorer")),
        category="groups",
    ),
    Case(
        "Could you email the price list to the hardware stores each Thursday at 2pm?",
        _weekly1("thursday", "14:00", "prisliste", g("jernvare")),
        category="groups",
    ),
    Case(
        "skjemaet til tømrerne hver mandag kl 6",
        _weekly1("monday", "06:00", "bestilling", g("snekkere")),
        category="groups",
    ),
    Case(
        "send tilbudene til sameia hver torsdag kl 9",
        _weekly1("thursday", "09:00", "tilbud", g("borettslag")),
        category="groups",
    ),
    Case(
        "Send the order form to the roofers every Friday at 9",
        QUESTION,
        category="must_ask",
    ),
    Case(
        "bestillingsskjema til barnehagene hver mandag kl 8",
        QUESTION,
        category="must_ask",
    ),
    # A webhook's one customer of a kind: that customer, only when they are of that kind.
    Case(
        'når webhooken "lager-tomt" kommer inn, send prislista til snekkeren det gjelder',
        _hook(
            "lager-tomt",
            **one("prisliste", EVENT_CUSTOMER),
            triggers=[None],
            conditions=[{"check": "customer_filter", "group": "snekkere"}],
        ),
        category="events",
    ),
    Case(
        "When the stock-low webhook fires, send the price list to that contractor",
        _hook(
            "stock-low",
            **one("prisliste", EVENT_CUSTOMER),
            triggers=[None],
            conditions=[{"check": "customer_filter", "group": "entreprenorer"}],
        ),
        category="events",
    ),
    Case(
        "Når hotellene bestiller, send bekreftelse",
        QUESTION,
        category="must_ask",
    ),
    # === 2. Templates by their own (inflected) name; no fit is a new one ======================
    Case(
        "Ukelista til snekkerne hver mandag kl 7",
        _weekly1("monday", "07:00", "bestilling", g("snekkere")),
        category="templates_by_meaning",
    ),
    Case(
        "Dagsprisene ut til entreprenørene hver dag kl 7",
        daily("07:00", **one("prisliste", g("entreprenorer"))),
        category="templates_by_meaning",
    ),
    Case(
        "Send sikkerhetsdatablad for fugemasse til malerne den 1. hver måned kl 9",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "day_of_month": 1,
            "time": "09:00",
            **one("new", g("malere")),
        },
        category="new_templates",
    ),
    Case(
        "When a new customer is created send them our credit application form",
        event("customer.created", **one("new", EVENT_CUSTOMER)),
        category="new_templates",
    ),
    Case(
        "hver fredag kl 12 send kjøreplanen for neste uke til entreprenørene",
        _weekly1("friday", "12:00", "new", g("entreprenorer")),
        category="new_templates",
    ),
    Case(
        "send åpningstidene for påske til alle kunder hver mandag kl 9",
        _weekly1("monday", "09:00", "new", ALL),
        category="new_templates",
    ),
    # === 3. German core words ================================================================
    Case(
        "jeden Dienstag 7 Uhr die Bestellliste an alle Kunden",
        _weekly1("tuesday", "07:00", "bestilling", ALL),
        category="german",
    ),
    Case(
        "Preisliste jeden Freitag um 10 Uhr an alle Kunden",
        _weekly1("friday", "10:00", "prisliste", ALL),
        category="german",
    ),
    Case(
        "Erinnerung jeden Donnerstag kl 12 an alle Kunden die seit 5 Tagen nicht bestellt haben",
        weekly(
            "thursday",
            "12:00",
            **one("reminder", ALL),
            triggers=[at("thursday", "12:00")],
            conditions=[{"check": "orders_missing", "days_back": 5}],
        ),
        category="german",
    ),
    Case(
        "Bestellformular jeden Montag und Mittwoch kl 7 an alle snekkere",
        weekly(["monday", "wednesday"], "07:00", **one("bestilling", g("snekkere"))),
        category="german",
    ),
    Case(
        "Samstag 9 Uhr Preisliste an alle Kunden",
        _weekly1("saturday", "09:00", "prisliste", ALL),
        category="german",
    ),
    # === 4. Events in dialect and German =====================================================
    Case(
        "Wenn ein neuer Kunde kommt, send velkomstmail",
        event("customer.created", **one("velkomst", EVENT_CUSTOMER)),
        category="events",
    ),
    Case(
        "send velkomstmail når en ny snekker blir kunde",
        event("customer.created", steps=["send_email"], templates=["velkomst"]),
        category="events",
    ),
    Case(
        "ett kvarter etter at dom har bestilt send bekreftelse",
        event("order.created", **one("confirmation", EVENT_CUSTOMER), triggers=[later(15)]),
        category="delays",
    ),
    Case(
        "Nach jeder neuen Bestellung 1 Stunde warten, dann bekreftelse sende",
        event("order.created", **one("confirmation", EVENT_CUSTOMER), triggers=[later(60)]),
        category="delays",
    ),
    # === 5. Chains: numbered, spoken =========================================================
    Case(
        "(1) Tuesday 8:00 - order form to all customers (2) Thursday 8:00 - reminder to those "
        "who still have not ordered (3) Friday 7:00 - place their usual order",
        _chain(
            ("tuesday", "08:00"), ("thursday", "08:00", "reminder"), ("friday", "07:00", "order")
        ),
        category="chains",
    ),
    Case(
        "mandag klokka åtte send ukelista til malerne onsdag klokka ti send purring til de som "
        "ikke har bestilt",
        _chain(("monday", "08:00"), ("wednesday", "10:00", "reminder"), to=g("malere")),
        category="chains",
    ),
    # Found while checking the fixes: dialect "å" for "og" between steps; "første gang" is
    # when it starts, not the template "Første ..." (none here; the kind, a name's first word).
    Case(
        "send skjemaet te malerne tysdag kl 8 å purring torsdag kl 12 te dom som itte har bestilt",
        _chain(("tuesday", "08:00"), ("thursday", "12:00", "reminder"), to=g("malere")),
        category="chains",
    ),
    Case(
        "annenhver fredag kl 7 skjema til snekkerne, første gang 14. mai",
        weekly(
            "friday",
            "07:00",
            every_weeks=2,
            anchor="2027-05-14",
            **one("bestilling", g("snekkere")),
        ),
        category="calendar",
    ),
    Case(
        "Tilbudet på lim og fugemasse skal ut til malerne hver onsdag kl 7",
        _weekly1("wednesday", "07:00", "tilbud", g("malere")),
        category="templates_by_meaning",
    ),
    # Whom it is for says nothing of which template: "til malerne" is not "Fargekart malere".
    Case(
        "send monteringsanvisningen for takrenner til malerne hver mandag kl 8",
        _weekly1("monday", "08:00", "new", g("malere")),
        category="new_templates",
    ),
    Case(
        "send fargekartet til malerne hver mandag kl 8",
        _weekly1("monday", "08:00", "annet", g("malere")),
        category="templates_by_meaning",
    ),
    # Found while checking the fixes, on phrasings of the same kinds.
    Case(
        "Wenn ein Kunde bestellt, Bestätigung senden",
        event("order.created", **one("confirmation", EVENT_CUSTOMER)),
        category="german",
    ),
    Case(
        "jeden ersten Montag im Monat 9 Uhr Preisliste an alle Kunden",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "time": "09:00",
            "weekday": "monday",
            "nth": 1,
            **one("prisliste", ALL),
        },
        category="german",
    ),
    Case(
        "ei halvtime etter at dei har bestilt, send bekreftelse",
        event("order.created", **one("confirmation", EVENT_CUSTOMER), triggers=[later(30)]),
        category="delays",
    ),
    # === 6. From a user's tries ==============================================================
    Case(
        "send bestillingsskjema til alle hver mandag kl 8, flytt det til tirsdag hvis mandag er "
        "fridag",
        weekly("monday", "08:00", holiday_policy="next_business_day", **one("bestilling", ALL)),
        category="calendar",
    ),
    Case(
        "send en påminnelse om sommerfesten til alle kunder hver fredag kl 12",
        _weekly1("friday", "12:00", "new", ALL),
        category="new_templates",
    ),
    Case(
        "send fakturaen til entreprenørene den 1. hver måned kl 8",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "day_of_month": 1,
            "time": "08:00",
            **one("new", g("entreprenorer")),
        },
        category="new_templates",
    ),
]

KINDS_V9_CONVERSATIONS: list[EditCase] = [
    EditCase(
        "order list to the painters every monday 8 oclock",
        "make it 9 instead",
        _weekly1("monday", "09:00", "bestilling", g("malere")),
    ),
    EditCase(
        "Preisliste jeden Montag kl 8 an alle Kunden",
        "send til sameiene i stedet",
        _weekly1("monday", "08:00", "prisliste", g("borettslag")),
    ),
    EditCase(
        "Send the order form to the roofers every Friday at 9",
        "the carpenters",
        _weekly1("friday", "09:00", "bestilling", g("snekkere")),
        category="answers",
    ),
    EditCase(
        "Ukelista til tømrerne mandag kl 7 og purring torsdag kl 12 til de som ikke har bestilt",
        "flytt purringen til onsdag kl 13",
        _chain(("monday", "07:00"), ("wednesday", "13:00", "reminder"), to=g("snekkere")),
    ),
    EditCase(
        "Ukelista til alle mandag kl 7, purring torsdag kl 12 til de som ikke har bestilt",
        "bytt ut purringen med Månedens kupp",
        _chain(("monday", "07:00"), ("thursday", "12:00", "tilbud")),
    ),
]


# === The kinds held-out v10 found (issue 20, h-kinds5), for a sixth business ==================
# Salten Dyrefôr, a pet-food and farm-supplies wholesaler in Bodø: its customers are pet shops,
# stables, farms, vets and kennels; its users write Northern Norwegian, Nynorsk, Swedish and
# Filipino English, with clock words, relative days in chains and polite chatter.
TEMPLATES_V10K: list[dict[str, Any]] = [
    {
        "id": 1001,
        "name": "Fôrlista",
        "category": "bestilling",
        "subject": "Bestill fôr og strø til neste uke",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 1002,
        "name": "Husk bestillinga",
        "category": "reminder",
        "subject": "Vi har ikke fått bestillinga di ennå",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 1003,
        "name": "Takk for ordren",
        "category": "confirmation",
        "subject": "Ordren din er registrert",
        "variables": ["kunde_navn", "ordre_nummer"],
    },
    {
        "id": 1004,
        "name": "Prisoversikt fôr og strø",
        "category": "priser",
        "subject": "Nye priser fra Salten Dyrefôr",
        "variables": ["kunde_navn", "prisliste_link"],
    },
    {
        "id": 1005,
        "name": "Fôrfesten",
        "category": "kampanje",
        "subject": "Kampanjepriser denne uka",
        "variables": ["kunde_navn", "tilbud_liste"],
    },
    {
        "id": 1006,
        "name": "Dyrebladet",
        "category": "nyhetsbrev",
        "subject": "Nytt fra Salten Dyrefôr",
        "variables": ["kunde_navn"],
    },
    {
        "id": 1007,
        "name": "Velkommen til oss",
        "category": "velkommen",
        "subject": "Velkommen som kunde hos Salten Dyrefôr",
        "variables": ["kunde_navn"],
    },
    {
        "id": 1008,
        "name": "Si din mening",
        "category": "sporreundersokelse",
        "subject": "Hvor fornøyd er du med oss?",
        "variables": ["kunde_navn", "undersokelse_link"],
    },
]
GROUPS_V10K: list[dict[str, Any]] = [
    {"slug": "dyrebutikker", "name": "Dyrebutikker", "size": 41},
    {"slug": "staller", "name": "Staller og ridesentre", "size": 19},
    {"slug": "gardsbruk", "name": "Gårdsbruk", "size": 73},
    {"slug": "veterinarer", "name": "Veterinærklinikker", "size": 12},
    {"slug": "kenneler", "name": "Kenneler og hundepensjonater", "size": 15},
]
TODAY_V10K = dt.date(2028, 3, 1)  # a Wednesday, ISO week 9


def context_v10k() -> ParseContext:
    return ParseContext(
        templates=[dict(t) for t in TEMPLATES_V10K],  # type: ignore[misc]
        groups=[dict(g) for g in GROUPS_V10K],  # type: ignore[misc]
        staff_groups=["lager", "salg"],
        today=TODAY_V10K,
        timezone="Europe/Oslo",
    )


def _monthly_k(time: str, template: str, to: dict[str, Any], **when: Any) -> dict[str, Any]:
    return {"type": "scheduled", "schedule": "monthly", "time": time, **when, **one(template, to)}


KINDS_V10: list[Case] = [
    # === 1. Relative days in a scheduled chain: a weekday at that time, not a delay ==========
    Case(
        "send fôrlista til dyrebutikkene tirsdag kl 8, og dagen etter kl 13 en purring til dem "
        "som ikke har bestilt",
        _chain(("tuesday", "08:00"), ("wednesday", "13:00", "reminder"), to=g("dyrebutikker")),
        category="chains",
    ),
    Case(
        "Mandag kl 7 skjema til gårdsbrukene, tre dager senere kl 12 purring til dem som mangler",
        _chain(("monday", "07:00"), ("thursday", "12:00", "reminder"), to=g("gardsbruk")),
        category="chains",
    ),
    Case(
        "Send the order form to the stables on Monday at 9 and the next day at 2 pm a reminder "
        "to those who have not ordered",
        _chain(("monday", "09:00"), ("tuesday", "14:00", "reminder"), to=g("staller")),
        category="chains",
    ),
    Case(
        "fôrlista te kennelan måndag kl 8, to dagar seinare klokka 11 påminning te dei som "
        "ikkje har bestilt",
        _chain(("monday", "08:00"), ("wednesday", "11:00", "reminder"), to=g("kenneler")),
        category="chains",
    ),
    # === 2. Swedish chains =====================================================================
    Case(
        "Varje tisdag kl 8 skicka beställningsformuläret till stallen, sedan torsdag kl 14 en "
        "påminnelse till de som inte har beställt",
        _chain(("tuesday", "08:00"), ("thursday", "14:00", "reminder"), to=g("staller")),
        category="chains",
    ),
    Case(
        "måndag kl 7 skicka formuläret till gårdarna, onsdag kl 12 påminnelse till de som inte "
        "beställt och fredag kl 9 lägg deras vanliga beställning",
        _chain(
            ("monday", "07:00"),
            ("wednesday", "12:00", "reminder"),
            ("friday", "09:00", "order"),
            to=g("gardsbruk"),
        ),
        category="chains",
    ),
    # === 3. Polite chatter after the request is no step ========================================
    Case(
        "Good day po! Please send the order form to the pet shops on Monday at 8, a reminder on "
        "Wednesday at 11 for those who have not ordered yet. Maraming salamat po!",
        _chain(("monday", "08:00"), ("wednesday", "11:00", "reminder"), to=g("dyrebutikker")),
        category="chains",
    ),
    Case(
        "Hi! Kindly email the price list to the vets every Thursday at 3 pm. Thanks a lot po!",
        _weekly1("thursday", "15:00", "priser", g("veterinarer")),
        category="chatter",
    ),
    Case(
        "Please send the newsletter to all customers every Tuesday at 10. Salamat po, God bless!",
        _weekly1("tuesday", "10:00", "nyhetsbrev", ALL),
        category="chatter",
    ),
    Case(
        "Hello po, can you set up: 1) order form to the kennels every Monday 09:00 2) reminder "
        "Thursday 09:00 to those who have not ordered. Thank you so much!",
        _chain(("monday", "09:00"), ("thursday", "09:00", "reminder"), to=g("kenneler")),
        category="chains",
    ),
    # === 4. Clock words: "kvart over", "ti på", "fem over" =====================================
    Case(
        "hver torsdag kvart på ni send prisoversikten til veterinærene",
        _weekly1("thursday", "08:45", "priser", g("veterinarer")),
        category="clock_words",
    ),
    Case(
        "hver mandag klokka ti over sju om morran send fôrlista til gårdsbrukene",
        _weekly1("monday", "07:10", "bestilling", g("gardsbruk")),
        category="clock_words",
    ),
    Case(
        "fredag fem på tolv send kampanjen te dyrebutikkan",
        _weekly1("friday", "11:55", "kampanje", g("dyrebutikker")),
        category="clock_words",
    ),
    Case(
        "kvart over sju tirsdagsmorran send skjema til stallene, torsdag tjue på ett purring til "
        "dem som ikke har bestilt",
        _chain(("tuesday", "07:15"), ("thursday", "12:40", "reminder"), to=g("staller")),
        category="clock_words",
    ),
    # === 5. Templates by meaning: survey, offer, a reminder without æøå =========================
    Case(
        "Send the satisfaction survey to the vets every Wednesday at 10",
        _weekly1("wednesday", "10:00", "sporreundersokelse", g("veterinarer")),
        category="templates_by_meaning",
    ),
    Case(
        "send kundeundersøkelsen til stallene hver fredag kl 9",
        _weekly1("friday", "09:00", "sporreundersokelse", g("staller")),
        category="templates_by_meaning",
    ),
    Case(
        "Send spørjeundersøkinga til kennelane kvar tysdag klokka 13",
        _weekly1("tuesday", "13:00", "sporreundersokelse", g("kenneler")),
        category="templates_by_meaning",
    ),
    Case(
        "varje fredag kl 8 skicka veckans erbjudande till djuraffärerna",
        _weekly1("friday", "08:00", "kampanje", g("dyrebutikker")),
        category="templates_by_meaning",
    ),
    Case(
        "Every Thursday at 11 send this week's special offer to the farms",
        _weekly1("thursday", "11:00", "kampanje", g("gardsbruk")),
        category="templates_by_meaning",
    ),
    Case(
        "send paminnelse til stallene hver onsdag kl 14",
        _weekly1("wednesday", "14:00", "reminder", g("staller")),
        category="templates_by_meaning",
    ),
    # === 6. New templates: what no template is; information about something is no survey ======
    Case(
        "Every Friday at 9 send the route plan for next week to the farms",
        _weekly1("friday", "09:00", "new", g("gardsbruk")),
        category="new_templates",
    ),
    Case(
        "send info om vinterføret og kjøreruta te gårdsbrukan kvar måndag kl 7",
        _weekly1("monday", "07:00", "new", g("gardsbruk")),
        category="new_templates",
    ),
    Case(
        "Please email the feeding guide and nutrition sheet to the kennels every first Tuesday "
        "of the month at 10",
        _monthly_k("10:00", "new", g("kenneler"), weekday="tuesday", nth=1),
        category="new_templates",
    ),
    Case(
        "Send informasjon om stengte dagar i påska til alle kundane kvar torsdag klokka 9",
        _weekly1("thursday", "09:00", "new", ALL),
        category="new_templates",
    ),
    # === 7. Calendar: odd/even weeks, the month's first business day, holidays =================
    Case(
        "Varje måndag kl 9 i jämna veckor skicka prislistan till alla kunder",
        weekly("monday", "09:00", iso_weeks="even", **one("priser", ALL)),
        category="calendar",
    ),
    Case(
        "fôrlista til stallene hver torsdag kl 8 i oddetallsuker",
        weekly("thursday", "08:00", iso_weeks="odd", **one("bestilling", g("staller"))),
        category="calendar",
    ),
    Case(
        "Fyrste arbeidsdag i månaden klokka 9 send prisoversikta til alle kundane",
        _monthly_k("09:00", "priser", ALL, business_day=1),
        category="calendar",
    ),
    Case(
        "annenhver onsdag kl 10 send fôrlista te kennelan og hopp over helligdaga",
        weekly(
            "wednesday",
            "10:00",
            every_weeks=2,
            anchor="2028-03-01",
            holiday_policy="skip",
            **one("bestilling", g("kenneler")),
        ),
        category="calendar",
    ),
    Case(
        "Hver fredag kl 8 prisoversikten til alle, men faller fredagen på en helligdag så send "
        "torsdag i stedet",
        weekly("friday", "08:00", holiday_policy="previous_business_day", **one("priser", ALL)),
        category="calendar",
    ),
    Case(
        "Every Monday at 8 send the order form to all customers; if Monday is a public holiday, "
        "send it the next business day instead",
        weekly("monday", "08:00", holiday_policy="next_business_day", **one("bestilling", ALL)),
        category="calendar",
    ),
    Case(
        "Every other Tuesday at 10, starting next Tuesday the 7th of March, send the price list "
        "to the pet shops",
        weekly(
            "tuesday",
            "10:00",
            every_weeks=2,
            anchor="2028-03-07",
            **one("priser", g("dyrebutikker")),
        ),
        category="calendar",
    ),
    Case(
        "Every other Thursday at 9, starting tomorrow the 2nd of March, send the order form to "
        "the farms",
        weekly(
            "thursday",
            "09:00",
            every_weeks=2,
            anchor="2028-03-02",
            **one("bestilling", g("gardsbruk")),
        ),
        category="calendar",
    ),
    # === 8. Conditions in Nynorsk and dialect ===================================================
    Case(
        "Kvar torsdag klokka 12 send påminning til stallane som ikkje har bestilt sidan tysdag",
        weekly(
            "thursday",
            "12:00",
            **one("reminder", g("staller")),
            triggers=[at("thursday", "12:00")],
            conditions=[{"check": "orders_missing", "since": "last_tuesday"}],
        ),
        category="conditions",
    ),
    Case(
        "hver lørdag kl 11 purring te kennelan som ikkje har bestilt dei siste 5 dagan",
        weekly(
            "saturday",
            "11:00",
            **one("reminder", g("kenneler")),
            triggers=[at("saturday", "11:00")],
            conditions=[{"check": "orders_missing", "days_back": 5}],
        ),
        category="conditions",
    ),
    # === 9. Weekend days ========================================================================
    Case(
        "every sunday kl 12 send kampanjen til stallene, de rir mest i helgene",
        _weekly1("sunday", "12:00", "kampanje", g("staller")),
        category="weekend",
    ),
    Case(
        "Saturdays and Sundays at 10 send the weekly offer to the pet shops",
        weekly(["saturday", "sunday"], "10:00", **one("kampanje", g("dyrebutikker"))),
        category="weekend",
    ),
    # === 10. A report of who is still missing ===================================================
    Case(
        "Fôrlista tirsdag kl 8, purring torsdag kl 13 til dem som ikke har bestilt, og fredag "
        "kl 14 send oversikt over hvem som fortsatt mangler til lager@saltendyrefor.no",
        weekly(
            "tuesday",
            "08:00",
            steps=["send_email", "send_email", "generate_report"],
            templates=["bestilling", "reminder", None],
            triggers=[at("tuesday", "08:00"), at("thursday", "13:00"), at("friday", "14:00")],
            report="orders_missing",
            send_to=["lager@saltendyrefor.no"],
        ),
        category="chains",
    ),
    # === 11. Order events in Swedish and Nynorsk ================================================
    Case(
        "När en kund har beställt, skicka en bekräftelse",
        event("order.created", **one("confirmation", EVENT_CUSTOMER)),
        category="events",
    ),
    Case(
        "Når ein kunde har lagt inn ei bestilling, vent 10 minutt og send stadfesting",
        event("order.created", **one("confirmation", EVENT_CUSTOMER), triggers=[later(10)]),
        category="events",
    ),
    Case(
        "ny kunde -> velkomstmail med en gang, fem daga seinar kundeundersøkelsen",
        event(
            "customer.created",
            steps=["send_email", "send_email"],
            templates=["velkommen", "sporreundersokelse"],
            recipients=[EVENT_CUSTOMER, EVENT_CUSTOMER],
            triggers=[None, later(7200)],
        ),
        category="delays",
    ),
    # === 12. Must ask: taken back, an event we do not have ======================================
    Case(
        "Send the price list to the vets every Friday at 9... wait no, never mind, don't set "
        "anything up",
        QUESTION,
        category="must_ask",
    ),
    Case(
        "fôrlista til stallene hver mandag kl 8, nei forresten, glem det",
        QUESTION,
        category="must_ask",
    ),
    Case(
        "når lageret av hundefôr er tomt send beskjed te alle kundan",
        QUESTION,
        category="must_ask",
    ),
    Case(
        "When a product runs out of stock, email all customers",
        QUESTION,
        category="must_ask",
    ),
    # === 13. Written after the fixes, before checking them: the same kinds in more words ======
    # (a first run of 10/10 and 1/1; "ti kl 7 purring to kl 13" is held-out v10's one miss of
    # these kinds left after the first fixes, a reminder right after a day and time).
    Case(
        "fôrlista te kennelan ti kl 7 purring to kl 13 te dem som itte har bestilt",
        _chain(("tuesday", "07:00"), ("thursday", "13:00", "reminder"), to=g("kenneler")),
        category="chains",
    ),
    Case(
        "Send the order form to the farms on Tuesday at 7, and two days later at 1 pm a reminder "
        "to those who haven't ordered",
        _chain(("tuesday", "07:00"), ("thursday", "13:00", "reminder"), to=g("gardsbruk")),
        category="chains",
    ),
    Case(
        "kvart på åtte hver fredag send fôrlista til dyrebutikkene",
        _weekly1("friday", "07:45", "bestilling", g("dyrebutikker")),
        category="clock_words",
    ),
    Case(
        "i ojämna veckor varje onsdag kl 9 skicka prislistan till stallen",
        weekly("wednesday", "09:00", iso_weeks="odd", **one("priser", g("staller"))),
        category="calendar",
    ),
    Case(
        "Sista arbetsdagen i månaden kl 14 skicka prislistan till alla kunder",
        _monthly_k("14:00", "priser", ALL, business_day=-1),
        category="calendar",
    ),
    Case(
        "When stock is low, send the order form to the pet shops",
        QUESTION,
        category="must_ask",
    ),
    Case(
        "Every Monday at 9 send the order form to the vets. Thank you po, have a nice day!",
        _weekly1("monday", "09:00", "bestilling", g("veterinarer")),
        category="chatter",
    ),
    Case(
        "send kampanjen te gårdsbrukan kvar laurdag kl 9, dei handlar mest i helga",
        _weekly1("saturday", "09:00", "kampanje", g("gardsbruk")),
        category="weekend",
    ),
    Case(
        "Når ein kunde legg inn ei bestilling, send stadfesting med ein gong",
        event("order.created", **one("confirmation", EVENT_CUSTOMER)),
        category="events",
    ),
    Case(
        "Hver torsdag kl 10 send informasjon om julestengte dager og leveringsruter til alle "
        "kunder",
        _weekly1("thursday", "10:00", "new", ALL),
        category="new_templates",
    ),
]

KINDS_V10_CONVERSATIONS: list[EditCase] = [
    EditCase(
        "send fôrlista te stallan",
        "torsdag",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday"],
            **one("bestilling", g("staller")),
        },
        category="answers",
    ),
    # With its time: a campaign has no default time, so without one the answer is followed by
    # a question for it (nl-examples.md: only the order form and the reminder have defaults).
    EditCase(
        "sms til dyrebutikkene hver mandag kl 10 om kampanjen",
        "greit, send det på mail da",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            **one("kampanje", g("dyrebutikker")),
        },
        category="answers",
    ),
    EditCase(
        "Fôrlista hver tirsdag kl 8 til alle",
        "hopp over helligdager, f.eks. 1. mai",
        weekly("tuesday", "08:00", holiday_policy="skip", **one("bestilling", ALL)),
    ),
    EditCase(
        "Hver onsdag kl 10 send prisoversikten til gårdsbrukene",
        "nei send heller dyrebladet",
        _weekly1("wednesday", "10:00", "nyhetsbrev", g("gardsbruk")),
    ),
    EditCase(
        "reminder every tuesday 2pm to the pet shops",
        "actually make that the kennels",
        _weekly1("tuesday", "14:00", "reminder", g("kenneler")),
    ),
    EditCase(
        "send fôrlista te gårdsbrukan",
        "onsdag",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["wednesday"],
            **one("bestilling", g("gardsbruk")),
        },
        category="answers",
    ),
    EditCase(
        "Send kundeundersøkelsen til veterinærene",
        "kvar fredag klokka 11",
        _weekly1("friday", "11:00", "sporreundersokelse", g("veterinarer")),
        category="answers",
    ),
]


# --- The kinds held-out v11 found, in other words (h-kinds6) ----------------------------------
# A bakery-supplies wholesaler in Bodø (flour, yeast, butter, fillings) with market traders
# ("Markedshandlere", a seller by a place, not a shop) beside its grocery shops; webhooks
# ``ovn-feil`` (an oven a customer leases from us reports a fault; names that customer) and
# ``mel-levering`` (a flour delivery has arrived at our depot; about no customer). Written
# before the fixes.
TEMPLATES_V11K: list[dict[str, Any]] = [
    {
        "id": 1201,
        "name": "Bakerlista",
        "category": "bestilling",
        "subject": "Bestill mel, gjær og fyll til neste uke",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 1202,
        "name": "Glemt noe?",
        "category": "reminder",
        "subject": "Vi har ikke fått bestillingen din",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 1203,
        "name": "Ordrebekreftelse",
        "category": "confirmation",
        "subject": "Takk, vi pakker varene dine",
        "variables": ["kunde_navn", "ordre_nummer"],
    },
    {
        "id": 1204,
        "name": "Melpriser",
        "category": "prisliste",
        "subject": "Ukens priser på mel, gjær og smør",
        "variables": ["kunde_navn", "prisliste_link"],
    },
    {
        "id": 1205,
        "name": "Deigposten",
        "category": "newsletter",
        "subject": "Månedsbrev fra Salten Bakerivarer",
        "variables": ["kunde_navn"],
    },
    {
        "id": 1206,
        "name": "Knallkjøp",
        "category": "tilbud",
        "subject": "Ukens gode kjøp på bakevarer",
        "variables": ["kunde_navn", "tilbud_liste"],
    },
    {
        "id": 1207,
        "name": "Velkommen inn",
        "category": "velkomst",
        "subject": "Velkommen som kunde",
        "variables": ["kunde_navn"],
    },
    {
        "id": 1208,
        "name": "Hvordan smakte det?",
        "category": "survey",
        "subject": "Hvor fornøyd er du med leveransen?",
        "variables": ["kunde_navn", "undersokelse_link"],
    },
]
GROUPS_V11K: list[dict[str, Any]] = [
    {"slug": "bakerier", "name": "Bakerier og konditorier", "size": 52},
    {"slug": "kafeer", "name": "Kafeer og kaffebarer", "size": 64},
    {"slug": "butikker", "name": "Dagligvarebutikker", "size": 38},
    {"slug": "hoteller", "name": "Hoteller", "size": 17},
    {"slug": "kantiner", "name": "Kantiner", "size": 29},
    {"slug": "marked", "name": "Markedshandlere", "size": 12},
]
TODAY_V11K = dt.date(2028, 9, 6)  # a Wednesday, ISO week 36 (even)


def context_v11k() -> ParseContext:
    return ParseContext(
        templates=[dict(t) for t in TEMPLATES_V11K],  # type: ignore[misc]
        groups=[dict(g) for g in GROUPS_V11K],  # type: ignore[misc]
        staff_groups=["lager", "salg", "service"],
        today=TODAY_V11K,
        timezone="Europe/Oslo",
    )


def _ovn(**facts: Any) -> dict[str, Any]:
    return event("webhook", event_name="ovn-feil", **facts)


def _mel(**facts: Any) -> dict[str, Any]:
    return event("webhook", event_name="mel-levering", **facts)


def _days_send(days: list[str], time: str, template: str, to: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "scheduled",
        "schedule": "weekly",
        "days": days,
        "time": time,
        **one(template, to),
    }


KINDS_V11: list[Case] = [
    # === 1. Shops are the shops, not a seller named by a place ("Markedshandlere") ============
    Case(
        "Bakerlista til butikkene hver tirsdag kl 8",
        _weekly1("tuesday", "08:00", "bestilling", g("butikker")),
        category="groups",
    ),
    Case(
        "Email the price list to the shops every Monday at 7",
        _weekly1("monday", "07:00", "prisliste", g("butikker")),
        category="groups",
    ),
    Case(
        "send påminnelse te butikkan som itj har bestilt på 10 dager, kvar fredag kl 10",
        weekly(
            "friday",
            "10:00",
            **one("reminder", g("butikker")),
            conditions=[{"check": "orders_missing", "days_back": 10}],
            triggers=[at("friday", "10:00")],
        ),
        category="groups",
    ),
    Case(
        "Knallkjøp til markedshandlerne hver torsdag kl 9",
        _weekly1("thursday", "09:00", "tilbud", g("marked")),
        category="groups",
    ),
    # === 2. "Same day at N" and other relative times in a chain ==============================
    Case(
        "Order form to the cafes tuesday at 8, remind those who have not ordered same day at 2",
        _chain(("tuesday", "08:00"), ("tuesday", "14:00", "reminder"), to=g("kafeer")),
        category="same_day",
    ),
    Case(
        "bakerlista te hotellan mandag kl 7, samme dag kl 13 purring te dem som itj har bestilt",
        _chain(("monday", "07:00"), ("monday", "13:00", "reminder"), to=g("hoteller")),
        category="same_day",
    ),
    Case(
        "Send the order form to the bakeries on thursday at 9 and later that day at 4 a reminder "
        "to anyone without an order",
        _chain(("thursday", "09:00"), ("thursday", "16:00", "reminder"), to=g("bakerier")),
        category="same_day",
    ),
    # === 3. Chains in an email, terse chains, "their last order gets repeated" ================
    Case(
        "Hei, og takk for sist! Vi har snakket om rutinene for kantinene og ønsker dette: "
        "tirsdag kl 07:00 sendes bakerlista, onsdag kl 12:00 en påminnelse, torsdag kl 10:00 "
        "legger vi inn forrige bestilling for dem som fortsatt ikke har bestilt. Si fra om noe "
        "er uklart.\n\nMed vennlig hilsen\nKari Berg\nØkonomi, Salten Bakerivarer AS",
        _chain(
            ("tuesday", "07:00"),
            ("wednesday", "12:00", "reminder"),
            ("thursday", "10:00", "order"),
            to=g("kantiner"),
        ),
        category="email",
    ),
    Case(
        "bestillingsliste tirs kl 8, purring tors kl 12, fre kl 7 bestill det vanlige for dem "
        "som ikke har bestilt. gjelder bakeriene",
        _chain(
            ("tuesday", "08:00"),
            ("thursday", "12:00", "reminder"),
            ("friday", "07:00", "order"),
            to=g("bakerier"),
        ),
        category="chains",
    ),
    Case(
        "Monday 06:00 order form for the hotels; Tuesday noon reminder to those without an "
        "order; Wednesday 07:00 their previous order gets repeated for anyone still missing",
        _chain(
            ("monday", "06:00"),
            ("tuesday", "12:00", "reminder"),
            ("wednesday", "07:00", "order"),
            to=g("hoteller"),
        ),
        category="chains",
    ),
    # === 4. Several days for one send, the time said once ====================================
    Case(
        "Send bakerlista til kafeene på tirsdag, torsdag og lørdag, alle dagene klokka sju",
        _days_send(["tuesday", "thursday", "saturday"], "07:00", "bestilling", g("kafeer")),
        category="multi_day",
    ),
    Case(
        "bestillingslista te folka på marked mandag og fredag kl 6",
        _days_send(["monday", "friday"], "06:00", "bestilling", g("marked")),
        category="multi_day",
    ),
    Case(
        "price list to the canteens on Tuesdays and Thursdays, both days at 9",
        _days_send(["tuesday", "thursday"], "09:00", "prisliste", g("kantiner")),
        category="multi_day",
    ),
    # === 5. A condition buried in a polite email =============================================
    Case(
        "Hei alle sammen! Håper helga var fin. Litt fra økonomi: kvitteringene for august er "
        "levert. Og et ønske fra salg: kan vi sende Knallkjøp til alle som har bestilt de siste "
        "10 dagene, hver onsdag kl 10? Ellers alt fint.\n\nHilsen Kari",
        weekly(
            "wednesday",
            "10:00",
            **one("tilbud", ALL),
            conditions=[{"check": "has_ordered", "days_back": 10}],
            triggers=[at("wednesday", "10:00")],
        ),
        category="email",
    ),
    # === 6. Calendar: the month's last business day, odd weeks, every other in dialect =======
    Case(
        "Hei!\n\nEt lite ønske: den siste virkedagen i måneden kl 14 vil jeg ha en oversikt over "
        "hvem som ikke har bestilt, sendt til okonomi@saltenbakeri.no. Takk!\n\nKari",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "time": "14:00",
            "business_day": -1,
            "steps": ["generate_report"],
            "send_to": ["okonomi@saltenbakeri.no"],
            "report": "orders_missing",
        },
        category="email",
    ),
    Case(
        "even weeks only: thursday 8am price list to the bakeries",
        weekly("thursday", "08:00", iso_weeks="even", **one("prisliste", g("bakerier"))),
        category="calendar",
    ),
    Case(
        "annahver fredag kl halv sju bestillingslista te kafean, også på røde dager",
        weekly(
            "friday",
            "06:30",
            every_weeks=2,
            anchor="2028-09-08",
            holiday_policy="run",
            **one("bestilling", g("kafeer")),
        ),
        category="calendar",
    ),
    # === 7. Named webhooks without the word "webhook"; the customer it names; staff ===========
    Case(
        "Når ovn-feil kjem inn, send en e-post te kunden som leie ovnen",
        _ovn(steps=["send_email"], recipients=[EVENT_CUSTOMER], triggers=[None]),
        category="events",
    ),
    Case(
        "Når ovn-feil går, gi beskjed te service",
        _ovn(staff_group="service"),
        category="events",
    ),
    Case(
        "If an ovn-feil comes in, email that bakery right away",
        _ovn(steps=["send_email"], recipients=[EVENT_CUSTOMER], triggers=[None]),
        category="events",
    ),
    Case(
        "når mel-levering kjem, send kunden melprisene",
        _mel(
            steps=["send_email"],
            templates=["prisliste"],
            recipients=[EVENT_CUSTOMER],
            triggers=[None],
        ),
        category="events",
    ),
    Case(
        "when the mel-levering webhook comes in send the new price list to the hotels",
        _mel(
            steps=["send_email"],
            templates=["prisliste"],
            recipients=[g("hoteller")],
            triggers=[None],
        ),
        category="events",
    ),
    # === 8. Delays in words ==================================================================
    Case(
        "halvannen time etter at en kunde har bestilt, send ordrebekreftelse",
        event(
            "order.created",
            steps=["send_email"],
            templates=["confirmation"],
            recipients=[EVENT_CUSTOMER],
            triggers=[{"delay_minutes": 90}],
        ),
        category="delays",
    ),
    # === 9. Templates by meaning =============================================================
    Case(
        "Hvordan smakte det? → kantinan, every thursday 1pm 🙏",
        _weekly1("thursday", "13:00", "survey", g("kantiner")),
        category="templates_by_meaning",
    ),
    Case(
        "every monday 9am send this weeks bargains to the cafes",
        _weekly1("monday", "09:00", "tilbud", g("kafeer")),
        category="templates_by_meaning",
    ),
    Case(
        "Send ukens priser pa mel og gjaer til hotellene hver lordag kl 16",
        _weekly1("saturday", "16:00", "prisliste", g("hoteller")),
        category="templates_by_meaning",
    ),
    # === 10. New templates: a reminder about something else than orders ======================
    Case(
        "Hver fredag kl 14 send påminnelse om å levere tilbake brødkassene te bakeriene",
        _weekly1("friday", "14:00", "new", g("bakerier")),
        category="new_templates",
    ),
    Case(
        "Send info om nye leveringstider i jula te alle kvar tirsdag kl 8",
        _weekly1("tuesday", "08:00", "new", ALL),
        category="new_templates",
    ),
    # === 11. Clock words =====================================================================
    Case(
        "send bakerlista til kantinene hver onsdag kl kvart over sju",
        _weekly1("wednesday", "07:15", "bestilling", g("kantiner")),
        category="clock_words",
    ),
    # === 12. Must ask ========================================================================
    Case("send påminnelse til de store kundene hver mandag kl 10", QUESTION, category="must_ask"),
    Case("hver tolvte uke på fredag kl 9 send tilbud til alle", QUESTION, category="must_ask"),
]

KINDS_V11_CONVERSATIONS: list[EditCase] = [
    EditCase(
        "Send Deigposten te alle kundan kvar måned",
        "den første kl 9",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "time": "09:00",
            "day_of_month": 1,
            **one("newsletter", ALL),
        },
        category="answers",
    ),
    EditCase(
        "send order form til kafeene hver torsdag",
        "kl 8",
        _weekly1("thursday", "08:00", "bestilling", g("kafeer")),
        category="answers",
    ),
    EditCase(
        "Bestillingslista mandag kl 8, påminnelse fredag kl 12 te hotellan som itj har bestilt",
        "flytt påminnelsen te torsdag kl 11",
        _chain(("monday", "08:00"), ("thursday", "11:00", "reminder"), to=g("hoteller")),
    ),
    EditCase(
        "Bakerlista hver tirsdag kl 8 til butikkene",
        "ikke send på helligdager",
        weekly("tuesday", "08:00", holiday_policy="skip", **one("bestilling", g("butikker"))),
    ),
    EditCase(
        "Melpriser kvar tirsdag kl 6 te butikkan",
        "om det e fridag, send neste virkedag",
        weekly(
            "tuesday",
            "06:00",
            holiday_policy="next_business_day",
            **one("prisliste", g("butikker")),
        ),
    ),
    EditCase(
        "Bestillingslista mandag kl 8 og purring onsdag kl 12 te bakerian, purringa bare te dem "
        "som itj har bestilt",
        "legg te at dem som fortsatt itj har bestilt fredag kl 9 får standardbestillinga si",
        _chain(
            ("monday", "08:00"),
            ("wednesday", "12:00", "reminder"),
            ("friday", "09:00", "order"),
            to=g("bakerier"),
        ),
    ),
]
