"""Held-out phrasing set v12 for the offline assistant: measured once, at the end, untuned.

Written by a new writer who never looked at the parser nor at the cases of any other phrasing
or held-out set, so that it measures how the parser generalises to phrasings nobody tuned it
on. What the writer read, and nothing else of the repository: the format docs
(``/work/shared/docs/workflow-format.md`` whole, including "Calendar schedules", and
``/work/shared/docs/nl-examples.md``); the checker ``benchmarks/parser_accuracy.py`` (``Case``,
``key_facts``, ``compare``, the keyword baseline); ``ai_assistant/context.py`` (``TemplateInfo``,
``GroupInfo``, ``ParseContext``), the only file under ``ai_assistant/`` read;
``tests/ai_assistant/expected_facts.py`` whole (the shared fact builders); of
``tests/ai_assistant/held_out_v11.py`` only the part above ``HELD_OUT_V11: list[Case] = [``
(docstring with the conventions, imports, templates, groups, context builder, fact-building
helpers); of ``tests/ai_assistant/parser_phrasings_v2.py`` lines 1150-1200 (``class EditCase``,
the cases just above it and the first conversation after it);
``benchmarks/bench_offline_parser.py`` lines 25-215 (to add this set's rows; its comments name
the businesses of earlier sets, so this one is a business none of them had) and, of
``tests/ai_assistant/test_parser_accuracy.py``, lines 200-235 (the benchmark test's list of
metric names, to add this set's two). The parser was never run on these cases (only an import
of this module, to check that it is well-formed, for which a listing of the file names in
``config/`` gave the settings module) before the one measurement.

The business: Sunnmøre Blomsterengros AS, a wholesaler of cut flowers, pot plants, Christmas
trees and poinsettias, bulbs, soil, fertiliser and florists' supplies in Ålesund with a depot
in Molde. Customers: florists (blomsterbutikker), garden centres (hagesentre), grocery shops
(dagligvare), hotels, funeral homes (begravelsesbyråer), landscapers (anleggsgartnere),
churches and cemeteries (kirker / kyrkjer) and event agencies and wedding planners
(eventbyråer). Its people write Sunnmørsk and Nynorsk ("eg", "ikkje", "kva", "kven", "me",
"dokker", "te", "måndag", "tysdag", "kvar veke", "hotella", "blomsterbutikkane"), a
Polish-born sales rep writes English with article errors, the Danish-born owner writes Danish
("hver anden uge", "kunderne", "klokken", "tilbud"), a teenage intern writes slang and
abbreviations ("man", "fre", "mnd", "te", "asap", "thx"), some texts are voice dictation
without punctuation, some are long rambling messages with the request in the middle, bulleted
lists, wishes phrased as questions ("kunne dere fått til at ..."), negations ("ikke til alle,
bare ...") and corrections inside one message ("mandag, nei tirsdag"). Webhooks named in
texts: ``reklamasjon`` (a customer files a complaint on our web form; the webhook's data names
that customer, so "kunden" / "the customer" is the event's customer) and ``auksjon-priser``
(the flower auction's new price file has arrived; it is about no customer).

Each case has a language tag in the comment above it: ``nb``, ``nn`` (Nynorsk / Sunnmørsk),
``en``, ``da`` (Danish or Danish-tinged Norwegian) or ``mix`` (English and Norwegian mixed in
one text). Categories, as v11's: ``basic``, ``chains``, ``multi_day``, ``conditions``,
``calendar``, ``events``, ``delays``, ``templates_by_meaning``, ``new_templates``,
``must_ask``. The conversations (``HELD_OUT_V12_CONVERSATIONS``) are ``answers`` (the start
makes the assistant ask, the follow-up answers it, one word or more) or ``edits`` (the start is
a draft, the follow-up changes it); their ``expected`` is the draft after the follow-up.

``expected`` is ``"question"`` (the assistant must ask back and create nothing) or the key facts
(``benchmarks.parser_accuracy.key_facts``) that the text clearly determines; whatever the text
leaves open is left out. The conventions are v11's (and so v9's, v7's and v5's), so the numbers
compare:

- The first step of a weekly workflow has ``triggers`` equal to the schedule's day and time.
  ``triggers`` are not given for daily, monthly or calendar-kind schedules (every N weeks, ISO
  weeks, holiday policies), for a schedule on several days, nor where a timing could fairly be
  written in more than one way.
- In an event workflow a step that runs at once has trigger ``None``; "N minutes / hours / days
  (døgn) after" is ``{"delay_minutes": N in minutes}``, counted from the step before; the
  customer the event is about is ``{"event_customer": True}``. The ``reklamasjon`` webhook's
  data names the customer, so "kunden" there is ``{"event_customer": True}``. Telling a staff
  group ("gi beskjed til kundeservice", "tell the sales team") is a step whose ``staff_group``
  is that group; only ``staff_group`` and the event are given for it.
- In a chain, a later step "to those who (still) have not ordered", and any reminder, has
  ``orders_missing`` since ``execution_start``; later steps go to the first step's audience.
  "Their usual / standard / last order", "det samme som sist" is ``create_order`` with
  ``mode`` ``repeat_last``. Without a time, an order form is at 09:00 and a reminder at 15:00
  (nl-examples.md); an offer, newsletter, price list or any other email has no default time.
- A window written in the text is the condition's window: "siden mandag" is ``since:
  "last_monday"`` (any weekday likewise), "de siste 4 dagene" ``days_back: 4``, "2 uker" 14
  days, "3 weeks" 21 days. A lone reminder without a window has no ``conditions`` given.
- One phrase with several days for one action: a single send is a weekly schedule on those
  ``days``; in a chain every day is a step of its own. Relative days ("dagen etter", "to dager
  senere", "same day at 3pm") are the weekday they name, counted from the step before.
- "Hver hverdag" / "weekdays" is ``weekdays_only``; "hver virkedag" / "kvar verkedag" / "every
  business day" is ``business_days_only``.
- ``every_weeks`` is anchored on the date the text gives (a date without a year is the next one
  after today, so in 2029), otherwise on the next such weekday after ``HELD_OUT_V12_TODAY`` (a
  Wednesday; no unanchored case uses Wednesday): Thursday 2028-12-21, Friday 2028-12-22, Monday
  2028-12-25 (1. juledag), Tuesday 2028-12-26 (2. juledag).
- A holiday policy is given only where the text says what happens on a public holiday ("også
  på røde dager" is ``run``; "ikke på helligdager" ``skip``; "the business day before"
  ``previous_business_day``; "dagen etter" ``next_business_day``).
- Clock words: "halv ni" is 08:30, "kvart over sju" 07:15, "kvart på ti" 09:45, "middag"
  12:00; a bare hour is only used where it cannot be read as night (6-11 in the morning, 13-18
  written out, or "same day at 3pm").
- With a ``generate_report`` step, ``recipients`` and ``conditions`` are not given; ``report``
  only where the text names what it reports ("hvem som ikke har bestilt" is
  ``orders_missing``).
- Group slugs: florists / blomsterbutikkene / blomsterbutikkane / blomsterhandlerne
  ``blomsterbutikker``; garden centres / hagesentrene / hagesentra ``hagesentre``; grocery
  shops / dagligvarebutikkene / "dagligvare" ``dagligvare``; hotels / hotellene / hotella
  ``hoteller``; funeral homes / begravelsesbyråene / begravelsesbyråa ``begravelse``;
  landscapers / anleggsgartnerne / anleggsgartnarane ``gartnere``; churches / kirkene /
  kyrkjene ``kirker``; event agencies / eventbyråene / eventbyråa ``eventbyraer``.
  Restaurants, schools, hair salons, "the big customers" and "kundene i Molde" are not groups:
  a question.
- Templates by meaning: order form / skjema / bestillingsskjema / bestillingslista / order
  sheet / bestillingsformularen / "Vekeordre" ``bestilling``; reminder / påminnelse /
  påminning / purring (about orders) / "Har du gløymt ordren?" ``reminder``; confirmation /
  ordrebekreftelse / stadfesting ``confirmation``; price list / prislista / dagens priser /
  "Auksjonspriser" ``prisliste``; newsletter / månedsbrev / nyhedsbrev / "Blomsterposten"
  ``newsletter``; offer / tilbud / kampanje / deals / "Kampanjevarer" ``tilbud``; welcome /
  velkomst ``velkomst``; seasonal goods / sesongvarer / "Sesongnytt" ``sesong``; payment
  reminder for unpaid invoices / fakturapurring / "Betalingspåminnelse" ``faktura`` (not the
  order reminder); care tips / stelltips / pleieråd / care instructions ``pleierad``. An
  email none of them covers (Christmas opening hours, changed delivery days or routes, safety
  data sheets, a survey, a fair invitation, deposit buckets, credit terms) is ``"new"``.
- Must ask: an unknown group; SMS, phone calls or WhatsApp (the format only sends email); a
  request that contradicts or cancels itself; a time or date that cannot exist (kl 25, 24:30,
  30 February, the fifth Monday, every 10 weeks); a change of customer data, a cancelled order,
  a payment or anything but ``order.created``, ``customer.created`` and named webhooks as
  trigger; no "when"; an offer or newsletter without its time or day; a text that is not a
  workflow.

Today is Wednesday 20 December 2028 (ISO week 51, odd). The next Monday is 1. juledag (25
December) and the next Tuesday 2. juledag (26 December); the Monday after is 1. nyttårsdag
(1 January 2029, ISO week 1 of 2029; 2028 has 52 ISO weeks, so week 52 (even) is followed by
week 1 (odd) and the even/odd alternation holds).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ai_assistant.context import GroupInfo, ParseContext, TemplateInfo
from benchmarks.parser_accuracy import Case
from tests.ai_assistant import expected_facts as facts
from tests.ai_assistant.expected_facts import DAY, HOUR, ORDER, REPORT, SEND
from tests.ai_assistant.parser_phrasings_v2 import EditCase

# The shared builders of expected facts (tests/ai_assistant/expected_facts.py), under this
# set's short names.
_all = facts.everyone
_g = facts.group
_ev = facts.event_customer
_at = facts.at
_delay = facts.delay
_ms = facts.missing_since_start
_missing = facts.missing
_ordered = facts.ordered
_weekly = facts.weekly
_days = facts.on_days
_daily = facts.daily
_monthly = facts.monthly
_event = facts.event
_one = facts.one_send
_wk1 = facts.weekly_send

# Wednesday 20 December 2028 (ISO week 51, an odd week); 1. and 2. juledag are the next Monday
# and Tuesday, 1. nyttårsdag the Monday after.
HELD_OUT_V12_TODAY = dt.date(2028, 12, 20)

HELD_OUT_V12_TEMPLATES: list[TemplateInfo] = [
    {
        "id": 1201,
        "name": "Vekeordre",
        "category": "bestilling",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Bestill snittblomar og planter til neste veke",
    },
    {
        "id": 1202,
        "name": "Har du gløymt ordren?",
        "category": "reminder",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Me har ikkje fått bestillinga di enno",
    },
    {
        "id": 1203,
        "name": "Ordrestadfesting",
        "category": "confirmation",
        "variables": ["kunde_navn", "ordre_nummer", "leveringsdato"],
        "subject": "Takk for bestillinga - her er ordren din",
    },
    {
        "id": 1204,
        "name": "Auksjonspriser",
        "category": "prisliste",
        "variables": ["kunde_navn", "prisliste_link", "gyldig_fra"],
        "subject": "Dagens priser på snittblomster og potteplanter",
    },
    {
        "id": 1205,
        "name": "Blomsterposten",
        "category": "newsletter",
        "variables": ["kunde_navn", "maaned"],
        "subject": "Månedsbrev fra Sunnmøre Blomsterengros",
    },
    {
        "id": 1206,
        "name": "Kampanjevarer",
        "category": "tilbud",
        "variables": ["kunde_navn", "tilbud_liste", "bestilling_link"],
        "subject": "Deals of the week - så langt lageret rekker",
    },
    {
        "id": 1207,
        "name": "Welcome aboard",
        "category": "velkomst",
        "variables": ["kunde_navn", "kontaktperson", "portal_link"],
        "subject": "Velkommen som kunde hos Sunnmøre Blomsterengros",
    },
    {
        "id": 1208,
        "name": "Sesongnytt: jul og vår",
        "category": "sesong",
        "variables": ["kunde_navn", "sesong", "forhandsbestilling_link"],
        "subject": "Seasonal goods: forhåndsbestill juletrær, julestjerner og vårløk",
    },
    {
        "id": 1209,
        "name": "Betalingspåminnelse",
        "category": "faktura",
        "variables": ["kunde_navn", "faktura_nummer", "belop", "forfallsdato"],
        "subject": "Ubetalt faktura - payment reminder",
    },
    {
        "id": 1210,
        "name": "Stell av snittblomster",
        "category": "pleierad",
        "variables": ["kunde_navn"],
        "subject": "Care tips: slik holder blomstene seg friske lenger",
    },
]

HELD_OUT_V12_GROUPS: list[GroupInfo] = [
    {"slug": "blomsterbutikker", "name": "Blomsterbutikker", "size": 86},
    {"slug": "hagesentre", "name": "Hagesentre", "size": 23},
    {"slug": "dagligvare", "name": "Dagligvarebutikker", "size": 71},
    {"slug": "hoteller", "name": "Hoteller", "size": 19},
    {"slug": "begravelse", "name": "Begravelsesbyråer", "size": 15},
    {"slug": "gartnere", "name": "Anleggsgartnere", "size": 27},
    {"slug": "kirker", "name": "Kirker og kirkegårder", "size": 34},
    {"slug": "eventbyraer", "name": "Eventbyråer og bryllupsplanleggere", "size": 12},
]

HELD_OUT_V12_STAFF_GROUPS = ["lager", "salg", "sjåfører", "kundeservice"]


def held_out_v12_context() -> ParseContext:
    """Sunnmøre Blomsterengros' templates, groups and staff groups, on ``HELD_OUT_V12_TODAY``."""
    return facts.business_context(
        HELD_OUT_V12_TEMPLATES, HELD_OUT_V12_GROUPS, HELD_OUT_V12_STAFF_GROUPS, HELD_OUT_V12_TODAY
    )


