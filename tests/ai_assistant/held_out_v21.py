"""Held-out phrasing set v21 for the offline assistant: measured once, at the end, untuned.

Written by a new writer who never looked at the parser nor at the cases of any other phrasing
or held-out set, so that it measures how the parser generalises to phrasings nobody tuned it
on. What the writer read, and nothing else of the repository: ``/work/shared/docs/
workflow-format.md`` and ``/work/shared/docs/nl-examples.md`` (whole); of
``benchmarks/parser_accuracy.py`` only ``Case``, ``key_facts`` and ``compare`` (and the imports
they need); ``tests/ai_assistant/expected_facts.py`` whole (no file under ``ai_assistant/`` was
opened, ``ai_assistant/context.py`` is only imported); of ``tests/ai_assistant/
held_out_v20.py`` only the part above ``HELD_OUT_V20: list[Case] = [`` (docstring with the
conventions, imports, templates, groups, context builder, fact-building helpers); of
``tests/ai_assistant/parser_phrasings_v2.py`` lines 1166-1200 (``class EditCase``); of
``benchmarks/bench_offline_parser.py`` the lines of v20's imports and rows (to add this set's
rows) and, of ``tests/ai_assistant/test_parser_accuracy.py``, the benchmark test's list of
metric names (to add this set's two). The parser was never run on these cases (only an import
of this module, to check that it is well-formed) before the one measurement.

The business: Drammen Bildeler Engros AS, a wholesaler of car parts (bildeler, bremseklosser,
filtre), tyres (sommerdekk, vinterdekk), motor oils and lubricants (motorolje, smøremidler) and
workshop supplies (verkstedrekvisita: hansker, tørkepapir, bremserens). Customers: car
workshops (verksteder, verkstedene, verksteda, workshops), tyre hotels and tyre shops
(dekkhotell, dekkhotellene, tyre hotels), car dealers (bilforhandlere, bilforhandlerne,
forhandlerne, car dealers), transport and bus companies (transportfirmaer,
transportfirmaene, busselskapene, transport companies, bus companies), taxi companies
(drosjeselskaper, drosjeselskapene, drosjene, taxiene, taxi companies), municipalities'
vehicle depots (kommunale driftsavdelinger, kommunene, municipal depots), farms with
machinery (gårdsbruk, gårdene, gårdsbrukene, farms), petrol stations (bensinstasjoner,
bensinstasjonene, petrol stations) and car-wash chains (bilvaskekjeder, bilvaskene, car
washes). Its writers, each case tagged in the comment above it: ``east`` (Drammen /
Østlandet colloquial: "a" for hun and as article, "dæ", "te" = til, "kjempe", "sånn"),
``teen`` (a young employee's chat: lower case, "pls", "asap", "btw", emojis), ``ar`` (an
Arabic-born mechanic's Norwegian: verb last or first, no articles), ``de-en`` (a German
speaker's English: "Please send every Monday the form to the workshops"), ``sms``
(abbreviations: "hv man kl9 skj t/ verksted", "påm tor 15"), ``legal`` (bureaucratic
Norwegian: "det anmodes om at", "påfølgende", "herunder", "jf.", "oversendes"), ``pseudo``
(pseudo-code: "every mon 09:00: send(form, workshops)", "if not ordered ... -> remind"),
``cal`` (calendar-heavy: week numbers, holidays, "annenhver", "siste fredag i måneden"),
``tyre`` (seasonal: "når dekkskiftesesongen starter", "i oktober"), ``ask`` (the request put
as questions), ``neg`` (negations and exceptions: "ikke til taxiene", "unntatt fredag") and
``correct`` (self-corrections inside the text: "mandag, nei tirsdag"; the later choice wins
when it is clearly stated, and when it is not, the answer is a question). Categories, as
v20's: ``basic``, ``chains``, ``multi_day``, ``conditions``, ``calendar``, ``events``,
``delays``, ``templates_by_meaning``, ``new_templates``, ``must_ask``. The conversations
(``HELD_OUT_V21_CONVERSATIONS``) are ``answers`` (the first message makes the assistant ask,
the second answers) or ``edits`` (the second changes the draft the first made); their
``expected`` is the draft after the follow-up.

Webhooks named in texts: ``dekkskift-booking`` (the booking system where a tyre hotel or
workshop books its tyre delivery for the tyre-change season; its data names that customer, so
"kunden" / "the customer" is the event's customer) and ``lagerstatus`` (the warehouse's stock
feed; it is about no customer, so "si fra til kunden" after it is a question, while "send it to
all customers" or to a named group is an answer).

``expected`` is ``"question"`` or the key facts the text clearly determines; the conventions are
v20's, unchanged, restated briefly: weekly single sends and chains give ``triggers`` equal to
each step's day and time; none are listed for daily, monthly, several-day or calendar-kind
schedules (a weekly send with a holiday policy, ``every_weeks`` or ``iso_weeks`` lists no
triggers either), nor for reports; event steps "med en gang" / "straks" / "med det samme" /
"immediately" / "asap" (or no time at all) have trigger ``None``, "N minutter / timer / dager
etter" a ``delay_minutes`` relative to the step before (a scheduled chain's "to timer etter"
too); telling a staff group gives only the event and ``staff_group``; later chain steps go to
the first step's audience with ``orders_missing`` since ``execution_start``; "fast ordre" /
"vanlig ordre" / "standing order" / "usual order" is ``create_order`` ``repeat_last``; a
reminder without a time is at 15:00; windows "siden mandag" ``last_monday`` ("siden tirsdag"
``last_tuesday``), "siste 7 dager" 7, "to uker" 14, "tre uker" 21; a single reminder without a
stated window lists no condition; "hver hverdag" / "every weekday" ``weekdays_only``, "hver
virkedag" / "every business day" ``business_days_only`` (where the text says both, "hver
hverdag, men hopp over helligdagene", neither flag nor a policy is listed); "siste virkedag"
``business_day`` -1, "første virkedag" 1; "tredje tirsdag" ``weekday`` tuesday ``nth`` 3,
"siste fredag i måneden" ``nth`` -1; ``every_weeks`` anchored on the date given (a named week
or day, "uke 21", "neste uke", "første virkedag etter Kristi himmelfart", "dagen etter 2.
pinsedag", is resolved against today to that weekday's date), otherwise on the next such
weekday after today (today is a Monday, so no unanchored case uses Monday); "oddetallsuker"
``iso_weeks`` odd, "partallsuker" even; holiday policy only where the text says what happens on
a public holiday ("helligdag" / "rød dag" / a named holiday): "hopp over" / "unntatt
helligdager" / "ikke på helligdager" / "bortfaller" ``skip``, "neste virkedag" / "dagen etter"
``next_business_day``, "dagen før" / "torsdagen før" ``previous_business_day``. A several-day
schedule said with an exception ("hver hverdag unntatt fredag") is a weekly ``days`` list in
week order; "hver dag" narrowed by "men ikke i helgene" is ``weekdays_only``. Times: "kl
sju" 07:00, "2 pm" 14:00, "kl. 09.00" 09:00, "0630" 06:30, "kl8" 08:00, "noon"
12:00. A self-correction ("mandag, nei tirsdag", "tilbudet, eller forresten skjemaet", "etter
en time, nei, etter to timer") keeps the later choice.

What the format cannot express is a question: the start of the tyre-change season, the weather
("minusgrader"), school holidays, "i uka før påske" or "i oktober" with no day or time, a stock
level ("if stock(vinterdekk) < 100"; only the ``lagerstatus`` webhook itself is an event),
turnover as an audience, debts as an audience, email opens, a percentage discount, phoning, SMS,
a Facebook post, ordering oil from the supplier, a date after the annual accounts are closed,
"alle unntatt gårdene" / "alle, men ikke taxiene" (a recipients set is one group, never a
difference), a choice left open ("onsdag, eller kanskje torsdag", "kl 8 eller kl 9", "annenhver
eller hver tredje"), a correction that ends in doubt, a day written "??", a group that does not
exist and could be several ("bedriftene", "de store kundene"), one named person ("a Kari på
Gulskogen Bilverksted"), "si fra til kunden" after ``lagerstatus``, a request that asks for
nothing ("ikke send noe til gårdene denne uka") and a question with no request in it ("kan vi
sende noe av og til?"). Things that look hard but are answerable are not questions: "hver fredag
unntatt helligdager", "er onsdagen en helligdag, sånn som 17. mai, send dagen før", "annenhver
onsdag, første gang i uke 21", "annenhver fredag, første gang første virkedag etter Kristi
himmelfart" (Friday 2034-05-19), "faller torsdagen på en rød dag, send neste virkedag",
"bortfaller utsendelsen dersom mandagen er helligdag, jf. 2. pinsedag", a clear self-correction,
"alle verkstedene, men ikke taxiene" (the audience is the workshops), "hver mandag i oktober kl
8" (a cron schedule ``0 8 * 10 1``).

Group slugs: see the customer list above, in order: ``verksted``, ``dekk``, ``forhandler``,
``transport``, ``taxi``, ``kommune``, ``gard``, ``bensin``, ``bilvask``. Staff groups:
``lager`` (lageret, the warehouse), ``sjåfører`` (sjåførene, the drivers), ``salg``
(salgsavdelingen, the sales department), ``kundeservice``, ``regnskap`` (regnskapsavdelingen,
accounts).

Templates by meaning: bestillingsskjema / skjemaet / skj / order form / form ``bestilling``;
påminnelse / purring / påm / reminder ``reminder``; ordrebekreftelse / bekreftelse /
confirmation ``confirmation``; oljetilbudet / tilbudet / oil offer ``tilbud``; nyhetsbrevet /
Bildelsnytt / newsletter ``nyhetsbrev``; leveringsvarselet / lev.varsel / delivery notice
``levering``; "melding om forfalte fakturaer" / "mail about overdue invoices" ``faktura``;
dekkskiftkampanjen / dekkskift-mailen / "kampanjen for sommerdekk og vinterdekk" / "tyre change
campaign" ``sesong``; velkomstmail / velkomstbrev / welcome mail ``velkomst``; "hansker og
tørkepapir-mailen" / "workshop supplies mail" ``rekvisita``; restordre-mailen / "mail om
restordre-varer" / backorder mail ``restordre``; vaskemiddel-mailen / "mailen om shampo og
voks" ``vask``. An invitation to a course in electric-car safety, a customer survey
(kundeundersøkelse), a note about returning old car batteries, a price change notice, an
invitation to an open day, summer opening hours, a recall notice (tilbakekallingsvarsel) and an
invitation to a spring evening about electric cars are ``"new"``.

Today is Monday 15 May 2034 (ISO week 20, an even week). Wednesday 2034-05-17 is 17. mai,
Thursday 2034-05-18 Kristi himmelfartsdag, Monday 2034-05-29 2. pinsedag. The next Tuesday is
2034-05-16, Wednesday 2034-05-17, Thursday 2034-05-18, Friday 2034-05-19 (the first business day
after Ascension Day); ISO week 21 runs Monday 2034-05-22 to Friday 2034-05-26 (Tuesday
2034-05-23, Wednesday 2034-05-24); the day after Whit Monday is Tuesday 2034-05-30; Thursday
2034-06-01 is in ISO week 22.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ai_assistant.context import GroupInfo, ParseContext, TemplateInfo
from benchmarks.parser_accuracy import Case
from tests.ai_assistant import expected_facts as facts
from tests.ai_assistant.expected_facts import DAY, HOUR, ORDER, REPORT, SEND
from tests.ai_assistant.parser_phrasings_v2 import EditCase

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
_form_rem = facts.form_then_reminder
_form_rem_order = facts.form_reminder_order
_form_two_rem_order = facts.form_two_reminders_order

# Monday 15 May 2034 (ISO week 20): 17. mai on Wednesday, Ascension Day on Thursday.
HELD_OUT_V21_TODAY = dt.date(2034, 5, 15)

HELD_OUT_V21_TEMPLATES: list[TemplateInfo] = [
    {
        "id": 2101,
        "name": "Ukens bestilling",
        "category": "bestilling",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Bestill deler, dekk og olje for neste uke",
    },
    {
        "id": 2102,
        "name": "Har du husket bestillingen?",
        "category": "reminder",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Påminnelse: fristen for ukens bestilling nærmer seg",
    },
    {
        "id": 2103,
        "name": "Ordrebekreftelse",
        "category": "confirmation",
        "variables": ["kunde_navn", "ordre_nummer", "leveringsdato"],
        "subject": "Vi har mottatt bestillingen din",
    },
    {
        "id": 2104,
        "name": "Ukens oljetilbud",
        "category": "tilbud",
        "variables": ["kunde_navn", "tilbud_liste", "bestilling_link"],
        "subject": "Gode priser på motorolje, filtre og smøremidler denne uken",
    },
    {
        "id": 2105,
        "name": "Bildelsnytt",
        "category": "nyhetsbrev",
        "variables": ["kunde_navn", "maaned"],
        "subject": "Nytt fra Drammen Bildeler Engros",
    },
    {
        "id": 2106,
        "name": "Leveringsvarsel",
        "category": "levering",
        "variables": ["kunde_navn", "rute", "leveringsdato"],
        "subject": "Varene dine er på vei: rute og leveringstid",
    },
    {
        "id": 2107,
        "name": "Forfalt faktura",
        "category": "faktura",
        "variables": ["kunde_navn", "faktura_nummer", "belop", "forfallsdato"],
        "subject": "Faktura med passert forfallsdato",
    },
    {
        "id": 2108,
        "name": "Dekkskiftkampanje",
        "category": "sesong",
        "variables": ["kunde_navn", "frist", "bestilling_link"],
        "subject": "Sommerdekk og vinterdekk: bestill før dekkskiftesesongen",
    },
    {
        "id": 2109,
        "name": "Velkommen som kunde",
        "category": "velkomst",
        "variables": ["kunde_navn", "kontaktperson", "nettbutikk_link"],
        "subject": "Velkommen til Drammen Bildeler Engros, slik bestiller du",
    },
    {
        "id": 2110,
        "name": "Verkstedrekvisita",
        "category": "rekvisita",
        "variables": ["kunde_navn", "produkt_liste"],
        "subject": "Hansker, tørkepapir, bremserens og annet til verkstedet",
    },
    {
        "id": 2111,
        "name": "Restordre levert inn",
        "category": "restordre",
        "variables": ["kunde_navn", "produkt_liste", "ordre_nummer"],
        "subject": "Varer du har i restordre er kommet på lager",
    },
    {
        "id": 2112,
        "name": "Vaskemidler til bilvask",
        "category": "vask",
        "variables": ["kunde_navn", "produkt_liste"],
        "subject": "Bilshampo, voks og avfetting til vaskehallen",
    },
]

HELD_OUT_V21_GROUPS: list[GroupInfo] = [
    {"slug": "verksted", "name": "Verksteder", "size": 142},
    {"slug": "dekk", "name": "Dekkhotell og dekkverksteder", "size": 38},
    {"slug": "forhandler", "name": "Bilforhandlere", "size": 27},
    {"slug": "transport", "name": "Transport- og busselskaper", "size": 19},
    {"slug": "taxi", "name": "Drosjeselskaper", "size": 24},
    {"slug": "kommune", "name": "Kommunale driftsavdelinger", "size": 11},
    {"slug": "gard", "name": "Gårdsbruk", "size": 63},
    {"slug": "bensin", "name": "Bensinstasjoner", "size": 45},
    {"slug": "bilvask", "name": "Bilvaskekjeder", "size": 8},
]

HELD_OUT_V21_STAFF_GROUPS = ["lager", "sjåfører", "salg", "kundeservice", "regnskap"]


def held_out_v21_context() -> ParseContext:
    """Drammen Bildeler Engros' templates, groups and staff groups, on ``HELD_OUT_V21_TODAY``."""
    return facts.business_context(
        HELD_OUT_V21_TEMPLATES, HELD_OUT_V21_GROUPS, HELD_OUT_V21_STAFF_GROUPS, HELD_OUT_V21_TODAY
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

# Dates the anchors resolve to (see the docstring).
NEXT_TUE, NEXT_WED, NEXT_THU, NEXT_FRI = "2034-05-16", "2034-05-17", "2034-05-18", "2034-05-19"
W21_TUE, W21_WED = "2034-05-23", "2034-05-24"
AFTER_WHIT_MONDAY = "2034-05-30"
W22_THU = "2034-06-01"


def _series(
    audience: dict[str, Any], *pairs: tuple[str | None, dict[str, Any] | None]
) -> dict[str, Any]:
    """A weekly run of steps, each ``(template, trigger)``; a ``None`` template is the usual
    order. The first trigger sets the schedule; the later steps go to the same audience, only
    to those still without an order in this run."""
    templates = [p[0] for p in pairs]
    triggers = [p[1] for p in pairs]
    kinds = [ORDER if t is None else SEND for t in templates]
    first = triggers[0]
    assert first is not None
    more: dict[str, Any] = {}
    if ORDER in kinds:
        more["mode"] = "repeat_last"
    return _weekly(
        first["day"],
        first["time"],
        steps=kinds,
        templates=templates,
        recipients=[audience for _ in kinds],
        conditions=[None if i == 0 else _ms() for i in range(len(kinds))],
        triggers=triggers,
        **more,
    )


def _report_to(*emails: str, kind: str | None = None) -> dict[str, Any]:
    """A report mailed to ``emails``; ``kind`` only where the text says what it reports."""
    out: dict[str, Any] = {"steps": [REPORT], "send_to": list(emails)}
    if kind:
        out["report"] = kind
    return out


def _to_customer(
    kind: str, pairs: list[tuple[str, dict[str, Any] | None]], **more: Any
) -> dict[str, Any]:
    """Sends on an event to the customer it is about, each ``(template, trigger)``."""
    return _event(
        kind,
        steps=[SEND for _ in pairs],
        templates=[t for t, _ in pairs],
        recipients=[_ev() for _ in pairs],
        triggers=[w for _, w in pairs],
        **more,
    )


def _booking(pairs: list[tuple[str, dict[str, Any] | None]]) -> dict[str, Any]:
    """Sends to the customer named by a ``dekkskift-booking`` webhook."""
    return _to_customer("webhook", pairs, event_name="dekkskift-booking")


def _stock_feed(template: str, audience: dict[str, Any]) -> dict[str, Any]:
    """One send, right away, when the ``lagerstatus`` webhook arrives."""
    return _event("webhook", event_name="lagerstatus", **_one(template, audience, triggers=[None]))


def _tell(kind: str, staff: str, **more: Any) -> dict[str, Any]:
    """A staff group told about an event: only the event and the staff group."""
    return _event(kind, staff_group=staff, **more)


def _week_cal(day: str, time: str, template: str, audience: dict[str, Any], **cfg: Any) -> Any:
    """A weekly send of a calendar kind (holiday policy, every N weeks, ISO weeks): no
    triggers listed."""
    return _weekly(day, time, **cfg, **_one(template, audience))


def _fortnight(day: str, time: str, anchor: str, template: str, audience: dict[str, Any]) -> Any:
    return _week_cal(day, time, template, audience, every_weeks=2, anchor=anchor)


def _month(time: str, template: str, audience: dict[str, Any], **cfg: Any) -> dict[str, Any]:
    return _monthly(time, **cfg, **_one(template, audience))


def _several(days: list[str], time: str, template: str, audience: dict[str, Any]) -> Any:
    return _days(days, time, **_one(template, audience))


def _each_day(time: str, template: str, audience: dict[str, Any], **flags: Any) -> Any:
    return _daily(time, **flags, **_one(template, audience))


# --- The cases ---------------------------------------------------------------------------------

HELD_OUT_V21: list[Case] = [
    # ---------------------------------------------------------------- basic
    # east
    Case(
        "Send bestillingsskjemaet te verkstedene hver mandag kl 8, sånn at dem rekker å "
        "bestille før helga",
        _wk1(MON, "08:00", "bestilling", _g("verksted")),
    ),
    # teen
    Case(
        "hei! kan du sende skjemaet til taxiene hver tirsdag kl 10 pls 🙏",
        _wk1(TUE, "10:00", "bestilling", _g("taxi")),
    ),
    # ar
    Case(
        "Hver onsdag klokka 7 skjema sende til bilforhandlere.",
        _wk1(WED, "07:00", "bestilling", _g("forhandler")),
    ),
    # de-en
    Case(
        "Please send every Thursday at 2 pm the order form to the farms.",
        _wk1(THU, "14:00", "bestilling", _g("gard")),
    ),
    # sms
    Case(
        "skj t/ bensinstasjonene hv fre kl 6",
        _wk1(FRI, "06:00", "bestilling", _g("bensin")),
    ),
    # legal
    Case(
        "Det anmodes om at bestillingsskjema oversendes samtlige kunder hver tirsdag kl. 09.00.",
        _wk1(TUE, "09:00", "bestilling", _all()),
    ),
    # pseudo
    Case(
        "every wed 07:30: send(order_form, car_washes)",
        _wk1(WED, "07:30", "bestilling", _g("bilvask")),
    ),
    # de-en
    Case(
        "Every day at 6 am please send the delivery notice to the bus companies.",
        _each_day("06:00", "levering", _g("transport")),
    ),
    # east
    Case(
        "Kan dæ sende leveringsvarselet te bensinstasjonene hver dag kl sju?",
        _each_day("07:00", "levering", _g("bensin")),
    ),
    # correct
    Case(
        "Leveringsvarsel til taxiene, nei forresten til busselskapene, hver dag kl 6",
        _each_day("06:00", "levering", _g("transport")),
    ),
    # pseudo
    Case(
        "every fri 16:00: report(weekly_orders) -> innkjop@drammenbildeler.no",
        _weekly(FRI, "16:00", **_report_to("innkjop@drammenbildeler.no", kind="weekly_orders")),
    ),
    # ask
    Case(
        "Kan dere sette opp at skjemaet går til dekkhotellene hver fredag kl 12?",
        _wk1(FRI, "12:00", "bestilling", _g("dekk")),
    ),
    # neg
    Case(
        "Send oljetilbudet til verkstedene hver onsdag kl 13, ikke til taxiene",
        _wk1(WED, "13:00", "tilbud", _g("verksted")),
    ),
    # ---------------------------------------------------------------- chains
    # east
    Case(
        "Skjema te verkstedene på mandag kl 8, og så en påminnelse på torsdag kl 14 te dem "
        "som ikke har bestilt no",
        _series(_g("verksted"), ("bestilling", _at(MON, "08:00")), ("reminder", _at(THU, "14:00"))),
        "chains",
    ),
    # teen
    Case(
        "skjema til dekkhotellene tir kl 9, purring tor til de som ikke har bestilt 👍",
        _series(_g("dekk"), ("bestilling", _at(TUE, "09:00")), ("reminder", _at(THU, "15:00"))),
        "chains",
    ),
    # ar
    Case(
        "Mandag klokka 8 skjema til taxi, onsdag klokka 12 påminnelse for den som ikke "
        "bestilt, fredag klokka 9 vanlig ordre for den som fortsatt ikke bestilt.",
        _weekly(
            MON,
            "08:00",
            **_form_rem_order(_at(MON, "08:00"), _at(WED, "12:00"), _at(FRI, "09:00"), _g("taxi")),
        ),
        "chains",
    ),
    # de-en
    Case(
        "Please send on Tuesday at 8 the order form to the car dealers and on Thursday at "
        "1 pm a reminder to those who have not ordered.",
        _series(
            _g("forhandler"), ("bestilling", _at(TUE, "08:00")), ("reminder", _at(THU, "13:00"))
        ),
        "chains",
    ),
    # sms
    Case(
        "skj man 7, påm ons 12 t/ de som ikke har best, påm2 tor 15, fre 8 fast ordre t/ resten",
        _weekly(
            MON,
            "07:00",
            **_form_two_rem_order(
                [_at(MON, "07:00"), _at(WED, "12:00"), _at(THU, "15:00"), _at(FRI, "08:00")],
                _all(),
            ),
        ),
        "chains",
    ),
    # legal
    Case(
        "Det anmodes om at bestillingsskjema tilsendes kommunale driftsavdelinger mandager kl. "
        "08.00, og at det påfølgende onsdag kl. 12.00 sendes påminnelse til de av disse som "
        "ikke har foretatt bestilling.",
        _weekly(MON, "08:00", **_form_rem(_at(MON, "08:00"), _at(WED, "12:00"), _g("kommune"))),
        "chains",
    ),
    # pseudo
    Case(
        "mon 08:00 send(form, farms); thu 15:00 if not ordered -> send(reminder)",
        _series(_g("gard"), ("bestilling", _at(MON, "08:00")), ("reminder", _at(THU, "15:00"))),
        "chains",
    ),
    # correct
    Case(
        "Skjema til bilvaskene mandag, nei tirsdag, kl 9, og påminnelse torsdag kl 14 til dem "
        "som ikke har bestilt",
        _series(_g("bilvask"), ("bestilling", _at(TUE, "09:00")), ("reminder", _at(THU, "14:00"))),
        "chains",
    ),
    # de-en
    Case(
        "Monday 7 am the order form to the taxi companies, Wednesday noon a reminder to those "
        "without an order, Friday 10 am please place their usual order if still nothing came.",
        _series(
            _g("taxi"),
            ("bestilling", _at(MON, "07:00")),
            ("reminder", _at(WED, "12:00")),
            (None, _at(FRI, "10:00")),
        ),
        "chains",
    ),
    # teen
    Case(
        "skjema til transportfirmaene ons kl 8, påminnelse fre kl 10 hvis de ikke har "
        "bestilt, og legg inn fast ordre fre kl 14 for de som fortsatt ikke har bestilt 🙃",
        _series(
            _g("transport"),
            ("bestilling", _at(WED, "08:00")),
            ("reminder", _at(FRI, "10:00")),
            (None, _at(FRI, "14:00")),
        ),
        "chains",
    ),
    # correct
    Case(
        "Skjema tirsdag kl 8 til forhandlerne, påminnelse torsdag kl 15 til de som ikke har "
        "bestilt - nei forresten, ta påminnelsen onsdag kl 15",
        _series(
            _g("forhandler"), ("bestilling", _at(TUE, "08:00")), ("reminder", _at(WED, "15:00"))
        ),
        "chains",
    ),
    # sms
    Case(
        "skj tor kl8 t/ dekkhotellene, påm fre kl12 t/ de som ikke har best",
        _series(_g("dekk"), ("bestilling", _at(THU, "08:00")), ("reminder", _at(FRI, "12:00"))),
        "chains",
    ),
    # ask
    Case(
        "Går det an å sende skjemaet til gårdene hver tirsdag kl 7 og så purre på dem som "
        "ikke har bestilt torsdag kl 13?",
        _series(_g("gard"), ("bestilling", _at(TUE, "07:00")), ("reminder", _at(THU, "13:00"))),
        "chains",
    ),
    # ---------------------------------------------------------------- multi_day
    # east
    Case(
        "Leveringsvarselet skal gå te verkstedene mandag og torsdag kl 6",
        _several([MON, THU], "06:00", "levering", _g("verksted")),
        "multi_day",
    ),
    # teen
    Case(
        "send tilbudet til taxiene tir og fre kl 12 pls",
        _several([TUE, FRI], "12:00", "tilbud", _g("taxi")),
        "multi_day",
    ),
    # ar
    Case(
        "Mandag, onsdag, fredag klokka 7 skjema til transportfirma.",
        _several([MON, WED, FRI], "07:00", "bestilling", _g("transport")),
        "multi_day",
    ),
    # de-en
    Case(
        "Please send on Tuesdays and Thursdays at 9 am the oil offer to the farms.",
        _several([TUE, THU], "09:00", "tilbud", _g("gard")),
        "multi_day",
    ),
    # neg
    Case(
        "Send leveringsvarselet til bensinstasjonene hver hverdag unntatt fredag kl 6",
        _several([MON, TUE, WED, THU], "06:00", "levering", _g("bensin")),
        "multi_day",
    ),
    # neg
    Case(
        "Skjema til bilvaskene alle hverdager kl 8, men ikke på mandager",
        _several([TUE, WED, THU, FRI], "08:00", "bestilling", _g("bilvask")),
        "multi_day",
    ),
    # neg
    Case(
        "Send leveringsvarsel til drosjene hver dag kl 7, men ikke i helgene",
        _each_day("07:00", "levering", _g("taxi"), weekdays_only=True),
        "multi_day",
    ),
    # sms
    Case(
        "lev.varsel t/ kommunene man+ons+fre kl 0630",
        _several([MON, WED, FRI], "06:30", "levering", _g("kommune")),
        "multi_day",
    ),
    # pseudo
    Case(
        "for day in [tue, thu, sat]: 08:00 send(delivery_notice, car_dealers)",
        _several([TUE, THU, SAT], "08:00", "levering", _g("forhandler")),
        "multi_day",
    ),
    # legal
    Case(
        "Leveringsvarsel oversendes transportfirmaene hver hverdag kl. 05.30.",
        _each_day("05:30", "levering", _g("transport"), weekdays_only=True),
        "multi_day",
    ),
    # ---------------------------------------------------------------- conditions
    # east
    Case(
        "Purring onsdag kl 12 te alle som ikke har bestilt siden mandag",
        _wk1(WED, "12:00", "reminder", _all(), conditions=[_missing(since="last_monday")]),
        "conditions",
    ),
    # teen
    Case(
        "kan du sende påminnelse til verkstedene hver fre kl 9 hvis de ikke har bestilt på "
        "7 dager?",
        _wk1(FRI, "09:00", "reminder", _g("verksted"), conditions=[_missing(days_back=7)]),
        "conditions",
    ),
    # ar
    Case(
        "Hver dag klokka 11 påminnelse til kunde som ikke bestilt siste 3 dager.",
        _daily("11:00", **_one("reminder", _all(), conditions=[_missing(days_back=3)])),
        "conditions",
    ),
    # de-en
    Case(
        "Please send every Friday at 3 pm a reminder to all customers who have not ordered "
        "for two weeks.",
        _wk1(FRI, "15:00", "reminder", _all(), conditions=[_missing(days_back=14)]),
        "conditions",
    ),
    # legal
    Case(
        "Kunder som ikke har foretatt bestilling de siste 30 dager, tilsendes påminnelse den "
        "1. i hver måned kl. 10.00.",
        _monthly(
            "10:00",
            day_of_month=1,
            **_one("reminder", _all(), conditions=[_missing(days_back=30)]),
        ),
        "conditions",
    ),
    # pseudo
    Case(
        "every thu 13:00: if not ordered since mon -> send(reminder, taxi_companies)",
        _wk1(THU, "13:00", "reminder", _g("taxi"), conditions=[_missing(since="last_monday")]),
        "conditions",
    ),
    # neg
    Case(
        "Send oljetilbudet hver tirsdag kl 10 bare til dem som har bestilt de siste 14 "
        "dagene, ikke til dem som ikke har handlet",
        _wk1(TUE, "10:00", "tilbud", _all(), conditions=[_ordered(days_back=14)]),
        "conditions",
    ),
    # sms
    Case(
        "påm tor 15 t/ verksted som ikke har best siden man",
        _wk1(THU, "15:00", "reminder", _g("verksted"), conditions=[_missing(since="last_monday")]),
        "conditions",
    ),
    # east
    Case(
        "Hver fredag kl 8 purring te gårdene som ikke har bestilt på tre uker",
        _wk1(FRI, "08:00", "reminder", _g("gard"), conditions=[_missing(days_back=21)]),
        "conditions",
    ),
    # ar
    Case(
        "Onsdag klokka 14 påminnelse til dekkhotell, bare de ikke bestilt siden mandag.",
        _wk1(WED, "14:00", "reminder", _g("dekk"), conditions=[_missing(since="last_monday")]),
        "conditions",
    ),
    # legal
    Case(
        "Det anmodes om at påminnelse tilsendes drosjeselskapene hver torsdag kl. 12.00, "
        "herunder kun de som ikke har bestilt siden tirsdag.",
        _wk1(THU, "12:00", "reminder", _g("taxi"), conditions=[_missing(since="last_tuesday")]),
        "conditions",
    ),
    # de-en
    Case(
        "Every Monday at 10 please send the oil offer only to customers who ordered something "
        "in the last 5 days.",
        _wk1(MON, "10:00", "tilbud", _all(), conditions=[_ordered(days_back=5)]),
        "conditions",
    ),
    # ---------------------------------------------------------------- calendar
    # cal
    Case(
        "Annenhver tirsdag kl 10 send oljetilbudet til verkstedene",
        _fortnight(TUE, "10:00", NEXT_TUE, "tilbud", _g("verksted")),
        "calendar",
    ),
    # cal
    Case(
        "Annenhver onsdag kl 8 skjema til taxiene, første gang i uke 21",
        _fortnight(WED, "08:00", W21_WED, "bestilling", _g("taxi")),
        "calendar",
    ),
    # cal
    Case(
        "Annenhver fredag kl 12 nyhetsbrev til forhandlerne, første gang første virkedag etter "
        "Kristi himmelfart",
        _fortnight(FRI, "12:00", NEXT_FRI, "nyhetsbrev", _g("forhandler")),
        "calendar",
    ),
    # neg
    Case(
        "Hver fredag kl 14 skjema til bensinstasjonene, unntatt helligdager",
        _week_cal(FRI, "14:00", "bestilling", _g("bensin"), holiday_policy="skip"),
        "calendar",
    ),
    # east
    Case(
        "Leveringsvarsel te kommunene hver onsdag kl 9. Når onsdagen er en helligdag, sånn som "
        "17. mai nå, send det dagen før.",
        _week_cal(WED, "09:00", "levering", _g("kommune"), holiday_policy="previous_business_day"),
        "calendar",
    ),
    # cal
    Case(
        "Hver torsdag kl 15 påminnelse til verkstedene - faller torsdagen på en rød dag, som "
        "Kristi himmelfart, send den neste virkedag",
        _week_cal(THU, "15:00", "reminder", _g("verksted"), holiday_policy="next_business_day"),
        "calendar",
    ),
    # cal
    Case(
        "Siste fredag i måneden kl 13 send nyhetsbrevet til alle",
        _month("13:00", "nyhetsbrev", _all(), weekday=FRI, nth=-1),
        "calendar",
    ),
    # cal
    Case(
        "Første mandag i hver måned kl 8 oljetilbud til transportfirmaene",
        _month("08:00", "tilbud", _g("transport"), weekday=MON, nth=1),
        "calendar",
    ),
    # cal
    Case(
        "Første virkedag i måneden kl 7: skjema til kommunene",
        _month("07:00", "bestilling", _g("kommune"), business_day=1),
        "calendar",
    ),
    # cal
    Case(
        "Siste virkedag i måneden kl 15 send månedsrapporten til okonomi@drammenbildeler.no",
        _monthly("15:00", business_day=-1, **_report_to("okonomi@drammenbildeler.no")),
        "calendar",
    ),
    # cal
    Case(
        "Hver virkedag kl 6 leveringsvarsel til taxiene",
        _each_day("06:00", "levering", _g("taxi"), business_days_only=True),
        "calendar",
    ),
    # cal
    Case(
        "I partallsuker, tirsdag kl 9: skjema til gårdene",
        _week_cal(TUE, "09:00", "bestilling", _g("gard"), iso_weeks="even"),
        "calendar",
    ),
    # cal
    Case(
        "Oddetallsuker: torsdag kl 10 nyhetsbrev til bilvaskene",
        _week_cal(THU, "10:00", "nyhetsbrev", _g("bilvask"), iso_weeks="odd"),
        "calendar",
    ),
    # legal
    Case(
        "Oljetilbudet oversendes verkstedene hver mandag kl. 09.00; dersom mandagen er "
        "helligdag, jf. 2. pinsedag, bortfaller utsendelsen.",
        _week_cal(MON, "09:00", "tilbud", _g("verksted"), holiday_policy="skip"),
        "calendar",
    ),
    # pseudo
    Case(
        "every 2 weeks on thu 07:00 starting 2034-06-01: send(form, tyre_hotels)",
        _fortnight(THU, "07:00", W22_THU, "bestilling", _g("dekk")),
        "calendar",
    ),
    # ar
    Case(
        "Tredje tirsdag hver måned klokka 10 nyhetsbrev til alle kunde.",
        _month("10:00", "nyhetsbrev", _all(), weekday=TUE, nth=3),
        "calendar",
    ),
    # east
    Case(
        "Hver hverdag kl 7 leveringsvarsel te bilvaskene, men hopp over helligdagene",
        _each_day("07:00", "levering", _g("bilvask")),
        "calendar",
    ),
    # cal
    Case(
        "Hver fredag kl 10 skjema til dekkhotellene; er fredagen en helligdag, send torsdagen før",
        _week_cal(FRI, "10:00", "bestilling", _g("dekk"), holiday_policy="previous_business_day"),
        "calendar",
    ),
    # cal
    Case(
        "Annenhver tirsdag fra og med dagen etter 2. pinsedag, kl 7: leveringsvarsel til "
        "transportfirmaene",
        _fortnight(TUE, "07:00", AFTER_WHIT_MONDAY, "levering", _g("transport")),
        "calendar",
    ),
    # de-en
    Case(
        "Please send every second Wednesday at 10 am the newsletter to the car dealers, "
        "starting next week.",
        _fortnight(WED, "10:00", W21_WED, "nyhetsbrev", _g("forhandler")),
        "calendar",
    ),
    # tyre
    Case(
        "Fra uke 21, annenhver tirsdag kl 7: dekkskiftkampanjen til dekkhotellene",
        _fortnight(TUE, "07:00", W21_TUE, "sesong", _g("dekk")),
        "calendar",
    ),
    # tyre
    Case(
        "Hver mandag i oktober kl 8 send dekkskiftkampanjen til verkstedene",
        {
            "type": "scheduled",
            "schedule": "cron",
            "cron": "0 8 * 10 1",
            **_one("sesong", _g("verksted")),
        },
        "calendar",
    ),
    # neg
    Case(
        "Hver torsdag kl 12 skjema til forhandlerne, ikke på helligdager",
        _week_cal(THU, "12:00", "bestilling", _g("forhandler"), holiday_policy="skip"),
        "calendar",
    ),
    # ---------------------------------------------------------------- events
    # east
    Case(
        "Når en kunde legger inn ei bestilling, send ordrebekreftelsen te'n med en gang",
        _to_customer("order.created", [("confirmation", None)]),
        "events",
    ),
    # teen
    Case(
        "når noen bestiller send bekreftelse asap 🙌",
        _to_customer("order.created", [("confirmation", None)]),
        "events",
    ),
    # ar
    Case(
        "Ny kunde kommer, velkomstmail sende straks.",
        _to_customer("customer.created", [("velkomst", None)]),
        "events",
    ),
    # legal
    Case(
        "Ved registrering av ny kunde oversendes velkomstbrev umiddelbart.",
        _to_customer("customer.created", [("velkomst", None)]),
        "events",
    ),
    # pseudo
    Case(
        "on webhook dekkskift-booking: send(confirmation, customer)",
        _booking([("confirmation", None)]),
        "events",
    ),
    # east
    Case(
        "Når det kommer inn en dekkskift-booking, send kunden leveringsvarselet med det samme",
        _booking([("levering", None)]),
        "events",
    ),
    # sms
    Case(
        "ny ordre -> gi beskjed t/ lageret",
        _tell("order.created", "lager"),
        "events",
    ),
    # teen
    Case(
        "kan lageret få beskjed når lagerstatus-webhooken kommer? thx",
        _tell("webhook", "lager", event_name="lagerstatus"),
        "events",
    ),
    # de-en
    Case(
        "When the lagerstatus webhook arrives, please send the backorder mail to all customers.",
        _stock_feed("restordre", _all()),
        "events",
    ),
    # legal
    Case(
        "Ved mottak av dekkskift-booking skal salgsavdelingen varsles.",
        _tell("webhook", "salg", event_name="dekkskift-booking"),
        "events",
    ),
    # neg
    Case(
        "Når en kunde bestiller: send bekreftelse til kunden, men ikke gi beskjed til lageret",
        _to_customer("order.created", [("confirmation", None)]),
        "events",
    ),
    # pseudo
    Case(
        "on order.created: notify(drivers)",
        _tell("order.created", "sjåfører"),
        "events",
    ),
    # east
    Case(
        "Når lagerstatus-hooken kommer inn, send restordre-mailen te verkstedene med en gang",
        _stock_feed("restordre", _g("verksted")),
        "events",
    ),
    # ask
    Case(
        "Kan kundeservice få beskjed hver gang en ny kunde registrerer seg?",
        _tell("customer.created", "kundeservice"),
        "events",
    ),
    # ---------------------------------------------------------------- delays
    # east
    Case(
        "To timer etter at en kunde har bestilt, send a leveringsvarselet",
        _to_customer("order.created", [("levering", _delay(2 * HOUR))]),
        "delays",
    ),
    # teen
    Case(
        "når noen bestiller: bekreftelse med en gang, og leveringsvarsel 1 dag etter 📦",
        _to_customer("order.created", [("confirmation", None), ("levering", _delay(DAY))]),
        "delays",
    ),
    # ar
    Case(
        "Ny kunde, velkomstmail etter 30 minutter.",
        _to_customer("customer.created", [("velkomst", _delay(30))]),
        "delays",
    ),
    # de-en
    Case(
        "When a dekkskift-booking comes in, please send the confirmation right away and 3 days "
        "later the delivery notice.",
        _booking([("confirmation", None), ("levering", _delay(3 * DAY))]),
        "delays",
    ),
    # sms
    Case(
        "ny kunde: velkomstmail straks, skj 2 dager etter",
        _to_customer("customer.created", [("velkomst", None), ("bestilling", _delay(2 * DAY))]),
        "delays",
    ),
    # legal
    Case(
        "Ved ny bestilling oversendes ordrebekreftelse umiddelbart, og leveringsvarsel 45 "
        "minutter deretter.",
        _to_customer("order.created", [("confirmation", None), ("levering", _delay(45))]),
        "delays",
    ),
    # pseudo
    Case(
        "on customer.created: wait 1h; send(welcome_mail)",
        _to_customer("customer.created", [("velkomst", _delay(HOUR))]),
        "delays",
    ),
    # correct
    Case(
        "Når en kunde bestiller, send bekreftelsen etter en time, nei, etter to timer",
        _to_customer("order.created", [("confirmation", _delay(2 * HOUR))]),
        "delays",
    ),
    # east
    Case(
        "Send skjemaet te bensinstasjonene onsdag kl 7, og to timer etter en påminnelse te "
        "dem som ikke har bestilt",
        _series(_g("bensin"), ("bestilling", _at(WED, "07:00")), ("reminder", _delay(2 * HOUR))),
        "delays",
    ),
    # ---------------------------------------------------------------- templates_by_meaning
    # east
    Case(
        "Hver tirsdag kl 10 send oljetilbudet te drosjene",
        _wk1(TUE, "10:00", "tilbud", _g("taxi")),
        "templates_by_meaning",
    ),
    # teen
    Case(
        "send hansker og tørkepapir-mailen til verkstedene hver ons kl 9 🧤",
        _wk1(WED, "09:00", "rekvisita", _g("verksted")),
        "templates_by_meaning",
    ),
    # ar
    Case(
        "Vaskemiddel-mail til bilvaskekjeder hver mandag klokka 7.",
        _wk1(MON, "07:00", "vask", _g("bilvask")),
        "templates_by_meaning",
    ),
    # de-en
    Case(
        "Every Friday at 11 please send the workshop supplies mail to the municipal depots.",
        _wk1(FRI, "11:00", "rekvisita", _g("kommune")),
        "templates_by_meaning",
    ),
    # legal
    Case(
        "Melding om forfalte fakturaer oversendes samtlige kunder den 20. i hver måned kl. 09.00.",
        _month("09:00", "faktura", _all(), day_of_month=20),
        "templates_by_meaning",
    ),
    # pseudo
    Case(
        "every thu 14:00: send(backorder_mail, car_dealers)",
        _wk1(THU, "14:00", "restordre", _g("forhandler")),
        "templates_by_meaning",
    ),
    # sms
    Case(
        "dekkskiftkampanjen t/ dekkhotellene hv man kl 8",
        _wk1(MON, "08:00", "sesong", _g("dekk")),
        "templates_by_meaning",
    ),
    # tyre
    Case(
        "Send kampanjen for sommerdekk og vinterdekk til verkstedene hver torsdag kl 9",
        _wk1(THU, "09:00", "sesong", _g("verksted")),
        "templates_by_meaning",
    ),
    # east
    Case(
        "Kan dæ sende Bildelsnytt te alle kundene første fredag i måneden kl 10?",
        _month("10:00", "nyhetsbrev", _all(), weekday=FRI, nth=1),
        "templates_by_meaning",
    ),
    # teen
    Case(
        "send mailen om shampo og voks til bilvaskene hver tir kl 8 🧽",
        _wk1(TUE, "08:00", "vask", _g("bilvask")),
        "templates_by_meaning",
    ),
    # de-en
    Case(
        "Please send every Wednesday at 9 the mail about overdue invoices to the transport "
        "companies.",
        _wk1(WED, "09:00", "faktura", _g("transport")),
        "templates_by_meaning",
    ),
    # correct
    Case(
        "Send tilbudet, eller forresten skjemaet, til verkstedene fredag kl 9",
        _wk1(FRI, "09:00", "bestilling", _g("verksted")),
        "templates_by_meaning",
    ),
    # ---------------------------------------------------------------- new_templates
    # east
    Case(
        "Send ei invitasjon te kurs i elbilsikkerhet te verkstedene den 5. hver måned kl 10",
        _month("10:00", "new", _g("verksted"), day_of_month=5),
        "new_templates",
    ),
    # teen
    Case(
        "send kundeundersøkelse til alle kunder første mandag i måneden kl 9 pls",
        _month("09:00", "new", _all(), weekday=MON, nth=1),
        "new_templates",
    ),
    # ar
    Case(
        "Info om retur gamle bilbatteri til verksted hver fredag klokka 10.",
        _wk1(FRI, "10:00", "new", _g("verksted")),
        "new_templates",
    ),
    # de-en
    Case(
        "Please send every Monday at 8 the price change notice to the car dealers.",
        _wk1(MON, "08:00", "new", _g("forhandler")),
        "new_templates",
    ),
    # legal
    Case(
        "Invitasjon til åpen dag oversendes samtlige kunder hver onsdag kl. 12.00.",
        _wk1(WED, "12:00", "new", _all()),
        "new_templates",
    ),
    # pseudo
    Case(
        "every fri 15:00: send(summer_opening_hours, all)",
        _wk1(FRI, "15:00", "new", _all()),
        "new_templates",
    ),
    # sms
    Case(
        "tilbakekallingsvarsel t/ forhandlerne hv tor kl 9",
        _wk1(THU, "09:00", "new", _g("forhandler")),
        "new_templates",
    ),
    # tyre
    Case(
        "Send invitasjonen til vårens elbilkveld til alle kundene hver tirsdag kl 18",
        _wk1(TUE, "18:00", "new", _all()),
        "new_templates",
    ),
    # ---------------------------------------------------------------- must_ask
    # tyre
    Case(
        "Send dekkskiftkampanjen til dekkhotellene når dekkskiftesesongen starter",
        Q,
        "must_ask",
    ),
    # tyre
    Case("Når det melder minusgrader, send oljetilbudet til verkstedene", Q, "must_ask"),
    # tyre
    Case("I oktober må dekkskiftkampanjen ut til alle verkstedene", Q, "must_ask"),
    # neg
    Case("Oljetilbudet hver tirsdag kl 10 til alle unntatt gårdene", Q, "must_ask"),
    # neg
    Case("Skjema til alle kunder mandag kl 8, men ikke til taxiene", Q, "must_ask"),
    # neg
    Case("Ikke send noe til gårdsbrukene denne uka", Q, "must_ask"),
    # correct
    Case("Påminnelse onsdag, eller kanskje torsdag, kl 14 til verkstedene", Q, "must_ask"),
    # correct
    Case(
        "Skjema til verkstedene mandag kl 8, nei vent, eller var det forhandlerne? Må sjekke "
        "med sjefen",
        Q,
        "must_ask",
    ),
    # correct
    Case(
        "Oljetilbudet til taxiene tirsdag kl 10 - nei, onsdag - eller tirsdag likevel? Usikker",
        Q,
        "must_ask",
    ),
    # ask
    Case("Kan vi sende noe til verkstedene av og til?", Q, "must_ask"),
    # ask
    Case("Hvordan får jeg gitt taxiene 15 % rabatt på vinterdekk?", Q, "must_ask"),
    # ar
    Case("Kunde som skylder penger, faktura-mail hver fredag klokka 9.", Q, "must_ask"),
    # ar
    Case("Skjema mandag klokka 8 eller klokka 9 til verksted.", Q, "must_ask"),
    # sms
    Case("sms t/ alle taxiene om dekkskift fre kl 10", Q, "must_ask"),
    # legal
    Case(
        "Det anmodes om at kunder med årsomsetning over 500 000 kroner tilsendes nyhetsbrevet "
        "første mandag i måneden kl. 09.00.",
        Q,
        "must_ask",
    ),
    # legal
    Case(
        "Påfølgende virkedag etter at årsoppgjøret er ferdigstilt, oversendes informasjon om "
        "dette til samtlige kunder.",
        Q,
        "must_ask",
    ),
    # pseudo
    Case("if stock(vinterdekk) < 100: send(oil_offer, workshops)", Q, "must_ask"),
    # pseudo
    Case("every ?? 09:00: send(form, workshops)", Q, "must_ask"),
    # de-en
    Case(
        "Please send the newsletter only to the customers who opened the last one, every "
        "Friday at 10.",
        Q,
        "must_ask",
    ),
    # de-en
    Case("Please call every Thursday the workshops that have not ordered.", Q, "must_ask"),
    # cal
    Case("Send skjemaet til verkstedene i uka før påske", Q, "must_ask"),
    # cal
    Case("Hver mandag kl 9 i skoleferien send oljetilbudet til gårdene", Q, "must_ask"),
    # cal
    Case("Annenhver eller hver tredje torsdag kl 10 skjema til taxiene", Q, "must_ask"),
    # teen
    Case("send skjema t bedriftene hver tirsdag kl 8 pls 🙏", Q, "must_ask"),
    # teen
    Case("kan du lage en facebook-post om dekkskift btw 😅", Q, "must_ask"),
    # east
    Case("Send påminnelse te a Kari på Gulskogen Bilverksted på fredag kl 12", Q, "must_ask"),
    # ask
    Case("Når lagerstatus kommer inn, kan dere si ifra til kunden?", Q, "must_ask"),
    # sms
    Case("bestill 200 l motorolje fra leverandøren hv mnd", Q, "must_ask"),
]


HELD_OUT_V21_CONVERSATIONS: list[EditCase] = [
    # ---------------------------------------------------------------- answers
    # east
    EditCase(
        "Send nyhetsbrevet te verkstedene hver måned",
        "den 1. kl 8",
        _month("08:00", "nyhetsbrev", _g("verksted"), day_of_month=1),
        "answers",
    ),
    # teen
    EditCase(
        "send skjema til de store kundene mandag kl 8",
        "transportfirmaene",
        _wk1(MON, "08:00", "bestilling", _g("transport")),
        "answers",
    ),
    # correct
    EditCase(
        "Påminnelse onsdag eller torsdag kl 14 til drosjene",
        "torsdag",
        _wk1(THU, "14:00", "reminder", _g("taxi")),
        "answers",
    ),
    # ask
    EditCase(
        "Gi kunden beskjed når lagerstatus-webhooken kommer",
        "send restordre-mailen til alle verkstedene",
        _stock_feed("restordre", _g("verksted")),
        "answers",
    ),
    # ar
    EditCase(
        "Kjøp olje.",
        "Oljetilbud til gårdsbruk hver tirsdag klokka 10.",
        _wk1(TUE, "10:00", "tilbud", _g("gard")),
        "answers",
    ),
    # tyre
    EditCase(
        "Dekkskiftkampanjen må ut når folk begynner å tenke på vinterdekk",
        "ok, da hver mandag kl 7 til dekkhotellene",
        _wk1(MON, "07:00", "sesong", _g("dekk")),
        "answers",
    ),
    # neg
    EditCase(
        "Skjema til alle unntatt gårdene mandag kl 9",
        "greit, bare verkstedene da",
        _wk1(MON, "09:00", "bestilling", _g("verksted")),
        "answers",
    ),
    # de-en
    EditCase(
        "Please send the welcome mail.",
        "When a new customer is created, immediately.",
        _to_customer("customer.created", [("velkomst", None)]),
        "answers",
    ),
    # ar
    EditCase(
        "Påminnelse til taxi fredag klokka 9 eller 10.",
        "10",
        _wk1(FRI, "10:00", "reminder", _g("taxi")),
        "answers",
    ),
    # legal
    EditCase(
        "Det anmodes om at ledelsen tilsendes en månedlig rapport.",
        "Siste virkedag i måneden kl. 15.00, til leder@drammenbildeler.no.",
        _monthly("15:00", business_day=-1, **_report_to("leder@drammenbildeler.no")),
        "answers",
    ),
    # east
    EditCase(
        "Send leveringsvarsel te a Ole på Lier Bilverksted fredag kl 12",
        "ta alle verkstedene, da",
        _wk1(FRI, "12:00", "levering", _g("verksted")),
        "answers",
    ),
    # ---------------------------------------------------------------- edits
    # east
    EditCase(
        "Skjema te verkstedene mandag kl 8 og påminnelse torsdag kl 14 te dem som ikke har bestilt",
        "flytt purringa te onsdag kl 13",
        _series(_g("verksted"), ("bestilling", _at(MON, "08:00")), ("reminder", _at(WED, "13:00"))),
    ),
    # teen
    EditCase(
        "oljetilbudet til taxiene hver tir kl 10",
        "send det til transportfirmaene i stedet pls",
        _wk1(TUE, "10:00", "tilbud", _g("transport")),
    ),
    # de-en
    EditCase(
        "Please send every Monday at 9 the order form to the car dealers.",
        "And add a reminder on Thursday at 3 pm to those who have not ordered.",
        _series(
            _g("forhandler"), ("bestilling", _at(MON, "09:00")), ("reminder", _at(THU, "15:00"))
        ),
    ),
    # sms
    EditCase(
        "skj man kl9 t/ dekkhotellene, påm tor kl15 t/ de som ikke har best",
        "fjern påm",
        _wk1(MON, "09:00", "bestilling", _g("dekk")),
    ),
    # legal
    EditCase(
        "Nyhetsbrevet oversendes samtlige kunder hver fredag kl. 14.00.",
        "Utsendelsen endres til kl. 11.00.",
        _wk1(FRI, "11:00", "nyhetsbrev", _all()),
    ),
    # cal
    EditCase(
        "Hver fredag kl 14 skjema til verkstedene",
        "hopp over helligdager",
        _week_cal(FRI, "14:00", "bestilling", _g("verksted"), holiday_policy="skip"),
    ),
    # pseudo
    EditCase(
        "on order.created: send(confirmation, customer)",
        "wait 1h before it",
        _to_customer("order.created", [("confirmation", _delay(HOUR))]),
    ),
    # cal
    EditCase(
        "Hver tirsdag kl 8 skjema til bensinstasjonene",
        "bare annenhver uke",
        _fortnight(TUE, "08:00", NEXT_TUE, "bestilling", _g("bensin")),
    ),
    # tyre
    EditCase(
        "Hver torsdag kl 15 oljetilbud til gårdene",
        "bytt til dekkskiftkampanjen",
        _wk1(THU, "15:00", "sesong", _g("gard")),
    ),
    # ar
    EditCase(
        "Mandag klokka 9 skjema til bilforhandlere.",
        "Fredag klokka 10 fast ordre for dem som fortsatt ikke bestilt, legg til.",
        _series(_g("forhandler"), ("bestilling", _at(MON, "09:00")), (None, _at(FRI, "10:00"))),
    ),
    # correct
    EditCase(
        "Send oljetilbudet til drosjene hver onsdag kl 10",
        "nei forresten, torsdag",
        _wk1(THU, "10:00", "tilbud", _g("taxi")),
    ),
]
