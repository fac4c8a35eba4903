"""Held-out phrasing set v23 for the offline assistant: measured once, at the end, untuned.

Written by a new writer who never looked at the parser nor at the cases of any other phrasing
or held-out set, so that it measures how the parser generalises to phrasings nobody tuned it
on. What the writer read, and nothing else of the repository: ``/work/shared/docs/
workflow-format.md`` and ``/work/shared/docs/nl-examples.md`` (whole); of
``benchmarks/parser_accuracy.py`` only ``Case``, ``key_facts`` and ``compare`` (and the imports
they need); ``tests/ai_assistant/expected_facts.py`` whole (no file under ``ai_assistant/`` was
opened, ``ai_assistant/context.py`` is only imported); of ``tests/ai_assistant/
held_out_v22.py`` only the part above ``HELD_OUT_V22: list[Case] = [`` (docstring with the
conventions, imports, templates, groups, context builder, fact-building helpers); of
``tests/ai_assistant/parser_phrasings_v2.py`` lines 1166-1200 (``class EditCase``); of
``benchmarks/bench_offline_parser.py`` the lines of v22's imports and rows (to add this set's
rows) and, of ``tests/ai_assistant/test_parser_accuracy.py``, the benchmark test's list of
metric names (to add this set's two). The parser was never run on these cases (only an import
of this module, to check that it is well-formed) before the one measurement.

The business: Toten Elektro Engros AS in Gjøvik, a wholesaler of electrical supplies (cables,
lighting, heat pumps, tools). Customers: electricians (elektrikere, elektrikerne,
elektroinstallatørene, elektrikeran, the electricians), building contractors (entreprenører,
entreprenørene, the contractors), housing cooperatives (borettslag, borettslagene,
housing cooperatives), hardware stores (jernvarehandler, jernvarehandlene, jernvarebutikkene,
hardware stores), farms (gårdsbruk, gårdsbrukene, gardsbruka, farms), municipalities (kommuner,
kommunene, municipalities), solar installers (solcelle-installatører, solcelle-installatørene,
solar installers) and property managers (eiendomsforvaltere, eiendomsforvalterne, property
managers). Its writers, each case tagged in the comment above it: ``toten`` (Toten speech:
"itte" = ikke, "dæ" = dere/dem, "åssen" = hvordan, "je" = jeg, "tel" = til, "kvar" = hver),
``tr`` (a Turkish-born warehouse worker's Norwegian: infinitives, no articles, word order),
``fi-en`` (a Finnish speaker's English: no articles, "please to send"), ``slack`` (chat style:
@mentions, emojis, "asap", lower case), ``form`` (filled-in fields "Hva: ... / Når: ... / Til:
..." on one line or several), ``typo`` (heavy typos and doubled letters), ``words`` (numbers and
times in words: "klokka halv åtte" 07:30, "kvart over ni" 09:15, "den femtende" 15), ``ask``
(the request put as a question), ``neg`` (negations and exceptions), ``correct``
(self-corrections; the later choice wins when it is clearly stated, and when it is not, the
answer is a question) and ``cal`` (calendar: week numbers, "første virkedag", "annenhver",
holidays around New Year and Easter 2036). Categories, as v22's: ``basic``, ``chains``,
``multi_day``, ``conditions``, ``calendar``, ``events``, ``delays``, ``templates_by_meaning``,
``new_templates``, ``must_ask``. The conversations (``HELD_OUT_V23_CONVERSATIONS``) are
``answers`` (the first message makes the assistant ask, the second answers) or ``edits`` (the
second changes the draft the first made); their ``expected`` is the draft after the follow-up.

Webhooks named in texts: ``reklamasjon`` (a complaint a customer files in the customer portal;
its data names that customer, so "kunden" / "the customer" is the event's customer) and
``strømpris`` (the price feed's notice that the electricity price has changed; it is about no
customer, so "si fra til kunden" after it is a question, while "send it to all customers" or to
a named group is an answer).

``expected`` is ``"question"`` or the key facts the text clearly determines; the conventions are
v22's, unchanged, restated briefly: weekly single sends and chains give ``triggers`` equal to
each step's day and time; none are listed for daily, monthly, several-day, cron or calendar-kind
schedules (a weekly send with a holiday policy, ``every_weeks`` or ``iso_weeks`` lists no
triggers either), nor for reports; event steps "med en gang" / "straks" / "med det samme" /
"immediately" / "right away" (or no time at all) have trigger ``None``, "N minutter / timer /
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
the date given (a named day or week, "fra uke 3", "første gang 16. januar", is resolved against
today to that weekday's date), otherwise on the next such weekday after today (today is a
Monday, so no unanchored case uses Monday); "oddetallsuker" ``iso_weeks`` odd, "partallsuker"
even; holiday policy only where the text says what happens on a public holiday ("helligdag" /
"rød dag"): "hopp over" / "ikke på helligdager" ``skip``, "neste virkedag"
``next_business_day``, "dagen før" / "onsdagen før" ``previous_business_day``. A several-day
schedule said with an exception ("hver dag unntatt søndag") is a weekly ``days`` list in week
order; "hver dag" narrowed by "ikke i helgene" is ``weekdays_only``; "hver dag ... også i
helga" is daily without ``weekdays_only``. A month named with a weekday and a time ("hver
fredag i mars kl 10") is a cron schedule (``0 10 * 3 5``). Times: "klokka halv åtte" 07:30,
"kvart over ni" 09:15, "kvart på elleve" 10:45, "klokka seks om morgenen" 06:00, "0700" 07:00,
"2 pm" 14:00, "kl 14" 14:00, "10 o'clock" 10:00, "middag" / "noon" 12:00. A self-correction
keeps the later choice.

What the format cannot express is a question: a one-off date ("i morgen", "neste fredag", "på
torsdag" with no "hver", "før påske", "i uke 3" alone), vague times ("på morgenen", "etter
lunsj", "i helga" without a day, "rundt påske"), the weather or the temperature ("når det blir
kaldt"), SMS, a percentage discount, debts or turnover as an audience, ordering from the
supplier, "alle unntatt kommunene" (a recipients set is one group, never a difference), a
choice left open ("kl 8 eller 9", "tirsdag eller onsdag"), a correction that ends in doubt, a
group that does not exist and could be several ("de store kundene"), one named person, "si fra
til kunden" after ``strømpris``, a request that asks for nothing, a question with no request
in it, a send with no time at all and a monthly newsletter with no day.

Group slugs: see the customer list above, in order: ``elektriker``, ``entreprenor``,
``borettslag``, ``jernvare``, ``gardsbruk``, ``kommune``, ``solcelle``, ``eiendom``. Staff
groups: ``lager`` (lageret, the warehouse), ``sjåfører`` (sjåførene, the drivers), ``salg``
(salgsavdelingen, selgerne), ``kundeservice``, ``regnskap`` (regnskapsavdelingen, accounts),
``teknikere`` (teknikerne, servicefolka for varmepumper).

Templates by meaning: bestillingsskjema / skjemaet / bestillingsliste / order form
``bestilling``; påminnelse / purring / reminder ``reminder``; ordrebekreftelse / bekreftelse /
confirmation ``confirmation``; varmepumpekampanjen / kampanjen på varmepumper / heat pump
campaign ``kampanje``; prislista / prislisten / price list ``prisliste``; nyhetsbrevet
("Strømlinjen") / newsletter ``nyhetsbrev``; leveringsvarsel / "mail om levering" / delivery
notice ``levering``; "purring på faktura" / fakturapåminnelse / invoice reminder ``faktura``;
kursinvitasjon / "invitasjon til kurs" / course invitation ``kurs``; "nyheter i sortimentet" /
nyhetsmailen om nye produkter / new products mail ``nyheter``; "mail om at reklamasjonen er
mottatt" / svar på reklamasjon ``reklamasjon``; velkomstmail / welcome email ``velkomst``.
A customer satisfaction survey, an invitation to a trade fair (messe), a mail on returning
electrical waste (EE-avfall), a safety notice on a recalled product (tilbakekalling), a mail
about the new electricity price (strømprisen) and the 2036 calendar are ``"new"``.

Today is Monday 7 January 2036 (ISO week 2, an even week), the first week after New Year;
winter. The next Tuesday is 2036-01-08, Wednesday 2036-01-09, Thursday 2036-01-10, Friday
2036-01-11; ISO week 3 runs Monday 2036-01-14 to Friday 2036-01-18 (Tuesday 2036-01-15,
Wednesday 2036-01-16); Easter 2036: skjærtorsdag 10 April, langfredag 11 April, første
påskedag 13 April, andre påskedag 14 April.
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

# Monday 7 January 2036 (ISO week 2): the first week after New Year.
HELD_OUT_V23_TODAY = dt.date(2036, 1, 7)

HELD_OUT_V23_TEMPLATES: list[TemplateInfo] = [
    {
        "id": 2301,
        "name": "Ukens bestilling",
        "category": "bestilling",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Bestill kabel, belysning og verktøy for neste uke",
    },
    {
        "id": 2302,
        "name": "Påminnelse om bestilling",
        "category": "reminder",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Husk å legge inn bestillingen før fristen",
    },
    {
        "id": 2303,
        "name": "Ordrebekreftelse",
        "category": "confirmation",
        "variables": ["kunde_navn", "ordre_nummer", "leveringsdato"],
        "subject": "Vi har mottatt bestillingen din",
    },
    {
        "id": 2304,
        "name": "Varmepumpekampanje",
        "category": "kampanje",
        "variables": ["kunde_navn", "kampanje_liste", "bestilling_link"],
        "subject": "Vinterkampanje: varmepumper til kampanjepris",
    },
    {
        "id": 2305,
        "name": "Prisliste",
        "category": "prisliste",
        "variables": ["kunde_navn", "prisliste_link"],
        "subject": "Oppdatert prisliste fra Toten Elektro Engros",
    },
    {
        "id": 2306,
        "name": "Strømlinjen",
        "category": "nyhetsbrev",
        "variables": ["kunde_navn", "maaned"],
        "subject": "Nyhetsbrev fra Toten Elektro Engros",
    },
    {
        "id": 2307,
        "name": "Leveringsvarsel",
        "category": "levering",
        "variables": ["kunde_navn", "leveringsdato", "sjafor"],
        "subject": "Varene dine er på vei",
    },
    {
        "id": 2308,
        "name": "Fakturapåminnelse",
        "category": "faktura",
        "variables": ["kunde_navn", "faktura_nummer", "belop", "forfallsdato"],
        "subject": "Påminnelse om ubetalt faktura",
    },
    {
        "id": 2309,
        "name": "Kursinvitasjon",
        "category": "kurs",
        "variables": ["kunde_navn", "kurs_navn", "kurs_dato", "pamelding_link"],
        "subject": "Invitasjon til fagkurs for installatører",
    },
    {
        "id": 2310,
        "name": "Nye produkter",
        "category": "nyheter",
        "variables": ["kunde_navn", "produkt_liste"],
        "subject": "Nyheter i sortimentet",
    },
    {
        "id": 2311,
        "name": "Reklamasjon mottatt",
        "category": "reklamasjon",
        "variables": ["kunde_navn", "sak_nummer"],
        "subject": "Vi har mottatt reklamasjonen din",
    },
    {
        "id": 2312,
        "name": "Velkommen som kunde",
        "category": "velkomst",
        "variables": ["kunde_navn", "kontaktperson", "nettbutikk_link"],
        "subject": "Velkommen som kunde hos Toten Elektro Engros",
    },
]

HELD_OUT_V23_GROUPS: list[GroupInfo] = [
    {"slug": "elektriker", "name": "Elektroinstallatører", "size": 74},
    {"slug": "entreprenor", "name": "Entreprenører", "size": 29},
    {"slug": "borettslag", "name": "Borettslag", "size": 41},
    {"slug": "jernvare", "name": "Jernvarehandler", "size": 18},
    {"slug": "gardsbruk", "name": "Gårdsbruk", "size": 33},
    {"slug": "kommune", "name": "Kommuner", "size": 8},
    {"slug": "solcelle", "name": "Solcelle-installatører", "size": 12},
    {"slug": "eiendom", "name": "Eiendomsforvaltere", "size": 15},
]

HELD_OUT_V23_STAFF_GROUPS = ["lager", "sjåfører", "salg", "kundeservice", "regnskap", "teknikere"]


def held_out_v23_context() -> ParseContext:
    """Toten Elektro Engros' templates, groups and staff groups, on ``HELD_OUT_V23_TODAY``."""
    return facts.business_context(
        HELD_OUT_V23_TEMPLATES, HELD_OUT_V23_GROUPS, HELD_OUT_V23_STAFF_GROUPS, HELD_OUT_V23_TODAY
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
NEXT_TUE, NEXT_WED, NEXT_THU, NEXT_FRI = "2036-01-08", "2036-01-09", "2036-01-10", "2036-01-11"
W3_TUE, W3_WED, W3_FRI = "2036-01-15", "2036-01-16", "2036-01-18"


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


def _complaint(pairs: list[tuple[str, dict[str, Any] | None]]) -> dict[str, Any]:
    """Sends to the customer who filed the ``reklamasjon`` webhook's complaint."""
    return _to_customer("webhook", pairs, event_name="reklamasjon")


def _price_change(template: str, audience: dict[str, Any]) -> dict[str, Any]:
    """One send, right away, when the ``strømpris`` webhook arrives."""
    return _event("webhook", event_name="strømpris", **_one(template, audience, triggers=[None]))


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

HELD_OUT_V23: list[Case] = [
    # ---------------------------------------------------------------- basic
    # toten
    Case(
        "Je vil at elektrikeran skal få bestillingsskjemaet kvar mandag kl 7",
        _wk1(MON, "07:00", "bestilling", _g("elektriker")),
    ),
    # tr
    Case(
        "Hver onsdag klokke 10 sende prisliste til kommunene",
        _wk1(WED, "10:00", "prisliste", _g("kommune")),
    ),
    # fi-en
    Case(
        "Please to send order form to hardware stores every Tuesday 8 o'clock",
        _wk1(TUE, "08:00", "bestilling", _g("jernvare")),
    ),
    # slack
    Case(
        "@Ida kan du sette opp at borettslagene får prislista hver torsdag kl 13? takk 🙏",
        _wk1(THU, "13:00", "prisliste", _g("borettslag")),
    ),
    # form
    Case(
        "Hva: bestillingsskjema / Når: hver fredag 07:30 / Til: entreprenørene",
        _wk1(FRI, "07:30", "bestilling", _g("entreprenor")),
    ),
    # typo
    Case(
        "sennd bestilingsskjemaa til alle kundenne hver tirsddag kl 0900",
        _wk1(TUE, "09:00", "bestilling", _all()),
    ),
    # words
    Case(
        "Hver onsdag klokka halv åtte skal solcelle-installatørene få bestillingsskjemaet",
        _wk1(WED, "07:30", "bestilling", _g("solcelle")),
    ),
    # fi-en
    Case(
        "Every day 6 am send order form to all customers",
        _each_day("06:00", "bestilling", _all()),
    ),
    # tr
    Case(
        "Hver måned den 20. klokke 9 sende nyhetsbrev til alle kunde",
        _month("09:00", "nyhetsbrev", _all(), day_of_month=20),
    ),
    # words
    Case(
        "Den femtende i hver måned klokka ti sender vi prislista til eiendomsforvalterne",
        _month("10:00", "prisliste", _g("eiendom"), day_of_month=15),
    ),
    # slack
    Case(
        "ukesrapport til @daglig leder -> leder@totenelektro.no hver fredag kl 16 pls",
        _weekly(FRI, "16:00", **_report_to("leder@totenelektro.no")),
    ),
    # form
    Case(
        "Hva: rapport over hvem som ikke har bestilt\nNår: hver torsdag kl 14\n"
        "Til: salg@totenelektro.no",
        _weekly(THU, "14:00", **_report_to("salg@totenelektro.no", kind="orders_missing")),
    ),
    # ask
    Case(
        "Kan dere sørge for at gårdsbrukene får skjemaet hver mandag kl 8?",
        _wk1(MON, "08:00", "bestilling", _g("gardsbruk")),
    ),
    # neg
    Case(
        "Ikke send skjemaet til alle - bare til jernvarehandlene, hver onsdag kl 9",
        _wk1(WED, "09:00", "bestilling", _g("jernvare")),
    ),
    # ---------------------------------------------------------------- chains
    # toten
    Case(
        "Skjema tel elektrikeran mandag kl 8, og dæ som itte har bestilt innen torsdag "
        "får purring torsdag kl 14",
        _series(
            _g("elektriker"), ("bestilling", _at(MON, "08:00")), ("reminder", _at(THU, "14:00"))
        ),
        "chains",
    ),
    # tr
    Case(
        "Tirsdag klokke 9 sende skjema til entreprenør, fredag klokke 12 påminnelse hvis ikke "
        "bestille",
        _series(
            _g("entreprenor"), ("bestilling", _at(TUE, "09:00")), ("reminder", _at(FRI, "12:00"))
        ),
        "chains",
    ),
    # fi-en
    Case(
        "Monday 7 am order form to municipalities, Wednesday reminder to ones who did not order",
        _series(_g("kommune"), ("bestilling", _at(MON, "07:00")), ("reminder", _at(WED, "15:00"))),
        "chains",
    ),
    # slack
    Case(
        "skjema til borettslagene man kl 10 🗓️ purring ons kl 10 til de som ikke har bestilt, "
        "fast ordre fre kl 10 for resten. asap!",
        _series(
            _g("borettslag"),
            ("bestilling", _at(MON, "10:00")),
            ("reminder", _at(WED, "10:00")),
            (None, _at(FRI, "10:00")),
        ),
        "chains",
    ),
    # form
    Case(
        "Hva: skjema, så påminnelse / Når: mandag 08:00, påminnelse onsdag 13:00 / Til: alle",
        _series(_all(), ("bestilling", _at(MON, "08:00")), ("reminder", _at(WED, "13:00"))),
        "chains",
    ),
    # typo
    Case(
        "bestillingsskjemma mandagg kl 9 til solcelle-instalatørene, purrring tordag kl 15 "
        "til dem som ikke har bestillt",
        _series(_g("solcelle"), ("bestilling", _at(MON, "09:00")), ("reminder", _at(THU, "15:00"))),
        "chains",
    ),
    # words
    Case(
        "Tirsdag klokka åtte skjemaet til gårdsbrukene, torsdag klokka tolv en påminnelse og "
        "fredag klokka ni den faste bestillingen for dem som fortsatt ikke har bestilt",
        _series(
            _g("gardsbruk"),
            ("bestilling", _at(TUE, "08:00")),
            ("reminder", _at(THU, "12:00")),
            (None, _at(FRI, "09:00")),
        ),
        "chains",
    ),
    # correct
    Case(
        "Skjema til jernvarebutikkene mandag kl 8, påminnelse onsdag - nei, torsdag kl 11 - "
        "til de som ikke har bestilt",
        _series(_g("jernvare"), ("bestilling", _at(MON, "08:00")), ("reminder", _at(THU, "11:00"))),
        "chains",
    ),
    # ask
    Case(
        "Går det an å sende skjema til eiendomsforvalterne tirsdag kl 9 og så purre torsdag "
        "kl 13 på dem som ikke har bestilt?",
        _series(_g("eiendom"), ("bestilling", _at(TUE, "09:00")), ("reminder", _at(THU, "13:00"))),
        "chains",
    ),
    # toten
    Case(
        "Mandag kl 7 skjema tel alle, onsdag kl 12 purring, torsdag kl 12 ei purring tel, og "
        "fredag kl 8 legg inn vanlig ordre for dæ som itte har bestilt ennå",
        _series(
            _all(),
            ("bestilling", _at(MON, "07:00")),
            ("reminder", _at(WED, "12:00")),
            ("reminder", _at(THU, "12:00")),
            (None, _at(FRI, "08:00")),
        ),
        "chains",
    ),
    # neg
    Case(
        "Skjema til kommunene onsdag kl 8. Ingen påminnelse, men de som ikke har bestilt innen "
        "fredag kl 10 får den faste ordren lagt inn",
        _series(_g("kommune"), ("bestilling", _at(WED, "08:00")), (None, _at(FRI, "10:00"))),
        "chains",
    ),
    # ---------------------------------------------------------------- multi_day
    # toten
    Case(
        "Prislista tel elektrikeran kvar mandag og torsdag kl 8",
        _several([MON, THU], "08:00", "prisliste", _g("elektriker")),
        "multi_day",
    ),
    # tr
    Case(
        "Hver dag unntatt søndag klokke 6 sende skjema til alle",
        _several([MON, TUE, WED, THU, FRI, SAT], "06:00", "bestilling", _all()),
        "multi_day",
    ),
    # fi-en
    Case(
        "Send order form to contractors every weekday 7:15",
        _each_day("07:15", "bestilling", _g("entreprenor"), weekdays_only=True),
        "multi_day",
    ),
    # neg
    Case(
        "Hver dag kl 7 skjema til alle kundene, men ikke i helgene",
        _each_day("07:00", "bestilling", _all(), weekdays_only=True),
        "multi_day",
    ),
    # slack
    Case(
        "skjema til gårdsbrukene hver dag kl 6, også i helga 🚜",
        _each_day("06:00", "bestilling", _g("gardsbruk")),
        "multi_day",
    ),
    # form
    Case(
        "Hva: prisliste / Når: tirsdag, onsdag og fredag kl 10 / Til: solcelle-installatører",
        _several([TUE, WED, FRI], "10:00", "prisliste", _g("solcelle")),
        "multi_day",
    ),
    # words
    Case(
        "Mandag og onsdag klokka kvart over ni skal entreprenørene få skjemaet",
        _several([MON, WED], "09:15", "bestilling", _g("entreprenor")),
        "multi_day",
    ),
    # typo
    Case(
        "hver hverrdag kl 0700 skjemma til borettslagen",
        _each_day("07:00", "bestilling", _g("borettslag"), weekdays_only=True),
        "multi_day",
    ),
    # ---------------------------------------------------------------- conditions
    # toten
    Case(
        "Purring tel elektrikeran som itte har bestilt sia mandag, kvar fredag kl 11",
        _wk1(
            FRI, "11:00", "reminder", _g("elektriker"), conditions=[_missing(since="last_monday")]
        ),
        "conditions",
    ),
    # tr
    Case(
        "Hver dag klokke 11 påminnelse til kunder som ikke bestille siste 5 dager",
        _each_day("11:00", "reminder", _all(), conditions=[_missing(days_back=5)]),
        "conditions",
    ),
    # fi-en
    Case(
        "Every Thursday 2 pm reminder to all customers who have not ordered in two weeks",
        _wk1(THU, "14:00", "reminder", _all(), conditions=[_missing(days_back=14)]),
        "conditions",
    ),
    # slack
    Case(
        "purring til entreprenørene hver tors kl 12 hvis de ikke har bestilt siden tirsdag 👀",
        _wk1(
            THU, "12:00", "reminder", _g("entreprenor"), conditions=[_missing(since="last_tuesday")]
        ),
        "conditions",
    ),
    # form
    Case(
        "Hva: påminnelse\nNår: hver mandag 09:00\nTil: borettslag uten bestilling siste 3 uker",
        _wk1(MON, "09:00", "reminder", _g("borettslag"), conditions=[_missing(days_back=21)]),
        "conditions",
    ),
    # words
    Case(
        "Hver tirsdag klokka ti: påminnelse til alle som ikke har bestilt de siste sju dagene",
        _wk1(TUE, "10:00", "reminder", _all(), conditions=[_missing(days_back=7)]),
        "conditions",
    ),
    # neg
    Case(
        "Prislista hver fredag kl 9, men bare til dem som har bestilt noe de siste 30 dagene",
        _wk1(FRI, "09:00", "prisliste", _all(), conditions=[_ordered(days_back=30)]),
        "conditions",
    ),
    # ask
    Case(
        "Kan vi purre på jernvarehandlene som ikke har bestilt siden mandag, hver onsdag kl 14?",
        _wk1(WED, "14:00", "reminder", _g("jernvare"), conditions=[_missing(since="last_monday")]),
        "conditions",
    ),
    # typo
    Case(
        "påminnnelse hver onsdagg kl 1300 til kommunnene",
        _wk1(WED, "13:00", "reminder", _g("kommune")),
        "conditions",
    ),
    # ---------------------------------------------------------------- calendar
    # cal
    Case(
        "Annenhver tirsdag kl 10 prisliste til elektrikerne",
        _fortnight(TUE, "10:00", NEXT_TUE, "prisliste", _g("elektriker")),
        "calendar",
    ),
    # cal
    Case(
        "Annenhver onsdag kl 8 skjema til entreprenørene, første gang 16. januar",
        _fortnight(WED, "08:00", W3_WED, "bestilling", _g("entreprenor")),
        "calendar",
    ),
    # cal
    Case(
        "Fra uke 3: annenhver fredag kl 9 nyhetsbrevet til alle",
        _fortnight(FRI, "09:00", W3_FRI, "nyhetsbrev", _all()),
        "calendar",
    ),
    # toten
    Case(
        "Kvar anna torsdag kl 12 skjema tel gardsbruka",
        _fortnight(THU, "12:00", NEXT_THU, "bestilling", _g("gardsbruk")),
        "calendar",
    ),
    # cal
    Case(
        "Første virkedag i måneden kl 8 send prislista til alle kundene",
        _month("08:00", "prisliste", _all(), business_day=1),
        "calendar",
    ),
    # cal
    Case(
        "Siste virkedag hver måned kl 14 fakturapåminnelse til eiendomsforvalterne",
        _month("14:00", "faktura", _g("eiendom"), business_day=-1),
        "calendar",
    ),
    # cal
    Case(
        "Første mandag i måneden kl 8 nyhetsbrevet til alle",
        _month("08:00", "nyhetsbrev", _all(), weekday=MON, nth=1),
        "calendar",
    ),
    # words
    Case(
        "Den andre tirsdagen i hver måned klokka ni skal kursinvitasjonen ut til elektrikerne",
        _month("09:00", "kurs", _g("elektriker"), weekday=TUE, nth=2),
        "calendar",
    ),
    # cal
    Case(
        "Siste fredag i måneden kl 13 varmepumpekampanjen til borettslagene",
        _month("13:00", "kampanje", _g("borettslag"), weekday=FRI, nth=-1),
        "calendar",
    ),
    # cal
    Case(
        "Skjema til kommunene hver tirsdag kl 8 i oddetallsuker",
        _week_cal(TUE, "08:00", "bestilling", _g("kommune"), iso_weeks="odd"),
        "calendar",
    ),
    # cal
    Case(
        "Prislista til solcelle-installatørene hver torsdag kl 9, bare i partallsuker",
        _week_cal(THU, "09:00", "prisliste", _g("solcelle"), iso_weeks="even"),
        "calendar",
    ),
    # cal
    Case(
        "Hver virkedag kl 7 skjema til elektrikerne",
        _each_day("07:00", "bestilling", _g("elektriker"), business_days_only=True),
        "calendar",
    ),
    # cal
    Case(
        "Hver mandag kl 9 skjema til alle; faller mandagen på en helligdag, som andre påskedag, "
        "sendes det neste virkedag",
        _week_cal(MON, "09:00", "bestilling", _all(), holiday_policy="next_business_day"),
        "calendar",
    ),
    # cal
    Case(
        "Prisliste hver torsdag kl 10 til jernvarehandlene. Er torsdagen en rød dag, "
        "f.eks. skjærtorsdag, send onsdagen før",
        _week_cal(
            THU, "10:00", "prisliste", _g("jernvare"), holiday_policy="previous_business_day"
        ),
        "calendar",
    ),
    # neg
    Case(
        "Skjema til entreprenørene hver fredag kl 8, men ikke på helligdager (langfredag osv.)",
        _week_cal(FRI, "08:00", "bestilling", _g("entreprenor"), holiday_policy="skip"),
        "calendar",
    ),
    # cal
    Case(
        "Hver fredag i mars kl 10 send varmepumpekampanjen til gårdsbrukene",
        _cron("0 10 * 3 5", "kampanje", _g("gardsbruk")),
        "calendar",
    ),
    # ---------------------------------------------------------------- events
    # toten
    Case(
        "Når en kunde legg inn ei ordre, send ordrebekreftelse med en gang",
        _to_customer("order.created", [("confirmation", None)]),
        "events",
    ),
    # tr
    Case(
        "Når ny kunde registrere, sende velkomstmail straks",
        _to_customer("customer.created", [("velkomst", None)]),
        "events",
    ),
    # fi-en
    Case(
        "When customer files complaint in portal (webhook reklamasjon), please to send "
        "complaint received mail to customer immediately",
        _complaint([("reklamasjon", None)]),
        "events",
    ),
    # slack
    Case(
        "ny reklamasjon fra kundeportalen (reklamasjon-webhooken) ➡️ send svar på reklamasjonen "
        "til kunden med en gang",
        _complaint([("reklamasjon", None)]),
        "events",
    ),
    # form
    Case(
        "Hva: prislista / Når: med det samme strømpris-webhooken kommer / Til: alle kunder",
        _price_change("prisliste", _all()),
        "events",
    ),
    # toten
    Case(
        "Når strømpris-webhooken kjem inn, send prislista tel borettslagene straks",
        _price_change("prisliste", _g("borettslag")),
        "events",
    ),
    # toten
    Case(
        "Når en ny kunde blir oppretta, si fra tel salgsavdelingen",
        _tell("customer.created", "salg"),
        "events",
    ),
    # tr
    Case(
        "Når reklamasjon-webhook komme fra portal, lageret må få beskjed",
        _tell("webhook", "lager", event_name="reklamasjon"),
        "events",
    ),
    # ask
    Case(
        "Kan sjåførene få beskjed hver gang det kommer inn en ny ordre?",
        _tell("order.created", "sjåfører"),
        "events",
    ),
    # neg
    Case(
        "Når en kunde bestiller: send bekreftelse til kunden, ikke til selgerne",
        _to_customer("order.created", [("confirmation", None)]),
        "events",
    ),
    # fi-en
    Case(
        "When new customer is created, send welcome email right away",
        _to_customer("customer.created", [("velkomst", None)]),
        "events",
    ),
    # ---------------------------------------------------------------- delays
    # toten
    Case(
        "Når ei ordre kjem inn: bekreftelse med en gang, og leveringsvarsel to timer etter",
        _to_customer("order.created", [("confirmation", None), ("levering", _delay(2 * HOUR))]),
        "delays",
    ),
    # tr
    Case(
        "Ny kunde: velkomstmail med en gang, og tre dager etter sende prisliste",
        _to_customer("customer.created", [("velkomst", None), ("prisliste", _delay(3 * DAY))]),
        "delays",
    ),
    # slack
    Case(
        "reklamasjon-webhook 👉 svar på reklamasjon til kunden etter 30 minutter",
        _complaint([("reklamasjon", _delay(30))]),
        "delays",
    ),
    # words
    Case(
        "Når en kunde legger inn en bestilling, send ordrebekreftelsen førti minutter etter",
        _to_customer("order.created", [("confirmation", _delay(40))]),
        "delays",
    ),
    # fi-en
    Case(
        "Monday 8 am order form to electricians, three hours after reminder to ones who did not "
        "order",
        _series(
            _g("elektriker"), ("bestilling", _at(MON, "08:00")), ("reminder", _delay(3 * HOUR))
        ),
        "delays",
    ),
    # form
    Case(
        "Hva: velkomstmail, så nyheter i sortimentet / Når: når kunden er ny, nyhetene en dag "
        "etter velkomsten / Til: kunden",
        _to_customer("customer.created", [("velkomst", None), ("nyheter", _delay(DAY))]),
        "delays",
    ),
    # ---------------------------------------------------------------- templates_by_meaning
    # toten
    Case(
        "Send kampanjen på varmepumper tel gardsbruka kvar tirsdag kl 10",
        _wk1(TUE, "10:00", "kampanje", _g("gardsbruk")),
        "templates_by_meaning",
    ),
    # tr
    Case(
        "Hver fredag klokke 14 sende purring på faktura til entreprenør",
        _wk1(FRI, "14:00", "faktura", _g("entreprenor")),
        "templates_by_meaning",
    ),
    # fi-en
    Case(
        "Every Wednesday 9 am please to send heat pump campaign to housing cooperatives",
        _wk1(WED, "09:00", "kampanje", _g("borettslag")),
        "templates_by_meaning",
    ),
    # slack
    Case(
        "nyheter i sortimentet ✨ til elektrikerne hver ons kl 11",
        _wk1(WED, "11:00", "nyheter", _g("elektriker")),
        "templates_by_meaning",
    ),
    # form
    Case(
        "Hva: invitasjon til kurs / Når: første tirsdag i måneden kl 12 / Til: elektrikerne",
        _month("12:00", "kurs", _g("elektriker"), weekday=TUE, nth=1),
        "templates_by_meaning",
    ),
    # typo
    Case(
        "nyhetsbreevet til aalle kundene den 1. hver månedd kl 8",
        _month("08:00", "nyhetsbrev", _all(), day_of_month=1),
        "templates_by_meaning",
    ),
    # words
    Case(
        "Hver torsdag klokka to om ettermiddagen skal leveringsvarselet gå til kommunene",
        _wk1(THU, "14:00", "levering", _g("kommune")),
        "templates_by_meaning",
    ),
    # fi-en
    Case(
        "Send new products mail to solar installers every Monday 10 o'clock",
        _wk1(MON, "10:00", "nyheter", _g("solcelle")),
        "templates_by_meaning",
    ),
    # ask
    Case(
        "Kan vi sende fakturapåminnelsen til borettslagene hver tirsdag kl 9?",
        _wk1(TUE, "09:00", "faktura", _g("borettslag")),
        "templates_by_meaning",
    ),
    # correct
    Case(
        "Send prislista - nei, vent, nyhetsbrevet - til eiendomsforvalterne hver fredag kl 12",
        _wk1(FRI, "12:00", "nyhetsbrev", _g("eiendom")),
        "templates_by_meaning",
    ),
    # ---------------------------------------------------------------- new_templates
    # toten
    Case(
        "Je vil sende ei kundeundersøkelse tel elektrikeran kvar fredag kl 12",
        _wk1(FRI, "12:00", "new", _g("elektriker")),
        "new_templates",
    ),
    # tr
    Case(
        "Hver mandag klokke 10 sende invitasjon til messe til entreprenør",
        _wk1(MON, "10:00", "new", _g("entreprenor")),
        "new_templates",
    ),
    # fi-en
    Case(
        "Please to send mail about returning electrical waste to hardware stores every "
        "Thursday 11 am",
        _wk1(THU, "11:00", "new", _g("jernvare")),
        "new_templates",
    ),
    # slack
    Case(
        "send kalenderen for 2036 📅 til alle kundene hver mandag kl 9 i januar",
        _cron("0 9 * 1 1", "new", _all()),
        "new_templates",
    ),
    # form
    Case(
        "Hva: mail om tilbakekalling av en lyspære / Når: hver onsdag 08:00 / Til: alle kunder",
        _wk1(WED, "08:00", "new", _all()),
        "new_templates",
    ),
    # words
    Case(
        "Den første i hver måned klokka åtte: en mail om den nye strømprisen til borettslagene",
        _month("08:00", "new", _g("borettslag"), day_of_month=1),
        "new_templates",
    ),
    # ---------------------------------------------------------------- must_ask
    # toten
    Case("Send prislista tel elektrikeran i mårrå", Q, "must_ask"),
    # tr
    Case("Sende skjema til entreprenør på morgenen", Q, "must_ask"),
    # fi-en
    Case("Send order form to big customers every Monday 9 am", Q, "must_ask"),
    # slack
    Case("@channel varmepumpekampanjen til alle asap!!! 🔥🔥", Q, "must_ask"),
    # form
    Case("Hva: SMS om levering / Når: hver fredag 10:00 / Til: alle", Q, "must_ask"),
    # typo
    Case("sennd skjemma til alle kundeene kl 8 ellr 9 på manddag", Q, "must_ask"),
    # words
    Case("Send nyhetsbrevet til alle kundene en gang i måneden klokka ni", Q, "must_ask"),
    # ask
    Case("Hvor mange borettslag har vi som kunder?", Q, "must_ask"),
    # neg
    Case("Skjema hver mandag kl 8 til alle unntatt kommunene", Q, "must_ask"),
    # neg
    Case("Gårdsbrukene skal ikke ha kampanjemail i januar", Q, "must_ask"),
    # correct
    Case(
        "Prislista til solcelle-installatørene tirsdag kl 10, eller kanskje onsdag, "
        "jeg er ikke sikker",
        Q,
        "must_ask",
    ),
    # cal
    Case("Send varmepumpekampanjen til borettslagene før påske", Q, "must_ask"),
    # cal
    Case("Skjema til alle i uke 3", Q, "must_ask"),
    # toten
    Case("Når det blir skikkelig kaldt, send varmepumpekampanjen tel alle", Q, "must_ask"),
    # tr
    Case("Bestille kabel fra leverandør hver mandag klokke 8", Q, "must_ask"),
    # fi-en
    Case(
        "When strømpris webhook comes, tell the customer about new price immediately",
        Q,
        "must_ask",
    ),
    # slack
    Case(
        "kan du sende prislista til Per Hansen hos Gjøvik Elektro kl 10 på torsdag", Q, "must_ask"
    ),
    # form
    Case(
        "Hva: 15 % rabatt på varmepumper / Når: hver mandag 09:00 / Til: eiendomsforvaltere",
        Q,
        "must_ask",
    ),
    # neg
    Case(
        "Fakturapåminnelse hver fredag kl 12 til kundene som skylder oss mer enn 10 000 kr",
        Q,
        "must_ask",
    ),
    # words
    Case("Kjøp to kabeltromler", Q, "must_ask"),
    # cal
    Case("Send nyhetsbrevet rundt påske til alle kundene", Q, "must_ask"),
]

# --- Two-turn conversations --------------------------------------------------------------------

HELD_OUT_V23_CONVERSATIONS: list[EditCase] = [
    # ---------------------------------------------------------------- answers
    # toten
    EditCase(
        "Send nyhetsbrevet tel alle kundan kvar måned",
        "den første, kl 9",
        _month("09:00", "nyhetsbrev", _all(), day_of_month=1),
        "answers",
    ),
    # slack
    EditCase(
        "prislista til elektrikerne asap 🙏",
        "hver mandag kl 8",
        _wk1(MON, "08:00", "prisliste", _g("elektriker")),
        "answers",
    ),
    # typo
    EditCase(
        "skjemma til entreprenørene hver manddag kl 8 ellr 9",
        "kl 9",
        _wk1(MON, "09:00", "bestilling", _g("entreprenor")),
        "answers",
    ),
    # fi-en
    EditCase(
        "Send order form to big customers every Tuesday 10 am",
        "to contractors",
        _wk1(TUE, "10:00", "bestilling", _g("entreprenor")),
        "answers",
    ),
    # tr
    EditCase(
        "Hver fredag sende prisliste til kommune på morgenen",
        "klokke 7",
        _wk1(FRI, "07:00", "prisliste", _g("kommune")),
        "answers",
    ),
    # fi-en
    EditCase(
        "When strømpris webhook comes, please to send price list to the customer immediately",
        "send it to all customers",
        _price_change("prisliste", _all()),
        "answers",
    ),
    # correct
    EditCase(
        "Prislista til solcelle-installatørene hver uke kl 10, tirsdag eller onsdag",
        "onsdag",
        _wk1(WED, "10:00", "prisliste", _g("solcelle")),
        "answers",
    ),
    # words
    EditCase(
        "Kursinvitasjonen til elektrikerne en gang i måneden klokka åtte",
        "den tiende",
        _month("08:00", "kurs", _g("elektriker"), day_of_month=10),
        "answers",
    ),
    # ---------------------------------------------------------------- edits
    # toten
    EditCase(
        "Skjema tel elektrikeran mandag kl 8 og purring torsdag kl 14 tel dæ som itte har bestilt",
        "flytt purringa tel onsdag kl 12",
        _series(
            _g("elektriker"), ("bestilling", _at(MON, "08:00")), ("reminder", _at(WED, "12:00"))
        ),
    ),
    # slack
    EditCase(
        "skjema til borettslagene hver tirs kl 9",
        "gjør det kl 10 i stedet 👍",
        _wk1(TUE, "10:00", "bestilling", _g("borettslag")),
    ),
    # tr
    EditCase(
        "Hver mandag klokke 7 skjema til alle, torsdag påminnelse til de som ikke bestille",
        "og fredag klokke 9 legge inn fast ordre for de som fortsatt ikke bestille",
        _series(
            _all(),
            ("bestilling", _at(MON, "07:00")),
            ("reminder", _at(THU, "15:00")),
            (None, _at(FRI, "09:00")),
        ),
    ),
    # fi-en
    EditCase(
        "Every Wednesday 9 am price list to hardware stores",
        "change group to farms",
        _wk1(WED, "09:00", "prisliste", _g("gardsbruk")),
    ),
    # cal
    EditCase(
        "Prislista til kommunene hver torsdag kl 9",
        "gjør det annenhver uke",
        _fortnight(THU, "09:00", NEXT_THU, "prisliste", _g("kommune")),
    ),
    # form
    EditCase(
        "Hva: velkomstmail / Når: når en ny kunde opprettes / Til: kunden",
        "legg til prislista to dager etter",
        _to_customer("customer.created", [("velkomst", None), ("prisliste", _delay(2 * DAY))]),
    ),
    # neg
    EditCase(
        "Hver dag kl 7 skjema til entreprenørene",
        "ikke i helgene",
        _each_day("07:00", "bestilling", _g("entreprenor"), weekdays_only=True),
    ),
    # words
    EditCase(
        "Nyhetsbrevet til alle den første i hver måned klokka åtte",
        "flytt det til klokka halv ti",
        _month("09:30", "nyhetsbrev", _all(), day_of_month=1),
    ),
]