# --- Builders for the expected facts ----------------------------------------------------------

Q = "question"

MON, TUE, WED, THU, FRI, SAT, SUN = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)


def _chain(
    templates: list[str | None],
    triggers: list[dict[str, Any] | None] | None,
    recipients: dict[str, Any],
) -> dict[str, Any]:
    """Sends (and a usual order where the template is ``None``): the first to ``recipients``,
    every later step to the same audience, only those still without an order in this run."""
    steps = [SEND if t is not None else ORDER for t in templates]
    out: dict[str, Any] = {
        "steps": steps,
        "templates": templates,
        "recipients": [recipients] * len(steps),
        "conditions": [None] + [_ms()] * (len(steps) - 1),
    }
    if triggers is not None:
        out["triggers"] = triggers
    if ORDER in steps:
        out["mode"] = "repeat_last"
    return out


def _form_remind(
    first: dict[str, Any], then: dict[str, Any], recipients: dict[str, Any]
) -> dict[str, Any]:
    """A weekly order form on ``first``, then a reminder on ``then`` to those still without
    an order; same audience."""
    return _weekly(
        first["day"],
        first["time"],
        **_chain(["bestilling", "reminder"], [first, then], recipients),
    )


def _report(emails: list[str], report: str | None = None) -> dict[str, Any]:
    """One report step sent to ``emails`` (``report`` where the text names what it reports)."""
    out: dict[str, Any] = {"steps": [REPORT], "send_to": emails}
    if report is not None:
        out["report"] = report
    return out


