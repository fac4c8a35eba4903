"""Held-out phrasing set v18 for the offline assistant: measured once, at the end, untuned.

Written by a new writer who never looked at the parser nor at the cases of any other phrasing
or held-out set, so that it measures how the parser generalises to phrasings nobody tuned it
on. What the writer read, and nothing else of the repository: ``/work/shared/docs/
workflow-format.md`` and ``/work/shared/docs/nl-examples.md`` (whole); of
``benchmarks/parser_accuracy.py`` ``Case``, ``key_facts`` and ``compare`` (and, by scrolling
past them, the measuring helpers that follow them in that file, which are no part of the
parser); ``tests/ai_assistant/expected_facts.py`` whole (no file under ``ai_assistant/`` was
opened, ``ai_assistant/context.py`` is only imported); of ``tests/ai_assistant/
held_out_v17.py`` only the part above ``HELD_OUT_V17: list[Case] = [`` (docstring with the
conventions, imports, templates, groups, context builder, fact-building helpers); of
``tests/ai_assistant/parser_phrasings_v2.py`` lines 1150-1200 (``class EditCase``); of
``benchmarks/bench_offline_parser.py`` the lines of v17's imports and rows (to add this set's
rows) and, of ``tests/ai_assistant/test_parser_accuracy.py``, the benchmark test's list of
metric names (to add this set's two). The parser was never run on these cases (only an import
of this module, to check that it is well-formed) before the one measurement.

The business: Sørlandet Renhold Engros AS in Kristiansand, a wholesaler of cleaning supplies,
paper goods and hygiene products (tørkepapir, toalettpapir, såpe, hansker, rengjøringsmidler,
søppelsekker, desinfeksjon). Customers: schools (skoler, skolene, the schools), kindergartens
(barnehager, barnehagene, barnehagan, børnehaver), offices (kontorer, kontorbedrifter,
kontorene, offices), gyms (treningssentre, treningssentrene, gyms, fitness centers), hotels
(hoteller, hotellene, hotela), restaurants (restauranter, restaurantene, restauranger),
cleaning companies (rengjøringsbyråer, renholdsbyråene, vaskebyråa, cleaning companies),
municipal buildings (kommunale bygg, de kommunale byggene, formålsbygg) and clinics
(legekontor, tannklinikker, klinikkene, clinics). Its writers, each case tagged in the comment
above it: ``sor`` (Sørlandsk dialect from Kristiansand: "æ", "ikkje", "dokker", "nåkk",
"bestillingsskjema" with soft consonants "besdillingsskjema", "gje"), ``pl`` (a Polish-born
worker's Norwegian: wrong gender, missing articles), ``da`` (a Danish-speaking manager: "hver
mandag", "påmindelse", "kunder der ikke har bestilt", "kl. 9", "eftermiddag", "børnehaver"),
``us`` (American English: "every other Tuesday", "9am sharp", "the schools"), ``voice``
(dictated without punctuation, numbers as words: "klokka ni", "halv tre på ettermiddagen",
"kvart på fire"), ``ung`` (a young employee with emoji and slang), ``kom`` (a municipal
buyer's long bureaucratic Norwegian), ``list`` (bullet lists and CSV-like pastes), ``mix``
(Norwegian and English in one sentence), ``nn`` (Nynorsk: "kvar", "måndag", "tysdag", "veke",
"ikkje", "dei", "påminning", "stadfesting", "tinga") and ``caps`` (ALL CAPS). Categories, as
v17's: ``basic``, ``chains``, ``multi_day``, ``conditions``, ``calendar``, ``events``,
``delays``, ``templates_by_meaning``, ``new_templates``, ``must_ask``. The conversations
(``HELD_OUT_V18_CONVERSATIONS``) are ``answers`` or ``edits``; their ``expected`` is the draft
after the follow-up.

Webhooks named in texts: ``dispenseralarm`` (a customer's dispenser sensor or the customer's
app reports an empty soap or paper dispenser; its data names that customer, so "kunden" is the
event's customer) and ``lagervarsel`` (the warehouse system reports that a product runs low; it
is about no customer, so "send it to the customer" after it is a question).

``expected`` is ``"question"`` or the key facts the text clearly determines; the conventions
are v17's, restated briefly: weekly single sends and chains give ``triggers`` equal to each
step's day and time, none for daily, monthly, several-day or calendar-kind schedules (a weekly
send with a holiday policy lists no triggers either); event steps "med en gang" / "straks" /
"right away" / "med det samme" have trigger ``None``, "N minutter / timer / dager etter" a
``delay_minutes`` relative to the step before (a scheduled chain's "to timer etter" too);
telling a staff group gives only the event and ``staff_group``; later chain steps go to the
first step's audience with ``orders_missing`` since ``execution_start``; "standardordre" /
"vanlig ordre" / "usual order" / "fast ordre" is ``create_order`` ``repeat_last``; a reminder
without a time is at 15:00 (where the time is vague, "fredag eftermiddag", no trigger is
listed); windows "siden mandag" ``last_monday``, "siden tirsdag" ``last_tuesday``, "last 10
days" 10, "to uker" 14, "siste 30 dager" 30; a single reminder without a stated window lists
no condition; "hver hverdag" / "alle hverdage" / "every weekday" ``weekdays_only``, "hver
virkedag" / "every business day" ``business_days_only``; "siste dag i måneden"
``day_of_month`` ``"last"``, "siste virkedag" ``business_day`` -1, "første virkedag" 1;
``every_weeks`` anchored on the date given (a named day such as "Kristi himmelfartsdag" or
"17. mai", or "dagen etter" one, is resolved against today), otherwise on the next such weekday
after today (today is a Monday, so no unanchored case uses Monday); holiday policy only where
the text says what happens on a public holiday ("rød dag" / "raude dagar" /
"helligdag" / "holiday"): "hopp over" / "skip" / "drop it" ``skip``, "neste virkedag" / "dagen
etter" ``next_business_day``, "dagen før" / "virkedagen før" ``previous_business_day``.
"Halv tre på ettermiddagen" is 14:30, "kvart på fire om ettermiddagen" 15:45, "klokka ni"
09:00, "kl. 9" / "9am sharp" 09:00, "kvart over åtte" 08:15.

What the format cannot express is a question: stock thresholds ("når vi har under 200 kartonger
igjen"), amounts bought ("kunder som har kjøpt mer enn 100 pakker"), what a customer bought
("de som kjøper desinfeksjon"), places that are not groups ("bare kundene i Vennesla"), a
count of dispensers or alarms, weather, the start of school holidays or a season not given as
a date, every 12th week (``every_weeks`` is 1..8), "every second working day", other channels
(SMS, Teams), webshop logins, a named single customer by name, two contradictory times, a
choice left open ("9 eller 10, velg selv"), events that do not exist (a customer paying),
delivery truck arrival times; and so are out-of-scope requests (ordering from a supplier,
pausing every workflow), a request with no "when" at all, a shopping note ("kjøp dopapir"),
and a request whose group could be several ("de offentlige kundene": schools, kindergartens or
municipal buildings; "bedriftskundene": offices, gyms, hotels, restaurants or cleaning
companies; "de private kundene"), or that says nothing to do ("gjør noe kult med tilbudene").
Things that look hard but are answerable are not questions:
"hver sjette uke" (``every_weeks`` 6), anchors on Kristi himmelfartsdag or 2. pinsedag,
"ikkje på raude dagar", a send plus a staff notice on one event.

Group slugs: skoler / skolene / the schools ``skole``; barnehager / barnehagene / barnehagan /
børnehaverne / kindergartens ``barnehage``; kontorbedrifter / kontorene / kontoran / offices
``kontor``; treningssentre / treningssentrene / gyms ``trening``; hoteller / hotellene /
hotela / hotels ``hotell``; restauranter / restaurantene / restaurants ``restaurant``;
rengjøringsbyråer / renholdsbyråene / vaskebyråa / cleaning companies ``renhold``; kommunale
bygg / de kommunale byggene / municipal buildings ``kommune``; legekontor / tannklinikker /
klinikkene / clinics ``klinikk``.

Templates by meaning: bestillingsskjema / skjemaet / ukebestillingen / order form
``bestilling``; påminnelse / påmindelse / påminning / purring / reminder ``reminder``;
ordrebekreftelse / ordrekvittering / "kvittering på ordren" / stadfesting / confirmation
``confirmation``; tilbudsmailen / ukens kampanje / "ukas tilbud" / deals email ``tilbud``;
nyhetsbrev / Renholdsnytt / newsletter ``newsletter``; påfyllingsmailen / "beskjed om at vi
fyller på" / refill notice ``pafyll``; velkomstmail / welcome email ``velkomst``; "mailen om
ubetalte regninger" / fakturapurring / overdue invoice ``faktura``; sommerbestillingen /
ferieforsyningen / "fyll lageret før ferien" ``sesong``; kjøreplanen / "når varebilen kommer" /
delivery schedule ``levering``; HMS-datablad / sikkerhetsdatablad / safety data sheets
``hms``. An invitation to a product demo, a customer survey, instructions for new dispensers,
a price adjustment notice, an open day at the warehouse, a ten-year thank-you and a note about
returning empty canisters are ``"new"``.

Today is Monday 3 May 2032 (ISO week 19): the next Tuesday is 2032-05-04, Wednesday
2032-05-05, Thursday 2032-05-06 (Kristi himmelfartsdag), Friday 2032-05-07; Sunday 2032-05-16
is 1. pinsedag, Monday 2032-05-17 is 17. mai and 2. pinsedag (ISO week 21), Tuesday 2032-05-18
the day after.
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

# Monday 3 May 2032 (ISO week 19); Thursday is Kristi himmelfartsdag.
HELD_OUT_V18_TODAY = dt.date(2032, 5, 3)

HELD_OUT_V18_TEMPLATES: list[TemplateInfo] = [
    {
        "id": 1801,
        "name": "Ukebestilling renhold",
        "category": "bestilling",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Bestill tørkepapir, såpe og rengjøringsmidler for neste uke",
    },
    {
        "id": 1802,
        "name": "Vi savner bestillingen din",
        "category": "reminder",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Har du glemt å bestille denne uka?",
    },
    {
        "id": 1803,
        "name": "Ordrekvittering",
        "category": "confirmation",
        "variables": ["kunde_navn", "ordre_nummer", "leveringsdato"],
        "subject": "Vi har mottatt ordren din",
    },
    {
        "id": 1804,
        "name": "Ukens kampanje",
        "category": "tilbud",
        "variables": ["kunde_navn", "tilbud_liste", "bestilling_link"],
        "subject": "Denne uka: rabatt på hansker og tørkepapir",
    },
    {
        "id": 1805,
        "name": "Renholdsnytt",
        "category": "newsletter",
        "variables": ["kunde_navn", "maaned"],
        "subject": "Nytt fra Sørlandet Renhold Engros",
    },
    {
        "id": 1806,
        "name": "Påfyll av dispensere",
        "category": "pafyll",
        "variables": ["kunde_navn", "dispenser", "leveringsdato"],
        "subject": "Tomt i dispenseren? Vi kommer med påfyll",
    },
    {
        "id": 1807,
        "name": "Velkommen som kunde",
        "category": "velkomst",
        "variables": ["kunde_navn", "kontaktperson", "nettbutikk_link"],
        "subject": "Velkommen til Sørlandet Renhold Engros",
    },
    {
        "id": 1808,
        "name": "Forfalt faktura",
        "category": "faktura",
        "variables": ["kunde_navn", "faktura_nummer", "belop", "forfallsdato"],
        "subject": "Påminnelse om ubetalt regning",
    },
    {
        "id": 1809,
        "name": "Sommerlager",
        "category": "sesong",
        "variables": ["kunde_navn", "frist", "bestilling_link"],
        "subject": "Fyll lageret før fellesferien",
    },
    {
        "id": 1810,
        "name": "Kjøreplan",
        "category": "levering",
        "variables": ["kunde_navn", "rute", "leveringsdag"],
        "subject": "Når kommer varebilen? Ukens leveringsdager",
    },
    {
        "id": 1811,
        "name": "Sikkerhetsdatablad",
        "category": "hms",
        "variables": ["kunde_navn", "produkt", "datablad_link"],
        "subject": "HMS-datablad for rengjøringsmidler og desinfeksjon",
    },
]

HELD_OUT_V18_GROUPS: list[GroupInfo] = [
    {"slug": "skole", "name": "Skoler", "size": 34},
    {"slug": "barnehage", "name": "Barnehager", "size": 41},
    {"slug": "kontor", "name": "Kontorbedrifter", "size": 57},
    {"slug": "trening", "name": "Treningssentre", "size": 12},
    {"slug": "hotell", "name": "Hoteller", "size": 15},
    {"slug": "restaurant", "name": "Restauranter", "size": 28},
    {"slug": "renhold", "name": "Rengjøringsbyråer", "size": 9},
    {"slug": "kommune", "name": "Kommunale bygg", "size": 23},
    {"slug": "klinikk", "name": "Legekontor og tannklinikker", "size": 19},
]

HELD_OUT_V18_STAFF_GROUPS = ["lager", "salg", "sjåfører", "kundeservice", "innkjøp"]


def held_out_v18_context() -> ParseContext:
    """Sørlandet Renhold's templates, groups and staff groups, on ``HELD_OUT_V18_TODAY``."""
    return facts.business_context(
        HELD_OUT_V18_TEMPLATES, HELD_OUT_V18_GROUPS, HELD_OUT_V18_STAFF_GROUPS, HELD_OUT_V18_TODAY
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

# The next Tuesday ... Friday after today, and the holidays of May 2032.
NEXT_TUE, NEXT_WED, ASCENSION, NEXT_FRI = "2032-05-04", "2032-05-05", "2032-05-06", "2032-05-07"
MAY_17, MAY_18 = "2032-05-17", "2032-05-18"


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


def _weekly_chain(
    templates: list[str | None], triggers: list[dict[str, Any]], recipients: dict[str, Any]
) -> dict[str, Any]:
    """A weekly chain whose schedule is its first step's day and time."""
    first = triggers[0]
    assert first is not None
    return _weekly(first["day"], first["time"], **_chain(templates, triggers, recipients))


def _report(emails: list[str], report: str | None = None) -> dict[str, Any]:
    """One report step sent to ``emails`` (``report`` where the text names what it reports)."""
    out: dict[str, Any] = {"steps": [REPORT], "send_to": emails}
    if report is not None:
        out["report"] = report
    return out


def _event_sends(
    kind: str, templates: list[str], triggers: list[dict[str, Any] | None], **more: Any
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


def _dispenser(templates: list[str], triggers: list[dict[str, Any] | None]) -> dict[str, Any]:
    """Sends to the customer the ``dispenseralarm`` webhook names."""
    return _event_sends("webhook", templates, triggers, event_name="dispenseralarm")


def _staff(kind: str, staff_group: str, **more: Any) -> dict[str, Any]:
    """Telling a staff group about an event: only the event and the staff group."""
    return _event(kind, staff_group=staff_group, **more)


def _cal(kind: Any, time: str, template: str, recipients: dict[str, Any], **cfg: Any) -> Any:
    """A calendar-kind schedule (no ``triggers``): weekly on ``kind`` (a day) or monthly."""
    if kind == "monthly":
        return _monthly(time, **cfg, **_one(template, recipients))
    return _weekly(kind, time, **cfg, **_one(template, recipients))


# --- The cases ---------------------------------------------------------------------------------

HELD_OUT_V18: list[Case] = [
    # --- basic ---------------------------------------------------------------------------------
    # sor
    Case(
        "Æ vil at dokker sende besdillingsskjema te alle kundan hver tirsdag klokka 8",
        _wk1(TUE, "08:00", "bestilling", _all()),
        category="basic",
    ),
    # pl
    Case(
        "Hver onsdag kl 10 sende bestillingsskjema til barnehager, alle sammen",
        _wk1(WED, "10:00", "bestilling", _g("barnehage")),
        category="basic",
    ),
    # da
    Case(
        "Hver fredag kl. 9 skal bestillingsskemaet sendes til alle kunder",
        _wk1(FRI, "09:00", "bestilling", _all()),
        category="basic",
    ),
    # us
    Case(
        "Send the order form to the schools every Wednesday at 9am sharp",
        _wk1(WED, "09:00", "bestilling", _g("skole")),
        category="basic",
    ),
    # voice
    Case(
        "hver torsdag klokka ni send bestillingsskjemaet til treningssentrene",
        _wk1(THU, "09:00", "bestilling", _g("trening")),
        category="basic",
    ),
    # ung
    Case(
        "yo kan du fikse at skjemaet går ut til kontorene hver mandag kl 7 🙏🔥",
        _wk1(MON, "07:00", "bestilling", _g("kontor")),
        category="basic",
    ),
    # kom
    Case(
        "Undertegnede ber herved om at bestillingsskjema for renholdsartikler oversendes "
        "samtlige kommunale bygg hver tirsdag kl. 12.00, jf. gjeldende rammeavtale.",
        _wk1(TUE, "12:00", "bestilling", _g("kommune")),
        category="basic",
    ),
    # list
    Case(
        "- hva: bestillingsskjema\n- til: hotellene\n- når: hver fredag kl 11",
        _wk1(FRI, "11:00", "bestilling", _g("hotell")),
        category="basic",
    ),
    # mix
    Case(
        "Kan du sende order form til restaurantene every Thursday kl 14?",
        _wk1(THU, "14:00", "bestilling", _g("restaurant")),
        category="basic",
    ),
    # nn
    Case(
        "Send bestillingsskjemaet til klinikkane kvar måndag klokka 9",
        _wk1(MON, "09:00", "bestilling", _g("klinikk")),
        category="basic",
    ),
    # caps
    Case(
        "SEND BESTILLINGSSKJEMA TIL RENGJØRINGSBYRÅENE HVER ONSDAG KL 13!!!",
        _wk1(WED, "13:00", "bestilling", _g("renhold")),
        category="basic",
    ),
    # voice
    Case(
        "hver dag klokka sju om morgenen send ukens kampanje til restaurantene",
        _daily("07:00", **_one("tilbud", _g("restaurant"))),
        category="basic",
    ),
    # us
    Case(
        "Every weekday at 6:30am send the deals email to the gyms",
        _daily("06:30", weekdays_only=True, **_one("tilbud", _g("trening"))),
        category="basic",
    ),
    # da
    Case(
        "Alle hverdage kl. 8 skal der sendes kampagnemail til kontorerne",
        _daily("08:00", weekdays_only=True, **_one("tilbud", _g("kontor"))),
        category="basic",
    ),
    # --- chains --------------------------------------------------------------------------------
    # sor
    Case(
        "Skjema te skolan mandag klokka 9, og torsdag klokka 14 ei purring te dem som ikkje har "
        "bestilt nåkk",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(MON, "09:00"), _at(THU, "14:00")], _g("skole")
        ),
        category="chains",
    ),
    # pl
    Case(
        "Mandag kl 8 skjema til alle kunder, onsdag kl 12 påminnelse hvis kunde ikke bestilt, "
        "fredag kl 10 lage vanlig ordre for kunde som fortsatt ikke bestilt",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(MON, "08:00"), _at(WED, "12:00"), _at(FRI, "10:00")],
            _all(),
        ),
        category="chains",
    ),
    # da
    Case(
        "Send bestillingsskema hver mandag kl. 9 og en påmindelse fredag eftermiddag til "
        "kunder der ikke har bestilt",
        _weekly(MON, "09:00", **_chain(["bestilling", "reminder"], None, _all())),
        category="chains",
    ),
    # us
    Case(
        "Tuesday 8am order form to the kindergartens, Thursday 1pm reminder to the ones that "
        "haven't ordered, and Friday 9am place their usual order if they still haven't",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(TUE, "08:00"), _at(THU, "13:00"), _at(FRI, "09:00")],
            _g("barnehage"),
        ),
        category="chains",
    ),
    # voice
    Case(
        "mandag klokka åtte skjema til hotellene onsdag halv tre på ettermiddagen påminnelse til "
        "de som ikke har bestilt",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(MON, "08:00"), _at(WED, "14:30")], _g("hotell")
        ),
        category="chains",
    ),
    # ung
    Case(
        "skjema til gymmene tirsdag kl 9 👉 purring torsdag kl 15 til de som ikke har bestilt "
        "lol 😅",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(TUE, "09:00"), _at(THU, "15:00")], _g("trening")
        ),
        category="chains",
    ),
    # kom
    Case(
        "Det anmodes om at bestillingsskjema sendes de kommunale byggene mandag kl. 10.00, og at "
        "det onsdag kl. 10.00 sendes påminnelse til de enheter som ikke har registrert bestilling, "
        "samt at fast ordre legges inn torsdag kl. 10.00 for enheter som fremdeles ikke har "
        "bestilt.",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(MON, "10:00"), _at(WED, "10:00"), _at(THU, "10:00")],
            _g("kommune"),
        ),
        category="chains",
    ),
    # list
    Case(
        "dag;tid;hva;til\nmandag;09:00;bestillingsskjema;alle\ntorsdag;15:00;påminnelse;de som "
        "ikke har bestilt",
        _weekly_chain(["bestilling", "reminder"], [_at(MON, "09:00"), _at(THU, "15:00")], _all()),
        category="chains",
    ),
    # mix
    Case(
        "Send skjema til restaurantene tuesday kl 10, then reminder wednesday kl 16 til de som "
        "ikke har ordered, og usual order thursday kl 9",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(TUE, "10:00"), _at(WED, "16:00"), _at(THU, "09:00")],
            _g("restaurant"),
        ),
        category="chains",
    ),
    # nn
    Case(
        "Send bestillingsskjema til barnehagane måndag klokka 8, og ei påminning onsdag klokka 12 "
        "til dei som ikkje har tinga, så ei til fredag klokka 8, og til slutt vanleg ordre "
        "fredag klokka 13",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": [MON],
            "time": "08:00",
            **_chain(
                ["bestilling", "reminder", "reminder", None],
                [_at(MON, "08:00"), _at(WED, "12:00"), _at(FRI, "08:00"), _at(FRI, "13:00")],
                _g("barnehage"),
            ),
        },
        category="chains",
    ),
    # caps
    Case(
        "MANDAG KL 9 SKJEMA TIL ALLE, FREDAG KL 12 PURRING TIL DE SOM IKKE HAR BESTILT",
        _weekly_chain(["bestilling", "reminder"], [_at(MON, "09:00"), _at(FRI, "12:00")], _all()),
        category="chains",
    ),
    # sor
    Case(
        "Send kjøreplanen te kontoran tirsdag klokka 7 og ukens kampanje onsdag klokka 7",
        _weekly(
            TUE,
            "07:00",
            steps=[SEND, SEND],
            templates=["levering", "tilbud"],
            recipients=[_g("kontor"), _g("kontor")],
            triggers=[_at(TUE, "07:00"), _at(WED, "07:00")],
        ),
        category="chains",
    ),
    # voice
    Case(
        "hver fredag kvart på fire om ettermiddagen send påminnelse til kontorene som ikke har "
        "bestilt siden mandag",
        _wk1(FRI, "15:45", "reminder", _g("kontor"), conditions=[_missing(since="last_monday")]),
        category="conditions",
    ),
    # --- multi_day -----------------------------------------------------------------------------
    # sor
    Case(
        "Hver mandag og torsdag klokka 8 ska tilbudsmailen gå te restaurantan",
        _days([MON, THU], "08:00", **_one("tilbud", _g("restaurant"))),
        category="multi_day",
    ),
    # pl
    Case(
        "Tirsdag og fredag kl 7 sende kjøreplan til skoler",
        _days([TUE, FRI], "07:00", **_one("levering", _g("skole"))),
        category="multi_day",
    ),
    # da
    Case(
        "Send kørelisten om hvornår varebilen kommer til hotellerne mandag, onsdag og fredag kl. 6",
        _days([MON, WED, FRI], "06:00", **_one("levering", _g("hotell"))),
        category="multi_day",
    ),
    # us
    Case(
        "Mondays and Wednesdays at 10am send the order form to the clinics",
        _days([MON, WED], "10:00", **_one("bestilling", _g("klinikk"))),
        category="multi_day",
    ),
    # voice
    Case(
        "tirsdag og torsdag kvart over åtte send bestillingsskjema til rengjøringsbyråene",
        _days([TUE, THU], "08:15", **_one("bestilling", _g("renhold"))),
        category="multi_day",
    ),
    # nn
    Case(
        "Kvar tysdag og fredag klokka 10 skal kampanjen sendast til treningssentera",
        _days([TUE, FRI], "10:00", **_one("tilbud", _g("trening"))),
        category="multi_day",
    ),
    # caps
    Case(
        "ONSDAG OG FREDAG KL 11 UKENS KAMPANJE TIL ALLE KUNDER",
        _days([WED, FRI], "11:00", **_one("tilbud", _all())),
        category="multi_day",
    ),
    # mix
    Case(
        "Send skjemaet til barnehagene on Mondays and Thursdays kl 8",
        _days([MON, THU], "08:00", **_one("bestilling", _g("barnehage"))),
        category="multi_day",
    ),
    # --- conditions ----------------------------------------------------------------------------
    # sor
    Case(
        "Hver fredag klokka 11 purring te alle som ikkje har bestilt siden mandag",
        _wk1(FRI, "11:00", "reminder", _all(), conditions=[_missing(since="last_monday")]),
        category="conditions",
    ),
    # pl
    Case(
        "Hver torsdag kl 13 påminnelse til kontorer som ikke bestilt siden tirsdag",
        _wk1(THU, "13:00", "reminder", _g("kontor"), conditions=[_missing(since="last_tuesday")]),
        category="conditions",
    ),
    # da
    Case(
        "Hver onsdag kl. 10 påmindelse til kunder der ikke har bestilt de sidste 14 dage",
        _wk1(WED, "10:00", "reminder", _all(), conditions=[_missing(days_back=14)]),
        category="conditions",
    ),
    # us
    Case(
        "Every day at 11am remind the schools that haven't ordered in the last 10 days",
        _daily("11:00", conditions=[_missing(days_back=10)], **_one("reminder", _g("skole"))),
        category="conditions",
    ),
    # voice
    Case(
        "hver tirsdag klokka ti send påminnelse til barnehagene som ikke har bestilt på to uker",
        _wk1(TUE, "10:00", "reminder", _g("barnehage"), conditions=[_missing(days_back=14)]),
        category="conditions",
    ),
    # kom
    Case(
        "Det bes om at det hver fredag kl. 09.00 sendes melding om ukens kampanje til de "
        "kunder som har bestilt i løpet av de siste 30 dager.",
        _wk1(FRI, "09:00", "tilbud", _all(), conditions=[_ordered(days_back=30)]),
        category="conditions",
    ),
    # nn
    Case(
        "Send påminning kvar fredag klokka 12 til hotella som ikkje har tinga sidan måndag",
        _wk1(FRI, "12:00", "reminder", _g("hotell"), conditions=[_missing(since="last_monday")]),
        category="conditions",
    ),
    # ung
    Case(
        "purring torsdag kl 10 til alle som ikke har bestilt siste 7 dager, ty 🙌",
        _wk1(THU, "10:00", "reminder", _all(), conditions=[_missing(days_back=7)]),
        category="conditions",
    ),
    # caps
    Case(
        "HVER ONSDAG KL 15 PÅMINNELSE TIL RESTAURANTENE. INGEN BETINGELSE, BARE SEND DEN.",
        _wk1(WED, "15:00", "reminder", _g("restaurant")),
        category="conditions",
    ),
    # mix
    Case(
        "Every Friday kl 14 send tilbudsmailen to alle kunder som har bestilt the last 7 days",
        _wk1(FRI, "14:00", "tilbud", _all(), conditions=[_ordered(days_back=7)]),
        category="conditions",
    ),
    # --- calendar ------------------------------------------------------------------------------
    # sor
    Case(
        "Annenhver torsdag klokka 10 send kjøreplanen te skolan, fyrste gang på Kristi "
        "himmelfartsdag, men hopp over rø dager",
        _cal(
            THU,
            "10:00",
            "levering",
            _g("skole"),
            every_weeks=2,
            anchor=ASCENSION,
            holiday_policy="skip",
        ),
        category="calendar",
    ),
    # us
    Case(
        "Every other Tuesday at 9am sharp send the order form to the schools",
        _cal(TUE, "09:00", "bestilling", _g("skole"), every_weeks=2, anchor=NEXT_TUE),
        category="calendar",
    ),
    # da
    Case(
        "Hver mandag kl. 9 bestillingsskema til alle kunder. Er det helligdag, så send det "
        "dagen efter i stedet",
        _cal(MON, "09:00", "bestilling", _all(), holiday_policy="next_business_day"),
        category="calendar",
    ),
    # kom
    Case(
        "Det bes om at bestillingsskjema sendes kommunale bygg første mandag i hver måned kl. "
        "08.00.",
        _cal("monthly", "08:00", "bestilling", _g("kommune"), weekday=MON, nth=1),
        category="calendar",
    ),
    # voice
    Case(
        "siste virkedag i måneden klokka fjorten send rapport om hvem som ikke har bestilt til "
        "salg@sorlandetrenhold.no",
        _monthly(
            "14:00", business_day=-1, **_report(["salg@sorlandetrenhold.no"], "orders_missing")
        ),
        category="calendar",
    ),
    # nn
    Case(
        "Kvar virkedag klokka 7 skal dagens kampanje sendast til restaurantane",
        _daily("07:00", business_days_only=True, **_one("tilbud", _g("restaurant"))),
        category="calendar",
    ),
    # pl
    Case(
        "Hver torsdag kl 14 påminnelse til alle kunder, men hvis rød dag så send dagen før",
        _cal(THU, "14:00", "reminder", _all(), holiday_policy="previous_business_day"),
        category="calendar",
    ),
    # mix
    Case(
        "Send bestillingsskjema every other Monday kl 9 til barnehagene, starting 17. mai, and "
        "skip holidays",
        _cal(
            MON,
            "09:00",
            "bestilling",
            _g("barnehage"),
            every_weeks=2,
            anchor=MAY_17,
            holiday_policy="skip",
        ),
        category="calendar",
    ),
    # sor
    Case(
        "Hver sjette uke på onsdag klokka 9 ska sikkerhetsdatabladene gå te renholdsbyråan",
        _cal(WED, "09:00", "hms", _g("renhold"), every_weeks=6, anchor=NEXT_WED),
        category="calendar",
    ),
    # list
    Case(
        "Oppsett:\n* første virkedag i måneden\n* kl 08:30\n* nyhetsbrev til alle kunder",
        _cal("monthly", "08:30", "newsletter", _all(), business_day=1),
        category="calendar",
    ),
    # ung
    Case(
        "tilbudsmail til kontorene i partallsuker på tirsdag kl 10 🤙",
        _cal(TUE, "10:00", "tilbud", _g("kontor"), iso_weeks="even"),
        category="calendar",
    ),
    # da
    Case(
        "Hver anden fredag kl. 12 nyhedsbrev til alle kunder, første gang fredag efter Kristi "
        "himmelfartsdag",
        _cal(FRI, "12:00", "newsletter", _all(), every_weeks=2, anchor=NEXT_FRI),
        category="calendar",
    ),
    # us
    Case(
        "On the last day of every month at 4pm send the monthly report to ops@sorlandetrenhold.no",
        _monthly("16:00", day_of_month="last", **_report(["ops@sorlandetrenhold.no"])),
        category="calendar",
    ),
    # caps
    Case(
        "ANNENHVER TIRSDAG KL 8 SKJEMA TIL KLINIKKENE, FØRSTE GANG DAGEN ETTER 17. MAI",
        _cal(TUE, "08:00", "bestilling", _g("klinikk"), every_weeks=2, anchor=MAY_18),
        category="calendar",
    ),
    # voice
    Case(
        "siste fredag i hver måned klokka ti send nyhetsbrevet til alle kundene",
        _cal("monthly", "10:00", "newsletter", _all(), weekday=FRI, nth=-1),
        category="calendar",
    ),
    # kom
    Case(
        "Bestillingsskjema ønskes oversendt skolene i oddetallsuker, onsdager kl. 09.00. "
        "Dersom dagen er en helligdag, skal utsendelsen skje neste virkedag.",
        _cal(
            WED,
            "09:00",
            "bestilling",
            _g("skole"),
            iso_weeks="odd",
            holiday_policy="next_business_day",
        ),
        category="calendar",
    ),
    # --- events --------------------------------------------------------------------------------
    # sor
    Case(
        "Når en kunde legger inn ordre, send ordrekvitteringen te kunden med en gang",
        _event_sends("order.created", ["confirmation"], [None]),
        category="events",
    ),
    # pl
    Case(
        "Når ny kunde registrert, send velkomstmail til kunde straks",
        _event_sends("customer.created", ["velkomst"], [None]),
        category="events",
    ),
    # us
    Case(
        "When the dispenseralarm webhook fires, send the refill notice to that customer right away",
        _dispenser(["pafyll"], [None]),
        category="events",
    ),
    # da
    Case(
        "Når dispenseralarm kommer ind, skal kunden straks have besked om at vi fylder på",
        _dispenser(["pafyll"], [None]),
        category="events",
    ),
    # nn
    Case(
        "Når lagervarsel kjem inn, sei ifrå til innkjøp",
        _staff("webhook", "innkjøp", event_name="lagervarsel"),
        category="events",
    ),
    # caps
    Case(
        "NÅR DET KOMMER LAGERVARSEL: GI BESKJED TIL LAGER MED EN GANG",
        _staff("webhook", "lager", event_name="lagervarsel"),
        category="events",
    ),
    # mix
    Case(
        "When a kunde places an order, send bekreftelse right away",
        _event_sends("order.created", ["confirmation"], [None]),
        category="events",
    ),
    # ung
    Case(
        "når dispenseralarm tikker inn -> si fra til sjåførene asap 🚐💨",
        _staff("webhook", "sjåfører", event_name="dispenseralarm"),
        category="events",
    ),
    # kom
    Case(
        "Ved registrering av ny kunde skal kundeservice varsles umiddelbart.",
        _staff("customer.created", "kundeservice"),
        category="events",
    ),
    # sor
    Case(
        "Når det kommer dispenseralarm, send påfyllingsmailen te kunden med det samme",
        _dispenser(["pafyll"], [None]),
        category="events",
    ),
    # --- delays --------------------------------------------------------------------------------
    # pl
    Case(
        "Når kunde legger inn ordre, sende ordrebekreftelse med en gang, og 3 dager etter sende "
        "ukens kampanje til samme kunde",
        _event_sends("order.created", ["confirmation", "tilbud"], [None, _delay(3 * DAY)]),
        category="delays",
    ),
    # us
    Case(
        "When a new customer signs up, send the welcome email 2 hours later",
        _event_sends("customer.created", ["velkomst"], [_delay(2 * HOUR)]),
        category="delays",
    ),
    # da
    Case(
        "Når dispenseralarm kommer, send påfyldningsbeskeden til kunden 30 minutter efter",
        _dispenser(["pafyll"], [_delay(30)]),
        category="delays",
    ),
    # voice
    Case(
        "når en ny kunde blir registrert send velkomstmailen med en gang og sikkerhetsdatabladene "
        "to dager etter",
        _event_sends("customer.created", ["velkomst", "hms"], [None, _delay(2 * DAY)]),
        category="delays",
    ),
    # nn
    Case(
        "Send bestillingsskjema til alle kundane måndag klokka 9, og påminning tre timar etter "
        "til dei som ikkje har tinga",
        _weekly(
            MON,
            "09:00",
            **_chain(["bestilling", "reminder"], [_at(MON, "09:00"), _delay(3 * HOUR)], _all()),
        ),
        category="delays",
    ),
    # mix
    Case(
        "When dispenseralarm kommer inn, send refill-mailen til kunden right away og "
        "tilbudsmailen 1 dag after",
        _dispenser(["pafyll", "tilbud"], [None, _delay(DAY)]),
        category="delays",
    ),
    # sor
    Case(
        "Når en kunde bestille nåkk, send kvitteringen te kunden 15 minutta etter",
        _event_sends("order.created", ["confirmation"], [_delay(15)]),
        category="delays",
    ),
    # caps
    Case(
        "NY KUNDE -> VELKOMSTMAIL MED EN GANG, KJØREPLAN 24 TIMER ETTER",
        _event_sends("customer.created", ["velkomst", "levering"], [None, _delay(DAY)]),
        category="delays",
    ),
    # --- templates_by_meaning ------------------------------------------------------------------
    # sor
    Case(
        "Send tilbudsmailen te alle kundan hver tirsdag klokka 10",
        _wk1(TUE, "10:00", "tilbud", _all()),
        category="templates_by_meaning",
    ),
    # pl
    Case(
        "Hver fredag kl 9 sende mail om ubetalte regninger til alle kunder",
        _wk1(FRI, "09:00", "faktura", _all()),
        category="templates_by_meaning",
    ),
    # us
    Case(
        "Every Thursday at 7am send the delivery schedule to the restaurants",
        _wk1(THU, "07:00", "levering", _g("restaurant")),
        category="templates_by_meaning",
    ),
    # da
    Case(
        "Send sikkerhedsdatabladene til rengøringsbureauerne hver onsdag kl. 10",
        _wk1(WED, "10:00", "hms", _g("renhold")),
        category="templates_by_meaning",
    ),
    # voice
    Case(
        "hver tirsdag klokka ni send mailen om sommerbestillingen til barnehagene",
        _wk1(TUE, "09:00", "sesong", _g("barnehage")),
        category="templates_by_meaning",
    ),
    # ung
    Case(
        "kan vi sende Renholdsnytt til alle den 5. hver måned kl 12? 📰",
        _monthly("12:00", day_of_month=5, **_one("newsletter", _all())),
        category="templates_by_meaning",
    ),
    # kom
    Case(
        "Det bes om at informasjon om når varebilen kommer oversendes de kommunale byggene "
        "hver fredag kl. 14.00.",
        _wk1(FRI, "14:00", "levering", _g("kommune")),
        category="templates_by_meaning",
    ),
    # nn
    Case(
        "Send HMS-databladet til klinikkane kvar onsdag klokka 8",
        _wk1(WED, "08:00", "hms", _g("klinikk")),
        category="templates_by_meaning",
    ),
    # mix
    Case(
        "Send ferieforsyning-mailen to all the hotels hver torsdag kl 11",
        _wk1(THU, "11:00", "sesong", _g("hotell")),
        category="templates_by_meaning",
    ),
    # caps
    Case(
        "FAKTURAPURRING TIL ALLE KUNDER HVER MANDAG KL 10",
        _wk1(MON, "10:00", "faktura", _all()),
        category="templates_by_meaning",
    ),
    # list
    Case(
        "mal: beskjed om at vi fyller på dispenserne\nmottakere: treningssentrene\ntid: hver "
        "onsdag kl 07:30",
        _wk1(WED, "07:30", "pafyll", _g("trening")),
        category="templates_by_meaning",
    ),
    # --- new_templates -------------------------------------------------------------------------
    # sor
    Case(
        "Send ei invitasjon te produktdemo av de nye moppan te renholdsbyråan hver torsdag "
        "klokka 10",
        _wk1(THU, "10:00", "new", _g("renhold")),
        category="new_templates",
    ),
    # us
    Case(
        "Every Friday at 2pm send a customer satisfaction survey to the offices",
        _wk1(FRI, "14:00", "new", _g("kontor")),
        category="new_templates",
    ),
    # da
    Case(
        "Send en brugsanvisning til de nye sæbedispensere til alle kunder hver tirsdag kl. 9",
        _wk1(TUE, "09:00", "new", _all()),
        category="new_templates",
    ),
    # kom
    Case(
        "Det bes om at varsel om prisjustering oversendes samtlige kunder den 1. i hver måned "
        "kl. 09.00.",
        _monthly("09:00", day_of_month=1, **_one("new", _all())),
        category="new_templates",
    ),
    # nn
    Case(
        "Send ei invitasjon til open dag på lageret til skulane kvar onsdag klokka 12",
        _wk1(WED, "12:00", "new", _g("skole")),
        category="new_templates",
    ),
    # ung
    Case(
        "send en takk-for-10-år-som-kunde hilsen til hotellene fredag kl 15 hver uke 🥳",
        _wk1(FRI, "15:00", "new", _g("hotell")),
        category="new_templates",
    ),
    # mix
    Case(
        "Send a note om retur av tomme kanner til restaurantene every Tuesday kl 13",
        _wk1(TUE, "13:00", "new", _g("restaurant")),
        category="new_templates",
    ),
    # --- must_ask ------------------------------------------------------------------------------
    # sor
    Case(
        "Send sommerbestillingen te skolan når lageret av tørkepapir er under 200 kartonga",
        Q,
        category="must_ask",
    ),
    # us
    Case(
        "Every Monday at 9am send the deals email to customers who bought more than 100 packs "
        "of gloves last month",
        Q,
        category="must_ask",
    ),
    # da
    Case(
        "Send påmindelse til kunderne i Vennesla hver tirsdag kl. 10",
        Q,
        category="must_ask",
    ),
    # pl
    Case(
        "Send SMS til barnehager hver torsdag kl 9 med bestillingsskjema",
        Q,
        category="must_ask",
    ),
    # voice
    Case(
        "send bestillingsskjema annenhver virkedag klokka ni til alle kundene",
        Q,
        category="must_ask",
    ),
    # kom
    Case(
        "Det anmodes om at bestillingsskjema sendes skolene hver tolvte uke, tirsdager kl. 09.00.",
        Q,
        category="must_ask",
    ),
    # ung
    Case(
        "send tilbudsmailen til gymmene når det er meldt regn ☔ da trener folk inne",
        Q,
        category="must_ask",
    ),
    # caps
    Case(
        "SEND SKJEMA TIL ALLE KUNDER MANDAG KL 9 OM MORGENEN KL 15",
        Q,
        category="must_ask",
    ),
    # mix
    Case(
        "Send kampanjen til treningssentrene hver onsdag, either kl 9 or kl 10, velg selv",
        Q,
        category="must_ask",
    ),
    # nn
    Case(
        "Send påminning til dei offentlege kundane kvar torsdag klokka 14",
        Q,
        category="must_ask",
    ),
    # sor
    Case(
        "Send tilbudsmailen te bedriftskundan hver fredag klokka 9",
        Q,
        category="must_ask",
    ),
    # us
    Case(
        "Send the order form to the kindergartens",
        Q,
        category="must_ask",
    ),
    # pl
    Case(
        "Kjøp dopapir og såpe til kontor",
        Q,
        category="must_ask",
    ),
    # da
    Case(
        "Bestil 500 kartoner håndklædeark hos vores leverandør hver mandag kl. 8",
        Q,
        category="must_ask",
    ),
    # kom
    Case(
        "Samtlige automatiske utsendelser bes stanset i perioden for fellesferien.",
        Q,
        category="must_ask",
    ),
    # voice
    Case(
        "send kampanjen om desinfeksjon til alle som kjøper desinfeksjon hver tirsdag klokka ti",
        Q,
        category="must_ask",
    ),
    # ung
    Case(
        "når en kunde betaler fakturaen send en takk med en gang 💸",
        Q,
        category="must_ask",
    ),
    # list
    Case(
        "- hvem: kunder med mer enn 3 dispensere\n- hva: påfyllingsmailen\n- når: hver mandag kl 8",
        Q,
        category="must_ask",
    ),
    # us
    Case(
        "Send the order form to the schools the first Monday after summer break starts",
        Q,
        category="must_ask",
    ),
    # sor
    Case(
        "Når lagervarsel kommer, send beskjed te kunden om at varen e utsolgt",
        Q,
        category="must_ask",
    ),
    # mix
    Case(
        "Send kjøreplanen til restaurantene two hours before varebilen kommer",
        Q,
        category="must_ask",
    ),
    # da
    Case(
        "Send velkomstmail til kunder der ikke har logget ind i webshoppen i 30 dage, hver "
        "fredag kl. 10",
        Q,
        category="must_ask",
    ),
    # nn
    Case(
        "Send bestillingsskjemaet til Lund barnehage kvar måndag klokka 9",
        Q,
        category="must_ask",
    ),
    # caps
    Case(
        "SEND PÅFYLLINGSMAIL TIL KUNDER SOM HAR HATT MER ENN 5 DISPENSERALARMER DENNE MÅNEDEN",
        Q,
        category="must_ask",
    ),
    # kom
    Case(
        "Det bes om at HMS-datablad sendes de private kundene hver mandag kl. 09.00.",
        Q,
        category="must_ask",
    ),
    # pl
    Case(
        "Sende nyhetsbrev til alle kunder på Teams hver fredag kl 12",
        Q,
        category="must_ask",
    ),
    # ung
    Case(
        "gjør noe kult med tilbudene våre 😎",
        Q,
        category="must_ask",
    ),
    # --- must_ask look-alikes that are answerable ----------------------------------------------
    # voice
    Case(
        "hver sjette uke på fredag klokka åtte send sommerbestillingen til alle kundene",
        _cal(FRI, "08:00", "sesong", _all(), every_weeks=6, anchor=NEXT_FRI),
        category="calendar",
    ),
    # nn
    Case(
        "Send bestillingsskjemaet til barnehagane kvar måndag klokka 9, men ikkje på raude dagar",
        _cal(MON, "09:00", "bestilling", _g("barnehage"), holiday_policy="skip"),
        category="calendar",
    ),
    # us
    Case(
        "Every day at 3pm remind every customer who hasn't ordered since Tuesday",
        _daily("15:00", conditions=[_missing(since="last_tuesday")], **_one("reminder", _all())),
        category="conditions",
    ),
    # da
    Case(
        "Når ordre oprettes, send ordrebekræftelse til kunden straks og giv lageret besked",
        {"type": "event_based", "event": "order.created", "staff_group": "lager"},
        category="events",
    ),
]


