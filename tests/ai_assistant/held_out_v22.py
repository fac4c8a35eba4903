"""Held-out phrasing set v22 for the offline assistant: measured once, at the end, untuned.

Written by a new writer who never looked at the parser nor at the cases of any other phrasing
or held-out set, so that it measures how the parser generalises to phrasings nobody tuned it
on. What the writer read, and nothing else of the repository: ``/work/shared/docs/
workflow-format.md`` and ``/work/shared/docs/nl-examples.md`` (whole); of
``benchmarks/parser_accuracy.py`` only ``Case``, ``key_facts`` and ``compare`` (and the imports
they need); ``tests/ai_assistant/expected_facts.py`` whole (no file under ``ai_assistant/`` was
opened, ``ai_assistant/context.py`` is only imported); of ``tests/ai_assistant/
held_out_v21.py`` only the part above ``HELD_OUT_V21: list[Case] = [`` (docstring with the
conventions, imports, templates, groups, context builder, fact-building helpers); of
``tests/ai_assistant/parser_phrasings_v2.py`` lines 1166-1200 (``class EditCase``); of
``benchmarks/bench_offline_parser.py`` the lines of v21's imports and rows (to add this set's
rows) and, of ``tests/ai_assistant/test_parser_accuracy.py``, the benchmark test's list of
metric names (to add this set's two). The parser was never run on these cases (only an import
of this module, to check that it is well-formed) before the one measurement.

The business: Nordmøre Frys & Is AS in Kristiansund, a distributor of frozen food (frysevarer),
ice cream (is, iskrem) and cold drinks (brus, drikke). Customers: kiosks (kiosker, kioskene,
kioskan, kiosks), petrol stations (bensinstasjoner, bensinstasjonene, petrol stations),
campsites (campingplasser, campingplassene, campingplassan, campsites), schools and
kindergartens (skoler og barnehager, skolene, schools), nursing homes (sykehjem,
sykehjemmene, sykehjemman, nursing homes), ferries and boat cafés (ferjer, ferjene, ferjan,
båtkafeene, ferries), cinemas and leisure centres (kinoer, kinoene, fritidssentrene, cinemas),
grocery stores (dagligvarebutikker, dagligvarebutikkene, butikkene, grocery shops), hotels
(hoteller, hotellene, hotellan, hotels) and sports arenas (idrettsarenaer, idrettsarenaene,
idrettshallene, sports arenas). Its writers, each case tagged in the comment above it:
``nordm`` (Nordmøre dialect: "ittj" = ikke, "dokk" = dere, "kåssen" = hvordan, "kor" = hvor,
"kvar" = hver, "te" = til, "ein"/"ei", plural "-an"), ``runon`` (one long run-on sentence without
punctuation, "og så ... og så"), ``boss`` (terse orders, exclamation marks, CAPS), ``es`` (a
Spanish-born worker's Norwegian: infinitives, word order, a Spanish word here and there),
``en-uk`` (British English: "fortnightly", "half nine", "quarter past eight"), ``bullets``
(markdown bullets or a numbered list over several lines), ``fwd`` (a forwarded email with
"Fra:", "Emne:", greetings, the request inside), ``vague`` (vague times: "på morgenen", "etter
lunsj", "i helga"; a question unless the conventions give a default), ``rel`` (relative dates:
"i morgen", "om to uker", "fra uke 26"; one-offs are questions, a first time of a calendar
schedule is an anchor), ``ask`` (the request put as a question), ``neg`` (negations and
exceptions) and ``correct`` (self-corrections; the later choice wins when it is clearly
stated, and when it is not, the answer is a question). Categories, as v21's: ``basic``,
``chains``, ``multi_day``, ``conditions``, ``calendar``, ``events``, ``delays``,
``templates_by_meaning``, ``new_templates``, ``must_ask``. The conversations
(``HELD_OUT_V22_CONVERSATIONS``) are ``answers`` (the first message makes the assistant ask,
the second answers) or ``edits`` (the second changes the draft the first made); their
``expected`` is the draft after the follow-up.

Webhooks named in texts: ``fryser-alarm`` (sent by a customer's freezer when it gets too warm;
its data names that customer, so "kunden" / "the customer" is the event's customer) and
``ferjerute-endring`` (the ferry company's notice of a changed timetable; it is about no
customer, so "si fra til kunden" after it is a question, while "send it to all customers" or to
a named group is an answer).

``expected`` is ``"question"`` or the key facts the text clearly determines; the conventions are
v21's, unchanged, restated briefly: weekly single sends and chains give ``triggers`` equal to
each step's day and time; none are listed for daily, monthly, several-day, cron or calendar-kind
schedules (a weekly send with a holiday policy, ``every_weeks`` or ``iso_weeks`` lists no
triggers either), nor for reports; event steps "med en gang" / "straks" / "med det samme" /
"immediately" / "straight away" (or no time at all) have trigger ``None``, "N minutter / timer /
dager etter" a ``delay_minutes`` relative to the step before (a scheduled chain's "to timer
etter" too); telling a staff group gives only the event and ``staff_group``; later chain steps
go to the first step's audience with ``orders_missing`` since ``execution_start``; "fast ordre"
/ "vanlig ordre" / "den faste bestillingen" / "usual order" is ``create_order`` ``repeat_last``;
a reminder without a time is at 15:00; windows "siden mandag" ``last_monday`` ("siden tirsdag"
``last_tuesday``), "siste 7 dager" 7, "to uker" / "fortnight" 14, "tre uker" 21; a single
reminder without a stated window lists no condition; "hver hverdag" / "every weekday"
``weekdays_only``, "hver virkedag" / "every business day" ``business_days_only``; "siste
virkedag" / "last working day" ``business_day`` -1, "første virkedag" 1; "andre tirsdag"
``weekday`` tuesday ``nth`` 2, "siste fredag i måneden" ``nth`` -1; ``every_weeks`` anchored on
the date given (a named day or week, "i morgen", "fra uke 26", "fredag om to uker", is
resolved against today to that weekday's date), otherwise on the next such weekday after today
(today is a Monday, so no unanchored case uses Monday); "oddetallsuker" ``iso_weeks`` odd,
"partallsuker" even; holiday policy only where the text says what happens on a public holiday
("helligdag" / "rød dag"): "hopp over" / "ikke på helligdager" ``skip``, "neste virkedag"
``next_business_day``, "dagen før" / "torsdagen før" ``previous_business_day``. A several-day
schedule said with an exception ("hver dag unntatt søndag") is a weekly ``days`` list in week
order; "hver dag" narrowed by "ikke i helgene" is ``weekdays_only``; "hver dag ... også i
helga" is daily without ``weekdays_only``. A month named with a weekday and a time ("hver
fredag i juli kl 10") is a cron schedule (``0 10 * 7 5``). Times: "half nine in the morning"
09:30, "quarter past eight" 08:15, "klokka seks om morgenen" 06:00, "0700" 07:00, "1 pm" 13:00,
"kl 14" 14:00, "noon" 12:00. A self-correction keeps the later choice.

What the format cannot express is a question: a one-off date ("i morgen", "neste fredag", "om
to uker", "på tirsdag" with no "hver"), the start of the fellesferie ("før fellesferien",
"siste fredag før ferien"), "hele sommeren", school holidays, the weather, vague times ("på
morgenen", "etter lunsj", "i helga" without a day), SMS, a percentage discount, turnover or
debts as an audience, ordering from the supplier, "alle unntatt skolene" (a recipients set is
one group, never a difference), a choice left open ("kl 8 eller 9", "Tuesday or Wednesday"), a
correction that ends in doubt, a day written "??", a group that does not exist and could be
several ("de store kundene"), one named person, "si fra til kunden" after
``ferjerute-endring``, a request that asks for nothing ("sykehjemmene skal ikke ha mail i
juli"), a question with no request in it, a send with no time at all ("SEND ISKAMPANJEN TIL
ALLE!!!") and a monthly newsletter with no day.

Group slugs: see the customer list above, in order: ``kiosk``, ``bensin``, ``camping``,
``skole``, ``sykehjem``, ``ferje``, ``kino``, ``dagligvare``, ``hotell``, ``idrett``. Staff
groups: ``lager`` (lageret, the warehouse), ``sjåfører`` (sjåførene, the drivers), ``salg``
(salgsavdelingen), ``kundeservice``, ``regnskap`` (regnskapsavdelingen, accounts),
``teknikere`` (teknikerne, serviceteknikerne, the freezer technicians).

Templates by meaning: bestillingsskjema / skjemaet / order form ``bestilling``; påminnelse /
påminnels / purring / reminder ``reminder``; ordrebekreftelse / bekreftelse / confirmation
``confirmation``; iskampanjen / sommerkampanjen for is / ice-cream campaign ``kampanje``;
prislista / prislisten / price list ``prisliste``; Frysposten / nyhetsbrevet / newsletter
``nyhetsbrev``; leveringsplanen / delivery schedule / delivery timetable ``levering``;
servicevarselet / "servicevarselet om fryserne" ``service``; "mail om ubetalte fakturaer"
``faktura``; "mailen om at vi er stengt i fellesferien" / ferie-mailen ``ferie``; velkomstmail
/ welcome email ``velkomst``; "mail om alarmen" ``alarm``. An invitation to a tasting day
(smaksdag), a customer satisfaction survey, the Christmas catalogue (julekatalogen), news about
deposit rates (pantesatser), a mail about returning empty packaging and pallets, dessert recipes
and an invitation to the Christmas party are ``"new"``.

Today is Monday 18 June 2035 (ISO week 25, an odd week); Saturday 23 June is Sankthans (not a
public holiday); no public holiday falls in June or July 2035. The next Tuesday is 2035-06-19
("i morgen"), Wednesday 2035-06-20, Friday 2035-06-22; ISO week 26 runs Monday 2035-06-25 to
Friday 2035-06-29 (Wednesday 2035-06-27, Thursday 2035-06-28); "fredag om to uker" is Friday
2035-07-06 (ISO week 27).
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

# Monday 18 June 2035 (ISO week 25): Sankthans on Saturday, fellesferie in July.
HELD_OUT_V22_TODAY = dt.date(2035, 6, 18)

HELD_OUT_V22_TEMPLATES: list[TemplateInfo] = [
    {
        "id": 2201,
        "name": "Ukens bestilling",
        "category": "bestilling",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Bestill is, frysevarer og drikke for neste uke",
    },
    {
        "id": 2202,
        "name": "Påminnelse om bestilling",
        "category": "reminder",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Husk å bestille før fristen",
    },
    {
        "id": 2203,
        "name": "Ordrebekreftelse",
        "category": "confirmation",
        "variables": ["kunde_navn", "ordre_nummer", "leveringsdato"],
        "subject": "Takk for bestillingen",
    },
    {
        "id": 2204,
        "name": "Sommerkampanje is",
        "category": "kampanje",
        "variables": ["kunde_navn", "kampanje_liste", "bestilling_link"],
        "subject": "Sommerens iskampanje: nyheter og kampanjepriser på is",
    },
    {
        "id": 2205,
        "name": "Prisliste",
        "category": "prisliste",
        "variables": ["kunde_navn", "prisliste_link"],
        "subject": "Prisliste for frysevarer, is og drikke",
    },
    {
        "id": 2206,
        "name": "Frysposten",
        "category": "nyhetsbrev",
        "variables": ["kunde_navn", "maaned"],
        "subject": "Nytt fra Nordmøre Frys & Is",
    },
    {
        "id": 2207,
        "name": "Leveringsplan",
        "category": "levering",
        "variables": ["kunde_navn", "rute", "leveringsdager"],
        "subject": "Leveringsdager og ruter for ditt område",
    },
    {
        "id": 2208,
        "name": "Service på fryser",
        "category": "service",
        "variables": ["kunde_navn", "servicedato", "tekniker"],
        "subject": "Varsel om service på fryser og isdisk",
    },
    {
        "id": 2209,
        "name": "Ubetalt faktura",
        "category": "faktura",
        "variables": ["kunde_navn", "faktura_nummer", "belop", "forfallsdato"],
        "subject": "Faktura som ikke er betalt",
    },
    {
        "id": 2210,
        "name": "Stengt i fellesferien",
        "category": "ferie",
        "variables": ["kunde_navn", "stengt_fra", "stengt_til"],
        "subject": "Ferieåpningstider: bestill i god tid før vi stenger",
    },
    {
        "id": 2211,
        "name": "Velkommen som kunde",
        "category": "velkomst",
        "variables": ["kunde_navn", "kontaktperson", "nettbutikk_link"],
        "subject": "Velkommen til Nordmøre Frys & Is",
    },
    {
        "id": 2212,
        "name": "Alarm fra fryseren",
        "category": "alarm",
        "variables": ["kunde_navn", "temperatur", "tidspunkt"],
        "subject": "Vi har fått alarm fra fryseren deres",
    },
]

HELD_OUT_V22_GROUPS: list[GroupInfo] = [
    {"slug": "kiosk", "name": "Kiosker", "size": 58},
    {"slug": "bensin", "name": "Bensinstasjoner", "size": 31},
    {"slug": "camping", "name": "Campingplasser", "size": 22},
    {"slug": "skole", "name": "Skoler og barnehager", "size": 47},
    {"slug": "sykehjem", "name": "Sykehjem", "size": 14},
    {"slug": "ferje", "name": "Ferjer og båtkafeer", "size": 9},
    {"slug": "kino", "name": "Kinoer og fritidssentre", "size": 7},
    {"slug": "dagligvare", "name": "Dagligvarebutikker", "size": 36},
    {"slug": "hotell", "name": "Hoteller", "size": 12},
    {"slug": "idrett", "name": "Idrettsarenaer", "size": 10},
]

HELD_OUT_V22_STAFF_GROUPS = ["lager", "sjåfører", "salg", "kundeservice", "regnskap", "teknikere"]


def held_out_v22_context() -> ParseContext:
    """Nordmøre Frys & Is' templates, groups and staff groups, on ``HELD_OUT_V22_TODAY``."""
    return facts.business_context(
        HELD_OUT_V22_TEMPLATES, HELD_OUT_V22_GROUPS, HELD_OUT_V22_STAFF_GROUPS, HELD_OUT_V22_TODAY
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
NEXT_TUE, NEXT_WED, NEXT_FRI = "2035-06-19", "2035-06-20", "2035-06-22"
W26_WED, W26_THU, W26_FRI = "2035-06-27", "2035-06-28", "2035-06-29"
W27_FRI = "2035-07-06"


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


def _alarm(pairs: list[tuple[str, dict[str, Any] | None]]) -> dict[str, Any]:
    """Sends to the customer whose freezer raised the ``fryser-alarm`` webhook."""
    return _to_customer("webhook", pairs, event_name="fryser-alarm")


def _ferry_change(template: str, audience: dict[str, Any]) -> dict[str, Any]:
    """One send, right away, when the ``ferjerute-endring`` webhook arrives."""
    return _event(
        "webhook", event_name="ferjerute-endring", **_one(template, audience, triggers=[None])
    )


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


def _cron(expression: str, template: str, audience: dict[str, Any]) -> dict[str, Any]:
    """A cron schedule (a month named with a weekday and a time): no triggers listed."""
    return {"type": "scheduled", "schedule": "cron", "cron": expression, **_one(template, audience)}


# --- The cases ---------------------------------------------------------------------------------

HELD_OUT_V22: list[Case] = [
    # === basic ===
    # nordm
    Case(
        "Kvar mandag kl 8 ska dokk send bestillingsskjemaet te kioskan",
        _wk1(MON, "08:00", "bestilling", _g("kiosk")),
    ),
    # boss
    Case(
        "Bestillingsskjema til ALLE kunder. Hver tirsdag kl 07:30!",
        _wk1(TUE, "07:30", "bestilling", _all()),
    ),
    # es
    Case(
        "Jeg vil at vi sender bestillingsskjema til hotellene hver onsdag klokken ti om morgenen",
        _wk1(WED, "10:00", "bestilling", _g("hotell")),
    ),
    # en-uk
    Case(
        "Every Thursday at half nine in the morning send the order form to the petrol stations",
        _wk1(THU, "09:30", "bestilling", _g("bensin")),
    ),
    # bullets
    Case(
        "- hver fredag\n- kl 11\n- bestillingsskjema\n- til campingplassene",
        _wk1(FRI, "11:00", "bestilling", _g("camping")),
    ),
    # fwd
    Case(
        "Fra: Ingrid Hestad\nEmne: Skjema til sykehjemmene\n\nHei!\nKan dere sette opp at "
        "bestillingsskjemaet går ut til sykehjemmene hver mandag kl 13?\n\nMvh Ingrid",
        _wk1(MON, "13:00", "bestilling", _g("sykehjem")),
    ),
    # runon
    Case(
        "vi må få sendt ut skjemaet og så skal det gå hver tirsdag og så klokka seks om morgenen "
        "og så er det bare ferjene som skal ha det",
        _wk1(TUE, "06:00", "bestilling", _g("ferje")),
    ),
    # neg
    Case(
        "Send skjemaet til dagligvarebutikkene hver torsdag kl 12, ikke til kioskene",
        _wk1(THU, "12:00", "bestilling", _g("dagligvare")),
    ),
    # correct
    Case(
        "Skjema til kinoene hver onsdag kl 14, nei, gjør det kl 15",
        _wk1(WED, "15:00", "bestilling", _g("kino")),
    ),
    # nordm
    Case(
        "Dokk må send skjemaet te idrettsarenaan kvar fredag klokka tolv, ittj seinar",
        _wk1(FRI, "12:00", "bestilling", _g("idrett")),
    ),
    # ask
    Case(
        "Kan dere sende bestillingsskjemaet til hotellene hver mandag kl 07:00?",
        _wk1(MON, "07:00", "bestilling", _g("hotell")),
    ),
    # en-uk
    Case(
        "Send the order form to every customer every weekday at 8",
        _each_day("08:00", "bestilling", _all(), weekdays_only=True),
    ),
    # boss
    Case(
        "Skjema til bensinstasjonene kl 05:45. HVER dag. Også i helga!",
        _each_day("05:45", "bestilling", _g("bensin"), weekdays_only=False),
    ),
    # es
    Case(
        "Hver lørdag kl 9 vi sender bestillingsskjema til campingplassene, vale?",
        _wk1(SAT, "09:00", "bestilling", _g("camping")),
    ),
    # bullets
    Case(
        "1. Bestillingsskjema\n2. Alle kunder\n3. Hver søndag kveld kl 20",
        _wk1(SUN, "20:00", "bestilling", _all()),
    ),
    # nordm
    Case(
        "Kvar dag kl 06:30 send skjemaet te sykehjemman, òg i helga",
        _each_day("06:30", "bestilling", _g("sykehjem"), weekdays_only=False),
    ),
    # === chains ===
    # nordm
    Case(
        "Skjema kvar mandag kl 9 te kioskan, og så ei påminnels torsdag kl 14 te dem som ittj "
        "har bestilt",
        _weekly(MON, "09:00", **_form_rem(_at(MON, "09:00"), _at(THU, "14:00"), _g("kiosk"))),
        "chains",
    ),
    # runon
    Case(
        "send skjemaet på tirsdag klokka 8 hver uke og så en purring på onsdag klokka 12 og så "
        "hvis de fortsatt ikke har bestilt så legger vi inn den vanlige ordren på torsdag "
        "klokka 10 og så er det til alle kundene",
        _weekly(
            TUE,
            "08:00",
            **_form_rem_order(_at(TUE, "08:00"), _at(WED, "12:00"), _at(THU, "10:00"), _all()),
        ),
        "chains",
    ),
    # boss
    Case(
        "HVER UKE til hotellene: skjema MANDAG kl 07. Purring ONSDAG kl 12. "
        "Ny purring TORSDAG kl 09. Fast ordre FREDAG kl 08 for dem som fortsatt ikke har bestilt!",
        _weekly(
            MON,
            "07:00",
            **_form_two_rem_order(
                [_at(MON, "07:00"), _at(WED, "12:00"), _at(THU, "09:00"), _at(FRI, "08:00")],
                _g("hotell"),
            ),
        ),
        "chains",
    ),
    # es
    Case(
        "Hver mandag klokka ni sende skjema til sykehjemmene, og onsdag hvis de ikke har bestilt "
        "sende påminnelse",
        _weekly(MON, "09:00", **_form_rem(_at(MON, "09:00"), _at(WED, "15:00"), _g("sykehjem"))),
        "chains",
    ),
    # en-uk
    Case(
        "Order form to the cinemas on Tuesdays at 10, and a reminder on Thursday at 2 pm to "
        "any that haven't ordered by then",
        _weekly(TUE, "10:00", **_form_rem(_at(TUE, "10:00"), _at(THU, "14:00"), _g("kino"))),
        "chains",
    ),
    # bullets
    Case(
        "Hver uke:\n- mandag 08:00: skjema til campingplassene\n"
        "- tirsdag 15:00: påminnelse til dem som mangler bestilling\n"
        "- onsdag 10:00: fast ordre til de som fortsatt ikke har bestilt",
        _weekly(
            MON,
            "08:00",
            **_form_rem_order(
                _at(MON, "08:00"), _at(TUE, "15:00"), _at(WED, "10:00"), _g("camping")
            ),
        ),
        "chains",
    ),
    # fwd
    Case(
        "Fra: Kjell Ove Rød\nEmne: Bestilling campingplasser\n\nHei.\nVi ønsker at skjemaet "
        "går ut hver onsdag kl 09 til alle campingplassene, og en purring fredag kl 12 til "
        "dem som ikke har bestilt. Kan dere sette det opp?\n\nHilsen Kjell Ove",
        _weekly(WED, "09:00", **_form_rem(_at(WED, "09:00"), _at(FRI, "12:00"), _g("camping"))),
        "chains",
    ),
    # correct
    Case(
        "Skjema til ferjene hver mandag kl 10, purring onsdag, nei, torsdag, kl 13 til dem som "
        "ikke har bestilt",
        _weekly(MON, "10:00", **_form_rem(_at(MON, "10:00"), _at(THU, "13:00"), _g("ferje"))),
        "chains",
    ),
    # neg
    Case(
        "Skjema til kioskene hver tirsdag kl 8, og påminnelse torsdag kl 11, men ikke til dem "
        "som allerede har bestilt",
        _weekly(TUE, "08:00", **_form_rem(_at(TUE, "08:00"), _at(THU, "11:00"), _g("kiosk"))),
        "chains",
    ),
    # nordm
    Case(
        "Kvar torsdag kl 10 skjema te hotellan, purring fredag kl 10 og vanlig ordre fredag "
        "kl 14 for dem som ittj har bestilt",
        _weekly(
            THU,
            "10:00",
            **_form_rem_order(
                _at(THU, "10:00"), _at(FRI, "10:00"), _at(FRI, "14:00"), _g("hotell")
            ),
        ),
        "chains",
    ),
    # ask
    Case(
        "Kan vi sende skjemaet til dagligvarebutikkene hver mandag kl 11 og så en påminnelse "
        "onsdag til dem som ikke har bestilt?",
        _weekly(MON, "11:00", **_form_rem(_at(MON, "11:00"), _at(WED, "15:00"), _g("dagligvare"))),
        "chains",
    ),
    # es
    Case(
        "Hver uke: mandag 0700 skjema til idrettsarenaene, tirsdag 0700 påminnelse, onsdag 0700 "
        "påminnelse igjen, torsdag 0700 legge inn den faste bestillingen for alle som ikke har "
        "bestilt",
        _weekly(
            MON,
            "07:00",
            **_form_two_rem_order(
                [_at(MON, "07:00"), _at(TUE, "07:00"), _at(WED, "07:00"), _at(THU, "07:00")],
                _g("idrett"),
            ),
        ),
        "chains",
    ),
    # en-uk
    Case(
        "Send the order form to the schools on Wednesdays at 9, remind those who haven't "
        "ordered on Friday at half eleven in the morning, then place their usual order on "
        "Friday at 3 pm",
        _series(
            _g("skole"),
            ("bestilling", _at(WED, "09:00")),
            ("reminder", _at(FRI, "11:30")),
            (None, _at(FRI, "15:00")),
        ),
        "chains",
    ),
    # === multi_day ===
    # nordm
    Case(
        "Send leveringsplanen te sykehjemman mandag og torsdag kl 7 kvar veke",
        _several([MON, THU], "07:00", "levering", _g("sykehjem")),
        "multi_day",
    ),
    # boss
    Case(
        "Skjema til kioskene MAN, ONS og FRE kl 8!",
        _several([MON, WED, FRI], "08:00", "bestilling", _g("kiosk")),
        "multi_day",
    ),
    # en-uk
    Case(
        "Send the order form to the hotels on Tuesdays and Fridays at quarter past eight",
        _several([TUE, FRI], "08:15", "bestilling", _g("hotell")),
        "multi_day",
    ),
    # es
    Case(
        "Hver dag unntatt søndag klokka 6 sende skjema til bensinstasjonene",
        _several([MON, TUE, WED, THU, FRI, SAT], "06:00", "bestilling", _g("bensin")),
        "multi_day",
    ),
    # neg
    Case(
        "Hver hverdag unntatt onsdag kl 9: skjema til skolene",
        _several([MON, TUE, THU, FRI], "09:00", "bestilling", _g("skole")),
        "multi_day",
    ),
    # bullets
    Case(
        "Skjema til ferjene:\n* tirsdag kl 10\n* torsdag kl 10\n* lørdag kl 10",
        _several([TUE, THU, SAT], "10:00", "bestilling", _g("ferje")),
        "multi_day",
    ),
    # runon
    Case(
        "hver dag kl 7 skal skjemaet ut til dagligvarebutikkene og så ikke i helgene og så er "
        "det det",
        _each_day("07:00", "bestilling", _g("dagligvare"), weekdays_only=True),
        "multi_day",
    ),
    # fwd
    Case(
        "Fra: Driftsleder\nEmne: Prisliste til campingplassene\n\nHei,\nsend prislista til "
        "campingplassene hver mandag og fredag kl 12.\n\nTakk!",
        _several([MON, FRI], "12:00", "prisliste", _g("camping")),
        "multi_day",
    ),
    # correct
    Case(
        "Skjema til hotellene tirsdag og torsdag kl 9 hver uke, nei, tirsdag og fredag",
        _several([TUE, FRI], "09:00", "bestilling", _g("hotell")),
        "multi_day",
    ),
    # === conditions ===
    # nordm
    Case(
        "Send ei påminnels te alle som ittj har bestilt dei siste 7 dagan, kvar onsdag kl 13",
        _wk1(WED, "13:00", "reminder", _all(), conditions=[_missing(days_back=7)]),
        "conditions",
    ),
    # en-uk
    Case(
        "Every Friday at noon remind the kiosks that haven't ordered since Monday",
        _wk1(FRI, "12:00", "reminder", _g("kiosk"), conditions=[_missing(since="last_monday")]),
        "conditions",
    ),
    # boss
    Case(
        "Purring HVER DAG kl 10 til alle som ikke har bestilt på to uker!",
        _each_day("10:00", "reminder", _all(), conditions=[_missing(days_back=14)]),
        "conditions",
    ),
    # es
    Case(
        "Hver torsdag klokka 11 sende påminnelse til hotellene som ikke har bestilt siden tirsdag",
        _wk1(THU, "11:00", "reminder", _g("hotell"), conditions=[_missing(since="last_tuesday")]),
        "conditions",
    ),
    # neg
    Case(
        "Hver mandag kl 9 prislista til kundene som har bestilt de siste tre ukene, ikke til "
        "dem som ikke har bestilt",
        _wk1(MON, "09:00", "prisliste", _all(), conditions=[_ordered(days_back=21)]),
        "conditions",
    ),
    # bullets
    Case(
        "- hvem: kioskene som ikke har bestilt de siste 5 dagene\n- hva: påminnelse\n"
        "- når: hver tirsdag kl 14",
        _wk1(TUE, "14:00", "reminder", _g("kiosk"), conditions=[_missing(days_back=5)]),
        "conditions",
    ),
    # fwd
    Case(
        "Emne: purring\n\nHei, kan vi få en påminnelse hver fredag kl 10 til sykehjemmene som "
        "ikke har lagt inn bestilling siden mandag?\n\nMvh Trine",
        _wk1(FRI, "10:00", "reminder", _g("sykehjem"), conditions=[_missing(since="last_monday")]),
        "conditions",
    ),
    # ask
    Case(
        "Går det an å sende en purring hver mandag kl 12 til alle som ikke har bestilt på 10 "
        "dager?",
        _wk1(MON, "12:00", "reminder", _all(), conditions=[_missing(days_back=10)]),
        "conditions",
    ),
    # runon
    Case(
        "hver tirsdag klokka 9 og så skal påminnelsen gå til campingplassene og så bare de som "
        "ikke har bestilt de siste 14 dagene",
        _wk1(TUE, "09:00", "reminder", _g("camping"), conditions=[_missing(days_back=14)]),
        "conditions",
    ),
    # correct
    Case(
        "Purring til hotellene som ikke har bestilt siste 7 dager, nei, siste 10 dager, hver "
        "onsdag kl 15",
        _wk1(WED, "15:00", "reminder", _g("hotell"), conditions=[_missing(days_back=10)]),
        "conditions",
    ),
    # en-uk
    Case(
        "Every day at 11 send the price list to customers who've ordered in the last fortnight",
        _each_day("11:00", "prisliste", _all(), conditions=[_ordered(days_back=14)]),
        "conditions",
    ),
    # === calendar ===
    # rel
    Case(
        "Annenhver tirsdag kl 9 skjema til kioskene, første gang i morgen",
        _fortnight(TUE, "09:00", NEXT_TUE, "bestilling", _g("kiosk")),
        "calendar",
    ),
    # rel
    Case(
        "Fra uke 26: annenhver torsdag kl 10 servicevarselet til sykehjemmene",
        _fortnight(THU, "10:00", W26_THU, "service", _g("sykehjem")),
        "calendar",
    ),
    # rel
    Case(
        "Annenhver fredag kl 8 prislista til hotellene, første gang fredag om to uker",
        _fortnight(FRI, "08:00", W27_FRI, "prisliste", _g("hotell")),
        "calendar",
    ),
    # en-uk
    Case(
        "Fortnightly on Wednesdays at 10 send the order form to the campsites",
        _fortnight(WED, "10:00", NEXT_WED, "bestilling", _g("camping")),
        "calendar",
    ),
    # ask
    Case(
        "Kan skjemaet gå til hotellene annenhver onsdag kl 11, fra og med 27. juni?",
        _fortnight(WED, "11:00", W26_WED, "bestilling", _g("hotell")),
        "calendar",
    ),
    # en-uk
    Case(
        "On the last working day of every month at 4 pm email the monthly report to "
        "okonomi@nordmorefrys.no",
        _monthly("16:00", business_day=-1, **_report_to("okonomi@nordmorefrys.no")),
        "calendar",
    ),
    # fwd
    Case(
        "Fra: Regnskap\nEmne: Rapport\n\nHei! Første virkedag i måneden kl 09 vil vi ha "
        "månedsrapporten sendt til regnskap@nordmorefrys.no.\n\nHilsen Eva",
        _monthly("09:00", business_day=1, **_report_to("regnskap@nordmorefrys.no")),
        "calendar",
    ),
    # boss
    Case(
        "Første mandag i måneden kl 8: Frysposten til ALLE!",
        _month("08:00", "nyhetsbrev", _all(), weekday=MON, nth=1),
        "calendar",
    ),
    # nordm
    Case(
        "Siste fredag i måna kl 14 send prislista te alle kundan",
        _month("14:00", "prisliste", _all(), weekday=FRI, nth=-1),
        "calendar",
    ),
    # en-uk
    Case(
        "On the second Tuesday of each month at 10 am send the newsletter to the nursing homes",
        _month("10:00", "nyhetsbrev", _g("sykehjem"), weekday=TUE, nth=2),
        "calendar",
    ),
    # es
    Case(
        "Hver fredag kl 9 skjema til skolene, men hvis fredag er helligdag vi sender torsdagen før",
        _week_cal(FRI, "09:00", "bestilling", _g("skole"), holiday_policy="previous_business_day"),
        "calendar",
    ),
    # neg
    Case(
        "Hver mandag kl 8 skjemaet til ferjene, ikke på helligdager",
        _week_cal(MON, "08:00", "bestilling", _g("ferje"), holiday_policy="skip"),
        "calendar",
    ),
    # boss
    Case(
        "Hver tirsdag kl 9 skjema til kioskene. Er tirsdagen rød dag: NESTE VIRKEDAG!",
        _week_cal(TUE, "09:00", "bestilling", _g("kiosk"), holiday_policy="next_business_day"),
        "calendar",
    ),
    # bullets
    Case(
        "- partallsuker\n- onsdag kl 12\n- leveringsplanen til campingplassene",
        _week_cal(WED, "12:00", "levering", _g("camping"), iso_weeks="even"),
        "calendar",
    ),
    # correct
    Case(
        "Oddetallsuker, nei, partallsuker: tirsdag kl 10 skjema til kinoene",
        _week_cal(TUE, "10:00", "bestilling", _g("kino"), iso_weeks="even"),
        "calendar",
    ),
    # runon
    Case(
        "hver virkedag klokka 7 og så skal skjemaet til sykehjemmene og så er det det",
        _each_day("07:00", "bestilling", _g("sykehjem"), business_days_only=True),
        "calendar",
    ),
    # nordm
    Case(
        "Kvar fredag i juli kl 10 send iskampanjen te campingplassan",
        _cron("0 10 * 7 5", "kampanje", _g("camping")),
        "calendar",
    ),
    # en-uk
    Case(
        "Every Monday in August at 8 am send the price list to the hotels",
        _cron("0 8 * 8 1", "prisliste", _g("hotell")),
        "calendar",
    ),
    # === events ===
    # nordm
    Case(
        "Når ein kunde legg inn ei bestilling, send ordrebekreftelsen med ein gang",
        _to_customer("order.created", [("confirmation", None)]),
        "events",
    ),
    # en-uk
    Case(
        "When a new customer signs up, send them the welcome email straight away",
        _to_customer("customer.created", [("velkomst", None)]),
        "events",
    ),
    # boss
    Case(
        "NY ORDRE: bekreftelse til kunden. Straks!",
        _to_customer("order.created", [("confirmation", None)]),
        "events",
    ),
    # es
    Case(
        "Når fryser-alarm kommer fra kunden, vi sender mail om alarmen til kunden med en gang",
        _alarm([("alarm", None)]),
        "events",
    ),
    # fwd
    Case(
        "Emne: Frysealarm\n\nHei, når vi får fryser-alarm fra en kunde må serviceteknikerne få "
        "beskjed.\n\nMvh Odd",
        _tell("webhook", "teknikere", event_name="fryser-alarm"),
        "events",
    ),
    # bullets
    Case(
        "- hendelse: ferjerute-endring\n- send leveringsplanen\n- til ferjene\n- med en gang",
        _ferry_change("levering", _g("ferje")),
        "events",
    ),
    # runon
    Case(
        "når det kommer en ny kunde og så skal salgsavdelingen få vite det og så er det alt",
        _tell("customer.created", "salg"),
        "events",
    ),
    # neg
    Case(
        "Når en ordre kommer inn, si fra til lageret, men ikke send noe til kunden",
        _tell("order.created", "lager"),
        "events",
    ),
    # ask
    Case(
        "Kan sjåførene få beskjed hver gang det kommer inn en ny bestilling?",
        _tell("order.created", "sjåfører"),
        "events",
    ),
    # correct
    Case(
        "Når en kunde registrerer seg, send velkomstmailen, nei, send prislista, med det samme",
        _to_customer("customer.created", [("prisliste", None)]),
        "events",
    ),
    # en-uk
    Case(
        "When the ferry company sends a ferjerute-endring, send the delivery schedule to all "
        "customers immediately",
        _ferry_change("levering", _all()),
        "events",
    ),
    # nordm
    Case(
        "Når fryser-alarm kjem inn, send servicevarselet te kunden straks",
        _alarm([("service", None)]),
        "events",
    ),
    # es
    Case(
        "Når ny kunde kommer, kundeservice må vite det",
        _tell("customer.created", "kundeservice"),
        "events",
    ),
    # === delays ===
    # nordm
    Case(
        "Når ein kunde bestill, send bekreftelsen med ein gang og leveringsplanen to tima etter",
        _to_customer("order.created", [("confirmation", None), ("levering", _delay(2 * HOUR))]),
        "delays",
    ),
    # en-uk
    Case(
        "When a customer places an order, send the confirmation straight away, then the price "
        "list one day later",
        _to_customer("order.created", [("confirmation", None), ("prisliste", _delay(DAY))]),
        "delays",
    ),
    # boss
    Case(
        "Skjema til kinoene HVER TORSDAG kl 8. To timer etter: purring til de som ikke "
        "har bestilt!",
        _weekly(THU, "08:00", **_form_rem(_at(THU, "08:00"), _delay(2 * HOUR), _g("kino"))),
        "delays",
    ),
    # es
    Case(
        "Ny kunde: velkomstmail straks, og 3 dager etter sende prislista",
        _to_customer("customer.created", [("velkomst", None), ("prisliste", _delay(3 * DAY))]),
        "delays",
    ),
    # correct
    Case(
        "Fryser-alarm fra kunden: servicevarselet til kunden etter 30 minutter, nei, etter 45 "
        "minutter",
        _alarm([("service", _delay(45))]),
        "delays",
    ),
    # bullets
    Case(
        "1. Ny ordre kommer inn\n2. Send ordrebekreftelse med en gang\n3. 90 minutter etter: "
        "send leveringsplanen til kunden",
        _to_customer("order.created", [("confirmation", None), ("levering", _delay(90))]),
        "delays",
    ),
    # runon
    Case(
        "hver mandag klokka 10 skjema til hotellene og så en time etter en påminnelse til de "
        "som ikke har bestilt og så er det greit",
        _weekly(MON, "10:00", **_form_rem(_at(MON, "10:00"), _delay(HOUR), _g("hotell"))),
        "delays",
    ),
    # === templates_by_meaning ===
    # nordm
    Case(
        "Send iskampanjen te campingplassan kvar fredag kl 10",
        _wk1(FRI, "10:00", "kampanje", _g("camping")),
        "templates_by_meaning",
    ),
    # fwd
    Case(
        "Fra: Roar, salgssjef\nEmne: Prisliste\n\nHei,\nden 1. hver måned kl 08:00 skal "
        "prislista ut til alle kundene.\n\nHilsen Roar",
        _month("08:00", "prisliste", _all(), day_of_month=1),
        "templates_by_meaning",
    ),
    # en-uk
    Case(
        "Send our newsletter Frysposten to the cinemas every Thursday at 1 pm",
        _wk1(THU, "13:00", "nyhetsbrev", _g("kino")),
        "templates_by_meaning",
    ),
    # es
    Case(
        "Hver mandag kl 7 sende leveringsplanen til skolene",
        _wk1(MON, "07:00", "levering", _g("skole")),
        "templates_by_meaning",
    ),
    # boss
    Case(
        "Mail om UBETALTE FAKTURAER til alle, hver tirsdag kl 10!!",
        _wk1(TUE, "10:00", "faktura", _all()),
        "templates_by_meaning",
    ),
    # runon
    Case(
        "vi skal ha ut den mailen om at vi er stengt i fellesferien og så skal den gå til alle "
        "kundene og så hver fredag kl 12",
        _wk1(FRI, "12:00", "ferie", _all()),
        "templates_by_meaning",
    ),
    # bullets
    Case(
        "- sommerkampanjen for is\n- kioskene\n- hver onsdag 09:00",
        _wk1(WED, "09:00", "kampanje", _g("kiosk")),
        "templates_by_meaning",
    ),
    # neg
    Case(
        "Hver torsdag kl 11 servicevarselet om fryserne til dagligvarebutikkene, ikke prislista",
        _wk1(THU, "11:00", "service", _g("dagligvare")),
        "templates_by_meaning",
    ),
    # ask
    Case(
        "Kan prislista for is og drikke gå til idrettsarenaene hver mandag kl 9?",
        _wk1(MON, "09:00", "prisliste", _g("idrett")),
        "templates_by_meaning",
    ),
    # correct
    Case(
        "Hver tirsdag kl 13 send iskampanjen, eller forresten nyhetsbrevet, til hotellene",
        _wk1(TUE, "13:00", "nyhetsbrev", _g("hotell")),
        "templates_by_meaning",
    ),
    # en-uk
    Case(
        "Every Monday at 8 send the delivery timetable to the nursing homes",
        _wk1(MON, "08:00", "levering", _g("sykehjem")),
        "templates_by_meaning",
    ),
    # === new_templates ===
    # nordm
    Case(
        "Send ei invitasjon te smaksdagen vår te alle kundan kvar onsdag kl 12",
        _wk1(WED, "12:00", "new", _all()),
        "new_templates",
    ),
    # en-uk
    Case(
        "Every Friday at 10 send a customer satisfaction survey to the hotels",
        _wk1(FRI, "10:00", "new", _g("hotell")),
        "new_templates",
    ),
    # boss
    Case(
        "Julekatalogen til hotellene! Hver mandag kl 10!",
        _wk1(MON, "10:00", "new", _g("hotell")),
        "new_templates",
    ),
    # es
    Case(
        "Hver torsdag kl 14 sende informasjon om nye pantesatser til bensinstasjonene",
        _wk1(THU, "14:00", "new", _g("bensin")),
        "new_templates",
    ),
    # fwd
    Case(
        "Emne: Tomemballasje\n\nHei, kan dere sende en mail om retur av tomemballasje og paller "
        "til campingplassene den siste dagen i hver måned kl 10?\n\nHilsen Lars",
        _month("10:00", "new", _g("camping"), day_of_month="last"),
        "new_templates",
    ),
    # bullets
    Case(
        "- oppskrifter på desserter\n- til skolene\n- hver mandag kl 11",
        _wk1(MON, "11:00", "new", _g("skole")),
        "new_templates",
    ),
    # ask
    Case(
        "Kan dere sende en invitasjon til julebordet vårt til alle kundene hver fredag kl 15?",
        _wk1(FRI, "15:00", "new", _all()),
        "new_templates",
    ),
    # === must_ask ===
    # rel
    Case("I morgen kl 9 send prislista til hotellene", Q, "must_ask"),
    # rel
    Case("Neste fredag kl 10 må servicevarselet ut til campingplassene", Q, "must_ask"),
    # rel
    Case("Send iskampanjen til kioskene om to uker, kl 8", Q, "must_ask"),
    # rel
    Case("Frysposten ut til alle på tirsdag kl 10", Q, "must_ask"),
    # vague
    Case("Hver mandag på morgenen send skjemaet til bensinstasjonene", Q, "must_ask"),
    # vague
    Case("Påminnelse til kinoene hver torsdag etter lunsj", Q, "must_ask"),
    # vague
    Case("Send prislista til campingplassene i helga, kl 11", Q, "must_ask"),
    # vague
    Case("Send skjema til skolene når skoleferien er over, mandager kl 8", Q, "must_ask"),
    # nordm
    Case("Kan dokk send ferie-mailen te alle kundan før fellesferien?", Q, "must_ask"),
    # fwd
    Case(
        "Emne: Siste levering\n\nHei!\nSiste fredag før ferien må leveringsplanen ut til "
        "sykehjemmene.\n\nHilsen Marit",
        Q,
        "must_ask",
    ),
    # en-uk
    Case(
        "Send the ice-cream campaign to the campsites every Monday at 9 all summer long",
        Q,
        "must_ask",
    ),
    # ask
    Case("Er det mulig å sende noe til kundene av og til?", Q, "must_ask"),
    # neg
    Case("Skjemaet til alle unntatt skolene hver tirsdag kl 8", Q, "must_ask"),
    # neg
    Case("Sykehjemmene skal ikke ha noen mail fra oss i juli.", Q, "must_ask"),
    # correct
    Case(
        "Skjema til hotellene tirsdag kl 8, nei vent, onsdag, eller var det tirsdag likevel?",
        Q,
        "must_ask",
    ),
    # boss
    Case("PRISLISTA UT TIL KIOSKENE KL 8 ELLER 9 HVER FREDAG!", Q, "must_ask"),
    # boss
    Case("SEND ISKAMPANJEN TIL ALLE!!!", Q, "must_ask"),
    # es
    Case("Hver mandag kl 9 sende skjema til de store kundene", Q, "must_ask"),
    # nordm
    Case("Send prislista te Berit på Atlanten Kiosk kvar fredag kl 12", Q, "must_ask"),
    # en-uk
    Case("When ferjerute-endring comes in, let the customer know", Q, "must_ask"),
    # runon
    Case(
        "når det blir varmt ute og så over 20 grader så skal iskampanjen ut til kioskene og så "
        "campingplassene også",
        Q,
        "must_ask",
    ),
    # bullets
    Case(
        "- SMS til alle kioskene\n- hver fredag kl 14\n- tekst: husk å bestille is til helga",
        Q,
        "must_ask",
    ),
    # fwd
    Case(
        "Emne: Rabatt\n\nHei, kan vi gi hotellene 15 % rabatt på is hver mandag?\n\nMvh Per",
        Q,
        "must_ask",
    ),
    # ask
    Case(
        "Kan vi sende iskampanjen til kundene som kjøpte mest is i fjor, hver onsdag kl 10?",
        Q,
        "must_ask",
    ),
    # es
    Case("Bestille mer jordbæris fra leverandøren på fredag, por favor", Q, "must_ask"),
    # en-uk
    Case("Fortnightly to the hotels, Tuesday or Wednesday at 10, the order form", Q, "must_ask"),
    # neg
    Case("Purring hver fredag kl 9 til alle som skylder oss penger", Q, "must_ask"),
    # bullets
    Case("- Frysposten\n- alle kunder\n- en gang i måneden", Q, "must_ask"),
    # boss
    Case("Prislista til hotellene ?? kl 10!", Q, "must_ask"),
    # correct
    Case(
        "Hver fredag kl 9 skjemaet til kioskene, nei, til ... hmm, vet ikke helt hvem",
        Q,
        "must_ask",
    ),
]


HELD_OUT_V22_CONVERSATIONS: list[EditCase] = [
    # === answers ===
    # bullets -> answer
    EditCase(
        "Send Frysposten til kundene en gang i måneden",
        "den 15. kl 10",
        _month("10:00", "nyhetsbrev", _all(), day_of_month=15),
        "answers",
    ),
    # vague -> answer
    EditCase(
        "Send prislista til hotellene på morgenen hver mandag",
        "kl 7",
        _wk1(MON, "07:00", "prisliste", _g("hotell")),
        "answers",
    ),
    # neg -> answer
    EditCase(
        "Servicevarselet til alle unntatt skolene hver onsdag kl 10",
        "bare til sykehjemmene da",
        _wk1(WED, "10:00", "service", _g("sykehjem")),
        "answers",
    ),
    # vague -> answer
    EditCase(
        "Iskampanjen til campingplassene i helga kl 10",
        "lørdag, hver uke",
        _wk1(SAT, "10:00", "kampanje", _g("camping")),
        "answers",
    ),
    # es -> answer
    EditCase(
        "Purring til storkundene hver torsdag kl 14",
        "jeg mener hotellene",
        _wk1(THU, "14:00", "reminder", _g("hotell")),
        "answers",
    ),
    # boss -> answer
    EditCase(
        "Skjemaet til ferjene KL 8 ELLER 9 hver mandag!",
        "kl 9",
        _wk1(MON, "09:00", "bestilling", _g("ferje")),
        "answers",
    ),
    # en-uk -> answer
    EditCase(
        "When the ferry company sends a ferjerute-endring, tell the customer",
        "Send the delivery schedule to all the ferries then, straight away",
        _ferry_change("levering", _g("ferje")),
        "answers",
    ),
    # correct -> answer
    EditCase(
        "Annenhver eller hver tredje fredag kl 12 prislista til kioskene",
        "annenhver, første gang fredag denne uka",
        _fortnight(FRI, "12:00", NEXT_FRI, "prisliste", _g("kiosk")),
        "answers",
    ),
    # boss -> answer
    EditCase(
        "Leveringsplanen til skolene hver ?? kl 10",
        "torsdag",
        _wk1(THU, "10:00", "levering", _g("skole")),
        "answers",
    ),
    # vague -> answer
    EditCase(
        "Send en påminnelse etter lunsj hver onsdag til dem som ikke har bestilt siden mandag",
        "kl 13",
        _wk1(WED, "13:00", "reminder", _all(), conditions=[_missing(since="last_monday")]),
        "answers",
    ),
    # en-uk -> answer
    EditCase(
        "Send Frysposten to the sports arenas every Monday at 9 all summer",
        "Forget the summer bit, every Monday at 9 all year round",
        _wk1(MON, "09:00", "nyhetsbrev", _g("idrett")),
        "answers",
    ),
    # === edits ===
    # nordm -> edit
    EditCase(
        "Skjema te kioskan kvar mandag kl 9",
        "flytt det te tirsdag kl 8",
        _wk1(TUE, "08:00", "bestilling", _g("kiosk")),
        "edits",
    ),
    # basic -> edit
    EditCase(
        "Skjema hver mandag kl 9 til hotellene",
        "legg til en purring torsdag kl 14 til de som ikke har bestilt",
        _weekly(MON, "09:00", **_form_rem(_at(MON, "09:00"), _at(THU, "14:00"), _g("hotell"))),
        "edits",
    ),
    # chain -> edit
    EditCase(
        "Skjema hver mandag kl 8 og purring onsdag kl 12 til campingplassene som ikke har bestilt",
        "send til bensinstasjonene i stedet",
        _weekly(MON, "08:00", **_form_rem(_at(MON, "08:00"), _at(WED, "12:00"), _g("bensin"))),
        "edits",
    ),
    # en-uk -> edit
    EditCase(
        "Order form to the cinemas every Tuesday at 10, reminder on Thursday at 3 pm to those "
        "who haven't ordered",
        "drop the reminder",
        _wk1(TUE, "10:00", "bestilling", _g("kino")),
        "edits",
    ),
    # rel -> edit
    EditCase(
        "Prislista til alle hver fredag kl 12",
        "gjør det annenhver uke, første gang 29. juni",
        _fortnight(FRI, "12:00", W26_FRI, "prisliste", _all()),
        "edits",
    ),
    # template -> edit
    EditCase(
        "Iskampanjen til kioskene hver onsdag kl 10",
        "bytt til nyhetsbrevet",
        _wk1(WED, "10:00", "nyhetsbrev", _g("kiosk")),
        "edits",
    ),
    # event -> edit
    EditCase(
        "Når en kunde bestiller, send ordrebekreftelse med en gang",
        "og leveringsplanen to timer etter",
        _to_customer("order.created", [("confirmation", None), ("levering", _delay(2 * HOUR))]),
        "edits",
    ),
    # calendar -> edit
    EditCase(
        "Skjema til sykehjemmene hver torsdag kl 9",
        "og hopp over helligdager",
        _week_cal(THU, "09:00", "bestilling", _g("sykehjem"), holiday_policy="skip"),
        "edits",
    ),
    # condition -> edit
    EditCase(
        "Purring hver dag kl 10 til alle som ikke har bestilt de siste 7 dagene",
        "bare på hverdager",
        _each_day(
            "10:00", "reminder", _all(), weekdays_only=True, conditions=[_missing(days_back=7)]
        ),
        "edits",
    ),
    # chain -> edit
    EditCase(
        "Skjema til skolene hver mandag kl 9, purring onsdag kl 12, fast ordre fredag kl 10 "
        "for dem som ikke har bestilt",
        "flytt den faste ordren til torsdag kl 14",
        _weekly(
            MON,
            "09:00",
            **_form_rem_order(_at(MON, "09:00"), _at(WED, "12:00"), _at(THU, "14:00"), _g("skole")),
        ),
        "edits",
    ),
    # nordm -> edit
    EditCase(
        "Kvar tirsdag kl 7 skjema te ferjan",
        "ittj tirsdag, ta torsdag og fredag i staden",
        _several([THU, FRI], "07:00", "bestilling", _g("ferje")),
        "edits",
    ),
]