def _event_sends(
    kind: str,
    templates: list[str],
    triggers: list[dict[str, Any] | None],
    **more: Any,
) -> dict[str, Any]:
    """Sends to the customer the event is about, one per template, at ``triggers``."""
    return _event(
        kind,
        steps=[SEND] * len(templates),
        templates=templates,
        recipients=[_ev()] * len(templates),
        triggers=triggers,
        **more,
    )


def _reklamasjon(**more: Any) -> dict[str, Any]:
    return _event("webhook", event_name="reklamasjon", **more)


def _auksjon(**more: Any) -> dict[str, Any]:
    return _event("webhook", event_name="auksjon-priser", **more)


# --- The cases ---------------------------------------------------------------------------------

HELD_OUT_V12: list[Case] = [
    # --- basic ---------------------------------------------------------------------------------
    # nb
    Case(
        "Hver mandag kl 08:30 send Vekeordre til alle kundene",
        _wk1(MON, "08:30", "bestilling", _all()),
    ),
    # nn
    Case(
        "Kvar tysdag klokka 10 sender me prislista til blomsterbutikkane",
        _wk1(TUE, "10:00", "prisliste", _g("blomsterbutikker")),
    ),
    # en
    Case(
        "Every Friday at 7am send the price list to the garden centres",
        _wk1(FRI, "07:00", "prisliste", _g("hagesentre")),
    ),
    # da
    Case(
        "Hver torsdag klokken 14 skal kunderne have bestillingsformularen",
        _wk1(THU, "14:00", "bestilling", _all()),
    ),
    # nb (voice dictation)
    Case(
        "hver onsdag klokka ni send bestillingsskjemaet til hotellene",
        _wk1(WED, "09:00", "bestilling", _g("hoteller")),
    ),
    # nb (intern)
    Case(
        "kan du sende ordreskjema te begravelsesbyråa hver man kl 9 thx",
        _wk1(MON, "09:00", "bestilling", _g("begravelse")),
    ),
    # en (sales rep)
    Case(
        "Please to send order form to the landscapers every Thursday 11:00, thank you",
        _wk1(THU, "11:00", "bestilling", _g("gartnere")),
    ),
    # nb
    Case(
        "Send Blomsterposten den 1. hver måned kl 10 til alle",
        _monthly("10:00", day_of_month=1, **_one("newsletter", _all())),
    ),
    # en
    Case(
        "Daily at 6:45 send the price list to the florists",
        _daily("06:45", **_one("prisliste", _g("blomsterbutikker"))),
    ),
    # nb
    Case(
        "Hver hverdag kl 07 send dagens priser til blomsterbutikkene",
        _daily("07:00", weekdays_only=True, **_one("prisliste", _g("blomsterbutikker"))),
    ),
    # mix
    Case(
        "Every monday kl 9 skjema til kyrkjene",
        _wk1(MON, "09:00", "bestilling", _g("kirker")),
    ),
    # nb
    Case(
        "Siste dag i måneden kl 12 send Blomsterposten til alle kunder",
        _monthly("12:00", day_of_month="last", **_one("newsletter", _all())),
    ),
    # en
    Case(
        "Every Saturday at 8 in the morning send the deals of the week to grocery stores",
        _wk1(SAT, "08:00", "tilbud", _g("dagligvare")),
    ),
    # nb
    Case(
        "Hver søndag kl 18 send bestillingslista til eventbyråene",
        _wk1(SUN, "18:00", "bestilling", _g("eventbyraer")),
    ),
    # da
    Case(
        "Send prislisten til blomsterhandlerne hver mandag klokken 8",
        _wk1(MON, "08:00", "prisliste", _g("blomsterbutikker")),
    ),
    # nb (correction inside the message)
    Case(
        "Send prislista til hagesentrene hver mandag, nei tirsdag, kl 8",
        _wk1(TUE, "08:00", "prisliste", _g("hagesentre")),
    ),
    # nb (negation)
    Case(
        "Ikke send tilbudene til alle - bare til hotellene, hver torsdag kl 11",
        _wk1(THU, "11:00", "tilbud", _g("hoteller")),
    ),
    # nb (voice dictation)
    Case(
        "send bestillingsskjema til alle kundene hver tirsdag klokka halv ni",
        _wk1(TUE, "08:30", "bestilling", _all()),
    ),
    # nb
    Case(
        "Hver fredag kl 15 send rapport over hvem som ikke har bestilt til "
        "salg@sunnmore-blomster.no",
        _weekly(
            FRI,
            "15:00",
            triggers=[_at(FRI, "15:00")],
            **_report(["salg@sunnmore-blomster.no"], "orders_missing"),
        ),
    ),
    # --- chains --------------------------------------------------------------------------------
    # nb
    Case(
        "Bestillingsskjema mandag kl 9 til blomsterbutikkene, påminnelse onsdag kl 14 til dem "
        "som ikke har bestilt, og torsdag kl 10 legger vi inn standardordren for de som "
        "fortsatt mangler",
        _weekly(
            MON,
            "09:00",
            **_chain(
                ["bestilling", "reminder", None],
                [_at(MON, "09:00"), _at(WED, "14:00"), _at(THU, "10:00")],
                _g("blomsterbutikker"),
            ),
        ),
        category="chains",
    ),
    # nn
    Case(
        "Send vekeordre kvar måndag kl 08, og ei påminning tysdag kl 12 til dei som ikkje har "
        "bestilt",
        _form_remind(_at(MON, "08:00"), _at(TUE, "12:00"), _all()),
        category="chains",
    ),
    # en
    Case(
        "Monday 7am order form to hotels; Wednesday 1pm reminder; Thursday 9am repeat their "
        "last order if they still haven't ordered",
        _weekly(
            MON,
            "07:00",
            **_chain(
                ["bestilling", "reminder", None],
                [_at(MON, "07:00"), _at(WED, "13:00"), _at(THU, "09:00")],
                _g("hoteller"),
            ),
        ),
        category="chains",
    ),
    # nb
    Case(
        "Skjema tirsdag kl 09, påminnelse dagen etter kl 13 til de som ikke har bestilt",
        _form_remind(_at(TUE, "09:00"), _at(WED, "13:00"), _all()),
        category="chains",
    ),
    # en
    Case(
        "Order form Thursday 8am to garden centres, reminder same day at 3pm to those who "
        "haven't ordered",
        _form_remind(_at(THU, "08:00"), _at(THU, "15:00"), _g("hagesentre")),
        category="chains",
    ),
    # nb
    Case(
        "Send bestillingslista mandag kl 10 til anleggsgartnerne. To dager senere kl 12 en "
        "purring til de som ikke har bestilt, og dagen etter det kl 9 bestiller vi det samme "
        "som sist for dem som fortsatt ikke har bestilt",
        _weekly(
            MON,
            "10:00",
            **_chain(
                ["bestilling", "reminder", None],
                [_at(MON, "10:00"), _at(WED, "12:00"), _at(THU, "09:00")],
                _g("gartnere"),
            ),
        ),
        category="chains",
    ),
    # mix
    Case(
        "skjema man 8:00, reminder tirsdag 12:00, reminder again onsdag 15:00, og torsdag "
        "8:00 standard ordre for de som mangler",
        _weekly(
            MON,
            "08:00",
            **_chain(
                ["bestilling", "reminder", "reminder", None],
                [_at(MON, "08:00"), _at(TUE, "12:00"), _at(WED, "15:00"), _at(THU, "08:00")],
                _all(),
            ),
        ),
        category="chains",
    ),
    # da
    Case(
        "Bestillingsformularen mandag klokken 9, påmindelse torsdag klokken 15 til dem der "
        "ikke har bestilt",
        _form_remind(_at(MON, "09:00"), _at(THU, "15:00"), _all()),
        category="chains",
    ),
    # nb (default times)
    Case(
        "Send skjema til hotellene mandag, og purring onsdag",
        _form_remind(_at(MON, "09:00"), _at(WED, "15:00"), _g("hoteller")),
        category="chains",
    ),
    # nb (rambling, a wish)
    Case(
        "Hei! Lang dag her, juletrærne kom endelig og halve lageret står fullt av julestjerner. "
        "Uansett - kunne dere fått til at blomsterbutikkene får bestillingsskjemaet hver "
        "torsdag kl 10, og at de som ikke har bestilt får en påminnelse fredag kl 12? Takk, "
        "hilsen Randi",
        _form_remind(_at(THU, "10:00"), _at(FRI, "12:00"), _g("blomsterbutikker")),
        category="chains",
    ),
    # nb (correction inside the message)
    Case(
        "Skjema mandag kl 9, nei tirsdag kl 9, og påminnelse torsdag kl 14 til de som ikke har "
        "bestilt",
        _form_remind(_at(TUE, "09:00"), _at(THU, "14:00"), _all()),
        category="chains",
    ),
    # en (bullets)
    Case(
        "- Tuesday 08:00: order form to event agencies\n"
        "- Wednesday 12:00: reminder to those who have not ordered\n"
        "- Thursday 07:30: place their usual order if still nothing",
        _weekly(
            TUE,
            "08:00",
            **_chain(
                ["bestilling", "reminder", None],
                [_at(TUE, "08:00"), _at(WED, "12:00"), _at(THU, "07:30")],
                _g("eventbyraer"),
            ),
        ),
        category="chains",
    ),
    # nb (five steps)
    Case(
        "Mandag kl 8 skjema til alle, tirsdag kl 12 påminnelse, onsdag kl 12 ny påminnelse, "
        "torsdag kl 9 siste påminnelse, fredag kl 8 legg inn vanlig bestilling for dem som "
        "fortsatt ikke har bestilt",
        _weekly(
            MON,
            "08:00",
            **_chain(
                ["bestilling", "reminder", "reminder", "reminder", None],
                [
                    _at(MON, "08:00"),
                    _at(TUE, "12:00"),
                    _at(WED, "12:00"),
                    _at(THU, "09:00"),
                    _at(FRI, "08:00"),
                ],
                _all(),
            ),
        ),
        category="chains",
    ),
    # nb (order form, then a report)
    Case(
        "Skjema mandag kl 9 til hotellene, og fredag kl 15 send rapport over hvem som ikke har "
        "bestilt til salg@sunnmore-blomster.no",
        _weekly(
            MON,
            "09:00",
            steps=[SEND, REPORT],
            templates=["bestilling", None],
            triggers=[_at(MON, "09:00"), _at(FRI, "15:00")],
            send_to=["salg@sunnmore-blomster.no"],
            report="orders_missing",
        ),
        category="chains",
    ),
    # nn (Sunnmørsk)
    Case(
        "Eg vil at kyrkjene får vekeordre kvar onsdag kl 10, så ei påminning torsdag kl 13 te "
        "dei som ikkje har bestilt",
        _form_remind(_at(WED, "10:00"), _at(THU, "13:00"), _g("kirker")),
        category="chains",
    ),
    # --- multi_day -----------------------------------------------------------------------------
    # nb
    Case(
        "Send prislista til blomsterbutikkene mandag og torsdag kl 7",
        _days([MON, THU], "07:00", **_one("prisliste", _g("blomsterbutikker"))),
        category="multi_day",
    ),
    # en
    Case(
        "Send the order form to hotels on Tuesdays and Fridays at 10",
        _days([TUE, FRI], "10:00", **_one("bestilling", _g("hoteller"))),
        category="multi_day",
    ),
    # nn
    Case(
        "Kvar måndag, onsdag og fredag kl 06:30 skal hagesentra få dagens prisar",
        _days([MON, WED, FRI], "06:30", **_one("prisliste", _g("hagesentre"))),
        category="multi_day",
    ),
    # da
    Case(
        "Tilbud til kunderne tirsdag og torsdag klokken 11",
        _days([TUE, THU], "11:00", **_one("tilbud", _all())),
        category="multi_day",
    ),
    # nb (intern)
    Case(
        "send tilbud te hotella man ons fre kl 11",
        _days([MON, WED, FRI], "11:00", **_one("tilbud", _g("hoteller"))),
        category="multi_day",
    ),
    # en (sales rep)
    Case(
        "Every Monday and Wednesday 8 o'clock send price list to the churches",
        _days([MON, WED], "08:00", **_one("prisliste", _g("kirker"))),
        category="multi_day",
    ),
    # nb
    Case(
        "Hver tirsdag og fredag kl 15 send purring til alle som ikke har bestilt de siste 3 dagene",
        _days(
            [TUE, FRI],
            "15:00",
            **_one("reminder", _all(), conditions=[_missing(days_back=3)]),
        ),
        category="multi_day",
    ),
    # nb (a chain with a reminder on two days)
    Case(
        "Skjemaet går ut mandag kl 8, og påminnelse tirsdag og onsdag kl 14 til dem som ikke "
        "har bestilt",
        _weekly(
            MON,
            "08:00",
            **_chain(
                ["bestilling", "reminder", "reminder"],
                [_at(MON, "08:00"), _at(TUE, "14:00"), _at(WED, "14:00")],
                _all(),
            ),
        ),
        category="multi_day",
    ),
    # mix
    Case(
        "price list til dagligvare every tuesday and thursday kl 06:15",
        _days([TUE, THU], "06:15", **_one("prisliste", _g("dagligvare"))),
        category="multi_day",
    ),
    # --- conditions ----------------------------------------------------------------------------
    # nb
    Case(
        "Hver onsdag kl 13 send påminnelse til de som ikke har bestilt siden mandag",
        _wk1(WED, "13:00", "reminder", _all(), conditions=[_missing(since="last_monday")]),
        category="conditions",
    ),
    # en
    Case(
        "Every day at 11 remind florists who haven't ordered in the last 4 days",
        _daily(
            "11:00",
            **_one("reminder", _g("blomsterbutikker"), conditions=[_missing(days_back=4)]),
        ),
        category="conditions",
    ),
    # nn
    Case(
        "Kvar fredag kl 10 send purring til hotella som ikkje har bestilt sidan tysdag",
        _wk1(
            FRI,
            "10:00",
            "reminder",
            _g("hoteller"),
            conditions=[_missing(since="last_tuesday")],
        ),
        category="conditions",
    ),
    # da
    Case(
        "Send tilbud hver mandag klokken 10 til de kunder der har bestilt de sidste 14 dage",
        _wk1(MON, "10:00", "tilbud", _all(), conditions=[_ordered(days_back=14)]),
        category="conditions",
    ),
    # nb
    Case(
        "Tilbudene hver torsdag kl 12, men bare til kunder som har handlet hos oss de siste 2 "
        "ukene",
        _wk1(THU, "12:00", "tilbud", _all(), conditions=[_ordered(days_back=14)]),
        category="conditions",
    ),
    # en
    Case(
        "Each Monday at 9 send the reminder to garden centres with no orders in 3 weeks",
        _wk1(MON, "09:00", "reminder", _g("hagesentre"), conditions=[_missing(days_back=21)]),
        category="conditions",
    ),
    # nb
    Case(
        "Hver dag kl 10 send purring til begravelsesbyråer som ikke har bestilt på 10 dager",
        _daily(
            "10:00",
            **_one("reminder", _g("begravelse"), conditions=[_missing(days_back=10)]),
        ),
        category="conditions",
    ),
    # mix
    Case(
        "every friday kl 14 send «Har du gløymt ordren?» til those who haven't ordered since "
        "wednesday",
        _wk1(FRI, "14:00", "reminder", _all(), conditions=[_missing(since="last_wednesday")]),
        category="conditions",
    ),
    # en
    Case(
        "Send the deals to hotels every Tuesday at 10, only to those who have ordered since Monday",
        _wk1(TUE, "10:00", "tilbud", _g("hoteller"), conditions=[_ordered(since="last_monday")]),
        category="conditions",
    ),
    # nb (voice dictation)
    Case(
        "hver torsdag klokka tolv send purring til eventbyråene som ikke har bestilt de siste "
        "sju dagene",
        _wk1(
            THU,
            "12:00",
            "reminder",
            _g("eventbyraer"),
            conditions=[_missing(days_back=7)],
        ),
        category="conditions",
    ),
    # --- calendar ------------------------------------------------------------------------------
    # nb
    Case(
        "Annenhver mandag kl 9 send bestillingsskjema til hotellene",
        _weekly(
            MON,
            "09:00",
            every_weeks=2,
            anchor="2028-12-25",
            **_one("bestilling", _g("hoteller")),
        ),
        category="calendar",
    ),
    # da
    Case(
        "Hver anden uge om fredagen klokken 10 sendes tilbud til kunderne",
        _weekly(FRI, "10:00", every_weeks=2, anchor="2028-12-22", **_one("tilbud", _all())),
        category="calendar",
    ),
    # nb
    Case(
        "Annenhver tirsdag kl 8 prislista til blomsterbutikkene, første gang 2. januar",
        _weekly(
            TUE,
            "08:00",
            every_weeks=2,
            anchor="2029-01-02",
            **_one("prisliste", _g("blomsterbutikker")),
        ),
        category="calendar",
    ),
    # en
    Case(
        "Every third Thursday at 14:00 send the newsletter to all, starting 11 January",
        _weekly(
            THU,
            "14:00",
            every_weeks=3,
            anchor="2029-01-11",
            **_one("newsletter", _all()),
        ),
        category="calendar",
    ),
    # nb
    Case(
        "Første mandag i måneden kl 08 send Blomsterposten til alle",
        _monthly("08:00", weekday=MON, nth=1, **_one("newsletter", _all())),
        category="calendar",
    ),
    # en
    Case(
        "Last Friday of every month at 15:00 send the price list to grocery stores",
        _monthly("15:00", weekday=FRI, nth=-1, **_one("prisliste", _g("dagligvare"))),
        category="calendar",
    ),
    # nn
    Case(
        "Første verkedag i månaden kl 07:30 send prislista til alle",
        _monthly("07:30", business_day=1, **_one("prisliste", _all())),
        category="calendar",
    ),
    # en
    Case(
        "Last business day of each month at 16:00 send the monthly report to "
        "regnskap@sunnmore-blomster.no",
        _monthly("16:00", business_day=-1, **_report(["regnskap@sunnmore-blomster.no"])),
        category="calendar",
    ),
    # nb
    Case(
        "Hver virkedag kl 06 send dagens priser til blomsterbutikkene",
        _daily("06:00", business_days_only=True, **_one("prisliste", _g("blomsterbutikker"))),
        category="calendar",
    ),
    # nb
    Case(
        "Hver mandag kl 9 skjema til alle - er mandagen en helligdag, send dagen etter i stedet",
        _weekly(
            MON,
            "09:00",
            holiday_policy="next_business_day",
            **_one("bestilling", _all()),
        ),
        category="calendar",
    ),
    # da
    Case(
        "Hver mandag klokken 8 prislisten til kunderne, men ikke på helligdage",
        _weekly(MON, "08:00", holiday_policy="skip", **_one("prisliste", _all())),
        category="calendar",
    ),
    # en
    Case(
        "Every Tuesday 10:00 order form to florists, and if it's a public holiday send it the "
        "business day before",
        _weekly(
            TUE,
            "10:00",
            holiday_policy="previous_business_day",
            **_one("bestilling", _g("blomsterbutikker")),
        ),
        category="calendar",
    ),
    # nb
    Case(
        "Partallsuker: tirsdag kl 10 send tilbud til hagesentrene",
        _weekly(TUE, "10:00", iso_weeks="even", **_one("tilbud", _g("hagesentre"))),
        category="calendar",
    ),
    # nn
    Case(
        "I oddetalsveker, torsdag kl 9, send vekeordre til anleggsgartnarane",
        _weekly(THU, "09:00", iso_weeks="odd", **_one("bestilling", _g("gartnere"))),
        category="calendar",
    ),
    # nb
    Case(
        "Hver mandag kl 9 bestillingsskjema til alle, også i jula og på røde dager",
        _weekly(MON, "09:00", holiday_policy="run", **_one("bestilling", _all())),
        category="calendar",
    ),
    # nb (intern)
    Case(
        "annahver fredag kl 12 tilbud te eventbyråa",
        _weekly(
            FRI,
            "12:00",
            every_weeks=2,
            anchor="2028-12-22",
            **_one("tilbud", _g("eventbyraer")),
        ),
        category="calendar",
    ),
    # en
    Case(
        "Second Tuesday of the month at 9:30 send the seasonal goods email to garden centres",
        _monthly("09:30", weekday=TUE, nth=2, **_one("sesong", _g("hagesentre"))),
        category="calendar",
    ),
    # nb
    Case(
        "Hver fjerde torsdag kl 13 skal kirkene få prislista, første gang 4. januar",
        _weekly(
            THU,
            "13:00",
            every_weeks=4,
            anchor="2029-01-04",
            **_one("prisliste", _g("kirker")),
        ),
        category="calendar",
    ),
    # --- events --------------------------------------------------------------------------------
    # nb
    Case(
        "Når en ny kunde registreres, send velkomstmail med en gang",
        _event_sends("customer.created", ["velkomst"], [None]),
        category="events",
    ),
    # en
    Case(
        "When an order comes in, send the order confirmation to the customer",
        _event_sends("order.created", ["confirmation"], [None]),
        category="events",
    ),
    # nn
    Case(
        "Når ein kunde legg inn ei bestilling, send stadfesting til kunden",
        _event_sends("order.created", ["confirmation"], [None]),
        category="events",
    ),
    # nb
    Case(
        "Når reklamasjon-webhooken slår inn, gi beskjed til kundeservice",
        _reklamasjon(staff_group="kundeservice"),
        category="events",
    ),
    # en
    Case(
        "When the auksjon-priser webhook fires, send the price list to all florists",
        _auksjon(**_one("prisliste", _g("blomsterbutikker"), triggers=[None])),
        category="events",
    ),
    # nn
    Case(
        "Kjem det ein reklamasjon (webhook reklamasjon), send kunden ein e-post med pleieråd "
        "for blomane med ein gong",
        _reklamasjon(**_one("pleierad", _ev(), triggers=[None])),
        category="events",
    ),
    # da
    Case(
        "Når en kunde bestiller, så send en ordrebekræftelse til kunden",
        _event_sends("order.created", ["confirmation"], [None]),
        category="events",
    ),
    # en
    Case(
        "When a new customer signs up, notify the sales team (salg)",
        _event("customer.created", staff_group="salg"),
        category="events",
    ),
    # nb
    Case(
        "Ved hver nye ordre: gi beskjed til lageret",
        _event("order.created", staff_group="lager"),
        category="events",
    ),
    # nb (intern)
    Case(
        "når det dukker opp nye kunder send velkomst te dem asap",
        _event_sends("customer.created", ["velkomst"], [None]),
        category="events",
    ),
    # mix
    Case(
        "når webhook auksjon-priser kommer inn, send Auksjonspriser til hotellene right away",
        _auksjon(**_one("prisliste", _g("hoteller"), triggers=[None])),
        category="events",
    ),
    # --- delays --------------------------------------------------------------------------------
    # nb
    Case(
        "Når en kunde bestiller, send bekreftelse med en gang og en e-post med stelltips 3 "
        "dager senere",
        _event_sends("order.created", ["confirmation", "pleierad"], [None, _delay(3 * DAY)]),
        category="delays",
    ),
    # en
    Case(
        "30 minutes after a new customer is created, send them the welcome email",
        _event_sends("customer.created", ["velkomst"], [_delay(30)]),
        category="delays",
    ),
    # nn
    Case(
        "Når reklamasjon-webhooken kjem inn: send kunden pleieråd etter 2 timar",
        _reklamasjon(**_one("pleierad", _ev(), triggers=[_delay(2 * HOUR)])),
        category="delays",
    ),
    # nb
    Case(
        "Ny kunde → velkomst etter en time, og ett døgn etter det prislista",
        _event_sends("customer.created", ["velkomst", "prisliste"], [_delay(HOUR), _delay(DAY)]),
        category="delays",
    ),
    # da
    Case(
        "Når en ny kunde oprettes, send velkomst, og 7 dage senere vores tilbud",
        _event_sends("customer.created", ["velkomst", "tilbud"], [None, _delay(7 * DAY)]),
        category="delays",
    ),
    # en
    Case(
        "When an order is placed send the confirmation, then 90 minutes later the care tips email",
        _event_sends("order.created", ["confirmation", "pleierad"], [None, _delay(90)]),
        category="delays",
    ),
    # nb
    Case(
        "Når webhooken auksjon-priser kommer, vent 15 minutter og send prislista til alle",
        _auksjon(**_one("prisliste", _all(), triggers=[_delay(15)])),
        category="delays",
    ),
    # nb (voice dictation)
    Case(
        "når en ny kunde blir lagt inn send velkomst etter to timer",
        _event_sends("customer.created", ["velkomst"], [_delay(2 * HOUR)]),
        category="delays",
    ),
    # mix
    Case(
        "New customer: velkomst straks, og bestillingsskjemaet 2 days later",
        _event_sends("customer.created", ["velkomst", "bestilling"], [None, _delay(2 * DAY)]),
        category="delays",
    ),
    # --- templates_by_meaning ------------------------------------------------------------------
    # nb
    Case(
        "Send månedsbrevet til alle den 15. hver måned kl 10",
        _monthly("10:00", day_of_month=15, **_one("newsletter", _all())),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "Every Monday at 8 send the weekly deals to hotels",
        _wk1(MON, "08:00", "tilbud", _g("hoteller")),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Hver torsdag kl 13 send info om sesongvarene til hagesentrene",
        _wk1(THU, "13:00", "sesong", _g("hagesentre")),
        category="templates_by_meaning",
    ),
    # nn
    Case(
        "Kvar fredag kl 9 send kampanjen til blomsterbutikkane",
        _wk1(FRI, "09:00", "tilbud", _g("blomsterbutikker")),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "On the 20th of every month at 9 send the payment reminder for unpaid invoices to "
        "funeral homes",
        _monthly("09:00", day_of_month=20, **_one("faktura", _g("begravelse"))),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Den 5. hver måned kl 12 send fakturapurring til alle",
        _monthly("12:00", day_of_month=5, **_one("faktura", _all())),
        category="templates_by_meaning",
    ),
    # mix
    Case(
        "every wednesday kl 15 send stelltips til hotellene",
        _wk1(WED, "15:00", "pleierad", _g("hoteller")),
        category="templates_by_meaning",
    ),
    # da
    Case(
        "Send nyhedsbrevet til kunderne første mandag i måneden klokken 9",
        _monthly("09:00", weekday=MON, nth=1, **_one("newsletter", _all())),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "Send the order sheet Tuesdays at 9 to event agencies",
        _wk1(TUE, "09:00", "bestilling", _g("eventbyraer")),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Hver mandag kl 07:45 send ukas kampanjevarer til dagligvarebutikkene",
        _wk1(MON, "07:45", "tilbud", _g("dagligvare")),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "Every Thursday at 10 send the care instructions for cut flowers to florists",
        _wk1(THU, "10:00", "pleierad", _g("blomsterbutikker")),
        category="templates_by_meaning",
    ),
    # nb (intern)
    Case(
        "sende nyhetsbrev te alle 1. hver mnd kl 9",
        _monthly("09:00", day_of_month=1, **_one("newsletter", _all())),
        category="templates_by_meaning",
    ),
    # nn
    Case(
        "Kvar måndag kl kvart over sju: send ordrelista for veka til hotella",
        _wk1(MON, "07:15", "bestilling", _g("hoteller")),
        category="templates_by_meaning",
    ),
    # --- new_templates -------------------------------------------------------------------------
    # nb
    Case(
        "Hver fredag kl 12 send åpningstidene våre i jula til alle kunder",
        _wk1(FRI, "12:00", "new", _all()),
        category="new_templates",
    ),
    # en
    Case(
        "Every Monday at 10 send the changes to our delivery routes to hotels",
        _wk1(MON, "10:00", "new", _g("hoteller")),
        category="new_templates",
    ),
    # nn
    Case(
        "Kvar tysdag kl 9 send informasjon om nye leveringsdagar til blomsterbutikkane",
        _wk1(TUE, "09:00", "new", _g("blomsterbutikker")),
        category="new_templates",
    ),
    # da
    Case(
        "Send information om returnering af tomme spande hver mandag klokken 9 til kunderne",
        _wk1(MON, "09:00", "new", _all()),
        category="new_templates",
    ),
    # nb
    Case(
        "Hver torsdag kl 8 send HMS-datablad for gjødsel og plantevernmidler til anleggsgartnerne",
        _wk1(THU, "08:00", "new", _g("gartnere")),
        category="new_templates",
    ),
    # en
    Case(
        "Every Friday at 4pm send a customer satisfaction survey to hotels",
        _wk1(FRI, "16:00", "new", _g("hoteller")),
        category="new_templates",
    ),
    # nb
    Case(
        "Den 1. hver måned kl 09 send invitasjon til vårmessen vår til eventbyråene",
        _monthly("09:00", day_of_month=1, **_one("new", _g("eventbyraer"))),
        category="new_templates",
    ),
    # mix
    Case(
        "every tuesday kl 10 send info om våre nye plastfrie emballasjeløsninger til "
        "dagligvarebutikkene",
        _wk1(TUE, "10:00", "new", _g("dagligvare")),
        category="new_templates",
    ),
    # nb
    Case(
        "Når en ny kunde registreres, send kredittvilkårene våre med en gang",
        _event_sends("customer.created", ["new"], [None]),
        category="new_templates",
    ),
    # en (sales rep)
    Case(
        "Please every Monday 9:00 send to funeral homes the transport plan, when our truck is "
        "coming to them",
        _wk1(MON, "09:00", "new", _g("begravelse")),
        category="new_templates",
    ),
    # --- must_ask ------------------------------------------------------------------------------
    # nb
    Case("Send nyhetsbrevet til alle kundene hver måned", Q, category="must_ask"),
    # nb (an offer without a time)
    Case("Send tilbud til hotellene hver fredag", Q, category="must_ask"),
    # en (unknown group)
    Case("Send the price list to the restaurants every Monday at 8", Q, category="must_ask"),
    # nb (SMS)
    Case(
        "Send SMS til blomsterbutikkene hver tirsdag kl 9 om dagens priser",
        Q,
        category="must_ask",
    ),
    # nn (phone calls)
    Case("Ring alle hagesentra kvar måndag kl 10 og spør om dei vil bestille", Q, "must_ask"),
    # da (unknown group)
    Case("Send tilbud til skolerne hver onsdag klokken 10", Q, category="must_ask"),
    # nb (a time that cannot exist)
    Case("Hver mandag kl 25 send skjema til alle", Q, category="must_ask"),
    # en (a date that cannot exist)
    Case("On 30 February at 9 send the newsletter to everyone", Q, category="must_ask"),
    # nb (no fifth Monday)
    Case("Femte mandag i måneden kl 9 send prislista til alle", Q, category="must_ask"),
    # nb (every 10 weeks)
    Case("Hver tiende uke på mandag kl 9 send skjema til hotellene", Q, category="must_ask"),
    # en (an unsupported trigger)
    Case(
        "When a customer changes their delivery address, send them the welcome email",
        Q,
        category="must_ask",
    ),
    # nb (a payment as trigger)
    Case("Når en kunde betaler fakturaen, send en takkemail", Q, category="must_ask"),
    # nb (not a workflow)
    Case("Bestill 200 julestjerner fra Nederland til lageret i Molde", Q, category="must_ask"),
    # nb (intern, not a workflow)
    Case("lol kan du fikse det der greia vi snakka om", Q, category="must_ask"),
    # nb (contradiction)
    Case("Send skjema hver mandag kl 9, men aldri på mandager", Q, category="must_ask"),
    # en (contradiction)
    Case(
        "Send the order form every Sunday at 9 but never on weekends",
        Q,
        category="must_ask",
    ),
    # en (unknown group)
    Case("Send a reminder every Wednesday at 2pm to the big customers", Q, category="must_ask"),
    # nb (not a group)
    Case("Send prislista til kundene i Molde hver mandag kl 8", Q, category="must_ask"),
    # da (WhatsApp)
    Case("Send en WhatsApp til kunderne hver fredag klokken 10 om tilbud", Q, "must_ask"),
    # nn (a time that cannot exist)
    Case("Kvar dag kl 24:30 send prislista til hotella", Q, category="must_ask"),
    # en (no when)
    Case("Send the order form to hotels", Q, category="must_ask"),
    # nb (a cancelled order as trigger)
    Case("Når en ordre blir kansellert, send en beklagelse til kunden", Q, category="must_ask"),
    # nb (rambling, a campaign without day or time)
    Case(
        "Hei, vi har fått inn masse amaryllis og hyasinter før jul, mer enn vi klarer å "
        "selge. Kunne dere fått til at hagesentrene får en kampanje på det hver uke? Mvh "
        "Kjetil",
        Q,
        category="must_ask",
    ),
    # mix (unknown group)
    Case("Send tilbud til frisørene every friday kl 10", Q, category="must_ask"),
    # nb (a change of customer data)
    Case(
        "Slett alle kundene som ikke har bestilt på et år, hver søndag kl 22",
        Q,
        category="must_ask",
    ),
    # nb (cancels itself)
    Case(
        "Send skjema til hotellene mandag kl 9 - nei forresten, ikke send noe likevel",
        Q,
        category="must_ask",
    ),
    # nb (voice dictation, no when)
    Case("send påminnelse til anleggsgartnerne", Q, category="must_ask"),
    # nb (a change of customer data)
    Case("Bytt e-postadressen til Blomsterhuset i Molde til post@blomsterhuset.no", Q, "must_ask"),
]