HELD_OUT_V18_CONVERSATIONS: list[EditCase] = [
    # --- answers -------------------------------------------------------------------------------
    # sor
    EditCase(
        "Send Renholdsnytt te alle kundan hver måned",
        "den 1. klokka 8",
        _monthly("08:00", day_of_month=1, **_one("newsletter", _all())),
        category="answers",
    ),
    # us
    EditCase(
        "Send the deals email to the gyms",
        "every Friday at noon",
        _wk1(FRI, "12:00", "tilbud", _g("trening")),
        category="answers",
    ),
    # nn
    EditCase(
        "Send påminning til dei offentlege kundane kvar torsdag klokka 14",
        "skulane",
        _wk1(THU, "14:00", "reminder", _g("skole")),
        category="answers",
    ),
    # da
    EditCase(
        "Send bestillingsskema til bedriftskunderne hver mandag kl. 9",
        "kontorerne",
        _wk1(MON, "09:00", "bestilling", _g("kontor")),
        category="answers",
    ),
    # pl
    EditCase(
        "Sende kjøreplan til hoteller",
        "hver tirsdag kl 7",
        _wk1(TUE, "07:00", "levering", _g("hotell")),
        category="answers",
    ),
    # voice
    EditCase(
        "send nyhetsbrevet til alle kundene hver måned",
        "siste virkedag klokka tolv",
        _cal("monthly", "12:00", "newsletter", _all(), business_day=-1),
        category="answers",
    ),
    # ung
    EditCase(
        "send tilbudsmailen til restaurantene 🍕",
        "hver onsdag kl 10 ja",
        _wk1(WED, "10:00", "tilbud", _g("restaurant")),
        category="answers",
    ),
    # mix
    EditCase(
        "Send skjemaet til de offentlige kundene every Tuesday kl 8",
        "barnehagene",
        _wk1(TUE, "08:00", "bestilling", _g("barnehage")),
        category="answers",
    ),
    # kom
    EditCase(
        "Sikkerhetsdatablad ønskes oversendt de kommunale byggene.",
        "Ja, hver mandag kl. 10.00.",
        _wk1(MON, "10:00", "hms", _g("kommune")),
        category="answers",
    ),
    # --- edits ---------------------------------------------------------------------------------
    # sor
    EditCase(
        "Skjema te alle mandag klokka 9, purring torsdag klokka 15 te dem som ikkje har bestilt",
        "flytt purringa te fredag klokka 10",
        _weekly_chain(["bestilling", "reminder"], [_at(MON, "09:00"), _at(FRI, "10:00")], _all()),
        category="edits",
    ),
    # da
    EditCase(
        "Bestillingsskema til alle kunder mandag kl. 9 og påmindelse torsdag kl. 15 til kunder "
        "der ikke har bestilt",
        "flyt påmindelsen til onsdag kl. 12",
        _weekly_chain(["bestilling", "reminder"], [_at(MON, "09:00"), _at(WED, "12:00")], _all()),
        category="edits",
    ),
    # us
    EditCase(
        "Tuesday 8am order form to the schools, Thursday 2pm reminder to those who haven't ordered",
        "also add the usual order on Friday at 10am for anyone still missing",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(TUE, "08:00"), _at(THU, "14:00"), _at(FRI, "10:00")],
            _g("skole"),
        ),
        category="edits",
    ),
    # pl
    EditCase(
        "Hver onsdag kl 10 sende bestillingsskjema til barnehager",
        "ikke barnehager, send til alle kunder",
        _wk1(WED, "10:00", "bestilling", _all()),
        category="edits",
    ),
    # nn
    EditCase(
        "Send bestillingsskjema til klinikkane kvar måndag klokka 9",
        "hopp over raude dagar",
        _cal(MON, "09:00", "bestilling", _g("klinikk"), holiday_policy="skip"),
        category="edits",
    ),
    # voice
    EditCase(
        "hver fredag klokka ni send tilbudsmailen til kontorene",
        "endre tiden til kvart over sju",
        _wk1(FRI, "07:15", "tilbud", _g("kontor")),
        category="edits",
    ),
    # caps
    EditCase(
        "HVER TORSDAG KL 9 SKJEMA TIL HOTELLENE",
        "GJØR DET ANNENHVER UKE",
        _cal(THU, "09:00", "bestilling", _g("hotell"), every_weeks=2, anchor=ASCENSION),
        category="edits",
    ),
    # mix
    EditCase(
        "Skjema til restaurantene mandag kl 9, reminder torsdag kl 15 til de som ikke har bestilt",
        "legg til en ekstra reminder on Wednesday kl 12 as well",
        _weekly_chain(
            ["bestilling", "reminder", "reminder"],
            [_at(MON, "09:00"), _at(WED, "12:00"), _at(THU, "15:00")],
            _g("restaurant"),
        ),
        category="edits",
    ),
    # ung
    EditCase(
        "velkomstmail til nye kunder med en gang de registrerer seg 👋",
        "og send kjøreplanen 2 dager etter",
        _event_sends("customer.created", ["velkomst", "levering"], [None, _delay(2 * DAY)]),
        category="edits",
    ),
    # kom
    EditCase(
        "Bestillingsskjema ønskes oversendt kommunale bygg hver mandag kl. 08.00.",
        "Dersom mandagen er en helligdag, skal utsendelsen skje neste virkedag.",
        _cal(MON, "08:00", "bestilling", _g("kommune"), holiday_policy="next_business_day"),
        category="edits",
    ),
]
