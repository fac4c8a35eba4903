"""Held-out phrasing set v20 for the offline assistant: measured once, at the end, untuned.

Written by a new writer who never looked at the parser nor at the cases of any other phrasing
or held-out set, so that it measures how the parser generalises to phrasings nobody tuned it
on. What the writer read, and nothing else of the repository: ``/work/shared/docs/
workflow-format.md`` and ``/work/shared/docs/nl-examples.md`` (whole); of
``benchmarks/parser_accuracy.py`` only ``Case``, ``key_facts`` and ``compare`` (and the imports
they need); ``tests/ai_assistant/expected_facts.py`` whole (no file under ``ai_assistant/`` was
opened, ``ai_assistant/context.py`` is only imported); of ``tests/ai_assistant/
held_out_v19.py`` only the part above ``HELD_OUT_V19: list[Case] = [`` (docstring with the
conventions, imports, templates, groups, context builder, fact-building helpers); of
``tests/ai_assistant/parser_phrasings_v2.py`` lines 1166-1200 (``class EditCase``); of
``benchmarks/bench_offline_parser.py`` the lines of v19's imports and rows (to add this set's
rows) and, of ``tests/ai_assistant/test_parser_accuracy.py``, the benchmark test's list of
metric names (to add this set's two). The parser was never run on these cases (only an import
of this module, to check that it is well-formed) before the one measurement.

The business: Trøndelag Kaffe & Kantine Engros AS in Trondheim, a wholesaler of coffee
(kaffebønner, filterkaffe), tea, canteen food (kantinevarer, råvarer), disposable cups, lids
and napkins (engangskopper, lokk, servietter) and vending-machine supplies (påfyll til
automatene). Customers: cafés (kafeer, kafeene, kafean, kaféene, caféerne, cafés), canteens
(kantiner, kantinene, kantinan, kantinerne, canteens), petrol stations (bensinstasjoner,
bensinstasjonene, bensinstasjonan, benzinstationerne, petrol stations), offices (kontorer,
kontorene, kontoran, kontora, kontorerne, offices), universities and schools (skoler,
skolene, skolan, skulane, universitetene, schools), hospitals (sykehus, sykehusene, sjukehusa,
sjukehusan, hospitals), hotels and ski resorts (hoteller, hotellene, hotella, hotellerne,
skistedene, hotels), kiosks (kiosker, kioskene, kioskan, kioskerne, kiosks), vending-machine
operators (automatoperatører, automatoperatørene, vending operators) and sports clubs
(idrettslag, idrettslagene, sports clubs). Its writers, each case tagged in the comment above
it: ``trd`` (Trøndelag dialect: "æ" = jeg, "itj", "kæm", "ka", "hainn", "kvar", apocope
"send påminnels", "te" = til), ``hurry`` (very short imperative fragments, hardly a verb:
"skjema kantinene man 8"), ``pl`` (a Polish-born shift leader's Norwegian: odd word order,
"klokken", few articles), ``en-in`` (Indian English: "kindly", "do the needful", "revert",
"itself"), ``nn`` (Nynorsk), ``da`` (Danish: "hver", "påmindelse", "bestillingsformularen",
"kl. 8"), ``voice`` (dictated by voice: numbers as words "klokka åtte null null", no
punctuation, fillers "eh", "altså", self-corrections), ``excel`` (copied from a spreadsheet:
semicolon or tab separated columns "Dag;Tid;Hva;Til" with a header row), ``polite`` (a long
polite paragraph with context and thanks, the request buried in the middle), ``neg`` (the
request phrased with negations and exceptions: "ikke på fredager", "men ikke til dem som …")
and ``ask`` (the request put as questions). Categories, as v19's: ``basic``, ``chains``,
``multi_day``, ``conditions``, ``calendar``, ``events``, ``delays``, ``templates_by_meaning``,
``new_templates``, ``must_ask``. The conversations (``HELD_OUT_V20_CONVERSATIONS``) are
``answers`` (the first message makes the assistant ask, the second answers) or ``edits`` (the
second changes the draft the first made); their ``expected`` is the draft after the follow-up.

Webhooks named in texts: ``kaffemaskin-feil`` (the telemetry alarm of a coffee machine the
wholesaler leases to a customer; its data names that customer, so "kunden" / "the customer"
is the event's customer) and ``prisendring`` (the coffee supplier's price change feed; it is
about no customer, so "let the customer know" after it is a question, while "send it to all
customers" is an answer).

``expected`` is ``"question"`` or the key facts the text clearly determines; the conventions are
v19's, unchanged: weekly single sends and chains give ``triggers`` equal to each step's day and
time, none for daily, monthly, several-day or calendar-kind schedules (a weekly send with a
holiday policy, ``every_weeks`` or ``iso_weeks`` lists no triggers either); event steps "med en
gang" / "straks" / "med det samme" / "immediately" (or no time at all) have trigger ``None``, "N
minutter / timer / dager etter" a ``delay_minutes`` relative to the step before (a scheduled
chain's "to timer etter" too); telling a staff group gives only the event and ``staff_group``;
later chain steps go to the first step's audience with ``orders_missing`` since
``execution_start``; "standardordre" / "vanlig ordre" / "fast ordre" / "standing order" is
``create_order`` ``repeat_last``; a reminder without a time is at 15:00; windows "siden mandag"
``last_monday``, "siste 7 dager" 7, "tre uker" 21; a single reminder without a stated window
lists no condition; "hver hverdag" / "every weekday" ``weekdays_only``, "hver virkedag" / "every
business day" ``business_days_only`` (where the text says both, "hver hverdag, men hopp over
helligdager", neither flag nor a policy is listed: the two encodings mean the same); "siste
virkedag" ``business_day`` -1, "første virkedag" 1; "tredje onsdag i måneden" ``weekday``
wednesday ``nth`` 3, "siste fredag i måneden" ``nth`` -1; ``every_weeks`` anchored on the date
given (a named day such as "neste uke" or "etter at klokka er stilt" is resolved against today),
otherwise on the next such weekday after today (today is a Monday, so no unanchored case uses
Monday); "oddetallsuker" ``iso_weeks`` odd, "partallsuker" even; holiday policy only where the
text says what happens on a public holiday ("helligdag" / "rød dag" / "helligdage"): "hopp over"
/ "skip" ``skip``, "dagen etter" / "neste virkedag" ``next_business_day``, "dagen før" /
"torsdagen før" (of a Friday) ``previous_business_day``. A several-day schedule said with an
exception ("hver hverdag unntatt fredag", "alle hverdager unntatt mandag") is a weekly ``days``
list in week order; "hver dag" narrowed afterwards by "kun på hverdage" or "ikke i helgene" is
``weekdays_only``. Times: "halv ni" 08:30, "klokka åtte null null" 08:00, "sju tretti" 07:30, "4
pm" 16:00, "kl. 6.30" 06:30, "0730" 07:30. Wall-clock times do not change with daylight saving
time, so "kl 8, også etter at vi går over til vintertid" is plain 08:00; a time or a send that
differs between summer and winter time cannot be expressed and is a question. A vague time
("fredag morgen") lists no time.

What the format cannot express is a question (new kinds, next to v19's): the stock or bean level
in a customer's coffee machine (other than the ``kaffemaskin-feil`` webhook), a consumption
ranking ("de som har drukke mest kaffe"), debts as an audience ("kunder som skylder penger"),
email opens, complaints, "all except the kiosks" (a recipients set is one group, never a
difference), a send only in winter time or at different summer and winter times, school holidays
or a university's semester start, "i uka før jul" with no day or time, the weather, a percentage
discount, ordering beans from the roaster, phoning, SMS, printing a poster, a Facebook post, a
spreadsheet row whose day is "?", a choice left open ("tysdag eller onsdag", "klokka åtte eller
ni", "kl 9 eller 10"), a group that does not exist and could be several ("bedriftene": the
offices, the canteens or the vending-machine operators; "butikkan": the kiosks or the petrol
stations), one named person ("Kari på kaffebaren på Solsiden") and "let the customer know" after
``prisendring``. Things that look hard but are answerable are not questions: "annakvar tysdag",
"annenhver fredag, første gang etter at klokka er stilt tilbake", "fra neste uke", "siste
vyrkedagen i månaden", a Danish "spring helligdage over" after "hver hverdag", odd ISO weeks
from a spreadsheet column, a voice self-correction ("send ordrebekreftelse eh nei vent send
leveringsplanen"), a send plus a staff notice on one event.

Group slugs: see the customer list above, in order: ``kafe``, ``kantine``, ``bensin``,
``kontor``, ``skole``, ``sykehus``, ``hotell``, ``kiosk``, ``automat``, ``idrett``. Staff
groups: ``lager``, ``sjåfører``, ``salg`` (salsavdelinga, the sales department),
``kundeservice``, ``teknikere`` (teknikerne, the technicians).

Templates by meaning: bestillingsskjema / skjemaet / bestillingsformularen / order form
``bestilling``; påminnelse / påminnels / påminning / purring / påmindelse / reminder
``reminder``; ordrebekreftelse / ordrebekreftels / ordrebekræftelsen / bekreftelse /
confirmation ``confirmation``; tilbudsmailen / kaffetilbudet / tilbodsmailen / tilbudet
``tilbud``; nyhetsbrevet / nyheitsbrevet / nyhedsbrevet / Kaffebrevet / newsletter
``nyhetsbrev``; leveringsplanen / delivery plan ``levering``; "e-posten om forfalne
fakturaer" / "overdue invoice mail" ``faktura``; velkomstmail / welcome mail ``velkomst``;
påfyll-mailen / "e-posten om påfyll til automatene" / "vending machine refill mail"
``automat``; servicemail / "mailen om avkalking av kaffemaskina" / rengjøringstipsene for
kaffemaskinen ``service``; menyen / menyforslaget / menuen / "canteen menu suggestions"
``meny``; "kopper+lokk-mail" / engangskopp-mailen / "mailen om engangskopper" ``engangs``;
"mail om julebestilling" ``sesong``. An invitation to a barista course, a customer survey
(kundeundersøkelse, spørreundersøkelse), a note about returning pallets, an invitation to a
coffee tasting, an invitation to a tea tasting, new opening hours in Christmas week and a
price change notice are ``"new"``.

Today is Monday 24 October 2033 (ISO week 43): the next Tuesday is 2033-10-25, Wednesday
2033-10-26, Thursday 2033-10-27, Friday 2033-10-28; the clocks go back (sommertid ends) on
Sunday 2033-10-30, so "etter at klokka er stilt" means from Monday 2033-10-31 (ISO week 44),
whose Tuesday is 2033-11-01, Wednesday 2033-11-02, Thursday 2033-11-03, Friday 2033-11-04;
Monday 2033-11-07 and Tuesday 2033-11-08 are in ISO week 45.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ai_assistant.context import GroupInfo, ParseContext, TemplateInfo
from benchmarks.parser_accuracy import Case
from tests.ai_assistant import expected_facts as facts
from tests.ai_assistant.expected_facts import (
    DAY,
    FRI,
    HOUR,
    MON,
    REPORT,
    SAT,
    SEND,
    THU,
    TUE,
    WED,
)
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
_chain = facts.weekly_chain
_report = facts.report
_sends = facts.event_sends
_staff = facts.staff

# Monday 24 October 2033 (ISO week 43); the clocks go back on Sunday 30 October.
HELD_OUT_V20_TODAY = dt.date(2033, 10, 24)

HELD_OUT_V20_TEMPLATES: list[TemplateInfo] = [
    {
        "id": 2001,
        "name": "Ukas bestilling",
        "category": "bestilling",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Bestill kaffe, te og kantinevarer for neste uke",
    },
    {
        "id": 2002,
        "name": "Har dere husket kaffen?",
        "category": "reminder",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Påminnelse: bestillingsfristen nærmer seg",
    },
    {
        "id": 2003,
        "name": "Ordrebekreftelse",
        "category": "confirmation",
        "variables": ["kunde_navn", "ordre_nummer", "leveringsdato"],
        "subject": "Takk for bestillingen, dette kommer med bilen",
    },
    {
        "id": 2004,
        "name": "Ukas kaffetilbud",
        "category": "tilbud",
        "variables": ["kunde_navn", "tilbud_liste", "bestilling_link"],
        "subject": "Rabatt på kaffebønner, te og kantinevarer denne uka",
    },
    {
        "id": 2005,
        "name": "Kaffebrevet",
        "category": "nyhetsbrev",
        "variables": ["kunde_navn", "maaned"],
        "subject": "Nytt fra Trøndelag Kaffe & Kantine",
    },
    {
        "id": 2006,
        "name": "Leveringsplan",
        "category": "levering",
        "variables": ["kunde_navn", "rute", "leveringsdag"],
        "subject": "Når kommer bilen? Ruter og leveringsdager",
    },
    {
        "id": 2007,
        "name": "Forfalt faktura",
        "category": "faktura",
        "variables": ["kunde_navn", "faktura_nummer", "belop", "forfallsdato"],
        "subject": "Faktura med passert forfall",
    },
    {
        "id": 2008,
        "name": "Velkommen som kunde",
        "category": "velkomst",
        "variables": ["kunde_navn", "kontaktperson", "nettbutikk_link"],
        "subject": "Velkommen til Trøndelag Kaffe & Kantine, slik bestiller du",
    },
    {
        "id": 2009,
        "name": "Påfyll til automatene",
        "category": "automat",
        "variables": ["kunde_navn", "produkt_liste"],
        "subject": "Kaffe, kakao, kopper og snacks til kaffe- og snackautomater",
    },
    {
        "id": 2010,
        "name": "Service på kaffemaskinen",
        "category": "service",
        "variables": ["kunde_navn", "maskin", "servicedato"],
        "subject": "Avkalking, rengjøring og service av kaffemaskinen",
    },
    {
        "id": 2011,
        "name": "Ukas kantinemeny",
        "category": "meny",
        "variables": ["kunde_navn", "meny", "bestilling_link"],
        "subject": "Menyforslag og råvarer til kantina denne uka",
    },
    {
        "id": 2012,
        "name": "Engangskopper og servietter",
        "category": "engangs",
        "variables": ["kunde_navn", "produkt_liste"],
        "subject": "Kopper, lokk, rørepinner og servietter på lager",
    },
    {
        "id": 2013,
        "name": "Julebestilling",
        "category": "sesong",
        "variables": ["kunde_navn", "frist", "bestilling_link"],
        "subject": "Bestill julekaffe, gløgg og julemat til kantina i god tid",
    },
]

HELD_OUT_V20_GROUPS: list[GroupInfo] = [
    {"slug": "kafe", "name": "Kafeer", "size": 58},
    {"slug": "kantine", "name": "Kantiner", "size": 74},
    {"slug": "bensin", "name": "Bensinstasjoner", "size": 41},
    {"slug": "kontor", "name": "Kontorer", "size": 96},
    {"slug": "skole", "name": "Universiteter og skoler", "size": 27},
    {"slug": "sykehus", "name": "Sykehus", "size": 9},
    {"slug": "hotell", "name": "Hoteller og skisteder", "size": 23},
    {"slug": "kiosk", "name": "Kiosker", "size": 35},
    {"slug": "automat", "name": "Automatoperatører", "size": 12},
    {"slug": "idrett", "name": "Idrettslag", "size": 31},
]

HELD_OUT_V20_STAFF_GROUPS = ["lager", "sjåfører", "salg", "kundeservice", "teknikere"]


def held_out_v20_context() -> ParseContext:
    """Trøndelag Kaffe & Kantine's templates, groups and staff groups, on
    ``HELD_OUT_V20_TODAY``."""
    return facts.business_context(
        HELD_OUT_V20_TEMPLATES, HELD_OUT_V20_GROUPS, HELD_OUT_V20_STAFF_GROUPS, HELD_OUT_V20_TODAY
    )


# --- Builders for the expected facts ----------------------------------------------------------

Q = "question"

# The next Tuesday and Thursday after today; the week after the clocks go back (ISO week 44)
# and the one after it (ISO week 45).
NEXT_TUE, NEXT_THU = "2033-10-25", "2033-10-27"
W44_WED, W44_THU, W44_FRI = "2033-11-02", "2033-11-03", "2033-11-04"
W45_MON, W45_TUE = "2033-11-07", "2033-11-08"


def _machine(templates: list[str], triggers: list[dict[str, Any] | None]) -> dict[str, Any]:
    """Sends to the customer whose machine raised the ``kaffemaskin-feil`` webhook."""
    return _sends("webhook", templates, triggers, event_name="kaffemaskin-feil")


def _hook_staff(name: str, staff_group: str) -> dict[str, Any]:
    """Telling a staff group that the webhook ``name`` came in."""
    return _staff("webhook", staff_group, event_name=name)


def _cal(kind: str, time: str, template: str, recipients: dict[str, Any], **cfg: Any) -> Any:
    """A calendar-kind schedule (no ``triggers``): weekly on ``kind`` (a day) or monthly."""
    if kind == "monthly":
        return _monthly(time, **cfg, **_one(template, recipients))
    return _weekly(kind, time, **cfg, **_one(template, recipients))


# --- The cases ---------------------------------------------------------------------------------

HELD_OUT_V20: list[Case] = [
    # --- basic ---------------------------------------------------------------------------------
    # trd
    Case(
        "Send bestillingsskjemaet te kantinan kvar mandag klokka 8, æ vil ha det ut tidlig",
        _wk1(MON, "08:00", "bestilling", _g("kantine")),
    ),
    # hurry
    Case("skjema kafeene tir 0730", _wk1(TUE, "07:30", "bestilling", _g("kafe"))),
    # pl
    Case(
        "Hver onsdag klokken 10 du sender bestillingsskjema til bensinstasjoner, takk",
        _wk1(WED, "10:00", "bestilling", _g("bensin")),
    ),
    # en-in
    Case(
        "Kindly send the order form to all the hospitals every Thursday at 11 am itself.",
        _wk1(THU, "11:00", "bestilling", _g("sykehus")),
    ),
    # nn
    Case(
        "Kvar fredag klokka 14 skal bestillingsskjemaet gå ut til alle kundane våre",
        _wk1(FRI, "14:00", "bestilling", _all()),
    ),
    # da
    Case(
        "Send bestillingsformularen til kioskerne hver tirsdag klokken 9",
        _wk1(TUE, "09:00", "bestilling", _g("kiosk")),
    ),
    # voice
    Case(
        "eh send bestillingsskjemaet til skolene hver torsdag klokka ni null null altså",
        _wk1(THU, "09:00", "bestilling", _g("skole")),
    ),
    # excel
    Case(
        "Dag;Tid;Hva;Til\nMandag;06:45;Bestillingsskjema;Hoteller",
        _wk1(MON, "06:45", "bestilling", _g("hotell")),
    ),
    # polite
    Case(
        "Hei! Takk for en flott gjennomgang i forrige uke, vi er veldig fornøyde så langt. Vi "
        "lurte på om dere kunne hjelpe oss med én ting: hver fredag klokka 12 ønsker vi at "
        "bestillingsskjemaet sendes til idrettslagene, siden de handler inn til helgens kamper. "
        "Tusen takk for god hjelp, og ha en fin dag videre!",
        _wk1(FRI, "12:00", "bestilling", _g("idrett")),
    ),
    # neg
    Case(
        "Hver mandag kl 10 skal skjemaet til automatoperatørene, ikke til noen andre",
        _wk1(MON, "10:00", "bestilling", _g("automat")),
    ),
    # ask
    Case(
        "Kan dere sende bestillingsskjemaet til kontorene hver onsdag klokka halv ni?",
        _wk1(WED, "08:30", "bestilling", _g("kontor")),
    ),
    # hurry
    Case("daglig 0600 skjema alle", _daily("06:00", **_one("bestilling", _all()))),
    # pl
    Case(
        "Hver måned den 1. klokken 8 send nyhetsbrev til alle kunder",
        _monthly("08:00", day_of_month=1, **_one("nyhetsbrev", _all())),
    ),
    # trd
    Case(
        "Send påminnels te skolan kvar onsdag klokka 14",
        _wk1(WED, "14:00", "reminder", _g("skole")),
    ),
    # pl
    Case(
        "Hver fredag klokken 16 send ukesrapport over bestillinger til salg@trdkaffe.no",
        _weekly(FRI, "16:00", **_report(["salg@trdkaffe.no"], "weekly_orders")),
    ),
    # neg
    Case(
        "Ikke send noe til kundene, bare rapporten over hvem som ikke har bestilt, til "
        "innkjop@trdkaffe.no hver torsdag kl 13",
        _weekly(THU, "13:00", **_report(["innkjop@trdkaffe.no"], "orders_missing")),
    ),
    # --- chains --------------------------------------------------------------------------------
    # trd
    Case(
        "Send skjema te alle kundan mandag klokka 9, og send påminnels torsdag klokka 14 te "
        "dem som itj har bestilt",
        _weekly(MON, "09:00", **_form_rem(_at(MON, "09:00"), _at(THU, "14:00"), _all())),
        "chains",
    ),
    # hurry
    Case(
        "skjema kantinene man 8, purring ons 12, standardordre fre 7",
        _weekly(
            MON,
            "08:00",
            **_form_rem_order(
                _at(MON, "08:00"), _at(WED, "12:00"), _at(FRI, "07:00"), _g("kantine")
            ),
        ),
        "chains",
    ),
    # pl
    Case(
        "Mandag klokken 9 send skjema til kafeer. Tirsdag klokken 15 påminnelse hvis ikke "
        "bestilt. Onsdag klokken 8 lag vanlig ordre for de som fortsatt ikke bestilt.",
        _weekly(
            MON,
            "09:00",
            **_form_rem_order(_at(MON, "09:00"), _at(TUE, "15:00"), _at(WED, "08:00"), _g("kafe")),
        ),
        "chains",
    ),
    # en-in
    Case(
        "Kindly send order form to petrol stations on Monday 8 am, then reminder on Wednesday "
        "2 pm to those who have not yet ordered, and place the standing order on Thursday 9 am "
        "for whoever is still pending. Please revert if any issue.",
        _weekly(
            MON,
            "08:00",
            **_form_rem_order(
                _at(MON, "08:00"), _at(WED, "14:00"), _at(THU, "09:00"), _g("bensin")
            ),
        ),
        "chains",
    ),
    # nn
    Case(
        "Send bestillingsskjemaet til sjukehusa tysdag klokka 10, og ei påminning onsdag til "
        "dei som ikkje har bestilt",
        _weekly(TUE, "10:00", **_form_rem(_at(TUE, "10:00"), _at(WED, "15:00"), _g("sykehus"))),
        "chains",
    ),
    # da
    Case(
        "Send bestillingsformularen til alle kunder mandag kl. 8, en påmindelse onsdag kl. 12 "
        "og igen torsdag kl. 12 til dem der ikke har bestilt, og læg den faste ordre fredag "
        "kl. 6",
        _weekly(
            MON,
            "08:00",
            **_form_two_rem_order(
                [_at(MON, "08:00"), _at(WED, "12:00"), _at(THU, "12:00"), _at(FRI, "06:00")],
                _all(),
            ),
        ),
        "chains",
    ),
    # voice
    Case(
        "send skjemaet til hotellene tirsdag klokka åtte og så en purring fredag klokka ti til "
        "dem som ikke har bestilt ennå",
        _weekly(TUE, "08:00", **_form_rem(_at(TUE, "08:00"), _at(FRI, "10:00"), _g("hotell"))),
        "chains",
    ),
    # excel
    Case(
        "Dag;Tid;Hva;Til\nMandag;07:00;Bestillingsskjema;Kiosker\n"
        "Onsdag;13:00;Påminnelse (ikke bestilt);Kiosker\n"
        "Fredag;08:00;Standardordre (fortsatt ikke bestilt);Kiosker",
        _weekly(
            MON,
            "07:00",
            **_form_rem_order(_at(MON, "07:00"), _at(WED, "13:00"), _at(FRI, "08:00"), _g("kiosk")),
        ),
        "chains",
    ),
    # polite
    Case(
        "God morgen, og takk for sist! Vi har fått mange gode tilbakemeldinger fra skolene. "
        "For at kantinene der ikke skal gå tomme, vil vi gjerne at skjemaet sendes til skolene "
        "hver mandag kl 11, og at de som ikke har bestilt får en vennlig påminnelse torsdag "
        "kl 9. Setter stor pris på hjelpen!",
        _weekly(MON, "11:00", **_form_rem(_at(MON, "11:00"), _at(THU, "09:00"), _g("skole"))),
        "chains",
    ),
    # neg
    Case(
        "Skjema til idrettslagene fredag kl 9. Påminnelse mandag kl 12, men ikke til dem som "
        "allerede har bestilt",
        _weekly(FRI, "09:00", **_form_rem(_at(FRI, "09:00"), _at(MON, "12:00"), _g("idrett"))),
        "chains",
    ),
    # ask
    Case(
        "Kan vi sende skjema til automatoperatørene tirsdag kl 7, og så purre på dem som ikke "
        "har bestilt onsdag kl 7?",
        _weekly(TUE, "07:00", **_form_rem(_at(TUE, "07:00"), _at(WED, "07:00"), _g("automat"))),
        "chains",
    ),
    # trd
    Case(
        "Tilbudsmailen te kafean tysdag klokka 10, og dem som itj har bestilt innen torsdag "
        "klokka 12 ska få påminnels da",
        _chain(["tilbud", "reminder"], [_at(TUE, "10:00"), _at(THU, "12:00")], _g("kafe")),
        "chains",
    ),
    # hurry
    Case(
        "skjema alle ons 9 / påminnelse tor / fast ordre fre 10",
        _weekly(
            WED,
            "09:00",
            **_form_rem_order(_at(WED, "09:00"), _at(THU, "15:00"), _at(FRI, "10:00"), _all()),
        ),
        "chains",
    ),
    # en-in
    Case(
        "Order form to offices every Tuesday 9:30 am; gentle reminder Thursday 11 am to those "
        "who did not order; kindly also send the weekly orders report to ops@trdkaffe.no "
        "Friday 4 pm.",
        _weekly(
            TUE,
            "09:30",
            steps=[SEND, SEND, REPORT],
            templates=["bestilling", "reminder", None],
            triggers=[_at(TUE, "09:30"), _at(THU, "11:00"), _at(FRI, "16:00")],
            report="weekly_orders",
            send_to=["ops@trdkaffe.no"],
        ),
        "chains",
    ),
    # --- multi_day -----------------------------------------------------------------------------
    # trd
    Case(
        "Send tilbudsmailen te bensinstasjonan mandag og torsdag klokka 7",
        _days([MON, THU], "07:00", **_one("tilbud", _g("bensin"))),
        "multi_day",
    ),
    # hurry
    Case(
        "meny kantiner man+ons+fre 0630",
        _days([MON, WED, FRI], "06:30", **_one("meny", _g("kantine"))),
        "multi_day",
    ),
    # pl
    Case(
        "Tirsdag og fredag klokken 8 send leveringsplan til alle hoteller",
        _days([TUE, FRI], "08:00", **_one("levering", _g("hotell"))),
        "multi_day",
    ),
    # nn
    Case(
        "Måndag, onsdag og fredag klokka 9 skal skjemaet sendast til kantinene",
        _days([MON, WED, FRI], "09:00", **_one("bestilling", _g("kantine"))),
        "multi_day",
    ),
    # da
    Case(
        "Send tilbudsmailen til caféerne tirsdag og torsdag kl. 15",
        _days([TUE, THU], "15:00", **_one("tilbud", _g("kafe"))),
        "multi_day",
    ),
    # voice
    Case(
        "hver onsdag og lørdag klokka sju tretti send skjema til idrettslagene",
        _days([WED, SAT], "07:30", **_one("bestilling", _g("idrett"))),
        "multi_day",
    ),
    # neg
    Case(
        "Hver hverdag kl 7 send menyforslaget til kantinene, men ikke på fredager",
        _days([MON, TUE, WED, THU], "07:00", **_one("meny", _g("kantine"))),
        "multi_day",
    ),
    # neg
    Case(
        "Send skjema til kioskene alle hverdager unntatt mandag, kl 10",
        _days([TUE, WED, THU, FRI], "10:00", **_one("bestilling", _g("kiosk"))),
        "multi_day",
    ),
    # ask
    Case(
        "Går det an å sende kaffetilbudet til kontorene både tirsdag og torsdag kl 12?",
        _days([TUE, THU], "12:00", **_one("tilbud", _g("kontor"))),
        "multi_day",
    ),
    # en-in
    Case(
        "Kindly send the vending machine refill mail to vending operators on Monday, Wednesday "
        "and Friday at 6:15 am",
        _days([MON, WED, FRI], "06:15", **_one("automat", _g("automat"))),
        "multi_day",
    ),
    # --- conditions ----------------------------------------------------------------------------
    # trd
    Case(
        "Kvar torsdag klokka 13 send påminnels te kantinan som itj har bestilt sia mandag",
        _wk1(THU, "13:00", "reminder", _g("kantine"), conditions=[_missing(since="last_monday")]),
        "conditions",
    ),
    # hurry
    Case(
        "purring alle fre 10, ikke bestilt 14 dager",
        _wk1(FRI, "10:00", "reminder", _all(), conditions=[_missing(days_back=14)]),
        "conditions",
    ),
    # pl
    Case(
        "Hver dag klokken 11 send påminnelse til kafeer som ikke har bestilt siste 5 dager",
        _daily("11:00", **_one("reminder", _g("kafe"), conditions=[_missing(days_back=5)])),
        "conditions",
    ),
    # en-in
    Case(
        "Every Wednesday at 10 am kindly send reminder to hospitals which have not placed any "
        "order since Monday",
        _wk1(WED, "10:00", "reminder", _g("sykehus"), conditions=[_missing(since="last_monday")]),
        "conditions",
    ),
    # nn
    Case(
        "Kvar fredag klokka 9 skal dei som har bestilt sidan måndag få tilbodsmailen",
        _wk1(FRI, "09:00", "tilbud", _all(), conditions=[_ordered(since="last_monday")]),
        "conditions",
    ),
    # da
    Case(
        "Hver mandag kl. 10 send en påmindelse til alle kunder der ikke har bestilt de sidste "
        "10 dage",
        _wk1(MON, "10:00", "reminder", _all(), conditions=[_missing(days_back=10)]),
        "conditions",
    ),
    # voice
    Case(
        "hver tirsdag klokka tolv null null send kaffetilbudet til kontorene som har bestilt de "
        "siste sju dagene",
        _wk1(TUE, "12:00", "tilbud", _g("kontor"), conditions=[_ordered(days_back=7)]),
        "conditions",
    ),
    # neg
    Case(
        "Hver torsdag kl 14 send påminnelse til hotellene, men ikke til de som allerede har "
        "bestilt siden mandag",
        _wk1(THU, "14:00", "reminder", _g("hotell"), conditions=[_missing(since="last_monday")]),
        "conditions",
    ),
    # ask
    Case(
        "Kan alle som ikke har bestilt på tre uker få en purring hver mandag kl 9?",
        _wk1(MON, "09:00", "reminder", _all(), conditions=[_missing(days_back=21)]),
        "conditions",
    ),
    # polite
    Case(
        "Hei igjen, og takk for at dere tok dere tid på telefonen i går. Som avtalt: hver "
        "onsdag kl 8 ønsker vi at idrettslagene som ikke har lagt inn en bestilling siden "
        "mandag får en påminnelse, slik at de rekker levering før helgens cuper. Takk så mye, "
        "dere er gull verdt!",
        _wk1(WED, "08:00", "reminder", _g("idrett"), conditions=[_missing(since="last_monday")]),
        "conditions",
    ),
    # excel
    Case(
        "Dag;Tid;Hva;Til;Vilkår\nFredag;15:00;Påminnelse;Automatoperatører;ikke bestilt siste "
        "7 dager",
        _wk1(FRI, "15:00", "reminder", _g("automat"), conditions=[_missing(days_back=7)]),
        "conditions",
    ),
    # en-in
    Case(
        "Daily 4 pm kindly send reminder to all customers who have not ordered since Monday",
        _daily("16:00", **_one("reminder", _all(), conditions=[_missing(since="last_monday")])),
        "conditions",
    ),
    # --- calendar ------------------------------------------------------------------------------
    # trd
    Case(
        "Annakvar tysdag klokka 10 send skjema te sjukehusan",
        _cal(TUE, "10:00", "bestilling", _g("sykehus"), every_weeks=2, anchor=NEXT_TUE),
        "calendar",
    ),
    # hurry
    Case(
        "annenhver tor 9 skjema kafeer, fra neste uke",
        _cal(THU, "09:00", "bestilling", _g("kafe"), every_weeks=2, anchor=W44_THU),
        "calendar",
    ),
    # pl
    Case(
        "Annenhver fredag klokken 8 send leveringsplan til kiosker, første gang etter klokka "
        "er stilt tilbake",
        _cal(FRI, "08:00", "levering", _g("kiosk"), every_weeks=2, anchor=W44_FRI),
        "calendar",
    ),
    # en-in
    Case(
        "Kindly send the newsletter on the first Monday of every month at 9 am to all customers",
        _cal("monthly", "09:00", "nyhetsbrev", _all(), weekday=MON, nth=1),
        "calendar",
    ),
    # nn
    Case(
        "Siste vyrkedagen i månaden klokka 15 skal rapporten over kven som ikkje har bestilt "
        "sendast til leiar@trdkaffe.no",
        _monthly("15:00", business_day=-1, **_report(["leiar@trdkaffe.no"], "orders_missing")),
        "calendar",
    ),
    # da
    Case(
        "Hver hverdag kl. 7 send menuen til kantinerne, men spring helligdage over",
        _daily("07:00", **_one("meny", _g("kantine"))),
        "calendar",
    ),
    # voice
    Case(
        "første virkedag i måneden klokka åtte send nyhetsbrevet til alle",
        _cal("monthly", "08:00", "nyhetsbrev", _all(), business_day=1),
        "calendar",
    ),
    # neg
    Case(
        "Hver mandag kl 9 skjema til kantinene, men ikke på røde dager, da tar vi det dagen etter",
        _cal(MON, "09:00", "bestilling", _g("kantine"), holiday_policy="next_business_day"),
        "calendar",
    ),
    # ask
    Case(
        "Kan vi sende leveringsplanen til hotellene i partallsuker, tirsdag kl 11?",
        _cal(TUE, "11:00", "levering", _g("hotell"), iso_weeks="even"),
        "calendar",
    ),
    # excel
    Case(
        "Dag;Tid;Hva;Til;Merknad\nTorsdag;10:00;Påfyll-mail;Automatoperatører;oddetallsuker",
        _cal(THU, "10:00", "automat", _g("automat"), iso_weeks="odd"),
        "calendar",
    ),
    # pl
    Case(
        "Hver virkedag klokken 6 send påfyll-mail til automatoperatører",
        _daily("06:00", business_days_only=True, **_one("automat", _g("automat"))),
        "calendar",
    ),
    # polite
    Case(
        "Hei! Vi setter stor pris på samarbeidet. Siden vi har ulike rutiner rundt "
        "helligdager, ønsker vi at skjemaet går til bensinstasjonene hver fredag kl 10, og at "
        "det sendes torsdagen før dersom fredagen er en helligdag. Takk for at dere ordner "
        "dette!",
        _cal(FRI, "10:00", "bestilling", _g("bensin"), holiday_policy="previous_business_day"),
        "calendar",
    ),
    # en-in
    Case(
        "Last Friday of every month 3 pm kindly send overdue invoice mail to all offices",
        _cal("monthly", "15:00", "faktura", _g("kontor"), weekday=FRI, nth=-1),
        "calendar",
    ),
    # nn
    Case(
        "Annankvar onsdag klokka 9, fyrste gong 2. november, skal skjemaet gå til skulane",
        _cal(WED, "09:00", "bestilling", _g("skole"), every_weeks=2, anchor=W44_WED),
        "calendar",
    ),
    # voice
    Case(
        "altså annenhver mandag klokka sju fra og med sjuende november send tilbudet til kioskene",
        _cal(MON, "07:00", "tilbud", _g("kiosk"), every_weeks=2, anchor=W45_MON),
        "calendar",
    ),
    # da
    Case(
        "Hver mandag kl. 8, også efter at vi skifter til vintertid, send bestillingsformularen "
        "til hotellerne",
        _wk1(MON, "08:00", "bestilling", _g("hotell")),
        "calendar",
    ),
    # trd
    Case(
        "Kvar fredag klokka 9 send skjema te kafean, og ja, klokka 9 òg etter at klokka e stilt",
        _wk1(FRI, "09:00", "bestilling", _g("kafe")),
        "calendar",
    ),
    # --- events --------------------------------------------------------------------------------
    # trd
    Case(
        "Når en kunde bestille nåkka, send ordrebekreftels te hainn med en gong",
        _sends("order.created", ["confirmation"], [None]),
        "events",
    ),
    # hurry
    Case(
        "ny kunde → velkomstmail",
        _sends("customer.created", ["velkomst"], [None]),
        "events",
    ),
    # pl
    Case(
        "Når kaffemaskin-feil kommer, send mail om service på kaffemaskin til kunden straks",
        _machine(["service"], [None]),
        "events",
    ),
    # en-in
    Case(
        "Whenever kaffemaskin-feil webhook comes, kindly inform the technicians immediately",
        _hook_staff("kaffemaskin-feil", "teknikere"),
        "events",
    ),
    # nn
    Case(
        "Når prisendring-webhooken kjem inn, gi beskjed til salsavdelinga",
        _hook_staff("prisendring", "salg"),
        "events",
    ),
    # da
    Case(
        "Når en ny kunde oprettes, send velkomstmailen med det samme",
        _sends("customer.created", ["velkomst"], [None]),
        "events",
    ),
    # voice
    Case(
        "når kaffemaskin-feil kommer inn eh si ifra til teknikerne og send servicemailen til "
        "kunden med en gang",
        _hook_staff("kaffemaskin-feil", "teknikere"),
        "events",
    ),
    # neg
    Case(
        "Når det kommer inn en bestilling, send bekreftelse til kunden, men ikke noe mer enn det",
        _sends("order.created", ["confirmation"], [None]),
        "events",
    ),
    # ask
    Case(
        "Kan kundene få en ordrebekreftelse automatisk når de bestiller?",
        _sends("order.created", ["confirmation"], [None]),
        "events",
    ),
    # polite
    Case(
        "Hei, og takk for rask respons sist! Leverandøren vår sender nå en prisendring-webhook "
        "hver gang kaffeprisene justeres. Når den kommer, ønsker vi at lageret får beskjed. "
        "Tusen takk på forhånd.",
        _hook_staff("prisendring", "lager"),
        "events",
    ),
    # excel
    Case(
        "Hendelse;Hva;Til\nNy kunde;Velkomstmail;Kunden",
        _sends("customer.created", ["velkomst"], [None]),
        "events",
    ),
    # hurry
    Case(
        "ordre inn → varsle kundeservice",
        _staff("order.created", "kundeservice"),
        "events",
    ),
    # --- delays --------------------------------------------------------------------------------
    # trd
    Case(
        "Når en kunde bestille, send ordrebekreftels med en gong og leveringsplanen to tima etter",
        _sends("order.created", ["confirmation", "levering"], [None, _delay(2 * HOUR)]),
        "delays",
    ),
    # hurry
    Case(
        "ny kunde: velkomst straks, skjema 2 dager etter",
        _sends("customer.created", ["velkomst", "bestilling"], [None, _delay(2 * DAY)]),
        "delays",
    ),
    # pl
    Case(
        "Når kaffemaskin-feil, send servicemail til kunden med en gang, og etter 3 timer send "
        "den igjen",
        _machine(["service", "service"], [None, _delay(3 * HOUR)]),
        "delays",
    ),
    # en-in
    Case(
        "On new customer creation kindly send welcome mail immediately and the order form "
        "after one day",
        _sends("customer.created", ["velkomst", "bestilling"], [None, _delay(DAY)]),
        "delays",
    ),
    # nn
    Case(
        "Når ein ny kunde blir oppretta, send velkomstmail med ein gong, og nyheitsbrevet tre "
        "dagar etter",
        _sends("customer.created", ["velkomst", "nyhetsbrev"], [None, _delay(3 * DAY)]),
        "delays",
    ),
    # da
    Case(
        "Når en kunde bestiller, send ordrebekræftelsen med det samme og leveringsplanen 30 "
        "minutter efter",
        _sends("order.created", ["confirmation", "levering"], [None, _delay(30)]),
        "delays",
    ),
    # voice
    Case(
        "mandag klokka ni send skjema til kantinene og så to timer etter send en påminnelse til "
        "dem som ikke har bestilt",
        _chain(["bestilling", "reminder"], [_at(MON, "09:00"), _delay(2 * HOUR)], _g("kantine")),
        "delays",
    ),
    # excel
    Case(
        "Steg;Når;Hva;Til\n1;Tirsdag 08:00;Tilbudsmail;Kafeer\n"
        "2;4 timer etter;Påminnelse (ikke bestilt);Kafeer",
        _chain(["tilbud", "reminder"], [_at(TUE, "08:00"), _delay(4 * HOUR)], _g("kafe")),
        "delays",
    ),
    # ask
    Case(
        "Kan kunden få en ordrebekreftelse med en gang hen bestiller, og så mailen om "
        "engangskopper en time etterpå?",
        _sends("order.created", ["confirmation", "engangs"], [None, _delay(HOUR)]),
        "delays",
    ),
    # --- templates_by_meaning ------------------------------------------------------------------
    # en-in
    Case(
        "Please send the canteen menu suggestions to the canteens every weekday at 7 sharp, do "
        "the needful.",
        _daily("07:00", weekdays_only=True, **_one("meny", _g("kantine"))),
        "templates_by_meaning",
    ),
    # da
    Case(
        "Hver dag klokken 6.30 skal tilbudsmailen sendes til benzinstationerne",
        _daily("06:30", **_one("tilbud", _g("bensin"))),
        "templates_by_meaning",
    ),
    # voice
    Case(
        "send ordrebekreftelse eh nei vent send leveringsplanen til alle kundene hver fredag "
        "klokka femten tretti",
        _wk1(FRI, "15:30", "levering", _all()),
        "templates_by_meaning",
    ),
    # nn
    Case(
        "Den siste dagen i kvar månad klokka 16 skal e-posten om forfalne fakturaer gå til kontora",
        _monthly("16:00", day_of_month="last", **_one("faktura", _g("kontor"))),
        "templates_by_meaning",
    ),
    # excel
    Case(
        "Dag\tTid\tHva\tTil\nTorsdag\t13:00\tKaffetilbud\tKafeer",
        _wk1(THU, "13:00", "tilbud", _g("kafe")),
        "templates_by_meaning",
    ),
    # trd
    Case(
        "Send mailen om avkalking av kaffemaskina te kontoran første mandag i måneden klokka 8",
        _cal("monthly", "08:00", "service", _g("kontor"), weekday=MON, nth=1),
        "templates_by_meaning",
    ),
    # hurry
    Case(
        "kopper+lokk-mail kiosker fre 9",
        _wk1(FRI, "09:00", "engangs", _g("kiosk")),
        "templates_by_meaning",
    ),
    # pl
    Case(
        "Hver mandag klokken 7 send mail om julebestilling til kantiner",
        _wk1(MON, "07:00", "sesong", _g("kantine")),
        "templates_by_meaning",
    ),
    # polite
    Case(
        "Hei, håper alt står bra til hos dere! Vi har merket at automatoperatørene ofte går "
        "tomme for sjokolade og kopper mot slutten av uka. Kunne dere derfor sende dem "
        "e-posten om påfyll til automatene hver torsdag kl 10? På forhånd takk, vi setter stor "
        "pris på det.",
        _wk1(THU, "10:00", "automat", _g("automat")),
        "templates_by_meaning",
    ),
    # neg
    Case(
        "Send ikke skjemaet, men tilbudsmailen, til idrettslagene hver tirsdag kl 18",
        _wk1(TUE, "18:00", "tilbud", _g("idrett")),
        "templates_by_meaning",
    ),
    # ask
    Case(
        "Kan rengjøringstipsene for kaffemaskinen gå til kafeene hver fredag kl 8?",
        _wk1(FRI, "08:00", "service", _g("kafe")),
        "templates_by_meaning",
    ),
    # da
    Case(
        "Send nyhedsbrevet til alle kunder den 15. hver måned kl. 10",
        _monthly("10:00", day_of_month=15, **_one("nyhetsbrev", _all())),
        "templates_by_meaning",
    ),
    # --- new_templates -------------------------------------------------------------------------
    # trd
    Case(
        "Send invitasjon te baristakurset te kafean kvar tysdag klokka 10",
        _wk1(TUE, "10:00", "new", _g("kafe")),
        "new_templates",
    ),
    # hurry
    Case(
        "kundeundersøkelse alle 1. hver mnd kl 12",
        _monthly("12:00", day_of_month=1, **_one("new", _all())),
        "new_templates",
    ),
    # pl
    Case(
        "Hver fredag klokken 14 send mail om retur av paller til bensinstasjoner",
        _wk1(FRI, "14:00", "new", _g("bensin")),
        "new_templates",
    ),
    # en-in
    Case(
        "When prisendring webhook comes, kindly send price change notice to all customers",
        _event(
            "webhook",
            event_name="prisendring",
            steps=[SEND],
            templates=["new"],
            recipients=[_all()],
        ),
        "new_templates",
    ),
    # nn
    Case(
        "Kvar måndag klokka 10 skal invitasjonen til kaffesmaking sendast til hotella",
        _wk1(MON, "10:00", "new", _g("hotell")),
        "new_templates",
    ),
    # da
    Case(
        "Send en invitation til smagning af ny te til kontorerne hver torsdag kl. 14",
        _wk1(THU, "14:00", "new", _g("kontor")),
        "new_templates",
    ),
    # voice
    Case(
        "hver onsdag klokka ti send eh mailen om nye åpningstider i juleuka til alle kundene",
        _wk1(WED, "10:00", "new", _all()),
        "new_templates",
    ),
    # excel
    Case(
        "Dag;Tid;Hva;Til\nTirsdag;09:00;Spørreundersøkelse om kaffen;Sykehus",
        _wk1(TUE, "09:00", "new", _g("sykehus")),
        "new_templates",
    ),
    # --- must_ask ------------------------------------------------------------------------------
    # trd
    Case("Send påminnels te dem som har drukke mest kaffe i år", Q, "must_ask"),
    # hurry
    Case("skjema bedriftene man 9", Q, "must_ask"),
    # pl
    Case("Send mail til kunder som skylder penger hver fredag klokken 10", Q, "must_ask"),
    # en-in
    Case("Kindly do the needful for the canteens and revert.", Q, "must_ask"),
    # nn
    Case("Send skjemaet til kantinene tysdag eller onsdag klokka 9", Q, "must_ask"),
    # da
    Case("Send tilbudsmailen til kunderne når det bliver koldt udenfor", Q, "must_ask"),
    # voice
    Case(
        "send skjemaet til kantinene hver mandag klokka åtte eller ni altså det som passer",
        Q,
        "must_ask",
    ),
    # excel
    Case("Dag;Tid;Hva;Til\n?;08:00;Bestillingsskjema;Kantiner", Q, "must_ask"),
    # polite
    Case(
        "Hei! Takk for et godt samarbeid hittil. Vi har en liten utfordring: noen av "
        "kaffemaskinene hos kundene går tomme for bønner uten at vi merker det. Kunne dere "
        "sende en påminnelse når beholdningen i maskinen er under 20 prosent? Det hadde vært "
        "fantastisk. Mvh Ingrid",
        Q,
        "must_ask",
    ),
    # neg
    Case("Hver mandag kl 9 send skjema til alle unntatt kioskene", Q, "must_ask"),
    # neg
    Case(
        "Send tilbudet onsdag kl 10 til alle som ikke har åpnet forrige nyhetsbrev", Q, "must_ask"
    ),
    # ask
    Case("Kan vi sende noe til St. Olavs hospital når de er tomme for kopper?", Q, "must_ask"),
    # trd
    Case("Ring Kari på kaffebaren på Solsiden kvar måndag", Q, "must_ask"),
    # hurry
    Case("sms alle kiosker fre 8", Q, "must_ask"),
    # pl
    Case("Hver mandag klokken 9 bare i vintertid send skjema til hoteller", Q, "must_ask"),
    # en-in
    Case(
        "Kindly send order form to hotels Monday 9 am in summer time and 8 am in winter time",
        Q,
        "must_ask",
    ),
    # nn
    Case("Nyheitsbrevet bør ut til kundane jamleg", Q, "must_ask"),
    # da
    Case("Giv alle kantiner 10 % rabat på kaffe i november", Q, "must_ask"),
    # voice
    Case("eh bestill bønner fra brenneriet hver torsdag altså", Q, "must_ask"),
    # ask
    Case("Kan dere sende skjemaet til idrettslagene i skoleferiene?", Q, "must_ask"),
    # polite
    Case(
        "God dag, og takk for hjelpen med oppsettet. Vi ønsker nå at kunden får beskjed når "
        "prisendring-webhooken kommer fra leverandøren, slik at de vet hva som skjer. Tusen "
        "takk, og god helg når den tid kommer.",
        Q,
        "must_ask",
    ),
    # excel
    Case("Dag;Tid;Hva;Til\nOnsdag;kl 9 eller 10;Skjema;Kafeer", Q, "must_ask"),
    # trd
    Case("Send skjema te butikkan mandag klokka 9", Q, "must_ask"),
    # hurry
    Case("plakat kantiner uke 45", Q, "must_ask"),
    # nn
    Case("Legg ut tilbodet på Facebook kvar fredag", Q, "must_ask"),
    # pl
    Case("Send påminnelse til kunder som har klaget på kaffen forrige måned", Q, "must_ask"),
    # da
    Case("Send bestillingsformularen til kantinerne i ugen før jul", Q, "must_ask"),
    # ask
    Case("Kan kundene få beskjed når NTNU starter nytt semester?", Q, "must_ask"),
]

# --- Two-turn conversations --------------------------------------------------------------------

HELD_OUT_V20_CONVERSATIONS: list[EditCase] = [
    # answers: the first message makes the assistant ask; the second answers it.
    # trd
    EditCase(
        "Send skjema te kantinan tysdag eller onsdag",
        "onsdag klokka 9",
        _wk1(WED, "09:00", "bestilling", _g("kantine")),
        "answers",
    ),
    # hurry
    EditCase(
        "skjema bedriftene man 9",
        "kontorene",
        _wk1(MON, "09:00", "bestilling", _g("kontor")),
        "answers",
    ),
    # nn
    EditCase(
        "Send nyheitsbrevet til kundane kvar månad",
        "den 5., klokka 10",
        _monthly("10:00", day_of_month=5, **_one("nyhetsbrev", _all())),
        "answers",
    ),
    # en-in
    EditCase(
        "Kindly send the order form to hotels every week",
        "Tuesday 8 am please",
        _wk1(TUE, "08:00", "bestilling", _g("hotell")),
        "answers",
    ),
    # da
    EditCase(
        "Send tilbudsmailen til caféerne",
        "hver torsdag kl. 11",
        _wk1(THU, "11:00", "tilbud", _g("kafe")),
        "answers",
    ),
    # voice
    EditCase(
        "send skjemaet til skolene hver mandag klokka åtte eller ni",
        "ni altså",
        _wk1(MON, "09:00", "bestilling", _g("skole")),
        "answers",
    ),
    # excel
    EditCase(
        "Dag;Tid;Hva;Til\n?;07:30;Bestillingsskjema;Kiosker",
        "Fredag",
        _wk1(FRI, "07:30", "bestilling", _g("kiosk")),
        "answers",
    ),
    # ask
    EditCase(
        "Kan dere sende en påminnelse til butikkene?",
        "Bensinstasjonene, hver onsdag kl 14, bare til dem som ikke har bestilt siden mandag",
        _wk1(WED, "14:00", "reminder", _g("bensin"), conditions=[_missing(since="last_monday")]),
        "answers",
    ),
    # pl
    EditCase(
        "Send skjema til kunder",
        "Alle kunder, hver mandag klokken 8",
        _wk1(MON, "08:00", "bestilling", _all()),
        "answers",
    ),
    # polite
    EditCase(
        "Hei, og takk for sist! Vi vil gjerne at kafeene får servicemailen om kaffemaskinen "
        "jevnlig. Takk!",
        "Tusen takk for spørsmålet: første mandag i måneden kl 9 passer fint.",
        _cal("monthly", "09:00", "service", _g("kafe"), weekday=MON, nth=1),
        "answers",
    ),
    # neg
    EditCase(
        "Skjema til alle unntatt kioskene mandag kl 9",
        "Greit, send det bare til kantinene da",
        _wk1(MON, "09:00", "bestilling", _g("kantine")),
        "answers",
    ),
    # edits: the first message makes a draft; the second changes it.
    # trd
    EditCase(
        "Send skjema te alle mandag klokka 9 og påminnels torsdag klokka 15 te dem som itj har "
        "bestilt",
        "påminnelsen ska gå fredag klokka 10 istedenfor",
        _weekly(MON, "09:00", **_form_rem(_at(MON, "09:00"), _at(FRI, "10:00"), _all())),
    ),
    # hurry
    EditCase(
        "skjema kafeer tir 8",
        "+ purring tor 13 til de som ikke har bestilt",
        _weekly(TUE, "08:00", **_form_rem(_at(TUE, "08:00"), _at(THU, "13:00"), _g("kafe"))),
    ),
    # pl
    EditCase(
        "Hver onsdag klokken 10 send tilbud til kiosker",
        "Ikke kiosker, bensinstasjoner",
        _wk1(WED, "10:00", "tilbud", _g("bensin")),
    ),
    # en-in
    EditCase(
        "Send order form to offices Monday 9 am",
        "Kindly change the time to 7:30 am",
        _wk1(MON, "07:30", "bestilling", _g("kontor")),
    ),
    # nn
    EditCase(
        "Send skjemaet til sjukehusa kvar tysdag klokka 10",
        "Gjer det annankvar veke i staden, fyrste gong 8. november",
        _cal(TUE, "10:00", "bestilling", _g("sykehus"), every_weeks=2, anchor=W45_TUE),
    ),
    # da
    EditCase(
        "Send menuen til kantinerne hver dag kl. 7",
        "kun på hverdage",
        _daily("07:00", weekdays_only=True, **_one("meny", _g("kantine"))),
    ),
    # voice
    EditCase(
        "send skjema til hotellene mandag klokka ni og påminnelse onsdag klokka tolv til dem som "
        "ikke har bestilt",
        "og så standardordre fredag klokka åtte for dem som fortsatt ikke har bestilt",
        _weekly(
            MON,
            "09:00",
            **_form_rem_order(
                _at(MON, "09:00"), _at(WED, "12:00"), _at(FRI, "08:00"), _g("hotell")
            ),
        ),
    ),
    # excel
    EditCase(
        "Dag;Tid;Hva;Til\nTorsdag;10:00;Påfyll-mail;Automatoperatører",
        "Endre Tid til 11:30",
        _wk1(THU, "11:30", "automat", _g("automat")),
    ),
    # polite
    EditCase(
        "Hver fredag kl 12 send kaffetilbudet til idrettslagene",
        "Tusen takk, det ser flott ut! En liten ting: kan tilbudet heller gå til skolene? "
        "Ellers er alt perfekt.",
        _wk1(FRI, "12:00", "tilbud", _g("skole")),
    ),
    # neg
    EditCase(
        "Hver dag kl 6 send påfyll-mailen til automatoperatørene",
        "ikke i helgene",
        _daily("06:00", weekdays_only=True, **_one("automat", _g("automat"))),
    ),
    # ask
    EditCase(
        "Når en kunde bestiller, send ordrebekreftelse med en gang",
        "Kan leveringsplanen også gå ut en time etter?",
        _sends("order.created", ["confirmation", "levering"], [None, _delay(HOUR)]),
    ),
]