# --- Conversations -----------------------------------------------------------------------------

HELD_OUT_V12_CONVERSATIONS: list[EditCase] = [
    # --- answers ---------------------------------------------------------------------------
    # nb
    EditCase(
        "Send nyhetsbrevet til alle kundene hver måned",
        "den 1. kl 10",
        _monthly("10:00", day_of_month=1, **_one("newsletter", _all())),
        category="answers",
    ),
    # nb (one word)
    EditCase(
        "Send tilbud til hotellene hver fredag",
        "11:00",
        _wk1(FRI, "11:00", "tilbud", _g("hoteller")),
        category="answers",
    ),
    # nb (one word)
    EditCase(
        "Send prislista til restaurantene hver mandag kl 8",
        "hotellene",
        _wk1(MON, "08:00", "prisliste", _g("hoteller")),
        category="answers",
    ),
    # en
    EditCase(
        "Send the order form to florists",
        "Tuesdays at 9",
        _wk1(TUE, "09:00", "bestilling", _g("blomsterbutikker")),
        category="answers",
    ),
    # nb
    EditCase(
        "SMS til hagesentrene hver torsdag kl 10 med prislista",
        "ok, send det på e-post da",
        _wk1(THU, "10:00", "prisliste", _g("hagesentre")),
        category="answers",
    ),
    # nb
    EditCase(
        "Send kampanjen til blomsterbutikkene",
        "hver onsdag kl 12",
        _wk1(WED, "12:00", "tilbud", _g("blomsterbutikker")),
        category="answers",
    ),
    # nb (one word)
    EditCase(
        "Send tilbud til skolene hver mandag kl 10",
        "alle",
        _wk1(MON, "10:00", "tilbud", _all()),
        category="answers",
    ),
    # da
    EditCase(
        "Send nyhedsbrevet til kunderne hver måned",
        "første mandag klokken 9",
        _monthly("09:00", weekday=MON, nth=1, **_one("newsletter", _all())),
        category="answers",
    ),
    # nb
    EditCase(
        "send påminnelse til anleggsgartnerne",
        "hver torsdag kl 14 til de som ikke har bestilt siden mandag",
        _wk1(
            THU,
            "14:00",
            "reminder",
            _g("gartnere"),
            conditions=[_missing(since="last_monday")],
        ),
        category="answers",
    ),
    # nb
    EditCase(
        "Hver mandag kl 25 send skjema til alle",
        "kl 7 mente jeg",
        _wk1(MON, "07:00", "bestilling", _all()),
        category="answers",
    ),
    # nn (one word; an order form's default time)
    EditCase(
        "Send vekeordre til kyrkjene",
        "fredag",
        _wk1(FRI, "09:00", "bestilling", _g("kirker")),
        category="answers",
    ),
    # en (one word)
    EditCase(
        "Send the deals of the week to the big customers every Thursday at 10",
        "hotels",
        _wk1(THU, "10:00", "tilbud", _g("hoteller")),
        category="answers",
    ),
    # --- edits -----------------------------------------------------------------------------
    # nb
    EditCase(
        "Skjema mandag kl 9 og påminnelse torsdag kl 15 til de som ikke har bestilt",
        "gjør purringen en dag tidligere, samme klokkeslett",
        _form_remind(_at(MON, "09:00"), _at(WED, "15:00"), _all()),
    ),
    # en
    EditCase(
        "Every Tuesday at 10 send the price list to florists",
        "make it 8 instead",
        _wk1(TUE, "08:00", "prisliste", _g("blomsterbutikker")),
    ),
    # nb
    EditCase(
        "Hver fredag kl 12 send tilbud til hotellene",
        "send det til hagesentrene i stedet",
        _wk1(FRI, "12:00", "tilbud", _g("hagesentre")),
    ),
    # nb
    EditCase(
        "Hver mandag kl 9 send bestillingsskjema til blomsterbutikkene",
        "legg til en påminnelse onsdag kl 14 til de som ikke har bestilt",
        _form_remind(_at(MON, "09:00"), _at(WED, "14:00"), _g("blomsterbutikker")),
    ),
    # nb
    EditCase(
        "Send prislista hver torsdag kl 7 til alle",
        "gjør det annenhver uke",
        _weekly(THU, "07:00", every_weeks=2, anchor="2028-12-21", **_one("prisliste", _all())),
    ),
    # nb
    EditCase(
        "Hver mandag kl 8 skjema til hotellene",
        "ikke på helligdager",
        _weekly(MON, "08:00", holiday_policy="skip", **_one("bestilling", _g("hoteller"))),
    ),
    # da (one word)
    EditCase(
        "Send tilbud til kunderne hver mandag klokken 10",
        "nej, torsdag",
        _wk1(THU, "10:00", "tilbud", _all()),
    ),
    # nb
    EditCase(
        "Skjema mandag kl 9, påminnelse onsdag kl 15 til de som ikke har bestilt",
        "fjern påminnelsen",
        _wk1(MON, "09:00", "bestilling", _all()),
    ),
    # nb (intern)
    EditCase(
        "sende nyhetsbrev te alle 1. hver mnd kl 9",
        "nei bare blomsterbutikkene",
        _monthly("09:00", day_of_month=1, **_one("newsletter", _g("blomsterbutikker"))),
    ),
    # en
    EditCase(
        "When a new customer signs up send the welcome email",
        "wait 1 hour first",
        _event_sends("customer.created", ["velkomst"], [_delay(HOUR)]),
    ),
    # nn
    EditCase(
        "Kvar måndag kl 9 send vekeordre til hotella",
        "legg til at dei som ikkje har bestilt innan onsdag kl 12 får ei påminning, og at me "
        "bestiller det same som sist for dei torsdag kl 8",
        _weekly(
            MON,
            "09:00",
            **_chain(
                ["bestilling", "reminder", None],
                [_at(MON, "09:00"), _at(WED, "12:00"), _at(THU, "08:00")],
                _g("hoteller"),
            ),
        ),
    ),
]
